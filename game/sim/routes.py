"""Finding a way round benches, pools and pillars for the enemies and the bot.

When the straight line to a goal is clear, walk it. Otherwise a breadth-first distance field over the
floor tiles, computed once per goal tile and kept for the level, gives the next tile to step to.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

SAMPLE = 4 * FP           # spacing of the points checked along a straight line
UNREACHABLE = 1 << 30
LOOKAHEAD = 96 * FP        # how far ahead a straight walk is checked


def _blocked(w: World, x: int, y: int) -> bool:
    px, py = x >> 8, y >> 8
    if px < 0 or py < 0 or px >= w.px_width or py >= w.px_height:
        return True
    return w.solid_rows[py // w.tile][px // w.tile]


def _box_free(w: World, x0: int, y0: int, x1: int, y1: int) -> bool:
    """True when the whole tile rectangle spanned by two points is floor (the usual, cheap case)."""
    t = w.tile
    c0, c1 = (x0 >> 8) // t, (x1 >> 8) // t
    r0, r1 = (y0 >> 8) // t, (y1 >> 8) // t
    if c0 > c1:
        c0, c1 = c1, c0
    if r0 > r1:
        r0, r1 = r1, r0
    if c0 < 0 or r0 < 0 or c1 >= w.cols or r1 >= w.rows:
        return False
    prefix = w.route_prefix
    if not prefix:
        # Per row, how many solid tiles lie left of each column (built once per world).
        for row in w.solid_rows:
            acc = [0]
            for v in row:
                acc.append(acc[-1] + (1 if v else 0))
            prefix.append(acc)
    for r in range(r0, r1 + 1):     # a plain loop: this runs for every walker every few ticks
        row = prefix[r]
        if row[c1 + 1] != row[c0]:
            return False
    return True


def line_clear(w: World, x: int, y: int, gx: int, gy: int, reach: int = LOOKAHEAD) -> bool:
    """True when nothing solid lies on the first ``reach`` of the straight walk to (gx, gy)."""
    dx, dy = gx - x, gy - y
    far = max(abs(dx), abs(dy))
    if far > reach:
        # Only the stretch just ahead matters now; further walls are dealt with when nearer.
        dx, dy = dx * reach // far, dy * reach // far
    if _box_free(w, x, y, x + dx, y + dy):
        return True
    steps = max(abs(dx), abs(dy)) // SAMPLE + 1
    return all(not _blocked(w, x + dx * i // steps, y + dy * i // steps) for i in range(1, steps + 1))


def _field(w: World, col: int, row: int) -> list[int]:
    key = (col, row)
    cached = w.route_fields.get(key)
    if cached is not None:
        return cached
    cols, rows = w.cols, w.rows
    dist = [UNREACHABLE] * (cols * rows)
    solid = w.solid_rows
    q: deque[tuple[int, int]] = deque()
    dist[row * cols + col] = 0
    q.append((col, row))
    while q:
        c, r = q.popleft()
        d = dist[r * cols + c] + 1
        for nc, nr in ((c + 1, r), (c - 1, r), (c, r + 1), (c, r - 1)):
            if 0 <= nc < cols and 0 <= nr < rows and not solid[nr][nc] and dist[nr * cols + nc] > d:
                dist[nr * cols + nc] = d
                q.append((nc, nr))
    w.route_fields[key] = dist
    return dist


def _nearest_free(w: World, col: int, row: int) -> tuple[int, int] | None:
    """The closest walkable tile to a solid one (depth first: goals usually sit on a wall or a bench)."""
    cols, rows = w.cols, w.rows
    for radius in range(1, max(cols, rows)):
        for dc in range(-radius, radius + 1):
            for dr in (-radius, radius, *range(-radius + 1, radius)):
                if max(abs(dc), abs(dr)) != radius:
                    continue
                c, r = col + dc, row + dr
                if 0 <= c < cols and 0 <= r < rows and not w.solid_rows[r][c]:
                    return c, r
    return None


def waypoint(w: World, x: int, y: int, gx: int, gy: int) -> tuple[int, int]:
    """Where to walk next (1/256 px) on the way from (x, y) to (gx, gy)."""
    if line_clear(w, x, y, gx, gy):
        return gx, gy
    t = w.tile
    cols, rows = w.cols, w.rows
    gc, gr = min(max((gx >> 8) // t, 0), cols - 1), min(max((gy >> 8) // t, 0), rows - 1)
    if w.solid_rows[gr][gc]:
        free = _nearest_free(w, gc, gr)
        if free is None:
            return gx, gy
        gc, gr = free
        gx, gy = (gc * t + t // 2) * FP, (gr * t + t // 2) * FP
        if line_clear(w, x, y, gx, gy):
            return gx, gy
    dist = _field(w, gc, gr)
    c, r = (x >> 8) // t, (y >> 8) // t
    if not (0 <= c < cols and 0 <= r < rows):
        return gx, gy
    best, best_d = None, dist[r * cols + c]
    for nc, nr in ((c + 1, r), (c - 1, r), (c, r + 1), (c, r - 1)):
        if 0 <= nc < cols and 0 <= nr < rows and dist[nr * cols + nc] < best_d:
            best, best_d = (nc, nr), dist[nr * cols + nc]
    if best is None:
        return gx, gy
    return (best[0] * t + t // 2) * FP, (best[1] * t + t // 2) * FP
