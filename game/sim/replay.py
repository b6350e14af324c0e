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
from game.limits import MAX_REPLAY_FILE_BYTES, MAX_REPLAY_TICKS, LimitError, read_text
from game.sim.actions import ALL_ACTIONS
from game.sim.level import LevelDesc
from game.sim.world import DIFFICULTIES, World

FORMAT = "redheat-replay"
VERSION = 1
CHECKPOINT_EVERY = 60
SEED_MAX = 2**63 - 1   # numpy's PCG64 takes any non-negative int; a replay's is kept to 64 bits


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
        """Parse and validate a replay; raises :class:`ReplayError` with a one-line reason.

        Every header field is checked like a level's properties, and the line names the first
        field that is wrong.
        """
        try:
            d = json.loads(text)
        except json.JSONDecodeError as e:
            raise ReplayError(f"{source}: not a replay file (bad JSON at line {e.lineno})") from None
        except RecursionError:
            raise ReplayError(f"{source}: not a replay file (nested too deeply)") from None
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise ReplayError(f"{source}: not a Red Heat replay")
        if d.get("version") != VERSION:
            raise ReplayError(f"{source}: replay version {d.get('version')!r} is not supported "
                              f"(this game reads version {VERSION})")
        try:
            rep = _fields(cls, d)
        except _Bad as e:
            raise ReplayError(f"{source}: damaged replay: {e}") from None
        _check_bonus_game(rep, source)
        return rep

    @classmethod
    def load(cls, path: str | Path) -> Replay:
        """Read a replay file (a regular file, no bigger than ``MAX_REPLAY_FILE_BYTES``)."""
        try:
            text = read_text(path, MAX_REPLAY_FILE_BYTES, "replay")
        except LimitError as e:
            raise ReplayError(str(e)) from None
        except (OSError, UnicodeDecodeError) as e:
            reason = getattr(e, "strerror", None) or e.__class__.__name__
            raise ReplayError(f"{path}: cannot read replay ({reason})") from None
        return cls.from_json(text, str(path))


def _check_bonus_game(rep: Replay, source: str) -> None:
    """A bonus game's replay names its game in ``level`` (``bonus:coal``): it must be a known one."""
    if rep.level.startswith("bonus:"):
        from game.sim.bonus import GAMES

        if rep.level[len("bonus:"):] not in GAMES:
            raise ReplayError(f"{source}: replay of an unknown bonus game {rep.level!r} "
                              f"(known: {', '.join('bonus:' + g for g in GAMES)})")


class _Bad(Exception):
    """One wrong field of a replay file."""


def _int(d: dict, key: str, lo: int, hi: int) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        shown = repr(v) if len(repr(v)) < 40 else repr(v)[:37] + "..."
        want = f"{lo} or more" if hi >= SEED_MAX else f"{lo}-{hi}"
        raise _Bad(f"'{key}' is {shown}, expected a whole number {want}" if key in d
                   else f"'{key}' is missing")
    return v


def _str(d: dict, key: str, required: bool = True) -> str:
    v = d.get(key, None if required else "")
    if not isinstance(v, str) or len(v) > 200:
        raise _Bad(f"'{key}' is missing" if key not in d else f"'{key}' should be text")
    return v


def _fields(cls: type[Replay], d: dict) -> Replay:
    level = _str(d, "level")
    if not level:
        raise _Bad("'level' is empty")
    level_hash = _str(d, "level_hash")
    seed = _int(d, "seed", 0, SEED_MAX)
    difficulty = _str(d, "difficulty")
    if difficulty not in DIFFICULTIES:
        raise _Bad(f"'difficulty' is {difficulty!r}, expected one of {', '.join(DIFFICULTIES)}")
    players = _int(d, "players", 1, 2)
    ticks = _int(d, "ticks", 0, MAX_REPLAY_TICKS)
    game_version = _str(d, "game_version", required=False)
    final_hash = _str(d, "final_hash", required=False)
    raw_frames = d.get("frames")
    if not isinstance(raw_frames, list):
        raise _Bad("'frames' is missing" if "frames" not in d else "'frames' should be a list")
    frames: list[list[int]] = []
    total = 0
    for i, f in enumerate(raw_frames):
        if (not isinstance(f, list) or len(f) != players + 1
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in f)
                or f[0] < 1 or any(b < 0 or b > ALL_ACTIONS for b in f[1:])):
            raise _Bad(f"frame {i} is {str(f)[:40]}, expected [run >= 1, "
                       f"{players} input value(s) 0-{ALL_ACTIONS}]")
        total += f[0]
        if total > ticks:
            raise _Bad(f"frames hold more ticks than 'ticks' ({ticks})")
        frames.append(list(f))
    if total != ticks:
        raise _Bad(f"frames hold {total} ticks but 'ticks' is {ticks}")
    raw_checks = d.get("checkpoints")
    if not isinstance(raw_checks, list):
        raise _Bad("'checkpoints' is missing" if "checkpoints" not in d else "'checkpoints' should be a list")
    checkpoints: list[tuple[int, str]] = []
    for i, c in enumerate(raw_checks):
        if (not isinstance(c, list) or len(c) != 2 or not isinstance(c[0], int) or isinstance(c[0], bool)
                or not 0 <= c[0] <= ticks or not isinstance(c[1], str)):
            raise _Bad(f"checkpoint {i} is {str(c)[:40]}, expected [tick 0-{ticks}, hash]")
        checkpoints.append((c[0], c[1]))
    return cls(level=level, level_hash=level_hash, seed=seed, difficulty=difficulty, players=players,
               game_version=game_version, frames=frames, checkpoints=checkpoints, ticks=ticks,
               final_hash=final_hash)


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


def play_back(replay: Replay, level: LevelDesc, max_ticks: int | None = None) -> Verdict:
    """Run a replay's inputs on a level and compare every checkpoint (stopping at ``max_ticks``)."""
    world = World(level, seed=replay.seed, difficulty=replay.difficulty, players=replay.players)
    expected = dict(replay.checkpoints)
    bad: Verdict | None = None
    for frame in replay.inputs():
        if max_ticks is not None and world.tick >= max_ticks:
            return bad or Verdict(world, None)
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
