"""The Whoosh schema for briefings, and how a briefing becomes an index document.

Only classic Whoosh 2.7 API is used (see the README's design notes on which
Whoosh). The schema is pickled into the index, so analyzers are built from
Whoosh's own importable classes only; ``SCHEMA_VERSION`` changes whenever the
schema or what goes into a field changes, and an index with another version
is rebuilt from the store.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from briefings.models import Briefing

SCHEMA_VERSION = 4

#: Words: letters/digits, keeping inner apostrophes, dots and hyphens out.
_TOKENS = r"\w+(?:['’]\w+)*"


def text_analyzer():
    """Lowercased, accent-folded, stemmed words; no stop list, so phrases stay exact."""
    return (
        RegexTokenizer(_TOKENS)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StemFilter(lang="en", cachesize=50000)
    )


def name_analyzer():
    """Names (speakers, sources, authors, entities): lowercased and accent-folded, not stemmed."""
    return RegexTokenizer(_TOKENS) | LowercaseFilter() | CharsetFilter(accent_map)


#: Searchable text fields and their BM25F weights (bare words search all of them).
FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "dek": 2.0,
    "keywords": 2.0,
    "entities": 1.5,
    "speakers": 1.5,
    "summary": 1.5,
    "quotes": 1.2,
    "body": 1.0,
    "source": 1.0,
    "author": 1.0,
}

NAME_FIELDS = frozenset({"speakers", "entities", "source", "author"})


def build_schema() -> Schema:
    stemmed = text_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["title"]),
        dek=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["dek"]),
        summary=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["summary"]),
        body=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["body"]),
        quotes=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["quotes"]),
        keywords=TEXT(analyzer=stemmed, stored=True, field_boost=FIELD_WEIGHTS["keywords"]),
        speakers=TEXT(analyzer=names, field_boost=FIELD_WEIGHTS["speakers"]),
        entities=TEXT(analyzer=names, field_boost=FIELD_WEIGHTS["entities"]),
        source=TEXT(analyzer=names, stored=True, field_boost=FIELD_WEIGHTS["source"]),
        author=TEXT(analyzer=names, stored=True, field_boost=FIELD_WEIGHTS["author"]),
        # Exact source and speakers for facet counts, one per-document column ("source RS
        # speaker US speaker ..."), read for the matching documents only
        # (SearchIndex._facets).
        facets=COLUMN(VarBytesColumn()),
        published=DATETIME(stored=True),
        # Day number of the publication date, 0 when unknown: newest first, undated last.
        pubsort=NUMERIC(int, bits=32, sortable=True),
        added=DATETIME(sortable=True),
        # Unstemmed words of title and body: the dictionary for "did you mean".
        words=TEXT(analyzer=names, phrase=False),
        # What related-article scoring needs, so candidates need no store reads.
        profile=STORED(),
    )


_WORD = re.compile(_TOKENS)


def _distinct_words(text: str) -> str:
    """Each word once: the "did you mean" field only needs which words a briefing has
    (document frequencies), and analysing every repeat costs index time."""
    return " ".join(dict.fromkeys(_WORD.findall(text.lower())))


FACET_SOURCE_END = "\x1e"
FACET_SEPARATOR = "\x1f"


def facet_value(source: str | None, speakers: list[str]) -> bytes:
    """The ``facets`` column of a document: its source, then its speakers."""
    clean = [s.replace(FACET_SEPARATOR, " ").replace(FACET_SOURCE_END, " ") for s in speakers]
    head = (source or "").replace(FACET_SOURCE_END, " ").replace(FACET_SEPARATOR, " ")
    return (head + FACET_SOURCE_END + FACET_SEPARATOR.join(clean)).encode("utf-8")


def _as_datetime(value: date | None) -> datetime | None:
    return None if value is None else datetime(value.year, value.month, value.day)


def document_for(briefing: Briefing, *, added: datetime | None, profile: dict) -> dict:
    """The index document (field -> value) for one briefing."""
    # Uncertain attributions (Quote.speaker_uncertain) stay out of ``speaker:`` and the
    # speaker facet: a search by speaker lists what that person surely said.
    speakers = [
        name
        for name in briefing.speakers()
        if any(q.speaker == name and not q.speaker_uncertain for q in briefing.quotes)
    ]
    doc: dict = {
        "id": briefing.id,
        "title": briefing.title,
        "dek": briefing.dek or "",
        "summary": "\n".join(briefing.summary),
        "body": briefing.body_text,
        "quotes": "\n".join(q.text for q in briefing.quotes),
        "keywords": "\n".join(briefing.keywords),
        "speakers": "\n".join(speakers),
        "entities": "\n".join(
            name for e in briefing.entities for name in (e.name, *e.aliases) if name
        ),
        "source": briefing.source or "",
        "author": briefing.author or "",
        "words": _distinct_words(f"{briefing.title}\n{briefing.body_text}"),
        "profile": json.dumps(profile, ensure_ascii=False, separators=(",", ":")),
    }
    doc["facets"] = facet_value(briefing.source, speakers)
    published = _as_datetime(briefing.published)
    doc["pubsort"] = briefing.published.toordinal() if briefing.published else 0
    if published is not None:
        doc["published"] = published
    if added is not None:
        doc["added"] = added
    return doc
