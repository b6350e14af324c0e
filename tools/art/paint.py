"""Shaded body-part painting: capsules, ellipsoids and profiles lit from the front-top, with part outlines."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from .canvas import BAYER4, Canvas, Color, grow
from .rig import Vec

LIGHT = np.array([0.55, -0.6, 0.58])
LIGHT = LIGHT / np.linalg.norm(LIGHT)


class Painter:
    """Paints parts back to front onto one frame and remembers which part owns each pixel."""

    def __init__(self, w: int, h: int) -> None:
        self.c = Canvas(w, h)
        self.owner = np.full((h, w), -1, dtype=np.int16)
        ys, xs = np.mgrid[0:h, 0:w]
        self.xs = xs + 0.5
        self.ys = ys + 0.5
        self.bayer = (BAYER4[ys % 4, xs % 4] + 0.5) / 16.0

    # --- fields: a mask plus a surface normal (nx, ny) per pixel ------------------------------
    def capsule(self, a: Vec, b: Vec, ra: float, rb: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A tapered limb from ``a`` (radius ``ra``) to ``b`` (radius ``rb``)."""
        ax, ay = a
        dx, dy = b[0] - ax, b[1] - ay
        ln2 = dx * dx + dy * dy or 1e-6
        t = np.clip(((self.xs - ax) * dx + (self.ys - ay) * dy) / ln2, 0.0, 1.0)
        px, py = ax + t * dx - self.xs, ay + t * dy - self.ys
        r = ra + (rb - ra) * t
        dist = np.hypot(px, py)
        mask = dist <= r
        safe = np.maximum(r, 0.5)
        return mask, -px / safe, -py / safe

    def ellipse(
        self, c: Vec, rx: float, ry: float, angle: float = 0.0
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A rotated ellipsoid (heads, fists, bellies)."""
        ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        lx = (self.xs - c[0]) * ca + (self.ys - c[1]) * sa
        ly = -(self.xs - c[0]) * sa + (self.ys - c[1]) * ca
        ux, uy = lx / max(rx, 0.5), ly / max(ry, 0.5)
        mask = ux * ux + uy * uy <= 1.0
        return mask, ux * ca - uy * sa, ux * sa + uy * ca

    def profile(
        self, origin: Vec, angle: float, rows: Sequence[tuple[float, float, float]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A body cross-section swept along an axis: ``rows`` are (up, back, front) offsets, up increasing.

        Used for the torso and coats: ``angle`` turns the frame like ``rig.rot`` does.
        """
        ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        rx, ry = self.xs - origin[0], self.ys - origin[1]
        fwd = rx * ca + ry * sa  # along the rotated "forward" axis
        up = -(-rx * sa + ry * ca)  # along the rotated "up" axis
        ups = np.array([r[0] for r in rows])
        back = np.interp(up, ups, np.array([r[1] for r in rows]))
        front = np.interp(up, ups, np.array([r[2] for r in rows]))
        mask = (up >= ups[0]) & (up <= ups[-1]) & (fwd >= back) & (fwd <= front)
        half = np.maximum((front - back) / 2.0, 0.5)
        u = (fwd - (front + back) / 2.0) / half
        top = np.clip((up - ups[-1] + 2.5) / 2.5, 0, 1)  # shoulders round over towards the light
        return mask, u * ca + top * sa * 0.6, u * sa - top * ca * 0.6

    # --- painting -----------------------------------------------------------------------------
    def shade_index(self, nx: np.ndarray, ny: np.ndarray, levels: int, bias: float = 0.0) -> np.ndarray:
        """Quantised lighting with a narrow Bayer-dithered band between shades."""
        nz = np.sqrt(np.clip(1.0 - nx * nx - ny * ny, 0.0, 1.0))
        light = nx * LIGHT[0] + ny * LIGHT[1] + nz * LIGHT[2] + bias
        # thresholds chosen so a vertical limb shows all four bands: lit front, mid, shade, dark back
        v = np.clip(np.interp(light, [-0.2, 0.1, 0.5, 0.78, 1.0], [0.0, 1.0, 2.0, 3.0, 4.0]) / 4.0, 0, 0.999)
        v = v * levels
        base = np.floor(v)
        frac = v - base
        step = frac > 0.72 + 0.28 * self.bayer
        return np.clip(base + step, 0, levels - 1).astype(np.int32)

    def fill(
        self,
        field: tuple[np.ndarray, np.ndarray, np.ndarray],
        ramp: Sequence[Color],
        group: int,
        line: Color | None = None,
        bias: float = 0.0,
        clip: np.ndarray | None = None,
    ) -> np.ndarray:
        """Paint a shaded part; where it overlaps other parts it gets a dark line (``line``)."""
        mask, nx, ny = field
        if clip is not None:
            mask = mask & clip
        if line is not None:
            edge = grow(mask) & ~mask & (self.owner >= 0) & (self.owner != group)
            self.c.px[edge] = line
        idx = self.shade_index(nx, ny, len(ramp), bias)
        pal = np.array(ramp, dtype=np.uint8)
        self.c.px[mask] = pal[idx[mask]]
        self.owner[mask] = group
        return mask

    def flat(self, mask: np.ndarray, col: Color, group: int | None = None) -> None:
        """Paint a mask in one colour (details: ties, buttons, hems)."""
        self.c.px[mask] = col
        if group is not None:
            self.owner[mask] = group

    def dot(self, p: Vec, col: Color) -> None:
        """One pixel at a float position."""
        self.c.pset(math.floor(p[0]), math.floor(p[1]), col)

    def seg(self, a: Vec, b: Vec, col: Color) -> None:
        """A 1 px line between float positions."""
        self.c.line(math.floor(a[0]), math.floor(a[1]), math.floor(b[0]), math.floor(b[1]), col)

    def where(self, test: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> np.ndarray:
        """A mask from a function of pixel-centre coordinates."""
        return test(self.xs, self.ys)

    def outline(self, ink: Color) -> None:
        """The bold outer outline around the whole figure."""
        self.c.outline(ink)
