"""Attract mode: the title's idle demo plays a checked-in replay through the real Stage, like a cabinet.

The recording is ``assets/replays/attract.json``. Any change to the rules or to the bathhouse
level makes it play differently (``tests/test_screens_attract.py`` says so); record it again with::

    python main.py sim bathhouse --bot --seed 3 --ticks 2700 --record assets/replays/attract.json
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir, levels_dir
from game.scenes.screen import Screen
from game.sim.level import LevelDesc
from game.sim.replay import Replay, ReplayError
from game.sim.world import World
from game.store.files import warn
from game.ui.hints import action_label
from game.ui.text import GOLD, WHITE, small

if TYPE_CHECKING:
    from game.app import App

END_HOLD_TICKS = 120     # the last picture stays this long before the title returns


def attract_path() -> Path:
    """The checked-in recording the attract mode plays."""
    return assets_dir() / "replays" / "attract.json"


def replay_level(replay: Replay) -> tuple[LevelDesc, Path | None]:
    """The level a replay was recorded on: a shipped level by name, or a built-in one."""
    from game.cli_levels import level_path, load_level

    name = replay.level if (levels_dir() / f"{replay.level}.tmx").exists() else f"builtin:{replay.level}"
    level = load_level(name)
    if replay.level_hash and replay.level_hash != (level.file_hash or level.content_hash()):
        warn(f"{attract_path().name} was recorded on another version of level {replay.level!r}; "
             "re-record it (see docs) or the demo will not play as recorded")
    return level, level_path(name)


def load_attract(path: Path | None = None) -> tuple[Replay, LevelDesc, Path | None] | None:
    """The attract replay and its level, or None (with one warning) when either cannot be read."""
    from game.tiled import LevelError

    path = path or attract_path()
    if not path.exists():
        return None
    try:
        replay = Replay.load(path)
        level, lpath = replay_level(replay)
    except (ReplayError, LevelError) as e:
        warn(f"attract mode off: {e}")
        return None
    return replay, level, lpath


class AttractScene(Screen):
    """Replays the recording step by step; any key or button returns to the title."""

    hints = (("start", "PLAY"),)

    def __init__(self, app: App, replay: Replay, level: LevelDesc, level_path: Path | None) -> None:
        super().__init__(app)
        from game.render.stage import Stage

        self.replay = replay
        self.level = level
        self.world = World(level, seed=replay.seed, difficulty=replay.difficulty, players=replay.players)
        self.frames: Iterator[tuple[int, ...]] = replay.inputs()
        self.stage = Stage(level, level_path)
        self.done_ticks = 0
        self.finished = False
        self.interrupted = False

    def enter(self) -> None:
        """The level's own music."""
        super().enter()
        if self.level.music:
            self.play_music(self.level.music)

    def handle(self, event: pygame.event.Event) -> None:
        """Any key, button or click ends the demo."""
        if event.type in (pygame.KEYDOWN, pygame.CONTROLLERBUTTONDOWN, pygame.MOUSEBUTTONDOWN):
            self.interrupted = True

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Step the recorded world once; leave on any input or a while after the end."""
        if self.interrupted or pressed or back:
            self.leave()
            return
        if not self.finished:
            self.step()
        else:
            self.done_ticks += 1
            self.stage.update(self.world)
            if self.done_ticks >= END_HOLD_TICKS:
                self.leave()

    def step(self) -> None:
        """One recorded tick through the real world and Stage."""
        frame = next(self.frames, None)
        if frame is None:
            self.finished = True
            return
        events = self.world.step(frame)
        self.stage.handle_events(events, self.world)
        self.stage.update(self.world)
        if self.app.audio is not None:
            self.app.audio.handle_events(events, self.stage.camera_x, self.world)

    def frame_key(self, covered: bool) -> object:
        """Like play: every displayed frame, motion interpolated between the recorded steps."""
        return 0 if covered else None

    def leave(self) -> None:
        """Back to the title."""
        if self.app.scenes.top is self:
            self.app.scenes.pop()

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The level as played, a DEMO tag and a blinking PRESS START."""
        self.stage.draw(canvas, self.world, alpha)
        font = small()
        font.draw(canvas, "DEMO", 160, 32, color=WHITE, align="center")
        if self.ticks // 30 % 2 == 0:
            font.draw(canvas, f"PRESS START ({action_label(self.app, 'start')})", 160, 120, color=GOLD,
                      align="center")
