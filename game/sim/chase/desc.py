"""What a chase level's map says (plain data, built by ``game.tiled`` from the chase's Tiled classes).

x values are map px along the road; the ``ChasePhase`` markers cut the map into stretches, one per
phase, in the order catch_up, boarders, ram, wreck. Traffic and hazards of a stretch come round again
each time the road loops through it; ``Enemy`` objects in the boarders stretch board the bus once each,
in x order; those in the wreck stretch wait at the wreck (Viktor among them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.level import Rect


@dataclass(frozen=True, slots=True)
class PhaseMark:
    """A ``ChasePhase`` object: where a phase's stretch of road begins."""

    obj_id: int
    phase: str
    x: int
    rams: int = 6          # ram phase: rams on the hit meter


@dataclass(frozen=True, slots=True)
class TrafficSpawn:
    """A ``Traffic`` object: a car that drives into view when the road reaches its x."""

    obj_id: int
    kind: str              # civilian, gang_car
    x: int
    lane: int
    rams: int = 3          # gang car: rams that put it off the road
    speed_pct: int = 0     # of the bus's cruising speed, 0 = the kind's own


@dataclass(frozen=True, slots=True)
class HazardSpawn:
    """A ``Hazard`` object: a low bridge or overhead sign to duck, or the door opening."""

    obj_id: int
    kind: str
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class ViktorBusSpawn:
    """The ``ViktorBus`` object: his lead at the start (x minus the PlayerStart's x) and lane."""

    obj_id: int
    x: int
    lane: int
    speed_pct: int = 85


@dataclass(slots=True)
class ChaseDesc:
    """The chase part of a level."""

    road: Rect
    phases: list[PhaseMark] = field(default_factory=list)
    traffic: list[TrafficSpawn] = field(default_factory=list)
    hazards: list[HazardSpawn] = field(default_factory=list)
    viktor: ViktorBusSpawn | None = None
    names: dict[int, str] = field(default_factory=dict)    # map object id -> its name, for messages

    def lane_y(self, lane: int) -> int:
        """Map px of a lane's centre line (lane 0 is the far one, at the top)."""
        h = self.road.h // 3
        return self.road.y + h * lane + h // 2

    def lane_of(self, y: int) -> int:
        """The lane a map y falls in (clamped to the road)."""
        h = max(1, self.road.h // 3)
        return max(0, min(2, (y - self.road.y) // h))

    def stretch(self, phase: str, map_w: int) -> tuple[int, int]:
        """Map px range of a phase's stretch (to the next marker, or the map's end)."""
        marks = sorted(self.phases, key=lambda m: m.x)
        for i, m in enumerate(marks):
            if m.phase == phase:
                hi = marks[i + 1].x if i + 1 < len(marks) else map_w
                return m.x, max(m.x + 1, hi)
        return 0, map_w

    def mark(self, phase: str) -> PhaseMark | None:
        """The marker of a phase."""
        for m in self.phases:
            if m.phase == phase:
                return m
        return None
