"""A character's body: states and their timers, move frames, and belt-scroll physics with sliding collision.

States: ``idle``, ``walk``, ``run`` (players, after a double tap), ``jump``, ``attack`` (``move`` names the
attack), ``hurt`` (hitstun), ``knockdown`` (falling), ``down`` (lying), ``getup``, ``death``, ``grab``
(holding), ``grabbed``, ``thrown``, ``block``. ``anim`` is the tag the renderer draws; for attacks it is the
move's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim.entities import Entity
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

GRAVITY = 64              # 1/256 px per tick per tick
# Lying, getting up and the blink after it come from rules.json, per side: players keep a long blink
# (no cheap re-knockdowns), enemies get up nearly fighting so a kill flows (see lie_ticks()...).
FRICTION = 40             # slide slowdown on the floor, 1/256 px per tick per tick
GRAB_TICKS = 110          # a held enemy breaks free after this long
GRAB_DISTANCE = 20 * FP
NUDGE = 16                # px: how far round a small obstacle a player walking into it is steered
AIR_STATES = frozenset({"jump", "knockdown", "thrown", "death", "attack"})
SLIDE_STATES = frozenset({"hurt", "down", "getup", "block", "grab"})   # a body sliding to a stop on the floor


def lie_ticks(w: World, e: Entity) -> int:
    """How long ``e`` lies on the floor after a knockdown."""
    return w.rules["player_lie_ticks" if e.kind == "player" else "enemy_lie_ticks"]


def getup_ticks(w: World, e: Entity) -> int:
    """How long getting up takes (invulnerable)."""
    return w.rules["player_getup_ticks" if e.kind == "player" else "enemy_getup_ticks"]


def getup_blink(w: World, e: Entity) -> int:
    """Invulnerable blinking after getting up."""
    return w.rules["player_getup_blink" if e.kind == "player" else "enemy_getup_blink"]


def set_state(e: Entity, state: str, timer: int = 0, anim: str = "", anim_len: int = 0) -> None:
    """Enter a state, restarting its animation."""
    e.state, e.anim, e.anim_tick, e.anim_len, e.timer, e.move = state, anim or state, 0, anim_len, timer, ""


def start_move(w: World, e: Entity, name: str) -> None:
    """Begin an attack from its first startup tick."""
    m = w.moveset(e.char).moves[name]
    e.state, e.move, e.anim, e.anim_tick, e.anim_len = "attack", name, name, 0, m.total
    e.move_hit, e.hit_ids = False, []
    if m.air:
        e.air_attacked = True
    else:
        e.vx = e.vy = 0


def end_move(w: World, e: Entity) -> None:
    """An attack ran its course: back to holding, falling or standing."""
    name = e.move
    if e.slot >= 0 and name in ("punch1", "punch2"):
        # The chain continues only when the last punch connected.
        e.combo = int(name[-1]) if e.move_hit else 0
        e.combo_timer = w.rules["combo_window"] if e.move_hit else 0
    if e.kind == "enemy":
        w.after_enemy_attack(e)
    holding = w.by_id.get(e.grab_eid) if e.grab_eid >= 0 else None
    if holding is not None and holding.state == "grabbed" and holding.grab_eid == e.eid:
        set_state(e, "grab")
    elif e.z > 0:
        set_state(e, "jump")
    else:
        e.grab_eid = -1
        set_state(e, "idle")


def release(w: World, holder: Entity) -> None:
    """Let go of a held victim, who stumbles free."""
    v = w.by_id.get(holder.grab_eid) if holder.grab_eid >= 0 else None
    holder.grab_eid = -1
    if holder.state == "grab":
        set_state(holder, "idle")
    if v is not None and v.state == "grabbed":
        v.grab_eid = -1
        set_state(v, "idle")
        v.vx = -v.facing * 256


def age(w: World, e: Entity) -> None:
    """Advance timers and move frames by one tick (nothing moves yet)."""
    if e.hitstop > 0:
        return    # frozen: physics counts the hitstop down at the end of the step
    if e.invuln > 0:
        e.invuln -= 1
    if e.buffer_timer > 0:
        e.buffer_timer -= 1
        if e.buffer_timer == 0:
            e.buffer = ""
    if e.combo_timer > 0:
        e.combo_timer -= 1
    e.anim_tick += 1
    st = e.state
    if st == "idle" or st == "walk":
        return    # nothing runs out while standing or walking
    if st == "attack":
        m = w.moveset(e.char).moves[e.move]
        if e.anim_tick == m.startup:
            if m.projectile is not None:
                w.fire(e, m)
            elif m.hitboxes:
                w.emit(ev.WHIFF, x=e.x // FP, y=e.y // FP, z=e.z // FP, actor=e.eid, strength=m.strength,
                       tag=e.move, move=e.move)
        if e.anim_tick >= m.total:
            end_move(w, e)
    elif st == "hurt" or st == "getup" or st == "down" or (st == "block" and e.kind == "enemy"):
        e.timer -= 1
        if e.timer <= 0:
            if st == "down":
                n = getup_ticks(w, e)
                set_state(e, "getup", n, anim_len=n)
                w.emit(ev.GETUP, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)
            else:
                set_state(e, "idle")
                if st == "getup":
                    e.invuln = getup_blink(w, e)
    elif st == "death":
        if e.timer > 0:
            e.timer -= 1
        if e.timer == 0 and e.kind == "enemy":
            e.remove = True
    elif st == "grabbed":
        e.timer -= 1
        holder = w.by_id.get(e.grab_eid)
        if holder is None or holder.grab_eid != e.eid or e.timer <= 0:
            if holder is not None and holder.grab_eid == e.eid:
                release(w, holder)
            else:
                e.grab_eid = -1
                set_state(e, "idle")
    elif st == "grab":
        v = w.by_id.get(e.grab_eid)
        if v is None or v.state != "grabbed" or v.grab_eid != e.eid:
            e.grab_eid = -1
            set_state(e, "idle")


def blocked(w: World, x: int, y: int) -> bool:
    """Solid tile or outside the map at a 1/256 px position."""
    px, py = x >> 8, y >> 8
    if px < 0 or py < 0 or px >= w.px_width or py >= w.px_height:
        return True
    return w.solid_rows[py // w.tile][px // w.tile]


def physics(w: World, e: Entity) -> None:
    """Move one tick: walking, lunges, slides and flight, sliding along walls; then landing."""
    if e.hitstop > 0:
        e.hitstop -= 1
        return
    st = e.state
    if st == "grabbed":
        holder = w.by_id.get(e.grab_eid)
        if holder is not None:
            hx = holder.x + holder.facing * GRAB_DISTANCE
            if not blocked(w, hx, holder.y):
                e.x, e.y = hx, holder.y
            e.z, e.facing = 0, -holder.facing
        return
    if st == "attack":
        m = w.moveset(e.char).moves[e.move]
        if m.advance and m.startup <= e.anim_tick < m.startup + m.active:
            e.vx = e.facing * m.advance    # a lunge: the wind-up is a pose held still, the blow travels
        elif not m.air and e.z == 0:
            e.vx = _slow(e.vx)
        if m.depth and e.anim_tick >= m.startup + m.active:
            e.vy = 0     # a dodge rolls through startup and active, then stops
    elif st in SLIDE_STATES or (st == "death" and e.z == 0):
        e.vx = _slow(e.vx)
        e.vy = 0
    # Walls stop a body entering them; one already inside (pushed in somehow) may always walk out.
    open_step = stuck = False
    if e.vx or e.vy:    # only a moving body needs to know
        # The usual case: a step that stays inside one floor tile meets no wall (tiles are 16 px).
        t = w.tile * FP
        col, row = e.x // t, e.y // t
        open_step = (col == (e.x + e.vx) // t and row == (e.y + e.vy) // t and 0 <= col < w.cols
                     and 0 <= row < w.rows and not w.solid_rows[row][col])
        stuck = not open_step and blocked(w, e.x, e.y)
    if e.vx:
        nx = e.x + e.vx
        wall = not open_step and blocked(w, nx, e.y) and not stuck
        if wall or (e.slot >= 0 and _outside_lock(w, nx, e.vx)):
            e.vx = 0 if st != "walk" else e.vx
            if (wall and (st == "walk" or st == "idle" or st == "run") and e.slot >= 0
                    and (e.vy == 0 or blocked(w, e.x, e.y + e.vy))):
                # Walking straight into a column base or a bench end steers round its nearer end,
                # as arcade brawlers do, instead of marching on the spot behind it.
                e.vy = _round_obstacle(w, e, nx)
        else:
            e.x = nx
    if e.vy:
        ny = e.y + e.vy
        if stuck or open_step or not blocked(w, e.x, ny):
            e.y = ny
    if e.z > 0 or e.vz > 0:
        e.vz -= GRAVITY
        e.z += e.vz
        if e.z <= 0:
            e.z = e.vz = 0
            land(w, e)
    if st == "idle" or st == "walk":
        moving = e.vx != 0 or e.vy != 0
        want = "walk" if moving else "idle"
        if e.state != want:
            e.state, e.anim, e.anim_tick = want, want, 0
        elif moving and e.slot >= 0 and e.anim_tick % 16 == 8:
            w.emit(ev.STEP, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)
    elif st == "run":
        if e.vx == 0:
            e.state, e.anim, e.anim_tick = "idle", "idle", 0
        elif e.anim_tick % 10 == 5:
            w.emit(ev.STEP, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)


def _round_obstacle(w: World, e: Entity, nx: int) -> int:
    """Depth speed towards the nearer free lane past a wall within ``NUDGE`` px (0: none that close)."""
    best = 0
    for d in (-1, 1):
        for s in range(1, NUDGE + 1):
            y = e.y + d * s * FP
            if blocked(w, e.x, y):
                break
            if not blocked(w, nx, y):
                if best == 0 or s < abs(best):
                    best = d * s
                break
    if best == 0:
        return 0
    step = min(w.player_stats(e).depth, abs(best) * FP)
    return step if best > 0 else -step


def _slow(v: int) -> int:
    if v > 0:
        return max(0, v - FRICTION)
    if v < 0:
        return min(0, v + FRICTION)
    return 0


def _outside_lock(w: World, nx: int, vx: int) -> bool:
    lo, hi = w.player_bounds()
    return (nx < lo and vx < 0) or (nx > hi and vx > 0)


def land(w: World, e: Entity) -> None:
    """Touch down after a jump, a knockdown, a throw or a death."""
    st = e.state
    x, y = e.x // FP, e.y // FP
    if st == "jump":
        e.vx = 0
        set_state(e, "idle")
        w.emit(ev.LAND, x=x, y=y, actor=e.eid, tag=e.char)
    elif st == "attack":
        m = w.moveset(e.char).moves[e.move]
        if m.air:
            e.vx = 0
            e.anim_tick = max(e.anim_tick, m.startup + m.active)
            w.emit(ev.LAND, x=x, y=y, actor=e.eid, tag=e.char)
    elif st == "knockdown":
        set_state(e, "down", lie_ticks(w, e))
        w.emit(ev.KNOCKDOWN, x=x, y=y, target=e.eid, strength=2, tag=e.char)
    elif st == "thrown":
        from game.sim.combat import kill
        e.hp = max(0, e.hp - e.damage)
        w.emit(ev.HIT, x=x, y=y, actor=e.owner, target=e.eid, value=e.damage, strength=3, tag=e.char,
               move="throw")
        w.emit(ev.KNOCKDOWN, x=x, y=y, target=e.eid, strength=3, tag=e.char)
        if e.hp <= 0:
            kill(w, e, 1 if e.vx > 0 else -1, 0, 0, w.by_id.get(e.owner))
        else:
            set_state(e, "down", lie_ticks(w, e))
        e.vx = e.vx // 2
        e.hitstop = max(e.hitstop, w.rules["throw_land_hitstop"])   # the landing hits hard
    elif st == "death":
        w.emit(ev.KNOCKDOWN, x=x, y=y, target=e.eid, strength=2, tag=e.char)
