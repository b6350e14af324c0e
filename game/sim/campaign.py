"""The campaign chain, headless: levels and bonus games in order, carrying lives, score, health, bullets.

The chain is data (``assets/data/campaign.json``): a list of steps, each ``{"level": NAME}`` or
``{"bonus": GAME}``. As in the 1989 game a bonus game follows every second level; a level also
brings its own when its map property ``bonus`` names one (``coal``, ``bill``, ``doors``, ``random``) or
when a player took its bonus token (a ``Pickup`` of kind ``bonus``; the property then picks which
game, ``random`` when it says ``none``). Levels that are not shipped yet are reported and skipped, so
adding a level file is all the next level needs.

Between steps each player keeps lives, score, health and bullets (:class:`Carry`); a bonus game's
payout is added to them and so reaches the next level.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from game.paths import assets_dir
from game.sim.bonus import GAMES, pick
from game.sim.bonus.base import Reward
from game.sim.bonus.runner import run as run_bonus
from game.sim.level import LevelDesc
from game.sim.moves import DataError, read_json
from game.sim.runner import DEFAULT_MAX_TICKS, bot_input, idle_input
from game.sim.world import World

RANDOM_STREAM = 0xB0


class CampaignError(Exception):
    """A broken campaign file or a level that exists but cannot be loaded."""


@dataclass(frozen=True, slots=True)
class Step:
    """One link of the chain: a level or a bonus game."""

    kind: str     # "level" or "bonus"
    name: str


def chain_path() -> Any:
    """``assets/data/campaign.json``."""
    return assets_dir() / "data" / "campaign.json"


def load_chain(path: Any = None) -> list[Step]:
    """The validated chain (one-line :class:`CampaignError` on a bad file)."""
    path = path or chain_path()
    try:
        raw = read_json(path)
    except DataError as e:
        raise CampaignError(str(e)) from None
    steps = raw.get("chain") if isinstance(raw, dict) else None
    if not isinstance(steps, list) or not steps:
        raise CampaignError(f"{path}: 'chain' must be a list of steps")
    out: list[Step] = []
    for i, s in enumerate(steps):
        if isinstance(s, dict) and len(s) == 1 and isinstance(s.get("level"), str) and s["level"]:
            out.append(Step("level", s["level"]))
        elif isinstance(s, dict) and len(s) == 1 and s.get("bonus") in GAMES:
            out.append(Step("bonus", s["bonus"]))
        else:
            raise CampaignError(f"{path}: step {i + 1} must be {{\"level\": NAME}} or "
                                f"{{\"bonus\": {' | '.join(GAMES)}}}, not {s!r}")
    if not any(s.kind == "level" for s in out):
        raise CampaignError(f"{path}: the chain has no level")
    return out


def level_bonus(level: LevelDesc, token_taken: bool, seed: int) -> str | None:
    """The bonus game a level brings with it: its ``bonus`` property, or its token (random if unset)."""
    choice = str(level.properties.get("bonus", "none") or "none")
    game = pick(choice, seed)
    if game is None and token_taken:
        game = pick("random", seed)
    return game


def bonuses_after(chain: list[Step], level_name: str, shipped: Callable[[str], bool]) -> list[str]:
    """The chain's bonus games between ``level_name`` and the next shipped level."""
    names = [s.name for s in chain]
    if level_name not in names:
        return []
    out: list[str] = []
    for s in chain[names.index(level_name) + 1:]:
        if s.kind == "level" and shipped(s.name):
            break
        if s.kind == "bonus":
            out.append(s.name)
    return out


def next_level_after(chain: list[Step], level_name: str, shipped: Callable[[str], bool]) -> str | None:
    """The next shipped level of the chain after ``level_name`` (None at the end or off the chain)."""
    names = [s.name for s in chain]
    if level_name not in names:
        return None
    for s in chain[names.index(level_name) + 1:]:
        if s.kind == "level" and shipped(s.name):
            return s.name
    return None


@dataclass(slots=True)
class Carry:
    """What one player takes from step to step. ``hp`` 0 means full health."""

    lives: int
    score: int = 0
    hp: int = 0
    ammo: int = -1          # -1: the level's own starting bullets

    def apply_to(self, w: World, index: int) -> None:
        """Give a fresh level's world this player's lives, score, health and bullets."""
        slot = w.slots[index]
        e = w.by_id[slot.eid]
        slot.lives = max(1, self.lives)      # a partner who ran out in a cleared level comes back with one
        slot.score = self.score
        every = w.rules["extra_life_every"]
        slot.next_life_at = (self.score // every + 1) * every
        if self.ammo >= 0:
            slot.ammo = min(w.rules["max_ammo"], max(slot.ammo, self.ammo))
        if self.hp > 0:
            e.hp = min(e.max_hp, self.hp)

    def take_from(self, w: World, index: int) -> None:
        """Remember where a player ended a level."""
        slot = w.slots[index]
        e = w.by_id[slot.eid]
        self.lives, self.score, self.ammo = slot.lives, slot.score, slot.ammo
        self.hp = e.hp if e.alive and e.hp > 0 else (e.max_hp if slot.lives > 0 else 0)

    def add(self, r: Reward, max_hp: int, max_ammo: int, life_every: int = 0) -> None:
        """A bonus game's payout (its points count towards the next extra life, as the brawl's do)."""
        if life_every > 0:
            self.lives += (self.score + r.points) // life_every - self.score // life_every
        self.score += r.points
        self.lives += r.lives
        full = self.hp if self.hp > 0 else max_hp
        self.hp = min(max_hp, full + r.health)
        self.ammo = min(max_ammo, max(self.ammo, 0) + r.bullets)


def _default_loader(name: str) -> LevelDesc | None:
    """A shipped level by name; None when it is not shipped (a broken one raises CampaignError)."""
    from game.cli_levels import load_level
    from game.paths import resolve_level
    from game.tiled import LevelError

    if not name.startswith("builtin:") and not resolve_level(name).exists():
        return None
    try:
        return load_level(name)
    except LevelError as e:
        raise CampaignError(f"level {name!r} cannot be loaded: {(e.problems or [str(e)])[0]}") from None


def run_campaign(seed: int = 0, difficulty: str = "normal", players: int = 1, bot: bool = True,
                 max_ticks: int | None = None, chain: list[Step] | None = None,
                 loader: Callable[[str], LevelDesc | None] | None = None,
                 on_level_start: Callable[[World], None] | None = None) -> Iterator[dict[str, Any]]:
    """Play the chain; yields one record per level or bonus game, then the campaign's summary.

    ``on_level_start`` sees each level's world once the players' carried state is in it.
    """
    from game.sim.stats import difficulty_table, player_stats, rules

    chain = chain if chain is not None else load_chain()
    loader = loader or _default_loader
    lives = difficulty_table()[difficulty].lives
    carry = [Carry(lives=lives) for _ in range(players)]
    names = ("danko", "ridzik")
    max_hp = [player_stats()[names[i]].hp for i in range(players)]
    max_ammo = int(rules()["max_ammo"])
    life_every = int(rules()["extra_life_every"])
    cap = max_ticks if max_ticks is not None else DEFAULT_MAX_TICKS
    total_ticks = cleared = bonus_played = 0
    levels_total = sum(s.kind == "level" for s in chain)
    result = "cleared"
    digest = hashlib.blake2b(digest_size=8)

    def play_bonus(game: str, where: str, step_seed: int) -> dict[str, Any]:
        nonlocal total_ticks, bonus_played
        s = run_bonus(game, seed=step_seed, players=players, bot=bot, lives=tuple(c.lives for c in carry))
        for i, r in enumerate(s.rewards()):
            carry[i].add(r, max_hp[i], max_ammo, life_every)
        total_ticks += s.tick
        bonus_played += 1
        digest.update(s.state_hash().encode())
        return {"step": "bonus", "after": where, "seed": step_seed, **s.summary(),
                "lives": [c.lives for c in carry], "ammo": [c.ammo for c in carry]}

    for n, step in enumerate(chain):
        step_seed = seed * 1000 + n
        if step.kind == "bonus":
            yield play_bonus(step.name, "chain", step_seed)
            continue
        level = loader(step.name)
        if level is None:
            yield {"step": "level", "level": step.name, "result": "not_shipped"}
            continue
        w = World(level, seed=step_seed, difficulty=difficulty, players=players)
        for i, c in enumerate(carry):
            c.apply_to(w, i)
        if on_level_start is not None:
            on_level_start(w)
        source = bot_input(w) if bot else idle_input
        while w.result is None and w.tick < cap:
            w.step(source(w))
        total_ticks += w.tick
        digest.update(w.state_hash().encode())
        yield {"step": "level", "seed": step_seed, **w.summary()}
        for i, c in enumerate(carry):
            c.take_from(w, i)
        if w.result != "cleared":
            result = w.result or "timeout"
            break
        cleared += 1
        own = level_bonus(level, w.bonus_taken, step_seed)
        if own is not None:
            yield play_bonus(own, step.name, step_seed + 500)
    yield {
        "level": "campaign",
        "result": result,
        "ticks": total_ticks,
        "score": sum(c.score for c in carry),
        "lives": [c.lives for c in carry],
        "ammo": [c.ammo for c in carry],
        "players_hp": [c.hp for c in carry],
        "levels_cleared": cleared,
        "levels_total": levels_total,
        "bonus_games": bonus_played,
        "state_hash": digest.hexdigest(),
    }


def report(seeds: list[int], difficulty: str = "normal", players: int = 1
           ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The bot through the whole chain once per seed: each run's last line, and a summary."""
    rows = []
    for seed in seeds:
        *_, last = run_campaign(seed=seed, difficulty=difficulty, players=players, bot=True)
        rows.append({"seed": seed, "difficulty": difficulty, "players": players, **last})
    done = sum(r["result"] == "cleared" for r in rows)
    summary = {
        "level": "campaign", "difficulty": difficulty, "players": players, "runs": len(rows),
        "completed": done, "completion_rate": round(done / len(rows), 3) if rows else 0.0,
        "median_levels_cleared": (sorted(r["levels_cleared"] for r in rows)[(len(rows) - 1) // 2]
                                  if rows else 0),
        "levels_total": rows[0]["levels_total"] if rows else 0,
    }
    return rows, summary
