"""Map attributes, tilesets and tile layers decoded by pytmx, one element at a time.

We parse each file once ourselves (line numbers, hashing, the hot-reload file list) and hand pytmx
the elements: ``TiledMap.parse_xml`` for the map's attributes, ``TiledTileset`` for tilesets and
their tiles, ``TiledTileLayer`` for layer data (CSV, base64, zlib, gzip) and flip flags,
``TiledGroupLayer`` and ``parse_properties`` for the rest. One element at a time, so one broken layer
is reported and the others still load. ``docs/level-design.md`` ("Why and how we wrap pytmx") lists
each gap filled here.
"""

from __future__ import annotations

import math
import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np

from game.limits import MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS, LimitError, read_bytes
from game.tiled.pngcheck import png_problem
from game.tiled.problems import Report, file_hint
from game.tiled.pytmx_gate import (
    FRACTION_OK,
    ImagePaths,
    attr_problems,
    int_attr_problems,
    new_map,
    pytmx,
    read_props,
    refusal,
)
from game.tiled.tiledata import FLIP_D, FLIP_H, FLIP_V, DataError
from game.tiled.tmxfile import Reader, Tileset, TilesetRef, check_layer_size, label_of

ZSTD_HELP = ("zstd compression is not supported here; in Tiled choose Map > Map Properties > "
             "Tile Layer Format: CSV or Base64 (zlib)")


# -- map -----------------------------------------------------------------------------------------
def load_header(tm: Any, root: ET.Element, report: Report) -> bool:
    """Map attributes (size, tile size, orientation, infinite, colour) through pytmx; False if unusable."""
    problems = int_attr_problems(root, ("width", "height"))
    try:
        tm.parse_xml(ET.Element("map", dict(root.attrib)))   # properties go through read_props
    except Exception as exc:   # pytmx raises ValueError, OverflowError, TypeError...
        problems = problems or attr_problems(root) or [f"map attributes: {refusal(exc)}"]
    for p in problems:
        report.error(p)
    return not problems


# -- tilesets ------------------------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG header, without decoding the image."""
    try:
        head = read_bytes(path, MAX_IMAGE_FILE_BYTES, "image")[:24]
    except (OSError, LimitError):   # missing, a device, a pipe, too big: reported by resolve_images
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    w, h = struct.unpack(">II", head[16:24])
    return int(w), int(h)


def _tileset_for_pytmx(root: ET.Element, firstgid: str, folder: Path) -> ET.Element:
    """A copy pytmx can take whole: tile properties left to read_props, image size filled in."""
    # no source=: pytmx would go and load that file itself; we have parsed this one already
    attrs = {k: v for k, v in root.attrib.items() if k != "source"}
    el = ET.Element("tileset", {**attrs, "firstgid": firstgid})
    for child in root:
        if child.tag == "properties":
            continue
        if child.tag == "tile":
            tile = ET.Element("tile", dict(child.attrib))
            tile.extend(c for c in child if c.tag != "properties")
            child = tile
        elif child.tag == "image" and not (child.get("width") and child.get("height")):
            # pytmx needs the image size (Tiled may leave it out); a missing image is reported later
            w, h = png_size(folder / (child.get("source") or "")) or (0, 0)
            child = ET.Element("image", {**child.attrib, "width": str(w), "height": str(h)})
        el.append(child)
    return el


def load_tileset(reader: Reader, tm: Any, el: ET.Element, referrer: Path) -> TilesetRef | None:
    """A map's (or template's) ``<tileset>``: external ``.tsx`` or embedded, decoded by pytmx."""
    report = reader.report
    where = {"file": label_of(referrer)}
    firstgid_text = el.get("firstgid") or "1"
    try:
        firstgid = int(firstgid_text)
    except ValueError:
        report.error(f"attribute firstgid='{firstgid_text}' should be a whole number", **where)
        return None
    if firstgid < 1:
        report.error(f"tileset firstgid {firstgid} must be 1 or more", **where)
        return None
    source = el.get("source")
    if source:
        path = Path(os.path.normpath(referrer.parent / source))
        root = reader.tsx(path, label_of(referrer))
        if root is None:
            reader.raw.missing_tilesets += 1
            return None
        label, folder = label_of(path), path.parent
    else:
        root, label, folder, path = el, label_of(referrer), referrer.parent, None
    where = {"file": label}
    name = root.get("name") or (path.stem if path else "tileset")
    try:
        ts = pytmx().TiledTileset(tm, _tileset_for_pytmx(root, str(firstgid), folder))
    except Exception as exc:
        problems = attr_problems(root) + [p for t in root.iter() if t is not root for p in attr_problems(t)]
        for p in problems or [refusal(exc)]:
            report.error(f"tileset '{name}': {p}", **where)
        reader.raw.missing_tilesets += 1
        return None
    w, h = ts.width or 0, ts.height or 0
    if w < 0 or h < 0 or w * h > MAX_IMAGE_PIXELS:
        # pytmx walks every tile the declared size holds: refuse an absurd one before it does
        report.error(f"tileset '{name}': its image is declared {w}x{h} pixels; the largest allowed is "
                     f"{MAX_IMAGE_PIXELS} pixels", **where)
        reader.raw.missing_tilesets += 1
        return None
    if source and ts.source:
        # what pytmx does for a tileset it loads itself: its image is named relative to the map
        ts.source = os.path.join(os.path.dirname(source), ts.source)
    tm.add_tileset(ts)
    return _record(reader, tm, ts, root, name, path, label)


def _record(reader: Reader, tm: Any, ts: Any, root: ET.Element, name: str, path: Path | None,
            label: str) -> TilesetRef | None:
    report = reader.report
    where = {"file": label}
    rec = Tileset(name=ts.name or name, path=path, label=label, tile_w=ts.tilewidth, tile_h=ts.tileheight,
                  columns=ts.columns, tilecount=ts.tilecount, margin=ts.margin, spacing=ts.spacing,
                  image_w=ts.width, image_h=ts.height)
    if (rec.tile_w, rec.tile_h) != (16, 16):
        report.error(f"tileset '{rec.name}' has {rec.tile_w}x{rec.tile_h} tiles; levels use 16x16", **where)
    if not 0 <= rec.tilecount <= 65536 or rec.columns < 0:
        report.error(f"tileset '{rec.name}' has an impossible tilecount/columns", **where)
        return None
    if not ts.source:
        report.error(f"tileset '{rec.name}' has no single image (image collections are not supported)",
                     **where)
    if rec.columns == 0 and rec.tile_w > 0 and rec.image_w:
        rec.columns = max(1, (rec.image_w - 2 * rec.margin + rec.spacing) // (rec.tile_w + rec.spacing))
    for tile in root.findall("tile"):
        tid = int(tile.get("id") or 0)   # pytmx has already refused a tile without a numeric id
        if tid < 0:
            continue
        gids = tm.map_gid(ts.firstgid + tid) or [(0, None)]
        attrs = tm.get_tile_properties_by_gid(gids[0][0]) or {}
        rec.tile_props[tid] = read_props(tile, report, file=label)
        cls = attrs.get("type") or attrs.get("class") or ""
        if cls:
            rec.tile_classes[tid] = str(cls)
    reader.pending_images.append((tm, ts, rec))
    return TilesetRef(ts.firstgid, rec)


def resolve_images(reader: Reader, tm: Any) -> None:
    """Run pytmx's image pass (recording paths, loading nothing) and check every image exists."""
    tm.reload_images()
    for _, ts, rec in [p for p in reader.pending_images if p[0] is tm]:
        image = reader.images.by_tileset.get(id(ts))
        if image is None:
            continue
        rec.image = image
        reader.report.files.append(image)
        problem = png_problem(image) if os.path.lexists(image) else "not found" + file_hint(image)
        if problem:
            reader.report.error(f"tileset image '{label_of(image)}' {problem}", file=rec.label)
        else:
            reader.raw.images.append(image)
    reader.pending_images = [p for p in reader.pending_images if p[0] is not tm]


def template_map(reader: Reader, path: Path) -> Any:
    """A pytmx map of its own for a template: its tilesets are named relative to the ``.tx``."""
    return new_map(path, reader.images)


# -- layers --------------------------------------------------------------------------------------
def _attrs_for_pytmx(el: ET.Element) -> tuple[dict[str, str], dict[str, float]]:
    """The element's attributes minus fractional offsets, which we keep (pytmx would refuse them)."""
    attrs = dict(el.attrib)
    ours: dict[str, float] = {}
    for key in FRACTION_OK:
        text = attrs.get(key)
        if text is None:
            continue
        try:
            int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                continue   # junk: pytmx refuses it and attr_problems words it
            if math.isfinite(value):
                ours[key] = value
                del attrs[key]
    return attrs, ours


def _as_csv(data: ET.Element) -> ET.Element:
    """Tiled's deprecated XML layer format (one ``<tile gid>`` per cell) as CSV: pytmx 3.32 refuses it."""
    if (data.get("encoding") or "") or data.get("compression") or data.find("tile") is None:
        return data
    csv = ET.Element("data", {"encoding": "csv"})
    csv.text = ",".join(t.get("gid") or "0" for t in data.findall("tile"))
    return csv


def _data_problem(exc: BaseException, data: ET.Element) -> str:
    encoding = data.get("encoding") or ""
    compression = data.get("compression") or ""
    if compression == "zstd":
        return ZSTD_HELP
    if compression and compression not in ("zlib", "gzip"):
        return f"unknown compression '{compression}' (valid: zlib, gzip)"
    if encoding not in ("", "csv", "base64"):
        return f"unknown encoding '{encoding}' (valid: csv, base64)"
    if compression and encoding != "base64":
        return "compression without base64 encoding"
    if not encoding and data.find("tile") is None:
        return "has no tile data (neither CSV nor base64)"
    if not (data.text or "").strip() and data.find("tile") is None:
        return "has no tile data"
    if encoding == "base64":
        if isinstance(exc, struct.error):
            return "base64 data does not hold whole tiles (4 bytes each)"
        return f"{compression or 'base64'} data is corrupt"
    return "tile data holds something that is not a tile number"


def _lut(tm: Any) -> np.ndarray:
    """pytmx's own tile numbers back to Tiled's gids with the flip bits pytmx decoded (-1: out of range)."""
    lut = np.full(tm.maxgid, -1, dtype=np.int64)
    lut[0] = 0
    for (tiled, flags), value in tm.imagemap.items():
        if not tiled or not 0 < tiled < FLIP_D:   # (0, 0) is the empty cell; the rest is out of range
            continue
        lut[value[0]] = (tiled | (FLIP_H if flags[0] else 0) | (FLIP_V if flags[1] else 0)
                    | (FLIP_D if flags[2] else 0))
    return lut


def decode(tm: Any, attrs: dict[str, str], data: ET.Element, cols: int, rows: int) -> tuple[Any, np.ndarray]:
    """pytmx decodes the layer; we turn its data back into Tiled gids [rows, cols] (DataError if bad)."""
    if data.find("chunk") is not None:
        raise DataError("has chunks (an infinite map); levels must be finite")
    try:
        check_layer_size(data, cols * rows)
    except LimitError as exc:
        raise DataError(str(exc)) from None
    el = ET.Element("layer", {**attrs, "width": str(cols), "height": str(rows)})
    el.append(_as_csv(data))
    try:
        layer = pytmx().TiledTileLayer(tm, el)
    except Exception as exc:
        raise DataError(_data_problem(exc, data)) from None
    count = sum(len(r) for r in layer.data)
    if count != cols * rows:
        raise DataError(f"data has {count} tiles, the map needs {cols}x{rows} = {cols * rows}")
    gids = _lut(tm)[np.asarray(layer.data, dtype=np.int64).reshape(rows, cols)]
    if (gids < 0).any():
        raise DataError("data holds a tile number out of range")
    return layer, gids.astype(np.uint32)


def decode_data(data: ET.Element, cols: int, rows: int) -> np.ndarray:
    """One ``<data>`` element's gids with flip bits, through a throwaway pytmx map."""
    return decode(new_map(Path("layer.tmx"), ImagePaths()), {}, data, cols, rows)[1]


class LayerAttrs:
    """Visibility, opacity, offsets and parallax of a layer or group, as pytmx read them."""

    def __init__(self, visible: bool = True, opacity: float = 1.0, ox: float = 0.0, oy: float = 0.0,
                 px: float = 1.0, py: float = 1.0) -> None:
        self.visible, self.opacity, self.ox, self.oy, self.px, self.py = visible, opacity, ox, oy, px, py

    def child(self, other: LayerAttrs) -> LayerAttrs:
        """Groups pass theirs on (pytmx flattens groups, so we combine them along our own tree)."""
        return LayerAttrs(self.visible and other.visible, self.opacity * other.opacity, self.ox + other.ox,
                          self.oy + other.oy, self.px * other.px, self.py * other.py)


def _number(obj: Any, key: str, ours: dict[str, float], default: float, report: Report,
            where: dict) -> float:
    if key in ours:
        return ours[key]
    value = obj.__dict__.get(key, default)   # not getattr: pytmx would fall back to a property of that name
    try:
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(value)
        return number
    except (TypeError, ValueError):
        report.error(f"attribute {key}='{value}' should be a number", **where)
        return default


def attrs_of(obj: Any, ours: dict[str, float], report: Report, where: dict) -> LayerAttrs:
    """A pytmx layer's or group's drawing attributes (parallax pytmx keeps as text)."""
    return LayerAttrs(bool(obj.__dict__.get("visible", True)),
                      _number(obj, "opacity", ours, 1.0, report, where),
                      _number(obj, "offsetx", ours, 0.0, report, where),
                      _number(obj, "offsety", ours, 0.0, report, where),
                      _number(obj, "parallaxx", ours, 1.0, report, where),
                      _number(obj, "parallaxy", ours, 1.0, report, where))


def load_group(tm: Any, el: ET.Element, report: Report, where: dict) -> LayerAttrs:
    """A group layer's own attributes through pytmx (its properties are not used by the game)."""
    attrs, ours = _attrs_for_pytmx(el)
    try:
        group = pytmx().pytmx.TiledGroupLayer(tm, ET.Element("group", attrs))
    except Exception as exc:
        for p in attr_problems(ET.Element("group", attrs)) or [refusal(exc)]:
            report.error(p, **where)
        return LayerAttrs()
    return attrs_of(group, ours, report, where)


def load_layer(tm: Any, el: ET.Element, cols: int, rows: int, report: Report,
               where: dict) -> tuple[LayerAttrs, np.ndarray] | None:
    """One ``<layer>``: pytmx decodes attributes and data; problems are reported against the layer."""
    lw, lh = el.get("width"), el.get("height")
    if (lw is not None and lw != str(cols)) or (lh is not None and lh != str(rows)):
        report.error(f"is {lw}x{lh} tiles but the map is {cols}x{rows}", **where)
        return None
    data = el.find("data")
    if data is None:
        report.error("has no <data>", **where)
        return None
    attrs, ours = _attrs_for_pytmx(el)
    problems = attr_problems(ET.Element("layer", attrs))
    if problems:   # pytmx would refuse the whole layer for one of these: say which
        for p in problems:
            report.error(p, **where)
        return None
    try:
        layer, gids = decode(tm, attrs, data, cols, rows)
    except DataError as exc:
        report.error(str(exc), **where)
        return None
    return attrs_of(layer, ours, report, where), gids
