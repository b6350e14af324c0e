"""Level flow rules: wave lock and release, pickups, ammo, time limit, lives, score, joining mid-game."""

from __future__ import annotations

import dataclasses

from game.sim import events as ev
from game.sim.actions import Action
from game.sim.combat import kill
from game.sim.fixed import FP
from game.sim.level import PickupSpawn
from game.sim.testlevel import arena, corridor
from game.sim.world import World

P, S, R = int(Action.PUNCH), int(Action.SPECIAL), int(Action.RIGHT)


def kinds(events) -> list[str]:
    return [e.kind for e in events]


def player(w: World, i: int = 0):
    return w.by_id[w.slots[i].eid]


def test_wave_locks_the_camera_until_its_enemies_are_down_then_releases():
    level = corridor(waves=1, per_wave=2)
    w = World(level, seed=1)
    w.ai_enabled = False
    zone = level.waves[0]
    p = player(w)
    p.x, p.y = (zone.rect.x + 8) * FP, (zone.rect.y + 40) * FP
    w.step((0,))
    assert ev.WAVE_START in kinds(w.events) and w.camera_lock is not None
    lo, hi = w.camera_lock
    assert hi - lo == 320 and lo <= zone.rect.x < hi
    # Players cannot walk out of the locked screen.
    for _ in range(400):
        w.step((R,))
    assert p.x // FP <= hi
    assert w.result is None
    wave = [e for e in w.entities if e.kind == "enemy" and e.wave == zone.number]
    assert len(wave) == 2
    for e in wave:
        kill(w, e, 1, 0, 0, p)
    evs = []
    for _ in range(3):
        evs += w.step((0,))
    assert ev.WAVE_CLEAR in kinds(evs) and ev.GO in kinds(evs)
    assert w.camera_lock is None and w.go_arrow > 0


def test_exit_needs_every_wave_cleared():
    level = corridor(waves=1, per_wave=1)
    w = World(level, seed=1)
    w.ai_enabled = False
    p = player(w)
    ex = level.exits[0]
    p.x, p.y = (ex.x + 4) * FP, (ex.y + 40) * FP
    w.step((0,))
    assert w.result is None
    w.wave_status = {n: "cleared" for n in w.wave_status}
    w.step((0,))
    assert w.result == "cleared" and ev.LEVEL_CLEAR in kinds(w.events)
    tick = w.tick
    w.step((R,))
    assert w.tick == tick + 1 and w.result == "cleared"   # inputs after the end are ignored


def _with_pickups(*items: tuple[str, int]) -> World:
    level = arena()
    level = dataclasses.replace(level, pickups=[PickupSpawn(obj_id=50 + i, kind=k, x=100, y=130, amount=a)
                                                for i, (k, a) in enumerate(items)])
    return World(level, seed=1)


def test_health_is_taken_only_when_hurt():
    w = _with_pickups(("health", 0))
    w.step((0,))
    assert any(e.kind == "pickup" for e in w.entities)
    p = player(w)
    p.hp -= 50
    w.step((0,))
    assert ev.PICKUP in kinds(w.events) and not any(e.kind == "pickup" for e in w.entities)
    assert p.hp == p.max_hp - 50 + w.pickup_table["health"][0]


def test_ammo_pickup_feeds_the_pistol_up_to_the_cap():
    w = _with_pickups(("ammo", 30))
    w.step((0,))
    assert w.slots[0].ammo == w.rules["max_ammo"]


def test_pistol_uses_ammo_and_dry_fires_when_empty():
    w = World(arena(), seed=1)
    slot = w.slots[0]
    slot.ammo = 1
    evs = w.step((S,))
    for _ in range(40):
        evs += w.step((0,))
    assert slot.ammo == 0 and ev.SHOT in kinds(evs)
    assert any(e.kind == "projectile" for e in w.entities) or ev.RICOCHET in kinds(evs)
    evs = w.step((S,))
    assert ev.DRY_FIRE in kinds(evs)


def test_map_properties_start_danko_shirtless_and_without_bullets():
    w = World(dataclasses.replace(arena(), properties={"outfit": "bath", "start_ammo": 0}), seed=1)
    assert w.slots[0].ammo == 0 and player(w).char == "danko_bath"
    w2 = World(arena(), seed=1)
    assert w2.slots[0].ammo == w.rules["start_ammo"]["default"] and player(w2).char == "danko"
    w3 = World(dataclasses.replace(arena(), properties={"start_ammo": 5}), seed=1)
    assert w3.slots[0].ammo == 5


def test_time_limit_ends_in_timeout():
    w = World(dataclasses.replace(arena(), time_limit=2), seed=1)
    assert w.time_left_ticks == 120
    evs = []
    for _ in range(200):
        evs += w.step((0,))
    assert w.result == "timeout" and w.summary()["result"] == "timeout"
    assert [x.tick for x in evs if x.kind == ev.TIMEOUT] == [119]


def test_lives_respawn_then_game_over():
    w = World(arena(), seed=1, difficulty="hard")
    slot, p = w.slots[0], player(w)
    lives = slot.lives
    kill(w, p, 1, 0, 0, None)
    evs = []
    for _ in range(120):
        evs += w.step((0,))
    assert ev.LIFE_LOST in kinds(evs) and slot.lives == lives - 1 and p.alive and p.hp == p.max_hp
    for _ in range(slot.lives):
        kill(w, p, 1, 0, 0, None)
        for _ in range(120):
            w.step((0,))
    assert w.result == "died" and slot.lives == 0


def test_score_rewards_hits_combos_and_defeats():
    w = World(arena((("thug", 120, 130),)), seed=1)
    w.ai_enabled = False
    e = next(x for x in w.entities if x.kind == "enemy")
    e.hp = e.max_hp = 1000
    gains = []
    for _ in range(3):
        evs = w.step((P,))
        for _ in range(30):
            evs += w.step((0,))
        gains += [x.value for x in evs if x.kind == ev.SCORE]
    assert len(gains) == 3 and gains[1] > gains[0] * 1   # the second hit carries a combo bonus
    w2 = World(arena((("thug", 120, 130),)), seed=1)
    w2.ai_enabled = False
    next(x for x in w2.entities if x.kind == "enemy").hp = 1
    evs = w2.step((P,))
    for _ in range(30):
        evs += w2.step((0,))
    assert w2.enemies_defeated == 1 and ev.DEATH in kinds(evs)
    assert w2.slots[0].score >= w2.enemy_stats_by_kind["thug"].score


def test_player_two_joins_beside_player_one():
    w = World(arena(), seed=1)
    w.step((0,))
    slot = w.join_player()
    assert slot == 1 and w.players == 2 and ev.PLAYER_JOIN in kinds(w.events)
    r, d = player(w, 1), player(w, 0)
    assert r.char == "ridzik" and abs(r.x - d.x) <= 24 * FP
    w.step((0, R))
    assert r.x > d.x
