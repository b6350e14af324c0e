"""The beat-'em-up camera: follows the rules' scroll edge, never scrolls back, stops at wave locks, shakes.

The rules keep the edge of the view (``World.scroll_x``): it only moves forward, stops at wave locks
and keeps the players inside the view, so the camera shows exactly that edge, interpolated between
steps, and never anything left of it. Without an edge (a bare camera) it follows the players itself.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

#: How far across the view the players' midpoint sits: a little left of centre, to see what is coming.
FOLLOW_AT = 0.42
#: Fraction of the remaining distance covered per 60 Hz step (a soft, quick follow).
FOLLOW_RATE = 0.14
#: Screen-shake amplitude in pixels per hit strength (1 light .. 3 heavy); light hits do not shake.
SHAKE_BY_STRENGTH = {1: 0.0, 2: 1.5, 3: 3.0}
SHAKE_DECAY = 0.82


class Camera:
    """The left/top edge of the view in level pixels, moved once per logic step.

    The camera is presentation only: it reads the scroll edge, player positions and ``camera_lock`` from
    the world and never feeds anything back. Shake uses its own random stream.
    """

    def __init__(self, view_w: int, view_h: int, level_w: int, level_h: int,
                 bounds: tuple[int, int, int, int] | None = None, seed: int = 7) -> None:
        self.view_w, self.view_h = view_w, view_h
        bx, by, bw, bh = bounds if bounds is not None else (0, 0, level_w, level_h)
        self.min_x, self.max_x = bx, max(bx, bx + bw - view_w)
        self.min_y, self.max_y = by, max(by, by + bh - view_h)
        self.x = float(self.min_x)
        self.prev_x = self.x
        self.y = self._rest_y()
        self.reached = self.x           # the furthest left edge shown so far: never scroll back past it
        self.shake = 0.0
        self.shake_dx = 0
        self.shake_dy = 0
        self._rng = random.Random(seed)
        self.placed = False        # the first update snaps to the players instead of easing

    def _rest_y(self) -> int:
        # maps are 192 px tall for a 180 px view: show the floor band whole, lose a little ceiling
        return self.max_y if self.max_y - self.min_y <= 16 else self.min_y

    # -- following ---------------------------------------------------------------------
    def target_for(self, xs: Iterable[int]) -> float | None:
        """The left edge that puts the players' midpoint at ``FOLLOW_AT`` of the view (None: no players)."""
        xs = list(xs)
        if not xs:
            return None
        mid = (min(xs) + max(xs)) / 2
        return mid - self.view_w * FOLLOW_AT

    def clamp(self, x: float, lock: tuple[int, int] | None, ease_in: bool = True) -> float:
        """Keep a left edge inside the level bounds, the lock, and right of what was passed.

        With ``ease_in`` the lock's left edge is a goal too; without it only its right edge holds,
        so a lock ahead of the view is reached by easing rather than a jump.
        """
        lo, hi = float(self.min_x), float(self.max_x)
        if lock is not None:
            left, right = lock
            hi = min(hi, max(lo, float(right - self.view_w)))
            if ease_in:
                lo = max(lo, min(float(left), hi))
        # what was passed stays passed, even when a lock is drawn a few pixels behind the view
        floor = min(self.reached, float(self.max_x))
        lo, hi = max(lo, floor), max(hi, floor)
        return min(max(x, lo), hi)

    def update(self, player_xs: Iterable[int], lock: tuple[int, int] | None, edge: int | None = None) -> None:
        """One step: follow the rules' scroll ``edge`` (else ease to the players), respect the lock, shake.

        ``edge`` is ``World.scroll_x``: the view never shows left of it. It only grows, so following it
        never scrolls back; when the camera is ahead of it (after a reload) it eases back onto it.
        """
        self.prev_x = self.x
        if edge is not None:
            goal = min(max(float(edge), float(self.min_x)), float(self.max_x))
            if not self.placed:
                self.x = self.prev_x = goal
                self.placed = True
            elif self.x <= goal:
                # the rules already ease the edge in whole pixels; the view interpolates between steps
                self.x = goal
            else:
                step = (goal - self.x) * FOLLOW_RATE
                self.x = goal if abs(goal - self.x) < 0.25 else self.x + step
            self.reached = self.x
            self._update_shake()
            return
        target = self.target_for(player_xs)
        if target is not None:
            goal = self.clamp(target, lock)
            if not self.placed:
                self.x = self.prev_x = goal
                self.placed = True
            else:
                step = (goal - self.x) * FOLLOW_RATE
                # finish the last fraction of a pixel instead of creeping forever
                self.x = goal if abs(goal - self.x) < 0.25 else self.x + step
        self.x = self.clamp(self.x, lock, ease_in=False)
        self.reached = max(self.reached, self.x)
        self._update_shake()

    def _update_shake(self) -> None:
        if self.shake < 0.3:
            self.shake, self.shake_dx, self.shake_dy = 0.0, 0, 0
            return
        amp = self.shake
        self.shake_dx = round(self._rng.uniform(-amp, amp))
        self.shake_dy = round(self._rng.uniform(-amp, amp) * 0.6)
        self.shake *= SHAKE_DECAY

    def kick(self, strength: int) -> None:
        """Start (or strengthen) a shake for a hit of ``strength`` 1..3."""
        self.shake = max(self.shake, SHAKE_BY_STRENGTH.get(strength, 3.0))

    # -- reading -------------------------------------------------------------------------
    @property
    def left(self) -> int:
        """The left edge in whole level pixels as of the last step (no shake)."""
        return round(self.x)

    def view(self, alpha: float) -> tuple[int, int]:
        """The top-left corner to draw from, interpolated between steps, with shake."""
        x = self.prev_x + (self.x - self.prev_x) * alpha
        return round(x) + self.shake_dx, int(self.y) + self.shake_dy


def player_xs(world: World) -> list[int]:
    """Whole-pixel x of every living player character in the world."""
    by_id = {e.eid: e for e in world.entities}
    xs = []
    for slot in world.slots:
        e = by_id.get(slot.eid)
        if e is not None and e.alive:
            xs.append(e.x // FP)
    return xs
