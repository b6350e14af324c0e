"""Quitting saves what is in progress: a recording survives closing the window or SIGTERM."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame

from game.app import App, LaunchOptions
from game.sim.replay import Replay

ROOT = Path(__file__).resolve().parent.parent


def test_closing_the_window_saves_the_recording(tmp_path):
    out = tmp_path / "run.json"
    app = App(LaunchOptions(level="builtin:corridor", record=str(out), mute=True))
    from game.scenes.boot import first_scene

    app.scenes.push(first_scene(app))
    for _ in range(30):
        app.tick_frame(1 / 60)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.tick_frame(1 / 60)
    assert not app.running
    app.shutdown()
    replay = Replay.load(out)
    assert replay.ticks >= 25 and replay.level == "corridor"


def test_sigterm_ends_the_game_cleanly_and_saves_the_recording(tmp_path):
    out = tmp_path / "run.json"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", REDHEAT_HOME=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "main.py", "--level", "builtin:corridor", "--record", str(out),
                             "--mute"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)
    assert "Replay saved" in stdout
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert Replay.load(out).ticks > 0
