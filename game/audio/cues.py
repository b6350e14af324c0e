"""Which sound each simulation event makes: a table of one-line rules, the most specific match wins.

Pygame-free. A :class:`Rule` names an event kind and a preset (or a music track, or a reason for
silence) and may narrow itself by what happened: ``move`` (the move that hit, blocked or swung:
``kick``, ``headbutt``, ``bullet``...), ``tag`` (the event's tag: the character hit or heard, a pickup
kind, who fired), ``by`` (the attacker's character) and ``strength``. Characters in an outfit match
their own character's rules (``danko_bath`` is Danko, see :data:`CHARACTER_OF`).

Adding a new event kind is one line in :data:`RULES` (e.g. ``Rule("dodge", "whiff")``); a test fails
for any kind in :data:`game.sim.events.EVENT_KINDS` without a rule, and for any preset in
``assets/sfx/presets.json`` that no rule, menu or ambience can play.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import events as ev
from game.sim.moves import MOVE_FILE_ALIAS


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of the cue table: when ``kind`` happens (narrowed by the other fields), play ``sfx``
    (or switch the music to ``music``; ``silent`` says why an event makes no sound)."""

    kind: str
    sfx: str | None = None
    move: str = ""         # event.move must equal this ("" = any)
    tag: str = ""          # event.tag (or the character it is an outfit of) must equal this
    by: str = ""           # the attacker's character must equal this
    strength: int = 0      # event.strength must equal this (0 = any)
    music: str | None = None
    silent: str = ""

    def specificity(self) -> int:
        """Rank among matching rules: a move outranks a tag, a tag the attacker, that the strength."""
        return 8 * bool(self.move) + 4 * bool(self.tag) + 2 * bool(self.by) + bool(self.strength)


# An outfit or variant speaks and fights with its character's sounds.
CHARACTER_OF: dict[str, str] = dict(MOVE_FILE_ALIAS)

HEROES = ("danko", "ridzik")

RULES: tuple[Rule, ...] = (
    # Hits: by the move that landed, then by who was hit or who hit, then by strength.
    Rule(ev.HIT, "punch_light"),
    Rule(ev.HIT, "punch_light", strength=1),
    Rule(ev.HIT, "punch_heavy", strength=2),
    Rule(ev.HIT, "punch_heavy", strength=3),
    Rule(ev.HIT, "kick", move="kick"),
    Rule(ev.HIT, "kick", move="jump_kick"),
    Rule(ev.HIT, "headbutt", move="headbutt"),
    Rule(ev.HIT, "bullet_hit", move="bullet"),
    Rule(ev.HIT, "slash", move="knife"),
    Rule(ev.HIT, "slash", move="stab"),
    Rule(ev.HIT, "punch_heavy", move="charge"),   # the bather's charge: a body blow
    Rule(ev.HIT, "punch_heavy", move="throw"),    # a thrown body lands on someone
    Rule(ev.HIT, "punch_heavy", by="viktor"),     # every blow of the boss lands heavy
    Rule(ev.HIT, "slap_wet", tag="bather", strength=1),      # a jab on wet skin in the baths
    Rule(ev.HIT, "slap_wet", tag="danko_bath", strength=1),  # ... and on Danko in his towel
    Rule(ev.BLOCK, "block"),
    Rule(ev.BLOCK, "ricochet", move="bullet"),    # a bullet stopped by a guard whines off it
    # Swings: the swoosh leads the impact (the bus delays a same-tick impact behind it).
    Rule(ev.WHIFF, "whiff"),
    Rule(ev.WHIFF, "swing_heavy", strength=3),
    Rule(ev.WHIFF, "swing_heavy", move="kick"),
    Rule(ev.WHIFF, "swing_heavy", move="jump_kick"),
    Rule(ev.WHIFF, "swing_heavy", move="charge"),
    Rule(ev.WHIFF, "swing_heavy", by="viktor"),
    Rule(ev.KNOCKDOWN, "body_fall"),
    Rule(ev.GETUP, "getup"),
    Rule(ev.GRAB, "grab"),
    Rule(ev.THROW, "throw"),
    Rule(ev.SHOT, "pistol"),
    Rule(ev.SHOT, "sleeve_gun", tag="viktor"),
    Rule(ev.SHOT, "sleeve_gun", tag="sleeve_gun"),
    Rule(ev.DRY_FIRE, "dry_fire"),
    Rule(ev.RICOCHET, "ricochet"),
    Rule(ev.DEATH, "death"),
    # Voices: by who was hurt (outfits use their character's voice).
    Rule(ev.HURT, "hurt_thug"),
    Rule(ev.HURT, "hurt_danko", tag="danko"),
    Rule(ev.HURT, "hurt_ridzik", tag="ridzik"),
    Rule(ev.HURT, "hurt_viktor", tag="viktor"),
    # Movement
    Rule(ev.JUMP, "jump"),
    Rule(ev.LAND, "land"),
    Rule(ev.STEP, "step"),
    # Items and scoring
    Rule(ev.PICKUP, "pickup_points"),
    *(Rule(ev.PICKUP, "pickup_health", tag=t) for t in ("food", "health", "medkit", "meat")),
    *(Rule(ev.PICKUP, "pickup_ammo", tag=t) for t in ("ammo", "clip")),
    Rule(ev.PICKUP, "extra_life", tag="life"),
    Rule(ev.EXTRA_LIFE, "extra_life"),
    Rule(ev.SCORE, silent="points come with a hit or pickup that already makes its own sound"),
    # Flow (fanfares: the bus never starts two in the same tick)
    Rule(ev.WAVE_START, "wave_start"),
    Rule(ev.WAVE_CLEAR, "wave_clear"),
    Rule(ev.GO, "go"),
    Rule(ev.LEVEL_CLEAR, music="clear"),
    Rule(ev.LIFE_LOST, "life_lost"),
    Rule(ev.GAME_OVER, music="gameover"),
    Rule(ev.TIMEOUT, "timeout"),
    Rule(ev.PLAYER_JOIN, "player_join"),
    # Fight feel (issue 10): existing presets until these get sounds of their own.
    Rule(ev.COMBO, silent="the combo counter rides on hits that already make their own sound"),
    Rule(ev.DODGE, "whiff"),
    Rule(ev.DESPERATION, "punch_heavy"),
    Rule(ev.RUN, silent="footsteps already sound while running"),
    # Campaign rules (issue 11): existing presets until these get sounds of their own.
    Rule(ev.BOSS_PHASE, "wave_start"),
    Rule(ev.BOSS_TELEGRAPH, "grab"),
    Rule(ev.BOSS_FLEE, "go"),
    Rule(ev.BREAK, "body_fall"),
    Rule(ev.ROLL, "throw"),
    Rule(ev.WEAPON_PICK, "pickup_ammo"),
    Rule(ev.WEAPON_SWING, "punch_heavy"),
    Rule(ev.WEAPON_THROW, "whiff"),
    Rule(ev.HAZARD_FALL, "body_fall"),
    Rule(ev.DOOR_OPEN, "wave_start"),
    # A level's exit scene (game/sim/outro.py); its bus also sounds ENGINE and HORN (tag viktor_bus)
    Rule(ev.OUTRO_START, silent="the scene's own sounds follow: the door, the bus's engine"),
    Rule(ev.DOOR_OPEN, "locker_open", tag="outro"),   # the door Viktor comes out of: a door, no fanfare
    Rule(ev.OUTRO_KEY, "pickup_ammo"),               # a click of metal: he has the key
    Rule(ev.OUTRO_BUS, "engine_high"),               # the engine roars as the bus pulls away
    Rule(ev.OUTRO_END, silent="level_clear follows in the same step, with its music"),
)


@dataclass(frozen=True, slots=True)
class Ambience:
    """A level's background sound: ``sfx`` every ``every`` (min, max) seconds, panned anywhere."""

    sfx: str
    every: tuple[float, float]


# Scenery sounds, keyed by the level's music track (the same key the stage uses for its weather).
AMBIENCE: dict[str, tuple[Ambience, ...]] = {
    "bathhouse": (Ambience("steam_hiss", (3.0, 7.0)),),                 # the steam vents of the baths
    # the bus chase: the engine drones with the bus's speed (chase_cues.engine_drone); traffic honks
    "chase": (Ambience("car_horn", (5.0, 12.0)),),
}

# Effects the menus play by name (game/scenes); a test checks each is still called there.
MENU = ("menu_move", "menu_select", "menu_back")

# Presets kept although no shipped level can reach them yet, each with the reason.
RESERVED: dict[str, str] = {}


def character(name: str) -> str:
    """The character whose sounds ``name`` uses (an outfit maps to its wearer)."""
    return CHARACTER_OF.get(name, name)


def _chase_rules() -> tuple[Rule, ...]:
    """The bus chase's own small map (game/audio/chase_cues.py) as lines of this table."""
    from game.audio.chase_cues import CHASE_CUES

    out: list[Rule] = []
    for kind, spec in CHASE_CUES.items():
        out.append(Rule(kind, spec.get("sfx"), silent="" if spec.get("sfx") else spec.get("silent", "")))
        out += [Rule(kind, preset, tag=tag) for tag, preset in spec.get("by_tag", {}).items()]
        out += [Rule(kind, preset, strength=st) for st, preset in spec.get("by_strength", {}).items()]
    return tuple(out)


RULES = RULES + _chase_rules()


def _by_kind() -> dict[str, list[Rule]]:
    table: dict[str, list[Rule]] = {}
    for rule in RULES:
        table.setdefault(rule.kind, []).append(rule)
    for rules in table.values():
        rules.sort(key=lambda r: -r.specificity())  # stable: equal specificity keeps table order
    return table


_TABLE = _by_kind()

# The old name of the table (kind -> its rules), for code that asks which kinds have a cue.
CUES: dict[str, list[Rule]] = _TABLE


def rule_for(event: ev.Event, by: str = "") -> Rule | None:
    """The rule an event follows (``by`` = the attacker's character, if known), or None."""
    tag, attacker = character(event.tag), character(by)
    for rule in _TABLE.get(event.kind, ()):
        if rule.move and rule.move != event.move:
            continue
        if rule.tag and rule.tag not in (event.tag, tag):
            continue
        if rule.by and rule.by != attacker:
            continue
        if rule.strength and rule.strength != event.strength:
            continue
        return rule
    return None


def sfx_for(event: ev.Event, by: str = "") -> str | None:
    """The effect preset an event plays, or None (silent, or music-only)."""
    rule = rule_for(event, by)
    return rule.sfx if rule else None


def music_for(event: ev.Event) -> str | None:
    """The music track an event switches to, or None."""
    rule = rule_for(event)
    return rule.music if rule else None


def ambience_for(music: str) -> tuple[Ambience, ...]:
    """The scenery sounds of a level with this music track."""
    return AMBIENCE.get(music, ())


def referenced_presets() -> set[str]:
    """Every preset a rule, a menu or an ambience can play (for the tests and the exporter)."""
    names = {r.sfx for r in RULES if r.sfx}
    names.update(MENU)
    for amb in AMBIENCE.values():
        names.update(a.sfx for a in amb)
    return names


# Effects only the bus chase or the bonus games can play: left out of the start-up render and made
# in the background when their level or game is coming (Mixer.prepare_effects), so start-up renders
# only what every level can need. The music track that brings a group with it (its level's track).
GROUP_OF_MUSIC: dict[str, str] = {"chase": "chase"}
# Chase event kinds that other levels send too (falling hazards warn in Moscow as well; the station's
# exit scene runs Viktor's bus with its engine and horn).
SHARED_CHASE_KINDS = frozenset({ev.HAZARD_WARN, ev.ENGINE, ev.HORN})


def deferred_presets() -> dict[str, tuple[str, ...]]:
    """Group ("chase", "bonus") -> the presets only it can play (none that a level's rules, a menu or
    another level's scenery can play), in name order."""
    from game.audio.bonus_cues import referenced_presets as bonus_presets
    from game.audio.chase_cues import CHASE_CUES
    from game.audio.chase_cues import referenced_presets as chase_presets

    shared = CHASE_CUES.keys() - SHARED_CHASE_KINDS
    core = {r.sfx for r in RULES if r.sfx and r.kind not in shared} | set(MENU)
    for track, amb in AMBIENCE.items():
        if track not in GROUP_OF_MUSIC:
            core.update(a.sfx for a in amb)
    chase = chase_presets() | {a.sfx for a in AMBIENCE.get("chase", ())}
    return {"chase": tuple(sorted(chase - core)), "bonus": tuple(sorted(bonus_presets() - core))}


def later_presets() -> tuple[str, ...]:
    """What start-up leaves unrendered: :data:`RESERVED` and every deferred group."""
    names = set(RESERVED)
    for group in deferred_presets().values():
        names.update(group)
    return tuple(sorted(names))
