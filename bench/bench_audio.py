"""Audio benchmark: start-up effect rendering and music rendering speed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.audio.music import TRACK_NAMES, render_track
from game.audio.sfx import startup_effects
from game.audio.synth import RATE


def run() -> dict[str, float]:
    """``sfx_render_ms``: every effect with its pitch variants (target < 150);
    ``music_render_ms_per_minute``: render time per minute of play-through, over all tracks (target < 500)."""
    start = time.perf_counter()
    startup_effects()
    sfx_ms = (time.perf_counter() - start) * 1000.0
    total_s = 0.0
    minutes = 0.0
    for name in TRACK_NAMES:
        start = time.perf_counter()
        track = render_track(name)
        total_s += time.perf_counter() - start
        minutes += (len(track.intro) or len(track.loop)) / RATE / 60.0
    per_minute = total_s * 1000.0 / minutes
    return {"sfx_render_ms": round(sfx_ms, 1), "music_render_ms_per_minute": round(per_minute, 1)}


if __name__ == "__main__":
    print(run())
