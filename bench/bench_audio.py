"""Audio benchmark: start-up effect rendering and music rendering speed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.audio import cues
from game.audio.export import mix_stats, mixdown
from game.audio.music import TRACK_NAMES, render_track
from game.audio.sfx import load_presets, render_effect, startup_effects
from game.audio.synth import RATE


def run_sfx() -> dict[str, float]:
    """``sfx_render_ms``: the game's start-up render (as ``Mixer._load_effects`` does it): every effect
    with all its takes except those only the bus chase or the bonus games play
    (``cues.deferred_presets``, rendered in the background when their level or game is coming) and
    ``cues.RESERVED``; wall time of the first (cold) call in this process (target < 150);
    ``sfx_render_cpu_ms``: its CPU time (the machine is shared). The deferred groups are measured
    too, each right after start-up as the game renders them: ``sfx_render_ms_chase``,
    ``sfx_render_ms_bonus`` (bench_music's ``chase_*`` figures show they cost the chase no late
    frame), and ``sfx_render_ms_all`` is the sum, what start-up rendered before they were deferred.
    The game renders only on its first start (or after the presets or the synth change): later
    starts read the effects from the user's cache folder, ``sfx_startup_ms_cached`` (not a render:
    ``sfx_render_ms`` is the figure held to the target).
    ``mixdown_bathhouse_over_full_scale``: samples at or over full scale in the game mix of bot runs
    of the bathhouse, seeds 1-3 (target 0), with the loudest peak and the bus's work."""
    start, cpu = time.perf_counter(), time.process_time()
    effects = startup_effects(later=cues.later_presets())  # as Mixer._load_effects does
    sfx_ms = (time.perf_counter() - start) * 1000.0
    sfx_cpu = (time.process_time() - cpu) * 1000.0
    presets = load_presets()
    with tempfile.TemporaryDirectory() as folder:  # later starts read them from the user's cache
        cache = Path(folder) / "effects.npz"
        startup_effects(presets, later=cues.later_presets(), cache=cache)
        start = time.perf_counter()
        startup_effects(presets, later=cues.later_presets(), cache=cache)
        cached_ms = (time.perf_counter() - start) * 1000.0
    groups: dict[str, float] = {}
    for group, names in cues.deferred_presets().items():
        start = time.perf_counter()
        for name in names:
            effects[name] = render_effect(presets[name])
        groups[group] = (time.perf_counter() - start) * 1000.0
    over, peak, reduced, starts = 0, -120.0, 0, 0
    tracks: dict = {}
    for seed in (1, 2, 3):
        result = mixdown("bathhouse", seed, effects=effects, tracks=tracks)
        stats = mix_stats(result.mix)
        over += int(stats["over_full_scale"])
        peak = max(peak, float(stats["peak_dbfs"]))
        reduced, starts = reduced + result.reduced, starts + len(result.starts)
    return {"sfx_render_ms": round(sfx_ms, 1), "sfx_render_cpu_ms": round(sfx_cpu, 1),
            **{f"sfx_render_ms_{g}": round(ms, 1) for g, ms in groups.items()},
            "sfx_render_ms_all": round(sfx_ms + sum(groups.values()), 1),
            "sfx_startup_ms_cached": round(cached_ms, 1),
            "mixdown_bathhouse_over_full_scale": over, "mixdown_bathhouse_peak_dbfs": round(peak, 2),
            "mixdown_bathhouse_limited_pct": round(100.0 * reduced / max(starts, 1), 1)}


def run_ingame(seconds: float = 25.0) -> dict[str, float]:
    """What SDL really plays: the game in the bathhouse (nobody at the controls, so the enemies fight
    the idle hero), its audio written by SDL's ``disk`` driver; samples at or over full scale (target 0)."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as home:
        raw = Path(home) / "game.raw"
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(raw),
                   REDHEAT_HOME=home)
        proc = subprocess.Popen([sys.executable, "main.py", "--level", "bathhouse", "--seed", "1"], cwd=root,
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(seconds)
        except subprocess.TimeoutExpired:
            proc.terminate()  # SIGTERM: the game leaves its scenes and closes the device
            proc.wait(20)
        pcm = np.fromfile(raw, "<i2").astype(np.int32) if raw.exists() else np.zeros(0, np.int32)
    peak = int(np.abs(pcm).max()) if len(pcm) else 0
    return {"ingame_seconds": round(len(pcm) / 2 / RATE, 1),
            "ingame_over_full_scale": int(np.count_nonzero(np.abs(pcm) >= 32767)),
            "ingame_peak_dbfs": round(float(20 * np.log10(max(peak, 1) / 32768)), 2)}


def run() -> dict[str, float]:
    """The effects' figures (:func:`run_sfx`) and
    ``music_render_ms_per_minute``: render time per minute of play-through, over all tracks (target < 300;
    wall time, so a busy machine inflates it: ``bench_music`` gives the CPU time too)."""
    figures = {**run_sfx(), **run_ingame()}
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
