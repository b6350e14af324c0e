"""The master bus: which effect starts when, on which channel, with which take and at what gain.

Pygame-free, so the game's mixer and the ``export-audio --mixdown`` renderer make exactly the same
decisions, and what the mixdown measures is what players hear. SDL mixes the music stream and the
effect channels by adding samples and clamping at full scale; no post-mix limiter can be inserted
there. So this bus limits *ahead*: every effect is pre-rendered, its peak envelope known block by
block, and a new effect's gain is chosen so that the music's peak plus the envelopes of everything
still sounding (widened by the audio buffer's timing slack) stays under :data:`CEILING`. Nothing
can add up past full scale; an effect that would is played quieter (``Start.gain < 1``).

Also here: the takes of an effect (never the same twice in a row), the swing that leads its impact
(an impact in the same tick as its attacker's swing starts :data:`IMPACT_LAG` later), fanfares that
never start together (queued :data:`FANFARE_GAP` apart), and the level's scenery (ambience).

Times are in samples at :data:`RATE` on the bus's own clock (the game: audio time since start;
the mixdown: ``tick * SAMPLES_PER_TICK``).
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from game.audio import cues, music
from game.audio.channels import ChannelBook, pan_gains
from game.audio.sfx import ENVELOPE_BLOCK, Effect, Preset, render_effect
from game.audio.synth import RATE
from game.sim import events as ev
from game.sim.events import Event

SFX_CHANNELS = 14                 # effect channels (the music is a stream of its own)
SAMPLES_PER_TICK = RATE // 60     # 735: one 60 Hz simulation tick
CEILING = 0.97                    # the bus never adds up past this (about -0.3 dBFS)
MUSIC_BUS = 0.5                   # music's trim on the master bus (-6 dB): headroom for effects on top
SFX_BUS = 0.8                     # the effects' trim (-2 dB), so a blow, its swing and a cry fit together
MUSIC_PEAK = music.CEILING        # rendered tracks peak at or under this (-1 dBFS, game/audio/music.py)
IMPACT_LAG = int(0.02 * RATE)     # an impact waits this long behind a swing started in the same tick
VOICE_LAG = int(0.05 * RATE)      # a cry of pain (or death) follows the blow that caused it
FANFARE_GAP = 9 * SAMPLES_PER_TICK  # two fanfares start at least this far apart
FANFARE_PATIENCE = RATE // 2      # a fanfare with no room on the bus waits up to this long for it
SLACK_BLOCKS = 3                  # +-3 envelope blocks (17 ms): one 512-sample SDL buffer, rounded up
MIN_GAIN = 0.05                   # an effect that would have to be quieter than this (-26 dB) is dropped
VIEW_WIDTH = 320


@dataclass(frozen=True, slots=True)
class Start:
    """One effect to start: preset ``name``'s ``take`` on effect ``channel`` at sample ``at``,
    ``delay`` samples of silence first, with per-ear gains ``left``/``right`` (pan x limiter gain x
    the effects' bus trim, before the player's effect volume); ``gain`` is the limiter's part."""

    name: str
    take: int
    channel: int
    at: int
    delay: int
    left: float
    right: float
    gain: float


@dataclass(slots=True)
class _Voice:
    """An effect sounding on a channel: what the budget needs to know about it."""

    start: int        # sample where its first block begins (after any delay)
    env: np.ndarray   # its take's peak envelope
    near: np.ndarray  # widened by one block (the block grid)
    far: np.ndarray   # widened by the timing slack as well
    left: float
    right: float
    end: int          # sample after which it is silent (or was cut off)
    made: int         # bus time it was started at (same call = exact relative timing)


def widen(env: np.ndarray, blocks: int = SLACK_BLOCKS) -> np.ndarray:
    """Running maximum over +-``blocks`` (padded at both ends): the envelope wherever it may be heard."""
    padded = np.concatenate([np.zeros(blocks, np.float32), env, np.zeros(blocks, np.float32)])
    out = padded.copy()
    for k in range(1, blocks + 1):
        out[:-k] = np.maximum(out[:-k], padded[k:])
        out[k:] = np.maximum(out[k:], padded[:-k])
    return out


def char_lookup(world: object | None) -> Callable[[int], str] | None:
    """Who an entity id is (a bullet counts as its shooter), from a world's ``by_id``; None without one."""
    by_id = getattr(world, "by_id", None)
    if by_id is None:
        return None

    def char_of(eid: int) -> str:
        e = by_id.get(eid)
        if e is not None and e.kind == "projectile":
            e = by_id.get(e.owner)
        return e.char if e is not None else ""

    return char_of


class Bus:
    """Decides every effect start; the caller plays (game) or renders (mixdown) the :class:`Start` s."""

    def __init__(self, effects: dict[str, Effect], sfx_volume: float = 0.8, channels: int = SFX_CHANNELS,
                 seed: int = 0x5EED, presets: dict[str, Preset] | None = None) -> None:
        self.effects = effects
        self.presets = presets or {}    # presets not rendered yet, rendered on first need
        self.sfx_volume = sfx_volume
        self.book = ChannelBook(channels)
        self.voices: list[_Voice | None] = [None] * channels
        self.rng = random.Random(seed)  # cosmetic stream: never the world's generator
        self.music_level = 0.0          # peak the music can reach on the bus now (trim x volume x peak)
        self._last_take: dict[str, int] = {}
        self._fanfares: deque[tuple[str, float, int]] = deque()  # name, screen x, queued at
        self._last_fanfare = -FANFARE_GAP
        self._ambience: list[tuple[cues.Ambience, int]] = []
        self.reduced = 0                # starts played quieter than asked, and dropped for lack of room
        self.dropped = 0

    # -- inputs ------------------------------------------------------------------------------
    def set_music(self, volume: float) -> None:
        """The music's channel volume (the player's setting, before the bus trim); ducking never raises it."""
        self.music_level = MUSIC_PEAK * MUSIC_BUS * volume

    def set_ambience(self, music: str, now: int) -> None:
        """Scenery for a level with this music track (none for other tracks); renders it if needed."""
        self._ambience = [(a, now + self._interval(a)) for a in cues.ambience_for(music)
                          if self.effect(a.sfx) is not None]

    def effect(self, name: str) -> Effect | None:
        """A rendered effect by name (rendering a preset left for later on first need), or None."""
        found = self.effects.get(name)
        if found is None and name in self.presets:
            found = self.effects[name] = render_effect(self.presets[name])
        return found

    def clear(self) -> None:
        """Forget queued fanfares and the scenery (leaving a level); what sounds rings out."""
        self._fanfares.clear()
        self._ambience = []

    def _interval(self, amb: cues.Ambience) -> int:
        lo, hi = amb.every
        return int(self.rng.uniform(lo, hi) * RATE)

    # -- per step ----------------------------------------------------------------------------
    def events(self, now: int, events: Iterable[Event], camera_x: int,
               char_of: Callable[[int], str] | None = None) -> list[Start]:
        """The effects one step's events start at bus time ``now`` (fanfares may wait in a queue)."""
        batch = list(events)
        swung = {e.actor for e in batch if e.kind == ev.WHIFF}
        named = []
        for event in batch:
            name = cues.sfx_for(event, char_of(event.actor) if char_of and event.actor >= 0 else "")
            if name and self.effect(name) is not None and all(name != n for _, n in named):
                named.append((event, name))  # one copy per step: two at once would only sound louder
        # blows claim the bus first, then the rest by priority (a blow before the cry it causes)
        named.sort(key=lambda pair: (pair[0].kind not in (ev.HIT, ev.BLOCK),
                                     -self.effects[pair[1]].preset.priority))
        out: list[Start] = []
        for event, name in named:
            gains = pan_gains(event.x - camera_x, VIEW_WIDTH)
            if self.effects[name].preset.fanfare:
                self._fanfares.append((name, event.x - camera_x, now))
                continue
            impact = event.kind in (ev.HIT, ev.BLOCK) and event.actor in swung
            delay = IMPACT_LAG if impact else 0
            if event.kind in (ev.HURT, ev.DEATH):
                delay = VOICE_LAG + (IMPACT_LAG if event.actor in swung else 0)
            start = self._start(now, name, gains, delay)
            if start:
                out.append(start)
        out += self.update(now)
        return out

    def update(self, now: int) -> list[Start]:
        """Per frame (and per step): release a queued fanfare when its turn comes, play scenery."""
        out: list[Start] = []
        if self._fanfares and now - self._last_fanfare >= FANFARE_GAP:
            name, x, queued = self._fanfares[0]
            start = self._start(now, name, pan_gains(x, VIEW_WIDTH), 0)
            if start or now - queued > FANFARE_PATIENCE:  # no room yet: try again next step, a while
                self._fanfares.popleft()
            if start:
                self._last_fanfare = now
                out.append(start)
        for i, (amb, due) in enumerate(self._ambience):
            if now >= due:
                self._ambience[i] = (amb, now + self._interval(amb))
                x = self.rng.uniform(0.1, 0.9) * VIEW_WIDTH
                start = self._start(now, amb.sfx, pan_gains(x, VIEW_WIDTH), 0)
                if start:
                    out.append(start)
        return out

    def sfx(self, now: int, name: str, screen_x: float = VIEW_WIDTH / 2) -> Start | None:
        """An effect the game plays by name (menus): centred unless told, through the same budget."""
        if self.effect(name) is None:
            return None
        return self._start(now, name, pan_gains(screen_x, VIEW_WIDTH), 0)

    # -- the decisions -----------------------------------------------------------------------
    def pick_take(self, name: str) -> int:
        """A take of ``name``: any but the one it played last."""
        count = len(self.effects[name].takes)
        last = self._last_take.get(name, -1)
        choices = [k for k in range(count) if k != last] or [0]
        take = self.rng.choice(choices)
        self._last_take[name] = take
        return take

    def _start(self, now: int, name: str, gains: tuple[float, float], delay: int) -> Start | None:
        effect = self.effects[name]
        preset = effect.preset
        self.book.release_finished(lambda i: (v := self.voices[i]) is not None and v.end > now)
        before = list(self.book.slots)
        channel = self.book.pick(name, preset.priority, preset.cap)
        if channel is None:
            return None
        take = self.pick_take(name)
        env = effect.envelopes[take]
        begin = now + delay
        gain = self._room(begin, now, env, gains, skip=channel)  # what it replaces stops now
        if gain < MIN_GAIN:
            self.dropped += 1
            self.book.slots[channel] = before[channel]
            return None
        if gain < 1.0:
            self.reduced += 1
        cut = self.voices[channel]
        if cut is not None:  # a restarted copy or a stolen channel: the old sound stops now
            cut.end = min(cut.end, now)
        left, right = gains[0] * gain * SFX_BUS, gains[1] * gain * SFX_BUS
        length = len(effect.pcm[take])
        self.voices[channel] = _Voice(begin, env, widen(env, 1), widen(env, SLACK_BLOCKS + 1),
                                      left, right, begin + length, now)
        slot = self.book.slots[channel]
        if slot is not None:
            slot.left, slot.right = left, right
        return Start(name, take, channel, now, delay, left, right, gain)

    def _room(self, begin: int, now: int, env: np.ndarray, gains: tuple[float, float], skip: int) -> float:
        """The largest gain (<= 1) at which ``env`` starting at ``begin`` keeps the bus under the ceiling.

        Voices started in the same call keep their exact relative timing (widened by one block for
        the block grid); older ones may be heard up to a buffer early or late (widened by the slack).
        """
        vol = self.sfx_volume * SFX_BUS
        if vol <= 0.0:
            return 1.0
        lo = begin // ENVELOPE_BLOCK
        hi = lo + len(env)
        left = np.zeros(hi - lo, np.float32)
        right = np.zeros(hi - lo, np.float32)
        for i, v in enumerate(self.voices):
            if v is None or i == skip:
                continue
            w = 1 if v.made == now else SLACK_BLOCKS + 1
            shape = v.near if w == 1 else v.far
            vb = v.start // ENVELOPE_BLOCK - w
            last = min(vb + len(shape), -(-v.end // ENVELOPE_BLOCK) + w)
            s, e = max(vb, lo), min(last, hi)
            if s >= e:
                continue
            seg = shape[s - vb: e - vb]
            left[s - lo: e - lo] += seg * np.float32(v.left * self.sfx_volume)  # v's gains hold the trim
            right[s - lo: e - lo] += seg * np.float32(v.right * self.sfx_volume)
        gain = 1.0
        for ear, g in ((left, gains[0]), (right, gains[1])):
            need = env * np.float32(g * vol)
            room = np.float32(CEILING - self.music_level) - ear
            ok = need > 1e-9
            if ok.any():
                gain = min(gain, float((room[ok] / need[ok]).min()))
        return max(gain, 0.0)
