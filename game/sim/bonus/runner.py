"""Running a bonus game headless (bot or nobody), recording it, replaying it, and the balance report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game import __version__
from game.sim.bonus.base import BonusSession, tuning_hash
from game.sim.replay import CHECKPOINT_EVERY, Replay

#: A bonus game ends by itself well inside this (they last 20-30 s); a guard, not a rule.
MAX_TICKS = 5 * 60 * 60


def idle(session: BonusSession) -> tuple[int, ...]:
    """Nobody touches the controls."""
    return (0,) * session.players


def source_for(session: BonusSession, bot: bool) -> Callable[[BonusSession], tuple[int, ...]]:
    """The bot for every player, or nobody."""
    if not bot:
        return idle
    from game.sim.bonus.bots import SessionBot

    return SessionBot(session)


def run(game: str, seed: int = 0, players: int = 1, bot: bool = False, lives: tuple[int, ...] = (3, 3),
        max_ticks: int = MAX_TICKS) -> BonusSession:
    """Play a bonus game to its end."""
    s = BonusSession(game, seed=seed, players=players, lives=lives)
    source = source_for(s, bot)
    while s.result is None and s.tick < max_ticks:
        s.step(source(s))
    return s


def record(game: str, seed: int = 0, players: int = 1, bot: bool = False,
           max_ticks: int = MAX_TICKS) -> tuple[BonusSession, Replay]:
    """Play and record: the session is fed the decoded frames, as the brawl's recorder does."""
    s = BonusSession(game, seed=seed, players=players)
    rep = Replay(level=s.name, level_hash=tuning_hash(), seed=seed, difficulty=s.difficulty,
                 players=players, game_version=__version__)
    source = source_for(s, bot)
    while s.result is None and s.tick < max_ticks:
        s.step(rep.append(source(s)))
        if s.tick % CHECKPOINT_EVERY == 0:
            rep.checkpoints.append((s.tick, s.state_hash()))
    rep.final_hash = s.state_hash()
    return s, rep


def play_back(rep: Replay, game: str) -> tuple[BonusSession, int | None, str, str]:
    """Replay the frames; returns the session and the first bad tick (None when all matched)."""
    s = BonusSession(game, seed=rep.seed, players=rep.players)
    expected = dict(rep.checkpoints)
    for frame in rep.inputs():
        s.step(frame)
        want = expected.get(s.tick)
        if want is not None and s.state_hash() != want:
            return s, s.tick, want, s.state_hash()
    if rep.final_hash and s.state_hash() != rep.final_hash:
        return s, s.tick, rep.final_hash, s.state_hash()
    return s, None, "", ""


def report(game: str, seeds: list[int], players: int = 1) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The bot over many seeds: per-seed lines and a summary (pass and perfect counts)."""
    rows = []
    for seed in seeds:
        s = run(game, seed=seed, players=players, bot=True)
        rows.append({"seed": seed, "players": players, **s.summary()})
    results: dict[str, int] = {}
    for r in rows:
        results[r["result"]] = results.get(r["result"], 0) + 1
    passed = sum(r["result"] in ("passed", "perfect") for r in rows)
    scores = sorted(r["score"] for r in rows)
    ticks = sorted(r["ticks"] for r in rows)
    summary = {
        "level": f"bonus:{game}",
        "players": players,
        "runs": len(rows),
        "passed": passed,
        "perfect": results.get("perfect", 0),
        "failed": results.get("failed", 0),
        "pass_rate": round(passed / len(rows), 3) if rows else 0.0,
        "median_score": scores[(len(scores) - 1) // 2] if scores else 0,
        "median_ticks": ticks[(len(ticks) - 1) // 2] if ticks else 0,
        "results": dict(sorted(results.items())),
    }
    return rows, summary
