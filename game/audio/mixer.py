"""The pygame side of sound: effects that follow the action, and music that loops and cross-fades.

The only module in ``game/audio`` that imports pygame. ``Mixer.create`` never raises: with no
audio device, a broken sound file or ``--mute`` it returns a silent mixer (one warning line at
most). Music is rendered ahead into the disk cache by a separate process and streamed from disk
(:mod:`game.audio.music_player`), so the game never waits for it and holds none of it in memory.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable

import numpy as np
import pygame

from game.audio import cues
from game.audio.bus import MUSIC_BUS, SFX_CHANNELS, Bus, Start, char_lookup
from game.audio.music_player import MusicPlayer
from game.audio.sfx import Preset, effects_cache_path, load_presets, render_effect, startup_effects
from game.audio.synth import RATE, SynthDataError
from game.sim.events import Event

MUSIC_CHANNELS = 2          # two, so one track can fade out while the next fades in
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
        self._late: dict[tuple[str, int, int], pygame.mixer.Sound] = {}  # takes with silence in front
        self._bus: Bus | None = None  # every effect start is decided there (the mixdown uses it too)
        self._clock = time.perf_counter()
        self._ducked = False
        self._player: MusicPlayer | None = None
        self._groups: dict[str, threading.Thread] = {}  # deferred effect groups being (or) rendered

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
        self.presets = load_presets()
        # what only the bus chase or the bonus games play renders when they are coming
        # (prepare_effects); what no shipped level can play (cues.RESERVED) when first needed. Rendered
        # once, then read back from the user's cache folder (sfx.effects_cache_path)
        effects = startup_effects(self.presets, later=cues.later_presets(), cache=effects_cache_path())
        self._bus = Bus(effects, self.sfx_volume, presets=self.presets)
        self._bus.set_music(self.music_volume)
        self.sfx_render_ms = (time.perf_counter() - start) * 1000.0

    # --- effects -----------------------------------------------------------------------------

    def now(self) -> int:
        """The bus clock: samples of audio time since the mixer opened."""
        return int((time.perf_counter() - self._clock) * RATE)

    def handle_events(self, events: Iterable[Event], camera_x: int, world: object | None = None) -> None:
        """Play the sound of each simulation event, panned by its place on screen (``world``, when
        given, tells who struck each blow, so the cue can depend on the attacker)."""
        if not self.enabled or self._bus is None:
            return
        batch = list(events)
        for event in batch:
            track = cues.music_for(event)
            if track:
                self.play_music(track, fade_ms=300)
        self._play(self._bus.events(self.now(), batch, camera_x, char_lookup(world)))

    def play_sfx(self, name: str) -> None:
        """Play an effect centred (menus)."""
        if self.enabled and self._bus is not None:
            start = self._bus.sfx(self.now(), name)
            self._play([start] if start else [])

    def _play(self, starts: list[Start]) -> None:
        for start in starts:
            sound = self._sound(start.name, start.take)
            if start.delay:
                key = (start.name, start.take, start.delay)
                sound = self._late.get(key) or self._delayed(key)
            channel = pygame.mixer.Channel(MUSIC_CHANNELS + start.channel)
            channel.play(sound)
            # stereo volume must be set after play(), which resets it
            channel.set_volume(start.left * self.sfx_volume, start.right * self.sfx_volume)

    def _sound(self, name: str, take: int) -> pygame.mixer.Sound:
        """The pygame sound of a take (made on first use from the bus's rendered effect)."""
        sounds = self._sounds.get(name)
        if sounds is None:
            assert self._bus is not None
            pcm = self._bus.effects[name].pcm
            sounds = self._sounds[name] = [pygame.sndarray.make_sound(np.ascontiguousarray(p)) for p in pcm]
        return sounds[take]

    def _delayed(self, key: tuple[str, int, int]) -> pygame.mixer.Sound:
        """A take with ``delay`` samples of silence in front (an impact behind its swing, a cry)."""
        assert self._bus is not None
        name, take, delay = key
        pcm = self._bus.effects[name].pcm[take]
        padded = np.concatenate([np.zeros((delay, 2), np.int16), pcm])
        sound = self._late[key] = pygame.sndarray.make_sound(np.ascontiguousarray(padded))
        return sound

    # --- music -------------------------------------------------------------------------------

    @property
    def current_music(self) -> str | None:
        """The track playing (or the last one started), None when stopped or silent."""
        return self._player.current if self._player is not None else None

    def prepare(self, name: str) -> None:
        """Make a track ready in the background (call when it becomes known: story and level cards),
        with the effects only its level plays (the bus chase's)."""
        if self._player is not None:
            self._player.prepare(name)
        if name in cues.GROUP_OF_MUSIC:
            self.prepare_effects(cues.GROUP_OF_MUSIC[name])

    def prepare_effects(self, group: str) -> threading.Thread | None:
        """Render a group of effects left out of start-up (:func:`cues.deferred_presets`: ``chase``,
        ``bonus``) in a background thread, once; an effect asked for before its turn renders at once
        (:meth:`Bus.effect`). Returns the thread (None when silent or nothing is left to render)."""
        if not self.enabled or self._bus is None:
            return None
        running = self._groups.get(group)
        if running is not None:
            return running
        bus, presets = self._bus, self.presets
        names = [n for n in cues.deferred_presets().get(group, ()) if n in presets and n not in bus.effects]

        def render() -> None:
            for name in names:
                if name not in bus.effects:  # the bus may have needed it first
                    bus.effects[name] = render_effect(presets[name])

        thread = self._groups[group] = threading.Thread(target=render, name=f"sfx-{group}", daemon=True)
        thread.start()
        return thread

    prefetch = prepare

    def play_music(self, name: str, fade_ms: int = 800) -> None:
        """Switch to a track, fading it in over ``fade_ms`` (starts as soon as it is ready)."""
        if self._player is not None:
            self._player.play(name, fade_ms)
        if name in cues.GROUP_OF_MUSIC:  # a level started without its cards (--level)
            self.prepare_effects(cues.GROUP_OF_MUSIC[name])
        if self._bus is not None:
            self._bus.set_ambience(name, self.now())  # the level's scenery goes with its track

    def update(self) -> None:
        """Per frame: start a track whose render finished; queued fanfares and scenery."""
        if self._player is not None:
            self._player.update()
        if self._bus is not None:
            self._play(self._bus.update(self.now()))

    def _apply_music_volume(self) -> None:
        if self._player is not None:  # the bus trims the music to leave the effects headroom
            self._player.set_volume(self.music_volume * MUSIC_BUS * (DUCK_LEVEL if self._ducked else 1.0))
        if self._bus is not None:
            self._bus.set_music(self.music_volume)  # unducked: the budget holds when the duck lifts

    def duck(self, on: bool) -> None:
        """Lower the music under the pause menu (``on``) or bring it back."""
        self._ducked = on
        if self.enabled:
            self._apply_music_volume()

    def set_volumes(self, music: float, sfx: float) -> None:
        """New music and effect volumes (0..1), applied at once to what is playing."""
        self.music_volume, self.sfx_volume = music, sfx
        if not self.enabled or self._bus is None:
            return
        self._bus.sfx_volume = sfx
        self._apply_music_volume()
        for i, slot in enumerate(self._bus.book.slots):
            if slot is not None:
                pygame.mixer.Channel(MUSIC_CHANNELS + i).set_volume(slot.left * sfx, slot.right * sfx)

    def stop(self, fade_ms: int = 200) -> None:
        """Fade everything out (leaving a level or quitting)."""
        if self._player is not None:
            self._player.stop(fade_ms)
        if self._bus is not None:
            self._bus.clear()
        if self.enabled:
            for i in range(SFX_CHANNELS):
                pygame.mixer.Channel(MUSIC_CHANNELS + i).fadeout(max(fade_ms, 1))

    def effects_playing(self) -> int:
        """How many effect channels are in use (for tests and the debug overlay)."""
        if not self.enabled or self._bus is None:
            return 0
        return sum(1 for i in range(SFX_CHANNELS) if pygame.mixer.Channel(MUSIC_CHANNELS + i).get_busy())

