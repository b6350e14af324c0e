"""Plain events the simulation emits each step; presentation turns them into pictures and sound.

The simulation never calls sound or drawing code. It appends :class:`Event` records to
``World.events`` during a step; the game (or a test) reads them after the step.
Every kind the simulation can emit is listed in :data:`EVENT_KINDS` so that
presentation code can prove it handles all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Combat
HIT = "hit"                # value = damage, strength = 1 light .. 3 heavy, x/y/z = spark position
BLOCK = "block"            # a hit stopped by a block or duck
WHIFF = "whiff"            # an attack's first active frame (a swing)
KNOCKDOWN = "knockdown"    # target hits the floor
GETUP = "getup"
GRAB = "grab"
THROW = "throw"
SHOT = "shot"              # pistol/sleeve gun fired; tag = "player" or the enemy kind
DRY_FIRE = "dry_fire"      # special pressed with no ammo
RICOCHET = "ricochet"      # bullet hit a wall or the edge of the screen
DEATH = "death"            # a character's hp reached zero
HURT = "hurt"              # voice: a character took damage (tag = character kind)
# Movement
JUMP = "jump"
LAND = "land"
STEP = "step"              # footstep
# Items and scoring
PICKUP = "pickup"          # tag = pickup kind, value = amount
EXTRA_LIFE = "extra_life"
SCORE = "score"            # value = points gained, for pop-ups
# Flow
WAVE_START = "wave_start"  # value = wave number
WAVE_CLEAR = "wave_clear"  # value = wave number
GO = "go"                  # the camera is free again: flash the GO arrow
LEVEL_CLEAR = "level_clear"
LIFE_LOST = "life_lost"
GAME_OVER = "game_over"
TIMEOUT = "timeout"
PLAYER_JOIN = "player_join"
# Fight feel
COMBO = "combo"            # a player's hit counted in their combo: value = hits so far (see world.combos)
DODGE = "dodge"            # a player rolls along the depth: value = +1 down / -1 up
DESPERATION = "desperation"  # a player's desperation special: value = hp it cost
RUN = "run"                # a player breaks into a run (double tap)
# Campaign rules (issue 11: game/sim/boss.py, props.py, weapons.py, hazards.py, doors.py)
BOSS_PHASE = "boss_phase"  # a boss entered a phase: value = phase number from 1, tag = kind
BOSS_TELEGRAPH = "boss_telegraph"  # a boss winds up a big move: value = wind-up ticks, tag = move
BOSS_FLEE = "boss_flee"    # a boss breaks off (value 0) / has left the level (value 1); tag = kind
BREAK = "break"            # a breakable was smashed: tag = its kind
ROLL = "roll"              # a rolling prop was hit and rolls: tag = its kind
WEAPON_PICK = "weapon_pick"  # someone picked up a weapon: tag = weapon kind
WEAPON_SWING = "weapon_swing"  # a hit landed with a weapon: tag = weapon kind, value = uses left
WEAPON_THROW = "weapon_throw"  # a weapon or bottle thrown: tag = kind
HAZARD_WARN = "hazard_warn"  # a falling hazard's shadow appears: tag = kind, value = ticks to the fall
HAZARD_FALL = "hazard_fall"  # it lands: tag = kind
DOOR_OPEN = "door_open"    # a door opens and lets its wave's enemies out: value = wave

EVENT_KINDS: tuple[str, ...] = (
    HIT, BLOCK, WHIFF, KNOCKDOWN, GETUP, GRAB, THROW, SHOT, DRY_FIRE, RICOCHET, DEATH, HURT,
    JUMP, LAND, STEP, PICKUP, EXTRA_LIFE, SCORE,
    WAVE_START, WAVE_CLEAR, GO, LEVEL_CLEAR, LIFE_LOST, GAME_OVER, TIMEOUT, PLAYER_JOIN,
    COMBO, DODGE, DESPERATION, RUN,
    BOSS_PHASE, BOSS_TELEGRAPH, BOSS_FLEE, BREAK, ROLL, WEAPON_PICK, WEAPON_SWING, WEAPON_THROW,
    HAZARD_WARN, HAZARD_FALL, DOOR_OPEN,
)


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened during one tick.

    Positions are whole pixels in level space (x along the street, y depth, z height).
    ``actor`` and ``target`` are entity ids (-1 when not applicable).
    """

    kind: str
    tick: int
    x: int = 0
    y: int = 0
    z: int = 0
    actor: int = -1
    target: int = -1
    value: int = 0
    strength: int = 0
    tag: str = ""
    move: str = ""         # HIT/BLOCK/WHIFF: the move that caused it ("kick", "headbutt", "bullet", "throw")


# The bus chase (game/sim/chase/): x/y in road px / map px, see game/sim/chase/state.py
RAM = "ram"                # a vehicle rams another: actor/target = vehicle ids, tag = the rammed kind
CRASH = "crash"            # a car runs into another or off the road; tag "train": the train hits Viktor's bus
HORN = "horn"              # tag = whose horn (player_bus) or "civilian" (a civilian hit honks)
TYRES = "tyres"            # tyre squeal: braking hard, a lane change, a gang car swerving (tag swerve)
ENGINE = "engine"          # the bus engine's intensity changed: value 0..100
TRAIN_HORN = "train_horn"  # the oncoming train
FALL = "fall"              # a fighter is thrown out of the bus's open door
PHASE = "phase"            # the chase entered a phase: tag = catch_up, boarders, ram, crash, wreck, done
# HAZARD_WARN (above) also warns of the chase's bridges, signs and the open door: tag = kind
SLEEVE_AIM = "sleeve_aim"  # Viktor raises his sleeve gun at the bus window

CHASE_EVENT_KINDS: tuple[str, ...] = (RAM, CRASH, HORN, TYRES, ENGINE, TRAIN_HORN, FALL, PHASE, HAZARD_WARN,
                                      SLEEVE_AIM)
EVENT_KINDS = EVENT_KINDS + tuple(k for k in CHASE_EVENT_KINDS if k not in EVENT_KINDS)


# A level's exit scene (game/sim/outro.py): Viktor escapes with the key, Viktor's bus departs
OUTRO_START = "outro_start"  # the scene begins: tag = the outro, x/y = where the key lies / the bus stops
OUTRO_KEY = "outro_key"      # Viktor snatches the locker key: x/y = where it lay
OUTRO_BUS = "outro_bus"      # Viktor's bus pulls away from the kerb: x/y = its door
OUTRO_END = "outro_end"      # the scene is over (value 1: a player skipped it); level_clear follows
# It also emits DOOR_OPEN (value 0), ENGINE (strength 1-3, tag viktor_bus) and HORN (tag viktor_bus).

OUTRO_EVENT_KINDS: tuple[str, ...] = (OUTRO_START, OUTRO_KEY, OUTRO_BUS, OUTRO_END)
EVENT_KINDS = EVENT_KINDS + OUTRO_EVENT_KINDS
