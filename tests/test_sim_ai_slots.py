"""Waiting enemies spread out: on each side of their target every one has its own slot."""

from collections import defaultdict

from game.sim.ai import PLAN_EVERY, SLOT_DEPTHS
from game.sim.testlevel import arena
from game.sim.world import World


def test_waiting_enemies_on_one_side_never_share_a_slot():
    foes = tuple(("thug", 150 + 12 * i, 110 + 10 * (i % 3)) for i in range(6))
    w = World(arena(foes), seed=4)
    for _ in range(PLAN_EVERY * 20):
        w.step((0,))
        if w.tick % PLAN_EVERY == 1:
            groups = defaultdict(list)
            for e in w.entities:
                if e.kind == "enemy" and e.alive and not e.dormant and e.ai == "wait":
                    groups[(e.ai_target, e.ai_side)].append(e.ai_slot)
            for slots in groups.values():
                assert len(slots) == len(set(slots)), slots


def test_slots_flank_both_sides_when_a_crowd_gathers():
    foes = tuple(("bather", 170 + 10 * i, 120) for i in range(5))   # all start on the right
    w = World(arena(foes), seed=2)
    for _ in range(PLAN_EVERY * 2):
        w.step((0,))
    sides = {e.ai_side for e in w.entities if e.kind == "enemy" and not e.dormant}
    assert sides == {1, -1}
    assert len(SLOT_DEPTHS) >= 5
