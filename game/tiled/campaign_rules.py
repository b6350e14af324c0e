"""``check`` rules for the campaign's objects: breakables, rolling props, hazards, doors, weapons, the boss.

Kept apart from :mod:`game.tiled.rules` (which calls :func:`check`) so these stay small and separate.
Enum values (kinds, drops) are already checked by the schema; these are the rules the schema can't see.
"""

from __future__ import annotations

from typing import Any

from game.sim.level import LevelDesc
from game.tiled.problems import Report
from game.tiled.tmxfile import MapObject

MIN_WARNING = 30          # ticks: a hazard's shadow shows at least half a second before it falls
ROLL_ROOM = 48            # px of floor a rolling prop needs on at least one side
WEAPONS = ("pipe", "bottle", "knife")


def check(level: LevelDesc, placed: list[tuple[MapObject, dict[str, Any], Any, Any]], report: Report) -> None:
    """Report every broken campaign rule; never raises."""
    where = {obj.id: w for obj, w, _, _ in placed}

    def at(oid: int) -> dict[str, Any]:
        return where.get(oid, {})

    for b in level.breakables:
        if b.hp < 0:
            report.error("hp must be 0 (the kind's own) or more", **at(b.obj_id))
    for h in level.hazards:
        if h.period < 0 or h.warning < 0 or h.damage < 0:
            report.error("period, warning and damage must be 0 (the kind's own) or more", **at(h.obj_id))
        elif h.warning and h.warning < MIN_WARNING:
            report.error(f"warning {h.warning} ticks is too short to see: the shadow must show at least "
                         f"{MIN_WARNING} ticks (half a second) before it falls", **at(h.obj_id))
        elif h.period and h.warning and h.warning >= h.period:
            report.error(f"warning {h.warning} must be shorter than period {h.period} (ticks)",
                         **at(h.obj_id))
        elif h.period and not h.warning and h.period <= MIN_WARNING:
            report.error(f"period {h.period} ticks leaves no time for the shadow to show", **at(h.obj_id))
    for p in level.props:
        ts = level.tile_size
        free = [all(not level.is_solid_px(p.x + d * s, p.y) for s in range(ts // 2, ROLL_ROOM, ts // 2))
                for d in (-1, 1)]
        if not any(free):
            report.warn(f"has walls within {ROLL_ROOM} px on both sides: it can hardly roll; give it floor",
                        **at(p.obj_id))
    waves = {z.number for z in level.waves}
    used = {e.wave for e in level.enemies}
    for d in level.doors:
        if d.wave not in waves:
            numbers = ", ".join(map(str, sorted(waves))) or "none"
            report.error(f"wave {d.wave} is triggered by no Wave rectangle (Wave numbers: {numbers}); set "
                         f"the Door's wave to the wave whose enemies come out of it", **at(d.obj_id))
        elif d.wave not in used:
            report.error(f"wave {d.wave} has no Enemy to let out (set an Enemy's wave to {d.wave})",
                         **at(d.obj_id))
    for p in level.pickups:
        if p.kind in WEAPONS and p.amount < 0:
            report.error("amount (the weapon's uses) must be 0 (the kind's own) or more", **at(p.obj_id))
    flagged = [e for e in level.enemies if e.boss]
    for extra in flagged[1:]:
        report.warn("is a second Enemy marked boss: only the first one's bar shows at a time",
                    **at(extra.obj_id))
