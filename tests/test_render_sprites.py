"""Every state the rules can reach has an animation, and attack frames follow the move data."""

from __future__ import annotations

import json
import re

import numpy as np
import pygame
import pytest

from game.paths import assets_dir
from game.render.actors import move_frame, phase_counts, sheet_phase_counts, timed_frame
from game.render.atlas import load_sheet
from game.sim import fighter
from game.sim.moves import MOVE_FILE_ALIAS, Move, load_moveset

#: The non-attack animation tags the rules set (``anim`` = state name; see game/sim/fighter.py).
COMMON_TAGS = ("idle", "walk", "jump", "hurt", "knockdown", "down", "getup", "death", "grabbed", "thrown",
               "block")
#: States only players reach: holding someone (enemies never grab; game/sim/controls.py) and running.
PLAYER_TAGS = ("grab", "run")
#: How much of a wind-up's silhouette must differ from every idle frame (share of the pixels either covers).
WINDUP_DIFFERS = {True: 0.25, False: 0.2}    # knock-down moves, other enemy moves


def _names(data_file: str) -> list[str]:
    raw = json.loads((assets_dir() / "data" / data_file).read_text(encoding="utf-8"))
    return [k for k in raw if not k.startswith("_")]


def character_sheets() -> list[tuple[str, bool]]:
    """(sheet, is_player) for every sheet a character entity can name, alternate looks included."""
    players, enemies = _names("players.json"), _names("enemies.json")
    looks = [(alt, base in players) for alt, base in MOVE_FILE_ALIAS.items()]
    return [(n, True) for n in players] + [(n, False) for n in enemies] + looks


@pytest.fixture(scope="module", autouse=True)
def _display() -> None:
    pygame.display.init()


def test_common_tags_cover_every_state_the_rules_name():
    doc = fighter.__doc__ or ""
    states = set(re.findall(r"``(\w+)``", doc.split("``anim``")[0]))
    assert states, "fighter.py documents its states"
    assert states - {"attack", "move"} <= set(COMMON_TAGS + PLAYER_TAGS), "a rule state has no animation tag"


@pytest.mark.parametrize(("char", "player"), character_sheets())
def test_every_rule_state_and_move_has_an_animation(char, player):
    sheet = load_sheet(char)
    wanted = set(COMMON_TAGS) | set(load_moveset(char).moves) | (set(PLAYER_TAGS) if player else set())
    missing = sorted(t for t in wanted if not sheet.has(t))
    assert not missing, f"sprite sheet {char!r} lacks animations for {missing}"


def test_every_pickup_kind_has_a_picture():
    for kind in _names("pickups.json"):
        path = assets_dir() / "sprites" / f"{kind}.json"
        sheet = load_sheet(kind) if path.exists() else load_sheet("pickups")
        assert sheet.has(kind) or sheet.has("idle"), f"no picture for the {kind!r} pickup"


def test_attack_frames_show_the_hit_pose_exactly_while_the_hitbox_is_out():
    m = Move("punch", startup=3, active=2, recovery=7)
    for n in (2, 3, 4, 5, 7):
        ns, na, nr = phase_counts(n, m.startup, m.active, m.recovery)
        assert ns >= 1 and na >= 1 and ns + na + nr == n
        frames = [move_frame(n, m, t) for t in range(m.total)]
        assert frames == sorted(frames), "frames never run backwards"
        active = set(range(ns, ns + na))
        for t, f in enumerate(frames):
            assert (f in active) == (m.phase(t) == "active") or (n == 2 and m.phase(t) == "recovery")


def test_looping_and_timed_animations_follow_aseprite_durations():
    durations = [100, 100, 200]   # ms: 6, 6 and 12 ticks
    assert [timed_frame(durations, t, loop=True) for t in (0, 5, 6, 12, 23, 24)] == [0, 0, 1, 2, 2, 0]
    assert timed_frame(durations, 500, loop=False) == 2, "a one-shot holds its last frame"


def test_jump_pose_follows_vertical_speed_and_hurt_holds_its_last_frame():
    from game.render.actors import Actors
    from game.sim.entities import Entity

    sheet = load_sheet("danko")
    actors = Actors()
    e = Entity(eid=1, kind="player", x=0, y=0, char="danko", anim="jump", state="jump")
    jump = sheet.frames("jump")
    e.vz = 600
    assert actors.frame_of(sheet, "jump", e, False) is jump[0][0]
    e.vz = -600
    assert actors.frame_of(sheet, "jump", e, False) is jump[-1][0]
    e.anim, e.state, e.vz, e.anim_tick = "hurt", "hurt", 0, 500
    assert actors.frame_of(sheet, "hurt", e, False) is sheet.frames("hurt")[-1][0]


def _silhouette(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array_alpha(surface) > 0


@pytest.mark.parametrize(("char", "player"), character_sheets())
def test_enemy_wind_ups_read_differently_from_idle(char, player):
    """Every frame an enemy shows during a move's startup is a pose of its own, not the idle stance with
    an arm moved: the telegraph the player reacts to (stronger for the moves that knock down)."""
    if player:
        return
    sheet = load_sheet(char)
    idles = [_silhouette(f) for f, _ in sheet.frames("idle")]
    for name, move in load_moveset(char).moves.items():
        frames = sheet.frames(name)
        counts = sheet_phase_counts([d for _, d in frames], move)
        for tick in range(move.startup):
            pose = _silhouette(frames[move_frame(len(frames), move, tick, counts)][0])
            for idle in idles:
                share = (pose ^ idle).sum() / max(1, (pose | idle).sum())
                assert share >= WINDUP_DIFFERS[move.knockdown], (
                    f"{char} {name}: wind-up at tick {tick} is only {share:.0%} different from idle")


def test_running_loops_its_stride_while_the_run_lasts():
    from game.render.actors import Actors
    from game.sim.entities import Entity

    actors = Actors()
    sheet = load_sheet("danko")
    runner = Entity(eid=1, kind="player", x=0, y=0, char="danko", state="run", anim="run")
    shown = []
    for tick in range(0, 240, 3):
        runner.anim_tick = tick
        shown.append(id(actors.frame_of(sheet, "run", runner, False)))
    assert len(set(shown)) == len(sheet.frames("run")) >= 4
    assert len(set(shown[-20:])) > 1, "the stride keeps cycling, it does not stop on its last frame"


def test_a_quick_get_up_still_shows_every_frame_before_standing():
    """Enemies get up in fewer ticks than the sheet's frames last: every frame still shows, in order."""
    from game.render.actors import Actors
    from game.sim.entities import Entity

    sheet = load_sheet("thug")
    frames = [f for f, _ in sheet.frames("getup")]
    assert len(frames) >= 2
    actors = Actors()
    from game.sim.stats import rules

    n = rules()["enemy_getup_ticks"]
    e = Entity(eid=1, kind="enemy", x=0, y=0, char="thug", anim="getup", state="getup", anim_len=n)
    seen = []
    for t in range(n):
        e.anim_tick = t
        f = actors.frame_of(sheet, "getup", e, False)
        if not seen or seen[-1] is not f:
            seen.append(f)
    assert seen == frames, f"{len(seen)} of {len(frames)} get-up frames shown in {n} ticks"
