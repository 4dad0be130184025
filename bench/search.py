"""Search benchmark: brief's Whoosh index against SQLite FTS5 on the same documents.

``python -m bench.search --sizes 2000 10000 [--repeat 5]``

For each size: a corpus from ``bench.corpus`` is ingested with ``brief ingest``
in a subprocess (file to searchable: derivation, store, index and related
lists; wall time and peak RSS), then the committed query set
``bench/queries.tsv`` runs against

- brief's index (``search.SearchIndex.search``), top 10, without and with highlights;
- an FTS5 table (porter tokenizer, bm25 with the title weighted x2) built in
  the same run from exactly the same documents (each stored briefing's title
  and body text) with exactly the same queries (their FTS5 spelling in the
  query file), top 10.

Each query's latency is the median of ``--repeat`` runs after one warm-up;
the table shows per query class the median and p95 over the class's queries,
in milliseconds, and the Whoosh/FTS5 ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import corpus_dir

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
        dates = tuple(rest[0].split("..")) if rest and rest[0] else None
        out.append(Query(kind, brief, fts, dates))  # type: ignore[arg-type]
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def ingest(corpus: Path, library: Path) -> tuple[float, float]:
    """Ingest ``corpus`` into a fresh ``library`` in a subprocess: (seconds, peak RSS MB)."""
    env = dict(os.environ, BRIEF_LIBRARY=str(library), BRIEF_NO_SAMPLES="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "--quiet", str(corpus)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def build_fts(library_dir: Path, db: Path) -> tuple[sqlite3.Connection, float, float]:
    from briefings.library import Library

    if db.exists():
        db.unlink()
    conn = sqlite3.connect(db)
    start = time.perf_counter()
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, published UNINDEXED, title, body, "
        "tokenize='porter unicode61')"
    )
    with Library(library_dir) as lib:
        ids = lib.ids()
        for i in range(0, len(ids), 500):
            rows = [
                (b.id, b.published.isoformat() if b.published else "", b.title, b.body_text)
                for b in lib.get_many(ids[i : i + 500])
            ]
            conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", rows)
    conn.commit()
    seconds = time.perf_counter() - start
    size = db.stat().st_size / 1048576
    return conn, seconds, size


def fts_search(conn: sqlite3.Connection, q: Query) -> list[str]:
    sql = "SELECT id, title FROM docs WHERE docs MATCH ?"
    params: list[str] = [q.fts]
    if q.dates:
        sql += " AND published != '' AND published BETWEEN ? AND ?"
        params += list(q.dates)
    sql += " ORDER BY bm25(docs, 0, 0, 2.0, 1.0) LIMIT 10"
    return [r[0] for r in conn.execute(sql, params)]


def dir_size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576


def run_size(size: int, repeat: int, work: Path) -> list[str]:
    from briefings.library import Library
    from search import SearchIndex

    corpus = corpus_dir(size)
    library = work / f"library-{size}"
    if (library / ".complete").exists():
        ingest_s, ingest_mb = float("nan"), float("nan")
    else:
        if library.exists():
            import shutil

            shutil.rmtree(library)
        ingest_s, ingest_mb = ingest(corpus, library)
        (library / ".complete").write_text("ok")
    lines = [
        f"\n## {size:,} articles\n",
        "| measure | value |",
        "|---|---|",
        f"| ingest, file to searchable (s) | {ingest_s:.1f} |",
        f"| ingest rate (articles/s) | {size / ingest_s:.0f} |",
        f"| ingest peak RSS (MB) | {ingest_mb:.0f} |",
        f"| Whoosh index on disk (MB) | {dir_size_mb(library / 'index'):.1f} |",
    ]
    conn, fts_build, fts_size = build_fts(library, work / f"fts-{size}.sqlite3")
    lines += [f"| FTS5 build (s) / size (MB) | {fts_build:.1f} / {fts_size:.1f} |"]
    queries = load_queries()
    with Library(library) as lib:
        index = SearchIndex(lib)
        per: dict[str, dict[str, list[float]]] = {}
        zero: list[str] = []
        for q in queries:
            plain = timed(lambda q=q: index.search(q.brief, limit=10, highlight=False), repeat)
            lit = timed(lambda q=q: index.search(q.brief, limit=10, highlight=True), repeat)
            fts = timed(lambda q=q: fts_search(conn, q), repeat)
            if index.search(q.brief, limit=10, highlight=False).total == 0:
                zero.append(q.brief)
            for name, value in (("whoosh", plain), ("whoosh+hl", lit), ("fts5", fts)):
                per.setdefault(q.kind, {}).setdefault(name, []).append(value)
    lines += [
        "",
        "| query class | n | Whoosh p50 / p95 (ms) | Whoosh + top-10 highlights p50 / p95 | FTS5 p50 / p95 | Whoosh / FTS5 (p50) |",
        "|---|---|---|---|---|---|",
    ]
    all_plain, all_lit, all_fts = [], [], []
    for kind, values in per.items():
        w, h, f = values["whoosh"], values["whoosh+hl"], values["fts5"]
        all_plain += w
        all_lit += h
        all_fts += f
        lines.append(
            f"| {kind} | {len(w)} | {percentile(w, 0.5):.1f} / {percentile(w, 0.95):.1f} | "
            f"{percentile(h, 0.5):.1f} / {percentile(h, 0.95):.1f} | {percentile(f, 0.5):.2f} / {percentile(f, 0.95):.2f} | "
            f"{percentile(w, 0.5) / max(percentile(f, 0.5), 1e-6):.1f}x |"
        )
    lines.append(
        f"| **all** | {len(all_plain)} | **{percentile(all_plain, 0.5):.1f} / {percentile(all_plain, 0.95):.1f}** | "
        f"**{percentile(all_lit, 0.5):.1f} / {percentile(all_lit, 0.95):.1f}** | "
        f"{percentile(all_fts, 0.5):.2f} / {percentile(all_fts, 0.95):.2f} | "
        f"{percentile(all_plain, 0.5) / max(percentile(all_fts, 0.5), 1e-6):.1f}x |"
    )
    if zero:
        lines.append(f"\nQueries with no hits at this size: {', '.join(zero)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--work", type=Path, default=None, help="where libraries are kept between runs"
    )
    args = parser.parse_args(argv)
    from platformdirs import user_cache_path

    work = args.work or user_cache_path("brief-bench", appauthor=False)
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"# Search benchmark ({os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()})"
    )
    print(
        "\nSame documents (each briefing's title and body) and the same queries (bench/queries.tsv) for both engines."
    )
    for size in args.sizes:
        print("\n".join(run_size(size, args.repeat, work)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
