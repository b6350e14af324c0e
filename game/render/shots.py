"""F12 screenshots: the canvas scaled up by whole pixels, saved as a PNG where the player will find it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pygame

from game.store.files import user_data_dir, warn


def pictures_dir() -> Path | None:
    """The user's pictures folder if it exists (XDG ``PICTURES`` dir on Linux, ~/Pictures elsewhere)."""
    candidates: list[Path] = []
    if sys.platform.startswith("linux"):
        xdg = _xdg_pictures()
        if xdg is not None:
            candidates.append(xdg)
    candidates.append(Path.home() / "Pictures")
    for c in candidates:
        if c.is_dir():
            return c
    return None


def _xdg_pictures() -> Path | None:
    # user-dirs.dirs lines look like: XDG_PICTURES_DIR="$HOME/Pictures"
    env = os.environ.get("XDG_PICTURES_DIR")
    if env:
        return Path(env).expanduser()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "user-dirs.dirs"
    try:
        for line in config.read_text(encoding="utf-8").splitlines():
            if line.startswith("XDG_PICTURES_DIR="):
                value = line.split("=", 1)[1].strip().strip('"')
                return Path(value.replace("$HOME", str(Path.home())))
    except OSError:
        return None
    return None


def screenshot_folder() -> Path:
    """Where screenshots go: the pictures folder, else ``<user data>/screenshots``."""
    pics = pictures_dir()
    if pics is not None:
        return pics
    return user_data_dir() / "screenshots"


def free_name(folder: Path, stamp: str) -> Path:
    """``redheat-STAMP.png``, or ``redheat-STAMP-2.png`` ... when taken twice in one second."""
    path = folder / f"redheat-{stamp}.png"
    n = 2
    while path.exists():
        path = folder / f"redheat-{stamp}-{n}.png"
        n += 1
    return path


def save_screenshot(canvas: pygame.Surface, scale: int) -> Path | None:
    """Save ``canvas`` scaled by ``scale`` (nearest neighbour); the path, or None with a one-line warning."""
    scale = max(1, int(scale))
    try:
        folder = screenshot_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = free_name(folder, time.strftime("%Y%m%d-%H%M%S"))
        w, h = canvas.get_size()
        image = pygame.transform.scale(canvas, (w * scale, h * scale)) if scale > 1 else canvas.copy()
        # write beside the final name first so a failed save never leaves a half PNG behind
        tmp = path.with_name(f".{path.stem}.tmp.png")
        pygame.image.save(image, str(tmp))
        if path.exists():   # another save took the name meanwhile: never overwrite
            path = free_name(folder, time.strftime("%Y%m%d-%H%M%S"))
        os.replace(tmp, path)
    except (OSError, pygame.error) as exc:
        warn(f"could not save the screenshot ({exc})")
        return None
    return path
