"""Hot reload: saving the map or a tileset reloads; a broken save reports and keeps the last good level."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from game.sim.level import LevelDesc
from game.tiled import LevelError
from game.tiled.watch import LevelWatcher

DATA = Path(__file__).parent / "data" / "tiled"
TEMPLATES = Path(__file__).parents[1] / "templates"


@pytest.fixture
def level_copy(tmp_path: Path) -> Path:
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return root / "good.tmx"


def _touch_later(path: Path, text: str) -> None:
    # a different size and a later mtime, so the change is seen even on coarse-timestamp filesystems
    st = path.stat()
    path.write_text(text)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_poll_is_quiet_until_the_map_is_saved(level_copy: Path) -> None:
    w = LevelWatcher(level_copy)
    assert isinstance(w.level, LevelDesc) and w.poll() is None
    _touch_later(level_copy, level_copy.read_text().replace("TEST BATH", "TEST BATH TWO"))
    got = w.poll()
    assert isinstance(got, LevelDesc) and got.title == "TEST BATH TWO"
    assert w.poll() is None


def test_broken_save_returns_the_error_and_keeps_the_last_good_level(level_copy: Path) -> None:
    w = LevelWatcher(level_copy)
    good = w.level
    text = level_copy.read_text()
    _touch_later(level_copy, text.replace('type="Exit"', 'type="Exot"'))
    got = w.poll()
    assert isinstance(got, LevelError) and "unknown class 'Exot'" in str(got)
    assert w.level is good and w.error is got
    _touch_later(level_copy, text)
    assert isinstance(w.poll(), LevelDesc) and w.error is None


def test_saving_a_tileset_or_template_reloads_too(level_copy: Path) -> None:
    w = LevelWatcher(level_copy)
    tsx = level_copy.parent / "tiles.tsx"
    assert w.level is not None and not w.level.solid[6, 3]   # a column tile, not solid yet
    _touch_later(tsx, tsx.read_text().replace('value="column"/>', 'value="column"/>'
                                              '<property name="solid" type="bool" value="true"/>'))
    got = w.poll()
    assert isinstance(got, LevelDesc) and got.solid[6, 3]
    tx = level_copy.parents[3] / "templates" / "enemy_bather.tx"
    _touch_later(tx, tx.read_text().replace('value="bather"', 'value="nurse"'))
    got = w.poll()
    assert isinstance(got, LevelDesc) and next(e for e in got.enemies if e.obj_id == 3).kind == "nurse"
    assert w.map_view is not None and len(w.map_view.layers) == 2


def test_reload_forces_a_load(level_copy: Path) -> None:
    w = LevelWatcher(level_copy)
    assert isinstance(w.reload(), LevelDesc)



def test_fixing_a_broken_tileset_reloads_even_when_the_first_load_failed(level_copy: Path) -> None:
    tsx = level_copy.parent / "tiles.tsx"
    good = tsx.read_text()
    tsx.write_text(good.replace("<tileset", "<tileset <", 1))
    w = LevelWatcher(level_copy)
    assert w.level is None and w.error is not None and "malformed XML" in str(w.error)
    assert w.poll() is None
    _touch_later(tsx, good)
    assert isinstance(w.poll(), LevelDesc)
