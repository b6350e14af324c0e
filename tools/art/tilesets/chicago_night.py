"""Chicago at night: soot-dark brick, fire escapes, neon, and wet asphalt that mirrors it all."""

from __future__ import annotations

from ..canvas import Canvas, ramp, rgb, with_alpha
from ..tilekit import TileSheet, bevel, darken, noise
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

SHEET = TileSheet("chicago_night")

BRICK = ramp("#1a0e10", "#3a1a1a", "#5a2822", "#7a3a2c")
MORTAR = rgb("#1c1418")
ASPHALT = ramp("#0c0c12", "#1a1a24", "#282836", "#3c3c50")
CURB = ramp("#1e1e26", "#3a3a46", "#5a5a68", "#84849a")
IRON = ramp("#08080c", "#1a1a22", "#30303c", "#4c4c5c")
PINK = ramp("#3a0a2a", "#a01a6a", "#ff3aa8", "#ffb4e4")
CYAN = ramp("#06283a", "#0a6a8a", "#2ad8ff", "#b4f4ff")
AMBER = [rgb("#fff0b0"), rgb("#ffc860"), rgb("#c87a28")]
GREEN = ramp("#0e2014", "#1e4028", "#2e6040", "#4a8a5c")
CITY = [rgb("#06060e"), rgb("#140e24"), rgb("#3a1a30"), rgb("#6a2a30")]


def T(tid: int, name: str):  # noqa: N802 - mirrors the contract table
    """Register a tile with the shared solid flag for its slot."""
    return SHEET.tile(tid, name, solid(tid))


def asphalt(c: Canvas, seed: int = 80, sheen: bool = True) -> None:
    """Wet asphalt: dark grain with streaks of reflected neon."""
    n = noise(seed, 16, 16)
    c.rect(0, 0, 16, 16, ASPHALT[1])
    c.mask_fill(n < 0.15, ASPHALT[0])
    c.mask_fill(n > 0.85, ASPHALT[2])
    c.mask_fill(n > 0.97, ASPHALT[3])
    if sheen:
        # a broken smear of reflected neon, dithered so it reads as wet rather than as paint
        x = seed % 11 + 2
        for y in range(4, 11, 2):
            c.pset(x + (y // 2) % 2, y, PINK[1])
        c.pset(x + 3, 8, CYAN[1])


def neon_text(c: Canvas, text: list[str], x: int, y: int, col: list) -> None:
    """Tube letters from bit rows, with a dark halo so they glow."""
    for yy, row in enumerate(text):
        for xx, bit in enumerate(row):
            if bit == "1":
                c.pset(x + xx, y + yy, col[3] if (xx + yy) % 3 else col[2])


@T(0, "wall_upper")
def wall_upper(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 11)


@T(1, "wall_lower")
def wall_lower(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 12, 0, 10)
    bevel(c, 0, 10, 16, 6, CURB[2], CURB[1], CURB[0])
    c.hline(0, 15, 15, INK)
    # wet streaks running down from the gutter
    for x in (3, 12):
        c.vline(x, 4, 9, BRICK[0])


@T(2, "fire_escape")
def fire_escape(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 13)
    c.rect(0, 9, 16, 2, IRON[2])
    c.hline(0, 15, 9, IRON[3])
    c.hline(0, 15, 2, IRON[2])
    for x in range(1, 16, 3):
        c.vline(x, 2, 9, IRON[1])
    c.line(0, 15, 6, 11, IRON[2])
    c.line(8, 15, 14, 11, IRON[2])


@T(3, "wall_window")
def wall_window(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 14)

    def blinds(cc: Canvas) -> None:
        for y in range(4, 12, 2):
            cc.hline(3, 12, y, AMBER[2])
        cc.rect(9, 8, 3, 4, INK)  # a silhouette at the window
        cc.ellipse(10.5, 6.5, 1.4, 1.6, INK)

    window_tile(c, IRON, AMBER, blinds)


@T(4, "wall_door")
def wall_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, IRON[1])
    bevel(c, 2, 1, 12, 15, IRON[3], IRON[2], IRON[0])
    for y in (4, 8, 12):
        c.hline(3, 12, y, IRON[1])
    c.rect(10, 8, 2, 1, AMBER[1])
    c.rect(5, 0, 6, 1, AMBER[0])


@T(5, "neon_bar")
def neon_bar(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 15)
    darken(c, 0.4, INK, (0, 2, 16, 11))
    glow_mask = c.ellipse_mask(8, 7.5, 9, 6)
    c.mask_fill(c.dither_mask(glow_mask, 0.35), PINK[1])
    neon_text(c, ["110010011100", "101101010010", "110111011100", "101101010100", "110101010010"], 2, 5, PINK)
    c.hline(1, 14, 12, PINK[2])


@T(6, "neon_cocktail")
def neon_cocktail(c: Canvas) -> None:
    bricks(c, BRICK, MORTAR, 16)
    c.rect(1, 1, 14, 14, IRON[0])
    c.mask_fill(c.dither_mask(c.ellipse_mask(8, 7, 7, 7), 0.3), CYAN[1])
    c.line(3, 3, 8, 8, CYAN[3])
    c.line(13, 3, 8, 8, CYAN[3])
    c.hline(3, 13, 3, CYAN[2])
    c.vline(8, 8, 12, CYAN[3])
    c.hline(5, 11, 12, CYAN[2])
    c.pset(10, 5, PINK[3])
    c.pset(11, 4, PINK[2])
    c.line(6, 2, 9, 6, PINK[2])


@T(7, "wall_dark")
def wall_dark(c: Canvas) -> None:
    bricks(c, [BRICK[0], BRICK[0], BRICK[1], BRICK[2]], rgb("#100a0c"), 17)
    darken(c, 0.35, INK)


@T(8, "asphalt_a")
def asphalt_a(c: Canvas) -> None:
    asphalt(c, 80)


@T(9, "asphalt_b")
def asphalt_b(c: Canvas) -> None:
    asphalt(c, 91, sheen=False)


@T(10, "sidewalk_edge")
def sidewalk_edge(c: Canvas) -> None:
    asphalt(c, 100, sheen=False)
    bevel(c, 0, 0, 16, 6, CURB[3], CURB[2], CURB[1])
    c.vline(7, 0, 5, CURB[1])
    c.hline(0, 15, 6, INK)
    edge_shadow(c, ASPHALT[0], 4)
    bevel(c, 0, 1, 16, 5, CURB[3], CURB[2], CURB[1])


@T(11, "manhole")
def manhole(c: Canvas) -> None:
    asphalt(c, 110, sheen=False)
    c.ellipse(8, 8, 6, 4, INK)
    c.ellipse(8, 7.6, 5, 3.2, IRON[2])
    for y in (6, 8):
        c.hline(5, 11, y, IRON[1])
    c.hline(6, 9, 5, IRON[3])


@T(12, "puddle_neon")
def puddle_neon(c: Canvas) -> None:
    asphalt(c, 120, sheen=False)
    m = c.ellipse_mask(8, 9, 7, 4.5)
    c.mask_fill(m, rgb("#0a0a18"))
    c.mask_fill(m & c.ellipse_mask(5, 8, 2, 3.5), PINK[2])
    c.mask_fill(m & c.ellipse_mask(11, 10, 1.5, 3), CYAN[2])
    c.hline(4, 12, 6, with_alpha(WHITE, 160))


@T(13, "drain_grate")
def drain_grate(c: Canvas) -> None:
    asphalt(c, 130, sheen=False)
    c.rect(3, 4, 10, 8, INK)
    for x in range(4, 13, 2):
        c.vline(x, 5, 10, IRON[3])


@T(14, "floor_shadow")
def floor_shadow(c: Canvas) -> None:
    asphalt(c, 140, sheen=False)
    darken(c, 0.6, INK)


@T(15, "asphalt_crack")
def asphalt_crack(c: Canvas) -> None:
    asphalt(c, 150, sheen=False)
    c.line(0, 4, 6, 8, INK)
    c.line(6, 8, 15, 10, INK)
    c.line(6, 8, 8, 14, INK)
    c.line(0, 5, 6, 9, ASPHALT[3])


def fence(c: Canvas, seed: int) -> None:
    asphalt(c, seed, sheen=False)
    for i in range(-16, 16, 4):  # chain-link diamonds
        c.line(i, 0, i + 16, 16, IRON[3])
        c.line(i + 16, 0, i, 16, IRON[2])


@T(16, "fence_top")
def fence_top(c: Canvas) -> None:
    fence(c, 160)
    c.rect(0, 0, 16, 3, IRON[2])
    c.hline(0, 15, 0, IRON[3])
    for x in range(1, 16, 4):  # barbed wire
        c.pset(x, 4, IRON[3])
        c.pset(x + 1, 5, IRON[3])


@T(17, "fence")
def fence_mid(c: Canvas) -> None:
    fence(c, 170)


@T(18, "fence_sign")
def fence_sign(c: Canvas) -> None:
    fence(c, 180)
    bevel(c, 3, 4, 10, 7, rgb("#ffe070"), rgb("#e8b820"), rgb("#8a6a10"))
    c.hline(5, 10, 6, INK)
    c.hline(5, 9, 8, INK)


@T(19, "fence_bottom")
def fence_bottom(c: Canvas) -> None:
    fence(c, 190)
    c.rect(0, 12, 16, 4, IRON[1])
    c.hline(0, 15, 12, IRON[3])
    c.vline(0, 0, 15, IRON[3])


@T(20, "bench_left")
def bench_left(c: Canvas) -> None:
    bench(c, True, lambda cc: asphalt(cc, 200, False), GREEN, IRON, INK)


@T(21, "bench_right")
def bench_right(c: Canvas) -> None:
    bench(c, False, lambda cc: asphalt(cc, 210, False), GREEN, IRON, INK)


@T(22, "ladder_top")
def ladder_top(c: Canvas) -> None:
    for x in (4, 11):
        c.vline(x, 0, 15, IRON[3])
        c.vline(x + 1, 0, 15, IRON[0])
    for y in range(1, 16, 4):
        c.hline(4, 12, y, IRON[2])
        c.hline(4, 12, y + 1, INK)


@T(23, "hydrant")
def hydrant(c: Canvas) -> None:
    asphalt(c, 230, sheen=False)
    red = ramp("#3a0606", "#8a1010", "#d02818", "#ff6a40")

    def plug(cc: Canvas) -> None:
        column(cc, red, 4, 14, 5, 6)
        cc.ellipse(8, 4, 3.5, 2.5, red[2])
        cc.rect(3, 7, 10, 2, red[1])
        cc.rect(7, 1, 2, 2, red[3])
        cc.rect(4, 13, 8, 2, red[1])

    outline_prop(c, plug)


@T(24, "steam_a")
def steam_a(c: Canvas) -> None:
    wisps(c, rgb("#d8d8e8"), [(6, 10, 5, 4), (10, 5, 4, 3)], 100)


@T(25, "steam_b")
def steam_b(c: Canvas) -> None:
    wisps(c, rgb("#d8d8e8"), [(8, 8, 6, 3.5), (4, 3, 3, 2)], 100)


@T(26, "trash_can")
def trash_can(c: Canvas) -> None:
    asphalt(c, 260, sheen=False)

    def can(cc: Canvas) -> None:
        column(cc, CURB, 5, 15, 4, 8)
        for y in (7, 11):
            cc.hline(4, 11, y, CURB[1])
        cc.ellipse(8, 4.5, 5, 1.8, CURB[3])
        cc.rect(7, 2, 2, 2, CURB[2])

    outline_prop(c, can)


@T(27, "crates")
def crates(c: Canvas) -> None:
    asphalt(c, 270, sheen=False)
    wood = ramp("#1e1008", "#4a2a14", "#6e4422", "#946036")

    def box(cc: Canvas) -> None:
        bevel(cc, 1, 6, 9, 9, wood[3], wood[2], wood[1])
        bevel(cc, 7, 2, 8, 8, wood[3], wood[2], wood[1])
        cc.line(2, 7, 9, 14, wood[1])
        cc.hline(8, 14, 5, wood[1])

    outline_prop(c, box)


@T(28, "neon_glow")
def neon_glow(c: Canvas) -> None:
    glow(c, PINK[2])
    c.hline(3, 12, 8, PINK[3])
    c.hline(3, 12, 9, PINK[2])


@T(29, "sky")
def city_sky(c: Canvas) -> None:
    sky(c, CITY, 2, 290)


@T(30, "skyline")
def skyline(c: Canvas) -> None:
    sky(c, CITY[:3], 0, 300)
    for x0, w, top in ((0, 5, 4), (5, 4, 1), (9, 7, 6)):
        c.rect(x0, top, w, 16 - top, IRON[0])
        for y in range(top + 2, 16, 3):
            for x in range(x0 + 1, x0 + w - 1, 2):
                if (x * 7 + y * 3) % 5 < 2:
                    c.pset(x, y, AMBER[1])


@T(31, "front_edge")
def front_edge(c: Canvas) -> None:
    front_lip(c, lambda cc: asphalt(cc, 310, False), CURB, [INK, ASPHALT[0], ASPHALT[1]])
    c.hline(0, 15, 5, with_alpha(PINK[2], 120))
