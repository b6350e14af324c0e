"""The window: a 320x180 logical canvas, integer-scaled with nearest-neighbour and letterboxed."""

from __future__ import annotations

import os
import sys

import pygame

WIDTH, HEIGHT = 320, 180


def prefer_native_framebuffer() -> None:
    """On Linux, show the window surface through X11's shared memory, not an OpenGL texture.

    Left alone, SDL2 on Linux may copy the window surface through an OpenGL renderer: that loads the
    GL driver (Mesa and LLVM: about 95 MB resident with a software GL) and, without a GPU, costs
    more CPU per flip than the whole frame's drawing (measured under Xvfb: 8.5 ms against 0.6 ms a
    1280x720 flip). Our canvas is 320x180 and scaled by pygame anyway, so the plain framebuffer is
    the light choice. A user's own ``SDL_FRAMEBUFFER_ACCELERATION`` setting wins; drivers with no
    native framebuffer (Wayland) ignore the hint. Call before the window is opened.
    """
    if sys.platform.startswith("linux"):
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def fit_scale(width: int, height: int) -> int:
    """The largest integer scale of the canvas that fits ``width`` x ``height`` (at least 1)."""
    return max(1, min(width // WIDTH, height // HEIGHT))


class Display:
    """Owns the window and the canvas everything is drawn on."""

    def __init__(self, scale: int = 0, fullscreen: bool = False, title: str = "Red Heat") -> None:
        prefer_native_framebuffer()
        pygame.display.set_caption(title)
        self.canvas = pygame.Surface((WIDTH, HEIGHT))
        if scale <= 0:
            try:
                dw, dh = pygame.display.get_desktop_sizes()[0]
                scale = max(1, fit_scale(dw - 64, dh - 96))
            except (pygame.error, IndexError):
                scale = 3
        self.window_scale = scale
        self.fullscreen = False
        self._scaled: pygame.Surface | None = None
        self._direct = False
        self._built_for = (0, 0)
        self.window = pygame.display.set_mode((WIDTH * scale, HEIGHT * scale), pygame.RESIZABLE)
        if fullscreen:
            self.toggle_fullscreen()

    @property
    def scale(self) -> int:
        """The integer factor the canvas is drawn at now."""
        w, h = self.window.get_size()
        return fit_scale(w, h)

    def toggle_fullscreen(self) -> None:
        """Switch between a window and desktop fullscreen (F11)."""
        self.fullscreen = not self.fullscreen
        if self.fullscreen:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            s = self.window_scale
            self.window = pygame.display.set_mode((WIDTH * s, HEIGHT * s), pygame.RESIZABLE)
        self._scaled = None

    def set_window_scale(self, scale: int) -> None:
        """Resize the window to ``scale`` times the canvas (Options)."""
        self.window_scale = max(1, scale)
        if not self.fullscreen:
            s = self.window_scale
            self.window = pygame.display.set_mode((WIDTH * s, HEIGHT * s), pygame.RESIZABLE)
            self._scaled = None

    def resized(self) -> None:
        """Call on a window resize event: the next present recomputes the scale."""
        self.window = pygame.display.get_surface() or self.window
        self._scaled = None

    def present(self) -> None:
        """Scale the canvas by the largest whole factor, centre it on black, and flip."""
        w, h = self.window.get_size()
        s = fit_scale(w, h)
        size = (WIDTH * s, HEIGHT * s)
        if self._scaled is None or self._built_for != (w, h):
            # scale straight into the window's picture area (no second full-size copy per frame);
            # where the formats differ, through a surface of the canvas's format as before. Rebuilt
            # whenever the window's size changed: the area is a view into the window's pixels.
            self._built_for = (w, h)
            self.window.fill((0, 0, 0))
            area = self.window.subsurface(pygame.Rect(((w - size[0]) // 2, (h - size[1]) // 2), size))
            self._direct = area.get_bitsize() == self.canvas.get_bitsize()
            self._scaled = area if self._direct else pygame.Surface(size)
        pygame.transform.scale(self.canvas, size, self._scaled)  # nearest neighbour: no blur
        if not self._direct:
            self.window.blit(self._scaled, ((w - size[0]) // 2, (h - size[1]) // 2))
        pygame.display.flip()

    #: The window is a plain SDL window surface, whose updates SDL2 never syncs to the vertical
    #: refresh: the loop paces itself at :meth:`refresh_rate` instead (see ``game.timing.FramePacer``).
    vsync = False

    def refresh_rate(self) -> float | None:
        """The refresh rate (Hz) of the display the window is on, or None when the display does not say."""
        try:
            rate = pygame.display.get_current_refresh_rate()   # the window's display mode
        except (pygame.error, AttributeError):
            rate = 0
        if rate <= 0:
            try:
                rates = pygame.display.get_desktop_refresh_rates()
                rate = rates[0] if rates else 0
            except (pygame.error, AttributeError):
                rate = 0
        return float(rate) if rate > 0 else None

    def to_canvas(self, pos: tuple[int, int]) -> tuple[int, int]:
        """Window pixel to canvas pixel (for the mouse in menus)."""
        w, h = self.window.get_size()
        s = fit_scale(w, h)
        return ((pos[0] - (w - WIDTH * s) // 2) // s, (pos[1] - (h - HEIGHT * s) // 2) // s)
