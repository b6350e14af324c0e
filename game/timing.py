"""The fixed-timestep accumulator: 60 logic steps per second whatever the frame rate.

After Glenn Fiedler's "Fix Your Timestep!": frame time is added to an accumulator and
whole steps are taken out; a cap on catch-up steps keeps a slow frame from spiralling.
Pure Python: the loop feeds it frame times, the simulation never sees them.
"""

from __future__ import annotations

from fractions import Fraction

STEP_RATE = 60
MAX_CATCHUP_STEPS = 5


class FixedStep:
    """Turns variable frame times into a whole number of fixed logic steps.

    Time is kept as an exact fraction of a second so that N/60 s always yields N steps.
    """

    def __init__(self, rate: int = STEP_RATE, max_steps: int = MAX_CATCHUP_STEPS) -> None:
        self.step = Fraction(1, rate)
        self.max_steps = max_steps
        self.acc = Fraction(0)
        self.dropped_steps = 0

    def advance(self, frame_seconds: float | Fraction) -> int:
        """Add one frame's time; return how many logic steps to run now (at most ``max_steps``)."""
        if frame_seconds < 0:
            frame_seconds = 0
        self.acc += Fraction(frame_seconds).limit_denominator(1_000_000)
        steps = int(self.acc // self.step)
        if steps > self.max_steps:
            self.dropped_steps += steps - self.max_steps
            steps = self.max_steps
            self.acc = Fraction(0)  # drop the backlog: the game slows down instead of spiralling
        else:
            self.acc -= steps * self.step
        return steps

    @property
    def alpha(self) -> float:
        """How far (0..1) the present lies between the last step and the next, for interpolation."""
        return float(self.acc / self.step)
