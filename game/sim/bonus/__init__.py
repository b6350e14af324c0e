"""The three bonus games of the 1989 game, made worth playing: hot coal, torn bill, door gallery.

Plain Python + numpy like the brawl: inputs per tick (the brawl's action bits), a seed, a state hash,
plain events, record and replay (:mod:`game.sim.bonus.replay`) and a bot per game
(:mod:`game.sim.bonus.bots`). ``python main.py sim bonus:coal --bot --seed 3`` runs one headless.
"""

from __future__ import annotations

from game.sim.bonus.base import BonusGame, BonusSession, Reward, payout
from game.sim.bonus.bill import BillGame
from game.sim.bonus.coal import CoalGame
from game.sim.bonus.doors import DoorsGame

GAMES: dict[str, type[BonusGame]] = {"coal": CoalGame, "bill": BillGame, "doors": DoorsGame}
PREFIX = "bonus:"
#: What a level's ``bonus`` property may say ("none" plays nothing, "random" picks one by seed).
CHOICES = ("none", "coal", "bill", "doors", "random")


def game_name(level_arg: str) -> str | None:
    """``bonus:coal`` -> ``coal``; None when the argument is not a bonus game."""
    return level_arg[len(PREFIX):] if level_arg.startswith(PREFIX) else None


def pick(choice: str, seed: int) -> str | None:
    """Resolve a ``bonus`` property value to a game (None for none; ``random`` by the seed)."""
    if choice in ("", "none"):
        return None
    if choice == "random":
        names = sorted(GAMES)
        return names[seed % len(names)]
    return choice if choice in GAMES else None


__all__ = ["CHOICES", "GAMES", "PREFIX", "BonusGame", "BonusSession", "Reward", "game_name", "payout", "pick"]
