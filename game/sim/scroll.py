"""The scroll edge: the left edge of the 320 px view as the rules see it, a wall that only moves forward.

The edge follows the players forward (their midpoint a little left of centre, as a camera would),
easing in whole px and at most ``SCROLL_SPEED`` px a tick; it never passes the rear player (both
players stay in view), stops at a wave's camera lock, and stays inside the level. It never moves
back: what was cleared stays behind. Players are kept ``SCREEN_MARGIN`` px inside the view
(see :meth:`World.player_bounds`); enemies may still walk in from off screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.fixed import FP, clamp

if TYPE_CHECKING:
    from game.sim.entities import Entity
    from game.sim.world import World

VIEW_W = 320              # the canvas width the camera shows
SCREEN_MARGIN = 12        # px a player's feet stay inside either edge of the view
FOLLOW_AT = 134           # px from the view's left edge where the players' midpoint is held (~42 %)
SCROLL_SPEED = 4          # px per tick at most: a lock opening glides rather than jumps


def edge_range(w: World) -> tuple[int, int]:
    """The lowest and highest scroll edge the level allows (its camera bounds, else the whole map)."""
    b = w.level.camera_bounds
    lo, width = (b.x, b.w) if b is not None else (0, w.px_width)
    lo = max(0, lo)
    hi = max(lo, min(lo + width, w.px_width) - VIEW_W)
    return lo, hi


def _in_view(w: World) -> list[Entity]:
    """The player characters the view must keep: everyone still in the game (lying or respawning too)."""
    return [w.by_id[s.eid] for s in w.slots if not s.out and s.eid in w.by_id]


def goal(w: World) -> int | None:
    """Where the edge would like to be this tick (None: nobody to follow)."""
    players = _in_view(w)
    if not players:
        return None
    xs = [p.x // FP for p in players]
    xs.sort()
    rear, front = xs[0], xs[-1]
    target = (rear + front) // 2 - FOLLOW_AT
    if w.lock is not None:
        lo, hi = w.lock
        target = clamp(target, lo, hi - VIEW_W)
    lo, hi = edge_range(w)     # lo <= hi
    # The rear player must stay in view: the edge waits for them.
    wait = rear - SCREEN_MARGIN
    return clamp(target if target < wait else wait, lo, hi)


def start(w: World) -> None:
    """Place the edge on the players at the start of the level."""
    g = goal(w)
    w.scroll_x = g if g is not None else edge_range(w)[0]


def advance(w: World) -> None:
    """One tick: the edge eases towards its goal (a quarter of the way, whole px), forward only."""
    g = goal(w)
    if g is not None and g > w.scroll_x:
        w.scroll_x += min(SCROLL_SPEED, (g - w.scroll_x + 3) // 4)


def bounds(w: World) -> tuple[int, int]:
    """Where a player's feet may be (1/256 px): inside the view, the lock and the level."""
    lo = max(4, w.scroll_x + SCREEN_MARGIN)
    hi = min(w.px_width - 4, w.scroll_x + VIEW_W - SCREEN_MARGIN)
    if w.lock is not None:
        llo, lhi = w.lock[0] + SCREEN_MARGIN, w.lock[1] - SCREEN_MARGIN
        if max(lo, llo) <= min(hi, lhi):
            lo, hi = max(lo, llo), min(hi, lhi)
        else:
            lo, hi = llo, lhi   # a lock beside the view (entered from an odd side): the lock rules
    return lo * FP, max(lo, hi) * FP


def clamp_x(w: World, x: int) -> int:
    """A 1/256 px x brought inside the players' bounds."""
    lo, hi = bounds(w)
    return min(max(x, lo), hi)
