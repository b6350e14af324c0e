"""Issue 16: every hostile or broken input ends quickly with exit 1 or 2 and one line, never a traceback.

Each case runs the real command line (``python main.py check|sim ...``) in a subprocess with a small
crafted input, so what is asserted is what a player or designer sees.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from game.limits import MAX_OBJECTS, MAX_REPLAY_TICKS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "tiled"
HANG = 20   # seconds: a generous "did not hang" bound, not a speed target (bench/ measures speed)


def run_main(*args: str, home: Path | None = None, extra_env: dict | None = None) -> tuple[int, str, str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "PYGAME_HIDE_SUPPORT_PROMPT": "1", **(extra_env or {})}
    if home is not None:
        env["REDHEAT_HOME"] = str(home)
    start = time.monotonic()
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=HANG)
    assert time.monotonic() - start < HANG
    assert "Traceback" not in out.stderr + out.stdout, out.stderr
    return out.returncode, out.stdout, out.stderr


def one_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def check_error(path: Path) -> str:
    """``check PATH``: exit 1, the cause on the first ``error:`` line (returned), one line per problem.

    A refused tileset or layer leaves tiles missing, and the layout rules may then add their own lines
    about the floor; the cause comes first.
    """
    rc, out, err = run_main("check", str(path))
    assert rc == 1, (out, err)
    assert not err
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert all(ln.startswith(("error: ", "warning: ")) for ln in lines[:-1]), out
    assert lines[-1] == "1 of 1 level(s) have errors"
    return next(ln for ln in lines if ln.startswith("error:"))



def level(tree: Path, text: str, name: str = "case.tmx") -> Path:
    path = tree / name
    path.write_text(text, encoding="utf-8")
    return path


def good(tree: Path) -> str:
    return (tree / "good.tmx").read_text(encoding="utf-8")


# -- levels: hangs and memory ----------------------------------------------------------------------
def gzip_bomb(inflated_mb: int) -> str:
    """Base64 of gzip members of zeros: about 1 KB per inflated MB (what a hostile file would hold)."""
    member = gzip.compress(b"\0" * (1 << 20), 9)
    return base64.b64encode(member * inflated_mb).decode()


FIRST_LAYER = 'compression="gzip">\n   H4sIAAAAAAACA2NiYGBgGsWjmMqYcRSP4mGEByofAQC2NiCvoAUAAA=='


@pytest.mark.parametrize("compression", ["gzip", "zlib"])
def test_a_layer_bomb_is_refused_without_inflating_it(tree: Path, compression: str) -> None:
    if compression == "gzip":
        bomb = gzip_bomb(1024)   # 1 GB inflated from ~1.4 MB of text
    else:
        bomb = base64.b64encode(zlib.compress(b"\0" * (16 << 20), 9)).decode()
    text = (tree / "good_base64_gzip.tmx").read_text()
    assert FIRST_LAYER in text
    line = check_error(level(tree, text.replace(FIRST_LAYER, f'compression="{compression}">{bomb}')))
    assert "inflates to more than" in line and "layer 'ground'" in line


@pytest.mark.parametrize("what", ["tileset", "template"])
def test_a_tileset_or_template_naming_a_device_is_refused(tree: Path, what: str) -> None:
    text = good(tree)
    if what == "tileset":
        text = text.replace('source="tiles.tsx"', 'source="/dev/zero"')
    else:
        text = text.replace('template="tile_enemy.tx"', 'template="/dev/zero"')
    line = check_error(level(tree, text))
    assert "/dev/zero" in line and "a device, not a file" in line


def test_a_pipe_in_place_of_a_tileset_is_refused(tree: Path) -> None:
    os.mkfifo(tree / "pipe.tsx")
    line = check_error(level(tree, good(tree).replace('source="tiles.tsx"', 'source="pipe.tsx"')))
    assert "pipe (FIFO)" in line


def test_a_tileset_declaring_an_absurd_image_size_is_refused_at_once(tree: Path) -> None:
    """pytmx would walk every tile a 2147483648 px wide image holds (minutes, gigabytes): refused first."""
    tsx = tree / "tiles.tsx"
    text = tsx.read_text()
    start = text.index('<image source="tiles.png" width="') + len('<image source="tiles.png" width="')
    tsx.write_text(text[:start] + "2147483648" + text[text.index('"', start):])
    line = check_error(tree / "good.tmx")
    assert "declared 2147483648x" in line and "the largest allowed is" in line


def test_a_level_file_over_the_limit_is_refused(tree: Path) -> None:
    filler = "<!--" + "x" * (9 << 20) + "-->"
    line = check_error(level(tree, good(tree).replace("<properties>", filler + "<properties>", 1)))
    assert "the largest allowed is 8.0 MB" in line


def enemies(n: int) -> str:
    return "".join(f'<object id="{1000 + i}" type="Enemy" x="{200 + i % 100}" y="130"><point/></object>'
                   for i in range(n))


def test_too_many_objects_is_one_error(tree: Path) -> None:
    text = good(tree).replace("</objectgroup>", enemies(MAX_OBJECTS + 10) + "</objectgroup>")
    line = check_error(level(tree, text))
    assert f"more than {MAX_OBJECTS} objects" in line


def test_200000_enemies_end_quickly(tree: Path) -> None:
    text = good(tree).replace("</objectgroup>", enemies(200_000) + "</objectgroup>")
    line = check_error(level(tree, text))
    assert "largest allowed" in line or "objects" in line


def test_reading_is_linear_in_the_objects(tree: Path) -> None:
    """Just under the limit the level still loads: no per-object scan of every spawn."""
    from game.tiled import load_level

    text = good(tree).replace("</objectgroup>", enemies(MAX_OBJECTS - 20) + "</objectgroup>")
    lvl = load_level(level(tree, text))
    assert len(lvl.enemies) > MAX_OBJECTS - 20


# -- levels: nonsense values and names -------------------------------------------------------------
def prop(name: str, value: str, typ: str = "int") -> str:
    return f'<property name="{name}" type="{typ}" value="{value}"/>'


MAP_PROPS = '<properties><property name="title" value="TEST BATH"/>'


@pytest.mark.parametrize(("edit", "expect"), [
    (lambda t: t.replace(MAP_PROPS, MAP_PROPS + prop("start_ammo", "-5")), "start_ammo -5"),
    (lambda t: t.replace('value="99"/></properties>', 'value="100000000000000000000"/></properties>'),
     "time_limit 100000000000000000000"),
    (lambda t: t.replace('value="bathhouse"', 'value="nosuchtrack"'), "music 'nosuchtrack' names no track"),
    (lambda t: t.replace('infinite="0"', 'infinite="0" backgroundcolor="#zzzzzz"'),
     "backgroundcolor '#zzzzzz'"),
    (lambda t: t.replace('name="ground"', 'name="ground" opacity="5"'), "opacity 5 must be 0-1"),
    (lambda t: t.replace('<map version="1.8"', '<map version="99"'), "map format version '99'"),
    (lambda t: t.replace('value="500"', 'value="100000000000000000000000"'),
     "amount 100000000000000000000000"),
    (lambda t: t.replace('<object id="8" type="Enemy" x="100" y="100"><point/>',
                         '<object id="8" type="Enemy" x="100" y="100"><properties>'
                         '<property name="hp" type="int" value="0"/></properties><point/>'),
     "hp 0 written out"),
])
def test_check_reports_values_out_of_range(tree: Path, edit, expect: str) -> None:
    text = edit(good(tree))
    assert text != good(tree)
    assert expect in check_error(level(tree, text))


def test_check_accepts_a_level_name_like_sim() -> None:
    rc, out, err = run_main("check", "bathhouse")
    assert rc == 0, out + err
    assert "levels/bathhouse.tmx: OK" in out.replace(os.sep, "/")


def test_check_decodes_each_tileset_image(tree: Path) -> None:
    png = bytearray((tree / "tiles.png").read_bytes())
    idat = png.index(b"IDAT")
    png[idat + 10] ^= 0xFF   # one flipped byte in the pixel data
    (tree / "tiles.png").write_bytes(bytes(png))
    line = check_error(tree / "good.tmx")
    assert "tiles.png" in line and "damaged" in line


def test_a_damaged_tileset_image_stops_the_game_with_one_line(tree: Path, tmp_path: Path) -> None:
    png = (tree / "tiles.png").read_bytes()
    (tree / "tiles.png").write_bytes(png[: len(png) // 2])
    rc, _, err = run_main("--level", str(tree / "good.tmx"), home=tmp_path / "home")
    assert rc == 2
    assert "tiles.png" in one_line(err) and "truncated" in err


# -- replays ---------------------------------------------------------------------------------------
def replay_file(tmp_path: Path, **changes: object) -> Path:
    data = json.loads((ROOT / "assets" / "replays" / "attract.json").read_text())
    data.update(changes)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(("changes", "expect"), [
    ({"difficulty": "insane"}, "'difficulty' is 'insane'"),
    ({"seed": -1}, "'seed' is -1"),
    ({"ticks": 10**11}, "'ticks' is 100000000000"),
    ({"players": 3}, "'players' is 3"),
    ({"frames": [[10**11, 0]]}, "frames hold more ticks"),
    ({"level": 5}, "'level' should be text"),
    ({"checkpoints": [["x", 1]]}, "checkpoint 0"),
])
def test_a_bad_replay_header_is_one_line_naming_the_field(tmp_path: Path, changes: dict, expect: str) -> None:
    rc, out, err = run_main("sim", "bathhouse", "--replay", str(replay_file(tmp_path, **changes)))
    assert rc == 2
    assert expect in one_line(err)
    assert out == ""


def test_replay_from_a_device_or_a_pipe_is_refused(tmp_path: Path) -> None:
    rc, _, err = run_main("sim", "bathhouse", "--replay", "/dev/zero")
    assert rc == 2 and "a device, not a file" in one_line(err)
    os.mkfifo(tmp_path / "pipe.json")
    rc, _, err = run_main("sim", "bathhouse", "--replay", str(tmp_path / "pipe.json"))
    assert rc == 2 and "pipe (FIFO)" in one_line(err)


def test_deeply_nested_replay_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    rc, _, err = run_main("sim", "bathhouse", "--replay", str(path))
    assert rc == 2 and "nested too deeply" in one_line(err)


def test_replay_stops_at_ticks(tmp_path: Path) -> None:
    rc, out, err = run_main("sim", "bathhouse", "--replay", str(ROOT / "assets/replays/attract.json"),
                            "--ticks", "120")
    assert rc == 0, err
    summary = json.loads(out.splitlines()[-1])
    assert summary["ticks"] == 120 and summary["replay"] == "ok" and summary["replay_ticks"] == 2700


def test_replay_tick_limit_is_a_real_limit() -> None:
    from game.sim.replay import Replay, ReplayError

    ok = {"format": "redheat-replay", "version": 1, "level": "x", "level_hash": "", "seed": 0,
          "difficulty": "normal", "players": 1, "ticks": MAX_REPLAY_TICKS,
          "frames": [[MAX_REPLAY_TICKS, 0]], "checkpoints": []}
    assert Replay.from_json(json.dumps(ok)).ticks == MAX_REPLAY_TICKS
    with pytest.raises(ReplayError, match="'ticks'"):
        Replay.from_json(json.dumps({**ok, "ticks": MAX_REPLAY_TICKS + 1,
                                     "frames": [[MAX_REPLAY_TICKS + 1, 0]]}))


# -- long work -------------------------------------------------------------------------------------
def test_seeds_print_each_line_as_it_finishes() -> None:
    """The first seed's line arrives while later seeds are still running (a pipe, not a terminal)."""
    env = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "sim", "builtin:corridor", "--seeds",
                             "1-400", "--ticks", "600"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = json.loads(proc.stdout.readline())
        assert first["seed"] == 1
        assert proc.poll() is None   # still working on the rest
    finally:
        proc.kill()
        proc.communicate()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_seeds_show_progress_on_a_terminal_stderr() -> None:
    master, slave = os.openpty()
    env = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    try:
        cmd = [sys.executable, str(ROOT / "main.py"), "sim", "builtin:corridor", "--seeds", "1-3",
               "--ticks", "60"]
        out = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=slave, text=True,
                             timeout=HANG)
        os.close(slave)
        seen = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(master, 4096):
                seen += chunk
    finally:
        os.close(master)
    assert out.returncode == 0
    assert [json.loads(ln)["seed"] for ln in out.stdout.splitlines()[:3]] == [1, 2, 3]
    assert b"seed 3/3 done" in seen and b"Traceback" not in seen
