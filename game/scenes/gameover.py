"""Game over: a 9-second continue countdown over the frozen level, then the high scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.campaign import CONTINUE_SECONDS, Campaign
from game.scenes.screen import CONFIRM_BITS, Screen
from game.ui.menu import BACK_BITS
from game.ui.text import DIM, GOLD, RED, WHITE, shade, small, title

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.play import PlayScene

TICKS_PER_COUNT = 60


class GameOverScene(Screen):
    """CONTINUE? 9..0: START continues (the level again, scores to 0); kick or time running out ends it."""

    overlay = True
    redraw_every = 15     # the prompt blinks every 15 steps and the count changes every 60
    hints = (("start", "CONTINUE"), ("kick", "GIVE UP"))
    music = "gameover"

    def __init__(self, app: App, campaign: Campaign, play: PlayScene) -> None:
        super().__init__(app)
        self.campaign = campaign
        self.play = play
        self.reason = play.world.result or "died"
        self.count_ticks = CONTINUE_SECONDS * TICKS_PER_COUNT

    @property
    def count(self) -> int:
        """The number shown: 9 down to 1, then it is over (9 seconds in all)."""
        return -(-self.count_ticks // TICKS_PER_COUNT)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Count down; a confirm continues, back gives up, and so does reaching zero."""
        before = self.count
        self.count_ticks -= 1
        if self.count_ticks <= 0:
            self.give_up()
            return
        if self.count != before:
            self.sfx("menu_move")
        if self.ticks < 20:          # a moment so a late punch does not continue by accident
            return
        if pressed & CONFIRM_BITS:
            self.sfx("menu_select")
            self.continue_game()
        elif back or pressed & BACK_BITS:
            self.give_up()

    def continue_game(self) -> None:
        """The same level again with fresh lives; the scores start over (see campaign.py)."""
        from game.scenes.cards import LevelCardScene

        self.campaign.continue_game(self.play.world)
        self.app.scenes.clear_to(LevelCardScene(self.app, self.campaign, self.campaign.level))

    def give_up(self) -> None:
        """The end: high-score entry when a score made the table, then the table."""
        from game.scenes.highscores import after_game

        self.campaign.note_scores(self.play.world)
        after_game(self.app, self.campaign)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """GAME OVER (or TIME UP), the big count, the scores."""
        shade(canvas, color=(24, 0, 0, 190))
        title().draw(canvas, "TIME UP" if self.reason == "timeout" else "GAME OVER", 160, 34, align="center")
        font = small()
        font.draw(canvas, "CONTINUE?", 160, 66, color=WHITE, align="center")
        big = title()
        digit = pygame.transform.scale_by(big.render(str(self.count)), 2)
        canvas.blit(digit, (160 - digit.get_width() // 2, 80))
        if self.ticks // 15 % 2 == 0:
            font.draw(canvas, "PRESS START", 160, 124, color=GOLD, align="center")
        for slot in self.play.world.slots:
            font.draw(canvas, f"{slot.name.upper()} {slot.score}", 60 + 200 * slot.index, 140,
                      color=DIM, align="center")
        if self.campaign.continues:
            font.draw(canvas, f"CONTINUES USED {self.campaign.continues}", 160, 150, color=RED,
                      align="center")
        self.draw_hints(canvas)
