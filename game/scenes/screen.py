"""The shape every screen around the fighting shares: edge-triggered actions, back, sounds, prompts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.stack import Scene
from game.sim.actions import Action
from game.ui.hints import draw_hints
from game.ui.menu import BACK_BITS, Menu

if TYPE_CHECKING:
    from game.app import App

#: Any of these starts or confirms something on a screen without a menu.
CONFIRM_BITS = Action.PUNCH | Action.JUMP | Action.START


class Screen(Scene):
    """A scene driven by menu actions: ``act(pressed, held, back)`` runs once per logic step."""

    #: (action, word) prompts shown at the foot of the screen.
    hints: tuple[tuple[str, str], ...] = (("up/down", "MOVE"), ("punch", "SELECT"), ("kick", "BACK"))
    music: str | None = None
    #: Logic steps between changes of this screen's own animation (snow, blinking prompts), 1 = every
    #: step; 0 = a still picture that changes only on input (the stack redraws on any input anyway).
    redraw_every: int = 1

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.ticks = 0
        self.latched = 0
        self.last_pad: int | None = None     # the pad that pressed last, None = the keyboard
        self.menu: Menu | None = None

    # -- sound ---------------------------------------------------------------------
    def sfx(self, name: str) -> None:
        """Play a menu sound when sound is on."""
        if self.app.audio is not None:
            self.app.audio.play_sfx(name)

    def play_music(self, name: str) -> None:
        """Start a music track when sound is on."""
        if self.app.audio is not None:
            self.app.audio.play_music(name)

    def frame_key(self, covered: bool) -> object:
        """Screens move in logic steps, not between them: draw once per ``redraw_every`` steps at most."""
        if covered:
            return 0
        return self.ticks // self.redraw_every if self.redraw_every > 0 else 0

    # -- scene hooks -------------------------------------------------------------
    def enter(self) -> None:
        """Start the screen's music, if it has one; drop a stale Esc press."""
        self.app.input.take_pause()
        if self.music:
            self.play_music(self.music)

    def resume(self) -> None:
        """Back from a screen above: a press still in flight must not act twice."""
        self.app.input.take_pause()

    def latch(self, event: pygame.event.Event) -> None:
        """Remember a press by its event: a tap shorter than a frame (down and up together) still counts."""
        router = self.app.input
        if event.type == pygame.KEYDOWN:
            self.last_pad = None
            for _player, bit in router.keymap.get(event.key, ()):
                self.latched |= bit
        elif event.type == pygame.CONTROLLERBUTTONDOWN:
            pad = router.pads.get(event.instance_id)
            if pad is not None:
                self.last_pad = event.instance_id
                self.latched |= router.padmap[pad.player].get(event.button, 0)

    def handle(self, event: pygame.event.Event) -> None:
        """Key presses are latched; the mouse works in menus too."""
        self.latch(event)
        if self.menu is not None:
            outcome = self.menu.handle_mouse(event, self.app.display.to_canvas)
            if outcome:
                self.sfx("menu_select")

    def update(self, inputs: tuple[int, ...]) -> None:
        """Read this step's presses (Esc counts as back) and act on them."""
        self.ticks += 1
        back = self.app.input.take_pause()
        held = 0
        for bits in inputs:
            held |= bits
        pressed, self.latched = self.app.input.pressed() | self.latched, 0
        self.act(pressed, held, back)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Default: drive ``self.menu``; back pops the screen."""
        if self.menu is None:
            if back or pressed & BACK_BITS:
                self.go_back()
            return
        outcome = "back" if back else self.menu.update(pressed, held)
        if outcome == "back":
            self.go_back()
        elif outcome in ("move", "adjust"):
            self.sfx("menu_move")
        elif outcome == "select":
            self.sfx("menu_select")

    def go_back(self) -> None:
        """Leave this screen."""
        self.sfx("menu_back")
        if self.app.scenes.top is self:
            self.app.scenes.pop()

    def draw_hints(self, canvas: pygame.Surface) -> None:
        """The key prompts line, labelled from the current bindings."""
        draw_hints(canvas, self.app, self.hints)
