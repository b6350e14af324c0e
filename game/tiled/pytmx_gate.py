"""pytmx brought in without pygame, with its silent gaps named: image loader, casts, properties.

Everything here speaks to pytmx 3.32 and turns what it refuses into one designer line; nothing else in
``game/tiled`` imports pytmx.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

from game.tiled.problems import Report
from game.tiled.tmxfile import Prop

_PYTMX: ModuleType | None = None
FRACTION_OK = ("offsetx", "offsety")   # pytmx casts these with int(); Tiled may write 4.5, so we keep those


def pytmx() -> ModuleType:
    """The pytmx package, imported so that it does not load pygame (``game/tiled`` never may)."""
    global _PYTMX
    if _PYTMX is None:
        # pytmx logs its own refusals (and a missing pygame) through ``logging``; we word them ourselves.
        log = logging.getLogger("pytmx")
        log.addHandler(logging.NullHandler())
        log.propagate = False
        blocked = "pygame" not in sys.modules
        if blocked:
            sys.modules["pygame"] = None  # type: ignore[assignment]  # pytmx's `import pygame` now fails
        try:
            import pytmx as module
        finally:
            if blocked and "pygame" in sys.modules and sys.modules["pygame"] is None:
                del sys.modules["pygame"]
        if blocked:
            # pytmx's pygame helpers were skipped; let a later `import pytmx.util_pygame` load them for real.
            sys.modules.pop("pytmx.util_pygame", None)
        _PYTMX = module
    return _PYTMX


def _no_image(rect: Any = None, flags: Any = None) -> None:
    return None


class ImagePaths:
    """A pytmx ``image_loader`` that loads nothing: it only records which image each tileset names."""

    def __init__(self) -> None:
        self.by_tileset: dict[int, Path] = {}

    def __call__(self, filename: str, colorkey: Any = None, **kwargs: Any) -> Any:
        """Called by pytmx once per image; returns a tile loader that returns nothing."""
        tileset = kwargs.get("tileset")
        if tileset is not None:
            self.by_tileset[id(tileset)] = Path(os.path.normpath(filename))
        return _no_image


def new_map(path: Path, images: ImagePaths) -> Any:
    """An empty ``pytmx.TiledMap`` for ``path``: we hand it each element of the file we parsed."""
    tm = pytmx().TiledMap(image_loader=images, allow_duplicate_names=True, load_all=False)
    tm.filename = str(path)   # pytmx resolves tileset images against this file's folder
    return tm


# -- wording what pytmx refuses ------------------------------------------------------------------
def _want(cast: Any) -> str:
    if cast is int:
        return "a whole number"
    if cast is float:
        return "a number"
    if cast is pytmx().pytmx.convert_to_bool:
        return "true or false"
    return "a valid value"


def attr_problems(el: ET.Element) -> list[str]:
    """Which attributes of ``el`` pytmx's own casts refuse (or turn into NaN or infinity)."""
    casts = pytmx().pytmx.types
    out = []
    for key, text in el.items():
        cast = casts.get(key, str)
        try:
            value = cast(text)
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(text)
        except (ValueError, TypeError, OverflowError):
            want = "a number" if key in FRACTION_OK else _want(cast)
            out.append(f"attribute {key}='{text}' should be {want}")
    return out


def int_attr_problems(el: ET.Element, names: tuple[str, ...]) -> list[str]:
    """pytmx reads a map's width and height through float(): ``3.5`` would silently become 3."""
    out = []
    for key in names:
        text = el.get(key)
        if text is None:
            continue
        try:
            int(text)
        except ValueError:
            out.append(f"attribute {key}='{text}' should be a whole number")
    return out


def refusal(exc: BaseException) -> str:
    """A last resort when no attribute explains a refusal: what pytmx said, in one line."""
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return f"pytmx could not read it: {text[:160]}"


# -- properties ----------------------------------------------------------------------------------
def _text(value: Any) -> str:
    """pytmx's typed value back as Tiled writes it, for the schema to check against its member."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else str(value)


def _block(props: list[ET.Element]) -> ET.Element:
    holder = ET.Element("holder")
    ET.SubElement(holder, "properties").extend(props)
    return holder


def read_props(el: ET.Element | None, report: Report, **where: Any) -> dict[str, Prop]:
    """``el``'s ``<properties>``, typed by pytmx; each one it refuses is reported, the rest kept.

    Class-typed properties are ours: pytmx 3.32 resolves them only on objects, from a custom-types
    file in a format Tiled does not write, and fails the whole element otherwise.
    """
    out: dict[str, Prop] = {}
    block = None if el is None else el.find("properties")
    if block is None:
        return out
    written = block.findall("property")
    plain = [p for p in written if p.get("type") not in ("class", "list")]   # Tiled 1.11 lists: ours too
    try:
        values = pytmx().parse_properties(_block(plain))
    except Exception:   # one bad property: go one by one so the others still count
        values = {}
        for p in plain:
            try:
                values.update(pytmx().parse_properties(_block([p])))
            except Exception:
                typ = p.get("type") or "string"
                cast = pytmx().pytmx.prop_type.get(typ)
                if cast is None:
                    report.error(f"property '{p.get('name')}' has unknown type '{typ}'", **where)
                else:
                    report.error(f"property '{p.get('name')}' must be {_want(cast)}, "
                                 f"not '{p.get('value')}'", **where)
    for p in written:
        name = p.get("name") or ""
        typ = p.get("type") or "string"
        if typ in ("class", "list"):
            out[name] = Prop(name, typ, p.get("propertytype") or "", "")
        elif name in values:
            out[name] = Prop(name, typ, p.get("propertytype") or "", _text(values[name]))
    return out
