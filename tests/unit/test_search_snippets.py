"""Snippets for phrase queries show the phrase, not just its words."""

from __future__ import annotations

from pathlib import Path

from briefings.library import Library
from search import SearchIndex
from search.snippets import make_snippet
from tests.unit.search_helpers import make


def test_phrase_snippet_prefers_the_field_holding_the_whole_phrase(tmp_path: Path) -> None:
    lib = Library(tmp_path / "lib")
    make(
        lib,
        "p",
        "Mill owners count the cost",
        [
            "The mill owners said new export restrictions on timber had cut orders by a third.",
            "Prices rose in the spring.",
        ],
        quotes=[("The restrictions on what we can export are hurting every mill", "Ada Roe")],
    )
    index = SearchIndex(lib)
    index.sync()
    (hit,) = index.search('"export restrictions"').hits
    assert "export restrictions" in hit.snippet_text
    marked = [text.lower() for text, on in hit.snippet if on]
    assert marked[:2] == ["export", "restrictions"]
    # a query without a phrase still prefers the quote
    (hit,) = index.search("export restrictions").hits
    assert hit.snippet[0] == ("“", False)
    index.close()
    lib.close()


def test_no_phrase_anywhere_falls_back_to_the_first_field() -> None:
    stored = {"quotes": "Restrictions on export hurt", "body": "Nothing here about it."}
    terms = {"quotes": {"export", "restrict"}, "body": {"export", "restrict"}}
    phrases = {"quotes": [("export", "restrict")], "body": [("export", "restrict")]}
    snippet = make_snippet(stored, terms, phrases)
    assert snippet[0] == ("“", False) and any(on for _, on in snippet)
