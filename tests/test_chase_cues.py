"""Every bus-chase event has a sound, the engine follows the bus's speed, every chase preset exists."""

from __future__ import annotations

from game.audio import chase_cues, cues
from game.audio.sfx import load_presets
from game.sim import events as ev
from game.sim.events import CHASE_EVENT_KINDS, Event


def test_every_chase_event_kind_has_a_cue_in_the_chase_map_and_the_game_s_map():
    missing = [k for k in CHASE_EVENT_KINDS if k not in chase_cues.CHASE_CUES]
    assert not missing, f"chase events without a sound entry in game/audio/chase_cues.py: {missing}"
    assert all(k in cues.CUES for k in CHASE_EVENT_KINDS), "a chase event kind missing from the cue table"
    for kind, spec in chase_cues.CHASE_CUES.items():   # the game's table plays what the chase map says
        if spec.get("sfx"):
            assert cues.sfx_for(Event(kind, 0)) == spec["sfx"], kind


def test_every_chase_cue_makes_a_sound_or_says_why_not_and_its_presets_exist():
    presets = load_presets()
    for kind, cue in chase_cues.CHASE_CUES.items():
        assert cue.get("sfx") or cue.get("by_tag") or cue.get("silent"), kind
    assert chase_cues.referenced_presets() <= set(presets)
    assert cues.referenced_presets() <= set(presets)


def test_chase_events_sound_by_tag():
    assert cues.sfx_for(Event(ev.CRASH, 0, tag="train")) == "train_crash"
    assert cues.sfx_for(Event(ev.CRASH, 0, tag="gang_car")) == "car_crash"
    assert cues.sfx_for(Event(ev.HORN, 0, tag="civilian")) == "car_horn"
    assert cues.sfx_for(Event(ev.HORN, 0, tag="player_bus")) == "bus_horn"
    assert cues.sfx_for(Event(ev.RAM, 0, tag="viktor_bus")) == "ram_impact"
    assert cues.sfx_for(Event(ev.TRAIN_HORN, 0)) == "train_horn"
    assert cues.sfx_for(Event(ev.TYRES, 0, tag="swerve")) == "tyres"
    assert cues.sfx_for(Event(ev.PHASE, 0, tag="boarders")) == "wave_start"
    assert cues.sfx_for(Event(ev.PHASE, 0, tag="crash")) is None


def test_the_engine_note_rises_with_the_bus_s_speed():
    notes = [chase_cues.sfx_for(Event(ev.ENGINE, 0, value=v)) for v in (10, 50, 90)]
    assert notes == ["engine_low", "engine_mid", "engine_high"]
    assert chase_cues.engine_drone("catch_up", 60, 80) == "engine_high"
    assert chase_cues.engine_drone("catch_up", 61, 80) is None
    assert chase_cues.engine_drone("wreck", 60, 80) is None
    assert chase_cues.engine_drone("ram", 0, 0) is None
