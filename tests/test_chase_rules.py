"""The bus chase's rules (game/sim/chase/): lanes, rams, traffic, falls, the hit meter, phases, the crash,
the final fight. Built on the code level of game/sim/chase/testlevel.py."""

from __future__ import annotations

from game.sim import events as ev
from game.sim.actions import Action
from game.sim.chase import rules
from game.sim.chase.state import Hazard
from game.sim.chase.testlevel import road
from game.sim.fixed import FP
from game.sim.world import World


def _world(**kw: object) -> World:
    return World(road(**kw), seed=1)  # type: ignore[arg-type]


def _steps(w: World, bits: int, n: int, players: int = 1) -> list[ev.Event]:
    out: list[ev.Event] = []
    for _ in range(n):
        out += w.step((bits,) * players)
    return out


def _kinds(events: list[ev.Event]) -> list[str]:
    return [e.kind for e in events]


def test_a_chase_world_starts_driving_with_viktor_ahead() -> None:
    w = _world()
    st = w.chase
    assert st is not None and st.phase == "catch_up" and rules.driving(w)
    assert st.bus.kind == "player_bus" and st.viktor is not None and st.viktor.x > st.bus.x
    assert st.gauge == 0


def test_lane_change_takes_lane_ticks_and_eases_y() -> None:
    w = _world(traffic=False)
    bus = w.chase.bus
    y0 = bus.y
    w.step((Action.DOWN,))
    assert bus.lane == 2 and bus.from_lane == 1
    _steps(w, 0, rules.LANE_TICKS // 2)
    assert y0 < bus.y < w.level.chase.lane_y(2)
    _steps(w, 0, rules.LANE_TICKS)
    assert bus.from_lane == -1 and bus.y == w.level.chase.lane_y(2)
    w.step((Action.DOWN,))           # already in the bottom lane: nowhere to go
    assert bus.lane == 2 and bus.from_lane == -1


def test_right_speeds_up_left_brakes() -> None:
    w = _world(traffic=False)
    c = rules.cruise(w)
    _steps(w, Action.RIGHT, 120)
    assert w.chase.bus.speed > c
    _steps(w, Action.LEFT, 120)
    assert w.chase.bus.speed < c


def _put(w: World, kind: str, dx: int, lane: int, rams: int = 3):
    st = w.chase
    v = rules._vehicle(st, kind, st.bus.fx + dx * FP, lane, w.level.chase)
    v.speed, v.rams = st.bus.speed, rams
    return v


def test_steering_into_a_gang_car_rams_it_and_enough_rams_wreck_it() -> None:
    w = _world(traffic=False)
    car = _put(w, "gang_car", 0, 0, rams=2)
    events = w.step((Action.UP,))
    assert ev.RAM in _kinds(events) and car.hits == 1 and car.damage >= 1
    assert w.chase.bus.lane == 1       # the bus bounced back into its lane
    car.fx, car.lane, car.from_lane, car.cooldown = w.chase.bus.fx, 0, -1, 0
    car.fy = w.level.chase.lane_y(0) * FP
    w.step((0,))
    score = w.score
    events = w.step((Action.UP,))
    assert car.state == "wrecked" and ev.CRASH in _kinds(events) and w.score > score
    assert w.chase.gang_wrecked == 1


def test_running_into_a_civilian_costs_points_never_a_life() -> None:
    w = _world(traffic=False)
    w.slots[0].score = 2000
    car = _put(w, "civilian", 80, 1)
    car.speed = 0
    events = _steps(w, Action.RIGHT, 60)
    assert ev.CRASH in _kinds(events) and w.chase.penalties >= 1
    assert w.slots[0].score < 2000 and w.slots[0].lives == 3 and w.slots[0].lives_lost == 0
    assert w.chase.bus.speed < rules.cruise(w)


def test_a_gang_car_swerves_visibly_before_it_rams_the_bus() -> None:
    w = _world(traffic=False)
    car = _put(w, "gang_car", 10, 0)
    states = []
    for _ in range(rules.SWERVE_WARN + 10):
        w.step((0,))
        states.append(car.state)
    assert "swerve" in states
    assert w.chase.bus.damage == 1 and w.chase.bus.timer > 0


def test_catching_viktor_fills_the_gauge_and_starts_the_boarders() -> None:
    w = _world(traffic=False, lead=600)
    events = []
    gauges = []
    for _ in range(3000):
        events += w.step((Action.RIGHT,))
        gauges.append(w.chase.gauge)
        if w.chase.phase != "catch_up":
            break
    assert w.chase.phase == "boarders" and gauges[-1] == 1000 and gauges == sorted(gauges)
    assert any(e.kind == ev.PHASE and e.tag == "boarders" for e in events)
    assert not rules.driving(w)


def _to_phase(w: World, phase: str) -> None:
    rules._enter(w, w.chase, phase)


def test_boarders_jump_on_and_the_phase_ends_when_they_are_beaten() -> None:
    w = _world(traffic=False, hazards=False, boarders=2)
    _to_phase(w, "boarders")
    w.ai_enabled = False
    for _ in range(2000):
        w.step((0,))
        for e in w.entities:
            if e.kind == "enemy" and e.alive and e.z == 0 and e.state == "idle":
                e.hp = 0
                from game.sim.combat import kill
                kill(w, e, 1, 0, 0, None)
        if w.chase.phase != "boarders":
            break
    assert w.chase.phase == "ram" and len(w.chase.spawned) == 2


def test_a_low_bridge_hits_whoever_stands_and_misses_a_guard() -> None:
    w = World(road(traffic=False, hazards=False), seed=1, players=2)
    _to_phase(w, "boarders")
    st = w.chase
    p1, p2 = w.player_entities()
    st.hazards.append(Hazard(99, "bridge", st.scroll + 200))
    hp1, hp2 = p1.hp, p2.hp
    events = []
    for _ in range(200):
        events += w.step((0, Action.PUNCH | Action.KICK))
    assert p1.hp < hp1 and p2.hp == hp2
    assert any(e.kind == ev.HIT and e.tag == "bridge" and e.target == p1.eid for e in events)


def test_the_open_door_throws_a_fighter_out_for_a_quarter_of_health_not_a_life() -> None:
    w = _world(traffic=False, hazards=False)
    _to_phase(w, "boarders")
    st = w.chase
    p = w.player_entities()[0]
    st.hazards.append(Hazard(99, "door", st.scroll))
    p.x, p.y = 50 * FP, w.floor_bottom - 4 * FP
    events = []
    for _ in range(rules.DOOR_WARN + 5):
        events += w.step((0,))
        if ev.FALL in _kinds(events):
            break
    assert ev.FALL in _kinds(events)
    assert p.hp == p.max_hp - p.max_hp * rules.FALL_PCT // 100
    assert w.slots[0].lives == 3 and p.invuln > 0 and not rules.in_door(w, p)
    # At 1 hp a fall still never takes the last point.
    p.hp, p.invuln = 1, 0
    rules.fall(w, p)
    assert p.hp == 1 and p.alive


def test_the_hit_meter_counts_rams_on_viktor_and_the_last_one_starts_the_crash() -> None:
    w = _world(traffic=False, rams=2)
    _to_phase(w, "ram")
    st = w.chase
    assert st.rams_left == st.rams_total == 2
    vik = st.viktor
    events = []
    for _ in range(2):
        vik.fx, vik.cooldown, vik.from_lane = st.bus.fx, 0, -1
        vik.lane = 0 if st.bus.lane == 1 else 1
        vik.fy = w.level.chase.lane_y(vik.lane) * FP
        key = Action.UP if vik.lane < st.bus.lane else Action.DOWN
        events += w.step((key,))
        events += w.step((0,))
    assert st.rams_left == 0 and vik.damage == 3
    assert sum(1 for e in events if e.kind == ev.RAM and e.tag == "viktor_bus") == 2
    assert st.phase == "crash"


def test_viktor_aims_before_the_sleeve_gun_hits_the_driver() -> None:
    w = _world(traffic=False)
    _to_phase(w, "ram")
    st = w.chase
    st.shot_timer = 0
    p = w.player_entities()[0]
    hp = p.hp
    events = []
    for _ in range(200):
        vik = st.viktor
        vik.fx = st.bus.fx + 20 * FP           # keep him level with the window
        events += w.step((0,))
        if ev.SHOT in _kinds(events):
            break
    kinds = _kinds(events)
    assert ev.SLEEVE_AIM in kinds and kinds.index(ev.SLEEVE_AIM) < kinds.index(ev.SHOT)
    assert p.hp < hp


def test_the_train_hits_viktors_bus_then_the_wreck_fight_starts() -> None:
    w = _world(traffic=False)
    _to_phase(w, "crash")
    events = _steps(w, 0, rules.CRASH_TICKS + 2)
    crash = [e for e in events if e.kind == ev.CRASH and e.tag == "train"]
    assert crash and ev.TRAIN_HORN in _kinds(events)
    assert w.chase.viktor.state == "crashed" and w.chase.phase == "wreck"
    assert any(e.kind == "enemy" and e.char == "viktor" for e in w.entities)


def test_beating_viktor_at_the_wreck_clears_the_level() -> None:
    w = _world(traffic=False)
    _to_phase(w, "wreck")
    w.step((0,))
    boss = next(e for e in w.entities if e.kind == "enemy" and e.char == "viktor")
    from game.sim.combat import kill

    kill(w, boss, 1, 0, 0, None)
    for _ in range(400):
        w.step((0,))
        if w.result:
            break
    assert w.result == "cleared" and w.chase.phase == "done"


def test_the_state_hash_covers_the_chase() -> None:
    a, b = _world(), _world()
    _steps(a, Action.RIGHT, 30)
    _steps(b, Action.RIGHT, 30)
    assert a.state_hash() == b.state_hash()
    b.chase.gauge += 1
    assert a.state_hash() != b.state_hash()


def test_two_players_ridzik_punches_a_gang_car_from_the_door() -> None:
    w = World(road(traffic=False), seed=1, players=2)
    car = _put(w, "gang_car", -20, 0)
    car.cooldown = 500
    w.step((0, Action.PUNCH))
    assert car.hits == 1


def test_pushing_a_civilian_costs_one_penalty_per_knock_not_one_per_tick() -> None:
    w = _world(traffic=False)
    w.slots[0].score = 100_000
    car = _put(w, "civilian", 80, 1)
    car.speed = 0
    wall = [_put(w, "civilian", 80, lane) for lane in (0, 2)]     # nowhere to go round it
    for v in wall:
        v.speed = 0
    _steps(w, Action.RIGHT, 120)
    assert 1 <= w.chase.penalties <= 3
    assert car.speed > rules.cruise(w)        # the knocked driver gets away fast
