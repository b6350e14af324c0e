"""The stage draws what the world holds: a scripted fight, HUD numbers, camera rules, effects per event."""

from __future__ import annotations

import itertools
import math

import pygame
import pytest

from game.render.camera import Camera
from game.render.screen import HEIGHT, WIDTH
from game.render.stage import Stage, synthesised_view
from game.sim import events as ev
from game.sim import testlevel
from game.sim.entities import Entity
from game.sim.events import Event
from game.sim.fixed import FP
from game.sim.world import World
from tests.scripted import mash


@pytest.fixture(scope="module")
def canvas() -> pygame.Surface:
    pygame.display.init()
    pygame.display.set_mode((WIDTH, HEIGHT))
    return pygame.Surface((WIDTH, HEIGHT))


def fight(level, ticks: int, canvas: pygame.Surface, seed: int = 2, players: int = 1):
    """Step a world with scripted mashing, feeding the stage, drawing every step; yields each step."""
    world = World(level, seed=seed, players=players)
    stage = Stage(level, None)
    for t, frame in enumerate(mash(ticks, seed=seed, players=players)):
        events = world.step(frame)
        stage.handle_events(events, world)
        stage.update(world)
        stage.draw(canvas, world, (t % 4) / 4)
        yield world, stage, events


def test_renderer_draws_a_scripted_fight_without_errors(canvas):
    level = testlevel.corridor(kinds=("thug", "bather", "gangster"))
    kinds: set[str] = set()
    drawn_max = 0
    for _world, stage, events in fight(level, 700, canvas, seed=3):
        kinds.update(e.kind for e in events)
        drawn_max = max(drawn_max, stage.actors.drawn)
    assert drawn_max >= 2, "the player and at least one enemy were drawn"
    assert ev.HIT in kinds, "the script should have landed hits (so effects were exercised)"


def test_two_players_fight_with_their_own_hud_blocks(canvas):
    level = testlevel.corridor(kinds=("nurse", "hitman"))
    *_, (world, stage, _) = fight(level, 300, canvas, seed=4, players=2)
    assert len(stage.hud.shown["players"]) == 2
    assert [p["score"] for p in stage.hud.shown["players"]] == [s.score for s in world.slots]


def test_camera_never_scrolls_back_and_respects_the_wave_lock(canvas):
    level = testlevel.corridor()
    last = -1
    locks = 0
    for world, stage, _ in fight(level, 600, canvas, seed=5):
        assert stage.camera_x >= last, "the camera scrolled back left"
        assert stage.camera_x >= world.scroll_x, "the camera showed left of the rules' scroll edge"
        for s in world.slots:
            x = world.by_id[s.eid].x // FP
            assert stage.camera_x <= x <= stage.camera_x + WIDTH, "a player left the screen"
        lock = world.camera_lock
        if lock is not None:
            locks += 1
            # the view may only move right while locked if it has not reached the lock's right edge
            assert stage.camera_x == last or stage.camera_x + WIDTH <= lock[1], "scrolled past a wave lock"
        last = stage.camera_x
        assert 0 <= stage.camera_x <= level.pixel_width - WIDTH
    assert locks > 0, "the script should reach a locked wave"


def test_hud_shows_the_numbers_of_the_world(canvas):
    level = testlevel.corridor()
    for world, stage, _ in fight(level, 300, canvas, seed=3):
        shown = stage.hud.shown
        for slot, numbers in zip(world.slots, shown["players"], strict=True):
            e = world.by_id[slot.eid]
            assert numbers == {"score": slot.score, "lives": slot.lives, "ammo": slot.ammo, "hp": e.hp}
        left = world.time_left_ticks
        assert shown["timer"] == (None if left is None else math.ceil(left / 60))
        foe = world.by_id.get(world.last_hit_enemy) if world.last_hit_enemy is not None else None
        assert shown["enemy_hp"] == (foe.hp if foe is not None else None)
        assert shown["go"] == bool(world.go_arrow)


def test_camera_eases_into_a_lock_and_clamps_to_the_level():
    cam = Camera(320, 180, 2000, 192)
    cam.update([100], None)
    assert cam.left == 0, "the first frame snaps to the clamped target"
    for _ in range(300):
        cam.update([1200], (400, 900))
    assert cam.left == 900 - 320, "stops at the lock's right edge"
    for _ in range(300):
        cam.update([700], None)
    assert cam.left == 580, "never scrolls back after the lock opens"
    for _ in range(600):
        cam.update([5000], None)
    assert cam.left == 2000 - 320, "never shows past the level's right edge"


def test_camera_follows_the_rules_scroll_edge_and_never_shows_left_of_it():
    cam = Camera(320, 180, 2000, 192)
    cam.update([100], None, edge=40)
    assert cam.left == 40, "the first frame snaps to the edge"
    for edge in range(40, 400, 3):
        cam.update([edge + 150], None, edge=edge)
        assert cam.left == edge, "the view sits on the edge the rules keep"
    cam.update([300], None, edge=5000)
    assert cam.left == 2000 - 320, "never shows past the level's right edge"
    cam.x = 900.0                       # ahead of the edge (say after a reload): ease back, not jump
    cam.update([700], None, edge=700)
    assert 700 < cam.left < 900


def test_camera_shake_is_cosmetic_and_decays():
    cam = Camera(320, 180, 2000, 192)
    cam.update([500], None)
    cam.kick(3)
    offsets = set()
    for _ in range(60):
        cam.update([500], None)
        offsets.add(cam.view(1.0)[0] - cam.left)
    assert len(offsets) > 1 and cam.shake == 0.0 and cam.view(1.0)[0] == cam.left


def test_every_event_kind_can_be_shown(canvas):
    level = testlevel.corridor()
    world = World(level, seed=1)
    stage = Stage(level, None)
    p = world.by_id[world.slots[0].eid]
    x, y = p.x // FP, p.y // FP
    events = [Event(kind, 0, x, y, 30, actor=p.eid, target=p.eid, value=100, strength=3, tag="health")
              for kind in ev.EVENT_KINDS]
    stage.handle_events(events, world)
    for _ in range(5):
        stage.update(world)
        stage.draw(canvas, world, 0.0)
    shown = {p.kind for p in stage.effects.particles}
    assert {"spark", "dust", "muzzle", "pop", "ember", "desperation"} <= shown
    assert stage.camera.shake > 0


def test_built_in_levels_get_a_bathhouse_view_from_their_solid_grid():
    level = testlevel.corridor()
    view = synthesised_view(level)
    assert (view.cols, view.rows) == (level.cols, level.rows)
    walls = view.layers[0].gids
    assert (walls[level.solid] > 0).all() and (walls[~level.solid] > 0).all(), "every cell has a tile"
    assert len({int(g) for g in walls[0]}) <= 2, "the top row is ceiling"


def test_reload_errors_are_drawn_without_failing(canvas):
    level = testlevel.corridor()
    world = World(level, seed=1)
    stage = Stage(level, None)
    stage.update(world)
    stage.draw(canvas, world, 0.0)
    lines = [f"levels/x.tmx: object {i} (Enemy 'thug'): kind 'thugg' is unknown; valid: bather, gangster"
             for i in range(40)]
    stage.draw_errors(canvas, lines)
    stage.draw_notice(canvas, "Screenshot saved: /tmp/x.png")


def test_a_level_whose_pictures_fail_to_reload_keeps_the_last_good_ones(canvas, monkeypatch):
    from game.render import stage as stage_module
    from game.tiled.problems import LevelError

    level = testlevel.corridor()
    world = World(level, seed=1)
    stage = Stage(level, None)
    tiles = stage.tiles

    def broken(*_args):
        raise LevelError(["assets/tilesets/bathhouse.png: cannot load tileset image (truncated)"])

    monkeypatch.setattr(stage_module, "map_view_for", broken)
    stage.reload(level, None)
    assert stage.tiles is tiles and stage.picture_errors
    stage.update(world)
    stage.draw(canvas, world, 0.0)


def test_steam_in_the_bathhouse_and_snow_in_moscow_drift_on_their_own():
    from game.render.effects import Effects, weather_for

    assert weather_for("bathhouse", "") == "steam" and weather_for("x", "bathhouse") == "steam"
    assert weather_for("red_square", "moscow") == "snow" and weather_for("chicago", "chicago") == ""
    snow = Effects("snow", seed=1)
    before = [f[1] for f in snow.snow]
    snow.update(0, 0)
    assert all(b != a for b, a in zip(before, (f[1] for f in snow.snow), strict=True)), "every flake falls"
    steam = Effects("steam", seed=1)
    steam.update(100, 12)
    assert steam.steam and all(40 <= s[0] <= 100 + 320 + 60 for s in steam.steam)


def test_a_struck_body_flashes_once_then_shakes_through_its_hitstop():
    from game.render.actors import Actors

    world = World(testlevel.corridor(kinds=("thug",)), seed=1)
    victim = world.by_id[world.slots[0].eid]
    actors = Actors()
    victim.state, victim.hitstop = "hurt", 0
    actors.remember(world.entities)
    flashes, shakes = [], []
    for left in range(9, 0, -1):       # a 9-step freeze counting down, as the rules do
        victim.hitstop = left
        actors.remember(world.entities)
        flash, dx = actors.struck(victim)
        flashes.append(flash)
        shakes.append(dx)
    assert flashes == [True, True] + [False] * 7, "white for the first two steps only, not a strobe"
    assert all(shakes) and all((a > 0) != (b > 0) for a, b in itertools.pairwise(shakes))
    assert max(abs(d) for d in shakes) <= 2
    victim.hitstop = 0
    actors.remember(world.entities)
    assert actors.struck(victim) == (False, 0)
    victim.state, victim.hitstop = "attack", 6   # the attacker freezes too, but neither flashes nor shakes
    actors.remember(world.entities)
    assert actors.struck(victim) == (False, 0)


def test_training_overlay_draws_boxes_floor_and_the_move_frame(canvas):
    from game.render.overlay import HIT, HURT, PHASE_COLOURS, move_label
    from game.sim.actions import Action

    level = testlevel.corridor(kinds=("thug",))
    world = World(level, seed=1)
    stage = Stage(level, None)
    player = world.by_id[world.slots[0].eid]
    world.step([Action.PUNCH])
    stage.update(world)
    assert player.state == "attack"
    move = world.moveset(player.char).moves[player.move]
    text, colour = move_label(world, player)
    assert text == f"{player.move.upper()} S {player.anim_tick + 1}/{move.total}"
    assert colour == PHASE_COLOURS["startup"]
    stage.draw(canvas, world, 0.0)
    plain = pygame.surfarray.array3d(canvas).copy()
    stage.training = True
    stage.draw(canvas, world, 0.0)
    assert (player.eid, text) in stage._overlay.shown
    drawn = pygame.surfarray.array3d(canvas)
    assert (drawn == HURT).all(axis=2).sum() > (plain == HURT).all(axis=2).sum() + 40, "hurtbox outline"
    while player.state == "attack" and move.phase(player.anim_tick) != "active":
        world.step([0])
    stage.update(world)
    stage.draw(canvas, world, 0.0)
    assert move_label(world, player)[1] == PHASE_COLOURS["active"]
    assert (pygame.surfarray.array3d(canvas) == HIT).all(axis=2).sum() > 8, "the hitbox while it is out"


def test_one_combo_counter_per_player_instead_of_stacking_pop_ups(canvas):
    from game.render.hud import COMBO_HOLD

    level = testlevel.corridor()
    world = World(level, seed=1, players=2)
    stage = Stage(level, None)
    p = world.by_id[world.slots[0].eid]
    combo = world.combos[0]
    for hit in range(1, 6):                 # five hits in a row, each scored into the combo
        combo.add(60, 90)
        stage.handle_events([Event(ev.SCORE, world.tick, p.x // FP, p.y // FP, 0, actor=p.eid, value=60,
                                   tag="combo"), Event(ev.COMBO, world.tick, value=hit, actor=p.eid)], world)
        stage.update(world)
        stage.draw(canvas, world, 0.0)
        assert stage.hud.shown["combos"] == [(hit, 60 * hit), None]
    assert not [q for q in stage.effects.particles if q.kind == "pop"], "combo points are not pop-ups"
    combo.hits = combo.points = combo.ticks_left = 0     # the combo ended
    seen = []
    for _ in range(COMBO_HOLD + 2):
        stage.update(world)
        stage.draw(canvas, world, 0.0)
        seen.append(stage.hud.shown["combos"][0])
    assert seen[0] == (5, 300), "the finished total stays a moment"
    assert None in seen[-16:-1] and (5, 300) in seen[-16:-1], "then blinks out"
    assert seen[-1] is None
    world.combos[1].add(40, 90)             # player 2's counter is their own, on their side
    stage.update(world)
    stage.draw(canvas, world, 0.0)
    assert stage.hud.shown["combos"] == [None, (1, 40)]


@pytest.mark.parametrize("name", ["gangster", "hitman", "cleanhead", "bodyguard", "viktor", "thug_woodleg"])
def test_the_enemy_name_in_the_hud_is_never_cut(canvas, name, monkeypatch):
    from game.render import hud as hud_module

    monkeypatch.setitem(hud_module.DISPLAY_NAMES, name, name.upper().split("_")[0])
    level = testlevel.corridor(kinds=("thug",))
    world = World(level, seed=1)
    stage = Stage(level, None)
    player = world.by_id[world.slots[0].eid]
    foe = Entity(eid=999, kind="enemy", x=player.x + 40 * FP, y=player.y, char=name, hp=10, max_hp=20)
    world.entities.append(foe)
    world.by_id[foe.eid] = foe
    world.last_hit_enemy = foe.eid
    stage.update(world)
    stage.draw(canvas, world, 0.0)
    name_rect, bar_rect = stage.hud.shown["enemy_name"]
    full = stage.hud.small.size(hud_module.display_name(name))[0]
    assert name_rect.width >= full and bar_rect.left > name_rect.right - 1, f"{name} is cut by its bar"
    assert bar_rect.right <= 4 + hud_module.PORTRAIT + 7 + hud_module.BAR_W + 2


def test_the_desperation_shockwave_is_timed_and_sized_from_the_move():
    from game.render.effects import desperation_shape
    from game.sim.moves import load_moveset

    for char in ("danko", "danko_bath", "ridzik"):
        m = load_moveset(char).moves["desperation"]
        startup, reach, depth = desperation_shape(char)
        assert startup == m.startup and depth == m.lane // FP
        assert reach == max(max(abs(b[0]), abs(b[1])) for b in m.hitboxes) // FP
