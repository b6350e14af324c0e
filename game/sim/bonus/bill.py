"""Torn dollar bill: eight torn pieces, scattered and turned; put the bill back together in time.

A hand (the cursor) moves with the directions. Punch picks up the piece under it (the top one) and
punch again puts it down; kick turns the held piece a quarter clockwise, jump a quarter back. A held
piece that comes within ``snap`` pixels of its place the right way up snaps in and stays. All pieces
in place: passed; with ``perfect_left`` ticks or more to spare: perfect. Time out: failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.bonus.base import (
    DOWN,
    DROP,
    JUMP,
    KICK,
    LEFT,
    PICK,
    PUNCH,
    RIGHT,
    SCREEN_H,
    SCREEN_W,
    SNAP,
    TURN,
    UP,
    BonusGame,
)

COLS, ROWS = 4, 2
PIECE_W, PIECE_H = 40, 36
BOARD_X, BOARD_Y = 80, 64              # top-left of where the bill goes
BOARD_W, BOARD_H = COLS * PIECE_W, ROWS * PIECE_H
FIELD = (20, 30, SCREEN_W - 20, SCREEN_H - 14)   # where pieces and the hand may be (x0, y0, x1, y1)


@dataclass(slots=True)
class Piece:
    """One torn piece: its place on the bill, where it lies and how far it is turned."""

    index: int
    tx: int          # centre of its place
    ty: int
    x: int           # centre now
    y: int
    turns: int       # quarter turns clockwise away from right way up (0..3)
    placed: bool = False

    def half(self) -> tuple[int, int]:
        """Half width and height as it lies now."""
        return (PIECE_W // 2, PIECE_H // 2) if self.turns % 2 == 0 else (PIECE_H // 2, PIECE_W // 2)

    def contains(self, px: int, py: int) -> bool:
        """Is the point on the piece?"""
        hw, hh = self.half()
        return abs(px - self.x) <= hw and abs(py - self.y) <= hh

    def key(self) -> tuple[int, ...]:
        """For the state hash."""
        return (self.index, self.x, self.y, self.turns, int(self.placed))


class BillGame(BonusGame):
    """Move, turn and drop eight pieces into the bill's outline."""

    name = "bill"
    title = "TORN BILL"

    def __init__(self, seed: int, index: int = 0) -> None:
        super().__init__(seed, index)
        self.cx, self.cy = SCREEN_W // 2, SCREEN_H - 24
        self.held = -1
        self.order: list[int] = []          # drawing order, last on top
        self.pieces: list[Piece] = []
        self.done_tick = -1
        spots = self._scatter()
        for i in range(COLS * ROWS):
            c, r = i % COLS, i // COLS
            tx, ty = BOARD_X + c * PIECE_W + PIECE_W // 2, BOARD_Y + r * PIECE_H + PIECE_H // 2
            x, y = spots[i]
            turns = int(self.rng.integers(0, 4))
            self.pieces.append(Piece(i, tx, ty, x, y, turns))
            self.order.append(i)
        if all(p.turns == 0 for p in self.pieces):
            self.pieces[0].turns = 1

    def _scatter(self) -> list[tuple[int, int]]:
        """Eight places round the edge of the table, shuffled (never on the bill's outline)."""
        top = [(44 + 58 * k, 46) for k in range(5)]
        bottom = [(70 + 60 * k, 156) for k in range(4)]
        sides = [(36, 100), (284, 100)]
        spots = top + bottom + sides
        order = self.rng.permutation(len(spots))[: COLS * ROWS]
        out = []
        for k in order:
            x, y = spots[int(k)]
            out.append((x + int(self.rng.integers(-6, 7)), y + int(self.rng.integers(-4, 5))))
        return out

    @property
    def placed(self) -> int:
        """Pieces in place."""
        return sum(p.placed for p in self.pieces)

    def piece_under(self, x: int, y: int) -> int:
        """The top loose piece under a point, or -1."""
        for i in reversed(self.order):
            p = self.pieces[i]
            if not p.placed and p.contains(x, y):
                return i
        return -1

    def play(self, bits: int, pressed: int) -> None:
        """Move the hand (and what it holds), pick, drop, turn, snap."""
        sp = int(self.t["cursor_speed"])
        dx = (1 if bits & RIGHT else 0) - (1 if bits & LEFT else 0)
        dy = (1 if bits & DOWN else 0) - (1 if bits & UP else 0)
        x0, y0, x1, y1 = FIELD
        self.cx = max(x0, min(x1, self.cx + dx * sp))
        self.cy = max(y0, min(y1, self.cy + dy * sp))
        if self.held >= 0:
            p = self.pieces[self.held]
            p.x, p.y = self.cx, self.cy
            if pressed & KICK:
                p.turns = (p.turns + 1) % 4
                self.emit(TURN, value=p.turns, x=p.x, y=p.y)
            elif pressed & JUMP:
                p.turns = (p.turns + 3) % 4
                self.emit(TURN, value=p.turns, x=p.x, y=p.y)
            if self._snaps(p):
                return
            if pressed & PUNCH:
                self.held = -1
                self.emit(DROP, value=p.index, x=p.x, y=p.y)
        elif pressed & PUNCH:
            i = self.piece_under(self.cx, self.cy)
            if i >= 0:
                self.held = i
                self.order.remove(i)
                self.order.append(i)
                p = self.pieces[i]
                p.x, p.y = self.cx, self.cy
                self.emit(PICK, value=i, x=p.x, y=p.y)
                self._snaps(p)

    def _snaps(self, p: Piece) -> bool:
        snap = int(self.t["snap"])
        if p.turns != 0 or abs(p.x - p.tx) > snap or abs(p.y - p.ty) > snap:
            return False
        p.x, p.y, p.placed = p.tx, p.ty, True
        self.held = -1
        self.order.remove(p.index)
        self.order.insert(0, p.index)
        self.score += int(self.t["piece_points"])
        self.emit(SNAP, value=p.index, x=p.x, y=p.y)
        if self.placed == len(self.pieces):
            self.done_tick = self.play_tick
            self.score += int(self.t["second_points"]) * (self.time_left // 60)
            self.finish(self.outcome())
        return True

    def outcome(self) -> str:
        """Perfect: whole with time to spare; passed: whole; else failed."""
        if self.placed < len(self.pieces):
            return "failed"
        return "perfect" if self.time_left >= self.t["perfect_left"] else "passed"

    def quality(self) -> int:
        """Half for the pieces, half for the time left (full at the perfect mark)."""
        pieces = 50 * self.placed // len(self.pieces)
        if self.placed < len(self.pieces):
            return pieces
        return pieces + min(50, 50 * self.time_left // max(1, int(self.t["perfect_left"])))

    def key(self) -> tuple:
        """State for the hash."""
        return (self.cx, self.cy, self.held, tuple(self.order), tuple(p.key() for p in self.pieces),
                self.done_tick)
