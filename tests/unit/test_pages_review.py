"""Saved pages from an outside review: a placeholder structured headline, link text
inside a "link"-classed span, comment-login prompts after the body. Every page and
line here is written for the test."""

from __future__ import annotations

from briefings.derive import build_document
from briefings.derive.document import Document
from briefings.derive.html import choose_title
from briefings.models import Article
from tests.unit.test_clean_pages import PARAS

TITLE = "Harbour board weighs the dredging plan"


def doc_of(html: str) -> Document:
    return build_document(Article(origin="test:page.html", format="html", text=html))


def page(head: str, body: str, tail: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>{TITLE}</title>{head}</head>"
        f"<body><main><article><h1>{TITLE}</h1>{body}{paras}{tail}</article></main></body></html>"
    )


def ld(headline: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "headline": "{headline}", '
        '"datePublished": "2024-03-05T10:00:00Z"}</script>'
    )


def test_a_one_word_lower_case_structured_headline_is_no_title() -> None:
    head = ld("cmsword") + f'<meta property="og:title" content="{TITLE}">'
    assert doc_of(page(head, "")).meta.title == TITLE


def test_a_headline_sharing_no_word_with_two_agreeing_titles_is_no_title() -> None:
    assert choose_title("Weekly Digest Edition", TITLE, TITLE) == TITLE
    # A headline that shares words with the others still wins.
    assert choose_title("Board weighs dredging plan", TITLE, TITLE) == "Board weighs dredging plan"
    # A one-word headline in capitals is a headline ("Unbowed").
    assert choose_title("Unbowed", None, None) == "Unbowed"


def test_link_text_in_a_link_classed_span_stays_in_its_paragraph() -> None:
    para = (
        "<p>Support for the dredging was especially high for "
        '<span class="link"><a href="/people/jane-roe">Jane Roe</a></span> and her '
        "neighbours on the quay.</p>"
    )
    for html in (page("", para), page("", "", para)):  # first or last paragraph
        text = doc_of(html).text
        assert "especially high for Jane Roe and her neighbours" in text


def test_comment_login_prompts_after_the_body_are_dropped() -> None:
    tail = (
        "<p>You must confirm your public display name before commenting</p>"
        "<p>Please logout and then login again, you will then be prompted to enter your "
        "display name.</p>"
    )
    text = doc_of(page("", "", tail)).text
    assert PARAS[-1] in text
    assert "display name" not in text
    assert "logout" not in text
