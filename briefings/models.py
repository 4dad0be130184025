"""The data model: a raw ``Article`` in, a structured ``Briefing`` out.

A ``Briefing`` serialises to JSON with stable keys that other tools read
(``brief show --json``). Offsets (``start``/``end``) index into the cleaned
body text, which is ``BODY_SEPARATOR.join(briefing.body)``; ``Briefing.body_text``
gives that string so a reader can show the evidence for any quote or figure.
"""

from __future__ import annotations

import hashlib
import re
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
    """A key figure: ``text`` as written, ``value`` with scale words applied (a
    range's low end; negative for a fall: "slipped 0.14%"), ``unit`` (an ISO
    currency code, "%", or the counted noun), ``measures`` (what it counts, a
    short noun phrase), ``qualifier`` ("about", "at least", "more than" ...)
    and ``value_high`` (a range's high end)."""

    text: str
    value: float | None = None
    unit: str | None = None
    measures: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0
    qualifier: str | None = None
    value_high: float | None = None

    def measures_shown(self) -> str:
        """``measures`` as shown beside ``text``: without the words that repeat the
        end of the figure ("18 months" + "months the inquiry took" -> "the inquiry
        took"); empty when nothing new is left."""
        return shown_measures(self.text, self.measures)


_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
_SHOWN_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def shown_measures(text: str, measures: str) -> str:
    """See ``Figure.measures_shown``."""
    own = [w.lower() for w in _SHOWN_WORD.findall(text)]
    aside = _ASIDE.search(measures)
    if aside and all(w.lower() in own for w in _SHOWN_WORD.findall(aside.group())):
        measures = measures[: aside.start()]  # "(about)" when the figure says "about"
    said = list(_SHOWN_WORD.finditer(measures))
    if not said:
        return ""
    # The longest run of the figure's last words that opens ``measures``.
    cut = 0
    for n in range(min(len(own), len(said)), 0, -1):
        tail = own[-n:]
        head = [m.group().lower() for m in said[:n]]
        if [_stem(w) for w in tail] == [_stem(w) for w in head]:
            cut = n
            break
    if cut == len(said) or all(_stem(m.group().lower()) in {_stem(w) for w in own} for m in said):
        return ""
    rest = measures[said[cut - 1].end() :] if cut else measures
    return rest.strip(" ,;:-–—")


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


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
    url: str | None = Field(
        default=None, description="The article's web address (the page's canonical URL, or --url)"
    )
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
