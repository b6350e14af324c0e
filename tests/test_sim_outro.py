"""A level's exit scene (game/sim/outro.py): it plays after the last fight, ends the level, can be skipped,
is deterministic, and nobody can touch Viktor; the loader and ``check`` know the map property."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from game.sim import events as ev
from game.sim import outro
from game.sim.actions import Action
from game.sim.bot import Bot
from game.sim.fighter import set_state, start_move
from game.sim.fixed import FP
from game.sim.testlevel import corridor
from game.sim.world import World
from game.tiled import LevelError, load_level

ROOT = Path(__file__).resolve().parent.parent
PUNCH, START = int(Action.PUNCH), int(Action.START)


def _level(kind: str, **extra):
    lv = corridor(cols=60, waves=1, per_wave=1)
    return dataclasses.replace(lv, properties={"outro": kind}, **extra)


def _fight_done(w: World) -> list[ev.Event]:
    """Walk into the wave, fell its enemy at once; returns events up to the scene's start."""
    out: list[ev.Event] = []
    for p in w.player_entities():
        p.x, p.y = 210 * FP, 130 * FP
    for _ in range(10):
        out += w.step((0,) * w.players)
    foes = [e for e in w.entities if e.kind == "enemy"]
    assert foes and w.wave_status[1] == "active"
    for e in foes:
        e.hp, e.alive = 0, False
        set_state(e, "death", 80)
    for _ in range(5):
        out += w.step((0,) * w.players)
        if w.outro.phase != "waiting":
            break
    assert w.outro.phase == "playing"
    return out


def _play(w: World, inputs=lambda w: (0,) * w.players, limit: int = 2000) -> list[ev.Event]:
    out: list[ev.Event] = []
    while w.result is None and limit:
        out += w.step(inputs(w))
        limit -= 1
    return out


def _kinds(events, wanted) -> list[str]:
    return [e.kind for e in events if e.kind in wanted]


def test_a_level_without_outro_has_no_scene_and_ends_at_its_exit():
    w = World(corridor(cols=60, waves=1, per_wave=1), seed=1)
    assert w.outro is None
    assert outro.create(dataclasses.replace(w.level, properties={"outro": "none"})) is None


def test_viktor_comes_out_takes_the_key_runs_off_and_the_level_clears():
    w = World(_level("viktor_key"), seed=3)
    start = _fight_done(w)
    assert _kinds(start, {ev.OUTRO_START}) == [ev.OUTRO_START]
    begun = w.tick
    events = _play(w)
    assert w.result == "cleared" and not w.outro.skipped
    assert _kinds(events, {ev.DOOR_OPEN, ev.OUTRO_KEY, ev.OUTRO_END, ev.LEVEL_CLEAR}) == [
        ev.DOOR_OPEN, ev.OUTRO_KEY, ev.OUTRO_END, ev.LEVEL_CLEAR]
    assert next(e for e in events if e.kind == ev.DOOR_OPEN).tag == "outro"
    assert next(e for e in events if e.kind == ev.OUTRO_END).value == 0
    assert 120 <= w.tick - begun <= 600           # a few seconds, then the level clears
    assert not w.outro.key_on
    assert not any(e.kind == "actor" for e in w.entities)   # Viktor has gone off screen


def test_the_bus_pulls_in_viktor_boards_and_it_drives_off_with_engine_and_horn():
    w = World(_level("bus_departs"), seed=3)
    _fight_done(w)
    begun = w.tick
    seen: list[tuple[str, str]] = []
    aboard_at = depart_at = None
    while w.result is None and w.tick - begun < 2000:
        for e in w.step((0,)):
            seen.append((e.kind, e.tag))
            if e.kind == ev.OUTRO_BUS:
                depart_at = w.tick
        if aboard_at is None and w.outro.beat == "aboard":
            aboard_at = w.tick
            assert not any(e.kind == "actor" for e in w.entities)   # in the bus
    assert w.result == "cleared"
    assert aboard_at is not None and depart_at is not None and aboard_at < depart_at
    assert (ev.HORN, "viktor_bus") in seen
    assert any(k == ev.ENGINE for k, _ in seen)
    assert w.outro.bus_x // FP > outro.view(w)[1]    # off the right edge
    assert 180 <= w.tick - begun <= 600


def test_the_exit_does_not_end_a_level_with_an_outro():
    lv = _level("viktor_key")
    w = World(lv, seed=1)
    _fight_done(w)
    p = w.player_entities()[0]
    ex = lv.exits[0]
    p.x, p.y = (ex.x + 8) * FP, (ex.y + 40) * FP
    w.step((0,))
    assert w.result is None and w.outro.on


def test_the_controls_only_skip_it_and_only_after_a_moment():
    w = World(_level("viktor_key"), seed=1)
    _fight_done(w)
    p = w.player_entities()[0]
    x0 = p.x
    # mashing punch and walking in the first moment: no move, no blow, no skip
    for i in range(outro.SKIP_AFTER - 2):
        w.step((PUNCH | int(Action.RIGHT) if i % 2 == 0 else int(Action.RIGHT),))
        assert p.state in ("idle", "walk") and p.x == x0
    assert w.result is None
    # a button held from before the moment passed is no press
    for _ in range(10):
        w.step((START,))
    assert w.result is None
    w.step((0,))
    events = w.step((START,))
    assert w.result == "cleared" and w.outro.skipped
    assert [e.kind for e in events if e.kind in (ev.OUTRO_END, ev.LEVEL_CLEAR)] == [ev.OUTRO_END,
                                                                                   ev.LEVEL_CLEAR]
    assert next(e for e in events if e.kind == ev.OUTRO_END).value == 1
    assert not any(e.kind == "actor" for e in w.entities) or all(
        e.remove for e in w.entities if e.kind == "actor")


@pytest.mark.parametrize("button", [PUNCH, START])
def test_player_two_can_skip_it_too(button):
    w = World(_level("bus_departs"), seed=2, players=2)
    _fight_done(w)
    for _ in range(outro.SKIP_AFTER):
        w.step((0, 0))
    w.step((0, button))
    assert w.result == "cleared" and w.outro.skipped


def test_nothing_can_hit_viktor():
    w = World(_level("viktor_key"), seed=1)
    _fight_done(w)
    while w.outro.beat != "fetch":
        w.step((0,))
    v = w.by_id[w.outro.viktor]
    p = w.player_entities()[0]
    hits = []
    for _ in range(60):
        if w.result is not None or v.remove:
            break
        # put the player's fist and a bullet on him, tick after tick
        p.x, p.y, p.facing = v.x - 20 * FP, v.y, 1
        if p.state in ("idle", "walk"):
            start_move(w, p, "punch1")
        b = w.spawn("projectile", v.x - 6 * FP, v.y)
        b.z, b.vx, b.team, b.owner, b.ttl, b.damage = 30 * FP, 2 * FP, p.team, p.eid, 10, 5
        b.char = b.tag = b.anim = "bullet"
        hits += [e for e in w.step((0,)) if e.kind in (ev.HIT, ev.BLOCK, ev.GRAB) and e.target == v.eid]
    assert hits == []
    assert v.state in ("walk", "grab", "idle") and v.kind == "actor"


def test_the_clock_stops_and_enemies_stand_still_during_the_scene():
    lv = _level("viktor_key", time_limit=1)      # 60 ticks: long gone once the scene plays
    w = World(lv, seed=1)
    w.tick = 0
    _fight_done(w)
    straggler = w.spawn("enemy", 300 * FP, 130 * FP)   # one who wandered in: he must not move
    straggler.char = straggler.tag = "thug"
    straggler.team, straggler.hp, straggler.max_hp = 1, 10, 10
    w.step((0,))
    x = straggler.x
    _play(w)
    assert w.result == "cleared"
    assert straggler.x == x and straggler.state == "idle"


def test_the_scene_is_deterministic_and_in_the_state_hash():
    def run(seed: int, skip_at: int | None = None) -> tuple[str, int]:
        w = World(_level("bus_departs"), seed=seed)
        _fight_done(w)
        t0 = w.tick
        _play(w, lambda w: (START,) if skip_at is not None and w.tick - t0 == skip_at else (0,))
        return w.state_hash(), w.tick
    assert run(5) == run(5)
    assert run(5, skip_at=100) == run(5, skip_at=100)
    assert run(5, skip_at=100) != run(5)
    w1, w2 = World(_level("bus_departs"), seed=1), World(_level("bus_departs"), seed=1)
    assert w1.state_hash() == w2.state_hash()
    w2.outro.held[0] = 1
    assert w1.state_hash() != w2.state_hash()


def test_the_bot_watches_the_scene_to_its_end():
    w = World(_level("viktor_key"), seed=1)
    _fight_done(w)
    bot = Bot(0)
    inputs = []
    while w.result is None:
        bits = bot.decide(w)
        inputs.append(bits)
        w.step((bits,))
    assert set(inputs) == {0} and not w.outro.skipped


def test_an_unknown_outro_in_code_is_refused():
    with pytest.raises(ValueError, match="unknown outro"):
        outro.create(_level("fireworks"))


def test_the_bus_geometry_matches_its_picture():
    meta = json.loads((ROOT / "assets" / "ui" / "outro" / "outro.json").read_text())
    assert meta["w"] == outro.BUS_LENGTH
    assert meta["door_x"] == outro.BUS_DOOR_X


# -- the shipped levels -------------------------------------------------------------------------------


@pytest.mark.parametrize("name,kind", [("hotel", "viktor_key"), ("station", "bus_departs")])
def test_the_shipped_hotel_and_station_have_their_outro(name, kind):
    level = load_level(ROOT / "levels" / f"{name}.tmx")
    assert outro.kind_of(level) == kind
    assert World(level, seed=1).outro.kind == kind


@pytest.mark.parametrize("name", ["bathhouse", "moscow", "chicago", "hospital", "chase"])
def test_the_other_shipped_levels_have_none(name):
    assert outro.kind_of(load_level(ROOT / "levels" / f"{name}.tmx")) == "none"


# -- the loader and check ------------------------------------------------------------------------------


def _map_with(tmp_path: Path, source: str, old: str, new: str) -> Path:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "levels").mkdir()
    text = (ROOT / "levels" / f"{source}.tmx").read_text()
    assert old in text
    path = tmp_path / "levels" / "x.tmx"
    path.write_text(text.replace(old, new, 1))
    return path


OUTRO_PROP = '  <property name="outro" propertytype="Outro" value="{}"/>\n'


def test_the_loader_reads_the_outro_property(tmp_path):
    path = _map_with(tmp_path, "bathhouse", " <properties>\n", " <properties>\n" + OUTRO_PROP.format(
        "bus_departs"))
    level = load_level(path)
    assert level.properties["outro"] == "bus_departs"
    assert World(level, seed=1).outro.kind == "bus_departs"


def test_check_names_an_unknown_outro_and_the_valid_ones(tmp_path):
    path = _map_with(tmp_path, "bathhouse", " <properties>\n", " <properties>\n" + OUTRO_PROP.format(
        "fireworks"))
    with pytest.raises(LevelError) as err:
        load_level(path)
    assert "unknown Outro 'fireworks' (valid: none, viktor_key, bus_departs)" in "\n".join(err.value.problems)


def test_check_refuses_an_outro_in_a_chase(tmp_path):
    path = _map_with(tmp_path, "chase", " <properties>\n", " <properties>\n" + OUTRO_PROP.format(
        "bus_departs"))
    with pytest.raises(LevelError) as err:
        load_level(path)
    assert "outro 'bus_departs' is for brawl levels" in "\n".join(err.value.problems)


def test_check_warns_when_the_key_has_no_boss_to_fall_from(tmp_path):
    from game.sim.level import LevelDesc
    from game.tiled.outro_rules import check
    from game.tiled.problems import Report

    lv: LevelDesc = _level("viktor_key")
    report = Report("x.tmx")
    check(lv, report)
    assert any("no Enemy is marked boss" in w for w in report.warnings)
    report = Report("x.tmx")
    check(dataclasses.replace(lv, waves=[]), report)
    assert any("has no Wave rectangle" in e for e in report.errors)


def test_the_hud_clock_stands_still_during_the_scene():
    w = World(_level("viktor_key", time_limit=600), seed=1)
    _fight_done(w)
    w.step((0,))
    while w.outro.phase == "waiting" and w.result is None:
        w.step((0,))
    assert w.outro.on
    left = w.time_left_ticks
    for _ in range(30):
        w.step((0,))
    assert w.outro.on and w.time_left_ticks == left
