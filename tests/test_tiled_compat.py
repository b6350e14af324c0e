"""Files re-saved by the real Tiled editor load to the same level description as our own files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from game.paths import levels_dir
from game.tiled import load_level

DATA = Path(__file__).parent / "data" / "tiled"
TILED = shutil.which("tiled")

pytestmark = [
    pytest.mark.tiled,
    pytest.mark.skipif(TILED is None, reason="the Tiled editor ('tiled') is not on PATH, so re-saving levels "
                                             "with it is skipped; apt-get install tiled to run it"),
]


def resave(src: Path, dst: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(TILED), "--export-map", "tmx", str(src), str(dst)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and dst.is_file(), done.stderr


def test_every_shipped_level_resaved_by_tiled_loads_the_same(tmp_path: Path) -> None:
    levels = sorted(levels_dir().glob("*.tmx"))
    assert levels
    # all into one folder, so each level's `next` still finds its neighbour
    for src in levels:
        resave(src, tmp_path / src.name)
    for src in levels:
        ours, theirs = load_level(src), load_level(tmp_path / src.name)
        assert theirs.content_hash() == ours.content_hash(), src.name
        assert theirs.warnings == ours.warnings == []


@pytest.mark.parametrize("name", ["good.tmx", "good_base64_zlib.tmx", "good_base64_gzip.tmx"])
def test_fixtures_with_templates_and_flips_survive_a_tiled_resave(tmp_path: Path, name: str) -> None:
    resave(DATA / name, tmp_path / name)
    assert load_level(tmp_path / name).content_hash() == load_level(DATA / name).content_hash()
