"""Query latency: brief's Whoosh index against SQLite FTS5 on the same documents.

``python -m bench.search --sizes 2000 10000 [--repeat 5]``

For each size, the benchmark library (``bench.ingest.ensure_library``) is
searched with the committed query set ``bench/queries.tsv`` by

- brief's index (``search.SearchIndex.search``), top 10, without highlights
  (plain snippets) and with highlights of the top 10;
- an FTS5 table built in the same run from exactly the same documents: for
  every stored briefing, the same text fields with the same weights that a bare
  query searches in Whoosh (``search.schema.document_for`` and
  ``FIELD_WEIGHTS``), porter tokenizer, ranked by ``bm25`` with those weights,
  top 10; the same queries in FTS5 spelling (second column of the query file),
  date filters as a range on the published date.

Each query runs once to warm up, then ``repeat`` times; a class's p50 and p95
are over all its (query, run) samples, in milliseconds. Whoosh also counts
matches (exactly up to 1,000, "1,000+" past it: ``search.topk.COUNT_LIMIT``);
the ``brief search`` call also computes the source and speaker facets over every
match and a did-you-mean for empty results (the product needs them), FTS5 only
fetches the top 10: the ratio is the price of the search call against the
fastest plain query. The hits line counts every match exactly on both sides
(``exact_count=True``), so that the two engines' match sets can be compared.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.measure import fmt, load_average, machine, p50, p95, samples_ms, table

QUERIES = Path(__file__).with_name("queries.tsv")


@dataclass(frozen=True)
class Query:
    kind: str
    brief: str
    fts: str
    dates: tuple[str, str] | None


def load_queries() -> list[Query]:
    out = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, brief, fts, *rest = line.split("\t")
        dates = tuple(rest[0].split("..", 1)) if rest and rest[0] else None
        out.append(Query(kind, brief, fts, dates))  # type: ignore[arg-type]
    return out


# -- FTS5 ---------------------------------------------------------------------------------------


def fts_fields() -> dict[str, float]:
    """The text fields a bare query searches in brief's index, with their weights."""
    from search.schema import FIELD_WEIGHTS

    return dict(FIELD_WEIGHTS)


def build_fts(library_dir: Path, db: Path) -> tuple[sqlite3.Connection, float, float]:
    """An FTS5 table of the library's briefings: (connection, build seconds, size MB)."""
    from briefings.library import Library
    from search.schema import document_for

    fields = list(fts_fields())
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    conn.execute(
        f"CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, published UNINDEXED, "
        f"{', '.join(fields)}, tokenize='porter unicode61')"
    )
    marks = ", ".join("?" * (len(fields) + 2))
    with Library(library_dir) as lib:
        ids = lib.ids()
        for i in range(0, len(ids), 500):
            rows = []
            for b in lib.get_many(ids[i : i + 500]):
                doc = document_for(b, added=None)
                published = b.published.isoformat() if b.published else ""
                rows.append((b.id, published, *(doc.get(f, "") for f in fields)))
            conn.executemany(f"INSERT INTO docs VALUES ({marks})", rows)
    conn.commit()
    seconds = time.perf_counter() - start
    return conn, seconds, db.stat().st_size / 1048576


def fts_search(conn: sqlite3.Connection, q: Query, weights: str) -> list[str]:
    sql = "SELECT id FROM docs WHERE docs MATCH ?"
    params: list[str] = [q.fts]
    if q.dates:
        sql += " AND published != '' AND published BETWEEN ? AND ?"
        params += list(q.dates)
    sql += f" ORDER BY bm25(docs, 0, 0, {weights}) LIMIT 10"
    return [r[0] for r in conn.execute(sql, params)]


def fts_count(conn: sqlite3.Connection, q: Query) -> int:
    sql = "SELECT count(*) FROM docs WHERE docs MATCH ?"
    params: list[str] = [q.fts]
    if q.dates:
        sql += " AND published != '' AND published BETWEEN ? AND ?"
        params += list(q.dates)
    return int(conn.execute(sql, params).fetchone()[0])


# -- the measure -------------------------------------------------------------------------------


@dataclass
class QueryRun:
    size: int
    per_kind: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # wall ms
    cpu: dict[str, list[float]] = field(default_factory=dict)  # engine -> CPU ms, all queries
    #: class -> engine -> CPU ms of the searching thread
    cpu_kind: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    #: "cold" / "typed" -> CPU ms per keystroke (``measure_keystrokes``)
    keystrokes: dict[str, list[float]] = field(default_factory=dict)
    hits: list[tuple[Query, int, int]] = field(default_factory=list)  # (query, whoosh, fts5)
    open_ms: float = float("nan")  # open the index + first query
    fts_build_s: float = float("nan")
    fts_mb: float = float("nan")

    def samples(self, engine: str) -> list[float]:
        return [v for per in self.per_kind.values() for v in per[engine]]


def _cache_clearer(index: Any = None) -> Callable[[], None]:
    """``search.topk.clear_caches`` (decoded postings kept between searches) and the
    index's ``forget_texts`` (snippet texts kept since schema 6), or no-ops for a
    search layer without them: every timed query below runs cold."""
    try:
        from search.topk import clear_caches
    except ImportError:
        clear_caches = None  # type: ignore[assignment]
    forget_texts = getattr(index, "forget_texts", None)

    def clear() -> None:
        if clear_caches is not None:
            clear_caches()
        if forget_texts is not None:
            forget_texts()

    return clear


def cold_samples_ms(
    fn: Callable[[], object], repeat: int, forget: Callable[[], None] | None
) -> tuple[list[float], list[float]]:
    """``samples_ms`` with ``forget()`` (the search's caches dropped) before each call,
    outside the timed part: until 2026-12-05 the timed call also paid for freeing the
    previous run's decoded postings (0.15-0.35 ms at 10,000 for a mid-size query)."""
    return samples_ms(fn, repeat, before=forget)


def measure_keystrokes(index: Any, queries: list[Query]) -> dict[str, list[float]]:
    """CPU ms per keystroke while each query is typed a character at a time, as the
    reader asks (top 100, the first 20 snippets, no facets, no did-you-mean): "cold"
    forgets cached postings before every keystroke, "typed" keeps them while one query
    is typed (they are forgotten between queries)."""
    from search.query import QueryError

    clear = _cache_clearer(index)
    out: dict[str, list[float]] = {"cold": [], "typed": []}
    for mode in out:
        for q in queries:
            clear()
            for end in range(1, len(q.brief) + 1):
                text = q.brief[:end]
                if not text.strip() or text.endswith(" "):
                    continue
                if mode == "cold":
                    clear()
                start = time.thread_time()
                try:
                    index.search(text, limit=100, facets=False, snippets=20, suggest=False)
                except QueryError:
                    continue
                out[mode].append((time.thread_time() - start) * 1000)
    return out


def measure_queries(library_dir: Path, size: int, repeat: int, work: Path) -> QueryRun:
    from briefings.library import Library
    from search import SearchIndex

    run = QueryRun(size)
    conn, run.fts_build_s, run.fts_mb = build_fts(library_dir, work / f"fts-{size}.sqlite3")
    weights = ", ".join(str(w) for w in fts_fields().values())
    queries = load_queries()
    with Library(library_dir) as lib:
        start = time.perf_counter()
        index = SearchIndex(lib)
        clear = _cache_clearer(index)

        index.search(queries[0].brief, limit=10, highlight=False)
        run.open_ms = (time.perf_counter() - start) * 1000
        for q in queries:
            per = run.per_kind.setdefault(
                q.kind, {"whoosh": [], "whoosh+hl": [], "whoosh+facets": [], "fts5": []}
            )
            calls = {
                # top 10 and the hit count (what the reader asks while typing); cold:
                # no postings cached from the previous run of the same query
                "whoosh": lambda q=q: index.search(
                    q.brief, limit=10, highlight=False, facets=False, suggest=False
                ),
                "whoosh+hl": lambda q=q: index.search(
                    q.brief, limit=10, highlight=True, facets=False, suggest=False
                ),
                # what `brief search` asks: also source and speaker facets, did-you-mean
                "whoosh+facets": lambda q=q: index.search(q.brief, limit=10, highlight=True),
                "fts5": lambda q=q: fts_search(conn, q, weights),
            }
            for engine, call in calls.items():
                wall, cpu = cold_samples_ms(call, repeat, clear if engine != "fts5" else None)
                per[engine] += wall
                run.cpu.setdefault(engine, []).extend(cpu)
                run.cpu_kind.setdefault(q.kind, {}).setdefault(engine, []).extend(cpu)
            total = index.count(q.brief)  # every match, exactly (the search stops at 1,000)
            run.hits.append((q, total, fts_count(conn, q)))
        run.keystrokes = measure_keystrokes(index, queries)
        index.close()
    conn.close()
    return run


def render(run: QueryRun) -> str:
    rows = []
    kinds = [*run.per_kind, "all"]
    for kind in kinds:
        if kind == "all":
            w, h, f = run.samples("whoosh"), run.samples("whoosh+hl"), run.samples("fts5")
            c = run.samples("whoosh+facets")
            n = len(run.hits)
        else:
            w, h, c, f = (
                run.per_kind[kind].get(e, [])
                for e in ("whoosh", "whoosh+hl", "whoosh+facets", "fts5")
            )
            n = sum(1 for q, _, _ in run.hits if q.kind == kind)
        bold = "**" if kind == "all" else ""
        rows.append(
            [
                f"{bold}{kind}{bold}",
                n,
                f"{bold}{fmt(p50(w))} / {fmt(p95(w))}{bold}",
                f"{bold}{fmt(p50(h))} / {fmt(p95(h))}{bold}",
                f"{fmt(p50(c))} / {fmt(p95(c))}" if c else "–",
                f"{fmt(p50(f), 2)} / {fmt(p95(f), 2)}",
                f"{p50(w) / max(p50(f), 1e-6):.1f}x / {p95(w) / max(p95(f), 1e-6):.1f}x",
            ]
        )
    cpu_rows = []
    for kind in [*run.cpu_kind, "all"]:
        per = run.cpu_kind[kind] if kind != "all" else run.cpu
        w, c, f = (per.get(e, []) for e in ("whoosh", "whoosh+facets", "fts5"))
        if not w:
            continue
        bold = "**" if kind == "all" else ""
        cpu_rows.append(
            [
                f"{bold}{kind}{bold}",
                f"{bold}{fmt(p50(w))} / {fmt(p95(w))}{bold}",
                f"{fmt(p50(c))} / {fmt(p95(c))}" if c else "–",
                f"{fmt(p50(f), 2)} / {fmt(p95(f), 2)}",
                f"{p50(w) / max(p50(f), 1e-6):.1f}x / {p95(w) / max(p95(f), 1e-6):.1f}x",
            ]
        )
    out = [
        f"Query latency at {run.size:,} articles (ms; {len(run.hits)} queries from "
        "bench/queries.tsv; FTS5 on exactly the same documents and queries, built in this run):\n",
        table(
            [
                "class",
                "queries",
                "Whoosh p50 / p95",
                "Whoosh + top-10 highlights p50 / p95",
                "`brief search` call (highlights, facets, did-you-mean) p50 / p95",
                "FTS5 p50 / p95",
                "Whoosh / FTS5 (p50 / p95)",
            ],
            rows,
        ),
        "\nCPU time of the searching thread (not counting waits for a core), all queries, "
        "p50 / p95 ms: "
        + "; ".join(
            f"{name} {fmt(p50(run.cpu[engine]), 2)} / {fmt(p95(run.cpu[engine]), 2)}"
            for engine, name in (
                ("whoosh", "Whoosh"),
                ("whoosh+hl", "Whoosh + highlights"),
                ("whoosh+facets", "`brief search` call"),
                ("fts5", "FTS5"),
            )
            if engine in run.cpu
        )
        + ".",
        "\nCPU ms of the searching thread per class (what a loaded machine does not inflate):\n",
        table(
            [
                "class",
                "Whoosh CPU p50 / p95",
                "`brief search` call CPU p50 / p95",
                "FTS5 CPU p50 / p95",
                "Whoosh / FTS5 CPU (p50 / p95)",
            ],
            cpu_rows,
        ),
        "\nTyped key by key (each of the 19 queries a character at a time, as the reader "
        "asks: top 100, 20 snippets), CPU ms per keystroke p50 / p95: "
        + "; ".join(
            f"{mode} {fmt(p50(v))} / {fmt(p95(v))} (n={len(v)})"
            for mode, v in run.keystrokes.items()
        )
        + " (cold: no postings cached; typed: those of the earlier keystrokes kept).",
        f"\nIndex open + first query {fmt(run.open_ms)} ms; FTS5 build {fmt(run.fts_build_s)} s, "
        f"{fmt(run.fts_mb)} MB.",
        "\nHits per query (Whoosh / FTS5): "
        + "; ".join(f"`{q.brief}` {w:,} / {f:,}" for q, w, f in run.hits),
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from bench.ingest import ensure_library, library_dir
    from bench.measure import cache_root

    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--fast", action="store_true", help="build a missing library with the fast build"
    )
    parser.add_argument(
        "--keep-stale", action="store_true", help="reuse a library made by older code"
    )
    args = parser.parse_args(argv)
    print(f"# Search benchmark\n\n{machine()}\n")
    for size in args.sizes:
        ensure_library(size, fast=args.fast, stale_ok=args.keep_stale)
        before = load_average()
        print(render(measure_queries(library_dir(size), size, args.repeat, cache_root())))
        print(f"\nLoad average (1/5/15 min) before: {before}; after: {load_average()}.\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
