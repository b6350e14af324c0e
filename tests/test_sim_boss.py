"""Boss phases, reinforcements, telegraphed big moves and the flee (game/sim/boss.py)."""

from __future__ import annotations

import pytest

from game.sim import boss
from game.sim import events as ev
from game.sim.moves import DataError
from game.sim.testlevel import arena
from game.sim.world import World


def _viktor_world(seed: int = 1) -> tuple[World, object]:
    w = World(arena((("viktor", 300, 130),), cols=60), seed=seed)
    v = next(e for e in w.entities if e.kind == "enemy")
    v.dormant = False
    return w, v


def test_viktor_has_a_record_and_the_data_has_two_phases():
    w, v = _viktor_world()
    assert v.eid in w.bosses and w.bosses[v.eid].phase == 0
    bk = w.boss_kinds["viktor"]
    assert len(bk.phases) >= 2 and bk.flee_hp_pct == 33 and "dash" in bk.telegraph
    assert all(e.eid not in w.bosses for e in w.entities if e.kind == "player")


def test_phase_brings_reinforcements_and_changes_the_pattern():
    w, v = _viktor_world()
    w.ai_enabled = False
    before = len([e for e in w.entities if e.kind == "enemy"])
    v.hp = v.max_hp * 60 // 100
    evs = w.step((0,))
    w.step((0,))
    assert [e.value for e in evs if e.kind == ev.BOSS_PHASE] == [1]
    enemies = [e for e in w.entities if e.kind == "enemy"]
    ph = w.boss_kinds["viktor"].phases[0]
    assert len(enemies) == before + len(ph.reinforce)
    assert sorted(e.tag for e in enemies if e is not v) == sorted(ph.reinforce)
    assert all(e.wave == v.wave for e in enemies)
    assert list(w.bosses[v.eid].pattern) == list(ph.pattern)
    # A second drop past both thresholds enters the next phase only once each.
    v.hp = v.max_hp * 40 // 100
    evs = w.step((0,))
    assert [e.value for e in evs if e.kind == ev.BOSS_PHASE] == [2]
    evs = w.step((0,))
    assert not [e for e in evs if e.kind == ev.BOSS_PHASE]


def test_big_move_is_wound_up_for_a_second_first():
    w, v = _viktor_world()
    assert boss.wind_up(w, v, "dash")
    assert not boss.wind_up(w, v, "punch")
    ticks = 0
    while v.state != "attack" and ticks < 200:
        w.ai_enabled = False
        w.step((0,))
        ticks += 1
    assert v.state == "attack" and v.move == "dash"
    assert ticks == w.boss_kinds["viktor"].telegraph_ticks


def test_wind_up_survives_a_light_blow():
    w, v = _viktor_world()
    w.ai_enabled = False
    boss.wind_up(w, v, "dash")
    w.step((0,))
    from game.sim.fighter import set_state
    set_state(v, "hurt", 6)
    for _ in range(8):
        w.step((0,))
    assert w.bosses[v.eid].windup > 0 and w.bosses[v.eid].windup_move == "dash"


def test_wind_up_is_lost_when_he_is_knocked_down():
    w, v = _viktor_world()
    w.ai_enabled = False
    boss.wind_up(w, v, "shoot")
    w.step((0,))
    from game.sim.fighter import set_state
    set_state(v, "knockdown")
    v.z = 1
    w.step((0,))
    assert w.bosses[v.eid].windup == 0


def test_viktor_flees_off_the_screen_below_a_third_and_counts_as_beaten():
    w, v = _viktor_world()
    w.ai_enabled = False
    w.bosses[v.eid].phase = len(w.boss_kinds["viktor"].phases)   # phases done: only the flee is left
    v.hp = v.max_hp * 30 // 100
    kinds = []
    for _ in range(600):
        kinds += [e.kind for e in w.step((0,))]
        if v.eid not in w.by_id:
            break
    assert kinds.count(ev.BOSS_FLEE) == 2
    assert v.eid not in w.by_id and v.eid not in w.bosses and w.enemies_defeated == 1


def test_fleeing_boss_cannot_be_hit():
    from game.sim.combat import hurtbox
    w, v = _viktor_world()
    w.ai_enabled = False
    w.bosses[v.eid].phase = 9
    v.hp = v.max_hp // 4
    w.step((0,))
    w.step((0,))
    assert hurtbox(w, v) is None


def test_state_hash_covers_the_boss_record():
    a, _ = _viktor_world()
    b, vb = _viktor_world()
    assert a.state_hash() == b.state_hash()
    b.bosses[vb.eid].windup = 5
    assert a.state_hash() != b.state_hash()


@pytest.mark.parametrize("phases,needle", [
    ([{"below_hp_pct": 0}], "below_hp_pct"),
    ([{"below_hp_pct": 50}, {"below_hp_pct": 60}], "lower than"),
    ([{"below_hp_pct": 50, "reinforce": ["nobody"]}], "reinforce"),
    ([{"below_hp_pct": 50, "pattern": ["fly"]}], "pattern"),
])
def test_bad_phases_are_data_errors(phases, needle):
    raw = {"thug": {"moves": {"punch": {}}}, "big": {"boss": True, "moves": {"punch": {}}, "phases": phases}}
    with pytest.raises(DataError, match=needle):
        boss.parse(raw)


def test_bot_beats_viktor_with_his_phases():
    from game.sim.runner import run
    w = World(arena((("viktor", 400, 130),), cols=60), seed=3)
    seen: list[str] = []
    run_w = run(w.level, seed=3, bot=True, max_ticks=9000,
                on_tick=lambda x: seen.extend(e.kind for e in x.events))
    assert run_w.result == "cleared"
    assert ev.BOSS_PHASE in seen and ev.BOSS_TELEGRAPH in seen and ev.BOSS_FLEE in seen


def test_an_enemy_the_map_marks_boss_gets_a_record_without_phases():
    import dataclasses

    from game.sim.level import EnemySpawn
    level = arena((), cols=60)
    level = dataclasses.replace(level, enemies=[EnemySpawn(10, "gangster", 300, 130, boss=True)])
    w = World(level, seed=1)
    g = next(e for e in w.entities if e.kind == "enemy")
    assert g.eid in w.bosses and w.boss_kinds["gangster"].phases == ()
    g.hp = 1
    w.step((0,))
    assert g.eid in w.bosses
