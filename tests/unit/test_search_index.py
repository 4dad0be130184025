"""SearchIndex: search results, sync with the store, repair of a missing/stale/corrupt index."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefings.library import Library
from search import QueryError, SearchIndex, SearchIndexError
from search import index as index_module
from tests.unit.search_helpers import make, newsroom


@pytest.fixture
def room(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    yield lib, index, b
    index.close()
    lib.close()


def ids(results) -> set[str]:  # type: ignore[no-untyped-def]
    return {h.id for h in results.hits}


def test_speaker_finds_only_briefings_that_quote_the_person(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, b = room
    found = index.search("speaker:okonkwo")
    assert ids(found) == {b["interview"].id, b["retold"].id}
    assert found.total == 2
    assert ids(index.search("who:Okonkwo")) == ids(found)
    # mentioned in a body but never quoted: not a speaker
    assert ids(index.search("speaker:varga")) == set()


def test_phrase_matches_only_the_phrase(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, b = room
    assert ids(index.search('"export restrictions"')) == {b["interview"].id, b["retold"].id}
    # the words apart (topic has "restrictions" but not "export restrictions")
    assert b["topic"].id not in ids(index.search('"export restrictions"'))


def test_dates_stemming_case_and_not(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, b = room
    assert b["topic"].id not in ids(index.search("cranes after:2024-01-01"))
    assert ids(index.search("CRANE before:2024")) == {b["topic"].id}
    assert ids(index.search("restricting")) >= {b["interview"].id, b["topic"].id}
    assert ids(index.search("cranes -okonkwo")) == {b["topic"].id}
    assert ids(index.search("bakery OR cranes")) == {
        b["interview"].id,
        b["retold"].id,
        b["topic"].id,
        b["other"].id,
    }
    assert ids(index.search("title:bakery")) == {b["other"].id}


def test_facets_count_sources_and_speakers(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, _b = room
    results = index.search("cranes")
    assert dict(results.facets["source"]) == {"Port Weekly": 2, "Maritime Daily": 1}
    assert dict(results.facets["speaker"]) == {"Marta Okonkwo": 2, "Ines Duarte": 1}


def test_sort_by_date_newest_first_undated_last(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, b = room
    results = index.search("", sort="date")
    assert [h.id for h in results.hits] == [
        b["retold"].id,
        b["interview"].id,
        b["topic"].id,
        b["other"].id,
    ]
    assert results.hits[0].published == date(2024, 4, 9)


def test_snippets_prefer_quotes_and_are_plain_segments(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, b = room
    hit = next(h for h in index.search("careful").hits if h.id == b["interview"].id)
    assert hit.snippet[0] == ("“", False)
    assert ("careful", True) in hit.snippet
    assert "We have to be very careful" in hit.snippet_text
    phrase = next(h for h in index.search('"export restrictions"').hits)
    marked = [text.lower() for text, on in phrase.snippet if on]
    assert "export" in marked and "restrictions" in marked


def test_markup_in_articles_stays_text(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    make(lib, "m", "Plain [bold red]title[/]", ["Body with [link=x]markup[/link] words here."])
    index = SearchIndex(lib)
    index.sync()
    hit = index.search("markup").hits[0]
    assert hit.title == "Plain [bold red]title[/]"
    assert "[link=x]" in hit.snippet_text


def test_did_you_mean(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, _b = room
    results = index.search("okonkow cranes")
    assert results.total == 0
    assert results.suggestion == "okonkwo cranes"
    assert index.search("cranes").suggestion is None


def test_bad_query_raises_query_error(room) -> None:  # type: ignore[no-untyped-def]
    _lib, index, _b = room
    with pytest.raises(QueryError):
        index.search("title:(")
    with pytest.raises(QueryError):
        index.search("cranes", sort="random")


def test_sync_applies_adds_updates_and_deletes(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, b = room
    new = make(lib, "new", "Ferry strike ends", ["Ferry crews returned to work on Monday."])
    assert index.search("ferry").total == 0  # not synced yet
    assert index.sync() == 1
    assert ids(index.search("ferry")) == {new.id}
    lib.delete(b["other"].id)
    index.sync()
    assert index.search("bakery").total == 0
    assert lib.pending_index_ops() == []
    assert index.indexed_ids() == set(lib.ids())


def test_a_crash_before_sync_is_repaired_on_next_open(tmp_path: Path) -> None:
    lib, _b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    # briefings stored, process killed before the index heard of them
    make(lib, "late", "Late arrival about tugboats", ["Tugboats everywhere."])
    lib.close()
    lib = Library(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    assert index.search("tugboats").total == 1
    assert index.indexed_ids() == set(lib.ids())


@pytest.mark.parametrize("damage", ["missing", "stale", "corrupt", "version-file"])
def test_missing_stale_or_corrupt_index_is_rebuilt_with_a_message(
    tmp_path: Path, damage: str
) -> None:
    lib, _b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    folder = tmp_path / "lib" / "index"
    if damage == "missing":
        for f in folder.iterdir():
            f.unlink()
    elif damage == "stale":
        (folder / "brief-index.json").write_text(json.dumps({"schema": 0}))
    elif damage == "version-file":
        (folder / "brief-index.json").write_text("not json")
    else:
        for f in folder.iterdir():
            if f.suffix in (".toc", ".seg") or f.name.startswith("_MAIN"):
                f.write_bytes(b"\x00garbage" * 10)
    lib.close()
    lib = Library(tmp_path / "lib")
    messages: list[str] = []
    index = SearchIndex(lib, on_message=messages.append)
    assert len(messages) == 1 and "rebuilt it from the library (4 briefings)" in messages[0]
    assert index.search("speaker:okonkwo").total == 2


def test_a_busy_writer_makes_others_wait_then_give_up_with_a_message(
    room, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    lib, index, _b = room
    from whoosh.util.filelock import FileLock

    index.lock_timeout = 0.2
    holder = FileLock(str(index.folder.parent / index_module.LOCK_FILE))
    assert holder.acquire(blocking=False)
    try:
        make(lib, "x", "Queued while locked", ["Lighthouse keepers."])
        with pytest.raises(SearchIndexError, match="busy"):
            index.sync()
    finally:
        holder.release()
    index.sync()
    assert index.search("lighthouse").total == 1


def test_reconcile_repairs_an_index_that_disagrees_with_the_store(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, b = room
    writer = index.ix.writer()
    writer.delete_by_term("id", b["topic"].id)
    writer.commit()
    assert index.reconcile() == (1, 0)
    assert index.indexed_ids() == set(lib.ids())


def test_a_second_writer_waits_for_the_first(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, _b = room
    import threading

    from whoosh.util.filelock import FileLock

    holder = FileLock(str(index.folder.parent / index_module.LOCK_FILE))
    assert holder.acquire(blocking=False)
    make(lib, "w", "Waiting writer", ["Harbour pilots queue at the lock gates."])
    released = threading.Timer(0.3, holder.release)
    released.start()
    try:
        assert index.sync() == 1  # waited for the lock instead of failing
    finally:
        released.join()
    assert index.search("pilots").total == 1


def test_an_index_rebuilt_by_another_process_is_reopened_not_rebuilt_again(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, _b = room
    assert index.search("cranes").total == 3  # this thread now holds a searcher
    other = SearchIndex(lib)
    other.rebuild()
    messages: list[str] = []
    index._on_message = messages.append
    assert index.search("cranes").total == 3
    assert messages == []


def test_commits_merge_segments_by_tier_so_they_never_pile_up(tmp_path: Path) -> None:
    from whoosh import index as windex

    from search.index import MERGE_FACTOR, merge_tiers
    from search.schema import build_schema

    ix = windex.create_in(str(tmp_path), build_schema())
    for i in range(40):
        writer = ix.writer()
        writer.add_document(id=f"doc{i}", title=f"report {i}", body="harbour cranes")
        writer.commit(mergetype=merge_tiers)
        assert len(ix._segments()) < MERGE_FACTOR + 1
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 40
