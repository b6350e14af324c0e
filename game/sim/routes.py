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


def _solid_counts(w: World) -> list[list[int]]:
    """``s[r][c]``: how many solid tiles lie above row ``r`` and left of column ``c`` (built once per world),
    so the solid tiles of any rectangle are counted with four look-ups."""
    table = w.route_prefix
    if not table:
        table.append([0] * (w.cols + 1))
        for row in w.solid_rows:
            above, line, acc = table[-1], [0], 0
            for c, v in enumerate(row):
                acc += 1 if v else 0
                line.append(above[c + 1] + acc)
            table.append(line)
    return table


def line_clear(w: World, x: int, y: int, gx: int, gy: int, reach: int = LOOKAHEAD) -> bool:
    """True when nothing solid lies on the first ``reach`` of the straight walk to (gx, gy)."""
    dx, dy = gx - x, gy - y
    if not (-reach <= dx <= reach and -reach <= dy <= reach):
        # Only the stretch just ahead matters now; further walls are dealt with when nearer.
        far = max(abs(dx), abs(dy))
        dx, dy = dx * reach // far, dy * reach // far
    # The usual, cheap case (this runs for every walker every few ticks): the whole tile rectangle
    # spanned by the walk is floor.
    t = w.tile * FP     # a tile in 1/256 px
    c0, c1 = x // t, (x + dx) // t
    r0, r1 = y // t, (y + dy) // t
    if c0 > c1:
        c0, c1 = c1, c0
    if r0 > r1:
        r0, r1 = r1, r0
    if c0 >= 0 and r0 >= 0 and c1 < w.cols and r1 < w.rows:
        s = w.route_prefix or _solid_counts(w)
        if s[r1 + 1][c1 + 1] - s[r0][c1 + 1] - s[r1 + 1][c0] + s[r0][c0] == 0:
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
