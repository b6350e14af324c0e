"""A chase level built in code, for rule tests (the shipped one is levels/chase.tmx)."""

from __future__ import annotations

import numpy as np

from game.sim.chase.desc import ChaseDesc, HazardSpawn, PhaseMark, TrafficSpawn, ViktorBusSpawn
from game.sim.level import EnemySpawn, LevelDesc, Rect


def road(cols: int = 400, lead: int = 1200, rams: int = 3, boarders: int = 3, hazards: bool = True,
         traffic: bool = True, speed: int = 180) -> LevelDesc:
    """Rows 0-4 solid (the city), 5-10 the road (three 32 px lanes, y 80..176), row 11 the kerb.

    Phases: catch_up from x 0, boarders from 1600, ram from 3200, wreck from 4800.
    """
    rows = 12
    solid = np.zeros((rows, cols), dtype=bool)
    solid[:5, :] = True
    solid[rows - 1, :] = True
    d = ChaseDesc(road=Rect(0, 80, cols * 16, 96))
    d.phases = [PhaseMark(1, "catch_up", 0), PhaseMark(2, "boarders", 1600), PhaseMark(3, "ram", 3200, rams),
                PhaseMark(4, "wreck", 4800)]
    d.viktor = ViktorBusSpawn(5, 100 + lead, 1)
    if traffic:
        d.traffic = [TrafficSpawn(10, "civilian", 500, 1), TrafficSpawn(11, "gang_car", 900, 0, rams=2),
                     TrafficSpawn(12, "civilian", 1300, 2), TrafficSpawn(13, "civilian", 3600, 0)]
    if hazards:
        d.hazards = [HazardSpawn(20, "bridge", 2000, 90), HazardSpawn(21, "door", 2300, 170),
                     HazardSpawn(22, "sign", 2600, 90)]
    enemies = [EnemySpawn(30 + i, "thug", 1700 + 150 * i, 140) for i in range(boarders)]
    enemies.append(EnemySpawn(40, "viktor", 4900, 130))
    return LevelDesc(name="chase_test", title="TEST CHASE", solid=solid, player_start=(100, 130),
                     mode="chase", enemies=enemies, properties={"scroll_speed": speed}, chase=d)
