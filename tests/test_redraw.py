"""Drawing only as often as it helps: the loop follows the display's refresh rate, and still screens
(pause, options) are not drawn again until something changes. Counted in frames over simulated time,
never timed."""

from __future__ import annotations

import pygame
import pytest
from screen_driver import Driver

from game.app import App, LaunchOptions


class SimulatedTime:
    """Stands in for the pacer's clock and sleep: the loop runs as fast as the test, in simulated time."""

    def __init__(self, app: App, seconds: float) -> None:
        self.app, self.seconds = app, seconds
        self.now = 0.0
        app.pacer.clock, app.pacer.sleep = self.clock, self.sleep

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        if self.now >= self.seconds - 1e-9 and self.app.running:
            self.app.running = False
            self.world_tick = self.app.scenes.top.world.tick


def _refresh(monkeypatch: pytest.MonkeyPatch, current: int, desktop: list[int]) -> None:
    monkeypatch.setattr(pygame.display, "get_current_refresh_rate", lambda: current)
    monkeypatch.setattr(pygame.display, "get_desktop_refresh_rates", lambda: desktop)


@pytest.mark.parametrize(("current", "desktop", "expected"), [
    (144, [60], 144),        # the window's own display mode wins
    (0, [75], 75),           # else the desktop's
    (0, [0], 60),            # unknown: 60
])
def test_the_loop_runs_at_the_refresh_rate_the_display_reports(home, monkeypatch, current, desktop, expected):
    _refresh(monkeypatch, current, desktop)
    app = App(LaunchOptions(level="builtin:corridor", mute=True, scale=1))
    assert app.pacer.rate == expected
    time = SimulatedTime(app, 1.0)
    app.run()                                   # the real loop, one simulated second
    assert expected - 1 <= app.scenes.draws <= expected + 1    # play interpolates: every refresh drawn
    assert 59 <= time.world_tick <= 61                         # and the logic still runs at 60 Hz


def test_an_fps_cap_lowers_the_rate(home, monkeypatch):
    _refresh(monkeypatch, 144, [144])
    app = App(LaunchOptions(level="builtin:corridor", mute=True, scale=1, fps_cap=50))
    assert app.pacer.rate == 50


def test_a_display_change_asks_the_rate_again(home, monkeypatch):
    _refresh(monkeypatch, 60, [60])
    app = App(LaunchOptions(level="builtin:corridor", mute=True, scale=1))
    _refresh(monkeypatch, 120, [120])
    app.handle_global(pygame.event.Event(pygame.WINDOWDISPLAYCHANGED, display_index=1))
    assert app.pacer.rate == 120


def _frames(game: Driver, count: int, seconds: float = 1 / 120) -> int:
    """Draws over ``count`` frames of a 120 Hz display with no input."""
    before = game.app.scenes.draws
    for _ in range(count):
        game.app.tick_frame(seconds)
    return game.app.scenes.draws - before


def test_a_paused_level_is_not_drawn_again_until_the_player_acts(home):
    game = Driver(level="builtin:corridor")
    assert _frames(game, 10) == 10              # playing: every displayed frame, interpolated
    game.key("escape")
    assert game.stack[-1] == "PauseScene"
    assert _frames(game, 240) == 0              # two seconds paused, nothing moves: nothing drawn
    game.key("down")
    assert game.top.menu.current.key == "restart"
    assert _frames(game, 240) == 0
    drawn = game.app.display.canvas.copy()
    game.app.scenes.invalidate()
    _frames(game, 1)
    assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(game.app.display.canvas, "RGB")
    game.key("escape")                          # resume: the level moves again
    assert game.stack[-1] == "PlayScene"
    assert _frames(game, 10) == 10


def test_the_menu_draws_its_cursor_as_soon_as_it_moves(home):
    game = Driver(level="builtin:corridor")
    game.key("escape")
    before = game.app.display.canvas.copy()
    code = pygame.key.key_code("down")
    game.post(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
    drawn = _frames(game, 1, 1 / 60)
    assert drawn == 1
    assert pygame.image.tobytes(before, "RGB") != pygame.image.tobytes(game.app.display.canvas, "RGB")


def test_a_still_options_screen_is_drawn_only_on_input(game):
    game.key("return")
    game.top.menu.select_key("options")
    game.key("z")
    assert game.stack[-1] == "OptionsScene"
    assert _frames(game, 120, 1 / 60) == 0
    game.key("down")                            # a tap: drawn on the press (and its release)
    assert _frames(game, 120, 1 / 60) == 0


def test_the_title_draws_once_per_logic_step_not_per_refresh(game):
    assert game.stack == ["TitleScene"]
    # a 120 Hz display: 240 refreshes are 120 logic steps; the snow moves once a step
    assert _frames(game, 240) == 120


def test_a_blinking_prompt_draws_only_when_it_blinks(home, monkeypatch):
    game = Driver(level="builtin:corridor")
    play = game.top
    play.world.result = "dead"                  # the level is lost: game over after a moment
    game.tick(80)
    assert game.stack[-1] == "GameOverScene"
    # 2 s of the continue countdown: the prompt blinks every 15 steps, the count every 60
    assert _frames(game, 120, 1 / 60) == 120 // 15


def test_the_level_card_draws_only_when_its_prompt_blinks(home):
    from game.scenes.campaign import Campaign
    from game.scenes.cards import LevelCardScene

    game = Driver()
    game.app.scenes.push(LevelCardScene(game.app, Campaign(players=1, level="bathhouse"), "bathhouse"))
    game.tick(1)
    assert _frames(game, 100, 1 / 60) == 100 // 20


def test_level_clear_draws_once_more_when_its_prompt_appears(home):
    game = Driver(level="builtin:corridor")
    game.top.world.result = "cleared"
    game.tick(76)                                # the last blow stays a moment, then the banner
    assert game.stack[-1] == "LevelClearScene"
    assert _frames(game, 60, 1 / 60) == 1        # at step 31 the CONTINUE prompt shows


def test_on_linux_the_window_skips_the_opengl_framebuffer_unless_the_user_chose(monkeypatch):
    import os
    import sys

    from game.render.screen import prefer_native_framebuffer

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    prefer_native_framebuffer()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "0"
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "opengl")
    prefer_native_framebuffer()
    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "opengl"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION")
    prefer_native_framebuffer()
    assert "SDL_FRAMEBUFFER_ACCELERATION" not in os.environ


def test_a_level_loads_its_enemies_sheets_before_they_appear(home):
    """Decoding a sheet mid-fight is a hitch: the stage loads every enemy kind of the level up front."""
    from game.cli_levels import level_path, load_level
    from game.render.stage import Stage

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    level = load_level("bathhouse")
    stage = Stage(level, level_path("bathhouse"))
    kinds = {s.kind for s in level.enemies}
    assert kinds and kinds <= {name for name, sheet in stage.actors._sheets.items() if sheet is not None}
