"""Every tile a shipped level draws exists in its tileset image, and has a name there."""

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from game.paths import levels_dir
from game.tiled import load_map_view

FLIP_BITS = 0xE0000000
LEVELS = sorted(levels_dir().glob("*.tmx"))


def _png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def _named_tiles(tsx_image: Path) -> set[int]:
    tsx = tsx_image.with_suffix(".tsx")
    root = ET.parse(tsx).getroot()
    return {int(t.get("id")) for t in root.iter("tile")
            if any(p.get("name") == "name" and p.get("value") for p in t.iter("property"))}


@pytest.mark.parametrize("level", LEVELS, ids=[p.stem for p in LEVELS])
def test_every_referenced_tile_exists_in_its_tileset_image(level):
    view = load_map_view(level)
    used = set()
    for layer in view.layers:
        gids = np.asarray(layer.gids, dtype=np.uint64) & ~np.uint64(FLIP_BITS)
        used |= {int(g) for g in np.unique(gids) if g}
    assert used, f"{level.name} draws no tiles"
    for gid in sorted(used):
        ts = max((t for t in view.tilesets if t.firstgid <= gid), key=lambda t: t.firstgid, default=None)
        assert ts is not None and gid < ts.firstgid + ts.tilecount, f"{level.name}: gid {gid} has no tileset"
        local = gid - ts.firstgid
        image = Path(ts.image)
        width, height = _png_size(image)
        col, row = local % ts.columns, local // ts.columns
        right = ts.margin + col * (ts.tile_width + ts.spacing) + ts.tile_width
        bottom = ts.margin + row * (ts.tile_height + ts.spacing) + ts.tile_height
        assert right <= width and bottom <= height, f"{level.name}: tile {local} lies outside {image.name}"
        assert local in _named_tiles(image), f"{level.name}: tile {local} of {ts.name} has no name"
