"""Screen backdrops: a red Moscow night skyline with falling snow, and the RED HEAT logo."""

from __future__ import annotations

import math
import random
from functools import cache

import pygame

from game.paths import assets_dir
from game.ui.text import RED, title

SKY_TOP = (8, 2, 6)
SKY_LOW = (92, 14, 18)
SKYLINE = (14, 4, 8)
WINDOW_LIT = (196, 140, 60)
STAR_RED = (240, 40, 32)


def _gradient(surf: pygame.Surface, top: tuple, low: tuple, y0: int, y1: int) -> None:
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        color = tuple(int(a + (b - a) * t) for a, b in zip(top, low, strict=True))
        pygame.draw.line(surf, color, (0, y), (surf.get_width(), y))


def _onion(surf: pygame.Surface, cx: int, base: int, w: int, h: int) -> None:
    """A church tower with an onion dome."""
    pygame.draw.rect(surf, SKYLINE, (cx - w // 2, base - h, w, h))
    r = w // 2 + 2
    pygame.draw.ellipse(surf, SKYLINE, (cx - r, base - h - r * 2 + 2, r * 2, r * 2 + 2))
    pygame.draw.polygon(surf, SKYLINE, [(cx - 3, base - h - r * 2 + 4), (cx, base - h - r * 2 - 7),
                                        (cx + 3, base - h - r * 2 + 4)])
    pygame.draw.line(surf, SKYLINE, (cx, base - h - r * 2 - 12), (cx, base - h - r * 2 - 6))
    pygame.draw.line(surf, SKYLINE, (cx - 2, base - h - r * 2 - 10), (cx + 2, base - h - r * 2 - 10))


def _spire(surf: pygame.Surface, cx: int, base: int, w: int, h: int) -> None:
    """A Kremlin tower: a block, a tent roof and a red star on top."""
    pygame.draw.rect(surf, SKYLINE, (cx - w // 2, base - h, w, h))
    pygame.draw.rect(surf, SKYLINE, (cx - w // 2 + 2, base - h - 8, w - 4, 8))
    top = base - h - 8 - w * 2
    roof = base - h - 8
    pygame.draw.polygon(surf, SKYLINE, [(cx - w // 2 + 1, roof), (cx, top), (cx + w // 2 - 1, roof)])
    pygame.draw.circle(surf, STAR_RED, (cx, top - 3), 2)
    surf.set_at((cx, top - 6), STAR_RED)


@cache
def city(width: int = 320, height: int = 180) -> pygame.Surface:
    """The skyline and the snowy square on a transparent layer (drawn over sky effects)."""
    rng = random.Random(1988)   # fixed: the same city every run; cosmetic, not the world's
    surf = pygame.Surface((width, height), pygame.SRCALPHA)
    base = height - 36
    for x in range(0, width, 9):  # apartment blocks behind
        h = rng.randint(16, 44)
        pygame.draw.rect(surf, (30, 8, 14), (x, base - h, 10, h))
        for wy in range(base - h + 4, base - 2, 6):
            if rng.random() < 0.18:
                surf.set_at((x + rng.randint(2, 7), wy), WINDOW_LIT)
    pygame.draw.rect(surf, SKYLINE, (0, base - 12, width, 12))
    for cx, w, h in ((24, 10, 30), (118, 12, 46), (206, 10, 36), (300, 8, 26)):
        _spire(surf, cx, base - 6, w, h)
    for cx, w, h in ((62, 8, 22), (78, 10, 30), (94, 8, 20), (160, 12, 24), (176, 8, 18), (268, 9, 24)):
        _onion(surf, cx, base - 6, w, h)
    # the square in front: packed snow, lit red from the walls
    _gradient(surf, (40, 16, 22), (70, 46, 54), base, height)
    return surf


@cache
def moscow_night(width: int = 320, height: int = 180) -> pygame.Surface:
    """The whole backdrop: red night sky, a low moon, the city."""
    surf = pygame.Surface((width, height))
    _gradient(surf, SKY_TOP, SKY_LOW, 0, height - 40)
    pygame.draw.circle(surf, (120, 36, 34), (272, 104), 22)   # a big low moon, red with the city's glow
    pygame.draw.circle(surf, (150, 52, 44), (268, 100), 17)
    surf.blit(city(width, height), (0, 0))
    return surf


def searchlights(canvas: pygame.Surface, ticks: int) -> None:
    """Two slow searchlight beams sweeping the sky (draw the city over them)."""
    beams = _beam_layer(canvas.get_size())
    beams.fill((0, 0, 0, 0))
    drawn = []
    for i, (x0, speed, phase) in enumerate(((70, 0.011, 0.0), (250, 0.008, 2.1))):
        angle = math.sin(ticks * speed + phase) * 0.55 + (0.25 if i else -0.25)
        tip_x = x0 + math.sin(angle) * 220
        tip_y = 144 - math.cos(angle) * 220
        spread = 16
        drawn.append(pygame.draw.polygon(beams, (255, 120, 90, 30), [
            (x0 - 2, 144), (x0 + 2, 144), (tip_x + spread, tip_y), (tip_x - spread, tip_y)]))
    area = drawn[0].unionall(drawn[1:])
    canvas.blit(beams, area.topleft, area)   # outside the beams the layer is clear: nothing to blend


@cache
def _beam_layer(size: tuple[int, int]) -> pygame.Surface:
    """One transparent layer for the beams, cleared and reused every frame (not a new one per frame)."""
    return pygame.Surface(size, pygame.SRCALPHA)


class Snow:
    """Falling snow drawn over a backdrop (cosmetic random, not the world's)."""

    def __init__(self, count: int = 70, seed: int = 7, width: int = 320, height: int = 180) -> None:
        self.rng = random.Random(seed)
        self.w, self.h = width, height
        self.flakes = [[self.rng.uniform(0, width), self.rng.uniform(0, height), self.rng.uniform(0.2, 0.7)]
                       for _ in range(count)]

    def update(self) -> None:
        """Drift every flake one step."""
        for f in self.flakes:
            f[1] += f[2]
            f[0] += 0.15 * f[2] - 0.1
            if f[1] >= self.h:
                f[0], f[1] = self.rng.uniform(0, self.w), -2
            f[0] %= self.w

    def draw(self, canvas: pygame.Surface) -> None:
        """Bigger, brighter flakes are nearer."""
        for x, y, speed in self.flakes:
            c = 150 + int(speed * 140)
            canvas.set_at((int(x), int(y)), (c, c - 20, c - 10))
            if speed > 0.55:
                canvas.set_at((int(x) + 1, int(y)), (c, c - 20, c - 10))


def logo() -> pygame.Surface:
    """The art engineer's RED HEAT logo (``assets/ui/title_logo.png``), or the title font drawn large."""
    for name in ("title_logo.png", "logo.png"):
        path = assets_dir() / "ui" / name
        if path.exists():
            try:
                return _load_logo(str(path))
            except pygame.error:
                continue
    return _font_logo()


@cache
def _load_logo(path: str) -> pygame.Surface:
    surf = pygame.image.load(path)
    return surf.convert_alpha() if pygame.display.get_surface() is not None else surf


@cache
def _font_logo() -> pygame.Surface:
    text = title().render("RED HEAT")
    big = pygame.transform.scale_by(text, 2)
    out = pygame.Surface((big.get_width() + 4, big.get_height() + 4), pygame.SRCALPHA)
    shadow = big.copy()
    shadow.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGBA_MIN)
    out.blit(shadow, (3, 3))
    out.blit(big, (0, 0))
    pygame.draw.line(out, RED, (0, out.get_height() - 1), (out.get_width() - 4, out.get_height() - 1))
    return out
