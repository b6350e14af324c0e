"""Combat rules: frame timing, lanes, hitstop, knockdown, grabs, throws, combos, blocking, hit order."""

from __future__ import annotations

import random

from game.sim import combat
from game.sim import events as ev
from game.sim.actions import Action
from game.sim.fixed import FP
from game.sim.hitboxes import overlaps_numpy, overlaps_python
from game.sim.testlevel import arena
from game.sim.world import World

P, K, J, S = int(Action.PUNCH), int(Action.KICK), int(Action.JUMP), int(Action.SPECIAL)
L, R = int(Action.LEFT), int(Action.RIGHT)


def duel(kind: str = "thug", dx: int = 20, dy: int = 0, hp: int = 0) -> tuple[World, object, object]:
    """Danko at (100, 130) facing right, one passive enemy ``dx`` px ahead and ``dy`` px deeper."""
    w = World(arena(((kind, 100 + dx, 130 + dy),)), seed=1)
    player, enemy = w.by_id[w.slots[0].eid], next(e for e in w.entities if e.kind == "enemy")
    w.ai_enabled = False     # the enemy stands still
    if hp:
        enemy.hp = enemy.max_hp = hp
    return w, player, enemy


def press(w: World, bits: int, hold: int = 1) -> list:
    out = []
    for _ in range(hold):
        out += w.step((bits,))
    return out


def run_idle(w: World, n: int) -> list:
    out = []
    for _ in range(n):
        out += w.step((0,))
    return out


def kinds(events) -> list[str]:
    return [e.kind for e in events]


def test_move_frame_timing_startup_active_recovery():
    w, p, _ = duel(dx=200)
    m = w.moveset("danko").moves["kick"]
    press(w, K)
    assert (p.state, p.move, p.anim_tick, p.anim_len) == ("attack", "kick", 0, m.total)
    phases = []
    for _ in range(m.total - 1):
        phases.append(m.phase(p.anim_tick))
        assert combat.attack_box(w, p) is not None or m.phase(p.anim_tick) != "active"
        assert (combat.attack_box(w, p) is None) == (m.phase(p.anim_tick) != "active")
        w.step((0,))
    assert phases.count("startup") == m.startup and phases.count("active") == m.active
    w.step((0,))
    assert p.state == "idle"


def test_hit_lands_one_step_after_the_first_active_frame():
    w, p, e = duel()
    start = w.tick
    evs = press(w, P) + run_idle(w, 10)
    hit = next(x for x in evs if x.kind == ev.HIT)
    assert hit.tick == start + w.moveset("danko").moves["punch1"].startup + 1
    assert hit.actor == p.eid and hit.target == e.eid and e.hp < e.max_hp


def test_hits_connect_only_when_depth_lanes_overlap():
    for dy, lands in ((8, True), (-8, True), (9, False), (-12, False)):
        w, _, _e = duel(dy=dy)
        evs = press(w, P) + run_idle(w, 10)
        assert (ev.HIT in kinds(evs)) == lands, dy


def test_hitstop_freezes_attacker_and_victim_longer_for_heavy_hits():
    stops = {}
    for move, button in (("punch1", P), ("kick", K)):
        w, p, e = duel()
        press(w, button)
        before = p.anim_tick
        w.step((0,))
        while ev.HIT not in kinds(w.events):
            before = p.anim_tick
            w.step((0,))
        stop = w.moveset("danko").moves[move].hitstop
        # Frozen for ``hitstop`` steps, counting the step the hit lands in.
        assert p.anim_tick == before and p.hitstop == stop - 1 and e.hitstop == stop - 1
        x = e.x
        for _ in range(stop - 1):
            w.step((0,))
            assert p.anim_tick == before and e.x == x
        w.step((0,))
        assert p.anim_tick == before + 1 and e.x != x
        stops[move] = stop
    assert stops["kick"] > stops["punch1"]


def test_knockdown_then_lying_and_getting_up_are_invulnerable():
    w, _p, e = duel(hp=500)
    press(w, K)
    for _ in range(200):
        w.step((0,))
        if e.state == "down":
            break
    assert e.state == "down" and combat.hurtbox(w, e) is None
    while e.state == "down":
        w.step((0,))
    assert e.state == "getup" and combat.hurtbox(w, e) is None
    while e.state == "getup":
        w.step((0,))
    assert e.state == "idle" and e.invuln > 0 and combat.hurtbox(w, e) is None
    run_idle(w, e.invuln)
    assert combat.hurtbox(w, e) is not None


def test_combo_chains_within_the_window_and_restarts_after_it():
    w, p, _e = duel(hp=500)
    window = w.rules["combo_window"]
    seen = []
    for _ in range(3):
        press(w, P)
        seen.append(p.move)
        run_idle(w, 2)
        while p.state == "attack":
            w.step((0,))
    assert seen == ["punch1", "punch2", "punch3"]
    w2, p2, _ = duel(hp=500)
    press(w2, P)
    while p2.state == "attack":
        w2.step((0,))
    run_idle(w2, window + 1)
    press(w2, P)
    assert p2.move == "punch1"


def test_a_whiffed_jab_does_not_chain():
    w, p, _ = duel(dx=200)
    press(w, P)
    while p.state == "attack":
        w.step((0,))
    press(w, P)
    assert p.move == "punch1"


def test_walking_into_a_stunned_enemy_grabs_knees_and_throw_hits_others():
    w = World(arena((("thug", 118, 130), ("thug", 60, 130))), seed=1)
    p = w.by_id[w.slots[0].eid]
    victim, other = sorted((e for e in w.entities if e.kind == "enemy"), key=lambda e: -e.x)
    w.ai_enabled = False
    for e in (victim, other):
        e.hp = e.max_hp = 200
    press(w, P)
    while victim.state != "hurt":
        w.step((0,))
    for _ in range(20):
        w.step((R,))
        if p.state == "grab":
            break
    assert p.state == "grab" and victim.state == "grabbed" and ev.GRAB in kinds(w.events)
    hp = victim.hp
    press(w, P)
    while p.state != "grab":
        w.step((0,))
    assert victim.hp == hp - w.moveset("danko").moves["knee"].damage and victim.state == "grabbed"
    # Punch while pushing away: throw behind, into the other thug.
    evs = press(w, P | L) + run_idle(w, 60)
    assert ev.THROW in kinds(evs)
    assert any(x.kind == ev.HIT and x.target == other.eid for x in evs)
    assert any(x.kind == ev.KNOCKDOWN and x.target == other.eid for x in evs), "the thrown body floors him"


def test_block_stops_a_frontal_hit_and_leaves_the_attacker_open():
    w, p, e = duel(dx=-20)   # the thug stands behind-left; Danko turns to face it
    press(w, L)
    press(w, 0)
    from game.sim.fighter import start_move
    start_move(w, e, "punch")
    e.facing = 1
    hp = p.hp
    evs = []
    for _ in range(20):
        evs += w.step((P | K,))
    assert ev.BLOCK in kinds(evs) and ev.HIT not in kinds(evs) and p.hp == hp
    assert e.hitstop > 0 or e.state == "attack"


def test_hit_resolution_does_not_depend_on_entity_order():
    def world() -> World:
        w = World(arena((("thug", 120, 130), ("bather", 82, 132), ("nurse", 118, 126))), seed=4)
        w.ai_enabled = False
        return w
    a, b = world(), world()
    b.entities.reverse()
    for w in (a, b):
        p = w.by_id[w.slots[0].eid]
        from game.sim.fighter import start_move
        for e in w.entities:
            if e.kind == "enemy":
                start_move(w, e, w.enemy_stats(e).moves[0].name)
                e.facing = 1 if p.x > e.x else -1
                e.anim_tick = w.moveset(e.char).moves[e.move].startup
        start_move(w, p, "punch1")
        p.anim_tick = w.moveset(p.char).moves["punch1"].startup
        combat.resolve(w)
    assert sorted(repr(e.key()) for e in a.entities) == sorted(repr(e.key()) for e in b.entities)
    assert sorted(map(repr, a.events)) == sorted(map(repr, b.events))
    assert a.events, "the setup should produce hits"


def test_numpy_and_plain_hit_detection_agree():
    rnd = random.Random(7)
    for n in (1, 5, 40, 300):
        att, hurt = [], []
        for i in range(n):
            x, y = rnd.randrange(0, 3000) * FP, rnd.randrange(80, 180) * FP
            f = rnd.choice((-1, 1))
            x0, x1 = (x + 4 * FP, x + 30 * FP) if f > 0 else (x - 30 * FP, x - 4 * FP)
            att.append((i + 1, rnd.randrange(2), x0, x1, y, 30 * FP, 50 * FP, 8 * FP))
            hurt.append((i + 1, rnd.randrange(2), x - 9 * FP, x + 9 * FP, y, 0, 56 * FP))
        assert overlaps_numpy(att, hurt) == overlaps_python(att, hurt)


def test_jump_kick_flies_hits_and_lands_in_recovery():
    w, p, e = duel(dx=40)
    evs = press(w, J | R)
    for _ in range(6):
        evs += w.step((R,))
    evs += press(w, K | R)
    assert p.move == "jump_kick" and p.z > 0
    for _ in range(60):
        evs += w.step((R,))
    assert ev.HIT in kinds(evs) and ev.LAND in kinds(evs) and ev.JUMP in kinds(evs)
    assert any(x.kind == ev.KNOCKDOWN and x.target == e.eid for x in evs)
    assert p.z == 0 and p.state in ("idle", "walk")


def test_a_death_starts_a_fresh_animation_of_its_own_length():
    w = World(arena((("thug", 130, 130),)), seed=1)
    w.ai_enabled = False
    p, thug = w.by_id[w.slots[0].eid], next(e for e in w.entities if e.kind == "enemy")
    w.step((K,))
    for _ in range(3):
        w.step((0,))
    assert p.state == "attack" and p.anim_tick > 0
    combat.kill(w, p, -1, 256, 256, thug)
    assert (p.state, p.anim, p.anim_tick, p.anim_len, p.move) == ("death", "death", 0, combat.DEATH_TICKS, "")
    assert not p.move_hit and p.hit_ids == []


def test_a_victim_dropped_when_its_holder_dies_starts_a_fresh_hurt_animation():
    w = World(arena((("thug", 118, 130),)), seed=1)
    w.ai_enabled = False
    p, thug = w.by_id[w.slots[0].eid], next(e for e in w.entities if e.kind == "enemy")
    thug.state, thug.timer = "hurt", 30
    w.step((R,))
    assert p.state == "grab" and thug.state == "grabbed"
    thug.anim_tick, thug.anim_len = 9, 17          # whatever the held pose was doing
    combat.kill(w, p, -1, 0, 0, None)
    assert (thug.state, thug.anim, thug.anim_tick, thug.anim_len, thug.timer) == ("hurt", "hurt", 0, 0, 12)
