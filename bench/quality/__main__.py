"""``python -m bench.quality [--gate] [--quick] [--only AREA]``: one table of scores."""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
from pathlib import Path

from bench.quality import Score

AREAS = [
    "seeds",
    "gold",
    "measures",
    "polnear",
    "bbc",
    "cnn",
    "openings",
    "zyte",
    "fundus",
    "trafilatura",
    "entities",
]
DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument(
        "--gate", action="store_true", help="exit 1 when a gated score misses its target"
    )
    parser.add_argument("--quick", action="store_true", help="subsample the large sets")
    parser.add_argument("--only", choices=AREAS, action="append")
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"no shared data at {args.shared}: nothing to evaluate")
        return 0
    scores: list[Score] = []
    timings: list[str] = []
    for area in args.only or AREAS:
        try:
            module = importlib.import_module(f"bench.quality.{area}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.quality.{area}":
                continue
            raise
        started = time.perf_counter()
        scores.extend(module.evaluate(args.shared, quick=args.quick))
        timings.append(f"{area} {time.perf_counter() - started:.1f}s")
    print(f"# Derivation quality ({platform.python_version()}, {' · '.join(timings)})\n")
    print("| area | measure | value | target | ok | detail |")
    print("|---|---|---|---|---|---|")
    for s in scores:
        target = (
            "" if s.target is None else ("≥ " if s.higher_is_better else "≤ ") + s.shown(s.target)
        )
        ok = {True: "yes", False: "**NO**", None: ""}[s.passed]
        print(f"| {s.area} | {s.measure} | {s.shown(s.value)} | {target} | {ok} | {s.detail} |")
    failed = [s for s in scores if s.passed is False]
    if args.gate and failed:
        print(f"\nquality gate: {len(failed)} score(s) below target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
