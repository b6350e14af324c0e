"""Decoding a tileset PNG far enough to know the game can draw it, without pygame.

``check`` and every level load run this on each image a level uses: chunk structure and CRCs, the
header, the palette, and the pixel data inflated (within limits) to exactly the size the header
promises with a valid filter byte on every row. A truncated, bit-flipped or mislabelled file is
reported here, with one line, instead of failing later in the window.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from game.limits import MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS, LimitError, inflate, read_bytes

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
# Adam7: (x start, y start, x step, y step) of the seven passes
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def _rows(width: int, height: int, bits: int, interlaced: bool) -> list[tuple[int, int]]:
    """(row count, bytes per row without the filter byte) of each pass."""
    if not interlaced:
        return [(height, (width * bits + 7) // 8)]
    out = []
    for x0, y0, dx, dy in _ADAM7:
        w = (width - x0 + dx - 1) // dx if width > x0 else 0
        h = (height - y0 + dy - 1) // dy if height > y0 else 0
        if w and h:
            out.append((h, (w * bits + 7) // 8))
    return out


def png_problem(path: Path) -> str | None:
    """Why ``path`` is not a PNG the game can draw (one line), or None when it decodes."""
    try:
        data = read_bytes(path, MAX_IMAGE_FILE_BYTES, "image")
    except LimitError as exc:
        return str(exc).split("' ", 1)[-1]
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc.__class__.__name__})"
    return decode_problem(data)


def decode_problem(data: bytes) -> str | None:
    """:func:`png_problem` for bytes already read."""
    if not data.startswith(SIGNATURE):
        return "is not a PNG file"
    pos, header, idat, palette = len(SIGNATURE), None, [], False
    while True:
        if pos + 8 > len(data):
            return "is truncated (no IEND chunk)"
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) < length or pos + 12 + length > len(data):
            return f"is truncated (inside its {kind.decode('latin-1')!r} chunk)"
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            return f"is damaged (checksum of its {kind.decode('latin-1')!r} chunk is wrong)"
        pos += 12 + length
        if header is None and kind != b"IHDR":
            return "is damaged (does not start with its IHDR header)"
        if kind == b"IHDR":
            if length != 13:
                return "is damaged (bad IHDR header)"
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = True
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, compression, filtering, interlace = header
    if not width or not height or width * height > MAX_IMAGE_PIXELS:
        return f"is {width}x{height} pixels; the largest allowed is {MAX_IMAGE_PIXELS} pixels"
    if colour not in _CHANNELS or depth not in _DEPTHS[colour] or compression or filtering or interlace > 1:
        return f"has a header this game cannot decode (colour type {colour}, bit depth {depth})"
    if colour == 3 and not palette:
        return "is damaged (palette image without a palette)"
    if not idat:
        return "has no pixel data (no IDAT chunk)"
    passes = _rows(width, height, depth * _CHANNELS[colour], bool(interlace))
    expected = sum(h * (1 + row) for h, row in passes)
    try:
        raw = inflate(b"".join(idat), expected)
    except (LimitError, zlib.error):
        return "is damaged (its pixel data does not inflate to the size its header gives)"
    if len(raw) != expected:
        return f"is damaged (pixel data is {len(raw)} bytes, the header needs {expected})"
    at = 0
    for h, row in passes:
        for _ in range(h):
            if raw[at] > 4:
                return f"is damaged (row filter {raw[at]} at byte {at} is not 0-4)"
            at += 1 + row
    return None
