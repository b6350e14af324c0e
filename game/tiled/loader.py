"""Turning a .tmx into the simulation's LevelDesc (and the raw map for drawing), reporting every problem."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np

from game.sim.level import (
    BreakableSpawn,
    DoorSpawn,
    EnemySpawn,
    HazardSpawn,
    LevelDesc,
    PickupSpawn,
    PropSpawn,
    Rect,
    WaveZone,
)
from game.tiled import chase_rules, rules, values
from game.tiled.fight_area import foreground_over_fights
from game.tiled.problems import LevelError, ObjectRef, Report, did_you_mean, listing
from game.tiled.project import Schema, load_schema
from game.tiled.schema_apply import apply, check_schema
from game.tiled.tiledata import GID_MASK
from game.tiled.tmxfile import MapObject, RawMap, label_of

MAX_GID = 1 << 22   # keeps the gid lookup tables small whatever firstgid a broken file claims


def read_level(path: str | Path, project: str | Path | None = None,
               items: list[dict[str, Any]] | None = None) -> tuple[LevelDesc, RawMap]:
    """Load a level and keep the raw map (for drawing and for hot reload's file list).

    ``items``, when given, receives every problem as a record (``Report.items``) for tools.
    """
    p = Path(path)
    report = Report(label_of(p))
    try:
        return _read_level(p, project, report)
    finally:
        if items is not None:
            items.extend(report.items)


def _read_level(p: Path, project: str | Path | None, report: Report) -> tuple[LevelDesc, RawMap]:
    try:
        schema = load_schema(Path(project) if project is not None else None)
        problems = check_schema(schema)
        if problems:
            raise LevelError(problems)
        from game.tiled.mapread import read_map  # local: keeps import order simple for tools

        raw = read_map(p, report)
        if raw is None:
            report.raise_if_errors()
            raise LevelError([f"{report.label}: cannot read this level"])
        level = _build(raw, schema, report)
        report.raise_if_errors()
        assert level is not None
        level.warnings = list(report.warnings)
        return level, raw
    except LevelError as exc:
        exc.files = list(dict.fromkeys(report.files))
        raise
    except (RecursionError, MemoryError) as exc:
        msg = f"{report.label}: level is too deeply nested or too big ({exc.__class__.__name__})"
        raise LevelError([msg], report.warnings) from None
    except Exception as exc:  # last line of defence: designers never see a traceback
        from game.install import is_missing_dependency

        if is_missing_dependency(exc):
            raise   # not the level's fault: the command line says what to install (game/install.py)
        msg = f"{report.label}: cannot read this level ({exc.__class__.__name__}: {exc})"
        raise LevelError([*report.errors, msg], report.warnings) from None


def load_level(path: str | Path, project: str | Path | None = None) -> LevelDesc:
    """Load and validate a level; raises LevelError (and nothing else) listing every problem."""
    return read_level(path, project)[0]


def _gid_tables(raw: RawMap, schema: Schema, report: Report) -> tuple[np.ndarray, np.ndarray]:
    """Per global id: is it a real tile, and is it solid (``Tile.solid`` from the tileset)."""
    top = 1
    for ref in raw.tilesets:
        if ref.firstgid + ref.tileset.tilecount > MAX_GID:
            report.error(f"tileset '{ref.tileset.name}' firstgid {ref.firstgid} is out of range")
            continue
        top = max(top, ref.firstgid + ref.tileset.tilecount)
    valid = np.zeros(top, dtype=bool)
    solid = np.zeros(top, dtype=bool)
    tile_cls = schema.classes["Tile"]
    for ref in raw.tilesets:
        ts = ref.tileset
        if ref.firstgid + ts.tilecount > MAX_GID:
            continue
        valid[ref.firstgid:ref.firstgid + ts.tilecount] = True
        any_solid = False
        for tid, props in ts.tile_props.items():
            if tid >= ts.tilecount:
                report.warn(f"tile {tid} is beyond tilecount {ts.tilecount}", file=ts.label)
                continue
            named = props.get("name")
            what = f"tile {tid}" + (f" '{named.value}'" if named is not None and named.value else "")
            values = apply(tile_cls, props, schema, report, strict=False, file=ts.label, what=what)
            if values.get("solid"):
                solid[ref.firstgid + tid] = True
                any_solid = True
        if not any_solid:
            report.warn(f"tileset '{ts.name}' has no solid tiles at all (Tile property solid=true)",
                        file=ts.label)
    valid[0] = True
    return valid, solid


def _solid_grid(raw: RawMap, schema: Schema, report: Report) -> np.ndarray:
    valid, solid_gid = _gid_tables(raw, schema, report)
    grid = np.zeros((raw.rows, raw.cols), dtype=bool)
    layer_cls = schema.classes["Layer"]
    for layer in raw.layers:
        apply(layer_cls, layer.props, schema, report, layer=layer.name)
        ids = (layer.gids & GID_MASK).astype(np.int64)
        bad = (ids >= len(valid)) | ~valid[np.minimum(ids, len(valid) - 1)]
        if bad.any():
            if not raw.missing_tilesets:
                r, c = (int(v) for v in np.argwhere(bad)[0])
                report.error(f"{int(bad.sum())} tile(s) use gids that match no tileset, "
                             f"first gid {int(ids[r, c])} at column {c}, row {r}", layer=layer.name)
            ids = np.where(bad, 0, ids)
        grid |= solid_gid[ids]
    return grid


def _feet(obj: MapObject) -> tuple[int, int]:
    """An object's point on the floor: the point itself, else the bottom centre of its tile or shape."""
    if obj.shape == "point":
        return round(obj.x), round(obj.y)
    w = obj.w or 0.0
    if obj.shape == "tile":
        return round(obj.x + w / 2), round(obj.y)
    return round(obj.x + w / 2), round(obj.y + (obj.h or 0.0))


def _rect(obj: MapObject, report: Report, where: dict) -> Rect | None:
    if obj.shape not in ("rect", "ellipse") or not obj.w or not obj.h or obj.w <= 0 or obj.h <= 0:
        report.error("must be a rectangle with a width and height: draw it with the Rectangle tool, or drag "
                     "wave.tx / exit.tx from templates", **where)
        return None
    return Rect(round(obj.x), round(obj.y), round(obj.w), round(obj.h))


def _build(raw: RawMap, schema: Schema, report: Report) -> LevelDesc | None:
    props = apply(schema.classes["Level"], raw.props, schema, report)
    solid = _solid_grid(raw, schema, report)
    objects = schema.object_classes()
    starts: list[tuple[MapObject, tuple[int, int]]] = []
    enemies: list[EnemySpawn] = []
    waves: list[WaveZone] = []
    pickups: list[PickupSpawn] = []
    exits: list[tuple[MapObject, Rect]] = []
    breakables: list[BreakableSpawn] = []     # campaign objects (game/sim/props.py, hazards.py, doors.py)
    rolling: list[PropSpawn] = []
    hazards: list[HazardSpawn] = []
    doors: list[DoorSpawn] = []
    placed: list[tuple[MapObject, dict, tuple[int, int] | None, Rect | None]] = []
    chase_objs: list[tuple[MapObject, dict, dict]] = []     # the bus chase's objects (chase_rules.py)
    seen_ids: set[int] = set()
    for obj in raw.objects:
        where: dict[str, Any] = {"obj": _ref(obj, schema)}
        if obj.id in seen_ids:
            report.error("has the same id as another object: delete one and place it again (Tiled gives it "
                         "a new id)", **where)
        seen_ids.add(obj.id)
        if not obj.cls:
            report.warn(f"has no class and is ignored: set its Class/Type (valid: {listing(objects)}) or "
                        f"delete it", **where)
            continue
        cls = objects.get(obj.cls)
        if cls is None:
            report.error(f"unknown class '{obj.cls}' ({did_you_mean(obj.cls, objects)}; "
                         f"set the object's Class/Type field)", **where)
            continue
        v = apply(cls, obj.props, schema, report, **where)
        if obj.cls in chase_rules.CLASSES:
            chase_objs.append((obj, where, v))
            continue
        if obj.cls in ("Wave", "Exit"):
            rect = _rect(obj, report, where)
            if rect is None:
                continue
            placed.append((obj, where, None, rect))
            if obj.cls == "Wave":
                waves.append(WaveZone(obj.id, v["number"], rect, v["lock"], obj.name, int(v.get("keep", 0))))
            else:
                exits.append((obj, rect))
            continue
        pt = _feet(obj)
        placed.append((obj, where, pt, None))
        if obj.cls == "PlayerStart":
            starts.append((obj, pt))
        elif obj.cls == "Enemy":
            enemies.append(EnemySpawn(obj.id, v["kind"], pt[0], pt[1], v["wave"], v["facing"], v["hp"],
                                      obj.name, bool(v.get("boss", False))))
        elif obj.cls == "Pickup":
            pickups.append(PickupSpawn(obj.id, v["kind"], pt[0], pt[1], v["amount"], obj.name))
        elif obj.cls == "Breakable":
            breakables.append(BreakableSpawn(obj.id, v["kind"], pt[0], pt[1], v["drops"], v["hp"], obj.name))
        elif obj.cls == "Prop":
            rolling.append(PropSpawn(obj.id, v["kind"], pt[0], pt[1], obj.name))
        elif obj.cls == "FallingHazard":
            hazards.append(HazardSpawn(obj.id, v["kind"], pt[0], pt[1], v["period"], v["warning"],
                                       v["damage"], obj.name))
        elif obj.cls == "Door":
            doors.append(DoorSpawn(obj.id, pt[0], pt[1], v["wave"], obj.name))
    level = LevelDesc(
        name=raw.path.stem, title=str(props["title"]), solid=solid,
        player_start=starts[0][1] if starts else (0, 0), tile_size=raw.tile_w,
        mode=str(props["mode"]), music=str(props["music"]), time_limit=int(props["time_limit"]),
        next=str(props["next"]), enemies=enemies, waves=waves, pickups=pickups,
        exits=[r for _, r in exits], properties=props, path=str(raw.path), file_hash=_hash(raw),
        camera_bounds=Rect(0, 0, raw.cols * raw.tile_w, raw.rows * raw.tile_h),
        breakables=breakables, props=rolling, hazards=hazards, doors=doors,
    )
    if chase_objs or level.mode == "chase":
        chase_rules.build(level, chase_objs, report)
    rules.check(level, raw, starts, exits, placed, report)
    values.check(level, raw, report)
    foreground_over_fights(level, raw, schema, report)
    if starts and not report.errors:
        level.player2_start = rules.beside(level, starts[0][1])
    return level


def _ref(obj: MapObject, schema: Schema) -> ObjectRef:
    """How messages name ``obj``: its written kind, else its class's default kind (``Enemy thug at ...``)."""
    kind = obj.props["kind"].value if "kind" in obj.props else ""
    cls = schema.classes.get(obj.cls)
    if not kind and cls is not None and "kind" in cls.members:
        kind = str(cls.members["kind"].default)
    return ObjectRef(obj.id, obj.cls, obj.name, obj.x, obj.y, kind)


def _hash(raw: RawMap) -> str:
    h = hashlib.sha256()
    for path, data in raw.files:
        h.update(path.name.encode())
        h.update(data)
    return h.hexdigest()
