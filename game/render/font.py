"""Bitmap fonts drawn by the art pipeline (``assets/fonts/<name>.png`` + ``.json``), rendered with pygame."""

from __future__ import annotations

import json
from functools import cache

import pygame

from game.paths import assets_dir

Color = tuple[int, int, int] | tuple[int, int, int, int]


class FontError(Exception):
    """A font file is missing or broken."""


class BitmapFont:
    """A pixel font: per-glyph rectangles on one atlas, optional tinting and a drop shadow."""

    def __init__(self, name: str, atlas: pygame.Surface, meta: dict) -> None:
        self.name = name
        self.atlas = atlas
        self.height: int = meta["height"]
        self.line_height: int = meta["line_height"]
        self.tintable: bool = bool(meta.get("tint", True))
        self.shadow_offset: tuple[int, int] | None = tuple(meta["shadow"]) if meta.get("shadow") else None
        self.uppercase: bool = bool(meta.get("uppercase", False))
        self.glyphs: dict[str, tuple[pygame.Rect, int]] = {
            ch: (pygame.Rect(g["x"], g["y"], g["w"], g["h"]), g["advance"])
            for ch, g in meta["glyphs"].items()
        }
        self._fallback = "?" if "?" in self.glyphs else next(iter(self.glyphs))
        self._tinted: dict[Color, pygame.Surface] = {}
        self._rendered: dict[tuple[str, Color | None], pygame.Surface] = {}
        self._drawn: dict[tuple[str, Color | None, bool, str], tuple[pygame.Surface, int, int]] = {}

    @classmethod
    def load(cls, name: str) -> BitmapFont:
        """Load ``assets/fonts/<name>`` (cached; one instance per name)."""
        return _load(name)

    def _glyph(self, ch: str) -> tuple[pygame.Rect, int]:
        if self.uppercase:
            ch = ch.upper()
        g = self.glyphs.get(ch) or self.glyphs.get(ch.upper())
        return g if g is not None else self.glyphs[self._fallback]

    def _line_width(self, line: str) -> int:
        if not line:
            return 0
        advances = [self._glyph(ch) for ch in line]
        # the last glyph counts its full width, not its advance, so centring is exact
        return sum(a for _, a in advances[:-1]) + advances[-1][0].w

    def size(self, text: str) -> tuple[int, int]:
        """Pixel width and height of ``text`` (lines split on ``\\n``), shadow not included."""
        lines = text.split("\n")
        return max(self._line_width(ln) for ln in lines), self.line_height * (len(lines) - 1) + self.height

    def _atlas_for(self, color: Color | None) -> pygame.Surface:
        if color is None:
            return self.atlas
        key = tuple(color)
        surf = self._tinted.get(key)
        if surf is None:
            surf = self.atlas.copy()
            rgba = (*key[:3], key[3] if len(key) > 3 else 255)
            surf.fill(rgba, special_flags=pygame.BLEND_RGBA_MULT)
            self._tinted[key] = surf
        return surf

    def _blit_text(
        self, dest: pygame.Surface, text: str, x: int, y: int, atlas: pygame.Surface, align: str, width: int
    ) -> None:
        for i, line in enumerate(text.split("\n")):
            lw = self._line_width(line)
            lx = x + {"left": 0, "center": (width - lw) // 2, "right": width - lw}[align]
            for ch in line:
                rect, adv = self._glyph(ch)
                dest.blit(atlas, (lx, y + i * self.line_height), rect)
                lx += adv

    def render(self, text: str, color: Color | None = None) -> pygame.Surface:
        """The text on a new transparent surface (white or native colours unless ``color`` is given)."""
        key = (text, tuple(color) if color is not None else None)
        surf = self._rendered.get(key)
        if surf is None:
            w, h = self.size(text)
            surf = pygame.Surface((max(w, 1), h), pygame.SRCALPHA)
            self._blit_text(surf, text, 0, 0, self._atlas_for(color), "left", w)
            if len(self._rendered) > 512:  # HUD text changes every frame (scores); keep the cache bounded
                self._rendered.clear()
            self._rendered[key] = surf
        return surf

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        x: int,
        y: int,
        color: Color | None = None,
        align: str = "left",
        shadow: bool = True,
    ) -> pygame.Rect:
        """Draw ``text`` with its top at ``y``; ``x`` is the left edge, centre or right edge per ``align``."""
        if align not in ("left", "center", "right"):
            raise ValueError(f"align must be left, center or right, not {align!r}")
        key = (text, tuple(color) if color is not None else None, shadow, align)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._compose(text, color, align, shadow)
            if len(self._drawn) > 512:   # scores change every frame; keep the cache bounded
                self._drawn = {key: drawn}
        image, ox, oy = drawn
        w, h = self.size(text)
        left = x - {"left": 0, "center": w // 2, "right": w}[align]
        surface.blit(image, (left + ox, y + oy))
        return pygame.Rect(left, y, w, h)

    def _compose(self, text: str, color: Color | None, align: str,
                 shadow: bool) -> tuple[pygame.Surface, int, int]:
        """The text and its shadow on one transparent surface, drawn once and blitted each frame.

        Glyphs are blitted in the same order as onto the screen; on a transparent surface SDL copies
        each pixel as it is, so the result on screen is the same as drawing glyph by glyph.
        Returns the surface and where its top-left lies from the text's own top-left.
        """
        w, h = self.size(text)
        dx, dy = self.shadow_offset if shadow and self.shadow_offset else (0, 0)
        ox, oy = min(0, dx), min(0, dy)
        image = pygame.Surface((max(w, 1) + abs(dx), h + abs(dy)), pygame.SRCALPHA)
        if dx or dy:
            self._blit_text(image, text, dx - ox, dy - oy, self._atlas_for((0, 0, 0)), align, w)
        self._blit_text(image, text, -ox, -oy, self._atlas_for(color), align, w)
        return image, ox, oy


@cache
def _load(name: str) -> BitmapFont:
    folder = assets_dir() / "fonts"
    meta_path = folder / f"{name}.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        atlas = pygame.image.load(str(folder / meta["image"]))
    except (OSError, ValueError, KeyError, pygame.error) as exc:
        raise FontError(f"font {name!r}: cannot load {meta_path}: {exc}") from None
    if pygame.display.get_surface() is not None:
        atlas = atlas.convert_alpha()
    return BitmapFont(name, atlas, meta)
