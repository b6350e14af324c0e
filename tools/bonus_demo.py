"""Watch the bot play a bonus game in the real window (for screenshots and for tuning by eye).

    python tools/bonus_demo.py coal|bill|doors [--seed N] [--card-seconds S]

The rules card stays up ``--card-seconds`` (default 2), then the bot plays; the payout stays up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.app import App, LaunchOptions  # noqa: E402
from game.scenes.bonus import BonusScene  # noqa: E402
from game.sim.bonus import GAMES  # noqa: E402
from game.sim.bonus.bots import SessionBot  # noqa: E402


class DemoScene(BonusScene):
    """A bonus scene whose player is the bot."""

    def __init__(self, app: App, game: str, seed: int, card_ticks: int) -> None:
        super().__init__(app, game, seed=seed)
        self.bot = SessionBot(self.session)
        self.card_ticks = card_ticks

    def update(self, inputs: tuple[int, ...]) -> None:
        """The bot's bits in play; cards turn by themselves."""
        if self.phase == "rules" and self.phase_ticks >= self.card_ticks:
            self._go("play")
        if self.phase == "play":
            inputs = self.bot(self.session)
        super().update(inputs)

    def finish(self) -> None:
        """Stay on the payout."""


def main() -> int:
    """Open the window and let the bot play."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("game", choices=list(GAMES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--card-seconds", type=float, default=2.0)
    args = ap.parse_args()
    app = App(LaunchOptions(mute=True))
    return app.run(DemoScene(app, args.game, args.seed, int(args.card_seconds * 60)))


if __name__ == "__main__":
    raise SystemExit(main())
