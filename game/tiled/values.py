"""Every level value's range and every name a level refers to (music track, map format version).

The schema (``redheat.tiled-project``) gives each property its type; this module says which values of
that type make sense to the game, so ``check`` reports ``start_ammo -5`` or a ``music`` naming no
track instead of the game quietly doing something odd with it. The next level's name is checked with
the other layout rules (``rules.py``).
"""

from __future__ import annotations

import re
from typing import Any

from game.paths import assets_dir
from game.sim.level import LevelDesc
from game.tiled.problems import Report
from game.tiled.tmxfile import RawMap

MAX_TIME_LIMIT = 60 * 60          # seconds: an hour
MAX_SCROLL_SPEED = 600            # px per second of a chase's forced scroll (about two screens)
MAX_ENEMY_HP = 9_999
MAX_PICKUP_AMOUNT = 100_000       # points pickups give the most (1000 by default)
MAX_WAVE = 999
MAP_FORMAT_MAJOR = 1              # TMX format versions 1.x (every Tiled since 1.0)
_COLOUR = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def music_tracks() -> list[str]:
    """Names of the tracks a level's ``music`` may name (``assets/music/NAME.mid``)."""
    return sorted(p.stem for p in (assets_dir() / "music").glob("*.mid"))


def check(level: LevelDesc, raw: RawMap, report: Report) -> None:
    """Report every value out of range and every name that refers to nothing; never raises."""
    _map(level, raw, report)
    for layer in raw.layers:
        if not 0.0 <= layer.opacity <= 1.0:
            report.error(f"opacity {layer.opacity:g} must be 0-1", layer=layer.name)
    for obj in raw.objects:
        where: dict[str, Any] = {"obj": (obj.id, obj.cls, obj.name)}
        if obj.cls == "Enemy":
            hp = _int(obj.props.get("hp"))
            if hp is not None and hp == 0:
                report.error("hp 0 written out: remove the property for the kind's own hp, or give 1-"
                             f"{MAX_ENEMY_HP}", **where)
            elif hp is not None and hp > MAX_ENEMY_HP:
                report.error(f"hp {hp} is more than {MAX_ENEMY_HP}", **where)
            wave = _int(obj.props.get("wave"))
            if wave is not None and wave > MAX_WAVE:
                report.error(f"wave {wave} is more than {MAX_WAVE}", **where)
        elif obj.cls == "Pickup":
            amount = _int(obj.props.get("amount"))
            if amount is not None and amount > MAX_PICKUP_AMOUNT:
                report.error(f"amount {amount} is more than {MAX_PICKUP_AMOUNT}", **where)
        elif obj.cls == "Wave":
            number = _int(obj.props.get("number"))
            if number is not None and number > MAX_WAVE:
                report.error(f"Wave number {number} is more than {MAX_WAVE}", **where)


def _map(level: LevelDesc, raw: RawMap, report: Report) -> None:
    version = str(getattr(raw.tiled_map, "version", "") or "") if raw.tiled_map is not None else ""
    if version:
        major = version.split(".")[0]
        if not major.isdigit() or int(major) != MAP_FORMAT_MAJOR:
            report.error(f"map format version '{version}' is not one this game reads "
                         f"({MAP_FORMAT_MAJOR}.x, as Tiled 1.0 and later write)")
    if raw.background and not _COLOUR.fullmatch(raw.background):
        report.error(f"backgroundcolor '{raw.background}' is not a colour (#rrggbb or #aarrggbb)")
    if not 0 <= level.time_limit <= MAX_TIME_LIMIT:
        report.error(f"time_limit {level.time_limit} must be 0 (none) to {MAX_TIME_LIMIT} seconds")
    ammo = _as_int(level.properties.get("start_ammo", -1))
    if ammo is not None and ammo != -1:
        from game.sim.stats import rules

        most = int(rules()["max_ammo"])
        if not 0 <= ammo <= most:
            report.error(f"start_ammo {ammo} must be 0-{most} (the most a player can carry), "
                         "or -1 for the game's default")
    speed = _as_int(level.properties.get("scroll_speed", 0))
    if speed is not None and not 0 <= speed <= MAX_SCROLL_SPEED:
        report.error(f"scroll_speed {speed} must be 0-{MAX_SCROLL_SPEED}")
    if level.music:
        tracks = music_tracks()
        if level.music not in tracks:
            report.error(f"music '{level.music}' names no track (tracks: {', '.join(tracks) or 'none'})")


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return None


def _int(prop: Any) -> int | None:
    """A written property's whole-number value (None when absent or not a number: the schema says so)."""
    if prop is None:
        return None
    return _as_int(prop.value)
