"""Where the game's data lives: the source checkout, or the installed wheel's copy."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_INSTALLED = Path(__file__).resolve().parent / "_data"


@cache
def data_root() -> Path:
    """The folder holding ``assets/``, ``levels/`` and ``templates/``.

    A source checkout (editable install or ``python main.py``) uses the repository
    root; a wheel carries a copy under ``game/_data``. ``REDHEAT_DATA`` overrides both.
    """
    override = os.environ.get("REDHEAT_DATA")
    if override:
        return Path(override)
    if (_CHECKOUT / "levels").is_dir() and (_CHECKOUT / "assets").is_dir():
        return _CHECKOUT
    return _INSTALLED


def assets_dir() -> Path:
    """The ``assets/`` folder (sprites, tilesets, fonts, sound, music, data)."""
    return data_root() / "assets"


def levels_dir() -> Path:
    """The ``levels/`` folder of shipped ``.tmx`` levels."""
    return data_root() / "levels"


def project_file() -> Path:
    """The Tiled project file that defines the level schema."""
    return data_root() / "redheat.tiled-project"


def resolve_level(name_or_path: str) -> Path:
    """Turn ``bathhouse`` or ``levels/bathhouse.tmx`` or any path into a ``.tmx`` path."""
    p = Path(name_or_path)
    if p.suffix.lower() == ".tmx" or p.exists() or os.sep in name_or_path or "/" in name_or_path:
        return p
    json_map = levels_dir() / f"{name_or_path}.tmj"   # a level kept in Tiled's JSON format
    if json_map.is_file() and not (levels_dir() / f"{name_or_path}.tmx").exists():
        return json_map
    return levels_dir() / f"{name_or_path}.tmx"
