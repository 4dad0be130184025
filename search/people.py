"""Candidate briefings for a person page, and the ids a saved search matches.

The index finds the briefings whose speakers or entities contain a name's
last word (a bounded read of two postings lists); ``briefings.people``
decides which of them are really about that person.
"""

from __future__ import annotations

from datetime import datetime

from whoosh import query as wq

from briefings.people import name_words
from search.index import SearchIndex, ids_of
from search.query import parse_query


def person_candidates(index: SearchIndex, name: str) -> list[str]:
    """Ids of briefings that name ``name``'s last word as a speaker or an entity."""
    words = name_words(name)
    if not words:
        return []
    term = words[-1]
    q = wq.Or([wq.Term("speakers", term), wq.Term("entities", term)])
    searcher = index.searcher()
    return ids_of(searcher, list(searcher.docs_for_query(q)))


def matching_ids(index: SearchIndex, query: str, *, since: datetime | None = None) -> list[str]:
    """Every briefing matching ``query`` (added after ``since``, if given); raises
    ``QueryError`` for a bad query."""
    q = parse_query(query).query
    if since is not None:
        q = wq.And([q, wq.DateRange("added", since, None, startexcl=True)])
    searcher = index.searcher()
    return ids_of(searcher, list(searcher.docs_for_query(q)))
