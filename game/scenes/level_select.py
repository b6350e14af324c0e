"""The title menu's level select, open once the campaign has been completed (``progress.json``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.screen import Screen
from game.store.progress import ProgressStore
from game.ui.menu import Menu, MenuItem
from game.ui.text import GOLD, panel, small

if TYPE_CHECKING:
    from game.app import App


def campaign_completed() -> bool:
    """Whether the player has seen the ending (read fresh each time the menu is made)."""
    return ProgressStore().load().campaign_completed


def selectable_levels() -> list[tuple[str, str]]:
    """(level name, title) of every shipped level of the chain, in the film's order."""
    from game.scenes.campaign import level_exists
    from game.sim.campaign import CampaignError, load_chain

    try:
        names = [s.name for s in load_chain() if s.kind == "level"]
    except CampaignError:
        return []
    out = []
    for name in names:
        if not level_exists(name):
            continue
        title = name.upper()
        try:
            from game.cli_levels import load_level

            title = load_level(name).title or title
        except Exception:          # a level that does not load is still offered; playing it says why
            pass
        out.append((name, title))
    return out


def start_at(app: App, level: str, players: int = 1, pad: int | None = None) -> None:
    """A new game that opens at ``level`` (its briefing first), carrying on down the chain from there."""
    from game.scenes.campaign import Campaign
    from game.scenes.cards import briefing_then_level

    app.input.set_players(players)
    campaign = Campaign(players=players, level=level, seed=app.options.seed, p1_pad=pad)
    app.scenes.clear_to(briefing_then_level(app, campaign, level))


class LevelSelectScene(Screen):
    """Pick any campaign level to start from (one player)."""

    overlay = True

    def __init__(self, app: App, pad: int | None = None) -> None:
        super().__init__(app)
        self.levels = selectable_levels()
        items = [MenuItem(title, lambda n=name: start_at(app, n, 1, pad), key=name)
                 for name, title in self.levels]
        self.menu = Menu([*items, MenuItem("BACK", self.go_back, key="back")], 160, 62, spacing=11)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A framed list over the title."""
        h = 26 + 11 * (len(self.levels) + 1)
        panel(canvas, pygame.Rect(70, 44, 180, h))
        small().draw(canvas, "LEVEL SELECT", 160, 48, color=GOLD, align="center")
        self.menu.draw(canvas)
        self.draw_hints(canvas)
