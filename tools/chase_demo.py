"""Watch the bus chase in the real window, from any phase (for screenshots and for tuning by eye).

    python tools/chase_demo.py [--phase catch_up|boarders|ram|crash|wreck] [--after SECONDS]
                               [--seed N] [--players 1|2] [--keys] [--level NAME_OR_PATH]

The real game (levels/chase.tmx, the play scene, its renderer and HUD) with the bot at the controls.
``--phase`` runs the rules ahead with the bot, without drawing, until that phase has gone on
``--after`` seconds (default 1), then shows the rest in real time; ``--keys`` hands the controls
back to the keyboard from there; ``--hold`` keeps that first frame still until Space is pressed (so
a screenshot script can time a moment exactly). Nothing is faked: every frame is the world the
rules made.
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
from game.sim.chase.state import PHASES  # noqa: E402


class ChaseDemo(BotPlayScene):
    """The chase with the bot at the controls, run ahead to a phase."""

    def run_ahead(self, phase: str, after_ticks: int) -> None:
        """Step the rules with the bot (pictures fed, none drawn) until ``phase`` is ``after_ticks`` old."""
        order = PHASES.index(phase)
        while self.world.result is None and self.world.tick < MAX_AHEAD:
            st = self.world.chase
            if st is not None and (PHASES.index(st.phase) > order or
                                   (st.phase == phase and st.phase_tick >= after_ticks)):
                return
            self.bot_step()
        raise SystemExit(f"chase_demo: the bot did not reach {phase} (result {self.world.result})")


def main() -> int:
    """Open the window, run ahead to the phase, and show the chase."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phase", choices=[p for p in PHASES if p != "done"], default="catch_up")
    ap.add_argument("--after", type=float, default=1.0, help="seconds into the phase to start showing")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--players", type=int, choices=(1, 2), default=1)
    ap.add_argument("--keys", action="store_true", help="the keyboard drives once the phase is reached")
    ap.add_argument("--level", default="chase")
    ap.add_argument("--hold", action="store_true", help="keep the first frame still until Space")
    args = ap.parse_args()
    app = App(LaunchOptions(mute=True, seed=args.seed, players=args.players))
    scene = ChaseDemo(app, args.level, args.seed, args.keys, args.hold)
    if scene.world.chase is None:
        print(f"chase_demo: {args.level} is not a chase level (mode = chase)", file=sys.stderr)
        return 2
    scene.run_ahead(args.phase, int(args.after * 60))
    return app.run(scene)


if __name__ == "__main__":
    raise SystemExit(main())
