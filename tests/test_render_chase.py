"""The chase renderer: every phase draws, every vehicle state has a picture, the crash is a sequence."""

from __future__ import annotations

import pygame
import pytest

from game.render.chase import CRASH_FRAME_TICKS, ChaseArt, ChaseView
from game.render.screen import HEIGHT, WIDTH
from game.render.stage import Stage
from game.sim import events as ev
from game.sim.chase.state import VEHICLE_KINDS, Hazard, Vehicle
from game.sim.chase.testlevel import road
from game.sim.events import Event
from game.sim.runner import bot_input
from game.sim.world import World

FP = 256


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.display.init()
    pygame.display.set_mode((WIDTH, HEIGHT))
    return pygame.Surface((WIDTH, HEIGHT))


def _world() -> tuple[World, Stage]:
    level = road()
    return World(level, seed=1), Stage(level, None)


def _colours(canvas: pygame.Surface) -> int:
    return len({canvas.get_at((x, y))[:3] for x in range(0, WIDTH, 7) for y in range(0, HEIGHT, 7)})


def test_the_bot_s_whole_chase_draws_in_every_phase(canvas):
    world, stage = _world()
    assert isinstance(stage.chase, ChaseView)
    src = bot_input(world)
    seen: dict[str, int] = {}
    vehicles_in_driving = actors_in_fights = 0
    while world.result is None and world.tick < 9000:
        events = world.step(src(world))
        stage.handle_events(events, world)
        stage.update(world)
        phase = world.chase.phase
        if world.tick % 6 == 0 or phase not in seen:
            stage.draw(canvas, world, 0.5)
            seen[phase] = max(seen.get(phase, 0), _colours(canvas))
            if phase in ("catch_up", "ram"):
                vehicles_in_driving = max(vehicles_in_driving, stage.chase.drawn_vehicles)
            if phase in ("boarders", "wreck"):
                actors_in_fights = max(actors_in_fights, stage.actors.drawn)
    assert {"catch_up", "boarders", "ram", "crash", "wreck"} <= set(seen), seen
    assert all(n > 12 for n in seen.values()), f"a phase drew a near-blank frame: {seen}"
    assert vehicles_in_driving >= 2, "the bus and other traffic were drawn while driving"
    assert actors_in_fights >= 2, "fighters were drawn on the bus roof and at the wreck"


def test_every_vehicle_kind_damage_door_and_state_has_a_picture_with_wheels(canvas):
    art = ChaseArt()
    view = ChaseView()
    states = ("drive", "swerve", "aim", "wrecked", "crashed")
    for kind in VEHICLE_KINDS:
        for vid in range(6):
            for dmg in range(4):
                for door in (False, True):
                    for state in states:
                        v = Vehicle(vid, kind, 160 * FP, 1, 128 * FP, 112, damage=dmg, door_open=door,
                                    state=state)
                        name = art.vehicle_name(v)
                        assert name in art.vehicles, (kind, dmg, door, state, name)
                        assert art.vehicles[name]["wheels"], name
                        assert view.draw_vehicle(canvas, v, 0), name


def test_buses_show_damage_and_the_open_door():
    art = ChaseArt()

    def pixels(name: str) -> bytes:
        return pygame.image.tobytes(art.get(name), "RGBA")

    for kind in ("player_bus", "viktor_bus"):
        pictures = [pixels(f"{kind}_{d}") for d in range(4)]
        assert len(set(pictures)) == 4, kind
        assert pixels(f"{kind}_0_open") != pixels(f"{kind}_0")
    assert pixels("player_bus_0") != pixels("viktor_bus_0"), "two distinct liveries"


def test_wheels_turn_with_the_distance_travelled(canvas):
    view = ChaseView()
    v = Vehicle(1, "player_bus", 160 * FP, 1, 128 * FP, 112)
    shots = set()
    for wheel in range(0, 16 * FP, 3 * FP):
        v.wheel = wheel
        canvas.fill((0, 0, 0))
        view.draw_vehicle(canvas, v, 0)
        shots.add(pygame.image.tobytes(canvas.subsurface((100, 120, 60, 20)), "RGB"))
    assert len(shots) >= 3


def test_the_crash_is_a_drawn_sequence_not_a_still(canvas):
    world, stage = _world()
    st = world.chase
    st.phase = "crash"
    vik = st.viktor
    vik.fx = (st.scroll + 150) * FP
    stage.handle_events([Event(ev.CRASH, 0, x=vik.x + 56, y=vik.y, tag="train")], world)
    frames = []
    for _ in range(CRASH_FRAME_TICKS * 8):
        stage.update(world)
        stage.draw(canvas, world, 0.0)
        frames.append(pygame.image.tobytes(canvas, "RGB"))
    assert len(set(frames[::CRASH_FRAME_TICKS])) == 8, "each crash frame differs from the last"


def test_hazards_are_drawn_with_a_warning_before_they_arrive(canvas):
    world, stage = _world()
    st = world.chase
    st.phase = "boarders"
    st.hazards = [Hazard(1, "bridge", st.scroll + 400, warning=True),
                  Hazard(2, "door", st.scroll + 50, warning=True)]
    stage.update(world)
    shown = 0
    for _ in range(12):
        stage.update(world)
        stage.draw(canvas, world, 0.0)
        shown = max(shown, stage.chase.drawn_hazards)
    assert shown >= 2, "the bridge's warning at the right edge and the door's warning"
    st.hazards = [Hazard(1, "sign", st.scroll + 160, active=True)]
    stage.draw(canvas, world, 0.0)
    assert stage.chase.drawn_hazards == 1


def test_the_gauge_fills_the_logo_and_the_hit_meter_counts_rams(canvas):
    world, stage = _world()
    st = world.chase
    stage.update(world)
    st.gauge = 0
    stage.draw(canvas, world, 0.0)
    empty = pygame.image.tobytes(canvas.subsurface((100, 168, 120, 12)), "RGB")
    st.gauge = 600
    stage.draw(canvas, world, 0.0)
    half = pygame.image.tobytes(canvas.subsurface((100, 168, 120, 12)), "RGB")
    assert empty != half
    st.phase, st.rams_total, st.rams_left = "ram", 4, 4
    stage.draw(canvas, world, 0.0)
    full = pygame.image.tobytes(canvas.subsurface((220, 30, 100, 16)), "RGB")
    st.rams_left = 1
    stage.draw(canvas, world, 0.0)
    assert pygame.image.tobytes(canvas.subsurface((220, 30, 100, 16)), "RGB") != full


def test_with_two_players_ridzik_rides_in_the_rear_door_and_shoots(canvas):
    level = road()
    world, stage = World(level, seed=1, players=2), Stage(level, None)
    stage.update(world)
    stage.draw(canvas, world, 0.0)
    leaning = pygame.image.tobytes(canvas.subsurface((100, 60, 80, 60)), "RGB")
    p2 = world.slots[1].eid
    stage.handle_events([Event(ev.SHOT, world.tick, x=world.chase.bus.x - 20, y=world.chase.bus.y, actor=p2,
                               tag="player")], world)
    stage.draw(canvas, world, 0.0)
    assert stage.chase.ridzik_pose == "shoot"
    assert pygame.image.tobytes(canvas.subsurface((100, 60, 80, 60)), "RGB") != leaning
    solo, solo_stage = _world()
    solo_stage.update(solo)
    solo_stage.draw(canvas, solo, 0.0)
    assert pygame.image.tobytes(canvas.subsurface((100, 60, 80, 60)), "RGB") != leaning


def test_a_fighter_thrown_out_of_the_door_gets_a_word_where_they_went():
    world, stage = _world()
    before = sum(1 for p in stage.effects.particles if p.kind == "pop")
    stage.handle_events([Event(ev.FALL, world.tick, x=50, y=170, target=1, tag="thug")], world)
    assert sum(1 for p in stage.effects.particles if p.kind == "pop") == before + 1
