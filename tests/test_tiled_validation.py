"""Every validation rule has a small bad map; messages name the file and the object or layer."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.tiled import LevelError, load_level

DATA = Path(__file__).parent / "data" / "tiled"
BAD = DATA / "bad"

# bad map -> a piece of the message it must produce (and the form of the line)
EXPECTED = {
    "unknown_class": r"Enemyy at \(60, 120\) \(object 20\): unknown class 'Enemyy' \(did you mean 'Enemy'\? "
                     r"valid: [^)]*\bEnemy, Exit, [^)]*Pickup, PlayerStart, [^)]*Wave; "
                     r"set the object's Class/Type field\)",
    "unknown_enum": r"Enemy ninja at \(60, 120\) \(object 20\): property 'kind' has unknown EnemyKind "
                    r"'ninja' \(valid: thug, bather, gangster, nurse, hitman, viktor[,)]",
    "unknown_property": r"Enemy thug at \(60, 120\) \(object 20\): unknown property 'wav' "
                        r"\(did you mean 'wave'\?",
    "no_player_start": r"bad/no_player_start\.tmx: no PlayerStart object",
    "two_player_starts": r"PlayerStart at \(60, 130\) \(object 20\): is a second PlayerStart",
    "no_exit": r"no_exit\.tmx: no Exit object",
    "wave_without_enemies": r"Wave at \(300, 80\) \(object 20\): Wave number 2 is used by no Enemy",
    "enemy_wave_without_trigger": r"Enemy thug at \(60, 120\) \(object 20\): wave 3 is triggered by no Wave",
    "object_outside_map": r"Pickup health at \(900, 120\) \(object 20\): at \(900, 120\) lies outside "
                          r"the map",
    "object_in_solid_tile": r"Enemy thug at \(60, 20\) \(object 20\): stands in a solid tile "
                            r"\(column 3, row 1\)",
    "exit_unreachable": r"Exit at \(440, 80\) \(object 7\): cannot be reached over walkable tiles from the "
                        r"PlayerStart",
    "next_missing": r"next_missing\.tmx: next level 'moscow_nowhere' does not exist",
    "infinite_map": r"infinite_map\.tmx: map is infinite",
    "isometric_map": r"isometric_map\.tmx: map orientation is 'isometric'; levels must be orthogonal",
    "wrong_tile_size": r"wrong_tile_size\.tmx: tile size is 32x32; levels use 16x16",
    "missing_tileset": r"missing_tileset\.tmx: tileset '.*nowhere\.tsx' not found",
    "missing_image": r"no_image\.tsx: tileset image '.*missing\.png' not found",
    "malformed_xml": r"malformed_xml\.tmx: malformed XML at line 37",
    "broken_gid": r"layer 'ground': 1 tile\(s\) use gids that match no tileset, first gid 99 at column 3, "
                  r"row 7",
    "wrong_attribute_type": r"Enemy thug at \(60, 120\) \(object 20\): property 'wave' must be a whole "
                            r"number, not 'two'",
    "zstd_layer": r"layer 'ground': zstd compression is not supported",
    "broken_template": r"object without a class at \(60, 120\) \(object 20\): template '.*nowhere\.tx' "
                       r"not found",
}

LINE = re.compile(r"^[^:]+\.(tmx|tsx|tx|tiled-project): "
                  r"((.+ \(object \d+\)|layer '[^']*'): )?\S.*$")


def test_every_bad_map_has_an_expectation() -> None:
    assert {p.stem for p in BAD.glob("*.tmx")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_map_is_refused_with_a_designer_message(name: str) -> None:
    with pytest.raises(LevelError) as info:
        load_level(BAD / f"{name}.tmx")
    problems = info.value.problems
    assert any(re.search(EXPECTED[name], p) for p in problems), problems
    for p in problems:
        assert LINE.match(p), p
        assert "Traceback" not in p
    assert str(info.value) == "\n".join(problems)


def test_all_problems_are_reported_in_one_pass(tmp_path: Path) -> None:
    text = (BAD / "unknown_class.tmx").read_text()
    text = text.replace('type="Exit"', 'type="Exitt"').replace('value="bather"', 'value="bathr"')
    bad = BAD / "unknown_class.tmx"
    copy = tmp_path / "tests" / "data" / "tiled" / "bad" / "many.tmx"
    shutil.copytree(DATA, copy.parent.parent)
    shutil.copytree(Path(__file__).parents[1] / "templates", tmp_path / "templates")
    copy.write_text(text)
    with pytest.raises(LevelError) as info:
        load_level(copy)
    joined = str(info.value)
    for piece in ("unknown class 'Enemyy'", "unknown class 'Exitt'", "unknown EnemyKind 'bathr'",
                  "no Exit object"):
        assert piece in joined
    assert bad.exists()


def test_tileset_without_solid_tiles_is_a_warning_and_the_walls_an_error(tmp_path: Path) -> None:
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(Path(__file__).parents[1] / "templates", tmp_path / "templates")
    tsx = root / "tiles.tsx"
    tsx.write_text(tsx.read_text().replace('<property name="solid" type="bool" value="true"/>', ""))
    with pytest.raises(LevelError) as info:
        load_level(root / "good.tmx")
    # the tileset itself only gets a warning; the map then has no wall rows, which the layout rule refuses
    assert any("has no solid tiles" in w for w in info.value.warnings)
    assert any("rows 0-4 (wall and ceiling) must be solid in every column" in p for p in info.value.problems)


def test_object_without_a_class_is_a_warning_not_an_error(tmp_path: Path) -> None:
    root = tmp_path / "tests" / "data" / "tiled"
    shutil.copytree(DATA, root)
    shutil.copytree(Path(__file__).parents[1] / "templates", tmp_path / "templates")
    good = root / "good.tmx"
    note = '  <object id="50" name="note" x="10" y="100"/>\n </objectgroup>'
    good.write_text(good.read_text().replace(" </objectgroup>", note))
    level = load_level(good)
    assert any("object without a class 'note' (object 50): has no class" in w for w in level.warnings)


def test_missing_file_and_not_a_map_are_level_errors(tmp_path: Path) -> None:
    with pytest.raises(LevelError, match="not found"):
        load_level(tmp_path / "nothing.tmx")
    (tmp_path / "x.tmx").write_text("<tileset/>")
    with pytest.raises(LevelError, match="is not a Tiled map"):
        load_level(tmp_path / "x.tmx")
