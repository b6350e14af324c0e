"""The fixed-step accumulator: N/60 s of frames gives N logic steps, and catch-up is capped."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from game.timing import MAX_CATCHUP_STEPS, FixedStep


def test_one_second_of_60hz_frames_is_60_steps():
    fs = FixedStep()
    assert sum(fs.advance(Fraction(1, 60)) for _ in range(60)) == 60


def test_144hz_display_still_steps_60_times_a_second():
    fs = FixedStep()
    assert sum(fs.advance(Fraction(1, 144)) for _ in range(144)) == 60


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=200))
def test_n_sixtieths_of_frame_time_give_n_steps(parts):
    fs = FixedStep(max_steps=10)
    total = sum(fs.advance(Fraction(p, 60)) for p in parts)
    assert total == sum(parts)


def test_a_slow_frame_is_capped_and_does_not_spiral():
    fs = FixedStep()
    assert fs.advance(2.0) == MAX_CATCHUP_STEPS
    assert fs.dropped_steps == 120 - MAX_CATCHUP_STEPS
    assert fs.advance(Fraction(1, 60)) == 1  # the backlog was dropped, not carried


def test_alpha_is_fraction_towards_next_step():
    fs = FixedStep()
    fs.advance(Fraction(1, 120))
    assert abs(fs.alpha - 0.5) < 1e-9


def test_negative_frame_time_is_ignored():
    fs = FixedStep()
    assert fs.advance(-1.0) == 0


# -- frame pacing ---------------------------------------------------------------------------------
from game.timing import DEFAULT_REFRESH, FramePacer, frame_rate  # noqa: E402


class FakeTime:
    """A simulated clock: only ``sleep`` (and ``work``, a frame's drawing) move it on."""

    def __init__(self, wake_late: float = 0.0) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []
        self.polls = 0
        self.wake_late = wake_late

    def clock(self) -> float:
        self.polls += 1
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds + self.wake_late


def test_the_rate_is_the_reported_refresh_and_60_when_unknown():
    assert frame_rate(144.0) == 144
    assert frame_rate(59.94) == 60
    assert frame_rate(None) == DEFAULT_REFRESH == 60
    assert frame_rate(0) == 60
    assert frame_rate(100_000) == 60           # nonsense from a driver
    assert frame_rate(144, cap=30) == 30       # --fps-cap style limit lowers it, never raises it
    assert frame_rate(50, cap=120) == 50


def test_the_pacer_runs_one_frame_per_refresh_and_sleeps_the_rest():
    t = FakeTime()
    pacer = FramePacer(144, clock=t.clock, sleep=t.sleep)
    start = t.now
    frames = 0
    while True:
        pacer.wait()
        if t.now - start > 1.0 - 1e-6:       # the first frame of the next second
            break
        t.now += 0.002                       # drawing takes 2 ms
        frames += 1
    assert frames == 144
    assert len(t.sleeps) == 144              # every frame after the first slept the rest of its time
    assert all(s > 0.004 for s in t.sleeps)  # 1/144 s minus 2 ms of work, slept in one go
    assert t.polls <= 2 * (frames + 1)       # no spinning on the clock


def test_a_60hz_display_gives_the_60hz_logic_exactly_one_step_per_frame():
    t = FakeTime(wake_late=0.0004)           # the OS wakes us a little late every time
    pacer = FramePacer(60, clock=t.clock, sleep=t.sleep)
    steps = FixedStep()
    pacer.wait()
    counts = {steps.advance(pacer.wait()) for _ in range(600)}
    assert counts == {1}
    assert steps.alpha == 0.0


def test_a_frame_later_than_a_period_restarts_the_schedule_instead_of_racing():
    t = FakeTime()
    pacer = FramePacer(60, clock=t.clock, sleep=t.sleep)
    pacer.wait()
    t.now += 0.2                             # a hitch
    assert abs(pacer.wait() - 0.2) < 1e-9   # the real time goes to the logic (it catches up, capped)
    assert pacer.late_frames == 1
    t.sleeps.clear()
    pacer.wait()
    assert len(t.sleeps) == 1 and abs(t.sleeps[0] - 1 / 60) < 1e-9   # a full frame, not a burst


def test_with_vsync_the_pacer_does_not_sleep():
    t = FakeTime()
    pacer = FramePacer(60, vsync=True, clock=t.clock, sleep=t.sleep)
    for _ in range(10):
        pacer.wait()
        t.now += 1 / 60                       # the flip waited for the refresh
    assert t.sleeps == []
