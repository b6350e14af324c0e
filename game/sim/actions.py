"""Player actions as a bitmask: the one thing a device tells the simulation each tick."""

from __future__ import annotations

from enum import IntFlag


class Action(IntFlag):
    """One bit per logical button; a player's input for one tick is an OR of these."""

    NONE = 0
    LEFT = 1 << 0
    RIGHT = 1 << 1
    UP = 1 << 2
    DOWN = 1 << 3
    PUNCH = 1 << 4
    KICK = 1 << 5
    JUMP = 1 << 6
    SPECIAL = 1 << 7
    START = 1 << 8


#: Names in settings files and replays, in bit order.
ACTION_NAMES: tuple[str, ...] = (
    "left", "right", "up", "down", "punch", "kick", "jump", "special", "start",
)
ALL_ACTIONS = (1 << len(ACTION_NAMES)) - 1


def action_from_name(name: str) -> Action:
    """Return the Action for a settings-file name such as ``"punch"``."""
    try:
        return Action(1 << ACTION_NAMES.index(name))
    except ValueError:
        raise KeyError(f"unknown action {name!r}; valid: {', '.join(ACTION_NAMES)}") from None
