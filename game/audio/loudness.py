"""Loudness and spectrum measures for sound effects and mixes: K-weighted level and band energy. Pygame-free.

Effects are levelled by how loud they sound, not by their peak: :func:`effect_loudness` is the
K-weighted level (ITU-R BS.1770 weighting, LUFS-like units) of the loudest 200 ms of a sound, so a
40 ms punch and a 600 ms fanfare at the same figure sound about as loud as each other.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.fft  # numpy loads it lazily: keep that import out of the first render

from game.audio.synth import RATE

LOUDNESS_WINDOW = 0.2  # seconds: the loudest stretch of an effect that sets its loudness

# BS.1770 K-weighting: a +4 dB high shelf (head diffraction) and a 38 Hz high-pass (the "RLB" curve),
# as the standard's 48 kHz biquads; evaluated on the frequency axis, so any rate can use them.
_SHELF = ((1.53512485958697, -2.69169618940638, 1.19839281085285), (1.0, -1.69065929318241, 0.73248077421585))
_HIGHPASS = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))


def _biquad_gain(freqs: np.ndarray, coeffs: tuple[tuple[float, ...], tuple[float, ...]]) -> np.ndarray:
    b, a = coeffs
    w = 2 * np.pi * np.asarray(freqs, np.float64) / 48000.0
    c1, c2 = np.cos(w), np.cos(2 * w)

    def power(k: tuple[float, ...]) -> np.ndarray:  # |k0 + k1 z + k2 z^2|^2 on the unit circle, in cosines
        k0, k1, k2 = k
        return (k0 * k0 + k1 * k1 + k2 * k2) + 2 * (k0 * k1 + k1 * k2) * c1 + 2 * k0 * k2 * c2

    return np.sqrt(np.maximum(power(b), 0.0) / power(a))


def k_weighting(freqs: np.ndarray) -> np.ndarray:
    """Magnitude of the K-weighting filter at ``freqs`` (Hz)."""
    return _biquad_gain(freqs, _SHELF) * _biquad_gain(freqs, _HIGHPASS)


def _mono(x: np.ndarray) -> np.ndarray:
    arr = np.asarray(x)
    y = arr.astype(np.float64)
    if arr.dtype.kind == "i":
        y = y / 32768.0
    if y.ndim == 2:
        y = y.mean(axis=1)
    return y


def filtered(x: np.ndarray, gain_of_freq: np.ndarray | None = None, rate: int = RATE,
             lo: float = 0.0, hi: float = 0.0) -> np.ndarray:
    """``x`` (mono) filtered in the frequency domain: by a gain curve, or to the band ``lo``..``hi`` Hz."""
    n = len(x)
    size = 1 << max(int(np.ceil(np.log2(max(n, 2) * 2))), 1)  # zero-padded: no wrap-around
    spec = np.fft.rfft(x, size)
    freqs = np.fft.rfftfreq(size, 1.0 / rate)
    if gain_of_freq is not None:
        spec *= gain_of_freq
    if lo or hi:
        spec *= (freqs >= lo) & ((freqs <= hi) if hi else True)
    return np.fft.irfft(spec, size)[:n]


@lru_cache(maxsize=32)
def _k_curve(size: int, rate: int) -> np.ndarray:
    return k_weighting(np.fft.rfftfreq(size, 1.0 / rate))


def effect_loudness(x: np.ndarray, rate: int = RATE, window: float = LOUDNESS_WINDOW) -> float:
    """K-weighted level (dB, LUFS-like) of the loudest ``window`` seconds of ``x`` (float or int16)."""
    mono = _mono(x)
    if rate >= 32000:  # half the rate is plenty for a level (K-weighting is flat above 2 kHz)
        mono = 0.5 * (mono[0: len(mono) - 1: 2] + mono[1::2]) if len(mono) > 1 else mono
        rate //= 2
    size = 1 << max(int(np.ceil(np.log2(max(len(mono), 2)))), 1)  # the filter rings for < 1 ms: no pad
    weighted = np.fft.irfft(np.fft.rfft(mono, size) * _k_curve(size, rate), size)[: len(mono)]
    w = max(int(window * rate), 1)
    energy = np.concatenate([[0.0], np.cumsum(weighted * weighted)])
    if len(weighted) <= w:
        mean_square = energy[-1] / w
    else:
        mean_square = float(np.max(energy[w:] - energy[:-w])) / w
    return float(-0.691 + 10.0 * np.log10(max(mean_square, 1e-12)))


def band_share_db(x: np.ndarray, lo: float, hi: float, rate: int = RATE) -> float:
    """Energy in ``lo``..``hi`` Hz relative to the whole sound, in dB (0 = all of it)."""
    mono = _mono(x)
    spec = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(len(mono), 1.0 / rate)
    band = float(spec[(freqs >= lo) & (freqs <= hi)].sum())
    return float(10.0 * np.log10(max(band, 1e-20) / max(float(spec.sum()), 1e-20)))


def highpass_loss_db(x: np.ndarray, cutoff: float = 200.0, rate: int = RATE, order: int = 2) -> float:
    """dB of energy lost through a Butterworth high-pass at ``cutoff`` (what laptop speakers do)."""
    mono = _mono(x)
    spec = np.abs(np.fft.rfft(mono)) ** 2
    freqs = np.fft.rfftfreq(len(mono), 1.0 / rate)
    ratio = freqs / cutoff
    response = ratio ** (2 * order) / (1.0 + ratio ** (2 * order))  # |H|^2 of an order-n Butterworth
    kept = float((spec * response).sum())
    return float(-10.0 * np.log10(max(kept, 1e-20) / max(float(spec.sum()), 1e-20)))
