"""Story cards and level-card places: every campaign level has both, and bad files name the bad entry."""

from __future__ import annotations

import pytest

from game.scenes.campaign import CAMPAIGN_ORDER, Campaign
from game.ui.story import StoryError, level_key, parse_places, parse_story, places, story


def test_every_campaign_level_has_a_story_card_and_a_place():
    cards, ending = story()
    for name in CAMPAIGN_ORDER:
        assert name in cards, name
        assert cards[name].speaker == "ridzik"       # Ridzik briefs Danko
        assert 2 <= len(cards[name].lines) <= 4
        assert name in places(), name
    assert ending is not None
    assert places()["bathhouse"] == "MOSCOW, 1988"


def test_level_names_from_paths_and_builtins():
    assert level_key("levels/chicago.tmx") == "chicago"
    assert level_key("builtin:corridor") == "corridor"
    assert level_key("hotel") == "hotel"


@pytest.mark.parametrize(("data", "where"), [
    ({"cards": []}, "'cards'"),
    ({"cards": {"hotel": {"lines": []}}}, "cards.hotel"),
    ({"cards": {"hotel": {"lines": ["ok"], "speaker": 3}}}, "cards.hotel"),
    ({"cards": {"hotel": {"lines": ["ok"], "speaker": "gallagher"}}}, "speaker 'gallagher' has no portrait"),
    ({"cards": {}, "ending": "bye"}, "ending"),
])
def test_a_bad_story_file_names_the_entry(data, where):
    with pytest.raises(StoryError, match=r"story\.json") as e:
        parse_story(data, "story.json")
    assert where in str(e.value)


def test_a_bad_places_file_names_the_entry():
    with pytest.raises(StoryError, match=r"places\.json: places\.moscow"):
        parse_places({"places": {"moscow": {"year": "1988"}}}, "places.json")
    assert parse_places({"places": {"x": {"place": "ROME"}}})["x"] == "ROME"


def test_continue_resets_scores_but_keeps_the_best_for_the_table():
    from game.sim import testlevel
    from game.sim.world import World

    c = Campaign(level="builtin:corridor")
    w = World(testlevel.corridor())
    c.start_world(w)
    w.slots[0].score = 900
    c.continue_game(w)
    assert c.level_start_scores == [0, 0] and c.best_scores[0] == 900 and c.continues == 1
    w2 = World(testlevel.corridor())
    w2.slots[0].score = 300
    c.level_cleared(w2, "builtin:corridor")
    assert c.level_start_scores[0] == 300 and c.best_scores[0] == 900
    w3 = World(testlevel.corridor())
    c.start_world(w3)
    assert w3.slots[0].score == 300


def test_a_card_whose_portrait_cannot_be_read_is_shown_without_it(monkeypatch, tmp_path, capsys):
    from game.ui import story as story_mod

    story_mod.portrait.cache_clear()
    monkeypatch.setattr(story_mod, "portrait_path", lambda speaker: tmp_path / "missing.png")
    assert story_mod.portrait("ridzik") is None
    assert "without it" in capsys.readouterr().err
    story_mod.portrait.cache_clear()
