"""Scripted inputs for tests: reproducible button mashing that walks right through a level."""

from __future__ import annotations

import random

from game.sim.actions import Action


def mash(ticks: int, seed: int = 1, players: int = 1) -> list[tuple[int, ...]]:
    """A reproducible sequence of input frames: mostly walking right, with attacks mixed in."""
    rnd = random.Random(seed)
    frames: list[tuple[int, ...]] = []
    held = [int(Action.RIGHT)] * players
    for t in range(ticks):
        if t % 7 == 0:
            for p in range(players):
                bits = int(Action.RIGHT) if rnd.random() < 0.7 else 0
                bits |= rnd.choice([0, 0, int(Action.UP), int(Action.DOWN)])
                bits |= rnd.choice([0, 0, int(Action.PUNCH), int(Action.KICK), int(Action.JUMP)])
                held[p] = bits
        frames.append(tuple(held))
    return frames
