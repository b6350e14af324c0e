"""What the three bonus games share: tuning data, the per-tick shape, events, the payout and turns.

A bonus game is one player's attempt: it owns a seeded random generator, advances one 60 Hz tick per
:meth:`BonusGame.step` with that player's action bits (the brawl's bits, ``game.sim.actions``), emits
plain events, and ends with a result: ``perfect``, ``passed`` or ``failed``. A :class:`BonusSession`
runs the attempts of one or two players **in turns** (player 1 plays the whole game, then player 2
plays the same game with a fresh layout) and pays each player out on a scale (:func:`payout`).
A bonus game never costs a life.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from game.paths import assets_dir
from game.sim.actions import Action
from game.sim.events import Event
from game.sim.moves import DataError, read_json

RESULTS = ("perfect", "passed", "failed")
PUNCH, KICK, JUMP, SPECIAL = int(Action.PUNCH), int(Action.KICK), int(Action.JUMP), int(Action.SPECIAL)
LEFT, RIGHT, UP, DOWN = int(Action.LEFT), int(Action.RIGHT), int(Action.UP), int(Action.DOWN)
SCREEN_W, SCREEN_H = 320, 180

# Event kinds of the bonus games (their own list: the brawl's EVENT_KINDS stay as they are).
READY = "bonus_ready"          # the READY count is over: play starts
HURRY = "bonus_hurry"          # one of the last five seconds (value = seconds left)
STRIKE = "bonus_strike"        # coal: value = meter (0..1000), strength = 0 weak, 1 good, 2 perfect
CRACK = "bonus_crack"          # coal: it cracked (value = crack level so far)
SMASH = "bonus_smash"          # coal: it broke in pieces
PICK = "bonus_pick"            # bill: a piece taken (value = piece)
DROP = "bonus_drop"            # bill: a piece put down loose
TURN = "bonus_turn"            # bill: the held piece turned (value = quarter turns now)
SNAP = "bonus_snap"            # bill: a piece snapped into place (value = piece)
DOOR_OPEN = "bonus_door_open"  # doors: value = door, tag = who stands in it
DOOR_SHUT = "bonus_door_shut"  # doors: value = door
FIRE = "bonus_fire"            # doors: the player fired (x, y = crosshair)
DOWNED = "bonus_downed"        # doors: a gunman shot (value = door, strength 1 = quick draw)
FOUL = "bonus_foul"            # doors: an innocent shot (value = door, tag = civilian or ridzik)
MISS = "bonus_miss"            # doors: the shot hit nobody
SHOT_AT = "bonus_shot_at"      # doors: a gunman fired at the player (value = door)
RESULT = "bonus_result"        # the attempt ended: tag = result, value = points

BONUS_EVENT_KINDS: tuple[str, ...] = (READY, HURRY, STRIKE, CRACK, SMASH, PICK, DROP, TURN, SNAP,
                                      DOOR_OPEN, DOOR_SHUT, FIRE, DOWNED, FOUL, MISS, SHOT_AT, RESULT)


def tuning_path() -> Any:
    """``assets/data/bonus.json``."""
    return assets_dir() / "data" / "bonus.json"


#: Required numbers per section (lists are checked for length where it matters).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "payout": ("health_max", "bullets_max", "perfect_points", "life_cap"),
    "coal": ("ready", "time", "periods", "recover", "between", "perfect", "good", "points", "smash_points",
             "cracks", "break_at", "pass_coals", "perfect_coals"),
    "bill": ("ready", "time", "cursor_speed", "snap", "perfect_left", "piece_points", "second_points"),
    "doors": ("ready", "openings", "first", "spacing", "jitter", "open_first", "open_last", "gunmen",
              "crosshair_speed", "cooldown", "quick", "gunman_points", "quick_points", "innocent_penalty",
              "pass_pct"),
}


@cache
def tuning() -> dict[str, dict[str, Any]]:
    """The validated tuning of every bonus game (one-line :class:`DataError` on a bad file)."""
    path = tuning_path()
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: top level must be an object")
    out: dict[str, dict[str, Any]] = {}
    for section, keys in _REQUIRED.items():
        sec = raw.get(section)
        if not isinstance(sec, dict):
            raise DataError(f"{path}: section '{section}' is missing")
        for key in keys:
            value = sec.get(key)
            ok = (isinstance(value, int) and not isinstance(value, bool) and value >= 0) or (
                isinstance(value, list) and value and all(isinstance(v, int) and v >= 0 for v in value))
            if not ok:
                raise DataError(f"{path}: {section}.{key} must be a whole number >= 0 or a list of them")
        out[section] = dict(sec)
    coal = out["coal"]
    if len(coal["points"]) != 3 or len(coal["cracks"]) != 3 or min(coal["periods"]) < 8:
        raise DataError(f"{path}: coal.periods are swings of at least 8 ticks (one per coal, the last "
                        "repeats); points and cracks three grades")
    if not 1 <= coal["pass_coals"] < coal["perfect_coals"]:
        raise DataError(f"{path}: coal needs 1 <= pass_coals < perfect_coals")
    if not coal["good"] < coal["perfect"] <= 1000:
        raise DataError(f"{path}: coal needs good < perfect <= 1000")
    if len(out["doors"]["gunmen"]) != 2 or out["doors"]["gunmen"][1] >= out["doors"]["openings"]:
        raise DataError(f"{path}: doors.gunmen is [fewest, most], fewer than the openings")
    return out


def tuning_hash() -> str:
    """A short hash of the tuning file (a replay of a bonus game names the tuning it was made with)."""
    return hashlib.sha256(tuning_path().read_bytes()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Reward:
    """What an attempt pays: points, health (hp), bullets, lives."""

    points: int = 0
    health: int = 0
    bullets: int = 0
    lives: int = 0

    def as_dict(self) -> dict[str, int]:
        """For JSON."""
        return {"points": self.points, "health": self.health, "bullets": self.bullets, "lives": self.lives}

    def __add__(self, other: Reward) -> Reward:
        return Reward(self.points + other.points, self.health + other.health,
                      self.bullets + other.bullets, self.lives + other.lives)


def payout(result: str, quality_pct: int, points: int, lives_now: int) -> Reward:
    """Pay an attempt on a scale.

    A failed run pays only the points it scored. A passed one also tops up health and bullets in
    proportion to ``quality_pct`` (at least one bullet). A perfect one fills both and adds a life, or
    ``perfect_points`` when the player already has ``life_cap`` lives.
    """
    p = tuning()["payout"]
    if result == "failed":
        return Reward(points=points)
    q = max(0, min(100, quality_pct))
    if result == "perfect":
        if lives_now < p["life_cap"]:
            return Reward(points, p["health_max"], p["bullets_max"], 1)
        return Reward(points + p["perfect_points"], p["health_max"], p["bullets_max"], 0)
    health = p["health_max"] * q // 100
    bullets = max(1, (p["bullets_max"] * q + 99) // 100)
    return Reward(points, health, bullets, 0)


def rng_for(seed: int, *stream: int) -> np.random.Generator:
    """A generator for one stream of a seed (game layout per player, bot skill...)."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, *stream])))


class BonusGame:
    """One player's attempt at a bonus game; subclasses implement :meth:`play` and :meth:`key`."""

    name = ""
    title = ""

    def __init__(self, seed: int, index: int = 0) -> None:
        self.seed = seed
        self.index = index
        self.rng = rng_for(seed, index)
        self.t = tuning()[self.name]
        self.tick = 0
        self.result: str | None = None
        self.score = 0
        self.prev = 0
        self.events: list[Event] = []

    # -- the tick -----------------------------------------------------------------------
    @property
    def ready_ticks(self) -> int:
        """Ticks of READY before play (inputs are ignored)."""
        return int(self.t["ready"])

    @property
    def play_tick(self) -> int:
        """Ticks since play started (negative during READY)."""
        return self.tick - self.ready_ticks

    @property
    def time_limit(self) -> int:
        """Ticks of play."""
        return int(self.t["time"])

    @property
    def time_left(self) -> int:
        """Ticks of play left."""
        return max(0, self.time_limit - max(0, self.play_tick))

    def step(self, bits: int) -> list[Event]:
        """Advance one tick with this player's action bits; returns this tick's events."""
        self.events = []
        if self.result is None:
            bits = int(bits)
            if self.play_tick == 0:
                self.emit(READY)
            if self.play_tick >= 0:
                pressed = bits & ~self.prev
                self.play(bits, pressed)
                left = self.time_left
                if self.result is None and left % 60 == 0 and 0 < left <= 300:
                    self.emit(HURRY, value=left // 60)
                if self.result is None and left <= 0:
                    self.finish(self.outcome())
            self.prev = bits
        self.tick += 1
        return self.events

    def emit(self, kind: str, **data: int | str) -> None:
        """Record an event for presentation."""
        self.events.append(Event(kind, self.tick, **data))  # type: ignore[arg-type]

    def finish(self, result: str) -> None:
        """End the attempt."""
        self.result = result
        self.emit(RESULT, tag=result, value=self.score)

    # -- what each game defines ---------------------------------------------------------
    def play(self, bits: int, pressed: int) -> None:
        """One tick of play."""
        raise NotImplementedError

    def outcome(self) -> str:
        """The result when time runs out."""
        raise NotImplementedError

    def quality(self) -> int:
        """How well it went, 0..100 (scales the payout of a passed run)."""
        raise NotImplementedError

    def key(self) -> tuple:
        """Everything that affects the future, as ints and strings, for the state hash."""
        raise NotImplementedError

    def reward(self, lives_now: int = 3) -> Reward:
        """The payout of the finished attempt (an unfinished one pays nothing)."""
        if self.result is None:
            return Reward()
        return payout(self.result, self.quality(), self.score, lives_now)


class BonusSession:
    """One bonus game for one or two players, taking turns; the thing scenes, replays and the CLI run."""

    def __init__(self, game: str, seed: int = 0, players: int = 1, lives: tuple[int, ...] = (3, 3)) -> None:
        from game.sim.bonus import GAMES

        if game not in GAMES:
            raise ValueError(f"unknown bonus game {game!r} (known: {', '.join(GAMES)})")
        if players not in (1, 2):
            raise ValueError("players must be 1 or 2")
        self.game = game
        self.seed = seed
        self.players = players
        self.lives = tuple(lives) + (3,) * (2 - len(lives))
        self.games: list[BonusGame] = [GAMES[game](seed, i) for i in range(players)]
        self.turn = 0
        self.tick = 0
        self.difficulty = "normal"   # replays carry one; bonus games do not scale with it

    @property
    def name(self) -> str:
        """``bonus:coal`` and so on: the LEVEL argument of ``sim`` and the replay's level."""
        return f"bonus:{self.game}"

    @property
    def current(self) -> BonusGame:
        """The attempt being played (the last one once all are over)."""
        return self.games[min(self.turn, len(self.games) - 1)]

    @property
    def result(self) -> str | None:
        """None while someone still has to play; else the team result (the worst of the players)."""
        if self.turn < len(self.games):
            return None
        results = [g.result or "failed" for g in self.games]
        return max(results, key=RESULTS.index)

    def step(self, inputs: list[int] | tuple[int, ...]) -> list[Event]:
        """One tick: the player whose turn it is plays."""
        events: list[Event] = []
        if self.turn < len(self.games):
            g = self.games[self.turn]
            events = g.step(inputs[self.turn] if self.turn < len(inputs) else 0)
            if g.result is not None:
                self.turn += 1
        self.tick += 1
        return events

    def rewards(self) -> list[Reward]:
        """Each player's payout."""
        return [g.reward(self.lives[i]) for i, g in enumerate(self.games)]

    def state_hash(self) -> str:
        """A stable digest of the whole session."""
        h = hashlib.blake2b(digest_size=8)
        h.update(repr((self.game, self.seed, self.players, self.turn, self.tick)).encode())
        for g in self.games:
            h.update(repr((g.tick, g.result, g.score, g.prev, g.key())).encode())
            h.update(repr(g.rng.bit_generator.state).encode())
        return h.hexdigest()

    def summary(self) -> dict[str, Any]:
        """The record ``sim bonus:NAME`` prints."""
        rewards = self.rewards()
        total = Reward()
        for r in rewards:
            total = total + r
        out: dict[str, Any] = {
            "level": self.name,
            "result": self.result or "failed",
            "score": sum(g.score for g in self.games),
            "reward": total.as_dict(),
            "ticks": self.tick,
            "state_hash": self.state_hash(),
        }
        if self.players > 1:
            out["results"] = [g.result or "failed" for g in self.games]
            out["rewards"] = [r.as_dict() for r in rewards]
        return out
