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
