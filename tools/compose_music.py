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
MELODY_MARGIN_LU = 1.5  # the tune stands at least this far above everything else in every section


class Sheet:
    """One song sheet being turned into timed notes."""

    def __init__(self, song: dict) -> None:
        self.song = song
        self.scale = SCALES[song["scale"]]
        self.key = song["key"]
        self.notes: dict[int, list[tuple[int, int, int, int]]] = {}  # channel -> (tick, len, pitch, vel)
        self.sections: list[tuple[int, int, int]] = []  # (start tick, end tick, the tune's channel)
        self.next_root = 0
        self.bar_index = 0

    def swing(self, amount: float) -> None:
        """Swing every part alike: each off-beat eighth moves ``amount`` of an eighth later (1/3 is
        the triplet feel); a note ending on one ends later too, so it still meets the next."""
        shift = round(2 * STEP * amount)

        def moved(t: int) -> int:
            return t + shift if t % (4 * STEP) == 2 * STEP else t

        for ch, notes in self.notes.items():
            out = []
            for t, length, pitch, vel in notes:
                grid_end = -(-(t + length) // STEP) * STEP  # the sixteenth the note was written to end on
                start, end = moved(t), moved(grid_end) - (grid_end - t - length)
                out.append((start, max(end - start, 1), pitch, vel))
            self.notes[ch] = out

    def pitch(self, degree: int, accidental: int = 0, octave: int = 0) -> int:
        """A scale degree (0 = tonic, 7 = the octave above) to a MIDI note."""
        octv, idx = divmod(degree, 7)
        return self.key + 12 * (octv + octave) + self.scale[idx] + accidental

    def add(self, part: str, tick: int, length: int, pitch: int, vel: int) -> None:
        """Add one note to a part's channel."""
        ch = 9 if part == "drums" else self.song["channels"][part][0]
        self.notes.setdefault(ch, []).append((tick, max(length, 1), pitch, vel))

    @staticmethod
    def metric_velocity(offset: int, length: int) -> int:
        """A tune's loudness by where a note falls: the bar's downbeat strongest, then beat 3, the
        other beats, off-beat eighths, sixteenths; long notes lean a little harder (``!``/``~`` in a
        phrase add an accent or make a ghost note on top)."""
        pos = (offset // STEP) % 16
        vel = 112 if pos == 0 else 104 if pos == 8 else 96 if pos % 4 == 0 else 86 if pos % 2 == 0 else 78
        return vel + (6 if length >= 8 else 0)

    def chord(self, root: str) -> list[int]:
        """Degrees of a chord token: ``4`` triad on degree 4, ``4+`` adds the seventh."""
        base = int(root.rstrip("+"))
        degrees = [base, base + 2, base + 4]
        return [*degrees, base + 6] if root.endswith("+") else degrees

    def phrase(self, part: str, names: list[str], tick: int, bars: int) -> None:
        """Play hand-written phrases (``name`` or ``name+7`` transposed by degrees) from ``tick``.

        In a song with ``push``, a long note due on a bar's downbeat (or a very long one on beat 3)
        arrives an eighth early, tied over the beat: the anticipation that makes a tune drive."""
        octave = self.song["channels"][part][4]
        t = tick
        played: list[list[int]] = []  # [tick, sixteenths, pitch, velocity]
        for name in names:
            shift = 0
            if "+" in name or name.count("-"):
                sep = "+" if "+" in name else "-"
                name, amount = name.split(sep)
                shift = int(amount) * (1 if sep == "+" else -1)
            length = 4
            for token in self.song["phrases"][name].replace("|", " ").split():
                deg, _, dur = token.partition(":")
                accent = 14 if dur.endswith("!") else -22 if dur.endswith("~") else 0
                dur = dur.rstrip("!~")
                length = int(dur) if dur else length
                if deg != "r":
                    acc = deg.count("#") - deg.count("b")
                    pitch = self.pitch(int(deg.strip("#b")) + shift, acc, octave)
                    vel = max(30, min(127, self.metric_velocity(t - tick, length) + accent))
                    played.append([t, length, pitch, vel])
                t += length * STEP
        if t - tick != bars * 16 * STEP:
            filled = (t - tick) / STEP / 16
            raise ValueError(f"{self.song['name']}: phrases {names} fill {filled} bars, not {bars}")
        if self.song.get("push"):
            self._push(played, tick)
        for start, length, pitch, vel in played:
            self.add(part, start, length * STEP - 12, pitch, vel)

    @staticmethod
    def _push(notes: list[list[int]], tick: int) -> None:
        """Anticipate long notes on strong beats by an eighth (or a sixteenth when that is all the
        room the note before leaves), shortening the note before; never the first note."""
        for i in range(1, len(notes)):
            start, length = notes[i][0], notes[i][1]
            pos = (start - tick) // STEP % 16
            if not ((pos == 0 and length >= 4) or (pos == 8 and length >= 8)):
                continue
            prev = notes[i - 1]
            room = (start - prev[0]) // STEP  # the note before plus any rest after it, in 16ths
            early = 2 if room >= 4 else 1 if room >= 3 else 0
            if not early:
                continue
            notes[i][0] -= early * STEP
            notes[i][1] += early
            prev[1] = min(prev[1], room - early)

    def style(self, part: str, style: str, tick: int, chords: list[list[str]]) -> None:
        """Generate an accompaniment in ``style`` over one chord list per bar (several styles,
        space-separated, take turns bar by bar)."""
        styles = style.split()
        octave = self.song["channels"][part][4]
        flat = [token for changes in chords for token in changes]
        n = 0
        for bar, changes in enumerate(chords):
            span = 16 // len(changes)
            for half, token in enumerate(changes):
                t0 = tick + (bar * 16 + half * span) * STEP
                degs = self.chord(token)
                root = self.pitch(degs[0], octave=octave)
                fifth = self.pitch(degs[2], octave=octave)
                tones = [self.pitch(d, octave=octave) for d in degs]
                self.next_root = self.pitch(self.chord(flat[(n + 1) % len(flat)])[0], octave=octave)
                self.bar_index = bar
                self._play_style(part, styles[bar % len(styles)], t0, span, root, fifth, tones)
                n += 1

    def _play_style(self, part: str, style: str, t0: int, span: int, root: int, fifth: int,
                    tones: list[int]) -> None:
        s = STEP
        if self._play_bass_style(part, style, t0, span, root, fifth, tones):
            return
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
        elif style == "walk":  # chord tones, then a chromatic step into the next chord's root
            target = self.next_root
            while target - root > 6:
                target -= 12
            while root - target > 6:
                target += 12
            approach = target + (1 if target <= root else -1)
            line = [root, tones[1], fifth, approach] if span >= 16 else [root, approach]
            for n, i in enumerate(range(0, span, 4)):
                self.add(part, t0 + i * s, 4 * s - 30, line[n % len(line)], 100 if n % 2 == 0 else 88)
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

    def _play_bass_style(self, part: str, style: str, t0: int, span: int, root: int, fifth: int,
                         tones: list[int]) -> bool:
        """The extra bass figures; False when ``style`` is none of them."""
        s = STEP
        figures = {
            # (sixteenth, which note: r root, o octave, f fifth, t third, l fifth below, velocity, length)
            "funk": [(0, "r", 112, 2), (3, "r", 78, 1), (6, "o", 96, 1), (8, "f", 100, 2), (10, "r", 84, 1),
                     (11, "o", 70, 1), (14, "t", 92, 2)],
            "dotted": [(0, "r", 110, 3), (3, "r", 86, 3), (6, "f", 96, 2), (8, "r", 104, 3), (11, "f", 86, 3),
                       (14, "o", 94, 2)],
            "gallop": [(0, "r", 112, 2), (2, "r", 80, 1), (3, "r", 84, 1), (4, "o", 100, 2),
                       (6, "r", 80, 1), (7, "r", 84, 1), (8, "f", 104, 2), (10, "r", 80, 1),
                       (11, "r", 84, 1), (12, "o", 100, 2), (14, "l", 90, 2)],
            "pedal": [(0, "r", 112, 6), (6, "r", 90, 2), (8, "r", 100, 4), (12, "f", 92, 2),
                      (14, "o", 96, 2)],
            "march2": [(0, "r", 108, 3), (4, "l", 96, 3), (8, "r", 104, 2), (10, "t", 86, 2),
                       (12, "f", 96, 3)],
            "two": [(0, "r", 104, 7), (8, "f", 92, 6), (14, "t", 78, 2)],  # the jazz two-feel
        }
        if style not in figures:
            return False
        which = {"r": root, "o": root + 12, "f": fifth, "t": tones[1], "l": fifth - 12}
        for pos, key, vel, length in figures[style]:
            if pos < span:
                self.add(part, t0 + pos * s, length * s - 20, which[key], vel)
        return True

    def drums(self, names: list[str], tick: int, bars: int, section: int = 0) -> None:
        """Play the song's drum patterns, one name per bar, cycling, with the bar-to-bar variations
        a drummer plays (see :meth:`vary`)."""
        for bar in range(bars):
            name = names[bar % len(names)]
            pattern = self.vary(self.song["drums"][name], bar, bars, section, "fill" in name)
            for letter, steps in pattern.items():
                steps = steps.replace(" ", "")
                for i, c in enumerate(steps):
                    if c in ACCENTS:
                        at = tick + (bar * 16 + i) * STEP
                        self.add("drums", at, STEP // 2, DRUM_KEYS[letter], ACCENTS[c])

    def vary(self, pattern: dict[str, str], bar: int, bars: int, section: int, fill: bool) -> dict[str, str]:
        """A pattern as played in bar ``bar`` of a section: a kick pickup into every second bar, an
        open hat closing every fourth, ghost notes on the snare in the sixth, and in odd-numbered
        sections the hats move to the ride's bell pattern. Fills are played as written."""
        if fill or self.song.get("vary") is False or not pattern:
            return pattern
        out = dict(pattern)

        def put(letter: str, pos: int, mark: str) -> None:
            line = list(out.get(letter, "." * 16).replace(" ", ""))
            if line[pos] == ".":
                line[pos] = mark
            out[letter] = "".join(line)

        swing = bool(self.song.get("swing"))  # swung songs keep to eighths: a straight sixteenth would jar
        if bar % 2 == 1 and "K" in out:
            put("K", (14 if swing else 15) if bar % 4 == 1 else (10 if swing else 13), "o")
        if bar % 4 == 3 and "H" in out:
            hats = list(out["H"])
            hats[14] = "."
            out["H"] = "".join(hats)
            put("O", 14, "x")
        if bar % 8 == 5 and "S" in out:
            put("S", 6 if swing else 7, "o")
            put("S", 10, "o")
        if section % 2 == 1 and "H" in out and bar % 4 != 3:
            hats = out["H"]
            out["H"] = "".join(("X" if c != "." and i % 4 == 2 else c) for i, c in enumerate(hats))
        return out


def build(song: dict) -> tuple[Sheet, int, int | None, int | None]:
    """Lay out every section; returns the sheet, the end tick and the loop ticks (None for jingles)."""
    sheet = Sheet(song)
    tick = 0
    loop_start = None
    for number, sec in enumerate(song["sections"]):
        bars = sec["bars"]
        if loop_start is None and not sec.get("intro") and song.get("loop", True):
            loop_start = tick
        chords = [bar.split("/") for bar in sec["chords"].replace("|", " ").split()]
        chords = [chords[i % len(chords)] for i in range(bars)]
        tune = sec.get("melody")
        for part, what in sec.get("parts", {}).items():
            words = what.split()
            if words[0] in song["phrases"] or words[0].split("+")[0].split("-")[0] in song["phrases"]:
                sheet.phrase(part, words, tick, bars)
                tune = tune or part
            else:
                sheet.style(part, what, tick, chords)
        if tune is None:
            raise ValueError(f"{song['name']}: section {number} has no tune (no part plays a phrase)")
        sheet.sections.append((tick, tick + bars * 16 * STEP, song["channels"][tune][0]))
        if sec.get("drums"):
            sheet.drums(sec["drums"].split(), tick, bars, number)
        if sec.get("crash"):
            sheet.add("drums", tick, STEP, DRUM_KEYS["C"], 110)
        tick += bars * 16 * STEP
    if song.get("swing"):
        sheet.swing(song["swing"])
    return sheet, tick, loop_start, (tick if loop_start is not None else None)


def to_midi(song: dict, balanced: bool = True) -> tuple[mido.MidiFile, float, float | None]:
    """The MIDI file of a sheet, its length in seconds and its loop length in seconds; ``balanced``
    levels the accompaniment under the tune section by section (see :func:`balance`)."""
    sheet, end, loop_start, loop_end = build(song)
    if balanced:
        balance(song, sheet, end, loop_start, loop_end)
    return _midi(song, sheet, end, loop_start, loop_end)


def balance(song: dict, sheet: Sheet, end: int, loop_start: int | None, loop_end: int | None,
            margin: float = MELODY_MARGIN_LU, rounds: int = 4) -> None:
    """Mix automation done once, on the sheet: render each section's tune and the rest apart (the
    game's own synth) and, where the tune is not ``margin`` LU above the rest, play the rest's notes
    in that section softer (velocity scaled) until it is."""
    import tempfile

    from game.audio.music import load_song
    from game.audio.music_analysis import section_balance

    for _ in range(rounds):
        mid, _, _ = _midi(song, sheet, end, loop_start, loop_end)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{song['name']}.mid"
            mid.save(str(path))
            levels = section_balance(load_song(path))
        short = [(span, lv.margin) for span, lv in zip(sheet.sections, levels, strict=True)
                 if lv.margin < margin]
        if not short:
            return
        for (t0, t1, tune), got in short:
            factor = 10 ** ((got - margin - 0.3) / 32.0)  # velocity gain is (v/127)^1.6: 32 dB a decade
            for ch, notes in sheet.notes.items():
                if ch != tune:
                    notes[:] = [(t, ln, p, max(8, round(v * factor)) if t0 <= t < t1 else v)
                                for t, ln, p, v in notes]


def _midi(song: dict, sheet: Sheet, end: int, loop_start: int | None,
          loop_end: int | None) -> tuple[mido.MidiFile, float, float | None]:
    mid = mido.MidiFile(type=1, ticks_per_beat=PPQ)
    tempo = mido.bpm2tempo(song["bpm"])
    meta = [(0, 0, mido.MetaMessage("track_name", name=f"Red Heat - {song['title']}")),
            (0, 0, mido.MetaMessage("set_tempo", tempo=tempo)),
            (0, 0, mido.MetaMessage("time_signature", numerator=4, denominator=4))]
    if loop_start is not None:
        meta += [(loop_start, 1, mido.MetaMessage("marker", text="loopStart")),
                 (loop_end, 1, mido.MetaMessage("marker", text="loopEnd"))]
    meta += [(start, 1, mido.MetaMessage("marker", text=f"melody {ch}"))
             for start, _end, ch in sheet.sections]
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
