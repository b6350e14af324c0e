"""Backward compatibility is a rule: a level made with today's schema keeps loading and playing the same.

``tests/data/compat/2026-11`` is the bathhouse as made in November 2026, with the templates and tileset it
was made with. The project file it is loaded with is always the current one: adding classes, members,
enum values or commands to it must not change what an old level means; renaming a member must keep old
levels loading, with a message (``schema_apply.RENAMED``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.paths import project_file
from game.sim.runner import run
from game.tiled import LevelError, load_level, schema_apply

OLD = Path(__file__).parent / "data" / "compat" / "2026-11" / "levels" / "bathhouse.tmx"
#: What the rules saw in that level when it was made (LevelDesc.content_hash()).
CONTENT_2026_11 = "4282143f83b16dca"


def test_the_november_2026_level_loads_to_the_same_content_with_todays_project() -> None:
    level = load_level(OLD)
    assert level.content_hash() == CONTENT_2026_11
    assert level.warnings == []
    assert run(level, seed=3, bot=True, max_ticks=60 * 60 * 4).result == "cleared"


def _campaign_project(tmp_path: Path) -> Path:
    """Today's project plus what a campaign adds: a class, members with defaults, enum values, a command."""
    data: dict[str, Any] = json.loads(project_file().read_text())
    types = data["propertyTypes"]
    next_id = max(t["id"] for t in types) + 1
    types.append({"id": next_id, "name": "Vehicle", "type": "class", "useAs": ["object"],
                  "color": "#ff0000ff", "drawFill": True,
                  "members": [{"name": "speed", "type": "int", "value": 60}]})
    for t in types:
        if t["name"] == "Enemy":
            t["members"].append({"name": "armour", "type": "int", "value": 0})
        if t["name"] == "Level":
            t["members"].append({"name": "weather", "type": "string", "value": ""})
        if t["name"] == "EnemyKind":
            t["values"].append("driver")
    data["commands"].append({"name": "Record a replay", "command": "redheat", "arguments": "--record x"})
    path = tmp_path / "redheat.tiled-project"
    path.write_text(json.dumps(data, indent=4))
    return path


def test_what_a_campaign_adds_to_the_project_leaves_old_levels_unchanged(tmp_path: Path) -> None:
    project = _campaign_project(tmp_path)
    level = load_level(OLD, project)
    assert level.content_hash() == CONTENT_2026_11
    assert level.warnings == []


def test_a_renamed_member_keeps_old_levels_loading_with_a_migration_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The campaign's Level.weather is renamed sky: a level that wrote weather still gets its value, and a
    message saying what to rename; without the RENAMED entry the old name would be an error, never silence."""
    data = json.loads(_campaign_project(tmp_path).read_text())
    for t in data["propertyTypes"]:
        if t["name"] == "Level":
            next(m for m in t["members"] if m["name"] == "weather")["name"] = "sky"
    renamed = tmp_path / "renamed.tiled-project"
    renamed.write_text(json.dumps(data))
    old = tmp_path / "levels" / "snowy.tmx"
    old.parent.mkdir()
    text = OLD.read_text().replace('<property name="title"', '<property name="weather" value="snow"/>\n'
                                   '  <property name="title"', 1)
    old.write_text(text.replace('"../', f'"{OLD.parent.parent}/'))
    assert load_level(old, _campaign_project(tmp_path)).properties["weather"] == "snow"

    monkeypatch.setitem(schema_apply.RENAMED, "Level", {"weather": "sky"})
    level = load_level(old, renamed)
    assert level.properties["sky"] == "snow"
    assert any("property 'weather' is now called 'sky' (its value still counts); rename it in Tiled" in w
               for w in level.warnings), level.warnings
    assert level.content_hash() == load_level(OLD, renamed).content_hash()

    monkeypatch.setitem(schema_apply.RENAMED, "Level", {})
    with pytest.raises(LevelError, match="unknown property 'weather'"):
        load_level(old, renamed)
