"""``python -m bench.derivation``: derivation throughput on the BBC corpus, one core.

Derives every BBC article (``shared/corpora/bbc``) ``--repeat`` times in this
process (one core, no workers) and prints, as Markdown tables:

- articles per second over the whole derivation (``briefings.derive.derive``),
  with the median and p95 per-article time (each article's best run);
- where the time goes: the steps of ``briefings/derive/__init__.py`` timed
  one by one on the same articles (steps 1-6 are ``build_document``).

The articles are read and decoded before timing starts; file I/O is not timed.
The header says which code ran: the mypyc-compiled derivation (the normal build)
or the Python sources (``BRIEF_PURE=1``, or no compiler at install time). The
inside-``build_document`` table wraps module functions, which compiled modules
call directly, so it is printed for the sources only.
Times are CPU time of this process (``time.process_time``), so that other work
on a busy machine does not count against the pipeline; the wall-clock rate is
printed too, with the load average at the start.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefings import _accel
from briefings.derive import build_document, derive
from briefings.derive.entities import extract_entities
from briefings.derive.figures import extract_figures
from briefings.derive.keywords import extract_keywords
from briefings.derive.quotes import extract_quotes
from briefings.derive.summary import summarise
from briefings.ingest import article_from_bytes
from briefings.models import Article
from briefings.pipeline import derivation_gc

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TARGET = 200.0  # articles per second (issue #3, acceptance 5)


def load_bbc(shared: Path, limit: int | None) -> list[Article]:
    root = shared / "corpora" / "bbc" / "articles"
    paths = sorted(root.glob("*/*.txt"))[:limit]
    return [article_from_bytes(p.read_bytes(), str(p), p.name, str(p)) for p in paths]


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            core = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {core})
            return f"pinned to core {core}"
        except OSError:
            pass
    return "not pinned"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_whole(
    articles: list[Article], repeat: int
) -> tuple[list[float], list[float], list[float]]:
    """Per-run CPU seconds, per-run wall seconds, and each article's best CPU time."""
    totals: list[float] = []
    walls: list[float] = []
    best = [float("inf")] * len(articles)
    clock = time.process_time
    with derivation_gc():  # as brief ingest and brief rebuild run it
        for _ in range(repeat):
            wall_start = time.perf_counter()
            run_start = clock()
            for i, article in enumerate(articles):
                t0 = clock()
                derive(article)
                best[i] = min(best[i], clock() - t0)
            totals.append(clock() - run_start)
            walls.append(time.perf_counter() - wall_start)
    return totals, walls, best


def time_document_steps(articles: list[Article]) -> dict[str, float]:
    """CPU seconds inside each step of ``build_document`` (steps 1-6), by wrapping the
    functions it calls for one run over the articles."""
    import briefings.derive as pipeline
    from briefings.derive.document import Document

    spent: dict[str, float] = {}
    names = {
        "sanitize": "1 sanitize",
        "split_blocks": "3 split_blocks",
        "read_header": "4 read_header",
        "clean_blocks": "5 clean_blocks",
        "split_sentences": "6 split_sentences (inside Document.build)",
    }
    originals = {name: getattr(pipeline, name) for name in names}
    original_build = Document.build

    def timed(label: str, fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t0

        return wrapper

    try:
        for name, label in names.items():
            setattr(pipeline, name, timed(label, originals[name]))
        Document.build = timed("6 Document.build", original_build)  # type: ignore[method-assign,assignment]
        for article in articles:
            build_document(article)
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
        Document.build = original_build  # type: ignore[method-assign]
    return spent


def time_steps(articles: list[Article], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` total seconds spent in each step over all articles."""
    docs = [build_document(a) for a in articles]
    quotes = [extract_quotes(d) for d in docs]
    steps: dict[str, Callable[[int], object]] = {
        "1-6 build_document (sanitize, blocks, header, clean, sentences)": lambda i: build_document(
            articles[i]
        ),
        "7 quotes": lambda i: extract_quotes(docs[i]),
        "7 figures": lambda i: extract_figures(docs[i]),
        "7 entities": lambda i: extract_entities(docs[i], quotes[i]),
        "7 keywords": lambda i: extract_keywords(docs[i]),
        "7 summary": lambda i: summarise(docs[i]),
    }
    out: dict[str, float] = {}
    for name, fn in steps.items():
        runs = []
        for _ in range(repeat):
            t0 = time.process_time()
            for i in range(len(articles)):
                fn(i)
            runs.append(time.process_time() - t0)
        out[name] = min(runs)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.derivation")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--repeat", type=int, default=3, help="runs over the corpus (default 3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    if not (args.shared / "corpora" / "bbc").is_dir():
        print(f"no BBC corpus under {args.shared}: nothing to measure")
        return 0
    pinned = _pin_one_core()
    articles = load_bbc(args.shared, args.limit)
    for article in articles[:20]:  # warm up imports and regex caches
        derive(article)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    totals, walls, best = time_whole(articles, args.repeat)
    steps = time_steps(articles, args.repeat)
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    rate = n / min(totals)
    print(
        f"# Derivation throughput: BBC, {n} articles ({chars / n:,.0f} chars on average), "
        f"{args.repeat} runs\n"
    )
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.machine()}, {os.cpu_count()} cores on the machine, one used ({pinned}); "
        f"load average {load:.1f} at the start. Times are CPU time of this process. "
        f"Derivation code: {_accel.status}.\n"
    )
    print("| measure | value | target |")
    print("|---|---|---|")
    ok = "yes" if rate >= TARGET else "**NO**"
    print(f"| articles/s (CPU time, best run) | {rate:,.0f} | ≥ {TARGET:.0f} ({ok}) |")
    print(f"| articles/s (CPU time, mean of runs) | {n * len(totals) / sum(totals):,.0f} | |")
    print(f"| articles/s (wall clock, best run) | {n / min(walls):,.0f} | |")
    print(f"| per article, median | {statistics.median(best) * 1e3:.2f} ms | |")
    print(f"| per article, p95 | {_percentile(best, 0.95) * 1e3:.2f} ms | |")
    print(f"| per article, max | {max(best) * 1e3:.2f} ms | |")
    print(f"| MB/s | {chars / min(totals) / 1e6:.2f} | |")
    total_steps = sum(steps.values())
    print("\n## Where the time goes (each step timed alone, best run)\n")
    print("| step | total s | ms/article | share |")
    print("|---|---|---|---|")
    for name, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.3f} | {seconds / n * 1e3:.3f} | {seconds / total_steps:.0%} |")
    print(f"| sum of steps | {total_steps:.3f} | {total_steps / n * 1e3:.3f} | 100% |")
    print(f"| whole derive (best run) | {min(totals):.3f} | {min(totals) / n * 1e3:.3f} | |")
    if _accel.status == "compiled":
        print("\n(Inside build_document: run with BRIEF_PURE=1 for the wrapped-call table.)")
        return 0
    inner = time_document_steps(articles)
    print("\n## Inside build_document (one run, wrapped calls)\n")
    print("| step | total s | ms/article |")
    print("|---|---|---|")
    for name, seconds in sorted(inner.items()):
        print(f"| {name} | {seconds:.3f} | {seconds / n * 1e3:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
