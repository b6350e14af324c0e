"""levels/chase.tmx: it checks clean, `check` catches the chase's broken rules with one clear line each,
and a designer's edited copy (faster, traffic moved, a shorter phase) still plays to the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.paths import data_root
from game.sim.runner import run
from game.tiled.loader import load_level
from game.tiled.problems import LevelError

ROOT = data_root()
CHASE = ROOT / "levels" / "chase.tmx"


def _copy(tmp_path: Path, edit) -> Path:
    """A copy of the chase beside links to the real tilesets and templates, edited by ``edit(text)``."""
    (tmp_path / "levels").mkdir()
    for name in ("assets", "templates"):
        (tmp_path / name).symlink_to(ROOT / name)
    out = tmp_path / "levels" / "chase.tmx"
    out.write_text(edit(CHASE.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def _problems(path: Path) -> list[str]:
    with pytest.raises(LevelError) as info:
        load_level(path)
    return [str(p) for p in info.value.problems]


def test_the_shipped_chase_checks_clean() -> None:
    level = load_level(CHASE)
    assert level.mode == "chase" and level.chase is not None and level.chase.viktor is not None
    assert [m.phase for m in sorted(level.chase.phases, key=lambda m: m.x)] == ["catch_up", "boarders", "ram",
                                                                                "wreck"]
    assert any(e.kind == "viktor" for e in level.enemies)


def test_a_chase_without_viktors_bus_is_an_error(tmp_path: Path) -> None:
    bus = r'<object id="\d+" name="viktor" type="ViktorBus".*?</object>'
    path = _copy(tmp_path, lambda t: re.sub(bus, "", t, flags=re.S))
    problems = _problems(path)
    assert any("no ViktorBus object" in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def test_a_hazard_off_the_road_is_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path, lambda t: t.replace('template="../templates/hazard_bridge.tx" x="6200" y="96"',
                                               'template="../templates/hazard_bridge.tx" x="6200" y="40"'))
    problems = _problems(path)
    assert any("Hazard 'bridge' at (6200, 40) lies off the road" in p for p in problems), problems


def test_a_phase_out_of_order_is_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path, lambda t: t.replace('name="ram" type="ChasePhase" x="23200"',
                                               'name="ram" type="ChasePhase" x="3000"'))
    problems = _problems(path)
    line = "ChasePhase 'ram' at x=3000 is out of order: it must come after 'boarders'"
    assert any(line in p for p in problems), problems


def test_chase_objects_in_a_brawl_level_are_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path, lambda t: t.replace('value="chase"/>', 'value="brawl"/>', 1))
    problems = _problems(path)
    assert any("is a chase object (ViktorBus) in a 'brawl' level" in p for p in problems), problems


def _designer_edit(text: str) -> str:
    text = text.replace('type="int" value="180"', 'type="int" value="220"')      # scroll_speed
    # Every car 150 px further along its stretch.
    text = re.sub(r'((?:template="../templates/traffic_\w+\.tx"|type="Traffic") x=")(\d+)"',
                  lambda m: f'{m.group(1)}{int(m.group(2)) + 150}"', text)
    # A shorter catch-up: Viktor starts 1000 px nearer.
    return text.replace('name="viktor" type="ViktorBus" x="5500"', 'name="viktor" type="ViktorBus" x="4500"')


@pytest.mark.soak
def test_the_bot_still_clears_a_designers_edited_copy_on_most_seeds(tmp_path: Path) -> None:
    level = load_level(_copy(tmp_path, _designer_edit))
    shipped = load_level(CHASE)
    assert level.properties["scroll_speed"] == 220 and level.chase.viktor.x == 4500
    assert [t.x for t in level.chase.traffic] == [t.x + 150 for t in shipped.chase.traffic]
    results = [run(level, seed=s, bot=True).result for s in (1, 2, 3)]
    assert results.count("cleared") >= 2, results


def test_the_chase_golden_replay_reaches_its_hash_through_every_phase() -> None:
    from game.sim.replay import Replay, play_back

    path = ROOT / "tests" / "data" / "golden" / "chase-bot.json"
    replay = Replay.load(path)
    verdict = play_back(replay, load_level(CHASE))
    assert verdict.ok and verdict.world.state_hash() == replay.final_hash
    w = verdict.world
    assert w.result == "cleared" and w.chase is not None and w.chase.phase == "done"
    assert w.chase.rams_left == 0 and w.chase.crash_tick >= 300
