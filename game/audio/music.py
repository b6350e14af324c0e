"""Music: read a Standard MIDI File with mido and render it with the chip synth. Pygame-free.

Each channel plays the voice of its General MIDI program; channel 10 plays drums. Marker meta
events ``loopStart``/``loopEnd`` give the loop; a file without them is a one-shot jingle.
A looping track renders to two buffers: ``intro`` (from the start through the first pass of the
loop, with the intro's own tails) and ``loop`` (the loop body, with the notes ringing past
``loopEnd`` folded onto its start, so it repeats without a seam).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import mido
import numpy as np

from game.audio.synth import RATE, SynthDataError, layer_tone, note_freq, render_layers, shape_tone, to_int16
from game.audio.voices import VoiceBank, load_voices
from game.paths import assets_dir

TRACK_NAMES = ("title", "bathhouse", "moscow", "chicago", "hospital", "hotel", "chase", "boss",
               "clear", "gameover", "highscore")
DRUM_CHANNEL = 9  # MIDI channel 10
SYNTH_VERSION = "1"  # bump when rendering changes, so cached renders are not reused


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
        mid = mido.MidiFile(str(path))
        messages = list(mid)  # merged tracks, times in seconds with tempo changes applied
    except (OSError, EOFError, ValueError, KeyError, IndexError) as exc:
        raise MusicDataError(f"{path}: not a readable MIDI file ({exc})") from None
    song = Song(path.stem, [], 0.0)
    programs = [0] * 16
    active: dict[tuple[int, int], tuple[float, int, int]] = {}
    t = 0.0
    tempo_seen = False
    for msg in messages:
        t += msg.time
        if msg.type == "set_tempo" and not tempo_seen:
            song.first_beat, tempo_seen = msg.tempo / 1e6, True
        elif msg.type == "marker" and msg.text.strip() == "loopStart":
            song.loop_start = t
        elif msg.type == "marker" and msg.text.strip() == "loopEnd":
            song.loop_end = t
        elif msg.type == "program_change":
            programs[msg.channel] = msg.program
        elif msg.type == "control_change" and msg.control in (7, 10):
            target = song.volumes if msg.control == 7 else song.pans
            target[msg.channel] = msg.value / 127.0
        elif msg.type == "note_on" and msg.velocity > 0:
            active[(msg.channel, msg.note)] = (t, msg.velocity, programs[msg.channel])
        elif msg.type in ("note_off", "note_on"):
            start = active.pop((msg.channel, msg.note), None)
            if start is not None:
                song.notes.append(Note(start[0], t - start[0], msg.channel, start[2], msg.note, start[1]))
    song.length = t
    if (song.loop_start is None) != (song.loop_end is None):
        raise MusicDataError(f"{path}: has only one of the loopStart/loopEnd markers")
    if song.loop_start is not None and song.loop_end is not None and song.loop_end <= song.loop_start:
        raise MusicDataError(f"{path}: loopEnd must come after loopStart")
    if not song.notes:
        raise MusicDataError(f"{path}: has no notes")
    return song


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


def _pan_gains(pan: float) -> np.ndarray:
    angle = pan * np.pi / 2  # equal-power pan law
    return np.array([np.cos(angle), np.sin(angle)], np.float32)


def _mix(song: Song, notes: list[Note], cache: NoteCache, length: int, offset: float) -> np.ndarray:
    """Sum notes into one mono buffer per channel, then pan the channels into stereo."""
    rate = cache.rate
    total = length + int(2.0 * rate)  # room for releases past the end
    lanes: dict[int, np.ndarray] = {}
    for note in notes:
        wave = cache.note(note.channel, note.program, note.pitch, note.dur)
        lane = lanes.get(note.channel)
        if lane is None:
            lane = lanes[note.channel] = np.zeros(total, np.float32)
        s = round((note.start - offset) * rate)
        w = wave[: total - s]
        lane[s: s + len(w)] += w * np.float32((note.velocity / 127) ** 1.6)
    buf = np.zeros((total, 2), np.float32)
    for ch, lane in lanes.items():
        level = np.float32(song.volumes.get(ch, 100 / 127) ** 2)
        gl, gr = _pan_gains(song.pans.get(ch, 0.5)) * level
        buf[:, 0] += lane * gl
        buf[:, 1] += lane * gr
    return buf


def _room(x: np.ndarray, beat: float, rate: int, circular: bool) -> np.ndarray:
    """Ping-pong echo on a dotted eighth (the 80s favourite): a little room around the chip voices."""
    out = x.copy()
    mono = (x[:, 0] + x[:, 1]) * np.float32(0.5)
    d = int(0.75 * beat * rate)
    for k in range(1, 4):
        g = np.float32(0.2 * 0.55 ** (k - 1))
        side = k % 2  # odd repeats on the right, even on the left
        if circular:
            out[:, side] += np.roll(mono, k * d) * g
        elif k * d < len(x):
            out[k * d:, side] += mono[: len(x) - k * d] * g
    return out


def render_song(song: Song, bank: VoiceBank | None = None, rate: int = RATE,
                limit: float | None = None) -> RenderedTrack:
    """Render a song; ``limit`` (seconds) renders only the opening excerpt, as a jingle (for fast tests)."""
    cache = NoteCache(bank or load_voices(), rate)
    cache.plan(song.notes)
    loops = song.loop_start is not None and song.loop_end is not None and limit is None
    if not loops:
        end = min(song.length, limit) if limit else song.length
        notes = [n for n in song.notes if n.start < end]
        buf = _mix(song, notes, cache, int(end * rate), 0.0)
        last = max(1, int(end * rate) + int(1.5 * rate))
        intro = _room(buf[:last], song.first_beat, rate, circular=False)
        fade = min(len(intro), int(0.05 * rate))  # excerpts and jingle tails end at silence
        intro[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)[:, None]
        return _finish(song.name, intro, None)
    ls, le = round(song.loop_start * rate), round(song.loop_end * rate)
    body_notes = [n for n in song.notes if song.loop_start <= n.start < song.loop_end]
    intro_notes = [n for n in song.notes if n.start < song.loop_start]
    body = _mix(song, body_notes, cache, le - ls, song.loop_start)
    spill = body[le - ls:]
    loop = body[: le - ls].copy()
    loop[: min(len(spill), len(loop))] += spill[: len(loop)]  # tails past loopEnd ring on at loopStart
    loop = _room(loop, song.first_beat, rate, circular=True)
    intro = np.zeros((le, 2), np.float32)
    if ls:
        pre = _mix(song, intro_notes, cache, ls, 0.0)[:le]
        intro[: len(pre)] += pre
        intro[ls:] += body[: le - ls]  # first pass of the loop, without the wrapped tails
        intro = _room(intro, song.first_beat, rate, circular=False)
    else:
        intro = np.zeros((0, 2), np.float32)
    return _finish(song.name, intro, loop)


def _finish(name: str, intro: np.ndarray, loop: np.ndarray | None) -> RenderedTrack:
    """Level-match the track (RMS target) while keeping the peak under -1 dBFS, then convert."""
    parts = [a.reshape(-1) for a in (intro, loop) if a is not None and len(a)]
    peak = max(max(float(a.max()), -float(a.min())) for a in parts) or 1.0
    count = sum(a.size for a in parts)
    rms = float(np.sqrt(sum(float(np.dot(a, a)) for a in parts) / count)) or 1.0
    gain = np.float32(min(0.16 / rms, 0.89 / peak))
    return RenderedTrack(name, to_int16(intro * gain), None if loop is None else to_int16(loop * gain))


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
