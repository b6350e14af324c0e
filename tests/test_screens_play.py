"""The flow around the fighting: story and level cards, pause, focus loss, joining, game over, continue,
high-score entry and the ending, driven by synthetic events through the real app loop."""

from __future__ import annotations

import dataclasses

import pygame
import pytest
from screen_driver import Driver

from game.scenes.campaign import CONTINUE_SECONDS, Campaign
from game.scenes.play import RESULT_HOLD_TICKS, PlayScene
from game.sim import testlevel
from game.sim.fixed import FP
from game.sim.world import World
from game.store.highscores import HighScoreStore


def start_play(game: Driver, players: int = 1) -> PlayScene:
    """Title -> menu -> N players -> skip the story -> start from the level card."""
    game.key("return")
    game.top.menu.select_key("1p" if players == 1 else "2p")
    game.key("z")
    assert game.stack == ["StoryCardScene"]
    game.key("escape")                 # story cards are skippable
    assert game.stack == ["LevelCardScene"]
    game.key("z")
    assert game.stack == ["PlayScene"]
    return game.top


def play_level(game: Driver, level_next: str = "") -> PlayScene:
    """Straight into the corridor test level (optionally followed by another level)."""
    level = dataclasses.replace(testlevel.corridor(), next=level_next)
    scene = PlayScene(game.app, level, None, campaign=Campaign(level="builtin:corridor"))
    game.app.scenes.clear_to(scene)
    game.tick()
    return scene


def end_level(game: Driver, scene: PlayScene, result: str) -> None:
    """The level ends (as the rules would set it) and the result has had time to sink in."""
    scene.world.result = result
    game.tick(RESULT_HOLD_TICKS + 2)


def test_a_new_game_shows_the_story_card_then_the_level_card(game):
    game.key("return")
    game.key("z")                      # 1 PLAYER
    card = game.top
    assert type(card).__name__ == "StoryCardScene" and card.card.speaker == "ridzik"
    game.key("z")                      # first press shows all the text
    assert card.revealed and game.top is card
    game.key("z")                      # second press goes on
    assert game.stack == ["LevelCardScene"]
    assert game.top.desc.name == "bathhouse"
    game.tick(200)                     # the level card starts the level by itself too
    assert game.stack == ["PlayScene"]


def test_pause_and_resume_keep_the_worlds_state_hash(game):
    play = start_play(game)
    game.tick(30)
    game.key("escape")
    assert game.stack == ["PlayScene", "PauseScene"]
    paused_tick, paused_at = play.world.tick, play.world.state_hash()
    game.tick(120)
    game.key("down")
    game.key("up")
    assert play.world.state_hash() == paused_at
    game.post(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)
    game.tick()                        # Esc resumes, from the same tick
    assert game.stack == ["PlayScene"]
    assert (play.world.tick, play.world.state_hash()) == (paused_tick, paused_at)
    game.post(pygame.KEYUP, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)
    game.tick(40)
    game.key("return")                 # START pauses as well
    assert game.stack[-1] == "PauseScene"
    game.key("return")                 # and START on RESUME resumes
    assert game.stack == ["PlayScene"]
    game.tick(10)
    # the paused run ends exactly where an unpaused run with the same (idle) inputs does
    ref = World(play.level, seed=play.seed, difficulty=play.world.difficulty, players=1)
    for _ in range(play.world.tick):
        ref.step((0,))
    assert ref.state_hash() == play.world.state_hash()


def test_losing_window_focus_pauses(game):
    play = start_play(game)
    game.post(pygame.WINDOWFOCUSLOST)
    game.tick()
    assert game.stack == ["PlayScene", "PauseScene"]
    frozen = play.world.state_hash()
    game.tick(30)
    assert play.world.state_hash() == frozen


def test_pause_menu_restart_and_quit_to_title(game):
    play = start_play(game)
    play.world.slots[0].score = 500
    game.tick(10)
    game.key("escape")
    game.top.menu.select_key("restart")
    game.key("z")
    fresh = game.top
    assert isinstance(fresh, PlayScene) and fresh is not play and fresh.world.tick <= 2
    assert fresh.world.slots[0].score == 0   # the score the level began with
    game.key("escape")
    game.top.menu.select_key("options")
    game.key("z")
    assert game.stack[-1] == "OptionsScene"
    game.key("escape")
    assert game.stack[-1] == "PauseScene"
    game.top.menu.select_key("quit")
    game.key("z")
    assert game.stack == ["TitleScene"]


def test_remapped_key_moves_the_player_in_play(game):
    game.app.settings.bindings[0]["keys"]["right"] = ["m"]
    game.app.settings.bindings[1]["keys"]["right"] = []
    game.app.input.apply_settings(game.app.settings)
    play = start_play(game)
    x0 = play.world.by_id[play.world.slots[0].eid].x
    game.key("m", hold=30)
    assert play.world.by_id[play.world.slots[0].eid].x > x0 + 10 * FP
    x1 = play.world.by_id[play.world.slots[0].eid].x
    game.key("right", hold=30)              # the old key does nothing now
    assert play.world.by_id[play.world.slots[0].eid].x == x1


def test_player_two_joins_with_start_on_another_device(game):
    play = start_play(game)
    game.tick(5)
    game.key("right shift")                 # player 2's START on the keyboard
    assert play.world.players == 2 and game.stack == ["PlayScene"]
    assert game.app.input.players == 2
    game.key("d", hold=20)                  # player 2's own keys now move Ridzik
    ridzik = play.world.by_id[play.world.slots[1].eid]
    assert ridzik.vx or ridzik.x


@pytest.mark.parametrize("hold", [1, 2, 40])
def test_joining_with_start_held_for_one_or_many_frames_does_not_pause(game, hold):
    play = start_play(game)
    game.tick(5)
    game.key("right shift", hold=hold)      # player 2's START, tapped or held down a while
    game.tick(3)
    assert play.world.players == 2 and game.stack == ["PlayScene"], f"held {hold} frames"
    game.key("right shift")                 # a fresh press after the join is player 2's START
    assert game.stack == ["PlayScene", "PauseScene"]


@pytest.mark.parametrize("hold", [1, 40])
def test_a_pad_joining_with_start_held_does_not_pause(game, hold):
    play = start_play(game)
    game.app.input.attach_pad(11)
    game.pad(11, "start", hold=hold)
    game.tick(3)
    assert play.world.players == 2 and game.stack == ["PlayScene"], f"held {hold} frames"


def test_a_second_pad_joins_player_two(game):
    play = start_play(game)
    game.app.input.attach_pad(11)
    game.pad(11, "start")
    assert play.world.players == 2
    assert game.app.input.pads[11].player == 1


def test_game_over_continue_then_high_score_entry_and_table(game, home):
    play = start_play(game)
    play.world.slots[0].score = 77777
    end_level(game, play, "died")
    assert game.stack == ["PlayScene", "GameOverScene"]
    over = game.top
    assert over.count == CONTINUE_SECONDS
    game.tick(60)
    assert over.count == CONTINUE_SECONDS - 1
    game.key("return")                      # continue
    assert game.stack == ["LevelCardScene"]
    game.key("z")
    again = game.top
    assert isinstance(again, PlayScene) and again.world.slots[0].score == 0   # continues reset the score
    assert again.campaign.continues == 1 and again.campaign.best_scores[0] == 77777
    end_level(game, again, "died")
    game.tick(20)                           # presses right at game over are ignored for a moment
    game.key("x")                           # give up
    assert game.stack == ["HighScoreEntryScene"]
    entry = game.top
    assert entry.score == 77777
    game.key("d", unicode="d")              # typed letters
    game.key("up")                          # pad style: cycle the next letter (starts at D) -> E
    game.key("z")                           # accept E
    game.key("n", unicode="n")
    assert game.stack == ["HighScoreTableScene"]
    table = game.top
    assert table.table.entries[table.highlight].initials == "DEN"
    saved = HighScoreStore().load()
    assert any(e.initials == "DEN" and e.score == 77777 for e in saved.entries)
    game.tick(25)
    game.key("z")
    assert game.stack == ["TitleScene"]


def test_the_continue_countdown_runs_out_after_nine_seconds(game):
    play = play_level(game)
    end_level(game, play, "timeout")
    assert type(game.top).__name__ == "GameOverScene" and game.top.reason == "timeout"
    game.tick(CONTINUE_SECONDS * 60 + 25)
    assert game.stack == ["HighScoreTableScene"]    # a score of 0 makes no entry


def test_clearing_a_level_carries_the_score_into_the_next_one(game):
    play = play_level(game, level_next="builtin:corridor")
    play.world.slots[0].score = 4200
    end_level(game, play, "cleared")
    assert game.stack == ["PlayScene", "LevelClearScene"]
    game.tick(200)
    assert game.stack == ["StoryCardScene"]
    game.key("escape")
    game.key("z")
    nxt = game.top
    assert isinstance(nxt, PlayScene) and nxt.world.slots[0].score == 4200
    assert nxt.campaign.levels_done == 1


def test_the_last_level_leads_to_the_ending_and_the_table(game, home):
    play = play_level(game)
    play.world.slots[0].score = 1_000_000
    end_level(game, play, "cleared")
    game.tick(200)
    assert game.stack == ["EndingScene"]
    game.key("z")
    game.key("z")
    assert game.stack == ["HighScoreEntryScene"]
    for _ in range(3):
        game.key("z")                       # AAA
    assert game.stack == ["HighScoreTableScene"] and game.top.highlight == 0
    assert HighScoreStore().load().entries[0].initials == "AAA"


def test_f5_hot_reload_and_recording_still_work_in_play(game, tmp_path):
    game.app.options.record = str(tmp_path / "run.json")
    play = PlayScene.from_path(game.app, "bathhouse", hot_reload=True)
    game.app.scenes.clear_to(play)
    game.key("right", hold=20)
    x = play.world.by_id[play.world.slots[0].eid].x
    game.key("f5")
    assert "Reloaded bathhouse" in game.app.message
    assert play.world.by_id[play.world.slots[0].eid].x == x     # kept where he stood
    assert play.world.tick <= 2
    game.tick(10)
    game.key("escape")
    game.top.menu.select_key("quit")
    game.key("z")
    assert game.stack == ["TitleScene"]
    from game.sim.replay import Replay

    assert Replay.load(tmp_path / "run.json").ticks > 5


def test_a_level_that_cannot_load_is_a_message_not_a_crash(game, capsys):
    from game.scenes.cards import LevelCardScene

    game.app.scenes.clear_to(LevelCardScene(game.app, Campaign(level="no_such_level"), "no_such_level"))
    game.tick(3)
    assert game.top.error and "no_such_level" in capsys.readouterr().out
    game.key("z")
    assert game.stack == ["TitleScene"]


def test_two_players_each_enter_initials_best_score_first(game, home):
    play = start_play(game, players=2)
    assert play.world.players == 2
    play.world.slots[0].score = 31000
    play.world.slots[1].score = 45000
    end_level(game, play, "died")
    game.tick(20)
    game.key("x")
    assert game.top.player == 1                   # Ridzik's better score first
    game.keys("z", "z", "z")
    assert game.top.player == 0
    game.keys("z", "z", "z")
    table = HighScoreStore().load()
    assert [e.score for e in table.entries[:4]] == [50000, 45000, 40000, 31000]


def test_player_ones_pad_pauses_and_another_pad_joins(game):
    game.app.input.attach_pad(5)
    game.pad(5, "start")                    # the menu, by pad
    game.pad(5, "a")                        # 1 PLAYER, by pad
    assert game.stack == ["StoryCardScene"]
    game.pad(5, "y")                        # skip the story
    game.pad(5, "a")                        # go from the level card
    play = game.top
    assert isinstance(play, PlayScene) and play.campaign.p1_pad == 5
    game.pad(5, "start")
    assert game.stack == ["PlayScene", "PauseScene"] and play.world.players == 1
    game.pad(5, "start")
    assert game.stack == ["PlayScene"]
    game.app.input.attach_pad(6)
    game.pad(6, "start")
    assert play.world.players == 2 and game.stack == ["PlayScene"]


def test_f3_toggles_the_training_view_and_it_stays_on_for_the_next_level(game):
    play = start_play(game)
    assert not play.stage.training
    game.key("f3")
    assert play.stage.training and game.stack == ["PlayScene"]
    play.restart()
    game.tick()
    assert game.top is not play and game.top.stage.training
    game.key("f3")
    assert not game.top.stage.training
