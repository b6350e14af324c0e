"""Story cards and level-card places from ``assets/data/story.json`` and ``places.json``, checked on load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pygame

from game.paths import assets_dir
from game.store.files import warn


class StoryError(Exception):
    """A story or places file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class StoryCard:
    """Who speaks, a heading, and a few lines."""

    speaker: str
    heading: str
    lines: tuple[str, ...]


def _card(raw: object, where: str) -> StoryCard:
    if not isinstance(raw, dict):
        raise StoryError(f"{where}: must be an object with speaker, heading and lines")
    lines = raw.get("lines")
    if not isinstance(lines, list) or not lines or not all(isinstance(x, str) for x in lines):
        raise StoryError(f"{where}: 'lines' must be a non-empty list of text")
    speaker, heading = raw.get("speaker", "ridzik"), raw.get("heading", "")
    if not isinstance(speaker, str) or not isinstance(heading, str):
        raise StoryError(f"{where}: 'speaker' and 'heading' must be text")
    if not portrait_path(speaker).is_file():
        known = sorted(p.stem.removeprefix("portrait_big_") for p in portrait_path("x").parent.glob(
            "portrait_big_*.png"))
        raise StoryError(f"{where}: speaker {speaker!r} has no portrait (known: {', '.join(known)})")
    return StoryCard(speaker, heading, tuple(lines))


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoryError(f"{path}: cannot read ({e})") from None
    if not isinstance(data, dict):
        raise StoryError(f"{path}: must be a JSON object")
    return data


def parse_story(data: dict, source: str = "story.json") -> tuple[dict[str, StoryCard], StoryCard | None]:
    """Cards by level name and the ending card; raises StoryError naming the bad entry."""
    cards = data.get("cards")
    if not isinstance(cards, dict):
        raise StoryError(f"{source}: 'cards' must be an object of level name -> card")
    out = {name: _card(raw, f"{source}: cards.{name}") for name, raw in cards.items()}
    ending = _card(data["ending"], f"{source}: ending") if "ending" in data else None
    return out, ending


def parse_places(data: dict, source: str = "places.json") -> dict[str, str]:
    """'PLACE, YEAR' lines by level name; raises StoryError naming the bad entry."""
    places = data.get("places")
    if not isinstance(places, dict):
        raise StoryError(f"{source}: 'places' must be an object of level name -> place")
    out = {}
    for name, raw in places.items():
        if not isinstance(raw, dict) or not isinstance(raw.get("place"), str) \
                or not isinstance(raw.get("year", ""), str):
            raise StoryError(f"{source}: places.{name} must have text 'place' and 'year'")
        out[name] = f"{raw['place']}, {raw['year']}" if raw.get("year") else raw["place"]
    return out


@cache
def story() -> tuple[dict[str, StoryCard], StoryCard | None]:
    """The story cards (a broken file warns once and the game goes on without cards)."""
    path = assets_dir() / "data" / "story.json"
    try:
        return parse_story(_read(path), str(path))
    except StoryError as e:
        warn(str(e))
        return {}, None


@cache
def places() -> dict[str, str]:
    """Level-card places by level name (a broken file warns once; cards then show no place)."""
    path = assets_dir() / "data" / "places.json"
    try:
        return parse_places(_read(path), str(path))
    except StoryError as e:
        warn(str(e))
        return {}


def level_key(name: str) -> str:
    """``levels/chicago.tmx`` or ``builtin:corridor`` -> the name cards are stored by."""
    return Path(name.split(":", 1)[-1]).stem


# -- portraits --------------------------------------------------------------------------
def portrait_path(speaker: str) -> Path:
    """Where a speaker's big story-card portrait lives (drawn by the art pipeline)."""
    return assets_dir() / "ui" / f"portrait_big_{speaker}.png"


@cache
def portrait(speaker: str) -> pygame.Surface | None:
    """The speaker's big portrait, or None (with one warning) if the file cannot be read."""
    path = portrait_path(speaker)
    try:
        surf = pygame.image.load(str(path))
    except (pygame.error, FileNotFoundError) as e:
        warn(f"cannot read portrait {path} ({e}); the card is shown without it")
        return None
    return surf.convert_alpha() if pygame.display.get_surface() is not None else surf
