"""How rare a name is in the library: what story linking asks the index.

A name is *rare* when one of its words is in few briefings' entities (at most
``RARE_SHARE`` of the library, or ``RARE_FLOOR`` briefings in a small one):
such a name tells one event from another, where a name every article carries
(a candidate in a campaign) does not.
"""

from __future__ import annotations

from collections.abc import Callable

from briefings.people import name_words
from search.index import SearchIndex

RARE_SHARE = 0.03
RARE_FLOOR = 5


def rare_names(index: SearchIndex) -> Callable[[str], bool]:
    """A test of rarity against the index as it is now (one searcher, cached answers)."""
    reader = index.searcher().reader()
    limit = max(RARE_FLOOR, int(reader.doc_count() * RARE_SHARE))
    cache: dict[str, bool] = {}

    def rare(name: str) -> bool:
        found = cache.get(name)
        if found is None:
            words = [w for w in name_words(name) if len(w) > 2]
            found = bool(words) and min(reader.doc_frequency("entities", w) for w in words) <= limit
            cache[name] = found
        return found

    return rare
