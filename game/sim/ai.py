"""Enemy behaviour: surround the player, take turns through attack tokens, back off when hurt.

Only ``difficulty.tokens`` enemies may hold an attack token at once; only a holder walks in and
attacks. The others wait at their kind's distance, spread over both sides of their target and over
the depth of the floor. Modes (``Entity.ai``): ``wait`` (hover at a slot), ``attack`` (holding a
token), ``retreat`` (hurt and backing off).

Fair play: tokens go to enemies the player can see first; a holder behind the player's back walks
round to the front before it swings, and only after ``BEHIND_PATIENCE`` ticks of trying may it attack
from behind. Nobody takes a turn against a player in grace (``PlayerSlot.grace``: the level's first
seconds, a join, a respawn). Standing enemies step out of each other's space (``SPACE_X``/``SPACE_Y``).
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import TYPE_CHECKING

from game.sim import ai_kinds, boss, weapons
from game.sim.entities import Entity
from game.sim.fighter import set_state, start_move
from game.sim.fixed import FP, clamp
from game.sim.routes import waypoint

if TYPE_CHECKING:
    from game.sim.world import World

WAKE_DISTANCE = 220 * FP       # wave-0 enemies stand still until a player comes this close
TOKEN_HOLD_MAX = 200           # a token unused this long goes back to the pool
ATTACK_LANE = 4 * FP           # close enough in depth to swing
THINK_EVERY = 3
PLAN_EVERY = 16                # ticks between re-planning the waiting slots
SLOT_DEPTHS = (0, -22, 22, -40, 40)
REACT_RANGE = 48 * FP          # an enemy this close to a swinging player may block or back off
BEHIND_PATIENCE = 150          # ticks a token holder tries to reach the player's front before it may strike
SPACE_X = 18 * FP              # standing enemies closer than this across and SPACE_Y in depth step apart
SPACE_Y = 9 * FP
STANDING = frozenset({"idle", "walk", "attack", "hurt", "block"})
_X = attrgetter("x")


def _target(e: Entity, players: list[Entity]) -> Entity | None:
    """The nearest living player (``players``: the living ones, in slot order)."""
    best, best_d = None, 0
    for p in players:
        d = abs(p.x - e.x) + 2 * abs(p.y - e.y)
        if best is None or d < best_d:
            best, best_d = p, d
    return best


def think(w: World) -> None:
    """One tick of every enemy's decisions (after the players have acted)."""
    players = [p for p in w.player_entities() if p.alive]
    tick, by_id = w.tick, w.by_id
    plan_turn = tick % PLAN_EVERY
    enemies: list[Entity] = []
    holders = 0
    for e in w.entities:
        if e.kind != "enemy" or not e.alive or e.remove:
            continue
        enemies.append(e)
        if e.token:
            holders += 1
        if e.dormant:
            if any(abs(p.x - e.x) < WAKE_DISTANCE for p in players):
                e.dormant = False
            else:
                continue
        if plan_turn == e.eid % PLAN_EVERY or e.ai_target not in by_id:
            t = _target(e, players)
            e.ai_target = t.eid if t is not None else -1
    if not enemies:
        return
    if plan_turn == 0:
        _plan_slots(w, enemies)
    _grant_tokens(w, enemies, holders)
    near: list[Entity] | None = None     # enemies on their feet, by x (found when first needed)
    near_xs: list[int] = []
    own_rules = ai_kinds.kind_rules()
    bosses = w.bosses      # only bosses have a record
    stats = w.enemy_stats_by_kind
    for e in enemies:
        is_boss = e.eid in bosses
        if e.char in own_rules or (is_boss and bosses[e.eid].fleeing):
            ai_kinds.step(w, e)     # a kind's own rules: a brute's hold and slam, a fleeing boss's run
        if e.dormant or e.hitstop > 0 or (is_boss and boss.busy(w, e)):
            continue
        if e.ai_timer > 0:
            e.ai_timer -= 1
        state = e.state
        if state == "hurt" and e.anim_tick == 1 and e.hp * 100 < e.max_hp * stats[e.tag].retreat_hp_pct:
            e.ai, e.ai_timer = "retreat", 50
        if state != "idle" and state != "walk" and state != "block":
            continue
        # Waiting enemies re-plan every THINK_EVERY ticks (staggered); token holders every tick.
        think_turn = (tick + e.eid) % THINK_EVERY == 0
        if e.token or think_turn or state == "idle":
            _act(w, e)
            if (e.state == "idle" or e.state == "walk") and (e.token or think_turn):
                if near is None:
                    # Nobody moves while enemies decide: found once, sorted by x (then by id: the
                    # enemies list is in id order and the sort is stable) for a quick look-up.
                    near = [o for o in enemies if o.z == 0 and o.state in STANDING]
                    near.sort(key=_X)
                    near_xs = [o.x for o in near]
                _make_room(w, e, near_xs, near)


def _in_grace(w: World, p: Entity) -> bool:
    return p.slot >= 0 and w.slots[p.slot].grace > 0


def _behind(e: Entity, p: Entity) -> bool:
    """``e`` stands at ``p``'s back."""
    return (e.x - p.x) * p.facing < 0


def _make_room(w: World, e: Entity, xs: list[int], standing: list[Entity]) -> None:
    """Enemies on their feet never share a spot: one that has just decided where to walk steps away in
    depth from any standing enemy too close (its choice holds until it decides again).

    ``standing`` is sorted by x and ``xs`` holds their x, so only the ones that close across are looked at."""
    ex, ey = e.x, e.y
    i = bisect_left(xs, ex - SPACE_X + 1)
    j = bisect_left(xs, ex + SPACE_X, i)
    if j - i < 2:
        return     # nobody but itself that close across
    for k in range(i, j):
        o = standing[k]
        dx, dy = ex - o.x, ey - o.y
        if -SPACE_Y < dy < SPACE_Y and o is not e:
            depth = w.enemy_stats_by_kind[e.tag].depth
            up = dy < 0 or (dy == 0 and e.eid > o.eid)
            if up and ey - depth < w.floor_top:
                up = False
            elif not up and ey + depth > w.floor_bottom:
                up = True
            e.vy = -depth if up else depth
            if e.vx and (e.vx > 0) == (dx < 0):
                e.vx = 0       # don't walk on into them
            return


def _plan_slots(w: World, enemies: list[Entity]) -> None:
    """Spread the waiting enemies of each target over both sides, the player's back side first."""
    by_target: dict[int, list[Entity]] = {}
    for e in enemies:
        if not e.dormant and e.ai_target >= 0:
            by_target.setdefault(e.ai_target, []).append(e)
    for teid, group in by_target.items():
        p = w.by_id[teid]
        group.sort(key=lambda e: (abs(e.x - p.x), e.eid))
        counts = {1: 0, -1: 0}
        for e in group:
            # Sides are sticky (no dithering); a side that is crowded sends its farther enemies round.
            side = e.ai_side if e.ai_side in (1, -1) else (1 if e.x >= p.x else -1)
            # Flank: when one side is crowded, the farther enemies walk round to the other.
            if counts[side] > counts[-side] + 1:
                side = -side
            e.ai_side = side
            # Each waiting enemy on a side gets its own slot, so the crowd spreads instead of stacking.
            e.ai_slot = counts[side]
            counts[side] += 1


def _grant_tokens(w: World, enemies: list[Entity], holders: int) -> None:
    """Maybe hand a free attack token to the best waiting enemy (``holders``: tokens out now)."""
    if holders >= w.diff.tokens:
        return
    if w.token_cooldown > 0:
        w.token_cooldown -= 1
        return
    best, best_score = None, 0
    for e in enemies:
        if e.token or e.dormant or e.ai == "retreat" or e.ai_timer > 0 or e.state not in ("idle", "walk"):
            continue
        if w.bosses and boss.busy(w, e):
            continue      # a fleeing boss takes no turn
        p = w.by_id.get(e.ai_target)
        if p is None or not p.alive or _in_grace(w, p):
            continue
        dist = abs(p.x - e.x) + abs(p.y - e.y)
        if dist > 260 * FP:
            continue
        score = dist
        if _behind(e, p):
            score += 64 * FP    # behind the player's back: the ones the player can see go first
        if w.enemy_stats(e).boss:
            score -= 400 * FP
        if best is None or score < best_score or (score == best_score and e.eid < best.eid):
            best, best_score = e, score
    if best is None:
        return
    best.token, best.ai, best.ai_timer = True, "attack", TOKEN_HOLD_MAX
    best.buffer = _choose_move(w, best)
    spacing = 24 * 100 // w.diff.aggression_pct
    w.token_cooldown = spacing + int(w.rng.integers(0, spacing + 1))


def _choose_move(w: World, e: Entity) -> str:
    st = w.enemy_stats(e)
    pattern = (w.bosses and boss.pattern(w, e)) or st.pattern   # a boss's phase may change his pattern
    if pattern:
        # The pattern moves on only when a move is actually thrown (see after_attack).
        return pattern[e.pattern % len(pattern)]
    total = sum(m.weight for m in st.moves)
    roll = int(w.rng.integers(0, total))
    for m in st.moves:
        roll -= m.weight
        if roll < 0:
            return m.name
    return st.moves[0].name


def after_attack(w: World, e: Entity) -> None:
    """An attack finished: hand the token back and wait a little before asking again."""
    if e.token:
        w.release_token(e)
    if w.enemy_stats(e).pattern or (w.bosses and boss.pattern(w, e)):
        e.pattern += 1
    pause = 36 * 100 // w.diff.aggression_pct
    e.ai_timer = pause + int(w.rng.integers(0, pause + 1))
    e.ai = "wait"


def _walk_to(w: World, e: Entity, gx: int, gy: int, speed_pct: int = 100) -> bool:
    """Set walking speed towards a point; True when already there."""
    st = w.enemy_stats_by_kind[e.tag]
    gx, gy = waypoint(w, e.x, e.y, gx, gy)
    dx, dy = gx - e.x, gy - e.y
    walk, depth = st.walk * speed_pct // 100, st.depth * speed_pct // 100
    e.vx = 0 if abs(dx) < 3 * FP else clamp(dx, -walk, walk)
    e.vy = 0 if abs(dy) < FP else clamp(dy, -depth, depth)
    return e.vx == 0 and e.vy == 0


def _act(w: World, e: Entity) -> None:
    p = w.by_id.get(e.ai_target)
    if p is None or not p.alive:
        e.vx = e.vy = 0
        if e.state == "walk":
            set_state(e, "idle")
        return
    if e.state == "block":
        return
    e.facing = 1 if p.x >= e.x else -1
    if p.state == "attack" and _react(w, e, p):     # only a player's swing can be read
        return
    if e.ai == "retreat":
        if e.ai_timer <= 0:
            e.ai = "wait"
        else:
            _walk_to(w, e, e.x + (e.x - p.x if e.x != p.x else FP) * 4, e.y, 90)
            e.facing = 1 if p.x >= e.x else -1
            return
    if e.token:
        _attack(w, e, p)
        return
    if w.campaign_rules:
        spot = weapons.seek(w, e)    # a pipe or bottle lying near: pick it up first (game/sim/weapons.py)
        if spot is not None:
            _walk_to(w, e, spot[0], spot[1])
            e.facing = 1 if spot[0] >= e.x else -1
            return
    st = w.enemy_stats_by_kind[e.tag]
    side = e.ai_side
    # Slots drift together (the crowd circles) but never share a depth on the same side.
    rank = (e.ai_slot + w.tick // 240) % len(SLOT_DEPTHS)
    # Stand off further from a player who is looking your way.
    wary = 16 if (e.x - p.x) * p.facing > 0 else 0
    gx = p.x + side * (st.keep_distance + wary + 14 * (e.ai_slot % 3)) * FP
    gy = p.y + SLOT_DEPTHS[rank] * FP
    gy = clamp(gy, w.floor_top, w.floor_bottom)
    lo, hi = w.player_bounds()
    gx = clamp(gx, lo, hi)
    _walk_to(w, e, gx, gy, 80)
    e.facing = 1 if p.x >= e.x else -1


def _attack(w: World, e: Entity, p: Entity) -> None:
    if (e.ai_timer <= 0 or p.state in ("down", "getup", "death", "knockdown") or p.invuln > 30
            or _in_grace(w, p)):
        # The player is down or the chance is gone: give the turn to someone else.
        w.release_token(e)
        e.ai, e.ai_timer = "wait", 20
        return
    st = w.enemy_stats_by_kind[e.tag]
    name = e.buffer or st.moves[0].name
    rng = st.moves[0]
    for m in st.moves:
        if m.name == name:
            rng = m
            break
    dist = abs(p.x - e.x)
    want = (rng.lo + rng.hi) // 2 * FP
    side = 1 if e.x >= p.x else -1
    in_lane = abs(p.y - e.y) <= ATTACK_LANE
    lo, hi = w.player_bounds()
    patient = TOKEN_HOLD_MAX - e.ai_timer < BEHIND_PATIENCE
    if _behind(e, p) and patient:
        # No blindsides: come round to where the player can see you (wide of them in depth).
        side = p.facing if lo <= p.x + p.facing * want <= hi else side
        gy = p.y + (ATTACK_LANE * 5 if e.y >= p.y else -ATTACK_LANE * 5) if dist < want else p.y
        gy = clamp(gy, w.floor_top, w.floor_bottom)
        _walk_to(w, e, p.x + side * want, gy, 120)
        e.facing = 1 if p.x >= e.x else -1
        return
    if in_lane and rng.lo * FP <= dist <= rng.hi * FP:
        e.vx = e.vy = 0
        e.facing = -side
        e.buffer = ""
        if not (w.bosses and boss.wind_up(w, e, name)):   # a boss's big move is telegraphed first
            start_move(w, e, name)
        return
    gx = p.x + side * want
    if not lo <= gx <= hi:
        # No room on this side inside the locked screen: come round the other side.
        gx = p.x - side * want
    # Backing off to shooting or dashing distance is done briskly.
    _walk_to(w, e, gx, p.y, 130 if abs(gx - e.x) > 24 * FP and dist < want else 100)
    e.facing = 1 if p.x >= e.x else -1


def _react(w: World, e: Entity, p: Entity) -> bool:
    """Read the player: guard against a swing that just started, or step back out of reach."""
    if p.state != "attack" or p.anim_tick != 0 or abs(p.x - e.x) > REACT_RANGE:
        return False
    if (e.x - p.x) * p.facing <= 0 or abs(p.y - e.y) > 10 * FP:
        return False
    st = w.enemy_stats(e)
    if st.block_pct and int(w.rng.integers(0, 100)) < st.block_pct:
        set_state(e, "block", w.moveset(p.char).moves[p.move].total + 4)
        e.vx = e.vy = 0
        return True
    if not e.token and e.hp * 100 < e.max_hp * st.retreat_hp_pct:
        e.ai, e.ai_timer = "retreat", 40
    return False
