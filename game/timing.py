"""The fixed-timestep accumulator: 60 logic steps per second whatever the frame rate.

After Glenn Fiedler's "Fix Your Timestep!": frame time is added to an accumulator and
whole steps are taken out; a cap on catch-up steps keeps a slow frame from spiralling.
Pure Python: the loop feeds it frame times, the simulation never sees them.

``FramePacer`` decides when the loop runs at all: once per display refresh, sleeping in between.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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


# -- frame pacing -------------------------------------------------------------------------------
DEFAULT_REFRESH = 60          # what a display that reports nothing (or nonsense) is taken to run at
MIN_REFRESH, MAX_REFRESH = 24, 500
SNAP_SECONDS = 0.002          # a frame this close to its due time counts as exactly one period


def frame_rate(reported: float | None, cap: int = 0) -> int:
    """Frames a second: the display's reported refresh (60 when unknown), lowered to ``cap`` if set."""
    rate = round(reported) if reported and MIN_REFRESH <= reported <= MAX_REFRESH else DEFAULT_REFRESH
    if cap > 0:
        rate = max(1, min(rate, cap))
    return rate


class FramePacer:
    """Lets the loop run once per display refresh and sleep the rest of each frame, never spin.

    ``wait()`` sleeps until the next frame is due and returns the seconds since the previous one.
    Frames are due on a fixed schedule (due += period), so oversleeping by a fraction of a
    millisecond does not drift; a frame that arrives within ``SNAP_SECONDS`` of its due time is
    reported as exactly one period, so a 60 Hz display and the 60 Hz logic meet once per frame
    instead of beating against each other. A frame later than a whole period restarts the schedule.
    With ``vsync`` the display's flip already waits for the refresh: the pacer only measures.
    ``clock`` and ``sleep`` are injectable so tests run on simulated time.
    """

    def __init__(self, rate: int, vsync: bool = False, clock: Callable[[], float] = time.perf_counter,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.clock, self.sleep = clock, sleep
        self.vsync = vsync
        self.rate = rate
        self.period = 1.0 / rate
        self._due: float | None = None
        self._last = 0.0
        self.slept = 0.0              # seconds spent sleeping (for benchmarks)
        self.late_frames = 0          # frames that restarted the schedule

    def set_rate(self, rate: int) -> None:
        """The display changed (another monitor, fullscreen): pace at its rate from the next frame."""
        if rate != self.rate:
            self.rate, self.period = rate, 1.0 / rate
            self._due = None if self._due is None else self.clock() + self.period

    def wait(self) -> float:
        """Sleep until this frame is due; return the time since the previous frame (0 for the first)."""
        now = self.clock()
        if self._due is None:
            self._due, self._last = now + self.period, now
            return 0.0
        if not self.vsync and now < self._due:
            self.sleep(self._due - now)
            self.slept += self._due - now
            now = self.clock()
        elapsed = now - self._last
        self._last = now
        if now - self._due > self.period:          # far behind (a slow frame, a suspend): start afresh
            self._due = now + self.period
            self.late_frames += 1
            return elapsed
        self._due += self.period
        if abs(elapsed - self.period) <= SNAP_SECONDS:
            return self.period
        return elapsed
