"""The hotel: damask wallpaper, a wooden wainscot, numbered doors, a patterned red carpet."""

from __future__ import annotations

from ..canvas import Canvas, ramp, rgb
from ..tilekit import TileSheet, bevel, darken, noise
from .common import INK, WHITE, bench, column, edge_shadow, front_lip, glow, outline_prop, sky, solid, wisps
from .common import window as window_tile

SHEET = TileSheet("hotel")

PAPER = ramp("#2a1414", "#4a1e20", "#6a2a2c", "#8a3c3a")
DAMASK = ramp("#5a3a14", "#8a6424", "#b88e3c", "#e0bc64")
WOOD = ramp("#1a0c06", "#3e2010", "#62361c", "#8a522c", "#b07440")
CARPET = ramp("#1e0606", "#4a0c10", "#7a1418", "#a42a24")
GOLD = ramp("#4a3008", "#8a6414", "#c8a030", "#f4dc7a")
CREAM = ramp("#6a5a48", "#a89478", "#d8c8a8", "#f4ead4")
NIGHT = [rgb("#06081a"), rgb("#0e1430"), rgb("#1c2650")]
GREEN = ramp("#0a2010", "#184020", "#2a6634", "#44904c")


def T(tid: int, name: str):  # noqa: N802 - mirrors the contract table
    """Register a tile with the shared solid flag for its slot."""
    return SHEET.tile(tid, name, solid(tid))


def wallpaper(c: Canvas, y0: int = 0, y1: int = 16) -> None:
    """Dark red paper with a gold damask lozenge every 8 px and fine stripes."""
    c.rect(0, y0, 16, y1 - y0, PAPER[2])
    for x in range(0, 16, 4):
        c.vline(x, y0, y1 - 1, PAPER[1])
    for cy in range(4, 16, 8):
        for cx in (4, 12):
            if y0 <= cy < y1:
                lozenge = c.poly_mask([(cx, cy - 3), (cx + 2.5, cy), (cx, cy + 3), (cx - 2.5, cy)])
                c.mask_fill(lozenge, DAMASK[1])
                c.pset(cx, cy - 1, DAMASK[3])
                c.pset(cx - 1, cy, DAMASK[2])


def wainscot(c: Canvas, top: int) -> None:
    c.rect(0, top, 16, 16 - top, WOOD[2])
    c.hline(0, 15, top, WOOD[4])
    c.hline(0, 15, top + 1, WOOD[1])
    for x in (0, 8):
        bevel(c, x + 1, top + 3, 6, 16 - top - 5, WOOD[3], WOOD[2], WOOD[1])
    c.hline(0, 15, 15, INK)


def carpet(c: Canvas, seed: int = 80, variant: int = 0) -> None:
    """Red pile with a small gold diamond repeat."""
    n = noise(seed, 16, 16)
    c.rect(0, 0, 16, 16, CARPET[2])
    c.mask_fill(n < 0.08, CARPET[1])
    c.mask_fill(n > 0.95, CARPET[3])
    for cx, cy in ((4, 4), (12, 12)) if variant == 0 else ((12, 4), (4, 12)):
        d = c.poly_mask([(cx, cy - 2), (cx + 2, cy), (cx, cy + 2), (cx - 2, cy)])
        c.mask_fill(d, GOLD[1])
        c.pset(cx, cy, GOLD[3])


@T(0, "wall_upper")
def wall_upper(c: Canvas) -> None:
    wallpaper(c)


@T(1, "wall_lower")
def wall_lower(c: Canvas) -> None:
    wallpaper(c, 0, 6)
    wainscot(c, 6)


@T(2, "picture_rail")
def picture_rail(c: Canvas) -> None:
    wallpaper(c)
    c.rect(0, 5, 16, 5, CREAM[2])
    c.hline(0, 15, 5, CREAM[3])
    c.hline(0, 15, 8, CREAM[1])
    c.hline(0, 15, 9, INK)
    for x in range(1, 16, 3):
        c.pset(x, 7, GOLD[2])


@T(3, "wall_window")
def wall_window(c: Canvas) -> None:
    wallpaper(c)

    def city(cc: Canvas) -> None:
        for x0, top in ((3, 6), (6, 4), (10, 7)):
            cc.rect(x0, top, 3, 12 - top, INK)
            cc.pset(x0 + 1, top + 2, GOLD[3])

    window_tile(c, WOOD, NIGHT, city)
    for x in (1, 13):  # drapes
        c.rect(x, 0, 2, 15, CARPET[3])
        c.vline(x, 0, 14, CARPET[1])


@T(4, "wall_door")
def wall_door(c: Canvas) -> None:
    c.rect(0, 0, 16, 16, CREAM[1])
    bevel(c, 2, 0, 12, 16, WOOD[4], WOOD[3], WOOD[1])
    bevel(c, 4, 2, 8, 5, WOOD[4], WOOD[2], WOOD[1])
    bevel(c, 4, 9, 8, 6, WOOD[4], WOOD[2], WOOD[1])
    c.rect(6, 3, 4, 3, GOLD[2])  # the room number plate
    c.pset(7, 4, INK)
    c.pset(8, 4, INK)
    c.rect(11, 8, 2, 1, GOLD[3])


@T(5, "painting")
def painting(c: Canvas) -> None:
    wallpaper(c)
    bevel(c, 1, 2, 14, 11, GOLD[3], GOLD[2], GOLD[0])
    c.vgrad(3, 4, 10, 7, [rgb("#5a7aa8"), rgb("#c8a070"), rgb("#4a6a38")])
    c.poly([(4, 10), (7, 6), (10, 10)], rgb("#3a4a5a"))
    c.rect(1, 13, 14, 1, INK)


@T(6, "wall_sign")
def wall_sign(c: Canvas) -> None:
    wallpaper(c)
    bevel(c, 2, 4, 12, 7, rgb("#40c060"), rgb("#1a8a3a"), rgb("#0a4018"))
    for xx, col in enumerate(["111", "100", "110", "100", "111"]):  # E of EXIT, then an arrow
        for yy, bit in enumerate(col):
            if bit == "1":
                c.pset(4 + yy, 5 + xx, WHITE)
    c.hline(8, 12, 7, WHITE)
    c.pset(11, 6, WHITE)
    c.pset(11, 8, WHITE)


@T(7, "wall_dark")
def wall_dark(c: Canvas) -> None:
    wallpaper(c)
    darken(c, 0.5, INK)


@T(8, "carpet_a")
def carpet_a(c: Canvas) -> None:
    carpet(c, 80, 0)


@T(9, "carpet_b")
def carpet_b(c: Canvas) -> None:
    carpet(c, 90, 1)


@T(10, "floor_edge")
def floor_edge(c: Canvas) -> None:
    carpet(c, 100)
    c.rect(0, 0, 16, 2, WOOD[1])
    c.hline(0, 15, 0, WOOD[3])
    edge_shadow(c, CARPET[0], 6)


@T(11, "room_service")
def room_service(c: Canvas) -> None:
    carpet(c, 110)

    def tray(cc: Canvas) -> None:
        cc.ellipse(8, 10, 6, 2.5, CREAM[3])
        cc.ellipse(8, 8, 4, 3, CREAM[2])
        cc.hline(6, 10, 6, WHITE)
        cc.pset(8, 4, CREAM[1])

    outline_prop(c, tray)


@T(12, "carpet_stain")
def carpet_stain(c: Canvas) -> None:
    carpet(c, 120)
    c.mask_fill(c.dither_mask(c.ellipse_mask(8, 9, 6, 4), 0.6), CARPET[0])


@T(13, "carpet_border")
def carpet_border(c: Canvas) -> None:
    carpet(c, 130)
    for y, col in ((2, GOLD[2]), (3, GOLD[1]), (12, GOLD[1]), (13, GOLD[2])):
        c.hline(0, 15, y, col)


@T(14, "floor_shadow")
def floor_shadow(c: Canvas) -> None:
    carpet(c, 140)
    darken(c, 0.55, INK)


@T(15, "carpet_worn")
def carpet_worn(c: Canvas) -> None:
    carpet(c, 150)
    c.mask_fill(c.dither_mask(c.ellipse_mask(9, 8, 6, 3), 0.4), CARPET[3])


def bed(c: Canvas, part: str) -> None:
    carpet(c, 160)
    if part == "head":
        bevel(c, 0, 2, 16, 14, WOOD[4], WOOD[3], WOOD[1])
        c.rect(2, 8, 12, 8, CREAM[3])
        c.ellipse(8, 9, 5, 2.5, WHITE)
    elif part == "foot":
        c.rect(0, 0, 16, 10, CREAM[2])
        c.hline(0, 15, 0, CREAM[3])
        bevel(c, 0, 10, 16, 6, WOOD[4], WOOD[3], WOOD[1])
    else:
        c.rect(0, 0, 16, 16, CREAM[2])
        c.rect(0, 4, 16, 12, CARPET[3])  # the bedspread
        c.hline(0, 15, 4, GOLD[2])
        c.checker(0, 10, 16, 1, CARPET[2])
        if part == "mid2":
            c.line(2, 6, 12, 14, CARPET[2])


@T(16, "bed_head")
def bed_head(c: Canvas) -> None:
    bed(c, "head")


@T(17, "bed")
def bed_mid(c: Canvas) -> None:
    bed(c, "mid")


@T(18, "bed2")
def bed_mid2(c: Canvas) -> None:
    bed(c, "mid2")


@T(19, "bed_foot")
def bed_foot(c: Canvas) -> None:
    bed(c, "foot")


@T(20, "sofa_left")
def sofa_left(c: Canvas) -> None:
    bench(c, True, carpet, GREEN, WOOD, INK)
    c.rect(0, 0, 4, 10, GREEN[2])
    c.vline(0, 0, 9, INK)
    c.hline(0, 3, 0, INK)


@T(21, "sofa_right")
def sofa_right(c: Canvas) -> None:
    bench(c, False, carpet, GREEN, WOOD, INK)
    c.rect(12, 0, 4, 10, GREEN[2])
    c.vline(15, 0, 9, INK)
    c.hline(12, 15, 0, INK)


@T(22, "pilaster_top")
def pilaster_top(c: Canvas) -> None:
    column(c, CREAM, 0, 16, 4, 8)
    c.vline(6, 0, 15, CREAM[1])
    c.vline(9, 0, 15, CREAM[1])


@T(23, "pilaster_base")
def pilaster_base(c: Canvas) -> None:
    carpet(c, 230)
    column(c, CREAM, 0, 10, 4, 8)
    bevel(c, 3, 9, 10, 5, GOLD[3], GOLD[2], GOLD[0])
    c.rect(3, 14, 10, 1, INK)


@T(24, "smoke_a")
def smoke_a(c: Canvas) -> None:
    wisps(c, rgb("#b8b0c8"), [(5, 11, 4, 2), (9, 6, 3, 3), (12, 2, 2, 1.5)], 90)


@T(25, "smoke_b")
def smoke_b(c: Canvas) -> None:
    wisps(c, rgb("#b8b0c8"), [(10, 11, 4, 2.5), (6, 5, 4, 2)], 90)


@T(26, "potted_palm")
def potted_palm(c: Canvas) -> None:
    carpet(c, 260)

    def palm(cc: Canvas) -> None:
        cc.poly([(4, 10), (12, 10), (11, 15), (5, 15)], GOLD[1])
        cc.hline(4, 11, 10, GOLD[3])
        for a, b in (
            ((8, 10), (2, 3)),
            ((8, 10), (14, 2)),
            ((8, 10), (8, 0)),
            ((8, 10), (1, 8)),
            ((8, 10), (15, 8)),
        ):
            cc.line(a[0], a[1], b[0], b[1], GREEN[2])
            cc.line(a[0], a[1] - 1, b[0], b[1] + 1, GREEN[3])

    outline_prop(c, palm)


@T(27, "suitcase")
def suitcase(c: Canvas) -> None:
    carpet(c, 270)

    def case(cc: Canvas) -> None:
        bevel(cc, 2, 5, 12, 10, WOOD[4], WOOD[3], WOOD[1])
        cc.rect(6, 3, 4, 2, WOOD[1])
        cc.vline(5, 5, 14, GOLD[2])
        cc.vline(10, 5, 14, GOLD[2])
        cc.rect(3, 7, 3, 2, CREAM[3])  # a luggage label

    outline_prop(c, case)


@T(28, "sconce")
def sconce(c: Canvas) -> None:
    glow(c, rgb("#ffd080"))
    c.poly([(5, 4), (11, 4), (9, 9), (7, 9)], rgb("#f8e0a0"))
    c.rect(7, 9, 2, 3, GOLD[2])


@T(29, "ceiling")
def ceiling(c: Canvas) -> None:
    sky(c, [rgb("#140c0c"), rgb("#22161a"), rgb("#30222a")])
    for x in (3, 11):
        c.pset(x, 8, CREAM[0])


@T(30, "cornice")
def cornice(c: Canvas) -> None:
    ceiling(c)
    bevel(c, 0, 6, 16, 7, CREAM[3], CREAM[2], CREAM[0])
    for x in range(1, 16, 3):
        c.rect(x, 10, 2, 2, CREAM[1])
    c.hline(0, 15, 13, INK)


@T(31, "front_edge")
def front_edge(c: Canvas) -> None:
    front_lip(c, carpet, WOOD, [INK, WOOD[0], WOOD[1]])
