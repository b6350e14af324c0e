"""Music benchmark: how the music is made (mix figures) and how it starts in the real game.

Mix figures (rendered tracks, ``game.audio.music_analysis``):

- ``music_loudness_spread_lu``: highest minus lowest integrated loudness (K-weighted, gated) over
  all tracks. Target at most 1.
- ``melody_margin_min_lu``: over every section of every looping track, the least the tune stands
  above everything else (K-weighted loudness of its stem against the rest). Target at least 0.
- ``music_aliasing_db_1khz``: the worst of square (duty 1/2 and 1/8) and saw tones at 1046.5 Hz
  (C6): energy off the harmonics over all of it. Target at most -35.
- ``music_side_mid_db_min`` / ``_max``: stereo width of the tracks' loop bodies.
- ``music_render_cpu_ms_per_minute``: CPU time to render every track, per minute of play-through
  (``bench_audio``'s ``music_render_ms_per_minute`` is the same in wall time).

Game figures (the real ``App`` and loop under the dummy video and audio drivers, in a child
process with a fresh user folder): a new game from the title goes through the bathhouse's story
card (2 s, then "next") and its level card (2.5 s) into the level, which is played for 20 s.

- ``music_start_ms``: from the level scene starting to its track playing, warm cache (the same
  route run a second time). Target at most 100. ``music_start_ms_cold``: the first run, where the
  track renders during the cards.
- ``music_late_frames_per_s``: frames shown more than 33 ms after the one before, per second of
  play, in the cold run (while the title plays and the level track renders); target at most 0.1.
  ``music_late_frames_cards`` counts them over the cards; ``_warm`` is the second run, ``_muted``
  the same route with ``--mute`` (what the machine itself does, without any sound) and
  ``_effects_only`` with the effects but no music player.
- ``music_max_play_frame_work_ms``: the most CPU time the game's main thread spent inside one
  frame of play (events, steps, sound, drawing: everything but the wait for the next frame), cold
  and warm;
  ``music_play_frames_working_over_33ms`` counts frames whose own work took over 33 ms. On a
  machine busy with other work, a frame can be late although its work was short: these say
  whether the game itself (the music included) made it late.
- ``chase_*``: the same for a campaign opening at the bus chase's level card, whose own effects
  render in the background during the card (see :func:`chase_figures`); ``--chase`` runs only these.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLAY_SECONDS = 20.0
LATE_MS = 33.0


def mix_figures() -> dict[str, float]:
    """Loudness spread, tune margin, aliasing, width and render CPU time over all tracks."""
    from game.audio.music import TRACK_NAMES, load_song, loudness_lufs, music_path, render_track
    from game.audio.music_analysis import aliasing_db, section_balance, side_mid_db
    from game.audio.synth import RATE

    cpu = minutes = 0.0
    levels, widths, margins = [], [], []
    for name in TRACK_NAMES:
        start = time.process_time()
        track = render_track(name)
        cpu += time.process_time() - start
        minutes += (len(track.intro) or len(track.loop if track.loop is not None else [])) / RATE / 60.0
        body = track.loop if track.loop is not None else track.intro
        levels.append(loudness_lufs(body))
        widths.append(side_mid_db(body))
        if track.loop is not None:
            margins += [lv.margin for lv in section_balance(load_song(music_path(name)))]
    alias = max(aliasing_db(w, 1046.5, d) for w, d in (("square", 0.5), ("square", 0.125), ("saw", 0.5)))
    return {"music_loudness_spread_lu": round(max(levels) - min(levels), 2),
            "melody_margin_min_lu": round(min(margins), 2),
            "music_aliasing_db_1khz": round(alias, 1),
            "music_side_mid_db_min": round(min(widths), 1),
            "music_side_mid_db_max": round(max(widths), 1),
            "music_render_cpu_ms_per_minute": round(cpu * 1000.0 / minutes, 1)}


def route() -> dict[str, float]:
    """In a child: title -> new game -> story card -> level card -> the bathhouse for PLAY_SECONDS."""
    import pygame

    from game.app import App, LaunchOptions
    from game.audio import cues
    from game.scenes.campaign import start_game
    from game.scenes.cards import LevelCardScene, StoryCardScene
    from game.scenes.play import PlayScene

    mute = os.environ.get("BENCH_MUSIC_MUTE") == "1"
    app = App(LaunchOptions(mute=mute))
    shown: list[tuple[float, str]] = []
    present = app.display.present

    def counted_present() -> None:
        present()
        shown.append((time.perf_counter(), type(app.scenes.top).__name__))

    app.display.present = counted_present  # type: ignore[method-assign]
    if os.environ.get("BENCH_MUSIC_OFF") == "1" and app.audio is not None:
        app.audio._player = None  # effects only: what the music itself costs the frames
    marks: dict[str, float] = {}
    work: list[float] = []  # ms spent inside each frame of play (events, steps, music, drawing)
    tick_frame = app.tick_frame

    def timed_tick(frame_seconds: float) -> int:
        now = time.perf_counter()
        top = app.scenes.top
        if "began" not in marks:
            marks["began"] = now
            level = os.environ.get("BENCH_MUSIC_LEVEL", "")
            if level:  # a campaign opening at this level (its briefing, if any, and its card)
                from game.scenes.campaign import Campaign
                from game.scenes.cards import briefing_then_level

                app.input.set_players(1)
                app.scenes.clear_to(briefing_then_level(app, Campaign(players=1, level=level), level))
            else:
                start_game(app, 1)
        elif isinstance(top, StoryCardScene):
            marks.setdefault("story", now)
            if now - marks["story"] > 2.0:
                top.done()
        elif isinstance(top, LevelCardScene):
            marks.setdefault("card", now)
        elif isinstance(top, PlayScene):
            if "play" not in marks:
                marks["play"] = now
                if app.audio is not None and app.audio._bus is not None:  # deferred effects not yet made
                    group = cues.GROUP_OF_MUSIC.get(top.level.music, "")
                    made, wanted = app.audio._bus.effects, cues.deferred_presets().get(group, ())
                    marks["missing"] = float(sum(n not in made for n in wanted))
            music = top.level.music
            if ("music" not in marks and app.audio is not None and app.audio.current_music == music
                    and pygame.mixer.music.get_busy()):
                marks["music"] = now
            if now - marks["play"] >= PLAY_SECONDS:
                app.running = False
                return 0
        if now - marks["began"] > 120:
            app.running = False
            return 0
        cpu = time.thread_time()
        steps = tick_frame(frame_seconds)
        if isinstance(top, PlayScene):
            work.append((time.thread_time() - cpu) * 1000)
        return steps

    app.tick_frame = timed_tick  # type: ignore[method-assign]
    app.run()
    if mute or os.environ.get("BENCH_MUSIC_OFF") == "1":
        marks.setdefault("music", marks.get("play", 0.0))
    if "play" not in marks or "music" not in marks:
        raise RuntimeError(f"bench_music: the level or its music never started ({sorted(marks)})")
    play_gaps = [(b - a) * 1000 for (a, sa), (b, sb) in itertools.pairwise(shown)
                 if sa == sb == "PlayScene"]
    card_gaps = [(b - a) * 1000 for (a, sa), (b, sb) in itertools.pairwise(shown)
                 if sa == sb and sa != "PlayScene"]
    return {"start_ms": round((marks["music"] - marks["play"]) * 1000, 1),
            "late_play_per_s": round(sum(g > LATE_MS for g in play_gaps) / PLAY_SECONDS, 3),
            "late_cards": float(sum(g > LATE_MS for g in card_gaps)),
            "max_play_gap_ms": round(max(play_gaps, default=0.0), 1),
            "max_play_work_ms": round(max(work, default=0.0), 1),
            "slow_play_work": float(sum(w > LATE_MS for w in work)),
            "effects_missing_at_play": marks.get("missing", 0.0)}


def _child(home: str, mute: bool = False, music: bool = True, level: str = "") -> dict[str, float]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               REDHEAT_HOME=home, PYTHONPATH=str(ROOT), BENCH_MUSIC_MUTE="1" if mute else "0",
               BENCH_MUSIC_OFF="0" if music else "1", BENCH_MUSIC_LEVEL=level)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench_music child failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def game_figures() -> dict[str, float]:
    """The route twice in one fresh user folder: cold (renders during the cards), then warm."""
    home = tempfile.mkdtemp(prefix="redheat-bench-music-")
    cold = _child(home)
    warm = _child(home)
    muted = _child(tempfile.mkdtemp(prefix="redheat-bench-music-"), mute=True)
    effects_only = _child(home, music=False)
    return {"music_late_frames_per_s_muted": muted["late_play_per_s"],
            "music_late_frames_per_s_effects_only": effects_only["late_play_per_s"],
            "music_start_ms": warm["start_ms"], "music_start_ms_cold": cold["start_ms"],
            "music_late_frames_per_s": cold["late_play_per_s"],
            "music_late_frames_per_s_warm": warm["late_play_per_s"],
            "music_late_frames_cards": cold["late_cards"],
            "music_max_play_frame_gap_ms": max(cold["max_play_gap_ms"], warm["max_play_gap_ms"]),
            "music_max_play_frame_work_ms": max(cold["max_play_work_ms"], warm["max_play_work_ms"]),
            "music_play_frames_working_over_33ms": cold["slow_play_work"] + warm["slow_play_work"],
            "music_max_play_frame_work_ms_muted": muted["max_play_work_ms"],
            **chase_figures(home)}


def chase_figures(home: str) -> dict[str, float]:
    """The bus chase, whose own effects start-up leaves out (``cues.deferred_presets``): a campaign
    opening at its level card, its track not yet cached (it renders during the card, as the
    chase effects do in a thread), then the level played for PLAY_SECONDS.

    - ``chase_effects_missing_at_play``: chase effects not yet rendered when the level opened (target 0).
    - ``chase_late_frames_per_s``: frames of play more than 33 ms after the one before, per second
      (``_warm``: the route again, track cached; ``_muted``: without sound, what the machine itself
      does); ``chase_late_frames_cards`` over the card; ``chase_max_play_frame_work_ms``: the most CPU
      the main thread spent in one frame of play; ``chase_music_start_ms``: level opening to its
      track, warm cache (``_cold``: the first run).
    """
    chase = _child(home, level="chase")
    warm = _child(home, level="chase")
    muted = _child(tempfile.mkdtemp(prefix="redheat-bench-music-"), mute=True, level="chase")
    return {"chase_effects_missing_at_play": chase["effects_missing_at_play"],
            "chase_late_frames_per_s": chase["late_play_per_s"],
            "chase_late_frames_per_s_warm": warm["late_play_per_s"],
            "chase_late_frames_per_s_muted": muted["late_play_per_s"],
            "chase_late_frames_cards": chase["late_cards"],
            "chase_late_frames_cards_muted": muted["late_cards"],
            "chase_max_play_frame_work_ms": max(chase["max_play_work_ms"], warm["max_play_work_ms"]),
            "chase_music_start_ms": warm["start_ms"], "chase_music_start_ms_cold": chase["start_ms"]}


def run() -> dict[str, float]:
    """Every figure of this benchmark."""
    figures = mix_figures()
    figures.update(game_figures())
    return figures


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(route()))
    elif "--chase" in sys.argv:
        print(json.dumps(chase_figures(tempfile.mkdtemp(prefix="redheat-bench-music-"))))
    elif "--game" in sys.argv:
        print(json.dumps(game_figures()))
    else:
        print(json.dumps(run()))
