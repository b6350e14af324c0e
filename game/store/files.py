"""Atomic JSON files in the user's data folder, with a ``.bak`` kept of anything unreadable."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from game.atomic import atomic_write_text

__all__ = ["atomic_write_text", "keep_backup", "load_json", "user_data_dir", "warn"]

T = TypeVar("T")


def user_data_dir() -> Path:
    """The per-user folder for settings, scores and screenshots.

    ``REDHEAT_HOME`` overrides it (tests use a temporary folder); otherwise SDL's
    preference path, or ``~/.local/share/redheat`` when pygame is unavailable.
    """
    override = os.environ.get("REDHEAT_HOME")
    if override:
        path = Path(override)
    else:
        try:
            import pygame

            path = Path(pygame.system.get_pref_path("redheat", "redheat"))
        except Exception:  # no SDL: fall back to the XDG-style folder
            path = Path.home() / ".local" / "share" / "redheat"
    path.mkdir(parents=True, exist_ok=True)
    return path


def warn(message: str) -> None:
    """One line on stderr for the player."""
    print(f"redheat: {message}", file=sys.stderr)


def keep_backup(path: Path) -> Path:
    """Copy an unreadable file aside as ``NAME.bak`` before it is replaced."""
    bak = path.with_name(path.name + ".bak")
    with contextlib.suppress(OSError):
        shutil.copy2(path, bak)
    return bak


def load_json(path: Path, parse: Callable[[Any], T], default: Callable[[], T],
              what: str, version: int) -> tuple[T, str | None]:
    """Read ``path`` with ``parse``; on any trouble return ``default()`` and a warning.

    A missing file is not a problem. A corrupt, empty, truncated or wrong-typed file is
    copied to ``.bak``. A file written by a newer game version is left untouched and
    ``default()`` is used without overwriting it (the caller checks ``readonly``).
    """
    if not path.exists():
        return default(), None
    try:
        raw = path.read_text(encoding="utf-8")
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        file_version = data.get("version", version)
        if isinstance(file_version, int) and file_version > version:
            return default(), (f"{what} file {path} is from a newer version of the game; "
                               "using defaults and leaving it untouched")
        return parse(data), None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as e:
        bak = keep_backup(path)
        reason = str(e).splitlines()[0] if str(e) else e.__class__.__name__
        return default(), (f"{what} file {path} is unreadable ({reason}); "
                           f"using defaults, kept a copy in {bak.name}")
