"""One run through the levels: who plays, which level is next, the scores carried between levels.

Score rules (shown to nobody, relied on by the screens):

* Clearing a level carries each player's score into the next one.
* A **continue** restarts the level the players lost on, with fresh lives, and every score goes
  back to **0** (the arcade rule: a continue buys the rest of the story, not points). The best
  score a player reached before continuing is kept and is what the high-score table gets.
* **Restart level** from the pause menu puts scores back to what they were when the level began.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.paths import levels_dir

if TYPE_CHECKING:
    from game.app import App
    from game.sim.world import World

#: The planned campaign; levels not shipped yet are skipped when choosing the first one.
CAMPAIGN_ORDER = ("bathhouse", "moscow", "chicago", "hospital", "hotel", "station", "chase")
FALLBACK_LEVEL = "builtin:corridor"
CONTINUE_SECONDS = 9


def first_level() -> str:
    """The first campaign level that exists on disk, else the built-in corridor."""
    for name in CAMPAIGN_ORDER:
        if (levels_dir() / f"{name}.tmx").exists():
            return name
    return FALLBACK_LEVEL


def level_exists(name: str) -> bool:
    """True for a shipped level name, a built-in level or an existing .tmx path."""
    if name.startswith("builtin:"):
        return True
    from game.paths import resolve_level

    return resolve_level(name).exists()


@dataclass(slots=True)
class Campaign:
    """The state of a game in progress that outlives each level's World."""

    players: int = 1
    level: str = field(default_factory=first_level)
    seed: int = 0
    level_start_scores: list[int] = field(default_factory=lambda: [0, 0])
    best_scores: list[int] = field(default_factory=lambda: [0, 0])
    continues: int = 0
    levels_done: int = 0
    p1_pad: int | None = None      # the pad player 1 plays with (None = keyboard): its START pauses
    hot_reload: bool = False       # started with --level: keep watching the level file on restarts
    last_level_reached: str = ""
    bonus_rewards: list = field(default_factory=list)   # bonus-game payouts for the next level (per player)

    def start_world(self, world: World) -> None:
        """Give a new level's world the scores the players bring with them."""
        for slot in world.slots:
            score = self.level_start_scores[slot.index]
            if score and slot.score != score:
                slot.score = score
                every = world.rules["extra_life_every"] if hasattr(world, "rules") else 0
                if every:   # the next extra life comes at the next threshold above the carried score
                    slot.next_life_at = (score // every + 1) * every
        self.last_level_reached = world.level.name
        if self.bonus_rewards:
            from game.scenes.bonus import apply_rewards

            apply_rewards(world, self.bonus_rewards)
            self.bonus_rewards = []

    def note_scores(self, world: World) -> None:
        """Remember each player's best score so far (call on every result)."""
        for slot in world.slots:
            self.best_scores[slot.index] = max(self.best_scores[slot.index], slot.score)
        if world.players > self.players:
            self.players = world.players

    def level_cleared(self, world: World, next_level: str) -> None:
        """Carry the scores into ``next_level``."""
        self.note_scores(world)
        for slot in world.slots:
            self.level_start_scores[slot.index] = slot.score
        self.level = next_level

    def continue_game(self, world: World) -> None:
        """Pay a continue: same level, scores back to 0 (the best ones are kept for the table)."""
        self.note_scores(world)
        self.continues += 1
        self.level_start_scores = [0, 0]


def start_game(app: App, players: int, pad: int | None = None) -> None:
    """From the main menu: a new campaign, opening with its first briefing; ``pad`` chose it (None = keys)."""
    from game.scenes.cards import briefing_then_level

    app.input.set_players(players)
    campaign = Campaign(players=players, seed=app.options.seed, p1_pad=pad)
    app.scenes.clear_to(briefing_then_level(app, campaign, campaign.level))


def go_to_title(app: App) -> None:
    """Drop everything and show the title (menu music, one-player input)."""
    from game.scenes.title import TitleScene

    app.input.set_players(1)
    if app.audio is not None:
        app.audio.duck(False)
    app.scenes.clear_to(TitleScene(app))
