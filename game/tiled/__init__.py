"""Reading and checking Tiled levels: plain Python + numpy, never pygame."""
