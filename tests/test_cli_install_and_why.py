"""A Python without the game's packages is told what to install; sim says why a run ended."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from game.cli import main
from game.paths import data_root

ROOT = data_root()


def _without(module: str, argv: list[str]) -> subprocess.CompletedProcess:
    code = (f"import sys; sys.modules[{module!r}] = None\n"   # as if this Python had no such package
            "from game.cli import main\nsys.exit(main(sys.argv[1:]))")
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, check=False)


@pytest.mark.parametrize("argv", [["check", "levels/bathhouse.tmx"], ["sim", "bathhouse", "--ticks", "5"]])
def test_a_missing_package_is_reported_as_a_missing_install_not_a_broken_level(argv: list[str]) -> None:
    done = _without("pytmx", argv)
    assert done.returncode == 3, done.stderr
    assert "Red Heat is not installed for this Python" in done.stderr and "it has no 'pytmx'" in done.stderr
    assert "-m pip install -e" in done.stderr
    assert "cannot read this level" not in done.stdout + done.stderr and "Traceback" not in done.stderr


def test_sim_says_the_tick_budget_ended_the_run(capsys: pytest.CaptureFixture) -> None:
    assert main(["sim", "bathhouse", "--bot", "--ticks", "120"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["result"] == "timeout"
    assert out["why"].startswith("ticks: the run stopped at --ticks 120 (2 s of play) before the level "
                                 "ended; waves not cleared: 1")


def test_sim_says_the_time_limit_ended_the_run(capsys: pytest.CaptureFixture, tmp_path) -> None:
    text = (ROOT / "levels" / "bathhouse.tmx").read_text()
    short = re.sub(r'<property name="time_limit" type="int" value="\d+"/>',
                   '<property name="time_limit" type="int" value="2"/>', text)
    assert short != text
    path = ROOT / "levels" / "bathhouse.tmx"
    copy = tmp_path / "levels" / "short.tmx"
    copy.parent.mkdir()
    copy.write_text(short.replace('"../', f'"{path.parent.parent}/'))
    assert main(["sim", str(copy), "--ticks", "600"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["result"] == "timeout"
    assert out["why"] == "time_limit: the level's time_limit of 2 s ran out (map property time_limit)"
