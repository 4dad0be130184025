"""No cleaning, metadata, sentence or HTML step raises on odd input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.derive import build_document
from briefings.derive.blocks import split_blocks
from briefings.derive.clean import clean_blocks
from briefings.derive.document import Metadata
from briefings.derive.metadata import read_header, title_from_body
from briefings.derive.sentences import split_sentences
from briefings.models import Article

ODD = {
    "empty": "",
    "spaces": "   \n\n\t  ",
    "punctuation": "?!.,;:—–-“”\"'()[]…" * 50,
    "separators": "***\n___\n---\n...\n",
    "huge line": "word " * 200_000,
    "huge sentence": "A. " * 50_000,
    "unbalanced quotes": '“He said. ‘Then. " Then “ more ” ” ‘\n\n“',
    "control characters": "\x1b[31mred\x1b[0m \x00 \u202e evil \u2066 text.\nSource: \x1b",
    "only boilerplate": "Share\nLIKE 0\nSign up\nadvertisement\nRelated Posts\n",
    "only headers": "3 minutes\nJan 5, 2024\nBy Jane Doe\n",
    "copyright soup": "©©© (c) Copyright 2023 © by\nSource:\nThis article originally appeared on\n",
    "abbreviations": "U.S. U.K. Mr. Dr. No. Inc. a.m. p.m. e.g. i.e. " * 500,
}


@pytest.mark.parametrize("text", list(ODD.values()), ids=list(ODD))
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_build_document_survives(text: str, fmt: str) -> None:
    doc = build_document(Article(origin="test:odd", format=fmt, text=text))  # type: ignore[arg-type]
    assert doc.meta.title
    body = doc.text
    for s in doc.sentences:
        assert body[s.start : s.end] == s.text


def test_html_without_article_text_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no article text"):
        build_document(Article(origin="test:odd.html", format="html", text="<html></html>"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000))
def test_random_text_never_raises(text: str) -> None:
    for a, b in split_sentences(text):
        assert 0 <= a < b <= len(text)
    meta = Metadata()
    blocks = clean_blocks(read_header(split_blocks(text), meta), meta)
    title_from_body([b.text for b in blocks])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Share",
                "Source: X",
                "“Quote.”",
                "Photo: AP",
                "A | B | Getty Images",
                "Related Posts",
                "Title Line",
                "Jan 5, 2024",
                "The harbour authority said on Monday it would dredge the channel.",
                "However, crews disagree.",
                "",
                "#a #b",
            ]
        ),
        max_size=30,
    )
)
def test_random_furniture_mixes_never_raise(lines: list[str]) -> None:
    doc = build_document(Article(origin="test:mix", text="\n".join(lines)))
    assert doc.meta.title
