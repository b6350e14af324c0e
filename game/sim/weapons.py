"""Weapons to pick up (pipe, bottle, knife): swung with the ordinary blows, thrown with the special.

A weapon on the floor is an entity of kind ``weapon`` (placed as a ``Pickup`` of kind ``pipe``, ``bottle``
or ``knife``, whose ``amount`` is its uses, 0 = the kind's own; or dropped by a breakable). Whoever walks
over it with empty hands picks it up, players and enemies alike (``weapon_pick``). Held, it adds its
``bonus`` damage to every blow that lands (``weapon_swing``), using one of its ``uses``; the last use
breaks it. A throwable one (bottle, knife) is thrown with the special button instead of a shot
(``weapon_throw``): it flies like a bullet, can be blocked or dodged, and knocks down. A holder knocked
down drops the weapon where he falls.

Only holders carry a :class:`HeldRec` (``World.held`` by entity id).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from game.sim import events as ev
from game.sim.entities import Entity
from game.sim.fighter import blocked
from game.sim.fixed import FP
from game.sim.moves import Move

if TYPE_CHECKING:
    from game.sim.world import World

REACH_X = 14 * FP
REACH_Y = 8 * FP
DROP_STATES = frozenset({"knockdown", "death", "thrown", "down"})
THROWN_TTL = 90
PICK_STATES = frozenset({"idle", "walk", "run"})


@dataclass(slots=True)
class HeldRec:
    """A weapon in someone's hands."""

    eid: int
    kind: str
    uses: int

    def key(self) -> tuple[Any, ...]:
        """Fields for the state hash."""
        return (self.eid, self.kind, self.uses)


@cache
def thrown_move(kind: str) -> Move:
    """What a thrown weapon does when it hits (a blockable, knocking-down blow)."""
    from game.sim.props import table

    wk = table().weapons[kind]
    return Move(name=f"throw_{kind}", startup=0, active=1, recovery=0, damage=wk.throw_damage, hitstun=24,
                hitstop=8, knockback=640, launch=512, knockdown=True, strength=2)


def place(w: World, kind: str, x: int, y: int, uses: int) -> Entity:
    """A weapon lying on the floor at (x, y) in 1/256 px."""
    e = w.spawn("weapon", x, y)
    e.char, e.tag = f"weapon_{kind}", kind      # sheet assets/sprites/weapon_KIND (tools/art/props.py)
    e.amount = uses or w.prop_table.weapons[kind].uses
    return e


def start(w: World) -> None:
    """Lay out the level's weapon pickups."""
    for p in w.level.pickups:
        if p.kind in w.prop_table.weapons:
            place(w, p.kind, p.x * FP, p.y * FP, p.amount)


def bonus(w: World, a: Entity) -> int:
    """A blow by ``a`` landed: the weapon's extra damage (one use spent), 0 with empty hands."""
    rec = w.held.get(a.eid)
    if rec is None or a.state != "attack":
        return 0
    rec.uses -= 1
    w.emit(ev.WEAPON_SWING, x=a.x // FP, y=a.y // FP, actor=a.eid, value=rec.uses, tag=rec.kind)
    if rec.uses <= 0:
        del w.held[a.eid]      # it breaks on the last blow
    return w.prop_table.weapons[rec.kind].bonus


def throw(w: World, e: Entity) -> bool:
    """``e`` presses special holding a throwable weapon: it flies (True), else False (shoot as usual)."""
    rec = w.held.get(e.eid)
    if rec is None or not w.prop_table.weapons[rec.kind].throw:
        return False
    wk = w.prop_table.weapons[rec.kind]
    del w.held[e.eid]
    b = w.spawn("projectile", e.x + e.facing * 12 * FP, e.y)
    b.z, b.vx, b.facing = e.z + 30 * FP, e.facing * wk.speed, e.facing
    b.team, b.owner, b.ttl = e.team, e.eid, THROWN_TTL
    b.char, b.tag, b.anim = f"weapon_{rec.kind}", rec.kind, "spin"
    b.move = f"thrown/{rec.kind}"
    b.damage = wk.throw_damage
    w.emit(ev.WEAPON_THROW, x=e.x // FP, y=e.y // FP, z=30, actor=e.eid, tag=rec.kind)
    return True


SEEK_RANGE = 80 * FP      # a waiting enemy with empty hands goes for a weapon lying this close


def seek(w: World, e: Entity) -> tuple[int, int] | None:
    """Where a waiting enemy with empty hands should walk to pick up a weapon, or None."""
    if e.eid in w.held or w.enemy_stats(e).boss:
        return None
    best, bd = None, 0
    for it in w.entities:
        if it.kind != "weapon" or it.remove:
            continue
        d = abs(it.x - e.x) + 2 * abs(it.y - e.y)
        if d < SEEK_RANGE and (best is None or d < bd):
            best, bd = it, d
    return (best.x, best.y) if best is not None else None


def update(w: World) -> None:
    """Pick up weapons walked over; drop them when knocked down (the flow phase)."""
    for eid in sorted(w.held):
        h = w.by_id.get(eid)
        if h is None or h.remove or h.state in DROP_STATES or not h.alive:
            rec = w.held.pop(eid)
            if h is not None:
                x = h.x if not blocked(w, h.x, h.y) else h.x - h.facing * 16 * FP
                place(w, rec.kind, x, h.y, rec.uses)
    lying = [e for e in w.entities if e.kind == "weapon" and not e.remove]
    if not lying:
        return
    for c in w.entities:
        if not (c.kind == "player" or c.kind == "enemy") or c.eid in w.held or c.state not in PICK_STATES:
            continue
        if not c.alive or c.z > 0 or c.dormant:
            continue
        for it in lying:
            if it.remove or abs(c.x - it.x) > REACH_X or abs(c.y - it.y) > REACH_Y:
                continue
            w.held[c.eid] = HeldRec(c.eid, it.tag, it.amount)
            it.remove = True
            w.emit(ev.WEAPON_PICK, x=it.x // FP, y=it.y // FP, actor=c.eid, value=it.amount, tag=it.tag)
            break
