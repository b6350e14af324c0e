"""The bus chase on screen: the night road and city in parallax, the vehicles, the bus roof fought on,
the hazards and their warnings, the crash, the wreck, the distance gauge and the hit meter.

Reads ``world.chase`` (game/sim/chase/state.py) and never changes it. Two scales: while driving
(``catch_up``, ``ram``, ``crash``) the road is seen from the side, a bus 112 px long in a 32 px lane;
while fighting (``boarders``: the roof of the moving bus; ``wreck``, ``done``: beside the wreck) the
fighters stand in deck space (map x 0..320 = screen x) and the brawl renderer draws them.
Pictures come from ``assets/ui/chase/`` (tools/art/chase.py).
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import TYPE_CHECKING

import pygame

from game.paths import assets_dir
from game.sim import events as ev
from game.sim.events import Event

if TYPE_CHECKING:
    from game.render.stage import Stage
    from game.sim.chase.state import ChaseState, Hazard, Vehicle
    from game.sim.world import World

VIEW_W, VIEW_H = 320, 180
ROAD_Y = 72            # the road strip's top in the view (far pavement)
STREET_Y = 40          # the far shopfronts
DECK_Y = 76            # the bus roof's top in the fight view
GROUND = 10            # a vehicle's wheels touch the road this far below its lane line
DRIVING = ("catch_up", "ram", "crash")
CRASH_FRAME_TICKS = 7
SHAKE = {ev.RAM: 3, ev.CRASH: 5}
STREAKS = 14
WHEEL_R = {"player_bus": 7, "viktor_bus": 7, "train": 4}


@cache
def _meta() -> dict:
    return json.loads((assets_dir() / "ui" / "chase" / "chase.json").read_text(encoding="utf-8"))


KEY = (255, 0, 254)     # a colour no chase picture uses: the transparent key of binary-alpha pictures


def _fast(img: pygame.Surface) -> pygame.Surface:
    """The quickest surface to blit: opaque strips plain, all-or-nothing alpha as an RLE colour key."""
    alpha = pygame.surfarray.array_alpha(img)
    if alpha.min() == 255:
        return img.convert()
    if img.get_width() * img.get_height() >= 1024 and ((alpha == 0) | (alpha == 255)).all():
        out = pygame.Surface(img.get_size())
        out.fill(KEY)
        out.blit(img, (0, 0))
        out.set_colorkey(KEY, pygame.RLEACCEL)
        return out.convert()
    return img.convert_alpha()


class ChaseArt:
    """The chase's pictures, loaded once (converted for fast blits when a display exists)."""

    def __init__(self) -> None:
        self.meta = _meta()
        self.vehicles: dict[str, dict] = self.meta["vehicles"]
        self._cache: dict[str, pygame.Surface] = {}
        self._wheels: dict[int, tuple[list[pygame.Surface], int, int]] = {}

    def get(self, name: str) -> pygame.Surface:
        """A picture by name (``assets/ui/chase/<name>.png``)."""
        img = self._cache.get(name)
        if img is None:
            img = pygame.image.load(str(assets_dir() / "ui" / "chase" / f"{name}.png"))
            if pygame.display.get_surface() is not None:
                img = _fast(img)
            self._cache[name] = img
        return img

    def far(self) -> pygame.Surface:
        """The sky with the far skyline on it, one opaque strip (they scroll almost together)."""
        img = self._cache.get("_far")
        if img is None:
            sky, line = self.get("sky"), self.get("skyline")
            img = pygame.Surface(line.get_size())
            for x in range(0, line.get_width(), sky.get_width()):
                img.blit(sky, (x, 0))
            img.blit(line, (0, -6))
            if pygame.display.get_surface() is not None:
                img = img.convert()
            self._cache["_far"] = img
        return img

    def flipped(self, name: str) -> pygame.Surface:
        """A picture mirrored left to right (the train's headlight points the other way)."""
        key = f"_flipped_{name}"
        img = self._cache.get(key)
        if img is None:
            img = pygame.transform.flip(self.get(name), True, False)
            self._cache[key] = img
        return img

    def wheels(self, r: int) -> tuple[list[pygame.Surface], int, int]:
        """The turning frames of the wheel nearest radius ``r``, road px per frame, half its size."""
        got = self._wheels.get(r)
        if got is None:
            size = min((4, 6, 7), key=lambda k: abs(k - r))
            frames = [self.get(f"wheel_{size}_{f}") for f in range(4)]
            step = max(1, round(2 * math.pi * r / 4) // 4)   # a quarter turn shows 4 frames
            got = (frames, step, frames[0].get_width() // 2)
            self._wheels[r] = got
        return got

    def big_smoke(self, frame: int) -> pygame.Surface:
        """A smoke plume at twice the size (the wreck's, at fighter scale)."""
        key = f"_big_smoke_{frame}"
        img = self._cache.get(key)
        if img is None:
            img = pygame.transform.scale_by(self.get(f"smoke_{frame}"), 2)
            self._cache[key] = img
        return img

    def vehicle_name(self, v: Vehicle) -> str:
        """The picture for a vehicle's kind, model, damage, door and state."""
        dmg = max(0, min(3, v.damage))
        if v.kind in ("player_bus", "viktor_bus"):
            if v.state == "crashed":
                return f"{v.kind}_crashed"
            return f"{v.kind}_{dmg}{'_open' if v.door_open else ''}"
        if v.kind == "train":
            return "train_crashed" if v.state == "crashed" else "train_0"
        if v.kind == "gang_car":
            return f"gang_car{v.vid % self.meta['gang_cars']}_{3 if v.state == 'wrecked' else dmg}"
        return f"civilian{v.vid % self.meta['civilians']}_{3 if v.state == 'wrecked' else dmg}"


class ChaseView:
    """Draws one chase world; fed its events and stepped at 60 Hz by the stage."""

    def __init__(self) -> None:
        self.art = ChaseArt()
        self.tick = 0
        self.shake = 0
        self.crash_at: int | None = None   # view tick of the train's impact
        self.crash_x = 0                   # road px of the impact
        self.crash_y = 0
        self.scroll = 0
        self.ridzik_pose = "lean"
        self.ridzik_until = 0
        self.drawn_vehicles = 0            # the last frame (tests and the bench read them)
        self.drawn_hazards = 0
        self._alpha = 0.0

    # -- per step --------------------------------------------------------------------------
    def feed(self, events: list[Event], stage: Stage, world: World | None = None) -> None:
        """Shake and sparks for rams and crashes; remember the train's impact for the crash frames and
        what Ridzik (player 2, in the bus's rear door) just did."""
        p2 = world.slots[1].eid if world is not None and len(world.slots) > 1 else None
        for e in events:
            if p2 is not None and e.actor == p2 and e.kind in (ev.SHOT, ev.WHIFF):
                self.ridzik_pose = "shoot" if e.kind == ev.SHOT else "punch"
                self.ridzik_until = self.tick + 12
            if e.kind in SHAKE:
                self.shake = max(self.shake, 6 + SHAKE[e.kind] * 2)
            if e.kind == ev.FALL:      # thrown out of the open door: the word where they went
                stage.effects.popup(e.x, e.y, 50, "OVERBOARD", "pickup")
            if e.kind == ev.RAM:
                stage.effects.spark(e.x, e.y, 24, 3)
            elif e.kind == ev.CRASH and e.tag == "train":
                self.crash_at, self.crash_x, self.crash_y = self.tick, e.x, e.y
            elif e.kind == ev.CRASH:
                stage.effects.spark(e.x, e.y, 16, 3)
                stage.effects.dust(e.x, e.y, 6, 6, spread=20)

    def update(self, world: World) -> None:
        """One 60 Hz step."""
        self.tick += 1
        if self.shake > 0:
            self.shake -= 1
        st = world.chase
        if st is not None:
            self.scroll = st.scroll
            if st.phase not in ("crash", "wreck", "done"):
                self.crash_at = None

    def camera(self, st: ChaseState) -> tuple[int, int]:
        """The effects' camera: road px while driving, deck space (0, 0) while fighting."""
        return (st.scroll if st.phase in DRIVING else 0), 0

    def _shake(self) -> tuple[int, int]:
        if self.shake <= 0:
            return 0, 0
        a = self.shake // 3 + 1
        return ((self.tick * 7) % (2 * a + 1)) - a, ((self.tick * 5) % (a + 1)) - a // 2

    # -- per frame -------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, world: World, alpha: float, stage: Stage) -> None:
        """The whole chase frame for the current phase, then the HUD."""
        st = world.chase
        assert st is not None
        # between steps the road runs on by the bus's speed (smooth scrolling at any frame rate)
        sc = st.fscroll / 256 + (alpha * st.speed / 256 if st.phase in (*DRIVING, "boarders") else 0)
        self._alpha = alpha if st.phase in DRIVING else 0.0
        dx, dy = self._shake()
        self.drawn_vehicles = self.drawn_hazards = 0
        self._city(canvas, sc, dx, dy)
        if st.phase in DRIVING:
            self._road(canvas, sc, dx, dy)
            self._rails(canvas, st, sc, dx, dy)
            self._vehicles(canvas, st, sc, dx, dy, self._ridzik_out(world))
            self._crash(canvas, st, sc, dx, dy)
            self._streaks(canvas, st, sc, False)
            stage.effects.draw(canvas, round(sc) - dx, -dy)
        else:
            if st.phase == "boarders":
                self._road(canvas, sc, dx, dy)
                self._deck(canvas, st, dx, dy)
                self._hazards(canvas, st, sc, dx, dy)
            else:
                self._wreck_scene(canvas, st, sc, dx, dy)
            stage.actors.draw(canvas, world.entities, -dx, -dy, alpha, stage.tick)
            stage.effects.draw(canvas, -dx, -dy)
            if st.phase == "boarders":
                self._overhead(canvas, st, sc, dx, dy)
                self._streaks(canvas, st, sc, True)
        stage.hud.draw(canvas, world, stage._by_id, stage.tick)
        self._gauge(canvas, st, stage)
        if st.phase == "ram" or (st.phase == "crash" and st.rams_total):
            self._hit_meter(canvas, st)

    # -- the city and the road --------------------------------------------------------------------
    def _tile(self, canvas: pygame.Surface, img: pygame.Surface, offset: float, y: int) -> None:
        w = img.get_width()
        x = -(int(offset) % w)
        while x < VIEW_W:
            canvas.blit(img, (x, y))
            x += w

    def _city(self, canvas: pygame.Surface, sc: float, dx: int, dy: int) -> None:
        self._tile(canvas, self.art.far(), sc * 0.06 - dx, min(0, dy))
        self._tile(canvas, self.art.get("midtown"), sc * 0.3 - dx, -12 + dy)
        self._tile(canvas, self.art.get("street"), sc - dx, STREET_Y + dy)

    def _road(self, canvas: pygame.Surface, sc: float, dx: int, dy: int) -> None:
        self._tile(canvas, self.art.get("road"), sc - dx, ROAD_Y + dy)

    def _rails(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int) -> None:
        """Street-running tracks in the train's lane, from the moment it is on its way."""
        train = next((v for v in st.vehicles if v.kind == "train" and not v.gone), None)
        if train is None:
            return
        y = train.y + GROUND + dy
        off = int(sc - dx) % 8
        for x in range(-off, VIEW_W, 8):
            canvas.fill((46, 32, 26), (x, y - 3, 4, 5))
        canvas.fill((120, 124, 140), (0, y - 3, VIEW_W, 1))
        canvas.fill((120, 124, 140), (0, y + 1, VIEW_W, 1))

    # -- vehicles ---------------------------------------------------------------------------------
    @staticmethod
    def _ridzik_out(world: World) -> bool:
        """Player 2 is in the game: Ridzik rides in the bus's rear door."""
        return len(world.slots) > 1 and not world.slots[1].out

    def _vehicles(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int,
                  ridzik: bool = False) -> None:
        live = [v for v in st.vehicles if not v.gone]
        for v in sorted(live, key=lambda v: (v.y, v.vid)):
            self.draw_vehicle(canvas, v, sc, dx, dy, ridzik and v.kind == "player_bus")

    def _draw_ridzik(self, canvas: pygame.Surface, x: int, y: int) -> None:
        """Ridzik leaning out of the rear door (x, y: the bus picture's corner)."""
        pose = self.ridzik_pose if self.tick < self.ridzik_until else "lean"
        canvas.blit(self.art.get(f"ridzik_{pose}"), (x + 29, y + 3))

    def draw_vehicle(self, canvas: pygame.Surface, v: Vehicle, sc: float, dx: int = 0, dy: int = 0,
                     ridzik: bool = False) -> bool:
        """One vehicle with its shadow, turning wheels, headlight and state marks; False if off screen.

        ``ridzik``: the player's bus carries Ridzik in its open rear door.
        """
        name = self.art.vehicle_name(v)
        if ridzik and v.state != "crashed" and not name.endswith("_open"):
            name += "_open"
        info = self.art.vehicles[name]
        img = self.art.get(name)
        ax, ay = info["anchor"]
        x = round(v.x + self._alpha * v.speed / 256 - sc) - ax + dx
        ground = v.y + GROUND + dy
        if v.state == "swerve":       # a gang car shakes before it rams
            x += (self.tick // 2) % 3 - 1
        y = ground - ay
        if x > VIEW_W + 40 or x + info["w"] < -40:
            return False
        shadow = pygame.Rect(x + 4, ground - 2, info["w"] - 8, 4)
        canvas.fill((6, 6, 10), shadow)
        canvas.blit(img, (x, y))
        if ridzik:
            self._draw_ridzik(canvas, x, y)
        for hx, hy, r in info["wheels"]:
            frames, step, half = self.art.wheels(r)
            frame = (v.wheel // 256 // step) % 4
            if v.kind == "train":
                frame = (-frame) % 4
            canvas.blit(frames[frame], (x + hx - half, y + hy - half))
        if v.kind != "train" and v.state not in ("crashed", "wrecked"):
            beam = self.art.get("beam")
            canvas.blit(beam, (x + info["w"] - 2, ground - 14 - beam.get_height() // 2 + 4))
        elif v.kind == "train" and v.state != "crashed":
            beam = self.art.flipped("beam")
            canvas.blit(beam, (x - beam.get_width() + 2, ground - 12 - beam.get_height() // 2))
        if v.damage >= 3 or v.state in ("wrecked", "crashed"):
            smoke = self.art.get(f"smoke_{(self.tick // 5 + v.vid) % self.art.meta['smoke_frames']}")
            canvas.blit(smoke, (x + info["w"] - 28 if v.kind != "train" else x + 4, y - 20))
        if v.state in ("swerve", "aim") and (self.tick // 6) % 2 == 0:
            self._alert(canvas, x + info["w"] // 2, y - 10, (255, 64, 48))
        self.drawn_vehicles += 1
        return True

    def _alert(self, canvas: pygame.Surface, x: int, y: int, colour: tuple[int, int, int]) -> None:
        """A blinking "!" over a vehicle about to strike."""
        canvas.fill((8, 6, 12), (x - 2, y - 1, 5, 11))
        canvas.fill(colour, (x - 1, y, 3, 6))
        canvas.fill(colour, (x - 1, y + 7, 3, 2))

    def _streaks(self, canvas: pygame.Surface, st: ChaseState, sc: float, deck: bool) -> None:
        """Wind lines that rush past faster than the road: the feel of speed."""
        speed = st.speed
        if speed <= 0:
            return
        n = min(STREAKS, 4 + speed // 90)
        img = self.art.get("streak")
        for i in range(n):
            y = (40 + (i * 53) % 130) if not deck else (34 + (i * 29) % 40)
            x = VIEW_W + 40 - int((sc * 1.7 + i * 137) % (VIEW_W + 80))
            canvas.blit(img, (x, y))

    # -- the crash --------------------------------------------------------------------------------
    def _crash(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int) -> None:
        if self.crash_at is None:
            return
        age = self.tick - self.crash_at
        f = age // CRASH_FRAME_TICKS
        if f < self.art.meta["crash_frames"]:
            img = self.art.get(f"crash_{f}")
            canvas.blit(img, (round(self.crash_x - sc) - 48 + dx, self.crash_y + GROUND - 52 - 20 + dy))
        if age < 4:   # the first frames light the whole street
            flash = pygame.Surface((VIEW_W, VIEW_H))
            flash.fill((255, 250, 220))
            flash.set_alpha(160 - age * 40)
            canvas.blit(flash, (0, 0))

    # -- the fight on the bus -----------------------------------------------------------------------
    def _deck(self, canvas: pygame.Surface, st: ChaseState, dx: int, dy: int) -> None:
        canvas.blit(self.art.get("deck"), (dx, DECK_Y + dy))
        if st.door_open:
            canvas.blit(self.art.get("deck_door_open"), (30 + dx, DECK_Y + 86 + dy))

    def _hazards(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int) -> None:
        """The shadows of what is about to sweep over the roof (under the fighters)."""
        for h in self._live_hazards(st):
            if h.kind == "door":
                continue
            sx = round(h.x - sc) + dx
            if -40 < sx < VIEW_W + 40:
                red = h.active or (self.tick // 8) % 2 == 0
                canvas.blit(self._band(red), (sx - 14, DECK_Y + 6 + dy))

    def _overhead(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int) -> None:
        """Bridges and signs over the fighters, and the warnings at the right edge before they come."""
        for h in self._live_hazards(st):
            sx = round(h.x - sc) + dx
            if h.kind != "door":
                img = self.art.get(h.kind)
                if -img.get_width() < sx - img.get_width() // 2 < VIEW_W:
                    area = pygame.Rect(0, 0, img.get_width(), 72)
                    top = 4 if h.kind == "bridge" else 4 + 72 - 62   # the board just over the heads
                    canvas.blit(img, (sx - img.get_width() // 2, top + dy), area)
                    self.drawn_hazards += 1
            if h.warning and not h.active and (self.tick // 10) % 3 != 0:
                warn = self.art.get(f"warn_{h.kind}")
                if h.kind == "door":
                    canvas.blit(warn, (44 + dx, DECK_Y + 60 + dy))
                elif sx > VIEW_W - 10:
                    canvas.blit(warn, (VIEW_W - 26, 36))
                    canvas.fill((255, 214, 40), (VIEW_W - 34, 45, 6, 2))   # an arrow: it comes from there
                    canvas.fill((255, 214, 40), (VIEW_W - 36, 46, 2, 1))
                self.drawn_hazards += 1

    def _band(self, red: bool) -> pygame.Surface:
        """A hazard's shadow across the roof (red while it hurts or blinking before)."""
        key = "_band_red" if red else "_band"
        band = self.art._cache.get(key)
        if band is None:
            band = pygame.Surface((28, 92), pygame.SRCALPHA)
            band.fill((120, 10, 10, 110) if red else (0, 0, 0, 110))
            self.art._cache[key] = band
        return band

    @staticmethod
    def _live_hazards(st: ChaseState) -> list[Hazard]:
        return [h for h in st.hazards if not h.gone]

    def _wreck_scene(self, canvas: pygame.Surface, st: ChaseState, sc: float, dx: int, dy: int) -> None:
        """The last fight: the street stopped, the tracks, Viktor's crumpled bus smoking behind."""
        self._road(canvas, sc, dx, dy)
        y = 86 + dy
        canvas.fill((120, 124, 140), (0, y, VIEW_W, 1))
        canvas.fill((120, 124, 140), (0, y + 5, VIEW_W, 1))
        wreck = self.art.get("wreck")
        wx, wy = 40 + dx, 100 - wreck.get_height() + dy
        canvas.blit(wreck, (wx, wy))
        front = wx + wreck.get_width() - 40     # the torn front: fire in the hole, smoke pouring out
        for i in range(4):
            flick = (self.tick // 3 + i) % 3
            canvas.fill((255, 96 + flick * 40, 24), (front + 4 + i * 5, wy + 44 + flick - i * 3, 4, 3))
            canvas.fill((255, 232, 140), (front + 5 + i * 5, wy + 45 + flick - i * 3, 2, 1))
        for i in range(3):
            smoke = self.art.big_smoke((self.tick // 6 + i * 2) % self.art.meta["smoke_frames"])
            canvas.blit(smoke, (front - 10 + i * 14, wy + 6 - i * 10))

    # -- HUD ------------------------------------------------------------------------------------
    def _gauge(self, canvas: pygame.Surface, st: ChaseState, stage: Stage) -> None:
        """The RED HEAT logo fills in as the bus closes on Viktor's; the two buses ride along it."""
        filled = stage.hud.logo_strip(canvas, st.gauge / 1000)
        logo = stage.hud.logo
        lw = logo[0].get_width() if logo is not None else 98
        lx = (VIEW_W - lw) // 2
        y = VIEW_H - 10
        canvas.blit(self.art.get("icon_danko"), (lx - 17, y))
        canvas.blit(self.art.get("icon_viktor"), (lx + lw + 3, y))
        if 0 < filled < lw and (self.tick // 8) % 2 == 0:   # the closing edge blinks
            canvas.fill((255, 214, 72), (lx + filled, y - 1, 1, 10))

    def _hit_meter(self, canvas: pygame.Surface, st: ChaseState) -> None:
        """Rams left on Viktor's bus: full pips still to land, dark ones landed."""
        total = max(1, st.rams_total)
        x0 = VIEW_W - 8 - total * 11
        y = 34
        from game.ui.text import small

        canvas.fill((8, 6, 12), (x0 - 28, y - 2, VIEW_W - x0 + 24, 14))
        label = small().render("RAMS", (255, 214, 72))
        canvas.blit(label, (x0 - 4 - label.get_width(), y + 1))
        for i in range(total):
            canvas.blit(self.art.get("ram_full" if i < st.rams_left else "ram_empty"), (x0 + i * 11, y))
