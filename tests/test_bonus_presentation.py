"""Bonus games' sound map and the in-game campaign's banking of payouts into the next level."""

from __future__ import annotations

from game.audio import bonus_cues
from game.audio.sfx import load_presets
from game.scenes.campaign import Campaign
from game.sim import testlevel
from game.sim.bonus import BonusSession
from game.sim.bonus.base import BONUS_EVENT_KINDS
from game.sim.bonus.runner import run
from game.sim.world import World


def test_every_bonus_event_kind_has_a_cue_and_every_cue_a_preset():
    assert set(BONUS_EVENT_KINDS) == set(bonus_cues.BONUS_CUES)
    assert bonus_cues.referenced_presets() <= set(load_presets())


def test_banked_payouts_reach_the_next_world_in_the_game():
    from game.scenes.bonus import bank

    campaign = Campaign(players=1, level="builtin:corridor")
    done = World(testlevel.corridor(), seed=1)
    done.slots[0].score = 1000
    session: BonusSession = run("coal", seed=3, bot=True)
    reward = session.rewards()[0]
    bank(campaign, done, session)
    assert done.slots[0].score == 1000 + reward.points
    campaign.level_cleared(done, "builtin:corridor")
    nxt = World(testlevel.corridor(), seed=2)
    lives, ammo = nxt.slots[0].lives, nxt.slots[0].ammo
    campaign.start_world(nxt)
    slot = nxt.slots[0]
    assert slot.score == 1000 + reward.points
    assert slot.lives == lives + reward.lives
    assert slot.ammo == min(9, ammo + reward.bullets)
    assert campaign.bonus_rewards == []


def test_every_bonus_game_has_music_that_exists_and_a_rules_card():
    from game.audio.music import TRACK_NAMES, music_path
    from game.scenes.bonus import MUSIC, TITLES, rules_card
    from game.sim.bonus import GAMES
    from game.sim.bonus.base import tuning

    for game in GAMES:
        assert MUSIC[game] in TRACK_NAMES and music_path(MUSIC[game]).exists()
        sentence, keys = rules_card(game)
        assert "{" not in sentence
        if "time" in tuning()[game]:
            assert f"{tuning()[game]['time'] // 60} seconds" in sentence, "the card tells the real time"
        assert sentence.count(".") == 1 and sentence.endswith("."), "one sentence"
        assert keys and TITLES[game]
