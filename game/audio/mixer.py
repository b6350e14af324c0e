"""The pygame side of sound: effects that follow the action, and music that loops and cross-fades.

The only module in ``game/audio`` that imports pygame. ``Mixer.create`` never raises: with no
audio device, a broken sound file or ``--mute`` it returns a silent mixer (one warning line at
most). Music is rendered ahead into the disk cache by a separate process and streamed from disk
(:mod:`game.audio.music_player`), so the game never waits for it and holds none of it in memory.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable

import numpy as np
import pygame

from game.audio import cues
from game.audio.channels import ChannelBook, pan_gains
from game.audio.music_player import MusicPlayer
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
        self._player: MusicPlayer | None = None

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
        mixer._player = MusicPlayer(_warn_once)
        mixer._player.prepare("title")  # the first screen's track renders while the effects do
        try:
            mixer._load_effects()
        except SynthDataError as exc:
            _warn_once(f"{exc}; the game runs silent")
            mixer._player.close()
            return silent
        mixer._apply_music_volume()
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

    @property
    def current_music(self) -> str | None:
        """The track playing (or the last one started), None when stopped or silent."""
        return self._player.current if self._player is not None else None

    def prepare(self, name: str) -> None:
        """Make a track ready in the background (call when it becomes known: story and level cards)."""
        if self._player is not None:
            self._player.prepare(name)

    prefetch = prepare

    def play_music(self, name: str, fade_ms: int = 800) -> None:
        """Switch to a track, fading it in over ``fade_ms`` (starts as soon as it is ready)."""
        if self._player is not None:
            self._player.play(name, fade_ms)

    def update(self) -> None:
        """Per frame: start a track whose render finished."""
        if self._player is not None:
            self._player.update()

    def _apply_music_volume(self) -> None:
        if self._player is not None:
            self._player.set_volume(self.music_volume * (DUCK_LEVEL if self._ducked else 1.0))

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
        if self._player is not None:
            self._player.stop(fade_ms)
        if self.enabled:
            for i in range(SFX_CHANNELS):
                pygame.mixer.Channel(MUSIC_CHANNELS + i).fadeout(max(fade_ms, 1))

    def effects_playing(self) -> int:
        """How many effect channels are in use (for tests and the debug overlay)."""
        if self.enabled:
            self._book.release_finished(lambda i: pygame.mixer.Channel(MUSIC_CHANNELS + i).get_busy())
        return self._book.active()
