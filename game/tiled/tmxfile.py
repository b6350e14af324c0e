"""Tiled's files as plain records, and the one parse of each file (.tmx, .tsx, .tx) a load makes.

Each file is parsed here once, so malformed XML is reported with its line number and every file read
is hashed and watched; pytmx then decodes the map's elements from this tree (``game.tiled.tilemap``),
while objects and templates, which pytmx 3.32 does not resolve, are read here and in ``mapread``.
"""

from __future__ import annotations

import math
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from game.limits import (
    MAX_LAYER_BYTES,
    MAX_LEVEL_FILE_BYTES,
    MAX_MAP_CELLS,
    MAX_MAP_SIDE,
    LimitError,
    inflate,
)
from game.tiled.problems import Report, file_hint

MAX_CELLS = MAX_MAP_CELLS     # a level is a long street, not a continent (game/limits.py)
MAX_SIDE = MAX_MAP_SIDE


@dataclass(slots=True)
class Prop:
    """A property as written: name, Tiled type, enum name (``propertytype``) and the text value."""

    name: str
    type: str
    enum: str
    value: str


@dataclass(slots=True)
class Tileset:
    """An external (or embedded) tileset: tile size, image and per-tile properties."""

    name: str
    path: Path | None
    label: str
    tile_w: int = 16
    tile_h: int = 16
    columns: int = 0
    tilecount: int = 0
    margin: int = 0
    spacing: int = 0
    image: Path | None = None
    image_w: int = 0
    image_h: int = 0
    tile_props: dict[int, dict[str, Prop]] = field(default_factory=dict)
    tile_classes: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class TilesetRef:
    """A tileset as the map (or a template) uses it, from ``firstgid`` on."""

    firstgid: int
    tileset: Tileset


@dataclass(slots=True)
class TileLayer:
    """A tile layer with group offsets, opacity, visibility and parallax already combined."""

    name: str
    gids: np.ndarray
    visible: bool = True
    opacity: float = 1.0
    offset_x: float = 0.0
    offset_y: float = 0.0
    parallax_x: float = 1.0
    parallax_y: float = 1.0
    props: dict[str, Prop] = field(default_factory=dict)


@dataclass(slots=True)
class MapObject:
    """An object after its template was applied (instance attributes win)."""

    id: int
    name: str = ""
    cls: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float | None = None
    h: float | None = None
    gid: int = 0
    tile: tuple[Tileset, int] | None = None
    shape: str = "rect"
    props: dict[str, Prop] = field(default_factory=dict)


@dataclass(slots=True)
class RawMap:
    """Everything read from a .tmx, before the schema gives it meaning."""

    path: Path
    cols: int = 0
    rows: int = 0
    tile_w: int = 16
    tile_h: int = 16
    background: str = ""
    props: dict[str, Prop] = field(default_factory=dict)
    tilesets: list[TilesetRef] = field(default_factory=list)
    layers: list[TileLayer] = field(default_factory=list)
    objects: list[MapObject] = field(default_factory=list)
    files: list[tuple[Path, bytes]] = field(default_factory=list)   # tmx, tsx, tx: for hashing
    images: list[Path] = field(default_factory=list)
    missing_tilesets: int = 0    # tilesets that failed to load: their tiles are not reported again
    tiled_map: Any = None        # the pytmx.TiledMap that decoded the tilesets and layers


def label_of(path: Path) -> str:
    """A short, stable name for messages: relative to the CWD when below it."""
    try:
        rel = os.path.relpath(path)
        return rel if not rel.startswith("..") else os.path.normpath(str(path))
    except ValueError:
        return os.path.normpath(str(path))


class Reader:
    """Reads one map and everything it references, reporting problems instead of raising."""

    def __init__(self, path: Path, report: Report) -> None:
        self.path = path
        self.report = report
        self.raw = RawMap(path=path)
        self._tsx: dict[Path, ET.Element | None] = {}
        self.templates: dict[Path, tuple[ET.Element, list[TilesetRef]] | None] = {}
        self.images: Any = None   # pytmx's image loader for this load (game.tiled.pytmx_gate.ImagePaths)
        self.pending_images: list[tuple[Any, Any, Tileset]] = []   # tilesets waiting for pytmx's image pass

    # -- files ---------------------------------------------------------------
    def xml(self, path: Path, what: str, referrer: str | None = None, where: dict | None = None
            ) -> ET.Element | None:
        """Parse one XML file; a missing file or bad XML becomes a problem naming the line."""
        label = label_of(path)
        self.report.files.append(path)
        try:
            data = read_limited(path, what)
        except LimitError as exc:
            self.report.error(str(exc).replace(f"'{path}'", f"'{label}'"), **(where or {"file": referrer}))
            return None
        except OSError:
            self.report.error(f"{what} '{label}' not found{file_hint(path)}", **(where or {"file": referrer}))
            return None
        self.raw.files.append((path, data))
        try:
            return self.document(data, label)
        except ET.ParseError as exc:
            line, column = exc.position if getattr(exc, "position", None) else (0, 0)
            msg = str(exc).split(":")[0]
            from game.tiled.xmlhint import hint

            likely = hint(data, line, column, msg)
            self.report.error(f"malformed XML at line {line}: {msg}{likely}", file=label)
        except (ValueError, RecursionError) as exc:
            self.report.error(f"malformed XML ({exc.__class__.__name__})", file=label)
        return None

    def document(self, data: bytes, label: str) -> ET.Element | None:
        """A Tiled file's root element: XML as it is, JSON (.tmj, .tsj, .tj) as the XML it stands for.

        A gzip file is named as such (Tiled's own ``.tmx.gz`` examples) instead of as malformed XML.
        """
        from game.tiled import tiledjson  # local: JSON support stays out of the XML path's imports

        if data[:2] == b"\x1f\x8b":
            self.report.error("is a gzip-compressed file, not a map; unpack it first (gunzip FILE.gz, or "
                              "open it in Tiled and save it as .tmx)", file=label)
            return None
        if not tiledjson.looks_like_json(data):
            return ET.fromstring(data)
        try:
            return tiledjson.parse(data)
        except tiledjson.JsonProblem as exc:
            self.report.error(str(exc), file=label)
        except UnicodeDecodeError:
            self.report.error("is not UTF-8 text; save it again from Tiled", file=label)
        except ValueError as exc:   # json.JSONDecodeError
            line = getattr(exc, "lineno", 0)
            self.report.error(f"malformed JSON at line {line}: {getattr(exc, 'msg', exc)}", file=label)
        return None

    def num(self, el: ET.Element, attr: str, default: float, kind: type = int, *, where: dict) -> float:
        """A numeric attribute; a wrong type is reported and the default used."""
        text = el.get(attr)
        if text is None:
            return default
        try:
            v = kind(text)
            if kind is float and not math.isfinite(v):  # NaN and infinities place nothing anywhere
                raise ValueError
            return v
        except (ValueError, OverflowError):
            want = "a whole number" if kind is int else "a number"
            self.report.error(f"attribute {attr}='{text}' should be {want}", **where)
            return default

    # -- properties ----------------------------------------------------------
    def props(self, el: ET.Element | None) -> dict[str, Prop]:
        """An object's ``<properties>`` as written (class-typed values keep only their type).

        Objects and templates are ours (pytmx 3.32 does not resolve templates), so the schema types
        their text; map, layer and tile properties go through pytmx (``pytmx_gate.read_props``).
        """
        out: dict[str, Prop] = {}
        if el is None:
            return out
        block = el.find("properties")
        if block is None:
            return out
        for p in block.findall("property"):
            name = p.get("name") or ""
            value = p.get("value")
            if value is None:
                value = p.text or ""
            out[name] = Prop(name, p.get("type") or "string", p.get("propertytype") or "", value)
        return out

    def tsx(self, path: Path, referrer: str) -> ET.Element | None:
        """An external tileset's root element, parsed once per load (None when missing or broken)."""
        if path not in self._tsx:
            root = self.xml(path, "tileset", referrer)
            if root is not None and root.tag != "tileset":
                self.report.error(f"is not a tileset (root element <{root.tag}>)", file=label_of(path))
                root = None
            self._tsx[path] = root
        return self._tsx[path]


def read_limited(path: Path, what: str) -> bytes:
    """A level, tileset or template file: a regular file within ``MAX_LEVEL_FILE_BYTES`` (LimitError)."""
    from game.limits import read_bytes

    return read_bytes(path, MAX_LEVEL_FILE_BYTES, what)


def check_layer_size(data: ET.Element, cells: int) -> None:
    """Refuse (LimitError) a layer whose zlib or gzip data inflates past what ``cells`` tiles need.

    Checked before pytmx inflates it without a bound (a 300 KB gzip bomb would otherwise take a
    gigabyte). Data that is not base64 or not compressed at all is left to pytmx to word.
    """
    import base64
    import binascii
    import zlib

    if data.get("encoding") != "base64" or data.get("compression") not in ("zlib", "gzip"):
        return
    try:
        packed = base64.b64decode((data.text or "").strip().encode("ascii", "replace"))
        inflate(packed, min(4 * cells, MAX_LAYER_BYTES))
    except LimitError:
        raise LimitError(f"layer data inflates to more than the {4 * cells} bytes its {cells} tiles need "
                         "(damaged, or a compression bomb)") from None
    except (binascii.Error, zlib.error, ValueError):
        return
