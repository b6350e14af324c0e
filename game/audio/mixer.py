"""The pygame side of sound: effects that follow the action, and music that loops and cross-fades.

The only module in ``game/audio`` that imports pygame. ``Mixer.create`` never raises: with no
audio device, a broken sound file or ``--mute`` it returns a silent mixer (one warning line at
most). Music renders in a background thread on first request and is kept in memory keyed by
the hash of its MIDI file, so the game never waits for it.
"""

from __future__ import annotations

import random
import sys
import threading
import time
from collections.abc import Iterable

import numpy as np
import pygame

from game.audio import cues
from game.audio.channels import ChannelBook, pan_gains
from game.audio.music import MusicDataError, RenderedTrack, file_key, music_path, render_track
from game.audio.sfx import PITCH_JITTER, Preset, startup_effects
from game.audio.synth import RATE, SynthDataError
from game.sim.events import Event

MUSIC_CHANNELS = 2          # two, so one track can fade out while the next fades in
SFX_CHANNELS = 14           # total effect cap
DUCK_LEVEL = 0.3            # music level under the pause menu
VIEW_WIDTH = 320

_warned = False


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(f"warning: {message}", file=sys.stderr)


class Mixer:
    """Plays effects for simulation events and menus, and the level's music."""

    def __init__(self, music_volume: float, sfx_volume: float, enabled: bool) -> None:
        self.enabled = enabled
        self.music_volume, self.sfx_volume = music_volume, sfx_volume
        self.presets: dict[str, Preset] = {}
        self.sfx_render_ms = 0.0
        self._sounds: dict[str, list[pygame.mixer.Sound]] = {}
        self._book = ChannelBook(SFX_CHANNELS)
        self._rng = random.Random(0x5EED)  # cosmetic stream: never the world's generator
        self._ducked = False
        self._music: dict[str, tuple[pygame.mixer.Sound | None, pygame.mixer.Sound | None]] = {}
        self._rendered: dict[str, RenderedTrack | Exception] = {}
        self._lock = threading.Lock()
        self._threads: dict[str, threading.Thread] = {}
        self.current_music: str | None = None
        self._pending: tuple[str, int] | None = None
        self._music_slot = 0

    @classmethod
    def create(cls, settings_music_volume: float, settings_sfx_volume: float, mute: bool = False) -> Mixer:
        """Open the audio device and render the effects; a silent mixer if that is impossible."""
        silent = cls(settings_music_volume, settings_sfx_volume, enabled=False)
        if mute:
            return silent
        try:
            init = pygame.mixer.get_init()
            if init and (init[0] != RATE or init[2] != 2):
                pygame.mixer.quit()
                init = None
            if not init:
                pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            pygame.mixer.set_num_channels(MUSIC_CHANNELS + SFX_CHANNELS)
            pygame.mixer.set_reserved(MUSIC_CHANNELS)
        except (pygame.error, OSError) as exc:
            _warn_once(f"no audio device ({exc}); the game runs silent")
            return silent
        mixer = cls(settings_music_volume, settings_sfx_volume, enabled=True)
        try:
            mixer._load_effects()
        except SynthDataError as exc:
            _warn_once(f"{exc}; the game runs silent")
            return silent
        return mixer

    def _load_effects(self) -> None:
        start = time.perf_counter()
        self._silence = pygame.sndarray.make_sound(np.zeros((64, 2), np.int16))
        self.presets, variants = startup_effects()
        for name, arrays in variants.items():
            self._sounds[name] = [pygame.sndarray.make_sound(np.ascontiguousarray(v)) for v in arrays]
        self.sfx_render_ms = (time.perf_counter() - start) * 1000.0

    # --- effects -----------------------------------------------------------------------------

    def handle_events(self, events: Iterable[Event], camera_x: int) -> None:
        """Play the sound of each simulation event, panned by its place on screen."""
        if not self.enabled:
            return
        for event in events:
            track = cues.music_for(event)
            if track:
                self.play_music(track, fade_ms=300)
            name = cues.sfx_for(event)
            if name:
                jitter = self._rng.randrange(len(PITCH_JITTER))
                self._start(name, pan_gains(event.x - camera_x, VIEW_WIDTH), jitter)

    def play_sfx(self, name: str) -> None:
        """Play an effect centred and at its own pitch (menus, scenery)."""
        if self.enabled:
            self._start(name, pan_gains(VIEW_WIDTH / 2, VIEW_WIDTH), PITCH_JITTER.index(1.0))

    def _start(self, name: str, gains: tuple[float, float], variant: int) -> None:
        preset, sounds = self.presets.get(name), self._sounds.get(name)
        if preset is None or sounds is None:
            return  # cues reference only shipped presets (a test checks); never crash the game on one
        self._book.release_finished(lambda i: pygame.mixer.Channel(MUSIC_CHANNELS + i).get_busy())
        idx = self._book.pick(name, preset.priority, preset.cap)
        if idx is None:
            return
        slot = self._book.slots[idx]
        assert slot is not None
        slot.left, slot.right = gains
        channel = pygame.mixer.Channel(MUSIC_CHANNELS + idx)
        channel.play(sounds[variant])
        # stereo volume must be set after play(), which resets it
        channel.set_volume(gains[0] * self.sfx_volume, gains[1] * self.sfx_volume)

    # --- music -------------------------------------------------------------------------------

    def prefetch(self, name: str) -> None:
        """Start rendering a track in the background (call when a level loads)."""
        if not self.enabled or name in self._music or name in self._threads:
            return
        key = self._key(name)
        if key is None:
            return

        def work() -> None:
            try:
                result: RenderedTrack | Exception = render_track(name)
            except (MusicDataError, SynthDataError, OSError) as exc:
                result = exc
            with self._lock:
                self._rendered[key] = result

        thread = threading.Thread(target=work, name=f"render-{name}", daemon=True)
        self._threads[name] = thread
        thread.start()

    def _key(self, name: str) -> str | None:
        try:
            return file_key(music_path(name))
        except OSError:
            _warn_once(f"{music_path(name)}: no such music track {name!r}")
            return None

    def play_music(self, name: str, fade_ms: int = 800) -> None:
        """Switch to a track, cross-fading from the current one (starts once it is rendered)."""
        if not self.enabled or name == self.current_music or (self._pending and self._pending[0] == name):
            return
        self.prefetch(name)
        self._pending = (name, fade_ms)
        self.update()

    def update(self) -> None:
        """Per frame: start a track whose render finished, and keep the loop body queued."""
        if not self.enabled:
            return
        if self._pending:
            name, fade_ms = self._pending
            if self._ready(name):
                self._pending = None
                self._switch(name, fade_ms)
        if self.current_music:
            intro, loop = self._music.get(self.current_music, (None, None))
            channel = pygame.mixer.Channel(self._music_slot)
            if intro is not None and loop is not None and channel.get_busy() and channel.get_queue() is None:
                channel.queue(loop)  # the loop body is now playing (or about to): queue its next pass

    def _ready(self, name: str) -> bool:
        if name in self._music:
            return True
        key = self._key(name)
        with self._lock:
            result = self._rendered.pop(key, None) if key else None
        if result is None:
            return False
        if isinstance(result, Exception):
            _warn_once(str(result))
            self._music[name] = (None, None)
            return True
        intro = pygame.sndarray.make_sound(result.intro) if len(result.intro) else None
        loop = pygame.sndarray.make_sound(result.loop) if result.loop is not None else None
        self._music[name] = (intro, loop)
        return True

    def _switch(self, name: str, fade_ms: int) -> None:
        self._retire(pygame.mixer.Channel(self._music_slot), fade_ms)
        self._music_slot = 1 - self._music_slot
        self.current_music = name
        intro, loop = self._music[name]
        channel = pygame.mixer.Channel(self._music_slot)
        if intro is None and loop is None:
            return
        if intro is None:
            channel.play(loop, loops=-1, fade_ms=fade_ms)
        else:
            channel.play(intro, fade_ms=fade_ms)
            if loop is not None:
                channel.queue(loop)
        self._apply_music_volume()

    def _retire(self, channel: pygame.mixer.Channel, fade_ms: int) -> None:
        # A halted channel starts its queued sound, so swap the queued loop for a blip of silence first.
        if channel.get_queue() is not None:
            channel.queue(self._silence)
        channel.fadeout(max(fade_ms, 1))

    def _apply_music_volume(self) -> None:
        level = self.music_volume * (DUCK_LEVEL if self._ducked else 1.0)
        pygame.mixer.Channel(self._music_slot).set_volume(level)

    def duck(self, on: bool) -> None:
        """Lower the music under the pause menu (``on``) or bring it back."""
        self._ducked = on
        if self.enabled:
            self._apply_music_volume()

    def set_volumes(self, music: float, sfx: float) -> None:
        """New music and effect volumes (0..1), applied at once to what is playing."""
        self.music_volume, self.sfx_volume = music, sfx
        if not self.enabled:
            return
        self._apply_music_volume()
        for i, slot in enumerate(self._book.slots):
            if slot is not None:
                pygame.mixer.Channel(MUSIC_CHANNELS + i).set_volume(slot.left * sfx, slot.right * sfx)

    def stop(self, fade_ms: int = 200) -> None:
        """Fade everything out (leaving a level or quitting)."""
        self.current_music, self._pending = None, None
        if self.enabled:
            for slot in range(MUSIC_CHANNELS):
                self._retire(pygame.mixer.Channel(slot), fade_ms)
            for i in range(SFX_CHANNELS):
                pygame.mixer.Channel(MUSIC_CHANNELS + i).fadeout(max(fade_ms, 1))

    def effects_playing(self) -> int:
        """How many effect channels are in use (for tests and the debug overlay)."""
        if self.enabled:
            self._book.release_finished(lambda i: pygame.mixer.Channel(MUSIC_CHANNELS + i).get_busy())
        return self._book.active()
