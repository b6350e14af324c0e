"""Measurements shared by the audio tests: level, clipping and 'is it more than noise'."""

from __future__ import annotations

import numpy as np

from game.audio.synth import RATE


def spectral_flatness(x: np.ndarray, rate: int = RATE, lo: float = 60.0, hi: float = 16000.0) -> float:
    """Wiener entropy of the Welch-averaged power spectrum in lo..hi Hz: ~1 for white noise,
    near 0 for tones. Averaging over frames keeps noise flat instead of spiky."""
    mono = x.astype(np.float64)
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    frame = 2048
    if len(mono) < frame:
        mono = np.pad(mono, (0, frame - len(mono)))
    starts = range(0, len(mono) - frame + 1, frame // 2)
    window = np.hanning(frame)
    power = np.mean([np.abs(np.fft.rfft(mono[s: s + frame] * window)) ** 2 for s in starts], axis=0)
    freqs = np.fft.rfftfreq(frame, 1 / rate)
    band = power[(freqs >= lo) & (freqs <= hi)] + 1e-12
    return float(np.exp(np.mean(np.log(band))) / np.mean(band))


def rms_dbfs(x: np.ndarray) -> float:
    """RMS level of int16 samples in dBFS."""
    rms = np.sqrt(np.mean((x.astype(np.float64) / 32768.0) ** 2))
    return float(20 * np.log10(max(rms, 1e-12)))


def envelope_peak_ms(x: np.ndarray, rate: int = RATE) -> float:
    """When a sound is loudest: the peak of its 2 ms-smoothed envelope, in ms from its start."""
    mono = np.abs(x.astype(np.float64))
    if mono.ndim == 2:
        mono = mono.max(axis=1)
    k = max(int(0.002 * rate), 1)
    smooth = np.convolve(mono, np.ones(k) / k, mode="same")
    return float(np.argmax(smooth)) * 1000.0 / rate


def onset_ms(x: np.ndarray, rate: int = RATE, fraction: float = 0.2) -> float:
    """When a sound starts: the first sample reaching ``fraction`` of its peak, in ms from its start."""
    mono = np.abs(x.astype(np.float64))
    if mono.ndim == 2:
        mono = mono.max(axis=1)
    return float(np.argmax(mono >= fraction * mono.max())) * 1000.0 / rate
