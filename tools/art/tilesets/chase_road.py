"""The chase's road (levels/chase.tmx): the city's base row, the three-lane wet road, kerbs, a rail crossing.

Cut from the same pictures the chase renderer scrolls (tools/art/chase.py), so the map in Tiled looks
like the game. Rows of a chase map: 0-4 city (solid), 5-10 road (three 32 px lanes), 11 the near kerb
(solid). Tile names used by the level and its check: ``city_wall``, ``road_far_kerb``, ``road_lane``,
``road_lane_line``, ``road_near_kerb``, ``rail_crossing``.
"""

from __future__ import annotations

from functools import cache

from .. import chase as art
from ..canvas import Canvas, rgb
from ..tilekit import TileSheet

SHEET = TileSheet("chase_road")
RAIL = rgb("#8a8e9c")
TIE = rgb("#3a2a1e")


@cache
def _road() -> Canvas:
    return art.road_strip()


@cache
def _city() -> Canvas:
    """The city rows: the midtown blocks over the far street, 80 px tall like rows 0-4."""
    c = Canvas(512, 80)
    c.blit(art.sky(), 0, 0)
    c.blit(art.sky(), 320, 0)
    mid = art.midtown()
    c.blit(mid, 0, -8)
    c.blit(art.street(), 0, 48)
    return c


def _cut(src: Canvas, x: int, y: int):
    def paint(c: Canvas) -> None:
        c.px[:, :] = src.px[y : y + 16, x : x + 16]

    return paint


def _crossing(row: int):
    def paint(c: Canvas) -> None:
        _cut(_road(), 16 * (row % 2) + 32, 8 + 16 * row)(c)
        for x in range(1, 16, 4):
            c.rect(x, 0, 2, 16, TIE)
        c.rect(0, 4, 16, 1, RAIL)
        c.rect(0, 11, 16, 1, RAIL)

    return paint


# (id, name, solid, painter)
TILES = [
    (i, f"city_wall{'' if i == 0 else '_' + str(i)}", True, _cut(_city(), 16 * (i % 8) + 64 * (i // 8), 0))
    for i in range(8)
]
TILES[1] = (1, "city_window", True, _cut(_city(), 128, 16))
TILES[2] = (2, "city_neon", True, _cut(_city(), 32, 16))
TILES[3] = (3, "city_roofs", True, _cut(_city(), 64, 0))
TILES[4] = (4, "city_shop", True, _cut(_city(), 16, 64))
TILES[5] = (5, "city_awning", True, _cut(_city(), 48, 48))
TILES[6] = (6, "city_lamp", True, _cut(_city(), 16, 48))
TILES[7] = (7, "city_sky", True, _cut(_city(), 300, 0))
ROAD_ROWS = ["road_far_kerb", "road_lane", "road_lane_b", "road_lane_line", "road_lane_c", "road_lane_d"]
for j, name in enumerate(ROAD_ROWS):
    TILES.append((8 + j, name, False, _cut(_road(), 0, 8 + 16 * j)))
TILES.append((14, "road_lane_line_gap", False, _cut(_road(), 16, 8 + 16 * 3)))
TILES.append((15, "road_lane_line_2", False, _cut(_road(), 0, 8 + 16 * 5)))
for j in range(6):
    TILES.append((16 + j, f"rail_crossing{'' if j == 0 else '_' + str(j)}", False, _crossing(j)))
TILES.append((22, "road_near_kerb", True, _cut(_road(), 0, 92)))
TILES.append((23, "road_near_kerb_b", True, _cut(_road(), 16, 92)))
for j in range(8):
    TILES.append((24 + j, f"road_wet_{j}", False, _cut(_road(), 16 * (j % 7 + 1), 8 + 16 * (j % 6))))

for tid, name, solid, paint in TILES:
    SHEET.tile(tid, name, solid)(paint)
