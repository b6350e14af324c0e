"""Replays: the input frames of a session, run-length encoded, with periodic state-hash checkpoints.

A replay file is JSON (small, diffable, versioned); a bonus game's replay has ``"level": "bonus:coal"``
(bill, doors) and the tuning file's hash as ``level_hash`` (see ``game/sim/bonus/runner.py``)::

    {"format": "redheat-replay", "version": 1, "game_version": "0.1.0",
     "level": "bathhouse", "level_hash": "...", "seed": 7, "difficulty": "normal",
     "players": 1, "ticks": 1234, "final_hash": "...",
     "frames": [[run_length, p1_bits, p2_bits?], ...],
     "checkpoints": [[tick, state_hash], ...]}

``checkpoints`` hold the world's hash after every 60th tick. While recording, the
world is fed the *decoded* frame (as Doom's demo code does) so recording and
replaying cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game import __version__
from game.atomic import atomic_write_text
from game.sim.actions import ALL_ACTIONS
from game.sim.level import LevelDesc
from game.sim.world import World

FORMAT = "redheat-replay"
VERSION = 1
CHECKPOINT_EVERY = 60


class ReplayError(Exception):
    """A replay file that cannot be read, or that does not match its level."""


@dataclass(slots=True)
class Replay:
    """A recorded session."""

    level: str
    level_hash: str
    seed: int
    difficulty: str
    players: int
    game_version: str = __version__
    frames: list[list[int]] = field(default_factory=list)   # [run, p1, (p2)]
    checkpoints: list[tuple[int, str]] = field(default_factory=list)
    ticks: int = 0
    final_hash: str = ""

    # -- encoding ---------------------------------------------------------------
    def append(self, frame: tuple[int, ...]) -> tuple[int, ...]:
        """Encode one tick's inputs; return the decoded frame the world must be fed."""
        bits = [int(b) & ALL_ACTIONS for b in frame[: self.players]]
        bits += [0] * (self.players - len(bits))
        if self.frames and self.frames[-1][1:] == bits:
            self.frames[-1][0] += 1
        else:
            self.frames.append([1, *bits])
        self.ticks += 1
        return tuple(self.frames[-1][1:])

    def inputs(self) -> Iterator[tuple[int, ...]]:
        """Decode the frames, one tuple per tick."""
        for run, *bits in self.frames:
            frame = tuple(bits)
            for _ in range(run):
                yield frame

    # -- files ------------------------------------------------------------------
    def to_json(self) -> str:
        """Serialize to the file format."""
        return json.dumps({
            "format": FORMAT, "version": VERSION, "game_version": self.game_version,
            "level": self.level, "level_hash": self.level_hash, "seed": self.seed,
            "difficulty": self.difficulty, "players": self.players, "ticks": self.ticks,
            "final_hash": self.final_hash, "frames": self.frames,
            "checkpoints": [list(c) for c in self.checkpoints],
        }, separators=(",", ":"))

    def save(self, path: str | Path) -> None:
        """Write atomically (temporary file, then rename)."""
        atomic_write_text(path, self.to_json())

    @classmethod
    def from_json(cls, text: str, source: str = "replay") -> Replay:
        """Parse and validate a replay; raises :class:`ReplayError` with a one-line reason."""
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise ReplayError(f"{source}: not a replay file (bad JSON at line {e.lineno})") from None
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ReplayError(f"{source}: not a Red Heat replay")
        if d.get("version") != VERSION:
            raise ReplayError(f"{source}: replay version {d.get('version')!r} is not supported "
                              f"(this game reads version {VERSION})")
        try:
            players = int(d["players"])
            if players not in (1, 2):
                raise ValueError("players")
            frames = [[int(x) for x in f] for f in d["frames"]]
            for f in frames:
                if len(f) != players + 1 or f[0] < 1 or any(b < 0 or b > ALL_ACTIONS for b in f[1:]):
                    raise ValueError("frame")
            rep = cls(level=str(d["level"]), level_hash=str(d["level_hash"]), seed=int(d["seed"]),
                      difficulty=str(d["difficulty"]), players=players,
                      game_version=str(d.get("game_version", "")), frames=frames,
                      checkpoints=[(int(t), str(h)) for t, h in d["checkpoints"]],
                      ticks=int(d["ticks"]), final_hash=str(d.get("final_hash", "")))
        except (KeyError, TypeError, ValueError):
            raise ReplayError(f"{source}: damaged replay (missing or malformed fields)") from None
        if sum(f[0] for f in rep.frames) != rep.ticks:
            raise ReplayError(f"{source}: damaged replay (frame count does not match ticks)")
        _check_bonus_game(rep, source)
        return rep

    @classmethod
    def load(cls, path: str | Path) -> Replay:
        """Read a replay file."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ReplayError(f"{path}: cannot read replay ({e.__class__.__name__})") from None
        return cls.from_json(text, str(path))


def _check_bonus_game(rep: Replay, source: str) -> None:
    """A bonus game's replay names its game in ``level`` (``bonus:coal``): it must be a known one."""
    if rep.level.startswith("bonus:"):
        from game.sim.bonus import GAMES

        if rep.level[len("bonus:"):] not in GAMES:
            raise ReplayError(f"{source}: replay of an unknown bonus game {rep.level!r} "
                              f"(known: {', '.join('bonus:' + g for g in GAMES)})")


class Recorder:
    """Wraps a world: encodes each tick's inputs, feeds the decoded copy, keeps checkpoints."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.replay = Replay(level=world.level.name, level_hash=world.level.file_hash
                             or world.level.content_hash(), seed=world.seed,
                             difficulty=world.difficulty, players=world.players)

    def step(self, frame: tuple[int, ...]) -> list:
        """Record and run one tick."""
        if self.world.result is not None:
            return []
        decoded = self.replay.append(frame)
        events = self.world.step(decoded)
        if self.world.tick % CHECKPOINT_EVERY == 0:
            self.replay.checkpoints.append((self.world.tick, self.world.state_hash()))
        return events

    def finish(self) -> Replay:
        """The recording so far, stamped with the world's current hash (call before saving)."""
        self.replay.final_hash = self.world.state_hash()
        return self.replay


@dataclass(slots=True)
class Verdict:
    """The outcome of replaying: the world, and the first checkpoint that disagreed (if any)."""

    world: World
    first_bad_tick: int | None
    expected: str = ""
    actual: str = ""

    @property
    def ok(self) -> bool:
        """True when every checkpoint and the final hash matched."""
        return self.first_bad_tick is None


def play_back(replay: Replay, level: LevelDesc) -> Verdict:
    """Run a replay's inputs on a level and compare every checkpoint."""
    world = World(level, seed=replay.seed, difficulty=replay.difficulty, players=replay.players)
    expected = dict(replay.checkpoints)
    bad: Verdict | None = None
    for frame in replay.inputs():
        world.step(frame)
        want = expected.get(world.tick)
        if want is not None and bad is None:
            got = world.state_hash()
            if got != want:
                bad = Verdict(world, world.tick, want, got)
    if bad is None and replay.final_hash and world.state_hash() != replay.final_hash:
        bad = Verdict(world, world.tick, replay.final_hash, world.state_hash())
    if bad is not None:
        bad.world = world
        return bad
    return Verdict(world, None)
