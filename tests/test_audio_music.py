"""The music: MIDI files with GM programs and loop markers, rendered loud enough, unclipped, seamless."""

from __future__ import annotations

import mido
import numpy as np
import pytest
from audio_checks import rms_dbfs, spectral_flatness

from game.audio.music import (
    DRUM_CHANNEL,
    TRACK_NAMES,
    MusicDataError,
    Note,
    Song,
    load_song,
    music_path,
    render_song,
    render_track,
)
from game.audio.synth import RATE

JINGLES = {"clear", "gameover"}  # one-shot: they play once and stop, so they have no loop markers


@pytest.fixture(scope="module")
def rendered():
    """Every track rendered in full once (about five seconds for all of them)."""
    return {name: render_track(name) for name in TRACK_NAMES}


def test_every_track_is_a_midi_file_with_gm_programs():
    for name in TRACK_NAMES:
        mid = mido.MidiFile(str(music_path(name)))
        programs = {m.channel for t in mid.tracks for m in t if m.type == "program_change"}
        played = {m.channel for t in mid.tracks for m in t if m.type == "note_on"}
        assert played - {DRUM_CHANNEL} <= programs, f"{name}: channels without a GM program"


def test_looping_tracks_last_a_minute_before_they_loop():
    for name in TRACK_NAMES:
        song = load_song(music_path(name))
        if name in JINGLES:
            assert song.loop_start is None and song.length < 15.0, name
        else:
            assert song.loop_end is not None and song.loop_start is not None, f"{name}: no loop markers"
            assert song.loop_end - song.loop_start >= 60.0, f"{name}: loops after {song.loop_end:.1f} s"


def test_every_looping_track_has_melody_bass_and_drums():
    for name in set(TRACK_NAMES) - JINGLES:
        song = load_song(music_path(name))
        channels = {n.channel for n in song.notes}
        assert DRUM_CHANNEL in channels, f"{name}: no drums"
        assert len(channels - {DRUM_CHANNEL}) >= 3, f"{name}: fewer than three instruments"
        assert min(n.pitch for n in song.notes if n.channel != DRUM_CHANNEL) < 48, f"{name}: no bass"


def test_tracks_are_recognisably_different():
    seen = {}
    for name in TRACK_NAMES:
        mid = mido.MidiFile(str(music_path(name)))
        tempo = next(m.tempo for t in mid.tracks for m in t if m.type == "set_tempo")
        programs = frozenset(m.program for t in mid.tracks for m in t if m.type == "program_change")
        signature = (tempo, programs)
        assert signature not in seen, f"{name} has the same tempo and instruments as {seen.get(signature)}"
        seen[signature] = name


def test_music_renders_deterministically():
    song = load_song(music_path("chicago"))
    a, b = render_song(song, limit=3.0), render_song(song, limit=3.0)
    assert np.array_equal(a.intro, b.intro)


def test_every_track_is_audible_unclipped_and_musical(rendered):
    for name, track in rendered.items():
        for part in (track.intro, track.loop):
            if part is None or not len(part):
                continue
            assert np.abs(part.astype(np.int32)).max() <= int(0.9 * 32767), f"{name} peaks above -1 dBFS"
            assert rms_dbfs(part) > -26.0, f"{name} is too quiet"
        body = track.loop if track.loop is not None else track.intro
        excerpt = body[: 12 * RATE]
        assert spectral_flatness(excerpt) < 0.5, f"{name} looks like noise"


def _seam_step(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """The jump across a join, relative to the largest sample step just around it (1.0 = as steep
    as the music itself gets there; a hard cut of ringing notes measures well above that)."""
    a, b = before[-64:].astype(np.int32), after[:64].astype(np.int32)
    local = np.maximum(np.abs(np.diff(a, axis=0)).max(axis=0), np.abs(np.diff(b, axis=0)).max(axis=0))
    return np.abs(b[0] - a[-1]) / np.maximum(local, 1)


def test_loop_points_join_without_a_click(rendered):
    for name, track in rendered.items():
        if track.loop is None:
            continue
        seam = _seam_step(track.loop, track.loop)
        assert np.all(seam <= 0.6), f"{name}: loop seam jumps {seam} x the local step"
        if len(track.intro):
            into = _seam_step(track.intro, track.loop)
            assert np.all(into <= 0.6), f"{name}: intro-to-loop join jumps {into} x the local step"


def test_a_note_ringing_past_loop_end_carries_on_at_loop_start():
    # a held choir note crosses loopEnd: a plain cut would click; folding it onto loopStart must not
    note = Note(start=1.5, dur=1.0, channel=0, program=52, pitch=57, velocity=100)
    song = Song("seam", [note, Note(0.0, 0.5, 0, 52, 60, 100)], 2.0, loop_start=0.0, loop_end=2.0)
    loop = render_song(song).loop
    assert loop is not None and len(loop) == 2 * RATE
    assert np.all(_seam_step(loop, loop) <= 0.6)
    assert np.abs(loop[: RATE // 4].astype(np.int32)).max() > 1000, "the held note should sound at loop start"


def test_broken_midi_file_names_the_file(tmp_path):
    bad = tmp_path / "broken.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06garbage")
    with pytest.raises(MusicDataError, match=r"broken\.mid"):
        load_song(bad)
