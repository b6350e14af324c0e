"""Moves as data: frame timing, boxes and hit properties loaded from ``assets/data/moves/<char>.json``.

A move's frames are counted in ticks: ``startup`` (wind-up), ``active`` (the hitbox is out),
``recovery`` (cool-down). Boxes are ``[x0, x1, z0, z1]`` in whole pixels from the feet, x towards
the facing side and z up; they are stored here already converted to 1/256 px.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from game.paths import assets_dir
from game.sim.fixed import FP

Box = tuple[int, int, int, int]

#: Sheets that reuse another character's move file (Danko in the bathhouse is still Danko).
MOVE_FILE_ALIAS = {"danko_bath": "danko", "thug_woodleg": "thug"}

_INT_KEYS = ("startup", "active", "recovery", "damage", "hitstun", "hitstop", "knockback", "launch",
             "strength", "lane", "advance", "depth", "invuln", "hp_cost_pct")
_BOOL_KEYS = ("knockdown", "air", "grab")
_MOVE_KEYS = {*_INT_KEYS, *_BOOL_KEYS, "hitbox", "hitboxes", "hurtbox", "hurtboxes", "cancel", "projectile"}
_PHASES = ("startup", "active", "recovery")


class DataError(ValueError):
    """A data file is broken; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Projectile:
    """What a shooting move fires on its first active tick (speed in 1/256 px per tick)."""

    speed: int
    muzzle_x: int   # 1/256 px in front of the feet
    muzzle_z: int   # 1/256 px above the feet
    ttl: int
    sprite: str = ""  # a thrown object's sheet (``weapon_bottle``, ``thrown_snowball``); "" = a bullet


@dataclass(frozen=True, slots=True)
class Move:
    """One attack: frame data and what a hit does."""

    name: str
    startup: int
    active: int
    recovery: int
    damage: int = 0
    hitstun: int = 0
    hitstop: int = 0
    knockback: int = 0          # 1/256 px per tick given to the victim, away from the attacker
    launch: int = 0             # upward speed of a knockdown
    knockdown: bool = False
    strength: int = 1           # 1 light .. 3 heavy (sparks, sounds, shake)
    lane: int = 8 * FP          # depth half-width: hits connect only within this distance in y
    advance: int = 0            # forward speed while active (lunges, dashes; the wind-up stands still)
    air: bool = False           # a jump attack: only in the air, ends on landing
    grab: bool = False          # done while holding someone: hits the held victim directly
    hitboxes: tuple[Box, ...] = ()   # one per active tick, 1/256 px
    hurtbox: Box | None = None        # where the attacker can be hit for the whole move
    hurtboxes: tuple[Box, ...] = ()   # or one per tick of the move (overrides ``hurtbox``)
    cancel: tuple[str, ...] = ()
    projectile: Projectile | None = None
    depth: int = 0              # depth speed while winding up and active (a dodge along the floor's depth)
    invuln: int = 0             # the user cannot be hit for this many ticks from the move's start
    hp_cost_pct: int = 0        # a desperation move costs this share of max hp (never the last point)

    @property
    def total(self) -> int:
        """Length of the whole move in ticks."""
        return self.startup + self.active + self.recovery

    def hurtbox_at(self, t: int) -> Box | None:
        """The attacker's own hurtbox at tick ``t`` of the move (None: the character's usual one)."""
        if self.hurtboxes:
            return self.hurtboxes[min(max(t, 0), len(self.hurtboxes) - 1)]
        return self.hurtbox

    def phase(self, t: int) -> str:
        """``startup``, ``active`` or ``recovery`` at tick ``t`` of the move."""
        if t < self.startup:
            return "startup"
        if t < self.startup + self.active:
            return "active"
        return "recovery"


@dataclass(frozen=True, slots=True)
class MoveSet:
    """A character's hurtbox and moves."""

    char: str
    hurtbox: Box
    moves: dict[str, Move]


def _box(value: Any, where: str) -> Box:
    if (not isinstance(value, list) or len(value) != 4
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        raise DataError(f"{where}: a box must be a list of 4 whole numbers [x0, x1, z0, z1], got {value!r}")
    x0, x1, z0, z1 = value
    if x0 >= x1 or z0 >= z1:
        raise DataError(f"{where}: box {value!r} needs x0 < x1 and z0 < z1")
    return (x0 * FP, x1 * FP, z0 * FP, z1 * FP)


def _parse_move(name: str, raw: Any, where: str) -> Move:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: expected an object of move properties")
    unknown = sorted(k for k in raw if k not in _MOVE_KEYS and not k.startswith("_"))
    if unknown:
        valid = ", ".join(sorted(_MOVE_KEYS))
        raise DataError(f"{where}: unknown key(s) {', '.join(unknown)}; valid: {valid}")
    kw: dict[str, Any] = {}
    for key in ("startup", "active", "recovery"):
        if key not in raw:
            raise DataError(f"{where}: missing '{key}' (ticks)")
    for key in _INT_KEYS:
        if key in raw:
            v = raw[key]
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise DataError(f"{where}: '{key}' must be a whole number >= 0, got {v!r}")
            kw[key] = v * FP if key == "lane" else v
    if raw["active"] < 1:
        raise DataError(f"{where}: 'active' must be at least 1 tick")
    if not 1 <= kw.get("strength", 1) <= 3:
        raise DataError(f"{where}: 'strength' must be 1, 2 or 3")
    for key in _BOOL_KEYS:
        if key in raw:
            if not isinstance(raw[key], bool):
                raise DataError(f"{where}: '{key}' must be true or false, got {raw[key]!r}")
            kw[key] = raw[key]
    if "hitboxes" in raw:
        boxes = raw["hitboxes"]
        if not isinstance(boxes, list) or len(boxes) != raw["active"]:
            raise DataError(f"{where}: 'hitboxes' must list one box per active tick ({raw['active']})")
        kw["hitboxes"] = tuple(_box(b, f"{where} hitboxes[{i}]") for i, b in enumerate(boxes))
    elif "hitbox" in raw:
        kw["hitboxes"] = (_box(raw["hitbox"], f"{where} hitbox"),) * raw["active"]
    if "hurtbox" in raw:
        kw["hurtbox"] = _box(raw["hurtbox"], f"{where} hurtbox")
    if "hurtboxes" in raw:
        kw["hurtboxes"] = _per_tick_boxes(raw, f"{where} hurtboxes")
    if "cancel" in raw:
        c = raw["cancel"]
        if not isinstance(c, list) or not all(isinstance(n, str) for n in c):
            raise DataError(f"{where}: 'cancel' must be a list of move names")
        kw["cancel"] = tuple(c)
    if "projectile" in raw:
        p = raw["projectile"]
        if (not isinstance(p, dict) or not isinstance(p.get("speed"), int) or p["speed"] <= 0
                or not isinstance(p.get("muzzle"), list) or len(p["muzzle"]) != 2):
            raise DataError(f"{where}: 'projectile' needs 'speed' (> 0) and 'muzzle' [x, z]")
        sprite = p.get("sprite", "")
        if not isinstance(sprite, str):
            raise DataError(f"{where}: 'projectile' 'sprite' must be a sprite sheet name")
        kw["projectile"] = Projectile(p["speed"], int(p["muzzle"][0]) * FP, int(p["muzzle"][1]) * FP,
                                      int(p.get("ttl", 90)), sprite)
    if kw.get("hp_cost_pct", 0) > 50:
        raise DataError(f"{where}: 'hp_cost_pct' must be 0-50")
    if kw.get("invuln", 0) > raw["startup"] + raw["active"] + raw["recovery"]:
        raise DataError(f"{where}: 'invuln' must not outlast the move")
    if not kw.get("hitboxes") and not kw.get("grab") and "projectile" not in kw and not kw.get("depth"):
        raise DataError(f"{where}: an attack needs a 'hitbox', 'hitboxes', 'projectile', 'depth' (a dodge) "
                        "or \"grab\": true")
    return Move(name=name, **kw)


def _per_tick_boxes(raw: dict[str, Any], where: str) -> tuple[Box, ...]:
    """``hurtboxes``: a list with one box per tick of the move, or a box per phase
    (``{"startup": box, "active": box, "recovery": box}``), expanded to one per tick."""
    spec = raw["hurtboxes"]
    total = raw["startup"] + raw["active"] + raw["recovery"]
    if isinstance(spec, list):
        if len(spec) != total:
            raise DataError(f"{where}: must list one box per tick of the move ({total}), got {len(spec)}")
        return tuple(_box(b, f"{where}[{i}]") for i, b in enumerate(spec))
    if isinstance(spec, dict):
        unknown = sorted(k for k in spec if k not in _PHASES)
        missing = [k for k in _PHASES if k not in spec]
        if unknown or missing:
            raise DataError(f"{where}: give a box for each of startup, active, recovery"
                            + (f" (unknown: {', '.join(unknown)})" if unknown else ""))
        boxes: list[Box] = []
        for phase in _PHASES:
            boxes += [_box(spec[phase], f"{where}.{phase}")] * raw[phase]
        return tuple(boxes)
    raise DataError(f"{where}: expected a list of boxes (one per tick) or an object of boxes per phase")


def parse_moveset(char: str, raw: Any, path: str) -> MoveSet:
    """Validate a decoded move file; errors name ``path`` and the move."""
    if not isinstance(raw, dict) or not isinstance(raw.get("moves"), dict):
        raise DataError(f"{path}: expected an object with a 'moves' object")
    hurt = _box(raw.get("hurtbox"), f"{path}: 'hurtbox'")
    moves = {name: _parse_move(name, m, f"{path}: move '{name}'") for name, m in raw["moves"].items()}
    for m in moves.values():
        for target in m.cancel:
            if target not in moves:
                raise DataError(f"{path}: move '{m.name}': cancels into unknown move '{target}'")
    return MoveSet(char=char, hurtbox=hurt, moves=moves)


def move_file(char: str) -> Path:
    """The move file a sprite sheet name uses."""
    return assets_dir() / "data" / "moves" / f"{MOVE_FILE_ALIAS.get(char, char)}.json"


def read_json(path: Path) -> Any:
    """Decode a JSON data file, turning any problem into a one-line :class:`DataError`."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None


@cache
def load_moveset(char: str) -> MoveSet:
    """The validated moves of a character (cached)."""
    path = move_file(char)
    return parse_moveset(char, read_json(path), str(path))
