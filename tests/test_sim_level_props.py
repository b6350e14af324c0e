"""Map properties that shape a level's rules: Danko's outfit and the bullets players start with."""

from dataclasses import replace

from game.cli_levels import load_level
from game.sim import testlevel
from game.sim.world import World


def _with(**props):
    level = testlevel.corridor()
    return replace(level, properties={**level.properties, **props})


def test_outfit_bath_dresses_danko_for_the_bathhouse_and_coat_is_the_default():
    assert World(_with(outfit="bath")).entities[0].char == "danko_bath"
    assert World(_with(outfit="coat")).entities[0].char == "danko"
    assert World(testlevel.corridor()).entities[0].char == "danko"


def test_ridzik_keeps_his_jacket_whatever_the_outfit():
    w = World(_with(outfit="bath"), players=2)
    assert sorted(e.char for e in w.entities if e.kind == "player") == ["danko_bath", "ridzik"]


def test_start_ammo_from_the_map_overrides_the_default_and_minus_one_means_unset():
    assert [s.ammo for s in World(_with(start_ammo=5), players=2).slots] == [5, 5]
    assert World(_with(start_ammo=0)).slots[0].ammo == 0
    assert World(_with(start_ammo=-1)).slots[0].ammo == World(testlevel.corridor()).slots[0].ammo == 3


def test_the_bathhouse_starts_danko_shirtless_and_unarmed():
    w = World(load_level("bathhouse"))
    assert w.entities[0].char == "danko_bath" and w.slots[0].ammo == 0
