"""Fixed-point units: positions and speeds are ints in 1/256 pixel."""

FP = 256
TICKS_PER_SECOND = 60


def px(value: float) -> int:
    """Convert pixels to fixed-point units (rounding to nearest)."""
    return round(value * FP)


def to_px(value: int) -> int:
    """Convert fixed-point units to whole pixels (floor)."""
    return value >> 8


def clamp(value: int, lo: int, hi: int) -> int:
    """``min(max(value, lo), hi)`` (``hi`` wins when the two cross).

    A plain function: on Python 3.11 the builtins ``min``/``max`` cost several times more, per tick."""
    value = value if value > lo else lo
    return value if value < hi else hi
