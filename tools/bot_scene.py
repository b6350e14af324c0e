"""The play scene with the bot at the controls, for the demo tools (tools/chase_demo.py, tools/outro_demo.py).

The real game (the level's .tmx, the play scene, its renderer, HUD and sound); the bot's inputs replace
the keyboard's unless ``keys`` hands the controls back. ``hold`` keeps the first frame still until Space.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.app import App  # noqa: E402
from game.cli_levels import level_path, load_level  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402
from game.sim.bot import Bot  # noqa: E402

MAX_AHEAD = 60 * 60 * 12   # ticks: give up fast-forwarding after 12 minutes of game time


class BotPlayScene(PlayScene):
    """The play scene with the bot's inputs (or the keyboard's, with ``keys``)."""

    def __init__(self, app: App, level_name: str, seed: int, keys: bool, hold: bool = False) -> None:
        super().__init__(app, load_level(level_name), level_path(level_name), seed=seed)
        self.bots = [Bot(i) for i in range(self.world.players)]
        self.keys = keys
        self.hold = hold

    def handle(self, event: pygame.event.Event) -> None:
        """Space lets a held first frame go."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            self.hold = False
        super().handle(event)

    def bot_step(self) -> None:
        """One step of the rules with the bot's inputs (the pictures fed, nothing drawn)."""
        self.present(self.world.step(tuple(b.decide(self.world) for b in self.bots)))

    def update(self, inputs: tuple[int, ...]) -> None:
        """The bot plays unless the keyboard has the controls."""
        if self.hold:
            self.app.input.take_pause()
            return
        if not self.keys and self.world.result is None:
            inputs = tuple(b.decide(self.world) for b in self.bots)
        super().update(inputs)
