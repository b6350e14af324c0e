"""Hot reload while playing: F5 keeps the clock and health, Shift+F5 starts fresh, a paused game reloads."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pygame

from game.paths import data_root
from game.scenes.play import RELOAD_POLL_TICKS, PlayScene

ROOT = data_root()


def _player(play: PlayScene):
    return play.world.by_id[play.world.slots[0].eid]


def _hurt_and_wait(game, play: PlayScene) -> tuple[int, int]:
    game.key("right", hold=60)
    p = _player(play)
    p.hp -= 25
    play.world.slots[0].ammo = 3
    return play.world.tick, p.hp


def _f5(game, shift: bool = False) -> None:
    code = pygame.key.key_code("f5")
    game.post(pygame.KEYDOWN, key=code, mod=pygame.KMOD_LSHIFT if shift else 0, unicode="", scancode=0)
    game.tick()
    game.post(pygame.KEYUP, key=code, mod=0, unicode="", scancode=0)
    game.tick()


def test_f5_keeps_the_level_clock_and_health(game) -> None:
    play = PlayScene.from_path(game.app, "bathhouse", hot_reload=True)
    game.app.scenes.clear_to(play)
    tick, hp = _hurt_and_wait(game, play)
    assert tick > 60 and hp < _player(play).max_hp
    _f5(game)
    assert game.app.message == "Reloaded bathhouse"
    assert play.world.tick >= tick and _player(play).hp == hp and play.world.slots[0].ammo == 3
    left = play.world.time_left_ticks
    assert left is not None and left < play.level.time_limit * 60 - 60


def test_shift_f5_reloads_for_a_fresh_start(game) -> None:
    play = PlayScene.from_path(game.app, "bathhouse", hot_reload=True)
    game.app.scenes.clear_to(play)
    tick, hp = _hurt_and_wait(game, play)
    _f5(game, shift=True)
    assert game.app.message == "Reloaded bathhouse (fresh start)"
    assert play.world.tick <= 2 < tick and hp < _player(play).hp == _player(play).max_hp


def test_a_file_saved_while_paused_is_applied_under_the_pause_menu(game, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "assets" / "tilesets", tmp_path / "assets" / "tilesets")
    (tmp_path / "levels").mkdir()
    level = tmp_path / "levels" / "bathhouse.tmx"
    shutil.copy(ROOT / "levels" / "bathhouse.tmx", level)
    play = PlayScene.from_path(game.app, str(level), hot_reload=True)
    game.app.scenes.clear_to(play)
    game.tick(5)
    game.key("escape")
    assert game.stack == ["PlayScene", "PauseScene"]
    st = level.stat()
    level.write_text(level.read_text().replace("THE BATHHOUSE", "THE STEAM ROOM"))
    os.utime(level, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    game.tick(RELOAD_POLL_TICKS + 2)
    assert game.stack == ["PlayScene", "PauseScene"]      # still paused
    assert play.level.title == "THE STEAM ROOM" and game.app.message == "Reloaded bathhouse"
