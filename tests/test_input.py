"""Devices become per-player action bits: keyboard, game controllers, unplug and replug."""

import pygame
import pytest

from game.input.router import STICK_DEADZONE, InputRouter
from game.sim.actions import Action
from game.store.settings import Settings


@pytest.fixture(autouse=True)
def _pygame():
    pygame.init()
    yield


def key(t, k):
    return pygame.event.Event(t, key=k, mod=0, unicode="", scancode=0)


def down(k):
    return key(pygame.KEYDOWN, k)


def up(k):
    return key(pygame.KEYUP, k)


def pad_button(t, iid, button):
    return pygame.event.Event(t, instance_id=iid, button=button)


def test_default_keys_map_to_actions():
    r = InputRouter(Settings())
    for ev in (down(pygame.K_RIGHT), down(pygame.K_z)):
        r.handle(ev)
    assert r.frame() == (Action.RIGHT | Action.PUNCH,)
    r.handle(up(pygame.K_z))
    assert r.frame() == (Action.RIGHT,)


def test_wasd_and_jkl_also_drive_player_one_in_a_one_player_game():
    r = InputRouter(Settings(), players=1)
    for k in (pygame.K_a, pygame.K_j, pygame.K_l):
        r.handle(down(k))
    assert r.frame() == (Action.LEFT | Action.PUNCH | Action.JUMP,)


def test_two_players_on_one_keyboard_are_separate():
    r = InputRouter(Settings(), players=2)
    r.handle(down(pygame.K_LEFT))
    r.handle(down(pygame.K_d))
    r.handle(down(pygame.K_k))
    assert r.frame() == (Action.LEFT, Action.RIGHT | Action.KICK)


def test_pressed_reports_edges_only_once():
    r = InputRouter(Settings())
    r.handle(down(pygame.K_RETURN))
    r.frame()
    assert r.pressed() & Action.START
    r.frame()
    assert not r.pressed() & Action.START


def test_escape_requests_pause_once():
    r = InputRouter(Settings())
    r.handle(down(pygame.K_ESCAPE))
    assert r.take_pause() and not r.take_pause()


def test_rebinding_applies_at_once():
    s = Settings()
    s.bindings[0]["keys"]["punch"] = ["q"]
    r = InputRouter(s)
    r.handle(down(pygame.K_q))
    assert r.frame() == (Action.PUNCH,)
    r.handle(up(pygame.K_q))
    r.handle(down(pygame.K_z))
    assert r.frame() == (0,)


def test_controller_buttons_and_stick():
    r = InputRouter(Settings(), players=2)
    assert r.attach_pad(42) == 0
    r.handle(pad_button(pygame.CONTROLLERBUTTONDOWN, 42, pygame.CONTROLLER_BUTTON_X))
    r.handle(pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=42,
                                axis=pygame.CONTROLLER_AXIS_LEFTX, value=STICK_DEADZONE + 10))
    assert r.frame() == (Action.PUNCH | Action.RIGHT, 0)


def test_controller_unplugged_mid_game_releases_and_replug_takes_the_free_slot():
    r = InputRouter(Settings(), players=2)
    r.attach_pad(1)          # player 1's pad
    r.attach_pad(2)          # player 2's pad
    r.handle(pad_button(pygame.CONTROLLERBUTTONDOWN, 2, pygame.CONTROLLER_BUTTON_DPAD_LEFT))
    assert r.frame() == (0, Action.LEFT)
    r.handle(pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=2))
    assert r.frame() == (0, 0)  # nothing stays held
    # events from the gone pad are ignored, the game keeps going
    r.handle(pad_button(pygame.CONTROLLERBUTTONDOWN, 2, pygame.CONTROLLER_BUTTON_A))
    assert r.frame() == (0, 0)
    assert r.attach_pad(3) == 1  # replugged (new instance id) -> back to player 2
    r.handle(pad_button(pygame.CONTROLLERBUTTONDOWN, 3, pygame.CONTROLLER_BUTTON_A))
    assert r.frame() == (0, Action.JUMP)


def test_a_pad_that_cannot_be_opened_is_a_warning_not_a_crash(capsys):
    r = InputRouter(Settings())
    r.handle(pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=99))
    assert r.pads == {}
    assert "controller" in capsys.readouterr().err


def test_focus_loss_releases_everything():
    r = InputRouter(Settings())
    r.handle(down(pygame.K_RIGHT))
    r.handle(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    assert r.frame() == (0,)


def test_unknown_key_name_in_settings_is_ignored_with_a_warning(capsys):
    s = Settings()
    s.bindings[0]["keys"]["punch"] = ["no-such-key", "z"]
    r = InputRouter(s)
    r.handle(down(pygame.K_z))
    assert r.frame() == (Action.PUNCH,)
    assert "no-such-key" in capsys.readouterr().err


def test_a_tap_shorter_than_one_step_still_counts():
    r = InputRouter(Settings())
    r.handle(down(pygame.K_z))
    r.handle(up(pygame.K_z))
    assert r.frame() == (Action.PUNCH,)
    assert r.frame() == (0,)


def test_a_pad_tap_shorter_than_one_step_still_counts():
    r = InputRouter(Settings())
    r.attach_pad(7)
    r.handle(pad_button(pygame.CONTROLLERBUTTONDOWN, 7, pygame.CONTROLLER_BUTTON_A))
    r.handle(pad_button(pygame.CONTROLLERBUTTONUP, 7, pygame.CONTROLLER_BUTTON_A))
    assert r.frame() == (Action.JUMP,)
    assert r.frame() == (0,)
