"""Head-and-shoulders portraits in three-quarter view, painted from each character's Look at any size."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .canvas import Canvas, Color, rgb
from .cast import LOOKS
from .figure import Look
from .paint import Painter
from .png import write_png

SMALL = ["danko", "danko_bath", "ridzik", "thug", "bather", "gangster", "nurse", "hitman", "viktor"]
BIG = ["danko", "ridzik", "viktor"]
BACKDROP = {  # Moscow cold and red, Chicago hot neon
    "danko": ("#2a1018", "#5a1a22"),
    "danko_bath": ("#1e3438", "#3a5a58"),
    "ridzik": ("#1a1430", "#3a2458"),
    "thug": ("#20201c", "#3e3a30"),
    "bather": ("#1e3438", "#3a5a58"),
    "gangster": ("#281030", "#5a1e50"),
    "nurse": ("#1c2a26", "#365048"),
    "hitman": ("#141820", "#2a3040"),
    "viktor": ("#1a0808", "#4a1010"),
}


class Portrait:
    """Paints one portrait of ``size`` px; all geometry is in fractions of the size."""

    def __init__(self, look: Look, size: int, backdrop: tuple[str, str]) -> None:
        self.lk, self.s = look, size
        self.p = Painter(size, size)
        self.bg = backdrop

    def at(self, fx: float, fy: float) -> tuple[float, float]:
        """A point from size fractions."""
        return fx * self.s, fy * self.s

    def px(self, f: float) -> float:
        """A length from a size fraction, never under one pixel."""
        return max(f * self.s, 1.0)

    def rect(self, fx: float, fy: float, fw: float, fh: float, col: Color) -> None:
        """A rectangle from size fractions, at least 1 px each way."""
        self.p.c.rect(
            int(fx * self.s), int(fy * self.s), max(round(fw * self.s), 1), max(round(fh * self.s), 1), col
        )

    def draw(self) -> Canvas:
        """Backdrop, shoulders, neck, head, hair, face, hat, then the frame."""
        lk, p, s = self.lk, self.p, self.s
        body = p.ellipse(self.at(0.5, 1.08), 0.5 * s, 0.36 * s)
        p.fill(body, lk.top or lk.skin, 1, lk.ink, -0.05)
        self.clothes(body[0])
        p.fill(
            p.capsule(self.at(0.5, 0.85), self.at(0.5, 0.6), 0.13 * s, 0.12 * s), lk.skin, 2, lk.skin[0], -0.2
        )
        head = p.ellipse(self.at(0.5, 0.44), 0.25 * s, 0.3 * s)
        jaw = p.ellipse(self.at(0.54, 0.58), 0.19 * s, 0.16 * s)
        fld = (head[0] | jaw[0], np.where(head[0], head[1], jaw[1]), np.where(head[0], head[2], jaw[2]))
        p.fill(p.ellipse(self.at(0.27, 0.47), 0.05 * s, 0.08 * s), lk.skin, 3, lk.skin[0], -0.2)  # ear
        mask = p.fill(fld, lk.skin, 3, lk.skin[0])
        self.hair(mask)
        self.face(mask)
        self.hat()
        p.outline(lk.ink)
        out = Canvas(s, s)
        out.vgrad(0, 0, s, s, [rgb(self.bg[1]), rgb(self.bg[0])])
        out.blit(p.c, 0, 0)
        out.hline(0, s - 1, 0, rgb("#f0d8a0"))
        out.vline(0, 0, s - 1, rgb("#f0d8a0"))
        out.hline(0, s - 1, s - 1, rgb("#3a2410"))
        out.vline(s - 1, 0, s - 1, rgb("#3a2410"))
        return out

    def clothes(self, body: np.ndarray) -> None:
        """Collar, shirt, tie and trims on the shoulders."""
        lk, p, s = self.lk, self.p, self.s
        xs, ys = p.xs / s, p.ys / s
        style = lk.torso_style
        if style in ("jacket", "suit") and lk.shirt:
            vee = body & (np.abs(xs - 0.52) < (ys - 0.72) * 0.9)
            p.fill((vee, p.xs * 0 + 0.3, p.ys * 0 - 0.3), lk.shirt, 1)
            if lk.tie:
                knot_y = 0.86 if style == "jacket" else 0.82
                tie = body & (np.abs(xs - 0.53) < 0.035 + (ys - knot_y) * 0.15) & (ys > knot_y)
                p.flat(tie, lk.tie)
                p.flat(body & (np.abs(xs - 0.53) < 0.045) & (np.abs(ys - knot_y) < 0.03), lk.tie)
        elif style == "leather" and lk.shirt:
            vee = body & (np.abs(xs - 0.52) < (ys - 0.8) * 0.6)
            p.fill((vee, p.xs * 0 + 0.3, p.ys * 0 - 0.3), lk.shirt, 1)
            p.flat(p.c.dither_mask(body & (xs > 0.7) & (ys < 0.86), 0.4), (lk.top or lk.skin)[-1])
        elif style == "coat" and lk.trim:
            for x0 in (0.3, 0.62):
                p.flat(body & (xs > x0) & (xs < x0 + 0.1) & (ys > 0.8) & (ys < 0.9), lk.trim[2])
            if lk.accent:
                for y in (0.9, 0.98):
                    self.rect(0.5, y, 0.03, 0.03, lk.accent)
        elif style == "dress" and lk.accent:
            p.flat(body & (np.abs(xs - 0.5) < 0.02) & (ys > 0.82), lk.accent)
        elif style == "quilted":
            for y in (0.84, 0.9, 0.96):
                p.flat(body & (np.abs(ys - y) < 0.5 / s), (lk.top or lk.skin)[1])
        elif style in ("bare", "belly"):
            p.flat(
                body & (np.abs(ys - 0.9 - np.abs(xs - 0.5) * 0.3) < 0.6 / s) & (np.abs(xs - 0.5) > 0.05),
                lk.skin[1],
            )

    def hair(self, head: np.ndarray) -> None:
        """Hair styles as regions over the skull."""
        lk, p, s = self.lk, self.p, self.s
        xs, ys = p.xs / s, p.ys / s
        if lk.hair is None or lk.hair_style == "bald":
            p.flat(p.ellipse(self.at(0.56, 0.22), 0.06 * s, 0.03 * s)[0], lk.skin[-1])
            return
        cap = p.ellipse(self.at(0.49, 0.42), 0.27 * s, 0.315 * s)
        style = lk.hair_style
        # a fringe edge that zig-zags a little, so hair reads as strands rather than a helmet
        jag = 0.025 * ((np.floor(p.xs / max(s / 10, 1)) % 2) - 0.5)
        line = 0.27 + np.clip(0.36 - xs, 0, 1) * 0.5 + jag
        if style == "flat":
            region = (cap[0] & (ys < line - 0.02)) | ((ys > 0.1) & (ys < 0.2) & (xs > 0.26) & (xs < 0.73))
        elif style == "messy":
            region = cap[0] & (ys < line + 0.04 + jag)
            region |= cap[0] & (xs < 0.3) & (ys < 0.6)
            region |= p.ellipse(self.at(0.6, 0.13), 0.1 * s, 0.05 * s)[0]
        elif style == "slick":
            region = cap[0] & (ys < line - 0.03 - jag)
        elif style == "bun":
            region = (cap[0] & (ys < line)) | (cap[0] & (xs < 0.33) & (ys < 0.62))
            region |= p.ellipse(self.at(0.22, 0.3), 0.1 * s, 0.1 * s)[0]
        elif style == "fringe":
            region = head & (xs < 0.34) & (ys > 0.3) & (ys < 0.5)
        else:
            region = cap[0] & (ys < line)
        p.fill((region, cap[1], cap[2]), lk.hair, 4, lk.hair[0], 0.1)
        if s >= 40 and style in ("slick", "flat", "messy"):
            for k in range(3):  # combed strands catching the light
                y = 0.16 + 0.035 * k
                strand = np.abs(ys - y - (xs - 0.5) * 0.2) < 0.5 / s
                p.flat(region & strand & (xs > 0.4 + 0.05 * k), lk.hair[-1])

    def face(self, head: np.ndarray) -> None:
        """Eyes, brows, nose, mouth and facial hair, three-quarter view looking right."""
        lk, s = self.lk, self.s
        ink = lk.ink
        white = rgb("#f0ece0")
        brow = (lk.hair or [ink])[0]
        eye_y = 0.45
        if lk.shades:
            self.rect(0.36, eye_y - 0.04, 0.42, 0.09, ink)
            self.rect(0.44, eye_y - 0.02, 0.06, 0.03, rgb("#8ab0ff"))
            self.rect(0.66, eye_y - 0.02, 0.05, 0.03, rgb("#8ab0ff"))
        else:
            for ex, w in ((0.42, 0.09), (0.64, 0.08)):
                if s >= 40:
                    self.rect(ex, eye_y - 0.02, w, 0.04, white)
                    self.rect(ex + w * 0.45, eye_y - 0.02, w * 0.45, 0.04, ink)
                else:
                    self.rect(ex + w * 0.4, eye_y - 0.01, 0.04, 0.04, ink)
                self.rect(ex - 0.01, eye_y - 0.07, w + 0.02, 0.03 if s >= 40 else 0.02, brow)
        # nose: a shadow down the far side and a lit tip
        self.rect(0.6, 0.48, 0.03, 0.09, lk.skin[1])
        self.rect(0.58, 0.56, 0.07, 0.03, lk.skin[1])
        self.rect(0.56, 0.52, 0.03, 0.03, lk.skin[3])
        mouth_col = lk.lips or lk.skin[0]
        self.rect(0.5, 0.65, 0.14, 0.02, mouth_col)
        if lk.moustache:
            self.rect(0.47, 0.61, 0.2, 0.04, brow)
        if lk.stubble:
            xs, ys = self.p.xs / s, self.p.ys / s
            beard = head & (ys > 0.6) & (xs > 0.35)
            self.p.flat(self.p.c.dither_mask(beard, 0.35), lk.skin[1])
        if lk.earring:
            self.rect(0.27, 0.56, 0.03, 0.04, lk.earring)

    def hat(self) -> None:
        """Caps, over the hair."""
        lk, p, s = self.lk, self.p, self.s
        if lk.hat == "none" or not lk.hat_ramp:
            return
        hr = lk.hat_ramp
        if lk.hat == "militia":
            crown = p.c.poly_mask(
                [self.at(0.18, 0.08), self.at(0.86, 0.06), self.at(0.78, 0.26), self.at(0.24, 0.28)]
            )
            p.fill((crown, p.xs * 0 + 0.2, p.ys * 0 - 0.5), hr, 5, hr[0])
            if lk.trim:
                band = crown & (p.ys / s > 0.2)
                p.fill((band, p.xs * 0 + 0.2, p.ys * 0), lk.trim, 5)
            visor = p.c.poly_mask(
                [self.at(0.3, 0.27), self.at(0.8, 0.26), self.at(0.86, 0.33), self.at(0.36, 0.33)]
            )
            p.flat(visor, lk.ink, 5)
            if lk.accent:
                self.rect(0.52, 0.16, 0.06, 0.06, lk.accent)
        elif lk.hat == "flatcap":
            crown = p.c.poly_mask(
                [
                    self.at(0.2, 0.24),
                    self.at(0.3, 0.1),
                    self.at(0.74, 0.1),
                    self.at(0.9, 0.27),
                    self.at(0.22, 0.3),
                ]
            )
            p.fill((crown, p.xs * 0 + 0.2, p.ys * 0 - 0.5), hr, 5, hr[0])
        elif lk.hat == "nurse":
            crown = p.c.poly_mask(
                [self.at(0.3, 0.06), self.at(0.7, 0.06), self.at(0.74, 0.2), self.at(0.28, 0.2)]
            )
            p.fill((crown, p.xs * 0 + 0.2, p.ys * 0 - 0.5), hr, 5, hr[0])
            red = (lk.trim or [lk.ink] * 3)[2]
            self.rect(0.47, 0.09, 0.06, 0.09, red)
            self.rect(0.44, 0.12, 0.12, 0.03, red)


def build_portraits(out: Path, moves_dir: Path) -> list[Path]:
    """``portrait_<char>.png`` (24x24) for the HUD and ``portrait_big_<char>.png`` (64x64) for story cards."""
    d = out / "ui"
    files = []
    for name in SMALL:
        img = Portrait(LOOKS[name], 24, BACKDROP[name]).draw()
        write_png(d / f"portrait_{name}.png", img.px)
        files.append(d / f"portrait_{name}.png")
    for name in BIG:
        img = Portrait(LOOKS[name], 64, BACKDROP[name]).draw()
        write_png(d / f"portrait_big_{name}.png", img.px)
        files.append(d / f"portrait_big_{name}.png")
    return files
