"""Decoding a tile layer's ``<data>``: CSV, XML tiles, base64 raw/zlib/gzip (and zstd when available)."""

from __future__ import annotations

import base64
import binascii
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


def _inflate(raw: bytes, compression: str, expected: int) -> bytes:
    # Bounded output: a corrupted stream must not expand into gigabytes.
    if compression == "zlib" or compression == "gzip":
        wbits = 15 if compression == "zlib" else 31
        try:
            d = zlib.decompressobj(wbits)
            out = d.decompress(raw, expected + 1)
        except zlib.error as exc:
            raise DataError(f"{compression} data is corrupt ({exc})") from None
        return out
    if compression == "zstd":
        try:
            import zstandard  # type: ignore[import-not-found]
        except ImportError:
            raise DataError("zstd compression is not supported here; in Tiled choose Map > Map Properties > "
                            "Tile Layer Format: CSV or Base64 (zlib)") from None
        try:
            return zstandard.ZstdDecompressor().decompress(raw, max_output_size=expected + 1)
        except Exception as exc:  # zstandard raises its own error types
            raise DataError(f"zstd data is corrupt ({exc})") from None
    raise DataError(f"unknown compression '{compression}' (valid: zlib, gzip, zstd)")


def decode_data(data: Element, cols: int, rows: int) -> np.ndarray:
    """The layer's global tile ids (with flip bits) as a uint32 array [rows, cols]."""
    expected = cols * rows
    encoding = data.get("encoding") or ""
    compression = data.get("compression") or ""
    if data.find("chunk") is not None:
        raise DataError("has chunks (an infinite map); levels must be finite")
    if encoding == "csv":
        text = (data.text or "").strip()
        try:
            values = [int(v) for v in text.replace("\n", "").split(",") if v.strip()] if text else []
        except ValueError:
            raise DataError("CSV data holds something that is not a tile number") from None
        if len(values) != expected:
            raise DataError(f"CSV data has {len(values)} tiles, the map needs {cols}x{rows} = {expected}")
        if any(v < 0 or v > 0xFFFFFFFF for v in values):
            raise DataError("CSV data holds a tile number out of range")
        return np.array(values, dtype=np.uint32).reshape(rows, cols)
    if encoding == "base64":
        try:
            raw = base64.b64decode((data.text or "").strip().encode("ascii"), validate=False)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise DataError("base64 data is corrupt") from None
        if compression:
            raw = _inflate(raw, compression, expected * 4)
        if len(raw) != expected * 4:
            raise DataError(f"data has {len(raw) // 4} tiles, the map needs {cols}x{rows} = {expected}")
        return np.frombuffer(raw, dtype="<u4").reshape(rows, cols).astype(np.uint32)
    if encoding == "":
        if compression:
            raise DataError("compression without base64 encoding")
        tiles = data.findall("tile")
        if len(tiles) != expected:
            raise DataError(f"data has {len(tiles)} tiles, the map needs {cols}x{rows} = {expected}")
        try:
            values = [int(t.get("gid", "0")) for t in tiles]
        except ValueError:
            raise DataError("a <tile> gid is not a number") from None
        if any(v < 0 or v > 0xFFFFFFFF for v in values):
            raise DataError("a <tile> gid is out of range")
        return np.array(values, dtype=np.uint32).reshape(rows, cols)
    raise DataError(f"unknown encoding '{encoding}' (valid: csv, base64)")


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
