"""Related articles (placeholder, filled in next)."""

from __future__ import annotations


def profile_for(briefing, searcher):  # type: ignore[no-untyped-def]
    return {}


class RelatedUpdater:
    def __init__(self, index) -> None:  # type: ignore[no-untyped-def]
        self.index = index

    def update(self, briefings, deleted) -> None:  # type: ignore[no-untyped-def]
        return None
