"""Drawing the campaign rules (issue 11) beyond what the actors layer draws by itself.

Props, doors and weapons lying on the floor are ordinary sprites (their sheets are
``assets/sprites/prop_*``, ``weapon_*``, made by ``tools/art/props.py``) and are drawn by
:mod:`game.render.actors` in depth order. This layer adds:

- under everyone: a falling hazard's shadow on the floor while it warns, growing and darkening as the
  fall nears (the hazard is visible before it hurts);
- over everyone: the hazard itself dropping for its last ticks, then shattering; the weapon in a
  holder's hand; a flashing ``!`` over a boss winding up a big move;
- effects for the campaign's events (splinters and dust when something breaks, dust when a hazard lands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.atlas import SheetError, SpriteSheet, load_sheet
from game.sim import events as ev
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.render.actors import Actors
    from game.render.camera import Camera
    from game.render.effects import Effects
    from game.sim.entities import Entity
    from game.sim.world import World

FALL_TICKS = 14           # the hazard is seen dropping for its last ticks of warning
FALL_HEIGHT = 150         # px above the floor it drops from (off the top of the screen)
SHATTER_TICKS = 16        # the pieces lie this long after it lands
SHADOW_INK = (10, 4, 10)
WARN_RED = (200, 40, 30)
MARK = (255, 236, 96)


class CampaignLayer:
    """Hazard shadows and falls, held weapons, the boss's wind-up mark."""

    def __init__(self) -> None:
        self._sheets: dict[str, SpriteSheet | None] = {}
        self._shadows: dict[tuple[int, int, int], pygame.Surface] = {}
        self.shown: dict[str, int] = {}     # what the last frame drew (tests read it)

    def _sheet(self, name: str) -> SpriteSheet | None:
        if name not in self._sheets:
            try:
                self._sheets[name] = load_sheet(name)
            except SheetError:
                self._sheets[name] = None
        return self._sheets[name]

    def _shadow(self, rx: int, ry: int, alpha: int) -> pygame.Surface:
        key = (rx, ry, alpha)
        s = self._shadows.get(key)
        if s is None:
            s = pygame.Surface((rx * 2 + 1, ry * 2 + 1), pygame.SRCALPHA)
            pygame.draw.ellipse(s, (*SHADOW_INK, alpha), s.get_rect())
            if alpha > 120:   # the rim reddens as it comes: a warning, not just a shadow
                pygame.draw.ellipse(s, (*WARN_RED, min(255, alpha)), s.get_rect(), 1)
            self._shadows[key] = s
        return s

    # -- events ---------------------------------------------------------------------------
    def feed(self, events: list[ev.Event], effects: Effects, camera: Camera) -> None:
        """Particles and shake for this step's campaign events."""
        for e in events:
            k = e.kind
            if k == ev.BREAK:
                effects.dust(e.x, e.y, 8, 6, spread=20)
                effects.spark(e.x, e.y, 16, 2)
                camera.kick(2)
            elif k == ev.HAZARD_FALL:
                effects.dust(e.x, e.y, 8, 6, spread=18)
                camera.kick(2)
            elif k == ev.ROLL or k == ev.DOOR_OPEN:
                effects.dust(e.x, e.y, 3, 4)
            elif k == ev.WEAPON_PICK:
                effects.popup(e.x, e.y, 30, e.tag.upper(), "pickup")
            elif k == ev.BOSS_PHASE:
                camera.kick(3)

    # -- drawing --------------------------------------------------------------------------
    def draw_floor(self, canvas: pygame.Surface, world: World, cx: int, cy: int) -> None:
        """Hazard shadows, under every body."""
        n = 0
        for eid, rec in world.hazards.items():
            e = world.by_id.get(eid)
            if e is None or not rec.active or e.timer > rec.warning:
                continue
            t = 1.0 - e.timer / rec.warning
            rx = max(3, round(rec.radius * (0.45 + 0.55 * t)))
            ry = max(2, rx * 2 // 5)
            alpha = int(60 + 150 * t)
            img = self._shadow(rx, ry, alpha - alpha % 10)
            canvas.blit(img, (e.x // FP - cx - rx, e.y // FP - cy - ry))
            n += 1
        self.shown["shadows"] = n

    def draw_over(self, canvas: pygame.Surface, world: World, actors: Actors, alpha: float, cx: int, cy: int,
                  tick: int) -> None:
        """Falling and shattered hazards, weapons in hands, the boss's wind-up mark."""
        falls = held = marks = 0
        for eid, rec in world.hazards.items():
            e = world.by_id.get(eid)
            if e is None or not rec.active:
                continue
            sheet = self._sheet(e.char)
            if sheet is None:
                continue
            since = rec.period - e.timer       # ticks since the last fall
            if e.timer <= FALL_TICKS:
                z = FALL_HEIGHT * e.timer // FALL_TICKS
                tag, frame = "idle", 0
            elif 0 <= since < SHATTER_TICKS and sheet.has("shatter"):
                z, tag = 0, "shatter"
                frame = min(len(sheet.frames(tag)) - 1, since * len(sheet.frames(tag)) // SHATTER_TICKS)
            else:
                continue
            surf = sheet.frames(tag)[frame][0]
            px, py = sheet.pivot_for(False)
            canvas.blit(surf, (e.x // FP - cx - px, e.y // FP - z - cy - py))
            falls += 1
        for eid, h in world.held.items():
            e = world.by_id.get(eid)
            if e is None:
                continue
            sheet = self._sheet(f"weapon_{h.kind}")
            if sheet is None or not sheet.has("held"):
                continue
            x, y, z = actors._pos(e, alpha)
            reach, up = _hand(e)
            flipped = e.facing < 0
            surf = sheet.frames("held", flipped)[0][0]
            px, py = sheet.pivot_for(flipped)
            canvas.blit(surf, (x + e.facing * reach - cx - px, y - z - up - cy - py))
            held += 1
        for eid, b in world.bosses.items():
            e = world.by_id.get(eid)
            if e is None or b.windup <= 0 or (tick // 4) % 2:
                continue
            x, y, z = actors._pos(e, alpha)
            top = y - z - cy - 74
            sx = x - cx
            pygame.draw.rect(canvas, (8, 6, 12), (sx - 3, top - 1, 7, 14))
            pygame.draw.rect(canvas, MARK, (sx - 2, top, 5, 8))
            pygame.draw.rect(canvas, MARK, (sx - 2, top + 10, 5, 2))
            marks += 1
        self.shown.update(falls=falls, held=held, marks=marks)


def _hand(e: Entity) -> tuple[int, int]:
    """(px forward, px up) of a fighter's fist: out in a blow, at the hip otherwise."""
    if e.state == "attack":
        return 20, 40
    if e.state in ("knockdown", "down", "death"):
        return 14, 8
    return 10, 26
