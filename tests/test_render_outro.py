"""Drawing a level's exit scene (game/render/outro.py): the bus among the fighters, the key, the bars."""

from __future__ import annotations

import pygame
import pytest

from game.render.screen import HEIGHT, WIDTH
from game.render.stage import Stage
from game.sim import outro
from game.sim.fixed import FP
from game.sim.world import World
from tests.test_sim_outro import _fight_done, _level


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.display.init()
    pygame.display.set_mode((WIDTH, HEIGHT))
    return pygame.Surface((WIDTH, HEIGHT))


def _draw_until(world: World, stage: Stage, canvas: pygame.Surface, cond, limit: int = 900) -> None:
    for _ in range(limit):
        events = world.step((0,))
        stage.handle_events(events, world)
        stage.update(world)
        stage.draw(canvas, world, 0.0)
        if cond():
            return
    raise AssertionError("the scene never got there")


def test_the_bus_is_drawn_between_the_fighters_behind_it_and_those_in_front(canvas):
    world = World(_level("bus_departs"), seed=1)
    stage = Stage(world.level, None)
    _fight_done(world)
    rec = world.outro
    _draw_until(world, stage, canvas, lambda: rec.beat == "aboard")
    assert "bus" in stage.outro.shown and "bars" in stage.outro.shown
    ground = stage.outro.bus_ground(world)
    assert ground == rec.bus_y
    # a fighter behind the bus is hidden by it; one in front is drawn over it
    p = world.player_entities()[0]
    door_x = rec.bus_x // FP + outro.BUS_DOOR_X - 40
    cx, cy = stage.camera.view(0.0)

    def pixels_at_feet(y: int) -> bytes:
        p.x, p.y = door_x * FP, y * FP
        stage.draw(canvas, world, 0.0)     # (no update: the camera stays put)
        return pygame.image.tobytes(canvas.subsurface((door_x - cx - 6, y - 40 - cy, 12, 20)), "RGB")
    p.invuln = 0
    behind, front = pixels_at_feet(ground - 6), pixels_at_feet(ground + 30)
    p.x = -1000 * FP       # nobody there: the bus alone
    stage.draw(canvas, world, 0.0)
    bus_only = pygame.image.tobytes(canvas.subsurface((door_x - cx - 6, ground - 6 - 40 - cy, 12, 20)), "RGB")
    assert behind == bus_only and front != bus_only


def test_the_key_glints_on_the_floor_then_goes_with_viktor(canvas):
    world = World(_level("viktor_key"), seed=1)
    stage = Stage(world.level, None)
    _fight_done(world)
    rec = world.outro
    _draw_until(world, stage, canvas, lambda: rec.beat == "fetch")
    assert "key" in stage.outro.shown
    _draw_until(world, stage, canvas, lambda: rec.beat == "taunt")
    assert "key_held" in stage.outro.shown and "key" not in stage.outro.shown


def test_the_skip_hint_shows_only_once_a_press_skips(canvas):
    world = World(_level("viktor_key"), seed=1)
    stage = Stage(world.level, None)
    _fight_done(world)
    layer = stage.outro
    layer.draw_hint(canvas, world, 0, "ENTER")
    assert "hint" not in layer.shown
    _draw_until(world, stage, canvas, lambda: world.outro.skippable)
    layer.draw_hint(canvas, world, 0, "ENTER")
    assert "hint" in layer.shown
