"""'Did you mean': the fast candidate search finds what Whoosh's ``terms_within`` finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import SearchIndex
from search.spelling import FIELD, _candidates, _words_from
from tests.unit.search_helpers import make, newsroom


@pytest.fixture
def index(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib, _ = newsroom(tmp_path / "lib")
    # a second segment, and words that differ by one transposition or two edits
    ix = SearchIndex(lib)
    ix.sync()
    make(
        lib,
        "extra",
        "Harbour cranes and crnaes",
        ["The harbuor master spoke of cranse, craned necks and the Çelik quay."],
    )
    ix.sync()
    yield ix
    ix.close()
    lib.close()


def test_candidates_are_whooshs_terms_within(index: SearchIndex) -> None:
    reader = index.searcher().reader()
    assert len(reader.leaf_readers()) >= 2
    words = {w for w in reader.field_terms(FIELD)}
    for key in sorted(words | {"crane", "harbor", "cranez", "okonkwu", "zzz", "celik"}):
        if len(key) < 3:
            continue
        for maxdist in (1, 2):
            expected = set(reader.terms_within(FIELD, key, maxdist, prefix=1))
            assert set(_candidates(reader, key, maxdist)) == expected, (key, maxdist)


def test_a_segments_words_by_first_letter(index: SearchIndex) -> None:
    reader = index.searcher().reader()
    for segment, _offset in reader.leaf_readers():
        everything = sorted(segment.field_terms(FIELD))
        by_letter = [
            w for letter in sorted({w[0] for w in everything}) for w in _words_from(segment, letter)
        ]
        assert by_letter == everything


def test_did_you_mean(index: SearchIndex) -> None:
    assert index.suggestion("harbpur cranes", 0) == "harbour cranes"
    assert index.suggestion("cranes", 3) is None
