"""Watch a level's exit scene in the real window (for screenshots and for tuning by eye).

    python tools/outro_demo.py [--level hotel|station|NAME_OR_PATH] [--before SECONDS] [--seed N]
                               [--into SECONDS] [--players 1|2] [--keys] [--hold]

The real game (the level's .tmx, the play scene, its renderer, HUD and sound) with the bot at the
controls. The rules run ahead with the bot, without drawing, until the level's outro (map property
``outro``, game/sim/outro.py) is ``--before`` seconds away (default 1: the last blows of the boss fight
show; or ``--into`` seconds into the scene),
then the rest plays in real time; the bot watches the scene as a player would. ``--keys`` hands
the controls to the keyboard from there (press Enter or punch to skip the scene); ``--hold`` keeps that
first frame still until Space is pressed. Nothing is faked: every frame is the world the rules made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot_scene import MAX_AHEAD, BotPlayScene  # noqa: E402

from game.app import App, LaunchOptions  # noqa: E402
from game.cli_levels import load_level  # noqa: E402
from game.sim.bot import Bot  # noqa: E402
from game.sim.world import World  # noqa: E402


def outro_tick(level_name: str, seed: int, players: int, difficulty: str) -> int:
    """The tick the bot's run of the level reaches its outro (a headless run of the same world)."""
    world = World(load_level(level_name), seed=seed, difficulty=difficulty, players=players)
    bots = [Bot(i) for i in range(players)]
    while world.result is None and world.tick < MAX_AHEAD:
        world.step(tuple(b.decide(world) for b in bots))
        if world.outro is not None and world.outro.phase != "waiting":
            return world.tick
    raise SystemExit(f"outro_demo: the bot did not reach the outro (result {world.result})")


class OutroDemo(BotPlayScene):
    """A level with the bot at the controls, run ahead to its exit scene."""

    def run_ahead(self, until: int) -> None:
        """Step the rules with the bot (pictures fed, none drawn) up to tick ``until``."""
        while self.world.result is None and self.world.tick < until:
            self.bot_step()


def main() -> int:
    """Open the window, run ahead to just before the outro, and show it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--level", default="hotel")
    ap.add_argument("--before", type=float, default=1.0, help="seconds before the outro to start showing")
    ap.add_argument("--into", type=float, default=None,
                    help="start showing this many seconds into the scene instead (with --hold: a still)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--players", type=int, choices=(1, 2), default=1)
    ap.add_argument("--keys", action="store_true", help="the keyboard has the controls once shown")
    ap.add_argument("--hold", action="store_true", help="keep the first frame still until Space")
    args = ap.parse_args()
    app = App(LaunchOptions(mute=True, seed=args.seed, players=args.players))
    scene = OutroDemo(app, args.level, args.seed, args.keys, args.hold)
    if scene.world.outro is None:
        print(f"outro_demo: {args.level} has no outro (map property outro)", file=sys.stderr)
        return 2
    at = outro_tick(args.level, args.seed, scene.world.players, scene.world.difficulty)
    if args.into is not None:
        scene.run_ahead(at + int(args.into * 60))
    else:
        scene.run_ahead(max(0, at - int(args.before * 60)))
    return app.run(scene)


if __name__ == "__main__":
    raise SystemExit(main())
