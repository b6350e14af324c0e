"""Contact sheets for looking at the art: ``python -m tools.art.preview OUT.png FILES... [--scale 3]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from .png import write_png

# A small mock-up room per tileset (local tile ids, -1 = empty) to judge tiles in context.
ROOM = [
    [29, 30, 29, 29, 30, 29, 29, 30, 29, 29, 30, 29, 29, 30, 29, 29, 30, 29, 29, 30],
    [0, 0, 3, 0, 0, 6, 0, 0, 0, 3, 0, 0, 0, 0, 0, 3, 0, 0, 7, 7],
    [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    [0, 5, 5, 5, 0, 0, 0, 4, 0, 0, 0, 5, 5, 5, 0, 0, 0, 0, 7, 7],
    [1, 1, 26, 1, 1, 1, 1, 4, 1, 1, 1, 1, 1, 1, 26, 1, 1, 1, 7, 7],
    [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
    [8, 9, 8, 9, 20, 21, 8, 9, 8, 16, 16, 16, 16, 9, 8, 9, 8, 23, 8, 9],
    [9, 8, 12, 8, 14, 14, 9, 13, 13, 17, 18, 17, 18, 8, 11, 8, 9, 8, 9, 8],
    [8, 9, 8, 9, 8, 9, 8, 13, 13, 19, 19, 19, 19, 9, 8, 27, 8, 9, 15, 9],
    [9, 8, 9, 11, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8, 9, 12, 9, 8],
    [8, 9, 8, 9, 8, 15, 8, 9, 8, 9, 8, 9, 27, 9, 8, 9, 8, 9, 8, 9],
    [31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31],
]
OVERLAY = {(6, 17): 22, (5, 17): 22, (4, 17): 22, (3, 17): 22, (7, 10): 24, (6, 11): 25, (3, 3): 28}


def load_png(path: Path) -> np.ndarray:
    """Read a PNG through pygame into an RGBA array."""
    import pygame

    surf = pygame.image.load(str(path))
    arr = pygame.surfarray.pixels3d(surf).transpose(1, 0, 2)
    alpha = pygame.surfarray.pixels_alpha(surf).T
    return np.dstack([arr, alpha]).astype(np.uint8)


def over(dst: np.ndarray, src: np.ndarray, x: int, y: int) -> None:
    """Alpha-composite ``src`` onto ``dst`` at (x, y)."""
    h, w = src.shape[:2]
    d = dst[y : y + h, x : x + w].astype(np.float64)
    s = src[: d.shape[0], : d.shape[1]].astype(np.float64)
    a = s[:, :, 3:4] / 255.0
    d[:, :, :3] = s[:, :, :3] * a + d[:, :, :3] * (1 - a)
    d[:, :, 3] = np.maximum(d[:, :, 3], s[:, :, 3])
    dst[y : y + h, x : x + w] = d.astype(np.uint8)


def room(tiles: np.ndarray) -> np.ndarray:
    """Compose the mock-up room from a tileset atlas."""
    out = np.zeros((len(ROOM) * 16, len(ROOM[0]) * 16, 4), dtype=np.uint8)
    out[:, :] = (20, 16, 20, 255)

    def tile(t: int) -> np.ndarray:
        return tiles[(t // 8) * 16 : (t // 8 + 1) * 16, (t % 8) * 16 : (t % 8 + 1) * 16]

    for r, row in enumerate(ROOM):
        for col, t in enumerate(row):
            over(out, tile(t), col * 16, r * 16)
    for (r, col), t in OVERLAY.items():
        if t >= 0:
            over(out, tile(t), col * 16, r * 16)
    return out


def sheet(images: list[np.ndarray], width: int = 960, bg: tuple[int, ...] = (60, 56, 70, 255)) -> np.ndarray:
    """Lay images out in rows on a backdrop."""
    rows: list[list[np.ndarray]] = [[]]
    x = 0
    for im in images:
        if x + im.shape[1] > width and rows[-1]:
            rows.append([])
            x = 0
        rows[-1].append(im)
        x += im.shape[1] + 4
    height = sum(max(i.shape[0] for i in r) + 4 for r in rows)
    out = np.zeros((height, width, 4), dtype=np.uint8)
    out[:, :] = bg
    y = 0
    for r in rows:
        x = 0
        for im in r:
            over(out, im, x, y)
            x += im.shape[1] + 4
        y += max(i.shape[0] for i in r) + 4
    return out


def main(argv: list[str] | None = None) -> int:
    """Write a scaled contact sheet of the chosen assets."""
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("files", nargs="+", type=Path, help="PNG files; tilesets also get a mock-up room")
    ap.add_argument("--scale", type=int, default=3)
    ap.add_argument("--width", type=int, default=640)
    args = ap.parse_args(argv)
    images = []
    for f in args.files:
        im = load_png(f)
        images.append(im)
        if f.parent.name == "tilesets":
            images.append(room(im))
    out = sheet(images, args.width)
    out = out.repeat(args.scale, 0).repeat(args.scale, 1)
    write_png(args.out, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
