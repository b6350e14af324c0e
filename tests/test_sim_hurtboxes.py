"""Hurtboxes per frame: a move can move the attacker's own vulnerable box (an extended leg can be hit)."""

import pytest

from game.sim.fixed import FP
from game.sim.moves import DataError, load_moveset, parse_moveset

BASE = {"startup": 2, "active": 2, "recovery": 3, "hitbox": [0, 20, 10, 30]}


def _moveset(**move):
    return parse_moveset("x", {"hurtbox": [-8, 8, 0, 50], "moves": {"kick": {**BASE, **move}}}, "x.json")


def test_per_phase_hurtboxes_expand_to_one_box_per_tick():
    m = _moveset(hurtboxes={"startup": [-8, 8, 0, 50], "active": [-8, 30, 0, 50],
                            "recovery": [-8, 16, 0, 50]}).moves["kick"]
    assert len(m.hurtboxes) == m.total == 7
    assert m.hurtbox_at(0) == (-8 * FP, 8 * FP, 0, 50 * FP)
    assert m.hurtbox_at(2) == (-8 * FP, 30 * FP, 0, 50 * FP)   # first active tick: leg out
    assert m.hurtbox_at(6) == (-8 * FP, 16 * FP, 0, 50 * FP)


def test_per_tick_hurtbox_list_is_used_tick_by_tick():
    boxes = [[-8, 8 + i, 0, 50] for i in range(7)]
    m = _moveset(hurtboxes=boxes).moves["kick"]
    assert [b[1] // FP for b in m.hurtboxes] == [8, 9, 10, 11, 12, 13, 14]


def test_without_hurtboxes_the_move_uses_its_single_hurtbox_or_none():
    assert _moveset().moves["kick"].hurtbox_at(3) is None
    assert _moveset(hurtbox=[-4, 4, 0, 40]).moves["kick"].hurtbox_at(3) == (-4 * FP, 4 * FP, 0, 40 * FP)


@pytest.mark.parametrize("spec, needle", [
    ([[-8, 8, 0, 50]] * 3, "one box per tick of the move (7)"),
    ({"startup": [-8, 8, 0, 50], "active": [-8, 8, 0, 50]}, "each of startup, active, recovery"),
    ({"startup": [0, 1, 0, 1], "active": [0, 1, 0, 1], "recovery": [0, 1, 0, 1], "windup": [0, 1, 0, 1]},
     "unknown: windup"),
    ("big", "expected a list of boxes"),
])
def test_bad_hurtboxes_name_the_file_and_move(spec, needle):
    with pytest.raises(DataError) as info:
        _moveset(hurtboxes=spec)
    assert "x.json" in str(info.value) and "'kick'" in str(info.value) and needle in str(info.value)


def test_shipped_kick_exposes_dankos_leg_while_it_is_out():
    kick = load_moveset("danko").moves["kick"]
    reach = [kick.hurtbox_at(t)[1] for t in range(kick.total)]
    assert max(reach) == reach[kick.startup] > load_moveset("danko").hurtbox[1]


def test_combat_uses_the_attackers_hurtbox_of_the_current_tick():
    from game.sim import testlevel
    from game.sim.combat import hurtbox
    from game.sim.world import World

    w = World(testlevel.corridor(), seed=1)
    p = next(e for e in w.entities if e.kind == "player")
    kick = w.moveset(p.char).moves["kick"]
    p.state, p.move, p.facing = "attack", "kick", 1
    p.anim_tick = 0
    standing = hurtbox(w, p)
    p.anim_tick = kick.startup
    leg_out = hurtbox(w, p)
    assert standing is not None and leg_out is not None
    assert leg_out[3] - p.x == kick.hurtbox_at(kick.startup)[1] > standing[3] - p.x
