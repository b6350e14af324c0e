"""``check`` rules for the bonus games' level hooks: the ``bonus`` token (one per level at most).

Kept apart from :mod:`game.tiled.rules` so the bonus games' checks stay small and separate.
The map property ``bonus`` needs no rule here: its enum (``BonusGame``) is checked by the schema.
"""

from __future__ import annotations

from typing import Any

from game.sim.level import LevelDesc
from game.tiled.problems import Report
from game.tiled.tmxfile import MapObject

BONUS_KIND = "bonus"


def check(level: LevelDesc, placed: list[tuple[MapObject, dict[str, Any], Any, Any]], report: Report) -> None:
    """One bonus token per level at most, worth one bonus game."""
    where = {obj.id: w for obj, w, _, _ in placed}
    tokens = [p for p in level.pickups if p.kind == BONUS_KIND]
    for extra in tokens[1:]:
        report.error("is a second bonus token; a level has at most one", **where.get(extra.obj_id, {}))
    for t in tokens:
        if t.amount not in (0, 1):
            report.error(f"bonus token amount {t.amount} must be 0 or 1 (it is worth one bonus game)",
                         **where.get(t.obj_id, {}))
