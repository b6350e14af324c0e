"""The bus station: rows of numbered lockers, cream tiles, terrazzo, benches, buses beyond the glass."""

from __future__ import annotations

from ..canvas import Canvas, ramp, rgb
from ..tilekit import TileSheet, bevel, darken
from .common import (
    INK,
    WHITE,
    bench,
    column,
    edge_shadow,
    front_lip,
    glazed,
    glow,
    outline_prop,
    slab_floor,
    solid,
    wisps,
)
from .common import window as window_tile

SHEET = TileSheet("bus_station")

TILE = ramp("#4a4232", "#8a806a", "#c0b494", "#e0d6b6", "#f6f0da")
LOCKER = ramp("#0e1a2a", "#1e3a5a", "#2e5a86", "#4a80b0", "#80b0d8")
TERRAZZO = ramp("#34302c", "#625a52", "#8c8278", "#b4aa9c")
STEEL = ramp("#16181e", "#363a44", "#5a606c", "#8a92a0", "#c4cad4")
YELLOW = ramp("#4a3a06", "#9a7a10", "#e8c020", "#fff070")
ORANGE = ramp("#4a1a06", "#9a3a10", "#e06a20", "#ff9a50")
SKY = [rgb("#1a1430"), rgb("#3a2a4a"), rgb("#6a4a5a")]
PLASTIC = ramp("#3a0a0a", "#7a1818", "#b02a22", "#d8503a")


def T(tid: int, name: str):  # noqa: N802 - mirrors the contract table
    """Register a tile with the shared solid flag for its slot."""
    return SHEET.tile(tid, name, solid(tid))


def terrazzo(c: Canvas, seed: int = 80) -> None:
    """Speckled terrazzo slabs."""
    slab_floor(c, TERRAZZO, seed, 16)
    from ..tilekit import speckle

    speckle(c, seed + 7, 0.08, TERRAZZO[3])
    speckle(c, seed + 8, 0.03, rgb("#a06a50"))


def lockers(c: Canvas, number: int, top: bool) -> None:
    """Two locker doors: vents, a keyhole and a number plate."""
    c.rect(0, 0, 16, 16, LOCKER[0])
    for x in (0, 8):
        bevel(c, x, 0, 8, 16, LOCKER[4], LOCKER[2], LOCKER[1])
        if top:
            for y in (2, 4):
                c.hline(x + 2, x + 5, y, LOCKER[0])
        c.rect(x + 5, 8, 1, 2, YELLOW[2])  # keyhole
        c.rect(x + 2, 11 if top else 3, 3, 2, WHITE)
        c.pset(x + 3, 11 if top else 3, INK if (number + x) % 3 else LOCKER[1])
    c.vline(8, 0, 15, INK)


@T(0, "wall_upper")
def wall_upper(c: Canvas) -> None:
    glazed(c, TILE)


@T(1, "lockers_lower")
def lockers_lower(c: Canvas) -> None:
    lockers(c, 2, False)
    c.rect(0, 14, 16, 2, STEEL[1])


@T(2, "wall_trim")
def wall_trim(c: Canvas) -> None:
    glazed(c, TILE)
    c.rect(0, 5, 16, 5, ORANGE[2])
    c.hline(0, 15, 5, ORANGE[3])
    c.hline(0, 15, 9, ORANGE[1])
    c.hline(0, 15, 10, INK)


@T(3, "window_bus")
def window_bus(c: Canvas) -> None:
    glazed(c, TILE)

    def bus(cc: Canvas) -> None:
        cc.rect(3, 6, 10, 6, ORANGE[2])
        cc.hline(3, 12, 6, ORANGE[3])
        for x in (4, 8):
            cc.rect(x, 7, 3, 2, rgb("#2a3a4a"))
        cc.hline(3, 12, 10, WHITE)

    window_tile(c, STEEL, SKY, bus)


@T(4, "glass_door")
def glass_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, STEEL[2])
    for x in (1, 8):
        c.rect(x, 0, 7, 16, STEEL[3])
        c.vgrad(x + 1, 1, 5, 14, [rgb("#7aa0b8"), rgb("#4a6a80"), rgb("#2a3a4a")])
        c.line(x + 2, 3, x + 4, 1, WHITE)
        c.rect(x + 1, 8, 5, 1, STEEL[4])
    c.vline(8, 0, 15, INK)


@T(5, "lockers_upper")
def lockers_upper(c: Canvas) -> None:
    lockers(c, 5, True)


@T(6, "departures")
def departures(c: Canvas) -> None:
    glazed(c, TILE)
    c.rect(0, 2, 16, 11, INK)
    for y in (4, 7, 10):
        for x in range(1, 15, 2):
            if (x * 3 + y) % 7 < 5:
                c.pset(x, y, YELLOW[3])
                c.pset(x, y + 1, YELLOW[2])
    c.hline(0, 15, 13, STEEL[2])


@T(7, "wall_dark")
def wall_dark(c: Canvas) -> None:
    glazed(c, [TILE[0], TILE[0], TILE[1], TILE[1], TILE[2]])
    darken(c, 0.3, INK)


@T(8, "terrazzo_a")
def terrazzo_a(c: Canvas) -> None:
    terrazzo(c, 80)


@T(9, "terrazzo_b")
def terrazzo_b(c: Canvas) -> None:
    terrazzo(c, 90)
    darken(c, 0.15, TERRAZZO[1])


@T(10, "floor_edge")
def floor_edge(c: Canvas) -> None:
    terrazzo(c, 100)
    c.rect(0, 0, 16, 2, STEEL[1])
    edge_shadow(c, TERRAZZO[0], 6)


@T(11, "floor_line")
def floor_line(c: Canvas) -> None:
    terrazzo(c, 110)
    c.rect(0, 7, 16, 2, YELLOW[2])
    c.hline(0, 15, 7, YELLOW[3])


@T(12, "floor_wet")
def floor_wet(c: Canvas) -> None:
    terrazzo(c, 120)
    m = c.ellipse_mask(8, 9, 7, 4)
    c.mask_fill(c.dither_mask(m, 0.55), rgb("#5a6a7a"))
    c.hline(4, 9, 7, rgb("#c8d8e8"))


@T(13, "drain_grate")
def drain_grate(c: Canvas) -> None:
    terrazzo(c, 130)
    c.rect(2, 5, 12, 6, INK)
    for x in range(3, 14, 2):
        c.vline(x, 6, 9, STEEL[3])


@T(14, "floor_shadow")
def floor_shadow(c: Canvas) -> None:
    terrazzo(c, 140)
    darken(c, 0.55, TERRAZZO[0])


@T(15, "floor_crack")
def floor_crack(c: Canvas) -> None:
    terrazzo(c, 150)
    c.line(1, 2, 7, 7, TERRAZZO[0])
    c.line(7, 7, 14, 8, TERRAZZO[0])
    c.line(7, 7, 6, 14, TERRAZZO[0])


def ticket_counter(c: Canvas, part: str) -> None:
    c.rect(0, 0, 16, 16, STEEL[2])
    if part == "top":
        terrazzo(c, 161)
        bevel(c, 0, 5, 16, 4, STEEL[4], STEEL[3], STEEL[1])
        c.rect(0, 9, 16, 7, ORANGE[2])
        c.hline(0, 15, 9, INK)
        c.rect(4, 1, 8, 4, rgb("#8ab0c8"))  # the glass screen
        c.rect(6, 3, 4, 2, INK)
    elif part == "base":
        c.rect(0, 0, 16, 12, ORANGE[2])
        c.rect(0, 12, 16, 4, STEEL[1])
        c.hline(0, 15, 12, STEEL[3])
        c.hline(0, 15, 15, INK)
    else:
        c.rect(0, 0, 16, 16, ORANGE[2])
        for x in (0, 8):
            bevel(c, x, 1, 8, 14, ORANGE[3], ORANGE[2], ORANGE[1])
        if part == "sign":
            c.rect(3, 4, 10, 6, INK)
            c.rect(4, 5, 2, 4, YELLOW[3])
            c.rect(7, 5, 2, 4, YELLOW[3])
            c.rect(10, 5, 2, 4, YELLOW[3])


@T(16, "counter_top")
def counter_top(c: Canvas) -> None:
    ticket_counter(c, "top")


@T(17, "counter")
def counter(c: Canvas) -> None:
    ticket_counter(c, "mid")


@T(18, "counter_sign")
def counter_sign(c: Canvas) -> None:
    ticket_counter(c, "sign")


@T(19, "counter_base")
def counter_base(c: Canvas) -> None:
    ticket_counter(c, "base")


@T(20, "bench_left")
def bench_left(c: Canvas) -> None:
    bench(c, True, terrazzo, PLASTIC, STEEL, TERRAZZO[0])
    c.rect(0, 0, 16, 3, PLASTIC[2])
    c.hline(0, 15, 0, INK)


@T(21, "bench_right")
def bench_right(c: Canvas) -> None:
    bench(c, False, terrazzo, PLASTIC, STEEL, TERRAZZO[0])
    c.rect(0, 0, 16, 3, PLASTIC[2])
    c.hline(0, 15, 0, INK)


@T(22, "pillar_top")
def pillar_top(c: Canvas) -> None:
    column(c, STEEL, 0, 16, 5, 6)
    for y in (3, 11):
        c.rect(5, y, 6, 1, STEEL[4])


@T(23, "pillar_base")
def pillar_base(c: Canvas) -> None:
    terrazzo(c, 230)
    darken(c, 0.5, TERRAZZO[0], (0, 12, 16, 4))
    column(c, STEEL, 0, 11, 5, 6)
    bevel(c, 3, 10, 10, 4, YELLOW[3], YELLOW[2], YELLOW[0])
    c.checker(3, 11, 10, 2, INK)
    c.rect(3, 14, 10, 1, INK)


@T(24, "exhaust_a")
def exhaust_a(c: Canvas) -> None:
    wisps(c, rgb("#9a98a4"), [(6, 10, 5, 3), (11, 5, 3, 2)], 100)


@T(25, "exhaust_b")
def exhaust_b(c: Canvas) -> None:
    wisps(c, rgb("#9a98a4"), [(9, 8, 6, 3), (3, 3, 2.5, 2)], 100)


@T(26, "trash_bin")
def trash_bin(c: Canvas) -> None:
    terrazzo(c, 260)

    def binn(cc: Canvas) -> None:
        column(cc, ORANGE, 4, 15, 4, 8)
        cc.rect(3, 3, 10, 2, STEEL[3])
        cc.rect(6, 6, 4, 2, INK)

    outline_prop(c, binn)


@T(27, "newspaper_box")
def newspaper_box(c: Canvas) -> None:
    terrazzo(c, 270)

    def box(cc: Canvas) -> None:
        bevel(cc, 3, 2, 10, 13, LOCKER[4], LOCKER[2], LOCKER[0])
        cc.rect(5, 4, 6, 5, rgb("#e8e4d8"))
        cc.hline(6, 9, 5, INK)
        cc.hline(6, 10, 7, STEEL[2])

    outline_prop(c, box)


@T(28, "lamp")
def lamp(c: Canvas) -> None:
    glow(c, rgb("#f0fff8"))
    c.rect(2, 6, 12, 3, STEEL[3])
    c.hline(3, 12, 7, WHITE)


@T(29, "ceiling")
def ceiling(c: Canvas) -> None:
    c.vgrad(0, 0, 16, 16, [rgb("#16161c"), rgb("#26262e"), rgb("#34343e")])
    c.hline(0, 15, 7, STEEL[1])


@T(30, "girder")
def girder(c: Canvas) -> None:
    ceiling(c)
    c.rect(0, 5, 16, 2, STEEL[3])
    c.rect(0, 11, 16, 2, STEEL[2])
    for x in range(0, 16, 4):
        c.line(x, 7, x + 2, 10, STEEL[2])
        c.line(x + 2, 7, x + 4, 10, STEEL[1])
    c.hline(0, 15, 13, INK)


@T(31, "platform_edge")
def platform_edge(c: Canvas) -> None:
    front_lip(c, terrazzo, STEEL, [INK, STEEL[0], STEEL[1]])
    for x in range(0, 16, 4):
        c.rect(x, 4, 2, 3, YELLOW[2])
