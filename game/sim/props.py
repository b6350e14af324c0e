"""Breakables and rolling props, and the campaign props table (``assets/data/props.json``).

- A **breakable** (``Breakable`` object: crate, barrel, bin, locker, car) is an entity of kind ``prop``
  that anyone's blows, bullets and thrown bodies can hit (both teams: it is on :data:`PROP_TEAM`). When its
  hp runs out it breaks (``break`` event) and leaves what it ``drops``: a pickup kind, a weapon kind,
  ``random`` (one of the table's ``random_drops``, from the world's RNG) or ``none``.
- A **rolling prop** (``Prop`` object: gurney, wheelchair) is never broken: a hit sends it rolling away
  from the blow (``roll`` event) and, while it rolls, it knocks down whoever it meets, enemies too, except
  the one who pushed it. It slows to a stop (``friction``) or stops at a wall.

Only props carry a :class:`PropRec` (``World.props`` by entity id); nothing is added to ``Entity``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from game.paths import assets_dir
from game.sim import events as ev
from game.sim import scoring
from game.sim.entities import Entity
from game.sim.fighter import blocked
from game.sim.fixed import FP
from game.sim.moves import DataError, read_json

if TYPE_CHECKING:
    from game.sim.world import World

PROP_TEAM = 2            # hit by both sides (hitboxes only pair different teams)
BREAKABLE_KINDS = ("crate", "barrel", "bin", "locker", "car")
ROLLING_KINDS = ("gurney", "wheelchair")
WEAPON_KINDS = ("pipe", "bottle", "knife")
HAZARD_KINDS = ("icicle", "masonry")
DROP_SPECIAL = ("none", "random")
HIT_TOP = 60             # px: a prop can be hit this high up, however low it is


@dataclass(frozen=True, slots=True)
class PropKind:
    """One breakable or rolling prop kind."""

    kind: str
    hp: int
    half_w: int          # px
    height: int          # px
    score: int = 0
    speed: int = 0       # rolling: 1/256 px per tick when hit
    damage: int = 0      # rolling: what it does to whoever it meets
    friction: int = 0    # rolling: speed lost per tick


@dataclass(frozen=True, slots=True)
class WeaponKind:
    """A weapon to pick up: extra damage per landed blow, ``uses`` blows, maybe thrown."""

    kind: str
    bonus: int
    uses: int
    throw: bool
    throw_damage: int
    speed: int


@dataclass(frozen=True, slots=True)
class HazardKind:
    """A falling hazard's default numbers."""

    kind: str
    radius: int
    damage: int
    period: int
    warning: int


@dataclass(frozen=True, slots=True)
class PropTable:
    """Everything in ``props.json``."""

    props: dict[str, PropKind]
    weapons: dict[str, WeaponKind]
    hazards: dict[str, HazardKind]
    random_drops: tuple[str, ...]


@dataclass(slots=True)
class PropRec:
    """A prop's own state."""

    eid: int
    kind: str
    drops: str = "none"
    rolling: bool = False

    def key(self) -> tuple[Any, ...]:
        """Fields for the state hash."""
        return (self.eid, self.kind, self.drops, self.rolling)


def _num(d: dict[str, Any], key: str, where: str, lo: int = 0) -> int:
    v = d.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < lo:
        raise DataError(f"{where}: '{key}' must be a whole number >= {lo}, got {v!r}")
    return v


def parse(raw: dict[str, Any], pickups: tuple[str, ...], where: str = "props.json") -> PropTable:
    """Validate a props table (raises DataError with a one-line message)."""
    props: dict[str, PropKind] = {}
    for section, kinds in (("breakables", BREAKABLE_KINDS), ("rolling", ROLLING_KINDS)):
        sec = raw.get(section)
        if not isinstance(sec, dict):
            raise DataError(f"{where}: '{section}' must be an object")
        for kind in kinds:
            d = sec.get(kind)
            at = f"{where}: {section} '{kind}'"
            if not isinstance(d, dict):
                raise DataError(f"{at}: missing")
            rolling = section == "rolling"
            props[kind] = PropKind(kind, _num(d, "hp", at, 0 if rolling else 1), _num(d, "half_w", at, 1),
                                   _num(d, "height", at, 1), _num(d, "score", at) if not rolling else 0,
                                   _num(d, "speed", at, 1) if rolling else 0,
                                   _num(d, "damage", at, 1) if rolling else 0,
                                   _num(d, "friction", at, 1) if rolling else 0)
    weapons: dict[str, WeaponKind] = {}
    for kind in WEAPON_KINDS:
        d = (raw.get("weapons") or {}).get(kind)
        at = f"{where}: weapon '{kind}'"
        if not isinstance(d, dict):
            raise DataError(f"{at}: missing")
        throw = d.get("throw")
        if not isinstance(throw, bool):
            raise DataError(f"{at}: 'throw' must be true or false")
        weapons[kind] = WeaponKind(kind, _num(d, "bonus", at), _num(d, "uses", at, 1), throw,
                                   _num(d, "throw_damage", at, 1 if throw else 0),
                                   _num(d, "speed", at, 1 if throw else 0))
    hazards: dict[str, HazardKind] = {}
    for kind in HAZARD_KINDS:
        d = (raw.get("hazards") or {}).get(kind)
        at = f"{where}: hazard '{kind}'"
        if not isinstance(d, dict):
            raise DataError(f"{at}: missing")
        hz = HazardKind(kind, _num(d, "radius", at, 1), _num(d, "damage", at, 1), _num(d, "period", at, 2),
                        _num(d, "warning", at, 1))
        if hz.warning >= hz.period:
            raise DataError(f"{at}: 'warning' must be shorter than 'period'")
        hazards[kind] = hz
    drops = raw.get("random_drops")
    if (not isinstance(drops, list) or not drops
            or not all(k in pickups or k in WEAPON_KINDS for k in drops)):
        raise DataError(f"{where}: 'random_drops' must list pickup or weapon kinds")
    return PropTable(props, weapons, hazards, tuple(drops))


@cache
def table() -> PropTable:
    """The validated ``assets/data/props.json``."""
    from game.sim.stats import PICKUP_KINDS

    path = assets_dir() / "data" / "props.json"
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: expected a JSON object")
    return parse(raw, PICKUP_KINDS, str(path))


def start(w: World) -> None:
    """Place the level's breakables and rolling props."""
    t = w.prop_table.props
    for b in w.level.breakables:
        pk = t[b.kind]
        e = w.spawn("prop", b.x * FP, b.y * FP)
        e.char, e.tag = f"prop_{b.kind}", b.kind    # sheet assets/sprites/prop_KIND (tools/art/props.py)
        e.team, e.hp = PROP_TEAM, b.hp or pk.hp
        e.max_hp = e.hp
        w.props[e.eid] = PropRec(e.eid, b.kind, b.drops)
    for p in w.level.props:
        e = w.spawn("prop", p.x * FP, p.y * FP)
        e.char, e.tag = f"prop_{p.kind}", p.kind
        e.team, e.hp, e.max_hp = PROP_TEAM, 1, 1
        w.props[e.eid] = PropRec(e.eid, p.kind, "none")


def hurtbox(w: World, e: Entity) -> tuple[int, int, int, int, int, int, int] | None:
    """Where a prop can be hit (a rolling one can't while it rolls)."""
    rec = w.props.get(e.eid)
    if rec is None or rec.rolling or e.remove:
        return None
    pk = w.prop_table.props[rec.kind]
    # Reached up to chest height whatever its size: punches land on a low crate as they do in arcades.
    top = max(pk.height, HIT_TOP) * FP
    return (e.eid, PROP_TEAM, e.x - pk.half_w * FP, e.x + pk.half_w * FP, e.y, 0, top)


def attack_box(w: World, e: Entity) -> tuple[int, int, int, int, int, int, int, int] | None:
    """A rolling prop's box: it hits both sides (team :data:`PROP_TEAM`)."""
    rec = w.props.get(e.eid)
    if rec is None or not rec.rolling:
        return None
    pk = w.prop_table.props[rec.kind]
    return (e.eid, PROP_TEAM, e.x - pk.half_w * FP, e.x + pk.half_w * FP, e.y, 0, pk.height * FP, 10 * FP)


def hit(w: World, a: Entity, v: Entity, damage: int) -> None:
    """``a`` hit prop ``v`` for ``damage``: a breakable loses hp and may break; a rolling prop rolls."""
    rec = w.props.get(v.eid)
    if rec is None or v.remove:
        return
    pk = w.prop_table.props[rec.kind]
    if a.kind == "projectile":
        a.remove = True
    direction = (1 if a.vx > 0 else -1) if a.vx else (1 if v.x >= a.x else -1)
    owner = a.owner if a.owner >= 0 else a.eid
    if a.state == "attack":
        a.hitstop = max(a.hitstop, 4)
    if rec.kind in ROLLING_KINDS:
        rec.rolling = True
        v.state, v.anim, v.vx, v.owner, v.damage = "thrown", "thrown", direction * pk.speed, owner, pk.damage
        v.hit_ids = [owner]
        v.facing = direction
        w.emit(ev.ROLL, x=v.x // FP, y=v.y // FP, actor=a.eid, target=v.eid, tag=rec.kind)
        return
    v.hp = max(0, v.hp - max(1, damage))
    v.hitstop = 6
    if v.hp * 2 < v.max_hp:
        v.anim = "cracked"
    w.emit(ev.HIT, x=v.x // FP, y=v.y // FP, z=pk.height // 2, actor=a.eid, target=v.eid, value=damage,
           strength=1, tag=rec.kind)
    if v.hp <= 0:
        smash(w, v, rec, a)


def smash(w: World, v: Entity, rec: PropRec, by: Entity | None) -> None:
    """A breakable breaks: its drop appears where it stood."""
    v.remove = True
    del w.props[v.eid]
    w.emit(ev.BREAK, x=v.x // FP, y=v.y // FP, actor=by.eid if by else -1, target=v.eid, tag=rec.kind)
    slot = scoring.credited_slot(w, by)
    if slot is not None:
        scoring.add(w, slot, w.prop_table.props[rec.kind].score, v.x, v.y)
    drop = rec.drops
    if drop == "random":
        pool = w.prop_table.random_drops
        drop = pool[int(w.rng.integers(0, len(pool)))]
    if drop in WEAPON_KINDS:
        from game.sim import weapons

        weapons.place(w, drop, v.x, v.y + FP, 0)
    elif drop in w.pickup_table:
        e = w.spawn("pickup", v.x, v.y + FP)
        e.char = e.tag = drop
        e.amount = w.pickup_table[drop][0]


def update(w: World) -> None:
    """Rolling props move, slow down and stop (the motion phase)."""
    for eid in sorted(w.props):
        rec = w.props[eid]
        if not rec.rolling:
            continue
        e = w.by_id.get(eid)
        if e is None:
            continue
        if e.hitstop > 0:
            e.hitstop -= 1
            continue
        pk = w.prop_table.props[rec.kind]
        nx = e.x + e.vx
        edge = nx + (pk.half_w * FP if e.vx > 0 else -pk.half_w * FP)
        if blocked(w, edge, e.y):
            e.vx = 0
        else:
            e.x = nx
            e.vx = e.vx - pk.friction if e.vx > 0 else e.vx + pk.friction
            if abs(e.vx) <= pk.friction:
                e.vx = 0
        e.anim_tick += 1
        if e.vx == 0:
            rec.rolling = False
            e.state, e.anim, e.hit_ids, e.owner = "idle", "idle", [], -1
