"""Drawing speed of the bus chase's busiest scenes, scaled 4x to 1280x720 (target: at least 400 fps).

Two scenes from a real bot run of ``levels/chase.tmx``: the ram phase with Viktor's bus alongside and
the road full (eight cars and gang cars on screen, sparks from rams), and the fight on the bus roof
(every fighter aboard, a bridge sweeping over, the door open, the wind streaks). ``chase_draw_fps`` is
the slower of the two. Measured in a child process like bench_draw.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMES = 1200


def _until(world, stage, source, phase: str, extra: int) -> None:
    """Step the bot until ``phase`` has run ``extra`` ticks (the stage follows)."""
    while world.result is None and world.tick < 60 * 60 * 10:
        events = world.step(source(world))
        stage.handle_events(events, world)
        stage.update(world)
        if world.chase.phase == phase and world.chase.phase_tick >= extra:
            return
    raise RuntimeError(f"bench_chase_draw: the bot never reached {phase}")


def _frames(display, stage, world, frames: int, events) -> float:
    canvas = display.canvas
    start = time.perf_counter()
    for f in range(frames):
        if f % 8 == 0:
            stage.handle_events(events(f), world)
        if f % 2 == 0:
            stage.update(world)
        stage.draw(canvas, world, 0.5)
        display.present()
    return frames / (time.perf_counter() - start)


def measure(frames: int = FRAMES) -> dict[str, float]:
    """Time ``frames`` frames of each scene (stage update + draw + present; the world is not stepped)."""
    import pygame

    from game.cli_levels import level_path, load_level
    from game.render.screen import Display
    from game.render.stage import Stage
    from game.sim import events as ev
    from game.sim.chase.state import Hazard, Vehicle
    from game.sim.events import Event
    from game.sim.runner import bot_input
    from game.sim.world import World

    pygame.display.init()
    display = Display(scale=4)
    level = load_level("chase")
    world = World(level, seed=1)
    stage = Stage(level, level_path("chase"))
    source = bot_input(world)

    _until(world, stage, source, "boarders", 120)
    while sum(1 for e in world.entities if e.alive) < 3 and world.chase.phase == "boarders":
        events = world.step(source(world))      # wait for the busiest moment: boarders on the roof
        stage.handle_events(events, world)
        stage.update(world)
    st = world.chase
    st.door_open = True
    st.hazards.append(Hazard(900, "bridge", st.scroll + 200, warning=True, active=False))
    fighters = sum(1 for e in world.entities if e.alive)
    roof = _frames(display, stage, world, frames,
                   lambda f: [Event(ev.HIT, world.tick, 150 + f % 60, 130, 40, strength=1 + f % 3)])

    _until(world, stage, source, "ram", 60)
    st = world.chase
    kinds = ("civilian", "gang_car", "civilian", "gang_car", "civilian", "car", "gang_car", "civilian")
    for i, kind in enumerate(kinds):
        st.vehicles.append(Vehicle(800 + i, kind, (st.scroll + 20 + i * 40) * 256, i % 3,
                                   (96 + 32 * (i % 3)) * 256, 44, speed=st.speed, damage=i % 4))
    on_screen = sum(1 for v in st.vehicles if not v.gone and -60 < v.x - st.scroll < 380)
    bus = st.bus
    road = _frames(display, stage, world, frames,
                   lambda f: [Event(ev.RAM, world.tick, bus.x + 40, bus.y, 0, tag="gang_car")])
    return {"chase_draw_fps": round(min(roof, road), 1), "chase_draw_fps_roof": round(roof, 1),
            "chase_draw_fps_road": round(road, 1), "chase_vehicles_on_screen": on_screen,
            "chase_fighters_on_roof": fighters}


def run() -> dict[str, float]:
    """Run :func:`measure` in a fresh interpreter (dummy video driver) and return its figures."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench_chase_draw child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    if "--child" in sys.argv:
        print(json.dumps(measure()))
    else:
        print(json.dumps(run()))
