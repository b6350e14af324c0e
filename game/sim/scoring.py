"""Score: points per hit with a combo bonus, points per defeat, extra lives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import events as ev
from game.sim.entities import Entity, PlayerSlot
from game.sim.fixed import FP
from game.sim.stats import rules

if TYPE_CHECKING:
    from game.sim.world import World

POINTS_PER_DAMAGE = 10
COMBO_BONUS = 50          # per hit already in the chain
COMBO_BONUS_CAP = 10      # hits counted for the bonus


def credited_slot(w: World, a: Entity | None) -> PlayerSlot | None:
    """The player a hit counts for: the attacker, or the owner of a bullet or thrown body."""
    if a is None:
        return None
    if a.slot >= 0:
        return w.slots[a.slot]
    owner = w.by_id.get(a.owner) if a.owner >= 0 else None
    if owner is not None and owner.slot >= 0:
        return w.slots[owner.slot]
    return None


def add(w: World, slot: PlayerSlot, points: int, x: int, y: int, tag: str = "") -> None:
    """Give points to a player, with a pop-up event and an extra life at each threshold.

    ``tag="combo"`` marks points that belong to the player's combo counter (``world.combos``).
    """
    if points <= 0:
        return
    slot.score += points
    w.emit(ev.SCORE, x=x // FP, y=y // FP, actor=slot.eid, value=points, tag=tag)
    every = rules()["extra_life_every"]
    while slot.score >= slot.next_life_at:
        slot.next_life_at += every
        slot.lives += 1
        w.emit(ev.EXTRA_LIFE, actor=slot.eid, value=slot.lives)


def on_hit(w: World, a: Entity, v: Entity, damage: int) -> None:
    """A hit landed: hits within the combo window of each other build a chain worth more."""
    slot = credited_slot(w, a)
    if slot is None or (v.team == a.team and a.kind == "player"):
        return
    combo = w.combos[slot.index]
    base = damage * POINTS_PER_DAMAGE
    hits = combo.add(base, rules()["combo_score_window"])
    bonus = COMBO_BONUS * min(hits - 1, COMBO_BONUS_CAP)
    combo.add_points(bonus)
    w.emit(ev.COMBO, x=v.x // FP, y=v.y // FP, actor=slot.eid, target=v.eid, value=hits)
    add(w, slot, base + bonus, v.x, v.y, tag="combo")


def on_defeat(w: World, by: Entity | None, v: Entity) -> None:
    """An enemy went down for good: its kind's score to whoever finished it."""
    slot = credited_slot(w, by)
    if slot is not None:
        add(w, slot, w.enemy_stats(v).score, v.x, v.y)


def tick(w: World) -> None:
    """Age the combo chains and the players' grace."""
    for c in w.combos:
        c.tick()
    for s in w.slots:
        if s.grace > 0:
            s.grace -= 1
