"""The chip synthesizer and the effect presets: deterministic, audible, never clipping, not just noise."""

from __future__ import annotations

import json

import numpy as np
import pytest
from audio_checks import rms_dbfs, spectral_flatness

from game.audio import synth
from game.audio.sfx import load_presets, render_preset, render_preset_float, repitch


@pytest.fixture(scope="module")
def presets():
    return load_presets()


def test_synth_renders_every_wave_deterministically():
    for wave in synth.WAVES:
        p = synth.layer_params({"wave": wave, "freq": 330, "hold": 0.1, "vibrato_depth": 0.3,
                                "freq_end": 220, "detune": 7, "lowpass": 3000}, "test")
        a, b = synth.render_layer(p, seed=5), synth.render_layer(p, seed=5)
        assert np.array_equal(a, b), wave
        assert np.max(np.abs(a)) > 0.1, wave


def test_every_effect_renders_identically_twice(presets):
    for name, preset in presets.items():
        assert np.array_equal(render_preset(preset), render_preset(preset)), name


def test_every_effect_is_audible_and_never_clips(presets):
    for name, preset in presets.items():
        peak = float(np.max(np.abs(render_preset_float(preset))))
        assert peak <= 1.0, f"{name} peaks at {peak:.3f} (> 0 dBFS) before conversion"
        samples = render_preset(preset)
        assert np.abs(samples.astype(np.int32)).max() < 32767, f"{name} saturates int16"
        assert rms_dbfs(samples) > -40.0, f"{name} is nearly silent"


def test_every_effect_is_more_than_white_noise(presets):
    white = np.random.default_rng(1).uniform(-1, 1, synth.RATE)
    assert spectral_flatness(white) > 0.8  # the measure itself tells noise from sound
    for name, preset in presets.items():
        flatness = spectral_flatness(render_preset(preset))
        assert flatness < 0.5, f"{name} is spectrally flat ({flatness:.2f}): just noise"


def test_every_effect_fades_out_without_a_click(presets):
    for name, preset in presets.items():
        samples = render_preset(preset)
        assert np.abs(samples[-16:].astype(np.int32)).max() < 600, f"{name} ends abruptly"


def test_punch_thumps_fast_and_dies_away(presets):
    hit = render_preset(presets["punch_heavy"])[:, 0].astype(np.float64)
    block = int(0.01 * synth.RATE)
    energy = [np.sqrt(np.mean(hit[i: i + block] ** 2)) for i in range(0, len(hit) - block, block)]
    assert energy[0] >= 0.6 * max(energy), "the punch should hit at once, not swell"
    assert int(np.argmax(energy)) <= 5, "the thump should peak within 60 ms"
    assert energy[-1] < 0.1 * max(energy)


def test_repitch_changes_length_not_level(presets):
    base = render_preset(presets["punch_light"])
    faster = repitch(base, 1.04)
    assert abs(len(faster) - len(base) / 1.04) <= 1
    assert np.abs(faster).max() <= np.abs(base).max()


def test_bad_preset_file_names_file_and_entry(tmp_path):
    bad = tmp_path / "presets.json"
    bad.write_text(json.dumps({"zap": {"layers": [{"wave": "kazoo"}]}}))
    with pytest.raises(synth.SynthDataError, match=r"presets.json.*'zap'.*kazoo"):
        load_presets(bad)
    bad.write_text("{not json")
    with pytest.raises(synth.SynthDataError, match=r"presets\.json"):
        load_presets(bad)


def test_audio_modules_other_than_the_mixer_never_import_pygame():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys\n"
            "import game.audio.synth, game.audio.sfx, game.audio.music, game.audio.voices\n"
            "import game.audio.cues, game.audio.channels, game.audio.export\n"
            "assert 'pygame' not in sys.modules, 'pygame was imported'\n")
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
