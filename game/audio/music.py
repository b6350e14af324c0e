"""Music: read a Standard MIDI File and render it with the chip synth. Pygame-free.

Each channel plays the voice of its General MIDI program; channel 10 plays drums. Marker meta
events ``loopStart``/``loopEnd`` give the loop; a file without them is a one-shot jingle.
A looping track renders to two buffers: ``intro`` (from the start through the first pass of the
loop, with the intro's own tails) and ``loop`` (the loop body, with the notes ringing past
``loopEnd`` folded onto its start, so it repeats without a seam).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from game.audio.synth import RATE, SynthDataError, layer_tone, note_freq, render_layers, shape_tone
from game.audio.voices import VoiceBank, load_voices
from game.paths import assets_dir

TRACK_NAMES = ("title", "bathhouse", "moscow", "chicago", "hospital", "hotel", "chase", "boss",
               "clear", "gameover", "highscore")
DRUM_CHANNEL = 9  # MIDI channel 10
SYNTH_VERSION = "4"  # bump when rendering changes, so cached renders are not reused
HEAD_TAIL = 4.0      # seconds after loopStart by which the intro's tails and echoes have died away
TARGET_LUFS = -15.0  # every track is levelled to this integrated loudness
KNEE, CEILING = 0.70, 0.89  # the soft limiter: linear up to KNEE, peaks bend towards CEILING (-1 dBFS)
WIDTH_DELAY = 0.013  # seconds: the delayed copy that gives wide voices their stereo spread


class MusicDataError(SynthDataError):
    """A music file that cannot be read or used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Note:
    """One note: seconds from the song start, channel, GM program, MIDI pitch and velocity."""

    start: float
    dur: float
    channel: int
    program: int
    pitch: int
    velocity: int


@dataclass(slots=True)
class Song:
    """A parsed MIDI file: notes, loop points (seconds) and per-channel pan/volume (0..1)."""

    name: str
    notes: list[Note]
    length: float
    loop_start: float | None = None
    loop_end: float | None = None
    first_beat: float = 0.5  # seconds per beat at the start (echo timing)
    pans: dict[int, float] = field(default_factory=dict)
    volumes: dict[int, float] = field(default_factory=dict)
    melody: list[tuple[float, int]] = field(default_factory=list)  # (section start s, tune's channel)


@dataclass(frozen=True, slots=True)
class RenderedTrack:
    """Stereo int16 buffers: play ``intro`` once, then repeat ``loop`` (None for a jingle)."""

    name: str
    intro: np.ndarray
    loop: np.ndarray | None

    @property
    def seconds(self) -> float:
        """Length of one play-through (intro plus one loop pass is already inside intro)."""
        n = len(self.intro) if len(self.intro) else len(self.loop if self.loop is not None else [])
        return n / RATE


def music_path(name: str) -> Path:
    """The ``.mid`` file of a track name."""
    return assets_dir() / "music" / f"{name}.mid"


def load_song(path: Path) -> Song:
    """Parse a MIDI file into notes and loop points; raises :class:`MusicDataError` with the file name."""
    try:
        division, tracks = read_smf(path.read_bytes())
    except (OSError, ValueError, IndexError) as exc:
        raise MusicDataError(f"{path}: not a readable MIDI file ({exc})") from None
    song = Song(path.stem, [], 0.0)
    programs = [0] * 16
    active: dict[tuple[int, int], tuple[float, int, int]] = {}
    t = 0.0
    tempo_seen = False
    for t, (kind, ch, a, b) in _timed_events(division, tracks):
        if kind == "tempo" and not tempo_seen:
            song.first_beat, tempo_seen = a / 1e6, True
        elif kind == "marker":
            text = str(a).strip()
            if text == "loopStart":
                song.loop_start = t
            elif text == "loopEnd":
                song.loop_end = t
            elif text.startswith("melody ") and text[7:].strip().isdigit():
                song.melody.append((t, int(text[7:])))  # a section starts; this channel has the tune
        elif kind == "program":
            programs[ch] = a
        elif kind == "cc" and a in (7, 10):
            target = song.volumes if a == 7 else song.pans
            target[ch] = b / 127.0
        elif kind == "on" and b > 0:
            active[(ch, a)] = (t, b, programs[ch])
        elif kind in ("off", "on"):
            start = active.pop((ch, a), None)
            if start is not None:
                song.notes.append(Note(start[0], t - start[0], ch, start[2], a, start[1]))
    song.length = t
    if (song.loop_start is None) != (song.loop_end is None):
        raise MusicDataError(f"{path}: has only one of the loopStart/loopEnd markers")
    if song.loop_start is not None and song.loop_end is not None and song.loop_end <= song.loop_start:
        raise MusicDataError(f"{path}: loopEnd must come after loopStart")
    if not song.notes:
        raise MusicDataError(f"{path}: has no notes")
    return song


Event = tuple[str, int, Any, int]  # (kind, channel, first value or text, second value)
_DATA_BYTES = {0x80: 2, 0x90: 2, 0xA0: 2, 0xB0: 2, 0xC0: 1, 0xD0: 1, 0xE0: 2}
_KINDS = {0x80: "off", 0x90: "on", 0xB0: "cc", 0xC0: "program"}


def read_smf(data: bytes) -> tuple[int, list[list[tuple[int, Event]]]]:
    """A Standard MIDI File's ticks per beat and, per track, ``(delta ticks, event)``; only what the
    renderer uses is kept (notes, programs, controllers, tempo, markers; the rest as ``other``).
    Raises ValueError on anything malformed. (A small reader of its own: several times faster than
    building ``mido`` message objects, which matters when a track renders.)"""
    if data[:4] != b"MThd" or int.from_bytes(data[4:8], "big") < 6:
        raise ValueError("no MThd header")
    ntracks, division = int.from_bytes(data[10:12], "big"), int.from_bytes(data[12:14], "big")
    if division & 0x8000 or division == 0:
        raise ValueError("SMPTE time division is not supported")
    pos = 8 + int.from_bytes(data[4:8], "big")
    tracks: list[list[tuple[int, Event]]] = []
    while len(tracks) < ntracks:
        if pos + 8 > len(data):
            raise ValueError(f"only {len(tracks)} of {ntracks} tracks")
        tag, size = data[pos: pos + 4], int.from_bytes(data[pos + 4: pos + 8], "big")
        body_start, end = pos + 8, pos + 8 + size
        pos = end
        if end > len(data):
            raise ValueError("truncated track")
        if tag != b"MTrk":
            continue  # unknown chunks are skipped, as the standard says
        tracks.append(_read_track(data, body_start, end))
    return division, tracks


def _varlen(data: bytes, i: int) -> tuple[int, int]:
    value = 0
    for _ in range(4):
        byte = data[i]
        i += 1
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, i
    raise ValueError("variable-length number too long")


def _read_track(data: bytes, i: int, end: int) -> list[tuple[int, Event]]:
    out: list[tuple[int, Event]] = []
    status = 0
    while i < end:
        delta, i = _varlen(data, i)
        byte = data[i]
        if byte >= 0x80:
            i += 1
            if byte < 0xF0:
                status = byte
        elif not status:
            raise ValueError("running status without a status byte")
        else:
            byte = status
        if byte == 0xFF:
            kind = data[i]
            length, i = _varlen(data, i + 1)
            payload = data[i: i + length]
            i += length
            if kind == 0x51 and length == 3:
                out.append((delta, ("tempo", 0, int.from_bytes(payload, "big"), 0)))
            elif kind == 0x06:
                out.append((delta, ("marker", 0, payload.decode("latin-1"), 0)))
            else:
                out.append((delta, ("other", 0, kind, 0)))
                if kind == 0x2F:
                    break
        elif byte in (0xF0, 0xF7):
            length, i = _varlen(data, i)
            i += length
            out.append((delta, ("other", 0, byte, 0)))
        elif byte >= 0xF0:
            raise ValueError(f"unexpected status byte {byte:#x}")
        else:
            high = byte & 0xF0
            n = _DATA_BYTES[high]
            a = data[i]
            b = data[i + 1] if n == 2 else 0
            if a > 127 or b > 127:
                raise ValueError("data byte out of range")
            i += n
            out.append((delta, (_KINDS.get(high, "other"), byte & 0x0F, a, b)))
    if i > end:
        raise ValueError("event runs past the end of its track")
    return out


def _timed_events(division: int, tracks: list[list[tuple[int, Event]]]) -> list[tuple[float, Event]]:
    """Every event of every track with its time in seconds (tempo map applied), in time order;
    events at the same tick keep their track order (as a sequencer merges them)."""
    events: list[tuple[int, Event]] = []
    for track in tracks:
        tick = 0
        for delta, event in track:
            tick += delta
            events.append((tick, event))
    events.sort(key=itemgetter(0))
    out: list[tuple[float, Event]] = []
    tempo, last_tick, seconds = 500000, 0, 0.0
    scale = 1e-6 / division
    for tick, event in events:
        seconds += (tick - last_tick) * tempo * scale
        last_tick = tick
        out.append((seconds, event))
        if event[0] == "tempo":
            tempo = event[2]
    return out


class NoteCache:
    """Rendered notes: one filtered tone per voice and pitch (as long as its longest note), shaped
    per note length by the envelope, so a song costs one oscillator pass per pitch it uses."""

    def __init__(self, bank: VoiceBank, rate: int = RATE) -> None:
        self.bank, self.rate = bank, rate
        self._notes: dict[tuple, np.ndarray] = {}
        self._tones: dict[tuple[int, int], list[np.ndarray]] = {}
        self._longest: dict[tuple[int, int], float] = {}

    def plan(self, notes: list[Note]) -> None:
        """Note the longest duration of each voice and pitch, so each tone renders once."""
        for n in notes:
            if n.channel != DRUM_CHANNEL:
                key = (n.program, n.pitch)
                self._longest[key] = max(self._longest.get(key, 0.0), n.dur)

    def note(self, channel: int, program: int, pitch: int, dur: float) -> np.ndarray:
        """Mono float32 samples of one note at full velocity."""
        n = max(int(dur * self.rate), 1)
        drum = channel == DRUM_CHANNEL
        key = (drum, pitch if drum else program, pitch, 0 if drum else n)
        wave = self._notes.get(key)
        if wave is None:
            wave = self._drum(pitch) if drum else self._melodic(program, pitch, n / self.rate)
            self._notes[key] = wave
        return wave

    def _drum(self, pitch: int) -> np.ndarray:
        voice = self.bank.drum(pitch)
        scale = 2.0 ** ((pitch - voice.base) / 12.0) if voice.base is not None else 1.0
        layers = [dict(p, freq=p["freq"] * scale, freq_end=p["freq_end"] * scale) for p in voice.layers]
        return render_layers(layers, seed=pitch, rate=self.rate)

    def _melodic(self, program: int, pitch: int, hold: float) -> np.ndarray:
        voice = self.bank.programs[program]
        f = note_freq(pitch)
        layers = [dict(p, freq=p["freq"] * f, freq_end=p["freq_end"] * f) for p in voice.layers]
        key = (program, pitch)
        longest = max(self._longest.get(key, 0.0), hold)
        tones = self._tones.get(key)
        need = [int((longest + p["release"]) * self.rate) + 1 for p in layers]
        if tones is None or any(len(t) < m for t, m in zip(tones, need, strict=True)):
            tones = [layer_tone(p, m, seed=pitch * 31 + i, rate=self.rate)
                     for i, (p, m) in enumerate(zip(layers, need, strict=True))]
            self._tones[key] = tones
        parts = [shape_tone(t, dict(p, hold=hold), self.rate) for t, p in zip(tones, layers, strict=True)]
        out = np.zeros(max(len(x) for x in parts), np.float32)
        for x in parts:
            out[: len(x)] += x
        return out


VELOCITY_GAIN = ((np.arange(128) / 127.0) ** 1.6).astype(np.float32)


def _pan_gains(pan: float) -> np.ndarray:
    angle = pan * np.pi / 2  # equal-power pan law
    return np.array([np.cos(angle), np.sin(angle)], np.float32)


def _channel_width(song: Song, notes: list[Note], bank: VoiceBank) -> dict[int, float]:
    """Each melodic channel's stereo width: its voice's ``width`` (drums and bass stay centred)."""
    out: dict[int, float] = {}
    for n in notes:
        if n.channel != DRUM_CHANNEL and n.channel not in out:
            out[n.channel] = bank.programs[n.program].width
    return out


def _mix(song: Song, notes: list[Note], cache: NoteCache, length: int, offset: float) -> np.ndarray:
    """Sum notes into planar stereo: each channel's notes in a mono lane (channels with the same pan,
    volume and width share one), then each lane panned and spread once.

    Returns float32 of shape (2, length + 2 s): the extra room holds releases past the end.
    Width is mono-compatible: a copy of the lane ``WIDTH_DELAY`` later is added to the left and
    taken from the right, so the sides differ while their sum is the lane itself.
    """
    rate = cache.rate
    total = length + int(2.0 * rate)  # room for releases past the end
    widths = _channel_width(song, notes, cache.bank)
    gains = {ch: _pan_gains(song.pans.get(ch, 0.5)) * np.float32(song.volumes.get(ch, 100 / 127) ** 2)
             for ch in {n.channel for n in notes}}
    lane_of = {ch: (float(g[0]), float(g[1]), widths.get(ch, 0.0)) for ch, g in gains.items()}
    kinds = sorted(set(lane_of.values()))
    row_of = {ch: kinds.index(k) for ch, k in lane_of.items()}
    lanes = np.zeros((len(kinds), total), np.float32)
    scaled: dict[tuple[int, int], np.ndarray] = {}  # a note's samples at a velocity, made once
    for note in notes:
        wave = cache.note(note.channel, note.program, note.pitch, note.dur)
        key = (id(wave), note.velocity)
        w = scaled.get(key)
        if w is None:
            w = scaled[key] = wave * VELOCITY_GAIN[note.velocity]
        s = round((note.start - offset) * rate)
        w = w[: total - s]
        lanes[row_of[note.channel], s: s + len(w)] += w
    # pan each lane (plain loops: a matrix product would wake BLAS threads that spin on a busy machine)
    buf = np.zeros((2, total), np.float32)
    tmp = np.empty(total, np.float32)
    d = int(WIDTH_DELAY * rate)
    for (gl, gr, width), lane in zip(kinds, lanes, strict=True):
        buf[0] += np.multiply(lane, np.float32(gl), out=tmp)
        buf[1] += np.multiply(lane, np.float32(gr), out=tmp)
        if width > 0.0:
            side = np.multiply(lane[: total - d], np.float32(width * (gl + gr) * 0.5), out=tmp[: total - d])
            buf[0, d:] += side
            buf[1, d:] -= side
    return buf


def _room(x: np.ndarray, beat: float, rate: int, circular: bool) -> np.ndarray:
    """Ping-pong echo on a dotted eighth (the 80s favourite): a little room around the chip voices.
    ``x`` is planar stereo (2, n), changed in place and returned."""
    mono = (x[0] + x[1]) * np.float32(0.5)
    n = x.shape[1]
    d = int(0.75 * beat * rate)
    for k in range(1, 4):
        g = np.float32(0.2 * 0.55 ** (k - 1))
        side = x[k % 2]  # odd repeats on the right, even on the left
        lag = k * d
        if lag >= n:
            continue
        side[lag:] += mono[: n - lag] * g
        if circular:
            side[:lag] += mono[n - lag:] * g
    return x


def render_song(song: Song, bank: VoiceBank | None = None, rate: int = RATE,
                limit: float | None = None) -> RenderedTrack:
    """Render a song; ``limit`` (seconds) renders only the opening excerpt, as a jingle (for fast tests).

    A looping song mixes its loop body once: the first play-through is the intro with the body's
    first ``HEAD_TAIL`` seconds (where the intro's tails still ring), then the loop body itself,
    which by then is sample for sample what the intro would have been.
    """
    return _finish(song.name, *_render_float(song, bank, rate, limit))


def _render_float(song: Song, bank: VoiceBank | None, rate: int,
                  limit: float | None) -> tuple[np.ndarray, np.ndarray | None, int]:
    """Planar float32 ``(head, loop, ls)``: a jingle's whole sound as ``head`` and no loop; for a
    loop, ``head`` is the start up to ``ls + HEAD_TAIL`` (empty when the loop starts at once)."""
    cache = NoteCache(bank or load_voices(), rate)
    cache.plan(song.notes)
    loops = song.loop_start is not None and song.loop_end is not None and limit is None
    if not loops:
        end = min(song.length, limit) if limit else song.length
        notes = [n for n in song.notes if n.start < end]
        buf = _mix(song, notes, cache, int(end * rate), 0.0)
        last = max(1, int(end * rate) + int(1.5 * rate))
        intro = _room(buf[:, :last], song.first_beat, rate, circular=False)
        fade = min(intro.shape[1], int(0.05 * rate))  # excerpts and jingle tails end at silence
        intro[:, -fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
        return intro, None, 0
    assert song.loop_start is not None and song.loop_end is not None
    ls, le = round(song.loop_start * rate), round(song.loop_end * rate)
    n = le - ls
    body_notes = [x for x in song.notes if song.loop_start <= x.start < song.loop_end]
    intro_notes = [x for x in song.notes if x.start < song.loop_start]
    body = _mix(song, body_notes, cache, n, song.loop_start)
    loop = body[:, :n].copy()
    spill = body[:, n:]
    wrap = min(spill.shape[1], n)
    loop[:, :wrap] += spill[:, :wrap]  # tails past loopEnd ring on at loopStart
    loop = _room(loop, song.first_beat, rate, circular=True)
    if not ls:
        return np.zeros((2, 0), np.float32), loop, 0
    t = min(int(HEAD_TAIL * rate), n)
    pre = _mix(song, intro_notes, cache, ls, 0.0)
    head = np.zeros((2, ls + t), np.float32)
    m = min(pre.shape[1], ls + t)
    head[:, :m] += pre[:, :m]
    head[:, ls:] += body[:, :t]  # first pass of the loop, without the wrapped tails
    head = _room(head, song.first_beat, rate, circular=False)
    return head, loop, ls


def _to_frames(x: np.ndarray, gain: float) -> np.ndarray:
    """Planar float (2, n) times ``gain`` to interleaved int16 (n, 2), soft-limited under -1 dBFS.
    (The knee keeps every sample under CEILING, so nothing needs clamping.)"""
    y = x * np.float32(gain)
    over = np.abs(y) > KNEE
    if over.any():  # a smooth knee: peaks bend towards CEILING instead of clipping
        a = np.abs(y[over]) - KNEE
        y[over] = np.sign(y[over]) * (KNEE + (CEILING - KNEE) * np.tanh(a / (CEILING - KNEE)))
    y *= np.float32(32767.0)
    np.rint(y, out=y)
    out = np.empty((x.shape[1], 2), np.int16)
    out[:] = y.T
    return out


def _finish(name: str, head: np.ndarray, loop: np.ndarray | None, ls: int) -> RenderedTrack:
    """Level the track to :data:`TARGET_LUFS` (K-weighted, gated; the loop body sets it for a
    looping track), then convert to int16 with the peaks kept under -1 dBFS."""
    measured = loudness_lufs(loop if loop is not None else head, every=2)
    gain = 10.0 ** ((TARGET_LUFS - measured) / 20.0)
    if loop is None:
        return RenderedTrack(name, _to_frames(head, gain), None)
    loop16 = _to_frames(loop, gain)
    if not head.shape[1]:
        return RenderedTrack(name, np.zeros((0, 2), np.int16), loop16)
    t = head.shape[1] - ls
    intro = np.concatenate([_to_frames(head, gain), loop16[t:]])
    return RenderedTrack(name, intro, loop16)


# BS.1770 K-weighting (its 48 kHz biquads: a +4 dB high shelf and the RLB high-pass), applied to
# block spectra, so it works at any rate.
_K_SHELF = ((1.53512485958697, -2.69169618940638, 1.19839281085285),
            (1.0, -1.69065929318241, 0.73248077421585))
_K_HIGHPASS = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))


def _k_power(freqs: np.ndarray) -> np.ndarray:
    z = np.exp(-2j * np.pi * freqs / 48000.0)
    gain = np.ones(len(freqs))
    for b, a in (_K_SHELF, _K_HIGHPASS):
        gain *= np.abs((b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z))
    return gain ** 2


def block_loudness(x: np.ndarray, rate: int = RATE, block: float = 16384 / RATE,
                   every: int = 1) -> np.ndarray:
    """K-weighted loudness (LUFS) of each whole ``block``-second stretch of ``x`` (every ``every``-th).

    ``x`` is planar (2, n) or interleaved (n, 2) float, or int16 (scaled to -1..1). Blocks do not
    overlap and last 16384 samples (0.37 s; BS.1770 overlaps 0.4 s blocks by 75 %); the
    K-weighting is applied to each block's spectrum.
    """
    arr = np.asarray(x)
    y = arr.astype(np.float32) / (np.float32(32768.0) if arr.dtype.kind == "i" else np.float32(1.0))
    if y.ndim == 1:
        y = y[None, :]
    elif y.shape[0] != 2 and y.shape[-1] == 2:
        y = y.T
    size = max(int(block * rate), 16)
    count = y.shape[1] // size
    if count == 0:
        y = np.pad(y, ((0, 0), (0, size - y.shape[1])))
        count = 1
    frames = y[:, : count * size].reshape(y.shape[0], count, size)[:, :: max(every, 1)]
    spec = np.fft.rfft(frames, axis=-1)
    weight = _k_power(np.fft.rfftfreq(size, 1.0 / rate)) * 2.0
    power = (spec.real ** 2 + spec.imag ** 2) @ weight / float(size) ** 2  # mean square per channel/block
    return -0.691 + 10.0 * np.log10(np.maximum(power.sum(axis=0), 1e-12))


def loudness_lufs(x: np.ndarray, rate: int = RATE, every: int = 1) -> float:
    """Integrated loudness (LUFS): K-weighted blocks, gated at -70 LUFS and then 10 LU under the
    mean of the rest, as BS.1770 does (but with blocks that do not overlap); ``every`` > 1 measures
    only every n-th block (rendering levels tracks that way, to save time)."""
    levels = block_loudness(x, rate, every=every)
    kept = levels[levels > -70.0]
    if not len(kept):
        return -70.0
    power = 10.0 ** ((kept + 0.691) / 10.0)
    gate = -0.691 + 10.0 * np.log10(power.mean()) - 10.0
    kept = kept[kept > gate]
    return float(-0.691 + 10.0 * np.log10((10.0 ** ((kept + 0.691) / 10.0)).mean()))


def file_key(path: Path) -> str:
    """Hash of a music file plus the voice file and synth version: the render cache key."""
    h = hashlib.sha1(SYNTH_VERSION.encode())
    h.update(path.read_bytes())
    vp = assets_dir() / "music" / "voices.json"
    if vp.exists():
        h.update(vp.read_bytes())
    return h.hexdigest()


def render_track(name: str, rate: int = RATE, limit: float | None = None) -> RenderedTrack:
    """Load and render a shipped track by name."""
    path = music_path(name)
    if not path.exists():
        raise MusicDataError(f"{path}: no such music track {name!r}")
    return render_song(load_song(path), rate=rate, limit=limit)
