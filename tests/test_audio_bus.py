"""The master bus and the hits: punchy impacts in takes, the swing before the blow, fanfares apart,
effects levelled by loudness, and a mix that cannot add up past full scale."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from audio_checks import envelope_peak_ms, onset_ms
from hypothesis import given, settings
from hypothesis import strategies as st

from game.audio import cues
from game.audio.bus import CEILING, FANFARE_GAP, SAMPLES_PER_TICK, Bus
from game.audio.export import add_effects
from game.audio.loudness import band_share_db, effect_loudness, filtered, highpass_loss_db
from game.audio.sfx import load_presets, startup_effects, take_pitch
from game.sim import events as ev
from game.sim.events import EVENT_KINDS, Event


@pytest.fixture(scope="module")
def effects():
    return startup_effects()


def impact_presets() -> set[str]:
    """Every preset a HIT can play: these must all be punchy."""
    return {r.sfx for r in cues.RULES if r.kind == ev.HIT and r.sfx}


def test_every_impact_has_a_crack_and_a_body_and_survives_small_speakers(effects):
    assert impact_presets() >= {"punch_light", "punch_heavy", "kick", "headbutt", "bullet_hit"}
    for name in sorted(impact_presets()):
        takes = effects[name].takes
        assert len(takes) == 4, f"{name}: {len(takes)} takes"
        for k, x in enumerate(takes):
            crack = band_share_db(x, 1000, 5000)
            body = band_share_db(x, 150, 400)
            loss = highpass_loss_db(x, 200)
            assert crack >= -8.0, f"{name} take {k}: 1-5 kHz only {crack:.1f} dB of the energy"
            assert body >= -6.0, f"{name} take {k}: 150-400 Hz body only {body:.1f} dB"
            assert loss <= 3.0, f"{name} take {k}: loses {loss:.1f} dB through a 200 Hz high-pass"
            # the crack is a transient: most of the 1-4 kHz energy comes in the first 30 ms
            band = filtered(x.astype(np.float64), lo=1000, hi=4000) ** 2
            early = band[: int(0.03 * 44100)].sum() / band.sum()
            assert early >= 0.7, f"{name} take {k}: only {early:.0%} of its crack in the first 30 ms"


def test_takes_differ_in_noise_and_spread_about_a_semitone(effects):
    presets = load_presets()
    for name in sorted(impact_presets()):
        takes = effects[name].takes
        for a in range(len(takes)):
            for b in range(a + 1, len(takes)):
                n = min(len(takes[a]), len(takes[b]))
                alike = np.allclose(takes[a][:n], takes[b][:n], atol=1e-3)
                assert not alike, f"{name}: takes {a} and {b} alike"
        ratios = [take_pitch(presets[name], k) for k in range(len(takes))]
        spread = 12 * np.log2(max(ratios) / min(ratios))
        assert 0.7 <= spread <= 1.5, f"{name}: pitch spread {spread:.2f} semitones"


def test_never_the_same_take_twice_in_a_row(effects):
    bus = Bus(effects)
    picks = [bus.pick_take("punch_heavy") for _ in range(400)]
    assert all(a != b for a, b in itertools.pairwise(picks))
    assert set(picks) == {0, 1, 2, 3}


def test_effects_are_levelled_by_loudness(effects):
    for name, effect in effects.items():
        target = effect.preset.loudness
        measured = effect_loudness(effect.takes[0])
        assert abs(measured - target) <= 1.0, f"{name}: {measured:.1f} dB, asked for {target:.1f}"
    go, jab = effect_loudness(effects["go"].takes[0]), effect_loudness(effects["punch_light"].takes[0])
    assert abs(go - jab) <= 3.0, f"go is {go - jab:+.1f} LU against a light punch"


def test_the_swing_peaks_at_least_10_ms_before_the_impact(effects):
    """Swing and hit in the same tick (a blow landing on its first active frame): the impact waits."""
    for move, strength, swing_name, hit_name in (("punch1", 1, "whiff", "punch_light"),
                                                 ("kick", 2, "swing_heavy", "kick"),
                                                 ("punch3", 3, "swing_heavy", "punch_heavy")):
        for trial in range(8):
            bus = Bus(effects, seed=trial)
            tick = [Event(ev.WHIFF, 10, x=160, actor=1, strength=strength, move=move),
                    Event(ev.HIT, 10, x=160, actor=1, target=2, strength=strength, move=move, tag="thug")]
            starts = bus.events(7350, tick, 0)
            swing = next(s for s in starts if s.name == swing_name)
            hit = next(s for s in starts if s.name == hit_name)
            swing_sound = effects[swing_name].takes[swing.take]
            swing_peak = swing.at + swing.delay + envelope_peak_ms(swing_sound) * 44.1
            impact = hit.at + hit.delay + onset_ms(effects[hit_name].takes[hit.take]) * 44.1
            lead_ms = (impact - swing_peak) / 44.1
            assert lead_ms >= 10.0, f"{move}: the swing peaks only {lead_ms:.1f} ms before the impact"


def test_fanfares_never_start_in_the_same_tick(effects):
    bus = Bus(effects)
    now = 100 * SAMPLES_PER_TICK
    burst = [Event(ev.DEATH, 100, x=100), Event(ev.WAVE_CLEAR, 100, x=160), Event(ev.GO, 100, x=160),
             Event(ev.LIFE_LOST, 100, x=160), Event(ev.EXTRA_LIFE, 100, x=160)]
    starts = bus.events(now, burst, 0)
    for tick in range(101, 200):
        starts += bus.update(tick * SAMPLES_PER_TICK)
    fanfares = sorted(s.at for s in starts if effects[s.name].preset.fanfare)
    assert len(fanfares) == 4
    assert all(b - a >= FANFARE_GAP for a, b in itertools.pairwise(fanfares)), fanfares
    assert all(effects[n].preset.fanfare for n in ("go", "wave_clear", "life_lost", "wave_start"))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 90), st.sampled_from(EVENT_KINDS), st.integers(0, 320),
                          st.sampled_from(["", "kick", "headbutt", "bullet", "punch3", "knife"]),
                          st.integers(1, 3)), min_size=1, max_size=120),
       st.floats(0.0, 1.0), st.floats(0.05, 1.0), st.integers(0, 2 ** 16))
def test_the_bus_never_adds_up_to_full_scale(effects, storm, music_volume, sfx_volume, jitter_seed):
    """Any storm of events, any volumes, each sound landing up to one audio buffer early or late
    (SDL starts channels at buffer boundaries): music at its peak plus the effects stays under."""
    bus = Bus(effects, sfx_volume, seed=jitter_seed)
    bus.set_music(music_volume)
    by_tick: dict[int, list[Event]] = {}
    for tick, kind, x, move, strength in storm:
        by_tick.setdefault(tick, []).append(Event(kind, tick, x=x, actor=tick % 3, strength=strength,
                                                  move=move, tag="thug"))
    starts = []
    for tick in range(0, 160):
        now = tick * SAMPLES_PER_TICK
        starts += bus.events(now, by_tick.get(tick, []), 0) if tick in by_tick else bus.update(now)
    rng = np.random.default_rng(jitter_seed)
    calls = sorted({s.at for s in starts})
    moved = {at: at + int(rng.integers(0, 513)) for at in calls}  # the next 512-sample buffer
    jittered = [type(s)(s.name, s.take, s.channel, moved[s.at], s.delay, s.left, s.right, s.gain)
                for s in starts]
    mix = np.zeros((170 * SAMPLES_PER_TICK + 3 * 44100, 2), np.float32)
    add_effects(mix, jittered, effects, sfx_volume)
    peak = float(np.max(np.abs(mix))) if starts else 0.0
    assert peak + bus.music_level <= CEILING + 1e-4, f"effects {peak:.3f} + music {bus.music_level:.3f}"


def test_a_mixdown_stretch_of_the_bathhouse_never_reaches_full_scale(effects):
    from game.audio.export import mix_stats, mixdown

    result = mixdown("bathhouse", 1, max_ticks=900, effects=effects)
    stats = mix_stats(result.mix)
    assert stats["over_full_scale"] == 0, stats
    names = {s.name for s in result.starts}
    assert "steam_hiss" in names, "the bathhouse's steam vents are silent"
    assert names & {"punch_light", "punch_heavy", "kick"}, names
    assert np.max(np.abs(result.mix)) > 0.1  # it is not silence


@pytest.mark.soak
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_export_audio_mixdown_bathhouse_has_no_sample_at_full_scale(tmp_path, seed):
    """The Done-when figure: the whole bot run, written by the CLI, read back from the WAV."""
    import wave

    from game.audio.export import main

    assert main([str(tmp_path), "--mixdown", "bathhouse", "--seed", str(seed), "--mixdown-only"]) == 0
    path = tmp_path / f"mixdown-bathhouse-seed{seed}.wav"
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (2, 2, 44100)
        pcm = np.frombuffer(w.readframes(w.getnframes()), "<i2")
    assert len(pcm) > 44100 * 2 * 30
    assert int(np.count_nonzero(np.abs(pcm.astype(np.int32)) >= 32767)) == 0


def test_mixdown_arguments_fail_with_one_line_not_a_traceback(tmp_path, capsys):
    from game.audio.export import main

    assert main([str(tmp_path), "--mixdown", "no_such_level", "--mixdown-only"]) == 2
    assert main([str(tmp_path), "--mixdown-only"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no_such_level" in err
    assert not list(tmp_path.glob("*.wav"))


@pytest.mark.parametrize("field, value", [("loudness", 3), ("loudness", "loud"), ("takes", 0), ("takes", 2.5),
                                          ("spread", -1), ("fanfare", "yes"), ("gain", 2)])
def test_bad_mix_fields_in_a_preset_are_named(tmp_path, field, value):
    import json

    from game.audio.synth import SynthDataError

    path = tmp_path / "presets.json"
    path.write_text(json.dumps({"pow": {field: value, "layers": [{"wave": "sine"}]}}))
    with pytest.raises(SynthDataError, match=f"pow.*{field}"):
        load_presets(path)


def test_effects_held_back_render_when_a_level_first_needs_them():
    presets = load_presets()
    effects = startup_effects(presets, later=("car_horn",))
    assert "car_horn" not in effects
    bus = Bus(effects, presets=presets)
    bus.set_ambience("chase", 0)                          # the bus chase's traffic honks
    assert "car_horn" in bus.effects
    starts = []
    for tick in range(1, 60 * 15):
        starts += bus.update(tick * SAMPLES_PER_TICK)
    assert "car_horn" in {s.name for s in starts}


def test_an_older_preset_with_a_peak_gain_still_loads_levelled_and_capped(tmp_path):
    import json

    from game.audio.sfx import render_takes

    path = tmp_path / "presets.json"
    path.write_text(json.dumps({"old": {"priority": 3, "cap": 1, "gain": 0.3,
                                        "layers": [{"wave": "square", "freq": 600, "hold": 0.2}]}}))
    preset = load_presets(path)["old"]
    x = render_takes(preset)[0]
    assert float(np.max(np.abs(x))) <= 0.3 + 1e-6
    assert effect_loudness(x) <= preset.loudness + 0.5   # levelled to the default, or quieter by the cap


@pytest.mark.soak
def test_what_sdl_really_mixes_in_the_bathhouse_stays_under_full_scale(tmp_path):
    """The game itself, its audio written by SDL's disk driver: the enemies fight the idle hero."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    raw = tmp_path / "game.raw"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(raw),
               REDHEAT_HOME=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "main.py", "--level", "bathhouse", "--seed", "2"], cwd=root,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(20)
    pcm = np.fromfile(raw, "<i2").astype(np.int32)
    assert len(pcm) > 2 * 44100 * 5, "SDL wrote less than 5 s"
    assert np.abs(pcm).max() > 3000, "the game was silent"
    assert int(np.count_nonzero(np.abs(pcm) >= 32767)) == 0
