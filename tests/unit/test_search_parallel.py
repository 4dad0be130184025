"""Rebuilding the index with worker processes (search.parallel) gives the same index."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.library import Library, LibraryError
from search import SearchIndex, parallel
from search import index as index_module
from tests.unit.search_helpers import make, newsroom, store_reports

QUERIES = [
    "speaker:okonkwo",
    "cranes",
    '"grain prices"',
    "council AND money",
    "source:port",
    "report -ferries",
]


def _library(folder: Path) -> Library:
    lib, _ = newsroom(folder)
    store_reports(lib, 57)
    return lib


def _answers(index: SearchIndex) -> list[tuple[int, list[str]]]:
    out = []
    for q in QUERIES:
        results = index.search(q, limit=100, sort="date")
        out.append((results.total, sorted(h.id for h in results.hits)))
    return out


def test_shares_deal_whole_chunks_round_robin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)
    ids = [f"id{i:02d}" for i in range(14)]
    parts = parallel.shares(ids, 2)
    assert parts == [ids[0:3] + ids[6:9] + ids[12:14], ids[3:6] + ids[9:12]]
    assert parallel.shares(ids[:2], 4) == [ids[:2]]  # no empty shares


def test_small_libraries_are_rebuilt_in_one_process() -> None:
    assert parallel.workers_for(parallel.MIN_BRIEFINGS - 1) == 1
    assert 1 <= parallel.workers_for(100_000) <= parallel.MAX_WORKERS


def test_a_rebuild_with_workers_gives_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = _library(tmp_path / "lib")
    index = SearchIndex(lib)  # a new library: built here, in this process
    one_process = _answers(index)
    assert len(index.ix._segments()) == 1

    monkeypatch.setattr(index_module, "workers_for", lambda count: 2)
    monkeypatch.setattr(parallel, "CHUNK", 10)
    monkeypatch.setattr(index_module, "NOTE_ABOVE", 10)
    seen: list[tuple[int, int]] = []
    index = SearchIndex(lib, on_progress=lambda done, total: seen.append((done, total)))
    assert index.rebuild() == lib.count() == 61
    assert len(index.ix._segments()) == 2  # one per worker
    assert _answers(index) == one_process
    assert seen[0] == (0, 61) and seen[-1] == (61, 61)
    leftovers = [p.name for p in (tmp_path / "lib").iterdir() if ".new-" in p.name]
    leftovers += [p.name for p in (tmp_path / "lib" / "index").iterdir() if p.is_dir()]
    assert leftovers == []  # no temporary folders left behind
    index.close()

    # later commits add to the index as usual
    index = SearchIndex(lib)
    make(lib, "late", "Late report on tidal power", ["The council discussed tidal power."])
    index.sync()
    assert index.search("tidal").total == 1
    index.close()
    lib.close()


def test_a_damaged_briefing_fails_the_rebuild_and_keeps_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = _library(tmp_path / "lib")
    index = SearchIndex(lib)
    before = _answers(index)
    victim = lib.ids()[30]
    with lib.connection:
        lib.connection.execute("UPDATE briefings SET data='{broken' WHERE id=?", (victim,))

    monkeypatch.setattr(index_module, "workers_for", lambda count: 2)
    with pytest.raises(LibraryError, match=f"briefing {victim} .* is unreadable"):
        index.rebuild()
    assert _answers(SearchIndex(lib)) == before
    lib.close()
