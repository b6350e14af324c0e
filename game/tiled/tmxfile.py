"""Reading Tiled's XML files (.tmx maps, .tsx tilesets, .tx templates) into plain records.

We parse the XML ourselves rather than through pytmx: pytmx 3.32 ignores templates, ``class=``,
class-typed properties and project defaults, stops at the first problem and reports no line numbers.
"""

from __future__ import annotations

import math
import os
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.tiled.problems import Report
from game.tiled.tiledata import DataError, decode_data

MAX_CELLS = 1_000_000     # a level is a long street, not a continent
MAX_SIDE = 20_000


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
        self._tsx: dict[Path, Tileset | None] = {}
        self._tx: dict[Path, tuple[ET.Element, list[TilesetRef]] | None] = {}

    # -- files ---------------------------------------------------------------
    def xml(self, path: Path, what: str, referrer: str | None = None, where: dict | None = None
            ) -> ET.Element | None:
        """Parse one XML file; a missing file or bad XML becomes a problem naming the line."""
        label = label_of(path)
        self.report.files.append(path)
        try:
            data = path.read_bytes()
        except OSError:
            self.report.error(f"{what} '{label}' not found", **(where or {"file": referrer}))
            return None
        self.raw.files.append((path, data))
        try:
            return ET.fromstring(data)
        except ET.ParseError as exc:
            line = exc.position[0] if getattr(exc, "position", None) else 0
            msg = str(exc).split(":")[0]
            self.report.error(f"malformed XML at line {line}: {msg}", file=label)
        except (ValueError, RecursionError) as exc:
            self.report.error(f"malformed XML ({exc.__class__.__name__})", file=label)
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
        """The ``<properties>`` under ``el`` by name (class-typed values keep only their type)."""
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

    # -- tilesets ------------------------------------------------------------
    def tileset_ref(self, el: ET.Element, base: Path, referrer: str) -> TilesetRef | None:
        """A ``<tileset>`` element of a map or template: external (source=) or embedded."""
        where = {"file": referrer}
        firstgid = int(self.num(el, "firstgid", 1, where=where))
        if firstgid < 1:
            self.report.error(f"tileset firstgid {firstgid} must be 1 or more", **where)
            return None
        source = el.get("source")
        if source:
            tpath = Path(os.path.normpath(base / source))
            if tpath not in self._tsx:
                root = self.xml(tpath, "tileset", referrer)
                if root is not None and root.tag != "tileset":
                    self.report.error(f"is not a tileset (root element <{root.tag}>)", file=label_of(tpath))
                    root = None
                self._tsx[tpath] = None if root is None else self.tileset(root, tpath, label_of(tpath))
            ts = self._tsx[tpath]
            if ts is None:
                self.raw.missing_tilesets += 1
        else:
            ts = self.tileset(el, None, referrer)
        return None if ts is None else TilesetRef(firstgid, ts)

    def tileset(self, el: ET.Element, path: Path | None, label: str) -> Tileset | None:
        """Read a tileset's attributes, image and tiles."""
        where = {"file": label}
        ts = Tileset(name=el.get("name") or (path.stem if path else "tileset"), path=path, label=label)
        ts.tile_w = int(self.num(el, "tilewidth", 0, where=where))
        ts.tile_h = int(self.num(el, "tileheight", 0, where=where))
        ts.columns = int(self.num(el, "columns", 0, where=where))
        ts.tilecount = int(self.num(el, "tilecount", 0, where=where))
        ts.margin = int(self.num(el, "margin", 0, where=where))
        ts.spacing = int(self.num(el, "spacing", 0, where=where))
        if (ts.tile_w, ts.tile_h) != (16, 16):
            self.report.error(f"tileset '{ts.name}' has {ts.tile_w}x{ts.tile_h} tiles; levels use 16x16",
                              **where)
        if not 0 <= ts.tilecount <= 65536 or ts.columns < 0:
            self.report.error(f"tileset '{ts.name}' has an impossible tilecount/columns", **where)
            return None
        image = el.find("image")
        base = path.parent if path else self.path.parent
        if image is None or not image.get("source"):
            self.report.error(f"tileset '{ts.name}' has no single image "
                              "(image collections are not supported)", **where)
        else:
            ts.image = Path(os.path.normpath(base / (image.get("source") or "")))
            ts.image_w = int(self.num(image, "width", 0, where=where))
            ts.image_h = int(self.num(image, "height", 0, where=where))
            self.report.files.append(ts.image)
            if not ts.image.is_file():
                self.report.error(f"tileset image '{label_of(ts.image)}' not found", **where)
            else:
                self.raw.images.append(ts.image)
                size = png_size(ts.image)
                if size is not None and not (ts.image_w and ts.image_h):
                    ts.image_w, ts.image_h = size
        if ts.columns == 0 and ts.tile_w > 0 and ts.image_w:
            ts.columns = max(1, (ts.image_w - 2 * ts.margin + ts.spacing) // (ts.tile_w + ts.spacing))
        for t in el.findall("tile"):
            tid = int(self.num(t, "id", -1, where=where))
            if tid < 0:
                continue
            ts.tile_props[tid] = self.props(t)
            cls = t.get("type") or t.get("class") or ""
            if cls:
                ts.tile_classes[tid] = cls
        return ts

    # -- templates -----------------------------------------------------------
    def template(self, ref: str, where: dict) -> tuple[ET.Element, list[TilesetRef]] | None:
        """A ``.tx`` template's object element and its own tilesets (cached per load)."""
        tpath = Path(os.path.normpath(self.path.parent / ref))
        if tpath not in self._tx:
            self._tx[tpath] = None
            root = self.xml(tpath, "template", where=where)
            if root is None:
                return None
            obj = root.find("object")
            if root.tag != "template" or obj is None:
                self.report.error("is not an object template (needs <template><object>)",
                                  file=label_of(tpath))
                return None
            refs = [r for r in (self.tileset_ref(t, tpath.parent, label_of(tpath))
                                for t in root.findall("tileset")) if r is not None]
            self._tx[tpath] = (obj, refs)
        return self._tx[tpath]


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG header, without decoding the image."""
    try:
        with path.open("rb") as f:
            head = f.read(24)
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    w, h = struct.unpack(">II", head[16:24])
    return int(w), int(h)


def read_layer(reader: Reader, el: ET.Element, cols: int, rows: int, label: str) -> np.ndarray | None:
    """Decode one ``<layer>``'s data, reporting problems against the layer."""
    name = el.get("name") or ""
    data = el.find("data")
    lw = el.get("width")
    lh = el.get("height")
    if (lw is not None and lw != str(cols)) or (lh is not None and lh != str(rows)):
        reader.report.error(f"is {lw}x{lh} tiles but the map is {cols}x{rows}", layer=name, file=label)
        return None
    if data is None:
        reader.report.error("has no <data>", layer=name, file=label)
        return None
    try:
        return decode_data(data, cols, rows)
    except DataError as exc:
        reader.report.error(str(exc), layer=name, file=label)
    return None
