"""A player's running combo: hits landed in a row and the points they earned, for the HUD's combo counter.

The world keeps one :class:`Combo` per player, ``world.combos[slot_index]`` (same order as
``world.slots``). Every hit a player lands (a bullet or a thrown body counts for its owner) calls
:meth:`Combo.add`; a hit within ``rules.json``'s ``combo_score_window`` ticks of the previous one
extends the combo, otherwise a new one starts at 1. Each step ``Combo.tick`` counts the window down.

Read by presentation:

- ``hits``: hits in the current combo (0 once it has ended and the counter should go);
- ``points``: the points those hits earned together (hit points plus the combo bonus);
- ``ticks_left``: ticks before the combo ends unless another hit lands (0: ended).

Each hit also emits a ``combo`` event (``value`` = hits so far, ``actor`` = the player's entity,
``target`` = the victim, ``x``/``y`` = the victim's feet). The matching ``score`` event of a hit carries
``tag="combo"`` so the points can be shown on the counter instead of as a floating pop-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Combo:
    """One player's combo record (see the module docstring)."""

    hits: int = 0
    points: int = 0
    ticks_left: int = 0

    def add(self, points: int, window: int) -> int:
        """A hit landed worth ``points``; returns the hit's place in the combo (1 = a new combo)."""
        if self.ticks_left > 0 and self.hits > 0:
            self.hits += 1
            self.points += points
        else:
            self.hits, self.points = 1, points
        self.ticks_left = window
        return self.hits

    def add_points(self, points: int) -> None:
        """Points that belong to the running combo (the bonus of its latest hit)."""
        self.points += points

    def tick(self) -> None:
        """One step passed: the window shrinks; at zero the combo is over."""
        if self.ticks_left > 0:
            self.ticks_left -= 1
            if self.ticks_left == 0:
                self.hits, self.points = 0, 0

    def key(self) -> tuple[int, int, int]:
        """Fields for the state hash."""
        return (self.hits, self.points, self.ticks_left)
