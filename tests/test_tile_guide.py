"""The tile guides in docs/tiles: one per tileset, generated from the tilesets, and up to date."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.paths import assets_dir, data_root
from tools.tileset_preview import GUIDE_CELL, GUIDE_COLS, tile_facts, write_guides

TILESETS = sorted(p.stem for p in (assets_dir() / "tilesets").glob("*.tsx"))
DOCS = data_root() / "docs" / "tiles"


def test_every_tileset_has_a_guide_in_docs() -> None:
    assert TILESETS and sorted(p.stem for p in DOCS.glob("*.png")) == TILESETS


def test_tile_facts_read_names_and_solid_flags() -> None:
    facts = {tid: (name, solid) for tid, name, solid in tile_facts("bathhouse")}
    assert facts[0] == ("wall_upper", True) and facts[8] == ("floor_a", False) and len(facts) == 32


@pytest.mark.parametrize("name", TILESETS)
def test_the_committed_guide_is_what_the_tileset_gives_today(name: str, tmp_path: Path) -> None:
    fresh = write_guides([name], tmp_path)[0]
    a, b = pygame.image.load(str(fresh)), pygame.image.load(str(DOCS / f"{name}.png"))
    stale = f"docs/tiles/{name}.png is out of date: python tools/tileset_preview.py all --guide docs/tiles"
    assert a.get_size() == b.get_size(), stale
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"), stale
    rows = (len(tile_facts(name)) + GUIDE_COLS - 1) // GUIDE_COLS
    assert a.get_height() >= 2 * GUIDE_CELL[1] * rows
