"""The Moscow bathhouse: white glazed tiles, teal wainscot, stone floor, steaming pools, wooden benches."""

from __future__ import annotations

import itertools

import numpy as np

from ..canvas import Canvas, ramp, rgb, with_alpha
from ..tilekit import TileSheet, bevel, darken, noise, shadow_band, speckle

SHEET = TileSheet("bathhouse")
T = SHEET.tile

GLAZE = ramp("#3b4a52", "#7f9196", "#b4c4c2", "#dbe6df", "#f6fbf2")
TEAL = ramp("#0c2226", "#1a4444", "#2b6a62", "#4a9484")
WOOD = ramp("#26140a", "#55301a", "#87522a", "#b87c40", "#dfaa62")
COPPER = ramp("#3a170c", "#84391a", "#c4622a", "#f2a268")
RED = ramp("#2e0606", "#6e0e0e", "#b01c18", "#e24a2c")
CREAM = rgb("#f4e6c4")
STONE = ramp("#261e1c", "#54463e", "#7e6c5e", "#a6927c", "#c8b69c")
WATER = ramp("#08202e", "#0e4660", "#187490", "#44a8ba", "#a6e2e4")
BRASS = ramp("#3a2a08", "#7a5a14", "#c29a2c", "#f4dc74")
INK = rgb("#120c10")
DARK = rgb("#0a0608")


def glazed_wall(c: Canvas, y0: int = 0, y1: int = 16) -> None:
    """8x8 glazed tiles with grout, a glint top-left and a soft shade bottom-right."""
    c.rect(0, y0, 16, y1 - y0, GLAZE[1])
    for ty in range(0, 16, 8):
        for tx in range(0, 16, 8):
            if ty + 8 <= y0 or ty >= y1:
                continue
            bevel(c, tx, ty, 7, 7, GLAZE[4], GLAZE[3], GLAZE[2])
            c.pset(tx + 1, ty + 1, (255, 255, 255, 255))
            c.pset(tx + 5, ty + 5, GLAZE[2])
    c.rect(0, 0, 16, y0, (0, 0, 0, 0))
    c.rect(0, y1, 16, 16 - y1, (0, 0, 0, 0))


def wainscot(c: Canvas, top: int) -> None:
    """The dark teal tiled band along the bottom of the wall."""
    c.rect(0, top, 16, 16 - top, TEAL[1])
    c.hline(0, 15, top, TEAL[3])
    c.hline(0, 15, top + 1, TEAL[0])
    for tx in range(0, 16, 8):
        bevel(c, tx, top + 2, 7, 16 - top - 2, TEAL[3], TEAL[2], TEAL[1])
    c.checker(0, 14, 16, 2, TEAL[0])


def stone_floor(c: Canvas, seed: int, variant: int = 0) -> None:
    """Warm stone flags, 16x8 in running bond, low contrast so fighters stand out against them."""
    c.rect(0, 0, 16, 16, STONE[1])
    a, b = (STONE[3], STONE[2]) if variant == 0 else (STONE[2], STONE[3])
    bevel(c, 0, 0, 16, 7, STONE[4], a, STONE[2])
    bevel(c, -8, 8, 16, 7, STONE[4], b, STONE[2])
    bevel(c, 8, 8, 16, 7, STONE[4], b, STONE[2])
    c.mask_fill(c.dither_mask(noise(seed, 16, 16) < 0.5, 0.25) & (c.grid()[0] < 7), STONE[2])
    speckle(c, seed + 1, 0.03, STONE[4])
    speckle(c, seed, 0.03, STONE[1])
    c.hline(0, 15, 7, STONE[1])
    c.hline(0, 15, 15, STONE[1])
    c.vline(15, 0, 6, STONE[1])
    c.vline(7, 8, 14, STONE[1])


def water(c: Canvas, phase: int) -> None:
    """Pool water: dithered depth gradient with rippling glints."""
    c.vgrad(0, 0, 16, 16, [WATER[3], WATER[2], WATER[1]])
    for i, (x, y) in enumerate([(2, 3), (9, 6), (4, 10), (11, 13)]):
        x = (x + phase * 5) % 14
        c.hline(x, x + 3 - i % 2, y, WATER[4] if i % 2 == 0 else WATER[3])
        c.hline(x + 1, x + 2, y + 1, WATER[1])


@T(0, "wall_upper", True)
def wall_upper(c: Canvas) -> None:
    glazed_wall(c)


@T(1, "wall_lower", True)
def wall_lower(c: Canvas) -> None:
    glazed_wall(c, 0, 8)
    wainscot(c, 8)


@T(2, "wall_trim", True)
def wall_trim(c: Canvas) -> None:
    glazed_wall(c, 0, 4)
    glazed_wall(c, 12, 16)
    c.rect(0, 4, 16, 8, RED[2])
    c.hline(0, 15, 4, RED[3])
    c.hline(0, 15, 11, RED[0])
    # a Greek-key frieze in cream, the pattern of old Moscow baths
    for x in range(0, 16, 8):
        c.hline(x + 1, x + 6, 6, CREAM)
        c.vline(x + 1, 6, 9, CREAM)
        c.vline(x + 6, 6, 8, CREAM)
        c.hline(x + 3, x + 6, 8, CREAM)
        c.pset(x + 3, 9, CREAM)
        c.hline(x + 1, x + 3, 9, CREAM)


@T(3, "wall_window", True)
def wall_window(c: Canvas) -> None:
    glazed_wall(c)
    c.rect(1, 1, 14, 14, WOOD[1])
    c.rect(2, 2, 12, 12, WOOD[0])
    c.vgrad(3, 3, 10, 10, [rgb("#e8f2f0"), rgb("#b8d0d0"), rgb("#88a8b0")])
    c.vline(7, 3, 12, WOOD[2])
    c.vline(8, 3, 12, WOOD[1])
    c.hline(3, 12, 7, WOOD[2])
    c.hline(3, 12, 8, WOOD[1])
    c.checker(3, 3, 4, 4, rgb("#ffffff"))
    c.hline(1, 14, 14, WOOD[3])
    c.hline(1, 14, 15, WOOD[0])


@T(4, "wall_door", True)
def wall_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, WOOD[2])
    c.rect(0, 0, 2, 16, WOOD[0])
    c.rect(14, 0, 2, 16, WOOD[0])
    bevel(c, 3, 1, 10, 6, WOOD[4], WOOD[3], WOOD[1])
    bevel(c, 3, 9, 10, 7, WOOD[4], WOOD[3], WOOD[1])
    for y in (3, 5, 11, 13):
        c.hline(5, 10, y, WOOD[2])
    c.rect(11, 7, 2, 2, BRASS[3])
    c.pset(12, 8, BRASS[1])


@T(5, "wall_pipe", True)
def wall_pipe(c: Canvas) -> None:
    glazed_wall(c)
    c.rect(0, 5, 16, 6, COPPER[2])
    c.hline(0, 15, 5, COPPER[0])
    c.hline(0, 15, 6, COPPER[3])
    c.hline(0, 15, 7, COPPER[3])
    c.hline(0, 15, 9, COPPER[1])
    c.hline(0, 15, 10, COPPER[0])
    c.rect(6, 4, 3, 8, COPPER[1])
    c.vline(6, 4, 11, COPPER[3])
    c.hline(0, 15, 11, GLAZE[1])
    c.checker(0, 11, 16, 1, GLAZE[2])


@T(6, "wall_sign", True)
def wall_sign(c: Canvas) -> None:
    glazed_wall(c)
    bevel(c, 0, 3, 16, 10, RED[3], RED[2], RED[0])
    c.rect(0, 13, 16, 1, INK)
    # a dark seam on the left: placed side by side the tiles read as a row of plaques, not БАНЯБАНЯ
    c.vline(0, 3, 13, INK)
    # БАНЯ in a 3x5 face, cream on red
    glyphs = {
        "Б": ["111", "100", "111", "101", "111"],
        "А": ["010", "101", "111", "101", "101"],
        "Н": ["101", "101", "111", "101", "101"],
        "Я": ["011", "101", "011", "101", "101"],
    }
    for dx, dy, col in ((1, 1, RED[0]), (0, 0, CREAM)):
        for i, ch in enumerate("БАНЯ"):
            for yy, row in enumerate(glyphs[ch]):
                for xx, bit in enumerate(row):
                    if bit == "1":
                        c.pset(1 + i * 4 + xx + dx, 6 + yy + dy, col)


@T(7, "wall_dark", True)
def wall_dark(c: Canvas) -> None:
    # the same glazed tiles one step down the ramp, with a light dither so it blends at the seam
    c.rect(0, 0, 16, 16, GLAZE[0])
    for ty in range(0, 16, 8):
        for tx in range(0, 16, 8):
            bevel(c, tx, ty, 7, 7, GLAZE[2], GLAZE[1], rgb("#5a6a70"))
    c.checker(0, 0, 16, 16, rgb("#5a6a70"))
    c.hline(0, 15, 7, GLAZE[0])
    c.hline(0, 15, 15, GLAZE[0])
    c.vline(7, 0, 15, GLAZE[0])
    c.vline(15, 0, 15, GLAZE[0])


@T(8, "floor_a", False)
def floor_a(c: Canvas) -> None:
    stone_floor(c, 80, 0)


@T(9, "floor_b", False)
def floor_b(c: Canvas) -> None:
    stone_floor(c, 90, 1)


@T(10, "floor_edge", False)
def floor_edge(c: Canvas) -> None:
    stone_floor(c, 100, 0)
    c.hline(0, 15, 0, DARK)
    c.hline(0, 15, 1, STONE[0])
    shadow_band(c, 2, 8, STONE[0], 0.9)


@T(11, "floor_drain", False)
def floor_drain(c: Canvas) -> None:
    """A round drain seen from above at a slant: a lit rim, a dark hole, thin crossed bars."""
    stone_floor(c, 110, 1)
    c.ellipse(7.5, 8, 5.5, 3.2, STONE[0])
    c.ellipse(7.5, 8, 4.5, 2.4, DARK)
    c.hline(3, 12, 8, GLAZE[1])
    c.vline(7, 6, 10, GLAZE[1])
    c.hline(4, 10, 5, STONE[4])  # the rim catching the light on its far edge
    c.pset(7, 8, GLAZE[3])


@T(12, "floor_wet", False)
def floor_wet(c: Canvas) -> None:
    stone_floor(c, 120, 0)
    m = c.ellipse_mask(8, 8.5, 7, 5) & ~c.ellipse_mask(13, 4, 3, 2)
    c.mask_fill(c.dither_mask(m, 0.6), WATER[2])
    c.mask_fill(c.ellipse_mask(8, 8.5, 5, 3), WATER[2])
    c.hline(5, 9, 7, WATER[4])
    c.hline(8, 11, 10, WATER[3])
    c.pset(4, 8, (255, 255, 255, 255))


@T(13, "floor_grate", False)
def floor_grate(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, DARK)
    for y in range(0, 16, 4):
        bevel(c, 0, y, 16, 3, WOOD[4], WOOD[3], WOOD[1])
        c.pset(2, y + 1, WOOD[1])
        c.pset(13, y + 1, WOOD[1])
    speckle(c, 130, 0.05, WOOD[2])


@T(14, "floor_shadow", False)
def floor_shadow(c: Canvas) -> None:
    stone_floor(c, 140, 1)
    darken(c, 0.5, STONE[1])
    darken(c, 0.2, STONE[0])


@T(15, "floor_crack", False)
def floor_crack(c: Canvas) -> None:
    stone_floor(c, 150, 0)
    pts = [(1, 3), (4, 5), (6, 5), (8, 8), (11, 9), (12, 12), (15, 13)]
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        c.line(x0, y0, x1, y1, STONE[0])
        c.line(x0, y0 + 1, x1, y1 + 1, STONE[4])
    c.line(8, 8, 7, 12, STONE[0])


@T(16, "pool_edge_top", True)
def pool_edge_top(c: Canvas) -> None:
    water(c, 0)
    bevel(c, 0, 0, 16, 6, STONE[4], STONE[3], STONE[1])
    c.vline(7, 0, 5, STONE[1])
    c.hline(0, 15, 6, DARK)
    shadow_band(c, 7, 4, WATER[0], 0.8)


@T(17, "pool_water", True)
def pool_water(c: Canvas) -> None:
    water(c, 0)


@T(18, "pool_water2", True)
def pool_water2(c: Canvas) -> None:
    water(c, 1)
    c.checker(0, 0, 16, 2, WATER[3])


@T(19, "pool_edge_bottom", True)
def pool_edge_bottom(c: Canvas) -> None:
    water(c, 2)
    c.hline(0, 15, 8, WATER[4])
    c.rect(0, 9, 16, 7, STONE[2])
    c.hline(0, 15, 9, STONE[4])
    c.hline(0, 15, 10, STONE[3])
    c.rect(0, 13, 16, 3, STONE[1])
    c.hline(0, 15, 15, STONE[0])
    c.vline(7, 10, 12, STONE[1])


def bench(c: Canvas, left: bool) -> None:
    stone_floor(c, 200 + left, 0)
    # shadow cast on the floor under the seat
    darken(c, 0.5, STONE[1], (0, 9, 16, 7))
    darken(c, 0.25, STONE[0], (0, 9, 16, 7))
    # seat plank seen from above, then its front edge
    bevel(c, 0, 3, 16, 4, WOOD[4], WOOD[3], WOOD[2])
    c.rect(0, 7, 16, 3, WOOD[1])
    c.hline(0, 15, 7, WOOD[2])
    c.hline(0, 15, 10, INK)
    c.hline(0, 15, 2, INK)
    leg = 1 if left else 12
    c.rect(leg, 10, 3, 5, WOOD[1])
    c.vline(leg, 10, 14, WOOD[2])
    c.hline(leg, leg + 2, 15, INK)
    if left:
        c.vline(0, 2, 10, INK)
    else:
        c.vline(15, 2, 10, INK)
    for x in (4, 9):
        c.pset(x + (0 if left else 1), 4, WOOD[1])


@T(20, "bench_left", True)
def bench_left(c: Canvas) -> None:
    bench(c, True)


@T(21, "bench_right", True)
def bench_right(c: Canvas) -> None:
    bench(c, False)


def column_shaft(c: Canvas, y0: int, y1: int) -> None:
    """A cylindrical stone column: lit from the left, fluted, dark outline."""
    shades = [GLAZE[1], GLAZE[4], GLAZE[3], GLAZE[3], GLAZE[2], GLAZE[2], GLAZE[1], GLAZE[0]]
    for i, col in enumerate(shades):
        c.rect(3 + i + (1 if i > 0 else 0), y0, 1, y1 - y0, col)
    c.rect(4, y0, 1, y1 - y0, GLAZE[3])
    c.vline(3, y0, y1 - 1, INK)
    c.vline(12, y0, y1 - 1, INK)
    for x in (6, 9):
        c.mask_fill(c.dither_mask(_col(c, x, y0, y1), 0.5), GLAZE[1])


def _col(c: Canvas, x: int, y0: int, y1: int) -> np.ndarray:
    m = np.zeros((c.h, c.w), dtype=bool)
    m[y0:y1, x] = True
    return m


@T(22, "column_top", False)
def column_top(c: Canvas) -> None:
    column_shaft(c, 0, 16)


@T(23, "column_base", True)
def column_base(c: Canvas) -> None:
    stone_floor(c, 230, 1)
    darken(c, 0.5, STONE[0], (0, 12, 16, 4))
    column_shaft(c, 0, 9)
    bevel(c, 1, 9, 14, 5, GLAZE[4], GLAZE[2], GLAZE[1])
    c.rect(1, 14, 14, 1, INK)
    c.vline(1, 9, 13, INK)
    c.vline(14, 9, 13, INK)


def steam(c: Canvas, blobs: list[tuple[float, float, float, float]]) -> None:
    for cx, cy, rx, ry in blobs:
        outer = c.ellipse_mask(cx, cy, rx, ry)
        inner = c.ellipse_mask(cx - 0.5, cy - 0.5, rx * 0.6, ry * 0.6)
        c.mask_fill(c.dither_mask(outer, 0.5) & ~c.opaque(), with_alpha(GLAZE[4], 96))
        c.mask_fill(inner, with_alpha(GLAZE[4], 120))


@T(24, "steam_a", False)
def steam_a(c: Canvas) -> None:
    steam(c, [(5, 10, 5, 4), (10, 6, 5, 4), (12, 12, 3, 3)])


@T(25, "steam_b", False)
def steam_b(c: Canvas) -> None:
    steam(c, [(8, 9, 7, 4), (4, 4, 3, 3), (13, 4, 2, 2)])


@T(26, "towel_rack", True)
def towel_rack(c: Canvas) -> None:
    glazed_wall(c, 0, 8)
    wainscot(c, 8)
    c.rect(1, 2, 14, 2, WOOD[3])
    c.hline(1, 14, 4, WOOD[0])
    c.rect(1, 1, 2, 3, BRASS[2])
    c.rect(13, 1, 2, 3, BRASS[2])
    # a striped towel hanging over the rail
    c.rect(4, 3, 8, 11, CREAM)
    c.rect(4, 4, 1, 10, GLAZE[2])
    c.rect(10, 4, 2, 10, GLAZE[2])
    c.hline(4, 11, 10, RED[2])
    c.hline(4, 11, 12, RED[2])
    c.hline(4, 11, 14, INK)
    c.vline(3, 3, 13, INK)
    c.vline(12, 3, 13, INK)
    c.hline(5, 9, 3, (255, 255, 255, 255))


@T(27, "bucket", True)
def bucket(c: Canvas) -> None:
    stone_floor(c, 270, 1)
    c.ellipse(8, 14, 7, 2, STONE[0])
    c.poly([(2, 6), (14, 6), (13, 14), (3, 14)], INK)
    c.poly([(3, 6), (13, 6), (12, 13), (4, 13)], WOOD[3])
    for x, col in ((4, WOOD[4]), (5, WOOD[4]), (8, WOOD[2]), (11, WOOD[1]), (12, WOOD[1])):
        c.vline(x, 7, 12, col)
    c.hline(3, 12, 8, BRASS[2])
    c.hline(4, 12, 11, BRASS[2])
    c.ellipse(8, 6, 6, 1.6, WOOD[1])
    c.ellipse(8, 6.3, 4.5, 1, WATER[3])
    # the single raised stave that is the shayka's handle
    c.rect(12, 2, 2, 5, WOOD[3])
    c.vline(14, 2, 6, INK)
    c.hline(12, 13, 1, INK)


@T(28, "lamp", False)
def lamp(c: Canvas) -> None:
    glow = c.ellipse_mask(8, 8, 8, 8)
    c.mask_fill(c.dither_mask(glow, 0.35), rgb("#ffd890", 90))
    c.mask_fill(c.ellipse_mask(8, 8, 5, 5), rgb("#ffe4a8", 70))
    c.rect(7, 1, 2, 3, BRASS[1])
    c.ellipse(8, 7, 3, 3.5, INK)
    c.ellipse(8, 7, 2, 2.5, rgb("#fff4c8"))
    c.pset(7, 6, (255, 255, 255, 255))
    c.hline(5, 11, 10, BRASS[2])
    c.hline(6, 10, 11, BRASS[1])


@T(29, "ceiling", True)
def ceiling(c: Canvas) -> None:
    c.vgrad(0, 0, 16, 16, [DARK, rgb("#1c1618"), rgb("#2c2426")])
    speckle(c, 290, 0.04, rgb("#3c3234"))


@T(30, "ceiling_beam", True)
def ceiling_beam(c: Canvas) -> None:
    c.vgrad(0, 0, 16, 16, [DARK, rgb("#1c1618"), rgb("#2c2426")])
    bevel(c, 0, 4, 16, 8, WOOD[3], WOOD[2], WOOD[0])
    c.hline(0, 15, 12, DARK)
    for x in (3, 10):
        c.hline(x, x + 3, 7, WOOD[1])
    c.pset(1, 8, BRASS[3])
    c.pset(14, 8, BRASS[3])


@T(31, "front_edge", True)
def front_edge(c: Canvas) -> None:
    stone_floor(c, 310, 0)
    c.rect(0, 4, 16, 3, STONE[4])
    c.hline(0, 15, 4, (255, 255, 255, 255))
    c.hline(0, 15, 6, STONE[2])
    c.vgrad(0, 7, 16, 9, [STONE[1], STONE[0], DARK])
    c.vline(7, 4, 6, STONE[2])
    c.vline(15, 4, 6, STONE[2])
