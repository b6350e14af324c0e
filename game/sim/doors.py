"""Doors that let a wave's enemies out (the hotel's corridor).

A ``Door`` object stands on the floor's back edge with a ``wave`` number. When that wave starts, the door
opens (``door_open``) and the wave's enemies come out of it instead of walking in from the screen's edges
(shared out round the wave's doors in turn, a step apart). Doors are entities of kind ``door``
(``state`` ``closed`` or ``open``, ``wave`` its wave); nothing else about them changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim.fighter import blocked
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

STEP_OUT = 10 * FP       # the second (third...) enemy out of a door stands this much further out


def start(w: World) -> None:
    """Place the level's doors, shut."""
    for d in w.level.doors:
        e = w.spawn("door", d.x * FP, d.y * FP)
        e.char, e.tag = "prop_door", "door"
        e.state = e.anim = "closed"
        e.wave = d.wave


def release(w: World, wave: int) -> None:
    """Wave ``wave`` has just started: its doors open and its enemies step out of them."""
    doors = sorted((e for e in w.entities if e.kind == "door" and e.wave == wave), key=lambda e: e.eid)
    if not doors:
        return
    for d in doors:
        d.state = d.anim = "open"
        d.anim_tick = 0
        w.emit(ev.DOOR_OPEN, x=d.x // FP, y=d.y // FP, actor=d.eid, value=wave)
    out = [e for e in w.born if e.kind == "enemy" and e.wave == wave]
    for i, e in enumerate(out):
        d = doors[i % len(doors)]
        y = d.y + (i // len(doors)) * STEP_OUT
        y = min(y, w.floor_bottom)
        if not blocked(w, d.x, y):
            e.x, e.y = d.x, y

