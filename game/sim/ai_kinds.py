"""What some enemy kinds do beyond the shared AI in game/sim/ai.py (pygame-free, deterministic).

Read from ``assets/data/enemies.json`` (optional keys of a kind):

- ``grab_hold_ticks``: the kind's ``grab`` move, when it lands on a player who is not blocking, takes hold
  of them (the holder shows its ``hold`` animation, the player ``grabbed``); after this many ticks it does
  its ``grab_follow`` move (default ``slam``: a move with ``"grab": true`` that hits the held player
  directly and knocks them down). A hit on the holder lets go (game/sim/combat.py).
- ``level_moves``: ``{"LEVEL": {"move": "other_move"}}``: in that level the kind uses ``other_move``
  instead (the thrower's bottle is a snowball in Moscow). Both moves must share their timings.

A boss who flees (game/sim/boss.py) shows his ``flee`` animation while he runs (Viktor looks back).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim.entities import Entity
from game.sim.fighter import GRAB_TICKS, set_state, start_move
from game.sim.fixed import FP
from game.sim.moves import DataError, load_moveset
from game.sim.stats import ENEMY_KINDS, _load, _path

if TYPE_CHECKING:
    from game.sim.world import World

HOLD_ANIM = "hold"
FLEE_ANIM = "flee"
CAN_HOLD = frozenset({"hurt"})     # a player this state after the grab's hit is held (a block stops it)


@dataclass(frozen=True)
class KindRules:
    """One kind's extra behaviour."""

    hold_ticks: int = 0
    follow: str = "slam"
    level_moves: dict[str, dict[str, str]] = field(default_factory=dict)


@cache
def kind_rules() -> dict[str, KindRules]:
    """The kinds with extra behaviour, checked against their move files (errors name file and kind)."""
    raw = _load("enemies.json")
    out: dict[str, KindRules] = {}
    for kind in ENEMY_KINDS:
        e = raw.get(kind) or {}
        where = f"{_path('enemies.json')}: enemy '{kind}'"
        moves = load_moveset(kind).moves
        hold = e.get("grab_hold_ticks", 0)
        follow = e.get("grab_follow", "slam")
        lm = e.get("level_moves", {})
        if not hold and not lm:
            continue
        if not isinstance(hold, int) or isinstance(hold, bool) or not 0 <= hold < GRAB_TICKS - 40:
            raise DataError(f"{where}: 'grab_hold_ticks' must be 0-{GRAB_TICKS - 41} ticks")
        if hold and ("grab" not in moves or follow not in moves or not moves[follow].grab):
            raise DataError(f"{where}: 'grab_hold_ticks' needs a 'grab' move and a holding "
                            f"'grab_follow' move ({follow!r} with \"grab\": true)")
        if not isinstance(lm, dict):
            raise DataError(f"{where}: 'level_moves' must map a level name to {{move: other move}}")
        for level, swaps in lm.items():
            for a, b in (swaps or {}).items():
                if a not in moves or b not in moves or (moves[a].startup, moves[a].active) != (
                        moves[b].startup, moves[b].active):
                    raise DataError(f"{where}: 'level_moves' {level}: {a!r} -> {b!r} must name two moves "
                                    "of the kind with the same startup and active ticks")
        out[kind] = KindRules(hold, follow, {k: dict(v or {}) for k, v in lm.items()})
    return out


def step(w: World, e: Entity) -> None:
    """One tick of ``e``'s own rules (called by ai.think for every living enemy, before its turn)."""
    if w.bosses:
        rec = w.bosses.get(e.eid)
        if rec is not None and rec.fleeing and e.state in ("idle", "walk") and e.vx:
            e.state, e.anim = "walk", FLEE_ANIM
            return
    kr = kind_rules().get(e.char)
    if kr is None:
        return
    if e.state == "attack":
        swap = kr.level_moves.get(w.level.name, {}).get(e.move)
        if swap:
            e.move = e.anim = swap
        elif e.move == "grab" and kr.hold_ticks and e.hit_ids and e.grab_eid < 0:
            _take_hold(w, e)
    elif e.state == "grab" and e.anim == HOLD_ANIM and e.anim_tick >= kr.hold_ticks:
        v = w.by_id.get(e.grab_eid)
        if v is not None and v.state == "grabbed" and v.grab_eid == e.eid:
            start_move(w, e, kr.follow)


def _take_hold(w: World, e: Entity) -> None:
    """The grab landed: hold the first player it hit, if they took the blow (not blocked, not down)."""
    for vid in e.hit_ids:
        v = w.by_id.get(vid)
        if v is None or v.kind != "player" or not v.alive or v.state not in CAN_HOLD or v.z != 0:
            continue
        if v.grab_eid >= 0:
            continue
        set_state(e, "grab", anim=HOLD_ANIM)
        e.vx = e.vy = 0
        e.grab_eid, e.knees = v.eid, 0
        set_state(v, "grabbed", GRAB_TICKS)
        v.grab_eid, v.vx, v.vy, v.hitstop = e.eid, 0, 0, 0
        w.emit(ev.GRAB, x=v.x // FP, y=v.y // FP, actor=e.eid, target=v.eid, tag=v.char)
        return
