"""Key prompts: what each button does on this screen, labelled from the player's current bindings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.app import App

#: What the prompts call a pad button (SDL names are terse).
PAD_LABELS = {"dpup": "D-Up", "dpdown": "D-Down", "dpleft": "D-Left", "dpright": "D-Right",
              "leftshoulder": "LB", "rightshoulder": "RB", "leftstick": "LS", "rightstick": "RS"}


#: Keyboard names that read better shorter.
KEY_LABELS = {"return": "ENTER", "right shift": "RSHIFT", "left shift": "LSHIFT", "right ctrl": "RCTRL",
              "left ctrl": "LCTRL", "right alt": "RALT", "left alt": "LALT", "backspace": "BKSP",
              "escape": "ESC", "space": "SPACE"}


def key_label(name: str) -> str:
    """A key name as the screens show it, in capitals ('return' -> 'ENTER')."""
    return KEY_LABELS.get(name, name.upper())


def pad_label(name: str) -> str:
    """A short label for a controller button name."""
    return PAD_LABELS.get(name, name.upper())


def binding_label(app: App, action: str, player: int = 0, device: str = "keys") -> str:
    """The first key (or pad button) bound to ``action`` for ``player``, as a label ('-' if none)."""
    names = app.settings.bindings[player][device].get(action, [])
    if not names:
        return "-"
    return key_label(names[0]) if device == "keys" else pad_label(names[0])


def action_label(app: App, action: str) -> str:
    """Player 1's key for ``action``, plus the pad button when a controller is connected."""
    label = binding_label(app, action)
    if app.input.pads:
        label += "/" + binding_label(app, action, device="pad")
    return label


def hint_text(app: App, pairs: Sequence[tuple[str, str]]) -> str:
    """'Up/Down MOVE  Z SELECT  X BACK' from (action or 'esc' or 'a/b', word) pairs."""
    parts = []
    for what, word in pairs:
        if what == "esc":
            label = "ESC"
        elif "/" in what:
            label = "/".join(action_label(app, a) for a in what.split("/"))
        else:
            label = action_label(app, what)
        parts.append(f"{label} {word}")
    return "  ".join(parts)


def draw_hints(canvas: pygame.Surface, app: App, pairs: Sequence[tuple[str, str]], y: int = 170) -> None:
    """The prompt line at the foot of a screen."""
    from game.ui.text import DIM, shade, small

    font = small()
    text = hint_text(app, pairs)
    # drop the last prompts rather than run off the 320 px canvas
    while font.size(text)[0] > canvas.get_width() - 4 and "  " in text:
        text = text.rsplit("  ", 1)[0]
    w = font.size(text)[0]
    band = pygame.Rect(canvas.get_width() // 2 - w // 2 - 4, y - 1, w + 8, font.height + 2)
    shade(canvas, band, (0, 0, 0, 140))     # readable over a busy level too
    font.draw(canvas, text, canvas.get_width() // 2, y, color=DIM, align="center")
