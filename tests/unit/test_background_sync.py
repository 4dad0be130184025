"""Indexing in a child process while an ingest stores briefings (search.background)."""

from __future__ import annotations

import time
from pathlib import Path

from briefings.library import Library
from search.background import BackgroundSync
from search.index import SearchIndex
from tests.unit.search_helpers import make

TOPICS = ["harbour cranes", "grain prices", "river ferries", "solar farms", "rail freight"]


def _store(lib: Library, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        topic = TOPICS[i % len(TOPICS)]
        make(
            lib,
            f"a{i}",
            f"Report {i} on {topic}",
            [
                f"The council discussed {topic} for the {i}th time on Tuesday.",
                f"Officials said {topic} would need more money next year, report {i} notes.",
            ],
        )


def _wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_child_indexes_queued_briefings_while_the_parent_stores(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    SearchIndex(lib).close()
    with BackgroundSync(lib.folder, 30, min_articles=1, batch=5) as background:
        assert background.enabled
        _store(lib, 30)
        # The child takes whole batches of 5 off the queue on its own.
        assert _wait_for(lambda: len(lib.pending_index_ops()) < 5)
    index = SearchIndex(lib)
    index.sync()
    assert index.doc_count() == 30
    assert not lib.pending_index_ops()
    # Related lists were computed by whichever process indexed each briefing.
    with_related = [b for b in lib.get_many(lib.ids()) if b.related]
    assert len(with_related) == 30
    assert index.search("grain").total == 6


def test_stopping_at_once_leaves_the_rest_queued_for_the_next_sync(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    SearchIndex(lib).close()
    background = BackgroundSync(lib.folder, 40, min_articles=1, batch=5)
    with background:
        _store(lib, 40)
        background.stop(now=True)  # e.g. Ctrl-C during the ingest
    index = SearchIndex(lib)
    index.sync()
    assert index.doc_count() == 40
    assert sorted(index.indexed_ids()) == sorted(lib.ids())


def test_small_ingests_index_in_the_foreground(tmp_path: Path) -> None:
    background = BackgroundSync(tmp_path, 10)
    assert not background.enabled
    with background:  # nothing started, nothing to stop
        pass
