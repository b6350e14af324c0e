"""Tiled's own example maps (Debian's tiled package) are refused cleanly: one line each, no traceback."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from game.tiled import LevelError, load_level
from game.tiled.check import main as check_main

EXAMPLES = Path("/usr/share/doc/tiled/examples")
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="Tiled's examples are not installed "
                                                              "(Debian's tiled package ships them)")


def _files() -> list[Path]:
    if not EXAMPLES.is_dir():
        return []
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".tmx", ".gz", ".tiled-project", ".xml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_each_example_is_refused_with_designer_lines(path: Path) -> None:
    with pytest.raises(LevelError) as info:
        load_level(path)
    for line in info.value.problems:
        for bad in ("Traceback", "cannot read this level", "pytmx could not"):
            assert bad not in line
        assert ": " in line and "\n" not in line


def test_what_the_odd_files_are_is_said() -> None:
    said = {}
    for p in _files():
        if p.suffix in (".gz", ".tiled-project", ".xml"):
            with pytest.raises(LevelError) as info:
                load_level(p)
            said[p.name] = str(info.value)
    assert "is a gzip-compressed file, not a map; unpack it first" in said["orthogonal-outside.tmx.gz"]
    assert "is a Tiled project file (.tiled-project), not a level" in said["examples.tiled-project"]
    assert "is not a Tiled map (root element <objecttypes>)" in said["objecttypes.xml"]


def test_unpacked_gzip_examples_are_refused_cleanly_too(tmp_path: Path) -> None:
    for gz in EXAMPLES.glob("*.tmx.gz"):
        out = tmp_path / gz.name[:-3]
        out.write_bytes(gzip.decompress(gz.read_bytes()))
        with pytest.raises(LevelError):
            load_level(out)


def test_check_on_the_examples_folder_recurses_and_exits_1(capsys: pytest.CaptureFixture) -> None:
    assert check_main([str(EXAMPLES)]) == 1
    out = capsys.readouterr().out
    assert "rpg/island.tmx" in out and "sewer_automap/rule_001.tmx" in out and "Traceback" not in out
