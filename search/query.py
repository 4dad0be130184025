"""The query language: what users of newsboat, eilmeldung and Calibre expect.

- bare words are ANDed: ``nvidia chips``
- ``"phrases"``, ``OR``, ``NOT`` / ``-word``, parentheses
- field prefixes with aliases: ``title:``, ``speaker:``/``who:``, ``source:``,
  ``entity:``, ``author:``, ``quote:``, ``keyword:``, ``body:``
- dates: ``after:2024-01-01`` (on or after), ``before:2024`` (before the start
  of), ``date:2023-12`` (within), ``date:2023-12..2024-01``, ``date:>2024-03``
- ``word*`` for a prefix; matching is case-insensitive and stemmed.

Whoosh's own parser never raises on bad syntax, so this module has its own
small recursive-descent parser: a bad query is a ``QueryError`` whose message
says what is wrong, and a good one becomes Whoosh query objects directly.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from whoosh import query as wq
from whoosh.analysis import STOP_WORDS

from search.schema import FIELD_WEIGHTS, NAME_FIELDS, name_analyzer, text_analyzer


class QueryError(ValueError):
    """A query that cannot be run; ``str()`` is a one-line message for the user."""


#: Field prefix (as typed) -> index fields.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "headline": ("title",),
    "dek": ("dek",),
    "summary": ("summary",),
    "body": ("body",),
    "text": ("body",),
    "quote": ("quotes",),
    "quotes": ("quotes",),
    "speaker": ("speakers",),
    "who": ("speakers",),
    "said": ("speakers",),
    "entity": ("entities",),
    "person": ("entities",),
    "org": ("entities",),
    "place": ("entities",),
    "keyword": ("keywords",),
    "source": ("source",),
    "site": ("source",),
    "author": ("author",),
    "by": ("author",),
}
DATE_FIELDS = frozenset({"after", "before", "date", "published"})
#: Reading-state terms, kept in the store, not the index: ``is:unread``, ``is:read``,
#: ``is:starred``, ``tag:NAME``. ``MarkResolver(mark, tag)`` gives the ids that have it.
STATE_VALUES = ("read", "unread", "starred", "unstarred")
MarkResolver = Callable[[str, str], set[str]]

#: Limits that keep every query cheap, whatever is typed or pasted (each is a
#: one-line ``QueryError``): its length, how deep parentheses and NOTs nest, how
#: many search terms it has, how many words one phrase has. A ``word*`` expands to
#: at most ``MAX_PREFIX_TERMS`` indexed words per field.
MAX_QUERY_CHARS = 2_000
MAX_DEPTH = 32
MAX_TERMS = 200
MAX_PHRASE_WORDS = 32
MAX_PREFIX_TERMS = 1_000
DEFAULT_FIELDS = tuple(FIELD_WEIGHTS)

_STEMMED = text_analyzer()
_NAMES = name_analyzer()

# -- tokens --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "(", ")", "word", "phrase", "field", "OR", "AND", "NOT", "-"
    text: str
    start: int
    end: int


_FIELD_RE = re.compile(r"([A-Za-z_]+):")
_SPECIAL = set('()"')


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            toks.append(_Tok(c, c, i, i + 1))
            i += 1
        elif c == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise QueryError(f'the quote opened at column {i + 1} is never closed (add a ")')
            toks.append(_Tok("phrase", text[i + 1 : close], i, close + 1))
            i = close + 1
        elif c == "-" and i + 1 < n and not text[i + 1].isspace() and _at_start(text, i):
            toks.append(_Tok("-", c, i, i + 1))
            i += 1
        else:
            m = _FIELD_RE.match(text, i)
            if m:
                toks.append(_Tok("field", m.group(1).lower(), i, m.end()))
                i = m.end()
                continue
            j = i
            while j < n and not text[j].isspace() and text[j] not in _SPECIAL:
                j += 1
            word = text[i:j]
            kind = word if word in ("OR", "AND", "NOT") else "word"
            toks.append(_Tok(kind, word, i, j))
            i = j
    return toks


def _at_start(text: str, i: int) -> bool:
    """A '-' negates only at the start of a word (``-foo``, ``(-foo``), not in ``e-mail``."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "(:"


# -- syntax tree -----------------------------------------------------------------------


@dataclass
class Node:
    kind: str  # "term", "phrase", "prefix", "date", "and", "or", "not", "all"
    text: str = ""
    fields: tuple[str, ...] | None = None  # None: the default fields
    start: int = 0
    end: int = 0
    children: list[Node] = field(default_factory=list)
    date_range: tuple[datetime | None, datetime | None] = (None, None)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.pos = 0
        self.depth = 0
        terms = sum(1 for t in self.toks if t.kind in ("word", "phrase"))
        if terms > MAX_TERMS:
            raise QueryError(f"the query has too many search terms ({terms}; at most {MAX_TERMS})")

    def deeper(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(
                f"query nested too deeply at column {tok.start + 1} (at most {MAX_DEPTH} "
                "levels of parentheses and NOT)"
            )

    def peek(self) -> _Tok | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def parse(self) -> Node:
        if not self.toks:
            return Node("all")
        node = self.parse_or(None)
        tok = self.peek()
        if tok is not None:
            assert tok.kind == ")"
            raise QueryError(f"unexpected ')' at column {tok.start + 1} (no '(' to close)")
        return node

    def parse_or(self, fields: tuple[str, ...] | None) -> Node:
        parts = [self.parse_and(fields)]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OR"):
                raise QueryError(f"OR at column {tok.start + 1} needs a search term after it")
            parts.append(self.parse_and(fields))
        return parts[0] if len(parts) == 1 else Node("or", children=parts)

    def parse_and(self, fields: tuple[str, ...] | None) -> Node:
        parts: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind not in (")", "OR"):
            if tok.kind == "AND":
                self.take()
                nxt = self.peek()
                if not parts or nxt is None or nxt.kind in (")", "OR", "AND"):
                    raise QueryError(
                        f"AND at column {tok.start + 1} needs a search term on both sides"
                    )
                continue
            parts.append(self.parse_unary(fields))
        if not parts:
            tok = self.peek()
            if tok is not None and tok.kind == "OR":
                raise QueryError(f"OR at column {tok.start + 1} needs a search term before it")
            assert tok is not None and tok.kind == ")"
            raise QueryError(f"unexpected ')' at column {tok.start + 1} (no '(' to close)")
        return parts[0] if len(parts) == 1 else Node("and", children=parts)

    def parse_unary(self, fields: tuple[str, ...] | None) -> Node:
        tok = self.peek()
        assert tok is not None
        if tok.kind in ("NOT", "-"):
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OR", "AND"):
                what = "NOT" if tok.kind == "NOT" else "'-'"
                raise QueryError(f"{what} at column {tok.start + 1} needs a search term after it")
            self.deeper(tok)
            inner = self.parse_unary(fields)
            self.depth -= 1
            return Node("not", children=[inner], start=tok.start)
        return self.parse_atom(fields)

    def parse_atom(self, fields: tuple[str, ...] | None) -> Node:
        tok = self.take()
        if tok.kind == "(":
            nxt = self.peek()
            if nxt is None:
                raise QueryError(f"the '(' at column {tok.start + 1} is never closed (add a ')')")
            if nxt.kind == ")":
                raise QueryError(f"empty parentheses at column {tok.start + 1}")
            self.deeper(tok)
            node = self.parse_or(fields)
            self.depth -= 1
            if self.peek() is None:
                raise QueryError(f"the '(' at column {tok.start + 1} is never closed (add a ')')")
            self.take()
            return node
        if tok.kind == "phrase":
            if not tok.text.strip():
                raise QueryError(f'empty phrase "" at column {tok.start + 1}')
            if len(tok.text.split()) > MAX_PHRASE_WORDS:
                raise QueryError(
                    f"the phrase at column {tok.start + 1} is too long "
                    f"(at most {MAX_PHRASE_WORDS} words)"
                )
            return Node("phrase", tok.text, fields, tok.start, tok.end)
        if tok.kind == "word":
            kind = "prefix" if tok.text.endswith("*") and len(tok.text) > 1 else "term"
            text = tok.text.rstrip("*") if kind == "prefix" else tok.text
            if kind == "term" and "*" in text:
                raise QueryError(f"'{tok.text}': '*' works only at the end of a word (nvid*)")
            return Node(kind, text, fields, tok.start, tok.end)
        if tok.kind == "field":
            return self.parse_field(tok, fields)
        raise QueryError(f"unexpected {tok.text!r} at column {tok.start + 1}")  # pragma: no cover

    def parse_field(self, tok: _Tok, outer: tuple[str, ...] | None) -> Node:
        name = tok.text
        value = self.peek()
        if value is None or value.start != tok.end or value.kind in (")", "OR", "AND", "NOT"):
            raise QueryError(f"'{name}:' at column {tok.start + 1} needs a value right after it")
        if name in DATE_FIELDS:
            self.take()
            if value.kind not in ("word", "phrase"):
                raise QueryError(f"'{name}:' wants a date like 2024-01-31, 2024-01 or 2024")
            start, end = _date_filter(name, value.text)
            return Node("date", value.text, None, tok.start, value.end, date_range=(start, end))
        if name in ("is", "tag"):
            return self.parse_mark(tok, value)
        if name not in FIELD_ALIASES:
            known = ", ".join(sorted({*FIELD_ALIASES, "after", "before", "date", "is", "tag"}))
            raise QueryError(f"unknown field '{name}:' (known fields: {known})")
        fields = FIELD_ALIASES[name]
        if value.kind == "field":
            raise QueryError(f"'{name}:{value.text}:' has two field prefixes: use one")
        return self.parse_atom(fields)

    def parse_mark(self, tok: _Tok, value: _Tok) -> Node:
        """``is:unread`` and friends, ``tag:NAME``: answered by the store, not the index."""
        self.take()
        if value.kind not in ("word", "phrase") or not value.text.strip():
            raise QueryError(f"'{tok.text}:' at column {tok.start + 1} needs a value")
        text = value.text.strip().lower()
        if tok.text == "is":
            if text not in STATE_VALUES:
                raise QueryError(f"'is:{value.text}': use is:{', is:'.join(STATE_VALUES)}")
            return Node("mark", text, None, tok.start, value.end)
        return Node("mark", f"tag:{text}", None, tok.start, value.end)


# -- dates -------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _period(text: str, name: str) -> tuple[datetime, datetime]:
    """The [start, end) of a day, month or year written as 2024-01-31, 2024-01 or 2024."""
    m = _DATE_RE.match(text.strip())
    if not m:
        raise QueryError(
            f"'{name}:{text}' is not a date: write 2024-01-31, 2024-01 or 2024 (ranges: 2023-12..2024-01)"
        )
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if year < 1:
        raise QueryError(f"'{name}:{text}' is not a real date (years start at 0001)")
    try:
        if month is None:
            start = datetime(year, 1, 1)
            return start, _later(start, year=1)
        mon = int(month)
        if day is None:
            start = datetime(year, mon, 1)
            return start, _later(start, days=calendar.monthrange(year, mon)[1])
        start = datetime(year, mon, int(day))
        return start, _later(start, days=1)
    except ValueError:
        raise QueryError(f"'{name}:{text}' is not a real date") from None


def _later(start: datetime, *, year: int = 0, days: int = 0) -> datetime:
    """The end of a period; past the last representable date it is ``datetime.max``
    (the query then has no upper bound in practice)."""
    try:
        return datetime(start.year + year, 1, 1) if year else start + timedelta(days=days)
    except (OverflowError, ValueError):
        return datetime.max


def _date_filter(name: str, text: str) -> tuple[datetime | None, datetime | None]:
    """A half-open [start, end) range of publication datetimes."""
    if name == "after":
        return _period(text, name)[0], None
    if name == "before":
        return None, _period(text, name)[0]
    for op in (">=", "<=", ">", "<"):
        if text.startswith(op):
            lo, hi = _period(text[len(op) :], name)
            return {">=": (lo, None), ">": (hi, None), "<=": (None, hi), "<": (None, lo)}[op]
    if ".." in text:
        left, _, right = text.partition("..")
        if not left and not right:
            raise QueryError(f"'{name}:..' needs a date on at least one side")
        start = _period(left, name)[0] if left else None
        end = _period(right, name)[1] if right else None
        if start and end and start >= end:
            raise QueryError(f"'{name}:{text}': the range ends before it starts")
        return start, end
    return _period(text, name)


# -- to Whoosh ---------------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """A parsed query: the Whoosh query plus what highlighting and suggestions need."""

    text: str
    query: wq.Query
    #: index field -> analyzed terms the query looks for there (for snippets)
    terms: dict[str, set[str]]
    #: bare words as typed, with their spans (for "did you mean")
    words: list[tuple[str, int, int]]
    #: index field -> analyzed phrases (so snippets can prefer a whole phrase)
    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


def _ids(ids: set[str]) -> wq.Query:
    if not ids:
        return wq.NullQuery
    return wq.Or([wq.Term("id", i) for i in sorted(ids)])


def _analyze(fieldname: str, text: str) -> list[str]:
    analyzer = _NAMES if fieldname in NAME_FIELDS else _STEMMED
    return [t.text for t in analyzer(text)]


class _Builder:
    def __init__(self, text: str, marks: MarkResolver | None = None) -> None:
        self.text = text
        self.marks = marks
        self.terms: dict[str, set[str]] = {}
        self.words: list[tuple[str, int, int]] = []
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        self.analyzed: dict[tuple[bool, str], list[str]] = {}

    def build_mark(self, mark: str) -> wq.Query:
        """The briefings in a reading state, as a query on their ids (looked up in the
        store through ``marks``; without one, as when a query is only checked, none)."""
        if self.marks is None:
            return wq.NullQuery
        if mark.startswith("tag:"):
            return _ids(self.marks("tag", mark[4:]))
        ids = self.marks("read" if mark in ("read", "unread") else "starred", "")
        if mark in ("read", "starred"):
            return _ids(ids)
        return wq.Every() if not ids else wq.And([wq.Every(), wq.Not(_ids(ids))])

    def note(self, fieldname: str, terms: list[str]) -> None:
        self.terms.setdefault(fieldname, set()).update(terms)

    def build(self, node: Node, *, negated: bool = False) -> wq.Query | None:
        kind = node.kind
        if kind == "all":
            return wq.Every()
        if kind == "and":
            parts = [q for c in node.children if (q := self.build(c, negated=negated)) is not None]
            if not parts:
                return None
            if all(isinstance(q, wq.Not) for q in parts):
                parts.insert(0, wq.Every())  # only exclusions: everything else matches
            return parts[0] if len(parts) == 1 else wq.And(parts)
        if kind == "or":
            parts = [q for c in node.children if (q := self.build(c, negated=negated)) is not None]
            if not parts:
                return None
            return parts[0] if len(parts) == 1 else wq.Or(parts)
        if kind == "not":
            inner = self.build(node.children[0], negated=not negated)
            return None if inner is None else wq.Not(inner)
        if kind == "mark":
            return self.build_mark(node.text)
        if kind == "date":
            start, end = node.date_range
            if end is not None:
                if end <= datetime.min:
                    return wq.NullQuery  # before the first representable day: nothing
                end = end - timedelta(microseconds=1)
            return wq.DateRange("published", start, end)
        fields = node.fields or DEFAULT_FIELDS
        if kind == "term" and node.fields is None and node.text.lower() in STOP_WORDS:
            return None  # bare stop words: users type them, nobody means them
        if kind == "term" and node.fields is None and not negated:
            self.words.append((node.text, node.start, node.end))
        alternatives: list[wq.Query] = []
        for fieldname in fields:
            boost = FIELD_WEIGHTS.get(fieldname, 1.0) if node.fields is None else 1.0
            if kind == "prefix":
                prefix = "".join(t.text for t in _NAMES(node.text))
                if prefix:
                    alternatives.append(_BoundedPrefix(fieldname, prefix, boost=boost))
                    if not negated:
                        self.note(fieldname, [])
                continue
            # ten fields, two analyzers: each analysis once per word
            key = (fieldname in NAME_FIELDS, node.text)
            tokens = self.analyzed.get(key)
            if tokens is None:
                tokens = self.analyzed[key] = _analyze(fieldname, node.text)
            if not tokens:
                continue
            if not negated:
                self.note(fieldname, tokens)
                if len(tokens) > 1:
                    self.phrases.setdefault(fieldname, []).append(tuple(tokens))
            if len(tokens) == 1:
                alternatives.append(wq.Term(fieldname, tokens[0], boost=boost))
            else:
                alternatives.append(wq.Phrase(fieldname, tokens, boost=boost))
        if not alternatives:
            return wq.NullQuery if node.fields is not None else None
        if len(alternatives) == 1:
            return alternatives[0]
        # One word in ten fields: Whoosh's default Or walks a tree of union matchers doc by
        # doc (and And-ing two words skips through both trees); the preloaded Or reads each
        # field's postings in blocks into a score array instead. Same hits and scores,
        # 30-40% less CPU for two-word queries at 10,000 briefings.
        return wq.PreloadedOr(alternatives)


class _BoundedPrefix(wq.Prefix):
    """``word*`` that expands to at most ``MAX_PREFIX_TERMS`` indexed words (in index
    order): at 100,000 briefings ``item*`` would otherwise OR together every word
    that starts with "item"."""

    def _btexts(self, ixreader: Any) -> Iterable[bytes]:
        return itertools.islice(super()._btexts(ixreader), MAX_PREFIX_TERMS)


def parse_query(text: str, marks: MarkResolver | None = None) -> ParsedQuery:
    """Parse ``text``; raises ``QueryError`` with a one-line message when it is malformed.
    ``marks`` answers the reading-state terms (``is:unread``, ``tag:chips``)."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})"
        )
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u00ab", '"')
    text = text.replace("\u00bb", '"').replace("\u2212", "-")
    if "\n" in text or "\r" in text:
        text = " ".join(text.split())
    node = _Parser(text).parse()
    builder = _Builder(text, marks)
    built = builder.build(node)
    if built is None:
        raise QueryError("nothing to search for: the query has only very common words")
    if node.kind == "not":
        built = wq.And([wq.Every(), built])
    return ParsedQuery(text, built, builder.terms, builder.words, builder.phrases)
