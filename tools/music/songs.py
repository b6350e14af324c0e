# ruff: noqa: E501  (a song sheet reads best one section per line)
"""Red Heat's song sheets: original melodies in scale degrees, chords per bar, accompaniment styles.

Melody tokens are ``degree:sixteenths`` (0 = tonic, 7 = octave up, ``r`` = rest, ``#``/``b`` =
accidental); a token without a length keeps the previous one; a length ending in ``!`` accents the
note, ``~`` makes it a ghost note (velocities otherwise follow the beat). ``|`` marks bars for the reader.
Channels are ``part: (midi channel, GM program, pan, volume, octave)``; drums always use channel 10.
A section's ``melody`` names the part with the tune (default: the first part playing a phrase). A
song may ``push`` (anticipate long notes on strong beats) and ``swing`` (delay off-beat eighths).
"""

from __future__ import annotations

ROCK = {"K": "x.....x.x.......", "S": "....x.......x...", "H": "x.x.x.x.x.x.x.x."}
FILL = {"K": "x.......x.......", "S": "....x.x.xxxoXXXX", "H": "x.x.x.x........."}
MARCH = {"K": "x.......x.......", "S": "....x..o....x.oo", "H": "..x...x...x...x."}
MARCH_FILL = {"K": "x.......x.......", "S": "xoooxoooXoXoXXXX", "C": "................"}

TITLE = {
    "name": "title", "title": "Red Heat (title)", "bpm": 116, "key": 60, "scale": "harmonic",
    "channels": {"lead": (0, 61, 64, 112, 0), "choir": (1, 52, 40, 92, 0), "bass": (2, 33, 64, 110, -2),
                 "strings": (3, 48, 88, 80, -1), "tim": (4, 47, 64, 100, -2), "bells": (5, 9, 100, 60, 1)},
    "phrases": {
        "FAN": "0:2! 0:2~ 0:2 4:10! | 3:2 2:2~ 3:2 4:10",
        "A1": "4:6 4:2 7:8 | 6:4 5:4 4:8 | 2:6 3:2 4:4 5:4 | 4:16",
        "A2": "4:6 4:2 7:8 | 9:4 8:4 7:8 | 6:4 5:4 4:4 6:4 | 7:16",
        "B1": "2:4 3:4 4:4 5:4 | 4:8 2:8 | 3:4 4:4 5:4 7:4 | 4:16",
        "B2": "2:4 3:4 4:4 5:4 | 7:8 9:8 | 8:6 7:2 6:4 4:4 | 4:16",
        "C1": "7:8! 4:8 | 5:8 2:8 | 3:6 4:2~ 0:8 | 1:8 4:8!",
    },
    "drums": {"march": MARCH, "fill": MARCH_FILL, "roll": {"S": "oooooooooooooooo"}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 4", "parts": {"lead": "FAN", "tim": "march"}, "drums": "roll"},
        {"bars": 8, "chords": "0 5 3 4 | 0 5 3/4 0", "crash": True,
         "parts": {"lead": "A1 A2", "bass": "march", "strings": "hold", "tim": "pulse"},
         "drums": "march march march fill"},
        {"bars": 8, "chords": "5 2 3 0 | 5 2 4 4",
         "parts": {"choir": "B1 B2", "bass": "march2", "strings": "tremolo", "bells": "arp8"},
         "drums": "march march march fill"},
        {"bars": 8, "chords": "0 5 3 4 | 0 5 3/4 0", "crash": True,
         "parts": {"lead": "A1 A2", "choir": "A1-7 A2-7", "bass": "march march march dotted", "strings": "hold", "tim": "pulse"},
         "drums": "march march march fill"},
        {"bars": 8, "chords": "5 3 6 4 | 5 3 4 4",
         "parts": {"strings": "C1 C1", "bass": "pedal", "choir": "hold", "tim": "march"},
         "drums": "roll march march march march march march fill"},
    ],
}

MOSCOW = {
    "name": "moscow", "title": "Moscow Winter", "bpm": 100, "key": 62, "scale": "harmonic",
    "channels": {"brass": (0, 61, 58, 112, 0), "choir": (1, 52, 76, 96, 0), "bass": (2, 33, 64, 110, -2),
                 "pad": (3, 48, 40, 72, -1), "balalaika": (4, 105, 96, 78, 0), "tim": (5, 47, 64, 96, -2)},
    "phrases": {
        "A1": "0:4 4:4 4:6 3:2 | 2:4 1:4 0:8 | 3:4 5:4 5:6 4:2 | 2:12 r:4",
        "A2": "5:4 4:4 3:4 2:4 | 3:6 2:2 0:8 | 1:4 2:4 3:4 4:4 | 4:12 r:4",
        "B1": "7:8 6:4 5:4 | 5:8 3:8 | 4:6 5:2 4:4 2:4 | 4:16",
        "B2": "7:8 9:4 8:4 | 7:8 5:8 | 6:6 6:2 5:4 6:4 | 7:16",
        "OUT": "4:12! 5:2~ 4:2 | 3:8 2:8 | 1:12 2:2~ 3:2 | 4:16!",
        "INT": "0:4! 4:4 7:6 6:2~ | 7:12 r:4",
    },
    "drums": {"march": MARCH, "fill": MARCH_FILL, "soft": {"K": "x.......x.......", "S": "....o.......o..."},
              "soft_fill": {"K": "x.......x.......", "S": "....o...o.o.oXoX"}, "none": {}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 4", "parts": {"brass": "INT", "choir": "hold", "tim": "pulse"}, "drums": "none"},
        {"bars": 8, "chords": "0 0 3 0 | 5 3 4 4", "crash": True,
         "parts": {"brass": "A1 A2", "bass": "march", "pad": "hold", "balalaika": "arp16"},
         "drums": "march march march fill"},
        {"bars": 8, "chords": "3 3 0 0 | 5 2 4 0",
         "parts": {"choir": "B1 B2", "bass": "march2", "pad": "hold", "balalaika": "tremolo"},
         "drums": "soft soft soft soft_fill"},
        {"bars": 8, "chords": "0 0 3 0 | 5 3 4 4", "crash": True,
         "parts": {"brass": "A1 A2", "choir": "A1+2 A2+2", "bass": "march march march dotted", "balalaika": "arp16", "tim": "pulse"},
         "drums": "march march march fill"},
        {"bars": 4, "chords": "5 3 1 4", "parts": {"brass": "OUT", "pad": "hold", "bass": "pedal", "tim": "march"},
         "drums": "soft soft soft fill"},
    ],
}

BATHHOUSE = {
    "name": "bathhouse", "title": "Steam and Fists (bathhouse)", "bpm": 124, "key": 64, "scale": "dorian", "push": True,
    "channels": {"sax": (0, 65, 76, 108, 0), "organ": (1, 17, 30, 74, -1), "bass": (2, 33, 64, 112, -2),
                 "pluck": (3, 105, 100, 74, 0), "flute": (4, 73, 84, 96, 1)},
    "phrases": {
        "PICK": "r:4 0:2~ 2:2 3:2 4:2 r:4 | 7:2! r:2 7:2 6:2 4:4 r:4",
        "A1": "4:2! r:2 4:2 3:2 4:2 7:6 | 6:2 4:2 3:2 2:2 0:8 | 3:2! r:2 3:2 2:2 3:2 5:6 | 4:12 r:4",
        "A2": "4:2! r:2 4:2 3:2 4:2 7:6 | 9:2 7:2 6:2 4:2 3:8 | 2:4 3:4 4:4 1:2~ 2:2 | 0:12 r:4",
        "B1": "7:4 6:2 7:4 9:2 7:4 | 6:8 r:4 3:4 | 5:4 4:2 5:4 6:2 5:4 | 4:8 r:8",
        "B2": "7:4 6:2 7:4 9:2 7:4 | 10:8! r:4 9:4 | 8:4 7:2 6:4 5:2 4:4 | 4:8 r:8",
        "C1": "0:2 2:2 4:2 7:2! r:8 | 6:2 4:2 2:2 0:2 r:8 | 3:2 5:2 7:2 9:2! r:8 | 8:4 7:4 6:4 4:4",
    },
    "drums": {"groove": {"K": "x..x..x...x..x..", "S": "....x.......x...", "H": "x.xox.xox.xox.xo",
                         "J": "..............x."},
              "fill": {"K": "x..x..x.........", "S": "....x.....x.xXXX", "H": "x.xox.xox......."},
              "fill2": {"K": "x..x..x.x.......", "S": "....x...o.xoXoXX", "D": "..........x.x...", "H": "x.xox.xo........"},
              "steam": {"K": "x.........x.....", "H": "..x...x...x...x.", "M": "....x.......x..."},
              "steam2": {"K": "x.........x..x..", "H": "..x...x...x.x.x.", "M": "....x.......x..x"}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 0", "parts": {"sax": "PICK", "bass": "syncop"}, "drums": "steam steam2"},
        {"bars": 8, "chords": "0 0 3 3 | 0 0 4 4", "crash": True,
         "parts": {"sax": "A1 A2", "bass": "syncop", "organ": "stab"}, "drums": "groove groove groove fill"},
        {"bars": 8, "chords": "3 3 6 6 | 3 3 4 4",
         "parts": {"flute": "B1 B2", "bass": "walk", "organ": "hold", "pluck": "arp8"},
         "drums": "groove groove groove fill2"},
        {"bars": 8, "chords": "0 0 3 3 | 0 0 4 4", "crash": True,
         "parts": {"sax": "A1 A2", "flute": "A1-7 A2-7", "bass": "funk", "organ": "stab"},
         "drums": "groove groove groove fill"},
        {"bars": 8, "chords": "0 6 3 4 | 0 6 3 4",
         "parts": {"pluck": "C1 C1", "bass": "dotted", "organ": "hold"}, "drums": "steam steam2 steam fill2"},
    ],
}

CHICAGO = {
    "name": "chicago", "title": "Chicago Streets", "bpm": 118, "key": 57, "scale": "minor", "push": True,
    "channels": {"lead": (0, 81, 72, 104, 1), "stab": (1, 89, 30, 70, 0), "bass": (2, 38, 64, 118, -1),
                 "arp": (3, 82, 100, 62, 1), "brass": (4, 62, 36, 88, 0)},
    "phrases": {
        "INT": "7:2! r:2 7:2 9:2~ 10:4 9:2 7:2 | 6:8 r:8",
        "A1": "0:3! 2:3 3:2 4:4 3:2 2:2~ | 0:8 r:4 4:2 5:2 | 6:3 5:3 4:2 2:4 0:4 | 4:12! r:4",
        "A2": "0:3! 2:3 3:2 4:4 3:2 2:2~ | 0:8 r:4 7:2 9:2 | 10:3 9:3 7:2 6:4 4:4 | 7:12! r:4",
        "B1": "7:3! 7:3 7:2 9:4 7:4 | 6:4 4:4 2:8 | 5:3 5:3 5:2 6:4 5:4 | 4:16",
        "B2": "7:3! 7:3 7:2 9:4 11:4 | 10:4 9:4 7:8 | 5:3 5:3 5:2 6:4 4:4 | 6:16",
        "C1": "11:2! r:2 11:2 10:2 9:4 7:4 | 9:2 r:2 9:2 7:2~ 6:8 | 8:2 r:2 8:2 7:2 6:4 4:4 | 6:4 7:4 8:8!",
        "H1": "0:2 r:6 0:2 r:2 2:4 | 0:2 r:14",
    },
    "drums": {"machine": {"K": "x.....x...x.....", "P": "....X.......X...", "H": "xxoxxxoxxxoxxxox"},
              "fill": {"K": "x.....x...x.....", "P": "....X.......X.X.", "A": "........xx......",
                       "B": "..........xx....", "F": "............xxxx"},
              "fill2": {"K": "x.....x.x.x.....", "P": "....X...X...XXXX", "H": "xxoxxxox........"},
              "break": {"K": "x.........x.....", "H": "..x...x...x...x.", "P": "....X.......X..."}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 0", "parts": {"lead": "INT", "bass": "octave8"}, "drums": "break"},
        {"bars": 8, "chords": "0 0 5 6 | 0 0 5 6", "crash": True,
         "parts": {"lead": "A1 A2", "bass": "octave8", "stab": "stab", "brass": "H1 H1 H1 H1"},
         "drums": "machine machine machine fill"},
        {"bars": 8, "chords": "0 0 5 6 | 0 0 5 6", "crash": True,
         "parts": {"lead": "B1 B2", "bass": "funk", "stab": "stab", "arp": "arp16"},
         "drums": "machine machine machine fill2"},
        {"bars": 8, "chords": "3 3 0 0 | 5 5 6 6",
         "parts": {"lead": "C1 C1", "bass": "dotted", "stab": "hold", "arp": "arp16"},
         "drums": "machine machine machine fill"},
        {"bars": 8, "chords": "0 0 5 6 | 3 3 4 4",
         "parts": {"brass": "B1-7 B2-7", "bass": "syncop", "stab": "hold"}, "drums": "break break break fill2"},
    ],
}

HOSPITAL = {
    "name": "hospital", "title": "Night Ward (hospital)", "bpm": 90, "key": 60, "scale": "phrygian",
    "channels": {"bells": (0, 11, 84, 100, 0), "pad": (1, 90, 40, 70, -1), "bass": (2, 38, 64, 104, -2),
                 "strings": (3, 49, 24, 70, 0), "beep": (4, 80, 104, 46, 2)},
    "phrases": {
        "I1": "7:8! 8:4~ 7:4 | 4:16",
        "L1": "4:4! 5:4 4:8 | 1:16 | 4:4 5:4 6:6 5:2~ | 4:16",
        "L2": "7:4! 6:4 5:8 | 4:16 | 2:4 1:4 0:6 1:2~ | 1:16",
        "H1": "7:8! 8:4 7:4 | 4:16 | 7:8 8:4 10:4 | 9:16!",
        "H2": "11:8! 10:4 8:4 | 7:16 | 6:8 5:4 4:2~ 5:2 | 1:16",
        "BEEP": "0:2 r:14 | r:16",
    },
    "drums": {"heart": {"K": "x..o............", "H": "........o.......", "J": "............o..."},
              "heart2": {"K": "x..o............", "H": "........o...o...", "J": "............o..o"},
              "tense": {"K": "x..o......x.....", "H": "o.o.o.o.o.o.o.o.", "J": "....x.......x..."},
              "tense2": {"K": "x..o......x..o..", "H": "o.o.o.o.o.oxo.o.", "J": "....x.......x.x."},
              "fill": {"K": "x..o......x.....", "B": "........x.x.x...", "F": "............xxxx"}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0", "parts": {"bells": "I1", "beep": "BEEP-7"}, "drums": "heart"},
        {"bars": 8, "chords": "0 0 1 1 | 0 0 6 1",
         "parts": {"bells": "L1 L2", "bass": "pulse", "pad": "hold", "beep": "BEEP BEEP BEEP BEEP"},
         "drums": "heart heart heart heart2"},
        {"bars": 8, "chords": "0 0 1 1 | 0 0 6 1",
         "parts": {"bells": "H1 H2", "bass": "pedal pedal pedal pulse", "pad": "hold"}, "drums": "heart heart2 heart fill"},
        {"bars": 8, "chords": "0 1 0 1 | 5 5 6 1",
         "parts": {"bells": "H1+2 H2", "bass": "drive16 drive16 drive16 dotted", "strings": "tremolo", "pad": "hold"},
         "drums": "tense tense tense2 fill"},
    ],
}

HOTEL = {
    "name": "hotel", "title": "Room Service (hotel)", "bpm": 132, "key": 55, "scale": "dorian", "push": True,
    "swing": 1 / 3,
    "channels": {"trumpet": (0, 59, 76, 108, 1), "epiano": (1, 4, 36, 74, 0), "bass": (2, 32, 64, 112, -1),
                 "vibes": (3, 11, 96, 84, 1), "organ": (4, 16, 24, 58, 0)},
    "phrases": {
        "PICK": "r:8 4:2~ 5:2 6:2 7:2 | 9:4! 7:2 6:2 4:4 r:4",
        "A1": "4:2! 3:2 4:4 r:2 2:2 0:4 | 3:2 4:2 5:4 4:2 3:2~ r:4 | 4:2! 3:2 4:4 r:2 6:2 7:4 | 6:12 r:4",
        "A2": "4:2! 3:2 4:4 r:2 2:2 0:4 | 3:2 4:2 5:4 7:4 5:4 | 4:4 3:4 2:2~ 2:2 1:4 | 0:12 r:4",
        "B1": "7:6! 6:2 5:4 4:4 | 3:6 4:2 5:8 | 6:6 5:2~ 4:4 3:4 | 2:16",
        "B2": "7:6! 6:2 5:4 4:4 | 3:6 4:2 5:8 | 6:4 7:4 8:2~ 8:2 9:4 | 7:16!",
    },
    # straight eighths on the grid: the song's swing moves every off-beat eighth, ride and band alike
    "drums": {"swing": {"R": "x...x.x.x...x.x.", "K": "o.......o.......", "H": "....x.......x..."},
              "comp": {"R": "x...x.x.x...x.x.", "K": "o.......o.......", "H": "....x.......x...",
                       "J": "......x.......x."},
              "fill": {"R": "x...x.x.........", "S": "........x.x.o.X.", "K": "x.........x.....", "A": "..............x."}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0+ 3+", "parts": {"trumpet": "PICK", "bass": "walk", "epiano": "stab"},
         "drums": "swing"},
        {"bars": 8, "chords": "0+ 3+ 0+ 3+ | 0+ 3+ 4+ 0+",
         "parts": {"trumpet": "A1 A2", "bass": "walk", "epiano": "stab"}, "drums": "swing comp swing fill"},
        {"bars": 8, "chords": "2+ 5 3+ 0+ | 2+ 5 4+ 4+",
         "parts": {"vibes": "B1 B2", "bass": "two", "organ": "hold"}, "drums": "swing swing comp fill"},
        {"bars": 8, "chords": "0+ 3+ 0+ 3+ | 0+ 3+ 4+ 0+", "crash": True,
         "parts": {"trumpet": "A1 A2", "vibes": "A1-7 A2-7", "bass": "walk", "epiano": "stab"},
         "drums": "comp comp swing fill"},
        {"bars": 8, "chords": "5 3+ 6 4+ | 5 3+ 4+ 4+",
         "parts": {"trumpet": "B1-7 B2-7", "bass": "walk", "epiano": "pump"}, "drums": "swing comp swing fill"},
        {"bars": 4, "chords": "0+ 3+ 4+ 0+", "parts": {"vibes": "A2", "bass": "two", "organ": "hold"},
         "drums": "comp swing comp fill"},
    ],
}

CHASE = {
    "name": "chase", "title": "Bus Chase", "bpm": 150, "key": 52, "scale": "minor", "push": True,
    "channels": {"lead": (0, 80, 76, 104, 1), "guitar": (1, 30, 30, 80, 0), "bass": (2, 38, 64, 116, -1),
                 "brass": (3, 61, 96, 94, 1), "arp": (4, 84, 104, 58, 1)},
    "phrases": {
        "A1": "0:2! 0:2 7:2 0:2~ 6:2 0:2 5:2 4:2 | 3:4 4:4 5:4 6:4 | 7:2! 7:2 9:2 7:2~ 6:4 5:4 | 4:16",
        "A2": "0:2! 0:2 7:2 0:2~ 6:2 0:2 5:2 4:2 | 3:4 4:4 5:4 6:4 | 7:2! 7:2 9:2 10:2~ 11:4 9:4 | 7:16",
        "B1": "11:4! 10:4 9:4 7:4 | 9:6 7:10 | 8:4 7:4 6:2~ 6:2 5:4 | 6:16",
        "B2": "11:4! 10:4 9:4 7:4 | 12:6 11:10 | 10:4 9:4 8:2~ 8:2 6:4 | 7:16!",
        "HORN": "4:4! 4:2~ 4:10 | r:16",
    },
    "drums": {"run": {"K": "x.x...x.x.x...x.", "S": "....x.......x...", "H": "x.x.x.x.x.x.x.x."},
              "fill": {"K": "x.x...x.........", "A": "........xx......", "B": "..........xx....",
                       "F": "............xxXX"},
              "fill2": {"K": "x.x...x.x.x.x.x.", "S": "....x...x.x.XXXX", "H": "x.x.x.x........."},
              "toms": {"K": "x.......x.......", "A": "x..x..x.........", "F": "........x..x..x."}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 0", "parts": {"brass": "HORN", "bass": "drive16"},
         "drums": "toms fill"},
        {"bars": 8, "chords": "0 0 5 6 | 0 0 3 4", "crash": True,
         "parts": {"lead": "A1 A2", "bass": "drive16", "guitar": "pump"}, "drums": "run run run fill"},
        {"bars": 8, "chords": "5 5 2 2 | 3 3 4 4",
         "parts": {"brass": "B1 B2", "bass": "gallop", "arp": "arp16"}, "drums": "run run run fill2"},
        {"bars": 8, "chords": "0 0 5 6 | 0 0 3 4", "crash": True,
         "parts": {"lead": "A1 A2", "brass": "HORN HORN HORN HORN", "bass": "drive16 drive16 drive16 dotted", "guitar": "pump"},
         "drums": "run run run fill"},
        {"bars": 8, "chords": "5 6 0 0 | 5 6 4 4",
         "parts": {"guitar": "B1-7 B2-7", "bass": "octave8", "arp": "arp16"}, "drums": "toms toms toms fill2"},
        {"bars": 8, "chords": "0 0 5 6 | 0 0 3 4",
         "parts": {"lead": "A1+7 A2", "bass": "gallop", "guitar": "pump", "arp": "arp16"},
         "drums": "run run run fill"},
    ],
}

BOSS = {
    "name": "boss", "title": "Viktor", "bpm": 138, "key": 47, "scale": "hijaz", "push": True,
    "channels": {"riff": (0, 30, 36, 100, 0), "organ": (1, 19, 88, 66, 1), "bass": (2, 38, 64, 108, 0),
                 "choir": (3, 52, 60, 90, 2), "lead": (4, 81, 96, 100, 2)},
    # the bass doubles the riff an octave down wherever the riff plays: its flat second is the riff's
    # colour, never a rub against the bass
    "phrases": {
        "R1": "0:2! 0:2 1:2 0:2~ 4:3 3:3 1:2 | 0:2! 0:2 1:2 0:2~ 5:2 4:2 3:2 1:2",
        "R2": "0:2! 0:2 1:2 0:2~ 5:3 4:3 3:2 | 0:2! 0:2 1:2 0:2~ 3:2 4:2 5:2 7:2",
        "R3": "0:1! 0:1 0:2 1:2 0:2~ 4:2 3:2 1:2 0:2 | 0:1! 0:1 0:2 1:2 0:2~ 7:2 5:2 4:2 1:2",
        "L1": "7:8! 8:4 7:4 | 11:6 10:2~ 8:8 | 7:4 8:4 10:4 11:4 | 12:16!",
        "L2": "14:8! 12:4 11:4 | 12:6 11:2~ 10:8 | 8:4 7:4 8:4 4:4 | 7:16!",
        "CH": "0:16 | 2:16 | 0:16 | -1:16",
    },
    "drums": {"stomp": {"K": "x.x...x.x.x...x.", "S": "....X.......X...", "H": "x.x.x.x.x.x.x.x."},
              "double": {"K": "xxxxxxxxxxxxxxxx", "S": "....X.......X...", "R": "x...x...x...x..."},
              "fill": {"K": "x.x...x.........", "S": "....X...xoxoXXXX"},
              "fill2": {"K": "x.x.x.x.x.......", "S": "....X.......XXXX", "A": "........xx......", "F": "..........xx...."}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 0", "parts": {"riff": "R1", "bass": "R1-7"}, "drums": "fill"},
        {"bars": 8, "chords": "0 0 0 0 | 0 0 0 0", "crash": True,
         "parts": {"riff": "R1 R1 R1 R2", "bass": "R1-7 R1-7 R1-7 R2-7", "choir": "CH CH"},
         "drums": "stomp stomp stomp fill"},
        {"bars": 8, "chords": "0 0 3 3 | 0 0 3 3", "crash": True,
         "parts": {"lead": "L1 L2", "riff": "R1 R2 R1 R2", "bass": "R1-7 R2-7 R1-7 R2-7", "organ": "stab"},
         "drums": "stomp stomp stomp fill2"},
        {"bars": 8, "chords": "3 3 1 1 | 3 3 1 0",
         "parts": {"choir": "L1-7 L2-7", "bass": "octave8", "organ": "hold"}, "drums": "double double double fill"},
        {"bars": 8, "chords": "0 0 0 0 | 0 0 0 0", "crash": True,
         "parts": {"lead": "L1 L2", "riff": "R2 R1 R3 R3", "bass": "R2-7 R1-7 R3-7 R3-7", "choir": "CH CH"},
         "drums": "stomp stomp double fill2"},
        {"bars": 4, "chords": "0 1 0 1", "parts": {"riff": "R3 R1", "bass": "R3-7 R1-7", "organ": "tremolo"},
         "drums": "double double double fill"},
    ],
}

HIGHSCORE = {
    "name": "highscore", "title": "Hall of Heroes (high score)", "bpm": 108, "key": 53, "scale": "major",
    "channels": {"lead": (0, 80, 64, 96, 1), "pad": (1, 88, 40, 76, 0), "bass": (2, 33, 64, 108, -2),
                 "bells": (3, 10, 96, 68, 2), "horn": (4, 60, 30, 90, 0)},
    "phrases": {
        "A1": "4:4 5:4 4:4 2:4 | 1:8 4:8 | 2:4 4:4 7:4 5:4 | 3:16",
        "A2": "4:4 5:4 4:4 2:4 | 1:8 4:8 | 5:4 4:4 3:4 1:4 | 0:16",
        "B1": "7:6 5:2 4:8 | 5:4 7:4 5:8 | 3:6 4:2 5:4 6:4 | 4:16",
        "B2": "7:6 5:2 4:8 | 5:4 7:4 9:8 | 8:6 7:2 6:4 8:4 | 7:16",
        "INT": "4:4! 5:4~ 7:8 | 4:12 r:4",
    },
    "drums": {"soft": {"K": "x.......x.x.....", "S": "....o.......o...", "H": "x.x.x.x.x.x.x.x."},
              "fill": {"K": "x.......x.......", "S": "....o.....o.xoxX", "H": "x.x.x.x........."}},
    "sections": [
        {"intro": True, "bars": 2, "chords": "0 4", "parts": {"bells": "INT", "pad": "hold"}},
        {"bars": 8, "chords": "0 4 5 3 | 0 4 3/4 0", "crash": True,
         "parts": {"lead": "A1 A2", "pad": "hold", "bass": "root8", "bells": "arp8"}, "drums": "soft soft soft fill"},
        {"bars": 8, "chords": "5 5 3 3 | 1 1 4 4",
         "parts": {"horn": "B1 B2", "pad": "hold", "bass": "walk", "bells": "arp16"}, "drums": "soft soft soft fill"},
        {"bars": 8, "chords": "0 4 5 3 | 0 4 3/4 0", "crash": True,
         "parts": {"lead": "A1 A2", "horn": "A1-7 A2-7", "bass": "march2", "pad": "hold"},
         "drums": "soft soft soft fill"},
        {"bars": 4, "chords": "3 4 5 4", "parts": {"lead": "B1", "pad": "hold", "bass": "pedal", "bells": "arp16"},
         "drums": "soft soft soft fill"},
    ],
}

CLEAR = {
    "name": "clear", "title": "Level Clear (fanfare)", "bpm": 126, "key": 58, "scale": "major", "loop": False,
    "channels": {"brass": (0, 61, 50, 116, 0), "trumpet": (1, 56, 80, 100, 1), "bass": (2, 33, 64, 108, -2),
                 "tim": (3, 47, 64, 100, -2), "strings": (4, 48, 30, 80, 0)},
    "phrases": {
        "F1": "0:2 2:2 4:2 7:10 | 4:2 7:2 9:2 11:10 | 7:16",
        "F2": "4:2 4:2 4:2 4:10 | 6:2 6:2 6:2 8:10 | 9:16",
    },
    "drums": {"roll": {"S": "oooooooxoooooooX"}, "hit": {"C": "x...............", "K": "x..............."}},
    "sections": [
        {"bars": 3, "chords": "0 4 0", "parts": {"brass": "F1", "trumpet": "F2-7", "bass": "march",
                                                "strings": "hold", "tim": "whole"}, "drums": "roll roll hit"},
    ],
}

GAMEOVER = {
    "name": "gameover", "title": "Game Over (jingle)", "bpm": 76, "key": 60, "scale": "harmonic", "loop": False,
    "channels": {"strings": (0, 48, 50, 108, 0), "brass": (1, 58, 80, 96, -1), "bass": (2, 32, 64, 104, -2),
                 "tim": (3, 47, 64, 100, -2)},
    "phrases": {
        "G1": "7:4 6:4 5:4 4:4 | 3:8 2:8 | 0:16",
        "G2": "4:4 3:4 2:4 1:4 | 0:8 -1:8 | -3:16",
    },
    "drums": {"none": {}},
    "sections": [
        {"bars": 3, "chords": "0 4 0", "parts": {"strings": "G1", "brass": "G2", "bass": "whole", "tim": "pulse"}},
    ],
}

SONGS = [TITLE, BATHHOUSE, MOSCOW, CHICAGO, HOSPITAL, HOTEL, CHASE, BOSS, CLEAR, GAMEOVER, HIGHSCORE]
