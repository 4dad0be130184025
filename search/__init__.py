"""Search over the library: the Whoosh index, query language, related articles,
quote corroboration and saved searches. Never imports textual.

    index = SearchIndex(library)
    index.sync()
    results = index.search('speaker:tsai after:2024-01-01')
"""

from __future__ import annotations

from search.index import SearchIndex, SearchIndexError
from search.query import QueryError, parse_query
from search.results import Hit, SearchResults, Snippet
from search.saved import SavedSearch, SavedSearchError, SavedSearches

__all__ = [
    "Hit",
    "QueryError",
    "SavedSearch",
    "SavedSearchError",
    "SavedSearches",
    "SearchIndex",
    "SearchIndexError",
    "SearchResults",
    "Snippet",
    "parse_query",
]
