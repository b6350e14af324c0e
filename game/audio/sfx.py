"""Sound-effect presets (sfxr-style JSON in ``assets/sfx/presets.json``) and their rendering.

Each preset is a list of synth layers plus how the mix treats it: ``priority`` (higher wins a
channel when all are busy), ``cap`` (how many copies may sound at once), ``loudness`` (the level it
is rendered at, in dB K-weighted over its loudest 200 ms, see :mod:`game.audio.loudness`),
``takes`` (how many versions: each with its own noise and a pitch spread over ``spread``
semitones, so a hit never sounds twice exactly alike), ``fanfare`` (a jingle the bus never starts
in the same tick as another) and an optional ``echo`` of ``[delay_s, feedback, taps]``. ``gain``
(the peak level of older preset files) is still read, as a cap on the peak. Pygame-free.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.random  # the synth's noise needs it; numpy loads it lazily, so import it with the module

from game.audio.loudness import effect_loudness
from game.audio.synth import RATE, SynthDataError, echo, layer_params, render_layer, to_int16
from game.paths import assets_dir

PRESET_FIELDS = {"layers", "priority", "cap", "loudness", "takes", "spread", "fanfare", "echo", "note",
                 "gain"}
PEAK_CEILING = 0.89    # no single effect peaks above -1 dBFS, whatever its loudness asks for
ENVELOPE_BLOCK = 245   # samples per step of an effect's peak envelope (1/3 of a 60 Hz tick)


@dataclass(frozen=True, slots=True)
class Preset:
    """One effect: synth layers plus the mix's priority, per-sound cap, loudness and takes."""

    name: str
    layers: tuple[dict[str, Any], ...]
    priority: int
    cap: int
    loudness: float
    echo: tuple[float, float, int] | None
    takes: int = 1
    spread: float = 0.0
    fanfare: bool = False
    peak: float = 0.89     # the most its peak may reach (``gain`` in older preset files)


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
    priority, cap, loud = raw.get("priority", 1), raw.get("cap", 2), raw.get("loudness", -20.0)
    takes, spread, fanfare = raw.get("takes", 1), raw.get("spread", 0.0), raw.get("fanfare", False)
    if not isinstance(priority, int) or not isinstance(cap, int) or cap < 1:
        raise SynthDataError(f"{at}: 'priority' must be an int and 'cap' an int >= 1")
    if not isinstance(loud, int | float) or isinstance(loud, bool) or not -60.0 <= loud <= 0.0:
        raise SynthDataError(f"{at}: 'loudness' must be a number of dB in -60..0")
    if not isinstance(takes, int) or isinstance(takes, bool) or not 1 <= takes <= 8:
        raise SynthDataError(f"{at}: 'takes' must be an int in 1..8")
    if not isinstance(spread, int | float) or isinstance(spread, bool) or not 0.0 <= spread <= 12.0:
        raise SynthDataError(f"{at}: 'spread' must be semitones in 0..12")
    if not isinstance(fanfare, bool):
        raise SynthDataError(f"{at}: 'fanfare' must be true or false")
    gain = raw.get("gain", PEAK_CEILING)  # the old peak level: now only a cap on the peak
    if not isinstance(gain, int | float) or isinstance(gain, bool) or not 0.0 < gain <= 1.0:
        raise SynthDataError(f"{at}: 'gain' must be in (0, 1]")
    ech = raw.get("echo")
    if ech is not None:
        if not (isinstance(ech, list) and len(ech) == 3 and 0 < ech[1] < 1 and isinstance(ech[2], int)):
            raise SynthDataError(f"{at}: 'echo' must be [delay_s, feedback 0..1, taps]")
        ech = (float(ech[0]), float(ech[1]), int(ech[2]))
    return Preset(name, parsed, priority, cap, float(loud), ech, takes, float(spread), fanfare,
                  min(float(gain), PEAK_CEILING))


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


def take_pitch(preset: Preset, take: int) -> float:
    """Frequency ratio of one take: the takes spread evenly over ``spread`` semitones, shuffled so
    neighbouring takes are not neighbouring pitches."""
    if preset.takes < 2 or not preset.spread:
        return 1.0
    order = (0, 2, 1, 3, 5, 4, 7, 6)[take] if preset.takes <= 8 else take
    step = min(order, preset.takes - 1) / (preset.takes - 1) - 0.5
    return float(2.0 ** (step * preset.spread / 12.0))


def _layers_at(preset: Preset, ratio: float) -> list[dict[str, Any]]:
    return [dict(p, freq=p["freq"] * ratio, freq_end=p["freq_end"] * ratio) for p in preset.layers]


def _resample(x: np.ndarray, ratio: float) -> np.ndarray:
    """``x`` played ``ratio`` times faster (pitch and length change together, as on a sampler)."""
    m = max(int(len(x) / ratio), 1)
    return np.interp(np.arange(m, dtype=np.float64) * ratio, np.arange(len(x)), x).astype(np.float32)


def _render_raw_takes(preset: Preset, rate: int) -> list[np.ndarray]:
    """Every take before levelling. Take 0 is synthesised; the others get fresh noise layers (their
    own seeds, at their pitch) over take 0's tonal layers resampled to their pitch: a new take costs
    the noise, not another pass of the oscillators."""
    base_seed = zlib.crc32(preset.name.encode())  # stable across runs, unlike hash()
    first = take_pitch(preset, 0)
    tonal: list[np.ndarray | None] = []
    takes = []
    for take in range(preset.takes):
        seed = base_seed + 7919 * take
        ratio = take_pitch(preset, take)
        parts = []
        for i, p in enumerate(_layers_at(preset, ratio)):
            if take == 0 or p["wave"] == "noise":
                part = render_layer(p, seed * 31 + i, rate)
                if take == 0:
                    tonal.append(None if p["wave"] == "noise" else part)
            else:
                base = tonal[i]
                assert base is not None
                part = _resample(base, ratio / first)
            parts.append(part)
        x = np.zeros(max(len(part) for part in parts), np.float32)
        for part in parts:
            x[: len(part)] += part
        if preset.echo:
            x = echo(x, *preset.echo, rate=rate)
        takes.append(x)
    return takes


def level_gain(preset: Preset, x: np.ndarray, rate: int = RATE) -> float:
    """Gain that brings ``x`` to the preset's loudness, lowered if its peak would pass -1 dBFS."""
    measured = effect_loudness(x, rate)
    gain = 10.0 ** ((preset.loudness - measured) / 20.0)
    peak = float(np.max(np.abs(x))) or 1.0
    return min(gain, preset.peak / peak)


def render_takes(preset: Preset, rate: int = RATE) -> list[np.ndarray]:
    """Every take of a preset as mono float32, levelled to its loudness (one gain for all takes,
    measured on the first, so the takes differ in colour, not level)."""
    raws = _render_raw_takes(preset, rate)
    gain = level_gain(preset, raws[0], rate)
    peak = max(float(np.max(np.abs(x))) for x in raws) or 1.0
    gain = min(gain, preset.peak / peak)
    return [x * np.float32(gain) for x in raws]


def render_preset_float(preset: Preset, rate: int = RATE) -> np.ndarray:
    """The first take of a preset as mono float32 at its loudness (never above -1 dBFS)."""
    return render_takes(preset, rate)[0]


def render_preset(preset: Preset, rate: int = RATE) -> np.ndarray:
    """Render a preset's first take to stereo int16, shape (n, 2)."""
    mono = to_int16(render_preset_float(preset, rate))
    return np.repeat(mono[:, None], 2, axis=1)


def peak_envelope(x: np.ndarray, block: int = ENVELOPE_BLOCK) -> np.ndarray:
    """Peak of ``|x|`` in each ``block`` of samples (the bus adds these to foresee a mix's peaks)."""
    n = -(-len(x) // block) * block
    padded = np.zeros(n, np.float32)
    padded[: len(x)] = np.abs(x)
    return padded.reshape(-1, block).max(axis=1)


@dataclass(slots=True)
class Effect:
    """A rendered preset: its takes (mono float32 and stereo int16) and each take's peak envelope."""

    preset: Preset
    takes: list[np.ndarray]
    pcm: list[np.ndarray] = field(default_factory=list)
    envelopes: list[np.ndarray] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The preset's name."""
        return self.preset.name


def render_effect(preset: Preset, rate: int = RATE) -> Effect:
    """Render every take of a preset with what the mixer needs to play and budget it."""
    return effect_from_takes(preset, render_takes(preset, rate))


def effect_from_takes(preset: Preset, takes: list[np.ndarray]) -> Effect:
    """An :class:`Effect` from its levelled takes (mono float32): adds the int16 sound and envelopes."""
    pcm = []
    for x in takes:
        stereo = np.empty((len(x), 2), np.int16)
        stereo[:, 0] = stereo[:, 1] = to_int16(x)
        pcm.append(stereo)
    # the envelope of what is played: one step of int16 rounding above the float take, to stay safe
    envelopes = [peak_envelope(x) + np.float32(1.0 / 32767.0) for x in takes]
    return Effect(preset, takes, pcm, envelopes)


def startup_effects(presets: dict[str, Preset] | None = None, rate: int = RATE,
                    later: tuple[str, ...] = (), cache: Path | None = None) -> dict[str, Effect]:
    """Everything the mixer needs at start-up: every preset rendered with all its takes, except
    those named in ``later`` (the bus renders them when a level first needs them).

    With ``cache`` (a file, see :func:`effects_cache_path`), takes already rendered there are read
    back instead of rendered; when anything had to be rendered, the file is written again
    (atomically). A missing, stale or corrupt file only means rendering, never an error."""
    presets = presets if presets is not None else load_presets()
    wanted = {name: p for name, p in presets.items() if name not in later}
    stored = _read_cache(cache, wanted) if cache is not None and rate == RATE else {}
    out = {name: effect_from_takes(p, stored[name]) if name in stored else render_effect(p, rate)
           for name, p in wanted.items()}
    if cache is not None and rate == RATE and len(stored) < len(wanted):
        _write_cache(cache, out)
    return out


EFFECTS_CACHE_VERSION = "1"  # bump when the file layout changes (the key covers presets and code)


def effects_cache_path(presets_file: Path | None = None) -> Path:
    """The start-up effects' cache file, in the user's cache folder next to the music
    (``.../cache/sfx/effects-KEY.npz``); the key hashes the preset file and the source of the
    modules that render (synth, sfx, loudness), so any change to either renders afresh."""
    from game.audio import loudness, synth
    from game.audio.music_cache import cache_dir

    h = hashlib.sha1(EFFECTS_CACHE_VERSION.encode())
    sources = (Path(synth.__file__), Path(__file__), Path(loudness.__file__))
    for path in (presets_file or presets_path(), *sources):
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
    return cache_dir().parent / "sfx" / f"effects-{h.hexdigest()[:20]}.npz"


def _read_cache(path: Path, wanted: dict[str, Preset]) -> dict[str, list[np.ndarray]]:
    """The takes of ``wanted`` presets found in the cache file (zip CRCs catch a damaged file)."""
    out: dict[str, list[np.ndarray]] = {}
    try:
        with np.load(path, allow_pickle=False) as data:
            samples, spans, keys = data["samples"], data["spans"], data["keys"]
        if (samples.dtype != np.float32 or spans.shape != (len(keys), 2) or spans.min(initial=0) < 0
                or spans.sum(axis=1).max(initial=0) > len(samples)):
            return {}
        where = {str(k): (int(a), int(n)) for k, (a, n) in zip(keys, spans, strict=True)}
        for name, preset in wanted.items():
            got = [where.get(f"{name}/{i}") for i in range(preset.takes)]
            if all(g is not None and g[1] > 0 for g in got):
                out[name] = [samples[a: a + n] for a, n in got]  # type: ignore[misc]
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, EOFError, KeyError, TypeError, zipfile.BadZipFile):
        return {}  # damaged: render everything again (and rewrite it)
    return out


def _write_cache(path: Path, effects: dict[str, Effect]) -> None:
    """Write every effect's takes to ``path`` atomically (one run of samples and where each take
    lies); older cache files beside it are removed. A cache that cannot be written is skipped
    (the game rendered what it needs)."""
    keys = [f"{name}/{i}" for name, fx in effects.items() for i in range(len(fx.takes))]
    takes = [take for fx in effects.values() for take in fx.takes]
    lengths = np.array([len(t) for t in takes], np.int64)
    spans = np.stack([np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths], axis=1)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                samples = np.concatenate(takes).astype(np.float32)
                np.savez(f, samples=samples, spans=spans, keys=np.array(keys))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob("effects-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def repitch(samples: np.ndarray, ratio: float) -> np.ndarray:
    """Play ``samples`` (n, 2) int16 ``ratio`` times faster: cheap pitch change by resampling."""
    n = len(samples)
    m = max(int(n / ratio), 1)
    src = np.minimum(np.arange(m) * ratio, n - 1)
    out = np.empty((m, samples.shape[1]), np.int16)
    for c in range(samples.shape[1]):
        out[:, c] = np.interp(src, np.arange(n), samples[:, c]).astype(np.int16)
    return out
