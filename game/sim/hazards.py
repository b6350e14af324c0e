"""Falling hazards (icicles, masonry): visible before they hurt, and they hurt everyone.

A ``FallingHazard`` object marks a spot on the floor. Every ``period`` ticks something falls on it; for
the ``warning`` ticks before, its shadow shows on the floor (``hazard_warn`` when it appears, growing as the
fall nears), then it lands (``hazard_fall``) and knocks down every character standing within ``radius``
px of the spot, players and enemies alike. A hazard only runs while its spot is on screen (or within half
a screen of it), counting from when it came into view, so the first fall always has its full warning.

Hazards are entities of kind ``hazard`` (``timer`` = ticks to the next fall, ``damage``); their numbers
live in a :class:`HazardRec` (``World.hazards`` by entity id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.sim import combat
from game.sim import events as ev
from game.sim.fixed import FP
from game.sim.scroll import VIEW_W

if TYPE_CHECKING:
    from game.sim.world import World

HURT_STATES = frozenset({"idle", "walk", "run", "attack", "hurt", "block", "grab", "grabbed", "jump"})


@dataclass(slots=True)
class HazardRec:
    """One falling hazard's numbers."""

    eid: int
    kind: str
    period: int
    warning: int
    radius: int
    active: bool = False

    def key(self) -> tuple[Any, ...]:
        """Fields for the state hash."""
        return (self.eid, self.kind, self.period, self.warning, self.radius, self.active)


def start(w: World) -> None:
    """Place the level's hazards."""
    for h in w.level.hazards:
        hk = w.prop_table.hazards[h.kind]
        e = w.spawn("hazard", h.x * FP, h.y * FP)
        e.char, e.tag = f"hazard_{h.kind}", h.kind
        e.damage = h.damage or hk.damage
        period = h.period or hk.period
        warning = min(h.warning or hk.warning, period - 1)
        e.timer = period
        w.hazards[e.eid] = HazardRec(e.eid, h.kind, period, warning, hk.radius)


def shadow(w: World, eid: int) -> float:
    """0 (no shadow) .. 1 (about to land): how far the warning has run, for drawing."""
    rec = w.hazards.get(eid)
    e = w.by_id.get(eid)
    if rec is None or e is None or not rec.active or e.timer > rec.warning:
        return 0.0
    return 1.0 - e.timer / rec.warning


def update(w: World) -> None:
    """Count down, warn, and drop (the flow phase)."""
    lo = (w.lock[0] if w.lock else w.scroll_x) - VIEW_W // 2
    hi = lo + VIEW_W * 2
    for eid in sorted(w.hazards):
        rec = w.hazards[eid]
        e = w.by_id.get(eid)
        if e is None:
            continue
        if not lo <= e.x // FP <= hi:
            if rec.active and e.timer > rec.warning:
                rec.active = False          # out of sight: it rests (a shadow already showing still falls)
                e.timer = rec.period
            if not rec.active:
                continue
        rec.active = True
        e.timer -= 1
        if e.timer == rec.warning:
            w.emit(ev.HAZARD_WARN, x=e.x // FP, y=e.y // FP, actor=eid, value=rec.warning, tag=rec.kind)
        if e.timer <= 0:
            e.timer = rec.period
            _fall(w, e, rec)


def _fall(w: World, e: Any, rec: HazardRec) -> None:
    w.emit(ev.HAZARD_FALL, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=rec.kind)
    r = rec.radius * FP
    hits = []
    e.hit_ids = []
    for c in w.entities:
        if ((c.kind == "player" or c.kind == "enemy") and c.alive and not c.remove and c.invuln <= 0
                and c.state in HURT_STATES and abs(c.x - e.x) <= r and abs(c.y - e.y) <= r // 2 + 4 * FP):
            hits.append((e, c, None))
    if hits:
        combat.apply_hits(w, hits)
