"""Every move file obeys the feel rules: hitstop by strength, telegraphed knock-downs, new player moves."""

from __future__ import annotations

import pytest

from game.paths import assets_dir
from game.sim.moves import DataError, load_moveset, parse_moveset
from game.sim.stats import enemy_stats, player_stats

MOVE_FILES = sorted(p.stem for p in (assets_dir() / "data" / "moves").glob("*.json"))
PLAYERS = ("danko", "ridzik")
HITSTOP_BY_STRENGTH = {1: (6, 7), 2: (8, 10), 3: (12, 14)}
TELEGRAPH = (18, 24)          # ticks of wind-up on an enemy move that knocks down
BOSS_BIG = (50, 70)           # a boss's big moves (a dash or a gun) telegraph for about a second


def test_every_move_file_is_checked():
    assert {"danko", "ridzik", "thug", "bather", "gangster", "nurse", "hitman", "viktor"} <= set(MOVE_FILES)


@pytest.mark.parametrize("char", MOVE_FILES)
def test_hitstop_follows_strength(char):
    for m in load_moveset(char).moves.values():
        if not m.damage:
            continue
        lo, hi = HITSTOP_BY_STRENGTH[m.strength]
        assert lo <= m.hitstop <= hi, f"{char}.{m.name}: strength {m.strength} wants hitstop {lo}-{hi}"


@pytest.mark.parametrize("char", [c for c in MOVE_FILES if c not in PLAYERS])
def test_every_enemy_knock_down_move_is_telegraphed(char):
    boss = enemy_stats()[char].boss
    for m in load_moveset(char).moves.values():
        if not m.knockdown:
            continue
        big = m.projectile is not None or m.advance >= 256
        lo, hi = BOSS_BIG if boss and big else TELEGRAPH
        assert lo <= m.startup <= hi, f"{char}.{m.name}: wind-up {m.startup} ticks, wants {lo}-{hi}"


@pytest.mark.parametrize("char", PLAYERS)
def test_players_have_the_new_moves(char):
    m = load_moveset(char).moves
    back = m["back_attack"]
    assert all(box[1] <= 0 for box in back.hitboxes), "the back attack hits behind"
    des = m["desperation"]
    assert 10 <= des.hp_cost_pct <= 15 and 20 <= des.invuln <= 30 and des.knockdown
    assert any(box[0] < 0 < box[1] for box in des.hitboxes), "the desperation burst reaches both sides"
    assert m["dodge"].depth > 0 and m["dodge"].invuln > 0 and not m["dodge"].hitboxes
    assert m["run_attack"].advance > 0 and m["run_attack"].hitboxes
    assert player_stats()[char].run > player_stats()[char].walk


@pytest.mark.parametrize(("move", "needle"), [
    ({"startup": 3, "active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9], "hp_cost_pct": 60},
     "'hp_cost_pct' must"),
    ({"startup": 3, "active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9], "invuln": 11}, "'invuln' must not"),
    ({"startup": 3, "active": 2, "recovery": 5, "depth": -2}, "'depth' must be"),
])
def test_broken_feel_keys_fail_naming_the_move(move, needle):
    with pytest.raises(DataError, match="move 'jab'") as info:
        parse_moveset("x", {"hurtbox": [-9, 9, 0, 56], "moves": {"jab": move}}, "x.json")
    assert needle in str(info.value)


def test_a_dodge_needs_no_hitbox():
    dodge = {"startup": 2, "active": 9, "recovery": 5, "depth": 400}
    ms = parse_moveset("x", {"hurtbox": [-9, 9, 0, 56], "moves": {"dodge": dodge}}, "x.json")
    assert ms.moves["dodge"].depth == 400
