"""The project file is the schema: docs agree with it, templates cover every kind, commands exist."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from game.paths import data_root, project_file
from game.tiled.project import load_schema
from game.tiled.schema_apply import check_schema

ROOT = data_root()
DOC = ROOT / "docs" / "level-design.md"


def _doc_tables() -> dict[str, set[tuple[str, str, str]]]:
    """Class name -> {(member, type, default)} from the ``### Class`` tables of the docs."""
    tables: dict[str, set[tuple[str, str, str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        head = re.match(r"^### (\w+)", line)
        if head:
            current = head.group(1)
            continue
        row = re.match(r"^\| `(\w+)` \| (\w+) \| `([^`]*)` \|$", line)
        if row and current:
            tables.setdefault(current, set()).add(row.groups())
    return tables


def _fmt(value: object) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def test_project_file_and_docs_agree_on_every_class_member_and_default() -> None:
    schema = load_schema()
    tables = _doc_tables()
    for name, cls in schema.classes.items():
        expected = {(m.name, m.enum or m.type, _fmt(m.default)) for m in cls.members.values()}
        assert tables.get(name, set()) == expected, name
        if not cls.members:
            assert re.search(rf"^### {name}\b.*\n\nNo members", DOC.read_text(), re.M), name
    assert set(tables) <= set(schema.classes)


def test_project_file_and_docs_agree_on_every_enum() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, enum in load_schema().enums.items():
        line = re.search(rf"^- `{name}`: (.*)$", text, re.M)
        assert line, name
        assert re.findall(r"`(\w+)`", line.group(1)) == list(enum.values)


def test_project_file_defines_everything_the_loader_needs() -> None:
    schema = load_schema()
    assert check_schema(schema) == []
    kinds = {"thug", "bather", "gangster", "nurse", "hitman", "viktor"}
    assert set(schema.enums["EnemyKind"].values) >= kinds
    assert set(schema.enums["PickupKind"].values) >= {"health", "ammo", "points", "key"}
    saved_by_18 = not any("useAs" in t for t in json.loads(project_file().read_text())["propertyTypes"])
    for cls in ("PlayerStart", "Enemy", "Wave", "Pickup", "Exit"):
        assert "object" in schema.classes[cls].use_as
        # Tiled 1.8 drops a class's colour when it saves the project; objecttypes.xml keeps it for 1.8
        assert schema.classes[cls].color or saved_by_18


def test_project_commands_play_and_check_the_current_map() -> None:
    data = json.loads(project_file().read_text())
    by_name = {c["name"]: c for c in data["commands"]}
    play, check = by_name["Play this level"], by_name["Check this level"]
    assert play["arguments"] == "--level %mapfile" and play["saveBeforeExecute"]
    assert check["arguments"] == "check %mapfile" and check["showOutput"]
    for c in (play, check):
        # the installed entry point runs the project's own environment, whichever `python` Tiled finds
        assert c["command"] == "redheat" and c["workingDirectory"] == "%projectpath"


def _template(path: Path) -> tuple[str, dict[str, str]]:
    obj = ET.parse(path).getroot().find("object")
    assert obj is not None
    props = {p.get("name", ""): p.get("value", "") for p in obj.iter("property")}
    return obj.get("type") or obj.get("class") or "", props


def test_templates_exist_for_every_enemy_and_pickup_kind() -> None:
    schema = load_schema()
    for cls, enum, prefix in (("Enemy", "EnemyKind", "enemy"), ("Pickup", "PickupKind", "pickup")):
        for kind in schema.enums[enum].values:
            pre = "weapon" if kind in ("pipe", "bottle", "knife") else prefix   # weapons are Pickups too
            got_cls, props = _template(ROOT / "templates" / f"{pre}_{kind}.tx")
            assert (got_cls, props.get("kind")) == (cls, kind)
    for name, cls in (("player_start", "PlayerStart"), ("wave", "Wave"), ("exit", "Exit")):
        assert _template(ROOT / "templates" / f"{name}.tx")[0] == cls
