"""Level flow: waves and camera locks, pickups, lives and respawns, the exit, the time limit.

A ``Wave`` zone starts its wave when a living player's feet enter it: its enemies walk in from the
screen edge nearest their placed x (with ``keep``, only that many at first and the next as one falls)
and, with ``lock``, the camera (and the players) stay inside
:func:`lock_range` until they are all down. Touching an ``Exit`` once every wave is cleared clears the level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import boss, doors, scoring
from game.sim import events as ev
from game.sim.entities import ENEMY_TEAM, Entity
from game.sim.fighter import blocked, set_state
from game.sim.fixed import FP, TICKS_PER_SECOND
from game.sim.level import EnemySpawn, WaveZone
from game.sim.scroll import VIEW_W

if TYPE_CHECKING:
    from game.sim.world import World

GO_TICKS = 120            # how long the GO arrow flashes
PICKUP_REACH_X = 14 * FP
PICKUP_REACH_Y = 8 * FP


def lock_range(w: World, zone: WaveZone) -> tuple[int, int]:
    """Camera range (px) while a zone's wave is on: the zone if a screen wide, else one screen round it."""
    width = w.px_width
    if zone.rect.w >= VIEW_W:
        return max(0, zone.rect.x), min(width, zone.rect.x + zone.rect.w)
    lo = zone.rect.x + zone.rect.w // 2 - VIEW_W // 2
    lo = max(0, min(lo, width - VIEW_W))
    return lo, min(width, lo + VIEW_W)


def start(w: World) -> None:
    """Place wave-0 enemies (standing by until a player comes near) and the pickups."""
    for s in w.level.enemies:
        if s.wave == 0:
            e = spawn_enemy(w, s, s.x * FP)
            e.dormant = True
    kinds = w.pickup_table
    for p in w.level.pickups:
        if p.kind not in kinds:
            continue
        e = w.spawn("pickup", p.x * FP, p.y * FP)
        e.char = e.tag = p.kind
        e.amount = p.amount or kinds[p.kind][0]
    for z in w.level.waves:
        w.wave_status.setdefault(z.number, "pending")


#: A thug placed with this object name wears the film's hollow wooden leg (an homage).
WOODEN_LEG_NAME = "wooden_leg"


def spawn_enemy(w: World, s: EnemySpawn, x: int) -> Entity:
    """Create an enemy from its map object at 1/256 px ``x``."""
    st = w.enemy_stats_by_kind[s.kind]
    hp = (s.hp or st.hp) * w.diff.enemy_hp_pct // 100
    e = w.spawn("enemy", x, s.y * FP)
    e.char, e.team, e.hp, e.max_hp, e.wave = s.kind, ENEMY_TEAM, hp, hp, s.wave
    e.tag = s.kind
    if s.kind == "thug" and s.name == WOODEN_LEG_NAME:
        e.char = "thug_woodleg"  # the film's hollow wooden leg: same thug, his own sprite
    e.facing = -1 if s.facing == "left" else 1
    e.ai, e.ai_side = "wait", 1 if x >= w.level.player_start[0] * FP else -1
    if s.boss or s.kind in w.boss_kinds:
        boss.attach(w, e, s.boss)
    return e


def _start_wave(w: World, zone: WaveZone, trigger: Entity) -> None:
    w.wave_status[zone.number] = "active"
    if zone.lock and w.lock_wave < 0:
        w.lock_wave = zone.number
        w.lock = lock_range(w, zone)
        lo, hi = w.lock
    else:
        lo = w.scroll_x      # an open wave comes in from the edges of the view
        hi = lo + VIEW_W
    w.emit(ev.WAVE_START, x=trigger.x // FP, y=trigger.y // FP, value=zone.number)
    wave = [s for s in w.level.enemies if s.wave == zone.number]
    if zone.keep > 0:
        # The classic trickle: ``keep`` walk in now (fewer if others are already in the fight), the rest
        # one by one as those fall (_trickle).
        now = max(1, zone.keep - awake_count(w, zone.number))
        if now < len(wave):
            w.trickle[zone.number] = (w.tick + TRICKLE_GAP, wave[now:])
            wave = wave[:now]
    for s in wave:
        _walk_in(w, s, lo, hi)
    if w.level.doors:
        doors.release(w, zone.number)   # a wave with doors comes out of them (game/sim/doors.py)


def _walk_in(w: World, s: EnemySpawn, lo: int, hi: int) -> Entity:
    """Spawn ``s`` walking in from the edge of the view ``lo``-``hi`` (px) nearest its placed x."""
    # Walk in from the screen edge nearest the placed x, unless that edge is a wall.
    edge = lo - 16 if s.x < (lo + hi) // 2 else hi + 16
    edge = max(8, min(edge, w.px_width - 8))
    x = edge * FP if not blocked(w, edge * FP, s.y * FP) else s.x * FP
    e = spawn_enemy(w, s, x)
    e.facing = 1 if edge < s.x else -1
    return e


#: Ticks between two enemies a ``Wave``'s ``keep`` walks in (so they don't arrive in a clump).
TRICKLE_GAP = 20


def awake_count(w: World, wave: int) -> int:
    """Enemies that count against wave ``wave``'s ``keep``: its own living ones (also those still walking in
    or behind a door),
    every other awake one (a straggler that woke on the way follows the player in) and any standing by in
    its fight (the locked range, else the view), who will join it."""
    lo, hi = _fight_range(w, wave)
    lo, hi = lo * FP, hi * FP
    n = sum(1 for e in w.born if e.kind == "enemy" and e.wave == wave)
    n += sum(1 for _, _, e in w.door_queue if e.wave == wave)      # still behind a door (doors.py)
    for e in w.entities:
        if e.kind != "enemy" or not e.alive or e.remove:
            continue
        if e.wave == wave or not e.dormant or lo <= e.x <= hi:
            n += 1
    return n


def _fight_range(w: World, wave: int) -> tuple[int, int]:
    """The px range a wave is fought in: its camera lock, else the view."""
    if w.lock_wave == wave and w.lock is not None:
        return w.lock
    return w.scroll_x, w.scroll_x + VIEW_W


def _trickle(w: World) -> None:
    """Walk the next held-back enemy of a ``keep`` wave in when fewer than ``keep`` are on screen."""
    for number in sorted(w.trickle):
        due, rest = w.trickle[number]
        if w.tick < due:
            continue
        zone = next(z for z in w.level.waves if z.number == number)
        if awake_count(w, number) >= zone.keep:
            continue
        lo, hi = _fight_range(w, number)
        _walk_in(w, rest[0], lo, hi)
        if len(rest) > 1:
            w.trickle[number] = (w.tick + TRICKLE_GAP, rest[1:])
        else:
            del w.trickle[number]


def update(w: World) -> None:
    """The flow phase of a step (after everything has moved)."""
    players = w.player_entities()
    for zone in w.level.waves:
        if w.wave_status.get(zone.number) != "pending":
            continue
        for p in players:
            if p.alive and zone.rect.contains(p.x // FP, p.y // FP):
                _start_wave(w, zone, p)
                break
    if w.trickle:
        _trickle(w)
    _check_waves_cleared(w)
    _pickups(w, players)
    _lives(w)
    if w.go_arrow > 0:
        w.go_arrow -= 1
    scoring.tick(w)
    if w.result is None:
        _exit(w, players)
    if w.result is None:
        _time(w)


def _check_waves_cleared(w: World) -> None:
    if "active" not in w.wave_status.values():
        return
    active = [n for n, s in w.wave_status.items() if s == "active"]
    left = {e.wave for e in w.entities if e.kind == "enemy" and e.alive and not e.remove}
    left |= {e.wave for e in w.born if e.kind == "enemy"}
    if w.door_queue:
        left |= doors.waiting_waves(w)   # still behind a door (game/sim/doors.py)
    left |= set(w.trickle)               # still held back by the wave's ``keep``
    for n in sorted(active):
        if n not in left:
            w.wave_status[n] = "cleared"
            w.emit(ev.WAVE_CLEAR, value=n)
            if w.lock_wave == n:
                w.lock_wave, w.lock = -1, None
                w.go_arrow = GO_TICKS
                w.emit(ev.GO, value=n)


def _pickups(w: World, players: list[Entity]) -> None:
    for it in w.entities:
        if it.kind != "pickup" or it.remove:
            continue
        for p in players:
            if (not p.alive or p.state not in ("idle", "walk", "run") or abs(p.x - it.x) > PICKUP_REACH_X
                    or abs(p.y - it.y) > PICKUP_REACH_Y):
                continue
            slot = w.slots[p.slot]
            if it.tag == "health":
                if p.hp >= p.max_hp:
                    continue   # left lying for when it is needed
                p.hp = min(p.max_hp, p.hp + it.amount)
            elif it.tag == "ammo":
                slot.ammo = min(w.rules["max_ammo"], slot.ammo + it.amount)
            elif it.tag == "points":
                scoring.add(w, slot, it.amount, it.x, it.y)
            elif it.tag == "key":
                slot.keys += it.amount
            elif it.tag == "bonus":
                w.bonus_taken = True    # the bonus game is played after the level (game/sim/campaign.py)
            scoring.add(w, slot, w.pickup_table[it.tag][1], it.x, it.y)
            it.remove = True
            w.emit(ev.PICKUP, x=it.x // FP, y=it.y // FP, actor=p.eid, value=it.amount, tag=it.tag)
            break


def _lives(w: World) -> None:
    for slot in w.slots:
        p = w.by_id.get(slot.eid)
        if slot.out or p is None or p.state != "death" or p.timer > 0 or p.z > 0:
            continue
        slot.lives -= 1
        slot.lives_lost += 1
        w.emit(ev.LIFE_LOST, x=p.x // FP, y=p.y // FP, actor=p.eid, value=slot.lives)
        if slot.lives > 0:
            # Drop back in where you fell, blinking.
            p.alive, p.hp, p.invuln = True, p.max_hp, w.rules["respawn_invuln"]
            slot.grace = w.rules["grace_ticks"]   # and a moment before anyone takes a turn at them
            set_state(p, "jump")
            p.z, p.vz, p.vx, p.vy = 48 * FP, 0, 0, 0
            p.air_attacked = True
        else:
            slot.out = True
    if w.slots and all(s.out for s in w.slots) and w.result is None:
        w.result = "died"
        w.emit(ev.GAME_OVER)


def waves_done(w: World) -> bool:
    """Every wave of the level has been fought and cleared."""
    return all(s == "cleared" for s in w.wave_status.values())


def _exit(w: World, players: list[Entity]) -> None:
    if not w.level.exits or not waves_done(w) or w.outro is not None:   # an exit scene ends its level
        return
    for p in players:
        if p.alive and any(r.contains(p.x // FP, p.y // FP) for r in w.level.exits):
            w.result = "cleared"
            w.emit(ev.LEVEL_CLEAR, x=p.x // FP, y=p.y // FP, actor=p.eid)
            return


def time_limit_ticks(w: World) -> int:
    """The level's limit in ticks, 0 for none."""
    return w.level.time_limit * TICKS_PER_SECOND


def clock_ticks(w: World) -> int:
    """Ticks the level's clock has run: it stands still once the level's exit scene begins."""
    if w.outro is not None and w.outro.phase != "waiting":
        return w.tick - w.outro.t
    return w.tick


def _time(w: World) -> None:
    limit = time_limit_ticks(w)
    if limit and clock_ticks(w) + 1 >= limit:
        w.result = "timeout"
        w.emit(ev.TIMEOUT)
