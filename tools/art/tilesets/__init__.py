"""One module per level tileset; each exposes ``SHEET`` (a TileSheet) following the 8x4 bathhouse layout."""

from __future__ import annotations

import importlib

from ..tilekit import TileSheet

NAMES = ["bathhouse", "moscow_street", "chicago_night", "hospital", "hotel", "bus_station", "chase_road"]


def ALL_TILESETS() -> list[TileSheet]:  # noqa: N802 - reads like the constant it stands for
    """The tilesets in build order."""
    return [importlib.import_module(f"{__name__}.{n}").SHEET for n in NAMES]
