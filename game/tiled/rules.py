"""The level rules a designer can break: starts, exits, waves, placement, reachability, ``next``."""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np

from game.sim.level import LevelDesc, Rect
from game.tiled.problems import Report
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
        report.error("is a second PlayerStart; a level has exactly one", obj=(obj.id, obj.cls, obj.name))
    if not exits and level.mode != "chase":    # a chase ends when Viktor is beaten, not at an Exit
        report.error("no Exit object; add a rectangle of class Exit where the level ends")
    if level.time_limit < 0:
        report.error(f"time_limit {level.time_limit} must be 0 (none) or more seconds")
    if level.next and not (raw.path.parent / f"{level.next}.tmx").is_file():
        others = sorted(p.stem for p in raw.path.parent.glob("*.tmx") if p.stem != raw.path.stem)
        report.error(f"next level '{level.next}' does not exist (levels here: {', '.join(others) or 'none'})")
    if not level.title:
        report.warn("map property 'title' is empty; the level card will be blank")
    _placement(level, placed, report)
    _waves(level, placed, report)
    if len(starts) == 1:
        _reachable(level, starts[0][1], exits, report)
    from game.tiled import bonus_rules  # the bonus token's rules (game/tiled/bonus_rules.py)

    bonus_rules.check(level, placed, report)
    from game.tiled import chase_rules  # the bus chase's rules (game/tiled/chase_rules.py)

    chase_rules.check(level, placed, report)


def _placement(level: LevelDesc, placed: list, report: Report) -> None:
    w, h = level.pixel_width, level.pixel_height
    for obj, where, pt, rect in placed:
        if pt is not None:
            x, y = pt
            if not (0 <= x <= w and 0 <= y <= h):
                report.error(f"at ({x}, {y}) lies outside the map ({w}x{h} px)", **where)
            elif level.is_solid_px(min(x, w - 1), min(y, h - 1)):
                col, row = min(x, w - 1) // level.tile_size, min(y, h - 1) // level.tile_size
                report.error(f"stands in a solid tile (column {col}, row {row})", **where)
        if rect is not None:
            if rect.x < 0 or rect.y < 0 or rect.x + rect.w > w or rect.y + rect.h > h:
                report.error(f"rectangle ({rect.x}, {rect.y}, {rect.w}x{rect.h}) reaches outside the map "
                             f"({w}x{h} px)", **where)
            elif _cells(level, rect).all():
                report.error("lies entirely in solid tiles", **where)
        if obj.cls == "Enemy" and _prop_int(obj, level, "hp") < 0:
            report.error("hp must be 0 (the kind's own) or more", **where)
        if obj.cls == "Pickup" and _prop_int(obj, level, "amount") < 0:
            report.error("amount must be 0 (the kind's own) or more", **where)


def _prop_int(obj: MapObject, level: LevelDesc, name: str) -> int:
    for group in (level.enemies, level.pickups):
        for spawn in group:
            if spawn.obj_id == obj.id:
                return int(getattr(spawn, name))
    return 0


def _cells(level: LevelDesc, rect: Rect) -> np.ndarray:
    """The solid flags of the tiles a rectangle covers."""
    ts = level.tile_size
    c0, r0 = max(rect.x // ts, 0), max(rect.y // ts, 0)
    c1 = min((rect.x + rect.w - 1) // ts, level.cols - 1)
    r1 = min((rect.y + rect.h - 1) // ts, level.rows - 1)
    return level.solid[r0:r1 + 1, c0:c1 + 1]


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
            report.error("cannot be reached over walkable tiles from the PlayerStart",
                         obj=(obj.id, obj.cls, obj.name))


def beside(level: LevelDesc, start: tuple[int, int]) -> tuple[int, int]:
    """Where player 2 starts: beside player 1, on whichever side is walkable (else on the same spot)."""
    x, y = start
    for dx in (PLAYER2_GAP, -PLAYER2_GAP, 0):
        if not level.is_solid_px(x + dx, y):
            return x + dx, y
    return start
