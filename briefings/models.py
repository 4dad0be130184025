"""The data model: a raw ``Article`` in, a structured ``Briefing`` out.

A ``Briefing`` serialises to JSON with stable keys that other tools read
(``brief show --json``). Offsets (``start``/``end``) index into the cleaned
body text, which is ``BODY_SEPARATOR.join(briefing.body)``; ``Briefing.body_text``
gives that string so a reader can show the evidence for any quote or figure.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Paragraphs of the cleaned body are joined with this to form the text that
#: every ``start``/``end`` offset refers to.
BODY_SEPARATOR = "\n\n"

Format = Literal["txt", "md", "html"]

#: An attribution whose ``speaker_confidence`` is below this is shown as uncertain
#: (a marker in the reader and the export) and left out of ``speaker:`` facets.
CONFIDENT_SPEAKER = 0.5
EntityKind = Literal["person", "organisation", "place", "other"]
#: A person's sex as the article shows it (titles, first names, "he said"); "" unknown.
Gender = Literal["male", "female", ""]


def content_hash(text: str) -> str:
    """A stable hash of decoded article text (what "unchanged" means on re-ingest)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def briefing_id_for(origin: str) -> str:
    """The briefing id for an origin: stable across re-ingests of the same origin."""
    return hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)


class Article(_Model):
    """A raw input article, decoded to text but otherwise untouched."""

    origin: str = Field(description="Absolute file path, URL, or a 'stdin:' / 'sample:' origin")
    format: Format = "txt"
    text: str
    encoding: str = "utf-8"
    content_hash: str = ""

    def model_post_init(self, __context: object) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    @property
    def id(self) -> str:
        return briefing_id_for(self.origin)


class QuoteLink(_Model):
    """The same quotation in another briefing (set by the search layer's corroboration)."""

    id: str = Field(description="The other briefing's id")
    title: str = ""
    source: str | None = None
    published: date | None = None
    quote: int = Field(default=0, description="Index into the other briefing's quotes")
    text: str = ""
    score: float = 0.0
    differences: list[tuple[str, str]] = Field(
        default_factory=list, description="(wording here, wording there); empty when identical"
    )


class Quote(_Model):
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_confidence: float = Field(
        default=1.0,
        ge=0.0,
        le=1.0,
        description="How sure the attribution is, 0-1; below CONFIDENT_SPEAKER it is uncertain",
    )
    paragraph: int = 0
    start: int = 0
    end: int = 0
    corroborations: list[QuoteLink] = Field(
        default_factory=list, description="The same quote in other briefings"
    )

    @property
    def speaker_uncertain(self) -> bool:
        """A speaker is named but the attribution is not confident: show it as such."""
        return self.speaker is not None and self.speaker_confidence < CONFIDENT_SPEAKER


class Figure(_Model):
    text: str
    value: float | None = None
    unit: str | None = None
    measures: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0


class Entity(_Model):
    name: str
    kind: EntityKind = "other"
    aliases: list[str] = Field(default_factory=list)
    mentions: int = 1
    gender: Gender = Field(
        default="", description="For people: 'male' or 'female' where the text shows it"
    )


class Related(_Model):
    id: str
    title: str
    score: float
    reasons: list[str] = Field(default_factory=list)
    duplicate: bool = Field(default=False, description="A republished copy of the same article")


class SummarySentence(_Model):
    """Offsets of a summary sentence (``Briefing.summary`` holds the plain text)."""

    start: int
    end: int


class Briefing(_Model):
    """A structured briefing derived from one article."""

    id: str
    title: str
    dek: str | None = None
    author: str | None = None
    authors: list[str] = Field(
        default_factory=list, description="The authors one by one (``author`` joins them)"
    )
    published: date | None = None
    source: str | None = None
    origin: str
    format: Format = "txt"
    summary: list[str] = Field(default_factory=list)
    summary_spans: list[SummarySentence] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    body: list[str] = Field(default_factory=list)
    headings: list[int] = Field(
        default_factory=list, description="Indexes into body of paragraphs that are subheadings"
    )
    credits: list[str] = Field(
        default_factory=list,
        description="Credit lines kept as metadata, e.g. 'Additional reporting by ...'",
    )
    content_hash: str = ""
    extractor_version: int = 0

    @property
    def body_text(self) -> str:
        return BODY_SEPARATOR.join(self.body)

    @property
    def short_id(self) -> str:
        return self.id[:8]

    def speakers(self) -> list[str]:
        """Distinct named speakers, in order of first quote."""
        seen: dict[str, None] = {}
        for q in self.quotes:
            if q.speaker:
                seen.setdefault(q.speaker, None)
        return list(seen)


class BriefingSummary(_Model):
    """A light row for listings: what ``brief list`` and the reader's list show."""

    id: str
    title: str
    source: str | None = None
    published: date | None = None
    author: str | None = None
    origin: str
    extractor_version: int = 0
