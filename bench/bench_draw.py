"""Drawing speed: the bathhouse with 10 enemies on screen and effects running, scaled 4x to 1280x720.

``run()`` measures in a child process so that ``peak_rss_mb`` is the drawing's own memory, not the
memory of whatever benchmarks ran before it in ``bench/run.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMES = 1500
ENEMIES = 10
KINDS = ("thug", "bather", "gangster", "nurse", "hitman")


def _scene() -> tuple[object, object, object]:
    """A display, a stage and a world: the bathhouse start with ten enemies awake around the player."""
    import dataclasses

    import pygame

    from game.cli_levels import level_path, load_level
    from game.render.screen import Display
    from game.render.stage import Stage
    from game.sim.level import EnemySpawn
    from game.sim.world import World

    pygame.display.init()
    display = Display(scale=4)
    level = load_level("bathhouse")
    sx, sy = level.player_start
    extra = [EnemySpawn(obj_id=9000 + i, kind=KINDS[i % len(KINDS)], x=sx + 40 + 22 * i,
                        y=sy - 30 + (i * 13) % 50, wave=0) for i in range(ENEMIES)]
    level = dataclasses.replace(level, enemies=extra, waves=[])
    world = World(level, seed=3)
    stage = Stage(level, level_path("bathhouse"))
    # a few seconds of real play so everyone is awake and moving (a few punches, nobody beaten yet)
    from game.sim.actions import Action

    for t in range(180):
        bits = Action.RIGHT if t < 40 else (Action.PUNCH if t % 30 == 0 else 0)
        events = world.step((int(bits),))
        stage.handle_events(events, world)
        stage.update(world)
    return display, stage, world


def measure(frames: int = FRAMES) -> dict[str, float]:
    """Time ``frames`` frames of stage update + draw + present (the world itself is not stepped)."""
    from game.sim import events as ev
    from game.sim.events import Event
    from game.sim.fixed import FP

    display, stage, world = _scene()
    foes = [e for e in world.entities if e.kind == "enemy"]
    canvas = display.canvas
    start = time.perf_counter()
    for f in range(frames):
        if f % 6 == 0 and foes:   # keep sparks, dust and pop-ups alive all the time
            e = foes[f // 6 % len(foes)]
            x, y = e.x // FP, e.y // FP
            stage.handle_events([Event(ev.HIT, world.tick, x, y, 40, strength=1 + f % 3),
                                 Event(ev.LAND, world.tick, x, y, 0),
                                 Event(ev.SCORE, world.tick, x, y, 50, value=200)], world)
        if f % 2 == 0:
            stage.update(world)
        stage.draw(canvas, world, 0.5)
        display.present()
    elapsed = time.perf_counter() - start
    rss_kb = _peak_rss_kb()
    awake = sum(1 for e in foes if e.alive)
    if awake < ENEMIES:
        raise RuntimeError(f"bench_draw: only {awake} of {ENEMIES} enemies left standing to draw")
    return {"draw_fps_10_enemies": round(frames / elapsed, 1),
            "peak_rss_mb": round(rss_kb / 1024, 1)}


def _peak_rss_kb() -> int:
    """This process's peak resident memory in KiB.

    Linux's ``VmHWM`` belongs to the process image and starts afresh at exec; ``ru_maxrss``
    can carry over the parent's peak when the child was forked from a big parent process.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource  # not on Windows; /proc answered on Linux already

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb // 1024 if sys.platform == "darwin" else kb


def run() -> dict[str, float]:
    """Run :func:`measure` in a fresh interpreter (dummy video driver) and return its figures."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench_draw child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    if "--child" in sys.argv:
        print(json.dumps(measure()))
    else:
        print(json.dumps(run()))
