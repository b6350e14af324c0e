"""The exit scene in the real app loop: START (Enter) skips it instead of pausing; the level-clear card
follows it, played out or skipped."""

from __future__ import annotations

from game.scenes.campaign import Campaign
from game.scenes.play import RESULT_HOLD_TICKS, PlayScene
from game.sim import outro
from tests.test_sim_outro import _fight_done, _level


def _play_outro(game) -> PlayScene:
    level = _level("viktor_key")
    scene = PlayScene(game.app, level, None, campaign=Campaign(level="builtin:corridor"))
    game.app.scenes.clear_to(scene)
    game.tick()
    _fight_done(scene.world)
    return scene


def test_enter_skips_the_scene_and_never_pauses(game):
    play = _play_outro(game)
    game.key("return")                      # too early to skip: and no pause either
    assert game.stack == ["PlayScene"] and play.world.result is None
    game.tick(outro.SKIP_AFTER)
    game.key("return")
    assert game.stack == ["PlayScene"] and play.world.result == "cleared" and play.world.outro.skipped
    game.tick(RESULT_HOLD_TICKS // 2)       # a skipped scene cuts to the card at once
    assert game.stack == ["PlayScene", "LevelClearScene"]


def test_a_scene_played_out_leads_to_the_level_clear_card(game):
    play = _play_outro(game)
    for _ in range(outro.MAX_TICKS):
        if play.world.result is not None:
            break
        game.tick()
    assert play.world.result == "cleared" and not play.world.outro.skipped
    game.tick(RESULT_HOLD_TICKS + 2)
    assert game.stack[-1] == "LevelClearScene"


def test_escape_still_pauses_during_the_scene(game):
    _play_outro(game)
    game.key("escape")
    assert game.stack == ["PlayScene", "PauseScene"]
