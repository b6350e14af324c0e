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
