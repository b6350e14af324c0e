"""``python main.py export-audio DIR``: write every music track and sound effect as 16-bit WAV.

Pygame-free. Tracks are written as one play-through (intro, then the loop body once); a
track with a loop also gets ``NAME.loop.wav`` holding just the loop body, to audition the seam
with any player's repeat mode. Effects are written take by take (``NAME.wav`` is the first take,
``NAME.2.wav``... the others).

``--mixdown LEVEL --seed N`` also writes ``mixdown-LEVEL-seedN.wav``: the whole game mix of a bot
run of that level at the default volumes, decided by the same :class:`game.audio.bus.Bus` the game's
mixer uses and summed the way SDL sums channels (added, then clamped at full scale), so it can be
heard and measured (:func:`mixdown`, :func:`mix_stats`).
"""

from __future__ import annotations

import argparse
import sys
import wave
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.audio import cues
from game.audio.bus import MUSIC_BUS, SAMPLES_PER_TICK, Bus, Start, char_lookup
from game.audio.loudness import effect_loudness
from game.audio.music import TRACK_NAMES, MusicDataError, RenderedTrack, render_track
from game.audio.sfx import Effect, load_presets, render_effect, startup_effects
from game.audio.synth import RATE, SynthDataError


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    """Write a (n, 2) int16 array as a stereo 16-bit WAV file."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(samples.shape[1] if samples.ndim == 2 else 1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())


def export_all(out: Path, tracks: tuple[str, ...] = TRACK_NAMES, effects: bool = True) -> list[Path]:
    """Render and write tracks and effects under ``out/music`` and ``out/sfx``; returns the files."""
    written: list[Path] = []
    if effects:
        (out / "sfx").mkdir(parents=True, exist_ok=True)
        for name, preset in load_presets().items():
            for take, pcm in enumerate(render_effect(preset).pcm):
                path = out / "sfx" / (f"{name}.wav" if take == 0 else f"{name}.{take + 1}.wav")
                write_wav(path, pcm)
                written.append(path)
    if tracks:
        (out / "music").mkdir(parents=True, exist_ok=True)
    for name in tracks:
        track = render_track(name)
        play = track.intro if len(track.intro) else track.loop
        path = out / "music" / f"{name}.wav"
        write_wav(path, play)
        written.append(path)
        if track.loop is not None:
            loop_path = out / "music" / f"{name}.loop.wav"
            write_wav(loop_path, track.loop)
            written.append(loop_path)
    return written


# The game's default volumes (game/store/settings.py): the mixdown is what a new player hears.
DEFAULT_MUSIC_VOLUME = 0.7
DEFAULT_SFX_VOLUME = 0.8
MUSIC_SWITCH_OUT = int(0.04 * RATE)   # the music player fades the old track this fast before the next
LEVEL_FADE_IN = int(0.05 * RATE)      # a level's track fades in (PlayScene's LEVEL_MUSIC_FADE_MS)
EVENT_FADE_IN = int(0.3 * RATE)       # jingles switched to by events (Mixer.handle_events)
TAIL_SECONDS = 8.0                    # after the run: the clear/game-over jingle rings out


@dataclass(slots=True)
class Mixdown:
    """A rendered game mix (float stereo, before the clamp) and how it was made."""

    level: str
    seed: int
    mix: np.ndarray
    ticks: int
    result: str | None
    starts: list[Start] = field(default_factory=list)
    reduced: int = 0
    dropped: int = 0


def _track_samples(track: RenderedTrack, length: int) -> np.ndarray:
    """``length`` samples of a track as it plays: the intro, then the loop body over and over."""
    parts = [track.intro.astype(np.float32) / np.float32(32767.0)] if len(track.intro) else []
    if track.loop is not None:
        loop = track.loop.astype(np.float32) / np.float32(32767.0)
        have = sum(len(p) for p in parts)
        reps = max(0, -(-(length - have) // max(len(loop), 1)))
        parts += [loop] * reps
    out = np.concatenate(parts) if parts else np.zeros((0, 2), np.float32)
    if len(out) < length:
        out = np.concatenate([out, np.zeros((length - len(out), 2), np.float32)])
    return out[:length]


def _ramp(n: int, length: int, up: bool) -> np.ndarray:
    n = max(1, min(n, length))
    r = np.linspace(0.0, 1.0, n, dtype=np.float32) if up else np.linspace(1.0, 0.0, n, dtype=np.float32)
    return r


def mixdown(level_name: str, seed: int, music_volume: float = DEFAULT_MUSIC_VOLUME,
            sfx_volume: float = DEFAULT_SFX_VOLUME, max_ticks: int | None = None,
            effects: dict[str, Effect] | None = None,
            tracks: dict[str, RenderedTrack] | None = None) -> Mixdown:
    """The full game mix of a bot run of a level: its music and every effect the run sets off."""
    from game.cli_levels import load_level
    from game.sim.runner import DEFAULT_MAX_TICKS, bot_input
    from game.sim.world import World

    level = load_level(level_name)
    presets = load_presets()
    effects = effects if effects is not None else startup_effects(presets, later=cues.later_presets())
    tracks = tracks if tracks is not None else {}
    bus = Bus(effects, sfx_volume, presets=presets)  # renders a reserved effect if the level uses it
    bus.set_music(music_volume)
    world = World(level, seed=seed)
    source = bot_input(world)

    char_of = char_lookup(world)
    music: list[tuple[int, str, int]] = []  # (start sample, track, fade-in samples)
    if level.music:
        music.append((0, level.music, LEVEL_FADE_IN))
        bus.set_ambience(level.music, 0)
    starts: list[Start] = []
    limit = max_ticks if max_ticks is not None else DEFAULT_MAX_TICKS
    while world.result is None and world.tick < limit:
        events = world.step(source(world))
        now = world.tick * SAMPLES_PER_TICK
        for event in events:
            track = cues.music_for(event)
            if track and (not music or music[-1][1] != track):
                music.append((now + MUSIC_SWITCH_OUT, track, EVENT_FADE_IN))
                bus.set_ambience(track, now)
        starts += bus.events(now, events, world.scroll_x, char_of)
    end_tick = world.tick
    for tick in range(end_tick + 1, end_tick + int(TAIL_SECONDS * 60)):
        starts += bus.update(tick * SAMPLES_PER_TICK)
    length = (end_tick + int(TAIL_SECONDS * 60)) * SAMPLES_PER_TICK
    mix = np.zeros((length, 2), np.float32)
    # music: each track from its start until the next one takes over (with the player's fades)
    gain = np.float32(music_volume * MUSIC_BUS)
    for i, (at, name, fade_in) in enumerate(music):
        stop = music[i + 1][0] - MUSIC_SWITCH_OUT if i + 1 < len(music) else length
        if stop <= at:
            continue
        if name not in tracks:
            tracks[name] = render_track(name)
        seg = _track_samples(tracks[name], stop - at) * gain
        seg[: min(fade_in, len(seg))] *= _ramp(fade_in, len(seg), True)[:, None]
        if i + 1 < len(music):
            out_n = min(MUSIC_SWITCH_OUT, len(seg))
            seg[len(seg) - out_n:] *= _ramp(out_n, out_n, False)[:, None]
        mix[at: at + len(seg)] += seg[: length - at]
    add_effects(mix, starts, effects, sfx_volume)
    return Mixdown(level.name or level_name, seed, mix, end_tick, world.result, starts,
                   bus.reduced, bus.dropped)


def add_effects(mix: np.ndarray, starts: list[Start], effects: dict[str, Effect], sfx_volume: float) -> None:
    """Add the bus's effect starts into ``mix`` (n, 2) as SDL plays them: each on its channel until
    it ends or the channel starts something else, at its gains times the effect volume."""
    length = len(mix)
    next_on_channel: dict[int, int] = {}
    for start in reversed(starts):
        cut = next_on_channel.get(start.channel, length)
        next_on_channel[start.channel] = start.at
        pcm = effects[start.name].pcm[start.take].astype(np.float32) / np.float32(32767.0)
        begin = start.at + start.delay
        stop = min(begin + len(pcm), cut, length)
        if stop <= begin:
            continue
        piece = pcm[: stop - begin]
        mix[begin:stop, 0] += piece[:, 0] * np.float32(start.left * sfx_volume)
        mix[begin:stop, 1] += piece[:, 1] * np.float32(start.right * sfx_volume)


def mix_stats(mix: np.ndarray) -> dict[str, float]:
    """Samples at or over full scale (before SDL's clamp), peak and loudness of a mix."""
    scaled = np.round(mix * 32767.0)
    over = int(np.count_nonzero(np.abs(scaled) >= 32767))
    peak = float(np.max(np.abs(mix))) if len(mix) else 0.0
    return {"over_full_scale": over, "peak_dbfs": round(20 * np.log10(max(peak, 1e-9)), 2),
            "loudness_db": round(effect_loudness(mix, window=len(mix) / RATE), 1)}


def write_mixdown(out: Path, result: Mixdown) -> Path:
    """Write a mixdown as 16-bit stereo (clamped at full scale, as SDL does)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"mixdown-{result.level}-seed{result.seed}.wav"
    write_wav(path, np.clip(np.round(result.mix * 32767.0), -32768, 32767).astype(np.int16))
    return path


def main(argv: list[str]) -> int:
    """Command-line entry (arguments after ``export-audio``); returns the exit code."""
    ap = argparse.ArgumentParser(prog="main.py export-audio",
                                 description="Write all music and effects as WAV.")
    ap.add_argument("dir", type=Path, help="output folder (created if missing)")
    ap.add_argument("--track", action="append", choices=TRACK_NAMES, help="only this track (repeatable)")
    ap.add_argument("--no-sfx", action="store_true", help="skip the sound effects")
    ap.add_argument("--mixdown", metavar="LEVEL",
                    help="also write mixdown-LEVEL-seedN.wav: the game mix of a bot run of LEVEL")
    ap.add_argument("--seed", type=int, default=1, help="the bot run's seed (default 1)")
    ap.add_argument("--mixdown-only", action="store_true", help="write only the mixdown")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.mixdown_only and not args.mixdown:
        print("export-audio: --mixdown-only needs --mixdown LEVEL", file=sys.stderr)
        return 2
    try:
        files: list[Path] = []
        if not args.mixdown_only:
            files = export_all(args.dir, tuple(args.track) if args.track else TRACK_NAMES, not args.no_sfx)
        if args.mixdown:
            from game.tiled import LevelError

            try:
                result = mixdown(args.mixdown, args.seed)
            except LevelError as exc:
                print(f"export-audio: {exc}", file=sys.stderr)
                return 2
            files.append(write_mixdown(args.dir, result))
            stats = mix_stats(result.mix)
            print(f"export-audio: {files[-1]}: {result.ticks / 60:.1f} s ({result.result or 'unfinished'}), "
                  f"{stats['over_full_scale']} samples at or over full scale, "
                  f"peak {stats['peak_dbfs']} dBFS, "
                  f"loudness {stats['loudness_db']} dB; {len(result.starts)} effects, "
                  f"{result.reduced} played quieter by the bus, {result.dropped} dropped")
    except (SynthDataError, MusicDataError, OSError) as exc:
        print(f"export-audio: {exc}", file=sys.stderr)
        return 1
    print(f"export-audio: wrote {len(files)} WAV files to {args.dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
