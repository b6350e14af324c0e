"""The stage: one level drawn from the world each frame (tiles, characters, effects, weather, HUD)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.paths import assets_dir
from game.render.actors import Actors
from game.render.camera import Camera, player_xs
from game.render.campaign import CampaignLayer
from game.render.effects import Effects, weather_for
from game.render.hud import Hud
from game.render.outro import OutroLayer
from game.render.overlay import TrainingOverlay
from game.render.tilelayers import TileLayers
from game.sim.events import Event
from game.sim.fixed import FP
from game.sim.level import LevelDesc
from game.tiled.mapview import LayerView, MapView, TilesetView
from game.tiled.problems import LevelError

if TYPE_CHECKING:
    from game.sim.entities import Entity
    from game.sim.world import World

VIEW_W, VIEW_H = 320, 180
BACKDROP = (26, 16, 20)
SHAKE_EVENTS = {"hit", "knockdown", "throw"}


@cache
def _tile_ids(tsx: Path) -> dict[str, int]:
    """Local tile ids of a tileset by their ``name`` property (so a redrawn tileset keeps working)."""
    root = ET.parse(tsx).getroot()
    ids = {}
    for tile in root.iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == "name":
                ids[prop.get("value", "")] = int(tile.get("id", "0"))
    return ids


def synthesised_view(level: LevelDesc, tileset: str = "bathhouse") -> MapView:
    """A tile view for a level built in code: walls on the solid rows, a tiled floor, a front edge."""
    tsx = assets_dir() / "tilesets" / f"{tileset}.tsx"
    root = ET.parse(tsx).getroot()
    image = root.find("image")
    tw, th = int(root.get("tilewidth", "16")), int(root.get("tileheight", "16"))
    ts = TilesetView(tileset, 1, str(tsx.parent / image.get("source", "")), int(image.get("width", "0")),
                     int(image.get("height", "0")), int(root.get("columns", "1")),
                     int(root.get("tilecount", "0")), tw, th)
    ids = {k: v + 1 for k, v in _tile_ids(tsx).items()}   # firstgid 1
    solid = level.solid
    rows, cols = solid.shape
    walls = np.zeros((rows, cols), dtype=np.uint32)
    props = np.zeros((rows, cols), dtype=np.uint32)
    for c in range(cols):
        column = solid[:, c]
        top = 0
        while top < rows and column[top]:
            top += 1
        for r in range(rows):
            if r < top:   # the back wall, top to bottom: ceiling, tiles, trim, wainscot
                if r == 0:
                    name = "ceiling_beam" if c % 8 == 0 else "ceiling"
                elif r == top - 1:
                    name = "wall_lower"
                elif r == top - 2:
                    name = "wall_trim"
                elif r == 2 and c % 9 in (3, 4):
                    name = "wall_window"
                else:
                    name = "wall_upper"
            elif not column[r]:
                if r == top:
                    name = "floor_edge"
                elif (r * 7 + c * 13) % 23 == 0:
                    name = "floor_drain"
                else:
                    name = "floor_a" if (r + c) % 2 else "floor_b"
            elif r == rows - 1 or not column[r:].any() or all(column[r:]):
                name = "front_edge"
            else:
                walls[r, c] = ids.get("floor_a", 0)
                name = "bench_left" if c % 2 == 0 else "bench_right"
                props[r, c] = ids.get(name, 0)
                continue
            walls[r, c] = ids.get(name, 0)
    return MapView(path="", cols=cols, rows=rows, tile_width=tw, tile_height=th,
                   layers=[LayerView("walls", walls), LayerView("props", props)], tilesets=[ts])


def map_view_for(level: LevelDesc, level_path: Path | None) -> MapView:
    """The level's own tile layers from its .tmx, or a synthesised bathhouse view for built-in levels."""
    if level_path is None:
        return synthesised_view(level)
    from game.tiled import load_map_view

    return load_map_view(level_path)


def _background(view: MapView) -> tuple[int, int, int]:
    text = view.background.lstrip("#")
    if len(text) in (6, 8):
        try:
            v = int(text[-6:], 16)
            return (v >> 16) & 255, (v >> 8) & 255, v & 255
        except ValueError:
            pass
    return BACKDROP


def sheets_of(level: LevelDesc) -> list[str]:
    """The sprite sheets a level's enemies and pickups are drawn with (players show from the start)."""
    from game.render.actors import PICKUP_SHEET
    from game.sim.flow import WOODEN_LEG_NAME

    names = {s.kind for s in level.enemies}
    if any(s.kind == "thug" and s.name == WOODEN_LEG_NAME for s in level.enemies):
        names.add("thug_woodleg")
    if level.pickups:
        names.add(PICKUP_SHEET)
    return sorted(names)


class Stage:
    """Everything drawn during play; fed the world's events and stepped at 60 Hz by the play scene."""

    def __init__(self, level: LevelDesc, level_path: Path | None) -> None:
        self.actors = Actors()
        self.campaign = CampaignLayer()    # hazard shadows, held weapons, boss wind-ups (issue 11)
        self.outro = OutroLayer()          # a level's exit scene: the bus, the key, cinema bars (outro.py)
        self.hud = Hud()
        self.hud.convert()
        self.tick = 0
        self.training = False          # F3: the training overlay (boxes, floor, move frames)
        self._overlay: TrainingOverlay | None = None
        self.camera: Camera
        self.effects: Effects
        self._by_id: dict[int, Entity] = {}
        self.chase = None    # mode chase: its own view (game/render/chase.py)
        if level.mode == "chase":
            from game.render.chase import ChaseView

            self.chase = ChaseView()
        self.reload(level, level_path)

    def reload(self, level: LevelDesc, level_path: Path | None) -> None:
        """Show a (re)loaded level: new tiles and effects; the camera keeps its place where it can."""
        old_tiles = getattr(self, "tiles", None)
        try:
            view = map_view_for(level, level_path)
            tiles = TileLayers(view)
        except LevelError as exc:
            if old_tiles is None:
                raise
            # the rules' level loaded but its pictures did not (say a tileset PNG mid-save): keep the
            # last good pictures and say why over the frame
            self.picture_errors = exc.problems
            return
        self.picture_errors: list[str] = []
        self.level, self.view, self.tiles = level, view, tiles
        self.backdrop = _background(self.view)
        b = level.camera_bounds
        old = getattr(self, "camera", None)
        self.camera = Camera(VIEW_W, VIEW_H, self.view.pixel_width, self.view.pixel_height,
                             (b.x, b.y, b.w, b.h) if b is not None else None)
        if old is not None:
            self.camera.x = self.camera.prev_x = self.camera.clamp(old.x, None)
            self.camera.reached = self.camera.x
            self.camera.placed = True
        self.effects = Effects(weather_for(level.name, level.music))
        self._by_id = {}
        self.actors.preload(sheets_of(level))

    @property
    def camera_x(self) -> int:
        """Left edge of the view in level pixels (for stereo panning)."""
        if self.chase is not None:
            return self.chase.scroll
        return self.camera.left

    # -- per step --------------------------------------------------------------------------
    def handle_events(self, events: list[Event], world: World) -> None:
        """Turn one step's events into effects and shake."""
        if not events:
            return
        facing = {e.eid: e.facing for e in world.entities}
        self.effects.feed(events, facing)
        if self.chase is not None:
            self.chase.feed(events, self, world)
        self.campaign.feed(events, self.effects, self.camera)
        for e in events:
            if e.kind in SHAKE_EVENTS and e.strength >= 2:
                self.camera.kick(e.strength)

    def update(self, world: World) -> None:
        """One 60 Hz step of presentation: camera, particles, bars, interpolation memory."""
        self.tick += 1
        entities = world.entities
        self._by_id = {e.eid: e for e in entities}
        self.actors.remember(entities)
        if self.chase is not None and world.chase is not None:
            self.chase.update(world)
            self.effects.update(*self.chase.camera(world.chase), VIEW_W, VIEW_H)
            self.hud.update(world, self._by_id)
            return
        self.camera.update(player_xs(world), world.camera_lock, world.scroll_x)
        self.effects.update(self.camera.left, int(self.camera.y), VIEW_W, VIEW_H)
        self.hud.update(world, self._by_id)

    # -- per frame -------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, world: World, alpha: float) -> None:
        """The whole frame: back layers, shadows and bodies by depth, effects, front layers, weather, HUD."""
        if not self._by_id:
            self._by_id = {e.eid: e for e in world.entities}
        if self.chase is not None and world.chase is not None:
            self.chase.draw(canvas, world, alpha, self)
            if self.picture_errors:
                self.hud.draw_errors(canvas, self.picture_errors)
            return
        if not self.camera.placed:   # drawn before the first step: frame the players at once
            self.camera.update(player_xs(world), world.camera_lock, world.scroll_x)
        cx, cy = self.camera.view(alpha)
        canvas.fill(self.backdrop)
        self.tiles.draw(canvas, cx, cy, False)
        extras = world.campaign_rules or bool(world.bosses)
        if extras:
            self.campaign.draw_floor(canvas, world, cx, cy)
        ground = None
        if world.outro is not None:
            self.outro.begin()
            ground = self.outro.bus_ground(world)
        if ground is None:
            self.actors.draw(canvas, world.entities, cx, cy, alpha, self.tick)
        else:       # the outro's bus stands among the fighters: those behind it first (game/render/outro.py)
            behind = [e for e in world.entities if e.y // FP < ground]
            self.actors.draw(canvas, behind, cx, cy, alpha, self.tick)
            self.outro.draw_back(canvas, world, cx, cy, alpha)
            front = [e for e in world.entities if e.y // FP >= ground]
            self.actors.draw(canvas, front, cx, cy, alpha, self.tick)
        if extras:
            self.campaign.draw_over(canvas, world, self.actors, alpha, cx, cy, self.tick)
        if world.outro is not None:
            self.outro.draw_over(canvas, world, cx, cy, self.tick)
        self.effects.draw(canvas, cx, cy)
        self.tiles.draw(canvas, cx, cy, True)
        self.effects.draw_weather(canvas, cx, cy)
        if world.outro is not None:
            self.outro.draw_bars(canvas, world)
        if self.training:
            if self._overlay is None:
                self._overlay = TrainingOverlay()
            self._overlay.draw(canvas, world, cx, cy)
        self.hud.draw(canvas, world, self._by_id, self.tick)
        if self.picture_errors:
            self.hud.draw_errors(canvas, self.picture_errors)

    def draw_errors(self, canvas: pygame.Surface, lines: list[str]) -> None:
        """Hot-reload problems over the frozen level, readable in the small font."""
        self.hud.draw_errors(canvas, lines)

    def draw_notice(self, canvas: pygame.Surface, text: str) -> None:
        """A one-line notice (the app's ``message``) above the logo strip."""
        if text:
            self.hud.draw_notice(canvas, text)
