"""Character stats, pickups, difficulty and level rules from ``assets/data/*.json``, validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from game.paths import assets_dir
from game.sim.moves import DataError, load_moveset, read_json

ENEMY_KINDS = ("thug", "bather", "gangster", "nurse", "hitman", "viktor",
               "cleanhead", "brute", "thrower", "gunman", "heavy", "ambush_leader", "bodyguard",
               "cleanhead_boss")
PLAYER_CHARS = ("danko", "ridzik")
PICKUP_KINDS = ("health", "ammo", "points", "key", "bonus")


@dataclass(frozen=True, slots=True)
class EnemyMove:
    """How an enemy uses one of its moves: how often and from which distance (px)."""

    name: str
    weight: int
    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class EnemyStats:
    """One enemy kind's numbers (speeds in 1/256 px per tick)."""

    kind: str
    hp: int
    walk: int
    depth: int
    score: int
    block_pct: int
    retreat_hp_pct: int
    keep_distance: int
    moves: tuple[EnemyMove, ...]
    boss: bool = False
    heavy: bool = False
    pattern: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlayerStats:
    """A player character's numbers."""

    hp: int
    walk: int
    depth: int
    jump: int
    run: int


@dataclass(frozen=True, slots=True)
class Difficulty:
    """Scales applied to enemies for one difficulty."""

    enemy_damage_pct: int
    enemy_hp_pct: int
    aggression_pct: int
    tokens: int
    lives: int


def _path(name: str) -> str:
    return str(assets_dir() / "data" / name)


def _load(name: str) -> dict[str, Any]:
    raw = read_json(assets_dir() / "data" / name)
    if not isinstance(raw, dict):
        raise DataError(f"{_path(name)}: expected a JSON object")
    return raw


def _int(raw: dict[str, Any], key: str, where: str, lo: int = 0) -> int:
    v = raw.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < lo:
        raise DataError(f"{where}: '{key}' must be a whole number >= {lo}, got {v!r}")
    return v


@cache
def enemy_stats() -> dict[str, EnemyStats]:
    """Every enemy kind, checked against its move file."""
    raw = _load("enemies.json")
    out: dict[str, EnemyStats] = {}
    for kind in ENEMY_KINDS:
        where = f"{_path('enemies.json')}: enemy '{kind}'"
        e = raw.get(kind)
        if not isinstance(e, dict):
            raise DataError(f"{where}: missing")
        moveset = load_moveset(kind)
        moves = []
        if not isinstance(e.get("moves"), dict) or not e["moves"]:
            raise DataError(f"{where}: 'moves' must name at least one move")
        for name, m in e["moves"].items():
            if name not in moveset.moves:
                raise DataError(f"{where}: move '{name}' is not in {kind}.json")
            rng = m.get("range") if isinstance(m, dict) else None
            if not isinstance(rng, list) or len(rng) != 2 or not rng[0] <= rng[1]:
                raise DataError(f"{where}: move '{name}': 'range' must be [min, max] px")
            moves.append(EnemyMove(name, _int(m, "weight", f"{where}: move '{name}'", 1), rng[0], rng[1]))
        pattern = tuple(e.get("pattern", ()))
        for name in pattern:
            if name not in e["moves"]:
                raise DataError(f"{where}: pattern names unknown move '{name}'")
        out[kind] = EnemyStats(
            kind=kind, hp=_int(e, "hp", where, 1), walk=_int(e, "walk", where, 1),
            depth=_int(e, "depth", where, 1),
            score=_int(e, "score", where), block_pct=_int(e, "block_pct", where),
            retreat_hp_pct=_int(e, "retreat_hp_pct", where), keep_distance=_int(e, "keep_distance", where),
            moves=tuple(moves), boss=bool(e.get("boss", False)), heavy=bool(e.get("heavy", False)),
            pattern=pattern)
    return out


@cache
def player_stats() -> dict[str, PlayerStats]:
    """Danko's and Ridzik's numbers."""
    raw = _load("players.json")
    out = {}
    for char in PLAYER_CHARS:
        where = f"{_path('players.json')}: player '{char}'"
        p = raw.get(char)
        if not isinstance(p, dict):
            raise DataError(f"{where}: missing")
        out[char] = PlayerStats(*(_int(p, k, where, 1) for k in ("hp", "walk", "depth", "jump", "run")))
        load_moveset(char)
    return out


@cache
def pickup_table() -> dict[str, tuple[int, int]]:
    """Pickup kind -> (amount, score)."""
    raw = _load("pickups.json")
    out = {}
    for kind in PICKUP_KINDS:
        where = f"{_path('pickups.json')}: pickup '{kind}'"
        p = raw.get(kind)
        if not isinstance(p, dict):
            raise DataError(f"{where}: missing")
        out[kind] = (_int(p, "amount", where), _int(p, "score", where))
    return out


@cache
def difficulty_table() -> dict[str, Difficulty]:
    """easy, normal, hard."""
    raw = _load("difficulty.json")
    out = {}
    for name in ("easy", "normal", "hard"):
        where = f"{_path('difficulty.json')}: difficulty '{name}'"
        d = raw.get(name)
        if not isinstance(d, dict):
            raise DataError(f"{where}: missing")
        out[name] = Difficulty(*(_int(d, k, where, 1) for k in
                                 ("enemy_damage_pct", "enemy_hp_pct", "aggression_pct", "tokens", "lives")))
    return out


@cache
def rules() -> dict[str, Any]:
    """Level-wide rules: starting ammo per level, ammo cap, extra life score, combo windows."""
    raw = _load("rules.json")
    where = _path("rules.json")
    for key in ("max_ammo", "extra_life_every", "combo_window", "combo_score_window", "double_tap_ticks",
                "player_lie_ticks", "enemy_lie_ticks", "player_getup_ticks", "enemy_getup_ticks",
                "throw_land_hitstop"):
        _int(raw, key, where, 1)
    for key in ("player_getup_blink", "enemy_getup_blink", "grace_ticks", "respawn_invuln"):
        _int(raw, key, where, 0)
    if raw["enemy_getup_blink"] > 10:
        raise DataError(f"{where}: 'enemy_getup_blink' must be 0-10 ticks (enemies get up fighting)")
    sa = raw.get("start_ammo")
    if (not isinstance(sa, dict) or "default" not in sa
            or not all(isinstance(v, int) and v >= 0 for v in sa.values())):
        raise DataError(f"{where}: 'start_ammo' must map level names (and 'default') to whole numbers")
    return raw


def start_ammo(level_name: str, properties: dict[str, Any]) -> int:
    """Bullets a player starts a level with: the map's ``start_ammo`` (-1 = unset), else rules.json."""
    own = properties.get("start_ammo", -1)
    if isinstance(own, int) and not isinstance(own, bool) and own >= 0:
        return own
    table = rules()["start_ammo"]
    return int(table.get(level_name, table["default"]))


def validate_all() -> None:
    """Load every data file once so a broken one fails early with its own message."""
    enemy_stats()
    player_stats()
    pickup_table()
    difficulty_table()
    rules()
