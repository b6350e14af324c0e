"""A driver for the real app under the dummy video driver: post keys, step frames, read the scene stack."""

from __future__ import annotations

import pygame

from game.app import App, LaunchOptions
from game.scenes.boot import first_scene


class Driver:
    """A whole App under the dummy driver, pressed like a player would."""

    def __init__(self, **options: object) -> None:
        self.app = App(LaunchOptions(mute=True, scale=1, **options))   # type: ignore[arg-type]
        self.app.scenes.push(first_scene(self.app))
        self.tick(2)

    def tick(self, frames: int = 1) -> None:
        """Run frames of 1/60 s (one logic step each)."""
        for _ in range(frames):
            self.app.tick_frame(1 / 60)

    def post(self, kind: int, **attrs: object) -> None:
        """Queue one pygame event."""
        pygame.event.post(pygame.event.Event(kind, **attrs))

    def key(self, name: str, hold: int = 1, unicode: str = "") -> None:
        """Tap a key (pygame key name), held for ``hold`` frames, then one frame released."""
        code = pygame.key.key_code(name)
        self.post(pygame.KEYDOWN, key=code, mod=0, unicode=unicode, scancode=0)
        self.tick(hold)
        self.post(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)
        self.tick()

    def keys(self, *names: str) -> None:
        """Tap several keys in turn."""
        for name in names:
            self.key(name)

    def pad(self, instance_id: int, button: str, hold: int = 1) -> None:
        """Press a controller button (SDL GameController name) on an attached pad."""
        from game.input.router import PAD_BUTTONS

        self.post(pygame.CONTROLLERBUTTONDOWN, instance_id=instance_id, button=PAD_BUTTONS[button])
        self.tick(hold)
        self.post(pygame.CONTROLLERBUTTONUP, instance_id=instance_id, button=PAD_BUTTONS[button])
        self.tick()

    @property
    def top(self) -> object:
        """The active scene."""
        return self.app.scenes.top

    @property
    def stack(self) -> list[str]:
        """Class names of the scene stack, bottom first."""
        return [type(s).__name__ for s in self.app.scenes.scenes]

    def menu_key(self) -> str:
        """The highlighted menu item's key."""
        return self.top.menu.current.key  # type: ignore[attr-defined]
