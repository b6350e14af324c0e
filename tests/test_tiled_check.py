"""``main.py check``: problems printed, exit codes, one summary line per good level, --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.tiled.check import main

DATA = Path(__file__).parent / "data" / "tiled"


def test_check_without_paths_checks_every_shipped_level_and_passes(capsys: pytest.CaptureFixture) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "bathhouse.tmx: OK 'THE BATHHOUSE' brawl 111x12 tiles, enemies per wave 0:" in out
    for name in ("moscow", "chicago", "hospital", "hotel", "station"):
        assert f"{name}.tmx: OK " in out


def test_check_exits_1_and_prints_every_problem_of_a_bad_level(capsys: pytest.CaptureFixture) -> None:
    assert main([str(DATA / "good.tmx"), str(DATA / "bad" / "no_exit.tmx")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("error: ") and "no Exit object" in line for line in out)
    assert any("good.tmx: OK 'TEST BATH'" in line for line in out)


def test_check_json_reports_the_same_for_tools(capsys: pytest.CaptureFixture) -> None:
    assert main([str(DATA / "good.tmx"), str(DATA / "bad" / "unknown_enum.tmx"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    good, bad = data["levels"]
    assert data["ok"] is False
    assert good["ok"] and good["summary"]["enemies_per_wave"] == {"0": 2, "1": 2}
    assert not bad["ok"] and any("unknown EnemyKind 'ninja'" in e for e in bad["errors"])


def test_check_takes_folders_and_prints_warnings_without_failing(capsys: pytest.CaptureFixture) -> None:
    assert main([str(DATA / "bad")]) == 1
    assert capsys.readouterr().out.count("error: ") >= len(list((DATA / "bad").glob("*.tmx")))


def test_check_bad_command_line_exits_2() -> None:
    assert main(["--nonsense"]) == 2
