"""The chase's state records: ``world.chase`` (a :class:`ChaseState`) exists only on ``mode = chase`` levels.

This is the API the presentation reads (the simulation never draws). Units: x in **whole road px**
along the street (the same units as map x, growing without end as the bus drives on), y in map px
(a lane's centre line; the road's rectangle comes from the level's ``Road`` object), ticks at 60 Hz.

``world.chase`` (:class:`ChaseState`):

- ``phase``: ``catch_up`` (Danko drives, rams gang cars, closes on Viktor), ``boarders`` (the fight aboard
  the moving bus with the brawl rules), ``ram`` (alongside Viktor's bus; ram it, dodge his sleeve gun),
  ``crash`` (the train hits Viktor's bus; no control), ``wreck`` (the final fight on foot), ``done``.
- ``phase_tick``: ticks spent in the phase; ``crash_tick`` the same during ``crash`` (0..``CRASH_TICKS``).
- ``scroll``: road px of the view's left edge (continuous, for parallax); ``speed``: the bus's speed in
  road px per tick x 256 (``speed * 60 // 256`` px/s); ``map_x``: the map column position (px) of the
  view's left edge in the level's own road tiles: it runs through the current phase's stretch of map
  and wraps back to the stretch's start while the phase goes on (the road loops), so the road drawn
  matches the phase.
- ``gauge``: 0..1000, how close the bus is to Viktor's (the RED HEAT logo filling in; 1000 = caught).
- ``rams_left`` / ``rams_total``: the hit meter of the ram phase.
- ``vehicles``: list of :class:`Vehicle`; the player's bus is always first (``kind == "player_bus"``).
- ``hazards``: list of :class:`Hazard` (``bridge``, ``sign`` overhead; ``door``: the bus's door opens).
- ``door_open``: the player's bus door is open (a fighter near it is thrown out).
- ``deck_x``: screen x (px) of the player's bus centre: fighters aboard stand in deck space, map x
  0..320 = screen x, drawn on the bus.

:class:`Vehicle`: ``vid``, ``kind`` in ``player_bus``, ``viktor_bus``, ``car``, ``gang_car``, ``civilian``,
``train``; ``x`` (road px of its centre; screen x = ``x - chase.scroll``), ``lane`` (0 top .. 2 bottom; the
lane it is in or moving to), ``y`` (map px, eases between lanes), ``length`` (px), ``damage`` 0..3 (a
picture per state), ``wheel`` (road px travelled: turn the wheels by it), ``door_open``, ``state``
(``drive``, ``swerve`` (a gang car about to ram, visible), ``aim`` (Viktor raising his sleeve gun),
``wrecked`` (off the road, sliding out), ``crashed``).

:class:`Hazard`: ``hid``, ``kind``, ``x`` (road px), ``warning`` (True from when it can be seen coming
until it has passed), ``active`` (hurting now).

Events (game/sim/events.py): ``ram``, ``crash``, ``horn``, ``tyres``, ``engine`` (value = intensity 0..100,
on changes), ``train_horn``, ``fall``, ``phase`` (tag = the new phase), ``hazard_warn`` (tag = kind),
``sleeve_aim``; shots use ``shot`` with tag ``viktor``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PHASES = ("catch_up", "boarders", "ram", "crash", "wreck", "done")
MARKED_PHASES = ("catch_up", "boarders", "ram", "wreck")    # the phases a ChasePhase marker starts
FIGHT_PHASES = ("boarders", "wreck")
VEHICLE_KINDS = ("player_bus", "viktor_bus", "car", "gang_car", "civilian", "train")
HAZARD_KINDS = ("bridge", "sign", "door")
LANES = 3


@dataclass(slots=True)
class Vehicle:
    """A vehicle on the road (positions in road px x 256 internally; see the properties)."""

    vid: int
    kind: str
    fx: int                   # centre, road px x 256
    lane: int
    fy: int                   # map px x 256
    length: int
    speed: int = 0            # road px x 256 per tick
    damage: int = 0           # 0..3
    hits: int = 0             # rams taken
    rams: int = 3             # rams that put it off the road
    wheel: int = 0
    door_open: bool = False
    state: str = "drive"
    timer: int = 0
    from_lane: int = -1       # lane change in progress from this lane (-1 none)
    lane_t: int = 0
    cooldown: int = 0
    gone: bool = False

    @property
    def x(self) -> int:
        """Centre, whole road px."""
        return self.fx // 256

    @property
    def y(self) -> int:
        """Map px of its lane line (eased while changing lanes)."""
        return self.fy // 256

    def key(self) -> tuple[int | str | bool, ...]:
        """Fields for the state hash."""
        return (self.vid, self.kind, self.fx, self.lane, self.fy, self.length, self.speed, self.damage,
                self.hits, self.rams, self.wheel, self.door_open, self.state, self.timer, self.from_lane,
                self.lane_t, self.cooldown, self.gone)


@dataclass(slots=True)
class Hazard:
    """Something over or on the bus: a low bridge, an overhead sign, the door opening."""

    hid: int
    kind: str
    x: int                    # road px (a door: the road px where it opens)
    warning: bool = False
    active: bool = False
    timer: int = 0
    hit_ids: list[int] = field(default_factory=list)
    gone: bool = False

    def key(self) -> tuple[int | str | bool, ...]:
        """Fields for the state hash."""
        return (self.hid, self.kind, self.x, self.warning, self.active, self.timer, tuple(self.hit_ids),
                self.gone)


@dataclass(slots=True)
class ChaseState:
    """Everything the chase adds to a world (``world.chase``)."""

    phase: str = "catch_up"
    phase_tick: int = 0
    crash_tick: int = 0
    fscroll: int = 0              # road px x 256 of the view's left edge
    phase_start: int = 0          # fscroll when the phase began
    prev_dist: int = 0            # phase distance at the previous tick (for spawns)
    lap: int = 0
    gap0: int = 1                 # Viktor's lead at the start (road px x 256)
    gauge: int = 0                # 0..1000
    rams_left: int = 0
    rams_total: int = 0
    vehicles: list[Vehicle] = field(default_factory=list)
    hazards: list[Hazard] = field(default_factory=list)
    door_open: bool = False
    next_id: int = 1
    spawned: list[int] = field(default_factory=list)   # map object ids spawned once (boarders, boss)
    engine: int = 0
    shot_timer: int = 0
    horn_cooldown: int = 0
    penalties: int = 0            # civilians hit
    gang_wrecked: int = 0
    map_lo: int = 0               # the current phase's stretch of map, px
    map_hi: int = 0

    @property
    def scroll(self) -> int:
        """Road px of the view's left edge."""
        return self.fscroll // 256

    @property
    def speed(self) -> int:
        """The player's bus speed, road px x 256 per tick."""
        return self.vehicles[0].speed if self.vehicles else 0

    @property
    def map_x(self) -> int:
        """Where in the level's map the view's left edge is (px), looping inside the phase's stretch."""
        span = max(1, self.map_hi - self.map_lo)
        return self.map_lo + ((self.fscroll - self.phase_start) // 256) % span

    @property
    def bus(self) -> Vehicle:
        """The player's bus."""
        return self.vehicles[0]

    @property
    def viktor(self) -> Vehicle | None:
        """Viktor's bus (None once gone)."""
        for v in self.vehicles:
            if v.kind == "viktor_bus":
                return v
        return None

    @property
    def deck_x(self) -> int:
        """Screen x of the player's bus centre."""
        return self.bus.x - self.scroll if self.vehicles else 0

    def key(self) -> tuple[object, ...]:
        """Everything for the state hash."""
        return (self.phase, self.phase_tick, self.crash_tick, self.fscroll, self.phase_start, self.prev_dist,
                self.lap, self.gap0, self.gauge, self.rams_left, self.rams_total,
                tuple(v.key() for v in self.vehicles), tuple(h.key() for h in self.hazards), self.door_open,
                self.next_id, tuple(self.spawned), self.engine, self.shot_timer, self.horn_cooldown,
                self.penalties, self.gang_wrecked, self.map_lo, self.map_hi)
