"""``check`` rules for a level's exit scene (the map property ``outro``, game/sim/outro.py).

Kept apart from :mod:`game.tiled.rules` (which calls :func:`check`). The enum ``Outro`` itself (none,
viktor_key, bus_departs) is checked by the schema; these are the rules it can't see.
"""

from __future__ import annotations

from game.sim.level import LevelDesc
from game.sim.outro import kind_of
from game.tiled.problems import Report


def check(level: LevelDesc, report: Report) -> None:
    """Report an outro the level can't play; never raises."""
    kind = kind_of(level)
    if kind == "none":
        return
    if level.mode == "chase":
        report.error(f"outro '{kind}' is for brawl levels (a chase ends at its wreck); set the map property "
                     "outro to none")
        return
    if not level.waves:
        report.error(f"outro '{kind}' plays once every wave is cleared, but the level has no Wave rectangle; "
                     "add the last fight's Wave (drag wave.tx) or set the map property outro to none")
    if kind == "viktor_key" and not any(s.boss or s.kind == "bodyguard" for s in level.enemies):
        report.warn("outro 'viktor_key': no Enemy is marked boss, so the key Viktor takes lies in the middle "
                    "of the screen instead of where the boss falls; tick boss on the last fight's boss")
