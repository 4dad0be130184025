"""Search latency on an ingested library, and the cost of one more article.

    BRIEF_NO_SAMPLES=1 BRIEF_LIBRARY=/tmp/bbc .venv/bin/brief ingest -q ../shared/corpora/bbc/articles
    .venv/bin/python -m bench.search_latency /tmp/bbc [--queries 200]

Queries are drawn deterministically (fixed seed) from the library's own
titles: 1-3 bare words, two-word phrases, fielded (title: + word), and bare
words sorted by date, each with highlighted snippets for the top 20 hits, as
``brief search`` runs them. Prints p50/p95 per kind (best of 2 runs per query
after a warm-up). Then it stores one more article, reports the sync time
and how many other stored briefings changed, and deletes it again. For the
BBC corpus (origins under ``<category>/NNN.txt``) it also reports how often a
related article is from the same category.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import time
from pathlib import Path

from briefings.library import Library
from briefings.models import Article
from briefings.pipeline import store_article
from search import SearchIndex
from search.stopwords import is_stop

_WORD = re.compile(r"[A-Za-z]{4,}")


def _queries(library: Library, n: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    titles = [s.title for s in library.summaries(order="title")]
    words = sorted({w.lower() for t in titles for w in _WORD.findall(t) if not is_stop(w.lower())})
    pairs = []
    for t in titles:
        ws = [w for w in _WORD.findall(t) if not is_stop(w.lower())]
        pairs.extend(f"{a} {b}" for a, b in itertools.pairwise(ws))
    pairs.sort()
    return {
        "1-3 words": [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(n)],
        "phrase": [f'"{rng.choice(pairs)}"' for _ in range(n // 4)],
        "fielded": [f"title:{rng.choice(words)} {rng.choice(words)}" for _ in range(n // 4)],
        "by date": [rng.choice(words) for _ in range(n // 4)],
    }


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    library = Library(args.library, create=False)
    t0 = time.perf_counter()
    index = SearchIndex(library)
    index.sync()
    opened = time.perf_counter() - t0
    index.search("warm up")
    print(f"library: {library.count()} briefings; open + sync: {opened * 1000:.0f} ms")
    print(f"{'kind':<10} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits avg':>9}")
    for kind, queries in _queries(library, args.queries).items():
        times, totals = [], []
        for q in queries:
            best = float("inf")
            for _ in range(2):
                start = time.perf_counter()
                res = index.search(q, limit=20, sort="date" if kind == "by date" else "relevance")
                best = min(best, time.perf_counter() - start)
            times.append(best * 1000)
            totals.append(res.total)
        print(
            f"{kind:<10} {len(times):>4} {statistics.median(times):>8.1f} "
            f"{_percentile(times, 95):>8.1f} {max(times):>8.1f} {statistics.mean(totals):>9.1f}"
        )

    # One more article: how long the sync takes and how many briefings it touches.
    before = dict(library.connection.execute("SELECT id, data FROM briefings"))
    text = (
        "Ministers back new broadband plan\n\nThe government said on Tuesday it would fund "
        "faster broadband for rural homes, with operators bidding for the contracts. Mobile "
        "networks and broadband firms welcomed the plan but asked for clearer rules.\n"
    )
    article = Article(origin=f"bench:one-more-{time.time_ns()}", text=text)
    store_article(library, article, "bench")
    start = time.perf_counter()
    index.sync()
    took = time.perf_counter() - start
    after = dict(library.connection.execute("SELECT id, data FROM briefings"))
    touched = sum(1 for i, data in before.items() if after.get(i) != data)
    related = library.get(article.id).related
    print(
        f"one more article: sync {took * 1000:.0f} ms, {touched} other briefings updated "
        f"(of {len(before)}), {len(related)} related"
    )
    library.delete(article.id)
    index.sync()

    # A republished copy of a stored article (its text, another origin).
    original = library.article(library.ids()[len(before) // 2])
    copy = Article(origin=f"bench:copy-{time.time_ns()}", text=original.text)
    before = dict(library.connection.execute("SELECT id, data FROM briefings"))
    store_article(library, copy, "bench")
    start = time.perf_counter()
    index.sync()
    took = time.perf_counter() - start
    after = dict(library.connection.execute("SELECT id, data FROM briefings"))
    touched = sum(1 for i, data in before.items() if after.get(i) != data)
    marked = [r for r in library.get(original.id).related if r.id == copy.id and r.duplicate]
    print(
        f"republished copy: sync {took * 1000:.0f} ms, {touched} other briefings updated, "
        f"marked as copy in the original's list: {bool(marked)}"
    )
    library.delete(copy.id)
    index.sync()
    _related_quality(library)


def _related_quality(library: Library) -> None:
    """Share of related entries from the same BBC category (the folder of the origin)."""
    category = {s.id: Path(s.origin).parent.name for s in library.summaries()}
    first = same = total = with_related = 0
    for briefing_id in library.ids():
        related = [r for r in library.get(briefing_id).related if not r.duplicate]
        if not related:
            continue
        with_related += 1
        first += category[related[0].id] == category[briefing_id]
        same += sum(category.get(r.id) == category[briefing_id] for r in related)
        total += len(related)
    if total:
        print(
            f"related: {with_related} briefings with a list; same category: first "
            f"{first / with_related:.1%}, all listed {same / total:.1%}"
        )


if __name__ == "__main__":
    main()
