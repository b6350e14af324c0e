"""Turning a player's input bitmask into what Danko or Ridzik does this tick.

Punch chains punch1 -> punch2 -> punch3 while each punch connects and the next press comes within the
combo window (or during the previous punch's recovery). Kick is the strong kick; in the air punch and
kick are jump attacks. Walking into a stunned enemy grabs it: punch knees (the third knocks down), kick
headbutts, punch while pushing away throws behind you, jump lets go. Special fires the pistol.
Holding punch and kick together blocks (it also cancels the wind-up of a jab or a kick).

Punch and jump together is the back attack (a blow behind you); special and jump together is the
desperation special (``desperation`` in the move file: it costs ``hp_cost_pct`` of max hp but never the
last point, is invulnerable for ``invuln`` ticks and knocks down everyone close; it also breaks out of
hitstun). "Together" means the second button is pressed while the first is held, on the ground or within
``TAKEOFF_TICKS`` of a jump's takeoff. Tapping left or right twice within ``rules.json``'s
``double_tap_ticks`` runs (state ``run``); punch or kick while running is the running attack
(``run_attack``). Tapping up or down twice rolls along the depth (``dodge``: invulnerable, ``depth`` speed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim import weapons
from game.sim.actions import Action
from game.sim.entities import Entity, PlayerSlot
from game.sim.fighter import GRAB_TICKS, release, set_state, start_move
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

BUFFER_TICKS = 6          # a press this early is remembered until the current move allows it
TAKEOFF_TICKS = 3         # a jump this young still turns into a back attack or desperation move
GRAB_REACH = 26 * FP
GRAB_LANE = 6 * FP
# Plain ints: IntFlag arithmetic is slow in the per-tick path.
LEFT, RIGHT, UP, DOWN = int(Action.LEFT), int(Action.RIGHT), int(Action.UP), int(Action.DOWN)
PUNCH, KICK, JUMP, SPECIAL = int(Action.PUNCH), int(Action.KICK), int(Action.JUMP), int(Action.SPECIAL)
BLOCK_BITS = PUNCH | KICK
CANCEL_INTO_BLOCK = ("punch1", "kick")


def control(w: World, e: Entity, slot: PlayerSlot, bits: int) -> None:
    """Apply one tick of input to a player character."""
    pressed = bits & ~slot.prev_input
    duo = _together(pressed, bits)
    double = _double_tap(w, slot, pressed)
    if duo:
        e.buffer, e.buffer_timer = duo, BUFFER_TICKS
    elif double:
        e.buffer, e.buffer_timer = double, BUFFER_TICKS
    elif pressed & PUNCH:
        e.buffer, e.buffer_timer = "punch", BUFFER_TICKS
    elif pressed & KICK:
        e.buffer, e.buffer_timer = "kick", BUFFER_TICKS
    elif pressed & SPECIAL:
        e.buffer, e.buffer_timer = "special", BUFFER_TICKS
    elif pressed & JUMP:
        e.buffer, e.buffer_timer = "jump", BUFFER_TICKS
    dx, dy = _directions(slot, bits, pressed)
    if e.hitstop > 0 or not e.alive:
        return
    guard = (bits & BLOCK_BITS) == BLOCK_BITS
    st = e.state
    if st == "block":
        if guard:
            return
        set_state(e, "idle")
        st = "idle"
    if st == "attack":
        _during_move(w, e, guard)
    elif st == "idle" or st == "walk" or st == "run":
        _on_foot(w, e, slot, dx, dy, guard)
    elif st == "hurt" and e.buffer == "desperation":
        e.buffer = ""
        desperation(w, e)
    elif st == "jump":
        if (e.buffer in ("back_attack", "desperation") and e.anim_tick <= TAKEOFF_TICKS
                and not e.air_attacked and e.vz > 0):
            # The other button of the pair came a moment after jump: the jump never happened.
            b, e.buffer = e.buffer, ""
            e.z = e.vz = e.vx = 0
            if b == "desperation":
                desperation(w, e)
            else:
                start_move(w, e, b)
        elif e.buffer in ("punch", "kick") and not e.air_attacked:
            start_move(w, e, "jump_punch" if e.buffer == "punch" else "jump_kick")
            e.buffer = ""
    elif st == "grab":
        _holding(w, e, dx)


def _together(pressed: int, bits: int) -> str:
    """``back_attack`` or ``desperation`` when jump and punch (special) are pressed together."""
    if not (pressed & (JUMP | PUNCH | SPECIAL)) or not bits & JUMP:
        return ""
    if bits & SPECIAL and (pressed & JUMP or pressed & SPECIAL):
        return "desperation"
    if bits & PUNCH and (pressed & JUMP or pressed & PUNCH) and not bits & KICK:
        return "back_attack"
    return ""


def _double_tap(w: World, slot: PlayerSlot, pressed: int) -> str:
    """``run`` for a second tap of left or right, ``dodge_up``/``dodge_down`` for up or down."""
    tap = (1 if pressed & RIGHT else -1 if pressed & LEFT else 2 if pressed & DOWN
           else -2 if pressed & UP else 0)
    if not tap:
        return ""
    double = slot.tap_dir == tap and w.tick - slot.tap_tick <= w.rules["double_tap_ticks"]
    slot.tap_dir, slot.tap_tick = (0, -1000) if double else (tap, w.tick)
    if not double:
        return ""
    return "run" if tap in (1, -1) else "dodge_down" if tap > 0 else "dodge_up"


def desperation(w: World, e: Entity) -> None:
    """The desperation special: pay its hp cost (never the last point), then burst out."""
    m = w.moveset(e.char).moves["desperation"]
    cost = max(0, min(e.max_hp * m.hp_cost_pct // 100, e.hp - 1))
    e.hp -= cost
    e.hitstop = 0
    start_move(w, e, "desperation")
    w.emit(ev.DESPERATION, x=e.x // FP, y=e.y // FP, actor=e.eid, value=cost, tag=e.char)


def _directions(slot: PlayerSlot, bits: int, pressed: int) -> tuple[int, int]:
    """Stick direction; with both ways of an axis held, the one pressed last wins.

    A keyboard roll from Left to Right turns at once, and a key whose release got lost (focus,
    a stuck switch) cannot cancel the other way out: pressing Right always walks right.
    """
    if pressed & RIGHT:
        slot.last_dx = 1
    elif pressed & LEFT:
        slot.last_dx = -1
    if pressed & DOWN:
        slot.last_dy = 1
    elif pressed & UP:
        slot.last_dy = -1
    dx = (1 if bits & RIGHT else 0) - (1 if bits & LEFT else 0)
    dy = (1 if bits & DOWN else 0) - (1 if bits & UP else 0)
    if bits & RIGHT and bits & LEFT:
        dx = slot.last_dx
    if bits & DOWN and bits & UP:
        dy = slot.last_dy
    return dx, dy


def _during_move(w: World, e: Entity, guard: bool) -> None:
    m = w.moveset(e.char).moves[e.move]
    if guard and e.move in CANCEL_INTO_BLOCK and e.anim_tick < m.startup:
        e.buffer = ""
        set_state(e, "block")
        e.vx = e.vy = 0
        return
    # On hit, the next punch may cancel the recovery: that is what makes the chain flow.
    if e.buffer == "punch" and e.move_hit and e.anim_tick >= m.startup + m.active:
        nxt = _next_punch(e.move)
        if nxt in m.cancel:
            e.buffer = ""
            start_move(w, e, nxt)


def _next_punch(move: str) -> str:
    return {"punch1": "punch2", "punch2": "punch3"}.get(move, "")


def _on_foot(w: World, e: Entity, slot: PlayerSlot, dx: int, dy: int, guard: bool) -> None:
    if guard:
        e.buffer = ""
        e.vx = e.vy = 0
        set_state(e, "block")
        return
    ps = w.player_stats(e)
    b = e.buffer
    if b:
        e.buffer = ""
        if b == "back_attack":
            start_move(w, e, "back_attack")     # facing stays: the blow goes behind
            return
        if b == "desperation":
            desperation(w, e)
            return
        if b.startswith("dodge"):
            start_move(w, e, "dodge")
            e.vy = w.moveset(e.char).moves["dodge"].depth * (1 if b == "dodge_down" else -1)
            w.emit(ev.DODGE, x=e.x // FP, y=e.y // FP, actor=e.eid, value=1 if e.vy > 0 else -1, tag=e.char)
            return
        if b == "run":
            e.facing = dx or e.facing
            set_state(e, "run")
            e.vx, e.vy = e.facing * ps.run, dy * ps.depth
            w.emit(ev.RUN, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)
            return
        if e.state == "run" and b in ("punch", "kick"):
            start_move(w, e, "run_attack")
            return
        if dx:
            e.facing = dx
        if b == "punch":
            nxt = f"punch{e.combo + 1}" if e.combo_timer > 0 and e.combo in (1, 2) else "punch1"
            e.combo, e.combo_timer = 0, 0
            start_move(w, e, nxt)
        elif b == "kick":
            start_move(w, e, "kick")
        elif b == "special":
            if w.held and weapons.throw(w, e):
                pass    # a bottle or knife in hand is thrown instead of a shot (game/sim/weapons.py)
            elif slot.ammo > 0:
                slot.ammo -= 1
                start_move(w, e, "shoot")
            else:
                w.emit(ev.DRY_FIRE, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)
        elif b == "jump":
            speed = ps.run if e.state == "run" else ps.walk
            set_state(e, "jump")
            e.air_attacked = False
            e.vx, e.vy, e.vz, e.z = dx * speed, 0, ps.jump, 1
            w.emit(ev.JUMP, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.char)
        return
    if e.state == "run":
        if dx == e.facing:
            e.vx, e.vy = dx * ps.run, dy * ps.depth
            return
        set_state(e, "idle")   # let go (or turned): the run ends
    e.vx, e.vy = dx * ps.walk, dy * ps.depth
    if dx:
        e.facing = dx
        victim = _grabbable(w, e, dx)
        if victim is not None:
            grab(w, e, victim)


def _grabbable(w: World, e: Entity, dx: int) -> Entity | None:
    best = None
    for v in w.entities:
        if (v.kind == "enemy" and v.state == "hurt" and v.alive and v.z == 0 and v.hitstop == 0
                and -GRAB_LANE <= v.y - e.y <= GRAB_LANE and 0 < (v.x - e.x) * dx <= GRAB_REACH
                and not w.enemy_stats(v).heavy and (best is None or abs(v.x - e.x) < abs(best.x - e.x))):
            best = v
    return best


def grab(w: World, e: Entity, v: Entity) -> None:
    """``e`` takes hold of ``v``."""
    set_state(e, "grab")
    e.vx = e.vy = 0
    e.grab_eid, e.knees = v.eid, 0
    set_state(v, "grabbed", GRAB_TICKS)
    v.grab_eid, v.vx, v.vy = e.eid, 0, 0
    w.release_token(v)
    w.emit(ev.GRAB, x=v.x // FP, y=v.y // FP, actor=e.eid, target=v.eid, tag=v.char)


def _holding(w: World, e: Entity, dx: int) -> None:
    b = e.buffer
    if not b:
        return
    e.buffer = ""
    if b == "punch" and dx == -e.facing:
        # Throw behind: turn with the victim, then heave.
        e.facing = -e.facing
        start_move(w, e, "throw")
    elif b == "punch":
        start_move(w, e, "knee")
    elif b == "kick":
        start_move(w, e, "headbutt")
    elif b == "jump":
        release(w, e)
