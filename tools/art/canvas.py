"""Pixel canvas: an RGBA numpy array with the few drawing tools pixel art needs (no anti-aliasing)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Color = tuple[int, int, int, int]

# 4x4 Bayer matrix, values 0..15: the ordered dither that gives 16-bit era gradients their cross-hatch look.
BAYER4 = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.int32)


def rgb(code: str, alpha: int = 255) -> Color:
    """``"#rrggbb"`` to an RGBA tuple."""
    code = code.lstrip("#")
    return (int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16), alpha)


def ramp(*codes: str) -> list[Color]:
    """A shade ramp, darkest first."""
    return [rgb(c) for c in codes]


def with_alpha(c: Color, a: int) -> Color:
    """The same colour with another alpha."""
    return (c[0], c[1], c[2], a)


class Canvas:
    """An RGBA image being drawn; coordinates are pixels, (0, 0) top-left; drawing clips at the edges."""

    def __init__(self, w: int, h: int, fill: Color = (0, 0, 0, 0)) -> None:
        self.w, self.h = w, h
        self.px = np.zeros((h, w, 4), dtype=np.uint8)
        self.px[:, :] = fill

    # --- basic shapes -------------------------------------------------------------------------
    def pset(self, x: int, y: int, c: Color) -> None:
        """Set one pixel."""
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y, x] = c

    def rect(self, x: int, y: int, w: int, h: int, c: Color) -> None:
        """Fill a rectangle."""
        x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, self.w), min(y + h, self.h)
        if x1 > x0 and y1 > y0:
            self.px[y0:y1, x0:x1] = c

    def hline(self, x0: int, x1: int, y: int, c: Color) -> None:
        """Horizontal line, both ends inclusive."""
        self.rect(min(x0, x1), y, abs(x1 - x0) + 1, 1, c)

    def vline(self, x: int, y0: int, y1: int, c: Color) -> None:
        """Vertical line, both ends inclusive."""
        self.rect(x, min(y0, y1), 1, abs(y1 - y0) + 1, c)

    def line(self, x0: int, y0: int, x1: int, y1: int, c: Color) -> None:
        """Bresenham line."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err = dx + dy
        while True:
            self.pset(x0, y0, c)
            if x0 == x1 and y0 == y1:
                return
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def mask_fill(self, mask: np.ndarray, c: Color) -> None:
        """Paint every pixel where ``mask`` (H, W bool) is set."""
        self.px[mask] = c

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """Pixel-centre coordinate grids (ys, xs) as floats."""
        ys, xs = np.mgrid[0 : self.h, 0 : self.w]
        return ys.astype(np.float64), xs.astype(np.float64)

    def ellipse_mask(self, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
        """Mask of a filled ellipse."""
        ys, xs = self.grid()
        return ((xs - cx) / max(rx, 0.5)) ** 2 + ((ys - cy) / max(ry, 0.5)) ** 2 <= 1.0

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, c: Color) -> None:
        """Filled ellipse."""
        self.mask_fill(self.ellipse_mask(cx, cy, rx, ry), c)

    def poly_mask(self, pts: Sequence[tuple[float, float]]) -> np.ndarray:
        """Mask of a filled polygon (even-odd rule, sampled at pixel centres)."""
        ys, xs = self.grid()
        xs, ys = xs + 0.5, ys + 0.5
        inside = np.zeros((self.h, self.w), dtype=bool)
        n = len(pts)
        for i in range(n):
            (xa, ya), (xb, yb) = pts[i], pts[(i + 1) % n]
            if ya == yb:
                continue
            cond = (ys >= min(ya, yb)) & (ys < max(ya, yb))
            xcross = xa + (ys - ya) * (xb - xa) / (yb - ya)
            inside ^= cond & (xs < xcross)
        return inside

    def poly(self, pts: Sequence[tuple[float, float]], c: Color) -> None:
        """Filled polygon."""
        self.mask_fill(self.poly_mask(pts), c)

    # --- dithering ----------------------------------------------------------------------------
    def checker(self, x: int, y: int, w: int, h: int, c: Color, phase: int = 0) -> None:
        """Paint ``c`` on every other pixel of a rectangle (50% dither)."""
        ys, xs = np.mgrid[0 : self.h, 0 : self.w]
        m = ((xs + ys + phase) % 2 == 0) & (xs >= x) & (xs < x + w) & (ys >= y) & (ys < y + h)
        self.px[m] = c

    def vgrad(self, x: int, y: int, w: int, h: int, colors: Sequence[Color]) -> None:
        """Vertical gradient through ``colors`` (top to bottom) with ordered Bayer dithering."""
        ys, xs = np.mgrid[0:h, 0:w]
        t = (ys + 0.5) / h * (len(colors) - 1)
        base = np.floor(t).astype(np.int32)
        frac = t - base
        thr = (BAYER4[(ys + y) % 4, (xs + x) % 4] + 0.5) / 16.0
        idx = np.clip(base + (frac > thr), 0, len(colors) - 1)
        pal = np.array(colors, dtype=np.uint8)
        region = pal[idx]
        y0, x0 = max(y, 0), max(x, 0)
        y1, x1 = min(y + h, self.h), min(x + w, self.w)
        if y1 > y0 and x1 > x0:
            self.px[y0:y1, x0:x1] = region[y0 - y : y1 - y, x0 - x : x1 - x]

    def dither_mask(self, mask: np.ndarray, level: float) -> np.ndarray:
        """The part of ``mask`` a Bayer pattern keeps at density ``level`` (0..1)."""
        ys, xs = np.mgrid[0 : self.h, 0 : self.w]
        return mask & ((BAYER4[ys % 4, xs % 4] + 0.5) / 16.0 < level)

    # --- whole-image passes -------------------------------------------------------------------
    def opaque(self) -> np.ndarray:
        """Mask of drawn pixels."""
        return self.px[:, :, 3] > 0

    def outline(self, c: Color, diagonal: bool = False) -> None:
        """Draw a 1 px outline around everything drawn so far."""
        m = self.opaque()
        grown = _grow(m, diagonal)
        self.px[grown & ~m] = c

    def blit(self, other: Canvas, x: int, y: int) -> None:
        """Alpha-test blit (pixels with alpha 0 in ``other`` are skipped; others replace)."""
        sx0, sy0 = max(0, -x), max(0, -y)
        dx0, dy0 = max(0, x), max(0, y)
        w = min(other.w - sx0, self.w - dx0)
        h = min(other.h - sy0, self.h - dy0)
        if w <= 0 or h <= 0:
            return
        src = other.px[sy0 : sy0 + h, sx0 : sx0 + w]
        dst = self.px[dy0 : dy0 + h, dx0 : dx0 + w]
        m = src[:, :, 3] > 0
        dst[m] = src[m]

    def flipped(self) -> Canvas:
        """A left-right mirrored copy."""
        out = Canvas(self.w, self.h)
        out.px = self.px[:, ::-1].copy()
        return out


def _grow(m: np.ndarray, diagonal: bool) -> np.ndarray:
    g = m.copy()
    g[1:, :] |= m[:-1, :]
    g[:-1, :] |= m[1:, :]
    g[:, 1:] |= m[:, :-1]
    g[:, :-1] |= m[:, 1:]
    if diagonal:
        g[1:, 1:] |= m[:-1, :-1]
        g[1:, :-1] |= m[:-1, 1:]
        g[:-1, 1:] |= m[1:, :-1]
        g[:-1, :-1] |= m[1:, 1:]
    return g


def grow(m: np.ndarray, diagonal: bool = False) -> np.ndarray:
    """A mask grown by one pixel."""
    return _grow(m, diagonal)
