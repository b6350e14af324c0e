"""The hospital corridor: pale green paint, a handrail, swing doors, checkered linoleum, gurneys."""

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
    glow,
    outline_prop,
    painted,
    slab_floor,
    solid,
)
from .common import window as window_tile

SHEET = TileSheet("hospital")

GREEN = ramp("#2a3e34", "#5a7a66", "#8aae94", "#b4d4bc", "#daf0de")
DADO = ramp("#14261e", "#24443a", "#3a6454", "#548a74")
LINO = ramp("#3a4040", "#7a8682", "#aab6b0", "#d0dad4")
LINO2 = ramp("#2a3432", "#4e6a62", "#6e8c82", "#92b0a4")
STEEL = ramp("#20242a", "#4a5058", "#7a828c", "#b4bcc4", "#e4eaee")
RED = ramp("#4a0808", "#9a1414", "#d82a20", "#ff6a4a")
SHEET_W = ramp("#6a7680", "#a8b4bc", "#d8e0e4", "#f8fcfc")
CEIL = ramp("#2a302c", "#4a524c", "#6a746c", "#8c968e")


def T(tid: int, name: str):  # noqa: N802 - mirrors the contract table
    """Register a tile with the shared solid flag for its slot."""
    return SHEET.tile(tid, name, solid(tid))


def lino(c: Canvas, seed: int = 80) -> None:
    """Checkered linoleum, worn."""
    slab_floor(c, LINO, seed, 8, LINO2)


def handrail(c: Canvas, y: int) -> None:
    c.rect(0, y, 16, 2, STEEL[3])
    c.hline(0, 15, y, STEEL[4])
    c.hline(0, 15, y + 2, STEEL[1])
    c.rect(3, y + 2, 1, 2, STEEL[1])


@T(0, "wall_upper")
def wall_upper(c: Canvas) -> None:
    painted(c, GREEN, 1)


@T(1, "wall_lower")
def wall_lower(c: Canvas) -> None:
    painted(c, GREEN, 2, 0, 6)
    c.rect(0, 6, 16, 10, DADO[2])
    c.hline(0, 15, 6, DADO[3])
    c.mask_fill(c.dither_mask(c.opaque(), 0.15) & (c.grid()[0] > 8), DADO[1])
    handrail(c, 4)
    c.rect(0, 14, 16, 2, DADO[0])


@T(2, "wall_trim")
def wall_trim(c: Canvas) -> None:
    painted(c, GREEN, 3)
    c.rect(0, 6, 16, 3, GREEN[4])
    c.hline(0, 15, 9, GREEN[1])
    c.hline(0, 15, 5, GREEN[1])


@T(3, "wall_window")
def wall_window(c: Canvas) -> None:
    painted(c, GREEN, 4)

    def blinds(cc: Canvas) -> None:
        for y in range(3, 12, 2):
            cc.hline(3, 12, y, SHEET_W[1])

    window_tile(c, STEEL, [rgb("#c8e0e8"), rgb("#90b0c0"), rgb("#6a8a9c")], blinds)


@T(4, "wall_door")
def wall_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, STEEL[1])
    for x in (1, 8):
        bevel(c, x, 0, 7, 16, GREEN[3], GREEN[2], GREEN[0])
        c.ellipse(x + 3.5, 5, 2, 2, INK)
        c.ellipse(x + 3.5, 5, 1.4, 1.4, rgb("#b8e0f0"))
        c.rect(x + 1, 11, 5, 1, STEEL[3])
    c.vline(8, 0, 15, INK)


@T(5, "cabinet")
def cabinet(c: Canvas) -> None:
    painted(c, GREEN, 5)
    bevel(c, 2, 1, 12, 13, SHEET_W[3], SHEET_W[2], SHEET_W[0])
    c.rect(7, 4, 2, 7, RED[2])
    c.rect(4, 6, 8, 3, RED[2])
    c.hline(4, 11, 6, RED[3])
    c.rect(0, 14, 16, 1, INK)


@T(6, "wall_sign")
def wall_sign(c: Canvas) -> None:
    painted(c, GREEN, 6)
    bevel(c, 0, 3, 16, 9, SHEET_W[3], SHEET_W[2], SHEET_W[0])
    c.rect(0, 12, 16, 1, INK)
    glyphs = ["111000001000", "001000000100", "011011111110", "001000000100", "111000001000"]
    for yy, row in enumerate(glyphs):  # a ward number plate: "3" and an arrow
        for xx, bit in enumerate(row):
            if bit == "1":
                c.pset(2 + xx, 5 + yy, rgb("#1a4a8a"))


@T(7, "wall_dark")
def wall_dark(c: Canvas) -> None:
    painted(c, [GREEN[0], GREEN[0], GREEN[1], GREEN[2]], 7)
    darken(c, 0.25, INK)


@T(8, "lino_a")
def lino_a(c: Canvas) -> None:
    lino(c, 80)


@T(9, "lino_b")
def lino_b(c: Canvas) -> None:
    slab_floor(c, LINO2, 90, 8, LINO)


@T(10, "floor_edge")
def floor_edge(c: Canvas) -> None:
    lino(c, 100)
    c.rect(0, 0, 16, 2, DADO[1])
    edge_shadow(c, LINO[0], 6)


@T(11, "floor_line")
def floor_line(c: Canvas) -> None:
    lino(c, 110)
    c.rect(0, 7, 16, 2, RED[2])
    c.hline(0, 15, 7, RED[3])


@T(12, "floor_wet")
def floor_wet(c: Canvas) -> None:
    lino(c, 120)
    m = c.ellipse_mask(8, 8.5, 7, 4.5)
    c.mask_fill(c.dither_mask(m, 0.5), rgb("#e8f8f4"))
    c.hline(4, 9, 7, WHITE)
    bevel(c, 11, 1, 4, 6, rgb("#ffe070"), rgb("#e8b820"), rgb("#8a6a10"))  # a wet-floor sign foot


@T(13, "rubber_mat")
def rubber_mat(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, INK)
    for y in range(1, 16, 3):
        for x in range(1 + (y // 3 % 2), 16, 3):
            c.rect(x, y, 2, 2, STEEL[1])
            c.pset(x, y, STEEL[2])


@T(14, "floor_shadow")
def floor_shadow(c: Canvas) -> None:
    lino(c, 140)
    darken(c, 0.55, LINO[0])


@T(15, "floor_scuff")
def floor_scuff(c: Canvas) -> None:
    lino(c, 150)
    c.line(2, 12, 13, 9, LINO[0])
    c.line(3, 13, 10, 11, LINO2[1])


def counter(c: Canvas, top: bool = False, bottom: bool = False) -> None:
    c.rect(0, 0, 16, 16, GREEN[2])
    for x in (0, 8):
        bevel(c, x, 0, 8, 16, GREEN[3], GREEN[2], GREEN[1])
    if top:
        lino(c, 161)
        bevel(c, 0, 5, 16, 4, SHEET_W[3], SHEET_W[2], SHEET_W[0])
        c.rect(0, 9, 16, 7, GREEN[2])
        c.hline(0, 15, 9, INK)
        c.rect(3, 2, 4, 3, STEEL[3])  # a telephone
        c.rect(10, 3, 3, 2, SHEET_W[3])  # papers
    if bottom:
        c.rect(0, 12, 16, 4, DADO[1])
        c.hline(0, 15, 12, DADO[3])
        c.hline(0, 15, 15, INK)


@T(16, "counter_top")
def counter_top(c: Canvas) -> None:
    counter(c, top=True)


@T(17, "counter")
def counter_mid(c: Canvas) -> None:
    counter(c)


@T(18, "counter_sign")
def counter_sign(c: Canvas) -> None:
    counter(c)
    c.rect(5, 4, 6, 6, WHITE)
    c.rect(7, 5, 2, 4, RED[2])
    c.rect(6, 6, 4, 2, RED[2])


@T(19, "counter_base")
def counter_base(c: Canvas) -> None:
    counter(c, bottom=True)


def gurney(c: Canvas, left: bool) -> None:
    bench(c, left, lino, SHEET_W, STEEL, LINO[0])
    wheel = 2 if left else 13
    c.ellipse(wheel, 14.5, 1.5, 1.5, INK)
    if left:
        c.ellipse(5, 4, 3.5, 1.6, WHITE)  # the pillow


@T(20, "gurney_left")
def gurney_left(c: Canvas) -> None:
    gurney(c, True)


@T(21, "gurney_right")
def gurney_right(c: Canvas) -> None:
    gurney(c, False)


@T(22, "pillar_top")
def pillar_top(c: Canvas) -> None:
    column(c, GREEN, 0, 16, 4, 8)


@T(23, "pillar_base")
def pillar_base(c: Canvas) -> None:
    lino(c, 230)
    darken(c, 0.5, LINO[0], (0, 12, 16, 4))
    column(c, GREEN, 0, 10, 4, 8)
    bevel(c, 3, 9, 10, 5, DADO[3], DADO[2], DADO[0])
    c.rect(3, 14, 10, 1, INK)


@T(24, "curtain_a")
def curtain_a(c: Canvas) -> None:
    for x in range(0, 16):
        c.vline(x, 0, 15, ([*SHEET_W, GREEN[3]])[[2, 3, 2, 1, 4][x % 5]])
    c.mask_fill(c.dither_mask(c.opaque(), 0.35), (0, 0, 0, 0))


@T(25, "curtain_b")
def curtain_b(c: Canvas) -> None:
    curtain_a(c)
    c.rect(0, 0, 16, 2, STEEL[3])
    for x in range(1, 16, 4):
        c.pset(x, 2, STEEL[1])


@T(26, "wheelchair")
def wheelchair(c: Canvas) -> None:
    lino(c, 260)

    def chair(cc: Canvas) -> None:
        cc.ellipse(7, 11, 5, 4.5, STEEL[2])
        cc.ellipse(7, 11, 3.5, 3, (0, 0, 0, 0))
        cc.rect(4, 2, 2, 8, STEEL[3])
        cc.rect(5, 7, 8, 2, rgb("#2a4a8a"))
        cc.ellipse(13, 14, 1.5, 1.5, STEEL[1])

    outline_prop(c, chair)


@T(27, "oxygen_tank")
def oxygen_tank(c: Canvas) -> None:
    lino(c, 270)

    def tank(cc: Canvas) -> None:
        column(cc, ramp("#0e2a14", "#1e5a2c", "#2e8a44", "#5ac070"), 4, 15, 5, 6)
        cc.ellipse(8, 4, 3, 2, rgb("#2e8a44"))
        cc.rect(7, 0, 2, 3, STEEL[3])
        cc.rect(5, 9, 6, 2, WHITE)

    outline_prop(c, tank)


@T(28, "lamp")
def lamp(c: Canvas) -> None:
    glow(c, rgb("#e8fff0"))
    c.rect(2, 6, 12, 3, STEEL[3])
    c.hline(3, 12, 7, WHITE)


@T(29, "ceiling")
def ceiling(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, CEIL[2])
    for x in (0, 8):
        bevel(c, x, 0, 8, 8, CEIL[3], CEIL[2], CEIL[1])
        bevel(c, x, 8, 8, 8, CEIL[3], CEIL[2], CEIL[1])
    c.checker(0, 0, 16, 16, CEIL[1])


@T(30, "ceiling_light")
def ceiling_light(c: Canvas) -> None:
    ceiling(c)
    c.rect(1, 10, 14, 4, STEEL[2])
    c.rect(2, 11, 12, 2, WHITE)
    c.hline(1, 14, 14, INK)


@T(31, "front_edge")
def front_edge(c: Canvas) -> None:
    front_lip(c, lino, STEEL, [INK, DADO[0], DADO[1]])
