"""The bus chase's Tiled objects: turning them into a :class:`~game.sim.chase.desc.ChaseDesc`, and the
``check`` rules a designer can break (kept apart from :mod:`game.tiled.rules`).

Classes (see docs/level-design.md, "The bus chase"): ``Road`` (rectangle: the three lanes),
``ChasePhase`` (point: where a phase's stretch begins; ``phase``, ``rams``), ``Traffic`` (point: a car;
``kind`` civilian or gang_car, ``rams``, ``speed_pct``), ``Hazard`` (point: ``kind`` bridge, sign or door),
``ViktorBus`` (point: his lead over the PlayerStart and his lane; ``speed_pct``).
"""

from __future__ import annotations

import itertools
from typing import Any

from game.sim.chase.desc import ChaseDesc, HazardSpawn, PhaseMark, TrafficSpawn, ViktorBusSpawn
from game.sim.chase.state import MARKED_PHASES
from game.sim.level import LevelDesc, Rect
from game.tiled.problems import Report
from game.tiled.tmxfile import MapObject

CLASSES = ("Road", "ChasePhase", "Traffic", "Hazard", "ViktorBus")
VIEW_W = 320


def _point(obj: MapObject) -> tuple[int, int]:
    if obj.shape == "point":
        return round(obj.x), round(obj.y)
    w, h = obj.w or 0.0, obj.h or 0.0
    if obj.shape == "tile":
        return round(obj.x + w / 2), round(obj.y)
    return round(obj.x + w / 2), round(obj.y + h)


def build(level: LevelDesc, objs: list[tuple[MapObject, dict[str, Any], dict[str, Any]]],
          report: Report) -> None:
    """Collect the chase objects into ``level.chase`` (a chase level) or report them (a brawl level)."""
    if level.mode != "chase":
        for obj, where, _ in objs:
            report.error(f"is a chase object ({obj.cls}) in a '{level.mode}' level; "
                         "set the map's mode to chase", **where)
        return
    roads = [(obj, where) for obj, where, _ in objs if obj.cls == "Road"]
    road: Rect | None = None
    for _obj, where in roads[1:]:
        report.error("is a second Road; a chase level has exactly one", **where)
    if roads:
        obj, where = roads[0]
        if obj.shape not in ("rect",) or not obj.w or not obj.h or obj.w <= 0 or obj.h <= 0:
            report.error("Road must be a rectangle with a width and height (the three lanes)", **where)
        else:
            road = Rect(round(obj.x), round(obj.y), round(obj.w), round(obj.h))
    else:
        report.error("chase level has no Road rectangle; draw one over the three lanes")
    d = ChaseDesc(road=road or Rect(0, 0, level.pixel_width, level.pixel_height))
    for obj, where, v in objs:
        d.names[obj.id] = obj.name
        x, y = _point(obj)
        if obj.cls == "ChasePhase":
            d.phases.append(PhaseMark(obj.id, str(v["phase"]), x, int(v["rams"])))
        elif obj.cls == "Traffic":
            d.traffic.append(TrafficSpawn(obj.id, str(v["kind"]), x, d.lane_of(y), int(v["rams"]),
                                          int(v["speed_pct"])))
        elif obj.cls == "Hazard":
            d.hazards.append(HazardSpawn(obj.id, str(v["kind"]), x, y))
        elif obj.cls == "ViktorBus":
            if d.viktor is not None:
                report.error("is a second ViktorBus; a chase level has exactly one", **where)
            else:
                d.viktor = ViktorBusSpawn(obj.id, x, d.lane_of(y), int(v["speed_pct"]))
    level.chase = d


def _n(d: ChaseDesc, obj_id: int) -> str:
    return d.names.get(obj_id, "")


def check(level: LevelDesc, placed: list[tuple[MapObject, dict[str, Any], Any, Any]], report: Report) -> None:
    """The chase's rules: Viktor's bus, the road, the phases in order, hazards and traffic on the road."""
    d = level.chase
    if level.mode != "chase" or not isinstance(d, ChaseDesc):
        return
    where = {obj.id: w for obj, w, _, _ in placed}
    road = d.road
    if d.viktor is None:
        report.error("chase level has no ViktorBus object; place one on the road ahead of the PlayerStart")
    elif d.viktor.x <= level.player_start[0]:
        report.error(f"ViktorBus at x={d.viktor.x} must be ahead of (right of) the PlayerStart "
                     f"(x={level.player_start[0]})",
                     obj=(d.viktor.obj_id, "ViktorBus", _n(d, d.viktor.obj_id)))
    sx = level.player_start[0]
    if not (0 <= sx < VIEW_W):
        report.error(f"in a chase level the PlayerStart must stand on the first screen (x < {VIEW_W}), "
                     f"not x={sx}: the fights aboard happen there")
    seen: dict[str, PhaseMark] = {}
    for m in d.phases:
        if m.phase in seen:
            report.error(f"is a second ChasePhase '{m.phase}'; each phase has one marker",
                         obj=(m.obj_id, "ChasePhase", _n(d, m.obj_id)))
        seen[m.phase] = m
    for p in MARKED_PHASES:
        if p not in seen:
            report.error(f"chase level has no ChasePhase '{p}'; "
                         f"phases run {', '.join(MARKED_PHASES)} left to right")
    order = [seen[p] for p in MARKED_PHASES if p in seen]
    for a, b in itertools.pairwise(order):
        if b.x <= a.x:
            report.error(f"ChasePhase '{b.phase}' at x={b.x} is out of order: it must come after "
                         f"'{a.phase}' (x={a.x}); phases run {', '.join(MARKED_PHASES)} left to right",
                         obj=(b.obj_id, "ChasePhase", _n(d, b.obj_id)))
    ram = seen.get("ram")
    if ram is not None and not 1 <= ram.rams <= 20:
        report.error(f"ChasePhase 'ram' rams {ram.rams} must be 1 to 20 (the hit meter)",
                     obj=(ram.obj_id, "ChasePhase", _n(d, ram.obj_id)))
    for h in d.hazards:
        if not road.contains(h.x, h.y) and not (h.x == road.x + road.w and road.y <= h.y <= road.y + road.h):
            report.error(f"Hazard '{h.kind}' at ({h.x}, {h.y}) lies off the road "
                         f"(Road x {road.x}..{road.x + road.w}, y {road.y}..{road.y + road.h})",
                         **where.get(h.obj_id, {"obj": (h.obj_id, "Hazard", "")}))
    for t in d.traffic:
        if t.rams < 1:
            report.error(f"Traffic rams {t.rams} must be 1 or more",
                         obj=(t.obj_id, "Traffic", _n(d, t.obj_id)))
        if not 0 <= t.speed_pct <= 200:
            report.error(f"Traffic speed_pct {t.speed_pct} must be 0 (the kind's own) to 200",
                         obj=(t.obj_id, "Traffic", _n(d, t.obj_id)))
    _enemies(level, d, report)


def _enemies(level: LevelDesc, d: ChaseDesc, report: Report) -> None:
    if not all(p in {m.phase for m in d.phases} for p in MARKED_PHASES):
        return
    blo, bhi = d.stretch("boarders", level.pixel_width)
    wlo, whi = d.stretch("wreck", level.pixel_width)
    if not any(blo <= e.x < bhi for e in level.enemies):
        report.error(f"the boarders stretch (x {blo}..{bhi}) has no Enemy to board the bus")
    if not any(wlo <= e.x < whi and e.kind == "viktor" for e in level.enemies):
        report.error(f"the wreck stretch (x {wlo}..{whi}) has no Enemy of kind viktor for the final fight")
    for e in level.enemies:
        if not (blo <= e.x < bhi or wlo <= e.x < whi):
            report.error(f"Enemy '{e.kind}' at x={e.x} is in neither the boarders nor the wreck stretch; "
                         "it would never appear", obj=(e.obj_id, "Enemy", e.name))
        if e.wave != 0:
            report.error("in a chase level an Enemy's wave must be 0 (its stretch decides when it comes)",
                         obj=(e.obj_id, "Enemy", e.name))
