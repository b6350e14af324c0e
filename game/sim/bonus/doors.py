"""Door gallery: a wall of bus-station lockers; doors fly open; shoot the gunmen, spare everyone else.

Twelve doors open one after another over about twenty seconds, each for a moment that gets shorter.
In each stands a gunman, a civilian or Ridzik. The crosshair moves with the directions; punch or
special fires (a short cooldown between shots). A gunman not shot before his door's time is up fires
back (it costs nothing but the perfect run). Every gunman down and nobody else hit: perfect; at least
``pass_pct`` percent of the gunmen and at most one innocent hit: passed; else failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.bonus.base import (
    DOOR_OPEN,
    DOOR_SHUT,
    DOWN,
    DOWNED,
    FIRE,
    FOUL,
    LEFT,
    MISS,
    PUNCH,
    RIGHT,
    SCREEN_H,
    SCREEN_W,
    SHOT_AT,
    SPECIAL,
    UP,
    BonusGame,
)

COLS, ROWS = 6, 2
DOOR_W, DOOR_H = 40, 70
FIG_HALF_W, FIG_HALF_H = 10, 28       # the figure standing in an open door
SHUT_AFTER = 24                        # a downed figure's door shuts this long after the shot
FIELD = (8, 22, SCREEN_W - 8, SCREEN_H - 8)
FIGURES = ("gunman", "civilian", "ridzik")


def door_centre(door: int) -> tuple[int, int]:
    """Centre of a locker door (0..11, left to right, top row first)."""
    c, r = door % COLS, door // COLS
    return 40 + 48 * c, 58 + 72 * r


@dataclass(slots=True)
class Opening:
    """One door opening: where, who, when; ``state`` pending, open, down (shot), fouled, gone."""

    door: int
    who: str
    start: int        # play ticks
    end: int
    state: str = "pending"
    shot_at: int = -1     # play tick of the shot that hit

    def key(self) -> tuple[int | str, ...]:
        """For the state hash."""
        return (self.door, self.who, self.start, self.end, self.state, self.shot_at)

    def figure_box(self) -> tuple[int, int, int, int]:
        """x0, y0, x1, y1 of the figure (inclusive)."""
        x, y = door_centre(self.door)
        return x - FIG_HALF_W, y + 2 - FIG_HALF_H, x + FIG_HALF_W, y + 2 + FIG_HALF_H

    def hit_by(self, px: int, py: int) -> bool:
        """Does a shot at (px, py) hit the figure?"""
        x0, y0, x1, y1 = self.figure_box()
        return x0 <= px <= x1 and y0 <= py <= y1


class DoorsGame(BonusGame):
    """Twelve doors, a crosshair, a steady hand."""

    name = "doors"
    title = "DOOR GALLERY"

    def __init__(self, seed: int, index: int = 0) -> None:
        super().__init__(seed, index)
        self.cx, self.cy = SCREEN_W // 2, 94
        self.cooldown = 0
        self.fouls = 0
        self.downed = 0
        self.shot_at = 0
        self.openings = self._schedule()
        self.gunmen = sum(o.who == "gunman" for o in self.openings)
        self._limit = max(o.end for o in self.openings) + SHUT_AFTER

    def _schedule(self) -> list[Opening]:
        t = self.t
        n = int(t["openings"])
        lo, hi = t["gunmen"]
        g = int(self.rng.integers(lo, hi + 1))
        rest = ["ridzik"] + ["civilian"] * (n - g - 1)
        whos = ["gunman"] * g + rest
        order = [whos[int(i)] for i in self.rng.permutation(n)]
        if order[0] != "gunman":       # the first door always shows what to shoot
            j = order.index("gunman")
            order[0], order[j] = order[j], order[0]
        busy_until = [0] * (COLS * ROWS)
        out: list[Opening] = []
        last_door = -1
        for k in range(n):
            jitter = int(self.rng.integers(-t["jitter"], t["jitter"] + 1))
            start = int(t["first"]) + k * int(t["spacing"]) + jitter
            start = max(int(t["first"]), start)
            dur = int(t["open_first"]) + (int(t["open_last"]) - int(t["open_first"])) * k // max(1, n - 1)
            free = [d for d in range(COLS * ROWS) if busy_until[d] <= start and d != last_door]
            door = int(free[int(self.rng.integers(0, len(free)))])
            busy_until[door] = start + dur + SHUT_AFTER + 10
            last_door = door
            out.append(Opening(door, order[k], start, start + dur))
        return out

    @property
    def time_limit(self) -> int:
        """Until the last door has shut."""
        return self._limit

    def open_now(self) -> list[Opening]:
        """Doors open with someone standing (shootable)."""
        return [o for o in self.openings if o.state == "open"]

    def play(self, bits: int, pressed: int) -> None:
        """Doors open and close, the crosshair moves, shots are fired."""
        now = self.play_tick
        for o in self.openings:
            if o.state == "pending" and now >= o.start:
                o.state = "open"
                x, y = door_centre(o.door)
                self.emit(DOOR_OPEN, value=o.door, tag=o.who, x=x, y=y)
            elif o.state == "open" and now >= o.end:
                o.state = "gone"
                x, y = door_centre(o.door)
                if o.who == "gunman":
                    self.shot_at += 1
                    self.emit(SHOT_AT, value=o.door, x=x, y=y)
                self.emit(DOOR_SHUT, value=o.door, x=x, y=y)
            elif o.state in ("down", "fouled") and now >= o.shot_at + SHUT_AFTER:
                o.state = "gone"
                x, y = door_centre(o.door)
                self.emit(DOOR_SHUT, value=o.door, x=x, y=y)
        sp = int(self.t["crosshair_speed"])
        dx = (1 if bits & RIGHT else 0) - (1 if bits & LEFT else 0)
        dy = (1 if bits & DOWN else 0) - (1 if bits & UP else 0)
        x0, y0, x1, y1 = FIELD
        self.cx = max(x0, min(x1, self.cx + dx * sp))
        self.cy = max(y0, min(y1, self.cy + dy * sp))
        if self.cooldown > 0:
            self.cooldown -= 1
        elif pressed & (PUNCH | SPECIAL):
            self._fire(now)
        if all(o.state == "gone" for o in self.openings):
            self.finish(self.outcome())

    def _fire(self, now: int) -> None:
        self.cooldown = int(self.t["cooldown"])
        self.emit(FIRE, x=self.cx, y=self.cy)
        for o in self.open_now():
            if not o.hit_by(self.cx, self.cy):
                continue
            o.shot_at = now
            if o.who == "gunman":
                o.state = "down"
                self.downed += 1
                quick = now - o.start <= self.t["quick"]
                self.score += int(self.t["gunman_points"]) + (int(self.t["quick_points"]) if quick else 0)
                self.emit(DOWNED, value=o.door, strength=int(quick), x=self.cx, y=self.cy)
            else:
                o.state = "fouled"
                self.fouls += 1
                self.score = max(0, self.score - int(self.t["innocent_penalty"]))
                self.emit(FOUL, value=o.door, tag=o.who, x=self.cx, y=self.cy)
            return
        self.emit(MISS, x=self.cx, y=self.cy)

    def outcome(self) -> str:
        """Perfect: every gunman, no innocent; passed: enough gunmen and at most one innocent."""
        if self.downed == self.gunmen and self.fouls == 0:
            return "perfect"
        if self.downed * 100 >= self.t["pass_pct"] * self.gunmen and self.fouls <= 1:
            return "passed"
        return "failed"

    def quality(self) -> int:
        """Gunmen down, less a quarter for each innocent hit."""
        return max(0, 100 * self.downed // max(1, self.gunmen) - 25 * self.fouls)

    def key(self) -> tuple:
        """State for the hash."""
        return (self.cx, self.cy, self.cooldown, self.fouls, self.downed, self.shot_at,
                tuple(o.key() for o in self.openings))
