"""A bonus game on screen: the rules card, play (players take turns), and the payout.

Practised from the title menu ("Bonus games"), or played in the campaign after a level (its own
``bonus`` property or token) and where ``assets/data/campaign.json`` places one. ``then`` is called
with the session when the payout screen is dismissed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.audio.bonus_cues import sfx_for
from game.render.bonus import BonusView
from game.scenes.screen import CONFIRM_BITS, Screen
from game.sim.actions import Action
from game.sim.bonus import BonusSession
from game.sim.bonus.base import tuning
from game.ui.hints import action_label
from game.ui.menu import BACK_BITS, Menu, MenuItem
from game.ui.text import DIM, GOLD, RED, WHITE, panel, shade, small, title, wrap

if TYPE_CHECKING:
    from game.app import App

#: One sentence per game and its keys (action, what it does): the card says exactly this.
RULES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "coal": ("Break as many hot coals as you can in {seconds} seconds, striking when the power meter is "
             "full: two perfect strikes break a coal; {pass_coals} coals pass, {perfect_coals} are perfect.",
             (("punch", "STRIKE"),)),
    "bill": ("Put the torn bill back together in 30 seconds: pick up a piece, turn it the right way "
             "up and drop it on its place; it snaps in when close.",
             (("arrows", "MOVE THE HAND"), ("punch", "PICK UP / PUT DOWN"), ("kick", "TURN RIGHT"),
              ("jump", "TURN LEFT"))),
    "doors": ("Lockers fly open: shoot every gunman before he shoots, and never the people or Ridzik.",
              (("arrows", "MOVE THE SIGHT"), ("punch", "FIRE"))),
}


def rules_card(game: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A game's rules card with its numbers filled in from the tuning (``{seconds}`` and the coal marks)."""
    sentence, keys = RULES[game]
    t = tuning()[game]
    seconds = int(t.get("time", 0)) // 60
    return sentence.format(seconds=seconds, pass_coals=t.get("pass_coals", 0),
                           perfect_coals=t.get("perfect_coals", 0)), keys


TITLES = {"coal": "HOT COAL", "bill": "TORN BILL", "doors": "DOOR GALLERY"}
#: Each game's music: Danko's Moscow for the coal, the hotel's jazz for thinking, Chicago for shooting.
MUSIC = {"coal": "moscow", "bill": "hotel", "doors": "chicago"}
RESULT_WORDS = {"perfect": "PERFECT!", "passed": "WELL DONE", "failed": "TOO BAD"}
CARD_MIN_TICKS = 30
ENDING_TICKS = 75          # the finished game stays in view this long before the payout


class BonusScene(Screen):
    """Rules card -> play (each player in turn) -> payout."""

    music = "title"
    hints = (("punch", "START"),)

    def __init__(self, app: App, game: str, seed: int = 0, players: int = 1,
                 lives: tuple[int, ...] = (3, 3),
                 then: Callable[[BonusSession], None] | None = None) -> None:
        super().__init__(app)
        self.session = BonusSession(game, seed=seed, players=players, lives=lives)
        self.view = BonusView()
        self.phase = "rules"           # rules, play, turn (between players), ending, result
        self.phase_ticks = 0
        self.then = then

    def enter(self) -> None:
        """Music for the little games; their own sounds render while the rules card shows."""
        super().enter()
        self.play_music(MUSIC[self.session.game])
        if self.app.audio is not None:
            self.app.audio.prepare_effects("bonus")

    def _go(self, phase: str) -> None:
        self.phase, self.phase_ticks = phase, 0

    def update(self, inputs: tuple[int, ...]) -> None:
        """Cards run on presses; play steps the rules with every player's bits."""
        if self.phase == "play":
            self.ticks += 1
            paused = self.app.input.take_pause()
            self.latched = 0
            if paused or self.app.input.pressed() & Action.START:
                self.open_pause()
                return
            s = self.session
            before = s.turn
            events = s.step(inputs)
            self.view.feed(events)
            for e in events:
                name = sfx_for(e)
                if name:
                    self.sfx(name)
            self.view.update()
            if s.result is not None:
                self._go("ending")
                if s.result != "failed":
                    self.play_music("clear")
            elif s.turn != before:
                self._go("turn")
            return
        self.view.update()
        self.phase_ticks += 1
        if self.phase == "ending":             # the last strike, snap or shot sinks in first
            self.app.input.take_pause()
            self.app.input.pressed()
            if self.phase_ticks >= ENDING_TICKS:
                self._go("result")
            return
        super().update(inputs)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Cards: confirm goes on (after a moment so a held button does not skip them)."""
        if self.phase_ticks < CARD_MIN_TICKS:
            return
        go = pressed & CONFIRM_BITS
        if self.phase == "rules" and (go or back or pressed & BACK_BITS):
            if go:
                self.sfx("menu_select")
                self._go("play")
            elif self.then is None:
                self.go_back()         # practice: back out before playing
        elif self.phase == "turn" and go:
            self.sfx("menu_select")
            self.view = BonusView()
            self._go("play")
        elif self.phase == "result" and (go or back):
            self.sfx("menu_select")
            self.finish()

    def handle(self, event: pygame.event.Event) -> None:
        """Losing the window's focus pauses the game."""
        if event.type in (pygame.WINDOWFOCUSLOST, getattr(pygame, "WINDOWMINIMIZED", -1)):
            if self.phase == "play":
                self.open_pause()
            return
        super().handle(event)

    def open_pause(self) -> None:
        """Resume, or leave (practice: back to the list; campaign: to the title)."""
        if self.app.scenes.top is self:
            self.app.scenes.push(BonusPauseScene(self.app, self))

    def finish(self) -> None:
        """Leave: the campaign goes on, practice goes back to the menu."""
        if self.then is not None:
            self.then(self.session)
        elif self.app.scenes.top is self:
            self.app.scenes.pop()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The game (frozen behind cards), and the card of the phase."""
        s = self.session
        self.view.draw(canvas, s.current, s.turn if s.turn < s.players and s.players > 1 else 0)
        if self.phase == "rules":
            self._rules(canvas)
        elif self.phase == "turn":
            self._turn(canvas)
        elif self.phase == "result":
            self._result(canvas)

    def _rules(self, canvas: pygame.Surface) -> None:
        shade(canvas)
        panel(canvas, pygame.Rect(24, 20, 272, 140))
        game = self.session.game
        title().draw(canvas, TITLES[game], 160, 28, align="center")
        font = small()
        sentence, keys = rules_card(game)
        y = 54
        for line in wrap(font, sentence, 248):
            font.draw(canvas, line, 160, y, color=WHITE, align="center")
            y += font.line_height
        y += 6
        for action, word in keys:
            label = "ARROWS" if action == "arrows" else action_label(self.app, action)
            font.draw(canvas, label, 150, y, color=GOLD, align="right")
            font.draw(canvas, word, 160, y, color=WHITE)
            y += font.line_height + 1
        if self.session.players > 1:
            font.draw(canvas, "TWO PLAYERS TAKE TURNS: DANKO FIRST", 160, y + 3, color=DIM, align="center")
        if self.phase_ticks >= CARD_MIN_TICKS and self.phase_ticks // 20 % 2 == 0:
            font.draw(canvas, f"{action_label(self.app, 'punch')} TO START", 160, 146, color=RED,
                      align="center")

    def _turn(self, canvas: pygame.Surface) -> None:
        shade(canvas)
        panel(canvas, pygame.Rect(64, 60, 192, 60))
        title().draw(canvas, "RIDZIK'S TURN", 160, 70, align="center")
        if self.phase_ticks >= CARD_MIN_TICKS and self.phase_ticks // 20 % 2 == 0:
            small().draw(canvas, "PLAYER 2: PUNCH TO START", 160, 100, color=GOLD, align="center")

    def _result(self, canvas: pygame.Surface) -> None:
        shade(canvas)
        s = self.session
        panel(canvas, pygame.Rect(40, 22, 240, 136))
        title().draw(canvas, RESULT_WORDS[s.result or "failed"], 160, 30, align="center")
        font = small()
        rewards = s.rewards()
        cols = [160] if s.players == 1 else [100, 220]
        for i, (g, r) in enumerate(zip(s.games, rewards, strict=True)):
            x = cols[i]
            y = 58
            if s.players > 1:
                font.draw(canvas, ("DANKO", "RIDZIK")[i], x, y, color=DIM, align="center")
                y += 11
            font.draw(canvas, f"SCORE {g.score}", x, y, color=WHITE, align="center")
            y += 14
            lines = [(f"+{r.points} POINTS", GOLD)]
            if r.health:
                lines.append((f"+{r.health} HEALTH", (150, 236, 130)))
            if r.bullets:
                lines.append((f"+{r.bullets} BULLETS", (236, 210, 120)))
            if r.lives:
                lines.append((f"+{r.lives} LIFE", (120, 200, 255)))
            if g.result == "failed":
                lines.append(("NO HEALTH, NO BULLETS", DIM))
            for text, col in lines:
                font.draw(canvas, text, x, y, color=col, align="center")
                y += font.line_height + 2
        if self.phase_ticks >= CARD_MIN_TICKS and self.phase_ticks // 20 % 2 == 0:
            font.draw(canvas, f"{action_label(self.app, 'punch')} TO GO ON", 160, 144, color=RED,
                      align="center")


class BonusPauseScene(Screen):
    """The bonus game frozen under a small menu: resume, or give up (practice) / quit to title."""

    overlay = True
    hints = (("up/down", "MOVE"), ("punch", "SELECT"), ("esc", "RESUME"))

    def __init__(self, app: App, game: BonusScene) -> None:
        super().__init__(app)
        self.game = game
        leave = (MenuItem("QUIT TO TITLE", self.quit_to_title, key="quit") if game.then is not None
                 else MenuItem("BACK TO THE LIST", self.leave, key="quit"))
        self.menu = Menu([MenuItem("RESUME", self.go_back, key="resume"), leave], 160, 84)

    def go_back(self) -> None:
        """Back to the game, same tick."""
        self.sfx("menu_back")
        if self.app.scenes.top is self:
            self.app.scenes.pop()

    def leave(self) -> None:
        """Practice: drop this attempt."""
        self.app.scenes.pop()
        self.app.scenes.pop()

    def quit_to_title(self) -> None:
        """Campaign: abandon the game."""
        from game.scenes.campaign import go_to_title

        go_to_title(self.app)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A dimmed game with the menu box."""
        shade(canvas)
        panel(canvas, pygame.Rect(88, 50, 144, 64))
        title().draw(canvas, "PAUSED", 160, 58, align="center")
        self.menu.draw(canvas)
        self.draw_hints(canvas)


class BonusMenuScene(Screen):
    """Practise a bonus game from the title: hot coal, torn bill, door gallery."""

    overlay = True

    def __init__(self, app: App) -> None:
        super().__init__(app)
        items = [MenuItem(TITLES[g], lambda g=g: self.play(g), key=g) for g in ("coal", "bill", "doors")]
        players = MenuItem("PLAYERS", self.toggle_players, value=lambda: str(self.players),
                           on_adjust=lambda _d: self.toggle_players(), key="players")
        self.menu = Menu([*items, players, MenuItem("BACK", self.go_back, key="back")], 160, 100)
        self.count = 0
        self.players = 1

    def toggle_players(self) -> None:
        """One player, or two taking turns (Danko first)."""
        self.players = 3 - self.players

    def play(self, game: str) -> None:
        """Start a practice game (a new layout each time)."""
        from game.sim.moves import DataError

        self.count += 1
        try:
            scene = BonusScene(self.app, game, seed=self.app.options.seed + self.count, players=self.players)
        except DataError as e:
            self.app.notify(str(e))
            return
        self.app.scenes.push(scene)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A small framed list over the title."""
        panel(canvas, pygame.Rect(96, 85, 128, 82))
        small().draw(canvas, "BONUS GAMES", 160, 89, color=GOLD, align="center")
        self.menu.draw(canvas)
        self.draw_hints(canvas)


# -- the campaign's bonus games -------------------------------------------------------------------

def chain_next_level(level_name: str) -> str | None:
    """The next shipped level after ``level_name`` in ``assets/data/campaign.json``."""
    from game.scenes.campaign import level_exists
    from game.sim.campaign import CampaignError, load_chain, next_level_after

    try:
        return next_level_after(load_chain(), level_name, level_exists)
    except CampaignError:
        return None


def bonus_games_after(app: App, campaign: object, world: object, then: Callable[[], None]) -> bool:
    """Play the bonus games that follow a cleared level; True when they were started.

    The level's own (its ``bonus`` property or token), then those the campaign chain places before the
    next shipped level. Each payout is banked on the campaign and reaches the next level's world.
    """
    from game.scenes.campaign import level_exists
    from game.sim.campaign import CampaignError, bonuses_after, level_bonus, load_chain
    from game.sim.moves import DataError

    level = world.level              # type: ignore[attr-defined]
    seed = campaign.seed + campaign.levels_done   # type: ignore[attr-defined]
    games = []
    own = level_bonus(level, bool(getattr(world, "bonus_taken", False)), seed)
    if own:
        games.append(own)
    try:
        games += bonuses_after(load_chain(), level.name, level_exists)
    except CampaignError as e:
        app.notify(str(e))
    if not games:
        return False
    try:
        tuning()
    except DataError as e:               # a broken bonus.json skips the bonus games, never the story
        app.notify(str(e))
        return False
    lives = tuple(s.lives for s in world.slots)       # type: ignore[attr-defined]
    players = len(world.slots)                         # type: ignore[attr-defined]

    def play(i: int) -> None:
        if i >= len(games):
            then()
            return

        def done(session: BonusSession) -> None:
            bank(campaign, world, session)
            play(i + 1)

        app.scenes.clear_to(BonusScene(app, games[i], seed=seed * 10 + i, players=players, lives=lives,
                                       then=done))

    play(0)
    return True


def bank(campaign: object, world: object, session: BonusSession) -> None:
    """Bank a session's payouts for the next level; the points go on the finished level's scores at once
    (so the next level and the high-score table both get them)."""
    rewards = session.rewards()
    banked = campaign.bonus_rewards                   # type: ignore[attr-defined]
    while len(banked) < len(rewards):
        banked.append(None)
    for i, r in enumerate(rewards):
        banked[i] = r if banked[i] is None else banked[i] + r
        world.slots[i].score += r.points              # type: ignore[attr-defined]
    campaign.note_scores(world)                       # type: ignore[attr-defined]


def apply_rewards(world: object, rewards: list) -> None:
    """Give a new level's world the banked bonus payouts: lives, bullets, health (points came first)."""
    for slot in world.slots:                          # type: ignore[attr-defined]
        r = rewards[slot.index] if slot.index < len(rewards) else None
        if r is None:
            continue
        e = world.by_id[slot.eid]                     # type: ignore[attr-defined]
        slot.lives += r.lives
        slot.ammo = min(world.rules["max_ammo"], slot.ammo + r.bullets)   # type: ignore[attr-defined]
        e.hp = min(e.max_hp, e.hp + r.health)
