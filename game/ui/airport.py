"""The ending's picture: O'Hare at dawn, the Aeroflot jet waiting, Danko and Ridzik trading wristwatches."""

from __future__ import annotations

import math
from functools import cache

import pygame

SKY_TOP = (26, 18, 44)
SKY_LOW = (226, 120, 70)
SUN = (255, 206, 120)
TARMAC = (46, 44, 52)
TARMAC_LINE = (200, 180, 70)
TERMINAL = (30, 28, 40)
WINDOW = (120, 170, 200)
JET = (214, 216, 224)
JET_SHADE = (150, 156, 170)
JET_RED = (200, 30, 34)
GOLD = (236, 196, 80)
STEEL = (200, 206, 214)
STRAP_BROWN = (96, 58, 30)
STRAP_BLACK = (30, 30, 34)


def _gradient(surf: pygame.Surface, top: tuple, low: tuple, y0: int, y1: int) -> None:
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        pygame.draw.line(surf, tuple(int(a + (b - a) * t) for a, b in zip(top, low, strict=True)),
                         (0, y), (surf.get_width(), y))


@cache
def airport(width: int = 320, height: int = 180) -> pygame.Surface:
    """The still part of the picture: sky, sun, terminal, the jet, the tarmac."""
    surf = pygame.Surface((width, height))
    horizon = 96
    _gradient(surf, SKY_TOP, SKY_LOW, 0, horizon)
    pygame.draw.circle(surf, SUN, (250, horizon - 4), 14)
    # the terminal and control tower
    pygame.draw.rect(surf, TERMINAL, (0, horizon - 22, 150, 22))
    for x in range(6, 144, 10):
        pygame.draw.rect(surf, WINDOW, (x, horizon - 16, 6, 4))
    pygame.draw.rect(surf, TERMINAL, (118, horizon - 52, 8, 30))
    pygame.draw.rect(surf, TERMINAL, (110, horizon - 60, 24, 9))
    pygame.draw.rect(surf, WINDOW, (113, horizon - 58, 18, 4))
    # tarmac with its centre line
    pygame.draw.rect(surf, TARMAC, (0, horizon, width, height - horizon))
    for x in range(0, width, 24):
        pygame.draw.rect(surf, TARMAC_LINE, (x, horizon + 10, 12, 1))
    # the jet (nose to the left), a red band and a red tail: the flight home to Moscow
    body = pygame.Rect(150, horizon - 18, 150, 14)
    pygame.draw.ellipse(surf, JET, (body.x - 8, body.y, 24, body.h))
    pygame.draw.rect(surf, JET, (body.x + 2, body.y, body.w - 2, body.h))
    pygame.draw.rect(surf, JET_SHADE, (body.x + 2, body.bottom - 4, body.w - 2, 4))
    pygame.draw.line(surf, JET_RED, (body.x, body.y + 6), (body.right, body.y + 6), 2)
    pygame.draw.polygon(surf, JET_RED, [(body.right - 24, body.y), (body.right - 4, body.y - 22),
                                        (body.right + 4, body.y - 22), (body.right, body.y)])
    pygame.draw.polygon(surf, JET_SHADE, [(body.x + 60, body.bottom - 2), (body.x + 96, body.bottom + 8),
                                          (body.x + 110, body.bottom + 8), (body.x + 90, body.bottom - 2)])
    for x in range(body.x + 10, body.right - 26, 7):
        pygame.draw.rect(surf, (60, 70, 90), (x, body.y + 3, 3, 2))
    for x in (body.x + 14, body.x + 96):
        pygame.draw.rect(surf, (20, 20, 24), (x, body.bottom, 3, 5))
    # boarding stairs
    for i in range(6):
        pygame.draw.rect(surf, (150, 150, 160), (body.x + 22 + i * 3, body.bottom - 2 + i * 3, 4, 2))
    return surf


def _watch(surf: pygame.Surface, x: int, y: int, face: tuple, strap: tuple, glint: bool) -> None:
    """A wristwatch seen from above: strap, case, face, hands."""
    pygame.draw.rect(surf, strap, (x - 2, y - 7, 5, 15))
    pygame.draw.circle(surf, face, (x, y), 4)
    pygame.draw.circle(surf, (250, 248, 236), (x, y), 3)
    pygame.draw.line(surf, (20, 20, 20), (x, y), (x, y - 2))
    pygame.draw.line(surf, (20, 20, 20), (x, y), (x + 2, y))
    if glint:
        surf.set_at((x - 2, y - 2), (255, 255, 255))
        surf.set_at((x - 3, y - 3), (255, 255, 255))


def draw_ending(canvas: pygame.Surface, ticks: int, danko: pygame.Surface | None,
                ridzik: pygame.Surface | None) -> None:
    """The airport, the two friends facing each other and the two watches changing hands."""
    canvas.blit(airport(canvas.get_width(), canvas.get_height()), (0, 0))
    feet = 130
    if danko is not None:
        canvas.blit(danko, (96 - danko.get_width() // 2, feet - danko.get_height()))
    if ridzik is not None:
        canvas.blit(ridzik, (164 - ridzik.get_width() // 2, feet - ridzik.get_height()))
    # the watches travel between them: the Soviet one (steel) to Ridzik, the American (gold) to Danko
    t = min(1.0, max(0.0, (ticks - 40) / 120))
    lift = int(6 * math.sin(t * math.pi))
    mid_y = feet - 46
    _watch(canvas, int(112 + (146 - 112) * t), mid_y - lift, STEEL, STRAP_BLACK, ticks // 16 % 4 == 0)
    _watch(canvas, int(146 + (112 - 146) * t), mid_y + 6 + lift, GOLD, STRAP_BROWN, ticks // 16 % 4 == 2)
