"""Which sound each simulation event makes: event kind (+ tag / strength) -> effect preset or music.

Pygame-free. Every kind in :data:`game.sim.events.EVENT_KINDS` must have an entry in :data:`CUES`
(a test checks it), so a newly added event kind fails the audio tests until it is given a sound
or an explicit reason for silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim import events as ev


@dataclass(frozen=True, slots=True)
class Cue:
    """How one event kind sounds.

    ``sfx`` is the default preset; ``by_tag`` and ``by_strength`` override it (tag wins);
    ``music`` switches the music track instead; ``silent`` gives the reason for no sound.
    """

    sfx: str | None = None
    by_tag: dict[str, str] = field(default_factory=dict)
    by_strength: dict[int, str] = field(default_factory=dict)
    music: str | None = None
    silent: str = ""


CUES: dict[str, Cue] = {
    # Combat. A hit's tag may name the move ("kick", "headbutt", "bullet"); otherwise strength picks.
    ev.HIT: Cue("punch_light", by_tag={"kick": "kick", "headbutt": "headbutt", "bullet": "bullet_hit",
                                       "throw": "body_fall", "punch_heavy": "punch_heavy"},
                by_strength={1: "punch_light", 2: "punch_heavy", 3: "punch_heavy"}),
    ev.BLOCK: Cue("block"),
    ev.WHIFF: Cue("whiff"),
    ev.KNOCKDOWN: Cue("body_fall"),
    ev.GETUP: Cue("getup"),
    ev.GRAB: Cue("grab"),
    ev.THROW: Cue("throw"),
    ev.SHOT: Cue("pistol", by_tag={"viktor": "sleeve_gun", "sleeve_gun": "sleeve_gun"}),
    ev.DRY_FIRE: Cue("dry_fire"),
    ev.RICOCHET: Cue("ricochet"),
    ev.DEATH: Cue("death"),
    ev.HURT: Cue("hurt_thug", by_tag={"danko": "hurt_danko", "ridzik": "hurt_ridzik",
                                      "viktor": "hurt_viktor"}),
    # Movement
    ev.JUMP: Cue("jump"),
    ev.LAND: Cue("land"),
    ev.STEP: Cue("step"),
    # Items and scoring
    ev.PICKUP: Cue("pickup_points", by_tag={"food": "pickup_health", "health": "pickup_health",
                                            "medkit": "pickup_health", "meat": "pickup_health",
                                            "ammo": "pickup_ammo", "clip": "pickup_ammo",
                                            "life": "extra_life"}),
    ev.EXTRA_LIFE: Cue("extra_life"),
    ev.SCORE: Cue(silent="points come with a hit or pickup that already makes its own sound"),
    # Flow
    ev.WAVE_START: Cue("wave_start"),
    ev.WAVE_CLEAR: Cue("wave_clear"),
    ev.GO: Cue("go"),
    ev.LEVEL_CLEAR: Cue(music="clear"),
    ev.LIFE_LOST: Cue("life_lost"),
    ev.GAME_OVER: Cue(music="gameover"),
    ev.TIMEOUT: Cue("timeout"),
    ev.PLAYER_JOIN: Cue("player_join"),
    # Fight feel (issue 10): existing presets until these get sounds of their own.
    ev.COMBO: Cue(silent="the combo counter rides on hits that already make their own sound"),
    ev.DODGE: Cue("whiff"),
    ev.DESPERATION: Cue("punch_heavy"),
    ev.RUN: Cue(silent="footsteps already sound while running"),
    # Campaign rules (issue 11): existing presets until these get sounds of their own.
    ev.BOSS_PHASE: Cue("wave_start"),
    ev.BOSS_TELEGRAPH: Cue("grab"),
    ev.BOSS_FLEE: Cue("go"),
    ev.BREAK: Cue("body_fall"),
    ev.ROLL: Cue("throw"),
    ev.WEAPON_PICK: Cue("pickup_ammo"),
    ev.WEAPON_SWING: Cue("punch_heavy"),
    ev.WEAPON_THROW: Cue("whiff"),
    ev.HAZARD_WARN: Cue("steam_hiss"),
    ev.HAZARD_FALL: Cue("body_fall"),
    ev.DOOR_OPEN: Cue("wave_start"),
}

# Effects the game plays outside the simulation (menus, scenery); listed so export and tests see them.
MENU_AND_SCENERY = ("menu_move", "menu_select", "menu_back", "steam_hiss", "bus_engine", "bus_horn")


def sfx_for(event: ev.Event) -> str | None:
    """The effect preset an event plays, or None (silent, or music-only)."""
    cue = CUES.get(event.kind)
    if cue is None:
        return None
    if event.tag and event.tag in cue.by_tag:
        return cue.by_tag[event.tag]
    if event.strength in cue.by_strength:
        return cue.by_strength[event.strength]
    return cue.sfx


def music_for(event: ev.Event) -> str | None:
    """The music track an event switches to, or None."""
    cue = CUES.get(event.kind)
    return cue.music if cue else None


def referenced_presets() -> set[str]:
    """Every preset name any cue can produce (for the tests and the exporter)."""
    names: set[str] = set(MENU_AND_SCENERY)
    for cue in CUES.values():
        if cue.sfx:
            names.add(cue.sfx)
        names.update(cue.by_tag.values())
        names.update(cue.by_strength.values())
    return names
