"""Messages a designer can act on: objects named, did-you-mean for files, classes and properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.tiled import LevelError, load_level, schema_apply
from game.tiled.loader import read_level
from game.tiled.problems import ObjectRef, did_you_mean, file_hint, nearest, object_label

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "tiled"



def _edit(tree: Path, old: str, new: str, name: str = "edited.tmx") -> Path:
    text = (tree / "good.tmx").read_text()
    assert old in text, old
    (tree / name).write_text(text.replace(old, new, 1))
    return tree / name


def _problems(path: Path) -> list[str]:
    with pytest.raises(LevelError) as info:
        load_level(path)
    return info.value.problems


def test_objects_are_named_by_name_else_by_class_kind_and_position() -> None:
    assert object_label(ObjectRef(2, "Enemy", "bather_towel", 232, 120, "bather")) == \
        "Enemy 'bather_towel' (object 2)"
    unnamed = ObjectRef(5, "Enemy", "", 412, 150.5, "thug")
    assert object_label(unnamed) == "Enemy thug at (412, 150.5) (object 5)"
    assert object_label(ObjectRef(9, "Exit", "", 400, 80)) == "Exit at (400, 80) (object 9)"
    assert object_label(ObjectRef(50, "", "", 10, 100)) == "object without a class at (10, 100) (object 50)"


def test_a_named_object_is_named_by_its_name(tree: Path) -> None:
    path = _edit(tree, 'value="bather"/></properties>', 'value="bather"/><property name="wav" value="1"/>'
                 '</properties>')
    problems = _problems(path)
    assert any("Enemy 'boris' (object 2): unknown property 'wav' (did you mean 'wave'?" in p
               for p in problems)


def test_did_you_mean_only_when_something_is_close() -> None:
    assert nearest("wav", ["wave", "kind"]) == "wave"
    assert nearest("ENEMY", ["Enemy", "Exit"]) == "Enemy"
    assert nearest("stats", ["foreground"]) is None
    assert did_you_mean("zzz", ["a", "b"]) == "valid: a, b"


def test_unknown_class_suggests_the_nearest(tree: Path) -> None:
    path = _edit(tree, 'type="Exit"', 'type="Exti"')
    want = ("unknown class 'Exti' (did you mean 'Exit'? valid: Breakable, ChasePhase, Door, Enemy, Exit, "
            "FallingHazard, Hazard, Pickup, PlayerStart, Prop, Road, Traffic, ViktorBus, Wave; "
            "set the object's Class/Type field)")
    assert any(want in p for p in _problems(path))


def test_a_missing_tileset_suggests_the_nearest_file(tree: Path) -> None:
    path = _edit(tree, 'source="tiles.tsx"', 'source="tile.tsx"')
    assert any("tileset 'tests/data/tiled/tile.tsx' not found (did you mean 'tiles.tsx'?" in p.replace(
        str(tree.parents[2]) + "/", "") or "(did you mean 'tiles.tsx'?" in p for p in _problems(path))


def test_a_missing_template_suggests_the_nearest_template(tree: Path) -> None:
    path = _edit(tree, "enemy_bather.tx", "enemy_bathr.tx")
    problems = _problems(path)
    assert any("enemy_bathr.tx' not found (did you mean 'enemy_bather.tx'" in p for p in problems), problems


def test_file_hint_lists_the_folder_when_nothing_is_close(tmp_path: Path) -> None:
    (tmp_path / "street.tsx").write_text("<tileset/>")
    assert file_hint(tmp_path / "zzzz.tsx") == " (files of that kind there: street.tsx)"
    assert "does not exist either" in file_hint(tmp_path / "nowhere" / "x.tsx")


def test_a_class_typed_property_says_what_to_do(tree: Path) -> None:
    klass = '<property name="time_limit" type="class" propertytype="Wave"/>'
    path = _edit(tree, '<property name="time_limit" type="int" value="99"/>', klass)
    assert any("property 'time_limit' is of class 'Wave', but Red Heat's properties hold plain values; "
               "delete it and add 'time_limit' as a plain int property" in p for p in _problems(path))


def test_problems_come_as_records_naming_the_object_for_tools(tree: Path) -> None:
    path = _edit(tree, 'type="Exit"', 'type="Exti"')
    items: list[dict] = []
    with pytest.raises(LevelError):
        read_level(path, items=items)
    bad = [i for i in items if "unknown class 'Exti'" in i["message"]]
    assert bad and bad[0]["severity"] == "error" and isinstance(bad[0]["object"], int)
    assert bad[0]["text"].endswith(bad[0]["message"]) and bad[0]["file"].endswith("edited.tmx")


def test_a_renamed_member_still_loads_with_a_migration_message(tree: Path, monkeypatch) -> None:
    monkeypatch.setitem(schema_apply.RENAMED, "Enemy", {"wave_number": "wave"})
    path = _edit(tree, 'value="bather"/></properties>', 'value="bather"/>'
                 '<property name="wave_number" type="int" value="1"/></properties>')
    level = load_level(path)
    boris = next(e for e in level.enemies if e.name == "boris")
    assert boris.wave == 1
    assert any("property 'wave_number' is now called 'wave' (its value still counts); rename it" in w
               for w in level.warnings)


def test_a_map_that_is_not_12_rows_says_which_rows_must_be_what(tree: Path) -> None:
    text = (tree / "good.tmx").read_text().replace('height="12"', 'height="13"')
    row = ",".join(["2"] * 30)
    (tree / "tall.tmx").write_text(text.replace("</data>", f",\n{row}\n</data>"))
    problems = _problems(tree / "tall.tmx")
    want = ("map is 13 rows tall; levels are 12 rows: rows 0-4 solid wall and ceiling, rows 5-10 the "
            "walkable floor, row 11 the solid front edge (Map > Resize Map, height 12)")
    assert any(want in p for p in problems), problems


def test_a_gap_in_the_wall_rows_names_the_columns(tree: Path) -> None:
    wall = ",".join(["2"] * 30)
    gap = ",".join(["2"] * 4 + ["0", "0"] + ["2"] * 24)
    path = _edit(tree, f'<data encoding="csv">\n{wall}', f'<data encoding="csv">\n{gap}')
    problems = _problems(path)
    want = ("rows 0-4 (wall and ceiling) must be solid in every column, or players walk into the black "
            "outside the street; walkable in column(s) 4-5: paint a tile whose tileset Tile has solid=true "
            "there")
    assert any(want in p for p in problems), problems


def test_an_exit_before_the_last_wave_is_a_warning(tree: Path) -> None:
    path = _edit(tree, 'type="Exit" x="440"', 'type="Exit" x="150"')
    level = load_level(path)
    assert any("Exit at (150, 80) (object 7): comes before Wave 1 (further right): the Exit only opens once "
               "every wave is cleared" in w for w in level.warnings), level.warnings


def test_next_may_name_a_json_level_and_a_typo_gets_a_suggestion(tree: Path) -> None:
    (tree / "second.tmj").write_text("{}")
    ok = _edit(tree, '<property name="title"', '<property name="next" value="second"/><property name="title"',
               name="first.tmx")
    assert load_level(ok).next == "second"
    typo = _edit(tree, '<property name="title"',
                 '<property name="next" value="secnd"/><property name="title"', name="typo.tmx")
    assert any("next level 'secnd' does not exist (did you mean 'second'?" in p for p in _problems(typo))


def test_an_unknown_level_name_on_the_command_line_gets_a_suggestion(capsys: pytest.CaptureFixture) -> None:
    from game.cli import main

    assert main(["sim", "bathous", "--ticks", "1"]) == 2
    assert "no such level (did you mean 'bathhouse'?" in capsys.readouterr().err


@pytest.mark.parametrize("text,want", [
    ("<map>\n <layer>\n  <data>\n </layer>\n</map>",
     "malformed XML at line 4: mismatched tag (probably <data> opened at line 3 is not closed: add </data>)"),
    ('<map>\n <objectgroup name="spawns>\n </objectgroup>\n</map>',
     "(probably a missing quote or value in the tag at line 2)"),
    ('<map>\n <property name="title" value="Tom & Jerry"/>\n</map>',
     "(probably a bare & in a value: write &amp;)"),
    ("<map>\n <layer>\n", "no element found (probably <layer> opened at line 2 is not closed: add </layer>)"),
])
def test_malformed_xml_points_at_the_likely_mistake(tmp_path: Path, text: str, want: str) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(text)
    assert any(want in p for p in _problems(bad)), _problems(bad)


def test_a_list_property_names_its_object_and_says_what_to_do(tree: Path) -> None:
    listed = ('<property name="wave" type="list"><item type="int" value="1"/><item type="int" value="2"/>'
              '</property>')
    path = _edit(tree, 'value="bather"/></properties>', f'value="bather"/>{listed}</properties>')
    want = ("Enemy 'boris' (object 2): property 'wave' is a list (Tiled 1.11+), but Red Heat's properties "
            "hold plain values; delete it and add 'wave' as a plain int property")
    assert any(want in p for p in _problems(path))


def test_a_tile_property_problem_names_the_tile(tree: Path) -> None:
    tsx = tree / "tiles.tsx"
    tsx.write_text(tsx.read_text().replace('<property name="name" value="floor"/>',
                                           '<property name="name" value="floor"/><property name="solidd" '
                                           'type="bool" value="true"/>'))
    level = load_level(tree / "good.tmx")
    assert any("tiles.tsx: tile 0 'floor': unknown property 'solidd' (did you mean 'solid'?" in w
               for w in level.warnings), level.warnings
