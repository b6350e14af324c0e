"""Hot coal: Danko's bare hand over glowing coals; break as many as you can before time runs out.

The meter rises from 0 to 1000 and falls back over one period, again and again; punch (or kick)
strikes at the meter's value: ``perfect`` at or above the tuning's ``perfect``, ``good`` at or above
``good``, else weak. After each strike the hand comes back up (``recover`` ticks) and the meter
starts again from 0. Cracks add up (good 1, perfect 2, weak none); a coal breaks as soon as they
reach ``break_at`` (``smash_points``), and after ``between`` ticks the next, hotter coal is set down
with a faster swing (``periods``, one per coal, the last repeating). A steady rhythm breaks a coal in
two strikes; mashing spends every swing on weak strikes. When the ``time`` runs out: ``pass_coals``
broken passes, ``perfect_coals`` is perfect.
"""

from __future__ import annotations

from game.sim.bonus.base import CRACK, KICK, PUNCH, SMASH, STRIKE, BonusGame

GRADES = ("weak", "good", "perfect")


class CoalGame(BonusGame):
    """Break coals against the clock, each strike at the peak of a swinging power meter."""

    name = "coal"
    title = "HOT COAL"

    def __init__(self, seed: int, index: int = 0) -> None:
        super().__init__(seed, index)
        self.strikes: list[int] = []       # grade of every strike so far: 0 weak, 1 good, 2 perfect
        self.coal_strikes: list[int] = []  # the grades of the strikes on the coal on the block
        self.coals = 0                     # coals broken
        self.cracks = 0                    # cracks in the coal on the block
        self.phase = 0                     # ticks into the current swing
        self.recover = 0                   # ticks until the hand is up again
        self.next_coal = False             # the coal broke: a new one comes when the hand is up
        # The first swing starts a little into its rise, so no two layouts feel the same.
        self.phase = int(self.rng.integers(0, self.period() // 4))

    def period(self) -> int:
        """Ticks of the current swing (shorter for each coal)."""
        periods = self.t["periods"]
        return int(periods[min(self.coals, len(periods) - 1)])

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
        """One tick: recover (and bring the next coal), swing, or strike."""
        if self.recover > 0:
            self.recover -= 1
            if self.recover == 0:
                self.phase = 0
                if self.next_coal:
                    self.next_coal = False
                    self.cracks = 0
                    self.coal_strikes = []
            return
        if pressed & (PUNCH | KICK):
            self._strike()
            return
        self.phase += 1

    def _strike(self) -> None:
        value = self.meter()
        g = self.grade(value)
        self.strikes.append(g)
        self.coal_strikes.append(g)
        self.score += int(self.t["points"][g])
        gained = int(self.t["cracks"][g])
        self.cracks += gained
        self.emit(STRIKE, value=value, strength=g)
        if gained:
            self.emit(CRACK, value=self.cracks)
        self.recover = int(self.t["recover"])
        if self.cracks >= self.t["break_at"]:
            self.coals += 1
            self.score += int(self.t["smash_points"])
            self.emit(SMASH, value=self.coals)
            self.next_coal = True
            self.recover += int(self.t["between"])

    def outcome(self) -> str:
        """When time is up: perfect with ``perfect_coals`` broken, passed with ``pass_coals``, else failed."""
        if self.coals >= self.t["perfect_coals"]:
            return "perfect"
        return "passed" if self.coals >= self.t["pass_coals"] else "failed"

    def quality(self) -> int:
        """Coals broken out of a perfect run's."""
        return min(100, 100 * self.coals // max(1, int(self.t["perfect_coals"])))

    def key(self) -> tuple:
        """State for the hash."""
        return (tuple(self.strikes), tuple(self.coal_strikes), self.coals, self.cracks, self.phase,
                self.recover, self.next_coal)

    # -- for the bot and the presentation ------------------------------------------------
    def ticks_to_peak(self) -> int:
        """Ticks until the meter next reaches 1000 (after the hand is up again)."""
        if self.recover > 0:
            return self.recover + self.period() // 2
        p = self.period()
        x = self.phase % p
        return (p // 2 - x) % p
