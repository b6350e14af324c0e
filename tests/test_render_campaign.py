"""Drawing of the campaign rules: the boss bar, props, weapons and hazards (game/render)."""

from __future__ import annotations

import pygame
import pytest

from game.render.screen import HEIGHT, WIDTH
from game.render.stage import Stage
from game.sim.testlevel import arena
from game.sim.world import World


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.display.init()
    pygame.display.set_mode((WIDTH, HEIGHT))
    return pygame.Surface((WIDTH, HEIGHT))


def _draw(world: World, stage: Stage, canvas: pygame.Surface, steps: int = 2) -> None:
    for _ in range(steps):
        events = world.step((0,))
        stage.handle_events(events, world)
        stage.update(world)
        stage.draw(canvas, world, 0.0)


def test_boss_bar_shows_his_health_along_the_bottom(canvas):
    level = arena((("viktor", 300, 130),), cols=60)
    world = World(level, seed=1)
    world.ai_enabled = False
    v = next(e for e in world.entities if e.kind == "enemy")
    stage = Stage(level, None)
    _draw(world, stage, canvas)
    assert stage.hud.shown["boss_hp"] is None          # dormant: not in the fight yet
    v.dormant = False
    v.hp = v.max_hp // 2
    bottom = canvas.subsurface((0, HEIGHT - 20, WIDTH, 20)).copy()
    _draw(world, stage, canvas)
    assert stage.hud.shown["boss_hp"] == v.hp
    after = canvas.subsurface((0, HEIGHT - 20, WIDTH, 20))
    assert pygame.image.tobytes(after, "RGB") != pygame.image.tobytes(bottom, "RGB")


def test_no_boss_no_bar(canvas):
    level = arena((("thug", 300, 130),), cols=60)
    world = World(level, seed=1)
    stage = Stage(level, None)
    _draw(world, stage, canvas)
    assert stage.hud.shown["boss_hp"] is None


def test_props_weapons_hazard_shadows_and_wind_ups_are_drawn(canvas):
    import dataclasses

    from game.sim import boss
    from game.sim.level import BreakableSpawn, DoorSpawn, HazardSpawn, PickupSpawn, PropSpawn

    level = dataclasses.replace(
        arena((("viktor", 300, 130),), cols=60),
        breakables=[BreakableSpawn(1, "crate", 160, 110, drops="health"),
                    BreakableSpawn(2, "car", 240, 150)],
        props=[PropSpawn(3, "gurney", 200, 120)],
        pickups=[PickupSpawn(4, "pipe", 100, 130), PickupSpawn(5, "bottle", 130, 150)],
        hazards=[HazardSpawn(6, "icicle", 120, 120, period=100, warning=60)],
        doors=[DoorSpawn(7, 260, 90, wave=1)])
    world = World(level, seed=1)
    world.ai_enabled = False
    v = next(e for e in world.entities if e.kind == "enemy")
    v.dormant = False
    stage = Stage(level, None)
    _draw(world, stage, canvas)
    assert world.held and stage.campaign.shown["held"] == 1
    assert boss.wind_up(world, v, "dash")
    seen = {"shadows": 0, "falls": 0, "marks": 0}
    for _ in range(100):
        _draw(world, stage, canvas, 1)
        for k in seen:
            seen[k] = max(seen[k], stage.campaign.shown.get(k, 0))
    assert seen["shadows"] == 1 and seen["falls"] == 1 and seen["marks"] == 1
    assert stage.actors.drawn >= 6      # crate, car, gurney, door, bottle, Viktor and Danko
