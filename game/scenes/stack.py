"""A pushdown stack of scenes, after Tuxemon's state stack and Nystrom's State pattern."""

from __future__ import annotations

from collections.abc import Hashable
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

    def frame_key(self, covered: bool) -> Hashable | None:
        """A value that changes whenever this scene's picture would: the stack draws again only then.

        None means "draw every displayed frame" (motion interpolated between steps), the default
        for the top scene. A covered scene does not update, so by default its picture stands still.
        Input, a scene pushed or popped and a resized window always redraw (see ``SceneStack``).
        """
        return 0 if covered else None


class SceneStack:
    """Push, pop and replace scenes; the top one gets input and updates."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self.draws = 0                    # frames drawn (the loop presents only these)
        self._dirty = True
        self._drawn_key: Hashable | None = None

    @property
    def top(self) -> Scene | None:
        """The active scene."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Cover the current scene with a new one."""
        if self.top:
            self.top.pause()
        self.scenes.append(scene)
        self._dirty = True
        scene.enter()

    def pop(self) -> Scene | None:
        """Remove the top scene and resume the one below."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        self._dirty = True
        scene.exit()
        if self.top:
            self.top.resume()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another."""
        if self.scenes:
            self.scenes.pop().exit()
        self.scenes.append(scene)
        self._dirty = True
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

    def visible(self) -> list[Scene]:
        """The scenes drawn, bottom first: from the lowest one not covered by an opaque scene."""
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].overlay:
            start -= 1
        return self.scenes[max(start, 0):]

    def invalidate(self) -> None:
        """Draw the next frame whatever the scenes' keys say (input arrived, the window changed)."""
        self._dirty = True

    def needs_draw(self, extra: Hashable = None) -> bool:
        """True when the picture may differ from the last one drawn: a scene's ``frame_key`` changed,
        a scene wants every frame, or :meth:`invalidate` was called. ``extra`` is the app's own
        part of the picture (a notice line)."""
        keys = []
        top = self.top
        for scene in self.visible():
            key = scene.frame_key(scene is not top)
            if key is None:
                return True
            keys.append(key)
        return self._dirty or (tuple(keys), extra) != self._drawn_key

    def draw(self, canvas: pygame.Surface, alpha: float, extra: Hashable = None) -> None:
        """Draw from the lowest scene that is not covered by an opaque one."""
        keys = []
        top = self.top
        for scene in self.visible():
            scene.draw(canvas, alpha)
            keys.append(scene.frame_key(scene is not top))
        self._drawn_key = (tuple(keys), extra)
        self._dirty = False
        self.draws += 1
