"""Combat simulation speed: a 10-enemy brawl, a 500-character stress world, and hit detection numpy vs plain.

``sim_steps_per_s_10_enemies``: the bot fights 10 awake enemies (tough enough to stay up for the run).
``sim_steps_per_s_500_characters``: 500 enemies and a player on a long street.
``hit_detection_speedup_500``: one snapshot of 500 characters all swinging, tested by the numpy
broad/narrow phase and by the plain per-object loop, timed in this same run (identical answers checked).
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from game.sim import combat
from game.sim.bot import Bot
from game.sim.fixed import FP
from game.sim.hitboxes import overlaps_numpy, overlaps_python
from game.sim.level import EnemySpawn, LevelDesc
from game.sim.world import World

KINDS = ("thug", "bather", "gangster", "nurse", "hitman")


def brawl_level(enemies: int, cols: int = 60, hp: int = 5000) -> LevelDesc:
    """A street with ``enemies`` awake enemies standing round the start."""
    solid = np.zeros((12, cols), dtype=bool)
    solid[:5, :] = True
    solid[11, :] = True
    spawns = [EnemySpawn(obj_id=100 + i, kind=KINDS[i % len(KINDS)], x=80 + (i * 37) % (cols * 16 - 120),
                         y=86 + (i * 23) % 86, hp=hp) for i in range(enemies)]
    return LevelDesc(name="bench", title="BENCH", solid=solid, player_start=(60, 130), enemies=spawns)


def _wake(w: World) -> None:
    for e in w.entities:
        e.dormant = False


def _steps_per_s(w: World, steps: int, chunks: int = 10) -> float:
    """Steps per second of the simulation alone (the bot is the input device, timed apart).

    The run is timed in chunks and the median chunk reported, so a neighbour's burst of work on a
    shared machine does not decide the figure.
    """
    bot = Bot(0)
    clock = time.perf_counter
    rates = []
    for _ in range(chunks):
        spent = 0.0
        for _ in range(steps // chunks):
            bits = (bot.decide(w),)
            t = clock()
            w.step(bits)
            spent += clock() - t
        rates.append((steps // chunks) / spent)
    return statistics.median(rates)


def _all_swinging(w: World) -> tuple[list, list]:
    """Every character's punch box and hurtbox, as if all 500 swung at once."""
    attacks, hurts = [], []
    for e in w.entities:
        if e.kind != "enemy" and e.kind != "player":
            continue
        ms = w.moveset(e.char)
        name = "punch" if "punch" in ms.moves else "punch1"
        if name not in ms.moves:
            name = next(n for n, m in ms.moves.items() if m.hitboxes)
        x0, x1, z0, z1 = ms.moves[name].hitboxes[0]
        if e.facing < 0:
            x0, x1 = -x1, -x0
        # Alternate teams so that neighbours can hit each other, like a crowd brawl.
        team = e.eid & 1
        attacks.append((e.eid, team, e.x + x0, e.x + x1, e.y, e.z + z0, e.z + z1, 8 * FP))
        h = combat.hurtbox(w, e)
        if h is not None:
            hurts.append((h[0], 1 - team, *h[2:]))
    return attacks, hurts


def run() -> dict[str, float]:
    """The three combat figures."""
    w = World(brawl_level(10), seed=3)
    _wake(w)
    for _ in range(60):   # let the fight start
        w.step((0,))
    steps10 = _steps_per_s(w, 3000)

    big = World(brawl_level(500, cols=300), seed=5)
    _wake(big)
    steps500 = _steps_per_s(big, 120)

    attacks, hurts = _all_swinging(big)
    # Best of several runs each, interleaved, so a busy machine affects both the same way.
    numpy_s = python_s = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        fast = overlaps_numpy(attacks, hurts)
        numpy_s = min(numpy_s, time.perf_counter() - t)
        t = time.perf_counter()
        slow = overlaps_python(attacks, hurts)
        python_s = min(python_s, time.perf_counter() - t)
    if fast != slow:
        raise AssertionError("numpy and plain hit detection disagree")
    return {
        "sim_steps_per_s_10_enemies": round(steps10),
        "sim_steps_per_s_500_characters": round(steps500, 1),
        "hit_detection_speedup_500": round(python_s / numpy_s, 1),
        "hit_detection_pairs_500": len(fast),
    }


if __name__ == "__main__":
    print(run())
