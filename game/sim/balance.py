"""The designers' balance report: the bot plays a level over many seeds; how hard was it?"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.sim.feel import FeelMeter, combine
from game.sim.level import LevelDesc
from game.sim.runner import DEFAULT_MAX_TICKS, run
from game.sim.world import World


def _median(values: list[int]) -> int:
    """Median of whole numbers (the lower middle for an even count, so it stays an int)."""
    if not values:
        return 0
    s = sorted(values)
    return s[(len(s) - 1) // 2]


def report(level: LevelDesc, seeds: list[int], difficulty: str = "normal", players: int = 1,
           max_ticks: int = DEFAULT_MAX_TICKS, on_row: Callable[[dict[str, Any]], None] | None = None,
           ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run the bot once per seed; returns per-seed summaries and an aggregate.

    The aggregate holds ``runs``, ``cleared``, ``clear_rate`` (0..1), ``median_ticks`` and
    ``median_damage_taken`` (over all runs), ``median_ticks_cleared``, ``lives_lost``, ``results``
    and ``feel`` (see :mod:`game.sim.feel`; each per-seed row has its own ``feel`` too).
    ``on_row`` is called with each seed's summary as soon as that seed finishes.
    """
    rows: list[dict[str, Any]] = []
    meters: list[FeelMeter] = []
    for seed in seeds:
        box: list[FeelMeter] = []

        def watch(world: World, box: list[FeelMeter] = box) -> None:
            if not box:
                box.append(FeelMeter(world))
            box[0].observe(world)

        w = run(level, seed=seed, difficulty=difficulty, players=players, bot=True, max_ticks=max_ticks,
                on_tick=watch)
        row = {"seed": seed, "difficulty": difficulty, "players": players, **w.summary()}
        if box:
            meters.append(box[0])
            row["feel"] = combine(box)
        rows.append(row)
        if on_row is not None:
            on_row(row)
    cleared = [r for r in rows if r["result"] == "cleared"]
    results: dict[str, int] = {}
    for r in rows:
        results[r["result"]] = results.get(r["result"], 0) + 1
    aggregate = {
        "level": level.name,
        "difficulty": difficulty,
        "players": players,
        "runs": len(rows),
        "cleared": len(cleared),
        "clear_rate": round(len(cleared) / len(rows), 3) if rows else 0.0,
        "median_ticks": _median([r["ticks"] for r in rows]),
        "median_ticks_cleared": _median([r["ticks"] for r in cleared]),
        "median_damage_taken": _median([r["damage_taken"] for r in rows]),
        "median_score": _median([r["score"] for r in rows]),
        "lives_lost": sum(r["lives_lost"] for r in rows),
        "results": dict(sorted(results.items())),
        "feel": combine(meters),
    }
    return rows, aggregate
