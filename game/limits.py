"""Every limit on what the game reads, in one place, and the one safe way to read a file under them.

Levels, tilesets, templates, images, replays and the player's own files are read through
:func:`read_bytes`: only regular files (never a device, a pipe or a folder, which would hang or read
without end), never more than their limit. A file over a limit, or of the wrong kind, raises
:class:`LimitError` with one line a player or designer can act on. Plain standard library: the
rules, the level reader and the pygame side all use it.
"""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

MB = 1024 * 1024

#: A level, tileset or template file (.tmx, .tsx, .tx). The shipped bathhouse is about 30 KB.
MAX_LEVEL_FILE_BYTES = 8 * MB
#: A tileset image (PNG). The shipped sheets are a few KB.
MAX_IMAGE_FILE_BYTES = 32 * MB
#: A PNG's picture once inflated (width x height x 4 bytes); 4096 x 4096 RGBA.
MAX_IMAGE_PIXELS = 4096 * 4096
#: Map size: a level is a long street, not a continent.
MAX_MAP_CELLS = 1_000_000
MAX_MAP_SIDE = 20_000
#: A tile layer once base64-decoded and inflated (zlib or gzip): 4 bytes per cell of the largest map.
MAX_LAYER_BYTES = 4 * MAX_MAP_CELLS
#: Objects (enemies, pickups, zones...) in one level: a busy shipped level holds about 40.
MAX_OBJECTS = 5_000
#: A replay file, and the ticks it may claim: 6 hours of play at 60 ticks a second.
MAX_REPLAY_FILE_BYTES = 64 * MB
MAX_REPLAY_TICKS = 6 * 60 * 60 * 60
#: settings.json and highscores.json; the real ones are 2-3 KB.
MAX_SETTINGS_FILE_BYTES = 1 * MB


class LimitError(ValueError):
    """A file over a limit or of the wrong kind; ``str()`` is the one line to show."""


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: str | Path, what: str) -> os.stat_result:
    """``os.stat`` of ``path``; LimitError unless it is a regular file (OSError when it is missing)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise LimitError(f"{what} '{path}' is {_kind(st.st_mode)}, not a file")
    return st


def read_bytes(path: str | Path, limit: int, what: str) -> bytes:
    """The whole of a regular file no bigger than ``limit`` bytes.

    Raises OSError when it cannot be opened (missing, no permission) and LimitError when it is not a
    regular file or is too big. Never blocks on a pipe and never reads more than ``limit + 1`` bytes.
    """
    check_regular(path, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)   # what we opened, not what was there a moment ago
        if not stat.S_ISREG(st.st_mode):
            raise LimitError(f"{what} '{path}' is {_kind(st.st_mode)}, not a file")
        if st.st_size > limit:
            raise LimitError(f"{what} '{path}' is {_size(st.st_size)}; the largest allowed is {_size(limit)}")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 * MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise LimitError(f"{what} '{path}' is larger than the largest allowed, {_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_text(path: str | Path, limit: int, what: str) -> str:
    """:func:`read_bytes` decoded as UTF-8 (UnicodeDecodeError when it is not text)."""
    return read_bytes(path, limit, what).decode("utf-8")


def inflate(data: bytes, limit: int) -> bytes:
    """zlib or gzip data inflated, refusing (LimitError) anything that would grow past ``limit`` bytes.

    Every gzip member counts (readers inflate them all, so a bomb can be a thousand small members).
    zlib.error is raised for data that is not zlib or gzip at all.
    """
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=47)   # 32 + 15: zlib or gzip header, detected
        out += d.decompress(rest, limit + 1 - len(out))
        if len(out) > limit or d.unconsumed_tail:
            raise LimitError(f"inflates to more than {_size(limit)}")
        if not d.eof:
            break   # truncated: the reader says so
        rest = d.unused_data
    return bytes(out)
