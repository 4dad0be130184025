"""Saved searches: persisted, unique names, hit and new-hit counts, broken queries reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.library import Library
from search import QueryError, SavedSearchError, SavedSearches, SearchIndex
from tests.unit.search_helpers import make, newsroom


@pytest.fixture
def saved(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib, _ = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    yield SavedSearches(lib, index)
    lib.close()


def test_add_list_run_rename_remove(saved: SavedSearches) -> None:
    made = saved.add("Cranes", "cranes after:2024")
    assert (made.count, made.new_count) == (2, 0)
    [item] = saved.list()
    assert (item.name, item.query, item.count, item.new_count, item.error) == (
        "Cranes", "cranes after:2024", 2, 0, None,
    )  # fmt: skip
    assert saved.run("cranes").total == 2  # names match regardless of case
    saved.rename("Cranes", "Port cranes")
    assert [s.name for s in saved.list()] == ["Port cranes"]
    saved.remove("port cranes")
    assert saved.list() == []


def test_names_are_unique_and_queries_checked(saved: SavedSearches) -> None:
    saved.add("ports", "ports")
    saved.add("bread", "bakery")
    with pytest.raises(SavedSearchError, match="already exists"):
        saved.add("PORTS", "cranes")
    with pytest.raises(SavedSearchError, match="already exists"):
        saved.rename("bread", "Ports")
    with pytest.raises(SavedSearchError, match="no saved search"):
        saved.remove("nothing")
    with pytest.raises(SavedSearchError, match="needs a name"):
        saved.add("  ", "cranes")
    with pytest.raises(QueryError):
        saved.add("broken", "title:(")


def test_new_hits_after_an_ingest_and_reset_when_opened(saved: SavedSearches) -> None:
    saved.add("cranes", "cranes")
    make(saved.library, "more", "More cranes for the Baltic", ["Cranes arrive in Gdansk port."])
    saved.index.sync()
    [item] = saved.list()
    assert (item.count, item.new_count) == (4, 1)
    saved.run("cranes")
    [item] = saved.list()
    assert (item.count, item.new_count) == (4, 0)


def test_a_query_that_no_longer_parses_is_reported_not_dropped(saved: SavedSearches) -> None:
    with saved.library.transaction() as conn:
        conn.execute(
            "INSERT INTO saved_searches (name, query, created_at) VALUES ('old', 'colour:red', 'x')"
        )
    [item] = saved.list()
    assert item.name == "old" and item.error is not None and "unknown field" in item.error
    with pytest.raises(QueryError):
        saved.run("old")
    assert [s.name for s in saved.list()] == ["old"]


def test_saved_searches_survive_a_restart(tmp_path: Path) -> None:
    lib, _ = newsroom(tmp_path / "lib")
    SavedSearches(lib, SearchIndex(lib)).add("ports", "ports")
    lib.close()
    lib = Library(tmp_path / "lib")
    [item] = SavedSearches(lib, SearchIndex(lib)).list()
    assert item.name == "ports" and item.count >= 1
