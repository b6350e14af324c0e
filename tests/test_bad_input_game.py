"""Issue 16, the game's side: damaged user files, an unusable data folder, no sound, a too-big scale.

Each ends with one line on stderr, a notice on screen and a working title screen (dummy drivers, as in
``screen_driver.py``), never a traceback or a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def deep(n: int = 100_000) -> str:
    return '{"scale": ' + "[" * n + "]" * n + "}"


def title_works(game) -> None:
    """The title answers Start with its menu."""
    assert game.stack == ["TitleScene"]
    game.key("return")
    assert game.stack == ["TitleScene", "MainMenuScene"]


def stderr_lines(capsys: pytest.CaptureFixture, needle: str) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if needle in ln]


@pytest.mark.parametrize("name", ["settings.json", "highscores.json"])
def test_deeply_nested_user_file_is_a_notice(home: Path, capsys: pytest.CaptureFixture, name: str) -> None:
    from screen_driver import Driver

    (home / name).write_text(deep())
    game = Driver()
    assert "nested too deeply" in game.app.message and game.app.message_ticks > 0
    assert len(stderr_lines(capsys, "nested too deeply")) == 1
    assert (home / f"{name}.bak").read_text() == deep()   # kept byte for byte
    title_works(game)


def test_a_pipe_in_place_of_settings_does_not_hang(home: Path, capsys: pytest.CaptureFixture) -> None:
    from screen_driver import Driver

    os.mkfifo(home / "settings.json")
    game = Driver()
    assert "pipe (FIFO)" in game.app.message
    assert len(stderr_lines(capsys, "pipe (FIFO)")) == 1
    title_works(game)


def test_a_huge_settings_file_is_refused(home: Path) -> None:
    from game.store.settings import SettingsStore

    (home / "settings.json").write_text('{"scale": 2, "pad": "' + "x" * (2 << 20) + '"}')
    store = SettingsStore(home)
    assert store.load().scale == 0
    assert store.problem and "largest allowed is 1.0 MB" in store.problem


def test_one_bad_score_row_keeps_the_others(home: Path, capsys: pytest.CaptureFixture) -> None:
    from screen_driver import Driver

    from game.store.highscores import HighScoreStore

    rows = [["ME!", 90000, "bathhouse"], ["BAD", -1, "x"], ["YOU", 100, "bathhouse"]]
    (home / "highscores.json").write_text(json.dumps({"version": 1, "entries": rows}))
    table = HighScoreStore(home).load()
    assert [(e.initials, e.score) for e in table.entries] == [("ME!", 90000), ("YOU", 100)]
    game = Driver()
    assert "row 2" in game.app.message and "score -1" in game.app.message
    assert stderr_lines(capsys, "row 2")
    assert json.loads((home / "highscores.json.bak").read_text())["entries"] == rows
    title_works(game)


def test_an_unusable_data_folder_is_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture) -> None:
    from screen_driver import Driver

    from game.store import files

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("REDHEAT_HOME", str(blocker / "redheat"))
    monkeypatch.setattr(files, "_fallback", None)
    monkeypatch.setattr(files, "data_folder_problem", None)
    game = Driver()
    assert "cannot use the data folder" in game.app.message
    assert len(stderr_lines(capsys, "cannot use the data folder")) == 1
    title_works(game)
    game.app.save_settings()   # goes to the stand-in folder, not a traceback
    assert blocker.read_text().startswith("a file")


APP_SCRIPT = """
import sys
from game.app import App, LaunchOptions
from game.scenes.boot import first_scene
app = App(LaunchOptions(mute=False, scale=int(sys.argv[1])))
app.scenes.push(first_scene(app))
for _ in range(3):
    app.tick_frame(1 / 60)
print(type(app.scenes.top).__name__, app.display.window_scale, app.message_ticks > 0, app.message, sep="|")
app.shutdown()
"""


def run_app(tmp_path: Path, scale: int, audio: str) -> tuple[list[str], str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": audio, "REDHEAT_HOME": str(tmp_path),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", APP_SCRIPT, str(scale)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return out.stdout.strip().split("|"), out.stderr


def test_no_audio_device_is_said_on_stderr_and_screen(tmp_path: Path) -> None:
    (scene, _, shown, message), err = run_app(tmp_path, 1, "no-such-audio-driver")
    assert scene == "TitleScene" and shown == "True"
    assert "no sound" in message
    assert len([ln for ln in err.splitlines() if "no sound" in ln]) == 1


def test_a_scale_too_big_for_the_display_is_cut_to_fit(tmp_path: Path) -> None:
    (scene, scale, shown, message), err = run_app(tmp_path, 12, "dummy")
    # the dummy display is 1024x768: scale 3 (960x540) is the largest window that fits
    assert scene == "TitleScene" and scale == "3" and shown == "True"
    assert "window scale 12" in message and "using scale 3" in message
    assert len([ln for ln in err.splitlines() if "window scale 12" in ln]) == 1


def test_a_damaged_attract_replay_keeps_the_title(game, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture) -> None:
    from game.scenes import attract

    data = json.loads(attract.attract_path().read_text())
    bad = tmp_path / "attract.json"
    bad.write_text(json.dumps({**data, "difficulty": "insane"}))
    monkeypatch.setattr(attract, "attract_path", lambda: bad)
    game.top.start_attract()
    assert game.stack == ["TitleScene"]
    assert stderr_lines(capsys, "'difficulty' is 'insane'")
    title_works(game)


def test_a_tileset_picture_pygame_cannot_load_returns_to_the_title(game,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The level's rules load but its picture does not: a notice and the title, not a LevelError traceback."""
    import pygame

    from game.scenes.campaign import Campaign
    from game.scenes.cards import LevelCardScene

    real = pygame.image.load

    def broken(path: object, *args: object) -> pygame.Surface:
        if "tilesets" in str(path):
            raise pygame.error("damaged PNG")
        return real(path, *args)

    card = LevelCardScene(game.app, Campaign(), "bathhouse")
    game.app.scenes.clear_to(card)
    monkeypatch.setattr(pygame.image, "load", broken)
    card.start()
    assert "cannot load level bathhouse" in game.app.message and "damaged PNG" in game.app.message
    monkeypatch.undo()
    game.tick(130)
    assert game.stack == ["TitleScene"]
    title_works(game)
