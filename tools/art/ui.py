"""Pickups, hit effects, the bullet, HUD icons and the RED HEAT logos (``assets/ui``)."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .canvas import Canvas, Color, grow, ramp, rgb, with_alpha
from .fonts import render_title_text
from .png import write_png
from .sheets import frame_entry, write_sheet

INK = rgb("#140a0e")
WHITE = rgb("#fffef4")
BREAD = ramp("#3a1c0a", "#6e3a16", "#a4622a", "#d49450", "#f4c880")
STEEL = ramp("#16161c", "#30303a", "#55556a", "#8a8aa2", "#c4c4d8")
BRASS = ramp("#4a2e08", "#8a5e14", "#c89a2c", "#f4d870")
MONEY = ramp("#1c3a1c", "#3c6a34", "#6c9c54", "#a4cc84", "#dcf0c0")
RED = ramp("#4a0808", "#8c1414", "#c82820", "#ee5a3a", "#ff9a6a")
FIRE = [rgb("#fffce0"), rgb("#fff08a"), rgb("#ffc040"), rgb("#f07020"), rgb("#b02810")]


def _sheet(
    out: Path,
    name: str,
    size: tuple[int, int],
    pivot: tuple[int, int],
    anims: dict[str, list[tuple[Canvas, int]]],
) -> list[Path]:
    """Pack tagged frames of one size into an Aseprite sheet."""
    w, h = size
    frames = [(tag, c, ms) for tag, seq in anims.items() for c, ms in seq]
    cols = min(len(frames), 8)
    rows = (len(frames) + cols - 1) // cols
    img = np.zeros((rows * h, cols * w, 4), dtype=np.uint8)
    entries, tags, counts = [], [], {}
    for i, (tag, c, ms) in enumerate(frames):
        x, y = (i % cols) * w, (i // cols) * h
        img[y : y + h, x : x + w] = c.px
        entries.append(frame_entry(f"{name}_{tag}_{counts.get(tag, 0)}", x, y, w, h, ms))
        counts[tag] = counts.get(tag, 0) + 1
    start = 0
    for tag, seq in anims.items():
        tags.append(
            {
                "name": tag,
                "from": start,
                "to": start + len(seq) - 1,
                "direction": "forward",
                "color": "#000000ff",
            }
        )
        start += len(seq)
    return write_sheet(out, name, img, entries, tags, pivot)


def glint(c: Canvas, x: int, y: int, size: int = 2) -> None:
    """A four-pointed twinkle."""
    c.hline(x - size, x + size, y, WHITE)
    c.vline(x, y - size, y + size, WHITE)


# --- pickups (16x16, standing on their bottom centre) -------------------------------------------


def loaf(c: Canvas) -> None:
    """A brick of black bread: the health pickup."""
    c.ellipse(8, 14.5, 7, 1.5, with_alpha(INK, 120))
    m = c.poly_mask([(1.5, 8), (3, 5), (13, 5), (14.5, 8), (14.5, 13.5), (1.5, 13.5)])
    c.mask_fill(m, BREAD[2])
    c.mask_fill(m & c.ellipse_mask(8, 5.5, 7, 3), BREAD[3])
    c.rect(2, 11, 13, 3, BREAD[1])
    for x in (4, 8, 12):  # scored crust
        c.line(x - 1, 8, x + 1, 6, BREAD[1])
    c.hline(4, 11, 5, BREAD[4])
    c.outline(INK)


def magazine(c: Canvas) -> None:
    """A pistol magazine, lit steel with a brass cartridge showing at the lips: ammo."""
    c.ellipse(8, 14.5, 5, 1.5, with_alpha(INK, 120))
    body = c.poly_mask([(5, 5), (10, 5), (12, 14), (7, 14)])
    c.mask_fill(body, STEEL[2])
    xs = np.mgrid[0:16, 0:16][1]
    ys = np.mgrid[0:16, 0:16][0]
    c.mask_fill(body & (xs - (ys - 5) * 0.22 < 7), STEEL[4])
    c.mask_fill(body & (xs - (ys - 5) * 0.22 > 9), STEEL[1])
    c.rect(6, 12, 7, 2, STEEL[1])  # the base plate
    c.hline(6, 12, 12, STEEL[3])
    for y in (8, 10):  # witness holes
        c.pset(int(8 + (y - 5) * 0.22), y, INK)
    c.rect(6, 2, 4, 3, BRASS[2])
    c.hline(6, 9, 2, BRASS[3])
    c.rect(9, 2, 1, 3, BRASS[1])
    c.pset(6, 1, STEEL[1])
    c.outline(INK)


def money(c: Canvas) -> None:
    """A fat roll of notes with a rubber band: points."""
    c.ellipse(8, 14.5, 7, 1.5, with_alpha(INK, 120))
    c.ellipse(8, 9.5, 6.5, 4.5, MONEY[2])
    c.ellipse(8, 8.5, 5.5, 3, MONEY[3])
    c.ellipse(12.5, 9.5, 2, 4.2, MONEY[1])
    c.ellipse(12.5, 9.5, 1, 2.5, MONEY[0])
    c.hline(4, 10, 7, MONEY[4])
    c.rect(6, 5, 2, 9, RED[2])
    c.vline(6, 5, 13, RED[3])
    c.outline(INK)


def locker_key(c: Canvas) -> None:
    """The brass locker key on a red numbered tag: the key pickup."""
    c.ellipse(8, 14.5, 6, 1.5, with_alpha(INK, 120))
    c.ellipse(5, 6, 3.5, 3.5, BRASS[2])
    c.ellipse(5, 6, 1.5, 1.5, (0, 0, 0, 0))
    c.rect(7, 5, 7, 3, BRASS[2])
    c.hline(7, 13, 5, BRASS[3])
    c.rect(11, 8, 1, 2, BRASS[1])
    c.rect(13, 8, 1, 3, BRASS[1])
    c.pset(3, 4, BRASS[3])
    c.poly([(2, 9), (7, 9), (7, 13), (2, 13)], RED[2])
    c.hline(2, 6, 9, RED[3])
    c.pset(4, 11, WHITE)
    c.pset(5, 11, WHITE)
    c.outline(INK)


def pickups(out: Path) -> list[Path]:
    """``pickups`` sheet: tags health, ammo, points, key; 4 frames with a travelling glint."""
    anims: dict[str, list[tuple[Canvas, int]]] = {}
    for tag, paint in (("health", loaf), ("ammo", magazine), ("points", money), ("key", locker_key)):
        seq = []
        for f in range(4):
            c = Canvas(16, 16)
            paint(c)
            if f == 1:
                glint(c, 11, 4, 1)
            elif f == 2:
                glint(c, 12, 3, 2)
            seq.append((c, 520 if f in (0, 3) else 90))
        anims[tag] = seq
    return _sheet(out, "pickups", (16, 16), (8, 15), anims)


# --- effects (32x32, centred) ---------------------------------------------------------------


def burst(radius: float, rays: int, phase: int, cols: list[Color], spin: float = 0.0) -> Canvas:
    """A hit star: a hot core and spikes that fly outward and thin out with ``phase``."""
    c = Canvas(32, 32)
    for i in range(rays):
        a = math.radians(spin + i * 360 / rays)
        r0, r1 = radius * (0.2 + 0.3 * phase), radius * (1.0 + 0.25 * phase) * (1.0 if i % 2 == 0 else 0.6)
        for t in np.linspace(r0, r1, 24):
            x, y = 15.5 + math.cos(a) * t, 15.5 + math.sin(a) * t
            c.pset(int(x), int(y), cols[min(int((t - r0) / max(r1 - r0, 1) * 3) + phase, len(cols) - 1)])
    if phase == 0:
        c.ellipse(15.5, 15.5, radius * 0.45, radius * 0.45, cols[1])
        c.ellipse(15.5, 15.5, radius * 0.25, radius * 0.25, cols[0])
    elif phase == 1:
        ring = c.ellipse_mask(15.5, 15.5, radius * 0.5, radius * 0.5) & ~c.ellipse_mask(
            15.5, 15.5, radius * 0.3, radius * 0.3
        )
        c.mask_fill(ring, cols[2])
    m = c.opaque()
    c.mask_fill(grow(m) & ~m, with_alpha(INK, 200) if phase < 2 else (0, 0, 0, 0))
    return c


def puff(radius: float, fade: float, cols: list[Color], seed: int) -> Canvas:
    """A dithered dust or steam cloud of a few overlapping blobs."""
    c = Canvas(32, 32)
    rng = np.random.default_rng(seed)
    for _ in range(4):
        cx, cy = 15.5 + rng.uniform(-4, 4), 18 + rng.uniform(-3, 2)
        r = radius * rng.uniform(0.6, 1.0)
        m = c.ellipse_mask(cx, cy, r, r * 0.8)
        c.mask_fill(c.dither_mask(m, 1.0 - fade), cols[1])
        c.mask_fill(
            c.dither_mask(c.ellipse_mask(cx - r * 0.25, cy - r * 0.3, r * 0.5, r * 0.4), 1.0 - fade), cols[2]
        )
    return c


def effects(out: Path) -> list[Path]:
    """``effects`` sheet: spark_small, spark_big, dust, muzzle_flash, steam, snow, shadow, go_arrow."""
    sparks_small = [(burst(6, 8, p, FIRE, 22.5 * p), 40) for p in range(3)]
    sparks_big = [(burst(11, 12, p, [WHITE, FIRE[1], FIRE[2], RED[3], RED[2]], 15 * p), 45) for p in range(4)]
    dust_cols = [rgb("#5a4c40"), rgb("#a08c74", 220), rgb("#d0bea0", 220)]
    dust = [(puff(4 + 2.5 * f, f * 0.22, dust_cols, 7), 70) for f in range(4)]
    steam_cols = [rgb("#ffffff"), rgb("#f0f6f6", 150), rgb("#ffffff", 190)]
    steam = [(puff(5 + 1.5 * f, 0.15 + f * 0.18, steam_cols, 11 + f), 160) for f in range(4)]
    muzzle = []
    for f in range(2):
        # a forward cone with side spikes and a white-hot core, starting at the frame centre (the muzzle)
        c = Canvas(32, 32)
        ln, half = (14, 4.5) if f == 0 else (9, 3.0)
        c.poly([(16, 15.5 - half), (16 + ln, 15.5), (16, 15.5 + half)], FIRE[3])
        c.poly([(16, 15.5 - half * 0.6), (16 + ln - 3, 15.5), (16, 15.5 + half * 0.6)], FIRE[2])
        c.poly([(17, 12 - f), (21, 15.5), (17, 19 + f)], FIRE[2])
        for dy in (-1, 1):
            c.line(17, 15 + dy, 21 - f, 15 + dy * (6 - 2 * f), FIRE[1])
        c.poly([(16, 14.5), (16 + ln - 5, 15.5), (16, 16.5)], FIRE[0])
        c.ellipse(17, 15.5, 2.5 - f, 2.5 - f, FIRE[0])
        muzzle.append((c, 50))
    snow = []
    for f in range(2):
        c = Canvas(32, 32)
        x = 15 + f
        for d in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
            c.pset(x + d[0], 15 + d[1], rgb("#e8f0ff") if d != (0, 0) else WHITE)
        c.pset(x - 2 + 4 * f, 13, rgb("#c8d4f0"))
        snow.append((c, 300))
    shadow = Canvas(32, 32)
    shadow.ellipse(15.5, 15.5, 12, 3.5, rgb("#000000", 90))
    shadow.ellipse(15.5, 15.5, 8, 2.2, rgb("#000000", 120))
    arrows = [
        (go_arrow(RED if f == 0 else [rgb("#6a4a08"), BRASS[1], BRASS[2], BRASS[3], WHITE]), 250)
        for f in range(2)
    ]
    anims = {
        "spark_small": sparks_small,
        "spark_big": sparks_big,
        "dust": dust,
        "muzzle_flash": muzzle,
        "steam": steam,
        "snow": snow,
        "shadow": [(shadow, 1000)],
        "go_arrow": arrows,
    }
    return _sheet(out, "effects", (32, 32), (16, 16), anims)


def go_arrow(cols: list[Color]) -> Canvas:
    """The fat "GO" arrow pointing right, with its letters."""
    c = Canvas(32, 32)
    pts = [(2, 10), (17, 10), (17, 4), (30, 16), (17, 28), (17, 22), (2, 22)]
    c.poly(pts, cols[2])
    c.poly([(3, 11), (17, 11), (17, 6), (27, 16), (3, 16)], cols[3])
    c.hline(3, 16, 11, cols[4])
    g = ["0111", "1000", "1011", "1001", "0111"]
    o = ["0110", "1001", "1001", "1001", "0110"]
    for gx, glyph in ((4, g), (10, o)):
        for yy, row in enumerate(glyph):
            for xx, bit in enumerate(row):
                if bit == "1":
                    c.pset(gx + xx, 14 + yy, WHITE)
                    c.pset(gx + xx + 1, 15 + yy, cols[0])
    c.outline(INK)
    return c


def bullet(out: Path) -> list[Path]:
    """``bullet`` sheet (tag ``bullet``): a brass slug with a hot tracer streak behind it."""
    seq = []
    for f in range(2):
        c = Canvas(16, 8)
        for x in range(0, 11):
            a = int(40 + 200 * x / 10) if (x + f) % 2 == 0 or x > 6 else 0
            if a:
                c.pset(x, 4, with_alpha(FIRE[2 if x < 7 else 1], a))
        c.rect(11, 3, 3, 3, BRASS[2])
        c.pset(14, 4, BRASS[3])
        c.hline(11, 13, 3, BRASS[3])
        c.outline(with_alpha(INK, 200))
        seq.append((c, 60))
    return _sheet(out, "bullet", (16, 8), (8, 4), {"bullet": seq})


# --- HUD icons and logos ------------------------------------------------------------------


def icons(out: Path) -> list[Path]:
    """``icon_life.png`` (a little red star with a face-less militia cap) and ``icon_bullet.png``."""
    life = Canvas(9, 9)
    pts = []
    for i in range(10):
        r = 4.4 if i % 2 == 0 else 1.9
        a = math.radians(-90 + i * 36)
        pts.append((4.5 + r * math.cos(a), 4.8 + r * math.sin(a)))
    life.poly(pts, RED[2])
    life.mask_fill(life.poly_mask(pts) & (np.mgrid[0:9, 0:9][0] < 4), RED[3])
    life.pset(4, 1, RED[4])
    life.outline(INK)
    shell = Canvas(5, 9)
    shell.rect(1, 3, 3, 5, BRASS[2])
    shell.vline(1, 3, 7, BRASS[3])
    shell.vline(3, 3, 7, BRASS[1])
    shell.rect(1, 1, 3, 2, STEEL[3])
    shell.pset(2, 0, STEEL[4])
    shell.hline(1, 3, 7, BRASS[1])
    shell.outline(INK)
    d = out / "ui"
    write_png(d / "icon_life.png", life.px)
    write_png(d / "icon_bullet.png", shell.px)
    return [d / "icon_life.png", d / "icon_bullet.png"]


def logos(out: Path) -> list[Path]:
    """The HUD strip logo, lit and unlit (12 px tall), and the big title logo."""
    d = out / "ui"
    files = []
    full = render_title_text("RED HEAT", sx=2, sy=1, bold=1)
    empty = render_title_text("RED HEAT", sx=2, sy=1, bold=1, hollow=True)
    for name, c in (("logo_strip_full.png", full), ("logo_strip_empty.png", empty)):
        write_png(d / name, c.px)
        files.append(d / name)
    big = render_title_text("RED HEAT", sx=5, sy=5, bold=3, gap=2)
    title = Canvas(big.w + 30, big.h + 14)
    # a red banner with a gold star behind the letters: the poster look of the era, our own design
    title.rect(0, big.h // 2 - 2, title.w, big.h // 2 + 6, RED[1])
    title.hline(0, title.w - 1, big.h // 2 - 2, RED[3])
    title.hline(0, title.w - 1, big.h + 3, INK)
    star = []
    for i in range(10):
        r = 11 if i % 2 == 0 else 4.5
        a = math.radians(-90 + i * 36)
        star.append((title.w - 13 + r * math.cos(a), big.h // 2 + 1 + r * math.sin(a)))
    title.blit(big, 4, 0)
    title.poly(star, BRASS[2])
    title.mask_fill(title.poly_mask(star) & (np.mgrid[0 : title.h, 0 : title.w][0] < big.h // 2), BRASS[3])
    m = title.poly_mask(star)
    title.mask_fill(grow(m) & ~m, INK)
    write_png(d / "title_logo.png", title.px)
    files.append(d / "title_logo.png")
    return files


PARTS: list[Callable[[Path], list[Path]]] = [pickups, effects, bullet, icons, logos]


def build_ui(out: Path, moves_dir: Path) -> list[Path]:
    """Everything in ``assets/ui`` except the portraits."""
    files: list[Path] = []
    for part in PARTS:
        files += part(out / "ui") if part in (pickups, effects, bullet) else part(out)
    return files
