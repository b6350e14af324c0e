"""The title screen (logo, blinking PRESS START, Moscow at night) and the main menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.screen import CONFIRM_BITS, Screen
from game.store.files import warn
from game.store.highscores import HighScoreStore
from game.ui.backdrop import Snow, city, logo, moscow_night, searchlights
from game.ui.hints import action_label
from game.ui.menu import Menu, MenuItem
from game.ui.text import DIM, GOLD, WHITE, panel, small

if TYPE_CHECKING:
    from game.app import App

ATTRACT_AFTER_TICKS = 20 * 60   # idle on the title this long and the cabinet starts showing off


class TitleScene(Screen):
    """RED HEAT, PRESS START; after ~20 s idle the attract mode plays a recorded level."""

    music = "title"
    hints = (("start", "START"),)

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.idle = 0
        self.snow = Snow()
        store = HighScoreStore()
        table = store.load()
        if store.problem:   # a damaged table: say so on screen too (once: the title is made again later)
            from game.app import short_notice

            text = short_notice(store.problem, store.path)
            if text not in app.message:
                app.show_notice(f"{app.message}\n{text}" if app.message_ticks else text, 10.0)
        self.best = table.entries[0].score if table.entries else 0

    def resume(self) -> None:
        """Back from the menu or attract mode: count idle time afresh, title music again."""
        super().resume()
        self.idle = 0
        self.play_music("title")

    def handle(self, event: pygame.event.Event) -> None:
        """Any key or button counts as activity."""
        self.latch(event)
        if event.type in (pygame.KEYDOWN, pygame.CONTROLLERBUTTONDOWN, pygame.MOUSEBUTTONDOWN):
            self.idle = 0
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                self.open_menu()

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Start opens the menu; idle long enough starts the attract mode."""
        self.snow.update()
        self.idle += 1
        if pressed & CONFIRM_BITS:
            self.open_menu()
        elif self.idle >= ATTRACT_AFTER_TICKS:
            self.idle = 0
            self.start_attract()

    def open_menu(self) -> None:
        """The main menu over the title."""
        self.sfx("menu_select")
        self.app.scenes.push(MainMenuScene(self.app))

    def start_attract(self) -> None:
        """Play the checked-in recording (quietly skipped when there is none)."""
        from game.scenes.attract import AttractScene, load_attract
        from game.tiled import LevelError

        loaded = load_attract()
        if loaded is not None:
            try:
                scene = AttractScene(self.app, *loaded)
            except (LevelError, ValueError) as e:   # its level's pictures, or settings the rules refuse
                warn(f"attract mode off: {str(e).splitlines()[0]}")
                return
            self.app.scenes.push(scene)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The red night, the logo, the prompt."""
        canvas.blit(moscow_night(), (0, 0))
        searchlights(canvas, self.ticks)
        canvas.blit(city(), (0, 0))
        self.snow.draw(canvas)
        art = logo()
        canvas.blit(art, ((canvas.get_width() - art.get_width()) // 2, 28))
        font = small()
        covered = self.app.scenes.top is not self
        if not covered:
            font.draw(canvas, "MOSCOW  -  CHICAGO", 160, 30 + art.get_height() + 4, color=DIM, align="center")
        if not covered and self.ticks // 30 % 2 == 0:
            font.draw(canvas, f"PRESS START ({action_label(self.app, 'start')})", 160, 112,
                      color=GOLD, align="center")
        font.draw(canvas, f"HI  {self.best}", 160, 6, color=WHITE, align="center")
        if not covered:
            font.draw(canvas, "AN ORIGINAL FAN GAME, 2026", 160, 168, color=DIM, align="center")
        if self.app.message_ticks and self.app.message:
            draw_notice(canvas, self.app.message)


class MainMenuScene(Screen):
    """1 player, 2 players, options, controls, high scores, quit."""

    overlay = True

    def __init__(self, app: App) -> None:
        super().__init__(app)
        from game.scenes.campaign import start_game

        self.menu = Menu([
            MenuItem("1 PLAYER", lambda: start_game(app, 1, self.last_pad), key="1p"),
            MenuItem("2 PLAYERS", lambda: start_game(app, 2, self.last_pad), key="2p"),
            MenuItem("OPTIONS", self.options, key="options"),
            MenuItem("BONUS GAMES", self.bonus_games, key="bonus"),
            MenuItem("CONTROLS", self.controls, key="controls"),
            MenuItem("HIGH SCORES", self.scores, key="scores"),
            MenuItem("QUIT", self.quit, key="quit"),
        ], 160, 90, spacing=11)
        self.add_level_select()

    def add_level_select(self) -> None:
        """Once the campaign has been completed (remembered in progress.json): LEVEL SELECT."""
        from game.scenes.level_select import campaign_completed

        if campaign_completed():
            self.menu.items.insert(2, MenuItem("LEVEL SELECT", self.level_select, key="levels"))
            self.menu.y -= 6

    def level_select(self) -> None:
        """Start from any level of the campaign."""
        from game.scenes.level_select import LevelSelectScene

        self.app.scenes.push(LevelSelectScene(self.app, self.last_pad))

    def bonus_games(self) -> None:
        """Practise the hot coal, the torn bill and the door gallery."""
        from game.scenes.bonus import BonusMenuScene

        self.app.scenes.push(BonusMenuScene(self.app))

    def options(self) -> None:
        """Window, sound, difficulty."""
        from game.scenes.options import OptionsScene

        self.app.scenes.push(OptionsScene(self.app))

    def controls(self) -> None:
        """Key and button remapping."""
        from game.scenes.remap import ControlsScene

        self.app.scenes.push(ControlsScene(self.app))

    def scores(self) -> None:
        """The top ten."""
        from game.scenes.highscores import HighScoreTableScene

        self.app.scenes.push(HighScoreTableScene(self.app, to_title=False))

    def quit(self) -> None:
        """Leave the game."""
        self.app.running = False

    def update(self, inputs: tuple[int, ...]) -> None:
        """The title's snow keeps falling behind the menu."""
        below = self.app.scenes.scenes[-2] if len(self.app.scenes.scenes) > 1 else None
        if isinstance(below, TitleScene):
            below.snow.update()
        super().update(inputs)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A framed menu under the logo (the title draws first)."""
        extra = 11 * (len(self.menu.items) - 7)
        panel(canvas, pygame.Rect(96, 85 - extra // 2, 128, 82 + extra))
        self.menu.draw(canvas)
        self.draw_hints(canvas)


def draw_notice(canvas: pygame.Surface, text: str) -> None:
    """A start-up notice (damaged settings, no sound...) in a dark box near the bottom, wrapped."""
    from game.ui.text import wrap

    font = small()
    lines = wrap(font, text, canvas.get_width() - 16)[:7]
    lh = font.line_height
    top = 160 - lh * len(lines)
    canvas.fill((16, 8, 8), (4, top - 2, canvas.get_width() - 8, lh * len(lines) + 4))
    for i, line in enumerate(lines):
        font.draw(canvas, line, 160, top + i * lh, color=WHITE, align="center")
