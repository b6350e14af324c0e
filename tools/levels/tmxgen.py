"""Write a campaign level as a Tiled 1.8 .tmx made to the project's schema and templates.

A level script (tools/levels/NAME.py) describes its street as segments of wall style and its fights as
waves; this module paints the tile layers from the tileset's shared layout (every campaign tileset
puts the same kind of tile at the same id: walls 1-8, floor 9-16, a mid-floor obstacle 17-20, benches
21-22, pillars 23-24, haze 25-26, small solid props 27-28, a lamp 29, ceiling 30-31, front edge 32) and
writes the objects as template instances, so Tiled shows them with their members and defaults.

Run a level script to (re)write levels/NAME.tmx; then prove it with the real Tiled:
``QT_QPA_PLATFORM=offscreen tiled --export-map tmx levels/NAME.tmx /tmp/NAME.tmx``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parents[2]
ROWS = 12
T = 16

# Tile ids shared by every campaign tileset (see docs/tiles/*.png).
WALL_UPPER, WALL_LOWER, TRIM, WINDOW, DOOR, MOTIF, SIGN, DARK = 1, 2, 3, 4, 5, 6, 7, 8
FLOOR_A, FLOOR_B, FLOOR_EDGE = 9, 10, 11
FLOOR_SPECKS = (13, 16, 13, 16, 12)
BAND = 14
OBST_TOP, OBST_A, OBST_B, OBST_BOTTOM = 17, 18, 19, 20
BENCH_L, BENCH_R, PILLAR_TOP, PILLAR_BASE = 21, 22, 23, 24
HAZE_A, HAZE_B, PROP_A, PROP_B, LAMP = 25, 26, 27, 28, 29
CEILING, BEAM, FRONT = 30, 31, 32


def known_values(enum: str) -> list[str]:
    """The values of one of the project's enums (so a script can use a kind only once it exists)."""
    data = json.loads((ROOT / "redheat.tiled-project").read_text())
    for t in data.get("propertyTypes", []):
        if t.get("name") == enum:
            return list(t.get("values", []))
    return []


def known_classes() -> set[str]:
    data = json.loads((ROOT / "redheat.tiled-project").read_text())
    return {t["name"] for t in data.get("propertyTypes", []) if t.get("type") == "class"}


def kind_or(kind: str, fallback: str) -> str:
    """``kind`` when the project knows that EnemyKind, else ``fallback``."""
    return kind if kind in known_values("EnemyKind") else fallback


@dataclass
class Obj:
    template: str
    x: int
    y: int
    name: str = ""
    props: dict[str, tuple[str, str, object]] = field(default_factory=dict)  # name -> (type, ptype, v)
    w: int = 0
    h: int = 0


@dataclass
class Level:
    name: str
    tileset: str
    cols: int
    props: dict[str, tuple[str, str, object]]
    background: str
    seed: int = 1
    segments: list[tuple[int, str]] = field(default_factory=list)   # (first col, style)
    objects: list[Obj] = field(default_factory=list)
    obstacles: list[tuple[int, int, int]] = field(default_factory=list)  # (col, row, width) 3-row block
    benches: list[int] = field(default_factory=list)
    smalls: list[tuple[int, int]] = field(default_factory=list)          # (col, row) small solid prop
    pillars: list[int] = field(default_factory=list)
    haze_share: float = 0.05
    haze_opacity: float = 0.6
    haze_parallax: float = 1.15
    band_row: int = 0

    # ---- objects -------------------------------------------------------------------------------
    def add(self, template: str, x: int, y: int, name: str = "", **props: object) -> Obj:
        o = Obj(template, x, y, name)
        for k, v in props.items():
            o.props[k] = _typed(k, v)
        self.objects.append(o)
        return o

    def enemy(self, kind: str, x: int, y: int, wave: int = 0, name: str = "", facing: str = "",
              hp: int = 0) -> Obj:
        p: dict[str, object] = {}
        if wave:
            p["wave"] = wave
        if facing:
            p["facing"] = facing
        if hp:
            p["hp"] = hp
        return self.add(f"enemy_{kind}.tx", x, y, name, **p)

    def wave(self, number: int, x: int, name: str = "", w: int = 64, lock: bool = True, keep: int = 0) -> Obj:
        o = self.add("wave.tx", x, 80, name, number=number, **({} if lock else {"lock": False}),
                     **({"keep": keep} if keep else {}))
        o.w, o.h = w, 96
        return o

    # ---- tiles ---------------------------------------------------------------------------------
    def style_at(self, col: int) -> str:
        style = self.segments[0][1] if self.segments else "plain"
        for first, s in self.segments:
            if col >= first:
                style = s
        return style

    def layers(self) -> dict[str, list[list[int]]]:
        rnd = random.Random(self.seed)
        n = self.cols
        walls = [[0] * n for _ in range(ROWS)]
        floor = [[0] * n for _ in range(ROWS)]
        props = [[0] * n for _ in range(ROWS)]
        decor = [[0] * n for _ in range(ROWS)]
        fore = [[0] * n for _ in range(ROWS)]
        haze = [[0] * n for _ in range(ROWS)]
        for c in range(n):
            st = self.style_at(c)
            k = c % 8
            walls[0][c] = BEAM if k == 0 else CEILING
            up, mid, low = WALL_UPPER, WALL_UPPER, WALL_LOWER
            if st == "windows" and k in (2, 3, 6):
                up = mid = WINDOW
            elif st == "motif":
                up = MOTIF if k not in (0, 7) else WALL_UPPER
                mid = MOTIF if k in (2, 3, 4, 5) else WALL_UPPER
            elif st == "signs":
                up = SIGN if k in (3, 4) else WALL_UPPER
                mid = WINDOW if k in (0, 7) else WALL_UPPER
            elif st == "dark":
                up = mid = DARK
                low = DARK if k not in (3,) else WALL_LOWER
            elif st == "mixed":
                up = (WINDOW, WALL_UPPER, MOTIF, WALL_UPPER, SIGN, WALL_UPPER, WINDOW, WALL_UPPER)[k]
                mid = WINDOW if k in (0, 6) else WALL_UPPER
            if st != "dark" and c % 16 == 11:
                low = DOOR
            walls[1][c], walls[2][c], walls[3][c], walls[4][c] = up, mid, TRIM, low
            walls[11][c] = FRONT
            floor[5][c] = FLOOR_EDGE
            for r in range(6, 11):
                floor[r][c] = FLOOR_A if (r + c) % 2 == 0 else FLOOR_B
                if rnd.random() < 0.04:
                    floor[r][c] = rnd.choice(FLOOR_SPECKS)
            if self.band_row and st != "dark":
                floor[self.band_row][c] = BAND
            if st != "dark" and c % 9 == 4:
                decor[2][c] = LAMP
            for r in range(3, 10):
                if rnd.random() < self.haze_share:
                    haze[r][c] = rnd.choice((HAZE_A, HAZE_B))
        for col, row, width in self.obstacles:
            for i in range(width):
                props[row][col + i] = OBST_TOP
                props[row + 1][col + i] = OBST_A if i % 3 else OBST_B
                props[row + 2][col + i] = OBST_BOTTOM
        for col in [b for b in self.benches if b + 1 < n]:
            props[5][col], props[5][col + 1] = BENCH_L, BENCH_R
        for col, row in self.smalls:
            if col >= n:
                continue
            props[row][col] = rnd.choice((PROP_A, PROP_B)) if row != 5 else PROP_A
        for col in [p for p in self.pillars if p < n]:
            props[10][col] = PILLAR_BASE
            for r in range(6, 10):
                fore[r][col] = PILLAR_TOP
        return {"walls": walls, "floor": floor, "props": props, "decor": decor,
                "pillars": fore, "haze": haze}

    def solid_at(self, x: int, y: int) -> bool:
        """Whether a point (px) stands in a solid tile this script placed (a guard for objects)."""
        c, r = x // T, y // T
        if r < 5 or r >= 11:
            return True
        for col, row, width in self.obstacles:
            if col <= c < col + width and row <= r < row + 3:
                return True
        if r == 5 and (c in self.benches or c - 1 in self.benches or (c, 5) in self.smalls):
            return True
        return (c, r) in self.smalls or (r == 10 and c in self.pillars)

    # ---- writing -------------------------------------------------------------------------------
    def write(self) -> Path:
        for o in self.objects:
            if o.w == 0 and self.solid_at(o.x, o.y):
                raise SystemExit(f"{self.name}: {o.template} at ({o.x}, {o.y}) stands in a solid tile")
        out: list[str] = []
        a = out.append
        layers = self.layers()
        nlayers = len(layers) + 1
        a('<?xml version="1.0" encoding="UTF-8"?>')
        a(f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
          f'width="{self.cols}" height="{ROWS}" tilewidth="{T}" tileheight="{T}" infinite="0" '
          f'backgroundcolor="{self.background}" nextlayerid="{nlayers + 1}" '
          f'nextobjectid="{len(self.objects) + 1}">')
        a(' <properties>')
        for k in sorted(self.props):
            a(_prop(k, self.props[k]))
        a(' </properties>')
        a(f' <tileset firstgid="1" source="../assets/tilesets/{self.tileset}.tsx"/>')
        for lid, (name, grid) in enumerate(layers.items(), 1):
            extra = ""
            if name == "haze":
                extra = f' opacity="{self.haze_opacity}" parallaxx="{self.haze_parallax}"'
            a(f' <layer id="{lid}" name="{name}" width="{self.cols}" height="{ROWS}"{extra}>')
            if name in ("pillars", "haze"):
                a('  <properties>')
                a('   <property name="foreground" type="bool" value="true"/>')
                a('  </properties>')
            a('  <data encoding="csv">')
            a(",\n".join(",".join(str(v) for v in row) for row in grid))
            a('</data>')
            a(' </layer>')
        a(f' <objectgroup id="{nlayers}" name="spawns">')
        for i, o in enumerate(self.objects, 1):
            attrs = f'id="{i}"'
            if o.name:
                attrs += f" name={quoteattr(o.name)}"
            attrs += f' template="../templates/{o.template}" x="{o.x}" y="{o.y}"'
            if o.w:
                attrs += f' width="{o.w}" height="{o.h}"'
            if o.props:
                a(f'  <object {attrs}>')
                a('   <properties>')
                for k in sorted(o.props):
                    a("  " + _prop(k, o.props[k]))
                a('   </properties>')
                a('  </object>')
            else:
                a(f'  <object {attrs}/>')
        a(' </objectgroup>')
        a('</map>')
        path = ROOT / "levels" / f"{self.name}.tmx"
        path.write_text("\n".join(out) + "\n")
        return path


_ENUMS = {"facing": "Facing", "kind": None, "outfit": "Outfit", "bonus": "BonusGame", "mode": "GameMode",
          "outro": "Outro"}


def _typed(name: str, v: object) -> tuple[str, str, object]:
    if isinstance(v, bool):
        return ("bool", "", v)
    if isinstance(v, int):
        return ("int", "", v)
    return ("", _ENUMS.get(name) or "", v)


def level_props(**props: object) -> dict[str, tuple[str, str, object]]:
    return {k: _typed(k, v) for k, v in props.items()}


def _prop(name: str, tv: tuple[str, str, object]) -> str:
    typ, ptype, v = tv
    if isinstance(v, bool):
        v = "true" if v else "false"
    t = f' type="{typ}"' if typ else ""
    p = f' propertytype="{ptype}"' if ptype else ""
    return f'  <property name="{name}"{t}{p} value={quoteattr(str(v))}/>'
