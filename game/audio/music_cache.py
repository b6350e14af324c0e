"""Rendered music on disk: one WAV per track in the user's cache folder, looping sample-exact.

Pygame-free. A track's file is named after it and a key (the hash of its MIDI file, the voice file
and the synth version), so an edited song or voice is rendered again and the stale file is removed.
The game streams the file with ``pygame.mixer.music`` (nothing held in memory): SDL_mixer honours
the WAV ``smpl`` chunk's loop, so the first play-through runs on into a loop region repeated forever,
sample for sample.

File layout for a looping track (``ls``/``le``: loop start/end; ``L = le - ls``; ``T`` a few seconds)::

    [ first play-through 0 .. ls+T ][ loop body T .. L ][ loop body 0 .. T ]
                                   ^ smpl loop start              smpl loop end ^

The first pass keeps the intro's own ringing tails; by ``T`` they have died away and it equals the
loop body, so the join is seamless; the loop region is the body rotated by ``T``, which repeats
exactly as the body does. A jingle is written as is, without a loop.

Every file carries a ``rhsh`` chunk with the SHA-1 of its samples: a truncated or corrupt file fails
:func:`verify` and is rendered again. Files are written atomically (temporary file, then rename).

    python -m game.audio.music_cache [--out DIR] NAME ...   # render NAMEs into the cache (child process)
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

from game.audio.music import HEAD_TAIL, MusicDataError, RenderedTrack, file_key, music_path, render_track
from game.audio.synth import RATE, SynthDataError

TAIL_SECONDS = HEAD_TAIL    # intro tails and wrapped echoes have died away by then
HASH_CHUNK = b"rhsh"
_READ = 1 << 20


def cache_dir() -> Path:
    """The folder for rendered music: ``$REDHEAT_HOME/cache/music`` when set, else the platform's
    per-user cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on
    macOS, ``%LOCALAPPDATA%`` on Windows) under ``redheat/music``."""
    home = os.environ.get("REDHEAT_HOME")
    if home:
        return Path(home) / "cache" / "music"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "redheat" / "music"


def cache_path(name: str, folder: Path | None = None) -> Path:
    """Where the rendered ``name`` lives for the current MIDI file, voices and synth."""
    key = file_key(music_path(name))
    return (folder or cache_dir()) / f"{name}-{key[:20]}.wav"


def stream_layout(track: RenderedTrack) -> tuple[np.ndarray, tuple[int, int] | None]:
    """The samples to stream and the loop region ``(start, end)`` (end exclusive), or None."""
    if track.loop is None:
        return track.intro, None
    body = track.loop
    n = len(body)
    if not len(track.intro):
        return body, (0, n)
    ls = len(track.intro) - n
    t = min(int(TAIL_SECONDS * RATE), n)
    data = np.concatenate([track.intro[: ls + t], body[t:], body[:t]])
    return data, (ls + t, ls + t + n)


def _chunk(tag: bytes, payload: bytes) -> bytes:
    return tag + struct.pack("<I", len(payload)) + payload + (b"\0" if len(payload) % 2 else b"")


def wav_bytes_header(frames: int, loop: tuple[int, int] | None, digest: bytes) -> bytes:
    """RIFF header, ``fmt``, optional ``smpl`` loop, the hash chunk and the ``data`` chunk header."""
    fmt = struct.pack("<HHIIHH", 1, 2, RATE, RATE * 4, 4, 16)
    chunks = _chunk(b"fmt ", fmt)
    if loop is not None:
        # manufacturer, product, sample period (ns), unity note, pitch fraction, SMPTE format/offset,
        # one loop, no sampler data; then the loop: id, forward, start, end (inclusive), fraction, forever
        smpl = struct.pack("<9I", 0, 0, int(1e9 / RATE), 60, 0, 0, 0, 1, 0)
        smpl += struct.pack("<6I", 0, 0, loop[0], loop[1] - 1, 0, 0)
        chunks += _chunk(b"smpl", smpl)
    chunks += _chunk(HASH_CHUNK, digest)
    data_len = frames * 4
    riff_len = 4 + len(chunks) + 8 + data_len
    return b"RIFF" + struct.pack("<I", riff_len) + b"WAVE" + chunks + b"data" + struct.pack("<I", data_len)


def write_track(path: Path, track: RenderedTrack) -> Path:
    """Write ``track`` as a streamable, looping WAV at ``path`` atomically; returns ``path``."""
    samples, loop = stream_layout(track)
    payload = np.ascontiguousarray(samples, dtype="<i2").tobytes()
    header = wav_bytes_header(len(samples), loop, hashlib.sha1(payload).digest())
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(header)
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_layout(path: Path) -> tuple[int, int, tuple[int, int] | None, bytes]:
    """``(data offset, data bytes, loop, digest)`` of a cache file; raises ValueError when malformed."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:] != b"WAVE":
            raise ValueError("not a RIFF/WAVE file")
        pos, loop, digest, fmt = 12, None, b"", b""
        while pos + 8 <= size:
            f.seek(pos)
            tag, length = struct.unpack("<4sI", f.read(8))
            if tag == b"data":
                if pos + 8 + length != size or length % 4 or not fmt or not digest:
                    raise ValueError("truncated or incomplete")
                return pos + 8, length, loop, digest
            body = f.read(length)
            if len(body) < length:
                raise ValueError("truncated chunk")
            if tag == b"fmt ":
                fmt = body
                if struct.unpack("<HHIIHH", body[:16]) != (1, 2, RATE, RATE * 4, 4, 16):
                    raise ValueError("not 16-bit stereo at the mixer rate")
            elif tag == b"smpl" and length >= 60:
                start, end = struct.unpack("<II", body[44:52])
                loop = (start, end + 1)
            elif tag == HASH_CHUNK:
                digest = body[:20]
            pos += 8 + length + (length % 2)
    raise ValueError("no data chunk")


def verify(path: Path) -> bool:
    """True when ``path`` is a whole, uncorrupted cache file (header, length and sample hash)."""
    try:
        offset, length, loop, digest = read_layout(path)
        if loop is not None and not (0 <= loop[0] < loop[1] <= length // 4):
            return False
        h = hashlib.sha1()
        with open(path, "rb") as f:
            f.seek(offset)
            left = length
            while left:
                block = f.read(min(_READ, left))
                if not block:
                    return False
                h.update(block)
                left -= len(block)
        return h.digest() == digest
    except (OSError, ValueError, struct.error):
        return False


def ensure(name: str, folder: Path | None = None) -> Path:
    """The verified cache file of ``name``, rendering and writing it first when missing or bad.

    Older renders of the same track (other keys) are removed, so the cache holds one file a track.
    """
    folder = folder or cache_dir()
    path = cache_path(name, folder)
    if verify(path):
        return path
    track = render_track(name)
    write_track(path, track)
    for old in folder.glob(f"{name}-*.wav"):
        if old != path and len(old.stem) == len(path.stem):
            old.unlink(missing_ok=True)
    return path


def main(argv: list[str] | None = None) -> int:
    """Render tracks into the cache (the game runs this as a low-priority child process)."""
    ap = argparse.ArgumentParser(prog="python -m game.audio.music_cache", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="cache folder (default: the user's)")
    ap.add_argument("names", nargs="+")
    args = ap.parse_args(argv)
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)  # the game's own frames come first
    for name in args.names:
        try:
            print(ensure(name, args.out), flush=True)
        except (MusicDataError, SynthDataError, OSError) as exc:
            print(f"music: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
