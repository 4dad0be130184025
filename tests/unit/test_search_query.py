"""The query language: what parses to what, and one-line errors for bad queries."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from search.query import QueryError, parse_query


def fields_of(q: wq.Query) -> set[str]:
    return {t[0] for t in q.iter_all_terms()} if hasattr(q, "iter_all_terms") else set()


def test_bare_words_are_anded_over_all_fields() -> None:
    parsed = parse_query("Export Restrictions")
    assert isinstance(parsed.query, wq.And)
    assert len(parsed.query.subqueries) == 2
    # stemmed and lowercased in the text fields, unstemmed in name fields
    assert "restrict" in parsed.terms["body"]
    assert "restrictions" in parsed.terms["speakers"]
    assert [w for w, _, _ in parsed.words] == ["Export", "Restrictions"]


def test_phrase_or_not_and_groups() -> None:
    assert isinstance(parse_query('"export restrictions"').query, wq.Or)  # phrase in each field
    phrase = parse_query('title:"export restrictions"').query
    assert isinstance(phrase, wq.Phrase) and phrase.words == ["export", "restrict"]
    assert isinstance(parse_query("cranes OR ports").query, wq.Or)
    negated = parse_query("cranes -software").query
    assert isinstance(negated, wq.And) and isinstance(negated.subqueries[1], wq.Not)
    assert isinstance(parse_query("cranes NOT software").query.subqueries[1], wq.Not)
    grouped = parse_query("title:(cranes OR ports) baltic").query
    assert isinstance(grouped, wq.And) and isinstance(grouped.subqueries[0], wq.Or)
    # a hyphen inside a word is not a negation
    assert not any(isinstance(q, wq.Not) for q in parse_query("e-mail").query.children())


def test_field_aliases() -> None:
    for prefix in ("speaker", "who", "said"):
        q = parse_query(f"{prefix}:Okonkwo").query
        assert q == wq.Term("speakers", "okonkwo")
    assert parse_query("quote:careful").query == wq.Term("quotes", "care")
    assert parse_query("entity:harbour").query == wq.Term("entities", "harbour")
    assert parse_query("source:weekly").query == wq.Term("source", "weekly")
    assert parse_query("author:varga").query == wq.Term("author", "varga")
    assert isinstance(parse_query("nvid*").query, wq.Or)


def test_only_exclusions_match_everything_else() -> None:
    q = parse_query("-bakery").query
    assert isinstance(q, wq.And) and isinstance(q.subqueries[0], wq.Every)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("after:2024-01-01", "2024-01-01T00:00", None),
        ("before:2024", None, "2023-12-31T23:59"),
        ("date:2023-12", "2023-12-01T00:00", "2023-12-31T23:59"),
        ("date:2023-12..2024-01", "2023-12-01T00:00", "2024-01-31T23:59"),
        ("date:>2024-03", "2024-04-01T00:00", None),
        ("date:<=2024-02-29", None, "2024-02-29T23:59"),
        ("date:2024..", "2024-01-01T00:00", None),
    ],
)
def test_date_filters(text: str, start: str | None, end: str | None) -> None:
    q = parse_query(text).query
    assert isinstance(q, wq.DateRange)
    assert (q.startdate.isoformat()[:16] if q.startdate else None) == start
    assert (q.enddate.isoformat()[:16] if q.enddate else None) == end


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("title:(", "never closed"),
        ("(cranes", "never closed"),
        ('"cranes', "never closed"),
        ("cranes)", "unexpected ')'"),
        ("()", "empty parentheses"),
        ("title:", "needs a value"),
        ("title: cranes", "needs a value"),
        ("colour:red", "unknown field 'colour:'"),
        ("cranes OR", "OR at column 8"),
        ("OR cranes", "needs a search term before"),
        ("cranes AND", "AND at column 8"),
        ("NOT", "NOT at column 1"),
        ("cranes -", None),  # a lone '-' is just a character
        ("after:yesterday", "is not a date"),
        ("after:2024-02-30", "not a real date"),
        ("date:2024..2023", "ends before it starts"),
        ("date:..", "at least one side"),
        ('""', "empty phrase"),
        ("cr*nes", "'*' works only at the end"),
        ("the of and", "nothing to search for"),
    ],
)
def test_bad_queries_say_what_is_wrong(text: str, says: str | None) -> None:
    if says is None:
        parse_query(text)
        return
    with pytest.raises(QueryError) as info:
        parse_query(text)
    message = str(info.value)
    assert says in message
    assert "\n" not in message


def test_empty_query_matches_everything() -> None:
    assert isinstance(parse_query("   ").query, wq.Every)


def test_curly_quotes_are_phrases() -> None:
    assert parse_query("title:\u201cexport restrictions\u201d").query == wq.Phrase(
        "title", ["export", "restrict"]
    )
