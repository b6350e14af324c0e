"""Tiled 1.8: the object types file agrees with the project, and the project survives a 1.8 save."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from game.paths import data_root, levels_dir, project_file
from game.tiled import load_level
from game.tiled.project import parse_schema

ROOT = data_root()
DATA18 = Path(__file__).parent / "data" / "tiled18"
sys.path.insert(0, str(ROOT / "tools"))
import tiled_object_types  # noqa: E402


def _project() -> dict[str, Any]:
    return json.loads(project_file().read_text(encoding="utf-8"))


def _text(value: object) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _types_file() -> Path:
    return project_file().parent / _project()["objectTypesFile"]


def test_the_project_names_the_object_types_file_tiled_1_8_reads() -> None:
    assert _project()["objectTypesFile"] == "objecttypes.xml"
    assert _types_file().is_file()


def test_object_types_file_agrees_with_every_object_class_of_the_project() -> None:
    """Each class usable on objects is an object type with the same colour, members, types and defaults."""
    schema = parse_schema(project_file(), project_file().read_text())
    root = ET.parse(_types_file()).getroot()
    assert root.tag == "objecttypes"
    got = {t.get("name"): t for t in root.findall("objecttype")}
    assert set(got) == set(schema.object_classes())
    for name, cls in schema.object_classes().items():
        el = got[name]
        assert el.get("color") == "#" + cls.color[3:], name     # #aarrggbb -> #rrggbb
        members = {p.get("name"): (p.get("type"), p.get("propertytype") or "", p.get("default"))
                   for p in el.findall("property")}
        want = {m.name: (m.type, m.enum, _text(m.default)) for m in cls.members.values()}
        assert members == want, name


def test_the_generator_says_the_committed_file_is_up_to_date() -> None:
    assert tiled_object_types.main(["--check"]) == 0


def test_the_generator_notices_a_stale_file(tmp_path: Path) -> None:
    project = tmp_path / "redheat.tiled-project"
    shutil.copy(project_file(), project)
    assert tiled_object_types.main(["--project", str(project)]) == 0
    assert tiled_object_types.main(["--project", str(project), "--check"]) == 0
    data = json.loads(project.read_text())
    enemy = next(t for t in data["propertyTypes"] if t.get("name") == "Enemy")
    enemy["members"].append({"name": "armour", "type": "int", "value": 2})
    project.write_text(json.dumps(data))
    assert tiled_object_types.main(["--project", str(project), "--check"]) == 1
    assert tiled_object_types.main(["--project", str(project)]) == 0
    assert 'name="armour" type="int" default="2"' in (tmp_path / "objecttypes.xml").read_text()


# -- what Tiled 1.8 does to the project file when it saves it (Project Properties OK, Edit Commands) ----
def as_tiled_18_saves(project: dict[str, Any]) -> dict[str, Any]:
    """The project as Tiled 1.8.2 rewrites it: no useAs, color, drawFill, compatibilityVersion or
    properties; types sorted by name and class members by name (observed, see the fixture test)."""
    out = {k: v for k, v in project.items() if k not in ("compatibilityVersion", "properties")}
    types = []
    for t in project["propertyTypes"]:
        t = {k: v for k, v in t.items() if k not in ("useAs", "color", "drawFill")}
        if t.get("type") == "class":
            t["members"] = sorted(t.get("members", []), key=lambda m: m["name"])
        types.append(t)
    out["propertyTypes"] = sorted(types, key=lambda t: t["name"])
    return out


def test_the_model_of_a_1_8_save_matches_what_real_tiled_1_8_2_wrote() -> None:
    """``before`` was opened in Tiled 1.8.2 and saved from Project > Project Properties > OK."""
    before = json.loads((DATA18 / "before.tiled-project").read_text())
    saved = json.loads((DATA18 / "saved_by_tiled_1.8.2.tiled-project").read_text())
    assert as_tiled_18_saves(before) == saved


@pytest.fixture
def project_saved_by_18(tmp_path: Path) -> Path:
    path = tmp_path / "redheat.tiled-project"
    path.write_text(json.dumps(as_tiled_18_saves(_project()), indent=4))
    return path


def test_a_project_saved_by_tiled_1_8_has_the_same_schema(project_saved_by_18: Path) -> None:
    ours = parse_schema(project_file(), project_file().read_text())
    theirs = parse_schema(project_saved_by_18, project_saved_by_18.read_text())
    assert theirs.enums == ours.enums
    assert set(theirs.classes) == set(ours.classes)
    for name, cls in ours.classes.items():
        assert theirs.classes[name].members == cls.members, name
        assert set(cls.use_as) <= set(theirs.classes[name].use_as), name   # 1.8: usable anywhere
    assert theirs.commands == ours.commands


def test_every_shipped_level_loads_the_same_with_a_project_saved_by_18(project_saved_by_18: Path) -> None:
    for level in sorted(levels_dir().glob("*.tmx")):
        assert load_level(level, project_saved_by_18).content_hash() == load_level(level).content_hash()


def test_the_project_with_commands_edited_in_tiled_1_8_loads_every_level_the_same(tmp_path: Path) -> None:
    """Saved by Tiled 1.8.2 after File > Commands > Edit Commands set both commands to redheat."""
    real = DATA18 / "commands_edited_in_tiled_1.8.2.tiled-project"
    data = json.loads(real.read_text())
    assert {(c["command"], c["arguments"]) for c in data["commands"]} == {
        ("redheat", "--level %mapfile"), ("redheat", "check %mapfile")}
    assert data["objectTypesFile"] == "objecttypes.xml"
    assert not any("useAs" in t for t in data["propertyTypes"])   # what 1.8 drops
    # The real save predates the campaign's classes (issue 11): its commands and layout with today's
    # classes as Tiled 1.8 writes them (the model proven against a real 1.8.2 save above).
    data["propertyTypes"] = as_tiled_18_saves(_project())["propertyTypes"]
    edited = tmp_path / "redheat.tiled-project"
    edited.write_text(json.dumps(data, indent=4))
    for level in sorted(levels_dir().glob("*.tmx")):
        assert load_level(level, edited).content_hash() == load_level(level).content_hash()
