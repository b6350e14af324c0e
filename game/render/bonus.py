"""Drawing the three bonus games from their rules' state (game/sim/bonus) and art (assets/ui/bonus)."""

from __future__ import annotations

from functools import cache

import pygame

from game.paths import assets_dir
from game.sim.bonus import base as bb
from game.sim.bonus.bill import BOARD_H, BOARD_W, BOARD_X, BOARD_Y, BillGame
from game.sim.bonus.coal import CoalGame
from game.sim.bonus.doors import DOOR_H, DOOR_W, DoorsGame, Opening, door_centre
from game.sim.events import Event
from game.ui.text import DIM, GOLD, RED, WHITE, small, title

GREEN = (150, 236, 130)
EMBER = (255, 150, 40)


@cache
def image(name: str) -> pygame.Surface:
    """``assets/ui/bonus/<name>.png`` (cached)."""
    surf = pygame.image.load(str(assets_dir() / "ui" / "bonus" / f"{name}.png"))
    return surf.convert_alpha() if pygame.display.get_surface() is not None else surf


class Popups:
    """Short words that rise and fade (PERFECT!, +1000, DON'T SHOOT!)."""

    def __init__(self) -> None:
        self.items: list[list] = []     # [x, y, text, colour, ticks left]

    def add(self, x: int, y: int, text: str, colour: tuple[int, int, int], life: int = 45) -> None:
        self.items.append([x, y, text, colour, life])

    def update(self) -> None:
        for p in self.items:
            p[4] -= 1
            if p[4] % 3 == 0:
                p[1] -= 1
        self.items = [p for p in self.items if p[4] > 0]

    def draw(self, canvas: pygame.Surface) -> None:
        font = small()
        for x, y, text, colour, life in self.items:
            if life > 8 or life % 2:
                font.draw(canvas, text, x, y, color=colour, align="center")


class BonusView:
    """Presentation state of one bonus game (timers for flashes, popups); draws a frame of it."""

    def __init__(self) -> None:
        self.ticks = 0
        self.popups = Popups()
        self.strike_at = -100
        self.flash = 0
        self.shake = 0
        self.muzzles: list[list[int]] = []      # [x, y, ticks]
        self.sparks: list[list[int]] = []       # [x, y, ticks]

    def feed(self, events: list[Event]) -> None:
        """React to a step's events."""
        for e in events:
            k = e.kind
            if k == bb.STRIKE:
                self.strike_at = self.ticks
                word, col = (("WEAK", DIM), ("GOOD", GOLD), ("PERFECT!", WHITE))[e.strength]
                self.popups.add(176, 92, word, col, 50)
                self.shake = 4 + 3 * e.strength
                self.sparks.append([176, 124, 12])
            elif k == bb.SMASH:
                self.flash = 10
                self.popups.add(176, 72, "SMASHED!", EMBER, 70)
            elif k == bb.SNAP:
                self.sparks.append([e.x, e.y, 10])
                self.popups.add(e.x, e.y - 24, "+1000", GOLD, 40)
            elif k == bb.DOWNED:
                self.popups.add(e.x, e.y - 30, "QUICK! +1500" if e.strength else "+1000", GOLD, 40)
                self.sparks.append([e.x, e.y, 8])
            elif k == bb.FOUL:
                x, y = door_centre(e.value)
                self.popups.add(x, y - 44, "HEY, IT'S ME!" if e.tag == "ridzik" else "DON'T SHOOT!", RED, 60)
            elif k == bb.SHOT_AT:
                x, y = door_centre(e.value)
                self.muzzles.append([x - 14, y - 6, 8])
                self.flash = 6
                self.shake = 6
            elif k == bb.FIRE:
                self.shake = max(self.shake, 2)
            elif k == bb.MISS:
                self.sparks.append([e.x, e.y, 5])

    def update(self) -> None:
        """One step of the cosmetic timers."""
        self.ticks += 1
        self.popups.update()
        self.flash = max(0, self.flash - 1)
        self.shake = max(0, self.shake - 1)
        for group in (self.muzzles, self.sparks):
            for m in group:
                m[2] -= 1
            group[:] = [m for m in group if m[2] > 0]

    # -- the frame ------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, g: bb.BonusGame, player: int = 0) -> None:
        """The game's picture, its HUD, and the READY/GO call."""
        if isinstance(g, CoalGame):
            self._coal(canvas, g)
        elif isinstance(g, BillGame):
            self._bill(canvas, g)
        elif isinstance(g, DoorsGame):
            self._doors(canvas, g)
        for x, y, t in self.sparks:
            r = 3 + (12 - t) // 2
            pygame.draw.circle(canvas, (255, 240, 170), (x, y), r, 1)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                canvas.set_at((x + dx * (r + 2), y + dy * (r + 2)), (255, 200, 90))
        self.popups.draw(canvas)
        if self.flash:
            veil = pygame.Surface(canvas.get_size(), pygame.SRCALPHA)
            veil.fill((255, 220, 170, 12 * self.flash))
            canvas.blit(veil, (0, 0))
        self._hud(canvas, g, player)

    def _hud(self, canvas: pygame.Surface, g: bb.BonusGame, player: int) -> None:
        font = small()
        pygame.draw.rect(canvas, (12, 4, 8), (0, 0, 320, 12))
        pygame.draw.line(canvas, (140, 24, 20), (0, 12), (319, 12))
        name = g.title + (f"  -  {('DANKO', 'RIDZIK')[player]}" if player else "")
        font.draw(canvas, name, 4, 2, color=GOLD)
        font.draw(canvas, f"SCORE {g.score}", 160, 2, color=WHITE, align="center")
        secs = (g.time_left + 59) // 60
        font.draw(canvas, f"TIME {secs:02d}", 316, 2, color=RED if secs <= 5 else WHITE, align="right")
        if g.play_tick < 0:
            title().draw(canvas, "READY", 160, 80, align="center")
        elif g.play_tick < 40 and g.result is None:
            title().draw(canvas, "GO!", 160, 80, align="center")

    # -- hot coal -------------------------------------------------------------------------
    def _coal(self, canvas: pygame.Surface, g: CoalGame) -> None:
        canvas.blit(image("coal_room"), (0, 0))
        # the coal glows and breathes
        glow = pygame.Surface((80, 36), pygame.SRCALPHA)
        beat = (self.ticks * 2) % 40
        pulse = 8 + (beat if beat < 20 else 40 - beat) // 3 + 3 * g.cracks
        pygame.draw.ellipse(glow, (pulse * 2, pulse // 2, 0, 255), (0, 4, 80, 28))
        pygame.draw.ellipse(glow, (pulse * 3, pulse, pulse // 3, 255), (18, 10, 44, 16))
        canvas.blit(glow, (136, 104), special_flags=pygame.BLEND_RGB_ADD)
        smashed = g.next_coal       # broken: the pieces lie there until the next coal is set down
        stage = 3 if smashed else min(2, g.cracks * 3 // max(1, int(g.t["break_at"])))
        sx = (self.shake % 2) * 2 - 1 if self.shake else 0
        coal = image(f"coal_{stage}")
        canvas.blit(coal, (176 - coal.get_width() // 2 + sx, 128 - coal.get_height() + 6))
        # Danko's hand: rises with the meter, comes down on a strike
        since = self.ticks - self.strike_at
        arm = image("hand")
        if since < 10:
            y = 128 - 76 + 2
        else:
            y = 128 - 76 - 12 - g.meter() * 44 // 1000
        canvas.blit(arm, (176 - 21 + 4 + sx, y))
        if since < 6:
            for i in range(3):
                pygame.draw.line(canvas, WHITE, (150 + 10 * i, y + 20), (146 + 10 * i, y + 52))
        # the meter
        frame = image("meter")
        mx, my = 282, 34
        canvas.blit(frame, (mx, my))
        v = g.meter()
        h = 96 * v // 1000
        if h:
            col = WHITE if v >= g.t["perfect"] else (GOLD if v >= g.t["good"] else EMBER)
            pygame.draw.rect(canvas, col, (mx + 5, my + 100 - h, 8, h))
            pygame.draw.rect(canvas, (255, 255, 255), (mx + 6, my + 100 - h, 2, h))
        font = small()
        font.draw(canvas, "POWER", mx + 9, my + 108, color=DIM, align="center")
        # the strikes on this coal
        for i in range(max(3, len(g.coal_strikes))):
            x = 120 + 40 * i
            col = (60, 40, 40)
            word = "-"
            if i < len(g.coal_strikes):
                col = ((120, 90, 80), GOLD, WHITE)[g.coal_strikes[i]]
                word = ("WEAK", "GOOD", "PERFECT")[g.coal_strikes[i]]
            pygame.draw.rect(canvas, col, (x - 15, 166, 30, 2))
            font.draw(canvas, word, x, 156, color=col, align="center")
            if i >= 3:
                break
        # coals broken: one small ember per coal, gold once the pass mark is reached
        passed = g.coals >= int(g.t["pass_coals"])
        font.draw(canvas, f"COALS {g.coals}", 8, 156, color=GOLD if passed else WHITE)
        for i in range(int(g.t["perfect_coals"])):
            lit = i < g.coals
            col = (255, 170, 60) if lit else (70, 40, 34)
            pygame.draw.rect(canvas, col, (8 + 7 * i, 167, 5, 3))
            if lit:
                canvas.set_at((9 + 7 * i, 167), (255, 240, 170))

    # -- torn bill ------------------------------------------------------------------------
    def _bill(self, canvas: pygame.Surface, g: BillGame) -> None:
        canvas.blit(image("desk"), (0, 0))
        ghost = image("bill").copy()
        ghost.fill((40, 40, 40, 70), special_flags=pygame.BLEND_RGBA_MULT)
        canvas.blit(ghost, (BOARD_X, BOARD_Y))
        pygame.draw.rect(canvas, (90, 120, 80), (BOARD_X - 1, BOARD_Y - 1, BOARD_W + 2, BOARD_H + 2), 1)
        under = g.piece_under(g.cx, g.cy) if g.held < 0 else -1
        for i in g.order:
            p = g.pieces[i]
            surf = image(f"bill_{i}")
            if p.turns:
                surf = pygame.transform.rotate(surf, -90 * p.turns)
            x, y = p.x - surf.get_width() // 2, p.y - surf.get_height() // 2
            if i == g.held:
                shadow = surf.copy()
                shadow.fill((0, 0, 0, 110), special_flags=pygame.BLEND_RGBA_MULT)
                canvas.blit(shadow, (x + 4, y + 5))
                y -= 2
            elif not p.placed:
                shadow = surf.copy()
                shadow.fill((0, 0, 0, 90), special_flags=pygame.BLEND_RGBA_MULT)
                canvas.blit(shadow, (x + 1, y + 2))
            canvas.blit(surf, (x, y))
            if i == under and self.ticks // 8 % 2 == 0:
                pygame.draw.rect(canvas, GOLD, (x - 1, y - 1, surf.get_width() + 2, surf.get_height() + 2), 1)
        hand = image("glove_closed" if g.held >= 0 else "glove_open")
        canvas.blit(hand, (g.cx - 3, g.cy - 3) if g.held < 0 else (g.cx - 10, g.cy - 10))
        small().draw(canvas, f"PIECES {g.placed}/{len(g.pieces)}", 8, 166, color=GOLD)

    # -- door gallery ---------------------------------------------------------------------
    def _doors(self, canvas: pygame.Surface, g: DoorsGame) -> None:
        sx = (self.shake % 2) * 2 - 1 if self.shake else 0
        canvas.blit(image("locker_wall"), (sx, 0))
        for o in g.openings:
            if o.state in ("open", "down", "fouled"):
                self._opening(canvas, g, o, sx)
        for x, y, t in self.muzzles:
            pygame.draw.circle(canvas, (255, 240, 160), (x, y), 2 + t // 2)
            pygame.draw.circle(canvas, (255, 140, 40), (x, y), 4 + t // 2, 1)
        canvas.blit(image("crosshair"), (g.cx - 8, g.cy - 8))
        font = small()
        font.draw(canvas, f"GUNMEN {g.downed}/{g.gunmen}", 8, 170, color=GOLD)
        if g.fouls:
            font.draw(canvas, f"INNOCENTS HIT {g.fouls}", 312, 170, color=RED, align="right")

    def _opening(self, canvas: pygame.Surface, g: DoorsGame, o: Opening, sx: int) -> None:
        x, y = door_centre(o.door)
        x += sx
        left, top = x - DOOR_W // 2, y - DOOR_H // 2
        canvas.blit(image("locker_open"), (left - 10, top))
        now = g.play_tick
        if o.state == "open":
            if o.who == "gunman":
                name = "fig_gunman_aim" if now >= o.start + (o.end - o.start) * 2 // 3 else "fig_gunman"
            elif o.who == "ridzik":
                name = "fig_ridzik"
            else:
                name = "fig_civilian" if o.door % 2 else "fig_porter"
        else:
            name = "fig_gunman_down" if o.state == "down" else "fig_hit"
        fig = image(name)
        rise = max(0, 8 - (now - o.start)) * 3 if o.state == "open" else 0
        clip = canvas.get_clip()
        canvas.set_clip(pygame.Rect(left + 1, top + 1, DOOR_W - 2, DOOR_H - 2))
        drop = (now - o.shot_at) * 2 if o.state != "open" else 0
        canvas.blit(fig, (x - 48 + 4, top + DOOR_H - 2 - 76 + rise + drop))
        canvas.set_clip(clip)
        if o.who == "gunman" and o.state == "open" and now >= o.end - 12 and self.ticks // 3 % 2 == 0:
            pygame.draw.rect(canvas, RED, (left, top, DOOR_W, DOOR_H), 1)
