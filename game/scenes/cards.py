"""Cards between the fighting: Ridzik's story briefings, the level card, level clear and the ending."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.campaign import Campaign, go_to_title
from game.scenes.screen import CONFIRM_BITS, Screen
from game.ui.backdrop import Snow, moscow_night
from game.ui.hints import draw_hints
from game.ui.menu import BACK_BITS
from game.ui.story import StoryCard, level_key, places, portrait, story
from game.ui.text import DARK, DIM, GOLD, RED, WHITE, panel, shade, small, title, wrap

if TYPE_CHECKING:
    from game.app import App
    from game.sim.world import World

LEVEL_CARD_TICKS = 150      # 2.5 s, skippable
CLEAR_TICKS = 180           # 3 s of LEVEL CLEAR and the tally
REVEAL_PER_TICK = 2         # characters of story text shown per step (typewriter)


def briefing_then_level(app: App, campaign: Campaign, level: str) -> Screen:
    """The story card for ``level`` when there is one, else straight to its level card."""
    cards, _ = story()
    if level_key(level) in cards:
        return StoryCardScene(app, campaign, level)
    return LevelCardScene(app, campaign, level)


def level_music(level: str) -> str:
    """The ``music`` map property of a level file, read from its head alone (a full load takes tens
    of milliseconds; the level card does that); "" when there is none or the file cannot be read."""
    import xml.etree.ElementTree as ET

    from game.paths import resolve_level

    try:
        for _event, el in ET.iterparse(resolve_level(level), events=("end",)):
            if el.tag == "property" and el.get("name") == "music":
                return el.get("value") or (el.text or "")
            if el.tag == "properties":
                return ""  # the map's own properties come first; no music among them
    except (OSError, ET.ParseError):
        pass
    return ""


class CardScene(Screen):
    """A card of text with a portrait, revealed a few letters a step; punch/start goes on, Esc skips."""

    hints = (("punch", "NEXT"), ("kick", "SKIP"))

    def __init__(self, app: App, card: StoryCard) -> None:
        super().__init__(app)
        self.card = card
        self.text = "\n\n".join(card.lines)
        self.shown = 0
        self.snow = Snow(40, seed=3)

    @property
    def revealed(self) -> bool:
        """All the text is on screen."""
        return self.shown >= len(self.text)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Confirm finishes the typing, then continues; back skips the card."""
        self.snow.update()
        self.shown += REVEAL_PER_TICK
        if back or pressed & BACK_BITS:
            self.sfx("menu_back")
            self.done()
        elif pressed & CONFIRM_BITS:
            self.sfx("menu_select")
            if self.revealed:
                self.done()
            else:
                self.shown = len(self.text)

    def done(self) -> None:
        """What follows the card."""

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """Portrait on the left, heading and dialogue on the right, over the red night."""
        canvas.blit(moscow_night(), (0, 0))
        self.snow.draw(canvas)
        panel(canvas, pygame.Rect(8, 14, 304, 146))
        face = portrait(self.card.speaker)
        font = small()
        if face is not None:
            canvas.blit(face, (16, 26))
            font.draw(canvas, self.card.speaker.upper(), 16 + face.get_width() // 2, 30 + face.get_height(),
                      color=DIM, align="center")
        else:
            font.draw(canvas, self.card.speaker.upper(), 48, 60, color=DIM, align="center")
        font.draw(canvas, self.card.heading, 90, 22, color=GOLD)
        y = 38
        left = self.text[: self.shown]
        for line in wrap(font, left, 214):
            font.draw(canvas, line, 90, y, color=WHITE)
            y += font.line_height
        if self.revealed and self.ticks // 20 % 2 == 0:
            font.draw(canvas, "...", 300, 148, color=RED, align="right")
        self.draw_hints(canvas)


class StoryCardScene(CardScene):
    """Ridzik briefs Danko on the next objective, then the level card."""

    def __init__(self, app: App, campaign: Campaign, level: str) -> None:
        cards, _ = story()
        super().__init__(app, cards[level_key(level)])
        self.campaign = campaign
        self.level = level

    def enter(self) -> None:
        """Quiet title music under the briefing; the level's own track renders meanwhile."""
        super().enter()
        self.play_music("title")
        if self.app.audio is not None:
            music = level_music(self.level)
            if music:
                self.app.audio.prepare(music)

    def done(self) -> None:
        """On to the level card."""
        self.app.scenes.replace(LevelCardScene(self.app, self.campaign, self.level))


class LevelCardScene(Screen):
    """The level's title, place and year on black; loads the level and starts it."""

    hints = (("punch", "GO"),)
    redraw_every = 20     # a still card; only the prompt blinks, every 20 steps

    def __init__(self, app: App, campaign: Campaign, level: str) -> None:
        super().__init__(app)
        self.campaign = campaign
        self.level_name = level
        self.desc = None
        self.path = None
        self.error = ""
        from game.cli_levels import level_path, load_level
        from game.tiled import LevelError

        try:
            self.desc = load_level(level)
            self.path = level_path(level)
        except LevelError as e:
            self.error = (e.problems or [str(e)])[0]
            app.notify(f"cannot load level {level}: {self.error}")

    def enter(self) -> None:
        """Make the level's music ready while the card shows, so it starts with the level."""
        super().enter()
        if self.app.audio is not None and self.desc is not None and self.desc.music:
            self.app.audio.prepare(self.desc.music)

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Start after a moment, or at once on a press."""
        if self.desc is None:
            if self.ticks > 120 or pressed & CONFIRM_BITS or back:
                go_to_title(self.app)
            return
        if self.ticks >= LEVEL_CARD_TICKS or pressed & CONFIRM_BITS:
            self.start()

    def start(self) -> None:
        """Replace the card with the level."""
        from game.scenes.play import PlayScene
        from game.tiled import LevelError

        assert self.desc is not None
        try:
            scene = PlayScene(self.app, self.desc, self.path, campaign=self.campaign,
                              seed=self.campaign.seed, hot_reload=self.campaign.hot_reload)
        except LevelError as e:   # the rules' level loaded but its pictures did not (a damaged PNG)
            self.error = (e.problems or [str(e)])[0]
            self.desc = None
            self.app.notify(f"cannot load level {self.level_name}: {self.error}")
            return
        self.app.scenes.replace(scene)

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """A cinema card: title in big letters between red bars, the place below."""
        canvas.fill(DARK)
        pygame.draw.rect(canvas, RED, (0, 60, 320, 2))
        pygame.draw.rect(canvas, RED, (0, 124, 320, 2))
        font = small()
        if self.desc is None:
            font.draw(canvas, "THIS LEVEL CANNOT BE LOADED", 160, 80, color=RED, align="center")
            for i, line in enumerate(wrap(font, self.error, 300)[:3]):
                font.draw(canvas, line, 160, 94 + 10 * i, color=WHITE, align="center")
            return
        name = level_key(self.level_name)
        number = self.campaign.levels_done + 1
        font.draw(canvas, f"LEVEL {number}", 160, 46, color=DIM, align="center")
        head = title()
        text = self.desc.title.upper() or name.upper()
        if head.size(text)[0] > 300:
            font.draw(canvas, text, 160, 84, color=GOLD, align="center")
        else:
            head.draw(canvas, text, 160, 76, align="center")
        place = places().get(name, "")
        if place:
            font.draw(canvas, place, 160, 104, color=WHITE, align="center")
        if self.ticks // 20 % 2 == 0:
            draw_hints(canvas, self.app, self.hints)


class LevelClearScene(Screen):
    """LEVEL CLEAR and the scores over the frozen level, then the next briefing (or the ending)."""

    overlay = True
    hints = (("punch", "CONTINUE"),)
    redraw_every = 0      # still, but for the prompt that appears after half a second

    def __init__(self, app: App, campaign: Campaign, world: World) -> None:
        super().__init__(app)
        self.campaign = campaign
        self.world = world
        self.next_level = world.level.next

    def enter(self) -> None:
        """The fanfare."""
        super().enter()
        self.play_music("clear")

    def frame_key(self, covered: bool) -> object:
        """Drawn again when the prompt appears (and on input)."""
        return 0 if covered else self.ticks > 30

    def act(self, pressed: int, held: int, back: bool) -> None:
        """Go on after a while or on a press."""
        if self.ticks >= CLEAR_TICKS or (self.ticks > 30 and pressed & CONFIRM_BITS):
            self.go_on()

    def go_on(self) -> None:
        """The bonus games that follow this level (if any), then the next briefing or the ending."""
        from game.scenes.bonus import bonus_games_after

        if bonus_games_after(self.app, self.campaign, self.world, self.advance):
            return
        self.advance()

    def advance(self) -> None:
        """The next level's briefing, or the ending after the last level."""
        from game.scenes.campaign import level_exists

        self.campaign.levels_done += 1
        nxt = self.next_level
        if not nxt:
            from game.scenes.bonus import chain_next_level

            nxt = chain_next_level(self.world.level.name) or ""
        if nxt and level_exists(nxt):
            self.campaign.level_cleared(self.world, nxt)
            self.app.scenes.clear_to(briefing_then_level(self.app, self.campaign, nxt))
        else:
            if nxt:
                self.app.notify(f"next level {nxt!r} is not there yet; the story ends here for now")
            self.campaign.level_cleared(self.world, "")
            self.app.scenes.clear_to(EndingScene(self.app, self.campaign))

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """Over the frozen level: the banner and each player's score."""
        shade(canvas)
        title().draw(canvas, "LEVEL CLEAR", 160, 56, align="center")
        font = small()
        for slot in self.world.slots:
            y = 90 + 12 * slot.index
            font.draw(canvas, slot.name.upper(), 110, y, color=WHITE)
            font.draw(canvas, str(slot.score), 210, y, color=GOLD, align="right")
        if self.ticks > 30:
            self.draw_hints(canvas)


class EndingScene(CardScene):
    """After the last level: the airport and the watches; then the high-score table."""

    def __init__(self, app: App, campaign: Campaign) -> None:
        _, ending = story()
        super().__init__(app, ending or StoryCard("ridzik", "THE END", ("Nice work, Captain.",)))
        self.campaign = campaign

    def enter(self) -> None:
        """The victory music; the campaign counts as completed (the title's level select opens)."""
        super().enter()
        self.play_music("highscore")
        if not self.campaign.hot_reload:       # not a designer's --level run
            from game.store.progress import ProgressStore

            ProgressStore().mark_completed()

    def draw(self, canvas: pygame.Surface, alpha: float) -> None:
        """The airport and the watches changing hands, Ridzik's last words under it, then THE END."""
        from game.ui.airport import draw_ending

        draw_ending(canvas, self.ticks, *_ending_figures())
        panel(canvas, pygame.Rect(6, 134, 308, 44))
        font = small()
        lines = wrap(font, self.text[: self.shown], 296)
        y = 137
        for line in lines[-4:]:
            font.draw(canvas, line, 12, y, color=WHITE)
            y += font.line_height
        font.draw(canvas, self.card.heading, 160, 4, color=GOLD, align="center")
        if self.revealed:
            title().draw(canvas, "THE END", 160, 16, align="center")
        self.draw_hints(canvas)

    def done(self) -> None:
        """Scores to the table."""
        from game.scenes.highscores import after_game

        after_game(self.app, self.campaign)


_FIGURES: list = []


def _ending_figures() -> tuple[pygame.Surface | None, pygame.Surface | None]:
    """Danko (facing right) and Ridzik (facing left) standing, from their sprite sheets (loaded once)."""
    if not _FIGURES:
        from game.render.atlas import SheetError, load_sheet

        out = []
        for name, flipped in (("danko", False), ("ridzik", True)):
            try:
                out.append(load_sheet(name).frames("idle", flipped)[0][0])
            except (SheetError, KeyError):
                out.append(None)
        _FIGURES.extend(out)
    return _FIGURES[0], _FIGURES[1]
