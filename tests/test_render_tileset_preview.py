"""The tileset preview lays every shipped tileset out as a scene using only ids the tileset has."""

from __future__ import annotations

import pygame
import pytest

from game.paths import assets_dir
from game.render.tilelayers import TileLayers
from tools.tileset_preview import build_view

TILESETS = sorted(p.stem for p in (assets_dir() / "tilesets").glob("*.tsx"))


@pytest.mark.parametrize("name", TILESETS)
def test_preview_scene_uses_only_tiles_the_tileset_has(name):
    pygame.display.init()
    view = build_view(name)
    count = view.tilesets[0].tilecount
    for layer in view.layers:
        used = {int(g) for g in layer.gids.flat if g}
        assert used and max(used) <= count, f"{name}: layer {layer.name} uses a tile id beyond {count}"
    canvas = pygame.Surface((320, 180))
    tiles = TileLayers(view)
    tiles.draw(canvas, 0, 12, False)
    tiles.draw(canvas, 0, 12, True)
