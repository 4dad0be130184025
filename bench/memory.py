"""Peak memory of a search: a fresh process opens the library and its index and
runs the committed query set once with top-10 highlights; its peak RSS comes
from the child's own ``VmHWM`` (``bench.measure.run_child``). The peaks of ingest and of the
reader are measured by their own benchmarks the same way (``bench.ingest``,
``bench.tui``); the suite prints all three in one table.

``python -m bench.memory --child LIBRARY`` is the child.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from bench.measure import ChildRun, run_child


def measure_search_memory(library_dir: Path) -> tuple[ChildRun, dict]:
    """(the child run, its report) for one search process over ``library_dir``."""
    run = run_child(["-m", "bench.memory", "--child", str(library_dir)])
    return run, run.json()


def _rss_mb() -> float:
    from bench.hwm import peak_mb

    value = peak_mb()
    return value if value is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(library_dir: Path) -> int:
    before = _rss_mb()
    from bench.search import load_queries
    from briefings.library import Library
    from search import SearchIndex

    imported = _rss_mb()
    start = time.perf_counter()
    with Library(library_dir, create=False) as lib:
        index = SearchIndex(lib)
        opened = _rss_mb()
        for q in load_queries():
            index.search(q.brief, limit=10, highlight=True)
        index.close()
    print(
        json.dumps(
            {
                "start_mb": before,
                "imported_mb": imported,
                "opened_mb": opened,
                "seconds": time.perf_counter() - start,
            }
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__)
    parser.add_argument("--child", type=Path, required=True, metavar="LIBRARY")
    args = parser.parse_args(argv)
    return _child(args.child)


if __name__ == "__main__":
    sys.exit(main())
