"""Tiled's gid flip bits, and tile layer ``<data>`` both ways (decoding goes through pytmx, in tilemap)."""

from __future__ import annotations

import base64
import gzip
import zlib
from xml.etree.ElementTree import Element

import numpy as np

FLIP_H = 0x80000000
FLIP_V = 0x40000000
FLIP_D = 0x20000000
ROTATE_HEX = 0x10000000
GID_MASK = 0x0FFFFFFF


class DataError(ValueError):
    """Layer data that cannot be decoded; the message is for designers."""


def decode_data(data: Element, cols: int, rows: int) -> np.ndarray:
    """The layer's global tile ids (with flip bits) as a uint32 array [rows, cols], decoded by pytmx."""
    from game.tiled.tilemap import decode_data as through_pytmx  # tilemap imports this module

    return through_pytmx(data, cols, rows)


def encode_data(gids: np.ndarray, encoding: str, compression: str = "") -> str:
    """Encode gids the way Tiled does (used by tests and level tools)."""
    rows = gids.shape[0]
    if encoding == "csv":
        lines = [",".join(str(int(v)) for v in gids[r]) for r in range(rows)]
        return "\n" + ",\n".join(lines) + "\n"
    raw = np.ascontiguousarray(gids, dtype="<u4").tobytes()
    if compression == "zlib":
        raw = zlib.compress(raw)
    elif compression == "gzip":
        raw = gzip.compress(raw, mtime=0)
    elif compression:
        raise ValueError(f"cannot write compression {compression}")
    return "\n   " + base64.b64encode(raw).decode("ascii") + "\n  "
