"""Walking a .tmx: map attributes, tilesets, tile layers (through groups) and objects with templates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.tiled.problems import Report
from game.tiled.tiledata import GID_MASK
from game.tiled.tmxfile import (
    MAX_CELLS,
    MAX_SIDE,
    MapObject,
    RawMap,
    Reader,
    TileLayer,
    TilesetRef,
    label_of,
    read_layer,
)

_SHAPES = ("point", "ellipse", "polygon", "polyline", "text")


def find_tile(refs: list[TilesetRef], gid: int) -> tuple[TilesetRef, int] | None:
    """The tileset holding global id ``gid`` (flip bits removed) and the local id, if any."""
    gid &= GID_MASK
    best = None
    for ref in refs:
        if ref.firstgid <= gid and (best is None or ref.firstgid > best.firstgid):
            best = ref
    if best is None or gid == 0:
        return None
    local = gid - best.firstgid
    if best.tileset.tilecount and local >= best.tileset.tilecount:
        return None
    return best, local


class _Group:
    """Attributes a group layer passes down to its children."""

    def __init__(self, visible: bool = True, opacity: float = 1.0, ox: float = 0.0, oy: float = 0.0,
                 px: float = 1.0, py: float = 1.0) -> None:
        self.visible, self.opacity, self.ox, self.oy, self.px, self.py = visible, opacity, ox, oy, px, py

    def child(self, r: Reader, el: ET.Element, where: dict) -> _Group:
        return _Group(
            self.visible and el.get("visible", "1") != "0",
            self.opacity * float(r.num(el, "opacity", 1.0, float, where=where)),
            self.ox + float(r.num(el, "offsetx", 0.0, float, where=where)),
            self.oy + float(r.num(el, "offsety", 0.0, float, where=where)),
            self.px * float(r.num(el, "parallaxx", 1.0, float, where=where)),
            self.py * float(r.num(el, "parallaxy", 1.0, float, where=where)),
        )


def read_map(path: Path, report: Report) -> RawMap | None:
    """Read a map and every file it references; None when it cannot even be parsed as a map."""
    reader = Reader(path, report)
    raw = reader.raw
    label = report.label
    root = reader.xml(path, "level")
    if root is None:
        return None
    if root.tag != "map":
        report.error(f"is not a Tiled map (root element <{root.tag}>)")
        return None
    where: dict = {}
    if (root.get("orientation") or "orthogonal") != "orthogonal":
        report.error(f"map orientation is '{root.get('orientation')}'; levels must be orthogonal")
    if root.get("infinite", "0") not in ("0", ""):
        report.error("map is infinite; levels must be finite (Map > Map Properties > Infinite off)")
    raw.cols = int(reader.num(root, "width", 0, where=where))
    raw.rows = int(reader.num(root, "height", 0, where=where))
    raw.tile_w = int(reader.num(root, "tilewidth", 16, where=where))
    raw.tile_h = int(reader.num(root, "tileheight", 16, where=where))
    raw.background = root.get("backgroundcolor") or ""
    if (raw.tile_w, raw.tile_h) != (16, 16):
        report.error(f"tile size is {raw.tile_w}x{raw.tile_h}; levels use 16x16 tiles")
    if not (0 < raw.cols <= MAX_SIDE and 0 < raw.rows <= MAX_SIDE and raw.cols * raw.rows <= MAX_CELLS):
        report.error(f"map size {raw.cols}x{raw.rows} tiles is empty or too large")
        return None
    raw.props = reader.props(root)
    for el in root.findall("tileset"):
        ref = reader.tileset_ref(el, path.parent, label)
        if ref is not None:
            raw.tilesets.append(ref)
    if (raw.tile_w, raw.tile_h) != (16, 16):
        return None   # every position below would be measured in the wrong unit: stop here
    _walk(reader, root, _Group(), label)
    return raw


def _walk(reader: Reader, parent: ET.Element, group: _Group, label: str) -> None:
    raw = reader.raw
    for el in parent:
        name = el.get("name") or ""
        where = {"layer": name, "file": label}
        if el.tag == "layer":
            g = group.child(reader, el, where)
            gids = read_layer(reader, el, raw.cols, raw.rows, label)
            if gids is not None:
                raw.layers.append(TileLayer(name, gids, g.visible, g.opacity, g.ox, g.oy, g.px, g.py,
                                            reader.props(el)))
        elif el.tag == "group":
            _walk(reader, el, group.child(reader, el, where), label)
        elif el.tag == "objectgroup":
            for o in el.findall("object"):
                obj = _object(reader, o, label)
                if obj is not None:
                    raw.objects.append(obj)


def _object(reader: Reader, el: ET.Element, label: str) -> MapObject | None:
    """One object, with its template (if any) underneath the instance's own attributes."""
    report = reader.report
    oid = int(reader.num(el, "id", 0, where={"file": label}))
    obj = MapObject(id=oid)
    ident = (oid, el.get("type") or el.get("class") or "", el.get("name") or "")
    where = {"obj": ident, "file": label}
    layers: list[ET.Element] = [el]
    refs = reader.raw.tilesets
    gid_refs = refs
    tref = el.get("template")
    if tref:
        tpl = reader.template(tref, where)
        if tpl is not None:
            layers = [tpl[0], el]
            if tpl[0].get("gid") is not None and el.get("gid") is None:
                gid_refs = tpl[1]
    for src in layers:
        if src.get("name") is not None:
            obj.name = src.get("name") or ""
        cls = src.get("type") if src.get("type") is not None else src.get("class")
        if cls is not None:
            obj.cls = cls
        if src.get("x") is not None:
            obj.x = float(reader.num(src, "x", 0.0, float, where=where))
        if src.get("y") is not None:
            obj.y = float(reader.num(src, "y", 0.0, float, where=where))
        if src.get("width") is not None:
            obj.w = float(reader.num(src, "width", 0.0, float, where=where))
        if src.get("height") is not None:
            obj.h = float(reader.num(src, "height", 0.0, float, where=where))
        if src.get("gid") is not None:
            obj.gid = int(reader.num(src, "gid", 0, where=where))
            obj.shape = "tile"
        for shape in _SHAPES:
            if src.find(shape) is not None:
                obj.shape = shape
        obj.props.update(reader.props(src))
    if obj.shape == "tile":
        found = find_tile(gid_refs, obj.gid) if 0 <= obj.gid <= 0xFFFFFFFF else None
        if found is None:
            report.error(f"tile object gid {obj.gid} matches no tileset tile", **where)
        else:
            ref, local = found
            obj.tile = (ref.tileset, local)
            obj.w = obj.w if obj.w is not None else float(ref.tileset.tile_w)
            obj.h = obj.h if obj.h is not None else float(ref.tileset.tile_h)
            if not obj.cls:
                obj.cls = ref.tileset.tile_classes.get(local, "")
    return obj


def map_label(path: Path) -> str:
    """How a map file is named in messages."""
    return label_of(path)
