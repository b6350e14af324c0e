"""check warns about a foreground layer that covers a locked fight area (fighters would be hidden)."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.tiled import load_level

DATA = Path(__file__).parent / "data" / "tiled"
ROW6 = "0,0,0,2147483651,0,1073741827,0,536870915,0,3758096387,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"
WALL = "0,0,0,0,0,0,0,0,3,3,3,3,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,"   # x 128-208: inside wave 1's lock


def _level(tmp_path: Path, front_row: str, layer_attrs: str = "", wave_props: str = ""):
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(Path(__file__).parents[1] / "templates", tmp_path / "templates")
    good = root / "good.tmx"
    text = good.read_text().replace(ROW6, front_row)
    head = 'name="front" width="30" height="12"'
    text = text.replace(head, head + layer_attrs)
    text = text.replace('<property name="number" type="int" value="1"/>',
                        f'<property name="number" type="int" value="1"/>{wave_props}')
    good.write_text(text)
    return load_level(good)


def test_a_wide_foreground_block_in_a_locked_fight_is_warned_about(tmp_path: Path) -> None:
    level = _level(tmp_path, WALL)
    hits = [w for w in level.warnings if "foreground tiles over the locked fight of wave 1" in w]
    assert len(hits) == 1 and "layer 'front'" in hits[0]


def test_thin_pillars_faint_layers_and_open_waves_pass(tmp_path: Path) -> None:
    assert not any("locked fight" in w for w in _level(tmp_path / "a", ROW6).warnings)
    assert not any("locked fight" in w for w in _level(tmp_path / "b", WALL, ' opacity="0.5"').warnings)
    open_wave = '<property name="lock" type="bool" value="false"/>'
    assert not any("locked fight" in w for w in _level(tmp_path / "c", WALL, "", open_wave).warnings)
