"""Core simulation figures: idle stepping and the cost of a state hash."""

from __future__ import annotations

import time

from game.sim import testlevel
from game.sim.world import World


def _best(fn, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run() -> dict[str, float]:
    """``sim_steps_per_s_idle``: a world with nobody pressing anything; ``state_hash_us``: one hash."""
    steps = 3000
    level = testlevel.corridor()

    def idle() -> None:
        w = World(level, seed=1)
        for _ in range(steps):
            w.step((0,))

    idle_s = _best(idle, 3)
    w = World(level, seed=1)
    for _ in range(120):
        w.step((0,))
    n = 2000
    hash_s = _best(lambda: [w.state_hash() for _ in range(n)], 3)
    return {
        "sim_steps_per_s_idle": round(steps / idle_s),
        "state_hash_us": round(hash_s / n * 1e6, 2),
    }
