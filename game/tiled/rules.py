"""The level rules a designer can break: starts, exits, waves, placement, reachability, ``next``."""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np

from game.sim.level import LevelDesc, Rect
from game.tiled.problems import Report, nearest
from game.tiled.tmxfile import MapObject, RawMap

PLAYER2_GAP = 24   # px between the two players at the start


def check(level: LevelDesc, raw: RawMap, starts: list[tuple[MapObject, tuple[int, int]]],
          exits: list[tuple[MapObject, Rect]],
          placed: list[tuple[MapObject, dict[str, Any], tuple[int, int] | None, Rect | None]],
          report: Report) -> None:
    """Report every broken rule of the schema; never raises."""
    if not starts:
        report.error("no PlayerStart object; add one where player 1 begins")
    for obj, _ in starts[1:]:
        report.error("is a second PlayerStart; a level has exactly one: delete one of them", obj=obj)
    if not exits and level.mode != "chase":    # a chase ends when Viktor is beaten, not at an Exit
        report.error("no Exit object; add a rectangle of class Exit where the level ends")
    if level.time_limit < 0:
        report.error(f"time_limit {level.time_limit} must be 0 (none) or more seconds")
    if level.next and not any((raw.path.parent / f"{level.next}{ext}").is_file() for ext in (".tmx", ".tmj")):
        others = sorted({p.stem for ext in ("*.tmx", "*.tmj") for p in raw.path.parent.glob(ext)}
                        - {raw.path.stem})
        guess = nearest(level.next, others)
        hint = f"did you mean '{guess}'? " if guess else ""
        here = ", ".join(others) or "none"
        report.error(f"next level '{level.next}' does not exist ({hint}levels here: {here}; set the map "
                     f"property next to one of them, or empty for the last level)")
    if not level.title:
        report.warn("map property 'title' is empty; the level card will be blank")
    _layout(level, report)
    _placement(level, placed, report)
    _waves(level, placed, report)
    _exit_after_waves(level, exits, report)
    if len(starts) == 1:
        _reachable(level, starts[0][1], exits, report)
    from game.tiled import bonus_rules  # the bonus token's rules (game/tiled/bonus_rules.py)

    bonus_rules.check(level, placed, report)
    from game.tiled import chase_rules  # the bus chase's rules (game/tiled/chase_rules.py)

    chase_rules.check(level, placed, report)
    from game.tiled import campaign_rules  # breakables, props, hazards, doors, weapons (issue 11)

    campaign_rules.check(level, placed, report)
    from game.tiled import outro_rules  # the level's exit scene (game/tiled/outro_rules.py)

    outro_rules.check(level, report)


ROWS = 12                # docs/level-design.md "Files and map": the layout every level follows
WALL_ROWS = range(0, 5)  # wall and ceiling: solid
FRONT_ROW = 11           # the solid front edge


def _spans(cols: np.ndarray) -> str:
    """``3-7, 12`` for column numbers (the first few runs)."""
    runs: list[str] = []
    start = prev = int(cols[0])
    for c in [*map(int, cols[1:]), None]:
        if c is not None and c == prev + 1:
            prev = c
            continue
        runs.append(f"{start}-{prev}" if prev > start else str(start))
        if c is not None:
            start = prev = c
    return ", ".join(runs[:6]) + (", ..." if len(runs) > 6 else "")


def _layout(level: LevelDesc, report: Report) -> None:
    """The 12-row band: rows 0-4 solid wall, 5-10 floor, 11 solid front edge (else players walk off it)."""
    band = ("levels are 12 rows: rows 0-4 solid wall and ceiling, rows 5-10 the walkable floor, "
            "row 11 the solid front edge")
    if level.rows != ROWS:
        report.error(f"map is {level.rows} rows tall; {band} (Map > Resize Map, height 12)")
        return
    for rows, what in ((WALL_ROWS, "rows 0-4 (wall and ceiling)"), (range(FRONT_ROW, FRONT_ROW + 1),
                                                                      f"row {FRONT_ROW} (front edge)")):
        open_cols = np.flatnonzero(~level.solid[rows.start:rows.stop].all(axis=0))
        if open_cols.size:
            report.error(f"{what} must be solid in every column, or players walk into the black outside "
                         f"the street; walkable in column(s) {_spans(open_cols)}: paint a tile whose tileset "
                         f"Tile has solid=true there")


def _exit_after_waves(level: LevelDesc, exits: list[tuple[MapObject, Rect]], report: Report) -> None:
    """An Exit before the last Wave: players reach it first, but it only opens once every wave is cleared."""
    for obj, rect in exits:
        later = sorted({z.number for z in level.waves if z.rect.x >= rect.x + rect.w})
        if later:
            numbers = ", ".join(map(str, later))
            report.warn(f"comes before Wave {numbers} (further right): the Exit only opens once every "
                        f"wave is cleared, so players reach it and wait; move the Exit past the last Wave",
                        obj=obj)


def _placement(level: LevelDesc, placed: list, report: Report) -> None:
    w, h = level.pixel_width, level.pixel_height
    spawns = _spawns_by_id(level)
    for obj, where, pt, rect in placed:
        if pt is not None:
            x, y = pt
            if not (0 <= x <= w and 0 <= y <= h):
                report.error(f"at ({x}, {y}) lies outside the map ({w}x{h} px): move it onto the floor",
                             **where)
            elif level.is_solid_px(min(x, w - 1), min(y, h - 1)):
                col, row = min(x, w - 1) // level.tile_size, min(y, h - 1) // level.tile_size
                report.error(f"stands in a solid tile (column {col}, row {row}): move it onto the floor "
                             f"(rows 5-10)", **where)
        if rect is not None:
            if rect.x < 0 or rect.y < 0 or rect.x + rect.w > w or rect.y + rect.h > h:
                report.error(f"rectangle ({rect.x}, {rect.y}, {rect.w}x{rect.h}) reaches outside the map "
                             f"({w}x{h} px)", **where)
            elif _cells(level, rect).all():
                report.error("lies entirely in solid tiles: move it onto the floor (rows 5-10)", **where)
        if obj.cls == "Enemy" and _prop_int(spawns, obj, "hp") < 0:
            report.error("hp must be 0 (the kind's own) or more", **where)
        if obj.cls == "Pickup" and _prop_int(spawns, obj, "amount") < 0:
            report.error("amount must be 0 (the kind's own) or more", **where)


def _spawns_by_id(level: LevelDesc) -> dict[int, Any]:
    """Every enemy and pickup spawn by object id, built once: the lookup per object stays constant-time."""
    out: dict[int, Any] = {}
    for group in (level.enemies, level.pickups):
        for spawn in group:
            out.setdefault(spawn.obj_id, spawn)
    return out


def _prop_int(spawns: dict[int, Any], obj: MapObject, name: str) -> int:
    spawn = spawns.get(obj.id)
    return int(getattr(spawn, name, 0)) if spawn is not None else 0


def _cells(level: LevelDesc, rect: Rect) -> np.ndarray:
    """The solid flags of the tiles a rectangle covers."""
    ts = level.tile_size
    c0, r0 = max(rect.x // ts, 0), max(rect.y // ts, 0)
    c1 = min((rect.x + rect.w - 1) // ts, level.cols - 1)
    r1 = min((rect.y + rect.h - 1) // ts, level.rows - 1)
    return level.solid[r0:r1 + 1, c0:c1 + 1]


#: The most a ``Wave``'s ``keep`` may ask for on screen at once (the campaign's peak is six).
KEEP_MAX = 6


def _waves(level: LevelDesc, placed: list, report: Report) -> None:
    triggered = {z.number for z in level.waves}
    used = {e.wave for e in level.enemies}
    by_id = {obj.id: where for obj, where, _, _ in placed}
    for z in level.waves:
        if z.number < 1:
            report.error(f"Wave number {z.number} must be 1 or more (0 means 'present from the start')",
                         **by_id[z.obj_id])
        elif z.number not in used:
            report.error(f"Wave number {z.number} is used by no Enemy (set an Enemy's wave to {z.number})",
                         **by_id[z.obj_id])
        if not 0 <= z.keep <= KEEP_MAX:
            report.error(f"Wave keep {z.keep} must be 0 (everyone walks in at once) to {KEEP_MAX} (about "
                         f"that many awake on screen, the next walking in as one falls)", **by_id[z.obj_id])
    for e in level.enemies:
        if e.wave < 0:
            report.error(f"wave {e.wave} must be 0 (from the start) or a Wave's number", **by_id[e.obj_id])
        elif e.wave > 0 and e.wave not in triggered:
            numbers = ", ".join(map(str, sorted(triggered))) or "none"
            report.error(f"wave {e.wave} is triggered by no Wave rectangle (Wave numbers: {numbers})",
                         **by_id[e.obj_id])


def reachable_cells(level: LevelDesc, start: tuple[int, int]) -> np.ndarray:
    """Flood fill over non-solid tiles from the tile holding ``start`` (4-neighbour steps)."""
    seen = np.zeros_like(level.solid, dtype=bool)
    ts = level.tile_size
    c, r = start[0] // ts, start[1] // ts
    if not (0 <= r < level.rows and 0 <= c < level.cols) or level.solid[r, c]:
        return seen
    free = ~level.solid
    seen[r, c] = True
    frontier = deque([(r, c)])
    rows, cols = level.rows, level.cols
    while frontier:
        r, c = frontier.popleft()
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < rows and 0 <= nc < cols and free[nr, nc] and not seen[nr, nc]:
                seen[nr, nc] = True
                frontier.append((nr, nc))
    return seen


def _reachable(level: LevelDesc, start: tuple[int, int], exits: list[tuple[MapObject, Rect]],
               report: Report) -> None:
    if level.is_solid_px(*start):
        return   # already reported as a placement problem
    seen = reachable_cells(level, start)
    ts = level.tile_size
    for obj, rect in exits:
        c0, r0 = max(rect.x // ts, 0), max(rect.y // ts, 0)
        c1, r1 = (rect.x + rect.w - 1) // ts, (rect.y + rect.h - 1) // ts
        if not seen[r0:r1 + 1, c0:c1 + 1].any():
            report.error("cannot be reached over walkable tiles from the PlayerStart: clear a path of floor "
                         "to it, or move it", obj=obj)


def beside(level: LevelDesc, start: tuple[int, int]) -> tuple[int, int]:
    """Where player 2 starts: beside player 1, on whichever side is walkable (else on the same spot)."""
    x, y = start
    for dx in (PLAYER2_GAP, -PLAYER2_GAP, 0):
        if not level.is_solid_px(x + dx, y):
            return x + dx, y
    return start
