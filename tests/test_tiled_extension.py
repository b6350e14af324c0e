"""The Tiled extension: on save it runs `redheat check --json`, lists problems as issues, selects objects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.paths import data_root

ROOT = data_root()
EXTENSION = ROOT / "extensions" / "redheat-check.js"
HARNESS = Path(__file__).parent / "js" / "tiled_extension_harness.js"
BAD = Path(__file__).parent / "data" / "tiled" / "bad"
NODE = shutil.which("node") or shutil.which("nodejs")
needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed, so the Tiled extension's "
                                                     "script is not run here (apt-get install nodejs)")


def _save(map_file: Path, ids: str, program: list[str], action: str = "") -> dict:
    env = {**os.environ, "HARNESS_ACTION": action}
    done = subprocess.run([str(NODE), str(HARNESS), str(EXTENSION), str(map_file), ids, *program],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, check=False, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_project_loads_the_extensions_folder() -> None:
    project = json.loads((ROOT / "redheat.tiled-project").read_text())
    assert (ROOT / project["extensionsPath"] / EXTENSION.name).is_file()


@needs_node
def test_saving_a_broken_level_lists_each_problem_and_selects_its_object() -> None:
    got = _save(BAD / "unknown_class.tmx", "1,20,7", [sys.executable, str(ROOT / "main.py")])
    assert len(got["issues"]) == 1
    issue = got["issues"][0]
    assert issue["text"].startswith("Red Heat: tests/data/tiled/bad/unknown_class.tmx: Enemyy at (60, 120) "
                                    "(object 20): unknown class 'Enemyy' (did you mean 'Enemy'?")
    assert issue["selected"] == [20] and got["active"] and got["centered"] == [10, 20]


@needs_node
def test_warnings_are_issues_too_in_tiled_1_8(tmp_path: Path) -> None:
    shutil.copy(ROOT / "redheat.tiled-project", tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "assets" / "tilesets", tmp_path / "assets" / "tilesets")
    (tmp_path / "levels").mkdir()
    level = ROOT / "levels" / "bathhouse.tmx"
    text = level.read_text().replace('<property name="title" value="THE BATHHOUSE"/>', "")
    assert text != level.read_text()
    (tmp_path / "levels" / "untitled.tmx").write_text(text)
    got = _save(tmp_path / "levels" / "untitled.tmx", "1", [sys.executable, str(ROOT / "main.py")])
    assert any(i["text"].startswith("warning (the level still plays): ") and "'title' is empty" in i["text"]
               for i in got["issues"]), got


@needs_node
def test_a_missing_install_is_reported_as_such_not_as_a_broken_level() -> None:
    got = _save(BAD / "unknown_class.tmx", "20", ["/nonexistent/redheat"])
    assert len(got["issues"]) == 1
    text = got["issues"][0]["text"]
    assert "could not run 'redheat check'" in text and "python3 -m pip install -e ." in text
    assert "unknown_class" not in text


@needs_node
def test_add_level_properties_gives_a_tiled_1_8_map_every_level_member_typed() -> None:
    got = _save(ROOT / "levels" / "bathhouse.tmx", "", [sys.executable, str(ROOT / "main.py")],
                action="RedHeatLevelProperties")
    props = got["properties"]
    assert props["title"] == "HOTEL"   # what the map had stays
    assert props["mode"] == {"propertyType": "GameMode", "value": "brawl"}
    assert props["time_limit"] == 0 and props["start_ammo"] == -1 and props["next"] == ""
    project = json.loads((ROOT / "redheat.tiled-project").read_text())
    level = next(t for t in project["propertyTypes"] if t["name"] == "Level")
    assert set(props) == {m["name"] for m in level["members"]}
