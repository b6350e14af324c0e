"""Regenerate every art asset: ``python tools/build_art.py [--out DIR] [--only tilesets,sprites,...]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.art.build import PARTS, build_all  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Run the pipeline; writes into ``assets/`` unless ``--out`` names another folder."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "assets", help="assets folder to write")
    ap.add_argument("--only", default="", help=f"comma-separated parts: {','.join(PARTS)}")
    args = ap.parse_args(argv)
    parts = [p for p in args.only.split(",") if p] or list(PARTS)
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        print(f"build_art: unknown part(s) {unknown}; choose from {list(PARTS)}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    written = build_all(args.out, parts, moves_dir=ROOT / "assets" / "data" / "moves")
    print(f"build_art: wrote {len(written)} files to {args.out} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
