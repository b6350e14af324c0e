"""Options: window scale, fullscreen, volumes, difficulty. Every change applies and saves at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.screen import HEIGHT, WIDTH, fit_scale
from game.scenes.screen import Screen
from game.store.settings import DIFFICULTIES
from game.ui.backdrop import moscow_night
from game.ui.menu import Menu, MenuItem
from game.ui.text import DIM, panel, small, title

if TYPE_CHECKING:
    from game.app import App

MAX_SCALE = 12   # what the settings file accepts
VOLUME_STEP = 0.1


def max_window_scale() -> int:
    """The largest whole scale whose window still fits the desktop."""
    try:
        dw, dh = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return 4
    return max(1, min(MAX_SCALE, fit_scale(dw, dh)))


class OptionsScene(Screen):
    """Left/right change a value (heard at once), punch toggles; everything is saved atomically."""

    hints = (("up/down", "MOVE"), ("left/right", "CHANGE"), ("kick", "BACK"))
    redraw_every = 0      # a still list: drawn again only when the player changes something

    def __init__(self, app: App) -> None:
        super().__init__(app)
        s = app.settings
        self.menu = Menu([
            MenuItem("WINDOW SCALE", value=lambda: f"{self.window_scale()}x", on_adjust=self.adjust_scale,
                     key="scale"),
            MenuItem("FULLSCREEN", value=lambda: "ON" if app.display.fullscreen else "OFF",
                     on_adjust=lambda d: self.toggle_fullscreen(), key="fullscreen"),
            MenuItem("MUSIC", value=lambda: f"{round(s.music_volume * 100)}%",
                     on_adjust=lambda d: self.adjust_volume("music_volume", d), key="music"),
            MenuItem("EFFECTS", value=lambda: f"{round(s.sfx_volume * 100)}%",
                     on_adjust=lambda d: self.adjust_volume("sfx_volume", d), key="sfx"),
            MenuItem("DIFFICULTY", value=lambda: s.difficulty.upper(), on_adjust=self.adjust_difficulty,
                     key="difficulty"),
            MenuItem("CONTROLS", self.controls, key="controls"),
            MenuItem("BACK", self.go_back, key="back"),
        ], 160, 50, spacing=14)

    def window_scale(self) -> int:
        """The scale the window uses when not fullscreen."""
        return self.app.display.window_scale

    # -- changes ---------------------------------------------------------------------
    def adjust_scale(self, delta: int) -> None:
        """Bigger or smaller window, 1 to what fits the desktop."""
        scale = min(max_window_scale(), max(1, self.window_scale() + delta))
        self.app.display.set_window_scale(scale)
        self.app.settings.scale = scale
        self.save()

    def toggle_fullscreen(self) -> None:
        """Window or desktop fullscreen."""
        self.app.display.toggle_fullscreen()
        self.app.settings.fullscreen = self.app.display.fullscreen
        self.save()

    def adjust_volume(self, which: str, delta: int) -> None:
        """Volume in steps of 10 %; a blip at the new level so it is heard while adjusting."""
        value = round(min(1.0, max(0.0, getattr(self.app.settings, which) + delta * VOLUME_STEP)), 2)
        setattr(self.app.settings, which, value)
        if self.app.audio is not None:
            self.app.audio.set_volumes(self.app.settings.music_volume, self.app.settings.sfx_volume)
        self.save()

    def adjust_difficulty(self, delta: int) -> None:
        """Easy, normal, hard (used from the next level or restart)."""
        now = self.app.settings.difficulty
        i = DIFFICULTIES.index(now) if now in DIFFICULTIES else 1
        self.app.settings.difficulty = DIFFICULTIES[(i + delta) % len(DIFFICULTIES)]
        self.save()

    def controls(self) -> None:
        """The remapping screen."""
        from game.scenes.remap import ControlsScene

        self.app.scenes.push(ControlsScene(self.app))

    def save(self) -> None:
        """Write settings.json now (atomic)."""
        self.app.save_settings()

    # -- drawing -------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A framed list over the night backdrop; the menu blip after a change is heard at the new volume."""
        canvas.blit(moscow_night(), (0, 0))
        panel(canvas, pygame.Rect(60, 10, 200, 150))
        title().draw(canvas, "OPTIONS", 160, 18, align="center")
        self.menu.draw(canvas)
        font = small()
        note = {"difficulty": "FROM THE NEXT LEVEL", "scale": f"CANVAS {WIDTH}x{HEIGHT}",
                "fullscreen": "F11 ALSO TOGGLES"}.get(self.menu.current.key, "")
        if note:
            font.draw(canvas, note, 160, 150, color=DIM, align="center")
        self.draw_hints(canvas)
