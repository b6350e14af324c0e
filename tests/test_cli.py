"""The command-line contract: `sim` prints one JSON line; bad input is one line on stderr and exit 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"level", "result", "ticks", "score", "player_hp", "enemies_defeated", "state_hash"}


def main_py(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def last_json(out: str) -> dict:
    return json.loads(out.strip().splitlines()[-1])


def test_sim_prints_one_json_object_on_the_last_line():
    r = main_py("sim", "builtin:corridor", "--ticks", "120", "--seed", "3")
    assert r.returncode == 0, r.stderr
    data = last_json(r.stdout)
    assert data.keys() >= KEYS
    assert data["ticks"] == 120 and data["result"] in ("cleared", "died", "timeout")


def test_sim_is_reproducible_from_the_command_line():
    a = last_json(main_py("sim", "builtin:corridor", "--bot", "--seed", "5", "--ticks", "900").stdout)
    b = last_json(main_py("sim", "builtin:corridor", "--bot", "--seed", "5", "--ticks", "900").stdout)
    assert a == b


def test_sim_record_then_replay(tmp_path):
    rep = tmp_path / "r.json"
    a = main_py("sim", "builtin:corridor", "--bot", "--seed", "2", "--ticks", "700", "--record", str(rep))
    assert a.returncode == 0, a.stderr
    b = main_py("sim", "builtin:corridor", "--replay", str(rep))
    assert b.returncode == 0, b.stderr
    assert last_json(b.stdout)["state_hash"] == last_json(a.stdout)["state_hash"]
    assert last_json(b.stdout)["replay"] == "ok"


def test_sim_replay_desync_names_the_tick(tmp_path):
    rep = tmp_path / "r.json"
    main_py("sim", "builtin:corridor", "--bot", "--seed", "2", "--ticks", "700", "--record", str(rep))
    data = json.loads(rep.read_text())
    data["checkpoints"][3][1] = "0" * 16
    rep.write_text(json.dumps(data))
    r = main_py("sim", "builtin:corridor", "--replay", str(rep))
    assert r.returncode == 1
    assert f"tick {data['checkpoints'][3][0]}" in r.stderr
    assert last_json(r.stdout)["desync_tick"] == data["checkpoints"][3][0]


@pytest.mark.parametrize("args", [
    ("sim",),
    ("sim", "builtin:corridor", "--bogus"),
    ("sim", "builtin:corridor", "--players", "3"),
    ("sim", "builtin:corridor", "--difficulty", "insane"),
    ("sim", "builtin:corridor", "--seed", "-4"),
    ("sim", "no-such-level"),
    ("sim", "builtin:nothing"),
    ("--bogus",),
    ("--scale", "0"),
    ("--level", "no-such-level"),
])
def test_bad_arguments_exit_2_with_one_line_and_no_traceback(args):
    r = main_py(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert r.stdout == ""


def test_bad_replay_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    r = main_py("sim", "builtin:corridor", "--replay", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_sim_needs_no_display_and_prints_no_sdl_noise():
    r = subprocess.run([sys.executable, "main.py", "sim", "builtin:corridor", "--ticks", "10"], cwd=ROOT,
                       capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    assert len(r.stdout.strip().splitlines()) == 1


def test_playing_without_a_display_is_one_line_not_an_invisible_game():
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "REDHEAT_HOME": "/tmp/redheat-nodisplay"}
    r = subprocess.run([sys.executable, "main.py"], cwd=ROOT, capture_output=True, text=True, env=env,
                       timeout=60)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "display" in r.stderr
