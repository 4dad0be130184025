"""Ingest and index benchmarks, and the benchmark libraries the other measures use.

- **Ingest, file to searchable**: ``brief ingest --quiet CORPUS`` into a fresh
  library, in a child process (the product's own command: read, derive,
  store, then the search index sync with related lists). Wall time, CPU time
  (so the table shows how many cores it kept busy) and the child's peak RSS.
- **Index build**: ``brief reindex`` on that library (the whole Whoosh index
  rebuilt from the store), time, peak RSS and size on disk.
- **Incremental add of one article**: in this process, derive + store + sync
  of one new article (a recombination beyond the corpus), timed end to end;
  each added article is deleted again (untimed) so the library keeps its size.

Libraries are cached under the bench cache folder, one per size, and reused
while the extractor version and the index schema version are unchanged
(``--fresh`` rebuilds them); a reused library reports the ingest numbers
measured when it was built, with that date and commit.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.corpus import corpus_dir
from bench.measure import cache_root, child_env, dir_size_mb, git_commit, run_child

INGEST_RECORD = "bench-ingest.json"


def code_versions() -> dict[str, int | None]:
    """What makes a stored library stale: the extractor and index schema versions."""
    from briefings.derive import EXTRACTOR_VERSION

    try:
        from search.schema import SCHEMA_VERSION
    except ImportError:  # the search layer has not landed
        SCHEMA_VERSION = None
    return {"extractor": EXTRACTOR_VERSION, "index_schema": SCHEMA_VERSION}


@dataclass
class IngestRecord:
    size: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    store_mb: float
    index_mb: float
    measured_at: str
    commit: str
    versions: dict
    #: "brief ingest" (the product's command, file to searchable) or "fast" (bench-side:
    #: derive in worker processes, store, index rebuilt from the store, no related lists).
    mode: str = "brief ingest"
    index_build: dict | None = None  # the fast build's index build
    fresh: bool = True  # False when read back from a cached library

    @property
    def rate(self) -> float:
        return self.size / self.seconds if self.seconds else float("nan")

    @property
    def cores_used(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds else float("nan")


def library_dir(size: int) -> Path:
    return cache_root() / f"library-{size}"


def brief_args(library: Path, *args: str) -> list[str]:
    return ["-m", "tui.cli", "--library", str(library), *args]


def ensure_library(
    size: int, *, fresh: bool = False, fast: bool = False, stale_ok: bool = False, say=print
) -> IngestRecord:  # type: ignore[no-untyped-def]
    """The benchmark library of ``size`` articles, ingested now if missing or stale
    (``fast``: built with ``fast_build`` instead of ``brief ingest``; ``stale_ok``: a
    library made by older code is reused, its record names the commit)."""
    folder = library_dir(size)
    record_path = folder / INGEST_RECORD
    if not fresh and record_path.exists():
        data = json.loads(record_path.read_text(encoding="utf-8"))
        if data.get("versions") == code_versions() or stale_ok:
            data["fresh"] = False
            return IngestRecord(**data)
    if fast:
        return fast_build(size, say=say)
    corpus = corpus_dir(size, cache=cache_root())
    if folder.exists():
        shutil.rmtree(folder)
    say(f"  ingesting {size:,} articles into {folder} (brief ingest)…")
    run = run_child(
        brief_args(folder, "ingest", "--quiet", str(corpus)),
        env=child_env(BRIEF_NO_SAMPLES="1"),
    )
    if run.returncode not in (0, 1):  # 1: some inputs failed, still a library
        raise RuntimeError(f"brief ingest failed: {run.stderr.strip()[-2000:]}")
    record = IngestRecord(
        size=size,
        seconds=run.seconds,
        cpu_seconds=run.cpu_seconds,
        # the command and its background indexer run at the same time
        peak_mb=run.peak_mb + run.helpers_peak_mb,
        store_mb=dir_size_mb(folder) - dir_size_mb(folder / "index"),
        index_mb=dir_size_mb(folder / "index"),
        measured_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=git_commit(),
        versions=code_versions(),
    )
    data = asdict(record)
    data.pop("fresh")
    record_path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return record


def _derive_file(path: str):  # type: ignore[no-untyped-def]
    from briefings.derive import derive
    from briefings.ingest import article_from_bytes

    article = article_from_bytes(Path(path).read_bytes(), path, Path(path).name, path)
    return article, derive(article)


def fast_build(size: int, *, say=print) -> IngestRecord:  # type: ignore[no-untyped-def]
    """A library for the query, reader and related measures when ``brief ingest`` would
    take too long: articles derived in one worker process per core and stored (what is
    already stored and current is kept), the outbox acknowledged, then the index
    rebuilt from the store by ``brief reindex`` (timed as the index build). No related
    lists are computed for the stored briefings, so this is not the product's ingest;
    the ingest row says so."""
    import multiprocessing

    from briefings.derive import EXTRACTOR_VERSION
    from briefings.ingest import article_from_bytes
    from briefings.library import Library

    folder = library_dir(size)
    corpus = corpus_dir(size, cache=cache_root())
    paths = [str(p.resolve()) for p in sorted(corpus.glob("*/*.txt"))]
    start = time.perf_counter()
    cpu_start = _cpu_with_children()
    with Library(folder) as library:
        todo = [
            p
            for p in paths
            if library.status_of(
                article_from_bytes(Path(p).read_bytes(), p, Path(p).name, p), EXTRACTOR_VERSION
            )
            != "unchanged"
        ]
        say(f"  fast build of {size:,}: deriving {len(todo):,} articles in worker processes…")
        with multiprocessing.get_context("spawn").Pool(os.cpu_count() or 2) as pool:
            for article, briefing in pool.imap_unordered(_derive_file, todo, chunksize=16):
                library.put(article, briefing)
        library.ack_index_ops(library.pending_index_ops())
    seconds = time.perf_counter() - start
    cpu = _cpu_with_children() - cpu_start
    shutil.rmtree(folder / "index", ignore_errors=True)
    say(f"  fast build of {size:,}: index built from the store…")
    build = measure_index_build(size, missing=True)
    record = IngestRecord(
        size=size,
        seconds=seconds + build.seconds,
        cpu_seconds=cpu + build.cpu_seconds,
        peak_mb=build.peak_mb,
        store_mb=dir_size_mb(folder) - dir_size_mb(folder / "index"),
        index_mb=build.index_mb,
        measured_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=git_commit(),
        versions=code_versions(),
        mode="fast",
        index_build=asdict(build),
    )
    data = asdict(record)
    data.pop("fresh")
    (folder / INGEST_RECORD).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return record


def _cpu_with_children() -> float:
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass
class IndexBuild:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    index_mb: float


_OPEN_INDEX = (
    "import sys; from briefings.library import Library; from search import SearchIndex; "
    "SearchIndex(Library(sys.argv[1])).close()"
)


def measure_index_build(size: int, *, missing: bool = False) -> IndexBuild:
    """``brief reindex`` on the library: the whole index rebuilt from the store. With
    ``missing`` (no index yet) the index is opened instead, which builds it once
    (``brief reindex`` would build it on opening and then again)."""
    folder = library_dir(size)
    args = ["-c", _OPEN_INDEX, str(folder)] if missing else brief_args(folder, "reindex")
    run = run_child(args, env=child_env(BRIEF_NO_SAMPLES="1"))
    if run.returncode != 0:
        raise RuntimeError(f"brief reindex failed: {run.stderr.strip()[-2000:]}")
    # a big library is rebuilt by worker processes (search.parallel): their peaks add up
    peak = run.peak_mb + run.helpers_peak_mb
    return IndexBuild(run.seconds, run.cpu_seconds, peak, dir_size_mb(folder / "index"))


def new_articles(size: int, count: int):  # type: ignore[no-untyped-def]
    """``count`` articles not in the corpus of ``size`` (recombinations past its end)."""
    from bench.corpus import BBC, Recombiner, read_bbc
    from briefings.models import Article

    recombiner = Recombiner(read_bbc(BBC), seed=7)
    out = []
    for k in range(count):
        category, title, body = recombiner.article(10_000_000 + size + k)
        out.append(
            Article(origin=f"bench:new/{size}/{k}/{category}.txt", text=f"{title}\n\n{body}\n")
        )
    return out


@dataclass
class AddTimings:
    """Per added article, milliseconds."""

    derive: list[float]
    store: list[float]
    sync: list[float]
    total: list[float]


def measure_incremental_add(size: int, count: int) -> AddTimings:
    """Add ``count`` new articles one at a time (derive, store, sync), then remove them."""
    from briefings.derive import derive
    from briefings.library import Library
    from search import SearchIndex

    out = AddTimings([], [], [], [])
    with Library(library_dir(size)) as library:
        index = SearchIndex(library)
        index.sync()
        for article in new_articles(size, count):
            t0 = time.perf_counter()
            briefing = derive(article)
            t1 = time.perf_counter()
            library.put(article, briefing)
            t2 = time.perf_counter()
            index.sync()
            t3 = time.perf_counter()
            out.derive.append((t1 - t0) * 1000)
            out.store.append((t2 - t1) * 1000)
            out.sync.append((t3 - t2) * 1000)
            out.total.append((t3 - t0) * 1000)
            library.delete(article.id)
            index.sync()
        index.close()
    return out
