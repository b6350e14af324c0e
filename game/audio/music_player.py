"""Music playback: tracks rendered ahead into the disk cache, streamed from disk by ``pygame.mixer.music``.

``prepare(name)`` makes a track ready in the background: a worker thread checks the cached file
(hashing releases the interpreter lock) and, when it is missing or bad, renders it in a separate
low-priority process (``python -m game.audio.music_cache``), so rendering never delays a frame.
``play(name)`` starts it as soon as it is ready. Nothing of a track is kept in memory: SDL_mixer
streams the WAV and loops its ``smpl`` region sample-exact.

``pygame.mixer.music`` is a single stream, so a switch fades the old track out quickly
(:data:`SWITCH_OUT_MS`), and only once it has stopped loads the next one (loading while a fade runs
would block until the fade ends).
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pygame

import game
from game.audio import music_cache

SWITCH_OUT_MS = 40   # the old track's fade when another takes over
RENDER_TIMEOUT_S = 300


class _RenderQueue:
    """One render process at a time (the game keeps the other core), first asked first served;
    a track about to be played goes to the front."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._waiting: list[_Job] = []
        self._busy = False

    def join(self, job: _Job) -> None:
        with self._cond:
            self._waiting.append(job)

    def promote(self, job: _Job) -> None:
        with self._cond:
            if job in self._waiting:
                self._waiting.remove(job)
                self._waiting.insert(0, job)

    def acquire(self, job: _Job) -> None:
        with self._cond:
            if job not in self._waiting:
                self._waiting.append(job)
            self._cond.wait_for(lambda: not self._busy and self._waiting[0] is job)
            self._waiting.pop(0)
            self._busy = True

    def release(self) -> None:
        with self._cond:
            self._busy = False
            self._cond.notify_all()

    def leave(self, job: _Job) -> None:
        """A job that needed no render (or failed first) gives up its place."""
        with self._cond:
            if job in self._waiting:
                self._waiting.remove(job)
                self._cond.notify_all()


_QUEUE = _RenderQueue()
JINGLES = ("clear", "gameover")  # prepared with a level's track
MENU_TRACKS = ("title", "highscore")


class _Job:
    """One track being made ready: ``path`` once done (None when it failed, with ``error``)."""

    def __init__(self, name: str, folder: Path, owner: MusicPlayer | None = None) -> None:
        self.name, self.folder = name, folder
        self._owner = weakref.ref(owner) if owner is not None else None
        self.path: Path | None = None
        self.error = ""
        self.done = threading.Event()
        self.proc: subprocess.Popen[str] | None = None
        self.cancelled = False
        _QUEUE.join(self)  # its place in line is kept from now, though it only renders if it must
        self.thread = threading.Thread(target=self._run, name=f"music-{name}", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            path = music_cache.cache_path(self.name, self.folder)
            if not music_cache.verify(path):
                _QUEUE.acquire(self)
                try:
                    if self.cancelled or (self._owner is not None and self._owner() is None):
                        return  # quitting, or nobody wants it any more (its player is gone)
                    if not music_cache.verify(path):  # another player may have made it meanwhile
                        self._render()
                finally:
                    _QUEUE.release()
                if not music_cache.verify(path):
                    self.error = self.error or f"music {self.name!r}: the rendered file is unreadable"
                    return
            self.path = path
        except Exception as exc:  # a worker must never take the game down; the track stays silent
            self.error = self.error or f"music {self.name!r}: {exc}"
        finally:
            _QUEUE.leave(self)
            self.done.set()

    def _render(self) -> None:
        root = str(Path(game.__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        cmd = [sys.executable, "-m", "game.audio.music_cache", "--out", str(self.folder), self.name]
        if getattr(sys, "frozen", False) or not sys.executable:  # no interpreter to run: render here
            music_cache.ensure(self.name, self.folder)
            return
        try:
            self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                         stdin=subprocess.DEVNULL, text=True)
        except OSError:  # no interpreter to start (a frozen build): render here, in this thread
            music_cache.ensure(self.name, self.folder)
            return
        try:
            _, err = self.proc.communicate(timeout=RENDER_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()
            err = "rendering took too long"
        if self.proc.returncode != 0 and not self.cancelled:
            lines = [ln for ln in (err or "").splitlines() if ln.strip()]
            self.error = lines[-1].removeprefix("music: ") if lines else f"music {self.name!r} did not render"

    def cancel(self) -> None:
        """Stop a render in progress (quitting)."""
        self.cancelled = True
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()


def _cancel_all(ref: weakref.ref[MusicPlayer]) -> None:
    player = ref()
    if player is not None:
        player._cancel_renders()


class MusicPlayer:
    """The music stream: prepare, play (with fades), volume, stop. ``update()`` once a frame."""

    def __init__(self, warn: Callable[[str], None], folder: Path | None = None) -> None:
        self.warn = warn
        self.folder = folder or music_cache.cache_dir()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:  # no writable cache folder: a temporary one still spares the memory
            self.folder = Path(tempfile.gettempdir()) / "redheat-music"
        self.current: str | None = None      # the track playing (or last started)
        self._jobs: dict[str, _Job] = {}
        self._want: tuple[str, int] | None = None
        self._volume = 1.0
        self._warned: set[str] = set()
        self._fading = False                 # the current track is fading out for a switch
        atexit.register(_cancel_all, weakref.ref(self))  # quitting never leaves a render process behind

    # --- preparing ---------------------------------------------------------------------------
    def prepare(self, name: str) -> None:
        """Make ``name`` ready in the background (call as soon as it is known: cards, level load)."""
        job = self._jobs.get(name)
        if job is None or (job.done.is_set() and job.path is not None and not job.path.exists()):
            self._jobs[name] = _Job(name, self.folder, self)
        if name not in (*MENU_TRACKS, *JINGLES):  # a level: its ending may be wanted at any moment,
            for jingle in JINGLES:                # so make it ready while the cards still show
                self.prepare(jingle)

    def ready(self, name: str) -> bool:
        """The track's file is verified and can start at once."""
        job = self._jobs.get(name)
        return job is not None and job.done.is_set() and job.path is not None

    def failed(self, name: str) -> bool:
        """The track could not be made (bad file): it stays silent."""
        job = self._jobs.get(name)
        return job is not None and job.done.is_set() and job.path is None

    # --- playing -----------------------------------------------------------------------------
    def play(self, name: str, fade_ms: int = 800) -> None:
        """Switch to ``name`` (fading it in over ``fade_ms``) as soon as it is ready."""
        if self._want and self._want[0] == name:
            return
        if self.current == name and not self._fading and pygame.mixer.music.get_busy():
            self._want = None  # already playing: forget a switch that has not begun
            return
        self.prepare(name)
        _QUEUE.promote(self._jobs[name])
        self._want = (name, fade_ms)
        self.update()

    def update(self) -> None:
        """Per frame: start the wanted track once it is ready and the old one has faded out."""
        if self._want is None:
            return
        name, fade_ms = self._want
        job = self._jobs[name]
        if not job.done.is_set():
            return
        if job.path is None:
            if name not in self._warned:
                self._warned.add(name)
                self.warn(job.error or f"music {name!r} could not be prepared")
            self._want = None
            self._halt()
            self.current = name
            return
        if pygame.mixer.music.get_busy():
            # fadeout() is a no-op while a fade-out is already running; load() would block on it
            pygame.mixer.music.fadeout(SWITCH_OUT_MS)
            self._fading = True
            return
        self._want, self._fading = None, False
        try:
            pygame.mixer.music.load(str(job.path))
            pygame.mixer.music.set_volume(self._volume)
            pygame.mixer.music.play(loops=0, fade_ms=max(fade_ms, 0))  # the file's smpl loop repeats forever
        except pygame.error as exc:  # deleted or damaged since it was checked: render it again next time
            self.warn(f"music {name!r}: {exc}")
            del self._jobs[name]
        self.current = name

    def _halt(self) -> None:
        if pygame.mixer.music.get_busy():
            pygame.mixer.music.fadeout(SWITCH_OUT_MS)
            self._fading = True

    def set_volume(self, level: float) -> None:
        """Music volume 0..1 (applies at once, also to what is fading in)."""
        self._volume = max(0.0, min(1.0, level))
        pygame.mixer.music.set_volume(self._volume)

    def stop(self, fade_ms: int = 200) -> None:
        """Fade the music out and forget what was wanted."""
        self._want = None
        self.current = None
        if pygame.mixer.music.get_busy():
            pygame.mixer.music.fadeout(max(fade_ms, 1))
            self._fading = True

    def _cancel_renders(self) -> None:
        for job in list(self._jobs.values()):
            job.cancel()

    def close(self) -> None:
        """Stop renders in progress and the stream (quitting)."""
        self._cancel_renders()
        self._want = None
        pygame.mixer.music.stop()
        pygame.mixer.music.unload()
