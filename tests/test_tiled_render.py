"""Tile layers draw where Tiled draws them: flips, rotations, parallax, offsets, opacity, foreground."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.render.tilelayers import TileLayers
from game.tiled import load_map_view
from game.tiled.mapview import LayerView, MapView, TilesetView
from game.tiled.tiledata import FLIP_D, FLIP_H, FLIP_V

DATA = Path(__file__).parent / "data" / "tiled"
RED, WHITE, COLUMN = (255, 0, 0), (255, 255, 255), (150, 120, 90)


@pytest.fixture(scope="module", autouse=True)
def display() -> None:
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    yield
    pygame.display.quit()


def rgb(surf: pygame.Surface, x: int, y: int) -> tuple[int, int, int]:
    return tuple(surf.get_at((x, y)))[:3]


def one_tile_view(gid: int, **layer: object) -> MapView:
    gids = np.zeros((12, 40), dtype=np.uint32)
    gids[2, 2] = gid
    ts = TilesetView("tiles", 1, str(DATA / "tiles.png"), 32, 32, 2, 4, 16, 16)
    return MapView("x.tmx", 40, 12, 16, 16, layers=[LayerView("l", gids, **layer)], tilesets=[ts])


def test_flipped_and_rotated_tiles_draw_like_tiled() -> None:
    canvas = pygame.Surface((320, 180))
    TileLayers(load_map_view(DATA / "good.tmx")).draw(canvas, 0, 0, foreground=True)
    # the tile has a white top row and a red left column; tiles sit on row 6 (y 96)
    assert rgb(canvas, 3 * 16 + 15, 96 + 8) == RED and rgb(canvas, 3 * 16, 96 + 8) == COLUMN     # H
    assert rgb(canvas, 5 * 16 + 8, 96 + 15) == WHITE and rgb(canvas, 5 * 16 + 8, 96) == COLUMN   # V
    assert rgb(canvas, 7 * 16 + 8, 96) == RED and rgb(canvas, 7 * 16, 96 + 8) == WHITE          # D
    assert rgb(canvas, 9 * 16 + 15, 96 + 8) == WHITE and rgb(canvas, 9 * 16 + 8, 96 + 15) == RED  # D+H+V


def test_foreground_layers_are_drawn_only_when_asked() -> None:
    layers = TileLayers(load_map_view(DATA / "good.tmx"))
    back, front = pygame.Surface((320, 180)), pygame.Surface((320, 180))
    layers.draw(back, 0, 0, foreground=False)
    layers.draw(front, 0, 0, foreground=True)
    assert rgb(back, 8, 8) != (0, 0, 0) and rgb(front, 8, 8) == (0, 0, 0)
    assert layers.has_foreground()


def test_camera_parallax_and_offsets_move_layers() -> None:
    canvas = pygame.Surface((320, 180))
    view = one_tile_view(1 | FLIP_H, parallax_x=0.5, offset_x=4, offset_y=-2)
    TileLayers(view).draw(canvas, 100, 10, foreground=False)
    # the tile's red column (flipped to its right edge) lands at 32 + 4 - 50 + 15 = 1, y at 32 - 2 - 5 = 25
    assert rgb(canvas, 1, 30) == RED and rgb(canvas, 2, 30) == (0, 0, 0)


def test_opacity_blends_and_hidden_layers_are_skipped() -> None:
    canvas = pygame.Surface((320, 180))
    TileLayers(one_tile_view(2, opacity=0.5)).draw(canvas, 0, 0, foreground=False)
    r, _g, b = rgb(canvas, 40, 40)
    assert 90 <= r <= 110 and 90 <= b <= 110    # half of the wall colour (200, 200, 210)
    hidden = pygame.Surface((320, 180))
    TileLayers(one_tile_view(2, visible=False)).draw(hidden, 0, 0, foreground=False)
    assert rgb(hidden, 40, 40) == (0, 0, 0)


def test_the_bathhouse_draws_at_every_camera_position() -> None:
    layers = TileLayers(load_map_view(Path(__file__).parents[1] / "levels" / "bathhouse.tmx"))
    canvas = pygame.Surface((320, 180))
    for cam in range(0, 2048 - 320, 97):
        layers.draw(canvas, cam, 6, foreground=False)
        assert rgb(canvas, 160, 120) != (0, 0, 0)
        layers.draw(canvas, cam, 6, foreground=True)
    assert layers.tile(FLIP_D | FLIP_V | 5) is layers.tile(FLIP_D | FLIP_V | 5)   # cached
