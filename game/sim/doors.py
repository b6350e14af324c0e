"""Doors that let a wave's enemies out (the hotel's corridor).

A ``Door`` object stands on the floor's back edge with a ``wave`` number. When that wave starts, the door
opens (``door_open``) and the wave's enemies come out of it instead of walking in from the screen's edges
(shared out round the wave's doors in turn: one at once per door, the next ``DOOR_GAP`` ticks later, held
back in ``World.door_queue`` till then). Doors are entities of kind ``door``
(``state`` ``closed`` or ``open``, ``wave`` its wave); nothing else about them changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim.entities import Entity
from game.sim.fighter import blocked
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.world import World

STEP_OUT = 8 * FP        # an enemy steps this far out of the doorway onto the floor
DOOR_GAP = 40            # ticks between two enemies coming out of the same door


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
        turn = i // len(doors)
        if turn == 0:
            _step_out(w, e, d)
            continue
        # The rest come out one after another: held back (not yet in the world) until their turn.
        w.born.remove(e)
        w.door_queue.append((w.tick + turn * DOOR_GAP, d.eid, e))


def _step_out(w: World, e: Entity, d: Entity) -> None:
    y = min(d.y + STEP_OUT, w.floor_bottom)
    if not blocked(w, d.x, y):
        e.x, e.y = d.x, y
    e.facing = 1 if w.level.player_start[0] * FP >= d.x else -1


def update(w: World) -> None:
    """Let out the enemies whose turn at their door has come (they join the world at the step's end)."""
    if not w.door_queue:
        return
    due = [q for q in w.door_queue if q[0] <= w.tick]
    if not due:
        return
    w.door_queue = [q for q in w.door_queue if q[0] > w.tick]
    for _, deid, e in due:
        d = w.by_id.get(deid)
        if d is not None:
            _step_out(w, e, d)
        w.born.append(e)


def waiting_waves(w: World) -> set[int]:
    """Waves with enemies still behind a door (their wave is not cleared yet)."""
    return {e.wave for _, _, e in w.door_queue}
