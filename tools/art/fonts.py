"""The two bitmap fonts: a small readable text face and the bold red Latin-Cyrillic title face."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .canvas import Canvas, grow, rgb
from .png import write_png

SOURCES = Path(__file__).resolve().parent / "sources"
CAP_ROWS = 7  # rows from the cap line down to the baseline

TITLE_RAMP = [rgb("#ffd2a0"), rgb("#ff8a52"), rgb("#f04828"), rgb("#c81c16"), rgb("#8c0c0c"), rgb("#5a0608")]
TITLE_INK = rgb("#1a0408")
TITLE_SHADOW = rgb("#000000", 200)


@dataclass
class Glyph:
    """A glyph skeleton: rows of booleans, row 0 at the cap line."""

    char: str
    rows: np.ndarray  # (h, w) bool


def parse_glyphs(path: Path) -> dict[str, Glyph]:
    """Read a glyph source file (see the header comment of each file for the format)."""
    glyphs: dict[str, Glyph] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, body = line.partition(" ")
        char = {"space": " ", "hash": "#"}.get(key, key)
        rows = body.strip().split("/")
        widths = {len(r) for r in rows}
        if len(widths) != 1 or not CAP_ROWS <= len(rows) <= CAP_ROWS + 2:
            raise ValueError(f"{path.name}:{n}: glyph {key!r} needs 7-9 rows of equal width, got {rows}")
        if char in glyphs:
            raise ValueError(f"{path.name}:{n}: glyph {key!r} defined twice")
        glyphs[char] = Glyph(char, np.array([[ch == "#" for ch in r] for r in rows], dtype=bool))
    return glyphs


def _pack(cells: list[tuple[str, Canvas, int]], cell_h: int, per_row: int = 16) -> tuple[Canvas, dict]:
    """Lay glyph canvases on an atlas row by row; returns the atlas and per-glyph metrics."""
    col_w = max(c.w for _, c, _ in cells)
    rows = (len(cells) + per_row - 1) // per_row
    atlas = Canvas(col_w * per_row, cell_h * rows)
    meta = {}
    for i, (ch, c, advance) in enumerate(cells):
        x, y = (i % per_row) * col_w, (i // per_row) * cell_h
        atlas.blit(c, x, y)
        meta[ch] = {"x": x, "y": y, "w": c.w, "h": c.h, "advance": advance}
    return atlas, meta


def build_small(out: Path) -> list[Path]:
    """The small white text font (tinted at run time) as ``small.png`` + ``small.json``."""
    glyphs = parse_glyphs(SOURCES / "font_small.txt")
    cell_h = CAP_ROWS + 2
    cells = []
    for ch, g in glyphs.items():
        c = Canvas(g.rows.shape[1], cell_h)
        c.px[: g.rows.shape[0]][g.rows] = (255, 255, 255, 255)
        cells.append((ch, c, g.rows.shape[1] + 1))
    atlas, meta = _pack(cells, cell_h)
    info = {
        "image": "small.png",
        "height": cell_h,
        "baseline": CAP_ROWS - 1,
        "line_height": cell_h + 1,
        "tint": True,
        "shadow": [1, 1],
        "glyphs": meta,
    }
    return _write(out, "small", atlas, info)


def title_glyph(g: Glyph, sx: int = 2, sy: int = 2, bold: int = 1, hollow: bool = False) -> Canvas:
    """Draw a skeleton big: scaled blocks, thickened to the right, shaded top-bright and outlined dark."""
    big = g.rows.repeat(sy, 0).repeat(sx, 1)
    for _ in range(bold):
        big = big | np.pad(big, ((0, 0), (1, 0)))[:, :-1]
    h, w = big.shape
    pad = 2
    c = Canvas(w + 2 * pad + 1, h + 2 * pad + 1)
    m = np.zeros((c.h, c.w), dtype=bool)
    m[pad : pad + h, pad : pad + w] = big
    ink = grow(m, diagonal=True) & ~m
    shadow = np.zeros_like(m)
    shadow[1:, 1:] = (m | ink)[:-1, :-1]
    c.mask_fill(shadow, TITLE_SHADOW)
    c.mask_fill(ink | m, TITLE_INK)
    if hollow:
        # the unlit logo: dark red with the same silhouette, so a fill wipe reads as "lighting up"
        c.mask_fill(m, rgb("#3a0a0c"))
        c.mask_fill(c.dither_mask(m, 0.25), rgb("#5a1214"))
        return c
    ys = np.arange(c.h)[:, None].repeat(c.w, 1)
    t = np.clip((ys - pad) / max(h - 1, 1), 0, 1) * (len(TITLE_RAMP) - 2) + 1
    fine = t + (np.indices(m.shape).sum(0) % 2) * 0.35  # checker dither between ramp steps
    idx = np.clip(fine.astype(int), 1, len(TITLE_RAMP) - 1)
    for i in range(1, len(TITLE_RAMP)):
        c.mask_fill(m & (idx == i), TITLE_RAMP[i])
    top_edge = m & ~np.pad(m, ((1, 0), (0, 0)))[:-1, :]
    c.mask_fill(top_edge, TITLE_RAMP[0])
    left_edge = m & ~np.pad(m, ((0, 0), (1, 0)))[:, :-1]
    c.mask_fill(left_edge & ~top_edge, TITLE_RAMP[1])
    return c


def title_glyphs() -> dict[str, Glyph]:
    """The title font's skeletons."""
    return parse_glyphs(SOURCES / "font_title.txt")


def render_title_text(
    text: str, sx: int = 2, sy: int = 2, bold: int = 1, hollow: bool = False, gap: int = 1
) -> Canvas:
    """Set a line in the title face as one canvas (logos are built with this)."""
    glyphs = title_glyphs()
    parts = [title_glyph(glyphs[ch], sx, sy, bold, hollow) for ch in text.upper()]
    overlap = 3  # outline + shadow columns shared between neighbours
    # a word space is two skeleton columns wide, not the glyph's full cell, so logos stay tight
    adv = [(2 * sx if ch == " " else p.w - overlap + gap) for ch, p in zip(text, parts, strict=True)]
    out = Canvas(sum(adv) + overlap, max(p.h for p in parts))
    x = 0
    for p, a in zip(parts, adv, strict=True):
        out.blit(p, x, 0)
        x += a
    return out


def build_title(out: Path) -> list[Path]:
    """The title font, pre-coloured, as ``title.png`` + ``title.json``."""
    glyphs = title_glyphs()
    cells = []
    for ch, g in glyphs.items():
        c = title_glyph(g)
        cells.append((ch, c, c.w - 2))
    cell_h = max(c.h for _, c, _ in cells)
    atlas, meta = _pack(cells, cell_h, per_row=12)
    info = {
        "image": "title.png",
        "height": cell_h,
        "baseline": cell_h - 4,
        "line_height": cell_h + 1,
        "tint": False,
        "shadow": None,
        "uppercase": True,
        "glyphs": meta,
    }
    return _write(out, "title", atlas, info)


def _write(out: Path, name: str, atlas: Canvas, info: dict) -> list[Path]:
    d = out / "fonts"
    d.mkdir(parents=True, exist_ok=True)
    write_png(d / f"{name}.png", atlas.px)
    info["size"] = {"w": atlas.w, "h": atlas.h}
    (d / f"{name}.json").write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return [d / f"{name}.png", d / f"{name}.json"]


def build_fonts(out: Path, moves_dir: Path) -> list[Path]:
    """Both fonts."""
    return build_small(out) + build_title(out)
