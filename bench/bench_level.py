"""Level pipeline figures: loading the largest shipped level (images excluded) and drawing its layers."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from game.paths import levels_dir
from game.tiled import load_level, load_map_view
from game.tiled.project import load_schema


def _largest() -> Path:
    levels = sorted(levels_dir().glob("*.tmx"), key=lambda p: p.stat().st_size)
    if not levels:
        raise FileNotFoundError(f"no levels in {levels_dir()}")
    return levels[-1]


def _median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000.0


def _draw_ms(path: Path) -> float:
    """Median cost of drawing background + foreground layers for one 320x180 frame."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.display.init()
    try:
        pygame.display.set_mode((320, 180))
        from game.render.tilelayers import TileLayers

        layers = TileLayers(load_map_view(path))
        canvas = pygame.Surface((320, 180))
        width = layers.view.pixel_width - 320
        cams = [(i * 37) % max(1, width) for i in range(200)]

        def frame() -> None:
            for cam in cams:
                layers.draw(canvas, cam, 6, False)
                layers.draw(canvas, cam, 6, True)

        return _median_ms(frame, 5) / len(cams)
    finally:
        pygame.display.quit()


def run() -> dict[str, float]:
    """``level_load_ms``: median full load + validation of the largest level; ``tile_draw_ms`` per frame."""
    path = _largest()
    load_schema()  # the project file is read once per process and cached; measure the level itself
    load_level(path)
    out = {"level_load_ms": round(_median_ms(lambda: load_level(path), 15), 3)}
    out["tile_draw_ms"] = round(_draw_ms(path), 4)
    return out
