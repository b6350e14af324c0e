"""Controls: remap each player's keys and pad buttons. Press the new key; conflicts are refused or swapped."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.input.router import PAD_BUTTON_NAMES
from game.scenes.screen import Screen
from game.sim.actions import ACTION_NAMES
from game.store.settings import default_bindings
from game.ui.backdrop import moscow_night
from game.ui.hints import key_label, pad_label
from game.ui.menu import Menu, MenuItem
from game.ui.text import GOLD, RED, WHITE, panel, small, title

if TYPE_CHECKING:
    from game.app import App

#: Keys the game keeps for itself: pause/back, reload, fullscreen, screenshot.
RESERVED_KEYS = frozenset({"escape", "f5", "f11", "f12"})
PAGES = ((0, "keys"), (0, "pad"), (1, "keys"), (1, "pad"))
DEVICE_NAMES = {"keys": "KEYBOARD", "pad": "GAMEPAD"}


def find_binding(bindings: list, device: str, name: str, player: int) -> tuple[int, str] | None:
    """Who uses ``name`` now: (player, action), or None. Keys are shared by both players; pads are not."""
    players = range(len(bindings)) if device == "keys" else (player,)
    for p in players:
        for action, names in bindings[p][device].items():
            if name in names:
                return p, action
    return None


class ControlsScene(Screen):
    """One page per player and device: pick an action, press the new key or button."""

    hints = (("up/down", "MOVE"), ("left/right", "PAGE"), ("punch", "CHANGE"), ("kick", "BACK"))

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.page = 0
        self.waiting: str | None = None      # the action waiting for a key
        self.pending: str | None = None      # a conflicting key pressed once; again = swap
        self.message = ""
        self.message_color = WHITE
        self.swallow = False                 # a captured press must not also act as a menu press
        items = [MenuItem("DEVICE", value=self.page_name, on_adjust=self.turn_page, key="page")]
        items += [MenuItem(a.upper(), lambda a=a: self.start_capture(a), value=lambda a=a: self.label_of(a),
                           key=a) for a in ACTION_NAMES]
        items += [MenuItem("RESET TO DEFAULTS", self.reset, key="reset"), MenuItem("BACK", self.go_back,
                                                                                     key="back")]
        self.menu = Menu(items, 78, 30, spacing=10, value_x=242)

    # -- what is shown ---------------------------------------------------------------
    @property
    def player(self) -> int:
        """The player whose page is shown (0 or 1)."""
        return PAGES[self.page][0]

    @property
    def device(self) -> str:
        """'keys' or 'pad'."""
        return PAGES[self.page][1]

    def page_name(self) -> str:
        """'< P1 KEYBOARD >'."""
        return f"< P{self.player + 1} {DEVICE_NAMES[self.device]} >"

    def label(self, name: str) -> str:
        """A key or button name as shown."""
        return key_label(name) if self.device == "keys" else pad_label(name)

    def label_of(self, action: str) -> str:
        """What ``action`` is bound to on this page ('...' while waiting for it)."""
        if self.waiting == action:
            return "PRESS..." if self.ticks // 15 % 2 == 0 else ""
        names = self.app.settings.bindings[self.player][self.device].get(action, [])
        return ", ".join(self.label(n) for n in names) or "-"

    def turn_page(self, delta: int) -> None:
        """Next or previous player/device page."""
        self.page = (self.page + delta) % len(PAGES)
        self.message = ""

    # -- capturing ------------------------------------------------------------------
    def start_capture(self, action: str) -> None:
        """Wait for the next key (or pad button) for ``action``."""
        self.waiting, self.pending = action, None
        what = "KEY" if self.device == "keys" else "BUTTON"
        self.say(f"PRESS A {what} FOR {action.upper()}  (ESC CANCELS)", GOLD)

    def say(self, text: str, color: tuple = WHITE) -> None:
        """The message line under the list."""
        self.message, self.message_color = text, color

    def handle(self, event: pygame.event.Event) -> None:
        """While waiting, the next key or button press is the new binding."""
        if self.waiting is None:
            super().handle(event)
            return
        name = None
        if self.device == "keys" and event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return   # cancel comes through as back in act()
            name = pygame.key.name(event.key)
        elif self.device == "pad" and event.type == pygame.CONTROLLERBUTTONDOWN:
            name = PAD_BUTTON_NAMES.get(event.button)
        if name:
            self.swallow = True
            self.offer(name)

    def offer(self, name: str) -> None:
        """Bind ``name`` to the waiting action, refuse it with a message, or swap on a second press."""
        action = self.waiting
        assert action is not None
        bindings = self.app.settings.bindings
        if self.device == "keys" and name in RESERVED_KEYS:
            self.say(f"{key_label(name)} IS RESERVED; PICK ANOTHER", RED)
            self.sfx("menu_back")
            return
        owner = find_binding(bindings, self.device, name, self.player)
        if owner is not None and owner != (self.player, action):
            o_player, o_action = owner
            if self.pending == name:
                # the player insists: the other action takes over this action's old keys
                mine = bindings[self.player][self.device].get(action, [])
                theirs = bindings[o_player][self.device][o_action]
                theirs[:] = [n for n in theirs if n != name] + [n for n in mine if n not in theirs]
                self.bind(action, name, f"SWAPPED WITH P{o_player + 1} {o_action.upper()}")
                return
            self.pending = name
            self.say(f"{self.label(name)} IS P{o_player + 1} {o_action.upper()}. AGAIN TO SWAP", RED)
            self.sfx("menu_back")
            return
        self.bind(action, name, f"{action.upper()} = {self.label(name)}")

    def bind(self, action: str, name: str, message: str) -> None:
        """Store the binding, apply it at once and save."""
        self.app.settings.bindings[self.player][self.device][action] = [name]
        self.waiting = self.pending = None
        self.apply()
        self.say(message, GOLD)
        self.sfx("menu_select")

    def reset(self) -> None:
        """This page's player and device back to the defaults."""
        self.app.settings.bindings[self.player][self.device] = default_bindings(self.player)[self.device]
        self.apply()
        self.say(f"P{self.player + 1} {DEVICE_NAMES[self.device]} RESET TO DEFAULTS", GOLD)

    def apply(self) -> None:
        """Use the new bindings now and save them."""
        self.app.input.apply_settings(self.app.settings)
        self.app.save_settings()

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Menu navigation, except while a key is being captured."""
        if self.swallow:
            self.swallow = False
            return
        if self.waiting is not None:
            if back:
                self.waiting = self.pending = None
                self.say("CANCELLED")
                self.sfx("menu_back")
            return
        super().act(pressed, held, back)

    # -- drawing -------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The page's actions and bindings, the message line, the prompts."""
        canvas.blit(moscow_night(), (0, 0))
        panel(canvas, pygame.Rect(56, 2, 208, 166))
        title().draw(canvas, "CONTROLS", 160, 6, align="center")
        self.menu.draw(canvas)
        if self.message:
            small().draw(canvas, self.message, 160, 159, color=self.message_color, align="center")
        self.draw_hints(canvas)
