"""Resolving LEVEL arguments for the command line, with designer-friendly errors."""

from __future__ import annotations

import sys
from pathlib import Path

from game.paths import resolve_level
from game.sim.level import LevelDesc

BUILTIN_PREFIX = "builtin:"


def load_level(name_or_path: str) -> LevelDesc:
    """Load ``bathhouse``, ``path/to/x.tmx`` or ``builtin:corridor``; raises LevelError."""
    from game.tiled import LevelError
    from game.tiled import load_level as load_tmx

    if name_or_path.startswith(BUILTIN_PREFIX):
        from game.sim import testlevel

        which = name_or_path[len(BUILTIN_PREFIX):]
        if which == "corridor":
            return testlevel.corridor()
        raise LevelError([f"{name_or_path}: unknown built-in level (known: builtin:corridor)"])
    path = resolve_level(name_or_path)
    if not path.exists():
        from game.paths import levels_dir
        from game.tiled.problems import nearest

        known = sorted({p.stem for ext in ("*.tmx", "*.tmj") for p in levels_dir().glob(ext)})
        guess = nearest(Path(name_or_path).stem, known)
        hint = f"did you mean '{guess}'? " if guess else ""
        raise LevelError([f"{path}: no such level ({hint}shipped levels: {', '.join(known) or 'none'})"])
    return load_tmx(path)


def load_level_for_cli(name_or_path: str) -> LevelDesc | None:
    """Load a level or print every problem (one per line) to stderr and return None."""
    from game.tiled import LevelError

    try:
        return load_level(name_or_path)
    except LevelError as e:
        for line in e.problems or [str(e)]:
            print(line, file=sys.stderr)
        return None


def level_path(name_or_path: str) -> Path | None:
    """The file behind a LEVEL argument, or None for built-in levels."""
    if name_or_path.startswith(BUILTIN_PREFIX):
        return None
    return resolve_level(name_or_path)
