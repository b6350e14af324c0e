"""The bonus games through the real app: title menu, rules card, play, payout; and after a level."""

from __future__ import annotations

import dataclasses

from screen_driver import Driver

from game.scenes.bonus import ENDING_TICKS, BonusScene
from game.scenes.campaign import Campaign
from game.scenes.play import RESULT_HOLD_TICKS, PlayScene
from game.sim import testlevel


def _to_bonus_menu(game: Driver) -> None:
    game.key("return")
    game.top.menu.select_key("bonus")
    game.key("z")
    assert game.stack[-1] == "BonusMenuScene"


def test_practise_the_hot_coal_from_the_title(game):
    _to_bonus_menu(game)
    game.key("z")                                  # HOT COAL
    scene = game.top
    assert isinstance(scene, BonusScene) and scene.phase == "rules"
    game.tick(35)
    game.key("z")
    assert scene.phase == "play"
    coal = scene.session.current
    while coal.play_tick < 0:
        game.tick()
    while coal.result is None:                     # strike at each peak, as a steady player would
        while coal.result is None and (coal.recover > 0 or coal.ticks_to_peak() > 1):
            game.tick()
        if coal.result is None:
            game.key("z")
    assert scene.phase == "ending" and coal.result in ("passed", "perfect") and coal.coals >= 3
    game.tick(ENDING_TICKS)
    assert scene.phase == "result"
    assert scene.session.rewards()[0].health > 0
    game.tick(35)
    game.key("z")
    assert game.stack[-1] == "BonusMenuScene"


def test_kick_backs_out_of_the_rules_card_in_practice(game):
    _to_bonus_menu(game)
    game.top.menu.select_key("doors")
    game.key("z")
    assert isinstance(game.top, BonusScene) and game.top.session.game == "doors"
    game.tick(35)
    game.key("x")
    assert game.stack[-1] == "BonusMenuScene"


def test_a_level_with_a_bonus_property_plays_it_and_pays_into_the_next_level(game):
    level = dataclasses.replace(testlevel.corridor(), next="builtin:corridor",
                                properties={"bonus": "bill"})
    play = PlayScene(game.app, level, None, campaign=Campaign(level="builtin:corridor"))
    game.app.scenes.clear_to(play)
    game.tick()
    play.world.slots[0].score = 5000
    play.world.result = "cleared"
    game.tick(RESULT_HOLD_TICKS + 2)
    game.tick(200)                                 # LEVEL CLEAR goes on by itself
    scene = game.top
    assert isinstance(scene, BonusScene) and scene.session.game == "bill"
    game.tick(35)
    game.key("z")
    bill = scene.session.current
    while bill.play_tick < 0:
        game.tick()
    for p in bill.pieces:                          # a perfect hand, straight from the rules' side
        p.turns = 0
        bill.held, bill.cx, bill.cy = p.index, p.tx, p.ty
        game.tick()
    assert bill.result == "perfect"
    game.tick(ENDING_TICKS + 1)
    assert scene.phase == "result"
    reward = scene.session.rewards()[0]
    game.tick(35)
    game.key("z")
    assert game.stack == ["StoryCardScene"]
    game.key("escape")
    game.key("z")
    nxt = game.top
    assert isinstance(nxt, PlayScene)
    slot = nxt.world.slots[0]
    assert slot.score == 5000 + reward.points
    assert slot.lives == nxt.world.diff.lives + reward.lives == nxt.world.diff.lives + 1


def test_escape_pauses_a_bonus_game_and_resume_goes_on_from_the_same_tick(game):
    _to_bonus_menu(game)
    game.key("z")
    scene = game.top
    game.tick(35)
    game.key("z")
    game.tick(80)
    tick = scene.session.tick
    game.key("escape")
    assert game.stack[-1] == "BonusPauseScene"
    game.tick(30)
    assert scene.session.tick == tick
    game.key("escape")
    assert game.top is scene
    game.key("escape")
    game.key("down")
    game.key("z")                                   # BACK TO THE LIST
    assert game.stack[-1] == "BonusMenuScene"


def test_after_the_bathhouse_the_chain_goes_on_to_moscow(game):
    from game.cli_levels import load_level

    play = PlayScene(game.app, load_level("bathhouse"), None, campaign=Campaign(level="bathhouse"))
    game.app.scenes.clear_to(play)
    game.tick()
    play.world.result = "cleared"
    game.tick(RESULT_HOLD_TICKS + 2)
    game.tick(200)
    assert game.stack == ["StoryCardScene"] and game.top.level == "moscow"


def test_after_the_station_the_chain_plays_its_bonus_game_then_the_ending(game):
    from game.cli_levels import load_level

    play = PlayScene(game.app, load_level("station"), None, campaign=Campaign(level="station"))
    game.app.scenes.clear_to(play)
    game.tick()
    play.world.result = "cleared"
    game.tick(RESULT_HOLD_TICKS + 2)
    game.tick(200)
    played = []
    while isinstance(game.top, BonusScene):
        scene = game.top
        played.append(scene.session.game)
        game.tick(35)
        game.key("z")                                # past the rules card
        g = scene.session.current
        g.finish("failed")                           # give up at once (as time running out would)
        game.tick(ENDING_TICKS + 40)
        assert scene.phase == "result"
        game.key("z")
    assert played == ["doors"]                       # assets/data/campaign.json: doors after station
    # The bus chase follows station in the chain (and leads to the ending): its briefing comes next.
    assert game.stack == ["StoryCardScene"] and game.top.level == "chase"


def test_practice_for_two_players_takes_turns(game):
    _to_bonus_menu(game)
    game.top.menu.select_key("players")
    game.key("right")
    assert game.top.players == 2
    game.top.menu.select_key("coal")
    game.key("z")
    scene = game.top
    assert isinstance(scene, BonusScene) and scene.session.players == 2
    game.tick(35)
    game.key("z")
    assert scene.phase == "play" and scene.session.turn == 0
    while scene.session.turn == 0:           # Danko's turn runs out on the clock
        game.tick()
    assert scene.session.games[0].result is not None


def test_practice_players_back_to_one(game):
    _to_bonus_menu(game)
    game.top.menu.select_key("players")
    game.key("z")
    game.key("z")
    assert game.top.players == 1
