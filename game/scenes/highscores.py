"""The high-score table and the three-letter initials entry (keyboard letters or up/down on a pad)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.campaign import Campaign, go_to_title
from game.scenes.screen import CONFIRM_BITS, Screen
from game.sim.actions import Action
from game.store.highscores import INITIALS_ALPHABET, INITIALS_LEN, HighScores, HighScoreStore
from game.ui.backdrop import Snow, moscow_night
from game.ui.menu import BACK_BITS
from game.ui.text import DIM, GOLD, RED, WHITE, panel, small, title

if TYPE_CHECKING:
    from game.app import App

PLAYER_NAMES = ("DANKO", "RIDZIK")


def after_game(app: App, campaign: Campaign) -> None:
    """At the end of a game: initials for every player whose best score makes the table, then the table."""
    store = HighScoreStore()
    table = store.load()
    queue = [i for i in range(campaign.players) if table.qualifies(campaign.best_scores[i])]
    queue.sort(key=lambda i: -campaign.best_scores[i])   # the better score takes the higher place
    if queue:
        app.scenes.clear_to(HighScoreEntryScene(app, campaign, store, table, queue))
    else:
        app.scenes.clear_to(HighScoreTableScene(app, table))


class HighScoreEntryScene(Screen):
    """NEW HIGH SCORE: pick three letters; up/down change, right or punch accepts, left or kick goes back."""

    hints = (("up/down", "LETTER"), ("punch", "OK"), ("kick", "DEL"))
    music = "highscore"

    def __init__(self, app: App, campaign: Campaign, store: HighScoreStore, table: HighScores,
                 queue: list[int]) -> None:
        super().__init__(app)
        self.campaign, self.store, self.table, self.queue = campaign, store, table, list(queue)
        self.player = self.queue[0]
        self.letters = [0] * INITIALS_LEN      # indexes into INITIALS_ALPHABET
        self.cursor = 0
        self.snow = Snow(50)
        self.rank: int | None = None
        self.typed = False

    @property
    def initials(self) -> str:
        """The letters chosen so far."""
        return "".join(INITIALS_ALPHABET[i] for i in self.letters)

    @property
    def score(self) -> int:
        """The score being entered."""
        return self.campaign.best_scores[self.player]

    def handle(self, event: pygame.event.Event) -> None:
        """Typing a letter on the keyboard sets it and moves on; Backspace goes back."""
        self.latch(event)
        if event.type != pygame.KEYDOWN:
            return
        if event.key == pygame.K_BACKSPACE:
            self.cursor = max(0, self.cursor - 1)
            self.typed = True
            return
        ch = (getattr(event, "unicode", "") or "").upper()
        if ch and ch in INITIALS_ALPHABET and ch != " ":
            self.letters[self.cursor] = INITIALS_ALPHABET.index(ch)
            # the same key may also be a game action (Z is punch): that press must not count twice
            self.typed = True
            self.advance()

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Pad and arrow keys: cycle letters, accept, delete."""
        self.snow.update()
        if self.typed:
            self.typed = False
            return
        n = len(INITIALS_ALPHABET)
        if pressed & Action.UP:
            self.letters[self.cursor] = (self.letters[self.cursor] + 1) % n
            self.sfx("menu_move")
        elif pressed & Action.DOWN:
            self.letters[self.cursor] = (self.letters[self.cursor] - 1) % n
            self.sfx("menu_move")
        elif pressed & (CONFIRM_BITS | Action.RIGHT):
            self.sfx("menu_select")
            self.advance()
        elif back or pressed & (BACK_BITS | Action.LEFT):
            self.sfx("menu_back")
            self.cursor = max(0, self.cursor - 1)

    def advance(self) -> None:
        """Next letter; after the last one the entry is saved."""
        if self.cursor < INITIALS_LEN - 1:
            self.cursor += 1
            self.letters[self.cursor] = self.letters[self.cursor - 1]
            return
        self.rank = self.table.insert(self.initials, self.score, self.campaign.last_level_reached)
        self.store.save(self.table)
        self.queue.pop(0)
        if self.queue:
            self.app.scenes.replace(HighScoreEntryScene(self.app, self.campaign, self.store, self.table,
                                                        self.queue))
        else:
            self.app.scenes.replace(HighScoreTableScene(self.app, self.table, highlight=self.rank))

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The score, three big letters with the current one blinking."""
        canvas.blit(moscow_night(), (0, 0))
        self.snow.draw(canvas)
        panel(canvas, pygame.Rect(40, 18, 240, 140))
        title().draw(canvas, "NEW HIGH SCORE", 160, 26, align="center")
        font = small()
        font.draw(canvas, f"{PLAYER_NAMES[self.player]}  {self.score}", 160, 54, color=WHITE, align="center")
        font.draw(canvas, "ENTER YOUR INITIALS", 160, 70, color=DIM, align="center")
        big = title()
        for i, ch in enumerate(self.initials):
            x = 124 + i * 36
            on = i == self.cursor
            if not on or self.ticks // 12 % 2 == 0:
                big.draw(canvas, ch if ch != " " else "-", x, 92, align="center")
            pygame.draw.rect(canvas, GOLD if on else RED, (x - 10, 114, 20, 2))
        font.draw(canvas, "TYPE A LETTER, OR UP/DOWN", 160, 130, color=DIM, align="center")
        self.draw_hints(canvas)


class HighScoreTableScene(Screen):
    """The top ten, the newest entry blinking; any button goes back."""

    hints = (("punch", "OK"), ("kick", "BACK"))
    music = "highscore"

    def __init__(self, app: App, table: HighScores | None = None, highlight: int | None = None,
                 to_title: bool = True) -> None:
        super().__init__(app)
        self.table = table if table is not None else HighScoreStore().load()
        self.highlight = highlight
        self.to_title = to_title
        self.snow = Snow(50)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Any confirm or back leaves (after a moment, so the press that ended the entry does not)."""
        self.snow.update()
        if self.ticks < 20:
            return
        if back or pressed & (CONFIRM_BITS | BACK_BITS):
            self.sfx("menu_back")
            if self.to_title:
                go_to_title(self.app)
            else:
                self.app.scenes.pop()

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """Ranks, initials, scores and the level reached."""
        canvas.blit(moscow_night(), (0, 0))
        self.snow.draw(canvas)
        panel(canvas, pygame.Rect(44, 6, 232, 158))
        title().draw(canvas, "HIGH SCORES", 160, 12, align="center")
        font = small()
        for i, e in enumerate(self.table.entries):
            y = 38 + i * 12
            if i == self.highlight and self.ticks // 10 % 2:
                continue
            color = GOLD if i == self.highlight else (WHITE if i else GOLD)
            font.draw(canvas, f"{i + 1:>2}.", 78, y, color=DIM, align="right")
            font.draw(canvas, e.initials, 86, y, color=color)
            font.draw(canvas, str(e.score), 180, y, color=color, align="right")
            font.draw(canvas, e.level.upper()[:10], 192, y, color=DIM)
        self.draw_hints(canvas)
