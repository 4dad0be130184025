"""Indexing in a child process while an ingest stores briefings (search.background)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from briefings.library import Library
from search.background import BackgroundSync
from search.index import SearchIndex
from tests.unit.search_helpers import store_reports

_store = store_reports


def _wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_children_index_and_relate_while_the_parent_stores_then_drain(
    tmp_path: Path,
) -> None:
    lib = Library(tmp_path / "lib")
    SearchIndex(lib).close()
    with BackgroundSync(lib.folder, 30, min_articles=1, batch=5) as background:
        assert background.enabled
        _store(lib, 30)
        # While storing goes on, the children take whole batches of 5 off each queue.
        assert _wait_for(lambda: len(lib.pending_index_ops()) < 5)
        assert _wait_for(lambda: len(lib.pending_related_ops()) < 5)
    # Leaving the block drained both queues: nothing is left for the command's sync.
    assert lib.outstanding_changes() == 0
    index = SearchIndex(lib)
    assert index.doc_count() == 30
    assert index.sync() == 0
    with_related = [b for b in lib.get_many(lib.ids()) if b.related]
    assert len(with_related) == 30
    assert index.search("grain").total == 6


def test_stopping_at_once_leaves_the_rest_queued_for_the_next_sync(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    SearchIndex(lib).close()
    background = BackgroundSync(lib.folder, 40, min_articles=1, batch=5)
    with background:
        _store(lib, 40)
        background.stop()  # e.g. Ctrl-C during the ingest
    index = SearchIndex(lib)
    index.sync()
    assert index.doc_count() == 40
    assert sorted(index.indexed_ids()) == sorted(lib.ids())
    assert lib.outstanding_changes() == 0
    assert all(b.related for b in lib.get_many(lib.ids()))


def test_a_dead_indexer_does_not_keep_the_command_waiting(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    SearchIndex(lib).close()
    with BackgroundSync(lib.folder, 40, min_articles=1, batch=500) as background:
        indexer = next(p for p in background._processes if p.name == "brief-index")
        os.kill(indexer.pid, signal.SIGKILL)  # type: ignore[arg-type]
        indexer.join(10)
        _store(lib, 40)
        # finish() returns although nobody will ever index these
    assert len(lib.pending_index_ops()) == 40
    index = SearchIndex(lib)
    assert index.sync() == 40
    assert lib.outstanding_changes() == 0


def _related(lib: Library) -> dict[str, list[str]]:
    return {b.id: [r.id for r in b.related] for b in lib.get_many(lib.ids())}


def test_sync_relates_what_an_interrupted_relater_left(tmp_path: Path) -> None:
    whole = Library(tmp_path / "whole")
    _store(whole, 30)
    SearchIndex(whole).sync()  # both stages in one go

    lib = Library(tmp_path / "lib")
    index = SearchIndex(lib)
    _store(lib, 30)
    assert index.catch_up(min_pending=1, batch=100) == 30  # indexed, not related
    assert len(lib.pending_related_ops()) == 30
    assert not any(_related(lib).values())
    assert index.search("grain").total == 6  # searchable already
    assert index.sync() == 0  # nothing left to index...
    assert lib.outstanding_changes() == 0  # ...but the related lists were done
    assert _related(lib) == _related(whole)
    assert all(_related(lib).values())


def test_small_ingests_index_in_the_foreground(tmp_path: Path) -> None:
    background = BackgroundSync(tmp_path, 10)
    assert not background.enabled
    with background:  # nothing started, nothing to stop
        pass
