"""Audio benchmark: start-up effect rendering and music rendering speed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.audio.export import mix_stats, mixdown
from game.audio.music import TRACK_NAMES, render_track
from game.audio.sfx import startup_effects
from game.audio.synth import RATE


def run_sfx() -> dict[str, float]:
    """``sfx_render_ms``: the game's start-up render of every effect with all its takes, wall time of
    the first (cold) call (target < 150); ``sfx_render_cpu_ms``: its CPU time (the machine is shared);
    ``mixdown_bathhouse_over_full_scale``: samples at or over full scale in the game mix of bot runs
    of the bathhouse, seeds 1-3 (target 0), with the loudest peak and the bus's work."""
    start, cpu = time.perf_counter(), time.process_time()
    effects = startup_effects()
    sfx_ms = (time.perf_counter() - start) * 1000.0
    sfx_cpu = (time.process_time() - cpu) * 1000.0
    over, peak, reduced, starts = 0, -120.0, 0, 0
    tracks: dict = {}
    for seed in (1, 2, 3):
        result = mixdown("bathhouse", seed, effects=effects, tracks=tracks)
        stats = mix_stats(result.mix)
        over += int(stats["over_full_scale"])
        peak = max(peak, float(stats["peak_dbfs"]))
        reduced, starts = reduced + result.reduced, starts + len(result.starts)
    return {"sfx_render_ms": round(sfx_ms, 1), "sfx_render_cpu_ms": round(sfx_cpu, 1),
            "mixdown_bathhouse_over_full_scale": over, "mixdown_bathhouse_peak_dbfs": round(peak, 2),
            "mixdown_bathhouse_limited_pct": round(100.0 * reduced / max(starts, 1), 1)}


def run() -> dict[str, float]:
    """The effects' figures (:func:`run_sfx`) and
    ``music_render_ms_per_minute``: render time per minute of play-through, over all tracks (target < 500)."""
    figures = run_sfx()
    total_s = 0.0
    minutes = 0.0
    for name in TRACK_NAMES:
        start = time.perf_counter()
        track = render_track(name)
        total_s += time.perf_counter() - start
        minutes += (len(track.intro) or len(track.loop)) / RATE / 60.0
    per_minute = total_s * 1000.0 / minutes
    return {**figures, "music_render_ms_per_minute": round(per_minute, 1)}


if __name__ == "__main__":
    print(run())
