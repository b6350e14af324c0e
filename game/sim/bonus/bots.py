"""A bot per bonus game that plays like a person: it sees what the screen shows and presses buttons.

Its skill is modelled, never its outcome: reaction delays, timing and aim errors are drawn from its
own generator (seeded from the game's seed and the player, separate from the game's, so a recorded
bot run replays from its inputs alone). It usually passes, sometimes is perfect, not always.
"""

from __future__ import annotations

import numpy as np

from game.sim.bonus.base import DOWN, JUMP, KICK, LEFT, PUNCH, RIGHT, UP, BonusGame, BonusSession, rng_for
from game.sim.bonus.bill import BillGame
from game.sim.bonus.coal import CoalGame
from game.sim.bonus.doors import DoorsGame, Opening

BOT_STREAM = 0xB07


def _toward(fx: int, fy: int, tx: int, ty: int, slack: int) -> int:
    """Direction bits that move (fx, fy) towards (tx, ty), none on an axis within ``slack``."""
    bits = 0
    if tx > fx + slack:
        bits |= RIGHT
    elif tx < fx - slack:
        bits |= LEFT
    if ty > fy + slack:
        bits |= DOWN
    elif ty < fy - slack:
        bits |= UP
    return bits


class _Bot:
    def __init__(self, seed: int, index: int) -> None:
        self.rng = rng_for(seed, index, BOT_STREAM)
        self.prev = 0

    def press(self, bits: int, button: int) -> int:
        """Add a fresh press of ``button`` (a held button must be let go first)."""
        return bits if self.prev & button else bits | button

    def decide(self, g: BonusGame) -> int:
        bits = self._decide(g) if g.result is None and g.play_tick >= 0 else 0
        self.prev = bits
        return bits

    def _decide(self, g: BonusGame) -> int:
        raise NotImplementedError


class CoalBot(_Bot):
    """Watches the meter and strikes near its peak, a few ticks early or late (sometimes a flinch)."""

    SIGMA = 2.6          # ticks of timing error
    FLINCH = 0.05        # chance of a badly timed strike

    def __init__(self, seed: int, index: int) -> None:
        super().__init__(seed, index)
        self.plan: int | None = None

    def _decide(self, g: BonusGame) -> int:
        assert isinstance(g, CoalGame)
        if g.recover > 0:
            self.plan = None
            return 0
        if self.plan is None:
            err = float(self.rng.normal(0.0, self.SIGMA))
            if self.rng.random() < self.FLINCH:
                err += float(self.rng.choice([-1, 1])) * float(self.rng.uniform(5, 10))
            half = g.period() // 2
            self.plan = max(0, half + round(err))
            if self.plan <= g.phase:        # the moment has passed: wait for the next peak
                self.plan += g.period()
        if g.phase >= self.plan:
            return self.press(0, PUNCH)
        return 0


class BillBot(_Bot):
    """Takes the nearest loose piece, turns it the short way, carries it to its place."""

    def __init__(self, seed: int, index: int) -> None:
        super().__init__(seed, index)
        self.wait = 0
        self.target = -1
        self.aim = (0, 0)

    def _think(self, mean: float, spread: float) -> None:
        self.wait = max(0, int(self.rng.normal(mean, spread)))

    def _decide(self, g: BonusGame) -> int:
        assert isinstance(g, BillGame)
        if self.wait > 0:
            self.wait -= 1
            return 0
        if g.held < 0:
            loose = [p for p in g.pieces if not p.placed]
            if not loose:
                return 0
            if self.target < 0 or g.pieces[self.target].placed:
                p = min(loose, key=lambda q: abs(q.x - g.cx) + abs(q.y - g.cy))
                self.target = p.index
                self.aim = (p.x + int(self.rng.integers(-6, 7)), p.y + int(self.rng.integers(-5, 6)))
                self._think(34, 14)
                return 0
            p = g.pieces[self.target]
            if p.contains(g.cx, g.cy) and abs(g.cx - self.aim[0]) <= 3 and abs(g.cy - self.aim[1]) <= 3:
                return self.press(0, PUNCH)
            return _toward(g.cx, g.cy, *self.aim, 1)
        p = g.pieces[g.held]
        if p.turns != 0:
            if self.prev & (KICK | JUMP):
                self._think(12, 5)
                return 0
            wrong_way = self.rng.random() < 0.08
            short_cw = p.turns == 3
            return KICK if short_cw != wrong_way else JUMP
        if self.rng.random() < 0.004:     # a slip: the piece falls from the hand
            self.target = -1
            self._think(20, 6)
            return self.press(0, PUNCH)
        return _toward(g.cx, g.cy, p.tx, p.ty, 1)


class DoorsBot(_Bot):
    """Notices an opened door after a reaction time, aims with a shaky hand, fires when on target."""

    REACT = (22.0, 8.0)        # ticks to notice a door (mean, spread)
    AIM = 4.0                  # px of aim error
    MISREAD = 0.03             # chance of taking an innocent for a gunman

    def __init__(self, seed: int, index: int) -> None:
        super().__init__(seed, index)
        self.seen: dict[int, int] = {}        # opening start -> play tick it is noticed
        self.judged: dict[int, bool] = {}     # opening start -> the bot thinks it is a gunman
        self.aim: tuple[int, int] | None = None
        self.aim_for = -1

    def _decide(self, g: BonusGame) -> int:
        assert isinstance(g, DoorsGame)
        now = g.play_tick
        targets: list[Opening] = []
        for o in g.open_now():
            if o.start not in self.seen:
                self.seen[o.start] = now + max(6, int(self.rng.normal(*self.REACT)))
                self.judged[o.start] = o.who == "gunman" or self.rng.random() < self.MISREAD
            if now >= self.seen[o.start] and self.judged[o.start]:
                targets.append(o)
        if not targets:
            self.aim, self.aim_for = None, -1
            return 0
        o = min(targets, key=lambda q: q.end)
        if self.aim_for != o.start or self.aim is None:
            self.aim_for = o.start
            x0, y0, x1, y1 = o.figure_box()
            cx, cy = (x0 + x1) // 2, (y0 + y1) // 2 - 6
            self.aim = (cx + round(float(self.rng.normal(0, self.AIM))),
                        cy + round(float(self.rng.normal(0, self.AIM))))
        ax, ay = self.aim
        if abs(g.cx - ax) <= 2 and abs(g.cy - ay) <= 2:
            if g.cooldown == 0 and not self.prev & PUNCH:
                self.aim = None          # after this shot, aim again (a miss gets a fresh try)
                return PUNCH
            return 0
        return _toward(g.cx, g.cy, ax, ay, 2)


BOTS: dict[str, type[_Bot]] = {"coal": CoalBot, "bill": BillBot, "doors": DoorsBot}


class SessionBot:
    """Bots for every player of a session; call once per tick for the frame."""

    def __init__(self, session: BonusSession) -> None:
        self.bots = [BOTS[session.game](session.seed, i) for i in range(session.players)]

    def __call__(self, session: BonusSession) -> tuple[int, ...]:
        frame = [0] * session.players
        if session.turn < session.players:
            frame[session.turn] = self.bots[session.turn].decide(session.games[session.turn])
        return tuple(frame)


__all__ = ["BOTS", "BillBot", "CoalBot", "DoorsBot", "SessionBot", "np"]
