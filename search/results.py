"""What a search returns: plain data, safe to hand to any thread or screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: A snippet is a list of (text, highlighted) segments: plain text, never markup.
Snippet = list[tuple[str, bool]]


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    source: str | None
    published: date | None
    score: float
    snippet: Snippet = field(default_factory=list)

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "score": round(self.score, 4),
            "snippet": self.snippet_text,
            "highlights": [text for text, on in self.snippet if on],
        }


@dataclass(slots=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None
    #: "source" and "speaker": (value, count), most frequent first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    #: False when there are more hits than ``total`` (counted up to a limit: "1,000+")
    total_exact: bool = True

    @property
    def total_text(self) -> str:
        """The hit count as shown: ``523``, or ``1,000+`` when counting stopped there."""
        return str(self.total) if self.total_exact else f"{self.total:,}+"

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "total_exact": self.total_exact,
            "suggestion": self.suggestion,
            "facets": {k: [[v, n] for v, n in vals] for k, vals in self.facets.items()},
            "hits": [h.as_json() for h in self.hits],
        }
