"""Build a whole index with one worker process per core (``brief reindex`` of a big library).

A rebuild spends its time in three places of about equal size: reading each
briefing and making its index document (with the related-articles profile),
Whoosh analysing the fields, and Whoosh writing the postings at commit. All
three are per-document Python work, so the briefings are split into one share
per worker and each worker does all three for its share, writing one segment
into the new index folder. The parent then writes the index's table of
contents with all the segments, as Whoosh's own ``MpWriter(multisegment=True)``
does. That writer was not used because it makes every document in the parent
and pickles it to the workers, which leaves a third of the work on one core.

The private Whoosh calls below (``SegmentWriter(_lk=False)``,
``_finalize_segment``, ``_close_segment``, ``_commit_toc``, ``_finish``) are the
ones ``whoosh.multiproc`` itself uses; the ``whoosh3`` pin in pyproject.toml
keeps them stable and ``tests/unit/test_search_parallel.py`` covers them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from whoosh import index as windex

#: Below this many briefings one process rebuilds: starting workers costs about a second.
MIN_BRIEFINGS = 1000
#: At most this many workers (each holds a Whoosh pool of ``LIMIT_MB``).
MAX_WORKERS = 4
LIMIT_MB = 128
#: Briefings read from the store at a time, and the unit of progress reports.
CHUNK = 200


def workers_for(count: int) -> int:
    """How many worker processes a rebuild of ``count`` briefings uses (1: none)."""
    if count < MIN_BRIEFINGS:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def shares(ids: list[str], workers: int) -> list[list[str]]:
    """Split ids into ``workers`` shares of whole chunks, dealt round-robin so that
    long and short briefings (and old and new ones) spread evenly."""
    out: list[list[str]] = [[] for _ in range(workers)]
    for n, start in enumerate(range(0, len(ids), CHUNK)):
        out[n % workers].extend(ids[start : start + CHUNK])
    return [share for share in out if share]


def build_segments(
    library_folder: Path,
    index_folder: Path,
    ids: list[str],
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Index the briefings ``ids`` of the library into the (new, empty) index in
    ``index_folder`` with ``workers`` processes; ``progress`` is called with the
    number of briefings indexed so far."""
    import multiprocessing  # here, not at the top: every brief command imports this module
    import queue

    from search.background import interrupts_ignored, parent_log_file

    ctx = multiprocessing.get_context("spawn")
    parts = shares(ids, workers)
    with interrupts_ignored():  # the workers start with Ctrl-C ignored
        done: Any = ctx.Queue()
        pool = ctx.Pool(len(parts), initializer=_start_worker, initargs=(parent_log_file(), done))
    with pool:
        pending = pool.map_async(
            _build_share, [(str(library_folder), str(index_folder), part) for part in parts]
        )
        indexed = 0
        while not pending.ready():
            try:
                indexed += done.get(timeout=0.2)
            except queue.Empty:
                continue
            if progress is not None:
                progress(indexed)
        segments = [segment for segment in pending.get() if segment is not None]
    if progress is not None:
        progress(len(ids))
    from whoosh.writing import SegmentWriter

    writer = SegmentWriter(windex.open_dir(str(index_folder)))
    try:
        writer._close_segment()  # the parent's own segment stays empty
        writer._commit_toc(segments)
    finally:
        writer._finish()


_done: Any = None


def _start_worker(log_file: str | None, done: Any) -> None:
    from search.background import quiet_child

    global _done
    quiet_child(log_file)
    _done = done


def _build_share(job: tuple[str, str, list[str]]) -> Any:
    """In a worker: index one share of the briefings into a segment of its own."""
    from briefings.library import Library
    from briefings.pipeline import derivation_gc
    from search.index import StreamingMergeWriter, added_times, index_document

    library_folder, index_folder, ids = job
    ix = windex.open_dir(index_folder)
    # The workers share the index's temporary folder; the parent's writer removes it
    # once all of them are done (as in whoosh.multiproc).
    writer = StreamingMergeWriter(ix, _lk=False, limitmb=LIMIT_MB)
    try:
        with derivation_gc(), Library(library_folder, create=False) as library:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                added = added_times(library, chunk)
                for briefing in library.get_many(chunk):
                    writer.add_document(**index_document(briefing, added.get(briefing.id)))
                if _done is not None:
                    _done.put(len(chunk))
    except BaseException:
        writer._close_segment()
        raise
    if not writer._added:
        writer._close_segment()
        return None
    return writer._finalize_segment()
