"""The pause menu over the frozen level: resume, restart level, options, quit to title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.campaign import go_to_title
from game.scenes.screen import Screen
from game.sim.actions import Action
from game.ui.menu import Menu, MenuItem
from game.ui.text import DIM, panel, shade, small, title

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.play import PlayScene


class PauseScene(Screen):
    """Esc, START or back resumes; the world does not step while this is shown."""

    overlay = True
    hints = (("up/down", "MOVE"), ("punch", "SELECT"), ("esc", "RESUME"))
    redraw_every = 0      # nothing moves: drawn again only when the player does something

    def __init__(self, app: App, play: PlayScene) -> None:
        super().__init__(app)
        self.play = play
        self.menu = Menu([
            MenuItem("RESUME", self.resume_play, key="resume"),
            MenuItem("RESTART LEVEL", self.restart, key="restart"),
            MenuItem("OPTIONS", self.options, key="options"),
            MenuItem("QUIT TO TITLE", self.quit_to_title, key="quit"),
        ], 160, 78)

    def enter(self) -> None:
        """Duck the music while paused."""
        super().enter()
        if self.app.audio is not None:
            self.app.audio.duck(True)

    def exit(self) -> None:
        """Music back up."""
        if self.app.audio is not None:
            self.app.audio.duck(False)

    def update(self, inputs: tuple[int, ...]) -> None:
        """The menu; a level saved in Tiled meanwhile is reloaded under it (hot reload works paused too)."""
        self.play.poll_reload()
        super().update(inputs)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """START on the first item, Esc or kick anywhere: back to the fight."""
        if back or (pressed & Action.START and self.menu.index == 0):
            self.resume_play()
            return
        super().act(pressed, held, back)

    def go_back(self) -> None:
        """Back means resume."""
        self.resume_play()

    def resume_play(self) -> None:
        """Close the menu; the level goes on from the same tick."""
        self.sfx("menu_back")
        if self.app.scenes.top is self:
            self.app.scenes.pop()

    def restart(self) -> None:
        """The level again from its start."""
        self.play.restart()

    def options(self) -> None:
        """Options without leaving the level."""
        from game.scenes.options import OptionsScene

        self.app.scenes.push(OptionsScene(self.app))

    def quit_to_title(self) -> None:
        """Abandon the game (no high-score entry for a game given up)."""
        go_to_title(self.app)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A dimmed level with the menu box."""
        shade(canvas)
        panel(canvas, pygame.Rect(88, 40, 144, 100))
        title().draw(canvas, "PAUSED", 160, 48, align="center")
        self.menu.draw(canvas)
        small().draw(canvas, f"{self.play.level.title.upper()}", 160, 128, color=DIM, align="center")
        self.draw_hints(canvas)
