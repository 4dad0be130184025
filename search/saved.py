"""Saved searches: named queries kept in the library's ``saved_searches`` table.

Each has a count of hits and a count of hits added since it was last opened
(``run`` opens it). Names are unique regardless of case. A saved query that
no longer parses (say, after the query language changed) is listed with its
error instead of being dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from briefings.library import Library, LibraryError, now_iso
from search.index import SearchIndex
from search.query import QueryError, parse_query
from search.results import SearchResults

MAX_NAME = 80


class SavedSearchError(LibraryError, ValueError):
    """No such saved search, a name already taken, or an unusable name (also a
    ``ValueError``, so callers that catch bad input generally catch it too)."""


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    count: int
    new_count: int
    error: str | None = None
    last_opened: datetime | None = None

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "query": self.query,
            "count": self.count,
            "new_count": self.new_count,
            "error": self.error,
            "last_opened": self.last_opened.isoformat() if self.last_opened else None,
        }


def _naive_utc(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        value = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SavedSearchError("a saved search needs a name")
    if len(name) > MAX_NAME:
        raise SavedSearchError(f"the name is too long (at most {MAX_NAME} characters)")
    if any(not c.isprintable() for c in name):
        raise SavedSearchError("the name has control characters in it")
    return name


class SavedSearches:
    def __init__(self, library: Library, index: SearchIndex) -> None:
        self.library = library
        self.index = index

    def _row(self, name: str) -> tuple[str, str, str | None] | None:
        return self.library.saved_search(" ".join(name.split()))

    def _need(self, name: str) -> tuple[str, str, str | None]:
        row = self._row(name)
        if row is None:
            raise SavedSearchError(f"no saved search named {name!r}")
        return row

    def add(self, name: str, query: str) -> SavedSearch:
        """Save ``query`` as ``name``; raises QueryError for a bad query."""
        name = _clean_name(name)
        parse_query(query)
        existing = self._row(name)
        if existing is not None:
            raise SavedSearchError(f"a saved search named {existing[0]!r} already exists")
        stamp = now_iso()
        count = self.index.count(query)
        self.library.add_saved_search(name, query, stamp, count)
        return SavedSearch(name, query, count, 0, None, _naive_utc(stamp))

    def rename(self, old: str, new: str) -> None:
        current = self._need(old)[0]
        new = _clean_name(new)
        clash = self._row(new)
        if clash is not None and clash[0] != current:
            raise SavedSearchError(f"a saved search named {clash[0]!r} already exists")
        self.library.rename_saved_search(current, new)

    def remove(self, name: str) -> None:
        current = self._need(name)[0]
        self.library.remove_saved_search(current)

    def get(self, name: str) -> SavedSearch:
        row = self._need(name)
        return self.describe(*row)

    def entries(self) -> list[tuple[str, str, str | None]]:
        """(name, query, when last opened) of every saved search, by name, without
        counting hits (cheap: listing never waits for counting)."""
        return self.library.saved_searches()

    def list(self) -> list[SavedSearch]:
        return [self.describe(*entry) for entry in self.entries()]

    def describe(self, name: str, query: str, opened: str | None) -> SavedSearch:
        """One saved search with its hit and new-hit counts (runs its query twice)."""
        last = _naive_utc(opened)
        try:
            count = self.index.count(query)
            new = self.index.count(query, since=last) if last is not None else count
        except QueryError as exc:
            return SavedSearch(name, query, 0, 0, str(exc), last)
        return SavedSearch(name, query, count, new, None, last)

    def opened_stamp(self, name: str) -> str | None:
        """When the saved search was last opened, as stored (briefings added after it are
        its new hits); raises SavedSearchError for an unknown name."""
        return self._need(name)[2]

    def run(
        self, name: str, *, limit: int = 50, sort: str = "relevance", highlight: bool = True
    ) -> SearchResults:
        """Run a saved search and mark it opened (its new-hit count starts again from 0).
        Raises QueryError when its query no longer parses."""
        current, query, _ = self._need(name)
        results = self.index.search(query, limit=limit, sort=sort, highlight=highlight)
        self.library.saved_search_opened(current, results.total)
        return results
