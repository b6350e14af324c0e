"""A small level built in code, for tests and for running before any map exists."""

from __future__ import annotations

import numpy as np

from game.sim.level import EnemySpawn, LevelDesc, PickupSpawn, Rect, WaveZone


def corridor(cols: int = 60, rows: int = 12, waves: int = 2, per_wave: int = 3,
             kinds: tuple[str, ...] = ("thug",)) -> LevelDesc:
    """A straight street: a solid wall on top, a 6-row floor band, a solid front edge.

    Wave ``n`` is triggered at x = 200 * n px and places ``per_wave`` enemies of ``kinds``.
    """
    solid = np.zeros((rows, cols), dtype=bool)
    solid[:5, :] = True
    solid[rows - 1, :] = True
    enemies: list[EnemySpawn] = []
    zones: list[WaveZone] = []
    oid = 10
    for n in range(1, waves + 1):
        zx = 200 * n
        zones.append(WaveZone(obj_id=oid, number=n, rect=Rect(zx, 80, 32, 96)))
        oid += 1
        for i in range(per_wave):
            enemies.append(EnemySpawn(obj_id=oid, kind=kinds[(n + i) % len(kinds)],
                                      x=zx + 120 + 24 * i, y=100 + 20 * (i % 3), wave=n))
            oid += 1
    pickups = [PickupSpawn(obj_id=oid, kind="health", x=cols * 8, y=130)]
    return LevelDesc(
        name="corridor", title="TEST CORRIDOR", solid=solid, player_start=(40, 130),
        music="bathhouse", enemies=enemies, waves=zones, pickups=pickups,
        exits=[Rect(cols * 16 - 32, 80, 32, 96)],
    )
