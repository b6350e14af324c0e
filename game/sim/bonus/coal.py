"""Hot coal: Danko's bare hand over a glowing coal; strike when the swinging power meter peaks.

The meter rises from 0 to 1000 and falls back over one period, again and again; punch (or kick)
strikes at the meter's value: ``perfect`` at or above the tuning's ``perfect``, ``good`` at or above
``good``, else weak. After each strike the hand comes back up (``recover`` ticks) and the meter
starts again from 0, a little faster each strike: a steady rhythm, not mashing (an early press is a
weak strike and spends it). Three strikes; cracks add up (good 1, perfect 2) and the coal breaks when
they reach ``break_at``: passed; all three perfect: perfect. Time runs out: the strikes left are lost.
"""

from __future__ import annotations

from game.sim.bonus.base import CRACK, KICK, PUNCH, SMASH, STRIKE, BonusGame

GRADES = ("weak", "good", "perfect")


class CoalGame(BonusGame):
    """Three strikes at the peak of a swinging power meter."""

    name = "coal"
    title = "HOT COAL"

    def __init__(self, seed: int, index: int = 0) -> None:
        super().__init__(seed, index)
        self.strikes: list[int] = []       # grade of each strike: 0 weak, 1 good, 2 perfect
        self.cracks = 0
        self.phase = 0                     # ticks into the current swing
        self.recover = 0                   # ticks until the hand is up again
        # The first swing starts a little into its rise, so no two layouts feel the same.
        self.phase = int(self.rng.integers(0, self.period() // 4))

    def period(self) -> int:
        """Ticks of the current swing (shorter each strike)."""
        periods = self.t["periods"]
        return int(periods[min(len(self.strikes), len(periods) - 1)])

    def meter(self) -> int:
        """The power meter now, 0..1000 (a triangle: up for half the period, then down)."""
        if self.recover > 0:
            return 0
        p = self.period()
        half = p // 2
        x = self.phase % p
        return 1000 * x // half if x <= half else 1000 * (p - x) // (p - half)

    def grade(self, value: int) -> int:
        """0 weak, 1 good, 2 perfect."""
        if value >= self.t["perfect"]:
            return 2
        return 1 if value >= self.t["good"] else 0

    def play(self, bits: int, pressed: int) -> None:
        """One tick: recover, swing, or strike."""
        if self.recover > 0:
            self.recover -= 1
            if self.recover == 0:
                self.phase = 0
            return
        if pressed & (PUNCH | KICK):
            self._strike()
            return
        self.phase += 1

    def _strike(self) -> None:
        value = self.meter()
        g = self.grade(value)
        self.strikes.append(g)
        self.score += int(self.t["points"][g])
        gained = int(self.t["cracks"][g])
        self.cracks += gained
        self.emit(STRIKE, value=value, strength=g)
        if gained:
            self.emit(CRACK, value=self.cracks)
        if len(self.strikes) >= self.t["strikes"]:
            broke = self.cracks >= self.t["break_at"]
            if broke:
                self.emit(SMASH, value=self.cracks)
            self.finish(self.outcome())
        else:
            self.recover = int(self.t["recover"])

    def outcome(self) -> str:
        """Perfect: every strike perfect; passed: the coal broke; else failed."""
        if len(self.strikes) == self.t["strikes"] and all(g == 2 for g in self.strikes):
            return "perfect"
        return "passed" if self.cracks >= self.t["break_at"] else "failed"

    def quality(self) -> int:
        """Cracks made out of the most possible."""
        best = int(self.t["cracks"][2]) * int(self.t["strikes"])
        return 100 * self.cracks // max(1, best)

    def key(self) -> tuple:
        """State for the hash."""
        return (tuple(self.strikes), self.cracks, self.phase, self.recover)

    # -- for the bot and the presentation ------------------------------------------------
    def ticks_to_peak(self) -> int:
        """Ticks until the meter next reaches 1000 (after the hand is up again)."""
        if self.recover > 0:
            return self.recover + self.period() // 2
        p = self.period()
        x = self.phase % p
        return (p // 2 - x) % p
