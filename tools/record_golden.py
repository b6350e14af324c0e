"""Re-record the golden replays in tests/data/golden/ after a deliberate change to the rules.

    python tools/record_golden.py

Each golden replay is a recording plus the LEVEL argument that loads its level.
Review the diff: a golden replay changing means every old recording changes too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.cli_levels import load_level  # noqa: E402
from game.sim.replay import Recorder  # noqa: E402
from game.sim.runner import bot_input  # noqa: E402
from game.sim.world import World  # noqa: E402
from tests.scripted import mash  # noqa: E402

OUT = ROOT / "tests" / "data" / "golden"

#: name -> (LEVEL argument, seed, players, input source: "mash" or "bot", max ticks)
GOLDEN = {
    "corridor-mash": ("builtin:corridor", 7, 1, "mash", 1500),
    "corridor-2p-mash": ("builtin:corridor", 8, 2, "mash", 1500),
    "corridor-bot": ("builtin:corridor", 3, 1, "bot", 6000),
    "bathhouse-bot": ("bathhouse", 1, 1, "bot", 20000),
    "chase-bot": ("chase", 1, 1, "bot", 24000),      # the bus chase, every phase to the wreck fight's end
}


def record(name: str, level_arg: str, seed: int, players: int, source: str, ticks: int) -> None:
    """Record one golden replay."""
    world = World(load_level(level_arg), seed=seed, players=players)
    rec = Recorder(world)
    if source == "mash":
        for frame in mash(ticks, seed=seed, players=players):
            rec.step(frame)
    else:
        bots = bot_input(world)
        while world.result is None and world.tick < ticks:
            rec.step(bots(world))
    data = json.loads(rec.finish().to_json())
    data["level_arg"] = level_arg
    (OUT / f"{name}.json").write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"{name}: {world.tick} ticks, result {world.result}, hash {world.state_hash()}")


#: Bonus games (tests/data/golden/bonus/): name -> (game, seed, players); the bot plays to the end.
BONUS_GOLDEN = {
    "coal-bot": ("coal", 4, 1),
    "bill-bot": ("bill", 4, 1),
    "doors-bot": ("doors", 4, 1),
}


def record_bonus(name: str, game: str, seed: int, players: int) -> None:
    """Record one bonus game's golden replay."""
    from game.sim.bonus.runner import record as record_session

    session, rep = record_session(game, seed=seed, players=players, bot=True)
    out = OUT / "bonus"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(rep.to_json() + "\n")
    print(f"bonus/{name}: {session.tick} ticks, result {session.result}, hash {session.state_hash()}")


def main() -> None:
    """Record every golden replay whose level loads."""
    OUT.mkdir(parents=True, exist_ok=True)
    only = set(sys.argv[1:])
    for name, spec in GOLDEN.items():
        if only and name not in only:
            continue
        record(name, *spec)
    for name, bspec in BONUS_GOLDEN.items():
        if only and name not in only:
            continue
        record_bonus(name, *bspec)


if __name__ == "__main__":
    main()
