"""Saved pages: the writers a byline or structured data names, without the labels,
jobs, dates and contact details pages write around them. Every page here is
written for the test."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from briefings.derive.html import split_authors, tidy_name, visible_byline
from tests.unit.test_pages_structured import doc_of, page


def ld_author(value: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "headline": "Harbour board weighs the dredging plan", '
        f'"author": {value}}}</script>'
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Roe, Senior Reporter", ["Jane Roe"]),
        ("Jane Roe News reporter", ["Jane Roe"]),
        ("By Jane Roe in Washington", ["Jane Roe"]),
        ("Updated by Jane Roe", ["Jane Roe"]),
        ("Analysis by Jane Roe and Sam Poe", ["Jane Roe", "Sam Poe"]),
        ("By Jane Roe | March 5, 2024", ["Jane Roe"]),
        ("By Jane Roe jane.roe@example.org", ["Jane Roe"]),
        ("By Jane Roe, Sam Poe and Ann Lee", ["Jane Roe", "Sam Poe", "Ann Lee"]),
        ("Von Jana Rau und Timo Berg", ["Jana Rau", "Timo Berg"]),
    ],
)
def test_a_visible_byline_names_the_writers_only(byline: str, names: list[str]) -> None:
    body = f'<div class="byline">{byline}</div>'
    assert doc_of(page("", body)).meta.authors == names


def test_a_job_listed_as_a_second_byline_entry_is_not_a_writer() -> None:
    body = (
        '<div class="story"><span class="byline">By Jane Roe</span>'
        '<span class="byline">Harbour Staff Writer</span></div>'
    )
    assert doc_of(page("", body)).meta.authors == ["Jane Roe"]


def test_a_photo_credit_is_not_the_byline() -> None:
    head = ld_author('{"@type": "Person", "name": "Jane Roe"}')
    body = '<figcaption><span class="image-byline">Photo: Quay Pictures</span></figcaption>'
    meta = doc_of(page(head, body)).meta
    assert meta.authors == ["Jane Roe"]


def test_one_writer_spelled_twice_is_listed_once() -> None:
    head = ld_author(
        '[{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "JANE ROE"}]'
    )
    assert doc_of(page(head, "")).meta.authors == ["Jane Roe"]


def test_a_structured_name_in_capitals_takes_the_bylines_spelling() -> None:
    head = ld_author('{"@type": "Person", "name": "JANE ROE"}')
    body = '<div class="byline">By Jane Roe</div>'
    assert doc_of(page(head, body)).meta.authors == ["Jane Roe"]


def test_a_cms_user_name_gives_way_to_the_visible_byline() -> None:
    head = ld_author('{"@type": "Person", "name": "jane-r"}')
    body = '<div class="byline">By Jane Roe</div>'
    assert doc_of(page(head, body)).meta.authors == ["Jane Roe"]


def test_tidy_name_drops_what_surrounds_a_name() -> None:
    assert tidy_name("Posted by Jane Roe") == "Jane Roe"
    assert tidy_name("Text: Jane Roe") == "Jane Roe"
    assert tidy_name("Senior Editor Jane Roe") == "Jane Roe"
    assert tidy_name("Jane Roe November") == "Jane Roe"
    assert tidy_name("Jane Roe Published") == "Jane Roe"
    assert tidy_name("Name (required)") == "Name"
    # A bracket naming the site, and a name of two words, stay.
    assert tidy_name("Harbour News (harbour.example)") == "Harbour News (harbour.example)"
    assert tidy_name("Jane May") == "Jane May"
    assert tidy_name("@janeroe") == "@janeroe"


def test_split_authors_keeps_family_name_first_and_drops_dates() -> None:
    assert split_authors("Roe, Jane; Poe, Sam") == ["Jane Roe", "Sam Poe"]
    assert split_authors("Jane Roe | 05.03.2024") == ["Jane Roe"]
    assert split_authors("Jane Roe • Sam Poe") == ["Jane Roe", "Sam Poe"]


def test_a_readers_comment_names_no_writer() -> None:
    body = (
        '<div id="comments"><ol class="comment-list"><li><div class="comment-author">'
        "Rita Moss says</div><p>Lovely harbour.</p></li></ol>"
        '<form id="respond"><label class="author">Name (required)</label></form></div>'
    )
    assert doc_of(page("", body)).meta.authors == []


def test_a_label_before_von_goes_but_a_von_in_a_name_stays() -> None:
    assert tidy_name("Eingestellt von Jana Rau") == "Jana Rau"
    assert split_authors("Lena Hoff, Justus von Berg") == ["Lena Hoff", "Justus von Berg"]


def test_an_unmarked_by_line_names_the_writer() -> None:
    body = '<p class="text-sm">By Jane Roe, in <a href="/news">News</a></p>'
    assert doc_of(page("", body)).meta.authors == ["Jane Roe"]


def test_a_byline_heading_with_no_name_names_nobody() -> None:
    body = '<div class="author-info"><h2 class="author-heading">Published by</h2></div>'
    assert doc_of(page("", body)).meta.authors == []


def test_a_responsive_layout_is_no_comment_box() -> None:
    body = '<div class="responsive-header"><div class="byline">By Jane Roe</div></div>'
    assert doc_of(page("", body)).meta.authors == ["Jane Roe"]


def test_a_korean_byline_loses_the_word_for_reporter() -> None:
    body = '<span class="author">김하늘 기자</span>'
    assert doc_of(page("", body)).meta.authors == ["김하늘"]


def test_the_outlet_and_place_after_a_bylines_name_are_not_writers() -> None:
    head = '<meta property="og:site_name" content="Harbour News">'
    body = "<p><strong>By Jane Roe, Harbour News, New Haven</strong></p>"
    assert doc_of(page(head, body)).meta.authors == ["Jane Roe"]


def test_a_by_line_in_a_menu_is_navigation() -> None:
    body = "<nav><ul><li><span>By Main Course:</span></li></ul></nav>"
    assert doc_of(page("", body)).meta.authors == []


def test_a_comment_written_as_an_article_element_names_no_writer() -> None:
    body = (
        '<ol><li><article id="comment-12"><header><span class="author">Rita Moss</span>'
        "</header><p>Lovely harbour.</p></article></li></ol>"
    )
    assert visible_byline(load_html(page("", body)), None) == []


def test_a_huge_author_field_is_handled_quickly() -> None:
    import time

    start = time.perf_counter()
    split_authors("x" * 200_000)
    split_authors("Jane " + "a." * 50_000 + " Roe")
    assert time.perf_counter() - start < 1.0
