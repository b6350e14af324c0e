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


# --- arrangement and mix (figures from game.audio.music_analysis; see docs/audio.md) -------------------

LOOPING = [n for n in TRACK_NAMES if n not in JINGLES]
UP_TEMPO = {"bathhouse", "chicago", "hotel", "chase", "boss"}  # 118 bpm and faster


@pytest.fixture(scope="module")
def songs():
    return {name: load_song(music_path(name)) for name in TRACK_NAMES}


def test_every_section_of_every_looping_track_names_its_tune(songs):
    for name in LOOPING:
        song = songs[name]
        marks = [t for t, _ in song.melody]
        assert marks and marks[0] == 0.0, f"{name}: no melody marker at the start"
        assert song.loop_start in marks, f"{name}: the loop does not start a section"
        played = {n.channel for n in song.notes}
        assert all(ch in played and ch != DRUM_CHANNEL for _, ch in song.melody), name


@pytest.mark.soak
def test_the_tune_is_on_top_in_every_section(songs):
    from game.audio.music_analysis import section_balance

    for name in LOOPING:
        for level in section_balance(songs[name]):
            assert level.margin >= 0.0, (
                f"{name}: the tune (channel {level.channel}) is {-level.margin:.1f} LU under the rest "
                f"at {level.start:.1f}-{level.end:.1f} s")


def test_tunes_are_played_with_dynamics(songs):
    from game.audio.music_analysis import velocity_levels

    for name in LOOPING:
        levels = velocity_levels(songs[name])
        assert min(levels) >= 3, f"{name}: a section's tune uses only {min(levels)} velocities ({levels})"


def test_up_tempo_tunes_are_syncopated(songs):
    from game.audio.music_analysis import syncopation

    for name in UP_TEMPO:
        share = syncopation(songs[name])
        assert share >= 0.12, f"{name}: only {share:.0%} of the tune's notes are syncopated"


def test_drums_and_bass_vary_through_the_loop(songs):
    from game.audio.music_analysis import bass_shapes, distinct_drum_bars

    for name in LOOPING:
        bars = distinct_drum_bars(songs[name])
        assert bars >= 8, f"{name}: only {bars} different drum bars in the loop"
        shapes = bass_shapes(songs[name])
        assert len(shapes) >= 4, f"{name}: only {len(shapes)} bass shapes in the loop"
        assert max(shapes.values()) <= 0.5 * sum(shapes.values()), f"{name}: one bass bar dominates"


def test_the_boss_riff_does_not_rub_against_the_bass(songs):
    from game.audio.music_analysis import semitone_clash

    song = songs["boss"]
    riff = next(ch for _, ch in song.melody)  # the intro's tune is the riff
    bass = next(n.channel for n in song.notes if n.program in range(32, 40))
    assert semitone_clash(song, riff, bass) <= 0.05


def test_the_hotel_band_swings_with_its_ride(songs):
    from game.audio.music_analysis import onset_phases

    song = songs["hotel"]
    for ch in {n.channel for n in song.notes}:
        phases = onset_phases(song, ch)
        assert not phases.get(24), f"hotel channel {ch} plays straight off-beat eighths"
        assert set(phases) <= {0, 32}, f"hotel channel {ch} starts notes off the swung grid: {dict(phases)}"
    ride = [n for n in song.notes if n.channel == DRUM_CHANNEL and n.pitch == 51]
    assert ride and onset_phases(song, DRUM_CHANNEL)[32] > 0


def test_tracks_share_one_loudness_and_are_wide(rendered):
    from game.audio.music import loudness_lufs
    from game.audio.music_analysis import side_mid_db

    levels = {}
    for name, track in rendered.items():
        body = track.loop if track.loop is not None else track.intro
        levels[name] = loudness_lufs(body)
        width = side_mid_db(body)
        assert -13.0 <= width <= -3.0, f"{name}: side/mid {width:.1f} dB"
    spread = max(levels.values()) - min(levels.values())
    assert spread <= 1.0, f"music loudness spread {spread:.2f} LU: {levels}"


def test_the_synth_does_not_alias():
    from game.audio.music_analysis import aliasing_db

    for wave, duty in (("square", 0.5), ("square", 0.125), ("saw", 0.5), ("triangle", 0.5)):
        for freq in (261.6, 1046.5, 2093.0):
            assert aliasing_db(wave, freq, duty) <= -35.0, f"{wave} {duty} at {freq} Hz aliases"


def test_a_midi_file_is_read_as_mido_reads_it(songs):
    for name in TRACK_NAMES:
        mid = mido.MidiFile(str(music_path(name)))
        t, starts, notes = 0.0, {}, []
        for msg in mid:
            t += msg.time
            if msg.type == "note_on" and msg.velocity:
                starts[(msg.channel, msg.note)] = (t, msg.velocity)
            elif msg.type in ("note_on", "note_off") and (msg.channel, msg.note) in starts:
                start, vel = starts.pop((msg.channel, msg.note))
                notes.append((start, t - start, msg.channel, msg.note, vel))
        ours = songs[name].notes
        assert [(n.channel, n.pitch, n.velocity) for n in ours] == [x[2:] for x in notes], name
        np.testing.assert_allclose([(n.start, n.dur) for n in ours], [x[:2] for x in notes], atol=1e-6)
        assert songs[name].length == pytest.approx(t)


def test_truncated_midi_file_names_the_file(tmp_path):
    whole = music_path("clear").read_bytes()
    bad = tmp_path / "cut.mid"
    bad.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(MusicDataError, match=r"cut\.mid"):
        load_song(bad)
