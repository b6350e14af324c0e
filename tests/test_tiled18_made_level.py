"""A level made in real Tiled 1.8.2 by dragging templates from the Project view (see docs/screenshots)."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.paths import data_root
from game.sim.runner import run
from game.tiled import load_level

ROOT = data_root()
MADE = Path(__file__).parent / "data" / "tiled18" / "hotel_made_in_tiled_1.8.2.tmx"


def test_the_level_made_in_tiled_1_8_loads_and_the_bot_clears_it(tmp_path: Path) -> None:
    # its paths are relative to levels/, as Tiled saved it there
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "assets" / "tilesets", tmp_path / "assets" / "tilesets")
    (tmp_path / "levels").mkdir()
    path = tmp_path / "levels" / "hotel.tmx"
    shutil.copy(MADE, path)
    assert 'tiledversion="1.8.2"' in path.read_text()
    level = load_level(path)
    assert level.title == "HOTEL LOBBY" and level.warnings == []
    assert [e.kind for e in level.enemies] == ["thug", "thug"]   # the template's kind, as Tiled showed it
    assert [(p.kind, p.amount) for p in level.pickups] == [("health", 0)]
    world = run(level, seed=1, bot=True, max_ticks=60 * 60)
    assert world.result == "cleared"
