"""Bosses: phases, reinforcements, telegraphed big moves and the flee (only bosses carry a :class:`BossRec`).

A kind with ``"boss": true`` in ``assets/data/enemies.json`` may also have:

- ``phases``: a list of ``{"below_hp_pct": N, "reinforce": [kinds], "pattern": [moves]}``, highest
  ``below_hp_pct`` first. When the boss's health drops below N percent he enters that phase: its
  reinforcements walk in from the edges of the view (they belong to his wave, so the wave is cleared only
  when they are down too) and his move ``pattern`` changes (a phase without one keeps the last).
- ``telegraph``: moves (his big ones) that he winds up for ``telegraph_ticks`` (default 60, one second)
  first, standing still and flashing, so a player can see them coming and get out of the way.
- ``flee_hp_pct``: below this he breaks off and runs off the nearest edge of the screen (Viktor escapes to
  America). He can't be hit while fleeing; once off screen he leaves the level, counted as defeated.

Events: ``boss_phase`` (value = phase number from 1, tag = kind), ``boss_telegraph`` (tag = move),
``boss_flee`` (tag = kind).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from game.paths import assets_dir
from game.sim import events as ev
from game.sim.entities import Entity
from game.sim.fighter import blocked, set_state, start_move
from game.sim.fixed import FP
from game.sim.level import EnemySpawn
from game.sim.moves import DataError, read_json
from game.sim.scroll import VIEW_W

if TYPE_CHECKING:
    from game.sim.world import World

TELEGRAPH_TICKS = 60     # one second of wind-up before a big move
FLEE_SPEED = 2 * 384     # 1/256 px per tick: he runs, faster than he walks
REINFORCE_DEPTHS = (-24, 24, 0, -40, 40)


@dataclass(frozen=True, slots=True)
class Phase:
    """One boss phase: entered below ``below_hp_pct`` of max health."""

    below_hp_pct: int
    reinforce: tuple[str, ...] = ()
    pattern: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BossKind:
    """What ``enemies.json`` says about one boss kind beyond its ordinary stats."""

    kind: str
    phases: tuple[Phase, ...] = ()
    telegraph: frozenset[str] = frozenset()
    telegraph_ticks: int = TELEGRAPH_TICKS
    flee_hp_pct: int = 0


@dataclass(slots=True)
class BossRec:
    """A living boss's own state (only bosses have one: ``World.bosses`` by entity id)."""

    eid: int
    kind: str
    phase: int = 0           # phases entered so far
    windup: int = 0          # ticks left before the telegraphed move starts
    windup_move: str = ""
    fleeing: bool = False
    pattern: list[str] = field(default_factory=list)

    def key(self) -> tuple[Any, ...]:
        """Fields for the state hash."""
        return (self.eid, self.kind, self.phase, self.windup, self.windup_move, self.fleeing,
                tuple(self.pattern))


def parse(raw: dict[str, Any], where: str = "enemies.json") -> dict[str, BossKind]:
    """Read the boss fields of every ``"boss": true`` kind in an enemies table; raises DataError."""
    out: dict[str, BossKind] = {}
    for kind, e in raw.items():
        if kind.startswith("_") or not isinstance(e, dict) or not e.get("boss"):
            continue
        at = f"{where}: enemy '{kind}'"
        moves = set(e.get("moves", {}))
        phases = []
        last = 101
        for i, p in enumerate(e.get("phases", [])):
            pat = f"{at}: phase {i + 1}"
            if not isinstance(p, dict):
                raise DataError(f"{pat}: must be an object with 'below_hp_pct'")
            pct = p.get("below_hp_pct")
            if not isinstance(pct, int) or isinstance(pct, bool) or not 0 < pct < last:
                raise DataError(f"{pat}: 'below_hp_pct' must be a whole number 1-100, lower than the phase "
                                f"before, got {pct!r}")
            last = pct
            reinforce = p.get("reinforce", [])
            if not isinstance(reinforce, list) or not all(isinstance(k, str) and k in raw for k in reinforce):
                raise DataError(f"{pat}: 'reinforce' must list enemy kinds of enemies.json, "
                                f"got {reinforce!r}")
            pattern = p.get("pattern", [])
            if not isinstance(pattern, list) or not all(m in moves for m in pattern):
                raise DataError(f"{pat}: 'pattern' must list the kind's own moves "
                                f"({', '.join(sorted(moves))})")
            phases.append(Phase(pct, tuple(reinforce), tuple(pattern)))
        tele = e.get("telegraph", [])
        if not isinstance(tele, list) or not all(m in moves for m in tele):
            raise DataError(f"{at}: 'telegraph' must list the kind's own moves")
        ticks = e.get("telegraph_ticks", TELEGRAPH_TICKS)
        flee = e.get("flee_hp_pct", 0)
        for name, v in (("telegraph_ticks", ticks), ("flee_hp_pct", flee)):
            if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= (100 if name == "flee_hp_pct"
                                                                                else 600):
                raise DataError(f"{at}: '{name}' must be a whole number (percent 0-100 / ticks 0-600), "
                                f"got {v!r}")
        out[kind] = BossKind(kind, tuple(phases), frozenset(tele), ticks, flee)
    return out


@cache
def boss_table() -> dict[str, BossKind]:
    """Every boss kind's phases, telegraphed moves and flee, from ``assets/data/enemies.json``."""
    path = assets_dir() / "data" / "enemies.json"
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: expected a JSON object")
    return parse(raw, str(path))


def attach(w: World, e: Entity, flagged: bool = False) -> None:
    """Give a newly spawned boss its record: a boss kind, or any enemy the map marks ``boss``."""
    if e.tag not in w.boss_kinds:
        if not flagged:
            return
        w.boss_kinds = {**w.boss_kinds, e.tag: BossKind(e.tag)}   # a plain kind as a boss: bar, no phases
    w.bosses[e.eid] = BossRec(e.eid, e.tag)


def pattern(w: World, e: Entity) -> tuple[str, ...] | list[str]:
    """The boss's current move pattern (its phase's), or () to use the kind's own."""
    rec = w.bosses.get(e.eid)
    return rec.pattern if rec is not None else ()


def wind_up(w: World, e: Entity, move: str) -> bool:
    """The AI is about to start ``move``: a telegraphed one is wound up first (returns True then)."""
    rec = w.bosses.get(e.eid)
    if rec is None or move not in w.boss_kinds[rec.kind].telegraph:
        return False
    rec.windup, rec.windup_move = w.boss_kinds[rec.kind].telegraph_ticks, move
    e.vx = e.vy = 0
    set_state(e, "idle")
    w.emit(ev.BOSS_TELEGRAPH, x=e.x // FP, y=e.y // FP, actor=e.eid, value=rec.windup, tag=move)
    return True


def busy(w: World, e: Entity) -> bool:
    """True while the boss's own rules drive him (winding up, fleeing): the AI leaves him alone."""
    rec = w.bosses.get(e.eid)
    return rec is not None and (rec.windup > 0 or rec.fleeing)


def update(w: World) -> None:
    """One tick of every boss: phases, reinforcements, wind-ups and the flee (after the AI)."""
    for eid in sorted(w.bosses):
        rec = w.bosses[eid]
        e = w.by_id.get(eid)
        if e is None or e.remove or not e.alive:
            continue
        bk = w.boss_kinds[rec.kind]
        pct = e.hp * 100 // (e.max_hp if e.max_hp > 1 else 1)
        while rec.phase < len(bk.phases) and pct < bk.phases[rec.phase].below_hp_pct:
            _enter_phase(w, e, rec, bk.phases[rec.phase])
        if rec.fleeing:
            _flee(w, e)
            continue
        if bk.flee_hp_pct and pct < bk.flee_hp_pct and e.state not in ("grabbed", "thrown"):
            rec.fleeing, rec.windup = True, 0
            w.release_token(e)
            e.ai = "flee"
            w.emit(ev.BOSS_FLEE, x=e.x // FP, y=e.y // FP, actor=e.eid, tag=e.tag)
            continue
        if rec.windup > 0:
            if e.state not in ("idle", "walk") or e.hitstop > 0:
                if e.state not in ("idle", "walk", "hurt"):
                    rec.windup, rec.windup_move = 0, ""   # knocked down or grabbed: the move is lost
                continue     # a light blow only holds him up: the wind-up goes on after it
            e.vx = e.vy = 0
            rec.windup -= 1
            if rec.windup == 0:
                start_move(w, e, rec.windup_move)
                rec.windup_move = ""


def _enter_phase(w: World, e: Entity, rec: BossRec, ph: Phase) -> None:
    rec.phase += 1
    if ph.pattern:
        rec.pattern = list(ph.pattern)
        e.pattern = 0
    w.emit(ev.BOSS_PHASE, x=e.x // FP, y=e.y // FP, actor=e.eid, value=rec.phase, tag=e.tag)
    from game.sim import flow  # flow imports this module's callers; imported here to keep the order simple

    lo = w.lock[0] if w.lock else w.scroll_x
    hi = lo + VIEW_W
    for i, kind in enumerate(ph.reinforce):
        side = -1 if i % 2 else 1
        edge = hi + 16 if side > 0 else lo - 16
        edge = max(8, min(edge, w.px_width - 8))
        y = min(max(e.y // FP + REINFORCE_DEPTHS[i % len(REINFORCE_DEPTHS)], w.floor_top // FP),
                w.floor_bottom // FP)
        spawn = EnemySpawn(obj_id=-1, kind=kind, x=edge, y=y, wave=e.wave,
                           facing="left" if side > 0 else "right")
        r = flow.spawn_enemy(w, spawn, edge * FP)
        r.facing = -side


def _flee(w: World, e: Entity) -> None:
    """Run for the nearer edge of the view; gone once past it."""
    e.invuln = max(e.invuln, 2)
    if e.state in ("hurt", "knockdown", "down", "getup", "attack", "grab", "grabbed", "thrown", "block"):
        if e.state in ("grab", "block"):
            set_state(e, "idle")
        return
    lo = w.lock[0] if w.lock else w.scroll_x
    hi = lo + VIEW_W
    d = -1 if (e.x // FP - lo) < (hi - e.x // FP) else 1
    e.facing, e.vx, e.vy = d, d * FLEE_SPEED, 0
    x = e.x // FP
    # Off the screen, or at the end of the street (a wall ahead): he is gone.
    if x < lo - 40 or x > hi + 40 or blocked(w, e.x + e.vx * 4, e.y):
        e.alive, e.remove = False, True
        w.release_token(e)
        w.enemies_defeated += 1
        del w.bosses[e.eid]
        w.emit(ev.BOSS_FLEE, x=x, y=e.y // FP, actor=e.eid, value=1, tag=e.tag)
