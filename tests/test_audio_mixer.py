"""The mixer: channel caps and priorities hold under a crowd, it runs silent without a device, music plays."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import wave
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.audio.channels import ChannelBook, pan_gains
from game.audio.export import main as export_main
from game.audio.mixer import SFX_CHANNELS, Mixer
from game.sim.events import EVENT_KINDS, Event

ROOT = Path(__file__).resolve().parent.parent


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.integers(0, 5), st.integers(1, 3), st.booleans()),
                max_size=200))
def test_channel_book_never_exceeds_total_or_per_sound_cap(requests):
    book = ChannelBook(6)
    caps = {}
    for name, priority, cap, finish_some in requests:
        caps.setdefault(name, cap)  # a preset's cap is fixed
        if finish_some:
            book.release_finished(lambda i: i % 2 == 0)
        book.pick(name, priority, caps[name])
        assert book.active() <= 6
        for n, c in caps.items():
            assert book.count_of(n) <= c


def test_a_higher_priority_effect_steals_the_lowest_and_an_equal_one_is_dropped():
    book = ChannelBook(2)
    assert book.pick("step", 0, 2) == 0
    assert book.pick("step", 0, 2) == 1
    assert book.pick("pistol", 5, 2) == 0  # steals the oldest footstep
    assert book.pick("whiff", 0, 2) is None  # nothing ranks below it
    assert book.pick("pistol", 5, 2) == 1
    assert book.pick("pistol", 5, 2) == 0  # at its cap: restarts its own oldest copy


def test_pan_follows_screen_position():
    left, right = pan_gains(0)
    assert left > right
    left, right = pan_gains(320)
    assert right > left
    centre = pan_gains(160)
    assert abs(centre[0] - centre[1]) < 1e-9


def test_mixer_caps_a_crowd_of_hits():
    mixer = Mixer.create(0.7, 0.8)
    assert mixer.enabled, "the dummy SDL audio driver should open"
    crowd = [Event("hit", 0, x=x % 320, strength=1 + x % 3) for x in range(100)]
    crowd += [Event(kind, 0, x=40) for kind in EVENT_KINDS] * 4
    mixer.handle_events(crowd, camera_x=0)
    assert mixer.effects_playing() <= SFX_CHANNELS
    for name, preset in mixer.presets.items():
        assert mixer._bus.book.count_of(name) <= preset.cap, name
    mixer.set_volumes(0.2, 0.3)
    mixer.duck(True)
    mixer.duck(False)
    mixer.stop()


def test_mixer_plays_and_cross_fades_music():
    mixer = Mixer.create(0.7, 0.8)
    mixer.play_music("clear")
    deadline = time.monotonic() + 20
    while mixer.current_music != "clear" and time.monotonic() < deadline:
        mixer.update()
        time.sleep(0.02)
    assert mixer.current_music == "clear"
    mixer.play_music("gameover", fade_ms=100)
    while mixer.current_music != "gameover" and time.monotonic() < deadline:
        mixer.update()
        time.sleep(0.02)
    assert mixer.current_music == "gameover"
    mixer.stop()


def test_mute_gives_a_silent_mixer_without_a_word(capsys):
    mixer = Mixer.create(1.0, 1.0, mute=True)
    assert not mixer.enabled
    mixer.handle_events([Event("hit", 0, strength=2)], 0)
    mixer.play_music("title")
    mixer.play_sfx("menu_move")
    mixer.update()
    mixer.stop()
    assert capsys.readouterr().err == ""


def test_no_audio_device_runs_silent_with_one_warning_line():
    code = ("from game.audio.mixer import Mixer\n"
            "m = Mixer.create(1.0, 1.0); Mixer.create(1.0, 1.0)\n"
            "m.play_music('title'); m.play_sfx('go'); m.update(); m.duck(True); m.stop()\n"
            "assert not m.enabled\n")
    env = dict(os.environ, SDL_AUDIODRIVER="no-such-driver", PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("warning:"), lines


def test_export_audio_writes_16_bit_stereo_wavs(tmp_path):
    assert export_main([str(tmp_path), "--track", "clear"]) == 0
    files = sorted(tmp_path.rglob("*.wav"))
    assert (tmp_path / "music" / "clear.wav") in files and (tmp_path / "sfx" / "punch_heavy.wav") in files
    with wave.open(str(tmp_path / "music" / "clear.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (2, 2, 44100)
        assert w.getnframes() > 44100


def test_export_audio_rejects_bad_arguments_without_a_traceback(capsys):
    assert export_main([]) != 0
    assert "Traceback" not in capsys.readouterr().err


def test_mixer_plays_the_bus_decisions_swing_first_and_fanfares_apart():
    from game.sim import events as ev

    mixer = Mixer.create(0.7, 0.8)
    assert mixer.enabled
    mixer.handle_events([Event(ev.WHIFF, 5, x=150, actor=1, strength=2, move="kick"),
                         Event(ev.HIT, 5, x=160, actor=1, target=2, strength=2, move="kick", tag="thug"),
                         Event(ev.HURT, 5, x=160, actor=1, target=2, tag="thug")], camera_x=0)
    late = {name for name, _take, _delay in mixer._late}
    assert {"kick", "hurt_thug"} <= late, late          # the blow waits for its swing, the cry for the blow
    assert mixer.effects_playing() >= 3
    mixer.handle_events([Event(ev.GO, 9, x=160), Event(ev.WAVE_CLEAR, 9, x=160)], camera_x=0)
    fanfares = [s for s in mixer._bus.book.slots if s is not None and s.name in ("go", "wave_clear")]
    assert len(fanfares) == 1                            # the second waits its turn
    deadline = time.monotonic() + 5
    while len([s for s in mixer._bus.book.slots if s is not None and s.name in ("go", "wave_clear")]) < 2:
        assert time.monotonic() < deadline, "the queued fanfare never started"
        mixer.update()
        time.sleep(0.01)
    mixer.stop()


def test_the_bathhouse_track_brings_its_steam_vents():
    mixer = Mixer.create(0.7, 0.8)
    mixer.play_music("bathhouse")
    assert [a.sfx for a, _due in mixer._bus._ambience] == ["steam_hiss"]
    mixer.play_music("title")
    assert mixer._bus._ambience == []
    mixer.stop()


def test_chase_and_bonus_effects_render_in_the_background_when_their_level_or_game_is_coming():
    from game.audio import cues

    groups = cues.deferred_presets()
    mixer = Mixer.create(0.7, 0.8)
    assert mixer.enabled
    deferred = set(groups["chase"]) | set(groups["bonus"])
    assert not deferred & set(mixer._bus.effects), "start-up renders only what every level can need"
    assert {"punch_light", "go", "hazard_warn", "steam_hiss"} <= set(mixer._bus.effects)
    mixer.prepare("chase")                     # the level card of the bus chase
    thread = mixer.prepare_effects("chase")    # the same thread: a group renders once
    assert thread is not None
    thread.join(30)
    assert set(groups["chase"]) <= set(mixer._bus.effects)
    bonus = mixer.prepare_effects("bonus")
    assert bonus is not None
    bonus.join(30)
    assert set(groups["bonus"]) <= set(mixer._bus.effects)
    mixer.stop()
