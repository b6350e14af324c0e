"""The training view (F3 during play): hurtboxes, hitboxes, the walkable floor and each fighter's move frame.

Everything is read from the world as the rules see it this step (``game.sim.combat``'s own box functions and
the move data), never recomputed by other rules, so what is drawn is what the hit test uses:

* green outline: where a fighter can be hit (none while lying, falling or invulnerable);
* red filled box: an attack's hitbox while it is out, with its depth lane as a red footprint on the floor;
* cyan: the edges of the walkable floor (the depth band the fighters move in, round the obstacles);
* over each fighter: the move, its phase (``S`` startup yellow, ``A`` active red, ``R`` recovery blue) and
  the frame ``n/total``; otherwise the rule state, and the hitstop or invulnerability left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.font import BitmapFont
from game.render.hud import STRIP_H, put
from game.sim import combat
from game.sim.fixed import FP

if TYPE_CHECKING:
    from game.sim.entities import Entity
    from game.sim.world import World

HURT = (72, 236, 96)
HIT = (255, 48, 40)
LANE = (255, 96, 72)
FLOOR = (64, 216, 240)
PHASE_COLOURS = {"startup": (255, 220, 64), "active": (255, 72, 56), "recovery": (110, 170, 255)}
STATE_COLOUR = (220, 220, 232)
PHASE_LETTER = {"startup": "S", "active": "A", "recovery": "R"}
LABEL_RISE = 70     # px above the feet: clear of the head of the tallest fighter


def move_label(world: World, e: Entity) -> tuple[str, tuple[int, int, int]]:
    """What the overlay writes over a fighter: ``KICK S 3/28`` in its phase colour, or its state."""
    if e.state == "attack" and e.move:
        m = world.moveset(e.char).moves.get(e.move)
        if m is not None:
            t = min(e.anim_tick, m.total - 1)
            phase = m.phase(t)
            return f"{e.move.upper()} {PHASE_LETTER[phase]} {t + 1}/{m.total}", PHASE_COLOURS[phase]
    text = e.state.upper()
    if e.hitstop > 0:
        text += f" STOP{e.hitstop}"
    elif e.invuln > 0:
        text += f" INV{e.invuln}"
    elif e.timer > 0 and e.state in ("hurt", "down", "getup"):
        text += f" {e.timer}"
    return text, STATE_COLOUR


def _dashed_h(canvas: pygame.Surface, colour: tuple[int, int, int], x0: int, x1: int, y: int) -> None:
    for x in range(x0 - x0 % 4, x1, 4):
        canvas.fill(colour, (x, y, 2, 1))


class TrainingOverlay:
    """Draws the training view over the stage (call after the characters and effects, before the HUD)."""

    def __init__(self) -> None:
        self.small = BitmapFont.load("small")
        self.shown: list[tuple[int, str]] = []   # (eid, label) drawn last frame, for tests

    def draw(self, canvas: pygame.Surface, world: World, cam_x: int, cam_y: int) -> None:
        """Floor edges, then every fighter's boxes, then the labels on top."""
        self.floor(canvas, world, cam_x, cam_y)
        fighters = [e for e in world.entities if e.kind in ("player", "enemy") and not e.remove]
        view_w = canvas.get_width()
        labels = []
        for e in fighters:
            sx = e.x // FP - cam_x
            if not -48 < sx < view_w + 48:
                continue
            self.boxes(canvas, world, e, cam_x, cam_y)
            labels.append(e)
        for e in world.entities:
            if e.kind == "projectile" and not e.remove:
                box = combat.attack_box(world, e)
                if box is not None:
                    self._hitbox(canvas, box, cam_x, cam_y)
        self.shown = []
        placed: list[pygame.Rect] = []
        lh = self.small.line_height
        for e in sorted(labels, key=lambda f: -f.y):   # the front fighter's label sits nearest its head
            text, colour = move_label(world, e)
            sx, sy = e.x // FP - cam_x, (e.y - e.z) // FP - cam_y
            w = self.small.size(text)[0]
            x = min(max(1, sx - w // 2), view_w - w - 1)
            box = pygame.Rect(x - 1, max(31, sy - LABEL_RISE) - 1, w + 2, lh)
            step = -lh
            while box.collidelist(placed) >= 0 and box.y < canvas.get_height():
                # stack the labels of fighters close together: upwards, downwards once the HUD is near
                if step < 0 and box.y + step < 30:
                    step = lh
                box.y += step
            placed.append(box)
            y = box.y + 1
            canvas.fill((8, 6, 12), box)
            put(canvas, self.small, text, x, y, colour)
            self.shown.append((e.eid, text))
        self.legend(canvas)

    def legend(self, canvas: pygame.Surface) -> None:
        """What the colours mean, in a line above the logo strip."""
        x, y = 2, canvas.get_height() - STRIP_H - 10
        for word, colour in (("F3 TRAINING", STATE_COLOUR), ("HURT", HURT), ("HIT", HIT), ("FLOOR", FLOOR),
                             ("S", PHASE_COLOURS["startup"]), ("A", PHASE_COLOURS["active"]),
                             ("R", PHASE_COLOURS["recovery"])):
            w = self.small.size(word)[0]
            canvas.fill((8, 6, 12), (x - 1, y - 1, w + 2, self.small.line_height))
            put(canvas, self.small, word, x, y, colour)
            x += w + (6 if len(word) > 1 else 4)

    def floor(self, canvas: pygame.Surface, world: World, cam_x: int, cam_y: int) -> None:
        """The edges of the walkable tiles: where the floor meets a wall, an obstacle or the front edge."""
        solid = world.level.solid
        rows, cols = solid.shape
        ts = world.level.tile_size
        c0, c1 = max(0, cam_x // ts), min(cols, (cam_x + canvas.get_width()) // ts + 1)
        for c in range(c0, c1):
            x = c * ts - cam_x
            for r in range(rows):
                if solid[r, c]:
                    continue
                y = r * ts - cam_y
                if r == 0 or solid[r - 1, c]:
                    _dashed_h(canvas, FLOOR, x, x + ts, y)
                if r == rows - 1 or solid[r + 1, c]:
                    _dashed_h(canvas, FLOOR, x, x + ts, y + ts - 1)
                if c > 0 and solid[r, c - 1]:
                    canvas.fill(FLOOR, (x, y, 1, ts))
                if c < cols - 1 and solid[r, c + 1]:
                    canvas.fill(FLOOR, (x + ts - 1, y, 1, ts))

    def boxes(self, canvas: pygame.Surface, world: World, e: Entity, cam_x: int, cam_y: int) -> None:
        """One fighter's hurtbox, its feet on the floor, and its hitbox with the lane it reaches."""
        fx, fy = e.x // FP - cam_x, e.y // FP - cam_y
        canvas.fill(FLOOR, (fx - 3, fy, 7, 1))
        hurt = combat.hurtbox(world, e)
        if hurt is not None:
            _, _, x0, x1, y, z0, z1 = hurt
            rect = pygame.Rect(x0 // FP - cam_x, (y - z1) // FP - cam_y, max(1, (x1 - x0) // FP),
                               max(1, (z1 - z0) // FP))
            pygame.draw.rect(canvas, HURT, rect, 1)
        attack = combat.attack_box(world, e)
        if attack is not None:
            self._hitbox(canvas, attack, cam_x, cam_y)

    def _hitbox(self, canvas: pygame.Surface, box: tuple[int, ...], cam_x: int, cam_y: int) -> None:
        _, _, x0, x1, y, z0, z1, lane = box
        left, w = x0 // FP - cam_x, max(1, (x1 - x0) // FP)
        rect = pygame.Rect(left, (y - z1) // FP - cam_y, w, max(1, (z1 - z0) // FP))
        fill = pygame.Surface(rect.size, pygame.SRCALPHA)
        fill.fill((*HIT, 90))
        canvas.blit(fill, rect)
        pygame.draw.rect(canvas, HIT, rect, 1)
        foot = pygame.Rect(left, (y - lane) // FP - cam_y, w, max(1, 2 * lane // FP + 1))
        pygame.draw.rect(canvas, LANE, foot, 1)
