"""The application: window, devices, sound and the scene stack, driven by a fixed-step loop."""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import platform
from game.input.router import InputRouter
from game.render.screen import Display
from game.scenes.stack import Scene, SceneStack
from game.store.files import warn
from game.store.settings import Settings, SettingsStore
from game.timing import FixedStep, FramePacer, frame_rate

#: Window events after which the picture is drawn again and the refresh rate asked again.
DISPLAY_EVENTS = tuple(getattr(pygame, name) for name in (
    "WINDOWEXPOSED", "WINDOWMOVED", "WINDOWDISPLAYCHANGED", "WINDOWRESTORED", "WINDOWSHOWN")
    if hasattr(pygame, name))
#: The window can no longer be seen: nothing is drawn (the game and its sound go on) until it can.
HIDDEN_EVENTS = tuple(getattr(pygame, name) for name in ("WINDOWMINIMIZED", "WINDOWHIDDEN")
                      if hasattr(pygame, name))
STILL_HIDDEN_EVENTS = (pygame.WINDOWMOVED, pygame.WINDOWFOCUSLOST, pygame.WINDOWLEAVE)


@dataclass(slots=True)
class LaunchOptions:
    """What the command line asked for."""

    level: str | None = None
    scale: int | None = None
    fullscreen: bool = False
    seed: int = 0
    record: str | None = None
    mute: bool = False
    difficulty: str | None = None
    players: int = 1
    fps_cap: int = 0            # frames a second at most; 0 = the display's refresh rate


class App:
    """Owns the pygame side and runs the loop; scenes do the rest."""

    def __init__(self, options: LaunchOptions) -> None:
        self.options = options
        with platform.quiet_stderr():
            pygame.display.init()
        headless = pygame.display.get_driver() in ("offscreen", "dummy")
        if headless and not os.environ.get("SDL_VIDEODRIVER"):
            # SDL fell back to drawing nowhere: say so instead of running an invisible game.
            raise pygame.error("no display found (SDL fell back to its offscreen driver)")
        self.startup_notices: list[str] = []   # shown on screen at the start (also on stderr)
        self.store = SettingsStore()
        self.settings: Settings = self.store.load()
        self._note_file_problems(self.store)
        if options.difficulty:
            self.settings.difficulty = options.difficulty
        scale = options.scale if options.scale is not None else self.settings.scale
        scale = self._fitting_scale(scale)
        self.display = Display(scale=scale, fullscreen=options.fullscreen or self.settings.fullscreen)
        with platform.quiet_stderr():
            pygame.joystick.init()
            try:
                from pygame._sdl2 import controller

                controller.init()
            except Exception:  # no controller subsystem: keyboard only
                pass
        self.input = InputRouter(self.settings, players=options.players)
        self.audio = self._open_audio(options.mute)
        self.scenes = SceneStack()
        self.running = True
        self.stepper = FixedStep()
        self.pacer = FramePacer(frame_rate(self.display.refresh_rate(), options.fps_cap),
                                vsync=self.display.vsync)
        self.message = ""            # a one-line notice drawn by scenes (e.g. screenshot saved)
        self.hidden = False          # minimized or hidden: frames are not drawn
        self.message_ticks = 0
        self.training_view = False   # F3 during play: the training overlay, kept from level to level
        if self.startup_notices:
            self.show_notice("\n".join(self.startup_notices), seconds=10.0)

    # -- start-up problems: one line on stderr (already printed) and a notice on screen ----------
    def _note_file_problems(self, store: object) -> None:
        from game.store import files

        if files.data_folder_problem and files.data_folder_problem not in self.startup_notices:
            self.startup_notices.append(files.data_folder_problem)
        problem = getattr(store, "problem", None)
        if problem:
            self.startup_notices.append(short_notice(problem, getattr(store, "path", None)))

    def _fitting_scale(self, scale: int) -> int:
        """A window scale (0 = automatic) no bigger than the display allows, saying so when cut down."""
        from game.render.screen import HEIGHT, WIDTH, fit_scale

        if scale <= 1:
            return scale
        try:
            dw, dh = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return scale
        most = max(1, fit_scale(dw - 64, dh - 96))   # room for the title bar and a taskbar
        if scale > most:
            msg = (f"window scale {scale} ({WIDTH * scale}x{HEIGHT * scale}) does not fit the "
                   f"{dw}x{dh} display; using scale {most}")
            warn(msg)
            self.startup_notices.append(msg)
            return most
        return scale

    def show_notice(self, text: str, seconds: float = 3.0) -> None:
        """Show a short message on screen only (for problems already printed to stderr)."""
        self.message, self.message_ticks = text, int(seconds * 60)

    def _open_audio(self, mute: bool) -> object:
        try:
            from game.audio.mixer import Mixer
        except ImportError as e:
            warn(f"sound disabled ({e})")
            return None
        with platform.quiet_stderr():
            mixer = Mixer.create(self.settings.music_volume, self.settings.sfx_volume, mute=mute)
        if not mute and not getattr(mixer, "enabled", True):
            # the mixer's own warning went to the silenced stderr: say it where it can be read
            reason = pygame.get_error() or "no audio device"
            msg = f"no sound: cannot open an audio device ({reason}); the game runs silent"
            warn(msg)
            self.startup_notices.append(msg)
        return mixer

    # -- notices -------------------------------------------------------------------
    def notify(self, text: str, seconds: float = 3.0) -> None:
        """Show a short message on screen and print it to the terminal."""
        self.message, self.message_ticks = text, int(seconds * 60)
        print(text)

    def save_settings(self) -> None:
        """Persist the settings now (atomic)."""
        self.store.save(self.settings)

    def screenshot(self) -> Path | None:
        """F12: save the canvas, scaled, as a PNG in the user's pictures or data folder."""
        from game.render.shots import save_screenshot

        path = save_screenshot(self.display.canvas, self.display.scale)
        if path:
            self.notify(f"Screenshot saved: {path}")
        return path

    # -- the loop --------------------------------------------------------------------
    def handle_global(self, event: pygame.event.Event) -> bool:
        """Events the app handles whatever the scene; True when consumed."""
        if event.type in HIDDEN_EVENTS:
            self.hidden = True
        elif self.hidden and event.type not in STILL_HIDDEN_EVENTS:
            self.hidden = False      # shown, restored, exposed, focused or used: draw again
            self.scenes.invalidate()
        if event.type == pygame.QUIT:
            self.running = False
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.display.toggle_fullscreen()
            self.settings.fullscreen = self.display.fullscreen
            self.save_settings()
            self.display_changed()
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F12:
            self.screenshot()
            return True
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.display.resized()
            self.display_changed()
        elif event.type in DISPLAY_EVENTS:
            self.display_changed()
        return False

    def display_changed(self) -> None:
        """The window moved, was resized, uncovered or went fullscreen: draw again at its display's rate."""
        self.scenes.invalidate()
        self.pacer.set_rate(frame_rate(self.display.refresh_rate(), self.options.fps_cap))

    def tick_frame(self, frame_seconds: float) -> int:
        """Process events, run the due logic steps, draw one frame; returns steps run."""
        for event in pygame.event.get():
            if self.handle_global(event):
                continue
            self.input.handle(event)
            if self.scenes.top:
                self.scenes.top.handle(event)
                self.scenes.invalidate()        # the scene may look different now (a menu moved)
        steps = self.stepper.advance(frame_seconds)
        for _ in range(steps):
            frame = self.input.frame()
            top = self.scenes.top
            if top is None:
                self.running = False
                break
            top.update(frame)
            if any(frame):
                self.scenes.invalidate()        # held input (a menu repeating) changes the picture
            if self.message_ticks:
                self.message_ticks -= 1
        if self.audio is not None:
            self.audio.update()
        notice = self.message if self.message_ticks else ""
        if self.scenes.top is not None and not self.hidden and self.scenes.needs_draw(notice):
            # a still menu or a paused level is not drawn again: the window keeps the last picture
            self.scenes.draw(self.display.canvas, self.stepper.alpha, notice)
            self.display.present()
        return steps

    def run(self, first: Scene | None = None) -> int:
        """Run until the player quits (from ``first``, else the boot scene); returns the process exit code."""
        from game.scenes.boot import first_scene

        self.scenes.push(first if first is not None else first_scene(self))
        previous = self._stop_on_terminate()
        try:
            while self.running and self.scenes.top is not None:
                # once per display refresh; the rest of the frame is slept, not spun
                self.tick_frame(self.pacer.wait())
        finally:
            self.shutdown()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        return 0

    def _stop_on_terminate(self) -> object:
        """SIGTERM (a session ending, ``kill``) ends the loop cleanly so recordings are saved."""
        def stop(_signum: int, _frame: object) -> None:
            self.running = False

        try:
            return signal.signal(signal.SIGTERM, stop)
        except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
            return None

    def shutdown(self) -> None:
        """Leave every scene (saving a recording in progress), stop sound, close the window."""
        self.scenes.close_all()
        if self.audio is not None:
            self.audio.stop()
        pygame.quit()


def short_notice(text: str, path: Path | None) -> str:
    """A file problem for the screen: the file's name instead of its whole path (stderr has that)."""
    return text.replace(str(path), path.name) if path is not None else text


def run_game(options: LaunchOptions) -> int:
    """Start the game window; a missing display is a one-line error, not a traceback."""
    try:
        app = App(options)
    except pygame.error as e:
        print(f"redheat: cannot open a window: {e}. The headless commands (sim, check) "
              "need no display.", file=sys.stderr)
        return 1
    return app.run()
