"""A warning for designers: a foreground layer drawn over a locked fight area hides the fighters.

A ``foreground`` tile layer is drawn after the characters. Over a corridor that is fine (a passing
column, a steam pipe), but inside the screen a locked wave holds the players in, a fighter can stand
behind it for the whole fight: the player loses sight of an enemy winding up. ``check`` warns so the
designer can move the art or the wave. Only cover wider than a fighter counts (``HIDES_PX`` across in
one row where bodies stand): a thin pillar leaves them showing on both sides; a faint layer (steam) is
see-through.
"""

from __future__ import annotations

import numpy as np

from game.sim.level import LevelDesc
from game.sim.scroll import VIEW_W
from game.tiled.problems import Report
from game.tiled.project import Schema
from game.tiled.tiledata import GID_MASK
from game.tiled.tmxfile import RawMap

BODY_ROWS_PX = 64     # fighters stand up to this tall above the floor's top edge
HIDES_PX = 24         # foreground this wide in a row hides a whole fighter (bodies are 18 px wide)
SEE_THROUGH = 0.75    # a fainter layer (steam, haze) lets the fighters show through


def foreground_over_fights(level: LevelDesc, raw: RawMap, schema: Schema, report: Report) -> None:
    """Warn once per foreground layer and locked wave whose screen its tiles cover where fighters stand."""
    default = bool(schema.defaults("Layer").get("foreground"))
    walk = [r for r in range(level.rows) if not bool(np.all(level.solid[r]))]
    if not walk or not level.waves:
        return
    t = level.tile_size
    top = max(0, (min(walk) * t - BODY_ROWS_PX) // t)
    bottom = max(walk) + 1
    for layer in raw.layers:
        prop = layer.props.get("foreground")
        fg = prop.value.strip().lower() in ("true", "1") if prop is not None else default
        if not fg or not layer.visible or layer.opacity < SEE_THROUGH:
            continue
        tiles = (layer.gids[top:bottom] & GID_MASK) != 0
        for zone in level.waves:
            if not zone.lock:
                continue
            lo, hi = _lock_range(zone.rect.x, zone.rect.w, level.pixel_width)
            cols = tiles[:, max(0, lo // t):(hi + t - 1) // t]
            if _widest_run(cols) * t >= HIDES_PX:
                report.warn(f"foreground tiles over the locked fight of wave {zone.number} "
                            f"(x {lo}-{hi}) hide the fighters there; move them or the wave", layer=layer.name)


def _widest_run(cells: np.ndarray) -> int:
    """The longest run of covered cells along any row."""
    best = 0
    for row in cells:
        run = 0
        for c in row:
            run = run + 1 if c else 0
            best = max(best, run)
    return best


def _lock_range(x: int, w: int, width: int) -> tuple[int, int]:
    """The camera range of a locked wave (as ``game.sim.flow.lock_range`` works it out)."""
    if w >= VIEW_W:
        return max(0, x), min(width, x + w)
    lo = max(0, min(x + w // 2 - VIEW_W // 2, width - VIEW_W))
    return lo, min(width, lo + VIEW_W)
