"""The quick search of search-as-you-type: few snippets first, the rest on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import SearchIndex
from search.query import parse_query
from search.schema import name_analyzer, text_analyzer
from search.snippets import _fast_tokenizer, _whoosh_tokenizer
from tests.unit.search_helpers import newsroom


@pytest.fixture
def index(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib, _ = newsroom(tmp_path / "lib")
    ix = SearchIndex(lib)
    ix.sync()
    yield ix
    ix.close()
    lib.close()


def test_snippets_n_highlights_only_the_first_hits(index: SearchIndex) -> None:
    full = index.search("cranes", facets=False)
    quick = index.search("cranes", facets=False, snippets=1, suggest=False)
    assert [h.id for h in quick.hits] == [h.id for h in full.hits] and quick.total == full.total
    assert len(full.hits) >= 2
    assert quick.hits[0].snippet == full.hits[0].snippet
    assert all(h.snippet == [] for h in quick.hits[1:])
    later = index.highlights("cranes", [h.id for h in full.hits[1:]] + ["no-such-id"])
    assert later == {h.id: h.snippet for h in full.hits[1:]}


def test_suggestion_can_come_later(index: SearchIndex) -> None:
    quick = index.search("okonkwu cranes", suggest=False)
    assert quick.suggestion is None
    assert index.suggestion("okonkwu cranes", quick.total) == "okonkwo cranes"


def test_the_count_is_exact_without_facets(index: SearchIndex) -> None:
    searcher = index.searcher()
    for query in ("cranes", "export restrictions", "harbour OR bread", "-cranes", "okonkwo"):
        matching = set(searcher.docs_for_query(parse_query(query).query))
        assert index.search(query, limit=1, facets=False).total == len(matching), query
        assert index.search(query, limit=1).total == len(matching), query


def test_the_index_is_read_without_mmap(index: SearchIndex) -> None:
    # This Whoosh copies every mmapped segment part it opens into memory.
    assert index.ix.storage.supports_mmap is False


@pytest.mark.parametrize("make_analyzer", [text_analyzer, name_analyzer])
def test_fast_snippet_tokens_match_the_analyzer(make_analyzer) -> None:  # type: ignore[no-untyped-def]
    analyzer = make_analyzer()
    fast = _fast_tokenizer(analyzer)
    assert fast is not None
    slow = _whoosh_tokenizer(analyzer)
    for text in (
        "Export restrictions were tightened; exporters’ complaints grew.",
        "Ångström's naïve café — ÉCOLE l'été İstanbul straße ﬁne",
        "Don’t stop O'Neill's 3.5% e-mail, 1,200 homes (running) RUNS ran",
        "",
    ):
        assert fast(text) == slow(text), text


def test_snippet_texts_come_from_the_store_and_follow_its_changes(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    first = index.search("podcast", facets=False)
    assert first.hits
    hit = next(h for h in first.hits if h.id == b["retold"].id)
    assert "podcast" in hit.snippet_text.lower()
    # the index keeps no text: a new body shows once the index has the change
    changed = b["retold"].model_copy(
        update={"body": ["Okonkwo told the podcast that the cranes ship in spring."]}
    )
    lib.update_briefing(changed, reindex=True)
    index.sync()
    again = {h.id: h for h in index.search("podcast", facets=False).hits}
    assert "ship in spring" in again[b["retold"].id].snippet_text
    assert index.highlights("podcast", [b["retold"].id])[b["retold"].id] == (
        again[b["retold"].id].snippet
    )
    index.close()
    lib.close()
