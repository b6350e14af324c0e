"""The heads-up display: portraits, names, energy bars, lives, bullets, scores, the enemy last hit,
the level timer, the flashing GO arrow, and the RED HEAT logo strip that fills in towards the exit."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir
from game.render.atlas import SheetError, load_sheet
from game.render.font import BitmapFont
from game.store.files import warn

if TYPE_CHECKING:
    from game.sim.entities import Entity, PlayerSlot
    from game.sim.world import World

INK = (8, 6, 12)
FRAME_LIGHT = (214, 196, 160)
FRAME_DARK = (96, 72, 56)
BAR_BACK = (56, 16, 20)
BAR_HP = ((255, 236, 96), (240, 180, 40), (176, 104, 24))      # light, mid, dark
BAR_ENEMY = ((255, 150, 90), (222, 72, 40), (140, 32, 24))
BAR_LOST = (200, 40, 32)
BRASS = ((255, 226, 140), (210, 160, 60), (120, 80, 30))
NAME_COLOUR = (236, 236, 244)
SCORE_COLOUR = (255, 214, 72)
TIMER_LOW = 10            # seconds: the timer turns red
GO_RED = ((255, 96, 72), (214, 32, 24), (120, 12, 12))
STRIP_H = 12              # the bottom logo strip
PORTRAIT = 22             # portrait box size (inside the frame)
BAR_W, BAR_H = 92, 7
AMMO_W = 16               # bullet icon and count after the energy bar
ENEMY_NAME_W = 44         # the enemy bar starts here, or after a longer name (never cut)
ENEMY_BAR_MIN = 30        # the enemy bar is never narrower than this
BOSS_MARGIN = 24          # the boss bar runs along the bottom of the screen, this far from each side
BOSS_BAR_H = 6
BOSS_NAME = (255, 214, 120)
BAR_WINDUP = ((255, 255, 255), (255, 220, 140), (200, 120, 60))   # the boss bar flashes: a big move comes
BAND_H = 30               # the dark band behind the top HUD
COMBO_Y = BAND_H + 4      # the combo counters sit just under the band, on each player's side
COMBO_HOLD = 45           # ticks a finished combo's total stays up (blinking out at the end)
COMBO_BUMP = 4            # ticks the count jumps up after a new hit
COMBO_COLOUR = (255, 214, 72)

#: What the HUD calls each character kind on screen.
DISPLAY_NAMES = {"danko": "DANKO", "danko_bath": "DANKO", "ridzik": "RIDZIK", "thug": "THUG",
                 "bather": "BATHER", "gangster": "GANGSTER", "nurse": "NURSE", "hitman": "HITMAN",
                 "viktor": "VIKTOR", "cleanhead": "CLEANHEAD", "brute": "BRUTE", "thrower": "THROWER",
                 "gunman": "GUNMAN", "heavy": "THE HEAVY", "ambush_leader": "GANG BOSS",
                 "bodyguard": "BODYGUARD",
                 "cleanhead_boss": "CLEANHEAD CHIEF"}


def fast(surface: pygame.Surface) -> pygame.Surface:
    """The surface in the display's pixel format once a window exists (much faster to blit)."""
    return surface.convert_alpha() if pygame.display.get_surface() is not None else surface


_LABELS: dict[tuple[str, str, tuple[int, ...] | None], pygame.Surface] = {}


def label(font: BitmapFont, text: str, colour: tuple[int, ...] | None = None) -> pygame.Surface:
    """``text`` with the font's drop shadow baked in, cached (HUD numbers change rarely, so blit once)."""
    key = (font.name, text, colour)
    img = _LABELS.get(key)
    if img is None:
        w, h = font.size(text)
        dx, dy = font.shadow_offset or (0, 0)
        img = pygame.Surface((max(1, w + dx), h + dy), pygame.SRCALPHA)
        font.draw(img, text, 0, 0, colour)
        if len(_LABELS) > 600:
            _LABELS.clear()
        img = _LABELS[key] = fast(img)
    return img


def put(canvas: pygame.Surface, font: BitmapFont, text: str, x: int, y: int,
        colour: tuple[int, ...] | None = None, align: str = "left") -> pygame.Rect:
    """Blit a cached label with ``x`` as its left edge, centre or right edge."""
    img = label(font, text, colour)
    w = font.size(text)[0]
    left = x - {"left": 0, "center": w // 2, "right": w}[align]
    return canvas.blit(img, (left, y))


def display_name(char: str) -> str:
    """The on-screen name of a character sheet (``danko_bath`` -> ``DANKO``)."""
    return DISPLAY_NAMES.get(char, char.split("_")[0].upper())


@cache
def portrait(char: str) -> pygame.Surface | None:
    """A head-and-shoulders crop of a character's first idle frame, framed (None without a sheet)."""
    custom = assets_dir() / "ui" / f"portrait_{char}.png"
    if custom.exists():
        return fast(pygame.image.load(str(custom)))
    try:
        sheet = load_sheet(char)
    except SheetError:
        return None
    tag = "idle" if sheet.has("idle") else next(iter(sheet.tags), None)
    if tag is None:
        return None
    frame = sheet.frames(tag)[0][0]
    body = frame.get_bounding_rect()
    if body.w == 0:
        return None
    # centre the crop on the head: the opaque pixels of the top rows of the figure
    head_rows = frame.subsurface(pygame.Rect(body.x, body.y, body.w, min(body.h, 10))).get_bounding_rect()
    cx = body.x + head_rows.centerx
    crop = pygame.Rect(cx - PORTRAIT // 2, body.y - 2, PORTRAIT, PORTRAIT).clip(frame.get_rect())
    box = pygame.Surface((PORTRAIT + 4, PORTRAIT + 4))
    box.fill(INK)
    pygame.draw.rect(box, FRAME_DARK, box.get_rect(), 1)
    pygame.draw.line(box, FRAME_LIGHT, (0, 0), (PORTRAIT + 2, 0))
    pygame.draw.line(box, FRAME_LIGHT, (0, 0), (0, PORTRAIT + 2))
    inner = pygame.Rect(2, 2, PORTRAIT, PORTRAIT)
    # a warm backdrop gradient in two bands, like the portrait panels of the era
    box.fill((60, 30, 36), inner)
    box.fill((92, 44, 44), pygame.Rect(2, 2 + PORTRAIT // 2, PORTRAIT, PORTRAIT // 2))
    box.blit(frame, (2, 2), crop)
    return fast(box)


def bullet_icon() -> pygame.Surface:
    """A cartridge: brass case, lead tip, 3x6 px."""
    s = pygame.Surface((3, 6), pygame.SRCALPHA)
    s.fill(BRASS[1], (0, 2, 3, 4))
    s.fill(BRASS[0], (0, 2, 1, 4))
    s.fill(BRASS[2], (2, 2, 1, 4))
    s.fill((170, 170, 180), (0, 0, 3, 2))
    s.set_at((0, 0), (0, 0, 0, 0))
    s.set_at((2, 0), (0, 0, 0, 0))
    return s


def go_arrow() -> pygame.Surface:
    """A fat outlined arrow pointing right."""
    s = pygame.Surface((26, 17), pygame.SRCALPHA)
    pts = [(1, 5), (13, 5), (13, 1), (24, 8), (13, 15), (13, 11), (1, 11)]
    pygame.draw.polygon(s, GO_RED[1], pts)
    pygame.draw.polygon(s, INK, pts, 1)
    pygame.draw.line(s, GO_RED[0], (2, 6), (13, 6))
    pygame.draw.line(s, GO_RED[0], (14, 3), (21, 8))
    pygame.draw.line(s, GO_RED[2], (2, 10), (13, 10))
    pygame.draw.line(s, GO_RED[2], (14, 13), (21, 9))
    return s


def _ui_image(name: str) -> pygame.Surface | None:
    """An image from ``assets/ui`` drawn by the art pipeline, or None when it is not there."""
    path = assets_dir() / "ui" / name
    return fast(pygame.image.load(str(path))) if path.exists() else None


def _logo_images() -> tuple[pygame.Surface, pygame.Surface] | None:
    """The art pipeline's unfilled and filled RED HEAT strip images from ``assets/ui``."""
    ui = assets_dir() / "ui"
    pairs = (("logo_strip_empty.png", "logo_strip_full.png"), ("logo_empty.png", "logo_filled.png"),
             ("logo_unfilled.png", "logo_filled.png"))
    for empty, full in pairs:
        if (ui / empty).exists() and (ui / full).exists():
            return fast(pygame.image.load(str(ui / empty))), fast(pygame.image.load(str(ui / full)))
    return None


class Hud:
    """Draws the HUD from the world each frame; ``shown`` records the numbers last drawn (for tests)."""

    def __init__(self) -> None:
        self.small = BitmapFont.load("small")
        self.title = BitmapFont.load("title")
        self.bullet = _ui_image("icon_bullet.png") or bullet_icon()
        self.life = _ui_image("icon_life.png")
        self.arrow = go_arrow()
        try:
            effects = load_sheet("effects")
            self.go_frames = [s for s, _ in effects.frames("go_arrow")] if effects.has("go_arrow") else []
        except SheetError:
            self.go_frames = []
        self.logo = _logo_images()
        if self.logo is None:
            warn("assets/ui has no RED HEAT logo strip images; drawing the strip with the title font")
        self._drain: dict[int, float] = {}    # eid -> the red "energy lost" segment draining behind
        # per player index: (hits, points, ticks since the last hit, ticks left to show after it ended)
        self._combo: dict[int, tuple[int, int, int, int]] = {}
        self._plates: dict[tuple[int, int], pygame.Surface] = {}
        self.shown: dict[str, object] = {}
        self._band: pygame.Surface | None = None

    def convert(self) -> None:
        """Convert images for fast blits once a display mode exists."""
        if pygame.display.get_surface() is None:
            return
        self.bullet = self.bullet.convert_alpha()
        self.arrow = self.arrow.convert_alpha()
        if self.life is not None:
            self.life = self.life.convert_alpha()
        if self.logo is not None:
            self.logo = (self.logo[0].convert_alpha(), self.logo[1].convert_alpha())

    def update(self, world: World, by_id: dict[int, Entity]) -> None:
        """One step: the lost-energy bars ease down towards the real value."""
        for eid, e in by_id.items():
            if e.kind in ("player", "enemy") and e.max_hp > 0:
                frac = max(0.0, e.hp / e.max_hp)
                d = self._drain.get(eid, frac)
                self._drain[eid] = frac if frac >= d else max(frac, d - 0.008)
        for eid in [k for k in self._drain if k not in by_id]:
            del self._drain[eid]
        for index, combo in enumerate(world.combos):
            hits, points, since, hold = self._combo.get(index, (0, 0, 0, 0))
            if combo.hits > 0:
                since = 0 if combo.hits != hits else since + 1
                self._combo[index] = (combo.hits, combo.points, since, COMBO_HOLD)
            elif hold > 0:
                self._combo[index] = (hits, points, since + 1, hold - 1)
            else:
                self._combo.pop(index, None)

    # -- pieces --------------------------------------------------------------------------
    def bar(self, canvas: pygame.Surface, x: int, y: int, w: int, h: int, eid: int, hp: int, max_hp: int,
            colours: tuple[tuple[int, int, int], ...]) -> None:
        """An outlined energy bar with a draining red segment for damage just taken."""
        canvas.fill(INK, (x - 1, y - 1, w + 2, h + 2))
        canvas.fill(BAR_BACK, (x, y, w, h))
        frac = max(0.0, min(1.0, hp / max_hp)) if max_hp > 0 else 0.0
        filled = math.ceil(w * frac) if hp > 0 else 0
        lost = round(w * self._drain.get(eid, frac))
        if lost > filled:
            canvas.fill(BAR_LOST, (x + filled, y, lost - filled, h))
        if filled:
            canvas.fill(colours[1], (x, y, filled, h))
            canvas.fill(colours[0], (x, y, filled, max(1, h // 3)))
            canvas.fill(colours[2], (x, y + h - 1, filled, 1))
        for tick in range(x + 8, x + w, 8):   # segment notches, an arcade touch
            canvas.fill(INK, (tick, y + h - 2, 1, 2))

    def player_block(self, canvas: pygame.Surface, world: World, slot: PlayerSlot, bx: int,
                     by_id: dict[int, Entity]) -> dict[str, int]:
        """Portrait; name, lives, bullets and score; the energy bar; returns the numbers drawn."""
        e = by_id.get(slot.eid)
        char = e.char if e is not None and e.char else slot.name
        face = portrait(char)
        if face is not None:
            canvas.blit(face, (bx, 2))
        tx = bx + PORTRAIT + 7
        name = put(canvas, self.small, display_name(slot.name), tx, 2, NAME_COLOUR)
        lives = int(slot.lives)
        lx = name.right + 4
        if self.life is not None:
            canvas.blit(self.life, (lx, 2))
            lx += self.life.get_width()
        count = f"x{lives}" if self.life is None else str(lives)
        put(canvas, self.small, count, lx + 1, 2, NAME_COLOUR)
        score = int(slot.score)
        put(canvas, self.small, f"{score:06d}", tx + BAR_W, 2, SCORE_COLOUR, align="right")
        hp = e.hp if e is not None else 0
        max_hp = e.max_hp if e is not None else 1
        self.bar(canvas, tx, 12, BAR_W - AMMO_W, BAR_H, slot.eid, hp, max_hp, BAR_HP)
        # bullets at the end of the bar: a cartridge and how many are left (dim when empty)
        ammo = int(slot.ammo)
        ax = tx + BAR_W - AMMO_W + 3
        canvas.blit(self.bullet, (ax, 11 + (BAR_H + 2 - self.bullet.get_height()) // 2))
        colour = BRASS[0] if ammo else (110, 100, 90)
        put(canvas, self.small, str(ammo), tx + BAR_W, 11, colour, align="right")
        return {"score": score, "lives": lives, "ammo": ammo, "hp": hp}

    def enemy_block(self, canvas: pygame.Surface, world: World, bx: int,
                    by_id: dict[int, Entity]) -> int | None:
        """Name and energy of the enemy the players hit last, under player 1's bar (as in the arcades)."""
        eid = world.last_hit_enemy
        e = by_id.get(eid) if eid is not None else None
        if e is None:
            return None
        tx = bx + PORTRAIT + 7
        name = put(canvas, self.small, display_name(e.char), tx, 20, (255, 178, 140))
        left = max(tx + ENEMY_NAME_W, name.right + 3)
        width = max(ENEMY_BAR_MIN, tx + BAR_W - left)
        self.bar(canvas, left, 22, width, 5, e.eid, e.hp, e.max_hp, BAR_ENEMY)
        self.enemy_name_at = (name, pygame.Rect(left - 1, 21, width + 2, 7))
        return int(e.hp)

    def boss_block(self, canvas: pygame.Surface, world: World, by_id: dict[int, Entity],
                   tick: int) -> int | None:
        """A boss on his feet gets his name and a long bar along the bottom of the screen (issue 11).

        Notches mark his phases; the bar flashes while he winds up a big move. Returns the hp drawn.
        """
        bosses = getattr(world, "bosses", None)
        if not bosses:
            return None
        rec = next((r for _, r in sorted(bosses.items()) if r.eid in by_id and not by_id[r.eid].dormant),
                   None)
        if rec is None:
            return None
        e = by_id[rec.eid]
        cw, ch = canvas.get_size()
        width = cw - 2 * BOSS_MARGIN
        y = ch - STRIP_H - BOSS_BAR_H - 3      # just above the RED HEAT progress strip
        plate = self._plate(width + 6, BOSS_BAR_H + self.small.line_height + 6)
        canvas.blit(plate, (BOSS_MARGIN - 3, y - self.small.line_height - 3))
        put(canvas, self.small, display_name(e.char), BOSS_MARGIN, y - self.small.line_height - 1, BOSS_NAME)
        flash = rec.windup > 0 and (tick // 4) % 2 == 0
        self.bar(canvas, BOSS_MARGIN, y, width, BOSS_BAR_H, e.eid, e.hp, e.max_hp,
                 BAR_WINDUP if flash else BAR_ENEMY)
        for ph in world.boss_kinds[rec.kind].phases:   # where his phases begin
            canvas.fill(BOSS_NAME, (BOSS_MARGIN + width * ph.below_hp_pct // 100, y - 2, 1, BOSS_BAR_H + 4))
        if rec.fleeing:
            put(canvas, self.small, "ESCAPING!", BOSS_MARGIN + width, y - self.small.line_height - 1,
                BOSS_NAME, align="right")
        return int(e.hp)

    def combo(self, canvas: pygame.Surface, index: int, right: bool) -> tuple[int, int] | None:
        """A player's combo counter under the band on their side: the hits big, the combo's points under.

        A finished combo's total stays a moment, blinking out; returns (hits, points) when drawn.
        """
        shown = self._combo.get(index)
        if shown is None:
            return None
        hits, points, since, hold = shown
        if hold < 16 and hold % 4 < 2:
            return None
        count, word, total = str(hits), "HIT" if hits == 1 else "HITS", str(points)
        big_w, big_h = self.title.size(count)
        word_w = self.small.size(word)[0]
        width = max(big_w + 2 + word_w, self.small.size(total)[0]) + 1
        height = big_h + self.small.line_height + 1
        x = canvas.get_width() - 5 - width if right else 5
        y = COMBO_Y - (2 if since < COMBO_BUMP and hold == COMBO_HOLD else 0)
        canvas.blit(self._plate(width + 4, height + 2), (x - 2, y - 1))
        if right:   # mirrored on player 2's side: the count at the outer edge
            put(canvas, self.title, count, x + width, y, None, "right")
            put(canvas, self.small, word, x + width - big_w - 2, y + big_h - self.small.line_height - 1,
                NAME_COLOUR, "right")
            put(canvas, self.small, total, x + width, y + big_h, COMBO_COLOUR, "right")
        else:
            put(canvas, self.title, count, x, y)
            put(canvas, self.small, word, x + big_w + 2, y + big_h - self.small.line_height - 1, NAME_COLOUR)
            put(canvas, self.small, total, x, y + big_h, COMBO_COLOUR)
        return hits, points

    def _plate(self, w: int, h: int) -> pygame.Surface:
        """A dark see-through plate with cut corners behind a combo counter, cached by size."""
        img = self._plates.get((w, h))
        if img is None:
            img = pygame.Surface((w, h), pygame.SRCALPHA)
            img.fill((*INK, 170))
            for cx, cy in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)):
                img.set_at((cx, cy), (0, 0, 0, 0))
            img = self._plates[(w, h)] = fast(img)
        return img

    def timer(self, canvas: pygame.Surface, world: World) -> int | None:
        """Seconds left, top centre; red in the last ten."""
        left = world.time_left_ticks
        if left is None:
            return None
        secs = max(0, math.ceil(left / 60))
        text = f"{min(secs, 99):02d}" if secs < 100 else str(secs)
        img = self.title.render(text)
        if secs <= TIMER_LOW and (left // 15) % 2:
            img = self.title.render(text, (255, 80, 60))
        canvas.blit(img, (160 - img.get_width() // 2, 1))
        return secs

    def go(self, canvas: pygame.Surface, world: World, tick: int) -> bool:
        """The flashing GO arrow at the right edge while the world asks for it."""
        if not world.go_arrow:
            return False
        if self.go_frames:   # the art's arrow, flicking between its red and gold frames
            img = self.go_frames[(tick // 10) % len(self.go_frames)]
            if (tick // 30) % 3 < 2:
                canvas.blit(img, (canvas.get_width() - img.get_width() - 6 + (tick // 5) % 2 * 2, 56))
            return True
        if (tick // 12) % 2:
            return True
        img = self.title.render("GO")
        x = canvas.get_width() - img.get_width() - 34
        canvas.blit(img, (x, 52))
        canvas.blit(self.arrow, (x + img.get_width() + 3, 52 + (img.get_height() - 17) // 2))
        return True

    def logo_strip(self, canvas: pygame.Surface, progress: float) -> int:
        """The bottom strip: the RED HEAT logo filling in left to right; returns the filled width."""
        w, h = canvas.get_size()
        canvas.fill(INK, (0, h - STRIP_H, w, STRIP_H))
        canvas.fill((60, 20, 20), (0, h - STRIP_H, w, 1))
        p = max(0.0, min(1.0, progress))
        if self.logo is not None:
            empty, full = self.logo
            lx = (w - empty.get_width()) // 2
            ly = h - STRIP_H + (STRIP_H - empty.get_height()) // 2
            canvas.blit(empty, (lx, ly))
            filled = round(full.get_width() * p)
            if filled:
                canvas.blit(full, (lx, ly), pygame.Rect(0, 0, filled, full.get_height()))
            return filled
        text = "RED HEAT"
        tw = self.small.size(text)[0]
        lx, ly = (w - tw) // 2, h - STRIP_H + 2
        dim = self.small.render(text, (90, 30, 30))
        lit = self.small.render(text, (255, 60, 40))
        filled = round(dim.get_width() * p)
        for i, img in enumerate((dim, lit)):
            area = pygame.Rect(0, 0, img.get_width() if i == 0 else filled, img.get_height())
            canvas.blit(img, (lx, ly), area)
        return filled

    # -- all of it -----------------------------------------------------------------------
    def band(self, canvas: pygame.Surface) -> None:
        """A dark band behind the top HUD so names and numbers read over any wall."""
        if self._band is None or self._band.get_width() != canvas.get_width():
            w = canvas.get_width()
            band = pygame.Surface((w, BAND_H + 3), pygame.SRCALPHA)
            band.fill((*INK, 178), (0, 0, w, BAND_H))
            # a dithered lower edge instead of a hard line
            for x in range(0, w, 2):
                band.fill((*INK, 178), (x, BAND_H, 1, 1))
                band.fill((*INK, 178), (x + 1, BAND_H + 1, 1, 1))
                if x % 4 == 0:
                    band.fill((*INK, 178), (x, BAND_H + 2, 1, 1))
            self._band = band.convert_alpha() if pygame.display.get_surface() is not None else band
        canvas.blit(self._band, (0, 0))

    def draw(self, canvas: pygame.Surface, world: World, by_id: dict[int, Entity], tick: int) -> None:
        """Draw the whole HUD over the scene."""
        self.band(canvas)
        players = []
        for slot in world.slots:
            bx = 4 if slot.index == 0 else canvas.get_width() - 4 - (PORTRAIT + 7 + BAR_W + 4)
            players.append(self.player_block(canvas, world, slot, bx, by_id))
        self.enemy_name_at: tuple[pygame.Rect, pygame.Rect] | None = None
        self.shown = {
            "players": players,
            "combos": [self.combo(canvas, slot.index, slot.index == 1) for slot in world.slots],
            "timer": self.timer(canvas, world),
            "enemy_hp": self.enemy_block(canvas, world, 4, by_id),
            "enemy_name": self.enemy_name_at,   # (name rect, bar rect): the bar never covers the name
            "go": self.go(canvas, world, tick),
            "logo_px": self.logo_strip(canvas, float(world.progress())),
            "boss_hp": self.boss_block(canvas, world, by_id, tick),
        }

    def draw_notice(self, canvas: pygame.Surface, text: str) -> None:
        """A short message (screenshot saved, level reloaded) just above the logo strip; long ones wrap."""
        w, h = canvas.get_size()
        lines = self._wrap(text, w - 12)[-3:]   # a long path keeps its end, where the file name is
        lh = self.small.line_height
        top = h - STRIP_H - 3 - lh * len(lines)
        width = max(self.small.size(line)[0] for line in lines)
        canvas.fill(INK, ((w - width) // 2 - 3, top - 1, width + 6, lh * len(lines) + 2))
        for i, line in enumerate(lines):
            put(canvas, self.small, line, w // 2, top + i * lh, NAME_COLOUR, align="center")

    def draw_errors(self, canvas: pygame.Surface, lines: list[str]) -> None:
        """Level reload problems over the frozen level: a dark panel, wrapped lines in the small font."""
        w, h = canvas.get_size()
        wrapped = ["LEVEL NOT RELOADED - fix and save again:"]
        for line in lines:
            parts = self._wrap(line, w - 22)
            wrapped += parts[:1] + ["  " + part for part in parts[1:]]   # indent continuations
        room = (h - STRIP_H - 12) // self.small.line_height
        if len(wrapped) > room:
            wrapped = [*wrapped[: room - 1], f"... and {len(wrapped) - room + 1} more lines"]
        panel_h = len(wrapped) * self.small.line_height + 8
        panel = pygame.Surface((w - 8, panel_h), pygame.SRCALPHA)
        panel.fill((10, 4, 8, 220))
        canvas.blit(panel, (4, 4))
        pygame.draw.rect(canvas, (200, 40, 32), (4, 4, w - 8, panel_h), 1)
        for i, line in enumerate(wrapped):
            colour = (255, 120, 90) if i == 0 else NAME_COLOUR
            put(canvas, self.small, line, 8, 8 + i * self.small.line_height, colour)

    def _wrap(self, text: str, width: int) -> list[str]:
        out: list[str] = []
        line = ""
        for word in text.split(" "):
            trial = f"{line} {word}" if line else word
            if self.small.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                out.append(line)
            while self.small.size(word)[0] > width:   # a long path: break it where it fits
                cut = len(word)
                while cut > 1 and self.small.size(word[:cut])[0] > width:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        if line:
            out.append(line)
        return out
