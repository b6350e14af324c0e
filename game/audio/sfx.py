"""Sound-effect presets (sfxr-style JSON in ``assets/sfx/presets.json``) and their rendering.

Each preset is a list of synth layers plus how the mixer treats it: ``priority`` (higher wins a
channel when all are busy), ``cap`` (how many copies may sound at once), ``gain`` (peak level,
at most 1.0) and an optional ``echo`` of ``[delay_s, feedback, taps]``. Pygame-free.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.audio.synth import RATE, SynthDataError, echo, layer_params, render_layers, to_int16
from game.paths import assets_dir

PRESET_FIELDS = {"layers", "priority", "cap", "gain", "echo", "note"}


@dataclass(frozen=True, slots=True)
class Preset:
    """One effect: synth layers plus the mixer's priority, per-sound cap and peak gain."""

    name: str
    layers: tuple[dict[str, Any], ...]
    priority: int
    cap: int
    gain: float
    echo: tuple[float, float, int] | None


def presets_path() -> Path:
    """The shipped preset file."""
    return assets_dir() / "sfx" / "presets.json"


def _parse_preset(name: str, raw: Any, where: str) -> Preset:
    at = f"{where}: preset {name!r}"
    if not isinstance(raw, dict):
        raise SynthDataError(f"{at} must be an object")
    unknown = set(raw) - PRESET_FIELDS
    if unknown:
        raise SynthDataError(f"{at}: unknown field(s) {sorted(unknown)}")
    layers = raw.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SynthDataError(f"{at}: 'layers' must be a non-empty list")
    parsed = tuple(layer_params(layer if isinstance(layer, dict) else {"?": layer}, f"{at} layer {i}")
                   for i, layer in enumerate(layers))
    priority, cap, gain = raw.get("priority", 1), raw.get("cap", 2), raw.get("gain", 0.8)
    if not isinstance(priority, int) or not isinstance(cap, int) or cap < 1:
        raise SynthDataError(f"{at}: 'priority' must be an int and 'cap' an int >= 1")
    if not isinstance(gain, int | float) or not 0.0 < gain <= 1.0:
        raise SynthDataError(f"{at}: 'gain' must be in (0, 1]")
    ech = raw.get("echo")
    if ech is not None:
        if not (isinstance(ech, list) and len(ech) == 3 and 0 < ech[1] < 1 and isinstance(ech[2], int)):
            raise SynthDataError(f"{at}: 'echo' must be [delay_s, feedback 0..1, taps]")
        ech = (float(ech[0]), float(ech[1]), int(ech[2]))
    return Preset(name, parsed, priority, cap, float(gain), ech)


def load_presets(path: Path | None = None) -> dict[str, Preset]:
    """Read and validate the preset file; raises :class:`SynthDataError` naming the file and entry."""
    path = path or presets_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SynthDataError(f"{path}: cannot read sound presets ({exc})") from None
    if not isinstance(data, dict):
        raise SynthDataError(f"{path}: top level must be an object of presets")
    return {name: _parse_preset(name, raw, str(path))
            for name, raw in data.items() if not name.startswith("_")}  # "_about" etc. are comments


def render_preset_float(preset: Preset, rate: int = RATE) -> np.ndarray:
    """Render a preset to mono float32 with its peak at exactly ``gain`` (so never above 0 dBFS)."""
    seed = zlib.crc32(preset.name.encode())  # stable across runs, unlike hash()
    x = render_layers(list(preset.layers), seed, rate)
    if preset.echo:
        x = echo(x, *preset.echo, rate=rate)
    peak = float(np.max(np.abs(x))) or 1.0
    return x * np.float32(preset.gain / peak)


def render_preset(preset: Preset, rate: int = RATE) -> np.ndarray:
    """Render a preset to stereo int16, shape (n, 2)."""
    mono = to_int16(render_preset_float(preset, rate))
    return np.repeat(mono[:, None], 2, axis=1)


def render_all(presets: dict[str, Preset] | None = None, rate: int = RATE) -> dict[str, np.ndarray]:
    """Render every preset (start-up work) to stereo int16 arrays keyed by name."""
    presets = presets if presets is not None else load_presets()
    return {name: render_preset(p, rate) for name, p in presets.items()}


PITCH_JITTER = (0.96, 1.0, 1.04)  # cosmetic pitch variants of every effect, rendered once at start-up


def startup_effects(presets: dict[str, Preset] | None = None,
                    rate: int = RATE) -> tuple[dict[str, Preset], dict[str, list[np.ndarray]]]:
    """Everything the mixer needs at start-up: the presets and each effect's pitch variants."""
    presets = presets if presets is not None else load_presets()
    variants = {name: [samples if r == 1.0 else repitch(samples, r) for r in PITCH_JITTER]
                for name, samples in render_all(presets, rate).items()}
    return presets, variants


def repitch(samples: np.ndarray, ratio: float) -> np.ndarray:
    """Play ``samples`` (n, 2) int16 ``ratio`` times faster: cheap pitch jitter by resampling."""
    n = len(samples)
    m = max(int(n / ratio), 1)
    src = np.minimum(np.arange(m) * ratio, n - 1)
    out = np.empty((m, samples.shape[1]), np.int16)
    for c in range(samples.shape[1]):
        out[:, c] = np.interp(src, np.arange(n), samples[:, c]).astype(np.int16)
    return out
