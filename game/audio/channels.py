"""Effect-channel bookkeeping: which channel a new effect gets, so a crowd never turns into noise.

Pygame-free, so the rules are tested without a sound device. Rules, in order:
1. at most ``cap`` copies of one effect: a new copy restarts the oldest one (the newest hit counts);
2. otherwise a free channel;
3. otherwise steal the lowest-priority, oldest effect if it ranks strictly below the new one;
4. otherwise the new effect is dropped.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Playing:
    """What one channel is playing: effect name, priority, start order and stereo gains."""

    name: str
    priority: int
    serial: int
    left: float = 1.0
    right: float = 1.0


class ChannelBook:
    """Tracks ``count`` effect channels and decides where each new effect goes."""

    def __init__(self, count: int) -> None:
        self.slots: list[Playing | None] = [None] * count
        self._serial = 0

    def release_finished(self, busy: Callable[[int], bool]) -> None:
        """Forget channels whose sound has ended (``busy(i)`` asks the real or fake backend)."""
        for i, slot in enumerate(self.slots):
            if slot is not None and not busy(i):
                self.slots[i] = None

    def pick(self, name: str, priority: int, cap: int) -> int | None:
        """Choose a channel for ``name`` and record it there, or None to drop the effect."""
        same = [i for i, s in enumerate(self.slots) if s is not None and s.name == name]
        if len(same) >= max(cap, 1):
            idx: int | None = min(same, key=lambda i: self._serial_of(i))
        else:
            idx = next((i for i, s in enumerate(self.slots) if s is None), None)
            if idx is None:
                victim = min(range(len(self.slots)), key=lambda i: (self._priority_of(i), self._serial_of(i)))
                idx = victim if self._priority_of(victim) < priority else None
        if idx is None:
            return None
        self._serial += 1
        self.slots[idx] = Playing(name, priority, self._serial)
        return idx

    def count_of(self, name: str) -> int:
        """How many channels are playing ``name``."""
        return sum(1 for s in self.slots if s is not None and s.name == name)

    def active(self) -> int:
        """How many channels are in use."""
        return sum(1 for s in self.slots if s is not None)

    def _serial_of(self, i: int) -> int:
        slot = self.slots[i]
        return slot.serial if slot is not None else -1

    def _priority_of(self, i: int) -> int:
        slot = self.slots[i]
        return slot.priority if slot is not None else -1


def pan_gains(screen_x: float, view_width: int = 320) -> tuple[float, float]:
    """Equal-power stereo gains for a sound at ``screen_x`` pixels across the view (kept off the
    extremes, so an effect at the screen edge is still heard in both ears)."""
    pos = min(max(screen_x / view_width, 0.0), 1.0)
    pan = 0.15 + 0.7 * pos
    return math.cos(pan * math.pi / 2), math.sin(pan * math.pi / 2)
