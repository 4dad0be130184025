"""Where a ``brief ingest`` spends its time, stage by stage (issue #17).

``python -m bench.ingest_stages --size 2000`` runs the ingest's stages one after
another in this one process, on the bench corpus of that size, into a new
library, and prints the CPU time (``time.thread_time``) and wall time of each:
read, derive, store; then the index stage (reading briefings back from the
store, making index documents, Whoosh's ``add_document``, commit and merges) and
the related stage (related lists and quote links, stories), batch by batch as
the background indexer and relater do. The product runs the three in parallel
(``search.background``); the sum here is the CPU work they share among the cores.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

CPU: dict[str, float] = defaultdict(float)
WALL: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_stack: list[str] = []


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` with its own CPU and wall time (less that of timed calls inside it)
    added to ``name``."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        c0, w0 = time.thread_time(), time.perf_counter()
        _stack.append(name)
        try:
            return fn(*args, **kwargs)
        finally:
            _stack.pop()
            dc, dw = time.thread_time() - c0, time.perf_counter() - w0
            CPU[name] += dc
            WALL[name] += dw
            CALLS[name] += 1
            if _stack:  # exclusive times: take it out of the caller's
                CPU[_stack[-1]] -= dc
                WALL[_stack[-1]] -= dw

    return wrapper


def _patch(owner: Any, attr: str, name: str) -> None:
    setattr(owner, attr, _timed(name, getattr(owner, attr)))


def instrument() -> None:
    import whoosh.writing as ww

    import briefings.pipeline as pipeline
    import search.index as sindex
    import search.related as related
    from briefings.library import Library

    _patch(pipeline, "read_checked", "read")
    _patch(pipeline, "derive_checked", "derive")
    _patch(Library, "put", "store: put")
    _patch(Library, "get_many", "store: get_many")
    _patch(Library, "move_to_related", "store: outboxes")
    _patch(Library, "ack_related_ops", "store: outboxes")
    _patch(Library, "store_links", "related: store_links")
    _patch(sindex, "index_document", "index: document_for + profile")
    _patch(related, "profile_for", "related: profile_for")
    _patch(ww.SegmentWriter, "add_document", "index: add_document")
    _patch(ww.SegmentWriter, "delete_by_term", "index: delete_by_term")
    _patch(ww.SegmentWriter, "commit", "index: commit (+merge)")
    _patch(sindex, "merge_tiers", "index: merge")
    _patch(sindex.SearchIndex, "_update_related", "related: related lists")
    _patch(sindex.SearchIndex, "_update_stories", "related: stories")


def run(size: int, folder: Path, batch: int, related: bool = True) -> None:
    from bench.corpus import corpus_dir
    from bench.measure import cache_root
    from briefings.library import Library
    from briefings.pipeline import derivation_gc, ingest
    from briefings.settings import current
    from search.index import SearchIndex

    corpus = corpus_dir(size, cache=cache_root())
    shutil.rmtree(folder, ignore_errors=True)
    instrument()
    t0, c0 = time.perf_counter(), time.process_time()
    with Library(folder) as library:
        index = SearchIndex(library)
        report = ingest(library, [str(corpus)])
        t1, c1 = time.perf_counter(), time.process_time()
        with derivation_gc():
            while index.catch_up(min_pending=1, batch=batch):
                pass
            t2, c2 = time.perf_counter(), time.process_time()
            while related and index.relate_up(min_pending=1, batch=batch, once=True):
                pass
        t3, c3 = time.perf_counter(), time.process_time()
        index.close()
    from bench.measure import dir_size_mb

    print(f"{report.line()}; batch {batch} (settings: {current().index_batch})")
    print(
        f"index MB {dir_size_mb(folder / 'index'):.1f}; store MB "
        f"{dir_size_mb(folder) - dir_size_mb(folder / 'index'):.1f}"
    )
    print("| phase | wall s | CPU s |\n|---|---|---|")
    for name, (a, b, ca, cb) in {
        "read+derive+store": (t0, t1, c0, c1),
        "index": (t1, t2, c1, c2),
        "related": (t2, t3, c2, c3),
        "total": (t0, t3, c0, c3),
    }.items():
        print(f"| {name} | {b - a:.1f} | {cb - ca:.1f} |")
    print(
        "\n| stage (exclusive) | calls | wall s | CPU s | CPU ms per article |\n|---|---|---|---|---|"
    )
    for name in sorted(CPU, key=lambda n: -CPU[n]):
        print(
            f"| {name} | {CALLS[name]} | {WALL[name]:.1f} | {CPU[name]:.1f} | "
            f"{1000 * CPU[name] / size:.2f} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ingest_stages", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--skip-related", action="store_true", help="stop after the index stage")
    args = parser.parse_args(argv)
    from bench.measure import cache_root

    folder = args.out or cache_root() / f"stages-{args.size}"
    run(args.size, folder, args.batch, related=not args.skip_related)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
