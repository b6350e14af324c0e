"""The bonus games' art: the token pickup, the hot coal and Danko's hand, the torn bill, the locker wall.

Writes ``assets/sprites/bonus.{png,json}`` (the token, a pickup sheet of its own) and PNGs under
``assets/ui/bonus/``. The bill is our own design, clearly not real currency: "ONE ROUBLE-DOLLAR",
"RED HEAT", a red star and a bear, in red and green with no real note's layout.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np

from .canvas import Canvas, Color, grow, ramp, rgb, with_alpha
from .cast import LOOKS, SKIN_DANKO, SLIM, Look
from .figure import Figure
from .fonts import render_title_text
from .paint import Painter
from .png import write_png
from .rig import Pose
from .sheets import frame_entry, parse_script, write_sheet

INK = rgb("#140a0e")
WHITE = rgb("#fffef4")
BRASS = ramp("#4a2e08", "#8a5e14", "#c89a2c", "#f4d870", "#fff6c0")
RED = ramp("#3a0606", "#7a1010", "#b82018", "#e84a30", "#ff8a5a")
EMBER = ramp("#1a0a08", "#3a1410", "#7a1c0c", "#c8380c", "#f07818", "#ffc040", "#fff4a0")
CRUST = ramp("#0c0808", "#1e1614", "#36282a", "#54403c")
WOOD = ramp("#2a160a", "#4a2a14", "#6e4222", "#946034", "#b8844c")
PAPER = ramp("#2c3a24", "#51683c", "#7e9a5a", "#b4c88a", "#e4eec4")
BILL_RED = ramp("#4a0c0c", "#8c1a16", "#c43424")
STEEL = ramp("#1a1c22", "#2c303a", "#444a58", "#646c7e", "#8e96a8", "#c0c8d8")
TILE = ramp("#6a6456", "#948c78", "#bab29a", "#dcd4ba")


def _font_text(c: Canvas, text: str, x: int, y: int, col: Color, sx: int = 1) -> int:
    """Stamp the title font's letters in one colour; returns the width."""
    t = render_title_text(text, sx=sx, sy=1, bold=0)
    m = t.px[:, :, 3] > 0
    h, w = m.shape
    sub = np.zeros((c.h, c.w), dtype=bool)
    y0, x0 = max(0, y), max(0, x)
    y1, x1 = min(c.h, y + h), min(c.w, x + w)
    if y1 > y0 and x1 > x0:
        sub[y0:y1, x0:x1] = m[y0 - y:y1 - y, x0 - x:x1 - x]
    c.mask_fill(sub, col)
    return w


def _text_width(text: str, sx: int = 1) -> int:
    return render_title_text(text, sx=sx, sy=1, bold=0).w


# --- the token ---------------------------------------------------------------------------------

def _star(cx: float, cy: float, r: float, inner: float, turn: float = -90) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else inner
        a = math.radians(turn + i * 36)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def token_frame(f: int) -> Canvas:
    """A gold medal with a red star on a red ribbon; it turns (squashes) and glints."""
    c = Canvas(16, 16)
    c.ellipse(8, 14.5, 5, 1.4, with_alpha(INK, 110))
    c.poly([(5, 0), (11, 0), (10, 5), (8, 4), (6, 5)], RED[2])
    c.vline(7, 0, 3, RED[3])
    squash = (1.0, 0.72, 0.35, 0.72)[f]
    rx = 5.2 * squash
    c.ellipse(8, 9, max(rx, 1.2), 5.2, BRASS[1])
    c.ellipse(8 - 0.6 * squash, 8.4, max(rx - 1.1, 0.8), 4.2, BRASS[2])
    if squash > 0.5:
        c.poly([(8 + (x - 8) * squash, y) for x, y in _star(8, 9, 3.4, 1.4)], RED[2])
        c.pset(8, 7, RED[4])
    c.pset(round(8 - rx * 0.5), 6, BRASS[4])
    c.outline(INK)
    if f == 0:
        c.hline(11, 15, 4, WHITE)
        c.vline(13, 2, 6, WHITE)
    return c


def token(out: Path) -> list[Path]:
    """``sprites/bonus``: tag ``bonus``, the pickup that earns a bonus game."""
    frames = [token_frame(f) for f in range(4)]
    img = np.zeros((16, 64, 4), dtype=np.uint8)
    entries = []
    for i, fr in enumerate(frames):
        img[:, i * 16:(i + 1) * 16] = fr.px
        entries.append(frame_entry(f"bonus_{i}", i * 16, 0, 16, 16, 420 if i == 0 else 110))
    tags = [{"name": "bonus", "from": 0, "to": 3, "direction": "forward", "color": "#000000ff"}]
    return write_sheet(out / "sprites", "bonus", img, entries, tags, (8, 15))


# --- hot coal ----------------------------------------------------------------------------------

def coal_room() -> Canvas:
    """A dark stoke-room: soot-red brick, a stove's glow on the left, a chopping block in the light."""
    c = Canvas(320, 180, rgb("#0c0608"))
    c.vgrad(0, 0, 320, 140, [rgb("#120608"), rgb("#2a0c0c"), rgb("#3c1410")])
    rng = np.random.default_rng(1989)
    for row in range(0, 140, 8):
        off = 0 if (row // 8) % 2 == 0 else 12
        for x in range(-12 + off, 320, 24):
            shade = int(rng.integers(0, 3))
            col = (rgb("#3a1410"), rgb("#4a1a14"), rgb("#301010"))[shade]
            c.rect(x + 1, row + 1, 22, 6, col)
            c.hline(x + 1, x + 22, row + 1, rgb("#56201a"))
    # light falling on the wall from above the block
    ys, xs = c.grid()
    glow = ((xs - 168) / 120) ** 2 + ((ys - 120) / 90) ** 2 < 1.0
    lit = c.dither_mask(glow, 0.35)
    c.px[lit & (c.px[:, :, 0] > 0x40)] = rgb("#6a2a1e")
    # the stove on the left: iron box, fire door glowing
    c.rect(14, 70, 58, 80, STEEL[1])
    c.rect(16, 72, 54, 6, STEEL[3])
    c.rect(22, 96, 42, 30, STEEL[0])
    c.vgrad(25, 99, 36, 24, [EMBER[3], EMBER[4], EMBER[5], EMBER[4]])
    for x in range(27, 60, 6):
        c.vline(x, 99, 122, STEEL[1])
    c.rect(30, 40, 12, 30, STEEL[1])
    c.vline(32, 40, 69, STEEL[3])
    # the floor
    c.vgrad(0, 140, 320, 40, [rgb("#2a1a14"), rgb("#1a100c"), rgb("#0c0606")])
    for x in range(0, 320, 32):
        c.line(x, 140, x - 20 + (x - 160) // 6, 179, rgb("#201410"))
    # the chopping block: a thick stump of birch
    c.ellipse(176, 160, 52, 8, with_alpha(INK, 160))
    c.rect(130, 128, 92, 32, WOOD[2])
    c.vgrad(130, 128, 92, 32, [WOOD[3], WOOD[2], WOOD[1]])
    for x in (140, 158, 181, 203):
        c.vline(x, 132, 158, WOOD[1])
    c.ellipse(176, 128, 46, 7, WOOD[3])
    c.ellipse(176, 128, 36, 5, WOOD[4])
    c.ellipse(176, 128, 22, 3, WOOD[3])
    c.ellipse(176, 128, 8, 1.2, WOOD[2])
    return c


def coal(stage: int) -> Canvas:
    """The glowing coal, 48x32: stage 0 whole, 1-2 cracking, 3 broken in three."""
    c = Canvas(48, 32)
    ys, xs = c.grid()
    noise = np.random.default_rng(40).random((32, 48))
    # smooth the noise a little so embers come in blobs, not single pixels
    noise = (noise + np.roll(noise, 1, 0) + np.roll(noise, 1, 1) + np.roll(noise, (1, 1), (0, 1))) / 4

    def lump(cx: float, cy: float, rx: float, ry: float, seed: int) -> np.ndarray:
        r2 = np.random.default_rng(seed)
        ang = np.arctan2(ys - cy, xs - cx)
        bump = 1 + 0.12 * np.sin(ang * 5 + r2.uniform(0, 6)) + 0.08 * np.sin(ang * 9 + r2.uniform(0, 6))
        return ((xs - cx) / (rx * bump)) ** 2 + ((ys - cy) / (ry * bump)) ** 2 <= 1.0

    if stage < 3:
        parts = [lump(24, 19, 17, 10, 7)]
    else:
        parts = [lump(10, 23, 8, 6, 3), lump(25, 17, 7, 7, 4), lump(39, 23, 8, 6, 5)]
    heat = 0.1 * stage
    for m in parts:
        rings = [m]
        for _ in range(4):
            rings.append(rings[-1] & ~grow(~rings[-1]))
        c.mask_fill(m, CRUST[1])
        c.mask_fill(rings[1], CRUST[2])
        c.mask_fill(rings[1] & (ys < 17), CRUST[3])                  # the lit top of the crust
        c.mask_fill(rings[2] & (noise > 0.62 - heat), EMBER[2])
        c.mask_fill(rings[2] & (noise > 0.70 - heat), EMBER[3])
        c.mask_fill(rings[3] & (noise > 0.45 - heat), EMBER[3])
        c.mask_fill(rings[3] & (noise > 0.58 - heat), EMBER[4])
        c.mask_fill(rings[4] & (noise > 0.66 - heat), EMBER[5])
        c.mask_fill(m & ~grow(m & ~grow(~m)) & (ys > 22), CRUST[0])
    glow_a, glow_b = EMBER[6], EMBER[5]
    if 1 <= stage < 3:
        for (x0, y0), (x1, y1) in itertools.pairwise([(24, 10), (22, 15), (26, 19), (23, 24)]):
            c.line(x0, y0, x1, y1, glow_a)
        c.line(22, 15, 16, 17, glow_b)
    if stage == 2:
        c.line(23, 24, 25, 28, glow_a)
        c.line(26, 19, 33, 16, glow_a)
        c.line(33, 16, 37, 20, glow_b)
        c.line(16, 17, 11, 22, glow_b)
    if stage == 3:                  # the broken faces glow white-hot
        for m in parts:
            inner = m & ~grow(~m) & ~grow(~(m & ~grow(~m)))
            c.mask_fill(inner & (noise > 0.35), EMBER[5])
            c.mask_fill(inner & (noise > 0.6), EMBER[6])
    c.outline(INK)
    return c


def hand() -> Canvas:
    """Danko's forearm and the edge of his flat hand (a karate chop), coming down from the top right."""
    p = Painter(72, 80)
    skin = SKIN_DANKO
    sleeve = ramp("#1e2414", "#39422a", "#56603c", "#74805a")   # militia greatcoat, rolled back
    p.fill(p.capsule((72, -6), (50, 26), 10.0, 9.0), sleeve, 1, INK)
    p.fill(p.capsule((51, 25), (47, 31), 9.8, 9.6), ramp("#39422a", "#56603c", "#74805a", "#94a078"), 2, INK)
    p.fill(p.capsule((46, 32), (28, 57), 7.0, 5.4), skin, 3, skin[0])
    # the hand: fingers straight and together, little-finger edge leading the blow
    p.fill(p.ellipse((20, 66), 6.0, 12.0, 34), skin, 4, skin[0])
    p.fill(p.ellipse((27, 58), 3.0, 5.0, 20), skin, 5, skin[0], bias=0.2)       # the thumb, tucked
    for k in (1, 2, 3):                                                        # the finger lines
        p.seg((23 - k * 2.2, 62 - k * 0.6), (17 - k * 2.2, 74 - k * 0.6), skin[1])
    p.outline(INK)
    return p.c


def meter() -> Canvas:
    """The power meter's frame: a brass thermometer tube with marks, 18x104 (filled at run time)."""
    c = Canvas(18, 104)
    c.rect(2, 0, 14, 104, INK)
    c.rect(3, 1, 12, 102, BRASS[1])
    c.vline(4, 2, 101, BRASS[3])
    c.rect(5, 4, 8, 96, rgb("#100808"))
    for y in range(4, 100, 8):
        c.hline(13, 14, y, BRASS[3])
    # the perfect band at the top (red) and the good band (gold) as ticks on the side
    c.rect(0, 4, 2, 8, RED[3])
    c.rect(0, 12, 2, 14, BRASS[3])
    return c


# --- torn bill ---------------------------------------------------------------------------------

def bill() -> Canvas:
    """A 160x72 note of our own design: RED HEAT, ONE ROUBLE-DOLLAR, a red star, a bear. Not money."""
    c = Canvas(160, 72, PAPER[3])
    c.vgrad(0, 0, 160, 72, [PAPER[4], PAPER[3], PAPER[3], PAPER[2]])
    ys, xs = c.grid()
    guil = (np.sin(xs * 0.55 + np.sin(ys * 0.3) * 2.0) > 0.82) & ((xs + ys) % 3 == 0)
    c.mask_fill(guil, PAPER[2])
    c.rect(3, 3, 154, 66, with_alpha(PAPER[1], 0))
    for r in (2, 5):
        c.hline(r, 159 - r, r, PAPER[0])
        c.hline(r, 159 - r, 71 - r, PAPER[0])
        c.vline(r, r, 71 - r, PAPER[0])
        c.vline(159 - r, r, 71 - r, PAPER[0])
    for x in range(8, 152, 6):          # a border of little stars
        c.pset(x, 3, BILL_RED[2])
        c.pset(x + 3, 68, BILL_RED[2])
    # the medallion: a red star in a wreath on the left
    c.ellipse(30, 36, 19, 19, PAPER[1])
    c.ellipse(30, 36, 17, 17, PAPER[4])
    c.poly(_star(30, 37, 13, 5.5), BILL_RED[1])
    c.poly(_star(30, 36, 12, 5), BILL_RED[2])
    for a in range(200, 340, 18):
        for side in (-1, 1):
            ang = math.radians(a if side > 0 else 180 - a)
            c.pset(int(30 + 18 * math.cos(ang)), int(36 - 18 * math.sin(ang)), PAPER[0])
    # the bear on the right, a friendly silhouette in an oval
    c.ellipse(131, 36, 20, 22, PAPER[1])
    c.ellipse(131, 36, 18, 20, PAPER[4])
    c.ellipse(131, 44, 12, 9, PAPER[0])
    c.ellipse(131, 30, 8, 7, PAPER[0])
    c.ellipse(125, 24, 2.5, 2.5, PAPER[0])
    c.ellipse(137, 24, 2.5, 2.5, PAPER[0])
    c.ellipse(131, 33, 3, 2, PAPER[2])
    c.pset(128, 29, PAPER[4])
    c.pset(134, 29, PAPER[4])
    # the words
    w = _text_width("RED HEAT")
    _font_text(c, "RED HEAT", 80 - w // 2, 9, BILL_RED[2])
    for i, word in enumerate(("ONE", "ROUBLE-DOLLAR")):
        _small_caps(c, word, 80, 33 + 9 * i, PAPER[0])
    c.rect(56, 56, 48, 9, BILL_RED[2])
    _small_caps(c, "NOT MONEY", 80, 57, PAPER[4])
    # serial numbers in the corners
    _small_caps(c, "1988", 22, 60, BILL_RED[1])
    _small_caps(c, "1989", 138, 8, BILL_RED[1])
    return c


#: A 3x5 pixel alphabet for the bill's small print (ours; only the letters the bill needs).
_GLYPHS = {
    "O": "111101101101111", "N": "111101101101101", "E": "111100110100111", "R": "110101110101101",
    "U": "101101101101111", "B": "110101110101110", "L": "100100100100111", "D": "110101101101110",
    "A": "010101111101101", "-": "000000111000000", "T": "111010010010010", "M": "101111111101101",
    "Y": "101101010010010", "1": "010110010010111", "9": "111101111001111", "8": "111101111101111",
    " ": "000000000000000", "0": "111101101101111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001001001001",
}


def _small_caps(c: Canvas, text: str, cx: int, y: int, col: Color) -> None:
    w = len(text) * 4 - 1
    x = cx - w // 2
    for ch in text:
        g = _GLYPHS[ch]
        for i, bit in enumerate(g):
            if bit == "1":
                c.pset(x + i % 3, y + i // 3, col)
        x += 4


def torn_pieces(full: Canvas, cols: int = 4, rows: int = 2) -> list[Canvas]:
    """Cut the bill into pieces along jagged tears; each piece keeps its cell size (40x36)."""
    pw, ph = full.w // cols, full.h // rows
    rng = np.random.default_rng(7)
    # a jagged offset (0..2 px) along every inner edge: what one side loses, the other keeps
    vert = {(k, y): int(rng.integers(0, 3)) for k in range(1, cols) for y in range(full.h)}
    horiz = {(k, x): int(rng.integers(0, 3)) for k in range(1, rows) for x in range(full.w)}
    owner = np.zeros((full.h, full.w), dtype=np.int32)
    for y in range(full.h):
        for x in range(full.w):
            col = x // pw
            if col + 1 < cols and x >= (col + 1) * pw - vert[(col + 1, y)]:
                col += 1
            row = y // ph
            if row + 1 < rows and y >= (row + 1) * ph - horiz[(row + 1, x)]:
                row += 1
            owner[y, x] = row * cols + col
    pieces = []
    for i in range(cols * rows):
        cx, cy = (i % cols) * pw, (i // cols) * ph
        c = Canvas(pw, ph)
        mine = owner[cy:cy + ph, cx:cx + pw] == i
        c.px[mine] = full.px[cy:cy + ph, cx:cx + pw][mine]
        m = c.opaque()
        edge = m & grow(~m)
        c.mask_fill(edge & c.dither_mask(edge, 0.7), PAPER[4])     # the white fluff of torn paper
        pieces.append(c)
    return pieces


def desk() -> Canvas:
    """The desk the bill is pieced together on: dark wood, a green blotter, a lamp's pool of light."""
    c = Canvas(320, 180)
    c.vgrad(0, 0, 320, 180, [WOOD[1], WOOD[2], WOOD[1], WOOD[0]])
    rng = np.random.default_rng(5)
    for y in range(0, 180, 3):
        if rng.random() < 0.5:
            x0 = int(rng.integers(0, 300))
            c.hline(x0, x0 + int(rng.integers(20, 90)), y, WOOD[0] if rng.random() < 0.6 else WOOD[3])
    c.rect(64, 52, 192, 96, rgb("#10281c"))
    c.vgrad(66, 54, 188, 92, [rgb("#1c4430"), rgb("#183a28"), rgb("#123020")])
    for x in (64, 255):
        c.vline(x, 52, 147, rgb("#3a2414"))
    ys, xs = c.grid()
    pool = ((xs - 160) / 170) ** 2 + ((ys - 96) / 110) ** 2 > 1.0
    c.mask_fill(c.dither_mask(pool, 0.5), rgb("#140a06"))
    return c


# --- door gallery ------------------------------------------------------------------------------

DOOR_W, DOOR_H = 40, 70


def door_centre(door: int) -> tuple[int, int]:
    """Same geometry as game/sim/bonus/doors.py."""
    c, r = door % 6, door // 6
    return 40 + 48 * c, 58 + 72 * r


def _locker(c: Canvas, x: int, y: int, number: int) -> None:
    c.rect(x, y, DOOR_W, DOOR_H, STEEL[0])
    c.vgrad(x + 1, y + 1, DOOR_W - 2, DOOR_H - 2, [STEEL[4], STEEL[3], STEEL[3], STEEL[2]])
    c.hline(x + 1, x + DOOR_W - 2, y + 1, STEEL[5])
    for k in range(4):                     # vents
        c.hline(x + 10, x + DOOR_W - 11, y + 8 + 3 * k, STEEL[1])
    c.rect(x + 13, y + 24, 14, 9, rgb("#e8e0c8"))     # number plate
    _small_caps(c, f"{number:02d}", x + 20, y + 26, INK)
    c.rect(x + DOOR_W - 9, y + 34, 4, 8, BRASS[2])    # lock
    c.pset(x + DOOR_W - 8, y + 37, INK)
    c.vline(x + DOOR_W - 1, y, y + DOOR_H - 1, STEEL[0])


def locker_wall() -> Canvas:
    """The bus station's left-luggage wall: cream tiles, a departures strip, twelve lockers."""
    c = Canvas(320, 180)
    c.vgrad(0, 0, 320, 180, [TILE[2], TILE[3], TILE[2], TILE[1]])
    for y in range(0, 180, 10):
        c.hline(0, 319, y, TILE[1])
    for x in range(0, 320, 10):
        c.vline(x, 0, 179, TILE[1])
    c.rect(0, 0, 320, 20, rgb("#1a1a22"))
    c.rect(0, 20, 320, 2, BILL_RED[2])
    c.rect(8, 166, 304, 14, rgb("#3a3630"))
    c.hline(8, 311, 166, TILE[0])
    c.rect(14, 20, 292, 148, STEEL[0])
    for d in range(12):
        x, y = door_centre(d)
        _locker(c, x - DOOR_W // 2, y - DOOR_H // 2, d + 1)
    return c


def locker_open() -> Canvas:
    """An open locker: its dark inside, and the door leaf swung out to the left (edge on)."""
    c = Canvas(DOOR_W + 10, DOOR_H)
    c.rect(10, 0, DOOR_W, DOOR_H, STEEL[0])
    c.vgrad(11, 1, DOOR_W - 2, DOOR_H - 2, [rgb("#0a0a0e"), rgb("#16161e"), rgb("#22222c")])
    c.hline(11, DOOR_W + 8, DOOR_H - 4, STEEL[2])
    c.poly([(0, 6), (10, 0), (10, DOOR_H), (0, DOOR_H - 6)], STEEL[3])
    c.poly([(0, 6), (3, 4), (3, DOOR_H - 4), (0, DOOR_H - 6)], STEEL[4])
    c.vline(10, 0, DOOR_H - 1, STEEL[1])
    return c


CIVILIAN = Look(
    body=SLIM,
    ink=INK,
    skin=ramp("#4a2a22", "#9c6a54", "#d4a080", "#f2caa8"),
    top=ramp("#2a1c36", "#4a3460", "#6e5090", "#9474b8"),
    torso_style="coat",
    legs=ramp("#1c1a1c", "#343034", "#4c464c"),
    shoes=ramp("#1e120a", "#3e2616", "#623e24"),
    skirt=ramp("#2a1c36", "#4a3460", "#6e5090", "#9474b8"),
    skirt_len=12,
    hair=ramp("#5a5254", "#8a8286", "#bab2b4"),
    hair_style="bun",
)
PORTER = Look(
    body=LOOKS["thug"].body,
    ink=INK,
    skin=ramp("#3e2012", "#86492c", "#b87648", "#dca070"),
    top=ramp("#14203a", "#24386a", "#3a549a", "#5a76c0"),
    torso_style="jacket",
    shirt=ramp("#7a7e8c", "#b8bcc8", "#e6e8ee"),
    legs=ramp("#14203a", "#24386a", "#3a549a"),
    shoes=ramp("#1e120a", "#3e2616", "#623e24"),
    hair=ramp("#1a120c", "#38261a", "#54402c"),
    hat="flatcap",
    hat_ramp=ramp("#14203a", "#24386a", "#3a549a", "#5a76c0"),
    moustache=True,
)

FIGURE_POSES = {
    "gunman": ("gangster", "base=stand lean=1 ua_n=58 fa_n=42 hold=pistol"),
    "gunman_aim": ("gangster", "base=stand lean=-3 ua_n=88 fa_n=2 ua_f=66 fa_f=26 hold=pistol face=shout"),
    "gunman_down": ("gangster", "base=stand lean=-16 head=-16 ua_n=-25 fa_n=45 ua_f=-40 fa_f=35 face=hurt"),
    "civilian": ("civilian", "base=stand ua_n=150 fa_n=30 ua_f=140 fa_f=40 face=hurt"),
    "porter": ("porter", "base=stand ua_n=160 fa_n=20 ua_f=150 fa_f=25 face=shout"),
    "ridzik": ("ridzik", "base=stand ua_n=160 fa_n=10 ua_f=145 fa_f=30 face=shout"),
    "hit": ("porter", "base=stand lean=-16 head=-16 ua_n=-25 fa_n=45 ua_f=-40 fa_f=35 face=hurt"),
}


def figure(name: str) -> Canvas:
    """A person standing in a locker, 96x80 with the feet at (48, 76), facing left (out at the player)."""
    look_name, spec = FIGURE_POSES[name]
    look = {"civilian": CIVILIAN, "porter": PORTER}.get(look_name) or LOOKS[look_name]
    script = parse_script()
    items = dict(kv.split("=", 1) for kv in spec.split())
    base = script.poses[items.pop("base")]
    pose = Pose.parse(items, base)
    fig = Figure(look, pose).draw()
    return fig.flipped()


def glove(closed: bool) -> Canvas:
    """The bill game's pointer, 20x20: Danko's hand, open (pointing) or closed on a piece."""
    p = Painter(20, 20)
    skin = SKIN_DANKO
    if closed:
        p.fill(p.ellipse((10, 10), 6.0, 5.0, 0), skin, 1, skin[0])
        for k in range(4):
            p.fill(p.ellipse((6 + 2.7 * k, 14.5), 1.6, 1.8, 0), skin, 2 + k, skin[0], bias=0.1)
        p.fill(p.capsule((12, 8), (17, 2), 3.4, 3.2), skin, 7, skin[0])
    else:
        p.fill(p.ellipse((11, 12), 5.0, 4.5, 0), skin, 1, skin[0])
        p.fill(p.capsule((8, 10), (3, 3), 1.6, 1.4), skin, 2, skin[0], bias=0.2)   # the pointing finger
        for k in range(3):
            p.fill(p.capsule((10 + 2.4 * k, 10), (10 + 2.4 * k, 15), 1.4, 1.3), skin, 3 + k, skin[0])
        p.fill(p.capsule((14, 12), (19, 6), 3.0, 3.0), skin, 7, skin[0])
    p.outline(INK)
    return p.c


def crosshair() -> Canvas:
    """A red ring with a gap and four ticks, 17x17, centred."""
    c = Canvas(17, 17)
    ring = c.ellipse_mask(8, 8, 6.6, 6.6) & ~c.ellipse_mask(8, 8, 5.2, 5.2)
    ys, xs = c.grid()
    ring &= (np.abs(xs - 8) > 1.5) | (np.abs(ys - 8) > 1.5)
    c.mask_fill(grow(ring, True) & ~ring, INK)
    c.mask_fill(ring, RED[3])
    for a, b in (((8, 0), (8, 4)), ((8, 12), (8, 16)), ((0, 8), (4, 8)), ((12, 8), (16, 8))):
        c.line(*a, *b, WHITE)
    c.pset(8, 8, RED[4])
    return c


def build_bonus(out: Path, moves_dir: Path) -> list[Path]:
    """Every bonus-game picture."""
    files = token(out)
    d = out / "ui" / "bonus"
    images: dict[str, Canvas] = {
        "coal_room": coal_room(),
        "hand": hand(),
        "meter": meter(),
        "desk": desk(),
        "locker_wall": locker_wall(),
        "locker_open": locker_open(),
        "crosshair": crosshair(),
        "glove_open": glove(False),
        "glove_closed": glove(True),
    }
    for s in range(4):
        images[f"coal_{s}"] = coal(s)
    full = bill()
    images["bill"] = full
    for i, piece in enumerate(torn_pieces(full)):
        images[f"bill_{i}"] = piece
    for name in FIGURE_POSES:
        images[f"fig_{name}"] = figure(name)
    for name, canvas in images.items():
        path = d / f"{name}.png"
        write_png(path, canvas.px)
        files.append(path)
    return files
