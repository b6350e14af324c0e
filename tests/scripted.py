"""Helpers for tests: reproducible button mashing, a small fight to script, a copy of the test levels."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from game.sim.actions import Action
from game.sim.entities import Entity
from game.sim.testlevel import arena
from game.sim.world import World


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


def fight_world(*enemies: tuple[str, int, int], ai: bool = False, grace: bool = False) -> World:
    """Danko at (100, 130) facing right; enemies (kind, x, y) awake; their AI off and no opening grace
    unless asked."""
    w = World(arena(enemies), seed=1)
    w.ai_enabled = ai
    for e in w.entities:
        e.dormant = False
    if not grace:
        w.slots[0].grace = 0
    return w


def me(w: World) -> Entity:
    """Player 1's fighter."""
    return w.by_id[w.slots[0].eid]


def foes(w: World) -> list[Entity]:
    """Every enemy in the world."""
    return [e for e in w.entities if e.kind == "enemy"]


def copy_level_tree(root: Path) -> Path:
    """Copy the test levels under ``root`` (their templates two folders up, as in the repository);
    returns the copied levels' folder."""
    repo = Path(__file__).resolve().parent.parent
    levels = root / "tests" / "data" / "tiled"
    shutil.copytree(repo / "tests" / "data" / "tiled", levels)
    shutil.copytree(repo / "templates", root / "templates")
    return levels
