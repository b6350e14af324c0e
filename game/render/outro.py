"""A level's exit scene on screen (game/sim/outro.py): the bus, the key, the cinema bars and the skip hint.

Viktor himself is an entity (kind ``actor``) that :mod:`game.render.actors` draws like any fighter. This
layer reads ``world.outro`` and never changes it:

- among the fighters: Viktor's bus in the bay, on the back of the floor (whoever stands behind it is
  drawn first), its wheels turning as it rolls, its door folding open (``assets/ui/outro/``, made by
  ``tools/art/outro.py``);
- over everyone: the locker key glinting on the floor, then held up over Viktor's head as he runs;
- over the frame: black cinema bars that slide in while the scene plays (as the 1989 game's letterbox),
  and, once a press may skip it, a blinking ``START SKIP`` in the lower bar.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir
from game.render.atlas import SheetError, SpriteSheet, load_sheet
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.outro import OutroRec
    from game.sim.world import World

BAR_H = 14                # px of each cinema bar
BAR_TICKS = 20            # the bars slide in over this many steps
KEY_DROP = 12             # steps the key takes to drop to the floor when the scene begins
HELD_UP = 62              # px above Viktor's feet where he holds the key up (over his head)
HAND = (18, 50)           # ...and where his reaching hand carries it as he runs (forward, up)
BUS_SHADOW = (6, 6, 10)


@cache
def _meta() -> dict:
    return json.loads((assets_dir() / "ui" / "outro" / "outro.json").read_text(encoding="utf-8"))


class OutroLayer:
    """Draws one world's exit scene; ``shown`` names what the last frame drew (tests read it)."""

    def __init__(self) -> None:
        self._pics: dict[str, pygame.Surface] = {}
        self._keys: SpriteSheet | None = None
        self.shown: set[str] = set()

    def _pic(self, name: str) -> pygame.Surface:
        img = self._pics.get(name)
        if img is None:
            img = pygame.image.load(str(assets_dir() / "ui" / "outro" / f"{name}.png"))
            if pygame.display.get_surface() is not None:
                img = img.convert_alpha()
            self._pics[name] = img
        return img

    def _key_frames(self) -> list[tuple[pygame.Surface, int]]:
        if self._keys is None:
            try:
                self._keys = load_sheet("pickups")
            except SheetError:
                return []
        return self._keys.frames("key", False)

    def begin(self) -> None:
        """A new frame: nothing of the scene drawn yet."""
        self.shown = set()

    # -- among the fighters ---------------------------------------------------------------------
    @staticmethod
    def bus_ground(world: World) -> int | None:
        """The level y (px) of the bus's wheels while it is in the scene (fighters behind it are drawn
        before it, the rest after), else None."""
        rec = world.outro
        if rec is None or rec.kind != "bus_departs" or rec.phase == "waiting":
            return None
        return rec.bus_y

    def draw_back(self, canvas: pygame.Surface, world: World, cx: int, cy: int, alpha: float) -> None:
        """The bus in the bay (drawn after the fighters behind it, before those in front)."""
        rec = world.outro
        if rec is None or rec.kind != "bus_departs" or rec.phase == "waiting":
            return
        meta = _meta()
        x = round((rec.bus_x + alpha * rec.bus_vx) / FP) - cx
        if x > canvas.get_width() + 8 or x + meta["w"] < -8:
            return
        ground = rec.bus_y - cy
        y = ground - meta["anchor"][1]
        canvas.fill(BUS_SHADOW, (x + 6, ground - 2, meta["w"] - 12, 4))
        canvas.blit(self._pic("bus_open" if rec.bus_door else "bus"), (x, y))
        frames = meta["wheel_frames"]
        for hx, hy, r in meta["wheels"]:
            step = max(1, round(2 * math.pi * r / frames) // frames)
            wheel = self._pic(f"wheel_{(rec.bus_wheel // FP // step) % frames}")
            canvas.blit(wheel, (x + hx - wheel.get_width() // 2, y + hy - wheel.get_height() // 2))
        self.shown.add("bus")

    # -- over the fighters --------------------------------------------------------------------
    def draw_over(self, canvas: pygame.Surface, world: World, cx: int, cy: int, tick: int) -> None:
        """The key: glinting on the floor, then held up over Viktor's head."""
        rec = world.outro
        if rec is None or rec.kind != "viktor_key" or rec.phase != "playing":
            return
        frames = self._key_frames()
        if not frames:
            return
        if rec.key_on:
            drop = max(0, KEY_DROP - rec.t)
            z = drop * drop // 3       # it flies out of the boss's coat, lands and skids to a stop
            x = rec.key_x + (rec.key_from - rec.key_x) * max(0, 2 * KEY_DROP - rec.t) // (2 * KEY_DROP)
            self._blit_key(canvas, frames, x - cx, rec.key_y - z - cy, tick, glint_every=40)
            self.shown.add("key")
            return
        v = world.by_id.get(rec.viktor) if rec.viktor >= 0 else None
        if v is not None and rec.beat in ("grab", "taunt", "escape"):
            bob = (tick // 6) % 2
            dx, up = (HAND[0], HAND[1]) if rec.beat == "escape" else (2, HELD_UP + bob)
            kx = v.x // FP + v.facing * dx - cx
            self._blit_key(canvas, frames, kx, v.y // FP - up - cy, tick, glint_every=16)
            self.shown.add("key_held")

    def _blit_key(self, canvas: pygame.Surface, frames: list[tuple[pygame.Surface, int]], x: int, y: int,
                  tick: int, glint_every: int) -> None:
        """The key's frame (the sheet's glint frames now and then) with its feet at (x, y)."""
        n = len(frames)
        t = tick % glint_every
        idx = t // 3 if t < 3 * n else 0
        img = frames[min(idx, n - 1)][0]
        canvas.blit(img, (x - img.get_width() // 2, y - img.get_height() + 2))

    # -- over the frame -----------------------------------------------------------------------
    @staticmethod
    def bars(rec: OutroRec | None) -> int:
        """How far the cinema bars have slid in (px), 0 when none show."""
        if rec is None or rec.phase == "waiting":
            return 0
        if rec.phase == "done":
            return BAR_H
        return min(BAR_H, BAR_H * (rec.t + 1) // BAR_TICKS)

    def draw_bars(self, canvas: pygame.Surface, world: World) -> None:
        """Black bars top and bottom while the scene plays (under the HUD)."""
        h = self.bars(world.outro)
        if not h:
            return
        w, full = canvas.get_width(), canvas.get_height()
        canvas.fill((0, 0, 0), (0, 0, w, h))
        canvas.fill((0, 0, 0), (0, full - h, w, h))
        self.shown.add("bars")

    def draw_hint(self, canvas: pygame.Surface, world: World, tick: int, label: str) -> None:
        """``<label> SKIP`` blinking in the lower bar once a press skips the scene."""
        rec = world.outro
        if rec is None or not rec.skippable or (tick // 30) % 2:
            return
        from game.ui.text import DIM, small

        small().draw(canvas, f"{label} SKIP", canvas.get_width() - 4, canvas.get_height() - BAR_H + 4,
                     color=DIM, align="right")
        self.shown.add("hint")
