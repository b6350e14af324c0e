"""Fixed-point units: positions and speeds are ints in 1/256 pixel."""

FP = 256
TICKS_PER_SECOND = 60


def px(value: float) -> int:
    """Convert pixels to fixed-point units (rounding to nearest)."""
    return round(value * FP)


def to_px(value: int) -> int:
    """Convert fixed-point units to whole pixels (floor)."""
    return value >> 8
