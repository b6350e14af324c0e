"""The high-score table: top ten, initials, atomic saves, and damaged files that never crash the game."""

from __future__ import annotations

import json
import os

import pytest

from game.store import files
from game.store.highscores import (
    HIGHSCORES_VERSION,
    TABLE_SIZE,
    HighScores,
    HighScoreStore,
    clean_initials,
)


@pytest.fixture
def store(tmp_path):
    return HighScoreStore(tmp_path)


def test_a_fresh_install_shows_ten_default_scores_best_first(store):
    table = store.load()
    assert len(table.entries) == TABLE_SIZE
    scores = [e.score for e in table.entries]
    assert scores == sorted(scores, reverse=True)
    assert store.problem is None


def test_insert_keeps_the_top_ten_in_order_and_ties_go_below(store):
    table = HighScores()
    low = table.entries[-1].score
    assert table.insert("AAA", 10**6) == 0
    assert table.insert("BBB", table.entries[3].score) == 4     # equal score: below the older one
    assert len(table.entries) == TABLE_SIZE
    assert table.entries[-1].score >= low
    assert table.insert("ZZZ", 1) is None
    assert not table.qualifies(0)


def test_initials_are_three_capitals_from_the_alphabet():
    assert clean_initials("ab") == "AB "
    assert clean_initials("danko") == "DAN"
    assert clean_initials("a\u00e9#") == "A  "


def test_scores_survive_a_restart(tmp_path):
    s = HighScoreStore(tmp_path)
    table = s.load()
    table.insert("IVD", 123456, "hotel")
    assert s.save(table)
    again = HighScoreStore(tmp_path).load()
    best = again.entries[0]
    assert (best.initials, best.score, best.level) == ("IVD", 123456, "hotel")


@pytest.mark.parametrize("content", [
    "{not json",                                   # corrupt
    "",                                            # empty
    '{"version": 1, "entries": [["AAA", 100',      # truncated
    '{"version": 1, "entries": "lots"}',           # wrong type
    '{"version": 1, "entries": [["AAA", "ten"]]}', # wrong type inside
    '[1, 2, 3]',                                   # not an object
    "\xff\xfe garbage",                            # not text
])
def test_a_damaged_file_gives_defaults_a_warning_and_a_bak(tmp_path, capsys, content):
    path = tmp_path / "highscores.json"
    path.write_bytes(content.encode("latin-1"))
    table = HighScoreStore(tmp_path).load()
    assert [e.score for e in table.entries] == [e.score for e in HighScores().entries]
    err = capsys.readouterr().err
    assert err.count("redheat:") == 1 and "high-score" in err
    assert (tmp_path / "highscores.json.bak").read_bytes() == content.encode("latin-1")


def test_unknown_keys_are_ignored(tmp_path, capsys):
    (tmp_path / "highscores.json").write_text(json.dumps(
        {"version": 1, "entries": [["ABC", 99, "moscow"]], "colour": "red"}))
    table = HighScoreStore(tmp_path).load()
    assert table.entries[0].initials == "ABC"
    assert capsys.readouterr().err == ""


def test_a_newer_versions_file_is_not_destroyed(tmp_path, capsys):
    path = tmp_path / "highscores.json"
    newer = json.dumps({"version": HIGHSCORES_VERSION + 1, "entries": [["NEW", 1, ""]], "extra": {}})
    path.write_text(newer)
    s = HighScoreStore(tmp_path)
    table = s.load()
    assert "newer version" in capsys.readouterr().err
    table.insert("OLD", 10**6)
    assert s.save(table) is False
    assert path.read_text() == newer


def test_a_write_interrupted_midway_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    s = HighScoreStore(tmp_path)
    table = s.load()
    table.insert("ONE", 999999)
    s.save(table)
    before = (tmp_path / "highscores.json").read_text()

    def power_cut(fd):
        raise OSError(5, "Input/output error")   # the disk went away before the data was safe

    monkeypatch.setattr(files.os, "fsync", power_cut)
    table.insert("TWO", 9999999)
    assert s.save(table) is False                  # a warning, not a crash
    monkeypatch.undo()
    assert (tmp_path / "highscores.json").read_text() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert HighScoreStore(tmp_path).load().entries[0].initials == "ONE"
