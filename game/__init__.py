"""Red Heat: a retro beat-'em-up after the 1988 film."""

import os

__version__ = "0.1.0"

# No pygame banner on stdout: `sim` prints JSON there, and players don't need it.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
