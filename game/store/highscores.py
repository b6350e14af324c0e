"""The high-score table: top 10 scores with three-letter initials, kept in ``highscores.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.store.files import JsonStore, user_data_dir

HIGHSCORES_VERSION = 1
TABLE_SIZE = 10
INITIALS_LEN = 3
#: Letters offered by the initials entry, in the order up/down cycles through them.
INITIALS_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-! "

#: The table a fresh install shows: the film's people, beatable scores.
DEFAULT_ENTRIES: tuple[tuple[str, int, str], ...] = (
    ("IVD", 50000, "chase"), ("ART", 40000, "station"), ("YUR", 30000, "hotel"),
    ("MAX", 25000, "hospital"), ("CAT", 20000, "chicago"), ("KGB", 15000, "moscow"),
    ("CHI", 10000, "bathhouse"), ("MOS", 7500, "bathhouse"), ("RED", 5000, "bathhouse"),
    ("HOT", 2500, "bathhouse"),
)


@dataclass(slots=True)
class ScoreEntry:
    """One line of the table."""

    initials: str
    score: int
    level: str = ""   # the level reached, shown beside the score


@dataclass(slots=True)
class HighScores:
    """The ten best scores, best first."""

    version: int = HIGHSCORES_VERSION
    entries: list[ScoreEntry] = field(
        default_factory=lambda: [ScoreEntry(i, s, lv) for i, s, lv in DEFAULT_ENTRIES])
    dropped: str = ""   # what the file held that could not be kept (not saved; the loader warns)

    def rank_of(self, score: int) -> int | None:
        """The 0-based place a new ``score`` would take, or None when it does not make the table."""
        if score <= 0:
            return None
        for i, e in enumerate(self.entries):
            if score > e.score:
                return i
        return len(self.entries) if len(self.entries) < TABLE_SIZE else None

    def qualifies(self, score: int) -> bool:
        """True when ``score`` earns a place in the table."""
        return self.rank_of(score) is not None

    def insert(self, initials: str, score: int, level: str = "") -> int | None:
        """Add an entry in its place (ties go below older scores); returns its index or None."""
        rank = self.rank_of(score)
        if rank is None:
            return None
        self.entries.insert(rank, ScoreEntry(clean_initials(initials), int(score), level))
        del self.entries[TABLE_SIZE:]
        return rank

    def to_json(self) -> str:
        """The file form."""
        return json.dumps({"version": self.version,
                           "entries": [[e.initials, e.score, e.level] for e in self.entries]}, indent=1)


def clean_initials(text: str) -> str:
    """Three characters from the entry alphabet (others become spaces), upper case."""
    text = "".join(c if c in INITIALS_ALPHABET else " " for c in text.upper()[:INITIALS_LEN])
    return text.ljust(INITIALS_LEN)


def parse_highscores(data: dict[str, Any]) -> HighScores:
    """Build the table from a decoded file; wrong types raise, unknown keys are ignored."""
    raw = data.get("entries")
    if not isinstance(raw, list):
        raise TypeError("entries must be a list")
    entries: list[ScoreEntry] = []
    bad: list[str] = []
    for number, row in enumerate(raw, 1):
        problem = _row_problem(row)
        if problem:
            bad.append(f"row {number} ({problem})")
            continue
        entries.append(ScoreEntry(clean_initials(row[0]), row[1], row[2] if len(row) > 2 else ""))
    if raw and not entries:
        raise TypeError(bad[0])
    entries.sort(key=lambda e: -e.score)   # stable: equal scores keep file order
    dropped = ""
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        dropped = f"left out {bad[0]}{more}"
    return HighScores(entries=entries[:TABLE_SIZE], dropped=dropped)


def _row_problem(row: Any) -> str:
    """Why one row of the file cannot be an entry ("" when it can)."""
    if not isinstance(row, list) or len(row) < 2:
        return "not [initials, score, level]"
    initials, score = row[0], row[1]
    level = row[2] if len(row) > 2 else ""
    if not isinstance(initials, str) or not isinstance(level, str):
        return "initials or level not text"
    if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score < 10**12:
        return f"score {score!r} is not a whole number 0 or more"
    return ""


class HighScoreStore(JsonStore[HighScores]):
    """Loads and saves ``highscores.json`` in the user data folder (atomic, ``.bak`` on trouble)."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__((folder or user_data_dir()) / "highscores.json", "high-score", HIGHSCORES_VERSION,
                         parse_highscores, HighScores)

    def save(self, table: HighScores) -> bool:
        """Write atomically; never overwrites a newer version's file. True when written."""
        return self.write(table.to_json())
