"""The bot finishes what it starts (issue 10, kills that flow): it goes for the enemy it can finish
soonest, keeps a chain going on a foe pushed back but still in reach, runs at an enemy keeping its
distance, and a floored enemy is back within reach quickly."""

from __future__ import annotations

from game.sim import events as ev
from game.sim.actions import Action
from game.sim.bot import Bot
from game.sim.fighter import start_move
from game.sim.world import World
from tests.scripted import fight_world as world
from tests.scripted import foes, me

P = int(Action.PUNCH)


def play(w: World, bot: Bot, ticks: int) -> list:
    out = []
    for _ in range(ticks):
        out += w.step((bot.decide(w),))
    return out


def test_the_chain_goes_on_when_the_foe_is_pushed_back_but_still_in_reach():
    w = world(("thug", 134, 130))      # 34 px ahead: past a walking-up distance, inside punch reach
    p = me(w)
    start_move(w, p, "punch2")
    m = w.moveset("danko").moves["punch2"]
    p.anim_tick, p.move_hit = m.startup + m.active, True
    assert Bot(0).decide(w) & P, "presses on into the finisher"
    far = world(("thug", 170, 130))    # 70 px: out of reach, no swing into the air
    p2 = me(far)
    start_move(far, p2, "punch2")
    p2.anim_tick, p2.move_hit = m.startup + m.active, True
    assert not Bot(0).decide(far) & P


def test_the_bot_goes_for_the_wounded_enemy_before_a_fresh_one_nearer():
    w = world(("thug", 128, 130), ("thug", 165, 148))
    fresh, wounded = foes(w)
    wounded.hp = 5
    evs = play(w, Bot(0), 120)
    mine = me(w).eid
    order = [(x.kind, x.target) for x in evs if (x.kind == ev.HIT and x.actor == mine) or x.kind == ev.DEATH]
    assert order and order[0] == (ev.HIT, wounded.eid)
    died = order.index((ev.DEATH, wounded.eid))
    assert all(t == wounded.eid for _, t in order[:died]), "finished the wounded one first"
    assert fresh.hp < fresh.max_hp, "then went for the other"


def test_the_bot_runs_at_an_enemy_keeping_its_distance_into_a_running_attack():
    w = world(("thug", 180, 130))      # 80 px off, where a waiting enemy hangs back
    e = foes(w)[0]
    evs = play(w, Bot(0), 60)
    assert ev.RUN in {x.kind for x in evs}
    first = next(x for x in evs if x.kind == ev.HIT and x.target == e.eid)
    assert first.move == "run_attack"


def test_a_floored_enemy_is_back_within_reach_soon_after_the_finisher():
    """From the finisher landing to the enemy being hittable again: hitstop, the fall, lying, getting
    up and the short blink together stay under a second (they made a thug's kill drag)."""
    w = world(("thug", 124, 130))
    e = foes(w)[0]
    e.hp = e.max_hp = 500
    start_move(w, me(w), "punch3")
    while e.state != "knockdown":
        w.step((0,))
    down = 0
    while e.state in ("knockdown", "down", "getup") or e.invuln > 0:
        w.step((0,))
        down += 1
    assert e.state == "idle"
    assert w.rules["enemy_lie_ticks"] + w.rules["enemy_getup_ticks"] <= 24
    assert down <= 55, down


def test_the_bot_is_waiting_in_reach_and_hits_a_floored_enemy_as_soon_as_it_stands():
    w = world(("thug", 124, 130))
    e = foes(w)[0]
    e.hp = e.max_hp = 500      # survives chain after chain
    bot = Bot(0)
    floored = hittable = None
    for t in range(300):
        evs = w.step((bot.decide(w),))
        if floored is None and any(x.kind == ev.HIT and x.move == "punch3" for x in evs):
            floored = t
        elif floored is not None and hittable is None and e.state == "idle" and e.invuln == 0:
            hittable = t
        elif hittable is not None and any(x.kind == ev.HIT and x.target == e.eid for x in evs):
            assert t - hittable <= 6, "ran to the get-up spot and punched as it stood"
            return
    raise AssertionError("never hit it again")
