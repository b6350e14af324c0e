"""The gameplay scene: runs the world at 60 Hz, feeds events to drawing and sound, hot-reloads levels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.scenes.stack import Scene
from game.sim.fixed import FP
from game.sim.level import LevelDesc
from game.sim.replay import Recorder
from game.sim.world import World
from game.store.files import warn

if TYPE_CHECKING:
    from game.app import App

RELOAD_POLL_TICKS = 30  # twice a second: a save shows up within a second


class PlayScene(Scene):
    """One level being played, optionally recorded, optionally watched for edits."""

    def __init__(self, app: App, level: LevelDesc, level_path: Path | None = None,
                 hot_reload: bool = False, seed: int | None = None) -> None:
        super().__init__(app)
        self.level = level
        self.level_path = level_path
        opts = app.options
        self.seed = opts.seed if seed is None else seed
        self.world = World(level, seed=self.seed, difficulty=app.settings.difficulty,
                           players=opts.players)
        self.recorder = Recorder(self.world) if opts.record else None
        self.reload_errors: list[str] = []
        self.watcher = None
        if hot_reload and level_path is not None:
            from game.tiled.watch import LevelWatcher

            self.watcher = LevelWatcher(level_path)
        from game.render.stage import Stage

        self.stage = Stage(level, level_path)

    @classmethod
    def from_path(cls, app: App, name_or_path: str, hot_reload: bool = False) -> PlayScene:
        """Load a level by name or path (already validated by the CLI)."""
        from game.cli_levels import level_path, load_level

        return cls(app, load_level(name_or_path), level_path(name_or_path), hot_reload=hot_reload)

    # -- scene hooks ------------------------------------------------------------------
    def enter(self) -> None:
        """Start the level's music."""
        if self.app.audio is not None and self.level.music:
            self.app.audio.play_music(self.level.music)

    def exit(self) -> None:
        """Save the recording, if any."""
        self.save_recording()

    def save_recording(self) -> None:
        """Write the replay file named by ``--record`` (atomic)."""
        if self.recorder is None or not self.app.options.record:
            return
        try:
            self.recorder.replay.save(self.app.options.record)
            print(f"Replay saved: {self.app.options.record}")
        except OSError as e:
            warn(f"could not save replay {self.app.options.record} ({e.strerror or e})")

    def handle(self, event: pygame.event.Event) -> None:
        """F5 reloads the level from disk."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5 and self.watcher is not None:
            self._apply_reload(self.watcher.reload())

    def update(self, inputs: tuple[int, ...]) -> None:
        """One logic step."""
        if self.watcher is not None and self.world.tick % RELOAD_POLL_TICKS == 0:
            self._apply_reload(self.watcher.poll())
        if self.recorder is not None:
            events = self.recorder.step(inputs)
        else:
            events = self.world.step(inputs)
        self.stage.handle_events(events, self.world)
        self.stage.update(self.world)
        if self.app.audio is not None:
            self.app.audio.handle_events(events, self.stage.camera_x)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The level, characters, effects, HUD, and any reload errors."""
        self.stage.draw(canvas, self.world, alpha)
        if self.reload_errors:
            self.stage.draw_errors(canvas, self.reload_errors)

    # -- hot reload ----------------------------------------------------------------------
    def _apply_reload(self, outcome: object) -> None:
        from game.tiled import LevelError

        if outcome is None:
            return
        if isinstance(outcome, LevelError):
            self.reload_errors = outcome.problems or [str(outcome)]
            warn("level reload failed; keeping the last good level:\n  " + "\n  ".join(self.reload_errors))
            return
        assert isinstance(outcome, LevelDesc)
        self.reload_errors = []
        self.world = self._rebuilt_world(outcome)
        self.level = outcome
        if self.recorder is not None:
            self.save_recording()
            self.recorder = Recorder(self.world)
        self.stage.reload(outcome, self.level_path)
        self.app.notify(f"Reloaded {outcome.name}")

    def _rebuilt_world(self, level: LevelDesc) -> World:
        """A fresh world on the new level, players kept where they stood if that is still floor."""
        old = self.world
        world = World(level, seed=self.seed, difficulty=old.difficulty, players=old.players)
        for slot, new_slot in zip(old.slots, world.slots, strict=False):
            before = next((e for e in old.entities if e.eid == slot.eid), None)
            after = next((e for e in world.entities if e.eid == new_slot.eid), None)
            if before is None or after is None:
                continue
            if not level.is_solid_px(before.x // FP, before.y // FP):
                after.x, after.y, after.facing = before.x, before.y, before.facing
        return world
