"""The bus chase (``mode = chase``): see :mod:`game.sim.chase.state` for the state the presentation reads
and :mod:`game.sim.chase.rules` for the rules."""

from game.sim.chase.rules import aboard, drive, driving, start
from game.sim.chase.state import (
                                  FIGHT_PHASES,
                                  HAZARD_KINDS,
                                  PHASES,
                                  VEHICLE_KINDS,
                                  ChaseState,
                                  Hazard,
                                  Vehicle,
)

__all__ = ["FIGHT_PHASES", "HAZARD_KINDS", "PHASES", "VEHICLE_KINDS", "ChaseState", "Hazard", "Vehicle",
           "aboard", "drive", "driving", "start"]
