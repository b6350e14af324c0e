"""Drawing tile layers: baked in chunks, with parallax, offsets, opacity, flips and rotations."""

from __future__ import annotations

import math

import pygame

from game.tiled.mapview import LayerView, MapView, TilesetView
from game.tiled.problems import LevelError
from game.tiled.tiledata import FLIP_D, FLIP_H, FLIP_V, GID_MASK

CHUNK_PX = 256   # layers are baked into strips this wide, so a frame blits two or three per layer


def orient(tile: pygame.Surface, flags: int) -> pygame.Surface:
    """Apply Tiled's flip bits: the diagonal flip (a transpose) first, then horizontal, then vertical."""
    if flags & FLIP_D:
        # rotating 90 degrees anticlockwise then flipping vertically swaps the x and y axes
        tile = pygame.transform.flip(pygame.transform.rotate(tile, 90), False, True)
    h, v = bool(flags & FLIP_H), bool(flags & FLIP_V)
    if h or v:
        tile = pygame.transform.flip(tile, h, v)
    return tile


class _BakedLayer:
    """One layer as a row of chunk surfaces plus how it moves with the camera."""

    def __init__(self, layer: LayerView, chunks: list[pygame.Surface | None]) -> None:
        self.layer = layer
        self.chunks = chunks


class TileLayers:
    """Turns a MapView into surfaces once, then draws background or foreground layers each frame."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self._converted = pygame.display.get_init() and pygame.display.get_surface() is not None
        self._sheets: dict[str, pygame.Surface] = {}
        self._tiles: dict[int, pygame.Surface | None] = {}   # gid with flip bits -> oriented tile
        self._sets = sorted(view.tilesets, key=lambda t: t.firstgid)
        self.background: list[_BakedLayer] = []
        self.foreground: list[_BakedLayer] = []
        for layer in view.layers:
            if not layer.visible or layer.opacity <= 0:
                continue
            baked = _BakedLayer(layer, self._bake(layer))
            (self.foreground if layer.foreground else self.background).append(baked)

    # -- building ------------------------------------------------------------------------
    def _sheet(self, ts: TilesetView) -> pygame.Surface:
        sheet = self._sheets.get(ts.image)
        if sheet is None:
            try:
                sheet = pygame.image.load(ts.image)
            except (pygame.error, OSError, FileNotFoundError) as exc:
                raise LevelError([f"{ts.image}: cannot load tileset image ({exc})"]) from None
            sheet = sheet.convert_alpha() if self._converted else sheet
            self._sheets[ts.image] = sheet
        return sheet

    def tile(self, gid: int) -> pygame.Surface | None:
        """The tile for a gid with flip bits, cut from its tileset and oriented (cached)."""
        if gid in self._tiles:
            return self._tiles[gid]
        base = gid & GID_MASK
        ts = None
        for t in self._sets:
            if t.firstgid <= base < t.firstgid + t.tilecount:
                ts = t
        surf = None
        if ts is not None and ts.columns > 0:
            local = base - ts.firstgid
            x = ts.margin + (local % ts.columns) * (ts.tile_width + ts.spacing)
            y = ts.margin + (local // ts.columns) * (ts.tile_height + ts.spacing)
            sheet = self._sheet(ts)
            rect = pygame.Rect(x, y, ts.tile_width, ts.tile_height).clip(sheet.get_rect())
            if rect.w and rect.h:
                surf = orient(sheet.subsurface(rect).copy(), gid)
        self._tiles[gid] = surf
        return surf

    def _bake(self, layer: LayerView) -> list[pygame.Surface | None]:
        """The layer as strips of ``CHUNK_PX``; a strip with no tile in it is None (no surface kept)."""
        tw, th = self.view.tile_width, self.view.tile_height
        height = self.view.pixel_height
        per_chunk = max(1, CHUNK_PX // tw)
        chunks: list[pygame.Surface | None] = []
        gids = layer.gids
        for c0 in range(0, self.view.cols, per_chunk):
            cols = min(per_chunk, self.view.cols - c0)
            block = gids[:, c0:c0 + cols]
            if not block.any():
                chunks.append(None)
                continue
            surf = pygame.Surface((cols * tw, height), pygame.SRCALPHA)
            if self._converted:
                surf = surf.convert_alpha()
            surf.fill((0, 0, 0, 0))
            for r, c in zip(*block.nonzero(), strict=True):
                tile = self.tile(int(block[r, c]))
                if tile is not None:
                    # taller tiles stand on their cell's bottom edge, as in Tiled
                    surf.blit(tile, (int(c) * tw, int(r) * th + th - tile.get_height()))
            if layer.opacity < 1.0:
                surf.set_alpha(round(layer.opacity * 255))
            chunks.append(surf)
        return chunks

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, cam_x: float, cam_y: float, foreground: bool) -> None:
        """Draw the background (or foreground) layers for a camera whose top-left is (cam_x, cam_y)."""
        cw = canvas.get_width()
        step = max(1, CHUNK_PX // self.view.tile_width) * self.view.tile_width
        for baked in self.foreground if foreground else self.background:
            layer = baked.layer
            x0 = math.floor(layer.offset_x - cam_x * layer.parallax_x)
            y0 = math.floor(layer.offset_y - cam_y * layer.parallax_y)
            first = max(0, (-x0) // step)
            last = min(len(baked.chunks) - 1, (cw - x0) // step)
            for i in range(first, last + 1):
                chunk = baked.chunks[i]
                if chunk is not None:
                    canvas.blit(chunk, (x0 + i * step, y0))

    def has_foreground(self) -> bool:
        """True when some visible layer is drawn over the characters."""
        return bool(self.foreground)
