"""Sprite sheets in Aseprite's JSON format (array or hash form): frames, tags, pivot, flipped copies."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pygame

from game.paths import assets_dir

Frames = list[tuple[pygame.Surface, int]]


class SheetError(Exception):
    """A sprite sheet file is missing or broken."""


class SpriteSheet:
    """One character's or effect's frames, sliced from its sheet, grouped by Aseprite tags."""

    def __init__(
        self,
        name: str,
        frames: Frames,
        tags: dict[str, tuple[int, int, str]],
        pivot: tuple[int, int],
        size: tuple[int, int],
    ) -> None:
        self.name = name
        self.pivot = pivot  # feet point inside a frame, facing right
        self.size = size
        self._frames = frames
        self.tags = tags  # name -> (from, to, direction)
        self.marks: dict[str, dict[int, tuple[int, int]]] = {}  # slice name -> frame index -> point
        self._cache: dict[tuple[str, bool], Frames] = {}

    @classmethod
    def load(cls, path_json: Path | str) -> SpriteSheet:
        """Read an Aseprite JSON export and the PNG it names (clear ``SheetError`` on bad files)."""
        path = Path(path_json)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            meta = data["meta"]
            image = pygame.image.load(str(path.parent / meta["image"]))
            raw = data["frames"]
            entries = list(raw.values()) if isinstance(raw, dict) else list(raw)
            frames = [_slice(image, e) for e in entries]
            tags = {
                t["name"]: (int(t["from"]), int(t["to"]), t.get("direction", "forward"))
                for t in meta.get("frameTags", [])
            }
            pivot = _pivot(meta, frames[0][0].get_size() if frames else (0, 0))
        except (OSError, ValueError, KeyError, TypeError, IndexError, pygame.error) as exc:
            raise SheetError(f"sprite sheet {path}: {type(exc).__name__}: {exc}") from None
        if pygame.display.get_surface() is not None:
            frames = [(s.convert_alpha(), d) for s, d in frames]
        for name, (a, b, _) in tags.items():
            if not 0 <= a <= b < len(frames):
                raise SheetError(f"sprite sheet {path}: tag {name!r} spans frames {a}..{b} of {len(frames)}")
        size = frames[0][0].get_size() if frames else (0, 0)
        sheet = cls(path.stem, frames, tags, pivot, size)
        sheet.marks = _marks(meta)
        return sheet

    def has(self, tag: str) -> bool:
        """True if the sheet has an animation with this tag."""
        return tag in self.tags

    def frames(self, tag: str, flipped: bool = False) -> Frames:
        """The (surface, duration ms) list of a tag; ``flipped`` mirrors it to face left (cached)."""
        key = (tag, flipped)
        out = self._cache.get(key)
        if out is None:
            if tag not in self.tags:
                raise KeyError(f"sprite sheet {self.name!r} has no tag {tag!r}")
            a, b, direction = self.tags[tag]
            seq = self._frames[a : b + 1]
            if direction == "reverse":
                seq = seq[::-1]
            elif direction == "pingpong" and len(seq) > 2:
                seq = seq + seq[-2:0:-1]
            if flipped:
                seq = [(pygame.transform.flip(s, True, False), d) for s, d in seq]
            out = self._cache[key] = seq
        return out

    def mark(self, name: str, tag: str, index: int, flipped: bool = False) -> tuple[int, int] | None:
        """A named point (``muzzle``) in frame ``index`` of ``tag``, in frame pixels; None if not marked."""
        a, b, _ = self.tags[tag]
        point = self.marks.get(name, {}).get(a + index) if a + index <= b else None
        if point is None:
            return None
        return (self.size[0] - 1 - point[0], point[1]) if flipped else point

    def pivot_for(self, flipped: bool) -> tuple[int, int]:
        """The feet point for a facing: blit a frame at (x - px, y - py) to stand it on (x, y)."""
        px, py = self.pivot
        return (self.size[0] - 1 - px, py) if flipped else (px, py)


def _slice(image: pygame.Surface, entry: dict) -> tuple[pygame.Surface, int]:
    f = entry["frame"]
    piece = image.subsurface(pygame.Rect(f["x"], f["y"], f["w"], f["h"]))
    if entry.get("trimmed"):
        src, sss = entry["sourceSize"], entry["spriteSourceSize"]
        full = pygame.Surface((src["w"], src["h"]), pygame.SRCALPHA)
        full.blit(piece, (sss["x"], sss["y"]))
        return full, int(entry.get("duration", 100))
    return piece.copy(), int(entry.get("duration", 100))


def _pivot(meta: dict, frame_size: tuple[int, int]) -> tuple[int, int]:
    for sl in meta.get("slices", []):
        if sl.get("name") == "pivot" and sl.get("keys"):
            key = sl["keys"][0]
            bounds, piv = key["bounds"], key.get("pivot", {"x": 0, "y": 0})
            return int(bounds["x"] + piv["x"]), int(bounds["y"] + piv["y"])
    # no pivot slice (a plain Aseprite export): stand the sprite on its bottom centre
    return frame_size[0] // 2, frame_size[1] - 1


def _marks(meta: dict) -> dict[str, dict[int, tuple[int, int]]]:
    """Every slice but ``pivot`` as per-frame points (a key's bounds origin plus its pivot, if any)."""
    out: dict[str, dict[int, tuple[int, int]]] = {}
    for sl in meta.get("slices", []):
        if sl.get("name") == "pivot":
            continue
        for key in sl.get("keys", []):
            bounds, piv = key["bounds"], key.get("pivot", {"x": 0, "y": 0})
            out.setdefault(sl["name"], {})[int(key["frame"])] = (
                int(bounds["x"] + piv["x"]),
                int(bounds["y"] + piv["y"]),
            )
    return out


@cache
def load_sheet(name: str) -> SpriteSheet:
    """``assets/sprites/<name>.json`` or ``assets/ui/<name>.json``, loaded once."""
    for folder in ("sprites", "ui"):
        path = assets_dir() / folder / f"{name}.json"
        if path.exists():
            return SpriteSheet.load(path)
    raise SheetError(f"no sprite sheet named {name!r} in assets/sprites or assets/ui")
