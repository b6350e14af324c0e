"""The film's hollow wooden leg: a thug named ``wooden_leg`` wears his own sprite but fights as a thug."""

from dataclasses import replace

from game.sim import testlevel
from game.sim.level import EnemySpawn
from game.sim.world import World


def test_a_thug_named_wooden_leg_gets_the_wooden_leg_sprite_and_thug_rules():
    level = testlevel.corridor(waves=0)
    level = replace(level, enemies=[
        EnemySpawn(obj_id=90, kind="thug", x=200, y=120, name="wooden_leg"),
        EnemySpawn(obj_id=91, kind="thug", x=240, y=120),
    ])
    w = World(level, seed=1)
    for _ in range(5):
        w.step((0,))
    enemies = [e for e in w.entities if e.kind == "enemy"]
    assert sorted(e.char for e in enemies) == ["thug", "thug_woodleg"]
    woodleg, plain = sorted(enemies, key=lambda e: e.char, reverse=True)
    assert woodleg.max_hp == plain.max_hp
    assert w.enemy_stats(woodleg) is w.enemy_stats(plain)
    assert w.moveset(woodleg.char).moves.keys() == w.moveset(plain.char).moves.keys()


def test_the_shipped_bathhouse_has_exactly_one_wooden_leg_thug_by_his_stash():
    from game.cli_levels import load_level
    from game.sim.flow import WOODEN_LEG_NAME

    level = load_level("bathhouse")
    legs = [s for s in level.enemies if s.name == WOODEN_LEG_NAME]
    assert len(legs) == 1 and legs[0].kind == "thug"
