"""Bonus games in replays, the CLI, the campaign chain (rewards reach the next level) and ``check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli import main
from game.sim import testlevel
from game.sim.bonus.base import Reward
from game.sim.bonus.runner import play_back, record
from game.sim.campaign import (
    CampaignError,
    Carry,
    Step,
    bonuses_after,
    level_bonus,
    load_chain,
    next_level_after,
    run_campaign,
)
from game.sim.replay import Replay, ReplayError
from game.sim.world import World
from game.tiled import LevelError, load_level

GOLDEN = Path(__file__).parent / "data" / "golden" / "bonus"
ROOT = Path(__file__).resolve().parent.parent


# -- replays --------------------------------------------------------------------------------

@pytest.mark.parametrize("game", ["coal", "bill", "doors"])
def test_golden_bonus_replay_reaches_its_recorded_hash(game: str):
    rep = Replay.load(GOLDEN / f"{game}-bot.json")
    assert rep.level == f"bonus:{game}"
    session, bad, _, _ = play_back(rep, game)
    assert bad is None, f"{game}: diverged at tick {bad}"
    assert session.state_hash() == rep.final_hash and session.result is not None


def test_bonus_replay_round_trip_and_a_changed_input_diverges():
    _, rep = record("bill", seed=9, bot=True)
    again = Replay.from_json(rep.to_json())
    assert play_back(again, "bill")[1] is None
    bad = Replay.from_json(rep.to_json())
    bad.frames[3][1] ^= 16          # one punch more or less
    assert play_back(bad, "bill")[1] is not None


def test_replay_of_an_unknown_bonus_game_is_refused_in_one_line():
    _, rep = record("coal", seed=1)
    text = rep.to_json().replace('"bonus:coal"', '"bonus:darts"')
    with pytest.raises(ReplayError, match="unknown bonus game 'bonus:darts'"):
        Replay.from_json(text, "x.json")


def test_cli_bonus_prints_the_record_and_records_and_replays(tmp_path, capsys):
    assert main(["sim", "bonus:coal", "--bot", "--seed", "3"]) == 0
    row = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(row) >= {"level", "result", "score", "reward", "ticks", "state_hash"}
    assert set(row["reward"]) == {"points", "health", "bullets", "lives"}
    path = tmp_path / "c.json"
    assert main(["sim", "bonus:doors", "--bot", "--seed", "2", "--record", str(path)]) == 0
    first = json.loads(capsys.readouterr().out.strip())
    assert main(["sim", "bonus:doors", "--replay", str(path)]) == 0
    again = json.loads(capsys.readouterr().out.strip())
    assert again["replay"] == "ok" and again["state_hash"] == first["state_hash"]
    assert main(["sim", "bonus:darts"]) == 2
    assert "unknown bonus game" in capsys.readouterr().err


def test_cli_bonus_seeds_prints_a_summary(capsys):
    assert main(["sim", "bonus:coal", "--seeds", "1-4"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert len(lines) == 5 and lines[-1]["runs"] == 4 and "perfect" in lines[-1]


# -- the campaign chain ---------------------------------------------------------------------

def test_shipped_chain_places_a_bonus_game_after_every_second_level():
    chain = load_chain()
    levels = [s.name for s in chain if s.kind == "level"]
    assert levels[0] == "bathhouse" and len(levels) == 7
    kinds = [s.kind for s in chain]
    seen = 0
    for i, k in enumerate(kinds):
        if k == "level":
            seen += 1
        else:
            assert seen % 2 == 0 and kinds[i - 1] == "level", "a bonus game after every second level"
    assert {s.name for s in chain if s.kind == "bonus"} == {"coal", "bill", "doors"}


def test_broken_chain_file_is_one_line(tmp_path):
    bad = tmp_path / "c.json"
    bad.write_text('{"chain": [{"level": "bathhouse"}, {"bonus": "darts"}]}')
    with pytest.raises(CampaignError, match="step 2 must be"):
        load_chain(bad)


def test_bonuses_and_next_level_skip_what_is_not_shipped():
    chain = [Step("level", "a"), Step("level", "b"), Step("bonus", "coal"), Step("level", "c"),
             Step("bonus", "bill"), Step("level", "d")]
    shipped = {"a", "d"}.__contains__
    assert bonuses_after(chain, "a", shipped) == ["coal", "bill"]
    assert next_level_after(chain, "a", shipped) == "d"
    assert next_level_after(chain, "d", shipped) is None
    assert bonuses_after(chain, "elsewhere", shipped) == []


def test_level_bonus_from_property_or_token():
    level = testlevel.corridor()
    assert level_bonus(level, False, 1) is None
    assert level_bonus(level, True, 1) in ("coal", "bill", "doors")
    level.properties["bonus"] = "doors"
    assert level_bonus(level, False, 1) == "doors" == level_bonus(level, True, 1)


def test_carry_adds_a_payout_and_crosses_extra_life_thresholds():
    c = Carry(lives=2, score=45000, hp=30, ammo=1)
    c.add(Reward(points=9000, health=50, bullets=4, lives=1), max_hp=120, max_ammo=9, life_every=50000)
    assert (c.lives, c.score, c.hp, c.ammo) == (4, 54000, 80, 5)


def test_bonus_rewards_reach_the_next_level():
    chain = [Step("level", "one"), Step("bonus", "coal"), Step("level", "two")]
    starts: list[tuple[int, int, int, int]] = []

    def seen(w: World) -> None:
        slot = w.slots[0]
        starts.append((slot.score, slot.lives, slot.ammo, w.by_id[slot.eid].hp))

    rows = list(run_campaign(seed=2, chain=chain, loader=lambda n: testlevel.corridor(), bot=True,
                             on_level_start=seen))
    first, bonus, second, last = rows
    assert first["result"] == "cleared" and bonus["step"] == "bonus" and bonus["result"] != "failed"
    reward = bonus["reward"]
    score, lives, ammo, hp = starts[1]
    assert score == first["score"] + reward["points"], "points carried"
    assert lives == first["lives"][0] + reward["lives"] + (
        (first["score"] + reward["points"]) // 50000 - first["score"] // 50000), "lives carried"
    assert ammo == min(9, first["ammo"][0] + reward["bullets"]), "bullets carried"
    assert hp == min(120, first["player_hp"] + reward["health"]), "health carried"
    assert last["levels_cleared"] == 2 and last["levels_total"] == 2 and last["bonus_games"] == 1
    assert last["score"] == second["score"]


def test_campaign_reports_levels_not_shipped_and_runs_its_bonus_games():
    chain = [Step("level", "corridor"), Step("level", "nowhere"), Step("bonus", "doors")]
    rows = list(run_campaign(seed=1, chain=chain, bot=True,
                             loader=lambda n: testlevel.corridor() if n == "corridor" else None))
    assert rows[1] == {"step": "level", "level": "nowhere", "result": "not_shipped"}
    assert rows[2]["level"] == "bonus:doors"
    assert rows[-1]["levels_total"] == 2 and rows[-1]["levels_cleared"] == 1


def test_cli_campaign_lines(capsys):
    assert main(["sim", "campaign", "--bot", "--seed", "1"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    last = lines[-1]
    assert last["level"] == "campaign"
    assert {"levels_cleared", "levels_total", "state_hash", "score"} <= set(last)
    assert any(r.get("level") == "bonus:coal" for r in lines)


def test_cli_campaign_seeds_summary_and_a_lost_run_reports_what_was_left(capsys):
    assert main(["sim", "campaign", "--seeds", "3", "--difficulty", "easy"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.strip().splitlines()]
    assert len(lines) == 2 and lines[-1]["runs"] == 1 and "completion_rate" in lines[-1]
    assert main(["sim", "campaign", "--seed", "1"]) == 0         # nobody plays: the first level is lost
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last["result"] == "died" and last["lives"] == [0] and last["levels_cleared"] == 0
    assert main(["sim", "campaign", "--record", "x.json"]) == 2


def test_bonus_token_pickup_marks_the_level_for_a_bonus_game():
    from game.sim.fixed import FP
    from game.sim.level import PickupSpawn

    level = testlevel.corridor()
    sx, sy = level.player_start
    level.pickups.append(PickupSpawn(99, "bonus", sx + 4, sy))
    w = World(level, seed=1)
    plain = World(testlevel.corridor(), seed=1)
    assert w.state_hash() != "" and not w.bonus_taken
    for _ in range(3):
        w.step((0,))
        plain.step((0,))
    assert w.bonus_taken and w.slots[0].score > 0
    assert w.by_id[w.slots[0].eid].x // FP == plain.by_id[plain.slots[0].eid].x // FP


# -- check ----------------------------------------------------------------------------------

def _level_with(tmp_path: Path, objects: str, props: str = "") -> Path:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "levels").mkdir()
    text = (ROOT / "levels" / "bathhouse.tmx").read_text()
    text = text.replace(" </objectgroup>", objects + " </objectgroup>", 1)
    if props:
        text = text.replace(" <properties>", " <properties>\n" + props, 1)
    path = tmp_path / "levels" / "x.tmx"
    path.write_text(text)
    return path


def test_check_accepts_one_token_and_a_bonus_property(tmp_path):
    token = '  <object id="90" template="../templates/pickup_bonus.tx" x="700" y="140"/>\n'
    path = _level_with(tmp_path, token,
                       '  <property name="bonus" propertytype="BonusGame" value="random"/>')
    level = load_level(path)
    assert level.properties["bonus"] == "random"
    assert [p.kind for p in level.pickups].count("bonus") == 1


def test_check_refuses_a_second_token_and_a_bad_bonus_value(tmp_path):
    tokens = ('  <object id="90" template="../templates/pickup_bonus.tx" x="700" y="140"/>\n'
              '  <object id="91" template="../templates/pickup_bonus.tx" x="760" y="140"/>\n')
    path = _level_with(tmp_path, tokens, '  <property name="bonus" propertytype="BonusGame" value="darts"/>')
    with pytest.raises(LevelError) as info:
        load_level(path)
    problems = info.value.problems
    second = "Pickup bonus at (760, 140) (object 91): is a second bonus token; a level has at most one"
    assert any(second in p for p in problems)
    assert any("BonusGame 'darts'" in p for p in problems), problems
