"""Hit sparks, dust, muzzle flashes, pop-ups, the desperation shockwave, bathhouse steam and Moscow snow,
driven by sim events. Points of a combo (``score`` events tagged ``combo``) show on the HUD's combo counter,
not as pop-ups.

Effect sprites are drawn here once, at 1x, in a small fixed palette (bold, no smoothing), then blitted.
All randomness is cosmetic and comes from this module's own ``random.Random``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from functools import cache

import pygame

from game.render.atlas import SheetError, SpriteSheet, load_sheet
from game.render.font import BitmapFont, FontError
from game.render.hud import fast, put
from game.sim import events as ev
from game.sim.events import Event
from game.sim.fixed import FP
from game.sim.moves import DataError, load_moveset

WHITE = (255, 255, 255)
PALE = (255, 244, 176)
YELLOW = (255, 206, 48)
ORANGE = (236, 120, 28)
RED = (190, 36, 24)
DUST = ((234, 228, 218), (186, 178, 170), (118, 108, 106))
DUST_INK = (40, 30, 34)
STEAM = (236, 240, 244)
SNOW = ((252, 252, 255), (196, 206, 228))
POP_COLOURS = {"score": YELLOW, "pickup": (120, 236, 120), "extra_life": (120, 200, 255)}

MAX_PARTICLES = 320
POP_TOP = 32              # pop-ups stay below the HUD band
SPARK_RADIUS = {1: 7, 2: 10, 3: 14}
SPARK_FRAME_TICKS = 3
#: The desperation special's (startup ticks, reach along the floor, depth either way) when its move data
#: cannot be read; otherwise the shockwave is timed and sized from the user's ``desperation`` move.
DESPERATION_DEFAULT = (6, 44, 20)


# -- sprites drawn in code ---------------------------------------------------------------------
def _ray(s: pygame.Surface, c: int, angle: float, start: float, length: float, half: float,
         colour: tuple[int, int, int]) -> None:
    """One pointed ray of a star: a thin triangle from ``start`` out to ``length`` from the centre."""
    ca, sa = math.cos(angle), math.sin(angle)
    px, py = -sa * half, ca * half
    bx, by = c + ca * start, c + sa * start
    tip = (round(c + ca * length), round(c + sa * length))
    pygame.draw.polygon(s, colour, [(round(bx + px), round(by + py)), tip, (round(bx - px), round(by - py))])


def _burst(radius: int, frame: int, diagonal: bool) -> pygame.Surface:
    """One frame of an impact star: pointed rays round a white-hot core, breaking up as it fades."""
    size = radius * 2 + 9
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size // 2
    turn = math.pi / 8 if diagonal else 0.0
    for i in range(8):
        a = i * math.pi / 4 + turn
        long_ray = i % 2 == 0
        length = (radius + 2 * frame) if long_ray else (radius * 0.6 + frame)
        half = max(1.0, radius / 5) if long_ray else max(1.0, radius / 8)
        if frame == 0:
            _ray(s, c, a, 0, length + 1, half + 1, ORANGE)
            _ray(s, c, a, 0, length - 1, half, YELLOW if long_ray else PALE)
        elif frame == 1:
            _ray(s, c, a, radius * 0.35, length + 1, half + 0.5, RED)
            _ray(s, c, a, radius * 0.35, length - 1, max(0.6, half - 0.5), ORANGE if long_ray else YELLOW)
        else:   # embers at the tips
            tip = (c + round(math.cos(a) * length), c + round(math.sin(a) * length))
            s.fill(ORANGE if long_ray else RED, (*tip, 2 if long_ray and radius > 8 else 1, 1))
    if frame == 0:
        pygame.draw.circle(s, PALE, (c, c), max(2, radius // 2))
        pygame.draw.circle(s, WHITE, (c, c), max(1, radius // 3))
    elif frame == 1:
        pygame.draw.circle(s, YELLOW, (c, c), max(2, radius // 3), 1)
    return s


@cache
def spark_frames(strength: int, diagonal: bool) -> tuple[pygame.Surface, ...]:
    """The three frames of a hit spark of strength 1..3."""
    r = SPARK_RADIUS.get(strength, SPARK_RADIUS[3])
    return tuple(fast(_burst(r, f, diagonal)) for f in range(3))


@cache
def puff(radius: int, shade: int = 0) -> pygame.Surface:
    """A dust cloud: three overlapping lobes, lit from above, outlined underneath (reads on any floor)."""
    size = radius * 2 + 4
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    light, mid, dark = DUST if shade == 0 else (DUST[1], DUST[2], DUST[2])
    c = size / 2
    lobes = ((c - radius * 0.45, c + radius * 0.2, radius * 0.6),
             (c + radius * 0.45, c + radius * 0.2, radius * 0.6),
             (c, c - radius * 0.15, radius * 0.75))
    around = ((0, -1), (-1, 0), (1, 0))

    def inside(x: float, y: float) -> bool:
        return any(math.hypot(x - lx, y - ly) <= lr for lx, ly, lr in lobes)

    for y in range(size):
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            if inside(px, py):
                if shade and (x + y) % 2:
                    continue  # a fading cloud breaks up
                upper = not inside(px - 1, py - 1.5)
                lower = not inside(px, py + 1.5)
                s.set_at((x, y), light if upper else dark if lower else mid)
            elif shade == 0 and py > c - 1 and any(inside(px + dx, py + dy) for dx, dy in around):
                s.set_at((x, y), DUST_INK)
    return fast(s)


@cache
def steam_blob(radius: int, level: int) -> pygame.Surface:
    """A cloud of steam: a dense heart with an ordered-dither falloff (``level`` 1..4 opacity)."""
    size = radius * 2 + 1
    s = pygame.Surface((size, size), pygame.SRCALPHA)
    bayer = ((0, 8, 2, 10), (12, 4, 14, 6), (3, 11, 1, 9), (15, 7, 13, 5))
    alpha = (0, 34, 52, 70, 88)[level]
    for y in range(size):
        for x in range(size):
            d = math.hypot(x - radius, y - radius) / radius
            if d >= 1.0:
                continue
            density = (1.0 - d) * 1.6
            if density * 16 > bayer[y % 4][x % 4]:
                s.set_at((x, y), (*STEAM, alpha))
    return fast(s)


@cache
def muzzle_frames(facing: int) -> tuple[pygame.Surface, ...]:
    """Two frames of a pistol flash pointing along ``facing``."""
    frames = []
    for f in range(2):
        s = pygame.Surface((14, 9), pygame.SRCALPHA)
        length = 12 if f == 0 else 8
        pygame.draw.polygon(s, ORANGE, [(0, 4), (length // 2, 0), (length, 4), (length // 2, 8)])
        pygame.draw.polygon(s, YELLOW, [(1, 4), (length // 2, 2), (length - 2, 4), (length // 2, 6)])
        pygame.draw.line(s, WHITE, (1, 4), (length // 2, 4))
        if facing < 0:
            s = pygame.transform.flip(s, True, False)
        frames.append(fast(s))
    return tuple(frames)


# -- particles -------------------------------------------------------------------------------
class Particle:
    """One short-lived effect in level pixels (x along, y depth, z height) with a per-kind look."""

    __slots__ = ("age", "data", "kind", "life", "vx", "vy", "vz", "x", "y", "z")

    def __init__(self, kind: str, x: float, y: float, z: float, life: int, data: object = None,
                 vx: float = 0.0, vy: float = 0.0, vz: float = 0.0) -> None:
        self.kind, self.x, self.y, self.z, self.life, self.data = kind, x, y, z, life, data
        self.vx, self.vy, self.vz, self.age = vx, vy, vz, 0


class Effects:
    """Every transient effect of a level, plus its weather (steam or snow)."""

    def __init__(self, weather: str = "", seed: int = 1988) -> None:
        self.rng = random.Random(seed)
        self.particles: list[Particle] = []
        self.weather = weather
        self.cam_y = 0            # the view's top edge as of the last step (keeps pop-ups below the HUD)
        self.steam: list[list[float]] = []    # x, y (level px), radius, age, life, drift
        self.snow: list[list[float]] = []     # x, y (screen px), depth, phase
        try:
            self.font: BitmapFont | None = BitmapFont.load("small")
        except FontError:
            self.font = None
        try:
            self.sheet: SpriteSheet | None = load_sheet("effects")
        except SheetError:
            self.sheet = None
        if weather == "snow":
            self.snow = [[self.rng.uniform(0, 320), self.rng.uniform(0, 180), self.rng.uniform(0.4, 1.3),
                          self.rng.uniform(0, 6.28)] for _ in range(90)]

    # -- events ------------------------------------------------------------------------------
    def feed(self, events: Iterable[Event], facing_of: dict[int, int]) -> None:
        """Turn this step's simulation events into effects (``facing_of``: eid -> facing)."""
        for e in events:
            k = e.kind
            if k == ev.HIT:
                self.spark(e.x, e.y, e.z, max(1, e.strength))
            elif k in (ev.BLOCK, ev.RICOCHET):
                self.spark(e.x, e.y, e.z, 1)
            elif k == ev.LAND:
                self.dust(e.x, e.y, 2, 3)
            elif k in (ev.KNOCKDOWN, ev.DEATH):
                self.dust(e.x, e.y, 7, 7, spread=26)   # along the whole body hitting the floor
            elif k == ev.THROW:
                self.dust(e.x, e.y, 3, 4)
            elif k == ev.SHOT:
                self.add(Particle("muzzle", e.x, e.y, e.z, 6, facing_of.get(e.actor, 1)))
            elif k == ev.SCORE and e.value > 0 and e.tag != "combo":
                self.popup(e.x, e.y, e.z + 66, str(e.value), "score")
            elif k == ev.DESPERATION:
                shape = desperation_shape(e.tag)
                self.add(Particle("desperation", e.x, e.y, 0, shape[0] + 22, shape))
            elif k == ev.DODGE:
                self.dust(e.x, e.y, 3, 3, spread=6)
            elif k == ev.RUN:
                self.dust(e.x - 6 * facing_of.get(e.actor, 1), e.y, 2, 3, spread=3)
            elif k == ev.PICKUP:
                self.popup(e.x, e.y, e.z + 20, (e.tag or "item").upper(), "pickup")
            elif k == ev.EXTRA_LIFE:
                self.popup(e.x, e.y, e.z + 56, "1UP", "extra_life")

    def add(self, p: Particle) -> None:
        """Add a particle, dropping the oldest when there are too many."""
        if len(self.particles) >= MAX_PARTICLES:
            del self.particles[0]
        self.particles.append(p)

    def spark(self, x: int, y: int, z: int, strength: int) -> None:
        """An impact star at a hit, its size set by strength; heavy hits throw embers too.

        The art pipeline's ``effects`` sheet draws light (``spark_small``) and heavy (``spark_big``) sparks;
        without it, stars drawn here in three sizes stand in.
        """
        strength = max(1, min(strength, 3))
        sheet_tag = "spark_small" if strength == 1 else "spark_big"
        if self.sheet is not None and self.sheet.has(sheet_tag):
            frames = tuple(s for s, _ in self.sheet.frames(sheet_tag, self.rng.random() < 0.5))
            per = max(2, round(self.sheet.frames(sheet_tag)[0][1] / 16.7))
        else:
            frames, per = spark_frames(strength, self.rng.random() < 0.5), SPARK_FRAME_TICKS
        self.add(Particle("spark", x, y, z, per * len(frames), (frames, per)))
        for _ in range((0, 0, 3, 6)[min(strength, 3)]):
            a = self.rng.uniform(0, math.tau)
            sp = self.rng.uniform(1.0, 2.4)
            self.add(Particle("ember", x, y, z, self.rng.randint(8, 14), None,
                              math.cos(a) * sp, 0.0, math.sin(a) * sp + 1.0))

    def dust(self, x: int, y: int, count: int, size: int, spread: float = 8) -> None:
        """Puffs kicked up along the floor either side of a point."""
        for i in range(count):
            side = -1 if i % 2 else 1
            px = x + side * self.rng.uniform(2, spread)
            life, radius = self.rng.randint(22, 34), self.rng.randint(max(2, size - 3), size)
            self.add(Particle("dust", px, y + self.rng.uniform(-1.5, 1.5), 1, life, radius,
                              side * self.rng.uniform(0.3, 1.1), 0.0, self.rng.uniform(0.1, 0.35)))

    def popup(self, x: int, y: int, z: int, text: str, style: str) -> None:
        """A number or word that rises from a spot and blinks out; pop-ups of the same moment stack up.

        Stacks grow upwards, or downwards once they would rise into the HUD band (the floor band's
        back row is near the top of the screen).
        """
        ceiling = y - self.cam_y - POP_TOP - 12   # the highest z that stays clear of the HUD after rising
        z = min(z, ceiling)
        vz = 0.5
        stack = [p for p in self.particles
                 if p.kind == "pop" and p.age < 16 and abs(p.x - x) < 24 and abs(p.y - y) < 12]
        if stack:
            top, bottom = max(stack, key=lambda p: p.z), min(stack, key=lambda p: p.z)
            if top.z + 10 <= ceiling:
                z, vz = int(top.z) + 10, top.vz   # rise in step with the one below, never through it
            else:
                z, vz = int(bottom.z) - 10, bottom.vz
        self.add(Particle("pop", x, y, z, 48, (text, POP_COLOURS.get(style, YELLOW)), 0.0, 0.0, vz))

    # -- time ----------------------------------------------------------------------------------
    def update(self, cam_x: int, cam_y: int, view_w: int = 320, view_h: int = 180) -> None:
        """Advance every effect one 60 Hz step; weather is kept filling the view."""
        self.cam_y = cam_y
        alive = []
        for p in self.particles:
            p.age += 1
            if p.age >= p.life:
                continue
            p.x += p.vx
            p.y += p.vy
            p.z += p.vz
            if p.kind == "ember":
                p.vz -= 0.25
            elif p.kind == "dust":
                p.vx *= 0.9
            elif p.kind == "pop":
                p.vz *= 0.95
            alive.append(p)
        self.particles = alive
        if self.weather == "steam":
            self._update_steam(cam_x, cam_y, view_w, view_h)
        elif self.weather == "snow":
            for f in self.snow:
                f[1] += 0.35 + 0.45 * f[2]
                f[3] += 0.03
                if f[1] > view_h + 2:
                    f[0], f[1] = self.rng.uniform(0, view_w), -2.0

    def _update_steam(self, cam_x: int, cam_y: int, view_w: int, view_h: int) -> None:
        keep = []
        for s in self.steam:
            s[3] += 1
            s[0] += s[5]
            s[1] -= 0.12
            if s[3] < s[4] and cam_x - 60 < s[0] < cam_x + view_w + 60:
                keep.append(s)
        self.steam = keep
        while len(self.steam) < 9:
            life = self.rng.randint(360, 720)
            # start some clouds part-way through their lives so the room is steamy from the first frame
            age = self.rng.randint(0, life // 2) if not keep else 0
            self.steam.append([cam_x + self.rng.uniform(-40, view_w + 40),
                               cam_y + self.rng.uniform(view_h * 0.35, view_h * 0.95),
                               float(self.rng.choice((10, 14, 18, 22))), float(age), float(life),
                               self.rng.uniform(0.05, 0.22)])

    # -- drawing -------------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, cam_x: int, cam_y: int) -> None:
        """Draw sparks, dust, flashes and pop-ups (call after the characters)."""
        blit = canvas.blit
        for p in self.particles:
            sx = int(p.x) - cam_x
            sy = int(p.y - p.z) - cam_y
            k = p.kind
            if k == "spark":
                frames, per = p.data  # type: ignore[misc]
                img = frames[min(len(frames) - 1, p.age // per)]
                blit(img, (sx - img.get_width() // 2, sy - img.get_height() // 2))
            elif k == "dust":
                # puffs swell as they spread, then thin out and break up
                r = max(2, int(p.data) * (3 * p.life + 3 * p.age) // (5 * p.life))  # type: ignore[call-overload]
                img = puff(r, 1 if p.age > p.life * 2 // 3 else 0)
                blit(img, (sx - r - 2, sy - r * 2 - 2))
            elif k == "ember":
                canvas.fill(YELLOW if p.age < p.life // 2 else ORANGE, (sx, sy, 2 if p.age < 4 else 1, 1))
            elif k == "muzzle":
                facing = p.data
                if self.sheet is not None and self.sheet.has("muzzle_flash"):
                    # the art's flash starts at its pivot and points along the shot
                    frames = self.sheet.frames("muzzle_flash", facing < 0)  # type: ignore[operator]
                    img = frames[min(len(frames) - 1, p.age // 3)][0]
                    px_, py_ = self.sheet.pivot_for(facing < 0)  # type: ignore[operator]
                    blit(img, (sx - px_, sy - py_))
                    continue
                img = muzzle_frames(facing)[0 if p.age < 3 else 1]  # type: ignore[arg-type]
                blit(img, (sx if facing > 0 else sx - img.get_width(), sy - img.get_height() // 2))
            elif k == "desperation":
                self._draw_desperation(canvas, sx, sy, p.age, p.data)  # type: ignore[arg-type]
            elif k == "pop" and self.font is not None:
                if p.age > p.life - 12 and p.age % 4 < 2:
                    continue
                text, colour = p.data  # type: ignore[misc]
                put(canvas, self.font, text, sx, sy, colour, align="center")

    def _draw_desperation(self, canvas: pygame.Surface, sx: int, sy: int, age: int,
                          shape: tuple[int, int, int]) -> None:
        """The special: a ring of light closing on the body while it gathers, then a shockwave along the
        floor out to the reach of the hit, with rays from the body for the first ticks of the burst."""
        gather, reach, lane = shape
        if age < gather:
            r = max(4, 26 - 3 * age * 6 // max(1, gather))
            pygame.draw.circle(canvas, PALE, (sx, sy - 30), r, 1)
            pygame.draw.circle(canvas, YELLOW, (sx, sy - 30), max(2, r - 5), 1)
            return
        t = age - gather
        r = min(reach, 12 + t * 6)
        depth = max(2, r * lane // max(1, reach))
        ring = pygame.Rect(sx - r, sy - depth, 2 * r, 2 * depth)
        if t < 12 or t % 2 == 0:   # the ring breaks up as it fades
            pygame.draw.ellipse(canvas, ORANGE, ring.inflate(2, 2), 2)
            pygame.draw.ellipse(canvas, YELLOW if t < 8 else RED, ring, 1)
        if t < 6:
            for i in range(8):
                a = i * math.pi / 4 + math.pi / 8
                ca, sa = math.cos(a), math.sin(a)
                inner, outer = 10 + t * 3, 18 + t * 5
                start = (round(sx + ca * inner), round(sy - 30 + sa * inner * 0.8))
                end = (round(sx + ca * outer), round(sy - 30 + sa * outer * 0.8))
                pygame.draw.line(canvas, WHITE if t < 3 else PALE, start, end)

    def draw_weather(self, canvas: pygame.Surface, cam_x: int, cam_y: int) -> None:
        """Steam clouds or falling snow over the whole scene (call after foreground layers)."""
        if self.weather == "steam":
            for x, y, r, age, life, _ in self.steam:
                # fade in over the first second, out over the last two
                level = min(4, 1 + int(age) // 20, 1 + int(life - age) // 30)
                img = steam_blob(int(r), max(1, level))
                canvas.blit(img, (int(x) - cam_x - int(r), int(y) - cam_y - int(r)))
        elif self.weather == "snow":
            w = canvas.get_width()
            for x, y, depth, phase in self.snow:
                sx = int(x - cam_x * depth * 0.5 + math.sin(phase) * 3) % w
                big = depth > 1.0
                size = 2 if big else 1
                canvas.fill(SNOW[0] if depth > 0.7 else SNOW[1], (sx, int(y), size, size))


@cache
def desperation_shape(char: str) -> tuple[int, int, int]:
    """(startup ticks, reach in px along the floor, depth in px either way) of ``char``'s desperation."""
    try:
        m = load_moveset(char).moves.get("desperation") if char else None
    except DataError:
        m = None
    if m is None or not m.hitboxes:
        return DESPERATION_DEFAULT
    reach = max(max(abs(b[0]), abs(b[1])) for b in m.hitboxes) // FP
    return m.startup, max(8, reach), max(2, m.lane // FP)


def weather_for(level_name: str, music: str) -> str:
    """``steam`` in the bathhouse, ``snow`` in Moscow streets, else nothing."""
    if level_name == "bathhouse" or music == "bathhouse":
        return "steam"
    if music == "moscow" or level_name.startswith("moscow"):
        return "snow"
    return ""
