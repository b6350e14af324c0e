"""Walking a .tmx: pytmx decodes map attributes, tilesets and tile layers; objects and templates are ours."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from game.limits import MAX_OBJECTS
from game.tiled import tilemap
from game.tiled.problems import Report
from game.tiled.pytmx_gate import ImagePaths, new_map, read_props
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


def read_map(path: Path, report: Report) -> RawMap | None:
    """Read a map and every file it references; None when it cannot even be parsed as a map."""
    reader = Reader(path, report)
    reader.images = ImagePaths()
    raw = reader.raw
    label = report.label
    root = reader.xml(path, "level")
    if root is None:
        return None
    if root.tag != "map":
        report.error(f"is not a Tiled map (root element <{root.tag}>)")
        return None
    tm = raw.tiled_map = new_map(path, reader.images)
    if not tilemap.load_header(tm, root, report):
        return None
    if (tm.orientation or "orthogonal") != "orthogonal":
        report.error(f"map orientation is '{tm.orientation}'; levels must be orthogonal "
                     f"(Map > Map Properties > Orientation)")
    if str(tm.__dict__.get("infinite", "0")) not in ("0", ""):
        report.error("map is infinite; levels must be finite (Map > Map Properties > Infinite off)")
    raw.cols, raw.rows, raw.tile_w, raw.tile_h = tm.width, tm.height, tm.tilewidth, tm.tileheight
    raw.background = tm.background_color or ""
    if (raw.tile_w, raw.tile_h) != (16, 16):
        report.error(f"tile size is {raw.tile_w}x{raw.tile_h}; levels use 16x16 tiles "
                     f"(Map > Map Properties > Tile Width/Height, and 16x16 tilesets)")
    if not (0 < raw.cols <= MAX_SIDE and 0 < raw.rows <= MAX_SIDE and raw.cols * raw.rows <= MAX_CELLS):
        report.error(f"map size {raw.cols}x{raw.rows} tiles is empty or too large")
        return None
    raw.props = read_props(root, report)
    for el in root.findall("tileset"):
        ref = tilemap.load_tileset(reader, tm, el, path)
        if ref is not None:
            raw.tilesets.append(ref)
    if (raw.tile_w, raw.tile_h) != (16, 16):
        return None   # every position below would be measured in the wrong unit: stop here
    _walk(reader, root, tilemap.LayerAttrs(), label)
    tilemap.resolve_images(reader, tm)
    return raw


def _walk(reader: Reader, parent: ET.Element, group: tilemap.LayerAttrs, label: str) -> None:
    """Tile layers in drawing order through nested groups (pytmx lists groups but not what they hold)."""
    raw = reader.raw
    tm = raw.tiled_map
    for el in parent:
        where = {"layer": el.get("name") or "", "file": label}
        if el.tag == "layer":
            got = tilemap.load_layer(tm, el, raw.cols, raw.rows, reader.report, where)
            if got is not None:
                a = group.child(got[0])
                raw.layers.append(TileLayer(where["layer"], got[1], a.visible, a.opacity, a.ox, a.oy, a.px,
                                            a.py, read_props(el, reader.report, **where)))
        elif el.tag == "group":
            _walk(reader, el, group.child(tilemap.load_group(tm, el, reader.report, where)), label)
        elif el.tag == "objectgroup":
            for o in el.findall("object"):
                if len(raw.objects) >= MAX_OBJECTS:
                    reader.report.error(f"has more than {MAX_OBJECTS} objects; a level may hold at most "
                                        f"{MAX_OBJECTS}", layer=where["layer"], file=label)
                    return
                obj = _object(reader, o, label)
                if obj is not None:
                    raw.objects.append(obj)


def template(reader: Reader, ref: str, where: dict) -> tuple[ET.Element, list[TilesetRef]] | None:
    """A ``.tx`` template's object element and its own tilesets (cached per load).

    pytmx 3.32 reads no templates; its tilesets still go through pytmx, in a map of the template's own.
    """
    tpath = Path(os.path.normpath(reader.path.parent / ref))
    if tpath not in reader.templates:
        reader.templates[tpath] = None
        root = reader.xml(tpath, "template", where=where)
        if root is None:
            return None
        obj = root.find("object")
        if root.tag != "template" or obj is None:
            reader.report.error("is not an object template (needs <template><object>)", file=label_of(tpath))
            return None
        tm = tilemap.template_map(reader, tpath)
        refs = [r for r in (tilemap.load_tileset(reader, tm, t, tpath) for t in root.findall("tileset"))
                if r is not None]
        tilemap.resolve_images(reader, tm)
        reader.templates[tpath] = (obj, refs)
    return reader.templates[tpath]


def _coord(text: str | None) -> float:
    """A position for naming an object before its attributes are checked (0 when unreadable)."""
    try:
        value = float(text or 0)
    except ValueError:
        return 0.0
    return value if value == value and abs(value) < 1e12 else 0.0


def _object(reader: Reader, el: ET.Element, label: str) -> MapObject | None:
    """One object, with its template (if any) underneath the instance's own attributes."""
    report = reader.report
    oid = int(reader.num(el, "id", 0, where={"file": label}))
    obj = MapObject(id=oid, name=el.get("name") or "", cls=el.get("type") or el.get("class") or "",
                    x=_coord(el.get("x")), y=_coord(el.get("y")))
    where = {"obj": obj, "file": label}   # messages name it by what is known when they are made
    layers: list[ET.Element] = [el]
    refs = reader.raw.tilesets
    gid_refs = refs
    tref = el.get("template")
    if tref:
        tpl = template(reader, tref, where)
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
            report.error(f"tile object gid {obj.gid} matches no tileset tile: add the tileset it came "
                         f"from, or delete the object", **where)
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
