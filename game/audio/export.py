"""``python main.py export-audio DIR``: write every music track and sound effect as 16-bit WAV.

Pygame-free. Tracks are written as one play-through (intro, then the loop body once); a
track with a loop also gets ``NAME.loop.wav`` holding just the loop body, to audition the seam
with any player's repeat mode.
"""

from __future__ import annotations

import argparse
import sys
import wave
from pathlib import Path

import numpy as np

from game.audio.music import TRACK_NAMES, MusicDataError, render_track
from game.audio.sfx import load_presets, render_preset
from game.audio.synth import RATE, SynthDataError


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    """Write a (n, 2) int16 array as a stereo 16-bit WAV file."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(samples.shape[1] if samples.ndim == 2 else 1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())


def export_all(out: Path, tracks: tuple[str, ...] = TRACK_NAMES, effects: bool = True) -> list[Path]:
    """Render and write tracks and effects under ``out/music`` and ``out/sfx``; returns the files."""
    written: list[Path] = []
    if effects:
        (out / "sfx").mkdir(parents=True, exist_ok=True)
        for name, preset in load_presets().items():
            path = out / "sfx" / f"{name}.wav"
            write_wav(path, render_preset(preset))
            written.append(path)
    if tracks:
        (out / "music").mkdir(parents=True, exist_ok=True)
    for name in tracks:
        track = render_track(name)
        play = track.intro if len(track.intro) else track.loop
        path = out / "music" / f"{name}.wav"
        write_wav(path, play)
        written.append(path)
        if track.loop is not None:
            loop_path = out / "music" / f"{name}.loop.wav"
            write_wav(loop_path, track.loop)
            written.append(loop_path)
    return written


def main(argv: list[str]) -> int:
    """Command-line entry (arguments after ``export-audio``); returns the exit code."""
    ap = argparse.ArgumentParser(prog="main.py export-audio",
                                 description="Write all music and effects as WAV.")
    ap.add_argument("dir", type=Path, help="output folder (created if missing)")
    ap.add_argument("--track", action="append", choices=TRACK_NAMES, help="only this track (repeatable)")
    ap.add_argument("--no-sfx", action="store_true", help="skip the sound effects")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        files = export_all(args.dir, tuple(args.track) if args.track else TRACK_NAMES, not args.no_sfx)
    except (SynthDataError, MusicDataError, OSError) as exc:
        print(f"export-audio: {exc}", file=sys.stderr)
        return 1
    print(f"export-audio: wrote {len(files)} WAV files to {args.dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
