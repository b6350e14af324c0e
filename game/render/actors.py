"""Characters, pickups and bullets drawn from their sprite sheets, sorted by depth, with floor shadows.

The animation frame comes from the entity's ``anim`` tag and ``anim_tick``: attacks spread the tag's
frames over the move's startup/active/recovery ticks (so the hit pose shows exactly while the hitbox is
out), jumps follow their vertical speed, other timed states play their Aseprite frame durations once
and hold the last frame, and idle, walk, block and being held loop.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

import pygame

from game.render.atlas import SheetError, SpriteSheet, load_sheet
from game.render.hud import fast
from game.sim.fixed import FP
from game.sim.moves import DataError, Move, load_moveset
from game.store.files import warn

if TYPE_CHECKING:
    from game.sim.entities import Entity

MS_PER_TICK = 1000 / 60
SHADOW = (16, 12, 24)
TRAIL_LEN = 4
BULLET_CORE = ((255, 255, 255), (255, 230, 120))
BULLET_TRAIL = ((255, 190, 60), (220, 110, 30), (150, 60, 24))
#: Animations that cycle while their state lasts; every other one plays once and holds its last frame.
LOOPING = frozenset({"idle", "walk", "run", "block", "grab", "grabbed", "thrown", "flee"})
APEX = 96   # 1/256 px per tick: slower than this either way counts as the top of a jump
#: Pickup sheets: one sheet holding every kind as a tag, unless an entity names its own sheet.
PICKUP_SHEET = "pickups"
#: States in which a frozen (hitstop) body is the one that was hit: it flashes, then shakes.
STRUCK_STATES = frozenset({"hurt", "knockdown", "grabbed", "thrown", "death"})
FLASH_STEPS = 2   # a struck body shows white for the first steps of its hitstop only (no strobe)


def shake_offset(hitstop: int) -> int:
    """Sideways jitter in px of a struck body with ``hitstop`` steps of freeze left: +-2, then +-1."""
    if hitstop <= 0:
        return 0
    amp = 2 if hitstop > 3 else 1
    return amp if hitstop % 2 else -amp


def phase_counts(n: int, startup: int, active: int, recovery: int) -> tuple[int, int, int]:
    """How many of a tag's ``n`` frames show the wind-up, the hit and the recovery of a move."""
    if n <= 1:
        return (n, 0, 0)
    if n == 2:
        return (1, 1, 0)
    total = max(1, startup + active + recovery)
    na = 1 if n <= 4 else max(1, round(n * active / total))
    rest = n - na
    ns = max(1, min(rest - 1, round(rest * startup / max(1, startup + recovery))))
    return (ns, na, rest - ns)


def sheet_phase_counts(durations_ms: list[int], move: Move) -> tuple[int, int, int] | None:
    """Frames per phase as the sheet itself times them (each frame's middle, scaled to the move's length).

    None when the sheet's timing does not give the wind-up and the hit at least one frame each.
    """
    total_ms = sum(durations_ms)
    if total_ms <= 0 or len(durations_ms) < 2:
        return None
    counts = {"startup": 0, "active": 0, "recovery": 0}
    order = []
    t = 0
    for d in durations_ms:
        mid = (t + d / 2) / total_ms * move.total
        phase = move.phase(int(mid))
        counts[phase] += 1
        order.append(phase)
        t += d
    ranks = [("startup", "active", "recovery").index(p) for p in order]
    if ranks != sorted(ranks) or not counts["startup"] or not counts["active"]:
        return None
    return counts["startup"], counts["active"], counts["recovery"]


def move_frame(n: int, move: Move, tick: int, counts: tuple[int, int, int] | None = None) -> int:
    """The frame (0..n-1) of an ``n``-frame attack tag at ``tick`` of ``move``.

    ``counts`` (frames of wind-up, hit, recovery) defaults to a split in proportion to the move's ticks.
    """
    ns, na, nr = counts if counts is not None else phase_counts(n, move.startup, move.active, move.recovery)
    if tick < move.startup:
        return min(ns - 1, tick * ns // max(1, move.startup)) if ns else 0
    t = tick - move.startup
    if t < move.active or nr == 0:
        return ns + min(na - 1, t * na // max(1, move.active)) if na else ns
    t -= move.active
    return min(n - 1, ns + na + t * nr // max(1, move.recovery))


def timed_frame(durations_ms: list[int], tick: int, loop: bool) -> int:
    """The frame showing at ``tick`` when frames last ``durations_ms``; holds the last unless looping."""
    total = sum(durations_ms)
    t = tick * MS_PER_TICK
    if loop and total > 0:
        t %= total
    for i, d in enumerate(durations_ms):
        if t < d:
            return i
        t -= d
    return len(durations_ms) - 1


@cache
def _moves(char: str) -> dict[str, Move]:
    try:
        return dict(load_moveset(char).moves)
    except DataError:
        return {}  # effects, pickups and props have no move file


@cache
def shadow(width: int) -> pygame.Surface:
    """A soft dark ellipse for the floor under a character (dithered rim, no blur)."""
    h = max(3, width // 4)
    s = pygame.Surface((width, h), pygame.SRCALPHA)
    pygame.draw.ellipse(s, (*SHADOW, 70), s.get_rect())
    pygame.draw.ellipse(s, (*SHADOW, 120), s.get_rect().inflate(-4, -2))
    return fast(s)


class Actors:
    """Draws every entity of a world; keeps last step's positions for smooth drawing between steps."""

    def __init__(self) -> None:
        self._prev: dict[int, tuple[int, int, int]] = {}
        self._cur: dict[int, tuple[int, int, int]] = {}
        self._trails: dict[int, deque[tuple[int, int, int]]] = {}
        self._white: dict[tuple[int, bool], pygame.Surface] = {}
        self._missing: set[str] = set()
        self._sheets: dict[str, SpriteSheet | None] = {}
        self._phases: dict[tuple[str, str], tuple[int, int, int] | None] = {}
        self._stop: dict[int, tuple[int, int]] = {}   # eid -> (hitstop last step, hitstop when it began)
        self._now = 0
        self.drawn = 0   # entities drawn in the last frame (tests and the bench read it)

    # -- per step ------------------------------------------------------------------------
    def remember(self, entities: list[Entity]) -> None:
        """Call once per logic step, after the world moved: positions for interpolation and bullet trails."""
        self._prev = self._cur
        self._cur = {e.eid: (e.x, e.y, e.z) for e in entities}
        stops = {}
        for e in entities:
            if e.hitstop > 0:
                last, began = self._stop.get(e.eid, (0, 0))
                stops[e.eid] = (e.hitstop, e.hitstop if e.hitstop > last else began)
        self._stop = stops
        live = set()
        for e in entities:
            if e.kind == "projectile":
                trail = self._trails.setdefault(e.eid, deque(maxlen=TRAIL_LEN))
                trail.append((e.x // FP, e.y // FP, e.z // FP))
                live.add(e.eid)
        for eid in [k for k in self._trails if k not in live]:
            del self._trails[eid]

    def _pos(self, e: Entity, alpha: float) -> tuple[int, int, int]:
        x, y, z = e.x, e.y, e.z
        prev = self._prev.get(e.eid)
        if prev is not None and self._cur.get(e.eid) == (x, y, z) and abs(prev[0] - x) < 32 * FP:
            px_, py_, pz_ = prev
            x = px_ + round((x - px_) * alpha)
            y = py_ + round((y - py_) * alpha)
            z = pz_ + round((z - pz_) * alpha)
        return x // FP, y // FP, z // FP

    # -- sheets --------------------------------------------------------------------------
    def _sheet(self, name: str) -> SpriteSheet | None:
        sheet = self._sheets.get(name, False)
        if sheet is False:
            try:
                sheet = load_sheet(name)
            except SheetError:
                sheet = None
            self._sheets[name] = sheet
        return sheet

    def preload(self, names: Iterable[str]) -> None:
        """Load these sheets now (a level starting) rather than on the frame their first character
        appears: decoding a sheet takes several milliseconds, a visible hitch in the middle of a fight."""
        for name in names:
            self._sheet(name)

    def sheet_for(self, e: Entity) -> tuple[SpriteSheet, str] | None:
        """The sheet and tag to draw an entity with (None when it has no sheet: warned once).

        A pickup uses a sheet named for its kind if there is one, else its kind's tag on the shared
        ``pickups`` sheet.
        """
        names = [e.char] if e.char else []
        if e.kind == "pickup":
            names.append(PICKUP_SHEET)
        for name in names:
            sheet = self._sheet(name)
            if sheet is None:
                continue
            for tag in (e.anim, e.tag, "idle"):
                if tag and sheet.has(tag):
                    return sheet, tag
        have = [n for n in names if self._sheet(n) is not None]
        key = f"{'/'.join(have)}:{e.anim}" if have else "/".join(names)
        if key not in self._missing:
            self._missing.add(key)
            warn(f"sprite sheet {key} has no animation to show" if have
                 else f"no sprite sheet {key} in assets/sprites")
        return None

    def frame_of(self, sheet: SpriteSheet, tag: str, e: Entity, flipped: bool) -> pygame.Surface:
        """The surface to show for an entity now (see the module docstring for the timing rules)."""
        frames = sheet.frames(tag, flipped)
        n = len(frames)
        tick = e.anim_tick
        if e.kind in ("pickup", "projectile"):
            tick = self._now + e.eid * 7  # items keep no animation clock: glint on the stage's, out of step
        anim_len = e.anim_len
        idx = 0
        if n > 1:
            move = _moves(sheet.name).get(tag) if anim_len else None
            if move is None and anim_len:
                move = _moves(sheet.name).get(e.move or "")
            if move is not None:
                t = tick if anim_len == move.total else tick * move.total // max(1, anim_len)
                key = (sheet.name, tag)
                if key not in self._phases:
                    self._phases[key] = sheet_phase_counts([d for _, d in frames], move)
                idx = move_frame(n, move, t, self._phases[key])
            elif tag == "jump":
                # rising, hanging, falling: the pose follows the jump, not the clock
                vz = e.vz
                idx = 0 if vz > APEX else n - 1 if vz < -APEX or n == 2 else n // 2
            else:
                cycles = tag in LOOPING or e.kind in ("pickup", "projectile", "prop")
                durations = [d for _, d in frames]
                if anim_len and not cycles and sum(durations) > anim_len * MS_PER_TICK:
                    # a timed state shorter than its frames (getting up, as quick as the rules make it)
                    # still shows every frame: the sheet's durations are squeezed into it
                    idx = timed_frame(durations, round(tick * sum(durations) / (anim_len * MS_PER_TICK)),
                                      loop=False)
                else:
                    idx = timed_frame(durations, tick, loop=anim_len == 0 and cycles)
        return frames[idx][0]

    def struck(self, e: Entity) -> tuple[bool, int]:
        """(flash white?, sideways shake in px) for a body frozen by a hit it took.

        The flash lasts the first :data:`FLASH_STEPS` steps of the freeze; the shake all of it.
        """
        if e.hitstop <= 0 or e.kind == "pickup" or e.state not in STRUCK_STATES:
            return False, 0
        began = self._stop.get(e.eid, (e.hitstop, e.hitstop))[1]
        return e.hitstop > began - FLASH_STEPS, shake_offset(e.hitstop)

    def white(self, surf: pygame.Surface) -> pygame.Surface:
        """The frame as a white silhouette (hitstop flash), cached per frame surface."""
        key = (id(surf), True)
        out = self._white.get(key)
        if out is None:
            out = surf.copy()
            out.fill((255, 255, 255, 0), special_flags=pygame.BLEND_RGBA_MAX)
            self._white[key] = out
        return out

    # -- drawing -------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, entities: list[Entity], cam_x: int, cam_y: int, alpha: float,
             tick: int) -> None:
        """Shadows first, then every entity back to front (by depth y)."""
        self._now = tick
        placed = []
        for e in entities:
            if e.remove or e.kind == "hazard":
                continue    # a falling hazard is drawn by game/render/campaign.py (its shadow warns first)
            if e.kind != "projectile" and e.kind != "pickup":
                if e.invuln > 0 and e.alive and (tick // 3) % 2:
                    continue  # blink, shadow and all, while invulnerable
                if not e.alive and e.anim_tick > 40 and (tick // 2) % 2:
                    continue  # the fallen flicker before they vanish
            x, y, z = self._pos(e, alpha)
            placed.append((y, 0 if e.kind == "pickup" else 1, e.eid, e, x, z))
        placed.sort(key=lambda p: (p[0], p[1], p[2]))
        blit = canvas.blit
        view_w = canvas.get_width()
        # shadows all lie on the floor, under every body
        for y, _, _, e, x, z in placed:
            if e.kind == "projectile" or e.kind == "door" or not -48 < x - cam_x < view_w + 48:
                continue
            width = 30 if e.kind != "pickup" and e.kind != "weapon" else 14
            if e.kind == "prop":
                width = sheet_w if (sheet_w := self._prop_width(e)) else width
            if e.kind != "pickup" and e.state in ("down", "knockdown", "death"):
                width = 44
            width = max(8, width - min(z, 64) * width // 160)
            img = shadow(width)
            blit(img, (x - cam_x - width // 2, y - cam_y - img.get_height() // 2))
        drawn = 0
        for y, _, _, e, x, z in placed:
            sx, sy = x - cam_x, y - z - cam_y
            if not -64 < sx < view_w + 64:
                continue
            if e.kind == "projectile":
                self._draw_bullet(canvas, e, sx, sy, cam_x, cam_y)
                drawn += 1
                continue
            found = self.sheet_for(e)
            if found is None:
                continue
            sheet, tag = found
            flipped = e.facing < 0
            surf = self.frame_of(sheet, tag, e, flipped)
            flash, jitter = self.struck(e)
            if flash:
                surf = self.white(surf)
            px_, py_ = sheet.pivot_for(flipped)
            blit(surf, (sx + jitter - px_, sy - py_))
            drawn += 1
        self.drawn = drawn

    def _prop_width(self, e: Entity) -> int:
        """A prop's shadow spans most of its sprite (a car's is long)."""
        sheet = self._sheet(e.char) if e.char else None
        return sheet.size[0] * 4 // 5 if sheet is not None else 0

    def _draw_bullet(self, canvas: pygame.Surface, e: Entity, sx: int, sy: int, cam_x: int,
                     cam_y: int) -> None:
        """A tracer fading behind the bullet, then its sprite, or a white-hot slug without a sheet."""
        trail = self._trails.get(e.eid, ()) if e.char in ("", "bullet") else ()   # thrown things: no tracer
        pts = [(x - cam_x, y - z - cam_y) for x, y, z in trail]
        for i in range(len(pts) - 1):
            colour = BULLET_TRAIL[min(2, len(pts) - 2 - i)]
            pygame.draw.line(canvas, colour, pts[i], pts[i + 1])
        if pts:
            pygame.draw.line(canvas, BULLET_TRAIL[0], pts[-1], (sx, sy))
        found = self.sheet_for(e) if e.char and self._sheet(e.char) is not None else None
        if found is not None:
            sheet, tag = found
            flipped = e.vx < 0
            px_, py_ = sheet.pivot_for(flipped)
            canvas.blit(self.frame_of(sheet, tag, e, flipped), (sx - px_, sy - py_))
            return
        facing = 1 if e.vx >= 0 else -1
        canvas.fill(BULLET_CORE[1], (sx - (3 if facing > 0 else 0), sy - 1, 4, 2))
        canvas.fill(BULLET_CORE[0], (sx - (1 if facing > 0 else -1), sy - 1, 2, 1))
