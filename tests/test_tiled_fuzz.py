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
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, root / "tests" / "data" / "tiled")
    shutil.copytree(Path(__file__).parents[1] / "templates", root / "templates")
    return root / "tests" / "data" / "tiled"


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
