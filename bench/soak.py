"""Soak: the whole campaign with the bot, then attract mode for a long while, in one process.

    python bench/soak.py [--minutes 60] [--seed 1] [--fast]

1. Every level of ``game.scenes.campaign.CAMPAIGN_ORDER`` that exists is played by the bot, headless,
   one after the other (what ``sim`` does per level).
2. The real app runs under SDL's dummy video and audio drivers for ``--minutes`` (default an hour):
   the title idles into attract mode, the recorded demo plays through the real Stage and mixer, the
   title comes back, and so on, at the game's own 60 frames a second (``--fast``: as fast as it goes).

Resident memory is sampled every 30 s. The last line of stdout is one JSON object: peak RSS, RSS after
warm-up (the first attract demo) and at the end, the growth between them in percent, the campaign's
results and how many demos played. Not run by ``bench/run.py`` (it takes an hour); a growth under 5%
is the target (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
if "REDHEAT_HOME" not in os.environ:   # never touch the player's own settings and scores
    import tempfile

    os.environ["REDHEAT_HOME"] = tempfile.mkdtemp(prefix="redheat-soak-")

SAMPLE_SECONDS = 30


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak so far."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return peak_mb()


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024   # bytes on macOS, KB elsewhere


def log(text: str) -> None:
    print(f"[soak] {text}", file=sys.stderr, flush=True)


def campaign(seed: int) -> list[dict]:
    """The bot plays every shipped campaign level in order."""
    from game.cli_levels import load_level
    from game.paths import levels_dir
    from game.scenes.campaign import CAMPAIGN_ORDER
    from game.sim.runner import run

    rows = []
    for name in CAMPAIGN_ORDER:
        if not (levels_dir() / f"{name}.tmx").exists():
            continue
        start = time.perf_counter()
        world = run(load_level(name), seed=seed, bot=True)
        s = world.summary()
        rows.append({"level": name, "result": s["result"], "ticks": s["ticks"], "score": s["score"],
                     "seconds": round(time.perf_counter() - start, 1)})
        log(f"campaign {name}: {s['result']} in {s['ticks']} ticks, RSS {rss_mb():.1f} MB")
    return rows


def attract(minutes: float, fast: bool) -> dict:
    """The app on its title for ``minutes``: idle, demo, title, demo..."""
    from game.app import App, LaunchOptions
    from game.scenes.boot import first_scene

    app = App(LaunchOptions(scale=1))
    app.scenes.push(first_scene(app))
    frame = 1 / 60
    end = time.monotonic() + minutes * 60
    next_sample = time.monotonic() + SAMPLE_SECONDS
    demos, frames, in_demo = 0, 0, False
    warm: float | None = None
    samples: list[float] = []
    try:
        while time.monotonic() < end:
            tick_start = time.monotonic()
            app.tick_frame(frame)
            frames += 1
            now_in_demo = type(app.scenes.top).__name__ == "AttractScene"
            if now_in_demo and not in_demo:
                demos += 1
            if in_demo and not now_in_demo and warm is None:
                warm = rss_mb()   # after the first demo every picture and sound has been made once
                log(f"warm after the first demo: RSS {warm:.1f} MB")
            in_demo = now_in_demo
            if app.scenes.top is None or not app.running:
                raise RuntimeError("the app stopped during the soak")
            if time.monotonic() >= next_sample:
                samples.append(round(rss_mb(), 1))
                next_sample += SAMPLE_SECONDS
                log(f"{len(samples) * SAMPLE_SECONDS / 60:.1f} min: {demos} demos, {frames} frames, "
                    f"RSS {samples[-1]:.1f} MB")
            if not fast:
                time.sleep(max(0.0, frame - (time.monotonic() - tick_start)))
    finally:
        app.shutdown()
    end_rss = rss_mb()
    base = warm if warm is not None else (samples[0] if samples else end_rss)
    return {"attract_minutes": minutes, "attract_frames": frames, "attract_demos": demos,
            "rss_warm_mb": round(base, 1), "rss_end_mb": round(end_rss, 1),
            "rss_growth_pct": round((end_rss - base) / base * 100, 2), "rss_samples_mb": samples}


def main(argv: list[str]) -> int:
    """Run the soak and print its figures."""
    p = argparse.ArgumentParser(prog="bench/soak.py", description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=60.0, help="attract mode duration (default 60)")
    p.add_argument("--seed", type=int, default=1, help="the bot's seed for the campaign")
    p.add_argument("--fast", action="store_true", help="run attract frames as fast as they go")
    args = p.parse_args(argv)
    log(f"start: RSS {rss_mb():.1f} MB")
    rows = campaign(args.seed)
    after_campaign = rss_mb()
    figures = attract(args.minutes, args.fast)
    out = {"campaign": rows, "rss_after_campaign_mb": round(after_campaign, 1), **figures,
           "rss_peak_mb": round(peak_mb(), 1)}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
