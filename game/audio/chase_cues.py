"""Which sound each bus-chase event makes (kept apart from cues.py: the chase's own small map).

Pygame-free. Every kind in :data:`game.sim.events.CHASE_EVENT_KINDS` has an entry (a test checks it):
the fields of a :class:`game.audio.cues.Cue`, which :mod:`game.audio.cues` turns into cues and merges
into its map, so the mixer plays them like any other event (plain dicts here, so neither module
imports the other at load time). The engine's intensity (``value`` 0..100, sent when it changes)
picks a low, middle or high engine note, and :func:`engine_drone` keeps striking it while the bus
moves; a phase change plays the cue of the phase entered.
"""

from __future__ import annotations

from typing import Any

from game.sim import events as ev

#: engine intensity (event value) -> preset: the first whose threshold the value is below
ENGINE_BANDS: tuple[tuple[int, str], ...] = ((35, "engine_low"), (70, "engine_mid"), (101, "engine_high"))

CHASE_CUES: dict[str, dict[str, Any]] = {
    ev.RAM: {"sfx": "ram_impact"},
    ev.CRASH: {"sfx": "car_crash", "by_tag": {"train": "train_crash"}},
    ev.HORN: {"sfx": "bus_horn", "by_tag": {"civilian": "car_horn", "player_bus": "bus_horn"}},
    ev.TYRES: {"sfx": "tyres"},
    ev.ENGINE: {"sfx": "engine_mid", "by_strength": {1: "engine_low", 2: "engine_mid", 3: "engine_high"}},
    ev.TRAIN_HORN: {"sfx": "train_horn"},
    ev.FALL: {"sfx": "fall_out"},
    ev.PHASE: {"by_tag": {"catch_up": "go", "boarders": "wave_start", "ram": "go", "wreck": "wave_start"},
               "silent": "the crash and the end have their own sounds (train horn and crash, level clear)"},
    ev.HAZARD_WARN: {"sfx": "hazard_warn"},
    ev.SLEEVE_AIM: {"sfx": "sleeve_aim"},
}


def engine_preset(value: int) -> str:
    """The engine note for an intensity 0..100."""
    for limit, name in ENGINE_BANDS:
        if value < limit:
            return name
    return ENGINE_BANDS[-1][1]


def sfx_for(event: ev.Event) -> str | None:
    """The preset a chase event plays, or None (the engine by its intensity)."""
    if event.kind == ev.ENGINE and not event.strength:
        return engine_preset(event.value)
    cue = CHASE_CUES.get(event.kind)
    if cue is None:
        return None
    by_tag, by_strength = cue.get("by_tag", {}), cue.get("by_strength", {})
    if event.tag and event.tag in by_tag:
        return by_tag[event.tag]
    if event.strength in by_strength:
        return by_strength[event.strength]
    return cue.get("sfx")


def referenced_presets() -> set[str]:
    """Every preset the map can produce."""
    names = {name for _, name in ENGINE_BANDS}
    for cue in CHASE_CUES.values():
        if cue.get("sfx"):
            names.add(cue["sfx"])
        names.update(cue.get("by_tag", {}).values())
        names.update(cue.get("by_strength", {}).values())
    return names


ENGINE_EVERY = 30          # ticks: the engine note is struck again this often while the bus moves
ENGINE_PHASES = ("catch_up", "boarders", "ram", "crash")


def engine_drone(phase: str, tick: int, intensity: int) -> str | None:
    """The engine note to strike this tick (a drone that follows the bus's speed), or None."""
    if phase not in ENGINE_PHASES or tick % ENGINE_EVERY or intensity <= 0:
        return None
    return engine_preset(intensity)
