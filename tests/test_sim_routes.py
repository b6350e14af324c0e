"""Walking round obstacles: the bot and the enemies find the gap instead of pushing into a wall."""

from __future__ import annotations

import dataclasses

from game.sim.bot import Bot
from game.sim.fighter import blocked
from game.sim.fixed import FP
from game.sim.routes import line_clear, waypoint
from game.sim.testlevel import arena
from game.sim.world import World


def walled() -> World:
    """A pool across the floor from row 6 down; the only way past is along the top row."""
    level = arena(cols=40)
    solid = level.solid.copy()
    solid[6:11, 12:16] = True
    return World(dataclasses.replace(level, solid=solid, player_start=(120, 150)), seed=1)


def test_waypoint_leads_round_a_pool():
    w = walled()
    x, y = 120 * FP, 150 * FP
    goal = (320 * FP, 150 * FP)
    assert not line_clear(w, x, y, *goal)
    for _ in range(400):
        wx, wy = waypoint(w, x, y, *goal)
        # Move like a body does: each axis on its own, stopped by walls.
        nx = x + max(-FP, min(FP, wx - x))
        if not blocked(w, nx, y):
            x = nx
        ny = y + max(-FP, min(FP, wy - y))
        if not blocked(w, x, ny):
            y = ny
        if abs(x - goal[0]) < 2 * FP and abs(y - goal[1]) < 2 * FP:
            break
    assert abs(x - goal[0]) < 2 * FP and abs(y - goal[1]) < 2 * FP


def test_bot_walks_round_a_pool_to_reach_the_exit():
    w = walled()
    bot = Bot(0)
    for _ in range(1200):
        w.step((bot.decide(w),))
        if w.result:
            break
    assert w.result == "cleared"
