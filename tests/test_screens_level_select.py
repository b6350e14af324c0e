"""The title's level select: hidden until the campaign has been completed (kept in progress.json)."""

from __future__ import annotations

import dataclasses
import json

from game.scenes.campaign import Campaign
from game.scenes.play import RESULT_HOLD_TICKS, PlayScene
from game.sim import testlevel
from game.store.progress import ProgressStore


def menu_keys(game) -> list[str]:
    return [item.key for item in game.top.menu.items]


def test_no_level_select_before_the_campaign_is_completed(game):
    game.key("return")
    assert "levels" not in menu_keys(game)


def test_reaching_the_ending_remembers_it_and_the_title_offers_the_level_select(game, home):
    scene = PlayScene(game.app, dataclasses.replace(testlevel.corridor(), next=""), None,
                      campaign=Campaign(level="builtin:corridor"))
    game.app.scenes.clear_to(scene)
    game.tick()
    scene.world.result = "cleared"
    game.tick(RESULT_HOLD_TICKS + 2)
    game.tick(200)
    assert game.stack == ["EndingScene"]
    saved = json.loads((home / "progress.json").read_text())
    assert saved["campaign_completed"] is True and saved["completions"] == 1
    from game.scenes.campaign import go_to_title

    go_to_title(game.app)
    game.tick()
    game.key("return")
    assert "levels" in menu_keys(game)
    game.top.menu.select_key("levels")
    game.key("z")
    assert game.stack[-1] == "LevelSelectScene"
    keys = menu_keys(game)
    assert keys[:6] == ["bathhouse", "moscow", "chicago", "hospital", "hotel", "station"]
    game.top.menu.select_key("hotel")
    game.key("z")
    assert game.stack == ["StoryCardScene"] and game.top.level == "hotel"


def test_a_designers_level_run_does_not_count_as_completing_the_campaign(game, home):
    scene = PlayScene(game.app, dataclasses.replace(testlevel.corridor(), next=""), None,
                      campaign=Campaign(level="builtin:corridor", hot_reload=True))
    game.app.scenes.clear_to(scene)
    game.tick()
    scene.world.result = "cleared"
    game.tick(RESULT_HOLD_TICKS + 2)
    game.tick(200)
    assert game.stack == ["EndingScene"]
    assert not ProgressStore().load().campaign_completed


def test_a_damaged_progress_file_is_kept_aside_and_reads_as_not_completed(home):
    (home / "progress.json").write_text('{"campaign_completed": "yes"}')
    store = ProgressStore()
    assert store.load().campaign_completed is False
    assert store.problem and "progress" in store.problem
    assert (home / "progress.json.bak").exists()
