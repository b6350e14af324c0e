"""Atomic JSON files in the user's data folder, with a ``.bak`` kept of anything unreadable."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

from game.atomic import atomic_write_text
from game.limits import MAX_SETTINGS_FILE_BYTES, LimitError, read_text

__all__ = ["JsonStore", "atomic_write_text", "keep_backup", "load_json", "user_data_dir", "warn"]

T = TypeVar("T")

#: Set when the user data folder could not be used and a temporary one stands in (the app shows it).
data_folder_problem: str | None = None
_fallback: Path | None = None


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
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir() or not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError("not a writable folder")
    except OSError as e:
        return _stand_in(path, e)
    return path


def _stand_in(path: Path, error: OSError) -> Path:
    """A temporary folder for this run when the real one cannot be made or written (said once)."""
    import tempfile

    global _fallback, data_folder_problem
    if _fallback is None:
        _fallback = Path(tempfile.mkdtemp(prefix="redheat-"))
        reason = error.strerror or str(error) or error.__class__.__name__
        data_folder_problem = (f"cannot use the data folder {path} ({reason}); "
                               "settings and scores will not be kept after this run")
        warn(data_folder_problem)
    return _fallback


def warn(message: str) -> None:
    """One line on stderr for the player."""
    print(f"redheat: {message}", file=sys.stderr)


def keep_backup(path: Path) -> Path | None:
    """Copy an unreadable file aside as ``NAME.bak`` before it is replaced; None when it cannot be.

    Only regular files are copied (a pipe or a device in the file's place is never read).
    """
    bak = path.with_name(path.name + ".bak")
    with contextlib.suppress(OSError, LimitError):
        from game.limits import check_regular

        check_regular(path, "file")
        shutil.copy2(path, bak)
        return bak
    return None


def _kept(bak: Path | None) -> str:
    return f"kept a copy in {bak.name}" if bak is not None else "it could not be copied aside"


class NewerVersion(Exception):
    """The file was written by a newer version of the game."""


def load_json(path: Path, parse: Callable[[Any], T], default: Callable[[], T],
              what: str, version: int) -> tuple[T, str | None]:
    """Read ``path`` with ``parse``; on any trouble return ``default()`` and a warning.

    A missing file is not a problem. A corrupt, empty, truncated or wrong-typed file is
    copied to ``.bak``. A file written by a newer game version raises :class:`NewerVersion`
    and is left untouched (:class:`JsonStore` then uses defaults and never writes it).
    """
    if not os.path.lexists(path):
        return default(), None
    try:
        try:
            raw = read_text(path, MAX_SETTINGS_FILE_BYTES, f"{what} file")
            data = json.loads(raw)
        except RecursionError:
            raise ValueError("nested too deeply") from None
        except LimitError as e:
            # the message names the file already; nothing was read, so nothing is copied aside
            reason = str(e).split("' ", 1)[-1]
            raise ValueError(reason) from None
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        file_version = data.get("version", version)
        if isinstance(file_version, int) and file_version > version:
            raise NewerVersion(f"{what} file {path} is from a newer version of the game; "
                               "using defaults and leaving it untouched")
        value = parse(data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError) as e:
        bak = keep_backup(path)
        reason = str(e).splitlines()[0] if str(e) else e.__class__.__name__
        return default(), (f"{what} file {path} is unreadable ({reason}); "
                           f"using defaults, {_kept(bak)}")
    dropped = getattr(value, "dropped", None)
    if dropped:   # the parser kept what it could: say what it left out, and keep the whole file aside
        bak = keep_backup(path)
        return value, f"{what} file {path}: {dropped}; kept the rest, {_kept(bak)}"
    return value, None


class JsonStore(Generic[T]):
    """One JSON file of the player's: loaded safely, saved atomically, never clobbering a newer version."""

    def __init__(self, path: Path, what: str, version: int, parse: Callable[[Any], T],
                 default: Callable[[], T]) -> None:
        self.path, self.what, self.version = path, what, version
        self._parse, self._default = parse, default
        self.readonly = False          # a newer game's file: read defaults, write nothing
        self.problem: str | None = None

    def load(self) -> T:
        """Read the file, warning once and falling back to defaults on trouble."""
        self.problem, self.readonly = None, False
        try:
            value, self.problem = load_json(self.path, self._parse, self._default, self.what, self.version)
        except NewerVersion as e:
            value, self.problem, self.readonly = self._default(), str(e), True
        if self.problem:
            warn(self.problem)
        return value

    def write(self, text: str) -> bool:
        """Write atomically unless the file belongs to a newer version; True when written."""
        if self.readonly:
            return False
        try:
            atomic_write_text(self.path, text)
        except OSError as e:
            warn(f"could not save {self.what} file {self.path} ({e.strerror or e})")
            return False
        return True
