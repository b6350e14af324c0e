"""Every simulation event has a sound (or a stated reason for silence), every preset is reachable,
and a hit sounds like the move that landed it."""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.audio import cues
from game.audio.bus import Bus, char_lookup
from game.audio.music import TRACK_NAMES, music_path
from game.audio.sfx import load_presets, startup_effects
from game.paths import levels_dir
from game.sim import events as ev
from game.sim.actions import Action
from game.sim.events import EVENT_KINDS, Event
from game.sim.testlevel import arena
from game.sim.world import World

ROOT = Path(__file__).resolve().parent.parent
P, K, S, R = int(Action.PUNCH), int(Action.KICK), int(Action.SPECIAL), int(Action.RIGHT)


def _shipped_music() -> set[str]:
    names = set()
    for level in sorted(levels_dir().glob("*.tmx")):
        root = ET.parse(level).getroot()
        for prop in root.findall("./properties/property[@name='music']"):
            names.add(prop.get("value") or prop.text or "")
    return names


def test_every_event_kind_has_a_cue():
    missing = [kind for kind in EVENT_KINDS if kind not in cues.CUES]
    assert not missing, f"event kinds without a rule in game/audio/cues.py RULES: {missing}"


def test_every_rule_makes_a_sound_or_says_why_not():
    for rule in cues.RULES:
        assert rule.sfx or rule.music or rule.silent, rule
        if rule.silent:
            assert not rule.sfx and len(rule.silent) > 10, rule
        assert rule.kind in EVENT_KINDS, f"rule for an event the simulation never emits: {rule}"


def test_every_cued_effect_and_track_exists():
    presets = load_presets()
    assert cues.referenced_presets() <= set(presets)
    for rule in cues.RULES:
        if rule.music:
            assert rule.music in TRACK_NAMES and music_path(rule.music).exists()


def _other_cue_maps() -> set[str]:
    """Preset names in cue maps kept in modules of their own (``game/audio/*_cues.py``, such as the
    bonus games'): every string value of their module-level dicts."""
    names: set[str] = set()
    for path in (ROOT / "game" / "audio").glob("*_cues.py"):
        module = importlib.import_module(f"game.audio.{path.stem}")
        for value in vars(module).values():
            if isinstance(value, dict):
                names |= {v for v in value.values() if isinstance(v, str)}
    return names


def test_no_preset_is_unreachable():
    """Every preset is played by an event rule, a menu that really calls it, or the ambience of a
    shipped level; the only exceptions are listed, with their reason, in cues.RESERVED."""
    presets = set(load_presets())
    reachable = {r.sfx for r in cues.RULES if r.sfx}
    scenes = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "game" / "scenes").glob("*.py"))
    called = set(re.findall(r"""sfx\(\s*["'](\w+)["']""", scenes))
    assert set(cues.MENU) <= called, f"menu sounds no scene plays: {set(cues.MENU) - called}"
    reachable |= called
    for music in _shipped_music():
        reachable |= {a.sfx for a in cues.ambience_for(music)}
    reachable |= _other_cue_maps() & presets
    unreachable = sorted(presets - reachable - set(cues.RESERVED))
    assert not unreachable, f"presets nothing can play: {unreachable}"
    for name, reason in cues.RESERVED.items():
        assert name in presets and name not in reachable, f"{name} is reachable: drop it from RESERVED"
        assert len(reason) > 20, name
        assert name in cues.referenced_presets(), f"reserved {name} must still be wired to its future use"


def test_a_kick_a_headbutt_and_a_bullet_each_have_their_own_sound():
    kick = cues.sfx_for(Event(ev.HIT, 0, strength=2, tag="thug", move="kick"))
    headbutt = cues.sfx_for(Event(ev.HIT, 0, strength=2, tag="thug", move="headbutt"))
    bullet = cues.sfx_for(Event(ev.HIT, 0, strength=3, tag="thug", move="bullet"))
    punch = cues.sfx_for(Event(ev.HIT, 0, strength=1, tag="thug", move="punch1"))
    heavy = cues.sfx_for(Event(ev.HIT, 0, strength=3, tag="thug", move="punch3"))
    assert (kick, headbutt, bullet, punch, heavy) == ("kick", "headbutt", "bullet_hit", "punch_light",
                                                      "punch_heavy")
    assert cues.sfx_for(Event(ev.HIT, 0, strength=2, tag="danko", move="knife")) == "slash"
    assert cues.sfx_for(Event(ev.BLOCK, 0, strength=3, tag="danko", move="bullet")) == "ricochet"


def test_the_attacker_counts_and_the_move_outranks_it():
    punch = Event(ev.HIT, 0, strength=1, tag="danko", move="punch")
    assert cues.sfx_for(punch) == "punch_light"
    assert cues.sfx_for(punch, by="viktor") == "punch_heavy"
    assert cues.sfx_for(Event(ev.HIT, 0, strength=3, tag="danko", move="kick"), by="viktor") == "kick"


def test_voices_by_who_is_hurt_and_outfits_keep_their_voice():
    assert cues.sfx_for(Event(ev.HURT, 0, tag="danko")) == "hurt_danko"
    assert cues.sfx_for(Event(ev.HURT, 0, tag="danko_bath")) == "hurt_danko"
    assert cues.sfx_for(Event(ev.HURT, 0, tag="ridzik")) == "hurt_ridzik"
    assert cues.sfx_for(Event(ev.HURT, 0, tag="thug_woodleg")) == "hurt_thug"
    assert cues.sfx_for(Event(ev.HURT, 0, tag="bather")) == "hurt_thug"


def test_other_cues_by_tag():
    assert cues.sfx_for(Event("shot", 0, tag="player")) == "pistol"
    assert cues.sfx_for(Event("shot", 0, tag="viktor")) == "sleeve_gun"
    assert cues.sfx_for(Event("pickup", 0, tag="ammo")) == "pickup_ammo"
    assert cues.sfx_for(Event("pickup", 0, tag="something_new")) == "pickup_points"
    assert cues.sfx_for(Event("score", 0, value=100)) is None
    assert cues.music_for(Event("level_clear", 0)) == "clear"
    assert cues.sfx_for(Event(ev.WHIFF, 0, strength=1, move="punch1")) == "whiff"
    assert cues.sfx_for(Event(ev.WHIFF, 0, strength=2, move="kick")) == "swing_heavy"


def test_a_new_event_kind_is_one_line(monkeypatch):
    rules = (*cues.RULES, cues.Rule("dodge", "whiff"))
    monkeypatch.setattr(cues, "RULES", rules)
    monkeypatch.setattr(cues, "_TABLE", cues._by_kind())
    assert cues.sfx_for(Event("dodge", 0)) == "whiff"


@pytest.fixture(scope="module")
def effects():
    return startup_effects()


def _played(effects, events, world) -> set[str]:
    """The presets the bus starts for a stretch of events (as the game's mixer would play them)."""
    bus = Bus(effects)
    names = set()
    by_tick: dict[int, list] = {}
    for e in events:
        by_tick.setdefault(e.tick, []).append(e)
    for tick in sorted(by_tick):
        names |= {s.name for s in bus.events(tick * 735, by_tick[tick], 0, char_lookup(world))}
    return names


def _duel(dx: int) -> tuple[World, object]:
    w = World(arena((("thug", 100 + dx, 130),)), seed=1)
    w.ai_enabled = False
    enemy = next(e for e in w.entities if e.kind == "enemy")
    enemy.hp = enemy.max_hp = 400
    return w, enemy


def _steps(w: World, bits: int, n: int) -> list:
    out = []
    for _ in range(n):
        out += w.step((bits,))
    return out


def test_scripted_kick_headbutt_and_bullet_each_play_their_own_sound(effects):
    w, _ = _duel(20)                                   # a kick
    kick = _steps(w, K, 1) + _steps(w, 0, 30)
    assert {e.move for e in kick if e.kind == ev.HIT} == {"kick"}
    assert "kick" in _played(effects, kick, w)

    w, enemy = _duel(18)                               # stun, walk in to grab, kick = headbutt
    _steps(w, P, 1)
    while enemy.state != "hurt":
        w.step((0,))
    player = w.by_id[w.slots[0].eid]
    for _ in range(20):
        w.step((R,))
        if player.state == "grab":
            break
    assert player.state == "grab"
    butt = _steps(w, K, 1) + _steps(w, 0, 40)
    assert {e.move for e in butt if e.kind == ev.HIT} == {"headbutt"}
    assert "headbutt" in _played(effects, butt, w)

    w, _ = _duel(90)                                   # a pistol shot
    w.slots[0].ammo = 3
    shot = _steps(w, S, 1) + _steps(w, 0, 60)
    assert {e.move for e in shot if e.kind == ev.HIT} == {"bullet"}
    played = _played(effects, shot, w)
    assert "bullet_hit" in played and "pistol" in played
    assert not played & {"punch_light", "punch_heavy"}, played


def test_bathhouse_danko_cries_with_his_own_voice(effects):
    """In the bathhouse the hero is ``danko_bath``: his HURT events play Danko's voice."""
    from game.cli_levels import load_level

    w = World(load_level("bathhouse"), seed=1)
    player = w.by_id[w.slots[0].eid]
    assert player.char == "danko_bath"
    cry = Event(ev.HURT, 5, actor=-1, target=player.eid, tag=player.char)
    assert _played(effects, [cry], w) == {"hurt_danko"}


def test_who_is_hit_counts_a_jab_on_wet_skin_slaps():
    jab = Event(ev.HIT, 0, strength=1, tag="bather", move="punch1")
    assert cues.sfx_for(jab) == "slap_wet"
    assert cues.sfx_for(Event(ev.HIT, 0, strength=1, tag="danko_bath", move="punch")) == "slap_wet"
    assert cues.sfx_for(Event(ev.HIT, 0, strength=1, tag="danko", move="punch")) == "punch_light"
    assert cues.sfx_for(Event(ev.HIT, 0, strength=2, tag="bather", move="kick")) == "kick"  # the move first


def test_effects_left_out_of_start_up_are_only_the_chase_and_bonus_games_own():
    """What start-up does not render (cues.deferred_presets) no rule of another level, menu or other
    level's scenery can play; each group's presets are really its map's."""
    from game.audio import bonus_cues, chase_cues

    groups = cues.deferred_presets()
    presets = set(load_presets())
    assert groups["chase"] and groups["bonus"]
    others = {r.sfx for r in cues.RULES if r.sfx and (r.kind not in chase_cues.CHASE_CUES
                                                       or r.kind in cues.SHARED_CHASE_KINDS)}
    others |= set(cues.MENU) | {a.sfx for m, amb in cues.AMBIENCE.items() if m != "chase" for a in amb}
    for group, mine in (("chase", chase_cues.referenced_presets() | {"car_horn"}),
                        ("bonus", bonus_cues.referenced_presets())):
        assert set(groups[group]) <= presets & mine, group
        assert not set(groups[group]) & others, group
    assert set(cues.later_presets()) == set(groups["chase"]) | set(groups["bonus"]) | set(cues.RESERVED)


@pytest.mark.parametrize("kind", ["viktor_key", "bus_departs"])
def test_an_exit_scene_plays_no_deferred_effect(kind: str):
    """The exit scenes of brawl levels (the station's bus: engine, horn) only play start-up effects."""
    from test_sim_outro import _fight_done, _level, _play

    w = World(_level(kind), seed=1)
    events = _fight_done(w) + _play(w)
    played = {cues.sfx_for(e) for e in events} - {None}
    deferred = {p for group in cues.deferred_presets().values() for p in group}
    assert {"bus_horn", "engine_high"} <= played or kind == "viktor_key"
    assert not played & deferred, played & deferred
