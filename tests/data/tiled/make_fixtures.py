"""Writes the small Tiled fixtures the level-pipeline tests use.

Run: python tests/data/tiled/make_fixtures.py

Kept in the repository so every fixture can be regenerated and reviewed; the outputs are committed too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

import numpy as np  # noqa: E402

from game.tiled.tiledata import FLIP_D, FLIP_H, FLIP_V, encode_data  # noqa: E402

COLS, ROWS = 30, 12
FLOOR, WALL, COLUMN, CRATE = 1, 2, 3, 4


def tileset_png() -> None:
    """A 32x32 image of four distinct 16x16 tiles (drawn with numpy, saved by pygame)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    img = np.zeros((32, 32, 4), dtype=np.uint8)
    colours = [(90, 80, 70), (200, 200, 210), (150, 120, 90), (120, 70, 30)]
    for i, c in enumerate(colours):
        x, y = (i % 2) * 16, (i // 2) * 16
        img[y:y + 16, x:x + 16, :3] = c
        img[y:y + 16, x:x + 16, 3] = 255
        img[y, x:x + 16, :3] = 255          # a white top edge and a red left edge make flips visible
        img[y:y + 16, x, :3] = (255, 0, 0)
    surf = pygame.image.frombuffer(img.tobytes(), (32, 32), "RGBA")
    pygame.image.save(surf, str(HERE / "tiles.png"))


TSX = """<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="tiles" tilewidth="16" tileheight="16" tilecount="4"
 columns="2">
 <image source="tiles.png" width="32" height="32"/>
 <tile id="0"><properties><property name="name" value="floor"/></properties></tile>
 <tile id="1"><properties><property name="name" value="wall"/>
  <property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="2"><properties><property name="name" value="column"/></properties></tile>
 <tile id="3"><properties><property name="name" value="crate"/>
  <property name="solid" type="bool" value="true"/></properties></tile>
</tileset>
"""

TILE_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<template>
 <tileset firstgid="1" source="tiles.tsx"/>
 <object type="Enemy" gid="3" width="16" height="16">
  <properties>
   <property name="kind" propertytype="EnemyKind" value="gangster"/>
   <property name="hp" type="int" value="30"/>
  </properties>
 </object>
</template>
"""


def ground() -> np.ndarray:
    g = np.full((ROWS, COLS), FLOOR, dtype=np.uint32)
    g[:5, :] = WALL
    g[ROWS - 1, :] = WALL
    return g


def decor() -> np.ndarray:
    g = np.zeros((ROWS, COLS), dtype=np.uint32)
    g[6, 3] = COLUMN | FLIP_H
    g[6, 5] = COLUMN | FLIP_V
    g[6, 7] = COLUMN | FLIP_D
    g[6, 9] = COLUMN | FLIP_D | FLIP_H | FLIP_V
    return g


GOOD_PROPS = {"title": ("string", "", "TEST BATH"), "music": ("string", "", "bathhouse"),
              "time_limit": ("int", "", "99")}

OBJ_CLS = "type"


def obj(oid: int, cls: str, x: float, y: float, props: dict | None = None, *, name: str = "",
        w: float | None = None, h: float | None = None, template: str = "", gid: int = 0,
        attr: str | None = None) -> str:
    a = attr or OBJ_CLS
    parts = [f'id="{oid}"']
    if template:
        parts.append(f'template="{template}"')
    if name:
        parts.append(f'name="{name}"')
    if cls:
        parts.append(f'{a}="{cls}"')
    if gid:
        parts.append(f'gid="{gid}"')
    parts += [f'x="{x}"', f'y="{y}"']
    if w is not None:
        parts += [f'width="{w}"', f'height="{h}"']
    body = ""
    if props:
        body += "<properties>" + "".join(_prop(k, v) for k, v in props.items()) + "</properties>"
    if w is None and not gid and not template:
        body += "<point/>"
    return f"  <object {' '.join(parts)}>{body}</object>\n"


def _prop(name: str, v: tuple[str, str, str]) -> str:
    typ, ptype, value = v
    t = f' type="{typ}"' if typ != "string" else ""
    p = f' propertytype="{ptype}"' if ptype else ""
    return f'<property name="{name}"{t}{p} value="{value}"/>'


def good_objects(attr: str | None = None, up: str = "") -> list[str]:
    return [
        obj(1, "PlayerStart", 40, 130, name="start", attr=attr),
        obj(2, "Enemy", 200, 120, {"kind": ("string", "EnemyKind", "bather")}, name="boris", attr=attr),
        obj(3, "", 300, 140, {"wave": ("int", "", "1")}, template=f"{up}../../../templates/enemy_bather.tx"),
        obj(4, "", 320, 120, {"wave": ("int", "", "1"), "facing": ("string", "Facing", "right")},
            template=f"{up}tile_enemy.tx"),
        obj(5, "Wave", 240, 80, {"number": ("int", "", "1")}, w=32, h=96, attr=attr),
        obj(6, "Pickup", 150, 150, {"kind": ("string", "PickupKind", "points"),
                                    "amount": ("int", "", "500")}, attr=attr),
        obj(7, "Exit", 440, 80, w=32, h=96, attr=attr),
        obj(8, "Enemy", 100, 100, attr=attr),
    ]


def tmx(layers: list[tuple[str, np.ndarray, str]] | None = None, objects: list[str] | None = None,
        props: dict | None = None, *, encoding: str = "csv", compression: str = "",
        attrs: str = 'orientation="orthogonal" renderorder="right-down"', infinite: str = "0",
        tilesets: str = '<tileset firstgid="1" source="{ts}tiles.tsx"/>', ts: str = "",
        tile: int = 16, cols: int = COLS, rows: int = ROWS) -> str:
    if layers is None:
        layers = [("ground", ground(), ""), ("front", decor(),
                                              '<properties><property name="foreground" type="bool" '
                                              'value="true"/></properties>')]
    objects = good_objects(up=ts) if objects is None else objects
    props = GOOD_PROPS if props is None else props
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<map version="1.8" tiledversion="1.8.2" {attrs} width="{cols}" height="{rows}" '
           f'tilewidth="{tile}" tileheight="{tile}" infinite="{infinite}" nextlayerid="9" nextobjectid="99">']
    if props:
        out.append(" <properties>" + "".join(_prop(k, v) for k, v in props.items()) + "</properties>")
    out.append(" " + tilesets.format(ts=ts))
    for i, (name, gids, extra) in enumerate(layers, 1):
        enc = f' encoding="{encoding}"' if encoding else ""
        comp = f' compression="{compression}"' if compression else ""
        out.append(f' <layer id="{i}" name="{name}" width="{cols}" height="{rows}">{extra}')
        out.append(f"  <data{enc}{comp}>{encode_data(gids, encoding, compression)}</data>")
        out.append(" </layer>")
    out.append(' <objectgroup id="8" name="objects">')
    out.extend(objects)
    out.append(" </objectgroup>")
    out.append("</map>\n")
    return "\n".join(out)


def write(name: str, text: str) -> None:
    (HERE / name).write_text(text, encoding="utf-8")


def replace_obj(oid: int, new: str | None) -> list[str]:
    objs = good_objects(up="../")
    objs = [o for o in objs if f'id="{oid}"' not in o.split(">")[0]]
    return objs + ([new] if new else [])


def bad_maps() -> dict[str, str]:
    b = "../"
    g = good_objects(up=b)
    walled = ground()
    walled[5:11, 25] = WALL                       # a wall across the whole floor band
    holed = ground()
    holed[5:11, 0:30:2] = 0
    holed[7, 3] = 99                              # a gid no tileset has

    def plus(*extra: str) -> str:
        return tmx(objects=[*g, *extra], ts=b)

    return {
        "unknown_class": tmx(objects=[*g, obj(20, "Enemyy", 60, 120)], ts=b),
        "unknown_enum": plus(obj(20, "Enemy", 60, 120, {"kind": ("string", "EnemyKind", "ninja")})),
        "unknown_property": tmx(objects=[*g, obj(20, "Enemy", 60, 120, {"wav": ("int", "", "1")})], ts=b),
        "no_player_start": tmx(objects=replace_obj(1, None), ts=b),
        "two_player_starts": tmx(objects=[*g, obj(20, "PlayerStart", 60, 130)], ts=b),
        "no_exit": tmx(objects=replace_obj(7, None), ts=b),
        "wave_without_enemies": plus(obj(20, "Wave", 300, 80, {"number": ("int", "", "2")}, w=32, h=96)),
        "enemy_wave_without_trigger": tmx(objects=[*g, obj(20, "Enemy", 60, 120, {"wave": ("int", "", "3")})],
                                          ts=b),
        "object_outside_map": tmx(objects=[*g, obj(20, "Pickup", 900, 120)], ts=b),
        "object_in_solid_tile": tmx(objects=[*g, obj(20, "Enemy", 60, 20)], ts=b),
        "exit_unreachable": tmx(layers=[("ground", walled, "")], ts=b),
        "next_missing": tmx(props={**GOOD_PROPS, "next": ("string", "", "moscow_nowhere")}, ts=b),
        "infinite_map": tmx(infinite="1", ts=b),
        "isometric_map": tmx(attrs='orientation="isometric" renderorder="right-down"', ts=b),
        "wrong_tile_size": tmx(tile=32, ts=b),
        "missing_tileset": tmx(tilesets='<tileset firstgid="1" source="{ts}nowhere.tsx"/>', ts=b),
        "missing_image": tmx(tilesets='<tileset firstgid="1" source="{ts}no_image.tsx"/>', ts=b),
        "malformed_xml": tmx(ts=b).replace('<objectgroup id="8" name="objects">',
                                           '<objectgroup id="8" name=>'),
        "broken_gid": tmx(layers=[("ground", holed, "")], ts=b),
        "wrong_attribute_type": plus(obj(20, "Enemy", 60, 120, {"wave": ("int", "", "two")})),
        # zstd cannot be written here; keep zlib bytes but say zstd, as a zstd build of Tiled would label it.
        "zstd_layer": tmx(encoding="base64", compression="zlib", ts=b).replace('compression="zlib"',
                                                                              'compression="zstd"'),
        "broken_template": tmx(objects=[*g, obj(20, "", 60, 120, template="../nowhere.tx")], ts=b),
    }


def main() -> None:
    tileset_png()
    write("tiles.tsx", TSX)
    write("no_image.tsx", TSX.replace("tiles.png", "missing.png"))
    write("tile_enemy.tx", TILE_TEMPLATE)
    write("good.tmx", tmx())
    for comp in ("", "zlib", "gzip"):
        write(f"good_base64{'_' + comp if comp else ''}.tmx", tmx(encoding="base64", compression=comp))
    write("good_class_attr.tmx", tmx(objects=good_objects(attr="class")))
    for name, text in bad_maps().items():
        (HERE / "bad" / f"{name}.tmx").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
