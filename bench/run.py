"""Run every benchmark of the project and print their figures.

    python bench/run.py [NAME ...]

Each ``bench/bench_<topic>.py`` defines ``run() -> dict[str, float]``. Progress goes to
stderr; the last line of stdout is one JSON object with every figure. Speed targets are
checked here (and reported), never as timed assertions in the tests.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def main(argv: list[str]) -> int:
    """Run the named benchmarks (default: all) and print the merged figures."""
    figures: dict[str, float] = {}
    failed: list[str] = []
    for path in sorted(HERE.glob("bench_*.py")):
        topic = path.stem.removeprefix("bench_")
        if argv and topic not in argv:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        start = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            result = module.run()
        except Exception:
            traceback.print_exc()
            failed.append(topic)
            continue
        print(f"[bench] {topic}: {json.dumps(result)} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
        figures.update(result)
    if failed:
        figures["failed"] = failed  # type: ignore[assignment]
    print(json.dumps(figures, sort_keys=True))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
