"""A vertical menu driven by the same action bits as play (mouse optional)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.sim.actions import Action
from game.ui.text import DIM, GOLD, RED, WHITE, small

SELECT_BITS = Action.PUNCH | Action.JUMP | Action.START
BACK_BITS = Action.KICK
REPEAT_DELAY = 20   # ticks a direction is held before it repeats
REPEAT_EVERY = 6


@dataclass(slots=True)
class MenuItem:
    """One line: a label, what selecting it does, and optionally a value adjusted with left/right."""

    label: str
    on_select: Callable[[], None] | None = None
    value: Callable[[], str] | None = None
    on_adjust: Callable[[int], None] | None = None
    key: str = ""          # a stable name for tests and lookups ("options", "quit"...)

    def text(self) -> str:
        """The line as drawn."""
        if self.value is None:
            return self.label
        return f"{self.label}  < {self.value()} >" if self.on_adjust else f"{self.label}  {self.value()}"


class Menu:
    """Up/down moves, punch/jump/start selects, left/right adjusts; returns what happened."""

    def __init__(self, items: list[MenuItem], x: int, y: int, spacing: int = 12,
                 align: str = "center", value_x: int | None = None) -> None:
        self.items = items
        self.value_x = value_x     # two columns: labels left-aligned at x, values right-aligned here
        self.index = 0
        self.x, self.y, self.spacing, self.align = x, y, spacing, align
        self.rects: list[pygame.Rect] = []
        self._held = 0
        self._held_ticks = 0

    @property
    def current(self) -> MenuItem:
        """The highlighted item."""
        return self.items[self.index]

    def select_key(self, key: str) -> None:
        """Highlight the item named ``key``."""
        for i, item in enumerate(self.items):
            if item.key == key:
                self.index = i

    def _repeat(self, held: int) -> int:
        """Held directions fire again after a delay, so long lists scroll."""
        dirs = held & (Action.UP | Action.DOWN | Action.LEFT | Action.RIGHT)
        if dirs and dirs == self._held:
            self._held_ticks += 1
            if self._held_ticks >= REPEAT_DELAY and (self._held_ticks - REPEAT_DELAY) % REPEAT_EVERY == 0:
                return dirs
        else:
            self._held, self._held_ticks = dirs, 0
        return 0

    def update(self, pressed: int, held: int = 0) -> str | None:
        """Apply one step's edge bits; returns 'select', 'back', 'move', 'adjust' or None."""
        pressed |= self._repeat(held)
        if pressed & Action.UP:
            self.index = (self.index - 1) % len(self.items)
            return "move"
        if pressed & Action.DOWN:
            self.index = (self.index + 1) % len(self.items)
            return "move"
        item = self.current
        if pressed & (Action.LEFT | Action.RIGHT) and item.on_adjust is not None:
            item.on_adjust(-1 if pressed & Action.LEFT else 1)
            return "adjust"
        if pressed & SELECT_BITS:
            if item.on_select is not None:
                item.on_select()
            elif item.on_adjust is not None:
                item.on_adjust(1)
                return "adjust"
            return "select"
        if pressed & BACK_BITS:
            return "back"
        return None

    def handle_mouse(self, event: pygame.event.Event, to_canvas: Callable[[tuple[int, int]], tuple[int, int]]
                     ) -> str | None:
        """Hover highlights, a left click selects (left/right half adjusts values)."""
        if event.type not in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            return None
        pos = to_canvas(event.pos)
        for i, rect in enumerate(self.rects):
            if rect.inflate(8, 2).collidepoint(pos):
                self.index = i
                if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                    item = self.current
                    if item.on_adjust is not None and item.on_select is None:
                        item.on_adjust(-1 if pos[0] < rect.centerx else 1)
                        return "adjust"
                    if item.on_select is not None:
                        item.on_select()
                    return "select"
                return None
        return None

    def draw(self, canvas: pygame.Surface, blink: bool = True) -> None:
        """Draw the items; the highlighted one in gold with a red marker."""
        font = small()
        self.rects = []
        for i, item in enumerate(self.items):
            y = self.y + i * self.spacing
            on = i == self.index
            color = GOLD if on else (WHITE if item.on_select or item.on_adjust else DIM)
            if self.value_x is not None:
                rect = font.draw(canvas, item.label, self.x, y, color=color)
                if item.value is not None:
                    rect = rect.union(font.draw(canvas, item.value(), self.value_x, y, color=color,
                                                align="right"))
            else:
                rect = font.draw(canvas, item.text(), self.x, y, color=color, align=self.align)
            self.rects.append(rect)
            if on and blink:
                font.draw(canvas, ">", rect.left - 8, y, color=RED)
