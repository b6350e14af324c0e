"""Attract mode: after ~20 s idle the title plays the checked-in replay through the real Stage."""

from __future__ import annotations

from game.scenes.attract import AttractScene, attract_path, load_attract
from game.scenes.title import ATTRACT_AFTER_TICKS

RERECORD = ("python main.py sim bathhouse --bot --seed 3 --ticks 2700 "
            "--record assets/replays/attract.json")



def test_the_attract_replay_is_checked_in_and_loads():
    assert attract_path().exists()
    loaded = load_attract()
    assert loaded is not None
    replay, level, _ = loaded
    assert replay.level == level.name and replay.ticks > 600


def test_attract_mode_ends_in_the_recorded_state_hash(game):
    replay, level, path = load_attract()
    scene = AttractScene(game.app, replay, level, path)
    game.app.scenes.push(scene)
    while not scene.finished:
        game.tick()
    assert scene.world.tick == replay.ticks
    assert scene.world.state_hash() == replay.final_hash, (
        f"the rules or the level changed since the attract replay was recorded; re-record it: {RERECORD}")
    game.tick(130)
    assert game.stack == ["TitleScene"]          # back to the title after the last picture


def test_idle_title_starts_attract_and_any_key_returns(game):
    game.tick(ATTRACT_AFTER_TICKS - 10)
    assert game.stack == ["TitleScene"]
    game.tick(12)
    assert game.stack == ["TitleScene", "AttractScene"]
    demo = game.top
    game.tick(30)
    assert demo.world.tick > 20                  # it is playing
    game.key("k")                                # any key at all
    assert game.stack == ["TitleScene"]
    assert game.top.idle < 5                     # and the idle count starts again


def test_pressing_keys_on_the_title_keeps_the_demo_away(game):
    for _ in range(3):
        game.tick(ATTRACT_AFTER_TICKS // 2)
        game.key("down")
    assert game.stack == ["TitleScene"]
