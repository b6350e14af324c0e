"""Reading and checking Tiled levels: plain Python + numpy, never pygame."""

from game.tiled.loader import load_level, read_level
from game.tiled.mapview import LayerView, MapView, TilesetView, load_map_view
from game.tiled.problems import LevelError

__all__ = ["LayerView", "LevelError", "MapView", "TilesetView", "load_level", "load_map_view", "read_level"]
