"""The start-up effects' disk cache: read back sample for sample, rendered again when damaged or stale."""

from __future__ import annotations

import json

import numpy as np

from game.audio import cues
from game.audio.sfx import effects_cache_path, load_presets, presets_path, startup_effects

SOME = ("punch_light", "kick", "menu_move", "go", "steam_hiss")


def _subset() -> dict:
    presets = load_presets()
    return {name: presets[name] for name in SOME}


def test_start_up_effects_come_back_from_the_cache_sample_for_sample(tmp_path):
    presets = _subset()
    path = tmp_path / "effects.npz"
    first = startup_effects(presets, cache=path)
    assert path.exists()
    stamp = path.stat().st_mtime_ns
    again = startup_effects(presets, cache=path)
    assert path.stat().st_mtime_ns == stamp          # nothing rendered, nothing written
    for name in SOME:
        assert len(again[name].takes) == len(first[name].takes) == presets[name].takes
        for a, b, pa, pb in zip(first[name].takes, again[name].takes, first[name].pcm, again[name].pcm,
                                strict=True):
            assert np.array_equal(a, b) and np.array_equal(pa, pb)
        assert all(np.array_equal(a, b) for a, b in zip(first[name].envelopes, again[name].envelopes,
                                                         strict=True))


def test_a_damaged_cache_is_rendered_again_and_rewritten(tmp_path):
    presets = _subset()
    path = tmp_path / "effects.npz"
    good = startup_effects(presets, cache=path)
    data = path.read_bytes()
    for broken in (data[: len(data) // 2], b"not a zip at all", data[:200] + bytes(64) + data[264:]):
        path.write_bytes(broken)
        got = startup_effects(presets, cache=path)
        assert all(np.array_equal(got[n].takes[0], good[n].takes[0]) for n in SOME)
        assert path.read_bytes() != broken
        again = startup_effects(presets, cache=path)   # the rewritten file reads back
        assert all(np.array_equal(again[n].takes[-1], good[n].takes[-1]) for n in SOME)


def test_a_missing_effect_is_rendered_and_added(tmp_path):
    presets = _subset()
    path = tmp_path / "effects.npz"
    startup_effects(presets, later=("kick",), cache=path)
    got = startup_effects(presets, cache=path)
    assert "kick" in got and len(got["kick"].takes) == presets["kick"].takes


def test_the_cache_file_follows_the_presets(tmp_path, monkeypatch):
    monkeypatch.setenv("REDHEAT_HOME", str(tmp_path))
    shipped = effects_cache_path()
    assert shipped.parent == tmp_path / "cache" / "sfx"
    edited = tmp_path / "presets.json"
    data = json.loads(presets_path().read_text(encoding="utf-8"))
    data["punch_light"]["loudness"] = -21
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert effects_cache_path(edited) != shipped
    assert effects_cache_path() == shipped


def test_start_up_leaves_out_the_deferred_groups():
    later = set(cues.later_presets())
    assert later and not later & set(startup_effects(_subset(), later=tuple(later)))
