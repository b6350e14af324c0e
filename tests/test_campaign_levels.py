"""The shipped campaign levels: known classes only, a boss each, reachable in the chain from the bathhouse."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.sim.campaign import load_chain
from game.tiled.check import check_one
from game.tiled.loader import load_level
from game.ui.story import level_key

ROOT = Path(__file__).resolve().parents[1]
LEVELS = sorted((ROOT / "levels").glob("*.tmx"))
CAMPAIGN = ("bathhouse", "moscow", "chicago", "hospital", "hotel", "station")


def project_classes() -> set[str]:
    data = json.loads((ROOT / "redheat.tiled-project").read_text())
    return {t["name"] for t in data["propertyTypes"] if t.get("type") == "class"}


def object_classes(path: Path) -> list[tuple[str, str]]:
    """(object id, class) of every object in the map, the class taken from its template when unset."""
    out = []
    for obj in ET.parse(path).getroot().iter("object"):
        cls = obj.get("type") or obj.get("class") or ""
        tpl = obj.get("template")
        if not cls and tpl:
            t = ET.parse((path.parent / tpl).resolve()).getroot().find("object")
            cls = (t.get("type") or t.get("class") or "") if t is not None else ""
        out.append((obj.get("id", "?"), cls))
    return out


def enemy_stats() -> dict:
    return json.loads((ROOT / "assets/data/enemies.json").read_text())


def test_the_six_campaign_levels_ship():
    assert {p.stem for p in LEVELS} >= set(CAMPAIGN)


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_shipped_level_uses_only_known_classes(path: Path):
    known = project_classes()
    bad = [(oid, cls) for oid, cls in object_classes(path) if cls not in known]
    assert not bad, f"{path.name}: objects with unknown classes {bad}"


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_shipped_level_checks_clean(path: Path):
    result = check_one(path)
    assert result["ok"], result


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_shipped_level_has_one_boss(path: Path):
    level = load_level(path)
    stats = enemy_stats()
    bosses = [e for e in level.enemies if e.boss or stats.get(e.kind, {}).get("boss")]
    assert bosses, f"{path.name} has no boss"
    flagged = [e for e in level.enemies if e.boss]
    assert len(flagged) <= 1, f"{path.name} marks {len(flagged)} enemies as its boss"
    if level.mode == "chase":       # the chase's boss waits at the wreck, its last stretch
        lo, hi = level.chase.stretch("wreck", level.pixel_width)
        assert any(lo <= b.x < hi for b in bosses), "the chase's boss fights at the wreck"
        return
    last_wave = max(z.number for z in level.waves)
    assert any(b.wave == last_wave for b in bosses), "the boss fights in the last wave"


@pytest.mark.parametrize("path", LEVELS, ids=lambda p: p.stem)
def test_a_shipped_level_has_music_and_a_briefing(path: Path):
    level = load_level(path)
    assert level.music and (ROOT / "assets/music" / f"{level.music}.mid").is_file()
    cards = json.loads((ROOT / "assets/data/story.json").read_text())["cards"]
    assert level_key(path.stem) in cards, f"no briefing card for {path.stem}"


def test_every_shipped_level_is_reachable_in_the_chain_from_the_bathhouse():
    steps = [s.name for s in load_chain() if s.kind == "level"]
    assert steps[0] == "bathhouse"
    assert steps[: len(CAMPAIGN)] == list(CAMPAIGN), "the film's order"
    for p in LEVELS:
        assert p.stem in steps, f"{p.stem} is not in assets/data/campaign.json"


def test_next_properties_agree_with_the_chain():
    steps = [s.name for s in load_chain() if s.kind == "level"]
    shipped = {p.stem for p in LEVELS}
    for p in LEVELS:
        nxt = load_level(p).next
        if not nxt:
            continue
        later = [s for s in steps[steps.index(p.stem) + 1:] if s in shipped]
        assert later and later[0] == nxt, f"{p.stem}: next {nxt!r} but the chain goes on to {later[:1]}"
