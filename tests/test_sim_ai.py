"""Enemy AI and the bot: attack tokens, surrounding, difficulty, determinism, and the bot clearing levels."""

from __future__ import annotations

import dataclasses

import pytest

from game.paths import levels_dir
from game.sim import events as ev
from game.sim.balance import report
from game.sim.bot import Bot
from game.sim.fixed import FP
from game.sim.runner import run
from game.sim.testlevel import arena, gauntlet
from game.sim.world import World


def test_attack_tokens_cap_simultaneous_attackers_every_tick():
    for difficulty in ("easy", "normal", "hard"):
        crowd = tuple(("thug" if i % 2 else "nurse", 160 + 20 * i, 90 + 14 * i) for i in range(6))
        level = arena(crowd, cols=60)
        w = World(level, seed=3, difficulty=difficulty)
        for e in w.entities:
            e.hp = e.max_hp = 400 if e.kind == "enemy" else e.hp
        bot = Bot(0)
        most = 0
        attacking_without_token = 0
        for _ in range(1500):
            w.step((bot.decide(w),))
            holders = sum(1 for e in w.entities if e.kind == "enemy" and e.token)
            assert holders <= w.diff.tokens
            most = max(most, holders)
            attacking_without_token += sum(1 for e in w.entities if e.kind == "enemy" and e.state == "attack"
                                           and e.anim_tick == 0 and not e.token)
        assert most == w.diff.tokens, difficulty
        assert attacking_without_token == 0


def test_waiting_enemies_spread_round_the_player():
    level = arena(tuple(("thug", 520 + 12 * i, 120 + 6 * i) for i in range(5)), cols=60)
    w = World(dataclasses.replace(level, player_start=(400, 130)), seed=2)
    p = w.by_id[w.slots[0].eid]
    p.invuln = 10**6     # untouchable: nobody gets a turn, so everyone waits in their slot
    for _ in range(400):
        w.step((0,))
    enemies = [e for e in w.entities if e.kind == "enemy"]
    left = sum(1 for e in enemies if e.x < p.x)
    assert left >= 1 and len(enemies) - left >= 1, "they should flank, not queue on one side"
    depths = {e.y // (8 * FP) for e in enemies}
    assert len(depths) >= 3, "they should spread over the depth of the floor"


def test_difficulty_scales_enemy_damage():
    taken = {}
    for difficulty in ("easy", "hard"):
        w = World(arena((("thug", 120, 130),)), seed=1, difficulty=difficulty)
        w.ai_enabled = False
        from game.sim.fighter import start_move
        e = next(x for x in w.entities if x.kind == "enemy")
        e.facing = -1
        start_move(w, e, "punch")
        evs = []
        for _ in range(20):
            evs += w.step((0,))
        taken[difficulty] = sum(x.value for x in evs if x.kind == ev.HIT)
    assert 0 < taken["easy"] < taken["hard"]


def test_bot_runs_are_deterministic():
    a = run(gauntlet(), seed=4, bot=True, max_ticks=3000)
    b = run(gauntlet(), seed=4, bot=True, max_ticks=3000)
    assert a.state_hash() == b.state_hash() and a.summary() == b.summary()


def test_every_emitted_event_kind_is_listed():
    seen: set[str] = set()
    run(gauntlet(), seed=2, bot=True, players=2, on_tick=lambda w: seen.update(e.kind for e in w.events))
    assert seen <= set(ev.EVENT_KINDS)
    assert {ev.HIT, ev.KNOCKDOWN, ev.DEATH, ev.WAVE_START, ev.WAVE_CLEAR, ev.LEVEL_CLEAR, ev.SHOT} <= seen


def test_bot_clears_a_code_level_with_every_enemy_kind_including_viktor():
    rows, agg = report(gauntlet(), [1, 2, 3], "normal", 1)
    assert agg["cleared"] >= 3 - 0, rows
    from game.sim.boss import boss_table  # a boss's reinforcements are fought too
    extra = sum(len(ph.reinforce) for s in gauntlet().enemies if s.kind in boss_table()
                for ph in boss_table()[s.kind].phases)
    assert all(r["enemies_defeated"] == len(gauntlet().enemies) + extra for r in rows)


def test_bot_can_drive_both_players():
    w = run(gauntlet(), seed=5, bot=True, players=2)
    assert w.result == "cleared"
    assert all(s.score > 0 for s in w.slots), "both players should have fought"


@pytest.mark.soak
def test_bot_clears_the_bathhouse_on_normal_nine_times_in_ten():
    path = levels_dir() / "bathhouse.tmx"
    if not path.exists():
        pytest.skip("levels/bathhouse.tmx not shipped yet")
    from game.tiled import load_level
    _, agg = report(load_level(path), list(range(1, 11)), "normal", 1)
    assert agg["cleared"] >= 9, agg
