"""A Wave's ``keep``: the classic trickle (about that many of the wave on screen, the next walking in as one
falls), its state hashed, and a bad value refused by the loader with a message."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from game.sim import flow
from game.sim.combat import kill
from game.sim.fixed import FP
from game.sim.testlevel import corridor
from game.sim.world import World
from game.tiled import LevelError, load_level

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data" / "tiled"


def _kept(keep: int, per_wave: int = 5) -> World:
    level = corridor(waves=1, per_wave=per_wave)
    level = dataclasses.replace(level, waves=[dataclasses.replace(level.waves[0], keep=keep)])
    w = World(level, seed=1)
    w.ai_enabled = False
    p = w.by_id[w.slots[0].eid]
    zone = level.waves[0]
    p.x, p.y = (zone.rect.x + 8) * FP, (zone.rect.y + 40) * FP
    w.step((0,))
    w.step((0,))
    return w


def _wave(w: World) -> list:
    return [e for e in w.entities if e.kind == "enemy" and e.wave == 1 and e.alive and not e.remove]


def test_keep_walks_in_that_many_and_the_next_as_one_falls_until_the_wave_is_done() -> None:
    w = _kept(2)
    p = w.by_id[w.slots[0].eid]
    assert len(_wave(w)) == 2 and w.wave_status[1] == "active"
    seen = 2
    for _ in range(3):
        kill(w, _wave(w)[0], 1, 0, 0, p)
        for _ in range(flow.TRICKLE_GAP + 2):
            w.step((0,))
            assert len(_wave(w)) <= 2
        assert len(_wave(w)) == 2, "the next one walks in as one falls"
        seen += 1
        assert w.wave_status[1] == "active"
    assert seen == 5 and not w.trickle
    for e in _wave(w):
        kill(w, e, 1, 0, 0, p)
    for _ in range(3):
        w.step((0,))
    assert w.wave_status[1] == "cleared"


def test_without_keep_the_whole_wave_walks_in_at_once() -> None:
    assert len(_wave(_kept(0))) == 5 and not _kept(0).trickle


def test_held_back_enemies_are_in_the_state_hash() -> None:
    a, b = _kept(2), _kept(2)
    assert a.state_hash() == b.state_hash()
    due, rest = b.trickle[1]
    b.trickle[1] = (due, rest[1:])
    assert a.state_hash() != b.state_hash()



WAVE = '<property name="number" type="int" value="1"/>'


@pytest.mark.parametrize("keep", [-1, 7])
def test_a_keep_out_of_range_is_refused_with_a_message(tree: Path, keep: int) -> None:
    text = (tree / "good.tmx").read_text()
    assert WAVE in text
    path = tree / "kept.tmx"
    path.write_text(text.replace(WAVE, WAVE + f'<property name="keep" type="int" value="{keep}"/>', 1))
    with pytest.raises(LevelError) as info:
        load_level(path)
    assert any(f"Wave keep {keep} must be 0" in p for p in info.value.problems)


def test_a_keep_in_range_loads(tree: Path) -> None:
    text = (tree / "good.tmx").read_text()
    path = tree / "kept.tmx"
    path.write_text(text.replace(WAVE, WAVE + '<property name="keep" type="int" value="3"/>', 1))
    assert load_level(path).waves[0].keep == 3


def test_keep_is_in_the_content_hash_only_when_set() -> None:
    level = corridor(waves=1, per_wave=5)
    same = dataclasses.replace(level, waves=[dataclasses.replace(level.waves[0], keep=0)])
    kept = dataclasses.replace(level, waves=[dataclasses.replace(level.waves[0], keep=2)])
    assert same.content_hash() == level.content_hash() != kept.content_hash()
