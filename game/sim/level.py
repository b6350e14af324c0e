"""The plain, pygame-free description of a level that the simulation runs.

``game.tiled`` builds it from a ``.tmx`` file; tests may build one in code
(see :mod:`game.sim.testlevel`). All coordinates are whole pixels in map space:
x along the street, y as depth on the floor band. An object's point is its feet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle in map pixels."""

    x: int
    y: int
    w: int
    h: int

    def contains(self, px: int, py: int) -> bool:
        """True when the point lies inside (right and bottom edges excluded)."""
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h


@dataclass(frozen=True, slots=True)
class EnemySpawn:
    """An ``Enemy`` object: who, where, and in which wave it appears (0 = from the start)."""

    obj_id: int
    kind: str
    x: int
    y: int
    wave: int = 0
    facing: str = "left"
    hp: int = 0
    name: str = ""
    boss: bool = field(default=False, repr=False)  # the level's boss (bar, record) even if his kind isn't


@dataclass(frozen=True, slots=True)
class WaveZone:
    """A ``Wave`` rectangle: entering it spawns the enemies of wave ``number``."""

    obj_id: int
    number: int
    rect: Rect
    lock: bool = True
    name: str = ""
    #: walk the wave in so about this many are on screen (0: all at once); out of the repr so levels
    #: without it keep their content hashes (content_hash adds it when set)
    keep: int = field(default=0, repr=False)


@dataclass(frozen=True, slots=True)
class PickupSpawn:
    """A ``Pickup`` object (``amount`` 0 means the kind's own amount)."""

    obj_id: int
    kind: str
    x: int
    y: int
    amount: int = 0
    name: str = ""


@dataclass(frozen=True, slots=True)
class BreakableSpawn:
    """A ``Breakable`` object (crate, barrel, bin, locker, car): takes hits, then drops ``drops``."""

    obj_id: int
    kind: str
    x: int
    y: int
    drops: str = "none"          # a pickup or weapon kind, "none" or "random"
    hp: int = 0                  # 0 = the kind's own
    name: str = ""


@dataclass(frozen=True, slots=True)
class PropSpawn:
    """A ``Prop`` object (gurney, wheelchair): rolls when hit and knocks down whoever it meets."""

    obj_id: int
    kind: str
    x: int
    y: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class HazardSpawn:
    """A ``FallingHazard`` object (icicle, masonry): falls on its spot every ``period`` ticks, its shadow
    showing ``warning`` ticks first (0 = the kind's own numbers)."""

    obj_id: int
    kind: str
    x: int
    y: int
    period: int = 0
    warning: int = 0
    damage: int = 0
    name: str = ""


@dataclass(frozen=True, slots=True)
class DoorSpawn:
    """A ``Door`` object: when wave ``wave`` starts, its enemies come out of this door."""

    obj_id: int
    x: int
    y: int
    wave: int = 1
    name: str = ""


@dataclass(slots=True)
class LevelDesc:
    """Everything the rules need to know about a level, and nothing about drawing."""

    name: str
    title: str
    solid: np.ndarray            # bool [rows, cols]; True blocks movement
    player_start: tuple[int, int]
    tile_size: int = 16
    mode: str = "brawl"
    music: str = ""
    time_limit: int = 0          # seconds, 0 = none
    next: str = ""
    enemies: list[EnemySpawn] = field(default_factory=list)
    waves: list[WaveZone] = field(default_factory=list)
    pickups: list[PickupSpawn] = field(default_factory=list)
    exits: list[Rect] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    path: str = ""               # source file, "" when built in code
    file_hash: str = ""          # sha256 of the source file(s), for replays
    player2_start: tuple[int, int] | None = None   # beside player_start; None = rules pick a spot
    camera_bounds: Rect | None = None              # map pixels the camera may show; None = whole map
    warnings: list[str] = field(default_factory=list)  # non-fatal level problems, for display
    chase: Any = None            # mode chase: a game.sim.chase.desc.ChaseDesc (road, phases, traffic...)
    # Campaign rules (issue 11): breakables, rolling props, falling hazards, doors.
    breakables: list[BreakableSpawn] = field(default_factory=list)
    props: list[PropSpawn] = field(default_factory=list)
    hazards: list[HazardSpawn] = field(default_factory=list)
    doors: list[DoorSpawn] = field(default_factory=list)

    @property
    def cols(self) -> int:
        """Width in tiles."""
        return int(self.solid.shape[1])

    @property
    def rows(self) -> int:
        """Height in tiles."""
        return int(self.solid.shape[0])

    @property
    def pixel_width(self) -> int:
        """Width in pixels."""
        return self.cols * self.tile_size

    @property
    def pixel_height(self) -> int:
        """Height in pixels."""
        return self.rows * self.tile_size

    def is_solid_px(self, x: int, y: int) -> bool:
        """True when the pixel lies in a solid tile or outside the map."""
        if x < 0 or y < 0:
            return True
        col, row = x // self.tile_size, y // self.tile_size
        if row >= self.rows or col >= self.cols:
            return True
        return bool(self.solid[row, col])

    def content_hash(self) -> str:
        """A stable hash of what the rules see, for comparing loads of the same level."""
        h = hashlib.sha256()
        h.update(repr((self.title, self.mode, self.music, self.time_limit, self.next,
                       self.tile_size, self.player_start)).encode())
        h.update(np.ascontiguousarray(self.solid, dtype=np.uint8).tobytes())
        h.update(repr(self.solid.shape).encode())
        for group in (self.enemies, self.waves, self.pickups, self.exits):
            h.update(repr(sorted(map(repr, group))).encode())
        if self.chase is not None:
            h.update(repr(self.chase).encode())
        for group in (self.breakables, self.props, self.hazards, self.doors):
            if group:       # hashed only when present, so levels without them keep their hashes
                h.update(repr(sorted(map(repr, group))).encode())
        kept = sorted((z.obj_id, z.keep) for z in self.waves if z.keep)
        if kept:
            h.update(repr(("keep", kept)).encode())
        bosses = sorted(s.obj_id for s in self.enemies if s.boss)
        if bosses:
            h.update(repr(("boss", bosses)).encode())
        return h.hexdigest()[:16]
