"""Fight feel rules (issue 10): back attack, desperation, run and dodge, get-up blink, hitstop,
pushback, grace, no blindsides, enemies' own space, combos, kills that flow, and the feel report."""

from __future__ import annotations

from game.sim import combat
from game.sim import events as ev
from game.sim.actions import Action
from game.sim.balance import report
from game.sim.feel import FeelMeter, combine
from game.sim.fixed import FP
from game.sim.runner import run
from game.sim.stats import difficulty_table, enemy_stats
from game.sim.testlevel import arena, corridor
from game.sim.world import World
from tests.scripted import fight_world as world
from tests.scripted import foes, me

P, K, J, S = int(Action.PUNCH), int(Action.KICK), int(Action.JUMP), int(Action.SPECIAL)
L, R, U, D = int(Action.LEFT), int(Action.RIGHT), int(Action.UP), int(Action.DOWN)
FEEL_KEYS = {"unhittable_share", "kill_seconds_median", "hits_from_behind_share", "first_contact_s",
             "enemies_on_screen_mean", "enemies_on_screen_peak", "empty_screen_share",
             "attacks_per_enemy_minute", "overlap_share", "idle_share"}


def steps(w: World, *frames: int, idle: int = 0) -> list:
    out = []
    for f in frames:
        out += w.step((f,))
    for _ in range(idle):
        out += w.step((0,))
    return out


# -- back attack ------------------------------------------------------------------------------------

def test_punch_and_jump_together_hit_behind_without_turning():
    w = world(("thug", 78, 130))
    p, e = me(w), foes(w)[0]
    evs = steps(w, P | J, idle=30)
    assert p.facing == 1 and p.z == 0
    hit = next(x for x in evs if x.kind == ev.HIT)
    assert hit.actor == p.eid and hit.target == e.eid
    assert e.state in ("knockdown", "down") and e.x < 78 * FP, "knocked away from Danko, behind him"


def test_back_attack_also_comes_out_when_punch_follows_jump_a_moment_later():
    w = world(("thug", 78, 130))
    p = me(w)
    steps(w, J, J | P)
    assert p.state == "attack" and p.move == "back_attack" and p.z == 0


def test_a_plain_punch_still_hits_in_front_only():
    w = world(("thug", 78, 130))
    evs = steps(w, P, idle=12)
    assert ev.HIT not in [x.kind for x in evs]


# -- desperation -----------------------------------------------------------------------------------

def test_desperation_costs_hp_is_invulnerable_and_knocks_down_everyone_close():
    w = world(("thug", 124, 130), ("bather", 78, 134))
    p = me(w)
    m = w.moveset(p.char).moves["desperation"]
    assert 10 <= m.hp_cost_pct <= 15 and 20 <= m.invuln <= 30 and m.knockdown
    hp = p.hp
    evs = steps(w, S | J)
    burst = next(x for x in evs if x.kind == ev.DESPERATION)
    assert burst.value == p.max_hp * m.hp_cost_pct // 100 == hp - p.hp
    for _ in range(m.invuln - 1):
        assert combat.hurtbox(w, p) is None
        w.step((0,))
    assert all(e.state in ("knockdown", "down") for e in foes(w))


def test_desperation_cannot_kill_its_user():
    for hp in (1, 2, 5):
        w = world()
        p = me(w)
        p.hp = hp
        steps(w, S | J, idle=40)
        assert p.alive and p.hp == max(1, hp - p.max_hp * 12 // 100)


def test_desperation_breaks_out_of_hitstun():
    w = world(("thug", 120, 130))
    p, e = me(w), foes(w)[0]
    w.ai_enabled = False
    # The thug jabs Danko; while he reels, special + jump bursts out.
    from game.sim.fighter import start_move
    e.facing = -1
    start_move(w, e, "punch")
    while p.state != "hurt":
        w.step((0,))
    while p.hitstop:
        w.step((0,))
    steps(w, S | J)
    assert p.state == "attack" and p.move == "desperation"


# -- run and dodge ------------------------------------------------------------------------------------

def test_double_tap_runs_and_a_slow_second_tap_walks():
    w = world()
    p = me(w)
    steps(w, R, 0, R, R)
    assert p.state == "run" and p.vx == w.player_stats(p).run > w.player_stats(p).walk
    steps(w, 0)
    assert p.state == "idle"
    w2 = world()
    p2 = me(w2)
    steps(w2, R, idle=w2.rules["double_tap_ticks"] + 2)
    steps(w2, R, R)
    assert p2.state == "walk"


def test_punch_while_running_is_the_running_attack():
    w = world(("thug", 160, 130))
    e = foes(w)[0]
    steps(w, R, 0, R, R, R)
    evs = steps(w, R | P, *([R] * 30))
    assert any(x.kind == ev.HIT and x.target == e.eid for x in evs)
    assert "run_attack" in {x.tag for x in evs if x.kind == ev.WHIFF}
    assert ev.RUN in {x.kind for x in steps(world(), R, 0, R)}


def test_double_tap_down_rolls_along_the_depth_untouchable():
    w = world()
    p = me(w)
    y = p.y
    evs = steps(w, D, 0, D)
    m = w.moveset(p.char).moves["dodge"]
    assert p.move == "dodge" and ev.DODGE in [x.kind for x in evs]
    assert combat.hurtbox(w, p) is None
    steps(w, idle=m.total)
    assert p.y > y + 10 * FP and p.state == "idle" and p.x == 100 * FP
    w2 = world()
    p2 = me(w2)
    y2 = p2.y
    steps(w2, U, 0, U, idle=m.total)
    assert p2.y < y2 - 10 * FP


def test_a_dodge_slips_a_blow_that_would_have_landed():
    w = world(("thug", 122, 130))
    p, e = me(w), foes(w)[0]
    from game.sim.fighter import start_move
    e.facing = -1
    start_move(w, e, "kick")
    m = w.moveset("thug").moves["kick"]
    steps(w, idle=m.startup - 4)
    evs = steps(w, D, 0, D, idle=m.active + 2)
    assert not any(x.kind == ev.HIT and x.target == p.eid for x in evs)


# -- get-up blink, hitstop, pushback --------------------------------------------------------------------

def _knock_down_and_wait(w: World, v) -> None:
    while v.state != "getup":
        w.step((0,))
    while v.state == "getup":
        w.step((0,))


def test_enemies_get_up_with_a_short_blink_and_players_keep_theirs():
    w = world(("thug", 120, 130))
    p, e = me(w), foes(w)[0]
    e.hp = e.max_hp = 500
    steps(w, K)
    _knock_down_and_wait(w, e)
    assert 0 <= e.invuln <= 10 and e.invuln == w.rules["enemy_getup_blink"] and e.state == "idle"
    # Danko, knocked down by the thug's kick, gets up with his long blink.
    w2 = world(("thug", 122, 130))
    p2, e2 = me(w2), foes(w2)[0]
    from game.sim.fighter import start_move
    e2.facing = -1
    start_move(w2, e2, "kick")
    while p2.state not in ("knockdown", "down"):
        w2.step((0,))
    _knock_down_and_wait(w2, p2)
    assert p2.invuln >= 30 and p2.invuln == w2.rules["player_getup_blink"]
    assert p.alive


def _hit_stop(move: str, buttons: tuple[int, ...], hp: int = 500) -> int:
    w = world(("thug", 120, 130))
    p, e = me(w), foes(w)[0]
    e.hp = e.max_hp = hp
    for b in buttons:
        while True:
            evs = w.step((b,))
            w.step((0,))
            if p.move == move or any(x.kind == ev.HIT and x.actor == p.eid for x in evs):
                break
    for _ in range(40):
        if p.move == move and p.move_hit:
            break
        w.step((P if move.startswith("punch") else 0,))
    assert p.move == move and p.move_hit, move
    return e.hitstop + 1


def test_hitstop_by_strength_light_medium_finisher():
    assert 6 <= _hit_stop("punch1", (P,)) <= 7
    assert 8 <= _hit_stop("kick", (K,)) <= 10
    assert 12 <= _hit_stop("punch3", (P, P, P)) <= 14


def test_a_thrown_body_lands_hard():
    w = world(("thug", 200, 130))
    from game.sim.controls import grab
    p, e = me(w), foes(w)[0]
    e.x = p.x + 20 * FP
    from game.sim.fighter import set_state
    set_state(e, "hurt", 30)
    grab(w, p, e)
    steps(w, L | P)
    for _ in range(80):
        evs = w.step((0,))
        if any(x.kind == ev.KNOCKDOWN and x.target == e.eid for x in evs):
            break
    assert 12 <= e.hitstop + 1 <= 14


def test_a_jab_pushes_back_four_to_six_pixels():
    w = world(("thug", 120, 130))
    e = foes(w)[0]
    x = e.x
    steps(w, P, idle=30)
    assert 4 * FP <= e.x - x <= 6 * FP


# -- telegraphs and grace ------------------------------------------------------------------------------

def test_no_enemy_reaches_a_player_in_the_first_three_seconds():
    w = World(arena((("thug", 130, 130), ("bather", 70, 130), ("thug", 110, 122))), seed=3)
    assert w.slots[0].grace >= 180
    hits = []
    for _ in range(180):
        hits += [x for x in w.step((0,)) if x.kind == ev.HIT]
    assert not hits
    for _ in range(600):
        hits += [x for x in w.step((0,)) if x.kind == ev.HIT]
    assert hits, "after the grace they do fight"


def test_a_respawned_player_gets_the_same_grace():
    w = world(("thug", 130, 130), ai=True)
    p = me(w)
    p.hp = 1
    while w.slots[0].lives_lost == 0:
        w.step((0,))
    assert w.slots[0].grace >= 170 and p.alive
    hits = []
    for _ in range(170):
        hits += [x for x in w.step((0,)) if x.kind == ev.HIT and x.target == p.eid]
    assert not hits


# -- fairness and space -----------------------------------------------------------------------------------

def test_an_enemy_behind_the_player_comes_round_to_the_front_to_attack():
    w = world(("thug", 60, 130), ai=True)
    p, e = me(w), foes(w)[0]
    for _ in range(400):
        w.step((0,))
        p.facing = 1         # Danko keeps looking right
        if e.state == "attack" and e.anim_tick == 0:
            break
    assert e.state == "attack" and e.x > p.x, "it attacked where Danko could see it"


def test_standing_enemies_step_out_of_each_others_space():
    w = world(("thug", 200, 130), ("thug", 200, 130), ("bather", 201, 131), ai=True)
    w.slots[0].grace = 10_000       # nobody attacks: they only wait
    for _ in range(120):
        w.step((0,))
    es = foes(w)
    for i, a in enumerate(es):
        for b in es[i + 1:]:
            assert abs(a.x - b.x) > 12 * FP or abs(a.y - b.y) > 6 * FP


# -- combos and kills ----------------------------------------------------------------------------------

def test_combo_counts_hits_and_points_then_ends():
    w = world(("thug", 120, 130))
    foes(w)[0].hp = 500
    evs = steps(w, P, 0, 0, 0, 0, 0, 0, P, 0, 0, 0, 0, 0, 0, 0, P, idle=20)
    c = w.combos[0]
    combos = [x for x in evs if x.kind == ev.COMBO]
    assert [x.value for x in combos] == [1, 2, 3] and c.hits == 3
    points = sum(x.value for x in evs if x.kind == ev.SCORE and x.tag == "combo")
    assert c.points == points == w.slots[0].score
    steps(w, idle=w.rules["combo_score_window"])
    assert c.hits == 0 and c.ticks_left == 0


def _chain_damage(char: str) -> int:
    m = World(arena(), seed=1).moveset(char).moves
    return m["punch1"].damage + m["punch2"].damage + m["punch3"].damage


def test_a_regular_enemy_dies_to_a_chain_and_one_more_hit_tough_ones_to_about_two_chains():
    chain = _chain_damage("danko")
    jab = World(arena(), seed=1).moveset("danko").moves["punch1"].damage
    pct = difficulty_table()["normal"].enemy_hp_pct
    for kind in ("thug", "bather", "cleanhead", "thrower"):   # the nurse is a boss now
        hp = enemy_stats()[kind].hp * pct // 100
        assert chain < hp <= chain + 2 * jab, kind
    for kind in ("gangster", "hitman", "gunman", "brute"):
        hp = enemy_stats()[kind].hp * pct // 100
        assert 1.6 * chain <= hp <= 2.4 * chain, kind


def test_finishers_and_throws_still_knock_down():
    m = World(arena(), seed=1).moveset("danko").moves
    assert m["punch3"].knockdown and m["throw"].knockdown and not m["punch1"].knockdown


# -- the feel report ---------------------------------------------------------------------------------------

def test_measuring_feel_changes_nothing():
    level = corridor()
    plain = run(level, seed=5, bot=True, max_ticks=2500)
    meters: list[FeelMeter] = []

    def watch(w: World) -> None:
        if not meters:
            meters.append(FeelMeter(w))
        meters[0].observe(w)

    measured = run(level, seed=5, bot=True, max_ticks=2500, on_tick=watch)
    assert plain.state_hash() == measured.state_hash()
    feel = combine(meters)
    assert set(feel) >= FEEL_KEYS
    assert 0.0 <= feel["unhittable_share"] <= 1.0 and feel["kill_seconds_median"]


def test_the_balance_summary_carries_the_feel_object():
    rows, agg = report(corridor(), [1, 2], max_ticks=3000)
    assert set(agg["feel"]) >= FEEL_KEYS and all(set(r["feel"]) >= FEEL_KEYS for r in rows)


def test_kill_times_count_a_named_variant_apart_from_its_kind():
    w = world(("thug", 130, 130), ("thug", 160, 130))
    plain, leg = foes(w)
    leg.char = "thug_woodleg"           # what flow.spawn_enemy makes of the wooden-leg thug
    meter = FeelMeter(w)
    for v in (plain, leg):
        w.events = [ev.Event(ev.HIT, w.tick, actor=me(w).eid, target=v.eid)]
        w.tick += 1
        meter.observe(w)
    for v in (plain, leg):
        w.events = [ev.Event(ev.DEATH, w.tick, target=v.eid)]
        w.tick += 1
        meter.observe(w)
    feel = combine([meter])
    assert feel["kills"] == {"thug": 1, "thug_woodleg": 1}
