"""Rendered music on disk: streamable WAVs that loop sample-exact, verified, re-rendered when damaged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from game.audio import music_cache
from game.audio.music import Note, Song, render_song
from game.audio.synth import RATE

ROOT = Path(__file__).resolve().parent.parent


def _looping_song() -> Song:
    """A short song: an intro chord ringing into the loop, and a loop note ringing past its end."""
    notes = [Note(0.0, 1.2, 0, 48, 60, 100), Note(0.0, 1.2, 0, 48, 64, 100),      # intro chord, long release
             Note(1.0, 0.3, 1, 81, 72, 110), Note(2.0, 0.5, 1, 81, 76, 90),
             Note(3.2, 0.6, 0, 48, 67, 100), Note(4.1, 0.6, 1, 81, 79, 120)]      # rings past loopEnd
    return Song("t", notes, 4.5, loop_start=1.5, loop_end=4.5, first_beat=0.5)


def _wav(path: Path) -> np.ndarray:
    offset, length, _loop, _digest = music_cache.read_layout(path)
    return np.frombuffer(path.read_bytes()[offset: offset + length], "<i2").reshape(-1, 2)


def test_stream_layout_plays_the_intro_then_repeats_the_loop_exactly():
    track = render_song(_looping_song())
    assert track.loop is not None
    data, loop = music_cache.stream_layout(track)
    assert loop is not None
    start, end = loop
    assert end - start == len(track.loop)
    # the first play-through is the track's own intro...
    np.testing.assert_array_equal(data[: len(track.intro)][:start], track.intro[:start])
    # ...then the loop region, which played on forever is the loop body (rotated), sample for sample
    region = data[start:end]
    shift = start - (len(track.intro) - len(track.loop))
    np.testing.assert_array_equal(np.roll(region, shift, axis=0), track.loop)


def test_cache_file_round_trip_and_damage_is_detected(tmp_path):
    track = render_song(_looping_song())
    path = music_cache.write_track(tmp_path / "t-0123.wav", track)
    assert music_cache.verify(path)
    data, loop = music_cache.stream_layout(track)
    np.testing.assert_array_equal(_wav(path), data)
    assert music_cache.read_layout(path)[2] == loop
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 1000])               # truncated
    assert not music_cache.verify(path)
    flipped = bytearray(whole)
    flipped[len(whole) // 2] ^= 0x40                           # one corrupt sample
    path.write_bytes(bytes(flipped))
    assert not music_cache.verify(path)
    path.write_bytes(b"RIFF\x00\x00")                          # garbage
    assert not music_cache.verify(path)
    assert not music_cache.verify(tmp_path / "missing.wav")
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file may be left behind"


def test_ensure_renders_once_and_renders_again_when_damaged(tmp_path):
    first = music_cache.ensure("clear", tmp_path)
    assert music_cache.verify(first)
    stamp = first.stat().st_mtime_ns
    assert music_cache.ensure("clear", tmp_path) == first and first.stat().st_mtime_ns == stamp  # reused
    first.write_bytes(first.read_bytes()[:5000])
    again = music_cache.ensure("clear", tmp_path)
    assert again == first and music_cache.verify(again)
    stale = tmp_path / "clear-00000000000000000000.wav"
    stale.write_bytes(b"old")
    first.unlink()
    music_cache.ensure("clear", tmp_path)
    assert not stale.exists(), "an older render of the same track is removed"


def test_cache_lives_in_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("REDHEAT_HOME", str(tmp_path))
    assert music_cache.cache_dir() == tmp_path / "cache" / "music"
    monkeypatch.delenv("REDHEAT_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert music_cache.cache_dir() == tmp_path / "xdg" / "redheat" / "music"


def test_sdl_streams_the_file_and_loops_it_sample_exact(tmp_path):
    """Play a cache file through SDL_mixer's real music stream (the disk audio driver writes what it
    mixes to a file) and compare with the intro followed by the loop body, over and over."""
    track = render_song(_looping_song())
    path = music_cache.write_track(tmp_path / "t-0123.wav", track)
    out = tmp_path / "out.raw"
    code = textwrap.dedent(f"""
        import time, pygame
        pygame.mixer.init(frequency={RATE}, size=-16, channels=2, buffer=512)
        pygame.mixer.music.load({str(path)!r})
        pygame.mixer.music.set_volume(1.0)
        pygame.mixer.music.play(loops=0)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and __import__('os').path.getsize({str(out)!r}) < 4 * {RATE} * 16:
            time.sleep(0.05)
        pygame.mixer.quit()
    """)
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(out), SDL_DISKAUDIODELAY="0",
               PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    heard = np.fromfile(out, "<i2").reshape(-1, 2)[:-2048]  # SDL may close with a buffer of silence
    assert track.loop is not None
    expected = np.concatenate([track.intro] + [track.loop] * 4)
    first = int(np.argmax(np.any(heard != 0, axis=1)))
    lead = int(np.argmax(np.any(expected != 0, axis=1)))
    got = heard[first - lead:][: len(expected)]
    assert len(got) >= len(track.intro) + 2 * len(track.loop), "too little was played"
    np.testing.assert_array_equal(got, expected[: len(got)])


@pytest.fixture
def player(tmp_path, monkeypatch):
    import pygame

    from game.audio.music_player import MusicPlayer

    monkeypatch.setenv("REDHEAT_HOME", str(tmp_path))
    pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
    warnings: list[str] = []
    p = MusicPlayer(warnings.append)
    p.warnings = warnings  # type: ignore[attr-defined]
    yield p
    p.close()
    pygame.mixer.quit()


def _until(cond, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while not cond() and time.monotonic() < deadline:
        time.sleep(0.02)
    return cond()


def test_player_prepares_in_another_process_then_streams_and_switches(player, tmp_path):
    import pygame

    player.prepare("clear")
    assert _until(lambda: player.ready("clear")), player.warnings
    assert list((tmp_path / "cache" / "music").glob("clear-*.wav"))
    player.play("clear", fade_ms=0)
    assert pygame.mixer.music.get_busy() and player.current == "clear"
    player.play("gameover", fade_ms=0)
    assert _until(lambda: (player.update(), player.current == "gameover")[1]), player.warnings
    assert pygame.mixer.music.get_busy()
    player.stop(0)
    assert player.current is None and not player.warnings


def test_player_re_renders_a_damaged_cache_file(player, tmp_path):
    from game.audio.music_player import MusicPlayer

    player.prepare("clear")
    assert _until(lambda: player.ready("clear"))
    path = music_cache.cache_path("clear", tmp_path / "cache" / "music")
    path.write_bytes(path.read_bytes()[:3000])
    fresh = MusicPlayer(player.warn)
    fresh.prepare("clear")
    assert _until(lambda: fresh.ready("clear")), player.warnings
    assert music_cache.verify(path)
    fresh.close()


def test_player_warns_once_for_a_track_that_cannot_render(player):
    player.play("no-such-track", fade_ms=0)
    assert _until(lambda: (player.update(), bool(player.warnings))[1])
    player.play("no-such-track", fade_ms=0)
    player.update()
    assert len(player.warnings) == 1 and "no-such-track" in player.warnings[0]
