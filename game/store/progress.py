"""The player's campaign progress, kept in ``progress.json``: whether the campaign has been completed.

Completing the campaign (the ending after the last level) unlocks the title menu's level select.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from game.store.files import JsonStore, user_data_dir

PROGRESS_VERSION = 1


@dataclass(slots=True)
class Progress:
    """What the game remembers of the player's runs."""

    version: int = PROGRESS_VERSION
    campaign_completed: bool = False
    completions: int = 0

    def to_json(self) -> str:
        """The file form."""
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def parse_progress(data: dict[str, Any]) -> Progress:
    """Build Progress from a decoded file, ignoring unknown keys and rejecting wrong types."""
    p = Progress()
    if "campaign_completed" in data:
        if not isinstance(data["campaign_completed"], bool):
            raise TypeError("campaign_completed must be true or false")
        p.campaign_completed = data["campaign_completed"]
    if "completions" in data:
        n = data["completions"]
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= 1_000_000:
            raise TypeError("completions must be a whole number 0-1000000")
        p.completions = n
    return p


class ProgressStore(JsonStore[Progress]):
    """Loads and saves ``progress.json`` in the user data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__((folder or user_data_dir()) / "progress.json", "progress", PROGRESS_VERSION,
                         parse_progress, Progress)

    def save(self, progress: Progress) -> bool:
        """Write atomically; never overwrites a newer version's file."""
        return self.write(progress.to_json())

    def mark_completed(self) -> Progress:
        """The campaign was completed: remember it (the level select opens)."""
        p = self.load()
        p.campaign_completed = True
        p.completions += 1
        self.save(p)
        return p
