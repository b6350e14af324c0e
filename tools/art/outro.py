"""The levels' exit scenes' art (game/sim/outro.py): Viktor's bus at fighter scale, seen from the side.

Writes ``assets/ui/outro/``: ``bus.png`` (door shut), ``bus_open.png`` (front door folded open), the
turning wheel ``wheel_<frame>.png`` and ``outro.json`` (the picture's size, ground anchor, wheel hubs and
the middle of its front door, which ``game/sim/outro.py`` stops beside: a test keeps the two in step).
The bus is the chase's own painter (``tools/art/chase.py``) at the length of the chase's wreck, so the bus
Viktor drives off in is the one that meets the train.
"""

from __future__ import annotations

import json
from pathlib import Path

from .chase import WHEEL_FRAMES, bus, wheel
from .png import write_png

LENGTH = 220          # px: as long as the chase's wreck (fighter scale)


def door_middle(length: int = LENGTH) -> int:
    """The x of the middle of the front door in the bus picture (the same sums as ``chase.bus``)."""
    k = length / 112.0
    x1 = length + 1
    front_w = x1 - round(14 * k)
    door_x = front_w - round(13 * k)
    return door_x + round(11 * k) // 2


def all_images() -> tuple[dict[str, object], dict]:
    """Every outro picture by name, and the bus's record."""
    shut, info = bus("viktor", 0, False, length=LENGTH)
    open_, _ = bus("viktor", 0, True, length=LENGTH)
    r = info["wheels"][0][2]
    images: dict[str, object] = {"bus": shut, "bus_open": open_}
    for f in range(WHEEL_FRAMES):
        images[f"wheel_{f}"] = wheel(r, f)
    h, w = shut.px.shape[:2]
    meta = {**info, "w": w, "h": h, "door_x": door_middle(), "wheel_frames": WHEEL_FRAMES}
    return images, meta


def build_outro(out: Path, moves_dir: Path) -> list[Path]:
    """Write the outro pictures and outro.json."""
    d = out / "ui" / "outro"
    images, meta = all_images()
    files = []
    for name, canvas in images.items():
        path = d / f"{name}.png"
        write_png(path, canvas.px)   # type: ignore[attr-defined]
        files.append(path)
    path = d / "outro.json"
    path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    files.append(path)
    return files
