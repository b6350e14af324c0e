"""campaign_sim_s: seconds for one headless bot run of the whole campaign chain (target under 20 s)."""

from __future__ import annotations

import time

from game.sim.campaign import run_campaign


def run() -> dict[str, float]:
    """One bot run of the chain on normal, seed 1 (levels and bonus games, as ``sim campaign``)."""
    start = time.perf_counter()
    last: dict = {}
    for record in run_campaign(seed=1, difficulty="normal", players=1, bot=True):
        last = record
    took = time.perf_counter() - start
    return {"campaign_sim_s": round(took, 2),
            "campaign_sim_levels_cleared": float(last.get("levels_cleared", 0)),
            "campaign_sim_ticks": float(last.get("ticks", 0))}
