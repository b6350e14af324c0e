"""Move and stat files: they load, match the animation tags, and broken ones fail naming file and entry."""

from __future__ import annotations

import json

import pytest

from game.paths import assets_dir
from game.sim.moves import MOVE_FILE_ALIAS, DataError, load_moveset, parse_moveset, read_json
from game.sim.stats import ENEMY_KINDS, enemy_stats, validate_all

COMMON = {"idle", "walk", "run", "jump", "hurt", "knockdown", "down", "getup", "death", "grabbed", "thrown",
          "block"}
PLAYER_MOVES = {"punch1", "punch2", "punch3", "kick", "jump_kick", "jump_punch", "headbutt", "knee", "throw",
                "shoot", "back_attack", "desperation", "run_attack", "dodge"}
ENEMY_MOVES = {"thug": {"punch", "kick"}, "bather": {"punch", "charge"}, "gangster": {"punch", "knife"},
               "nurse": {"stab", "kick", "lunge"}, "hitman": {"punch", "shoot"},
               "viktor": {"punch", "kick", "shoot", "dash"},
               "cleanhead": {"punch", "kick", "chain"}, "brute": {"punch", "grab", "slam"},
               "thrower": {"punch", "kick", "throw_bottle", "throw_snowball"},
               "gunman": {"punch", "pistol_whip", "shoot"}, "heavy": {"punch", "grab", "slam", "charge"},
               "ambush_leader": {"punch", "hook", "kick", "charge"},
               "bodyguard": {"punch", "grab", "headbutt", "shoot"},
               "cleanhead_boss": {"punch", "kick", "chain", "charge"}}


def test_every_data_file_loads():
    validate_all()
    assert set(enemy_stats()) == set(ENEMY_KINDS)


@pytest.mark.parametrize("char", ["danko", "ridzik", *ENEMY_KINDS])
def test_move_names_are_the_animation_tags_with_top_level_frame_counts(char):
    expected = PLAYER_MOVES if char in ("danko", "ridzik") else ENEMY_MOVES[char]
    ms = load_moveset(char)
    assert set(ms.moves) == expected
    raw = json.loads((assets_dir() / "data" / "moves" / f"{char}.json").read_text())
    for name, move in raw["moves"].items():
        assert all(isinstance(move[k], int) for k in ("startup", "active", "recovery")), name
    assert not (set(ms.moves) & COMMON)


def test_danko_in_the_bathhouse_uses_dankos_moves():
    assert MOVE_FILE_ALIAS["danko_bath"] == "danko"
    assert load_moveset("danko_bath").moves == load_moveset("danko").moves


def test_jabs_are_snappy_and_finishers_heavy():
    m = load_moveset("danko").moves
    assert 3 <= m["punch1"].startup <= 4
    assert m["punch3"].hitstop > m["punch1"].hitstop and m["punch3"].knockdown and not m["punch1"].knockdown


def _broken(move: dict) -> dict:
    return {"hurtbox": [-9, 9, 0, 56], "moves": {"jab": move}}


@pytest.mark.parametrize(("move", "needle"), [
    ({"active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9]}, "missing 'startup'"),
    ({"startup": -1, "active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9]}, "'startup' must be"),
    ({"startup": 3, "active": 0, "recovery": 5, "hitbox": [0, 9, 0, 9]}, "'active' must be at least 1"),
    ({"startup": 3, "active": 2, "recovery": 5, "hitbox": [9, 0, 0, 9]}, "x0 < x1"),
    ({"startup": 3, "active": 2, "recovery": 5}, "needs a 'hitbox'"),
    ({"startup": 3, "active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9], "damge": 3}, "unknown key(s) damge"),
    ({"startup": 3, "active": 2, "recovery": 5, "hitbox": [0, 9, 0, 9], "cancel": ["nope"]},
     "unknown move 'nope'"),
    ({"startup": 3, "active": 2, "recovery": 5, "hitboxes": [[0, 9, 0, 9]]}, "one box per active tick"),
])
def test_broken_moves_name_the_file_and_the_move(move, needle):
    with pytest.raises(DataError) as info:
        parse_moveset("x", _broken(move), "assets/data/moves/x.json")
    msg = str(info.value)
    assert msg.startswith("assets/data/moves/x.json: move 'jab'") and needle in msg, msg


def test_unreadable_json_gives_a_one_line_message(tmp_path):
    bad = tmp_path / "thug.json"
    bad.write_text('{"moves": {', encoding="utf-8")
    with pytest.raises(DataError, match=r"thug.json: invalid JSON at line 1"):
        read_json(bad)
    with pytest.raises(DataError, match="file not found"):
        read_json(tmp_path / "missing.json")
