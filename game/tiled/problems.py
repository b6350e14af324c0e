"""Level problems, worded for designers: one line each, naming the file and the object or layer."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class LevelError(Exception):
    """A level that cannot be played; ``problems`` holds one designer-readable line per error."""

    def __init__(self, problems: list[str], warnings: list[str] | None = None) -> None:
        self.problems: list[str] = list(problems) or ["level error"]
        self.warnings: list[str] = list(warnings or [])
        self.files: list[Path] = []   # files read before the error, so a watcher can wait for a fix
        super().__init__("\n".join(self.problems))

    def __str__(self) -> str:
        return "\n".join(self.problems)


def nearest(name: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to ``name`` (None when there is nothing to choose from)."""
    options = sorted(valid)
    if not options:
        return None
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.0)
    return close[0] if close else options[0]


def listing(valid: Iterable[str]) -> str:
    """``a, b, c`` for messages that list the valid choices."""
    return ", ".join(sorted(valid)) or "(none)"


class Report:
    """Collects every problem of one load so the designer sees them all in one pass."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.files: list[Path] = []   # every file this load tried to read (found or not)

    def _where(self, file: str | None, obj: tuple[int, str, str] | None, layer: str | None) -> str:
        where = file or self.label
        if obj is not None:
            oid, cls, name = obj
            return f"{where}: object {oid} ({cls or 'no class'} '{name}')"
        if layer is not None:
            return f"{where}: layer '{layer}'"
        return where

    def error(self, msg: str, *, obj: tuple[int, str, str] | None = None, layer: str | None = None,
              file: str | None = None) -> None:
        """Record an error: the level will not load."""
        line = f"{self._where(file, obj, layer)}: {msg}"
        if line not in self.errors:
            self.errors.append(line)

    def warn(self, msg: str, *, obj: tuple[int, str, str] | None = None, layer: str | None = None,
             file: str | None = None) -> None:
        """Record a warning: printed, but the level still loads."""
        line = f"{self._where(file, obj, layer)}: {msg}"
        if line not in self.warnings:
            self.warnings.append(line)

    def raise_if_errors(self) -> None:
        """Stop here with a LevelError when anything so far was an error."""
        if self.errors:
            raise LevelError(self.errors, self.warnings)
