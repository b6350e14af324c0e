"""The new cast's own rules (game/sim/ai_kinds.py): the brute's hold and slam, level move swaps, the flee."""

from __future__ import annotations

import dataclasses

import pytest

from game.sim import ai_kinds
from game.sim import events as ev
from game.sim.fighter import start_move
from game.sim.moves import DataError
from game.sim.testlevel import arena
from game.sim.world import World


def _world(kind: str, x: int = 124, name: str = "arena") -> tuple[World, object, object]:
    desc = arena(((kind, x, 130),), cols=60)
    w = World(dataclasses.replace(desc, name=name), seed=3)
    e = next(o for o in w.entities if o.kind == "enemy")
    p = next(o for o in w.entities if o.kind == "player")
    e.dormant, e.facing = False, -1 if e.x > p.x else 1
    return w, e, p


@pytest.mark.parametrize("kind", ["brute", "heavy", "bodyguard"])
def test_a_landed_grab_holds_the_player_then_slams_them_down(kind):
    w, b, p = _world(kind)
    p.invuln = 0
    for pl in w.slots:
        pl.grace = 0
    start_move(w, b, "grab")
    held = slammed = False
    hp0 = p.hp
    for _ in range(200):
        evs = w.step((0,))
        held = held or (p.state == "grabbed" and b.state == "grab" and b.anim == ai_kinds.HOLD_ANIM)
        if held and p.state in ("knockdown", "down"):
            slammed = True
            break
        assert not any(e.kind == ev.GRAB and e.actor == b.eid for e in evs) or p.grab_eid == b.eid
    assert held, f"{kind}: the grab never took hold"
    assert slammed and p.hp < hp0 - 10, f"{kind}: the held player was not slammed down"


def test_a_blocked_grab_does_not_hold():
    w, b, p = _world("brute")
    for pl in w.slots:
        pl.grace = 0
    p.facing = 1
    start_move(w, b, "grab")
    for _ in range(40):
        p.state = "block"
        w.step((0,))
        assert p.state != "grabbed"


def test_the_thrower_throws_snowballs_in_moscow_and_bottles_elsewhere():
    for level, sprite in (("moscow", "thrown_snowball"), ("arena", "weapon_bottle")):
        w, t, _ = _world("thrower", x=260, name=level)
        w.ai_enabled = True
        start_move(w, t, "throw_bottle")
        tags = []
        for _ in range(40):
            tags += [e.tag for e in w.step((0,)) if e.kind == ev.WEAPON_THROW]
        assert tags == [sprite], level


def test_kind_rules_reject_a_hold_without_a_holding_follow_up(monkeypatch):
    import game.sim.ai_kinds as ak

    real = ak._load("enemies.json")
    bad = {**real, "brute": {**real["brute"], "grab_follow": "punch"}}
    monkeypatch.setattr(ak, "_load", lambda name: bad)
    ak.kind_rules.cache_clear()
    try:
        with pytest.raises(DataError, match=r"brute.*grab_follow"):
            ak.kind_rules()
    finally:
        monkeypatch.undo()
        ak.kind_rules.cache_clear()


def test_viktor_runs_off_in_his_flee_animation():
    w, v, _ = _world("viktor", x=300)
    for pl in w.slots:
        pl.grace = 0
    v.hp = v.max_hp * 20 // 100
    shown = set()
    for _ in range(300):
        w.step((0,))
        if v.eid not in w.by_id or not v.alive:
            break
        shown.add(v.anim)
    assert ai_kinds.FLEE_ANIM in shown


def test_every_kind_with_its_own_rules_has_the_animations_they_show():
    import json

    from game.paths import assets_dir

    def tags(kind: str) -> set[str]:
        raw = json.loads((assets_dir() / "sprites" / f"{kind}.json").read_text(encoding="utf-8"))
        return {t["name"] for t in raw["meta"]["frameTags"]}

    rules = ai_kinds.kind_rules()
    assert {"brute", "heavy", "bodyguard", "thrower"} <= set(rules)
    for kind, kr in rules.items():
        if kr.hold_ticks:
            assert {ai_kinds.HOLD_ANIM, "grab", kr.follow} <= tags(kind), kind
    assert ai_kinds.FLEE_ANIM in tags("viktor")
