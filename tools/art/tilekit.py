"""Building blocks for 16x16 tilesets: a registry of drawn tiles and a Tiled .tsx writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .canvas import Canvas, Color
from .png import write_png

TILE = 16
COLUMNS = 8
ROWS = 4


@dataclass
class TileDef:
    """One tile: its local id, name, solidity and the function that paints it."""

    tid: int
    name: str
    solid: bool
    paint: Callable[[Canvas], None]


@dataclass
class TileSheet:
    """A tileset being defined: ``@sheet.tile(id, name, solid)`` registers painters."""

    name: str
    tiles: dict[int, TileDef] = field(default_factory=dict)

    def tile(self, tid: int, name: str, solid: bool) -> Callable[[Callable[[Canvas], None]], Callable]:
        """Decorator registering a tile painter."""

        def deco(fn: Callable[[Canvas], None]) -> Callable[[Canvas], None]:
            if tid in self.tiles:
                raise ValueError(f"{self.name}: tile id {tid} defined twice")
            self.tiles[tid] = TileDef(tid, name, solid, fn)
            return fn

        return deco

    def render(self) -> np.ndarray:
        """Paint all tiles into the 128x64 atlas."""
        missing = [i for i in range(COLUMNS * ROWS) if i not in self.tiles]
        if missing:
            raise ValueError(f"{self.name}: tiles {missing} are not drawn")
        img = Canvas(COLUMNS * TILE, ROWS * TILE)
        for tid, td in sorted(self.tiles.items()):
            c = Canvas(TILE, TILE)
            td.paint(c)
            img.px[
                (tid // COLUMNS) * TILE : (tid // COLUMNS + 1) * TILE,
                (tid % COLUMNS) * TILE : (tid % COLUMNS + 1) * TILE,
            ] = c.px
        return img.px

    def tsx(self) -> str:
        """The Tiled 1.8 tileset XML."""
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<tileset version="1.8" tiledversion="1.8.2" name="{self.name}" tilewidth="{TILE}" '
            f'tileheight="{TILE}" tilecount="{COLUMNS * ROWS}" columns="{COLUMNS}">',
            f' <image source="{self.name}.png" width="{COLUMNS * TILE}" height="{ROWS * TILE}"/>',
        ]
        for tid, td in sorted(self.tiles.items()):
            lines += [
                f' <tile id="{tid}">',
                "  <properties>",
                f'   <property name="name" value="{td.name}"/>',
                f'   <property name="solid" type="bool" value="{"true" if td.solid else "false"}"/>',
                "  </properties>",
                " </tile>",
            ]
        lines.append("</tileset>")
        return "\n".join(lines) + "\n"

    def write(self, out_dir: Path) -> list[Path]:
        """Write ``<name>.png`` and ``<name>.tsx`` into ``out_dir``."""
        out_dir.mkdir(parents=True, exist_ok=True)
        png = out_dir / f"{self.name}.png"
        tsx = out_dir / f"{self.name}.tsx"
        write_png(png, self.render())
        tsx.write_text(self.tsx(), encoding="utf-8")
        return [png, tsx]


# --- shared tile painting helpers ---------------------------------------------------------------


def bevel(c: Canvas, x: int, y: int, w: int, h: int, light: Color, face: Color, dark: Color) -> None:
    """A raised block: face colour, light top/left edge, dark bottom/right edge."""
    c.rect(x, y, w, h, face)
    c.hline(x, x + w - 1, y, light)
    c.vline(x, y, y + h - 1, light)
    c.hline(x, x + w - 1, y + h - 1, dark)
    c.vline(x + w - 1, y, y + h - 1, dark)


def noise(seed: int, w: int, h: int) -> np.ndarray:
    """Deterministic per-tile noise in 0..1 (its own seeded generator: art never touches game randomness)."""
    return np.random.default_rng(seed).random((h, w))


Region = tuple[int, int, int, int]


def speckle(c: Canvas, seed: int, density: float, col: Color, region: Region | None = None) -> None:
    """Scatter single pixels of ``col`` (grain, stains, snow crust)."""
    x, y, w, h = region or (0, 0, c.w, c.h)
    n = noise(seed, w, h) < density
    for yy, xx in zip(*np.nonzero(n), strict=True):
        c.pset(x + int(xx), y + int(yy), col)


def darken(c: Canvas, level: float, col: Color, region: tuple[int, int, int, int] | None = None) -> None:
    """Ordered-dither a shadow colour over drawn pixels (density ``level``)."""
    x, y, w, h = region or (0, 0, c.w, c.h)
    m = np.zeros((c.h, c.w), dtype=bool)
    m[max(y, 0) : y + h, max(x, 0) : x + w] = True
    m &= c.opaque()
    c.mask_fill(c.dither_mask(m, level), col)


def shadow_band(c: Canvas, top: int, height: int, col: Color, start: float = 0.85) -> None:
    """A shadow fading downward from row ``top`` (where a wall or lip casts it)."""
    for i in range(height):
        darken(c, start * (1 - i / height), col, (0, top + i, c.w, 1))
