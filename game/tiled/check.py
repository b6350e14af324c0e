"""``python main.py check [PATH ...] [--json]``: every problem of every level, for designers and tools."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from game.paths import levels_dir, resolve_level
from game.sim.level import LevelDesc
from game.sim.outro import kind_of
from game.tiled.loader import read_level
from game.tiled.problems import LevelError
from game.tiled.tmxfile import label_of


def summary(level: LevelDesc) -> dict[str, Any]:
    """The one-line facts of a good level: title, size and enemies per wave."""
    per_wave = Counter(e.wave for e in level.enemies)
    return {"title": level.title, "mode": level.mode, "cols": level.cols, "rows": level.rows,
            "enemies_per_wave": {str(w): per_wave[w] for w in sorted(per_wave)},
            "pickups": len(level.pickups), "next": level.next,
            **({"outro": kind_of(level)} if kind_of(level) != "none" else {})}


def summary_line(path: str, s: dict[str, Any]) -> str:
    """``levels/x.tmx: OK 'TITLE' brawl 120x12 tiles, enemies per wave 0:3 1:4``."""
    waves = " ".join(f"{w}:{n}" for w, n in s["enemies_per_wave"].items()) or "none"
    return (f"{path}: OK '{s['title']}' {s['mode']} {s['cols']}x{s['rows']} tiles, "
            f"enemies per wave {waves}, {s['pickups']} pickups"
            + (f", outro {s['outro']}" if "outro" in s else ""))


LEVEL_PATTERNS = ("*.tmx", "*.tmj")   # Tiled's XML and JSON maps (a .json map is checked when named)


def _in_folder(folder: Path) -> list[Path]:
    """Every map in ``folder`` and its subfolders, in a stable order."""
    found = {p for pattern in LEVEL_PATTERNS for p in folder.rglob(pattern) if p.is_file()}
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _targets(paths: list[str]) -> list[Path]:
    if not paths:
        return _in_folder(levels_dir())
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(_in_folder(p) if p.is_dir() else [resolve_level(str(p))])   # `bathhouse` as sim takes it
    return out


def _records(items: list[dict[str, Any]], errors: list[str], warnings: list[str]) -> list[dict[str, Any]]:
    """Every problem as a record (severity, file, object id, layer, message, text), in printed order."""
    by_text = {i["text"]: i for i in items}
    out = []
    for severity, lines in (("error", errors), ("warning", warnings)):
        for line in lines:
            head, _, msg = line.partition(": ")
            out.append(by_text.get(line) or {"severity": severity, "file": head, "object": None,
                                             "layer": None, "message": msg or line, "text": line})
    return out


def check_one(path: Path) -> dict[str, Any]:
    """Load one level and report it as a dict (errors, warnings, problem records, summary when good)."""
    items: list[dict[str, Any]] = []
    try:
        level = read_level(path, items=items)[0]
    except LevelError as exc:
        return {"path": label_of(path), "ok": False, "errors": exc.problems, "warnings": exc.warnings,
                "problems": _records(items, exc.problems, exc.warnings)}
    return {"path": label_of(path), "ok": True, "errors": [], "warnings": level.warnings,
            "problems": _records(items, [], level.warnings), "summary": summary(level)}


def main(argv: list[str]) -> int:
    """Check levels; 0 when all are good, 1 when any has an error, 2 for a bad command line."""
    parser = argparse.ArgumentParser(prog="main.py check", description="Check Red Heat levels for problems.")
    parser.add_argument("paths", nargs="*", help="level files or folders (default: every level in levels/)")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    targets = _targets(args.paths)
    if not targets:
        print("check: no levels found", file=sys.stderr)
        return 1
    results = [check_one(p) for p in targets]
    ok = all(r["ok"] for r in results)
    try:
        _print(results, ok, args.json)
    except BrokenPipeError:
        # a reader that stops early (`| head`) is no fault of the level: no traceback, same exit code
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0 if ok else 1


def _print(results: list[dict[str, Any]], ok: bool, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"ok": ok, "levels": results}, indent=1, ensure_ascii=False))
    else:
        for r in results:
            for line in r["errors"]:
                print(f"error: {line}")
            for line in r["warnings"]:
                print(f"warning: {line}")
            if r["ok"]:
                print(summary_line(r["path"], r["summary"]))
        bad = sum(not r["ok"] for r in results)
        if bad:
            print(f"{bad} of {len(results)} level(s) have errors")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
