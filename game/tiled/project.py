"""The level schema, read from ``redheat.tiled-project``: the single source of classes, enums and defaults."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.paths import project_file
from game.tiled.problems import LevelError, listing

# Tiled's primitive property types; enums are stored as one of the first two.
PRIMITIVES = ("string", "int", "float", "bool", "color", "file", "object")


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a class: its name, Tiled type, enum (or ""), and default value."""

    name: str
    type: str
    enum: str
    default: Any


@dataclass(frozen=True, slots=True)
class ClassType:
    """A Tiled class type (``useAs`` says where designers may pick it: map, layer, object, tile)."""

    name: str
    use_as: tuple[str, ...]
    members: dict[str, Member]
    color: str = ""


@dataclass(frozen=True, slots=True)
class EnumType:
    """A Tiled enum type; values are stored by name (``string``) or by index (``int``)."""

    name: str
    values: tuple[str, ...]
    storage: str = "string"


@dataclass(slots=True)
class Schema:
    """All classes and enums of the project, plus where they came from."""

    path: Path
    classes: dict[str, ClassType] = field(default_factory=dict)
    enums: dict[str, EnumType] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)

    def object_classes(self) -> dict[str, ClassType]:
        """Classes a designer may give to a map object."""
        return {n: c for n, c in self.classes.items() if "object" in c.use_as}

    def class_for(self, use: str, name: str) -> ClassType | None:
        """The class named ``name`` usable as ``use`` (map, layer, tile, object)."""
        c = self.classes.get(name)
        return c if c is not None and use in c.use_as else None

    def defaults(self, name: str) -> dict[str, Any]:
        """The default value of every member of class ``name``."""
        return {m.name: m.default for m in self.classes[name].members.values()}


_CACHE: dict[Path, tuple[tuple[int, int], Schema]] = {}


def _fail(path: Path, msg: str) -> LevelError:
    return LevelError([f"{path}: {msg}"])


def _member(path: Path, cls: str, raw: Any, enums: dict[str, EnumType]) -> Member:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise _fail(path, f"class '{cls}': a member has no name")
    name, typ, enum = raw["name"], raw.get("type", "string"), raw.get("propertyType", "") or ""
    if typ == "class":
        raise _fail(path, f"class '{cls}': member '{name}' is class-typed; level classes use plain members")
    if typ not in PRIMITIVES:
        raise _fail(path, f"class '{cls}': member '{name}' has unknown type '{typ}'")
    if enum and enum not in enums:
        raise _fail(path, f"class '{cls}': member '{name}' uses unknown enum '{enum}' "
                          f"(valid: {listing(enums)})")
    default = raw.get("value")
    if enum and enums[enum].storage == "int" and isinstance(default, int):
        default = enums[enum].values[default] if 0 <= default < len(enums[enum].values) else ""
    return Member(name, typ, enum, default)


def parse_schema(path: Path, text: str) -> Schema:
    """Build a Schema from the project file's JSON text (raises LevelError on any problem)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, f"malformed JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("propertyTypes", []), list):
        raise _fail(path, "not a Tiled project file (no propertyTypes list)")
    schema = Schema(path=path, commands=list(data.get("commands", []) or []))
    raws = [t for t in data.get("propertyTypes", []) if isinstance(t, dict)]
    for t in raws:
        if t.get("type") == "enum":
            values = tuple(str(v) for v in t.get("values", []))
            schema.enums[str(t.get("name"))] = EnumType(str(t.get("name")), values,
                                                        str(t.get("storageType", "string")))
    for t in raws:
        if t.get("type") == "class":
            name = str(t.get("name"))
            members = [_member(path, name, m, schema.enums) for m in t.get("members", []) or []]
            # Tiled 1.8 has no useAs; its classes were usable anywhere.
            use = tuple(t.get("useAs") or ("property", "map", "layer", "object", "tile", "tileset"))
            schema.classes[name] = ClassType(name, use, {m.name: m for m in members}, str(t.get("color", "")))
    return schema


def load_schema(path: Path | None = None) -> Schema:
    """The schema of ``path`` (default: the game's project file), cached until the file changes."""
    path = Path(path) if path is not None else project_file()
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        cached = _CACHE.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read the Tiled project file ({exc.__class__.__name__})") from None
    schema = parse_schema(path, text)
    _CACHE[path] = (stamp, schema)
    return schema
