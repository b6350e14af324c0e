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


def gauntlet() -> LevelDesc:
    """Every enemy kind wave by wave, ending with Viktor; ammo and health on the way (for tests)."""
    cols, rows = 110, 12
    solid = np.zeros((rows, cols), dtype=bool)
    solid[:5, :] = True
    solid[rows - 1, :] = True
    solid[7:9, 46:50] = True          # a bench to walk round
    plan = [("thug", "bather", "thug"), ("gangster", "nurse", "thug"), ("hitman", "nurse", "bather"),
            ("viktor", "gangster")]
    enemies: list[EnemySpawn] = [EnemySpawn(obj_id=5, kind="thug", x=150, y=120, wave=0)]
    zones: list[WaveZone] = []
    oid = 10
    for n, kinds in enumerate(plan, start=1):
        zx = 320 * n
        zones.append(WaveZone(obj_id=oid, number=n, rect=Rect(zx, 80, 32, 96)))
        oid += 1
        for i, kind in enumerate(kinds):
            enemies.append(EnemySpawn(obj_id=oid, kind=kind, x=zx + 100 + 30 * i, y=96 + 28 * (i % 3),
                                      wave=n))
            oid += 1
    pickups = [PickupSpawn(obj_id=90 + i, kind=k, x=x, y=y) for i, (k, x, y) in enumerate(
        (("ammo", 560, 120), ("health", 900, 150), ("ammo", 1180, 100), ("points", 700, 100),
         ("health", 1240, 150)))]
    return LevelDesc(
        name="gauntlet", title="TEST GAUNTLET", solid=solid, player_start=(40, 130), time_limit=600,
        music="bathhouse", enemies=enemies, waves=zones, pickups=pickups,
        exits=[Rect(cols * 16 - 32, 80, 32, 96)],
    )


def arena(enemies: tuple[tuple[str, int, int], ...] = (), cols: int = 40) -> LevelDesc:
    """An open floor with enemies (kind, x, y) present from the start and no waves, for rule tests."""
    solid = np.zeros((12, cols), dtype=bool)
    solid[:5, :] = True
    solid[11, :] = True
    spawns = [EnemySpawn(obj_id=10 + i, kind=k, x=x, y=y) for i, (k, x, y) in enumerate(enemies)]
    return LevelDesc(name="arena", title="ARENA", solid=solid, player_start=(100, 130), enemies=spawns,
                     exits=[Rect(cols * 16 - 16, 80, 16, 96)])
