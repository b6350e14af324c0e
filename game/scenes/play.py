"""The gameplay scene: runs the world at 60 Hz, feeds events to drawing and sound, hot-reloads levels.

Around the fighting it also runs the flow: Esc or START pauses (and so does losing window focus),
player 2 joins by pressing START on another device, and the level's result leads to the level-clear
card or to game over with its continue countdown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.scenes.campaign import Campaign
from game.scenes.stack import Scene
from game.sim.actions import Action
from game.sim.level import LevelDesc
from game.sim.replay import Recorder
from game.sim.world import World
from game.store.files import warn

if TYPE_CHECKING:
    from game.app import App

RELOAD_POLL_TICKS = 30  # twice a second: a save shows up within a second
RESULT_HOLD_TICKS = 75  # the last blow (or the exit) stays on screen a moment before the card
OUTRO_SKIP_HOLD_TICKS = 12  # a skipped exit scene cuts to the card at once (game/sim/outro.py)
LEVEL_MUSIC_FADE_MS = 50  # a level's music starts on its downbeat (prepared during the cards)


class PlayScene(Scene):
    """One level being played, optionally recorded, optionally watched for edits."""

    def __init__(self, app: App, level: LevelDesc, level_path: Path | None = None,
                 hot_reload: bool = False, seed: int | None = None, campaign: Campaign | None = None) -> None:
        super().__init__(app)
        self.level = level
        self.level_path = level_path
        opts = app.options
        self.seed = opts.seed if seed is None else seed
        self.campaign = campaign or Campaign(players=opts.players, level=level.path or level.name,
                                             seed=self.seed, hot_reload=hot_reload)
        self.hot_reload = hot_reload
        self.world = World(level, seed=self.seed, difficulty=app.settings.difficulty,
                           players=self.campaign.players)
        self.campaign.start_world(self.world)
        app.input.set_players(self.world.players)
        self.recorder = Recorder(self.world) if opts.record else None
        self.reload_errors: list[str] = []
        self.watcher = None
        self.join_requested = False
        self.result_ticks = 0
        self.finished = False
        self.poll_frames = 0        # frames since the scene began, paused or not (hot reload polling)
        if hot_reload and level_path is not None:
            from game.tiled.watch import LevelWatcher

            self.watcher = LevelWatcher(level_path)
        from game.render.stage import Stage

        self.stage = Stage(level, level_path)
        self.stage.training = app.training_view

    @classmethod
    def from_path(cls, app: App, name_or_path: str, hot_reload: bool = False) -> PlayScene:
        """Load a level by name or path (already validated by the CLI)."""
        from game.cli_levels import level_path, load_level

        return cls(app, load_level(name_or_path), level_path(name_or_path), hot_reload=hot_reload)

    # -- scene hooks ------------------------------------------------------------------
    def enter(self) -> None:
        """Start the level's music; a stale Esc press must not pause at once."""
        self.app.input.take_pause()
        if self.app.audio is not None and self.level.music:
            self.app.audio.play_music(self.level.music, fade_ms=LEVEL_MUSIC_FADE_MS)

    def resume(self) -> None:
        """Back from pause: a press still in flight must not pause again."""
        self.app.input.take_pause()

    def exit(self) -> None:
        """Save the recording, if any."""
        self.save_recording()

    def save_recording(self) -> None:
        """Write the replay file named by ``--record`` (atomic)."""
        if self.recorder is None or not self.app.options.record:
            return
        try:
            self.recorder.finish().save(self.app.options.record)
            print(f"Replay saved: {self.app.options.record}")
        except OSError as e:
            warn(f"could not save replay {self.app.options.record} ({e.strerror or e})")

    def handle(self, event: pygame.event.Event) -> None:
        """F3 toggles the training view; F5 reloads the level (keeping the clock and health; Shift+F5 for a
        fresh start); focus loss pauses; START on another device brings in player 2."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F3:
            self.app.training_view = self.stage.training = not self.stage.training
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_F5 and self.watcher is not None:
            self._apply_reload(self.watcher.reload(), fresh=bool(event.mod & pygame.KMOD_SHIFT))
        elif event.type in (pygame.WINDOWFOCUSLOST, getattr(pygame, "WINDOWMINIMIZED", -1)):
            if self.world.result is None:
                self.open_pause()
        elif self.world.players == 1:
            self._join_check(event)

    def _join_check(self, event: pygame.event.Event) -> None:
        """START on a device that is not player 1's: player 2's keys, or a pad player 1 is not using."""
        if event.type == pygame.KEYDOWN:
            p2_start = self.app.settings.bindings[1]["keys"].get("start", [])
            self.join_requested |= pygame.key.name(event.key) in p2_start
        elif event.type == pygame.CONTROLLERBUTTONDOWN:
            pad = self.app.input.pads.get(event.instance_id)
            if pad is None:
                return
            if event.button != pygame.CONTROLLER_BUTTON_START:
                if self.campaign.p1_pad is None and pad.player == 0:
                    self.campaign.p1_pad = event.instance_id   # player 1 picked up this pad
            elif event.instance_id != self.campaign.p1_pad:
                pad.player = 1      # this pad is player 2's from now on
                self.join_requested = True

    def update(self, inputs: tuple[int, ...]) -> None:
        """One logic step (or the pause menu, a join, or the end of the level)."""
        pause = self.app.input.take_pause()
        start = bool(self.app.input.pressed() & Action.START) and not self._outro_on()   # START skips it
        if self.join_requested:
            self.join_requested = False
            self.join()
        elif (pause or start) and self.world.result is None:
            self.open_pause()
            return
        if self.world.result is not None:
            self.after_result()
            return
        self.poll_reload()
        if self.recorder is not None:
            events = self.recorder.step(inputs)
        else:
            events = self.world.step(inputs)
        self.present(events)

    def present(self, events: list) -> None:
        """Pictures and sound for one step's events."""
        self.stage.handle_events(events, self.world)
        self.stage.update(self.world)
        if self.app.audio is not None:
            self.app.audio.handle_events(events, self.stage.camera_x, self.world)
            if self.world.chase is not None:    # the bus chase: the engine drones with the bus's speed
                from game.audio.chase_cues import engine_drone

                st = self.world.chase
                note = engine_drone(st.phase, self.world.tick, st.engine)
                if note:
                    self.app.audio.play_sfx(note)
            elif self.world.outro is not None and self.world.outro.engine > 0:   # Viktor's bus (outro.py)
                from game.audio.chase_cues import ENGINE_EVERY, engine_preset

                if self.world.tick % ENGINE_EVERY == 0:
                    self.app.audio.play_sfx(engine_preset(self.world.outro.engine))

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The level, characters, effects, HUD, and any reload errors."""
        self.stage.draw(canvas, self.world, alpha)
        if self.reload_errors:
            self.stage.draw_errors(canvas, self.reload_errors)
        elif self.app.message_ticks:
            self.stage.draw_notice(canvas, self.app.message)
        if self._outro_on():
            from game.ui.hints import binding_label

            self.stage.outro.draw_hint(canvas, self.world, self.stage.tick, binding_label(self.app, "start"))
        joinable = self.world.players == 1 and self.world.result is None and self.recorder is None
        if joinable and self.stage.tick // 40 % 2 == 0:
            from game.ui.hints import binding_label
            from game.ui.text import DIM, small

            label = binding_label(self.app, "start", player=1)
            small().draw(canvas, f"P2 PRESS {label}", 316, 4, color=DIM, align="right")

    # -- flow --------------------------------------------------------------------------
    def _outro_on(self) -> bool:
        """The level's exit scene is playing: START skips it (game/sim/outro.py) instead of pausing."""
        return self.world.outro is not None and self.world.outro.on

    def open_pause(self) -> None:
        """The pause menu over the frozen level."""
        from game.scenes.pause import PauseScene

        if self.app.scenes.top is self:
            self.app.scenes.push(PauseScene(self.app, self))

    def join(self) -> None:
        """Player 2 steps in beside player 1 (not while recording: a replay keeps one player count)."""
        if self.world.players >= 2 or self.world.result is not None:
            return
        if self.recorder is not None:
            self.app.notify("Player 2 cannot join while recording a replay")
            return
        self.world.events = []
        self.world.join_player()
        self.campaign.players = 2
        self.app.input.set_players(2)
        self.present(list(self.world.events))

    def after_result(self) -> None:
        """Let the end sink in, then level clear or game over."""
        self.stage.update(self.world)
        self.result_ticks += 1
        skipped = self.world.outro is not None and self.world.outro.skipped
        hold = OUTRO_SKIP_HOLD_TICKS if skipped else RESULT_HOLD_TICKS
        if self.finished or self.result_ticks < hold:
            return
        self.finished = True
        self.campaign.note_scores(self.world)
        if self.world.result == "cleared":
            from game.scenes.cards import LevelClearScene

            self.app.scenes.push(LevelClearScene(self.app, self.campaign, self.world))
        else:
            from game.scenes.gameover import GameOverScene

            self.app.scenes.push(GameOverScene(self.app, self.campaign, self))

    def restart(self) -> None:
        """The same level from its start, with the scores the players brought into it."""
        fresh = PlayScene(self.app, self.level, self.level_path, hot_reload=self.hot_reload,
                          seed=self.seed, campaign=self.campaign)
        self.app.scenes.clear_to(fresh)

    # -- hot reload ----------------------------------------------------------------------
    def poll_reload(self) -> None:
        """Twice a second, reload the level if a file it uses was saved (also called while paused)."""
        self.poll_frames += 1
        if self.watcher is not None and self.poll_frames % RELOAD_POLL_TICKS == 1:
            self._apply_reload(self.watcher.poll())

    def _apply_reload(self, outcome: object, fresh: bool = False) -> None:
        from game.tiled import LevelError

        if outcome is None:
            return
        if isinstance(outcome, LevelError):
            self.reload_errors = outcome.problems or [str(outcome)]
            warn("level reload failed; keeping the last good level:\n  " + "\n  ".join(self.reload_errors))
            return
        assert isinstance(outcome, LevelDesc)
        self.reload_errors = []
        fresh = fresh or self.recorder is not None   # a new recording starts from the level's own start
        self.world = self._rebuilt_world(outcome, fresh)
        self.level = outcome
        if self.recorder is not None:
            self.save_recording()
            self.recorder = Recorder(self.world)
        self.stage.reload(outcome, self.level_path)
        self.app.notify(f"Reloaded {outcome.name}" + (" (fresh start)" if fresh else ""))

    def _rebuilt_world(self, level: LevelDesc, fresh: bool = False) -> World:
        """A world on the new level, players kept where they stood if that is still floor.

        Unless ``fresh``, the level clock and each player's health, lives, ammo, keys and score carry
        over, so a designer tuning a fight is not sent back to full health and a full timer on every save.
        """
        old = self.world
        world = World(level, seed=self.seed, difficulty=old.difficulty, players=old.players)
        self.campaign.start_world(world)
        for index, slot in enumerate(old.slots[: len(world.slots)]):
            before = old.by_id.get(slot.eid)
            if before is not None:
                world.place_player(index, before.x, before.y, before.facing)
            if not fresh:
                _carry_player(slot, before, world, index)
        if not fresh:
            world.tick = old.tick   # the time limit counts world ticks: the clock goes on where it was
        return world


def _carry_player(slot: object, before: object, world: World, index: int) -> None:
    """Hot reload without a fresh start: the player keeps health, lives, ammo, keys and score."""
    new_slot = world.slots[index]
    for name in ("lives", "ammo", "score", "keys", "next_life_at", "lives_lost", "damage_taken"):
        setattr(new_slot, name, getattr(slot, name))
    after = world.by_id.get(new_slot.eid)
    if after is not None and before is not None and getattr(before, "hp", 0) > 0:
        after.hp = min(before.hp, after.max_hp)  # type: ignore[attr-defined]
