"""The chip synthesizer: oscillators, envelopes, slides, vibrato, filter and echo, all in numpy.

Pygame-free, so effects and music can be rendered, tested and exported headless. A sound is
described by one or more *layers* (plain dicts, see :data:`LAYER_DEFAULTS`); the same layer
shape drives the sound-effect presets and the music voices. Everything is deterministic: the
noise generator is seeded from the caller's seed, never from the clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

RATE = 44100  # mixer rate: CD rate, so 16 kHz hats and hiss keep their air

WAVES = ("square", "triangle", "saw", "sine", "noise", "fm")

# Every layer key with its default. Times are seconds, frequencies Hz, pitch amounts semitones.
LAYER_DEFAULTS: dict[str, Any] = {
    "wave": "square",
    "freq": 440.0,         # start frequency (music voices get it from the note)
    "freq_end": 0.0,       # 0 = no slide; else exponential slide towards it
    "slide_time": 0.0,     # 0 = slide over the whole sound
    "duty": 0.5,           # pulse width for "square"
    "duty_end": -1.0,      # -1 = constant duty; else linear sweep to it
    "attack": 0.002,
    "decay": 0.0,
    "sustain": 1.0,        # level held after decay
    "hold": 0.1,           # time from note start to release (music: the note length)
    "release": 0.05,
    "curve": 1.0,          # >1 bends the envelope towards an exponential fall
    "vibrato_depth": 0.0,  # semitones
    "vibrato_rate": 5.0,
    "vibrato_delay": 0.0,
    "arp": [],             # semitone offsets stepped through every arp_step seconds
    "arp_step": 0.05,
    "fm_ratio": 1.0,       # "fm": modulator frequency / carrier frequency
    "fm_index": 0.0,       # modulation depth at the start ...
    "fm_index_end": -1.0,  # ... and at the end (-1 = constant)
    "detune": 0.0,         # cents: adds a second detuned copy (chorus) when non-zero
    "crush": 0,            # >0 quantises the wave to that many levels (chip grit)
    "lowpass": 0.0,        # cutoff Hz, 0 = off
    "highpass": 0.0,       # cutoff Hz, 0 = off
    "volume": 1.0,
    "delay": 0.0,          # layer starts this late
}


class SynthDataError(ValueError):
    """A sound description with a missing or wrong field; the message names the source and entry."""


def layer_params(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Merge a raw layer dict over the defaults, checking names and types; ``where`` names the entry."""
    unknown = set(raw) - set(LAYER_DEFAULTS)
    if unknown:
        raise SynthDataError(f"{where}: unknown field(s) {sorted(unknown)}")
    out = dict(LAYER_DEFAULTS)
    for key, value in raw.items():
        default = LAYER_DEFAULTS[key]
        if isinstance(default, str):
            ok = isinstance(value, str)
        elif isinstance(default, list):
            ok = isinstance(value, list) and all(isinstance(v, int | float) for v in value)
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok:
            raise SynthDataError(f"{where}: field {key!r} has bad value {value!r}")
        out[key] = value
    if out["wave"] not in WAVES:
        raise SynthDataError(f"{where}: wave {out['wave']!r} is not one of {', '.join(WAVES)}")
    for key in ("attack", "decay", "hold", "release", "delay"):
        if out[key] < 0:
            raise SynthDataError(f"{where}: {key} must not be negative")
    return out


def envelope(n: int, p: Mapping[str, Any], rate: int = RATE) -> np.ndarray:
    """Attack-decay-sustain-release gain curve of ``n`` samples (release starts at ``hold``)."""
    a, d, s, r = p["attack"], p["decay"], p["sustain"], p["release"]
    hold = max(p["hold"], 1.0 / rate)
    times = [0.0, a, a + d]
    values = [0.0, 1.0, s]
    if hold < a + d:  # note released before attack+decay finished: release from where it got to
        level = float(np.interp(hold, times, values))
        keep = [i for i, t in enumerate(times) if t < hold]
        times, values = [times[i] for i in keep] + [hold], [values[i] for i in keep] + [level]
    else:
        times.append(hold)
        values.append(s)
        level = s
    times.append(hold + max(r, 1.0 / rate))
    values.append(0.0)
    curve = float(p["curve"])
    flat = np.float32(level) ** np.float32(curve) if curve != 1.0 else np.float32(level)
    env = np.full(n, flat, np.float32)
    # only the moving parts (attack/decay, release) need computing; the sustain stays flat
    head = min(n, int(min(a + d, hold) * rate) + 1)
    start = min(n, int(hold * rate))
    for lo, hi in ((0, head), (start, n)):
        if hi > lo:
            part = _piecewise(lo, hi, times, values, rate)
            env[lo:hi] = part ** np.float32(curve) if curve != 1.0 else part
    return env


def _piecewise(lo: int, hi: int, times: list[float], values: list[float], rate: int) -> np.ndarray:
    """Samples ``lo``..``hi`` of the line through (``times``, ``values``), held flat outside them:
    ``np.interp`` at ``k / rate``, made segment by segment (a search per sample is the slow part)."""
    out = np.empty(hi - lo, np.float32)

    def first_at(t: float) -> int:  # the first sample at or after t seconds, within lo..hi
        return min(max(int(np.ceil(t * rate)), lo), hi)

    done = first_at(times[0])
    out[: done - lo] = values[0]
    for i in range(len(times) - 1):
        t0, t1, v0, v1 = times[i], times[i + 1], values[i], values[i + 1]
        end = first_at(t1)
        if end > done and t1 > t0:
            slope = (v1 - v0) / (t1 - t0)
            seg = out[done - lo: end - lo]
            seg[:] = np.arange(done, end, dtype=np.float32)
            seg *= np.float32(slope / rate)
            seg += np.float32(v0 - t0 * slope)
        done = max(done, end)
    out[done - lo:] = values[-1]
    return out


def layer_length(p: Mapping[str, Any], rate: int = RATE) -> int:
    """Samples a layer lasts, including its delay and release."""
    return int((p["delay"] + p["hold"] + p["release"]) * rate) + 1


def _frequency(n: int, p: Mapping[str, Any], rate: int) -> np.ndarray:
    freq = np.full(n, float(p["freq"]), np.float32)
    if not (p["freq_end"] > 0 or p["arp"]):
        if p["vibrato_depth"]:
            freq *= _vibrato_of(n, p, rate)
        return freq
    t = np.arange(n, dtype=np.float32) / np.float32(rate)
    if p["freq_end"] > 0:
        span = p["slide_time"] or max(n / rate, 1e-6)
        frac = np.minimum(t / np.float32(span), np.float32(1.0))
        freq *= np.exp2(frac * np.float32(np.log2(p["freq_end"] / p["freq"])))
    if p["arp"]:
        steps = np.minimum((t / max(p["arp_step"], 1e-4)).astype(int), len(p["arp"]) - 1)
        freq *= np.exp2(np.asarray(p["arp"], dtype=np.float32)[steps] / np.float32(12.0))
    if p["vibrato_depth"]:
        freq *= _vibrato_of(n, p, rate)
    return freq


def _vibrato_of(n: int, p: Mapping[str, Any], rate: int) -> np.ndarray:
    return _vibrato(n, float(p["vibrato_depth"]), float(p["vibrato_rate"]), float(p["vibrato_delay"]), rate)


_VIBRATO: dict[tuple[float, float, float, int], np.ndarray] = {}


def _vibrato(n: int, depth: float, speed: float, delay: float, rate: int) -> np.ndarray:
    """The frequency ratio of a vibrato, sample by sample (``n`` of them; the longest made is kept,
    since a shorter one is its start)."""
    key = (depth, speed, delay, rate)
    got = _VIBRATO.get(key)
    if got is None or len(got) < n:
        t = np.arange(max(n, 2 * len(got)) if got is not None else n, dtype=np.float32) / np.float32(rate)
        ramp = np.clip((t - np.float32(delay)) * np.float32(4.0), 0.0, 1.0)  # fades in
        wobble = np.sin(t * np.float32(2 * np.pi * speed))
        got = np.exp2(ramp * wobble * np.float32(depth / 12.0))
        if len(_VIBRATO) > 64:
            _VIBRATO.clear()
        _VIBRATO[key] = got
    return got[:n]


TABLE_SIZE = 8192           # samples per cycle of a band-limited wavetable (read without interpolation)
_BLOCK = 512                # a slide picks its harmonic count afresh every this many samples


def _levels() -> tuple[int, ...]:
    """Harmonic counts the tables come in (about four per octave), so a few tables serve every pitch."""
    out, h = [], 1.0
    while h < TABLE_SIZE // 2:
        out.append(int(h))
        h = max(h + 1, h * 2 ** 0.25)
    return tuple(sorted(set(out)))


LEVELS = np.array(_levels(), np.int64)


@lru_cache(maxsize=256)
def harmonic_table(kind: str, harmonics: int, filt: tuple[float, float, float, int] | None = None,
                   duty: float = 0.5) -> np.ndarray:
    """One cycle (plus a wrap-around sample) of a band-limited ``saw``, ``triangle`` or ``pulse``.

    Additive synthesis of the naive wave's Fourier series up to ``harmonics``, each harmonic
    weighted by Lanczos' sigma factor so the band limit does not ring (Gibbs overshoot about 1 %).
    Nothing lies above the last harmonic, so nothing folds back below the Nyquist frequency.
    A pulse of ``duty`` is the difference of two saws ``duty`` apart, scaled as the naive pulse
    with its DC removed was. ``filt`` = (fundamental Hz, low-pass Hz, high-pass Hz, rate) bakes the
    layer's FIR filters into the harmonics (their exact gain at each one), which for a steady pitch
    is the same as filtering the wave afterwards, at no cost per sample.
    """
    n = TABLE_SIZE
    k = np.arange(1, harmonics + 1, dtype=np.float64)
    sigma = np.sinc(k / (harmonics + 1))
    if filt is not None:
        f0, lo, hi, rate = filt
        sigma = sigma * filter_gain(k * f0, lo, hi, rate)
    spec = np.zeros(n // 2 + 1, np.complex128)
    if kind == "triangle":  # 4|phase - 1/2| - 1 = (8/pi^2) * sum over odd k of cos(2 pi k phase) / k^2
        spec[1: harmonics + 1] = (n / 2) * np.where(k % 2 == 1, 8 / (np.pi ** 2 * k ** 2), 0.0) * sigma
    else:                   # 2*phase - 1 = -(2/pi) * sum sin(2 pi k phase) / k
        saw = -1j * (n / 2) * (-(2 / np.pi) / k) * sigma
        if kind == "pulse":  # saw(phase - duty) - saw(phase), peak kept at 1 as for the naive pulse
            saw = saw * (np.exp(-2j * np.pi * k * duty) - 1.0) / (1.0 + abs(2.0 * duty - 1.0))
        spec[1: harmonics + 1] = saw
    table = np.fft.irfft(spec, n)
    return np.append(table, table[0]).astype(np.float32)


def _harmonic_counts(freq: np.ndarray, rate: int) -> np.ndarray:
    """Per block of samples, the table level whose harmonics all stay under 0.45 x the rate."""
    blocks = -(-len(freq) // _BLOCK)
    if freq[0] == freq[-1] and freq.min() == freq.max():  # a steady pitch: one level throughout
        allowed = np.array([int(0.45 * rate / max(abs(float(freq[0])), 1.0))])
        return np.full(blocks, max(np.searchsorted(LEVELS, allowed, side="right")[0] - 1, 0))
    top = np.abs(freq[: blocks * _BLOCK]) if len(freq) % _BLOCK == 0 else np.abs(
        np.concatenate([freq, np.full(blocks * _BLOCK - len(freq), freq[-1])]))
    fmax = np.maximum(top.reshape(blocks, _BLOCK).max(axis=1), 1.0)
    allowed = np.floor(0.45 * rate / fmax).astype(np.int64)
    return np.maximum(np.searchsorted(LEVELS, allowed, side="right") - 1, 0)


PHASE_BITS = 19            # fraction bits of the fixed-point phase: 13 bits of table index + 19 = 32


def _phase_index(freq: np.ndarray, steady: bool, rate: int) -> np.ndarray:
    """Table indices (uint32, already wrapped) of a phase that starts one step in, as a running sum.

    The phase is a 32-bit fixed-point accumulator (13 bits of table index, 19 of fraction) that
    wraps by itself, so a long note keeps its phase exact to 2^-19 of a table sample per step;
    a steady pitch multiplies instead of summing."""
    scale = TABLE_SIZE / rate * float(1 << PHASE_BITS)
    if steady:
        step = np.uint32(round(float(freq[0]) * scale) & 0xFFFFFFFF)
        acc = np.arange(1, len(freq) + 1, dtype=np.uint32)
        acc *= step  # wraps modulo 2^32: the phase modulo one cycle
    else:
        inc = np.rint(freq.astype(np.float64) * scale).astype(np.int64).astype(np.uint32)
        acc = np.cumsum(inc, dtype=np.uint32)
    acc >>= np.uint32(PHASE_BITS)
    return acc


@lru_cache(maxsize=64)
def _table_stack(kind: str, lo: int, hi: int, filt: tuple[float, float, float, int] | None,
                 duty: float) -> np.ndarray:
    """The tables of levels ``lo``..``hi`` one after another, flat (row ``r`` starts at r * TABLE_SIZE)."""
    return np.concatenate([harmonic_table(kind, int(h), filt, duty)[:TABLE_SIZE]
                           for h in LEVELS[lo: hi + 1]])


def _lookup(kind: str, idx: np.ndarray, levels: np.ndarray,
            filt: tuple[float, float, float, int] | None = None, duty: float = 0.5) -> np.ndarray:
    """Read a band-limited table at ``idx`` (table indices, see :func:`_phase_index`). The table is
    fine enough that the nearest sample below will do: the phase error stays under 1/8192 of a
    cycle, which puts its noise some 50 dB or more under the tone."""
    lo, hi = int(levels.min()), int(levels.max())
    if lo == hi:
        return harmonic_table(kind, int(LEVELS[lo]), filt, duty)[idx]
    stack = _table_stack(kind, lo, hi, filt, duty)
    row = np.repeat(((levels - lo) * TABLE_SIZE).astype(np.uint32), _BLOCK)[: len(idx)]
    row += idx
    return stack[row]


def _oscillator(freq: np.ndarray, p: Mapping[str, Any], rng: np.random.Generator | None, rate: int,
                filt: tuple[float, float, float, int] | None = None) -> np.ndarray:
    wave = p["wave"]
    steady = bool(freq[0] == freq[-1] and not (p["vibrato_depth"] or p["arp"] or p["freq_end"] > 0))
    if wave in ("square", "saw", "triangle"):
        # band-limited: wavetables holding only the harmonics under the Nyquist frequency
        idx = _phase_index(freq, steady, rate)
        levels = _harmonic_counts(freq, rate)
        if wave != "square":
            return _lookup(wave, idx, levels, filt)
        if p["duty_end"] < 0:
            duty = round(float(p["duty"]) * TABLE_SIZE) / TABLE_SIZE
            return _lookup("pulse", idx, levels, filt, duty)
        # a sweeping duty: the difference of two saws that drift apart, DC removed as for the naive pulse
        duty_arr = np.linspace(p["duty"], p["duty_end"], len(freq))
        shifted = idx - (duty_arr * TABLE_SIZE).astype(np.int64) + TABLE_SIZE
        shifted &= TABLE_SIZE - 1
        offset = np.abs(2.0 * duty_arr - 1.0).astype(np.float32)
        return (_lookup("saw", shifted, levels, filt) - _lookup("saw", idx, levels, filt)) / (1.0 + offset)
    if steady:  # the running sum of a constant is a straight line (and much cheaper made as one)
        phase = np.arange(1, len(freq) + 1, dtype=np.float64)
        phase *= float(freq[0])  # exact, as the running sum was; then divided as it was
        phase /= rate
    else:
        phase = np.cumsum(freq, dtype=np.float64) / rate  # float64: long notes keep their phase exact
    if wave == "noise":
        # sample-and-hold noise clocked at freq, like the 8-bit consoles: low freq = rumble, high = hiss
        idx = phase.astype(np.int64)
        assert rng is not None, "noise needs its seeded generator"
        table = rng.uniform(-1.0, 1.0, int(idx[-1]) + 2)
        return table[idx]
    # the sines in float32 on the phase within its cycle (exact to far under the float32 step)
    cycle = (phase - np.floor(phase)).astype(np.float32)
    cycle *= np.float32(2 * np.pi)
    if wave == "sine":
        return np.sin(cycle)
    index = p["fm_index"]
    if p["fm_index_end"] >= 0:  # the brightness of an FM tone falls as it sounds, like brass and bells
        index = np.linspace(p["fm_index"], p["fm_index_end"], len(freq), dtype=np.float32)
    mod = phase * float(p["fm_ratio"])
    mod = (mod - np.floor(mod)).astype(np.float32)
    mod *= np.float32(2 * np.pi)
    return np.sin(cycle + np.asarray(index, np.float32) * np.sin(mod))


@lru_cache(maxsize=128)
def lowpass_kernel(cutoff: float, rate: int = RATE, taps: int = 23) -> np.ndarray:
    """A windowed-sinc low-pass FIR kernel (unity gain at DC); shared, so never change it in place."""
    fc = min(cutoff / rate, 0.49)
    m = np.arange(taps) - (taps - 1) / 2
    h = np.sinc(2 * fc * m) * np.blackman(taps)
    return (h / h.sum()).astype(np.float32)


def filter_gain(freqs: np.ndarray, lo: float, hi: float, rate: int = RATE) -> np.ndarray:
    """Gain at ``freqs`` of a layer's filters: the low-pass FIR (``lo``) and the high-pass made by
    subtracting a low-pass (``hi``); 0 means off. Zero-phase, so the gain is the whole response."""
    out = np.ones(len(freqs))
    for cutoff, high in ((lo, False), (hi, True)):
        if cutoff:
            h = lowpass_kernel(cutoff, rate).astype(np.float64)
            m = np.arange(len(h)) - (len(h) - 1) / 2
            resp = np.cos(2 * np.pi * np.outer(freqs / rate, m)) @ h  # symmetric kernel: real response
            out = out * ((1.0 - resp) if high else resp)
    return out


def lowpass(x: np.ndarray, cutoff: float, rate: int = RATE) -> np.ndarray:
    """Low-pass filter ``x`` (same length, no delay)."""
    # as np.convolve(x, h, mode="same"), made as a sum of shifted copies (a few times faster for 23 taps)
    h = lowpass_kernel(cutoff, rate)
    n, m = len(x), len(h)
    if n < m:
        return np.convolve(x, h, mode="same").astype(np.float32)
    half = (m - 1) // 2
    padded = np.zeros(n + m - 1, np.float32)
    padded[half: half + n] = x
    out = padded[m - 1: m - 1 + n] * h[0]
    tmp = np.empty(n, np.float32)
    for k in range(1, m):
        out += np.multiply(padded[m - 1 - k: m - 1 - k + n], h[k], out=tmp)
    return out


def layer_tone(p: Mapping[str, Any], n: int, seed: int = 0, rate: int = RATE) -> np.ndarray:
    """The layer's filtered waveform for ``n`` samples, before envelope and volume.

    A longer tone starts with the same samples as a shorter one, so music caches one per pitch.
    """
    rng = np.random.default_rng(seed) if p["wave"] == "noise" else None  # only noise draws from it
    freq = _frequency(n, p, rate)
    # a steady tone (vibrato at most) bakes its filters into the wavetable instead of filtering after
    baked = (p["wave"] in ("square", "saw", "triangle") and not p["crush"] and p["freq_end"] <= 0
             and not p["arp"] and bool(p["lowpass"] or p["highpass"]))
    filt = (round(float(p["freq"]), 2), float(p["lowpass"]), float(p["highpass"]), rate) if baked else None
    x = _oscillator(freq, p, rng, rate, filt)
    if p["detune"] and p["wave"] != "noise":
        x = 0.5 * (x + _oscillator(freq * 2.0 ** (p["detune"] / 1200.0), p, rng, rate, filt))
    if p["crush"]:
        levels = float(p["crush"])
        x = np.round(x * levels) / levels
    x = np.asarray(x, np.float32)
    if p["lowpass"] and not baked:
        x = lowpass(x, p["lowpass"], rate)
    if p["highpass"] and not baked:
        x = x - lowpass(x, p["highpass"], rate)
    return x


def shape_tone(tone: np.ndarray, p: Mapping[str, Any], rate: int = RATE) -> np.ndarray:
    """Apply the layer's envelope, volume and delay to (a long enough prefix of) its tone."""
    n_body = int((p["hold"] + p["release"]) * rate) + 1
    x = envelope(n_body, p, rate)
    x *= tone[:n_body]
    if p["volume"] != 1.0:
        x *= np.float32(p["volume"])
    pad = int(p["delay"] * rate)
    return np.concatenate([np.zeros(pad, np.float32), x]) if pad else x


def render_layer(p: Mapping[str, Any], seed: int = 0, rate: int = RATE) -> np.ndarray:
    """Render one layer to a mono float32 array in -1..1 times its volume."""
    n_body = int((p["hold"] + p["release"]) * rate) + 1
    return shape_tone(layer_tone(p, n_body, seed, rate), p, rate)


def render_layers(layers: list[Mapping[str, Any]], seed: int = 0, rate: int = RATE) -> np.ndarray:
    """Mix several layers (each seeded from ``seed`` and its index) into one mono float32 array."""
    parts = [render_layer(p, seed * 31 + i, rate) for i, p in enumerate(layers)]
    out = np.zeros(max(len(x) for x in parts), np.float32)
    for x in parts:
        out[: len(x)] += x
    return out


def echo(x: np.ndarray, delay: float, feedback: float, taps: int = 4, rate: int = RATE,
         circular: bool = False) -> np.ndarray:
    """Add ``taps`` decaying repeats ``delay`` seconds apart; ``circular`` wraps them (for loops)."""
    d = max(int(delay * rate), 1)
    if circular:
        out = x.copy()
        for k in range(1, taps + 1):
            out += np.roll(x, k * d, axis=0) * np.float32(feedback**k)
        return out
    out = np.concatenate([x, np.zeros((d * taps, *x.shape[1:]), np.float32)])
    for k in range(1, taps + 1):
        out[k * d: k * d + len(x)] += x * np.float32(feedback**k)
    return out


def to_int16(x: np.ndarray) -> np.ndarray:
    """Convert float samples (already within -1..1) to int16, clamping only rounding overshoot."""
    return np.clip(np.round(x * 32767.0), -32767, 32767).astype(np.int16)


def note_freq(pitch: float) -> float:
    """MIDI note number to Hz (A4 = 69 = 440 Hz)."""
    return 440.0 * 2.0 ** ((pitch - 69) / 12.0)
