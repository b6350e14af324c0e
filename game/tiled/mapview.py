"""What drawing a level needs, still without pygame: tile layers with flip bits and tileset images."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.tiled.tmxfile import RawMap


@dataclass(frozen=True, slots=True)
class TilesetView:
    """A tileset's image and grid; global ids ``firstgid .. firstgid + tilecount - 1`` are its tiles."""

    name: str
    firstgid: int
    image: str
    image_width: int
    image_height: int
    columns: int
    tilecount: int
    tile_width: int
    tile_height: int
    margin: int = 0
    spacing: int = 0


@dataclass(slots=True)
class LayerView:
    """One tile layer: gids with Tiled's flip bits (H 0x80000000, V 0x40000000, D 0x20000000)."""

    name: str
    gids: np.ndarray
    visible: bool = True
    opacity: float = 1.0
    offset_x: float = 0.0
    offset_y: float = 0.0
    parallax_x: float = 1.0
    parallax_y: float = 1.0
    foreground: bool = False


@dataclass(slots=True)
class MapView:
    """The drawable part of a level, layers in drawing order."""

    path: str
    cols: int
    rows: int
    tile_width: int
    tile_height: int
    layers: list[LayerView] = field(default_factory=list)
    tilesets: list[TilesetView] = field(default_factory=list)
    background: str = ""
    files: list[str] = field(default_factory=list)   # every file the drawing depends on (for reloads)

    @property
    def pixel_width(self) -> int:
        """Width in pixels."""
        return self.cols * self.tile_width

    @property
    def pixel_height(self) -> int:
        """Height in pixels."""
        return self.rows * self.tile_height


def _truthy(text: str) -> bool:
    return text.strip().lower() in ("true", "1")


def build_view(raw: RawMap, foreground_default: bool = False) -> MapView:
    """Turn a (validated) raw map into a MapView."""
    view = MapView(str(raw.path), raw.cols, raw.rows, raw.tile_w, raw.tile_h, background=raw.background)
    for ref in raw.tilesets:
        ts = ref.tileset
        view.tilesets.append(TilesetView(ts.name, ref.firstgid, str(ts.image or ""), ts.image_w,
                                         ts.image_h, ts.columns, ts.tilecount, ts.tile_w, ts.tile_h,
                                         ts.margin, ts.spacing))
    for layer in raw.layers:
        fg = layer.props.get("foreground")
        view.layers.append(LayerView(layer.name, layer.gids, layer.visible, layer.opacity, layer.offset_x,
                                     layer.offset_y, layer.parallax_x, layer.parallax_y,
                                     _truthy(fg.value) if fg is not None else foreground_default))
    view.files = [str(p) for p, _ in raw.files] + [str(p) for p in raw.images]
    return view


def load_map_view(path: str | Path, project: str | Path | None = None) -> MapView:
    """Load a level (raising LevelError like load_level) and return what drawing needs."""
    from game.tiled.loader import read_level
    from game.tiled.project import load_schema

    _, raw = read_level(path, project)
    default = bool(load_schema(Path(project) if project else None).defaults("Layer").get("foreground"))
    return build_view(raw, default)


def dependencies(raw: RawMap) -> list[Path]:
    """Every file a level was read from: the tmx, its tsx and tx files, and tileset images."""
    seen: dict[Path, None] = {}
    for p, _ in raw.files:
        seen[p] = None
    for p in raw.images:
        seen[p] = None
    return list(seen)
