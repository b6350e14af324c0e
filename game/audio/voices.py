"""Synth voices for music: General MIDI program -> layers, channel-10 drum note -> layers.

Read from ``assets/music/voices.json`` and validated on load. Pygame-free. A program layer's
``freq``/``freq_end`` are multiples of the played note's frequency and its ``hold`` is the note
length, so one description serves every pitch and duration.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.audio.synth import SynthDataError, layer_params
from game.paths import assets_dir


@dataclass(frozen=True, slots=True)
class Voice:
    """A named instrument: its synth layers, and for drums the note its pitch is tuned from."""

    name: str
    layers: tuple[dict[str, Any], ...]
    base: int | None = None
    width: float = 0.0               # stereo spread 0..1 (music channels playing this voice)


@dataclass(frozen=True, slots=True)
class VoiceBank:
    """All instruments: 128 GM programs and the drum kit."""

    programs: tuple[Voice, ...]      # index = GM program 0..127
    drums: dict[int, Voice]          # note number -> drum voice
    drum_default: Voice

    def drum(self, note: int) -> Voice:
        """The drum voice for a channel-10 note (a generic hit for unmapped notes)."""
        return self.drums.get(note, self.drum_default)


def voices_path() -> Path:
    """The shipped voice file."""
    return assets_dir() / "music" / "voices.json"


def _voice(raw: Any, where: str) -> Voice:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise SynthDataError(f"{where}: needs a 'name' and 'layers'")
    layers = raw.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SynthDataError(f"{where} ({raw['name']}): 'layers' must be a non-empty list")
    at = f"{where} ({raw['name']})"
    parsed = tuple(layer_params(lay if isinstance(lay, dict) else {"?": lay}, f"{at} layer {i}")
                   for i, lay in enumerate(layers))
    base = raw.get("base")
    width = raw.get("width", 0.0)
    if not isinstance(width, int | float) or isinstance(width, bool) or not 0.0 <= width <= 1.0:
        raise SynthDataError(f"{at}: 'width' must be a number from 0 to 1")
    return Voice(raw["name"], parsed, base if isinstance(base, int) else None, float(width))


def load_voices(path: Path | None = None) -> VoiceBank:
    """Read and validate the voice file; every GM program must be covered exactly once."""
    path = path or voices_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SynthDataError(f"{path}: cannot read music voices ({exc})") from None
    programs: list[Voice | None] = [None] * 128
    for i, raw in enumerate(data.get("programs", [])):
        voice = _voice(raw, f"{path}: programs[{i}]")
        lo, hi = raw.get("from"), raw.get("to")
        if not (isinstance(lo, int) and isinstance(hi, int) and 0 <= lo <= hi <= 127):
            raise SynthDataError(f"{path}: programs[{i}] ({voice.name}) needs 0 <= from <= to <= 127")
        for prog in range(lo, hi + 1):
            if programs[prog] is not None:
                raise SynthDataError(f"{path}: GM program {prog} mapped twice ({voice.name})")
            programs[prog] = voice
    missing = [p for p, v in enumerate(programs) if v is None]
    if missing:
        raise SynthDataError(f"{path}: GM programs without a voice: {missing}")
    drums: dict[int, Voice] = {}
    for i, raw in enumerate(data.get("drums", [])):
        voice = _voice(raw, f"{path}: drums[{i}]")
        notes = raw.get("notes")
        if not isinstance(notes, list) or not all(isinstance(n, int) for n in notes):
            raise SynthDataError(f"{path}: drums[{i}] ({voice.name}) needs a list of 'notes'")
        for note in notes:
            drums[note] = voice
    default = _voice(data.get("drum_default"), f"{path}: drum_default")
    return VoiceBank(tuple(v for v in programs if v is not None), drums, default)
