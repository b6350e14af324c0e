"""Moscow in winter: red brick, snow on every ledge, onion domes beyond the wall, a cold night sky."""

from __future__ import annotations

import math

from ..canvas import Canvas, ramp, rgb
from ..tilekit import TileSheet, bevel, darken, noise, speckle
from .common import (
    INK,
    WHITE,
    bench,
    bricks,
    column,
    edge_shadow,
    front_lip,
    glow,
    outline_prop,
    sky,
    solid,
    wisps,
)
from .common import window as window_tile

SHEET = TileSheet("moscow_street")

BRICK = ramp("#2c0c0c", "#5e1a16", "#8a2a1e", "#b4462c")
MORTAR = rgb("#3a2a2a")
SNOW = ramp("#5a6a8a", "#9aaccc", "#cad8ee", "#f2f8ff")
STONE = ramp("#2a2a32", "#4a4a56", "#6e6e7c", "#9a9aa8")
GOLD = ramp("#4a3008", "#9a6a14", "#dcaa30", "#fff08a")
NIGHT = [rgb("#080c1e"), rgb("#101a3a"), rgb("#1c2c5a")]
WOOD = ramp("#1e0e06", "#442414", "#6c3e22", "#94603a")
IRON = ramp("#0e0e14", "#22222c", "#3e3e4c", "#666678")
RED = ramp("#3a0606", "#8a1010", "#c82018", "#f05030")
WARM = [rgb("#fff0a0"), rgb("#ffc860"), rgb("#d88830")]


def T(tid: int, name: str):  # noqa: N802 - mirrors the contract table
    """Register a tile with the shared solid flag for its slot."""
    return SHEET.tile(tid, name, solid(tid))


def snow_cap(c: Canvas, y: int, depth: int = 3) -> None:
    """Snow lying along a ledge at row ``y``, with a lumpy lower edge."""
    c.rect(0, y, 16, depth, SNOW[2])
    c.hline(0, 15, y, SNOW[3])
    for x in range(0, 16, 5):
        c.pset(x + 1, y + depth, SNOW[2])
        c.pset(x + 2, y + depth, SNOW[1])
    c.hline(0, 15, y + depth - 1, SNOW[1])
    c.checker(0, y + 1, 16, 1, SNOW[3])


def snow_floor(c: Canvas, seed: int = 80) -> None:
    """Trodden snow over cobbles."""
    n = noise(seed, 16, 16)
    c.rect(0, 0, 16, 16, SNOW[2])
    c.mask_fill(n < 0.09, SNOW[1])
    c.mask_fill(n > 0.94, SNOW[3])
    c.mask_fill(c.dither_mask((n > 0.4) & (n < 0.48), 0.5), SNOW[1])
    speckle(c, seed + 5, 0.015, STONE[2])


@T(0, "wall_upper")
def wall_upper(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 1)


@T(1, "wall_lower")
def wall_lower(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 2, 0, 8)
    bevel(c, 0, 8, 16, 8, STONE[3], STONE[2], STONE[1])
    c.vline(7, 9, 14, STONE[1])
    darken(c, 0.3, STONE[0], (0, 12, 16, 4))
    snow_cap(c, 7, 2)
    c.rect(0, 13, 16, 3, SNOW[2])
    c.hline(0, 15, 13, SNOW[3])


@T(2, "wall_trim")
def wall_trim(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 3)
    bevel(c, 0, 6, 16, 4, STONE[3], STONE[2], STONE[0])
    c.hline(0, 15, 10, INK)
    snow_cap(c, 4, 3)
    for x in (2, 9, 13):  # icicles
        c.vline(x, 11, 11 + (x % 3) + 1, SNOW[3])


@T(3, "wall_window")
def wall_window(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 4)

    def frost(cc: Canvas) -> None:
        cc.checker(3, 3, 10, 2, SNOW[3])
        cc.pset(4, 10, SNOW[3])
        cc.pset(11, 5, WHITE)

    window_tile(c, WOOD, WARM, frost)
    snow_cap(c, 13, 2)


@T(4, "wall_door")
def wall_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, STONE[1])
    c.rect(1, 0, 14, 16, WOOD[1])
    for x in (1, 8):
        bevel(c, x + 1, 1, 5, 14, WOOD[3], WOOD[2], WOOD[0])
        c.vline(x + 3, 3, 12, WOOD[1])
    c.vline(8, 0, 15, INK)
    c.rect(6, 8, 1, 2, GOLD[2])
    c.rect(9, 8, 1, 2, GOLD[2])
    c.rect(0, 14, 16, 2, SNOW[2])


@T(5, "wall_domes")
def wall_domes(c: Canvas) -> None:
    """Onion domes of a cathedral beyond the wall, gold on the night sky."""
    sky(c, NIGHT, 6, 55)
    for cx, top, w, col in ((4, 3, 3.2, GOLD), (11.5, 1, 4.0, RED)):
        body = c.ellipse_mask(cx, top + 6, w, 3.6) | c.poly_mask(
            [(cx - 0.5, top), (cx + 0.5, top), (cx + w * 0.7, top + 4), (cx - w * 0.7, top + 4)]
        )
        c.mask_fill(body, col[2])
        c.mask_fill(body & c.ellipse_mask(cx - w * 0.4, top + 5, w * 0.45, 2.4), col[3])
        c.mask_fill(body & ~c.ellipse_mask(cx - 0.6, top + 5.5, w * 0.8, 3.6), col[1])
        c.vline(int(cx), top - 3, top, GOLD[3])
        c.hline(int(cx) - 1, int(cx) + 1, top - 2, GOLD[3])
        c.rect(int(cx - w + 1), top + 9, int(2 * w - 1), 16 - top - 9, rgb("#d8d0c0"))
        c.rect(int(cx - w + 1), top + 9, 1, 16 - top - 9, rgb("#a89880"))
    bricks(c, BRICK, MORTAR, 5, 12, 16)
    snow_cap(c, 11, 2)


@T(6, "wall_sign")
def wall_sign(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 6)
    bevel(c, 1, 2, 14, 11, RED[3], RED[2], RED[0])
    c.rect(1, 13, 14, 1, INK)
    star = [
        (8, 3.5),
        (9.2, 6.5),
        (12.4, 6.6),
        (9.9, 8.6),
        (10.8, 11.6),
        (8, 9.8),
        (5.2, 11.6),
        (6.1, 8.6),
        (3.6, 6.6),
        (6.8, 6.5),
    ]
    c.poly(star, GOLD[2])
    c.poly([*star[:3], (8, 7.5)], GOLD[3])
    snow_cap(c, 1, 2)


@T(7, "wall_dark")
def wall_dark(c: Canvas) -> None:
    bricks(c, [BRICK[0], BRICK[0], BRICK[1], BRICK[2]], rgb("#1e1414"), 7)
    darken(c, 0.3, INK)


@T(8, "snow_a")
def snow_a(c: Canvas) -> None:
    snow_floor(c, 80)


@T(9, "snow_b")
def snow_b(c: Canvas) -> None:
    snow_floor(c, 90)
    for x, y in ((3, 4), (10, 11)):  # footprints
        c.rect(x, y, 2, 3, SNOW[1])
        c.pset(x, y, SNOW[0])


@T(10, "floor_edge")
def floor_edge(c: Canvas) -> None:
    snow_floor(c, 100)
    c.rect(0, 0, 16, 4, SNOW[3])
    c.hline(0, 15, 4, SNOW[2])
    edge_shadow(c, SNOW[0], 4)
    c.rect(0, 1, 16, 2, SNOW[2])


@T(11, "cobbles")
def cobbles(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, STONE[0])
    for y in range(0, 16, 4):
        for x in range((y // 4 % 2) * 2, 16, 5):
            bevel(c, x, y, 4, 3, STONE[3], STONE[2], STONE[1])
    snow = c.ellipse_mask(2, 3, 4, 3) | c.ellipse_mask(14, 13, 4, 3)
    c.mask_fill(snow, SNOW[2])


@T(12, "ice")
def ice(c: Canvas) -> None:
    snow_floor(c, 120)
    m = c.ellipse_mask(8, 8.5, 7, 5)
    c.mask_fill(m, rgb("#7ab0d8"))
    c.mask_fill(m & c.ellipse_mask(6, 7, 4, 2), rgb("#b8e0f8"))
    c.line(4, 10, 9, 6, WHITE)
    c.pset(11, 9, WHITE)


@T(13, "tram_rails")
def tram_rails(c: Canvas) -> None:
    snow_floor(c, 130)
    for y in (5, 11):
        c.hline(0, 15, y - 1, SNOW[0])
        c.hline(0, 15, y, IRON[3])
        c.hline(0, 15, y + 1, IRON[1])


@T(14, "floor_shadow")
def floor_shadow(c: Canvas) -> None:
    snow_floor(c, 140)
    darken(c, 0.55, SNOW[0])


@T(15, "slush")
def slush(c: Canvas) -> None:
    snow_floor(c, 150)
    m = c.ellipse_mask(9, 9, 6, 4)
    c.mask_fill(c.dither_mask(m, 0.6), rgb("#6c6458"))
    c.mask_fill(c.ellipse_mask(9, 9, 3, 2), rgb("#4e4840"))


def drift_body(c: Canvas, seed: int) -> None:
    """The packed face of a snow bank: bright, smooth, shading a little downwards."""
    c.vgrad(0, 0, 16, 16, [SNOW[3], SNOW[2], SNOW[2]])
    speckle(c, seed, 0.03, WHITE)
    speckle(c, seed + 1, 0.02, SNOW[1])


@T(16, "drift_top")
def drift_top(c: Canvas) -> None:
    snow_floor(c, 160)
    # a gentle lumpy crest that tiles left to right (one bump per tile)
    for x in range(16):
        top = 6 + round(1.5 * (1 - math.cos(2 * math.pi * x / 16)))
        c.vline(x, top, 15, SNOW[2])
        c.pset(x, top, INK if x % 5 else SNOW[0])
        c.pset(x, top + 1, WHITE)
        c.pset(x, top + 2, SNOW[3])


@T(17, "drift")
def drift(c: Canvas) -> None:
    drift_body(c, 170)


@T(18, "drift2")
def drift2(c: Canvas) -> None:
    drift_body(c, 180)
    c.line(3, 6, 9, 9, SNOW[1])  # a wind-carved ridge
    c.line(4, 5, 10, 8, WHITE)


@T(19, "drift_bottom")
def drift_bottom(c: Canvas) -> None:
    drift_body(c, 190)
    c.vgrad(0, 6, 16, 6, [SNOW[2], SNOW[1], SNOW[1]])
    c.hline(0, 15, 12, SNOW[0])
    c.rect(0, 13, 16, 3, SNOW[1])
    c.checker(0, 13, 16, 3, SNOW[2])


@T(20, "bench_left")
def bench_left(c: Canvas) -> None:
    bench(c, True, snow_floor, WOOD, IRON, SNOW[0])
    c.rect(0, 2, 16, 2, SNOW[3])


@T(21, "bench_right")
def bench_right(c: Canvas) -> None:
    bench(c, False, snow_floor, WOOD, IRON, SNOW[0])
    c.rect(0, 2, 16, 2, SNOW[3])


@T(22, "lamppost_top")
def lamppost_top(c: Canvas) -> None:
    column(c, IRON, 0, 16, 6, 4)
    c.rect(4, 4, 8, 2, IRON[2])
    c.hline(4, 11, 4, IRON[3])
    c.hline(4, 11, 3, SNOW[3])


@T(23, "lamppost_base")
def lamppost_base(c: Canvas) -> None:
    snow_floor(c, 230)
    column(c, IRON, 0, 12, 6, 4)
    bevel(c, 4, 10, 8, 4, IRON[3], IRON[2], IRON[0])
    c.rect(4, 14, 8, 1, INK)
    c.rect(3, 12, 10, 2, SNOW[2])


@T(24, "blowing_snow_a")
def blowing_snow_a(c: Canvas) -> None:
    wisps(c, WHITE, [(5, 10, 5, 2), (11, 5, 4, 1.5)], 90)
    for x, y in ((2, 3), (13, 12), (8, 14), (6, 6)):
        c.pset(x, y, WHITE)


@T(25, "blowing_snow_b")
def blowing_snow_b(c: Canvas) -> None:
    wisps(c, WHITE, [(9, 9, 6, 2), (3, 4, 3, 1.2)], 90)
    for x, y in ((12, 2), (3, 13), (14, 14)):
        c.pset(x, y, WHITE)


@T(26, "fire_barrel")
def fire_barrel(c: Canvas) -> None:
    snow_floor(c, 260)

    def barrel(cc: Canvas) -> None:
        cc.rect(3, 6, 10, 9, IRON[2])
        cc.vline(4, 6, 14, IRON[3])
        cc.vline(11, 6, 14, IRON[1])
        for y in (8, 12):
            cc.hline(3, 12, y, IRON[1])
        cc.ellipse(8, 5, 5, 2, RED[2])
        cc.poly([(5, 5), (7, 0), (8, 3), (10, 1), (11, 5)], WARM[1])
        cc.poly([(6.5, 5), (8, 2), (9.5, 5)], WARM[0])

    outline_prop(c, barrel)


@T(27, "crate")
def crate(c: Canvas) -> None:
    snow_floor(c, 270)

    def box(cc: Canvas) -> None:
        bevel(cc, 2, 4, 12, 11, WOOD[3], WOOD[2], WOOD[1])
        cc.line(3, 5, 12, 13, WOOD[1])
        cc.rect(2, 4, 12, 2, SNOW[3])
        cc.hline(2, 13, 6, SNOW[1])

    outline_prop(c, box)


@T(28, "lamp")
def lamp(c: Canvas) -> None:
    glow(c, rgb("#ffd890"))
    c.ellipse(8, 7, 3, 3.5, INK)
    c.ellipse(8, 7, 2, 2.5, rgb("#fff4c8"))
    c.hline(5, 11, 3, IRON[2])


@T(29, "sky")
def night_sky(c: Canvas) -> None:
    sky(c, NIGHT, 8, 290)


@T(30, "eaves")
def eaves(c: Canvas) -> None:
    sky(c, NIGHT[:2], 3, 300)
    bevel(c, 0, 6, 16, 6, IRON[3], IRON[2], IRON[0])
    snow_cap(c, 3, 4)
    for x in (1, 5, 8, 12, 14):
        c.vline(x, 12, 12 + (x * 7) % 4, SNOW[3])


@T(31, "front_edge")
def front_edge(c: Canvas) -> None:
    front_lip(c, snow_floor, STONE, [rgb("#06080e"), STONE[0], STONE[1]])
    c.rect(0, 3, 16, 2, SNOW[3])
