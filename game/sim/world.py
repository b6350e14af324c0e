"""The world: all state of a running level, advanced one 60 Hz tick at a time by :meth:`World.step`."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass, field

import numpy as np

from game.sim import events as ev
from game.sim.actions import Action
from game.sim.events import Event
from game.sim.fixed import FP, TICKS_PER_SECOND
from game.sim.level import LevelDesc

DIFFICULTIES = ("easy", "normal", "hard")
RESULTS = ("cleared", "died", "timeout")


@dataclass(slots=True)
class Entity:
    """A character, pickup or projectile. Positions and speeds are in 1/256 px."""

    eid: int
    kind: str                 # "player", "enemy", "pickup", "projectile"
    x: int
    y: int
    z: int = 0
    vx: int = 0
    vy: int = 0
    vz: int = 0
    facing: int = 1           # +1 right, -1 left
    hp: int = 0
    max_hp: int = 0
    state: str = "idle"
    state_tick: int = 0
    alive: bool = True


@dataclass(slots=True)
class PlayerSlot:
    """Per-player bookkeeping that outlives the character entity."""

    index: int
    name: str
    eid: int
    lives: int = 3
    score: int = 0
    prev_input: int = 0


@dataclass(slots=True)
class World:
    """A running level. Same level + seed + inputs gives the same :meth:`state_hash` everywhere."""

    level: LevelDesc
    seed: int = 0
    difficulty: str = "normal"
    players: int = 1
    tick: int = 0
    result: str | None = None
    rng: np.random.Generator = field(init=False)
    entities: list[Entity] = field(default_factory=list)
    slots: list[PlayerSlot] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    enemies_defeated: int = 0
    _next_id: int = 1

    def __post_init__(self) -> None:
        if self.difficulty not in DIFFICULTIES:
            raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        if self.players not in (1, 2):
            raise ValueError("players must be 1 or 2")
        self.rng = np.random.Generator(np.random.PCG64(self.seed))
        sx, sy = self.level.player_start
        for i, name in enumerate(("danko", "ridzik")[: self.players]):
            e = self.spawn("player", sx + 24 * i, sy + 8 * i, hp=100)
            self.slots.append(PlayerSlot(index=i, name=name, eid=e.eid))

    # -- entity bookkeeping ---------------------------------------------------------
    def spawn(self, kind: str, x_px: int, y_px: int, hp: int = 0) -> Entity:
        """Create an entity at a pixel position."""
        e = Entity(eid=self._next_id, kind=kind, x=x_px * FP, y=y_px * FP, hp=hp, max_hp=hp)
        self._next_id += 1
        self.entities.append(e)
        return e

    def emit(self, kind: str, **data: int | str) -> None:
        """Record an event for presentation."""
        self.events.append(Event(kind, self.tick, **data))  # type: ignore[arg-type]

    # -- the tick -----------------------------------------------------------------
    def step(self, inputs: list[int] | tuple[int, ...]) -> list[Event]:
        """Advance one tick with one input bitmask per player; returns this tick's events."""
        self.events = []
        if self.result is None:
            for slot in self.slots:
                bits = inputs[slot.index] if slot.index < len(inputs) else 0
                self._move_player(slot, bits)
                slot.prev_input = bits
            self._check_exit()
            self._check_time()
        self.tick += 1
        return self.events

    def _move_player(self, slot: PlayerSlot, bits: int) -> None:
        e = self.entities[slot.eid - 1]
        speed = 2 * FP
        dx = (bool(bits & Action.RIGHT) - bool(bits & Action.LEFT)) * speed
        dy = (bool(bits & Action.DOWN) - bool(bits & Action.UP)) * speed // 2
        if dx:
            e.facing = 1 if dx > 0 else -1
        if dx and not self.level.is_solid_px((e.x + dx) // FP, e.y // FP):
            e.x += dx
        if dy and not self.level.is_solid_px(e.x // FP, (e.y + dy) // FP):
            e.y += dy

    def _check_exit(self) -> None:
        for slot in self.slots:
            e = self.entities[slot.eid - 1]
            if any(r.contains(e.x // FP, e.y // FP) for r in self.level.exits):
                self.result = "cleared"
                self.emit(ev.LEVEL_CLEAR)
                return

    def _check_time(self) -> None:
        limit = self.level.time_limit * TICKS_PER_SECOND
        if limit and self.tick + 1 >= limit:
            self.result = "timeout"
            self.emit(ev.TIMEOUT)

    # -- summaries ----------------------------------------------------------------
    @property
    def score(self) -> int:
        """Total score of all players."""
        return sum(s.score for s in self.slots)

    def state_hash(self) -> str:
        """A stable hex digest of everything that affects the future of the world."""
        h = hashlib.blake2b(digest_size=8)
        h.update(struct.pack("<q", self.tick))
        h.update(repr(self.result).encode())
        h.update(repr(self.rng.bit_generator.state).encode())
        for e in self.entities:
            h.update(repr((e.eid, e.kind, e.x, e.y, e.z, e.vx, e.vy, e.vz, e.facing, e.hp,
                           e.state, e.state_tick, e.alive)).encode())
        for s in self.slots:
            h.update(repr((s.index, s.lives, s.score, s.prev_input)).encode())
        return h.hexdigest()

    def summary(self) -> dict[str, object]:
        """The result record printed by ``main.py sim``."""
        hp = [self.entities[s.eid - 1].hp for s in self.slots]
        return {
            "level": self.level.name,
            "result": self.result or "timeout",
            "ticks": self.tick,
            "score": self.score,
            "player_hp": hp[0],
            "players_hp": hp,
            "enemies_defeated": self.enemies_defeated,
            "state_hash": self.state_hash(),
        }
