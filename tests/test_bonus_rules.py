"""The bonus games' rules: coal timing windows, bill snapping, door outcomes, the payout, turns, the bot."""

from __future__ import annotations

import pytest

from game.sim.actions import Action
from game.sim.bonus import BonusSession, payout, pick
from game.sim.bonus.base import (
    DOWNED,
    FOUL,
    MISS,
    RESULT,
    SHOT_AT,
    SNAP,
    Reward,
    tuning,
)
from game.sim.bonus.bill import BillGame
from game.sim.bonus.coal import CoalGame
from game.sim.bonus.doors import DoorsGame, door_centre
from game.sim.bonus.runner import report, run

PUNCH, KICK, JUMP = int(Action.PUNCH), int(Action.KICK), int(Action.JUMP)


def _to_play(g) -> None:
    while g.play_tick < 0:
        g.step(0)


def _kinds(events) -> list[str]:
    return [e.kind for e in events]


# -- hot coal -------------------------------------------------------------------------------

def _strike_at(g: CoalGame, ticks_from_peak: int) -> int:
    """Wait for the hand, then strike ``ticks_from_peak`` after (negative: before) the meter's peak."""
    while g.recover > 0 or g.ticks_to_peak() != 0:
        g.step(0)
    if ticks_from_peak < 0:       # go round once more and stop short of the peak
        for _ in range(g.period() + ticks_from_peak):
            g.step(0)
    else:
        for _ in range(ticks_from_peak):
            g.step(0)
    g.step(PUNCH)
    g.step(0)
    return g.strikes[-1]


def test_coal_meter_swings_up_to_the_peak_and_back():
    g = CoalGame(seed=1)
    _to_play(g)
    g.phase = 0
    assert g.meter() == 0
    g.phase = g.period() // 2
    assert g.meter() == 1000
    g.phase = g.period() - 1
    assert 0 < g.meter() < 100


def test_coal_timing_windows_grade_each_strike():
    t = tuning()["coal"]
    g = CoalGame(seed=2)
    assert g.grade(1000) == 2 and g.grade(t["perfect"]) == 2
    assert g.grade(t["perfect"] - 1) == 1 and g.grade(t["good"]) == 1
    assert g.grade(t["good"] - 1) == 0 and g.grade(0) == 0
    _to_play(g)
    assert _strike_at(g, 0) == 2, "at the peak: perfect"
    assert _strike_at(g, 5) == 1, "five ticks late: good"
    assert _strike_at(g, -20) == 0, "far too early: weak"
    assert g.cracks == 2 + 1 + 0 and g.coals == 0, "a perfect and a good one crack it, not yet broken"


def test_coal_two_perfect_strikes_break_a_coal_and_the_next_comes():
    t = tuning()["coal"]
    assert 2 * t["cracks"][2] >= t["break_at"] > 2 * t["cracks"][1], "two perfect strikes: yes; two good: no"
    g = CoalGame(seed=3)
    _to_play(g)
    first = g.period()
    _strike_at(g, 0)
    assert g.coals == 0
    _strike_at(g, 0)
    assert g.coals == 1 and g.score == 2 * t["points"][2] + t["smash_points"]
    while g.recover > 0:
        g.step(0)
    assert g.cracks == 0 and g.coal_strikes == [], "a whole new coal"
    assert g.period() < first, "the next coal swings faster"
    assert g.result is None, "the clock, not the coal, ends the game"


def test_coal_runs_on_the_clock_and_grades_by_coals_broken():
    t = tuning()["coal"]
    assert 20 * 60 <= t["ready"] + t["time"] <= 30 * 60, "a bonus round lasts 20-30 seconds"
    results = {}
    for late, label in ((0, "steady"), (5, "good only")):
        g = CoalGame(seed=3)
        _to_play(g)
        while g.result is None:
            while g.result is None and (g.recover > 0 or g.ticks_to_peak() != 0):
                g.step(0)
            for _ in range(late):
                g.step(0)
            g.step(PUNCH)
            g.step(0)
        assert g.play_tick >= g.time_limit, f"{label}: runs until time is up"
        results[label] = (g.coals, g.result)
    assert results["steady"][0] >= t["perfect_coals"] and results["steady"][1] == "perfect", results
    assert t["pass_coals"] <= results["good only"][0] < t["perfect_coals"], results
    assert results["good only"][1] == "passed"


def test_coal_mashing_fails():
    g = CoalGame(seed=4)
    _to_play(g)
    while g.result is None:
        g.step(PUNCH if g.tick % 2 else 0)
    assert g.result == "failed" and g.coals < tuning()["coal"]["pass_coals"]


def test_coal_swing_speeds_up_each_coal():
    periods = tuning()["coal"]["periods"]
    assert periods == sorted(periods, reverse=True) and periods[0] > periods[-1]
    g = CoalGame(seed=5)
    _to_play(g)
    seen = []
    for _ in range(3):
        seen.append(g.period())
        _strike_at(g, 0)
        _strike_at(g, 0)
    assert seen == periods[:3]


# -- torn bill ------------------------------------------------------------------------------

def _carry_to(g: BillGame, x: int, y: int, hold: int = 0) -> None:
    while (g.cx, g.cy) != (x, y):
        bits = hold
        bits |= int(Action.RIGHT) if x > g.cx else int(Action.LEFT) if x < g.cx else 0
        bits |= int(Action.DOWN) if y > g.cy else int(Action.UP) if y < g.cy else 0
        if abs(x - g.cx) < g.t["cursor_speed"] and abs(y - g.cy) < g.t["cursor_speed"]:
            g.cx, g.cy = x, y       # the last pixel or two (the speed steps over it)
            break
        g.step(bits)


def test_bill_scatters_pieces_off_their_places_some_turned():
    g = BillGame(seed=6)
    assert len(g.pieces) == 8
    assert all(abs(p.x - p.tx) + abs(p.y - p.ty) > 2 * g.t["snap"] for p in g.pieces)
    assert any(p.turns for p in g.pieces)


def test_bill_piece_snaps_only_when_close_and_right_way_up():
    g = BillGame(seed=7)
    _to_play(g)
    p = g.pieces[0]
    _carry_to(g, p.x, p.y)
    g.step(PUNCH)
    assert g.held == 0
    g.step(0)
    while p.turns != 0:
        g.step(KICK)
        g.step(0)
    snap = g.t["snap"]
    # far away: no snap
    _carry_to(g, p.tx + snap + 6, p.ty)
    assert not p.placed and g.held == 0
    # turned the wrong way, on the spot: no snap
    g.step(KICK)
    _carry_to(g, p.tx + 2, p.ty - 1)
    g.step(0)
    assert not p.placed and p.turns == 1
    events = g.step(JUMP)          # turn it back: snaps in place at once
    assert p.placed and (p.x, p.y) == (p.tx, p.ty) and g.held == -1
    assert SNAP in _kinds(events)
    assert g.score == g.t["piece_points"]


def test_bill_turning_goes_both_ways_and_drop_leaves_the_piece():
    g = BillGame(seed=8)
    _to_play(g)
    p = next(q for q in g.pieces if q.turns != 0)
    _carry_to(g, p.x, p.y)
    g.step(PUNCH)
    g.step(0)
    before = p.turns
    g.step(KICK)
    g.step(0)
    assert p.turns == (before + 1) % 4
    g.step(JUMP)
    g.step(0)
    assert p.turns == before
    _carry_to(g, 160, 40, 0)
    g.step(PUNCH)
    assert g.held == -1 and not p.placed and (p.x, p.y) == (160, 40)


def test_bill_all_pieces_placed_with_time_to_spare_is_perfect():
    g = BillGame(seed=9)
    _to_play(g)
    for p in g.pieces:       # a perfect player: put each one straight in
        p.turns = 0
        g.held = p.index
        g.cx, g.cy = p.tx, p.ty
        g.step(0)
    assert g.result == "perfect"
    assert g.score >= 8 * g.t["piece_points"]


def test_bill_time_out_fails_and_pays_points_for_pieces_placed():
    g = BillGame(seed=10)
    _to_play(g)
    p = g.pieces[0]
    p.turns, g.held, g.cx, g.cy = 0, 0, p.tx, p.ty
    g.step(0)
    while g.result is None:
        g.step(0)
    assert g.result == "failed"
    assert g.reward() == Reward(points=g.t["piece_points"])


# -- door gallery ---------------------------------------------------------------------------

def _until_open(g: DoorsGame, who: str):
    while True:
        for o in g.open_now():
            if o.who == who:
                return o
        assert g.result is None, f"no {who} opened"
        g.step(0)


def _aim_and_fire(g: DoorsGame, o) -> list:
    g.step(0)
    x0, y0, x1, y1 = o.figure_box()
    g.cx, g.cy = (x0 + x1) // 2, (y0 + y1) // 2
    g.cooldown = 0
    return g.step(PUNCH)


def test_doors_schedule_twelve_openings_with_gunmen_civilians_and_ridzik():
    g = DoorsGame(seed=11)
    whos = [o.who for o in g.openings]
    assert len(whos) == 12 and whos[0] == "gunman"
    lo, hi = g.t["gunmen"]
    assert lo <= whos.count("gunman") <= hi and whos.count("ridzik") == 1 and "civilian" in whos
    starts = [o.start for o in g.openings]
    assert starts == sorted(starts) and g.time_limit <= 25 * 60
    durations = [o.end - o.start for o in g.openings]
    assert durations[0] > durations[-1], "doors stay open shorter as it goes on"


def test_doors_shooting_a_gunman_a_civilian_or_nobody():
    g = DoorsGame(seed=12)
    _to_play(g)
    o = _until_open(g, "gunman")
    ev = _aim_and_fire(g, o)
    assert DOWNED in _kinds(ev) and o.state == "down" and g.downed == 1
    assert g.score >= g.t["gunman_points"]
    score = g.score
    c = _until_open(g, "civilian")
    ev = _aim_and_fire(g, c)
    assert FOUL in _kinds(ev) and c.state == "fouled" and g.fouls == 1
    assert g.score == max(0, score - g.t["innocent_penalty"])
    g.step(0)
    g.cx, g.cy, g.cooldown = 8, 22, 0
    assert MISS in _kinds(g.step(PUNCH))


def test_doors_cooldown_between_shots():
    g = DoorsGame(seed=13)
    _to_play(g)
    g.step(PUNCH)
    g.step(0)
    assert "bonus_fire" not in _kinds(g.step(PUNCH))


def test_doors_a_gunman_left_standing_fires_back():
    g = DoorsGame(seed=14)
    _to_play(g)
    o = _until_open(g, "gunman")
    seen = []
    while o.state == "open":
        seen += _kinds(g.step(0))
    assert SHOT_AT in seen and g.shot_at == 1


def test_doors_outcomes():
    g = DoorsGame(seed=15)
    g.downed, g.fouls = g.gunmen, 0
    assert g.outcome() == "perfect"
    g.fouls = 1
    assert g.outcome() == "passed"
    g.fouls = 2
    assert g.outcome() == "failed"
    g.fouls, g.downed = 0, (g.gunmen * g.t["pass_pct"] + 99) // 100
    assert g.outcome() == "passed"
    g.downed -= 1
    assert g.outcome() == "failed"


def test_door_centres_sit_on_a_six_by_two_wall_inside_the_screen():
    xs = {door_centre(d)[0] for d in range(12)}
    ys = {door_centre(d)[1] for d in range(12)}
    assert len(xs) == 6 and len(ys) == 2 and min(xs) > 16 and max(xs) < 304 and max(ys) < 160


# -- payout ---------------------------------------------------------------------------------

def test_payout_scales_and_never_costs_a_life():
    p = tuning()["payout"]
    assert payout("failed", 90, 1234, 3) == Reward(points=1234)
    half = payout("passed", 50, 500, 3)
    full = payout("passed", 100, 500, 3)
    assert 0 < half.health < full.health == p["health_max"]
    assert 0 < half.bullets <= full.bullets == p["bullets_max"]
    assert half.lives == full.lives == 0
    assert payout("passed", 0, 0, 3).bullets >= 1
    perfect = payout("perfect", 100, 9000, 3)
    assert perfect == Reward(9000, p["health_max"], p["bullets_max"], 1)
    capped = payout("perfect", 100, 9000, p["life_cap"])
    assert capped == Reward(9000 + p["perfect_points"], p["health_max"], p["bullets_max"], 0)
    for r in (half, full, perfect, capped):
        assert r.lives >= 0


@pytest.mark.parametrize("game", ["coal", "bill", "doors"])
def test_no_input_fails_and_pays_nothing(game: str):
    s = run(game, seed=3)
    summary = s.summary()
    assert summary["result"] == "failed"
    assert summary["reward"] == {"points": summary["score"], "health": 0, "bullets": 0, "lives": 0}
    assert s.tick + 120 >= 20 * 60 and s.tick <= 32 * 60, "a bonus game lasts about 20-30 s"


@pytest.mark.parametrize("game", ["coal", "bill", "doors"])
def test_bot_usually_passes_sometimes_perfect_not_always(game: str):
    _, summary = report(game, list(range(1, 21)))
    assert summary["passed"] >= 15, summary
    assert 2 <= summary["perfect"] < 20, summary


@pytest.mark.parametrize("game", ["coal", "bill", "doors"])
def test_same_seed_same_hash_and_layouts_differ_by_seed(game: str):
    a, b, c = run(game, seed=5, bot=True), run(game, seed=5, bot=True), run(game, seed=6, bot=True)
    assert a.state_hash() == b.state_hash() != c.state_hash()


def test_two_players_take_turns_and_each_gets_a_payout():
    s = BonusSession("coal", seed=3, players=2)
    first = s.games[0]
    while s.turn == 0:
        s.step((0, PUNCH))            # player 2's buttons do nothing on player 1's turn
    assert first.result == "failed" and first.strikes == [] and s.result is None
    from game.sim.bonus.bots import SessionBot

    bots = SessionBot(s)
    while s.result is None:
        s.step(bots(s))
    summary = s.summary()
    assert len(summary["rewards"]) == 2 and summary["result"] == "failed"   # the team result: the worst
    assert summary["results"][0] == "failed" and summary["results"][1] in ("passed", "perfect")


def test_result_event_closes_every_attempt():
    s = run("doors", seed=2, bot=True)
    assert s.result in ("perfect", "passed", "failed")
    g = s.games[0]
    assert g.events and g.events[-1].kind == RESULT


def test_pick_resolves_the_bonus_property():
    assert pick("none", 1) is None and pick("", 1) is None
    assert pick("coal", 1) == "coal"
    assert {pick("random", s) for s in range(6)} == {"coal", "bill", "doors"}
