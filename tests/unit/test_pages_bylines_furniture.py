"""Saved HTML pages: bylines the markup marks in other ways, furniture in other languages,
an extraction cut short mid-article. Every page and line here is written for the test."""

from __future__ import annotations

import pytest

from briefings.derive import build_document
from briefings.derive.blocks import Block
from briefings.derive.boilerplate import furniture
from briefings.derive.clean import Removal, clean_blocks
from briefings.derive.document import Document, Metadata
from briefings.derive.html import cut_short, merge_interior
from briefings.models import Article
from tests.unit.test_clean_pages import PARAS

ORG_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board weighs '
    'the dredging plan", "author": {"@type": "Organization", "name": "Gazette"}}</script>'
    '<meta property="og:site_name" content="Gazette">'
)


def page(body: str, head: str = ORG_LD) -> str:
    return (
        "<html><head><title>Board weighs the dredging plan | Gazette</title>"
        f"{head}</head><body><main><article><h1>Board weighs the dredging plan</h1>"
        f"{body}</article></main></body></html>"
    )


def paras(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def doc_of(html: str) -> Document:
    return build_document(Article(origin="test:page.html", format="html", text=html))


def test_a_link_to_an_author_page_is_the_byline() -> None:
    body = 'von <a href="/autoren/name/jane-doe">Dr. Jane Doe</a>' + paras(PARAS)
    assert doc_of(page(body)).meta.authors == ["Dr. Jane Doe"]


def test_a_nav_link_to_the_reporters_page_does_not_hide_the_byline() -> None:
    body = (
        '<a href="/reporters/">Reporters</a>'
        + paras(PARAS)
        + "<ul><li><strong>Author</strong> Richard Roe</li></ul>"
    )
    assert doc_of(page(body)).meta.authors == ["Richard Roe"]


def test_bylines_repeated_for_each_author_name_them_all() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board '
        'weighs the dredging plan", "author": [{"@type": "Person", "name": "Richard Roe"}]}'
        "</script>"
    )
    body = (
        '<div class="bylines"><div class="byline column">Jane Doe</div>'
        '<div class="byline column">Richard Roe</div></div>' + paras(PARAS)
    )
    assert doc_of(page(body, head)).meta.authors == ["Jane Doe", "Richard Roe"]


def test_a_name_in_a_script_without_capitals_is_kept() -> None:
    body = '<a class="article-author">山田太郎</a>' + paras(PARAS)
    assert doc_of(page(body)).meta.authors == ["山田太郎"]


def test_an_acronym_in_the_author_tag_is_the_outlet() -> None:
    head = '<meta name="author" content="GZT"><meta property="og:site_name" content="Gazette">'
    body = '<span>von <a href="/author/jane-doe">Jane Doe</a></span>' + paras(PARAS)
    assert doc_of(page(body, head)).meta.authors == ["Jane Doe"]


def test_a_bold_name_closing_the_body_is_the_byline_and_leaves_the_body() -> None:
    body = paras(PARAS) + "<p><strong>Jane Doe</strong></p>"
    doc = doc_of(page(body))
    assert doc.meta.authors == ["Jane Doe"]
    assert "Jane Doe" not in doc.text


def test_a_bold_byline_under_the_standfirst_names_both_writers() -> None:
    body = (
        "<p><em>Residents fear the dredgers</em></p>"
        "<p><strong>Jane Doe/Richard Roe</strong></p>" + paras(PARAS)
    )
    doc = doc_of(page(body))
    assert doc.meta.authors == ["Jane Doe", "Richard Roe"]
    assert "Richard Roe" not in doc.text


def test_writers_codes_marked_as_the_author_are_listed_as_written() -> None:
    body = paras(PARAS) + '<p>Radio news, 3 May; <span itemprop="author">gzt/abc;xyz</span></p>'
    assert doc_of(page(body, "")).meta.authors == ["gzt/abc", "xyz"]


def test_a_sentence_marked_as_the_author_is_not_a_writers_code() -> None:
    body = paras(PARAS) + '<p><span itemprop="author">more from our desk</span></p>'
    assert doc_of(page(body, "")).meta.authors == []


def test_a_bold_subheading_in_lower_case_is_not_a_byline() -> None:
    body = paras(PARAS[:3]) + "<p><strong>What comes next</strong></p>" + paras(PARAS[3:])
    assert doc_of(page(body)).meta.authors == ["Gazette"]


@pytest.mark.parametrize(
    "line",
    [
        "Puede escribirnos a redaccion@example.org o seguirnos en Facebook, Twitter e Instagram.",
        "Folgt mir gerne auf Instagram.",
        "Verraten Sie gerne in den Kommentaren: Was halten Sie vom Plan?",
        "Let us know what you think in the comments.",
        "Lesen Sie hier: Der Hafen wird tiefer",
        "Alles über den Hafen findest du hier.",
        "Dieser Artikel kann Links zu Anbietern enthalten, von denen wir eine Provision erhalten.",
    ],
)
def test_pitches_in_other_languages_are_furniture(line: str) -> None:
    assert furniture(line) in ("promo", "disclaimer")


@pytest.mark.parametrize(
    "line",
    [
        "PDF | 38 KB | nicht barrierefrei",
        "Kontakt:",
        "Gazette Weekly Newsletter",
        "Pressestelle Hafenamt, Kaistraße 7, 12345 Hafenstadt, Tel.: 0123 45 67, E-Mail: presse@example.org",
        "GAZETTE.COM",
    ],
)
def test_labels_and_contact_details_are_furniture(line: str) -> None:
    assert furniture(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The company said Facebook would follow Twitter in banning the ads next year.",
        "He read the statement aloud: the board would meet again in March.",
        "The board can be reached by phone, the chair said, but few residents called.",
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert furniture(line) is None


def _clean(lines: list[str]) -> tuple[list[str], list[Removal]]:
    removed: list[Removal] = []
    kept = clean_blocks([Block(t) for t in lines], Metadata(), removed)
    return [b.text for b in kept], removed


def test_an_address_box_at_the_end_goes() -> None:
    address = [
        "Hafenamt",
        "Pressestelle",
        "Kaistraße 7",
        "Tel.: 0123 45 67",
        "E-Mail: presse@example.org",
    ]
    kept, removed = _clean(PARAS + address)
    assert kept == PARAS
    assert {r.reason for r in removed} == {"contact"}


def test_an_about_this_series_note_at_the_end_goes() -> None:
    note = "The Gazette has reported on the harbour since 1901 and keeps an office on the quay."
    kept, _ = _clean([*PARAS, "About this series", note])
    assert kept == PARAS


def test_a_list_of_teasers_under_an_also_on_header_goes() -> None:
    teasers = [
        "Also on Gazette.com",
        "Why is the tide so low? Four reasons",
        "Boats stranded again!",
    ]
    kept, _ = _clean(PARAS + teasers)
    assert kept == PARAS


def test_a_precise_extraction_that_stopped_at_an_ad_is_cut_short() -> None:
    precise = "\n".join(PARAS[:1])
    wide = "\n".join(["Menu", *PARAS, "Footer"])
    assert cut_short(precise, wide)
    assert not cut_short("\n".join(PARAS[:4]), wide)
    # A short precise text that is not the start of the wide one: not cut short.
    assert not cut_short("Something else entirely.", wide)
    assert merge_interior("\n".join(PARAS), wide) == "\n".join(PARAS)


def test_a_desk_beside_an_agency_is_listed_with_it_not_as_a_person() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board '
        'weighs the dredging plan", "author": [{"@type": "Organization", "name": "Wire '
        'Agency"}, {"@type": "Person", "name": "City-Desk"}]}</script>'
        '<meta property="og:site_name" content="Gazette">'
        '<meta property="article:author" content="Wire Agency">'
    )
    assert doc_of(page(paras(PARAS), head)).meta.authors == ["Wire Agency", "City-Desk"]


def test_a_video_teaser_with_its_running_time_is_furniture() -> None:
    assert furniture("The board explains the dredging plan in a short film. 21.04.2024 | 3:18 min")
    assert furniture("The work will take about four months, the chair said at 10:30.") is None


def test_a_korean_reporters_job_title_leaves_the_name() -> None:
    head = (
        '<meta name="author" content="김민준 기자"><meta property="og:site_name" content="Gazette">'
    )
    assert doc_of(page(paras(PARAS), head)).meta.authors == ["김민준"]


def test_a_job_set_beside_the_name_in_the_byline_box_is_not_part_of_it() -> None:
    body = (
        '<div class="author"><a href="/autor/jane-doe">Jane Doe</a>'
        "<span>Korrespondentin für Politik und Wirtschaft in Bern</span></div>" + paras(PARAS)
    )
    assert doc_of(page(body, "")).meta.authors == ["Jane Doe"]
