"""A saved search's digest: what it gained since its last digest (``briefings.digest``
decides what is new in them; this finds them through the index and moves the mark)."""

from __future__ import annotations

from briefings.digest import Digest, build_digest
from briefings.library import Library, now_iso
from search.index import SearchIndex
from search.people import matching_ids
from search.saved import SavedSearches

#: Earlier briefings of the saved search that new figures and speakers are compared with.
EARLIER = 300


def make_digest(
    library: Library, index: SearchIndex, name: str, *, since: str | None = None
) -> Digest:
    """The digest of saved search ``name``: briefings added after its last digest (or on
    or after ``since``, an ISO timestamp, which leaves the mark where it is). Raises
    ``SavedSearchError`` for an unknown name and ``QueryError`` for a query that no
    longer parses."""
    saved = SavedSearches(library, index).get(name)
    stamp = now_iso()
    mark = since or library.digest_mark(saved.name)
    ids = matching_ids(index, saved.query)
    added = library.added_at(ids)
    if since is not None:
        new_ids = [i for i in ids if added.get(i, "") >= since]
    else:
        new_ids = [i for i in ids if mark is None or added.get(i, "") > mark]
    fresh = set(new_ids)
    earlier = sorted((i for i in ids if i not in fresh), key=lambda i: added.get(i, ""))
    digest = build_digest(
        saved.name,
        saved.query,
        mark,
        library.get_many(sorted(new_ids)),
        library.get_many(earlier[-EARLIER:]),
    )
    if since is None:
        library.set_digest_mark(saved.name, stamp)
    return digest
