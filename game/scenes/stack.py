"""A pushdown stack of scenes, after Tuxemon's state stack and Nystrom's State pattern."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.app import App


class Scene:
    """One screen. ``update`` runs once per 60 Hz step; ``draw`` once per displayed frame."""

    #: An overlay (pause, dialogs) lets the scene below draw first.
    overlay = False

    def __init__(self, app: App) -> None:
        self.app = app

    def enter(self) -> None:
        """Pushed onto the stack."""

    def exit(self) -> None:
        """Removed from the stack."""

    def pause(self) -> None:
        """Another scene was pushed over this one."""

    def resume(self) -> None:
        """The scene above was popped."""

    def handle(self, event: pygame.event.Event) -> None:
        """A pygame event arrived (input devices are already routed)."""

    def update(self, inputs: tuple[int, ...]) -> None:
        """One logic step with each player's action bits."""

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """Draw onto the 320x180 canvas; ``alpha`` is how far we are towards the next step."""


class SceneStack:
    """Push, pop and replace scenes; the top one gets input and updates."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        """The active scene."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Cover the current scene with a new one."""
        if self.top:
            self.top.pause()
        self.scenes.append(scene)
        scene.enter()

    def pop(self) -> Scene | None:
        """Remove the top scene and resume the one below."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.exit()
        if self.top:
            self.top.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        scene.enter()

    def close_all(self) -> None:
        """Exit every scene, top first, without resuming any (the game is quitting)."""
        while self.scenes:
            self.scenes.pop().exit()

    def clear_to(self, scene: Scene) -> None:
        """Drop every scene and start over with one (quit to title)."""
        while self.scenes:
            self.scenes.pop().exit()
        self.push(scene)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """Draw from the lowest scene that is not covered by an opaque one."""
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        for scene in self.scenes[max(start, 0):]:
            scene.draw(canvas, alpha)
