"""The chase's rules: driving, lanes, traffic, rams, the gauge, boarders, hazards, the ram phase, the crash.

:func:`start` builds ``world.chase`` for a ``mode = chase`` level. Each tick :class:`~game.sim.world.World`
runs either :func:`drive` (catch_up, ram, crash: no fighter systems run) or its usual brawl systems
followed by :func:`aboard` (boarders, wreck: the fighters fight with the brawl rules on the bus deck or
beside the wreck, in deck space = map x 0..320). Everything is integer and uses the world's RNG.

Driving (player 1 drives; the same actions and remapping as on foot): up/down change lane (into a car
beside you: a ram), right speeds up, left brakes, punch or kick sounds the horn (a civilian ahead moves
over). With two players Ridzik leans out of the door: punch hits a gang car beside the door, special
shoots one (a bullet each).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim import scoring
from game.sim.actions import Action
from game.sim.chase.desc import ChaseDesc
from game.sim.chase.state import FIGHT_PHASES, LANES, ChaseState, Hazard, Vehicle
from game.sim.combat import kill
from game.sim.fighter import set_state
from game.sim.fixed import FP, TICKS_PER_SECOND
from game.sim.scroll import VIEW_W

if TYPE_CHECKING:
    from game.sim.entities import Entity
    from game.sim.world import World

DEFAULT_SPEED = 180            # px per second when the level's scroll_speed is 0
BUS_SCREEN_X = 110             # the player's bus centre, px from the view's left edge
LENGTHS = {"player_bus": 112, "viktor_bus": 112, "car": 44, "civilian": 44, "gang_car": 48, "train": 360}
CIVILIAN_PCT = 62              # civilians' speed, % of cruise
LANE_TICKS = 16                # a lane change takes this long
STUN_TICKS = 40                # the bus after a collision: slowed
CIVILIAN_PENALTY = 500
GANG_WRECK_POINTS = 1000
RAM_POINTS = 500
SWERVE_WARN = 40               # a gang car shows it will ram this long before
GANG_COOLDOWN = 150
CATCH_PX = 220                 # catch_up ends when Viktor's bus is this close
AIM_TICKS = 45                 # Viktor raises the sleeve gun this long before firing
SHOT_DAMAGE = 7
SHOT_RANGE = 56                # px: the shot hits when the buses are this close along the road
CRASH_TICKS = 300
WRECK_CRAWL = 90                # ticks Viktor lies by the wreck before he gets up
VIKTOR_SURGE = 300             # ticks Viktor pulls away after a ram (no ram lands meanwhile)
TRAIN_PCT = 150
MAX_BOARDERS = 2               # boarders on deck at once (the roof is narrow)
HAZARD_LEAD = 200              # px beyond the view's right edge where a hazard comes into the rules
HAZARD_REACH = 10              # px either side of an overhead hazard's line that it hits
HAZARD_DAMAGE = {"bridge": 14, "sign": 9}
DOOR_WARN = 90
DOOR_OPEN = 240
DOOR_X = (30, 78)              # deck px range of the door
DOOR_DEPTH = 14                # px from the deck's near edge
FALL_PCT = 25                  # a fall costs this share of max health (never a life)
RESPAWN_INVULN = 120
ENGINE_STEP = 10


def cruise(w: World) -> int:
    """The bus's cruising speed, road px x 256 per tick (the level's ``scroll_speed`` px/s)."""
    pxs = int(w.level.properties.get("scroll_speed", 0) or 0) or DEFAULT_SPEED
    return pxs * FP // TICKS_PER_SECOND


def desc(w: World) -> ChaseDesc:
    """The level's chase description."""
    d = w.level.chase
    assert isinstance(d, ChaseDesc), "a chase world needs a level with a ChaseDesc"
    return d


def driving(w: World) -> bool:
    """True in the phases where nobody fights (the brawl systems do not run)."""
    st = w.chase
    return st is not None and st.phase not in FIGHT_PHASES


# -- setup ------------------------------------------------------------------------------------
def start(w: World) -> ChaseState:
    """Build the chase state; players stand by on the deck."""
    d = desc(w)
    st = ChaseState()
    w.chase = st
    c = cruise(w)
    bus = _vehicle(st, "player_bus", BUS_SCREEN_X * FP, 1, d)
    bus.speed, bus.rams = c, 0
    sx = w.level.player_start[0]
    vx = d.viktor.x if d.viktor is not None else sx + 4000
    st.gap0 = max(FP, (vx - sx) * FP)
    vik = _vehicle(st, "viktor_bus", bus.fx + st.gap0, d.viktor.lane if d.viktor else 1, d)
    vik.speed = c * (d.viktor.speed_pct if d.viktor else 85) // 100
    st.fscroll = 0
    w.scroll_x, w.lock = 0, (0, VIEW_W)
    _enter(w, st, "catch_up")
    return st


def _vehicle(st: ChaseState, kind: str, fx: int, lane: int, d: ChaseDesc) -> Vehicle:
    v = Vehicle(st.next_id, kind, fx, lane, d.lane_y(lane) * FP, LENGTHS[kind])
    st.next_id += 1
    st.vehicles.append(v)
    return v


def _enter(w: World, st: ChaseState, phase: str) -> None:
    d = desc(w)
    st.phase, st.phase_tick, st.phase_start, st.prev_dist, st.lap = phase, 0, st.fscroll, 0, 0
    if phase in ("catch_up", "boarders", "ram", "wreck"):
        st.map_lo, st.map_hi = d.stretch(phase, w.px_width)
    w.emit(ev.PHASE, tag=phase, value=len(st.spawned))
    bus = st.bus
    if phase in FIGHT_PHASES:
        _board_players(w)
        bus.from_lane, bus.lane_t = -1, 0
    if phase == "ram":
        mark = d.mark("ram")
        st.rams_total = st.rams_left = max(1, mark.rams if mark else 6)
        vik = st.viktor
        if vik is not None:
            vik.fx = bus.fx + 180 * FP
            vik.lane = _adjacent(w, bus.lane)
            vik.fy, vik.from_lane, vik.state = d.lane_y(vik.lane) * FP, -1, "drive"
            vik.speed = bus.speed
        st.shot_timer = 150
    if phase == "crash":
        vik = st.viktor
        for v in st.vehicles:
            if v.kind in ("civilian", "car", "gang_car"):
                v.gone = True
        lane = vik.lane if vik is not None else 1
        far = st.fscroll + (VIEW_W + 500) * FP
        if vik is not None:
            far = max(far, vik.fx + 600 * FP)
        train = _vehicle(st, "train", far, lane, d)
        train.speed = -cruise(w) * TRAIN_PCT // 100
    if phase == "wreck":
        for v in st.vehicles:
            v.speed = 0
        _spawn_wreck(w, st)
    if phase == "done":
        w.result = "cleared"
        w.emit(ev.LEVEL_CLEAR)


def _board_players(w: World) -> None:
    mid = (w.floor_top + w.floor_bottom) // 2
    for i, p in enumerate(w.player_entities()):
        p.x, p.y, p.z, p.vx, p.vy, p.vz = (100 + 40 * i) * FP, mid, 0, 0, 0, 0
        if p.alive:
            set_state(p, "idle")


def _adjacent(w: World, lane: int) -> int:
    if lane == 0:
        return 1
    if lane == LANES - 1:
        return lane - 1
    return lane - 1 if int(w.rng.integers(0, 2)) == 0 else lane + 1


# -- the driving tick ------------------------------------------------------------------------------
def drive(w: World, inputs: list[int] | tuple[int, ...]) -> None:
    """One tick of a driving phase (catch_up, ram, crash)."""
    st = w.chase
    assert st is not None
    st.phase_tick += 1
    bus = st.bus
    if st.phase in ("catch_up", "ram"):
        bits = _driver_bits(w, inputs)
        _steer(w, st, bus, bits)
        if w.players > 1:
            _ridzik(w, st, inputs[1] if len(inputs) > 1 else 0)
    else:
        bus.speed = max(0, bus.speed - cruise(w) // 90)
    _move(w, st)
    if st.phase != "crash":
        _traffic_ai(w, st)
        _collisions(w, st)
    _spawns(w, st)
    if st.phase == "catch_up":
        vik = st.viktor
        if vik is not None:
            gap = vik.fx - bus.fx
            st.gauge = max(0, min(1000, 1000 - gap * 1000 // st.gap0))
            if gap <= CATCH_PX * FP:
                st.gauge = 1000
                _enter(w, st, "boarders")
    elif st.phase == "ram":
        _viktor_ram_phase(w, st)
    elif st.phase == "crash":
        _crash(w, st)
    _driver_health(w)
    _engine(w, st)
    _cleanup(st)
    for slot in w.slots:
        slot.prev_input = int(inputs[slot.index]) if slot.index < len(inputs) else 0
    if w.result is None:
        limit = w.level.time_limit * TICKS_PER_SECOND
        if limit and w.tick + 1 >= limit:
            w.result = "timeout"
            w.emit(ev.TIMEOUT)


def _driver_bits(w: World, inputs: list[int] | tuple[int, ...]) -> int:
    for slot in w.slots:                    # the first player still in drives
        if not slot.out:
            bits = int(inputs[slot.index]) if slot.index < len(inputs) else 0
            return bits | (slot.prev_input << 16)
    return 0


def _steer(w: World, st: ChaseState, bus: Vehicle, bits: int) -> None:
    now, prev = bits & 0xFFFF, bits >> 16
    pressed = now & ~prev
    c = cruise(w)
    target = c
    if now & Action.RIGHT:
        target = c * 135 // 100
    elif now & Action.LEFT:
        target = c * 60 // 100
    if bus.timer > 0:
        bus.timer -= 1
        target = min(target, c * 55 // 100)
    step = max(1, c // 60)
    if bus.speed < target:
        bus.speed = min(target, bus.speed + step)
    elif bus.speed > target:
        bus.speed = max(target, bus.speed - 2 * step)
        if bus.speed > target + c // 4 and st.phase_tick % 20 == 0:
            w.emit(ev.TYRES, x=bus.x, y=bus.y)
    if bus.from_lane < 0:
        want = -1
        if pressed & Action.UP and bus.lane > 0:
            want = bus.lane - 1
        elif pressed & Action.DOWN and bus.lane < LANES - 1:
            want = bus.lane + 1
        if want >= 0:
            _change_lane(w, st, bus, want)
    if pressed & (Action.PUNCH | Action.KICK) and st.horn_cooldown == 0:
        _horn(w, st, bus)
    if st.horn_cooldown > 0:
        st.horn_cooldown -= 1


def _overlap(a: Vehicle, b: Vehicle, slack: int = 0) -> bool:
    return abs(a.fx - b.fx) < ((a.length + b.length) // 2 - slack) * FP


def _in_lane(v: Vehicle, lane: int) -> bool:
    return v.lane == lane or (v.from_lane == lane)


def _change_lane(w: World, st: ChaseState, bus: Vehicle, want: int) -> None:
    """Start a lane change, or ram whatever is beside the bus in that lane."""
    for v in st.vehicles:
        if v is bus or v.gone or v.state in ("wrecked", "crashed") or v.kind == "train":
            continue
        if _in_lane(v, want) and _overlap(bus, v, 8):
            _side_ram(w, st, bus, v, want - bus.lane)
            return
    bus.from_lane, bus.lane, bus.lane_t = bus.lane, want, 0
    w.emit(ev.TYRES, x=bus.x, y=bus.y, value=want)


def _side_ram(w: World, st: ChaseState, bus: Vehicle, v: Vehicle, side: int) -> None:
    w.emit(ev.RAM, x=(bus.x + v.x) // 2, y=(bus.y + v.y) // 2, actor=bus.vid, target=v.vid, tag=v.kind)
    slot = w.slots[0]
    if v.kind == "viktor_bus":
        if st.phase != "ram" or v.cooldown > 0:
            return
        st.rams_left = max(0, st.rams_left - 1)
        v.hits += 1
        v.damage = min(3, 3 * (st.rams_total - st.rams_left) // max(1, st.rams_total))
        v.cooldown, v.state = VIKTOR_SURGE, "drive"
        _shove(w, st, v, side)
        scoring.add(w, slot, RAM_POINTS, v.fx, v.fy)
        if st.rams_left == 0:
            _enter(w, st, "crash")
        return
    if v.kind == "gang_car":
        _damage_gang(w, st, v, side)
    else:
        _hit_civilian(w, st, v)
        bus.timer = STUN_TICKS


def _shove(w: World, st: ChaseState, v: Vehicle, side: int) -> None:
    nl = v.lane + (1 if side > 0 else -1)
    if 0 <= nl < LANES and v.from_lane < 0:
        v.from_lane, v.lane, v.lane_t = v.lane, nl, 0


def _damage_gang(w: World, st: ChaseState, v: Vehicle, side: int) -> None:
    v.hits += 1
    v.damage = min(3, 3 * v.hits // max(1, v.rams))
    v.cooldown = GANG_COOLDOWN
    v.state = "drive"
    if v.hits >= v.rams:
        v.state, v.timer, v.damage = "wrecked", 60, 3
        st.gang_wrecked += 1
        w.emit(ev.CRASH, x=v.x, y=v.y, target=v.vid, tag="gang_car")
        scoring.add(w, w.slots[0], GANG_WRECK_POINTS, v.fx, v.fy)
    else:
        _shove(w, st, v, side)
        v.speed -= cruise(w) // 5


def _hit_civilian(w: World, st: ChaseState, v: Vehicle) -> None:
    """Hitting a civilian costs points, never a life."""
    st.penalties += 1
    v.damage = min(3, v.damage + 1)
    slot = w.slots[0]
    lost = min(slot.score, CIVILIAN_PENALTY)
    slot.score -= lost
    w.emit(ev.SCORE, x=v.x, y=v.y, actor=slot.eid, value=-lost, tag="civilian")
    w.emit(ev.HORN, x=v.x, y=v.y, target=v.vid, tag="civilian")


def _horn(w: World, st: ChaseState, bus: Vehicle) -> None:
    st.horn_cooldown = 30
    w.emit(ev.HORN, x=bus.x, y=bus.y, actor=bus.vid, tag="player_bus")
    for v in st.vehicles:
        if v.kind == "civilian" and v.lane == bus.lane and v.from_lane < 0 and 0 < v.fx - bus.fx < 220 * FP:
            for nl in (v.lane - 1, v.lane + 1):
                if 0 <= nl < LANES and not any(o is not v and _in_lane(o, nl) and _overlap(o, v, -16)
                                               for o in st.vehicles if not o.gone):
                    v.from_lane, v.lane, v.lane_t = v.lane, nl, 0
                    break


def _ridzik(w: World, st: ChaseState, bits: int) -> None:
    """Player 2 leans out of the door: punches a gang car beside it, shoots one (special)."""
    slot = w.slots[1]
    if slot.out:
        return
    pressed = int(bits) & ~slot.prev_input
    bus = st.bus
    if not pressed & (Action.PUNCH | Action.SPECIAL):
        return
    door = bus.fx - 20 * FP
    best: Vehicle | None = None
    for v in st.vehicles:
        if v.kind != "gang_car" or v.gone or v.state == "wrecked" or abs(v.lane - bus.lane) != 1:
            continue
        reach = 40 if pressed & Action.PUNCH else 220
        if abs(v.fx - door) < reach * FP and (best is None or abs(v.fx - door) < abs(best.fx - door)):
            best = v
    if pressed & Action.SPECIAL:
        if slot.ammo <= 0:
            w.emit(ev.DRY_FIRE, actor=slot.eid)
            return
        slot.ammo -= 1
        w.emit(ev.SHOT, x=door // FP, y=bus.y, actor=slot.eid, tag="player")
    else:
        w.emit(ev.WHIFF, x=door // FP, y=bus.y, actor=slot.eid, tag="punch")
    if best is not None:
        w.emit(ev.HIT, x=best.x, y=best.y, actor=slot.eid, target=best.vid, value=1, strength=2,
               tag="gang_car")
        _damage_gang(w, st, best, best.lane - bus.lane)


def _move(w: World, st: ChaseState) -> None:
    d = desc(w)
    for v in st.vehicles:
        if v.gone:
            continue
        v.fx += v.speed
        v.wheel += abs(v.speed)
        if v.cooldown > 0:
            v.cooldown -= 1
        if v.from_lane >= 0:
            v.lane_t += 1
            a, b = d.lane_y(v.from_lane) * FP, d.lane_y(v.lane) * FP
            v.fy = a + (b - a) * v.lane_t // LANE_TICKS
            if v.lane_t >= LANE_TICKS:
                v.from_lane, v.fy = -1, b
        if v.state == "wrecked":
            v.speed = v.speed * 15 // 16
            v.fy += 2 * FP if v.lane >= 1 else -2 * FP
            v.timer -= 1
            if v.timer <= 0:
                v.gone = True
    st.fscroll = st.bus.fx - BUS_SCREEN_X * FP


def _traffic_ai(w: World, st: ChaseState) -> None:
    bus = st.bus
    c = cruise(w)
    for v in st.vehicles:
        if v.kind == "civilian" and not v.gone and v.state != "wrecked":
            _follow(st, v)
        if v.gone or v.kind != "gang_car" or v.state == "wrecked":
            continue
        dx = v.fx - bus.fx
        if v.cooldown > 0:
            v.speed = bus.speed - c // 6     # drops back after a ram
            continue
        # Come alongside: match the bus, in a lane next to it.
        v.speed = bus.speed + max(-c // 3, min(c // 3, -dx // 24))
        if abs(v.lane - bus.lane) != 1 and v.from_lane < 0 and abs(dx) < 160 * FP:
            if v.lane == bus.lane:
                want = bus.lane - 1 if bus.lane > 0 else bus.lane + 1
            else:
                want = v.lane + (1 if bus.lane > v.lane else -1)
            if want != bus.lane and 0 <= want < LANES and not _lane_busy(st, v, want):
                v.from_lane, v.lane, v.lane_t = v.lane, want, 0
        if v.state == "drive":
            if (abs(v.lane - bus.lane) == 1 and v.from_lane < 0 and abs(dx) < 40 * FP
                    and int(w.rng.integers(0, 20)) == 0):     # a gang car picks its moment
                v.state, v.timer = "swerve", SWERVE_WARN
                w.emit(ev.TYRES, x=v.x, y=v.y, actor=v.vid, tag="swerve")
        elif v.state == "swerve":
            v.timer -= 1
            if v.timer <= 0:
                v.state = "drive"
                v.cooldown = 60
                if abs(v.lane - bus.lane) == 1 and bus.from_lane < 0 and _overlap(bus, v, 10):
                    v.cooldown = GANG_COOLDOWN
                    bus.timer, bus.damage = STUN_TICKS, min(3, bus.damage + 1)
                    w.emit(ev.RAM, x=(bus.x + v.x) // 2, y=(bus.y + v.y) // 2, actor=v.vid, target=bus.vid,
                           tag="player_bus")
                    st.fscroll += 0    # the bus slows (stun); the gap to Viktor grows


def _follow(st: ChaseState, v: Vehicle) -> None:
    """A civilian keeps its distance behind the car ahead in its lane."""
    if v.cooldown > 0:
        return      # knocked by the bus: it gets away fast
    for o in st.vehicles:
        if (o is v or o.gone or o.kind in ("player_bus", "train") or o.lane != v.lane or o.fx <= v.fx
                or o.fx - v.fx > ((o.length + v.length) // 2 + 24) * FP):
            continue
        v.speed = min(v.speed, max(0, o.speed))


def _lane_busy(st: ChaseState, me: Vehicle, lane: int) -> bool:
    return any(o is not me and not o.gone and _in_lane(o, lane) and _overlap(o, me, -12) for o in st.vehicles)


def _collisions(w: World, st: ChaseState) -> None:
    """Rear-ends: the bus runs into a car ahead in its lane."""
    bus = st.bus
    c = cruise(w)
    for v in st.vehicles:
        if v is bus or v.gone or v.kind in ("viktor_bus", "train") or v.state == "wrecked":
            continue
        if not (_in_lane(v, bus.lane) or (bus.from_lane >= 0 and _in_lane(v, bus.from_lane))):
            continue
        if v.fx <= bus.fx or not _overlap(bus, v):
            continue
        # Push the car ahead, slow the bus (one knock per car until it drives clear).
        v.fx = bus.fx + (bus.length + v.length) // 2 * FP + 2 * FP
        v.speed = max(v.speed, bus.speed + c // 10, c * 115 // 100 if v.kind == "civilian" else 0)
        bus.speed = min(bus.speed, c // 2)
        if v.cooldown > 0:
            continue
        v.cooldown = STUN_TICKS
        w.emit(ev.CRASH, x=v.x - v.length // 2, y=v.y, actor=bus.vid, target=v.vid, tag=v.kind)
        bus.speed = min(bus.speed, c // 2)
        bus.timer = STUN_TICKS
        if v.kind == "gang_car":
            _damage_gang(w, st, v, 1 if v.lane < 2 else -1)
        else:
            _hit_civilian(w, st, v)


# -- spawning from the map -----------------------------------------------------------------------
def _spawns(w: World, st: ChaseState) -> None:
    d = desc(w)
    lo, hi = st.map_lo, st.map_hi
    span = max(1, hi - lo)
    dist = (st.fscroll - st.phase_start) // FP
    prev = st.prev_dist
    st.prev_dist = dist
    if dist <= prev or st.phase in ("crash", "wreck"):
        return
    # Map x crossing the view's right edge (+ lead): the road loops inside the stretch.
    def crossed(x: int, lead: int) -> bool:
        rel = x - lo - VIEW_W - lead
        if rel < 0:
            rel = 0
        a, b = prev, dist
        if a // span != b // span or a % span < rel % span <= b % span:
            k = b - (b % span) + rel % span
            return a < k <= b or a < k - span <= b
        return False

    for t in d.traffic:
        if lo <= t.x < hi and crossed(t.x, 32):
            _spawn_traffic(w, st, t)
    for hz in d.hazards:
        if lo <= hz.x < hi and st.phase == "boarders" and crossed(hz.x, HAZARD_LEAD):
            st.hazards.append(Hazard(st.next_id, hz.kind, st.scroll + VIEW_W + HAZARD_LEAD))
            st.next_id += 1
            w.emit(ev.HAZARD_WARN, x=st.scroll + VIEW_W, tag=hz.kind)
    if st.phase == "boarders":
        _spawn_boarders(w, st, dist)


def _spawn_traffic(w: World, st: ChaseState, t: object) -> None:
    from game.sim.chase.desc import TrafficSpawn

    assert isinstance(t, TrafficSpawn)
    d = desc(w)
    if st.phase in FIGHT_PHASES and t.lane == st.bus.lane:
        return       # nothing drives into the bus while they fight on it
    v = _vehicle(st, t.kind, st.fscroll + (VIEW_W + 32) * FP, t.lane, d)
    pct = t.speed_pct or (CIVILIAN_PCT if t.kind == "civilian" else 80)
    if t.kind == "civilian":
        pct += int(w.rng.integers(-8, 9))       # no two drivers alike
    v.speed = cruise(w) * pct // 100
    v.rams = max(1, t.rams)
    if _lane_busy(st, v, t.lane):
        v.gone = True


def _boarders(w: World) -> list:
    d = desc(w)
    lo, hi = d.stretch("boarders", w.px_width)
    return sorted((e for e in w.level.enemies if lo <= e.x < hi), key=lambda e: (e.x, e.obj_id))


def _spawn_boarders(w: World, st: ChaseState, dist: int) -> None:
    from game.sim.flow import spawn_enemy

    lo = st.map_lo
    for p in w.level.pickups:      # food and bullets thrown aboard when the road reaches them
        if p.obj_id not in st.spawned and lo <= p.x < st.map_hi and dist >= p.x - lo:
            _spawn_pickup(w, st, p, 160 + 40 * (len(st.spawned) % 3 - 1))
    alive = sum(1 for e in w.entities if e.kind == "enemy" and e.alive)
    alive += sum(1 for e in w.born if e.kind == "enemy")
    for s in _boarders(w):
        if s.obj_id in st.spawned or alive >= MAX_BOARDERS:
            continue
        if dist < s.x - lo:
            break
        side = len(st.spawned) % 2
        x = (VIEW_W - 24) if side == 0 else 24
        e = spawn_enemy(w, s, x * FP)
        e.y = max(w.floor_top, min(w.floor_bottom, e.y))
        e.facing = -1 if side == 0 else 1
        e.ai_side = 1 if side == 0 else -1
        e.dormant = False
        set_state(e, "jump")
        e.z, e.vz = 40 * FP, 0
        e.air_attacked = True
        st.spawned.append(s.obj_id)
        alive += 1
        w.emit(ev.WAVE_START, x=x, y=e.y // FP, value=len(st.spawned), tag="boarder")


def _spawn_pickup(w: World, st: ChaseState, p: object, x: int) -> None:
    from game.sim.level import PickupSpawn

    assert isinstance(p, PickupSpawn)
    st.spawned.append(p.obj_id)
    kinds = w.pickup_table
    if p.kind not in kinds:
        return
    e = w.spawn("pickup", x * FP, max(w.floor_top, min(w.floor_bottom, p.y * FP)))
    e.char = e.tag = p.kind
    e.amount = p.amount or kinds[p.kind][0]


def _spawn_wreck(w: World, st: ChaseState) -> None:
    from game.sim.flow import spawn_enemy

    d = desc(w)
    lo, hi = d.stretch("wreck", w.px_width)
    ss = sorted((e for e in w.level.enemies if lo <= e.x < hi), key=lambda e: (e.x, e.obj_id))
    for i, s in enumerate(ss):
        x = 230 + 24 * (i % 3)
        e = spawn_enemy(w, s, x * FP)
        e.y = max(w.floor_top, min(w.floor_bottom, e.y))
        e.dormant = False
        e.facing = -1
        if s.kind == "viktor":
            set_state(e, "down", WRECK_CRAWL)     # he crawls out of the wreck, then gets up to fight
            e.x = 250 * FP
        st.spawned.append(s.obj_id)
    for i, p in enumerate(x for x in w.level.pickups if lo <= x.x < hi):
        _spawn_pickup(w, st, p, 40 + 30 * i)


# -- the ram phase, the crash -----------------------------------------------------------------
def _viktor_ram_phase(w: World, st: ChaseState) -> None:
    vik, bus = st.viktor, st.bus
    if vik is None:
        return
    c = cruise(w)
    if vik.from_lane < 0 and abs(vik.lane - bus.lane) != 1 and bus.from_lane < 0:
        want = vik.lane + (1 if bus.lane > vik.lane else -1)
        if want == bus.lane:
            want = _adjacent(w, bus.lane)
        if want != vik.lane:
            vik.from_lane, vik.lane, vik.lane_t = vik.lane, want, 0
    # He keeps just ahead, surging away after each ram and now and then.
    if vik.cooldown > 0:
        goal = 260
    else:
        phase = (st.phase_tick // 150) % 4
        goal = (40, 0, 90, -20)[phase]
    dx = (vik.fx - bus.fx) // FP
    if vik.state != "aim":      # taking aim he holds his speed: brake, speed up or change lane to dodge
        vik.speed = max(c * 40 // 100, min(c * 125 // 100, bus.speed + (goal - dx) * FP // 40))
    # The sleeve gun.
    if vik.state == "aim":
        vik.timer -= 1
        if vik.timer <= 0:
            vik.state = "drive"
            st.shot_timer = 120 + int(w.rng.integers(0, 90))
            w.emit(ev.SHOT, x=vik.x, y=vik.y, actor=vik.vid, tag="viktor")
            if abs(vik.lane - bus.lane) == 1 and abs(dx) < SHOT_RANGE and bus.from_lane < 0:
                _driver_hit(w, SHOT_DAMAGE)
    elif st.shot_timer > 0:
        st.shot_timer -= 1
    elif abs(dx) < 100 and abs(vik.lane - bus.lane) == 1:
        vik.state, vik.timer = "aim", AIM_TICKS
        w.emit(ev.SLEEVE_AIM, x=vik.x, y=vik.y, actor=vik.vid)


def _driver_hit(w: World, dmg: int) -> None:
    for slot in w.slots:
        if slot.out:
            continue
        p = w.by_id[slot.eid]
        dmg = max(1, dmg * w.diff.enemy_damage_pct // 100)
        p.hp = max(0, p.hp - dmg)
        slot.damage_taken += dmg
        w.emit(ev.HIT, x=p.x // FP, y=p.y // FP, target=p.eid, value=dmg, strength=2, tag=p.char)
        w.emit(ev.HURT, x=p.x // FP, y=p.y // FP, target=p.eid, value=dmg, tag=p.char)
        return


def _driver_health(w: World) -> None:
    """While driving, a driver shot to nothing loses a life and drives on at full health."""
    for slot in w.slots:
        p = w.by_id[slot.eid]
        if slot.out or p.hp > 0:
            continue
        slot.lives -= 1
        slot.lives_lost += 1
        w.emit(ev.LIFE_LOST, x=p.x // FP, y=p.y // FP, actor=p.eid, value=slot.lives)
        if slot.lives > 0:
            p.hp, p.alive = p.max_hp, True
        else:
            slot.out, p.alive = True, False
    if w.slots and all(s.out for s in w.slots) and w.result is None:
        w.result = "died"
        w.emit(ev.GAME_OVER)


def _crash(w: World, st: ChaseState) -> None:
    st.crash_tick += 1
    vik = st.viktor
    train = next((v for v in st.vehicles if v.kind == "train" and not v.gone), None)
    if st.crash_tick == 1 and train is not None:
        w.emit(ev.TRAIN_HORN, x=train.x, y=train.y, actor=train.vid)
    if vik is not None and vik.state != "crashed":
        vik.speed = max(vik.speed, st.bus.speed + cruise(w) // 4)
        if train is not None and train.fx - vik.fx <= (train.length + vik.length) // 2 * FP:
            vik.state, vik.damage, vik.speed, vik.door_open = "crashed", 3, 0, True
            if train is not None:
                train.state, train.speed, train.damage = "crashed", 0, 2
            w.emit(ev.CRASH, x=vik.x + vik.length // 2, y=vik.y, actor=train.vid if train else -1,
                   target=vik.vid, tag="train")
    if st.crash_tick >= CRASH_TICKS:
        _enter(w, st, "wreck")


def _engine(w: World, st: ChaseState) -> None:
    c = max(1, cruise(w))
    level = max(0, min(100, st.bus.speed * 75 // c))
    level -= level % ENGINE_STEP
    if level != st.engine:
        st.engine = level
        w.emit(ev.ENGINE, value=level)


def _cleanup(st: ChaseState) -> None:
    lo = st.fscroll - 300 * FP
    for v in st.vehicles[1:]:
        if v.kind in ("viktor_bus", "train"):
            continue
        if v.fx < lo or v.fx > st.fscroll + 2400 * FP:
            v.gone = True
    for h in st.hazards:
        if h.x * FP < lo:
            h.gone = True
    if any(v.gone for v in st.vehicles[1:]) or any(h.gone for h in st.hazards):
        st.vehicles = [st.vehicles[0]] + [v for v in st.vehicles[1:] if not v.gone or v.kind == "viktor_bus"]
        st.hazards = [h for h in st.hazards if not h.gone]


# -- aboard: after the brawl systems ------------------------------------------------------------
def aboard(w: World) -> None:
    """One tick of a fighting phase, after the brawl systems ran: the road, hazards, boarders, goals."""
    st = w.chase
    assert st is not None
    st.phase_tick += 1
    bus = st.bus
    if st.phase == "boarders":
        bus.speed = cruise(w)
        vik = st.viktor
        if vik is not None:
            vik.speed = bus.speed
        _move(w, st)
        _spawns(w, st)
        _hazards(w, st)
        _cleanup(st)
        if all(s.obj_id in st.spawned for s in _boarders(w)) and not _enemies_left(w):
            for h in st.hazards:
                h.gone = True
            st.hazards, st.door_open, bus.door_open = [], False, False
            _enter(w, st, "ram")
    elif st.phase == "wreck" and not _enemies_left(w):
        _enter(w, st, "done")


def _enemies_left(w: World) -> bool:
    return (any(e.kind == "enemy" and not e.remove for e in w.entities)
            or any(e.kind == "enemy" for e in w.born))


def _fighters(w: World) -> list[Entity]:
    return [e for e in w.entities if (e.kind == "player" or e.kind == "enemy") and not e.remove]


def _hazards(w: World, st: ChaseState) -> None:
    for h in st.hazards:
        if h.gone:
            continue
        if h.kind == "door":
            _door(w, st, h)
            continue
        dx = h.x - st.scroll        # deck px of the hazard's line
        h.warning = dx > -HAZARD_REACH
        h.active = abs(dx - 0) <= VIEW_W and -HAZARD_REACH <= dx <= VIEW_W
        if not h.active:
            continue
        for e in _fighters(w):
            if e.eid in h.hit_ids or not e.alive or abs(e.x // FP - dx) > HAZARD_REACH:
                continue
            if e.state in ("block", "down", "knockdown", "getup", "death") or e.invuln > 0:
                continue
            h.hit_ids.append(e.eid)
            _hazard_hit(w, e, HAZARD_DAMAGE.get(h.kind, 10), h.kind)


def _hazard_hit(w: World, e: Entity, dmg: int, kind: str) -> None:
    if e.team == 0:
        dmg = max(1, dmg * w.diff.enemy_damage_pct // 100)
    if e.slot >= 0:
        w.slots[e.slot].damage_taken += dmg
    e.hp = max(0, e.hp - dmg)
    w.emit(ev.HIT, x=e.x // FP, y=e.y // FP, z=e.z // FP + 40, target=e.eid, value=dmg, strength=3, tag=kind)
    w.emit(ev.HURT, x=e.x // FP, y=e.y // FP, target=e.eid, value=dmg, tag=e.char)
    e.grab_eid = -1
    w.release_token(e)
    if e.hp <= 0:
        kill(w, e, -1, 384, 512, None)
        return
    e.move, e.hit_ids = "", []
    e.state, e.anim, e.anim_tick, e.anim_len = "knockdown", "knockdown", 0, 0
    e.vx, e.vz, e.z = -2 * FP, 512, max(e.z, 1)


def in_door(w: World, e: Entity) -> bool:
    """True when a fighter's feet are in the door's zone on the deck."""
    return DOOR_X[0] * FP <= e.x <= DOOR_X[1] * FP and e.y >= w.floor_bottom - DOOR_DEPTH * FP


def _door(w: World, st: ChaseState, h: Hazard) -> None:
    h.timer += 1
    h.warning = h.timer < DOOR_WARN
    h.active = DOOR_WARN <= h.timer < DOOR_WARN + DOOR_OPEN
    st.door_open = st.bus.door_open = h.active
    if h.timer >= DOOR_WARN + DOOR_OPEN:
        h.gone = True
        st.door_open = st.bus.door_open = False
        return
    if not h.active:
        return
    for e in _fighters(w):
        if not e.alive or e.z > 0 or e.state == "block" or not in_door(w, e):
            continue
        fall(w, e)


def fall(w: World, e: Entity) -> None:
    """Thrown out of the bus: a player loses a quarter of max health (never a life) and respawns aboard."""
    w.emit(ev.FALL, x=e.x // FP, y=e.y // FP, target=e.eid, tag=e.char)
    e.grab_eid = -1
    if e.kind == "enemy":
        w.release_token(e)
        e.alive, e.remove = False, True
        w.enemies_defeated += 1
        return
    cost = e.max_hp * FALL_PCT // 100
    cost = min(cost, e.hp - 1)
    if cost > 0:
        e.hp -= cost
        w.slots[e.slot].damage_taken += cost
    mid = (w.floor_top + w.floor_bottom) // 2
    e.x, e.y = 160 * FP, mid
    set_state(e, "jump")
    e.z, e.vz, e.vx, e.vy = 48 * FP, 0, 0, 0
    e.air_attacked = True
    e.invuln = RESPAWN_INVULN
