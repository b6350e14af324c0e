"""How light the running game is: CPU share and resident memory on the title and in a level, and frame pacing.

Each figure comes from the real game (``App`` and its loop, music on, not ``--mute``) run in a child
process under the dummy video and audio drivers; the dummy display reports a refresh of 60 Hz. SDL's
dummy audio driver still pulls the mixer's output, so music is rendered and mixed as on a sound card.

- ``title_cpu_share``: CPU seconds (every thread: drawing, mixing; and any child process the game
  ran and reaped meanwhile, such as a music render) over 20 wall seconds on the title screen, from the
  first frame. Target at most 0.20. Measured on a second start, as players start the game: the
  first start of all renders the music into the user's cache, and ``title_cpu_share_first_run``
  (with ``title_rss_mb_first_run``) is that first start, from an empty cache.
- ``title_rss_mb``: resident memory at the end of those 20 s.
- ``level_rss_mb``: the same after 20 s in the bathhouse (``--level bathhouse``) with its music.
  Target at most 150.
- ``level_max_frame_ms`` / ``level_late_frames``: over 30 s of the bathhouse, the longest gap between
  two shown frames and how many gaps were longer than 33 ms (two frames at 60 Hz). Target: none.
- ``level_max_frame_work_ms``: the most CPU time the loop's thread spent on one frame (events, logic
  steps, drawing, presenting). When it stays well under 16.7 ms while ``level_max_frame_ms`` is over
  33, the late frame was the machine's scheduler (other processes on a shared machine), not the game.
- ``*_draws_per_s``: frames drawn and shown per second; ``level_cpu_share`` as for the title.

    python bench/bench_runtime.py            # all figures
    python bench/bench_runtime.py --child title 20
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE_SECONDS = 20.0
LEVEL_SECONDS = 30.0
RSS_AT = 20.0
LATE_MS = 33.0


def _status_kb(field: str) -> int:
    """A ``VmRSS``-style figure of this process from /proc (0 where there is no /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _music_playing(app: object) -> bool:
    """True when the app's mixer is on and a track is playing (the figure must include music)."""
    import pygame

    audio = getattr(app, "audio", None)
    if audio is None or not getattr(audio, "enabled", False) or not pygame.mixer.get_init():
        return False
    if pygame.mixer.music.get_busy():
        return True
    return bool(getattr(audio, "current_music", None)) and any(
        pygame.mixer.Channel(i).get_busy() for i in range(pygame.mixer.get_num_channels()))


def _cpu_seconds() -> float:
    """CPU time of this process's threads and of the child processes it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(scene: str, seconds: float) -> dict[str, float]:
    """Run the real game loop for ``seconds`` on the title (``scene="title"``) or in the bathhouse."""
    import pygame

    from game.app import App, LaunchOptions

    app = App(LaunchOptions(level="bathhouse" if scene == "level" else None))
    shown: list[float] = []
    present = app.display.present

    def counted_present() -> None:
        present()
        shown.append(time.perf_counter())

    app.display.present = counted_present      # type: ignore[method-assign]
    marks: dict[str, float] = {}
    tick_frame = app.tick_frame

    def timed_tick(frame_seconds: float) -> int:
        now = time.perf_counter()
        if "wall0" not in marks:
            marks["wall0"], marks["cpu0"] = now, _cpu_seconds()
        elapsed = now - marks["wall0"]
        if scene == "title" and "nudged" not in marks and elapsed >= seconds / 2:
            # a touch of an unbound key halfway, as a player would: the title's idle timer starts
            # the attract mode after exactly 20 s, and this figure is about the title itself
            marks["nudged"] = 1.0
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SCROLLLOCK, mod=0, unicode="",
                                                 scancode=0))
        if "rss" not in marks and elapsed >= min(RSS_AT, seconds):
            marks["rss"] = _status_kb("VmRSS") / 1024
            marks["cpu"], marks["wall"] = _cpu_seconds() - marks["cpu0"], elapsed
            marks["music"] = float(_music_playing(app))
            marks["scene"] = float(type(app.scenes.top).__name__ == ("PlayScene" if scene == "level"
                                                                       else "TitleScene"))
        if elapsed >= seconds:
            app.running = False
            marks["shown"] = float(len(shown))
            return 0
        work = time.thread_time()
        steps = tick_frame(frame_seconds)
        work = time.thread_time() - work
        if elapsed > 1.0:      # after the first second: loading the level is not a frame's work
            marks["work"] = max(marks.get("work", 0.0), work)
        return steps

    app.tick_frame = timed_tick                 # type: ignore[method-assign]
    app.run()
    if not marks.get("music"):
        raise RuntimeError(f"bench_runtime: no music was playing on the {scene} (the figure must include it)")
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(shown)]
    out = {f"{scene}_cpu_share": round(marks["cpu"] / marks["wall"], 3),
           f"{scene}_rss_mb": round(marks["rss"], 1),
           f"{scene}_draws_per_s": round(marks["shown"] / seconds, 1),
           f"{scene}_peak_rss_mb": round(_status_kb("VmHWM") / 1024, 1)}
    if scene == "level":
        out["level_max_frame_ms"] = round(max(gaps, default=0.0), 1)
        out["level_late_frames"] = float(sum(1 for g in gaps if g > LATE_MS))
        out["level_max_frame_work_ms"] = round(marks.get("work", 0.0) * 1000, 1)
    if not marks.get("scene"):
        out[f"{scene}_left_scene"] = 1.0    # the figure is not only the scene it names
    return out


def _child(scene: str, seconds: float, home: str) -> dict[str, float]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               REDHEAT_HOME=home)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", scene, str(seconds)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"bench_runtime child ({scene}) failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> dict[str, float]:
    """The title for 20 s (first start, then a second start), then the bathhouse for 30 s, each in a
    fresh interpreter sharing one new user folder (settings at their defaults, music on)."""
    home = tempfile.mkdtemp(prefix="redheat-bench-home-")
    first = _child("title", TITLE_SECONDS, home)
    figures = {f"{key}_first_run": value for key, value in first.items() if "draws" not in key}
    figures.update(_child("title", TITLE_SECONDS, home))
    figures.update(_child("level", LEVEL_SECONDS, home))
    with contextlib.suppress(OSError):   # the machine may be shared: timing figures depend on its load
        figures["load_average_1m"] = round(os.getloadavg()[0], 2)
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    if "--child" in sys.argv:
        i = sys.argv.index("--child")
        print(json.dumps(measure(sys.argv[i + 1], float(sys.argv[i + 2]))))
    else:
        print(json.dumps(run()))
