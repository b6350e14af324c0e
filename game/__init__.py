"""Red Heat: a retro beat-'em-up after the 1988 film."""

__version__ = "0.1.0"
