"""Write Red Heat's music as Standard MIDI Files from the song sheets in ``tools/music/songs.py``.

Deterministic: the same sheets always give byte-identical files. Run from the repository root:

    python tools/compose_music.py            # writes assets/music/*.mid
    python tools/compose_music.py --check    # only prints each track's length and loop

A sheet names a key, scale, tempo and channels (GM program, pan, volume, octave), hand-written
melody phrases in scale degrees, and sections that set chords per bar plus the style each
accompaniment part plays (bass lines, pads, arpeggios, drum patterns) over those chords.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import mido

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from music.songs import SONGS  # noqa: E402

PPQ = 480
STEP = PPQ // 4  # one sixteenth
SCALES = {
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "harmonic": (0, 2, 3, 5, 7, 8, 11),
    "major": (0, 2, 4, 5, 7, 9, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "hijaz": (0, 1, 4, 5, 7, 8, 10),  # phrygian dominant: the boss's eastern menace
}
DRUM_KEYS = {"K": 36, "S": 38, "P": 39, "H": 42, "O": 46, "C": 49, "R": 51, "A": 50, "B": 47, "D": 43,
             "F": 41, "W": 56, "M": 54, "J": 37}
ACCENTS = {"x": 100, "X": 124, "o": 60}


class Sheet:
    """One song sheet being turned into timed notes."""

    def __init__(self, song: dict) -> None:
        self.song = song
        self.scale = SCALES[song["scale"]]
        self.key = song["key"]
        self.notes: dict[int, list[tuple[int, int, int, int]]] = {}  # channel -> (tick, len, pitch, vel)

    def pitch(self, degree: int, accidental: int = 0, octave: int = 0) -> int:
        """A scale degree (0 = tonic, 7 = the octave above) to a MIDI note."""
        octv, idx = divmod(degree, 7)
        return self.key + 12 * (octv + octave) + self.scale[idx] + accidental

    def add(self, part: str, tick: int, length: int, pitch: int, vel: int) -> None:
        """Add one note to a part's channel."""
        ch = 9 if part == "drums" else self.song["channels"][part][0]
        self.notes.setdefault(ch, []).append((tick, max(length, 1), pitch, vel))

    def chord(self, root: str) -> list[int]:
        """Degrees of a chord token: ``4`` triad on degree 4, ``4+`` adds the seventh."""
        base = int(root.rstrip("+"))
        degrees = [base, base + 2, base + 4]
        return [*degrees, base + 6] if root.endswith("+") else degrees

    def phrase(self, part: str, names: list[str], tick: int, bars: int) -> None:
        """Play hand-written phrases (``name`` or ``name+7`` transposed by degrees) from ``tick``."""
        octave = self.song["channels"][part][4]
        t = tick
        for name in names:
            shift = 0
            if "+" in name or name.count("-"):
                sep = "+" if "+" in name else "-"
                name, amount = name.split(sep)
                shift = int(amount) * (1 if sep == "+" else -1)
            length = 4
            for token in self.song["phrases"][name].replace("|", " ").split():
                deg, _, dur = token.partition(":")
                length = int(dur) if dur else length
                if deg != "r":
                    acc = deg.count("#") - deg.count("b")
                    pitch = self.pitch(int(deg.strip("#b")) + shift, acc, octave)
                    self.add(part, t, length * STEP - 12, pitch, 100)
                t += length * STEP
        if t - tick != bars * 16 * STEP:
            filled = (t - tick) / STEP / 16
            raise ValueError(f"{self.song['name']}: phrases {names} fill {filled} bars, not {bars}")

    def style(self, part: str, style: str, tick: int, chords: list[list[str]]) -> None:
        """Generate an accompaniment in ``style`` over one chord list per bar."""
        octave = self.song["channels"][part][4]
        for bar, changes in enumerate(chords):
            span = 16 // len(changes)
            for half, token in enumerate(changes):
                t0 = tick + (bar * 16 + half * span) * STEP
                degs = self.chord(token)
                root = self.pitch(degs[0], octave=octave)
                fifth = self.pitch(degs[2], octave=octave)
                tones = [self.pitch(d, octave=octave) for d in degs]
                self._play_style(part, style, t0, span, root, fifth, tones)

    def _play_style(self, part: str, style: str, t0: int, span: int, root: int, fifth: int,
                    tones: list[int]) -> None:
        s = STEP
        if style == "hold":
            for p in tones:
                self.add(part, t0, span * s - 10, p, 70)
        elif style == "stab":  # chords on the off-beats
            for i in range(2, span, 4):
                for p in tones:
                    self.add(part, t0 + i * s, s, p, 80)
        elif style == "pump":  # eighth-note chords
            for i in range(0, span, 2):
                for p in tones:
                    self.add(part, t0 + i * s, s + 20, p, 72 if i % 4 else 88)
        elif style in ("arp16", "arp8"):
            step = 1 if style == "arp16" else 2
            ladder = [*tones, *(p + 12 for p in tones)]
            for n, i in enumerate(range(0, span, step)):
                self.add(part, t0 + i * s, step * s - 10, ladder[n % len(ladder)], 75)
        elif style == "root8":
            for i in range(0, span, 2):
                self.add(part, t0 + i * s, 2 * s - 30, root, 100 if i % 4 == 0 else 85)
        elif style == "octave8":  # the 80s synth-bass bounce
            for i in range(0, span, 2):
                self.add(part, t0 + i * s, s + 30, root + (12 if i % 4 else 0), 105 if i % 4 == 0 else 90)
        elif style == "drive16":
            for i in range(span):
                up = 12 if i % 8 == 6 else 0  # an octave kick in the run keeps it moving
                self.add(part, t0 + i * s, s - 20, root + up, 110 if i % 4 == 0 else 80)
        elif style == "march":  # root on 1 and 3, fifth on 2 and 4
            for i in range(0, span, 4):
                self.add(part, t0 + i * s, 3 * s, root if i % 8 == 0 else fifth - 12, 105)
        elif style == "walk":
            line = [root, tones[1], fifth, fifth + 2 if fifth + 2 - root < 12 else tones[1]]
            for n, i in enumerate(range(0, span, 4)):
                self.add(part, t0 + i * s, 4 * s - 30, line[n % 4], 95)
        elif style == "syncop":  # 3+3+2 push
            for i in (0, 3, 6, 8, 11, 14):
                if i < span:
                    self.add(part, t0 + i * s, 2 * s, root + (12 if i in (6, 14) else 0), 100)
        elif style == "pulse":  # heartbeat: two low hits per bar
            for i in (0, 3):
                if i < span:
                    self.add(part, t0 + i * s, 3 * s, root, 110 if i == 0 else 80)
        elif style == "whole":
            self.add(part, t0, span * s - 10, root, 95)
        elif style == "tremolo":  # string tremolo on the chord's top notes
            for i in range(span):
                self.add(part, t0 + i * s, s - 10, tones[(i // 2) % 2 + 1], 70)
        else:
            raise ValueError(f"{self.song['name']}: unknown style {style!r}")

    def drums(self, names: list[str], tick: int, bars: int) -> None:
        """Play the song's drum patterns, one name per bar, cycling."""
        for bar in range(bars):
            pattern = self.song["drums"][names[bar % len(names)]]
            for letter, steps in pattern.items():
                steps = steps.replace(" ", "")
                for i, c in enumerate(steps):
                    if c in ACCENTS:
                        at = tick + (bar * 16 + i) * STEP
                        self.add("drums", at, STEP // 2, DRUM_KEYS[letter], ACCENTS[c])


def build(song: dict) -> tuple[Sheet, int, int | None, int | None]:
    """Lay out every section; returns the sheet, the end tick and the loop ticks (None for jingles)."""
    sheet = Sheet(song)
    tick = 0
    loop_start = None
    for sec in song["sections"]:
        bars = sec["bars"]
        if loop_start is None and not sec.get("intro") and song.get("loop", True):
            loop_start = tick
        chords = [bar.split("/") for bar in sec["chords"].replace("|", " ").split()]
        chords = [chords[i % len(chords)] for i in range(bars)]
        for part, what in sec.get("parts", {}).items():
            words = what.split()
            if words[0] in song["phrases"] or words[0].split("+")[0].split("-")[0] in song["phrases"]:
                sheet.phrase(part, words, tick, bars)
            else:
                sheet.style(part, words[0], tick, chords)
        if sec.get("drums"):
            sheet.drums(sec["drums"].split(), tick, bars)
        if sec.get("crash"):
            sheet.add("drums", tick, STEP, DRUM_KEYS["C"], 110)
        tick += bars * 16 * STEP
    return sheet, tick, loop_start, (tick if loop_start is not None else None)


def to_midi(song: dict) -> tuple[mido.MidiFile, float, float | None]:
    """The MIDI file of a sheet, its length in seconds and its loop length in seconds."""
    sheet, end, loop_start, loop_end = build(song)
    mid = mido.MidiFile(type=1, ticks_per_beat=PPQ)
    tempo = mido.bpm2tempo(song["bpm"])
    meta = [(0, 0, mido.MetaMessage("track_name", name=f"Red Heat - {song['title']}")),
            (0, 0, mido.MetaMessage("set_tempo", tempo=tempo)),
            (0, 0, mido.MetaMessage("time_signature", numerator=4, denominator=4))]
    if loop_start is not None:
        meta += [(loop_start, 1, mido.MetaMessage("marker", text="loopStart")),
                 (loop_end, 1, mido.MetaMessage("marker", text="loopEnd"))]
    mid.tracks.append(_track(meta, end))
    for part, (ch, program, pan, volume, _octave) in song["channels"].items():
        events = [(0, 0, mido.Message("program_change", channel=ch, program=program)),
                  (0, 0, mido.Message("control_change", channel=ch, control=7, value=volume)),
                  (0, 0, mido.Message("control_change", channel=ch, control=10, value=pan))]
        events += _note_events(sheet.notes.get(ch, []), ch)
        mid.tracks.append(_track(events, end, part))
    if 9 in sheet.notes:
        mid.tracks.append(_track(_note_events(sheet.notes[9], 9), end, "drums"))
    seconds = mido.tick2second(end, PPQ, tempo)
    loop = mido.tick2second(loop_end - loop_start, PPQ, tempo) if loop_start is not None else None
    return mid, seconds, loop


def _note_events(notes: list[tuple[int, int, int, int]], ch: int) -> list[tuple[int, int, mido.Message]]:
    out = []
    for tick, length, pitch, vel in notes:
        out.append((tick, 2, mido.Message("note_on", channel=ch, note=pitch, velocity=vel)))
        out.append((tick + length, 1, mido.Message("note_off", channel=ch, note=pitch, velocity=0)))
    return out


def _track(events: list, end: int, name: str | None = None) -> mido.MidiTrack:
    track = mido.MidiTrack()
    if name:
        track.append(mido.MetaMessage("track_name", name=name))
    now = 0
    for tick, _order, msg in sorted(events, key=lambda e: (e[0], e[1], getattr(e[2], "note", 0))):
        track.append(msg.copy(time=tick - now))
        now = tick
    track.append(mido.MetaMessage("end_of_track", time=max(end - now, 0)))
    return track


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check only measure) every track."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print lengths, write nothing")
    ap.add_argument("--out", type=Path, default=ROOT / "assets" / "music")
    args = ap.parse_args(argv)
    for song in SONGS:
        mid, seconds, loop = to_midi(song)
        if loop is not None and loop < 60.0:
            print(f"{song['name']}: loop is only {loop:.1f} s (needs >= 60)", file=sys.stderr)
            return 1
        print(f"{song['name']:10s} {seconds:6.1f} s  loop {'-' if loop is None else f'{loop:.1f} s'}")
        if not args.check:
            args.out.mkdir(parents=True, exist_ok=True)
            mid.save(str(args.out / f"{song['name']}.mid"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
