"""Character sprite sheets: parse the keyframe source, pose every frame, pack a PNG and Aseprite JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .canvas import Canvas
from .cast import LOOKS
from .figure import FRAME_H, FRAME_W, PIVOT, Figure
from .png import write_png
from .rig import Pose

SOURCE = Path(__file__).resolve().parent / "sources" / "animations.txt"
TICK_MS = 1000.0 / 60.0
COLUMNS = 12
# characters whose move timings live in another character's file
MOVES_FROM = {"danko_bath": "danko", "thug_woodleg": "thug"}
ATTACK_DEFAULT_TICKS = {"s": 6, "a": 3, "r": 12}


@dataclass
class Anim:
    """One tag: its frames as (pose name, phase) and a default frame time."""

    tag: str
    frames: list[tuple[str, str]]
    ms: int = 100


@dataclass
class Script:
    """The parsed keyframe source."""

    poses: dict[str, Pose] = field(default_factory=dict)
    anims: dict[str, dict[str, Anim]] = field(default_factory=dict)  # character -> tag -> Anim
    sets: dict[str, dict[str, str]] = field(default_factory=dict)


def parse_script(path: Path = SOURCE, characters: list[str] | None = None) -> Script:
    """Read the animation source; errors name the file and line."""
    chars = characters or list(LOOKS)
    sc = Script(anims={c: {} for c in chars}, sets={c: {} for c in chars})
    section = list(chars)
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{path.name}:{n}"
        try:
            if line.startswith("["):
                names = [s.strip() for s in line.strip("[]").split(",")]
                section = list(chars) if names == ["all"] else names
                unknown = [s for s in section if s not in LOOKS]
                if unknown:
                    raise ValueError(f"unknown character(s) {unknown}")
                continue
            word, *rest = line.split()
            if word == "pose":
                name, items = rest[0], dict(kv.split("=", 1) for kv in rest[1:])
                base = items.pop("base", None)
                if base is not None and base not in sc.poses:
                    raise ValueError(f"pose {name!r}: base {base!r} is not defined above")
                sc.poses[name] = Pose.parse(items, sc.poses.get(base) if base else None)
            elif word == "anim":
                tag, ms, frames = rest[0], 100, []
                for tok in rest[1:]:
                    if tok.startswith("ms="):
                        ms = int(tok[3:])
                        continue
                    pose, _, phase = tok.partition("@")
                    if pose not in sc.poses:
                        raise ValueError(f"anim {tag!r}: pose {pose!r} is not defined")
                    if phase not in ("", "s", "a", "r"):
                        raise ValueError(f"anim {tag!r}: phase {phase!r} must be s, a or r")
                    frames.append((pose, phase))
                for c in section:
                    if c in sc.anims:
                        sc.anims[c][tag] = Anim(tag, frames, ms)
            elif word == "set":
                for c in section:
                    if c in sc.sets:
                        sc.sets[c].update(dict(kv.split("=", 1) for kv in rest))
            else:
                raise ValueError(f"unknown directive {word!r}")
        except (ValueError, IndexError) as exc:
            raise ValueError(f"{where}: {exc}") from None
    return sc


def move_timings(moves_dir: Path, char: str) -> dict[str, dict[str, int]]:
    """Startup/active/recovery ticks per move from ``assets/data/moves/<char>.json`` (empty if absent)."""
    for name in (char, MOVES_FROM.get(char, char)):
        path = moves_dir / f"{name}.json"
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                return {}
            moves = data.get("moves", data)
            return {k: v for k, v in moves.items() if isinstance(v, dict) and "startup" in v}
    return {}


def frame_durations(anim: Anim, timing: dict[str, int] | None) -> list[int]:
    """Frame times in ms: attack phases share their move's ticks; other tags use the anim's ``ms``."""
    phases = [ph for _, ph in anim.frames]
    if not any(phases):
        return [anim.ms] * len(phases)
    ticks = {"s": "startup", "a": "active", "r": "recovery"}
    out = []
    for ph in phases:
        total = (timing or {}).get(ticks[ph], ATTACK_DEFAULT_TICKS[ph])
        share = phases.count(ph)
        out.append(max(round(total * TICK_MS / share), 16))
    return out


def draw_frame(char: str, pose: Pose, sets: dict[str, str]) -> tuple[Canvas, dict[str, tuple[int, int]]]:
    """One frame of one character and its marked points (e.g. ``muzzle``)."""
    if sets:
        pose = Pose.parse({k: v for k, v in sets.items() if getattr(pose, k) == getattr(Pose(), k)}, pose)
    fig = Figure(LOOKS[char], pose)
    canvas = fig.draw()
    return canvas, fig.marks


def build_sheet(char: str, script: Script, moves_dir: Path, out_dir: Path) -> list[Path]:
    """Render and write ``<char>.png`` + ``<char>.json``."""
    timing = move_timings(moves_dir, char)
    cache: dict[str, tuple[Canvas, dict[str, tuple[int, int]]]] = {}
    frames: list[tuple[Canvas, int, str]] = []
    marks: dict[str, list[dict]] = {}
    tags = []
    for tag, anim in script.anims[char].items():
        start = len(frames)
        for i, ((pose_name, _), ms) in enumerate(
            zip(anim.frames, frame_durations(anim, timing.get(tag)), strict=True)
        ):
            if pose_name not in cache:
                cache[pose_name] = draw_frame(char, script.poses[pose_name], script.sets.get(char, {}))
            canvas, points = cache[pose_name]
            for mark, (mx, my) in points.items():
                marks.setdefault(mark, []).append(
                    {"frame": len(frames), "bounds": {"x": mx, "y": my, "w": 1, "h": 1}}
                )
            frames.append((canvas, ms, f"{char}_{tag}_{i}"))
        tags.append(
            {"name": tag, "from": start, "to": len(frames) - 1, "direction": "forward", "color": "#000000ff"}
        )
    rows = (len(frames) + COLUMNS - 1) // COLUMNS
    img = np.zeros((rows * FRAME_H, COLUMNS * FRAME_W, 4), dtype=np.uint8)
    entries = []
    for i, (c, ms, name) in enumerate(frames):
        x, y = (i % COLUMNS) * FRAME_W, (i // COLUMNS) * FRAME_H
        img[y : y + FRAME_H, x : x + FRAME_W] = c.px
        entries.append(frame_entry(name, x, y, FRAME_W, FRAME_H, ms))
    extra = [{"name": k, "color": "#ff0000ff", "keys": v} for k, v in marks.items()]
    return write_sheet(out_dir, char, img, entries, tags, PIVOT, extra)


def frame_entry(name: str, x: int, y: int, w: int, h: int, ms: int) -> dict:
    """One Aseprite ``frames`` entry (untrimmed)."""
    return {
        "filename": name,
        "frame": {"x": x, "y": y, "w": w, "h": h},
        "rotated": False,
        "trimmed": False,
        "spriteSourceSize": {"x": 0, "y": 0, "w": w, "h": h},
        "sourceSize": {"w": w, "h": h},
        "duration": ms,
    }


def write_sheet(
    out_dir: Path,
    name: str,
    img: np.ndarray,
    entries: list[dict],
    tags: list[dict],
    pivot: tuple[int, int],
    extra_slices: list[dict] | None = None,
) -> list[Path]:
    """Write a sheet PNG and its Aseprite array-form JSON with a ``pivot`` slice (plus any marks).

    A mark slice (``muzzle``) has one 1x1 key per frame that shows the point, keyed by frame index.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    w, h = entries[0]["sourceSize"]["w"], entries[0]["sourceSize"]["h"]
    meta = {
        "app": "https://www.aseprite.org/",
        "version": "1.3-redheat-pipeline",
        "image": f"{name}.png",
        "format": "RGBA8888",
        "size": {"w": int(img.shape[1]), "h": int(img.shape[0])},
        "scale": "1",
        "frameTags": tags,
        "layers": [{"name": "body", "opacity": 255, "blendMode": "normal"}],
        "slices": [
            {
                "name": "pivot",
                "color": "#0000ffff",
                "keys": [
                    {
                        "frame": 0,
                        "bounds": {"x": 0, "y": 0, "w": w, "h": h},
                        "pivot": {"x": pivot[0], "y": pivot[1]},
                    }
                ],
            },
            *(extra_slices or []),
        ],
    }
    png, js = out_dir / f"{name}.png", out_dir / f"{name}.json"
    write_png(png, img)
    js.write_text(json.dumps({"frames": entries, "meta": meta}, indent=1) + "\n", encoding="utf-8")
    return [png, js]


def build_characters(out: Path, moves_dir: Path) -> list[Path]:
    """Every character sheet into ``out/sprites``."""
    script = parse_script()
    files: list[Path] = []
    for char in LOOKS:
        files += build_sheet(char, script, moves_dir, out / "sprites")
    return files
