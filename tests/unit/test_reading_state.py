"""Reading state (read, starred, tags) in the store, and the query terms that use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.library import Library
from search import QueryError, SavedSearches, SearchIndex
from tests.unit.search_helpers import make


@pytest.fixture
def library(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = Library(tmp_path / "lib")
    for n in range(3):
        make(lib, f"n{n}", f"Harbour report number {n}", [f"Crews loaded {n} ships on Monday."])
    yield lib
    lib.close()


def ids_of(index: SearchIndex, query: str) -> set[str]:
    return {h.id for h in index.search(query, limit=50).hits}


def test_read_starred_and_tags_are_queries(library: Library) -> None:
    index = SearchIndex(library)
    index.sync()
    a, b, c = sorted(library.ids())
    assert ids_of(index, "is:unread") == {a, b, c}
    library.set_read([a])
    library.set_starred([b])
    assert library.set_tags(b, ["Chips", "#EU", "chips"]) == ("chips", "eu")
    assert ids_of(index, "is:unread") == {b, c}
    assert ids_of(index, "is:read") == {a}
    assert ids_of(index, "is:starred") == {b}
    assert ids_of(index, "tag:chips is:starred") == {b}
    assert ids_of(index, "tag:CHIPS OR is:read") == {a, b}
    assert ids_of(index, "harbour -tag:eu") == {a, c}
    assert ids_of(index, "tag:nothing") == set()
    library.set_read([a], False)
    assert ids_of(index, "is:unread") == {a, b, c}
    with pytest.raises(QueryError, match="is:unread"):
        index.search("is:new")
    index.close()


def test_saved_searches_use_reading_state(library: Library) -> None:
    index = SearchIndex(library)
    index.sync()
    saved = SavedSearches(library, index)
    saved.add("to read", "is:unread")
    assert saved.get("to read").count == 3
    library.set_read(library.ids()[:2])
    assert saved.get("to read").count == 1
    index.close()


def test_state_goes_with_a_deleted_briefing_and_comes_back_on_restore(
    library: Library,
) -> None:
    a = library.ids()[0]
    library.set_starred([a])
    library.set_tags(a, ["chips"])
    removed = library.remove(a)
    assert removed is not None and library.count() == 2
    assert library.reading_states() == {}
    assert library.restore(removed)
    assert library.count() == 3
    state = library.reading_states()[a]
    assert state.starred and state.tags == ("chips",) and not state.read
    assert not library.restore(removed)  # the id is taken again
