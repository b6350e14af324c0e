"""The campaign's props, weapons and hazards (issue 11): one small sheet each under ``assets/sprites``.

- breakables ``prop_crate``, ``prop_barrel``, ``prop_bin``, ``prop_locker``, ``prop_car``: tags ``idle``
  (whole) and ``cracked`` (below half its hp);
- rolling props ``prop_gurney``, ``prop_wheelchair``: ``idle`` and ``thrown`` (rolling: the wheels turn);
- ``prop_door``: ``closed`` and ``open`` (a hotel room door in the back wall);
- weapons ``weapon_pipe``, ``weapon_bottle``, ``weapon_knife``: ``idle`` (lying on the floor), ``held``
  (upright in a fist's grip, drawn at the holder's hand) and ``spin`` (thrown, four turns);
- hazards ``hazard_icicle``, ``hazard_masonry``: ``idle`` (falling) and ``shatter`` (landed);
- ``thrown_snowball``: ``spin``, what Moscow's throwers throw (a move's ``projectile`` ``sprite``).

Every sheet stands on its pivot: the bottom centre, like the characters' feet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from .canvas import Canvas, ramp, rgb, with_alpha
from .sheets import frame_entry, write_sheet

INK = rgb("#140a0e")
WOOD = ramp("#2a160a", "#4a2a14", "#6e4222", "#946034", "#b8844c")
RUST = ramp("#2a0e08", "#5a1e10", "#8a3418", "#b8542a", "#d88048")
BIN_GREEN = ramp("#0e1a12", "#1e3424", "#2e5036", "#4a7250", "#78a07a")
STEEL = ramp("#1a1c22", "#2c303a", "#444a58", "#646c7e", "#8e96a8", "#c0c8d8")
LOCKER = ramp("#141c26", "#24344a", "#36506a", "#52708e", "#7c9ab4")
CAR = ramp("#1a0608", "#3c0c10", "#6a1418", "#9a2420", "#c84a3a")
GLASS = ramp("#0c1420", "#1c3048", "#3a6488", "#7ab0d0")
SHEET = ramp("#5a6470", "#9aa4ae", "#d4dade", "#f4f8f8")
BOTTLE = ramp("#0a2010", "#14421e", "#2a6a32", "#5aa060", "#b4e0a0")
ICE = ramp("#2a4a6a", "#4a7aa0", "#8ab8d8", "#c8e8f8", "#ffffff")
STONE = ramp("#2a2420", "#4a423a", "#6e6456", "#948a78", "#bab09a")
DOOR = ramp("#1c0c06", "#3a1a0c", "#5c2c14", "#7e4220", "#a0602e")
BRASS = ramp("#4a2e08", "#8a5e14", "#c89a2c", "#f4d870")


def _wheel(c: Canvas, cx: int, cy: int, r: int, turn: int) -> None:
    c.ellipse(cx, cy, r, r, INK)
    c.ellipse(cx, cy, r - 1, r - 1, STEEL[2])
    c.ellipse(cx, cy, max(1, r - 2), max(1, r - 2), STEEL[1])
    if turn % 2 == 0:
        c.hline(cx - r + 1, cx + r - 1, cy, STEEL[4])
        c.vline(cx, cy - r + 1, cy + r - 1, STEEL[4])
    else:
        c.line(cx - r + 2, cy - r + 2, cx + r - 2, cy + r - 2, STEEL[4])
        c.line(cx - r + 2, cy + r - 2, cx + r - 2, cy - r + 2, STEEL[4])
    c.pset(cx, cy, STEEL[5])


# --- breakables ----------------------------------------------------------------------------------

def crate(cracked: bool) -> Canvas:
    """A wooden shipping crate: planks, a cross brace, stencilled star."""
    c = Canvas(30, 30)
    c.rect(2, 4, 26, 25, WOOD[2])
    for y in range(4, 29, 6):
        c.hline(2, 27, y, WOOD[1])
        c.hline(2, 27, y + 1, WOOD[3])
    c.rect(2, 4, 3, 25, WOOD[3])
    c.rect(25, 4, 3, 25, WOOD[1])
    c.rect(2, 4, 26, 2, WOOD[4])
    c.line(5, 26, 24, 7, WOOD[4])
    c.line(5, 27, 24, 8, WOOD[1])
    c.rect(13, 13, 4, 4, rgb("#8a2a18"))
    if cracked:
        c.line(8, 4, 12, 14, INK)
        c.line(12, 14, 10, 20, INK)
        c.rect(18, 20, 6, 4, WOOD[0])
        c.line(20, 4, 22, 10, WOOD[0])
    c.outline(INK)
    return c


def barrel(cracked: bool) -> Canvas:
    """A rusty oil drum with two ribs and a hazard band."""
    c = Canvas(24, 30)
    c.rect(3, 3, 18, 26, RUST[2])
    c.rect(3, 3, 4, 26, RUST[3])
    c.rect(5, 3, 1, 26, RUST[4])
    c.rect(17, 3, 4, 26, RUST[1])
    for y in (9, 20):
        c.hline(3, 20, y, RUST[0])
        c.hline(3, 20, y + 1, RUST[4])
    c.ellipse(12, 3, 9, 2, RUST[1])
    c.ellipse(12, 3, 7, 1, RUST[0])
    c.rect(8, 13, 8, 4, rgb("#d8b020"))
    c.checker(8, 13, 8, 4, INK)
    if cracked:
        c.poly([(17, 6), (21, 9), (21, 16), (18, 13)], RUST[0])
        c.line(6, 22, 10, 27, INK)
    c.outline(INK)
    return c


def bin_(cracked: bool) -> Canvas:
    """A green street bin with a domed lid (knocked askew when dented)."""
    c = Canvas(24, 28)
    c.poly([(4, 8), (20, 8), (19, 27), (5, 27)], BIN_GREEN[2])
    c.rect(5, 8, 3, 19, BIN_GREEN[3])
    c.rect(16, 8, 3, 19, BIN_GREEN[1])
    for x in (9, 12, 15):
        c.vline(x, 10, 25, BIN_GREEN[1])
    if cracked:
        c.poly([(2, 6), (16, 1), (18, 4), (4, 9)], BIN_GREEN[3])
        c.rect(7, 6, 8, 2, rgb("#3a3020"))
        c.line(14, 12, 18, 18, INK)
    else:
        c.ellipse(12, 7, 9, 3, BIN_GREEN[3])
        c.hline(5, 19, 7, BIN_GREEN[4])
        c.rect(10, 3, 4, 2, BIN_GREEN[1])
    c.outline(INK)
    return c


def locker(cracked: bool) -> Canvas:
    """A bus station left-luggage locker: steel, vents, a number plate and a handle."""
    c = Canvas(24, 48)
    c.rect(2, 2, 20, 45, LOCKER[2])
    c.rect(2, 2, 20, 2, LOCKER[4])
    c.rect(2, 2, 2, 45, LOCKER[3])
    c.rect(20, 2, 2, 45, LOCKER[1])
    for y in (7, 10, 13):
        c.hline(7, 16, y, LOCKER[0])
    c.rect(9, 18, 6, 4, BRASS[2])
    c.pset(11, 19, INK)
    c.pset(13, 20, INK)
    c.rect(16, 26, 2, 6, STEEL[4])
    c.hline(2, 21, 44, LOCKER[0])
    if cracked:
        c.poly([(4, 24), (14, 22), (13, 40), (4, 42)], LOCKER[0])
        c.line(14, 22, 13, 40, LOCKER[4])
    c.outline(INK)
    return c


def car(cracked: bool) -> Canvas:
    """A parked 1980s Chicago sedan in profile, nose to the right."""
    c = Canvas(80, 38)
    c.poly([(3, 20), (14, 18), (24, 9), (52, 9), (62, 18), (77, 21), (77, 31), (3, 31)], CAR[2])
    c.vgrad(3, 20, 75, 11, [CAR[3], CAR[2], CAR[1]])
    c.poly([(26, 11), (38, 11), (38, 18), (19, 18)], GLASS[1] if cracked else GLASS[2])
    c.poly([(40, 11), (51, 11), (59, 18), (40, 18)], GLASS[1] if cracked else GLASS[2])
    if not cracked:
        c.line(28, 12, 24, 17, GLASS[3])
        c.line(43, 12, 41, 16, GLASS[3])
    else:
        for a, b in (((28, 12), (34, 17)), ((33, 11), (27, 18)), ((44, 12), (52, 18)), ((49, 11), (42, 17))):
            c.line(*a, *b, GLASS[3])
        c.poly([(60, 22), (70, 22), (66, 28)], CAR[0])
    c.hline(4, 76, 20, CAR[4])
    c.vline(39, 10, 30, CAR[1])
    c.rect(34, 22, 4, 1, STEEL[4])
    c.rect(72, 22, 5, 3, rgb("#f4e8a0"))
    c.rect(3, 22, 3, 3, rgb("#c82010"))
    c.rect(3, 29, 75, 3, STEEL[3])
    _wheel(c, 18, 31, 6, 0)
    _wheel(c, 62, 31, 6, 0)
    c.outline(INK)
    return c


# --- rolling props --------------------------------------------------------------------------------

def gurney(turn: int) -> Canvas:
    """A hospital gurney: a white sheet on a steel frame, four castors."""
    c = Canvas(42, 28)
    c.rect(3, 10, 36, 6, SHEET[2])
    c.rect(3, 10, 36, 2, SHEET[3])
    c.rect(3, 15, 36, 1, SHEET[0])
    c.ellipse(8, 9, 5, 2, SHEET[3])
    c.rect(3, 16, 36, 2, STEEL[3])
    for x in (6, 35):
        c.vline(x, 18, 23, STEEL[2])
    c.line(8, 18, 33, 23, STEEL[1])
    for x in (6, 35):
        _wheel(c, x, 25, 2, turn)
    c.outline(INK)
    return c


def wheelchair(turn: int) -> Canvas:
    """A wheelchair: a big spoked wheel, a green seat, push handles at the back."""
    c = Canvas(28, 30)
    c.rect(6, 12, 14, 4, rgb("#2e5a3a"))
    c.rect(5, 4, 3, 12, rgb("#2e5a3a"))
    c.rect(3, 3, 4, 2, STEEL[4])
    c.rect(18, 16, 2, 8, STEEL[3])
    c.hline(18, 23, 24, STEEL[3])
    _wheel(c, 11, 21, 8, turn)
    _wheel(c, 23, 27, 2, turn)
    c.outline(INK)
    return c


# --- the door --------------------------------------------------------------------------------------

def door(open_: bool) -> Canvas:
    """A hotel room door with a brass number plate; open, a dark room and the door swung in."""
    c = Canvas(32, 56)
    c.rect(1, 1, 30, 54, DOOR[0])
    c.rect(2, 2, 28, 2, DOOR[4])
    if open_:
        c.rect(4, 4, 24, 51, rgb("#08060a"))
        c.vgrad(4, 40, 24, 15, [rgb("#08060a"), rgb("#1a1014")])
        c.poly([(4, 4), (9, 8), (9, 52), (4, 55)], DOOR[3])
        c.vline(5, 6, 52, DOOR[4])
    else:
        c.rect(4, 4, 24, 51, DOOR[2])
        c.rect(7, 8, 18, 18, DOOR[1])
        c.rect(7, 31, 18, 20, DOOR[1])
        c.rect(8, 9, 16, 16, DOOR[3])
        c.rect(8, 32, 16, 18, DOOR[3])
        c.rect(13, 12, 6, 4, BRASS[2])
        c.rect(23, 29, 3, 3, BRASS[3])
    c.outline(INK)
    return c


# --- weapons ---------------------------------------------------------------------------------------

def _pipe(c: Canvas, angle: int) -> None:
    pts = {0: ((2, 12), (21, 12)), 1: ((4, 18), (19, 5)), 2: ((11, 2), (11, 21)),
           3: ((4, 5), (19, 18))}[angle]
    (x0, y0), (x1, y1) = pts
    for d in (-1, 0, 1):
        col = STEEL[4] if d < 0 else STEEL[2] if d == 0 else STEEL[1]
        if angle == 2:
            c.line(x0 + d, y0, x1 + d, y1, col)
        else:
            c.line(x0, y0 + d, x1, y1 + d, col)
    c.rect(x1 - 1, y1 - 1, 3, 3, STEEL[3])


def _bottle(c: Canvas, angle: int) -> None:
    if angle % 2 == 0:
        horiz = angle == 0
        if horiz:
            c.rect(6, 10, 10, 5, BOTTLE[2])
            c.rect(16, 11, 4, 3, BOTTLE[2])
            c.rect(6, 10, 10, 1, BOTTLE[4])
            c.rect(9, 11, 4, 3, rgb("#d8c890"))
        else:
            c.rect(9, 7, 5, 10, BOTTLE[2])
            c.rect(10, 3, 3, 4, BOTTLE[2])
            c.rect(9, 7, 1, 10, BOTTLE[4])
            c.rect(10, 10, 3, 4, rgb("#d8c890"))
    else:
        pts = [(7, 17), (13, 9), (17, 5), (19, 7), (15, 11), (10, 19)] if angle == 1 else \
            [(7, 5), (13, 13), (17, 17), (19, 15), (15, 11), (10, 3)]
        c.poly(pts, BOTTLE[2])
        c.line(pts[0][0], pts[0][1], pts[1][0], pts[1][1], BOTTLE[4])


def _knife(c: Canvas, angle: int) -> None:
    if angle == 0:
        c.rect(4, 11, 6, 3, rgb("#3a2010"))
        c.rect(10, 10, 1, 5, STEEL[3])
        c.poly([(11, 11), (20, 12), (11, 14)], STEEL[4])
        c.hline(11, 18, 11, STEEL[5])
    elif angle == 2:
        c.rect(10, 4, 3, 6, rgb("#3a2010"))
        c.rect(9, 10, 5, 1, STEEL[3])
        c.poly([(10, 11), (11.5, 20), (13, 11)], STEEL[4])
    else:
        flip = angle == 3
        pts = [(5, 18), (9, 14), (18, 5), (11, 15)]
        if flip:
            pts = [(x, 23 - y) for x, y in pts]
        c.poly(pts, STEEL[4])
        c.line(5, 18 if not flip else 5, 8, 15 if not flip else 8, rgb("#3a2010"))


WEAPON_DRAW: dict[str, Callable[[Canvas, int], None]] = {"pipe": _pipe, "bottle": _bottle, "knife": _knife}


def weapon(kind: str, angle: int) -> Canvas:
    """A weapon at one of four angles in a 24x24 frame (0 lying flat, 2 upright)."""
    c = Canvas(24, 24)
    WEAPON_DRAW[kind](c, angle)
    c.outline(INK)
    return c


def snowball(turn: int) -> Canvas:
    """A packed snowball (Moscow's throwers), turning as it flies."""
    c = Canvas(24, 24)
    c.ellipse(12, 12, 4, 4, ICE[3])
    c.ellipse(11, 11, 2, 2, ICE[4])
    c.pset(12 + (1, 1, -1, -1)[turn], 12 + (1, -1, -1, 1)[turn], ICE[1])
    c.pset(13, 14, ICE[2])
    c.outline(with_alpha(ICE[0], 255))
    return c


# --- hazards ---------------------------------------------------------------------------------------

def icicle(shatter: int) -> Canvas:
    """A long icicle point-down; landed, a splash of ice shards."""
    c = Canvas(24, 32)
    if shatter < 0:
        c.poly([(7, 0), (17, 0), (13, 30), (11, 30)], ICE[2])
        c.poly([(8, 0), (11, 0), (12, 24)], ICE[3])
        c.vline(9, 1, 10, ICE[4])
        c.poly([(14, 0), (17, 0), (13, 26)], ICE[1])
    else:
        spread = 3 + shatter * 3
        for i, (dx, dy) in enumerate(((-1, -1), (1, -1), (-1, 0), (1, 0), (0, -1))):
            x, y = 12 + dx * spread * (1 + i % 2), 29 + dy * (2 + shatter)
            c.poly([(x - 1, y), (x + 1, y - 3), (x + 2, y)], ICE[3 - i % 2])
        c.hline(12 - spread, 12 + spread, 30, ICE[2])
    c.outline(with_alpha(ICE[0], 255))
    return c


def masonry(shatter: int) -> Canvas:
    """A chunk of cornice stone; landed, rubble and dust."""
    c = Canvas(24, 32)
    if shatter < 0:
        c.poly([(4, 14), (18, 12), (21, 20), (17, 28), (5, 27), (2, 20)], STONE[2])
        c.poly([(4, 14), (18, 12), (19, 16), (5, 18)], STONE[4])
        c.line(8, 20, 14, 24, STONE[1])
        c.rect(16, 18, 3, 3, STONE[1])
    else:
        rng = np.random.default_rng(7 + shatter)
        spread = 4 + shatter * 3
        for _ in range(6):
            x = 12 + int(rng.integers(-spread, spread + 1))
            y = 26 + int(rng.integers(0, 4))
            c.rect(x - 1, y, 3, 2 + int(rng.integers(0, 2)), STONE[int(rng.integers(1, 4))])
    c.outline(INK)
    return c


# --- sheets ----------------------------------------------------------------------------------------

def _sheet(out: Path, name: str, tags: list[tuple[str, list[Canvas], int]]) -> list[Path]:
    frames = [(tag, f, ms) for tag, fs, ms in tags for f in fs]
    w, h = frames[0][1].w, frames[0][1].h
    img = np.zeros((h, w * len(frames), 4), dtype=np.uint8)
    entries, tag_list = [], []
    i = 0
    for tag, fs, ms in tags:
        start = i
        for f in fs:
            img[:, i * w:(i + 1) * w] = f.px
            entries.append(frame_entry(f"{name}_{i}", i * w, 0, w, h, ms))
            i += 1
        tag_list.append({"name": tag, "from": start, "to": i - 1, "direction": "forward",
                         "color": "#000000ff"})
    return write_sheet(out / "sprites", name, img, entries, tag_list, (w // 2, h - 1))


def build_props(out: Path, moves_dir: Path) -> list[Path]:
    """Every prop, weapon and hazard sheet into ``out/sprites``."""
    files: list[Path] = []
    for kind, draw in (("crate", crate), ("barrel", barrel), ("bin", bin_), ("locker", locker), ("car", car)):
        files += _sheet(out, f"prop_{kind}", [("idle", [draw(False)], 1000), ("cracked", [draw(True)], 1000)])
    for kind, draw in (("gurney", gurney), ("wheelchair", wheelchair)):
        files += _sheet(out, f"prop_{kind}", [("idle", [draw(0)], 1000), ("thrown", [draw(0), draw(1)], 70)])
    files += _sheet(out, "prop_door", [("closed", [door(False)], 1000), ("open", [door(True)], 1000)])
    for kind in WEAPON_DRAW:
        files += _sheet(out, f"weapon_{kind}", [("idle", [weapon(kind, 0)], 1000),
                                                ("held", [weapon(kind, 2)], 1000),
                                                ("spin", [weapon(kind, a) for a in range(4)], 50)])
    files += _sheet(out, "thrown_snowball", [("spin", [snowball(t) for t in range(4)], 60)])
    for kind, draw in (("icicle", icicle), ("masonry", masonry)):
        files += _sheet(out, f"hazard_{kind}", [("idle", [draw(-1)], 1000),
                                                ("shatter", [draw(s) for s in range(3)], 90)])
    return files
