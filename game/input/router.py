"""The input router: pygame events in, one action bitmask per player out, once per logic step.

Held state is tracked from events (not polled), so synthetic events drive it exactly like
real devices. Game controllers use SDL's GameController API and survive unplug and replug:
a pad that comes back takes the first player slot without a pad.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.sim.actions import ACTION_NAMES, Action, action_from_name
from game.store.files import warn
from game.store.settings import Settings

PAD_BUTTONS: dict[str, int] = {
    "a": pygame.CONTROLLER_BUTTON_A, "b": pygame.CONTROLLER_BUTTON_B,
    "x": pygame.CONTROLLER_BUTTON_X, "y": pygame.CONTROLLER_BUTTON_Y,
    "back": pygame.CONTROLLER_BUTTON_BACK, "guide": pygame.CONTROLLER_BUTTON_GUIDE,
    "start": pygame.CONTROLLER_BUTTON_START,
    "leftstick": pygame.CONTROLLER_BUTTON_LEFTSTICK, "rightstick": pygame.CONTROLLER_BUTTON_RIGHTSTICK,
    "leftshoulder": pygame.CONTROLLER_BUTTON_LEFTSHOULDER,
    "rightshoulder": pygame.CONTROLLER_BUTTON_RIGHTSHOULDER,
    "dpup": pygame.CONTROLLER_BUTTON_DPAD_UP, "dpdown": pygame.CONTROLLER_BUTTON_DPAD_DOWN,
    "dpleft": pygame.CONTROLLER_BUTTON_DPAD_LEFT, "dpright": pygame.CONTROLLER_BUTTON_DPAD_RIGHT,
}
PAD_BUTTON_NAMES = {v: k for k, v in PAD_BUTTONS.items()}
STICK_DEADZONE = 16000


def key_code(name: str) -> int | None:
    """The pygame key code for a settings-file key name, or None if unknown."""
    try:
        return pygame.key.key_code(name)
    except (ValueError, pygame.error):
        return None


def key_label(name: str) -> str:
    """A short label for a key or button name, for menus and hints."""
    return name.upper() if len(name) <= 2 else name.title()


@dataclass(slots=True)
class Pad:
    """One connected game controller and what it is holding."""

    instance_id: int
    player: int
    buttons: set[int] = field(default_factory=set)
    stick_x: int = 0
    stick_y: int = 0
    device: object = None


class InputRouter:
    """Turns keyboard and controller events into per-player action bits."""

    def __init__(self, settings: Settings, players: int = 1) -> None:
        self.players = players
        self.keys_down: set[int] = set()
        # Keys and buttons pressed since the last frame: a tap shorter than one step still counts.
        self.tapped_keys: set[int] = set()
        self.tapped_buttons: set[tuple[int, int]] = set()
        self.pads: dict[int, Pad] = {}
        self.pause_pressed = False
        self._prev = [0, 0]
        self._edges = [0, 0]
        self.apply_settings(settings)

    # -- configuration -------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        """Rebuild key and button maps from the settings (applies at once)."""
        self.keymap: dict[int, list[tuple[int, int]]] = {}
        self.padmap: list[dict[int, int]] = [{}, {}]
        for player, binding in enumerate(settings.bindings[:2]):
            for action in ACTION_NAMES:
                bit = int(action_from_name(action))
                for name in binding["keys"].get(action, []):
                    code = key_code(name)
                    if code is None:
                        warn(f"settings: unknown key {name!r} for player {player + 1} {action}; ignored")
                        continue
                    self.keymap.setdefault(code, []).append((player, bit))
                for name in binding["pad"].get(action, []):
                    if name in PAD_BUTTONS:
                        self.padmap[player][PAD_BUTTONS[name]] = (
                            self.padmap[player].get(PAD_BUTTONS[name], 0) | bit)

    def set_players(self, players: int) -> None:
        """One player: every keyboard binding drives player 1. Two: each their own.

        Whatever is held at the change counts as already down for its new owner, so the START that
        brought player 2 in is not read again as player 2 pressing START (which would pause).
        """
        if players != self.players:
            self.players = players
            self._prev = self._bits(self.keys_down, {p.instance_id: p.buttons for p in self.pads.values()})

    # -- events ----------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Feed one pygame event."""
        t = event.type
        if t == pygame.KEYDOWN:
            self.keys_down.add(event.key)
            self.tapped_keys.add(event.key)
            if event.key == pygame.K_ESCAPE:
                self.pause_pressed = True
        elif t == pygame.KEYUP:
            self.keys_down.discard(event.key)
        elif t == pygame.CONTROLLERDEVICEADDED:
            self._open_pad(event.device_index)
        elif t == pygame.CONTROLLERDEVICEREMOVED:
            self.detach_pad(event.instance_id)
        elif t in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            pad = self.pads.get(event.instance_id)
            if pad is not None:
                if t == pygame.CONTROLLERBUTTONDOWN:
                    pad.buttons.add(event.button)
                    self.tapped_buttons.add((event.instance_id, event.button))
                else:
                    pad.buttons.discard(event.button)
        elif t == pygame.CONTROLLERAXISMOTION:
            pad = self.pads.get(event.instance_id)
            if pad is not None:
                if event.axis == pygame.CONTROLLER_AXIS_LEFTX:
                    pad.stick_x = event.value
                elif event.axis == pygame.CONTROLLER_AXIS_LEFTY:
                    pad.stick_y = event.value
        elif t in (pygame.WINDOWFOCUSLOST, getattr(pygame, "WINDOWMINIMIZED", -1)):
            self.release_all()

    def _open_pad(self, device_index: int) -> None:
        try:
            from pygame._sdl2 import controller

            dev = controller.Controller(device_index)
            instance_id = dev.as_joystick().get_instance_id()
        except Exception as e:  # a device SDL cannot open: keep playing without it
            warn(f"could not open game controller {device_index} ({e})")
            return
        self.attach_pad(instance_id, dev)

    def attach_pad(self, instance_id: int, device: object = None) -> int:
        """Give a newly connected pad the first player slot without one; returns that slot."""
        if instance_id in self.pads:
            return self.pads[instance_id].player
        taken = {p.player for p in self.pads.values()}
        player = next((i for i in (0, 1) if i not in taken), 0)
        self.pads[instance_id] = Pad(instance_id, player, device=device)
        return player

    def detach_pad(self, instance_id: int) -> None:
        """Forget an unplugged pad and everything it was holding."""
        self.pads.pop(instance_id, None)

    def release_all(self) -> None:
        """Drop every held key and button (focus lost: nothing may stay stuck)."""
        self.keys_down.clear()
        self.tapped_keys.clear()
        self.tapped_buttons.clear()
        for pad in self.pads.values():
            pad.buttons.clear()
            pad.stick_x = pad.stick_y = 0

    # -- per-step output ---------------------------------------------------------
    def frame(self) -> tuple[int, ...]:
        """The action bits of each player for this logic step (call once per step)."""
        buttons = {iid: set(pad.buttons) for iid, pad in self.pads.items()}
        for iid, button in self.tapped_buttons:
            buttons.setdefault(iid, set()).add(button)
        bits = self._bits(self.keys_down | self.tapped_keys, buttons)
        self.tapped_keys.clear()
        self.tapped_buttons.clear()
        self._edges = [b & ~p for b, p in zip(bits, self._prev, strict=True)]
        self._prev = bits
        return tuple(bits[: self.players])

    def _bits(self, keys: set[int], buttons: dict[int, set[int]]) -> list[int]:
        """Action bits of both players from these keys and each pad's buttons (plus sticks)."""
        bits = [0, 0]
        for code in keys:
            for player, bit in self.keymap.get(code, ()):
                bits[0 if self.players == 1 else player] |= bit
        for pad in self.pads.values():
            slot = 0 if self.players == 1 else pad.player
            for button in buttons.get(pad.instance_id, ()):
                bits[slot] |= self.padmap[pad.player].get(button, 0)
            if pad.stick_x <= -STICK_DEADZONE:
                bits[slot] |= Action.LEFT
            elif pad.stick_x >= STICK_DEADZONE:
                bits[slot] |= Action.RIGHT
            if pad.stick_y <= -STICK_DEADZONE:
                bits[slot] |= Action.UP
            elif pad.stick_y >= STICK_DEADZONE:
                bits[slot] |= Action.DOWN
        return bits

    def pressed(self, player: int | None = None) -> int:
        """Bits that went down at the last :meth:`frame` (menus use these); ``None`` = any player."""
        if player is None:
            return self._edges[0] | self._edges[1]
        return self._edges[player]

    def take_pause(self) -> bool:
        """True once after Esc was pressed."""
        was, self.pause_pressed = self.pause_pressed, False
        return was
