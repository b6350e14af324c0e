"""Fonts and text layout for screens: the art engineer's bitmap fonts, word wrapping, colours."""

from __future__ import annotations

import pygame

from game.render.font import BitmapFont

# The screens' palette: Moscow night (deep red and black) with warm gold highlights.
WHITE = (236, 230, 220)
GOLD = (255, 206, 96)
RED = (224, 48, 40)
DIM = (150, 118, 112)
DARK = (18, 6, 10)
SHADE = (0, 0, 0, 150)


def small() -> BitmapFont:
    """The 9 px text font."""
    return BitmapFont.load("small")


def title() -> BitmapFont:
    """The big 19 px headline font (capitals, digits and a little punctuation)."""
    return BitmapFont.load("title")


def wrap(font: BitmapFont, text: str, width: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels (explicit ``\\n`` kept)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            trial = f"{line} {word}" if line else word
            if line and font.size(trial)[0] > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def shade(canvas: pygame.Surface, rect: pygame.Rect | None = None, color: tuple = SHADE) -> None:
    """Darken part of the canvas (behind pause menus and dialog boxes)."""
    rect = rect or canvas.get_rect()
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    veil.fill(color)
    canvas.blit(veil, rect.topleft)


def panel(canvas: pygame.Surface, rect: pygame.Rect, border: tuple = RED) -> None:
    """A dark box with a thin red frame, for menus over pictures."""
    shade(canvas, rect, (10, 2, 6, 215))
    pygame.draw.rect(canvas, border, rect, 1)
