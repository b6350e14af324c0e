"""Mutated level files (truncated, mistyped, unknown classes, broken gids/encodings/templates) only ever
raise the project's LevelError with a designer message: never another exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.sim.level import LevelDesc
from game.tiled import LevelError, load_level
from tests.scripted import copy_level_tree

DATA = Path(__file__).parent / "data" / "tiled"
BASES = ["good.tmx", "good_base64_zlib.tmx", "good_base64_gzip.tmx", "good_base64.tmx"]
ATTRS = ["x", "y", "width", "height", "id", "firstgid", "tilewidth", "opacity", "offsetx", "parallaxx", "gid",
         "infinite", "orientation", "visible"]
JUNK = st.sampled_from(["", "-1", "abc", "1e999", "nan", "99999999999", "0", "3.5", "&amp;", "16", "\u0416"])


def _sub_nth(pattern: str, text: str, n: int, repl: str) -> str:
    hits = list(re.finditer(pattern, text))
    if not hits:
        return text
    m = hits[n % len(hits)]
    return text[:m.start()] + m.expand(repl) + text[m.end():]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = (DATA / draw(st.sampled_from(BASES))).read_text()
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["truncate", "attr", "class", "gid", "encoding", "template", "bytes",
                                     "property"]))
        n = draw(st.integers(0, 200))
        if kind == "truncate":
            text = text[:draw(st.integers(0, len(text)))]
        elif kind == "attr":
            attr = draw(st.sampled_from(ATTRS))
            text = _sub_nth(rf'\b{attr}="[^"]*"', text, n, f'{attr}="{draw(JUNK)}"')
        elif kind == "class":
            text = _sub_nth(r'type="\w+"', text, n, f'type="{draw(st.text("AZaz_", max_size=8))}"')
        elif kind == "gid":
            text = _sub_nth(r"(?<=[,\n])\d+(?=,)", text, n, str(draw(st.integers(-5, 2**33))))
        elif kind == "encoding":
            enc = draw(st.sampled_from(["csv", "base64", "xml", ""]))
            comp = draw(st.sampled_from(["", "zlib", "gzip", "zstd", "lzma"]))
            text = _sub_nth(r"<data[^>]*>", text, n, f'<data encoding="{enc}" compression="{comp}">')
        elif kind == "template":
            target = draw(st.sampled_from(["", "x.tx", "../tiles.tsx", "good.tmx", "/", "tile_enemy.tx"]))
            text = _sub_nth(r'template="[^"]*"', text, n, f'template="{target}"')
        elif kind == "property":
            text = _sub_nth(r'value="[^"]*"', text, n, f'value="{draw(JUNK)}"')
        else:
            pos = draw(st.integers(0, max(0, len(text) - 1)))
            text = text[:pos] + draw(st.sampled_from(["<", ">", '"', "&", "\x00", "]]>"])) + text[pos + 1:]
    return text


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_level_tree(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated())
def test_mutated_levels_only_raise_level_errors_with_messages(tree: Path, text: str) -> None:
    path = tree / "mutant.tmx"
    path.write_text(text, encoding="utf-8")
    try:
        level = load_level(path)
    except LevelError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        # the last-resort "cannot read this level (SomeError...)" net must not be what caught it
        assert not any("cannot read this level (" in p for p in exc.problems), exc.problems
        assert str(exc) == "\n".join(exc.problems)
    else:
        assert isinstance(level, LevelDesc)


# -- issue 16: every kind of file the game reads, through the command line a user runs -------------
# Seeded, bounded mutations of tilesets, templates, tileset images, replays, settings and scores (and
# special files in their place). Each case runs the real entry point (game.cli.main, in process so the
# suite stays fast) and must end with exit 0, 1 or 2, never an exception (a traceback), every problem on
# a line of its own, within HANG_SECONDS (a "did not hang" bound; bench/ measures speed).

import contextlib  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402

from game.cli import main as cli_main  # noqa: E402

HANG_SECONDS = 10
ROOT = Path(__file__).resolve().parents[1]
SPECIAL = ["fifo", "folder", "device", "empty", "huge", "binary"]


@contextlib.contextmanager
def no_hang(seconds: int = HANG_SECONDS):
    """Fail (rather than wait for ever) when a case runs past ``seconds``; Unix only, elsewhere a no-op."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"case still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    start = time.monotonic()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert time.monotonic() - start < seconds


def run_cli(*argv: str) -> tuple[int, list[str], list[str]]:
    """``python main.py ARGV`` in process: exit code and the non-empty lines of stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli_main(list(argv))   # any exception here is the traceback a user would see
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    errs = [ln for ln in err.getvalue().splitlines() if ln.strip()]
    assert not any("Traceback" in ln for ln in lines + errs)
    return rc, lines, errs


def place(path: Path, kind: str, text: str | bytes) -> None:
    """Put ``text`` at ``path``, or one of the special things a hostile user could put there."""
    with contextlib.suppress(FileNotFoundError):
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "huge":
        with path.open("wb") as f:
            f.truncate(80 << 20)   # sparse: 80 MB of zeros costs nothing on disk
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    else:
        path.write_bytes(text.encode() if isinstance(text, str) else text)


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> tuple[str, str]:
    """(kind, text): a special file kind, or ``base`` with one to three textual mutations."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(SPECIAL)), ""
    text = base
    for _ in range(draw(st.integers(1, 3))):
        n = draw(st.integers(0, 200))
        how = draw(st.sampled_from(["truncate", "attr", "number", "bytes", "delete"]))
        if how == "truncate":
            text = text[:draw(st.integers(0, len(text)))]
        elif how == "attr":
            text = _sub_nth(r'(\w+)="[^"]*"', text, n, rf'\1="{draw(JUNK)}"')
        elif how == "number":
            text = _sub_nth(r"-?\d+", text, n, str(draw(st.sampled_from([-1, 0, 3, 10**23, -10**11, 2**31]))))
        elif how == "delete":
            text = _sub_nth(r"<[^>]*>|\"\w+\": ?[^,}\]]+,?|\[[^\[\]]*\],?", text, n, "")
        else:
            pos = draw(st.integers(0, max(0, len(text) - 1)))
            junk = draw(st.sampled_from(["<", ">", '"', "&", "\x00", "{", "[", "]]", "\\"]))
            text = text[:pos] + junk + text[pos + 1:]
    return "text", text


def assert_check_output(rc: int, lines: list[str]) -> None:
    assert rc in (0, 1), lines
    for ln in lines:   # every line is one problem, one OK summary, or the closing count
        assert ln.startswith(("error: ", "warning: ")) or ": OK '" in ln or "have errors" in ln, ln


@pytest.fixture(scope="module")
def files_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzzfiles")
    shutil.copytree(DATA, root / "tests" / "data" / "tiled")
    shutil.copytree(ROOT / "templates", root / "templates")
    return root / "tests" / "data" / "tiled"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["tiles.tsx", "tile_enemy.tx"]), data=st.data())
def test_mutated_tilesets_and_templates_through_check(files_tree: Path, which: str,
                                                      data: st.DataObject) -> None:
    original = (DATA / which).read_text()
    kind, text = data.draw(mutated_text(original))
    place(files_tree / which, kind, text)
    try:
        rc, lines, errs = run_cli("check", str(files_tree / "good.tmx"))
    finally:
        place(files_tree / which, "text", original)
    assert_check_output(rc, lines)
    assert not errs


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from([*SPECIAL, "flip", "cut"]), at=st.integers(0, 10**6))
def test_damaged_tileset_images_through_check(files_tree: Path, kind: str, at: int) -> None:
    png = (DATA / "tiles.png").read_bytes()
    if kind == "flip":
        i = 8 + at % (len(png) - 8)
        damaged = png[:i] + bytes([png[i] ^ (1 + at % 255)]) + png[i + 1:]
        kind = "text"
    elif kind == "cut":
        damaged, kind = png[: at % len(png)], "text"
    else:
        damaged = b""
    place(files_tree / "tiles.png", kind, damaged)
    try:
        rc, lines, _ = run_cli("check", str(files_tree / "good.tmx"))
    finally:
        place(files_tree / "tiles.png", "text", png)
    assert_check_output(rc, lines)
    assert rc == 1 and any("tiles.png" in ln for ln in lines), lines


ATTRACT = (ROOT / "assets" / "replays" / "attract.json").read_text()
SHORT_REPLAY = json.dumps({**json.loads(ATTRACT), "frames": json.loads(ATTRACT)["frames"][:3],
                           "checkpoints": [], "final_hash": "",
                           "ticks": sum(f[0] for f in json.loads(ATTRACT)["frames"][:3])}, indent=0)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_replays_through_sim(tmp_path: Path, data: st.DataObject) -> None:
    kind, text = data.draw(mutated_text(SHORT_REPLAY))
    path = tmp_path / "replay.json"
    place(path, kind, text)
    rc, lines, errs = run_cli("sim", "builtin:corridor", "--replay", str(path), "--ticks", "120")
    assert rc in (0, 1, 2), errs
    if rc == 2:
        assert len(errs) == 1 and not lines, errs   # one line saying what is wrong, nothing else
    else:
        assert json.loads(lines[-1])["replay"] in ("ok", "desync")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.sampled_from(["settings", "scores"]), data=st.data())
def test_mutated_settings_and_scores_load_with_one_line(tmp_path: Path, which: str,
                                                        data: st.DataObject) -> None:
    from game.store.highscores import HighScores, HighScoreStore
    from game.store.settings import Settings, SettingsStore

    store = SettingsStore(tmp_path) if which == "settings" else HighScoreStore(tmp_path)
    good_text = Settings().to_json() if which == "settings" else HighScores().to_json()
    kind, text = data.draw(mutated_text(good_text))
    place(store.path, kind, text)
    before = store.path.read_bytes() if kind in ("text", "empty", "binary") else None
    err = io.StringIO()
    with no_hang(), contextlib.redirect_stderr(err):
        value = store.load()
    assert isinstance(value, Settings | HighScores)
    lines = [ln for ln in err.getvalue().splitlines() if ln.strip()]
    assert len(lines) == (1 if store.problem else 0), lines
    if store.problem and before is not None and not store.readonly:
        bak = store.path.with_name(store.path.name + ".bak")
        assert bak.read_bytes() == before   # what the player had is kept, byte for byte
        bak.unlink()
