"""Level problems, worded for designers: one line each, naming the file and the object or layer."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
    """The valid name close enough to ``name`` to be what was meant (None when nothing is that close)."""
    options = sorted(valid)
    folded = {o.lower(): o for o in options}
    if name.lower() in folded:   # only the case differs
        return folded[name.lower()]
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(name: str, valid: Iterable[str]) -> str:
    """``did you mean 'wave'? valid: a, b`` or just ``valid: a, b`` when no name is close."""
    options = list(valid)
    guess = nearest(name, options)
    return (f"did you mean '{guess}'? " if guess else "") + f"valid: {listing(options)}"


def listing(valid: Iterable[str]) -> str:
    """``a, b, c`` for messages that list the valid choices."""
    return ", ".join(sorted(valid)) or "(none)"


def _coord(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def object_label(obj: Any) -> str:
    """How a message names an object: by name, else by class, kind and position, always with its id.

    ``Enemy 'bather_towel' (object 2)``, ``Enemy thug at (412, 150) (object 5)``,
    ``object without a class at (10, 100) (object 50)``. ``obj`` is a MapObject or an
    ``(id, class, name)`` tuple (positions and kinds are then unknown).
    """
    if isinstance(obj, tuple):
        oid, cls, name = obj[:3]
        kind, pos = "", None
    else:
        oid, cls, name = obj.id, obj.cls, obj.name
        kind_prop = obj.props.get("kind") if isinstance(getattr(obj, "props", None), dict) else None
        kind = kind_prop.value if kind_prop is not None else getattr(obj, "kind", "") or ""
        pos = (obj.x, obj.y)
    what = cls or "object without a class"
    if name:
        head = f"{what} '{name}'"
    else:
        head = f"{what} {kind}" if kind and cls else what
        if pos is not None:
            head += f" at ({_coord(pos[0])}, {_coord(pos[1])})"
    return f"{head} (object {oid})"


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """What a message needs to name an object: id, class, name, position and kind (for enemies, pickups)."""

    id: int
    cls: str
    name: str
    x: float
    y: float
    kind: str = ""


def object_id(obj: Any) -> int | None:
    """The Tiled id of an object given as a MapObject or an ``(id, class, name)`` tuple."""
    if obj is None:
        return None
    return int(obj[0]) if isinstance(obj, tuple) else int(obj.id)


def file_hint(path: Path) -> str:
    """`` (did you mean 'x.tsx'? ...)`` for a missing file: the nearest files of the same kind beside it."""
    folder = path.parent
    try:
        if not folder.is_dir():
            return f" (folder '{folder}' does not exist either)"
        others = sorted(p.name for p in folder.iterdir()
                        if p.is_file() and p.suffix.lower() == path.suffix.lower())
    except OSError:
        return ""
    if not others:
        return f" (no {path.suffix or 'such'} files in '{folder}')"
    close = difflib.get_close_matches(path.name, others, n=2, cutoff=0.7)
    if close:
        return (f" (did you mean {' or '.join(repr(c) for c in close)}? the path is relative to the file "
                f"that names it)")
    return f" (files of that kind there: {', '.join(others[:8])}{', ...' if len(others) > 8 else ''})"


class Report:
    """Collects every problem of one load so the designer sees them all in one pass.

    ``items`` keeps each problem as a record too (severity, file, object id, layer, message, line),
    for ``check --json`` and the Tiled extension, which selects the object a problem names.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.items: list[dict[str, Any]] = []
        self.files: list[Path] = []   # every file this load tried to read (found or not)

    def _where(self, file: str | None, obj: Any, layer: str | None, what: str | None = None) -> str:
        where = file or self.label
        if what is not None:   # anything else a message must name, e.g. a tileset's tile
            return f"{where}: {what}"
        if obj is not None:
            return f"{where}: {object_label(obj)}"
        if layer is not None:
            return f"{where}: layer '{layer}'"
        return where

    def _add(self, severity: str, lines: list[str], msg: str, obj: Any, layer: str | None,
             file: str | None, what: str | None = None) -> None:
        line = f"{self._where(file, obj, layer, what)}: {msg}"
        if line in lines:
            return
        lines.append(line)
        self.items.append({"severity": severity, "file": file or self.label, "object": object_id(obj),
                           "layer": layer if obj is None else None, "message": msg, "text": line})

    def error(self, msg: str, *, obj: Any = None, layer: str | None = None, file: str | None = None,
              what: str | None = None) -> None:
        """Record an error: the level will not load."""
        self._add("error", self.errors, msg, obj, layer, file, what)

    def warn(self, msg: str, *, obj: Any = None, layer: str | None = None, file: str | None = None,
             what: str | None = None) -> None:
        """Record a warning: printed, but the level still loads."""
        self._add("warning", self.warnings, msg, obj, layer, file, what)

    def raise_if_errors(self) -> None:
        """Stop here with a LevelError when anything so far was an error."""
        if self.errors:
            raise LevelError(self.errors, self.warnings)
