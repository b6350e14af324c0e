"""Player settings: window, volumes, difficulty and per-player bindings, kept in ``settings.json``."""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game.sim.actions import ACTION_NAMES
from game.store.files import JsonStore, user_data_dir

SETTINGS_VERSION = 1
DIFFICULTIES = ("easy", "normal", "hard")

#: Keyboard defaults (pygame key names). In a one-player game both sets drive player 1,
#: so arrows or WASD, Z/J, X/K, C/L, V/I all work.
DEFAULT_KEYS: tuple[dict[str, list[str]], dict[str, list[str]]] = (
    {"left": ["left"], "right": ["right"], "up": ["up"], "down": ["down"], "punch": ["z"],
     "kick": ["x"], "jump": ["c"], "special": ["v"], "start": ["return"]},
    {"left": ["a"], "right": ["d"], "up": ["w"], "down": ["s"], "punch": ["j"],
     "kick": ["k"], "jump": ["l"], "special": ["i"], "start": ["right shift"]},
)
#: Game-controller defaults (SDL GameController button names; the left stick also moves).
DEFAULT_PAD: dict[str, list[str]] = {
    "left": ["dpleft"], "right": ["dpright"], "up": ["dpup"], "down": ["dpdown"],
    "punch": ["x"], "kick": ["y"], "jump": ["a"], "special": ["b"], "start": ["start"],
}


def default_bindings(player: int) -> dict[str, dict[str, list[str]]]:
    """A fresh copy of player ``player``'s (0 or 1) default keys and pad buttons."""
    return {"keys": copy.deepcopy(DEFAULT_KEYS[player]), "pad": copy.deepcopy(DEFAULT_PAD)}


@dataclass(slots=True)
class Settings:
    """Everything the player can change in Options."""

    version: int = SETTINGS_VERSION
    scale: int = 0                 # 0 = largest integer scale that fits the desktop
    fullscreen: bool = False
    music_volume: float = 0.7
    sfx_volume: float = 0.8
    difficulty: str = "normal"
    bindings: list[dict[str, dict[str, list[str]]]] = field(
        default_factory=lambda: [default_bindings(0), default_bindings(1)])

    def to_json(self) -> str:
        """The file form."""
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def _parse_bindings(raw: Any) -> list[dict[str, dict[str, list[str]]]]:
    result = [default_bindings(0), default_bindings(1)]
    if raw is None:
        return result
    if not isinstance(raw, list):
        raise TypeError("bindings must be a list")
    for player, pdata in enumerate(raw[:2]):
        if not isinstance(pdata, dict):
            raise TypeError("bindings entry must be an object")
        for device in ("keys", "pad"):
            dev = pdata.get(device)
            if dev is None:
                continue
            if not isinstance(dev, dict):
                raise TypeError(f"bindings.{device} must be an object")
            for action, names in dev.items():
                if action not in ACTION_NAMES:
                    continue  # unknown keys are ignored
                if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                    raise TypeError(f"binding for {action} must be a list of names")
                result[player][device][action] = list(names)
    return result


def parse_settings(data: dict[str, Any]) -> Settings:
    """Build Settings from a decoded file, ignoring unknown keys and rejecting wrong types."""
    s = Settings()
    if "scale" in data:
        scale = data["scale"]
        if not isinstance(scale, int) or isinstance(scale, bool) or not 0 <= scale <= 12:
            raise TypeError("scale must be an integer 0-12")
        s.scale = data["scale"]
    if "fullscreen" in data:
        if not isinstance(data["fullscreen"], bool):
            raise TypeError("fullscreen must be true or false")
        s.fullscreen = data["fullscreen"]
    for key in ("music_volume", "sfx_volume"):
        if key in data:
            v = data[key]
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
                raise TypeError(f"{key} must be a number 0-1")
            setattr(s, key, float(v))
    if "difficulty" in data:
        if data["difficulty"] not in DIFFICULTIES:
            raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        s.difficulty = data["difficulty"]
    s.bindings = _parse_bindings(data.get("bindings"))
    return s


class SettingsStore(JsonStore[Settings]):
    """Loads and saves ``settings.json`` in the user data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__((folder or user_data_dir()) / "settings.json", "settings", SETTINGS_VERSION,
                         parse_settings, Settings)

    def save(self, settings: Settings) -> None:
        """Write atomically; never overwrites a newer version's file."""
        self.write(settings.to_json())
