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


def test_loop_points_join_without_a_click(rendered):
    for name, track in rendered.items():
        if track.loop is None:
            continue
        loop = track.loop.astype(np.int32)
        typical = np.percentile(np.abs(np.diff(loop, axis=0)), 99.9, axis=0)
        seam = np.abs(loop[0] - loop[-1])
        assert np.all(seam <= typical), f"{name}: loop seam jumps {seam} (typical step {typical})"
        if len(track.intro):
            into_loop = np.abs(loop[0] - track.intro[-1].astype(np.int32))
            assert np.all(into_loop <= typical), f"{name}: intro-to-loop jump {into_loop}"


def test_broken_midi_file_names_the_file(tmp_path):
    bad = tmp_path / "broken.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06garbage")
    with pytest.raises(MusicDataError, match=r"broken\.mid"):
        load_song(bad)
