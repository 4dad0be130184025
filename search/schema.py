"""The Whoosh schema for briefings, and how a briefing becomes an index document.

Only classic Whoosh 2.7 API is used (see the README's design notes on which
Whoosh). The schema is pickled into the index, so analyzers are built from
Whoosh's own importable classes only; ``SCHEMA_VERSION`` changes whenever the
schema or what goes into a field changes, and an index with another version
is rebuilt from the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, NUMERIC, TEXT, Schema
from whoosh.formats import Existence, Positions, tokens
from whoosh.support.charset import accent_map

from briefings.models import Briefing

SCHEMA_VERSION = 7

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


_HIGH_BYTES = bytes(range(0x80, 0x100))


class VarintPositions(Positions):
    """Whoosh's ``Positions`` format with each posting's positions written as
    variable-length integers (7 bits a byte) of the gaps between them, instead of a
    4-byte count and a pickled list: one or two bytes for most postings instead of
    about fifteen, so a smaller index and less work to write and read it. Frequency,
    weight and positions decode as ``Positions``'s do (``decoder("positions")``,
    which the phrase search of ``search.topk`` and Whoosh's span matchers use).

    ``word_values`` also takes a field value already analysed (a list of terms, as
    ``analysed_document`` makes), with positions 0, 1, 2, ... as the analyzer gives.
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterable[tuple]:
        poses: dict[str, list[int]] = {}
        if isinstance(value, list):
            for pos, text in enumerate(value):
                at = poses.get(text)
                if at is None:
                    poses[text] = [pos]
                else:
                    at.append(pos)
        else:
            kwargs["positions"] = True
            for t in tokens(value, analyzer, kwargs):
                poses.setdefault(t.text, []).append(t.pos)
        fb = self.field_boost
        encode = self.encode
        for w, poslist in poses.items():
            yield (w, len(poslist), len(poslist) * fb, encode(poslist))

    def encode(self, poslist: Any) -> bytes:
        out = bytearray()
        base = 0
        for pos in poslist:
            n = pos - base
            base = pos
            while n >= 0x80:
                out.append((n & 0x7F) | 0x80)
                n >>= 7
            out.append(n)
        return bytes(out)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        if valuestring.isascii():  # every gap under 128: one byte each, added up in C
            return list(accumulate(valuestring))
        positions: list[int] = []
        position = acc = shift = 0
        for byte in valuestring:
            if byte & 0x80:
                acc |= (byte & 0x7F) << shift
                shift += 7
            else:
                position += acc | (byte << shift)
                positions.append(position)
                acc = shift = 0
        return positions

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring.translate(None, _HIGH_BYTES))

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


def _text(analyzer: Any, field: str) -> TEXT:
    """A searchable text field with positions (phrases search every text field); its
    text is not stored (snippets read it from the store)."""
    boost = FIELD_WEIGHTS[field]
    out = TEXT(analyzer=analyzer, stored=False, field_boost=boost)
    out.format = VarintPositions(field_boost=boost)
    return out


def _dictionary(analyzer: Any) -> TEXT:
    """The "did you mean" field: which words each briefing has, nothing more."""
    out = TEXT(analyzer=analyzer, phrase=False)
    out.format = Existence()
    out.scorable = False  # never scored: no field lengths to keep
    return out


def build_schema() -> Schema:
    """Schema 7: no text is stored in the index. What a result list shows comes from
    the small ``hit`` column (``hit_value``); highlighted snippets analyse the text
    read from the store. Whoosh's stored fields hold only the id; the related-articles
    profiles live in the store (``search.related``)."""
    stemmed = text_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=_text(stemmed, "title"),
        dek=_text(stemmed, "dek"),
        summary=_text(stemmed, "summary"),
        body=_text(stemmed, "body"),
        quotes=_text(stemmed, "quotes"),
        keywords=_text(stemmed, "keywords"),
        speakers=_text(names, "speakers"),
        entities=_text(names, "entities"),
        source=_text(names, "source"),
        author=_text(names, "author"),
        # What a result list shows of a document (id, title, source, date, the plain
        # snippet), a few hundred bytes read for the hits only (``hit_value``).
        hit=COLUMN(VarBytesColumn()),
        # Exact source and speakers for facet counts, one per-document column ("source RS
        # speaker US speaker ..."), read for the matching documents only
        # (SearchIndex._facets).
        facets=COLUMN(VarBytesColumn()),
        published=DATETIME(stored=False),
        # Day number of the publication date, 0 when unknown: newest first, undated last.
        pubsort=NUMERIC(int, bits=32, sortable=True),
        added=DATETIME(sortable=True),
        # Unstemmed words of title and body: the dictionary for "did you mean".
        words=_dictionary(names),
    )


_WORD = re.compile(_TOKENS)


_DIGIT = re.compile(r"\d")


def _distinct_words(text: str) -> str:
    """Each word once: the "did you mean" field only needs which words a briefing has
    (document frequencies), and analysing every repeat costs index time. Words with a
    digit are left out: "did you mean" only corrects words of letters and never
    offers a number (they were a tenth of the field's terms)."""
    return " ".join(w for w in dict.fromkeys(_WORD.findall(text.lower())) if not _DIGIT.search(w))


def _translator(table: dict) -> Callable[[str], str]:
    def translate(word: str) -> str:
        return word.translate(table)

    return translate


def _stemmer(stem: Callable[[str], str], ignore: frozenset[str]) -> Callable[[str], str]:
    def stemmed(word: str) -> str:
        return word if word in ignore else stem(word)

    return stemmed


def normaliser_steps(filters: Iterable[Any]) -> list[Callable[[str], str]] | None:
    """An analyzer's filters as plain word functions (lowercase, charset, stem), in
    order, or None when a filter is of another kind. Shared by ``fast_terms`` (index
    terms) and ``search.snippets`` (highlight spans), so both analyse as Whoosh does."""
    steps: list[Callable[[str], str]] = []
    for step in filters:
        if type(step) is LowercaseFilter:
            steps.append(str.lower)
        elif type(step) is CharsetFilter:
            steps.append(_translator(step.charmap))
        elif type(step) is StemFilter:
            steps.append(_stemmer(step._stem, step.ignore))
        else:
            return None
    return steps


def fast_terms(analyzer: Any) -> Callable[[str], list[str]] | None:
    """The terms ``analyzer`` makes of a text, in order, without Whoosh's chain of token
    generators (about 6 µs a token, a third of indexing): the regex runs once and each
    distinct word is normalised once (cached). Only analyzers made of a regex tokenizer
    and lowercase, charset and stem filters qualify (None otherwise); the terms are
    the analyzer's own (a test compares them), as ``search.snippets`` does for spans."""
    items = list(getattr(analyzer, "items", ()))
    if not items or type(items[0]) is not RegexTokenizer or items[0].gaps:
        return None
    steps = normaliser_steps(items[1:])
    if steps is None:
        return None

    @lru_cache(maxsize=100_000)
    def normalise(word: str) -> str:
        for step_fn in steps:
            word = step_fn(word)
        return word

    findall = items[0].expression.findall
    if items[0].expression.groups:  # findall would give the groups: use whole matches
        finditer = items[0].expression.finditer

        def terms(text: str) -> list[str]:
            return [normalise(m.group()) for m in finditer(text)]

        return terms

    def plain_terms(text: str) -> list[str]:
        return [normalise(w) for w in findall(text)]

    return plain_terms


_SCHEMA_FIELDS: dict[str, Any] | None = None


def analysed_document(doc: dict) -> dict:
    """``doc`` (from ``document_for``) with each text field's value analysed into its
    terms by ``fast_terms`` (Whoosh indexes a list of terms as given), and the text
    of a stored text field kept as its stored value (``_stored_<field>``; schema 6
    stores no text)."""
    global _SCHEMA_FIELDS
    if _SCHEMA_FIELDS is None:
        schema = build_schema()
        _SCHEMA_FIELDS = {
            name: (fast_terms(field.analyzer), field.stored)
            for name, field in schema.items()
            if isinstance(field, TEXT)
        }
    out = dict(doc)
    for name, (terms, stored) in _SCHEMA_FIELDS.items():
        text = doc.get(name)
        if terms is None or not isinstance(text, str):
            continue
        out[name] = terms(text)
        if stored:
            out[f"_stored_{name}"] = text
    return out


FACET_SOURCE_END = "\x1e"
FACET_SEPARATOR = "\x1f"


def facet_value(source: str | None, speakers: list[str]) -> bytes:
    """The ``facets`` column of a document: its source, then its speakers."""
    clean = [s.replace(FACET_SEPARATOR, " ").replace(FACET_SOURCE_END, " ") for s in speakers]
    head = (source or "").replace(FACET_SOURCE_END, " ").replace(FACET_SEPARATOR, " ")
    return (head + FACET_SOURCE_END + FACET_SEPARATOR.join(clean)).encode("utf-8")


def _as_datetime(value: date | None) -> datetime | None:
    return None if value is None else datetime(value.year, value.month, value.day)


#: The plain snippet (a hit without highlights): at most this many characters.
LEAD_WIDTH = 220


def lead_text(texts: dict[str, str]) -> str:
    """The plain snippet of a document's texts (``snippet_texts``): the first summary
    line, else the dek's, else the body's, cut at a space before ``LEAD_WIDTH``."""
    for fieldname in ("summary", "dek", "body"):
        text = (texts.get(fieldname) or "").strip()
        if text:
            first = text.split("\n", 1)[0]
            if len(first) > LEAD_WIDTH:
                cut = first.rfind(" ", 0, LEAD_WIDTH)
                first = first[: cut if cut > 0 else LEAD_WIDTH] + "…"
            return first
    return ""


def snippet_texts(briefing: Briefing) -> dict[str, str]:
    """The texts a snippet is cut from (and that the index analyses), by field."""
    return {
        "title": briefing.title,
        "dek": briefing.dek or "",
        "summary": "\n".join(briefing.summary),
        "body": briefing.body_text,
        "quotes": "\n".join(q.text for q in briefing.quotes),
        "keywords": "\n".join(briefing.keywords),
    }


HIT_SEPARATOR = "\x1f"


class HitRecord(NamedTuple):
    """What a result list shows of a document, from the ``hit`` column."""

    id: str
    title: str
    source: str | None
    published: date | None
    lead: str


def hit_value(briefing: Briefing, lead: str) -> bytes:
    """The ``hit`` column of a document: id, title, source, day number (empty when
    undated) and the plain snippet, separated by ``HIT_SEPARATOR``."""
    day = str(briefing.published.toordinal()) if briefing.published else ""
    parts = (briefing.id, briefing.title, briefing.source or "", day, lead)
    return HIT_SEPARATOR.join(p.replace(HIT_SEPARATOR, " ") for p in parts).encode("utf-8")


def hit_record(raw: bytes | None) -> HitRecord | None:
    """``hit_value`` read back (None for a document without one)."""
    if not raw:
        return None
    parts = raw.decode("utf-8").split(HIT_SEPARATOR)
    if len(parts) != 5:
        return None
    briefing_id, title, source, day, lead = parts
    published = date.fromordinal(int(day)) if day else None
    return HitRecord(briefing_id, title, source or None, published, lead)


def document_for(briefing: Briefing, *, added: datetime | None) -> dict:
    """The index document (field -> value) for one briefing."""
    # Uncertain attributions (Quote.speaker_uncertain) stay out of ``speaker:`` and the
    # speaker facet: a search by speaker lists what that person surely said.
    speakers = [
        name
        for name in briefing.speakers()
        if any(q.speaker == name and not q.speaker_uncertain for q in briefing.quotes)
    ]
    texts = snippet_texts(briefing)
    doc: dict = {
        "id": briefing.id,
        **texts,
        "hit": hit_value(briefing, lead_text(texts)),
        "speakers": "\n".join(speakers),
        "entities": "\n".join(
            name for e in briefing.entities for name in (e.name, *e.aliases) if name
        ),
        "source": briefing.source or "",
        "author": briefing.author or "",
        "words": _distinct_words(f"{briefing.title}\n{briefing.body_text}"),
    }
    doc["facets"] = facet_value(briefing.source, speakers)
    published = _as_datetime(briefing.published)
    doc["pubsort"] = briefing.published.toordinal() if briefing.published else 0
    if published is not None:
        doc["published"] = published
    if added is not None:
        doc["added"] = added
    return doc
