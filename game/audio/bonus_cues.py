"""Which sound each bonus-game event makes (kept apart from cues.py: the bonus games' own small map).

Pygame-free. Every kind in :data:`game.sim.bonus.base.BONUS_EVENT_KINDS` has an entry: a preset
name from ``assets/sfx/presets.json``, or None with the reason in a comment.
"""

from __future__ import annotations

from game.sim.bonus import base as bb
from game.sim.events import Event

BONUS_CUES: dict[str, str | None] = {
    bb.READY: "go",
    bb.HURRY: "bonus_tick",
    bb.STRIKE: "punch_heavy",
    bb.CRACK: "coal_crack",
    bb.SMASH: "coal_smash",
    bb.PICK: "bill_rustle",
    bb.DROP: "bill_rustle",
    bb.TURN: "menu_move",
    bb.SNAP: "bill_snap",
    bb.DOOR_OPEN: "locker_open",
    bb.DOOR_SHUT: None,          # the slam would bury the next door's creak: silent on purpose
    bb.FIRE: "pistol",
    bb.DOWNED: "death",
    bb.FOUL: "hurt_ridzik",
    bb.MISS: "ricochet",
    bb.SHOT_AT: "sleeve_gun",
    bb.RESULT: "bonus_result",
}
#: A perfect run gets its own fanfare.
BY_RESULT = {"perfect": "extra_life", "failed": "timeout"}


def sfx_for(event: Event) -> str | None:
    """The preset an event plays, or None."""
    if event.kind == bb.RESULT and event.tag in BY_RESULT:
        return BY_RESULT[event.tag]
    if event.kind == bb.FOUL and event.tag != "ridzik":
        return "hurt_thug"
    return BONUS_CUES.get(event.kind)


def referenced_presets() -> set[str]:
    """Every preset the map can produce."""
    return {n for n in BONUS_CUES.values() if n} | set(BY_RESULT.values()) | {"hurt_thug"}
