"""The pipeline's parts and the order they run in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .bonus import build_bonus
from .chase import build_chase
from .fonts import build_fonts
from .outro import build_outro
from .portraits import build_portraits
from .props import build_props
from .sheets import build_characters
from .tilesets import ALL_TILESETS
from .ui import build_ui


def build_tilesets(out: Path, moves_dir: Path) -> list[Path]:
    """Every level tileset into ``out/tilesets``."""
    files: list[Path] = []
    for sheet in ALL_TILESETS():
        files += sheet.write(out / "tilesets")
    return files


PARTS: dict[str, Callable[[Path, Path], list[Path]]] = {
    "tilesets": build_tilesets,
    "fonts": build_fonts,
    "sprites": build_characters,
    "ui": build_ui,
    "portraits": build_portraits,
    "bonus": build_bonus,
    "chase": build_chase,
    "props": build_props,
    "outro": build_outro,
}


def build_all(out: Path, parts: list[str], moves_dir: Path) -> list[Path]:
    """Run the named parts; returns the files written."""
    files: list[Path] = []
    for name in parts:
        files += PARTS[name](out, moves_dir)
    return files
