"""Measuring the music without listening: balance, dynamics, rhythm, harmony, spectrum. Pygame-free.

Used by the tests, ``bench/bench_audio.py`` and ``tools/compose_music.py`` (which levels the
accompaniment under the tune with :func:`section_balance`). Times come from the song (seconds);
the grid is the song's first tempo (every shipped song keeps one tempo).

- :func:`section_balance`: per section (``melody N`` markers), the K-weighted loudness of the tune's
  channel and of everything else, each rendered alone (same voices, pans, echo).
- :func:`velocity_levels`, :func:`syncopation`: how a tune is played.
- :func:`distinct_drum_bars`, :func:`bass_shapes`: how varied the drums and bass are in the loop.
- :func:`semitone_clash`: how often two channels sound a minor second (or major seventh) apart.
- :func:`aliasing_db`, :func:`side_mid_db`: the synth's cleanliness and the mix's width.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from game.audio.music import DRUM_CHANNEL, Note, NoteCache, Song, _mix, _room, block_loudness, loudness_lufs
from game.audio.synth import RATE, layer_params, layer_tone
from game.audio.voices import VoiceBank, load_voices


@dataclass(frozen=True, slots=True)
class SectionLevel:
    """One section: its span (s), the tune's channel and the two loudness figures (LUFS)."""

    start: float
    end: float
    channel: int
    melody: float
    rest: float

    @property
    def margin(self) -> float:
        """LU the tune stands above the rest (negative: buried)."""
        return self.melody - self.rest


def sections(song: Song) -> list[tuple[float, float, int]]:
    """``(start, end, melody channel)`` of every marked section, in order."""
    marks = sorted(song.melody)
    ends = [t for t, _ in marks[1:]] + [song.length]
    return [(t, end, ch) for (t, ch), end in zip(marks, ends, strict=True)]


def section_balance(song: Song, bank: VoiceBank | None = None) -> list[SectionLevel]:
    """The tune's loudness against everything else's, per section (the whole song played straight).

    Each channel is rendered alone once (voices, pan, width and echo as in the game); a section's
    tune is its melody channel's stem, the rest the sum of the others, both measured over the section."""
    cache = NoteCache(bank or load_voices(), RATE)
    cache.plan(song.notes)
    stems: dict[int, np.ndarray] = {}
    for ch in sorted({n.channel for n in song.notes}):
        buf = _mix(song, [n for n in song.notes if n.channel == ch], cache, int(song.length * RATE), 0.0)
        stems[ch] = _room(buf, song.first_beat, RATE, circular=False)
    total = sum(stems.values())
    out = []
    for start, end, ch in sections(song):
        a, b = int(start * RATE), int(end * RATE)
        tune = stems[ch][:, a:b] if ch in stems else np.zeros((2, b - a), np.float32)
        out.append(SectionLevel(start, end, ch, loudness_lufs(tune), loudness_lufs(total[:, a:b] - tune)))
    return out


def _is_tune(note: Note, ch: int, start: float, end: float) -> bool:
    return note.channel == ch and start <= note.start < end


def velocity_levels(song: Song) -> list[int]:
    """For each section, how many different velocities its tune uses."""
    return [len({n.velocity for n in song.notes if _is_tune(n, ch, start, end)})
            for start, end, ch in sections(song)]


def tune_notes(song: Song) -> list[Note]:
    """The notes carrying the tune: each section's melody channel within that section."""
    out = []
    for start, end, ch in sections(song):
        out += [n for n in song.notes if _is_tune(n, ch, start, end)]
    return out


def syncopation(song: Song, notes: list[Note] | None = None) -> float:
    """Share of tune notes that start off the beat and are still sounding on the next beat
    (anticipations, pushes, off-beat ties): 0 = every long note lands on a beat."""
    notes = tune_notes(song) if notes is None else notes
    beat = song.first_beat
    count = 0
    for n in notes:
        pos = n.start / beat
        off = abs(pos - round(pos)) > 0.05
        crosses = np.floor(pos + 1e-6) + 1 < (n.start + n.dur) / beat - 0.05
        count += bool(off and crosses)
    return count / max(len(notes), 1)


def _loop_bars(song: Song) -> tuple[float, float, float]:
    start = song.loop_start if song.loop_start is not None else 0.0
    end = song.loop_end if song.loop_end is not None else song.length
    return start, end, 4 * song.first_beat


def distinct_drum_bars(song: Song) -> int:
    """Different drum bars (every hit's place, drum and velocity) in the loop body."""
    start, end, bar = _loop_bars(song)
    bars: dict[int, list[tuple[int, int, int]]] = {}
    for n in song.notes:
        if n.channel == DRUM_CHANNEL and start <= n.start < end:
            i = int((n.start - start + 1e-6) // bar)
            step = round((n.start - start - i * bar) / bar * 48)  # 48 steps a bar: 16ths and triplets
            bars.setdefault(i, []).append((step, n.pitch, n.velocity))
    return len({tuple(sorted(v)) for v in bars.values()})


def bass_shapes(song: Song) -> Counter:
    """Bass bars in the loop by shape (onsets on a 16th grid and intervals from the bar's first
    note), counted: the bass is the channel with a GM bass program (the lowest one if several;
    the lowest-playing channel if none)."""
    start, end, bar = _loop_bars(song)
    melodic = [n for n in song.notes if n.channel != DRUM_CHANNEL]
    lows: Counter = Counter()
    for n in melodic:
        lows[n.channel] += n.pitch
    counts = Counter(n.channel for n in melodic)
    basses = {n.channel for n in melodic if 32 <= n.program <= 39}  # a GM bass, else the lowest part
    bass = min(basses or counts, key=lambda ch: lows[ch] / counts[ch])
    bars: dict[int, list[tuple[int, int]]] = {}
    for n in sorted(melodic, key=lambda n: n.start):
        if n.channel == bass and start <= n.start < end:
            i = int((n.start - start + 1e-6) // bar)
            bars.setdefault(i, []).append((round((n.start - start - i * bar) / bar * 16), n.pitch))
    return Counter(tuple((pos, p - notes[0][1]) for pos, p in notes) for notes in bars.values())


def semitone_clash(song: Song, a: int, b: int) -> float:
    """Share of 16ths where channels ``a`` and ``b`` both sound and some pair of their notes is a
    minor second (or major seventh, or either plus octaves) apart."""
    step = song.first_beat / 4
    size = int(song.length / step) + 1
    sounding: dict[int, list[set[int]]] = {a: [set() for _ in range(size)], b: [set() for _ in range(size)]}
    for n in song.notes:
        if n.channel in sounding:
            for i in range(int(n.start / step + 1e-6), min(size, int((n.start + n.dur) / step - 1e-6) + 1)):
                sounding[n.channel][i].add(n.pitch)
    both = clash = 0
    for x, y in zip(sounding[a], sounding[b], strict=True):
        if x and y:
            both += 1
            clash += any((p - q) % 12 in (1, 11) for p in x for q in y)
    return clash / max(both, 1)


def onset_phases(song: Song, channel: int) -> Counter:
    """Where in the beat a channel's notes start, in 1/48ths of a beat (0 on the beat, 24 straight
    off-beat eighth, 32 swung eighth)."""
    beat = song.first_beat
    return Counter(round((n.start / beat) % 1.0 * 48) % 48 for n in song.notes if n.channel == channel)


def aliasing_db(wave: str, freq: float, duty: float = 0.5, seconds: float = 1.0) -> float:
    """Energy of a steady synth tone that is not on one of its harmonics, relative to all of it (dB):
    what folded back from above the Nyquist frequency (Blackman window, +-6 Hz around each harmonic)."""
    p = layer_params({"wave": wave, "freq": freq, "duty": duty, "hold": seconds, "attack": 0.0}, "aliasing")
    n = int(seconds * RATE)
    x = layer_tone(p, n, 0).astype(np.float64)
    spec = np.abs(np.fft.rfft(x * np.blackman(n))) ** 2
    f = np.fft.rfftfreq(n, 1 / RATE)
    on = f <= 6.0
    for k in range(1, int(RATE / 2 / freq) + 1):
        on |= np.abs(f - k * freq) <= 6.0
    return float(10 * np.log10(spec[~on].sum() / spec.sum()))


def side_mid_db(x: np.ndarray) -> float:
    """Stereo width: energy of (L-R)/2 over (L+R)/2 in dB (-inf mono, 0 as wide as it is centred)."""
    y = x.astype(np.float64)
    mid, side = (y[:, 0] + y[:, 1]) / 2, (y[:, 0] - y[:, 1]) / 2
    return float(10 * np.log10(max(np.mean(side ** 2), 1e-20) / max(np.mean(mid ** 2), 1e-20)))


def loudness_range(x: np.ndarray) -> tuple[float, float]:
    """(integrated LUFS, spread of block loudness between the 10th and 95th percentile in LU)."""
    levels = block_loudness(x)
    levels = levels[levels > -70]
    return loudness_lufs(x), float(np.percentile(levels, 95) - np.percentile(levels, 10))


