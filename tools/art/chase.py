"""The bus chase's art: buses, cars, the train, the night road and city, hazards, the crash, the HUD.

Writes PNGs under ``assets/ui/chase/`` and ``assets/ui/chase/chase.json`` (per vehicle picture: its size,
the ground anchor and where its wheels turn). Two scales: the *road* scale (a bus 112 px long in a
32 px lane, seen from the side) and the *fighter* scale (the bus roof the brawl is fought on, the
hazards that sweep over it, the wreck the last fight is fought beside).

Vehicles face right (the train faces left: it comes the other way) and are drawn without wheels; the
renderer puts a turning wheel (``wheel_<r>_<frame>``) on every hub listed in the json.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from .canvas import Canvas, Color, grow, ramp, rgb, with_alpha
from .fonts import render_title_text
from .png import write_png
from .tilekit import bevel, noise

INK = rgb("#0c0810")
WHITE = rgb("#fffef4")
GLASS = ramp("#0a0e1e", "#16223a", "#2a4060", "#5a80a8", "#b4d8f0")
LIT = ramp("#5a3010", "#b8701c", "#f0b040", "#ffe08a")  # warm interior light
TYRE = ramp("#060608", "#141418", "#26262e", "#3c3c48")
HUB = ramp("#30303a", "#60606c", "#9a9aa8", "#d4d4de")
CHROME = ramp("#24242e", "#50505e", "#8c8c9c", "#c8c8d4", "#f4f4ff")
SOOT = ramp("#0a0808", "#1e1a18", "#3a3432", "#5c5450")
PINK = ramp("#3a0a2a", "#a01a6a", "#ff3aa8", "#ffb4e4")
CYAN = ramp("#06283a", "#0a6a8a", "#2ad8ff", "#b4f4ff")
AMBER = ramp("#6a3a08", "#c87a28", "#ffc860", "#fff0b0")
RED = ramp("#3a0606", "#7a1010", "#c82820", "#ff5a3a", "#ffb090")
HAZ = ramp("#2a2008", "#8a6a10", "#f0c020", "#fff07a")
ASPHALT = ramp("#0a0a10", "#15151e", "#20202c", "#30303e", "#464658")
KERB = ramp("#1a1a22", "#34343e", "#54545e", "#7c7c88")
STEEL = ramp("#0e1014", "#1e222a", "#343a46", "#545c6c", "#808a9c")
SIGN_GREEN = ramp("#06200e", "#0e4420", "#187034", "#4aa868")
FIRE = ramp("#3a0a04", "#a02008", "#f06010", "#ffb030", "#fff0a0")

ROOF_NIGHT = ramp("#1e2029", "#343743", "#4c505e", "#6c7082")   # the bus roof under the night sky

# Liveries: body ramp (dark..light), stripe colours, skirt.
LIVERIES: dict[str, dict[str, object]] = {
    "danko": {
        "body": ramp("#4a4e5a", "#8c909c", "#c4c8d0", "#e8eaee"),
        "stripes": (rgb("#b82020"), rgb("#2848a0")),
        "skirt": ramp("#1c1e26", "#30343e"),
        "sign": "77",
    },
    "viktor": {
        "body": ramp("#5a2a06", "#a05010", "#e08a1c", "#ffc050"),
        "stripes": (rgb("#1a0e08"), rgb("#fff0c0")),
        "skirt": ramp("#1a0e08", "#3a200c"),
        "sign": "X",
    },
}
CAR_COLOURS = {
    "red": ramp("#3a0808", "#7a1414", "#b82a22", "#e85a44"),
    "teal": ramp("#062a2a", "#0e5252", "#1a8080", "#44b4ac"),
    "taxi": ramp("#4a3606", "#9a7010", "#e8b420", "#fff06a"),
    "tan": ramp("#2e2418", "#5a4630", "#8c7050", "#bca07a"),
    "blue": ramp("#0a0e2e", "#1a2460", "#2e4098", "#5a74cc"),
}
GANG_COLOURS = {
    "black": ramp("#060608", "#141420", "#262838", "#44485e"),
    "plum": ramp("#14061a", "#2e0e3a", "#4a1a5e", "#7a3a90"),
    "white": ramp("#3c3c44", "#7a7a86", "#b4b4be", "#e4e4ea"),
}
CIVILIANS = [("sedan", "red"), ("hatch", "teal"), ("taxi", "taxi"), ("sedan", "tan"), ("hatch", "blue")]
GANGS = [("gang", "black"), ("gang", "plum"), ("gang", "white")]
WHEEL_FRAMES = 4
CRASH_FRAMES = 10
SMOKE_FRAMES = 6


# --- helpers -----------------------------------------------------------------------------------


def _outline(c: Canvas, col: Color = INK) -> None:
    c.outline(col)


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _dent(c: Canvas, cx: float, cy: float, rx: float, ry: float, body: list[Color], seed: int) -> None:
    """A dent: a shaded hollow with a bright lip on its lower edge, scuffed to bare metal."""
    inside = c.ellipse_mask(cx, cy, rx, ry) & c.opaque()
    c.mask_fill(c.dither_mask(inside, 0.55), body[0])
    lip = c.ellipse_mask(cx + 0.6, cy + 0.8, rx, ry) & ~c.ellipse_mask(cx, cy, rx, ry) & c.opaque()
    c.mask_fill(lip, body[-1])
    r = _rng(seed)
    for _ in range(3):
        x = int(cx + r.integers(-int(rx), int(rx) + 1))
        c.line(
            x,
            int(cy - ry * 0.5),
            x + int(r.integers(2, 5)),
            int(cy - ry * 0.5 + r.integers(-1, 2)),
            CHROME[2],
        )


def _broken(c: Canvas, x: int, y: int, w: int, h: int, seed: int, gone: bool = False) -> None:
    """A smashed window pane: dark hole, jagged shards round the frame, a crack web."""
    c.rect(x, y, w, h, GLASS[0])
    r = _rng(seed)
    if not gone:
        for _ in range(max(2, w // 3)):
            sx = x + int(r.integers(0, w))
            edge_y = y if r.random() < 0.5 else y + h - 1
            tip = (
                sx + int(r.integers(-2, 3)),
                edge_y + (int(r.integers(1, max(2, h // 2))) * (1 if edge_y == y else -1)),
            )
            c.line(sx, edge_y, *tip, GLASS[3])
        cx, cy = x + w // 2, y + h // 2
        for _ in range(4):
            c.line(cx, cy, x + int(r.integers(0, w)), y + int(r.integers(0, h)), GLASS[2])
    else:
        c.hline(x, x + w - 1, y, GLASS[2])


# --- wheels -------------------------------------------------------------------------------------


def wheel(r: int, frame: int) -> Canvas:
    """A tyre and hub with lug marks at ``frame`` quarter-of-a-quarter turns (4 frames = 90 degrees)."""
    s = 2 * r + 2
    c = Canvas(s, s)
    cx = cy = r + 0.5
    c.ellipse(cx, cy, r + 0.4, r + 0.4, TYRE[1])
    c.mask_fill(
        c.ellipse_mask(cx - 0.5, cy - 0.5, r - 0.6, r - 0.6) & ~c.ellipse_mask(cx, cy, r * 0.62, r * 0.62),
        TYRE[2],
    )
    c.ellipse(cx, cy, r * 0.58, r * 0.58, HUB[1])
    c.ellipse(cx - 0.4, cy - 0.4, r * 0.42, r * 0.42, HUB[2])
    base = frame * (90 / WHEEL_FRAMES)
    for k in range(4):
        a = math.radians(base + 90 * k)
        px, py = cx + math.cos(a) * r * 0.8, cy + math.sin(a) * r * 0.8
        c.pset(math.floor(px), math.floor(py), TYRE[3])
        hx, hy = cx + math.cos(a) * r * 0.36, cy + math.sin(a) * r * 0.36
        c.pset(math.floor(hx), math.floor(hy), HUB[0])
    c.pset(math.floor(cx), math.floor(cy), HUB[3])
    c.outline(INK)
    return c


# --- buses ---------------------------------------------------------------------------------------


def bus(
    livery: str, damage: int, door: bool, length: int = 112, crumpled: bool = False
) -> tuple[Canvas, dict]:
    """A side-view city bus facing right; returns the picture and its anchor/wheels record."""
    lv = LIVERIES[livery]
    body: list[Color] = lv["body"]  # type: ignore[assignment]
    stripes: tuple[Color, Color] = lv["stripes"]  # type: ignore[assignment]
    skirt: list[Color] = lv["skirt"]  # type: ignore[assignment]
    k = length / 112.0
    h = round(36 * k)
    r = max(4, round(6.5 * k))
    cw, ch = length + 4, h + r + 4
    c = Canvas(cw, ch)
    x0, x1 = 2, length + 1
    yt, yb = 2, 2 + h
    nose = round(6 * k)
    pts = [
        (x0, yt + 2),
        (x0 + 2, yt),
        (x1 - nose - 2, yt),
        (x1 - 2, yt + round(4 * k)),
        (x1, yt + round(16 * k)),
        (x1, yb),
        (x0, yb),
    ]
    if crumpled:  # the front folded back and the roof buckled
        cut = round(18 * k)
        pts = [
            (x0, yt + 3),
            (x0 + 2, yt + 1),
            (x1 - cut - round(20 * k), yt),
            (x1 - cut - round(8 * k), yt + round(6 * k)),
            (x1 - cut, yt + round(3 * k)),
            (x1 - cut + round(5 * k), yt + round(12 * k)),
            (x1 - cut - round(2 * k), yt + round(20 * k)),
            (x1 - cut + round(6 * k), yb - round(4 * k)),
            (x1 - cut + round(2 * k), yb),
            (x0, yb),
        ]
    m = c.poly_mask(pts)
    c.mask_fill(m, body[2])
    ys, xs = c.grid()
    # roof light and lower shade
    c.mask_fill(m & (ys < yt + 3), body[3])
    c.mask_fill(c.dither_mask(m & (ys > yb - 10 * k) & (ys < yb - 6 * k), 0.5), body[1])
    c.mask_fill(m & (ys >= yb - 6 * k), skirt[1])
    c.mask_fill(m & (ys >= yb - 2), skirt[0])
    # livery stripes under the windows
    sy = yt + round(19 * k)
    c.mask_fill(m & (ys >= sy) & (ys < sy + max(2, round(3 * k))), stripes[0])
    c.mask_fill(m & (ys >= sy + max(2, round(3 * k))) & (ys < sy + max(3, round(5 * k))), stripes[1])
    # roof AC pod
    c.rect(x0 + round(30 * k), yt - 1, round(34 * k), 2, body[1])
    c.hline(x0 + round(30 * k), x0 + round(63 * k), yt - 1, body[3])
    # windows: panes from the rear to the door, lit from inside; a few passengers
    wy, wh = yt + round(5 * k), round(11 * k)
    front_w = x1 - round(14 * k)
    door_x = front_w - round(13 * k)
    rng = _rng(7 if livery == "danko" else 11)
    panes = []
    x = x0 + round(5 * k)
    while x + round(11 * k) <= door_x - 2:
        pw = round(11 * k)
        panes.append((x, pw))
        x += pw + max(2, round(2 * k))
    for px, pw in panes:
        if crumpled and px > x1 - round(40 * k):
            continue
        if livery == "viktor":
            c.rect(px, wy, pw, wh, GLASS[1])
            c.rect(px, wy + wh - 3, pw, 3, LIT[0])
        else:
            c.vgrad(px, wy, pw, wh, [LIT[3], LIT[2], LIT[1]])
        if rng.random() < 0.5:  # a head and shoulders against the light
            hx = px + int(rng.integers(2, max(3, pw - 3)))
            c.ellipse(hx + 0.5, wy + wh - 5.5 * k, 1.8 * k, 2.2 * k, INK if livery == "danko" else GLASS[0])
            c.rect(
                hx - round(2 * k),
                wy + wh - round(3 * k),
                round(5 * k),
                round(3 * k),
                INK if livery == "danko" else GLASS[0],
            )
        c.pset(px + 1, wy + 1, WHITE if livery == "danko" else GLASS[3])
    # the rear door (where Ridzik leans out), over the third pane
    if len(panes) > 3 and not crumpled:
        rx, rw = panes[2]
        c.rect(rx - 1, wy, rw + 2, yb - wy - 1, CHROME[1])
        if door:
            c.vgrad(rx, wy + 1, rw, yb - wy - 3, [LIT[1], LIT[0], INK])
            c.hline(rx, rx + rw - 1, yb - round(5 * k), body[1])
        else:
            c.vgrad(rx + 1, wy + 1, rw - 2, round(13 * k), [GLASS[3], GLASS[2], GLASS[1]])
            c.vline(rx + rw // 2, wy, yb - 3, CHROME[2])
            c.rect(rx + 1, wy + round(16 * k), rw - 2, yb - wy - round(19 * k), GLASS[1])
        panes = panes[:2] + panes[3:]
    # door: two glass leaves, or folded open on a dark lit stairwell
    dw, dy = round(11 * k), wy
    if not crumpled:
        if door:
            c.rect(door_x, dy, dw, yb - dy - 1, INK)
            c.vgrad(door_x + 1, dy + 1, dw - 2, yb - dy - 3, [LIT[1], LIT[0], INK])
            c.hline(door_x + 1, door_x + dw - 2, yb - round(5 * k), body[1])  # the step
            c.rect(door_x - 2, dy, 2, yb - dy - 1, GLASS[3])  # leaves folded back
            c.rect(door_x + dw, dy, 2, yb - dy - 1, GLASS[3])
            c.vline(door_x - 2, dy, yb - 2, CHROME[1])
            c.vline(door_x + dw + 1, dy, yb - 2, CHROME[1])
        else:
            for lx in (door_x, door_x + dw // 2 + 1):
                lw = dw // 2
                c.rect(lx, dy, lw, yb - dy - 2, CHROME[1])
                c.vgrad(lx + 1, dy + 1, lw - 2, round(13 * k), [GLASS[3], GLASS[2], GLASS[1]])
                c.rect(lx + 1, dy + round(16 * k), lw - 2, yb - dy - round(19 * k), GLASS[1])
        # windscreen, slanted, with a streak of reflected neon
        ws = [
            (front_w, wy - 1),
            (x1 - nose - 1, wy - 1),
            (x1 - 1, yt + round(18 * k)),
            (front_w, yt + round(18 * k)),
        ]
        c.poly(ws, GLASS[2])
        wsm = c.poly_mask(ws)
        c.mask_fill(wsm & (np.abs(xs + ys * 0.6 - (front_w + wy * 0.6 + 8 * k)) < 0.8), GLASS[4])
        c.mask_fill(wsm & (np.abs(xs + ys * 0.6 - (front_w + wy * 0.6 + 11 * k)) < 0.5), PINK[2])
        c.mask_fill(wsm & (ys > yt + round(13 * k)), GLASS[1])
        # the driver's silhouette
        c.ellipse(front_w + 3 * k, wy + 4 * k, 1.8 * k, 2.2 * k, INK)
        # destination sign (amber LED)
        c.rect(front_w - round(2 * k), yt + 1, round(14 * k), max(3, round(3 * k)), INK)
        txt = str(lv["sign"])
        for i, digit in enumerate(txt):
            bx = front_w + i * 4
            if digit == "7":
                c.hline(bx, bx + 2, yt + 1, AMBER[2])
                c.pset(bx + 2, yt + 2, AMBER[2])
                c.pset(bx + 1, yt + 3, AMBER[2])
            else:
                for j in range(3):
                    c.pset(bx + j, yt + 1 + j, AMBER[3])
                    c.pset(bx + 2 - j, yt + 1 + j, AMBER[3])
        # headlight and bumper
        c.rect(x1 - round(3 * k), yb - round(9 * k), round(3 * k), round(3 * k), AMBER[3])
        c.pset(x1 - 1, yb - round(9 * k), WHITE)
        c.rect(x1 - round(5 * k), yb - round(3 * k), round(5 * k) + 1, round(3 * k), CHROME[2])
        c.hline(x1 - round(5 * k), x1, yb - round(3 * k), CHROME[4])
    else:
        # torn metal where the front was: jagged bright edges and a black hole
        front = x1 - round(18 * k)
        c.mask_fill(m & (xs > front - 4 * k) & (ys > yt + 4 * k) & (ys < yb - 4 * k), INK)
        rr = _rng(5)
        for _ in range(round(10 * k)):
            yy = int(rr.integers(yt + 3, yb - 2))
            c.line(
                front - round(6 * k),
                yy,
                front + int(rr.integers(0, round(6 * k))),
                yy + int(rr.integers(-3, 4)),
                CHROME[int(rr.integers(1, 4))],
            )
    # tail light and rear bumper, the engine grille
    c.rect(x0, yb - round(10 * k), 2, round(4 * k), RED[3])
    c.pset(x0, yb - round(10 * k), RED[4])
    for gy in range(yb - round(15 * k), yb - round(6 * k), 2):
        c.hline(x0 + 3, x0 + round(12 * k), gy, skirt[0])
    c.rect(x0, yb - round(3 * k), round(6 * k), round(3 * k), CHROME[1])
    # wheel arches
    hubs = [(x0 + round(20 * k), yb), (x1 - round(24 * k), yb)]
    for hx, hy in hubs:
        c.mask_fill(c.ellipse_mask(hx + 0.5, hy + 0.5, r + 2, r + 2) & (ys <= hy + r) & m, INK)
    # damage
    body_l = list(body)
    if damage >= 1:
        _dent(c, x1 - 30 * k, yt + 27 * k, 5 * k, 3 * k, body_l, 1)
        if panes:
            px, pw = panes[-1]
            _broken(c, px, wy, pw, wh, 3)
    if damage >= 2:
        _dent(c, x0 + 40 * k, yt + 26 * k, 6 * k, 3.5 * k, body_l, 2)
        _dent(c, x1 - 8 * k, yt + 10 * k, 3 * k, 4 * k, body_l, 4)
        for j in (1, 3):
            if j < len(panes):
                px, pw = panes[j]
                _broken(c, px, wy, pw, wh, 10 + j)
        c.line(x0 + round(50 * k), yt + round(30 * k), x0 + round(75 * k), yt + round(28 * k), CHROME[3])
    if damage >= 3:
        for j in range(len(panes)):
            if j % 2 == 0:
                px, pw = panes[j]
                _broken(c, px, wy, pw, wh, 20 + j, gone=True)
        soot = c.ellipse_mask(x0 + 60 * k, yt + 6 * k, 22 * k, 8 * k) & m
        c.mask_fill(c.dither_mask(soot, 0.6), SOOT[1])
        _dent(c, x0 + 16 * k, yt + 22 * k, 6 * k, 4 * k, body_l, 6)
    _outline(c)
    info = {"w": cw, "h": ch, "anchor": [cw // 2, yb + r], "wheels": [[hx, hy, r] for hx, hy in hubs]}
    return c, info


# --- cars ----------------------------------------------------------------------------------------


def car(model: str, colour: str, damage: int) -> tuple[Canvas, dict]:
    """A side-view car facing right: sedan, hatch, taxi (with its roof sign) or a Cleanhead gang car."""
    gang = model == "gang"
    body = (GANG_COLOURS if gang else CAR_COLOURS)[colour]
    length = 48 if gang else 44
    r = 4
    cw, ch = length + 4, 22
    c = Canvas(cw, ch)
    x0, x1 = 2, length + 1
    yb = ch - r - 1
    low = yb - 7
    ys, xs = c.grid()
    lower = c.poly_mask([(x0, low + 1), (x0 + 2, low), (x1 - 3, low), (x1, low + 3), (x1, yb), (x0, yb)])
    if model == "hatch":
        cab = [(x0 + 4, low), (x0 + 9, low - 7), (x1 - 16, low - 7), (x1 - 9, low)]
    elif gang:
        cab = [(x0 + 10, low), (x0 + 15, low - 6), (x1 - 17, low - 6), (x1 - 10, low)]
    else:
        cab = [(x0 + 9, low), (x0 + 14, low - 7), (x1 - 15, low - 7), (x1 - 9, low)]
    cabm = c.poly_mask(cab)
    c.mask_fill(lower | cabm, body[2])
    c.mask_fill(lower & (ys < low + 2), body[3])
    c.mask_fill(c.dither_mask(lower & (ys > yb - 3), 0.6), body[0])
    c.mask_fill(cabm & (ys < low - 5), body[3])
    # windows: side glass split by a pillar
    win = cabm & (ys > cab[1][1] + 1) & (ys < low) & (xs > cab[0][0] + 1.5) & (xs < cab[3][0] - 1.5)
    win &= c.poly_mask(
        [
            (cab[0][0] + 2, low),
            (cab[1][0] + 1, cab[1][1] + 1),
            (cab[2][0] - 1, cab[2][1] + 1),
            (cab[3][0] - 2, low),
        ]
    )
    c.mask_fill(win, GLASS[1] if gang else GLASS[2])
    mid = (cab[0][0] + cab[3][0]) // 2
    c.mask_fill(win & (np.abs(xs - mid - 0.5) < 1), body[1])
    c.mask_fill(win & (xs + ys > cab[1][0] + cab[1][1] + 6) & (xs + ys < cab[1][0] + cab[1][1] + 8), GLASS[4])
    if gang:  # pale shaven heads: the Cleanheads
        for hx in (mid - 4, mid + 5):
            c.ellipse(hx + 0.5, low - 2.5, 2.0, 2.2, rgb("#e8c8a8"))
            c.pset(hx, low - 4, WHITE)
        c.hline(x0 + 2, x1 - 2, low + 3, CHROME[3])  # chrome trim
    else:
        c.ellipse(mid - 4.5, low - 2.5, 1.6, 2.0, INK)
    if model == "taxi":
        c.rect(mid - 4, cab[1][1] - 3, 8, 3, AMBER[3])
        c.hline(mid - 3, mid + 2, cab[1][1] - 2, INK)
        c.checker(x0 + 12, low + 4, length - 24, 2, INK)
    # lights, bumpers, door line
    c.rect(x1 - 2, low + 2, 2, 2, AMBER[3])
    c.rect(x0, low + 2, 2, 2, RED[3])
    c.hline(x0, x0 + 4, yb - 1, CHROME[2])
    c.hline(x1 - 4, x1, yb - 1, CHROME[2])
    c.vline(mid, low, yb - 2, body[1])
    c.pset(mid + 3, low + 3, CHROME[4])
    hubs = [(x0 + 9, yb), (x1 - 10, yb)]
    for hx, hy in hubs:
        c.mask_fill(
            c.ellipse_mask(hx + 0.5, hy + 0.5, r + 1.5, r + 1.5) & (ys <= hy + r) & (lower | cabm), INK
        )
    if damage >= 1:
        _dent(c, x1 - 8, low + 3, 3, 2, list(body), 31)
    if damage >= 2:
        _dent(c, mid - 6, low + 4, 4, 2, list(body), 32)
        c.mask_fill(win & (xs < mid), GLASS[0])
        c.line(mid - 6, low - 1, mid - 2, low - 5, GLASS[3])
    if damage >= 3:
        c.mask_fill(c.dither_mask(lower | cabm, 0.3), SOOT[1])
        c.mask_fill(win, GLASS[0])
        c.line(x1 - 3, low, x1 + 1, low - 3, CHROME[3])  # the bonnet sprung open
        c.line(x1 - 10, low - 1, x1 - 3, low, CHROME[2])
    _outline(c)
    return c, {"w": cw, "h": ch, "anchor": [cw // 2, yb + r], "wheels": [[hx, hy, r] for hx, hy in hubs]}


# --- the train -----------------------------------------------------------------------------------


def train(crashed: bool) -> tuple[Canvas, dict]:
    """A commuter train coming the other way: locomotive (headlight on, at the left) and two carriages."""
    length, h = 360, 40
    r = 4
    cw, ch = length + 4, h + r + 6
    c = Canvas(cw, ch)
    yt, yb = 4, 4 + h
    ys, xs = c.grid()
    silver = ramp("#3a3e48", "#6a707c", "#a0a6b2", "#d0d4dc")
    blue = rgb("#1e3a8a")
    hubs: list[list[int]] = []
    cars = [(2, 120, True), (124, 118, False), (244, 118, False)]
    for _ci, (cx0, cl, loco) in enumerate(cars):
        cx1 = cx0 + cl
        if loco:
            pts = [(cx0 + 14, yt), (cx1, yt), (cx1, yb), (cx0, yb), (cx0, yt + 18), (cx0 + 6, yt + 4)]
            if crashed:
                pts = [
                    (cx0 + 22, yt + 2),
                    (cx1, yt),
                    (cx1, yb),
                    (cx0 + 10, yb),
                    (cx0 + 14, yt + 26),
                    (cx0 + 6, yt + 22),
                    (cx0 + 12, yt + 14),
                    (cx0 + 10, yt + 8),
                ]
        else:
            pts = [(cx0, yt + 2), (cx0 + 2, yt), (cx1 - 2, yt), (cx1, yt + 2), (cx1, yb), (cx0, yb)]
        m = c.poly_mask(pts)
        c.mask_fill(m, silver[2])
        c.mask_fill(m & (ys < yt + 3), silver[3])
        for ry in range(yt + 4, yb - 4, 3):  # fluted stainless sides
            c.mask_fill(m & (ys == ry) & (xs > cx0 + 4), silver[1])
        c.mask_fill(m & (ys >= yb - 9) & (ys < yb - 6), blue)
        c.mask_fill(m & (ys >= yb - 4), STEEL[1])
        if loco:
            if not crashed:
                c.poly(
                    [(cx0 + 2, yt + 18), (cx0 + 7, yt + 6), (cx0 + 20, yt + 6), (cx0 + 20, yt + 18)], GLASS[2]
                )
                c.line(cx0 + 9, yt + 8, cx0 + 6, yt + 15, GLASS[4])
                for sx in range(cx0 + 1, cx0 + 14, 4):  # yellow-black nose stripes
                    c.line(sx, yb - 2, sx + 3, yb - 8, HAZ[2])
                c.rect(cx0, yb - 14, 3, 4, WHITE)  # the headlight
                c.pset(cx0 + 1, yb - 13, HAZ[3])
                c.rect(cx0 + 40, yt - 2, 10, 2, STEEL[2])  # horn pod
            else:
                rr = _rng(9)
                for _ in range(12):
                    yy = int(rr.integers(yt + 8, yb - 2))
                    c.line(
                        cx0 + 6,
                        yy,
                        cx0 + 14 + int(rr.integers(0, 6)),
                        yy + int(rr.integers(-2, 3)),
                        CHROME[3],
                    )
            for wx in range(cx0 + 30, cx1 - 10, 16):
                c.rect(wx, yt + 7, 10, 8, GLASS[1])
            c.rect(cx1 - 30, yt + 6, 10, yb - yt - 14, silver[1])
        else:
            for _row, wy in enumerate((yt + 5, yt + 19)):  # a double-deck car, both decks lit
                for wx in range(cx0 + 6, cx1 - 8, 12):
                    c.vgrad(wx, wy, 9, 8, [LIT[3], LIT[2], LIT[1]])
                    c.pset(wx + 1, wy + 1, WHITE)
            c.rect(cx0 + cl // 2 - 4, yt + 5, 8, yb - yt - 10, silver[1])
        for bx in (cx0 + 16, cx0 + 28, cx1 - 28, cx1 - 16):
            hubs.append([bx, yb + 1, r])
        c.mask_fill(
            c.poly_mask([(cx0 + 8, yb), (cx0 + 36, yb), (cx0 + 34, yb + 3), (cx0 + 10, yb + 3)]), STEEL[0]
        )
        c.mask_fill(
            c.poly_mask([(cx1 - 36, yb), (cx1 - 8, yb), (cx1 - 10, yb + 3), (cx1 - 34, yb + 3)]), STEEL[0]
        )
    _outline(c)
    return c, {"w": cw, "h": ch, "anchor": [cw // 2, yb + 1 + r], "wheels": hubs}


# --- the road and the city ------------------------------------------------------------------------

ROAD_TOP, LANE_H = 80, 32


def road_strip() -> Canvas:
    """128 px of the three-lane road (view y 72..180): far kerb, lanes, dashes, near kerb, wet sheen."""
    w, h = 128, 108
    c = Canvas(w, h)
    top = ROAD_TOP - 72
    c.vgrad(0, 0, w, top, [KERB[1], KERB[2]])  # far pavement
    c.hline(0, w - 1, 0, KERB[3])
    for x in range(0, w, 16):
        c.vline(x, 1, top - 3, KERB[0])
    c.rect(0, top - 2, w, 2, KERB[3])  # far kerb stone
    c.hline(0, w - 1, top - 1, KERB[1])
    n = noise(301, w, 96)
    road = np.zeros((h, w), dtype=bool)
    road[top : top + 96] = True
    c.mask_fill(road, ASPHALT[1])
    grain = np.zeros((h, w), dtype=bool)
    grain[top : top + 96] = n < 0.12
    c.mask_fill(grain, ASPHALT[0])
    grain[top : top + 96] = n > 0.9
    c.mask_fill(grain, ASPHALT[2])
    # wet: long reflections of the lights, stretched along the road, dithered
    rr = _rng(302)
    for _ in range(14):
        x = int(rr.integers(0, w))
        y = top + int(rr.integers(2, 94))
        ln = int(rr.integers(6, 22))
        col = [PINK[1], CYAN[1], AMBER[0], ASPHALT[3]][int(rr.integers(0, 4))]
        for i in range(ln):
            if (i + y) % 3:
                c.pset((x + i) % w, y, col)
    # dashed lane lines (16 on, 16 off), and a gutter of water along the kerb
    for ly in (top + LANE_H - 1, top + 2 * LANE_H - 1):
        for x in range(0, w, 32):
            c.rect(x, ly, 16, 2, rgb("#d8d8c8"))
            c.hline(x, x + 15, ly + 2, ASPHALT[3])
    c.rect(0, top, w, 2, ASPHALT[0])
    for x in range(0, w, 5):
        c.pset(x, top + 2, CYAN[0])
    near = top + 96
    c.rect(0, near, w, 2, KERB[3])
    c.rect(0, near + 2, w, h - near - 2, KERB[1])
    c.hline(0, w - 1, near + 2, KERB[0])
    return c


def sky() -> Canvas:
    """The night sky over Chicago: a dark top warming to a hot pink-orange haze over the skyline."""
    c = Canvas(320, 80)
    c.vgrad(0, 0, 320, 80, [rgb("#05040c"), rgb("#0e0820"), rgb("#240c2e"), rgb("#4a1430"), rgb("#7a2430")])
    rr = _rng(401)
    for _ in range(28):
        c.pset(int(rr.integers(0, 320)), int(rr.integers(0, 30)), rgb("#8a86a8"))
    return c


def _windows(
    c: Canvas,
    x: int,
    y: int,
    w: int,
    h: int,
    seed: int,
    step: tuple[int, int] = (3, 4),
    lit: float = 0.35,
    cols: tuple[Color, ...] = (AMBER[2], AMBER[3], CYAN[2]),
) -> None:
    rr = _rng(seed)
    for yy in range(y + 2, y + h - 1, step[1]):
        for xx in range(x + 1, x + w - 1, step[0]):
            if rr.random() < lit:
                c.pset(xx, yy, cols[int(rr.integers(0, len(cols)))])


def skyline() -> Canvas:
    """Far towers in silhouette with pin-prick windows and red beacons (scrolls slowly): 480x80."""
    w, h = 480, 80
    c = Canvas(w, h)
    rr = _rng(501)
    far = rgb("#120a1c")
    x = 0
    while x < w:
        bw = int(rr.integers(14, 34))
        bh = int(rr.integers(20, 52))
        if x in range(200, 240):
            bw, bh = 26, 70  # the tallest tower, with twin masts
        c.rect(x, h - bh, bw, bh, far)
        if bh == 70:
            c.rect(x + 4, h - bh - 10, 2, 10, far)
            c.rect(x + bw - 6, h - bh - 10, 2, 10, far)
            c.pset(x + 4, h - bh - 11, RED[3])
            c.pset(x + bw - 6, h - bh - 11, RED[3])
            c.rect(x + 6, h - bh + 16, bw - 6, 2, far)
        elif rr.random() < 0.3:
            c.rect(x + bw // 2, h - bh - 4, 1, 4, far)
            c.pset(x + bw // 2, h - bh - 5, RED[3])
        _windows(c, x, h - bh, bw, bh, 502 + x, (3, 3), 0.22, (rgb("#c89040"), rgb("#6a5a80")))
        x += bw + int(rr.integers(0, 4))
    return c


def midtown() -> Canvas:
    """Nearer blocks: brick and glass fronts, lit windows, water towers, neon signs (0.35 speed): 640x80."""
    w, h = 640, 80
    c = Canvas(w, h)
    rr = _rng(601)
    brick = [rgb("#1e0e14"), rgb("#2a1218"), rgb("#1a1420"), rgb("#24161a")]
    x = 0
    signs = [("HOTEL", PINK), ("BAR", CYAN), ("LIQUOR", PINK), ("EAT", AMBER), ("JAZZ", CYAN)]
    si = 0
    while x < w - 10:
        bw = int(rr.integers(40, 78))
        bw = min(bw, w - x)
        bh = int(rr.integers(34, 66))
        col = brick[int(rr.integers(0, len(brick)))]
        c.rect(x, h - bh, bw, bh, col)
        c.hline(x, x + bw - 1, h - bh, rgb("#3a2430"))
        c.rect(x - 1, h - bh - 2, bw + 2, 2, rgb("#160a10"))  # cornice
        _windows(c, x + 2, h - bh + 3, bw - 4, bh - 6, 602 + x, (4, 5), 0.4)
        if rr.random() < 0.35:  # a water tower on the roof
            tx = x + int(rr.integers(6, max(7, bw - 14)))
            ty = h - bh - 12
            c.rect(tx, ty, 9, 8, rgb("#2a1a14"))
            c.poly([(tx - 1, ty), (tx + 4, ty - 4), (tx + 10, ty)], rgb("#2a1a14"))
            c.vline(tx + 1, ty + 8, ty + 11, rgb("#160a10"))
            c.vline(tx + 7, ty + 8, ty + 11, rgb("#160a10"))
        if bw > 48:  # a vertical or horizontal neon sign
            text, tube = signs[si % len(signs)]
            si += 1
            sx, sy = x + bw // 2 - 14, h - bh + 10
            glyph = render_title_text(text, sx=1, sy=1, bold=0)
            gm = glyph.px[:, :, 3] > 0
            gh, gw = gm.shape
            halo = np.zeros((h, w), dtype=bool)
            halo[max(0, sy - 3) : sy + gh + 3, max(0, sx - 3) : min(w, sx + gw + 3)] = True
            c.mask_fill(c.dither_mask(halo, 0.35), tube[0])
            sub = np.zeros((h, w), dtype=bool)
            y1, x1 = min(h, sy + gh), min(w, sx + gw)
            sub[sy:y1, sx:x1] = gm[: y1 - sy, : x1 - sx]
            c.mask_fill(sub, tube[2])
            c.mask_fill(sub & c.dither_mask(sub, 0.4), tube[3])
        x += bw + int(rr.integers(2, 10))
    return c


def street() -> Canvas:
    """The far side of the street at road speed: shopfronts, awnings, lamp posts, a neon arrow: 512x32."""
    w, h = 512, 32
    c = Canvas(w, h)
    c.rect(0, 0, w, h, rgb("#180c12"))
    rr = _rng(701)
    x = 0
    while x < w:
        sw = int(rr.integers(40, 72))
        sw = min(sw, w - x)
        c.rect(x, 4, sw - 2, h - 4, rgb("#241418"))
        gx0 = x + 3
        c.vgrad(gx0, 12, sw - 10, h - 14, [LIT[2], LIT[1], LIT[0]])  # a lit shop window
        c.rect(gx0 + sw // 2 - 6, 16, 3, h - 18, INK)  # a figure in it
        c.ellipse(gx0 + sw // 2 - 4.5, 14, 1.6, 2.0, INK)
        awn = [PINK[1], CYAN[1], RED[2], rgb("#2a5a2a")][int(rr.integers(0, 4))]
        for ax in range(x, x + sw - 2):
            c.rect(ax, 6, 1, 5, awn if (ax // 3) % 2 else with_alpha(awn, 255))
            if (ax // 3) % 2 == 0:
                c.pset(ax, 6, WHITE)
        c.hline(x, x + sw - 3, 11, INK)
        x += sw
    for lx in range(20, w, 128):  # lamp posts: the speed markers of the far kerb
        c.rect(lx, 0, 2, h, STEEL[2])
        c.vline(lx, 0, h - 1, STEEL[3])
        c.rect(lx - 3, 0, 8, 2, STEEL[2])
        c.mask_fill(c.dither_mask(c.ellipse_mask(lx + 1, 3, 10, 5), 0.3), with_alpha(AMBER[3], 200))
        c.rect(lx - 2, 2, 6, 1, AMBER[3])
    return c


def streak() -> Canvas:
    """A motion streak (the wind of speed), 40x1 fading to the left."""
    c = Canvas(40, 1)
    for x in range(40):
        if x > 26 or x % 2 == 0:
            c.pset(x, 0, with_alpha(rgb("#c8d0ff"), 40 + x * 4))
    return c


def headlight_beam() -> Canvas:
    """The bus's headlight cone on the wet road, 80x14, dithered so it reads as light."""
    c = Canvas(80, 14)
    ys, xs = c.grid()
    cone = np.abs(ys - 7) < 1.0 + xs * 0.06
    c.mask_fill(c.dither_mask(cone & (xs < 24), 0.3), with_alpha(AMBER[3], 170))
    c.mask_fill(c.dither_mask(cone & (xs >= 24) & (xs < 50), 0.16), with_alpha(AMBER[2], 140))
    c.mask_fill(c.dither_mask(cone & (xs >= 50), 0.07), with_alpha(AMBER[2], 110))
    return c


# --- the deck: the bus roof fought on (fighter scale) -----------------------------------------------


def deck() -> Canvas:
    """The roof of Danko's bus seen from above and in front (320x104, view y 76..180): ribbed panels wet
    with neon, rivets, vents, the escape hatch, the rear cap (tail lights) and the front cap (windscreen
    top, destination sign); below the near edge the livery side with the window tops; the door well in
    the near side at deck x 30..78."""
    w, h = 320, 104
    c = Canvas(w, h)
    lv = LIVERIES["danko"]
    body: list[Color] = lv["body"]  # type: ignore[assignment]
    roof = ROOF_NIGHT
    top, near = 4, 88
    x0, x1 = 6, w - 8
    c.vgrad(x0, top, x1 - x0, near - top, [roof[0], roof[1], roof[1], roof[2]])
    for x in range(x0 + 10, x1, 24):  # roof ribs
        c.vline(x, top + 2, near - 2, roof[0])
        c.vline(x + 1, top + 2, near - 2, roof[2])
        for y in range(top + 6, near - 2, 8):
            c.pset(x + 3, y, roof[0])
            c.pset(x - 2, y, roof[0])
    # wet: long smears of the neon overhead, stretched along the roof
    rr = _rng(801)
    for _ in range(22):
        y = int(rr.integers(top + 6, near - 6))
        x = int(rr.integers(x0, x1 - 30))
        col = [PINK[1], CYAN[1], AMBER[1]][int(rr.integers(0, 3))]
        for i in range(int(rr.integers(10, 40))):
            if (i + y) % 2 == 0:
                c.pset(x + i, y, col)
    for _ in range(50):
        c.pset(int(rr.integers(x0, x1)), int(rr.integers(top + 4, near - 4)), roof[3])
    c.rect(x0, top, x1 - x0, 3, CHROME[1])  # the far edge rail
    c.hline(x0, x1 - 1, top, CHROME[3])
    c.rect(x0, near - 3, x1 - x0, 3, CHROME[1])  # the near edge
    c.hline(x0, x1 - 1, near - 3, CHROME[3])
    for vx in (96, 200):  # vents and the hatch
        bevel(c, vx, 28, 28, 18, roof[2], roof[1], roof[0])
        for gy in range(31, 44, 3):
            c.hline(vx + 3, vx + 24, gy, roof[0])
    bevel(c, 150, 50, 26, 22, CHROME[3], CHROME[1], CHROME[0])
    c.rect(154, 54, 18, 14, HAZ[1])
    c.checker(154, 54, 18, 14, INK)
    c.rect(156, 56, 14, 10, roof[1])
    c.pset(158, 58, roof[3])
    bevel(c, 30, 14, 52, 24, roof[2], roof[1], roof[0])  # the AC pod over the engine at the rear
    for gx in range(34, 80, 4):
        c.vline(gx, 18, 34, roof[0])
    # the rear cap with its tail lights, the front cap: windscreen top and destination sign
    c.poly([(x0, top), (x0, near), (0, near - 6), (0, top + 6)], roof[0])
    c.rect(0, near - 16, 3, 8, RED[3])
    c.pset(1, near - 15, RED[4])
    c.poly([(x1, top), (w, top + 8), (w, near - 4), (x1, near)], GLASS[1])
    c.line(x1 + 2, top + 14, x1 + 6, top + 40, GLASS[3])
    c.rect(x1 - 14, 56, 12, 22, INK)
    c.rect(x1 - 12, 58, 8, 4, AMBER[2])
    c.rect(x1 - 12, 64, 8, 2, AMBER[1])
    # the near side below the edge: livery stripes and window tops
    c.rect(0, near, w, h - near, body[2])
    c.rect(0, near + 1, w, 2, lv["stripes"][0])  # type: ignore[index]
    c.rect(0, near + 3, w, 1, lv["stripes"][1])  # type: ignore[index]
    for wx in range(4, w, 30):
        c.vgrad(wx, near + 6, 26, h - near - 6, [LIT[3], LIT[2], LIT[1]])
    # the door well at deck x 30..78: its frame and warning stripes at the edge
    c.rect(30, near, 48, h - near, CHROME[1])
    for sx in range(30, 78, 6):
        c.rect(sx, near - 3, 3, 3, HAZ[2])
    c.rect(33, near + 4, 42, h - near - 4, GLASS[2])
    c.vline(54, near + 4, h - 1, CHROME[2])
    c.hline(0, w - 1, h - 1, INK)
    return c


def deck_door_open() -> Canvas:
    """The door thrown open in the deck's near side: a dark well down to the road blurring past, 48x20."""
    c = Canvas(48, 20)
    c.rect(0, 0, 48, 20, INK)
    c.vgrad(3, 2, 42, 16, [LIT[0], INK, ASPHALT[2]])
    for y in (12, 15, 17):
        for x in range(4, 44, 7):
            c.hline(x, x + 4, y, ASPHALT[4])
    c.rect(0, 0, 2, 20, GLASS[3])
    c.rect(46, 0, 2, 20, GLASS[3])
    for sx in range(0, 48, 6):
        c.rect(sx, 0, 3, 2, RED[3])
    return c


def bridge() -> Canvas:
    """A low railway bridge sweeping over the roof (fighter scale): riveted girders, 64x116."""
    w, h = 64, 116
    c = Canvas(w, h)
    c.rect(0, 0, w, 60, STEEL[1])
    for y in range(4, 58, 10):
        c.hline(0, w - 1, y, STEEL[2])
        for x in range(3, w, 6):
            c.pset(x, y + 2, STEEL[3])
    c.rect(0, 58, w, 6, STEEL[3])
    c.hline(0, w - 1, 58, STEEL[4])
    for x in range(0, w, 16):  # the lattice
        c.line(x, 0, x + 8, 56, STEEL[0])
        c.line(x + 16, 0, x + 8, 56, STEEL[0])
    c.rect(8, 64, w - 16, 8, HAZ[2])  # the clearance board
    for sx in range(8, w - 8, 8):
        c.poly([(sx, 72), (sx + 4, 64), (sx + 8, 64), (sx + 4, 72)], INK)
    # its shadow on the roof: where it hurts
    c.mask_fill(c.dither_mask(c.ellipse_mask(w / 2, 104, w / 2, 8), 0.5), with_alpha(INK, 140))
    _outline(c)
    return c


def sign() -> Canvas:
    """An overhead street sign on its gantry arm sweeping over the roof (fighter scale), 56x112."""
    w, h = 56, 112
    c = Canvas(w, h)
    c.rect(0, 0, w, 6, STEEL[2])
    c.hline(0, w - 1, 0, STEEL[4])
    c.rect(4, 6, 2, 14, STEEL[1])
    c.rect(w - 6, 6, 2, 14, STEEL[1])
    bevel(c, 0, 20, w, 42, SIGN_GREEN[3], SIGN_GREEN[2], SIGN_GREEN[0])
    c.rect(2, 22, w - 4, 38, SIGN_GREEN[2])
    c.rect(3, 23, w - 6, 36, SIGN_GREEN[2])
    c.hline(3, w - 4, 23, WHITE)
    c.hline(3, w - 4, 58, WHITE)
    glyph = render_title_text("I-90", sx=1, sy=1, bold=0)
    gm = glyph.px[:, :, 3] > 0
    gh, gw = gm.shape
    sub = np.zeros((h, w), dtype=bool)
    sx, sy = (w - gw) // 2, 28
    sub[sy : sy + gh, sx : sx + gw] = gm[:, : min(gw, w - sx)]
    c.mask_fill(sub, WHITE)
    c.poly([(w // 2 - 6, 48), (w // 2 + 6, 48), (w // 2, 54)], WHITE)  # a down arrow
    c.mask_fill(c.dither_mask(c.ellipse_mask(w / 2, 100, w / 2, 7), 0.5), with_alpha(INK, 140))
    _outline(c)
    return c


def warn(kind: str) -> Canvas:
    """The warning at the view's right edge before a hazard arrives: a yellow sign with a pictogram, 20x20."""
    c = Canvas(20, 20)
    c.poly([(10, 1), (19, 18), (1, 18)], HAZ[2])
    c.poly([(10, 4), (16, 16), (4, 16)], HAZ[3])
    if kind == "bridge":
        c.rect(5, 9, 10, 2, INK)
        c.vline(6, 11, 15, INK)
        c.vline(13, 11, 15, INK)
    elif kind == "sign":
        c.rect(6, 8, 8, 4, SIGN_GREEN[1])
        c.vline(9, 12, 15, INK)
    else:  # the door
        c.rect(7, 8, 6, 8, INK)
        c.vline(10, 8, 15, HAZ[3])
        c.line(11, 14, 14, 16, INK)
    c.outline(INK)
    return c


# --- the crash (drawn frames) ----------------------------------------------------------------------


def crash_frame(f: int) -> Canvas:
    """The train hits Viktor's bus: a white flash, a star of sparks, debris and glass flying, then smoke.

    96x80 with the impact point at (48, 52); frame ``f`` of :data:`CRASH_FRAMES`.
    """
    w, h = 96, 80
    c = Canvas(w, h)
    cx, cy = 48, 52
    rr = _rng(900)
    t = f / (CRASH_FRAMES - 1)
    if f <= 2:  # the flash: a white core in a hot star
        rad = 10 + f * 10
        c.mask_fill(c.dither_mask(c.ellipse_mask(cx, cy, rad * 1.6, rad), 0.5), with_alpha(FIRE[3], 200))
        c.ellipse(cx, cy, rad, rad * 0.7, FIRE[4])
        c.ellipse(cx, cy, rad * 0.6, rad * 0.4, WHITE)
        for k in range(12):
            a = math.radians(k * 30 + 15 * f)
            c.line(cx, cy, int(cx + math.cos(a) * rad * 2.2), int(cy + math.sin(a) * rad * 1.4), FIRE[4])
    elif f <= 5:  # fireball
        rad = 14 + (f - 2) * 5
        c.mask_fill(c.dither_mask(c.ellipse_mask(cx, cy - (f - 2) * 3, rad * 1.3, rad), 0.6), FIRE[1])
        c.ellipse(cx, cy - (f - 2) * 3, rad, rad * 0.75, FIRE[2])
        c.ellipse(cx - 2, cy - (f - 2) * 3 - 2, rad * 0.6, rad * 0.45, FIRE[3])
    # smoke rising after the flash
    if f >= 3:
        for k in range(5):
            sx = cx - 20 + k * 10 + int(rr.integers(-3, 4))
            sy = cy - 10 - (f - 3) * 5 - k % 2 * 6
            sr = 6 + (f - 3) * 1.5 + k % 3
            c.mask_fill(c.ellipse_mask(sx, sy, sr, sr * 0.8) & ~c.opaque(), SOOT[2])
            c.mask_fill(c.ellipse_mask(sx - 1.5, sy - 1.5, sr * 0.6, sr * 0.5), SOOT[3])
    # debris: metal plates, wheels, glass, flying out on arcs
    for k in range(16):
        a = math.radians(-170 + k * 23 + int(rr.integers(-8, 9)))
        sp = 24 + int(rr.integers(0, 24))
        dx = cx + math.cos(a) * sp * t * 1.6
        dy = cy + math.sin(a) * sp * t + 40 * t * t
        if not (0 <= dx < w and 0 <= dy < h) or f == 0:
            continue
        kind = k % 4
        if kind == 0:
            c.rect(int(dx), int(dy), 3, 2, LIVERIES["viktor"]["body"][2])  # type: ignore[index]
        elif kind == 1:
            c.pset(int(dx), int(dy), GLASS[4])
            c.pset(int(dx) + 1, int(dy) + 1, GLASS[3])
        elif kind == 2:
            c.rect(int(dx), int(dy), 2, 2, CHROME[2])
        else:
            c.pset(int(dx), int(dy), FIRE[4] if f < 6 else FIRE[2])
    return c


def smoke(f: int) -> Canvas:
    """A looping plume from a wrecked engine, 24x32, frame ``f`` of :data:`SMOKE_FRAMES`."""
    c = Canvas(24, 32)
    for k in range(4):
        y = 28 - ((k * 8 + f * 8 / SMOKE_FRAMES * 4) % 32)
        r = 3 + (28 - y) / 8
        x = 12 + math.sin((y + f) * 0.35) * 3
        c.mask_fill(c.ellipse_mask(x, y, r, r * 0.8), with_alpha(SOOT[2], 200))
        c.mask_fill(c.ellipse_mask(x - 1, y - 1, r * 0.55, r * 0.45), with_alpha(SOOT[3], 200))
    c.mask_fill(c.ellipse_mask(12, 30, 3, 2), FIRE[2])
    c.pset(12, 29, FIRE[4])
    return c


# --- the wreck (fighter scale) -------------------------------------------------------------------


def wreck() -> Canvas:
    """Viktor's bus after the train: crumpled, at fighter scale: the last fight's backdrop."""
    c, info = bus("viktor", 3, True, length=220, crumpled=True)
    for hx, hy, r in info["wheels"]:
        wh = wheel(r, 1)
        c.blit(wh, hx - wh.w // 2, hy - wh.h // 2)
    return c


# --- Ridzik in the rear door (road scale) --------------------------------------------------------

RIDZIK_HAIR = ramp("#24160c", "#4a2e18", "#744a26")
RIDZIK_JACKET = ramp("#33200e", "#624020", "#926434")
RIDZIK_SKIN = ramp("#8a5a44", "#d09a7a", "#f0c8a8")


def ridzik(pose: str) -> Canvas:
    """Ridzik leaning out of the bus's rear door, 20x20, the door frame at x 4: ``lean`` (gun up),
    ``shoot`` (arm out, muzzle flash) or ``punch`` (fist out)."""
    c = Canvas(20, 20)
    c.poly([(4, 19), (4, 9), (6, 7), (10, 8), (11, 19)], RIDZIK_JACKET[1])   # body leaning out
    c.vline(9, 9, 18, RIDZIK_JACKET[2])
    c.ellipse(8, 5, 2.6, 3.0, RIDZIK_SKIN[1])                                   # head
    c.pset(9, 5, INK)
    c.hline(8, 10, 7, RIDZIK_HAIR[0])                                          # moustache
    c.poly([(5, 3), (6, 1), (10, 1), (11, 3), (9, 3), (7, 4)], RIDZIK_HAIR[1])  # messy hair
    c.pset(7, 1, RIDZIK_HAIR[2])
    if pose == "lean":
        c.line(10, 10, 12, 6, RIDZIK_JACKET[2])
        c.rect(12, 3, 2, 4, CHROME[1])                                         # gun raised
        c.pset(12, 6, RIDZIK_SKIN[1])
    elif pose == "shoot":
        c.hline(10, 15, 10, RIDZIK_JACKET[2])
        c.hline(10, 15, 11, RIDZIK_JACKET[1])
        c.rect(15, 9, 3, 2, CHROME[1])
        c.pset(16, 11, CHROME[0])
        c.poly([(18, 8), (20, 9), (20, 11), (18, 11)], FIRE[3])
        c.pset(19, 9, WHITE)
    else:   # punch
        c.hline(10, 16, 10, RIDZIK_JACKET[2])
        c.hline(10, 16, 11, RIDZIK_JACKET[1])
        c.ellipse(17.5, 10.5, 1.8, 1.6, RIDZIK_SKIN[1])
    c.outline(INK)
    return c


# --- HUD -----------------------------------------------------------------------------------------


def bus_icon(livery: str) -> Canvas:
    """A tiny bus for the distance gauge, 14x8."""
    lv = LIVERIES[livery]
    body: list[Color] = lv["body"]  # type: ignore[assignment]
    c = Canvas(14, 8)
    c.rect(1, 1, 12, 5, body[2])
    c.hline(1, 12, 1, body[3])
    for x in range(2, 10, 3):
        c.rect(x, 2, 2, 2, GLASS[3] if livery == "danko" else GLASS[1])
    c.rect(11, 2, 2, 3, GLASS[2])
    c.hline(1, 12, 4, lv["stripes"][0])  # type: ignore[index]
    c.pset(3, 6, TYRE[0])
    c.pset(10, 6, TYRE[0])
    c.outline(INK)
    return c


def ram_pip(full: bool) -> Canvas:
    """One ram left on the hit meter: a red fist-on-bumper star (full) or its dark socket, 10x10."""
    c = Canvas(10, 10)
    if full:
        pts = []
        for i in range(8):
            rr = 4.6 if i % 2 == 0 else 2.2
            a = math.radians(-90 + i * 45)
            pts.append((5 + rr * math.cos(a), 5 + rr * math.sin(a)))
        c.poly(pts, RED[2])
        c.ellipse(4.5, 4.5, 1.6, 1.6, RED[4])
    else:
        c.ellipse(5, 5, 3.5, 3.5, RED[0])
        c.ellipse(5, 5, 2, 2, INK)
    c.outline(INK)
    return c


# --- build ---------------------------------------------------------------------------------------


def all_images() -> tuple[dict[str, Canvas], dict[str, dict]]:
    """Every chase picture by name, and the vehicles' records."""
    images: dict[str, Canvas] = {}
    info: dict[str, dict] = {}
    for livery, kind in (("danko", "player_bus"), ("viktor", "viktor_bus")):
        for dmg in range(4):
            for door in (False, True):
                name = f"{kind}_{dmg}{'_open' if door else ''}"
                images[name], info[name] = bus(livery, dmg, door)
        images[f"{kind}_crashed"], info[f"{kind}_crashed"] = bus(livery, 3, True, crumpled=True)
    for i, (model, colour) in enumerate(CIVILIANS):
        for dmg in range(4):
            name = f"civilian{i}_{dmg}"
            images[name], info[name] = car(model, colour, dmg)
    for i, (model, colour) in enumerate(GANGS):
        for dmg in range(4):
            name = f"gang_car{i}_{dmg}"
            images[name], info[name] = car(model, colour, dmg)
    images["train_0"], info["train_0"] = train(False)
    images["train_crashed"], info["train_crashed"] = train(True)
    for r in (4, 6, 7):
        for f in range(WHEEL_FRAMES):
            images[f"wheel_{r}_{f}"] = wheel(r, f)
    images.update(
        {
            "road": road_strip(),
            "sky": sky(),
            "skyline": skyline(),
            "midtown": midtown(),
            "street": street(),
            "streak": streak(),
            "beam": headlight_beam(),
            "deck": deck(),
            "deck_door_open": deck_door_open(),
            "bridge": bridge(),
            "sign": sign(),
            "wreck": wreck(),
            "icon_danko": bus_icon("danko"),
            "icon_viktor": bus_icon("viktor"),
            "ram_full": ram_pip(True),
            "ram_empty": ram_pip(False),
        }
    )
    for kind in ("bridge", "sign", "door"):
        images[f"warn_{kind}"] = warn(kind)
    for pose in ("lean", "shoot", "punch"):
        images[f"ridzik_{pose}"] = ridzik(pose)
    for f in range(CRASH_FRAMES):
        images[f"crash_{f}"] = crash_frame(f)
    for f in range(SMOKE_FRAMES):
        images[f"smoke_{f}"] = smoke(f)
    return images, info


def build_chase(out: Path, moves_dir: Path) -> list[Path]:
    """Write every chase picture and chase.json."""
    d = out / "ui" / "chase"
    images, info = all_images()
    files = []
    for name, canvas in images.items():
        path = d / f"{name}.png"
        write_png(path, canvas.px)
        files.append(path)
    meta = {
        "civilians": len(CIVILIANS),
        "gang_cars": len(GANGS),
        "wheel_frames": WHEEL_FRAMES,
        "crash_frames": CRASH_FRAMES,
        "smoke_frames": SMOKE_FRAMES,
        "vehicles": info,
    }
    path = d / "chase.json"
    path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    files.append(path)
    return files


__all__ = ["all_images", "build_chase", "grow"]
