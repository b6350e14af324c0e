"""Every simulation event has a sound (or a stated reason for silence) and every level's music exists."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from game.audio import cues
from game.audio.music import TRACK_NAMES, music_path
from game.audio.sfx import load_presets
from game.paths import levels_dir
from game.sim.events import EVENT_KINDS, Event


def test_every_event_kind_has_a_cue():
    missing = [kind for kind in EVENT_KINDS if kind not in cues.CUES]
    assert not missing, f"event kinds without a sound entry in game/audio/cues.py: {missing}"


def test_every_cue_makes_a_sound_or_says_why_not():
    for kind, cue in cues.CUES.items():
        assert cue.sfx or cue.music or cue.by_tag or cue.silent, kind
        if cue.silent:
            assert not cue.sfx and len(cue.silent) > 10, kind


def test_every_cued_effect_and_track_exists():
    presets = load_presets()
    assert cues.referenced_presets() <= set(presets)
    for cue in cues.CUES.values():
        if cue.music:
            assert cue.music in TRACK_NAMES and music_path(cue.music).exists()


def test_hits_and_shots_sound_by_strength_and_tag():
    assert cues.sfx_for(Event("hit", 0, strength=1)) == "punch_light"
    assert cues.sfx_for(Event("hit", 0, strength=3)) == "punch_heavy"
    assert cues.sfx_for(Event("hit", 0, strength=2, tag="headbutt")) == "headbutt"
    assert cues.sfx_for(Event("shot", 0, tag="player")) == "pistol"
    assert cues.sfx_for(Event("shot", 0, tag="viktor")) == "sleeve_gun"
    assert cues.sfx_for(Event("pickup", 0, tag="ammo")) == "pickup_ammo"
    assert cues.sfx_for(Event("pickup", 0, tag="something_new")) == "pickup_points"
    assert cues.sfx_for(Event("score", 0, value=100)) is None
    assert cues.music_for(Event("level_clear", 0)) == "clear"


def test_every_shipped_level_music_name_exists():
    levels = sorted(levels_dir().glob("*.tmx"))
    assert levels, "no shipped levels found"
    for level in levels:
        root = ET.parse(level).getroot()
        for prop in root.findall("./properties/property[@name='music']"):
            name = prop.get("value") or prop.text or ""
            assert name in TRACK_NAMES and music_path(name).exists(), f"{level.name}: unknown music {name!r}"
