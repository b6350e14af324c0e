"""Story cards and level-card places from ``assets/data/story.json`` and ``places.json``, checked on load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pygame

from game.paths import assets_dir
from game.store.files import warn
from game.ui.text import DARK, RED, WHITE


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
@cache
def portrait(speaker: str) -> pygame.Surface:
    """The speaker's big portrait from ``assets/ui/portrait_big_<speaker>.png``, else one drawn here."""
    path = assets_dir() / "ui" / f"portrait_big_{speaker}.png"
    if path.exists():
        try:
            surf = pygame.image.load(str(path))
            return surf.convert_alpha() if pygame.display.get_surface() is not None else surf
        except pygame.error:
            pass
    return _drawn_portrait(speaker)


def _drawn_portrait(speaker: str) -> pygame.Surface:
    """A 48x56 bust: Ridzik in a loose tie and stubble, Danko with a flat-top and a fur hat's red star."""
    s = pygame.Surface((48, 56))
    s.fill((40, 10, 16))
    skin, shade = (214, 160, 120), (168, 112, 84)
    if speaker == "danko":
        coat, hair = (70, 64, 52), (120, 84, 40)
    else:
        coat, hair = (96, 80, 60), (52, 34, 24)
    pygame.draw.ellipse(s, coat, (4, 40, 40, 30))                       # shoulders
    pygame.draw.rect(s, shade, (19, 34, 10, 8))                          # neck
    pygame.draw.ellipse(s, skin, (13, 10, 22, 28))                       # head
    pygame.draw.rect(s, shade, (29, 16, 5, 18))                          # cheek in shadow
    pygame.draw.rect(s, DARK, (17, 20, 5, 2))                            # eyes
    pygame.draw.rect(s, DARK, (26, 20, 5, 2))
    pygame.draw.line(s, shade, (24, 22), (23, 28))                       # nose
    if speaker == "danko":
        pygame.draw.rect(s, hair, (13, 8, 22, 6))                        # flat-top
        pygame.draw.line(s, DARK, (20, 32), (28, 32))                    # a stern mouth
        pygame.draw.polygon(s, (120, 20, 20), [(16, 44), (24, 52), (32, 44)])
    else:
        pygame.draw.ellipse(s, hair, (12, 6, 24, 10))                    # messy hair
        pygame.draw.line(s, DARK, (20, 31), (28, 30))                    # a smirk
        for x in range(17, 31, 2):                                       # stubble
            s.set_at((x, 34), shade)
        pygame.draw.polygon(s, (150, 30, 30), [(22, 42), (26, 42), (27, 54), (21, 54)])  # loose tie
        pygame.draw.line(s, WHITE, (18, 41), (22, 44))                  # open collar
        pygame.draw.line(s, WHITE, (30, 41), (26, 44))
    pygame.draw.rect(s, RED, s.get_rect(), 1)
    return s
