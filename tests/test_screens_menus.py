"""Menus, options and key remapping driven by synthetic keyboard and pad events through the real app loop.

``Driver`` (``tests/screen_driver.py``, shared by every ``test_screens_*`` file) posts pygame events and runs
``app.tick_frame(1/60)`` exactly as the game loop does, under the dummy video driver.
"""

from __future__ import annotations

import json

import pygame
import pytest
from screen_driver import Driver

from game.sim.actions import Action


def test_title_opens_the_main_menu_on_start_and_back_returns(game):
    assert game.stack == ["TitleScene"]
    game.key("return")
    assert game.stack == ["TitleScene", "MainMenuScene"]
    game.key("x")                     # kick = back
    assert game.stack == ["TitleScene"]
    game.key("z")                     # punch also starts
    assert game.stack[-1] == "MainMenuScene"
    game.key("escape")                # Esc = back
    assert game.stack == ["TitleScene"]


def test_main_menu_reaches_every_screen_and_comes_back(game):
    game.key("return")
    expected = {"options": "OptionsScene", "controls": "ControlsScene", "scores": "HighScoreTableScene"}
    for item, scene in expected.items():
        game.top.menu.select_key(item)
        game.key("z")
        assert game.stack[-1] == scene, item
        game.tick(20)                 # the table ignores presses for a moment
        game.key("escape")
        assert game.stack[-1] == "MainMenuScene", item


def test_menu_moves_within_one_frame_and_wraps(game):
    game.key("return")
    assert game.menu_key() == "1p"
    code = pygame.key.key_code("down")
    game.post(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
    game.tick(1)
    assert game.menu_key() == "2p"     # the very frame the key went down
    game.post(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)
    game.tick()
    game.key("up")
    game.key("up")
    assert game.menu_key() == "quit"
    game.key("s")                     # the second keyboard set drives menus as well
    assert game.menu_key() == "1p"


def test_quit_from_the_main_menu_stops_the_app(game):
    game.key("return")
    game.top.menu.select_key("quit")
    game.key("return")
    assert game.app.running is False


def test_a_pad_drives_the_menus_too(game):
    game.app.input.attach_pad(7)
    game.pad(7, "start")
    assert game.stack[-1] == "MainMenuScene"
    game.pad(7, "dpdown")
    assert game.menu_key() == "2p"
    game.pad(7, "y")                  # kick on the pad = back
    assert game.stack == ["TitleScene"]


def test_the_mouse_hovers_and_clicks_menu_items(game):
    game.key("return")
    menu = game.top.menu
    rect = menu.rects[2]
    s = game.app.display.scale
    pos = (rect.centerx * s, rect.centery * s)
    game.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    game.tick()
    assert game.menu_key() == "options"
    game.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    game.tick()
    assert game.stack[-1] == "OptionsScene"


def test_every_screen_shows_key_hints_from_the_current_bindings(game):
    from game.ui.hints import hint_text

    game.key("return")
    text = hint_text(game.app, game.top.hints)
    assert "Z SELECT" in text and "X BACK" in text
    game.app.settings.bindings[0]["keys"]["punch"] = ["q"]
    assert "Q SELECT" in hint_text(game.app, game.top.hints)


# -- options ----------------------------------------------------------------------------------------
def open_options(game: Driver) -> None:
    game.key("return")
    game.top.menu.select_key("options")
    game.key("z")
    assert game.stack[-1] == "OptionsScene"


def saved(home) -> dict:
    return json.loads((home / "settings.json").read_text())


def test_options_apply_at_once_and_are_saved(game, home):
    open_options(game)
    app = game.app
    game.top.menu.select_key("music")
    game.key("left")
    assert app.settings.music_volume == pytest.approx(0.6)
    game.top.menu.select_key("sfx")
    game.key("right")
    assert app.settings.sfx_volume == pytest.approx(0.9)
    game.top.menu.select_key("difficulty")
    game.key("right")
    assert app.settings.difficulty == "hard"
    game.top.menu.select_key("scale")
    before = app.display.window_scale
    game.key("right")
    assert app.display.window_scale >= before and app.settings.scale == app.display.window_scale
    game.top.menu.select_key("fullscreen")
    game.key("z")
    assert app.display.fullscreen is True and app.settings.fullscreen is True
    game.key("z")
    assert app.display.fullscreen is False
    data = saved(home)
    assert data["music_volume"] == pytest.approx(0.6)
    assert data["sfx_volume"] == pytest.approx(0.9)
    assert data["difficulty"] == "hard"


def test_volume_changes_reach_the_mixer_and_blip(home):
    calls = []

    class Mixer:
        def play_sfx(self, name):
            calls.append(("sfx", name))

        def play_music(self, name):
            calls.append(("music", name))

        def set_volumes(self, music, sfx):
            calls.append(("volumes", round(music, 2), round(sfx, 2)))

        def duck(self, on):
            pass

        def update(self):
            pass

        def handle_events(self, events, camera_x):
            pass

    game = Driver()
    game.app.audio = Mixer()
    open_options(game)
    game.top.menu.select_key("sfx")
    calls.clear()
    game.key("left")
    assert ("volumes", 0.7, 0.7) in calls
    assert ("sfx", "menu_move") in calls   # heard at the new volume


def test_volume_stays_between_zero_and_one(game):
    open_options(game)
    game.top.menu.select_key("music")
    for _ in range(12):
        game.key("right")
    assert game.app.settings.music_volume == 1.0
    for _ in range(12):
        game.key("left")
    assert game.app.settings.music_volume == 0.0


def test_settings_survive_a_restart(home):
    game = Driver()
    open_options(game)
    game.top.menu.select_key("difficulty")
    game.key("left")
    assert game.app.settings.difficulty == "easy"
    again = Driver()
    assert again.app.settings.difficulty == "easy"


# -- remapping --------------------------------------------------------------------------------------
def open_controls(game: Driver) -> None:
    game.key("return")
    game.top.menu.select_key("controls")
    game.key("z")
    assert game.stack[-1] == "ControlsScene"


def test_remap_a_key_and_play_with_it(game, home):
    open_controls(game)
    game.top.menu.select_key("punch")
    game.key("z")                             # start waiting for a key
    assert game.top.waiting == "punch"
    game.key("q")                             # the new key
    assert game.top.waiting is None
    assert game.app.settings.bindings[0]["keys"]["punch"] == ["q"]
    assert saved(home)["bindings"][0]["keys"]["punch"] == ["q"]
    # the same press did not also act as a menu press
    assert game.stack[-1] == "ControlsScene"
    # and it plays: Q is punch in the game, Z is nothing any more
    r = game.app.input
    game.post(pygame.KEYDOWN, key=pygame.K_q, mod=0, unicode="q", scancode=0)
    game.tick()
    assert r.pressed() & Action.PUNCH
    game.post(pygame.KEYUP, key=pygame.K_q, mod=0, unicode="", scancode=0)
    game.post(pygame.KEYDOWN, key=pygame.K_z, mod=0, unicode="z", scancode=0)
    game.tick()
    assert not r.pressed() & Action.PUNCH


def test_a_conflicting_key_is_refused_with_a_message_naming_its_use(game):
    open_controls(game)
    game.top.menu.select_key("punch")
    game.key("z")
    game.key("x")                             # X is player 1's kick
    scene = game.top
    assert scene.waiting == "punch"           # still waiting: refused
    assert "X IS P1 KICK" in scene.message
    assert game.app.settings.bindings[0]["keys"]["punch"] == ["z"]
    assert game.app.settings.bindings[0]["keys"]["kick"] == ["x"]


def test_pressing_the_conflicting_key_again_swaps(game):
    open_controls(game)
    game.top.menu.select_key("punch")
    game.key("z")
    game.key("k")                             # player 2's kick
    game.key("k")                             # insist: swap
    b = game.app.settings.bindings
    assert b[0]["keys"]["punch"] == ["k"]
    assert b[1]["keys"]["kick"] == ["z"]
    assert "SWAPPED" in game.top.message


def test_reserved_keys_are_refused_and_escape_cancels(game):
    open_controls(game)
    game.top.menu.select_key("jump")
    game.key("z")
    game.key("f5")                            # F11 and F12 never reach a screen; F5 reloads levels
    assert "RESERVED" in game.top.message and game.top.waiting == "jump"
    game.key("escape")
    assert game.top.waiting is None and game.stack[-1] == "ControlsScene"
    assert game.app.settings.bindings[0]["keys"]["jump"] == ["c"]


def test_pad_buttons_are_remapped_per_player_and_reset_to_defaults(game):
    game.app.input.attach_pad(3)
    open_controls(game)
    game.top.menu.select_key("page")
    game.key("right")                         # P1 GAMEPAD
    assert (game.top.player, game.top.device) == (0, "pad")
    game.top.menu.select_key("special")
    game.key("z")
    game.pad(3, "rightshoulder")
    assert game.app.settings.bindings[0]["pad"]["special"] == ["rightshoulder"]
    game.pad(3, "rightshoulder")              # now it is special in play
    game.top.menu.select_key("reset")
    game.key("z")
    assert game.app.settings.bindings[0]["pad"]["special"] == ["b"]
    assert "RESET" in game.top.message


def test_player_two_keyboard_page_remaps_player_two(game):
    open_controls(game)
    game.top.menu.select_key("page")
    game.key("right")
    game.key("right")
    assert (game.top.player, game.top.device) == (1, "keys")
    game.top.menu.select_key("jump")
    game.key("z")
    game.key("m")
    assert game.app.settings.bindings[1]["keys"]["jump"] == ["m"]
    assert game.app.settings.bindings[0]["keys"]["jump"] == ["c"]


def test_a_tap_shorter_than_a_frame_still_counts(game):
    game.key("return")
    code = pygame.key.key_code("down")
    game.post(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)
    game.post(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)   # both before the next frame
    game.tick()
    assert game.menu_key() == "2p"
