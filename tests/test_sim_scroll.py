"""The scroll edge: a wall behind the players that only moves forward, keeping every player on screen."""

from __future__ import annotations

from game.sim import combat, scroll
from game.sim.actions import Action
from game.sim.fixed import FP
from game.sim.runner import bot_input
from game.sim.testlevel import arena, gauntlet
from game.sim.world import World

P, K, L, R, U, D = (int(Action.PUNCH), int(Action.KICK), int(Action.LEFT), int(Action.RIGHT), int(Action.UP),
                    int(Action.DOWN))
MARGIN = scroll.SCREEN_MARGIN


def player(w: World, i: int = 0):
    return w.by_id[w.slots[i].eid]


def on_screen(w: World, e) -> bool:
    return w.scroll_x + MARGIN <= e.x // FP <= w.scroll_x + scroll.VIEW_W - MARGIN


def test_walking_back_stops_at_the_scroll_edge():
    w = World(arena(cols=80), seed=1)
    for _ in range(300):
        w.step((R,))
    for _ in range(20):
        w.step((0,))               # the edge eases to a stop
    edge = w.scroll_x
    assert edge > 100, "the edge followed the player forward"
    for _ in range(400):
        w.step((L,))
        assert on_screen(w, player(w))
    assert w.scroll_x == edge, "walking back never scrolls back"
    assert player(w).x // FP == edge + MARGIN


def test_a_player_knocked_back_at_the_left_edge_stays_on_screen():
    w = World(arena((("viktor", 600, 130),), cols=80), seed=1)
    w.ai_enabled = False
    for _ in range(300):
        w.step((R,))
    for _ in range(20):
        w.step((0,))
    p, boss = player(w), next(e for e in w.entities if e.kind == "enemy")
    edge = w.scroll_x
    p.x, p.facing = (edge + MARGIN + 4) * FP, 1
    boss.x, boss.y, boss.facing = p.x + 24 * FP, p.y, -1
    dash = w.moveset("viktor").moves["dash"]
    boss.state, boss.move = "attack", "dash"
    combat.apply_hits(w, [(boss, p, dash)])
    assert p.state == "knockdown" and p.vx < 0, "a hard shove towards the edge"
    boss.state, boss.move = "idle", ""
    for _ in range(240):
        w.step((0,))
        assert on_screen(w, p)
        assert w.scroll_x == edge
    assert p.x // FP < edge + MARGIN + 4, "carried back to the edge and stopped there"


def test_scroll_edge_never_decreases_and_keeps_both_players_in_view_over_a_bot_run():
    w = World(gauntlet(), seed=2, players=2)
    source = bot_input(w)
    last = w.scroll_x
    lo, hi = scroll.edge_range(w)
    while w.result is None and w.tick < 30000:
        w.step(source(w))
        assert w.scroll_x >= last, f"the edge went back at tick {w.tick}"
        assert lo <= w.scroll_x <= hi
        if w.lock is not None:
            assert w.scroll_x + scroll.VIEW_W <= w.lock[1] or w.scroll_x == last
        for s in w.slots:
            if not s.out:
                e = w.by_id[s.eid]
                assert w.scroll_x <= e.x // FP <= w.scroll_x + scroll.VIEW_W, f"player {s.index} off screen"
        last = w.scroll_x
    assert w.result == "cleared"
    assert w.scroll_x == hi, "the edge reached the end of the level"


def test_two_players_stay_inside_the_view_and_the_edge_waits_for_the_rear_one():
    w = World(arena(cols=80), seed=1, players=2)
    front, rear = player(w, 0), player(w, 1)
    for _ in range(600):
        w.step((R, L))
        assert on_screen(w, front) and on_screen(w, rear)
    assert w.scroll_x <= rear.x // FP - MARGIN
    assert front.x // FP == w.scroll_x + scroll.VIEW_W - MARGIN, "the front player waits at the right edge"
    edge = w.scroll_x
    for _ in range(300):
        w.step((R, R))
        assert on_screen(w, front) and on_screen(w, rear)
    assert w.scroll_x > edge, "both walking on moves the view"


def test_scroll_edge_is_part_of_the_state_hash():
    a, b = World(arena(), seed=1), World(arena(), seed=1)
    assert a.state_hash() == b.state_hash()
    b.scroll_x += 1
    assert a.state_hash() != b.state_hash()


def test_placing_a_player_after_a_reload_brings_the_view_to_them():
    from game.cli_levels import load_level
    from game.sim.fixed import FP
    from game.sim.world import World

    w = World(load_level("bathhouse"))
    assert w.place_player(0, 700 * FP, 130 * FP, -1)
    p = w.by_id[w.slots[0].eid]
    assert (p.x, p.facing) == (700 * FP, -1)
    assert w.scroll_x * FP < p.x < (w.scroll_x + 320) * FP
    w.step((0,))
    assert p.x == 700 * FP
    assert not w.place_player(0, 700 * FP, 8 * FP, 1)    # into the wall: refused, player unmoved
    assert not w.place_player(0, -5 * FP, 130 * FP, 1)   # off the map: refused
    assert (p.x, p.y) == (700 * FP, 130 * FP)
