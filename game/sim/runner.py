"""Running a world headless: scripted input, the bot, or a replay's frames."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.sim.fixed import TICKS_PER_SECOND
from game.sim.level import LevelDesc
from game.sim.world import World

#: Default cap for a headless run: 15 minutes of play.
DEFAULT_MAX_TICKS = 15 * 60 * TICKS_PER_SECOND

InputSource = Callable[[World], tuple[int, ...]]


def idle_input(world: World) -> tuple[int, ...]:
    """Nobody touches the controls."""
    return (0,) * world.players


def bot_input(world: World) -> InputSource:
    """An input source where the bot plays every player."""
    from game.sim.bot import Bot

    bots = [Bot(i) for i in range(world.players)]
    return lambda w: tuple(b.decide(w) for b in bots)


def run(level: LevelDesc, *, seed: int = 0, difficulty: str = "normal", players: int = 1,
        max_ticks: int = DEFAULT_MAX_TICKS, bot: bool = False,
        frames: Iterable[tuple[int, ...]] | None = None,
        on_tick: Callable[[World], None] | None = None) -> World:
    """Run until the level ends or ``max_ticks``; inputs from ``frames``, the bot, or nobody."""
    world = World(level, seed=seed, difficulty=difficulty, players=players)
    if frames is not None:
        for frame in frames:
            if world.result is not None or world.tick >= max_ticks:
                break
            world.step(frame)
            if on_tick:
                on_tick(world)
        return world
    source = bot_input(world) if bot else idle_input
    while world.result is None and world.tick < max_ticks:
        world.step(source(world))
        if on_tick:
            on_tick(world)
    return world
