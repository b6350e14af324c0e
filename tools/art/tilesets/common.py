"""Painting helpers shared by the street and interior tilesets (palettes come from each level module)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..canvas import Canvas, Color, rgb, with_alpha
from ..tilekit import bevel, darken, noise, shadow_band, speckle

Ramp = Sequence[Color]
INK = rgb("#0c0810")
WHITE = rgb("#fffef4")

# The solid flags every level tileset shares with the bathhouse layout, so layouts can be reused.
NOT_SOLID = {8, 9, 10, 11, 12, 13, 14, 15, 22, 24, 25, 28}


def solid(tid: int) -> bool:
    """Whether slot ``tid`` is solid in the shared 8x4 layout."""
    return tid not in NOT_SOLID


def bricks(c: Canvas, r: Ramp, mortar: Color, seed: int, y0: int = 0, y1: int = 16, h: int = 4) -> None:
    """Running-bond bricks 8 px long with a lit top edge, a shaded bottom and some grit."""
    c.rect(0, y0, 16, y1 - y0, mortar)
    rng = np.random.default_rng(seed)
    for row, y in enumerate(range(y0, y1, h)):
        off = 0 if row % 2 == 0 else -4
        for x in range(off, 16, 8):
            face = r[2] if rng.random() < 0.7 else r[1]
            bevel(c, x, y, 7, h - 1, r[3], face, r[1] if face == r[2] else r[0])
    speckle(c, seed + 3, 0.05, r[1], (0, y0, 16, y1 - y0))
    c.rect(0, y1, 16, 16 - y1, (0, 0, 0, 0)) if y1 < 16 else None


def glazed(c: Canvas, r: Ramp, size: int = 8, y0: int = 0, y1: int = 16) -> None:
    """Square glazed wall tiles with grout, a glint and a soft shade."""
    c.rect(0, y0, 16, y1 - y0, r[1])
    for ty in range(0, 16, size):
        for tx in range(0, 16, size):
            if ty + size <= y0 or ty >= y1:
                continue
            bevel(c, tx, ty, size - 1, size - 1, r[-1], r[-2], r[-3])
            c.pset(tx + 1, ty + 1, WHITE)
    if y0 > 0:
        c.rect(0, 0, 16, y0, (0, 0, 0, 0))
    if y1 < 16:
        c.rect(0, y1, 16, 16 - y1, (0, 0, 0, 0))


def painted(c: Canvas, r: Ramp, seed: int, y0: int = 0, y1: int = 16) -> None:
    """A painted plaster wall: a flat colour with faint dithered mottling."""
    c.rect(0, y0, 16, y1 - y0, r[2])
    m = np.zeros((16, 16), dtype=bool)
    m[y0:y1] = noise(seed, 16, 16)[y0:y1] < 0.18
    c.mask_fill(m, r[1])
    speckle(c, seed + 1, 0.05, r[3], (0, y0, 16, y1 - y0))


def slab_floor(c: Canvas, r: Ramp, seed: int, size: int = 8, checker: Ramp | None = None) -> None:
    """Square floor slabs (terrazzo, linoleum, stone); ``checker`` alternates a second ramp."""
    c.rect(0, 0, 16, 16, r[0])
    for ty in range(0, 16, size):
        for tx in range(0, 16, size):
            rr = checker if checker is not None and ((tx + ty) // size) % 2 else r
            bevel(c, tx, ty, size - 1, size - 1, rr[3], rr[2], rr[1])
    speckle(c, seed, 0.06, r[1])
    speckle(c, seed + 1, 0.03, r[3])


def grainy(c: Canvas, r: Ramp, seed: int) -> None:
    """Asphalt, packed snow or carpet pile: three shades of ordered noise."""
    n = noise(seed, 16, 16)
    c.rect(0, 0, 16, 16, r[2])
    c.mask_fill(n < 0.22, r[1])
    c.mask_fill(n > 0.88, r[3])
    c.mask_fill(n < 0.04, r[0])


def edge_shadow(c: Canvas, col: Color, height: int = 7) -> None:
    """The shadow the wall throws on the floor's first row."""
    c.hline(0, 15, 0, INK)
    shadow_band(c, 1, height, col, 0.9)


def front_lip(c: Canvas, top: Callable[[Canvas], None], lip: Ramp, face: Ramp) -> None:
    """The near edge of the floor band: floor, a lit lip and a dark face falling away."""
    top(c)
    c.rect(0, 4, 16, 3, lip[2])
    c.hline(0, 15, 4, lip[3])
    c.hline(0, 15, 6, lip[1])
    c.vgrad(0, 7, 16, 9, [face[2], face[1], face[0]])


def glow(c: Canvas, col: Color, r: float = 8.0) -> None:
    """A soft light pool (semi-transparent, dithered at its rim)."""
    c.mask_fill(c.dither_mask(c.ellipse_mask(8, 8, r, r), 0.35), with_alpha(col, 80))
    c.mask_fill(c.ellipse_mask(8, 8, r * 0.6, r * 0.6), with_alpha(col, 64))


def wisps(
    c: Canvas, col: Color, blobs: Sequence[tuple[float, float, float, float]], alpha: int = 110
) -> None:
    """Steam, smoke or blowing snow for foreground layers."""
    for cx, cy, rx, ry in blobs:
        outer = c.ellipse_mask(cx, cy, rx, ry)
        c.mask_fill(c.dither_mask(outer, 0.5) & ~c.opaque(), with_alpha(col, alpha - 20))
        c.mask_fill(c.ellipse_mask(cx - 0.5, cy - 0.5, rx * 0.55, ry * 0.55), with_alpha(col, alpha))


def column(c: Canvas, r: Ramp, y0: int = 0, y1: int = 16, x0: int = 4, w: int = 8) -> None:
    """A lit cylinder (pillar, lamppost, pipe) with a dark outline."""
    shades = [r[1], r[3], r[3], r[2], r[2], r[1], r[1], r[0]]
    for i in range(w):
        c.rect(x0 + i, y0, 1, y1 - y0, shades[min(i * len(shades) // w, len(shades) - 1)])
    c.vline(x0 - 1, y0, y1 - 1, INK)
    c.vline(x0 + w, y0, y1 - 1, INK)


def bench(
    c: Canvas, left: bool, floor: Callable[[Canvas], None], wood: Ramp, legs: Ramp, shade: Color
) -> None:
    """Half a bench seen from the front: seat top, front edge, one leg, its shadow."""
    floor(c)
    darken(c, 0.6, shade, (0, 9, 16, 7))
    bevel(c, 0, 3, 16, 4, wood[3], wood[2], wood[1])
    c.rect(0, 7, 16, 3, wood[1])
    c.hline(0, 15, 7, wood[2])
    c.hline(0, 15, 10, INK)
    c.hline(0, 15, 2, INK)
    leg = 1 if left else 12
    c.rect(leg, 10, 3, 5, legs[1])
    c.vline(leg, 10, 14, legs[2])
    c.hline(leg, leg + 2, 15, INK)
    c.vline(0 if left else 15, 2, 10, INK)


def window(
    c: Canvas, frame: Ramp, glass: Sequence[Color], inside: Callable[[Canvas], None] | None = None
) -> None:
    """A framed window: gradient glass (or a scene), mullions and a sill."""
    c.rect(1, 1, 14, 14, frame[1])
    c.rect(2, 2, 12, 11, INK)
    c.vgrad(3, 3, 10, 9, list(glass))
    if inside is not None:
        inside(c)
    c.vline(7, 3, 11, frame[2])
    c.hline(3, 12, 7, frame[2])
    c.hline(1, 14, 13, frame[3])
    c.hline(1, 14, 14, frame[0])


def door(c: Canvas, r: Ramp, knob: Color, jamb: Color) -> None:
    """A panelled door filling the tile."""
    c.rect(0, 0, 16, 16, r[2])
    c.rect(0, 0, 2, 16, jamb)
    c.rect(14, 0, 2, 16, jamb)
    bevel(c, 3, 1, 10, 6, r[3], r[2], r[1])
    bevel(c, 3, 9, 10, 7, r[3], r[2], r[1])
    c.rect(11, 7, 2, 2, knob)


def sky(c: Canvas, cols: Sequence[Color], stars: int = 0, seed: int = 0) -> None:
    """Night sky in dithered bands, with a few stars."""
    c.vgrad(0, 0, 16, 16, list(cols))
    if stars:
        speckle(c, seed, stars / 256.0, WHITE)


def outline_prop(c: Canvas, draw: Callable[[Canvas], None], x: int = 0, y: int = 0) -> None:
    """Draw a prop on its own layer, outline it and paste it over the tile."""
    layer = Canvas(16, 16)
    draw(layer)
    layer.outline(INK)
    c.blit(layer, x, y)
