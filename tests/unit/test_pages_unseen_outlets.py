"""Saved pages from outlets laid out in ways the extractor had not met: a byline
label set apart from the name, staff and wire credits, co-authors listed only in a
meta field, a drop-cap first letter, a date label and the headline over the body,
and a credited photo caption as the first paragraph. Every page here is written
for the test."""

from __future__ import annotations

import pytest

from briefings.derive.boilerplate import is_credited_caption, is_staff_credit
from briefings.derive.html import is_byline_label, split_authors
from briefings.derive.metadata import is_bare_date_label
from tests.unit.test_page_bylines import ld_author
from tests.unit.test_pages_structured import doc_of, page

PARAS = (
    "The harbour board met on Tuesday to weigh the dredging plan for the old quay.",
    "Members voted to wait for a survey of the channel before spending more money.",
    "A decision is expected in the spring, once the survey has been read in full.",
)


def article(head: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Board delays dredging</title>{head}</head><body><main>"
        f"<article><h1>Board delays dredging</h1>{body}{paras}</article></main></body></html>"
    )


# 1. A byline label set apart from the name.


@pytest.mark.parametrize("label", ["Article by", "Written by", "Author:", "By"])
def test_a_byline_label_alone_is_no_author_and_the_name_after_it_is(label: str) -> None:
    body = (
        f'<div class="meta"><span class="article_author">{label}</span><br>'
        '<span class="author_name">Jane Roe</span></div>'
    )
    assert doc_of(page("", body)).meta.authors == ["Jane Roe"]


def test_a_byline_label_with_no_name_anywhere_names_nobody() -> None:
    body = '<div class="meta"><span class="post-author">Article by</span></div>'
    assert doc_of(page("", body)).meta.authors == []


def test_a_label_is_not_a_name() -> None:
    assert is_byline_label("Article by")
    assert is_byline_label("Written by ")
    assert not is_byline_label("Jane Roe")
    assert split_authors("Article by") == []


# 2. Staff and wire credits name no person.


@pytest.mark.parametrize(
    "credit",
    [
        "Staff and news service reports",
        "From staff and wire reports",
        "News service reports",
        "Staff report",
        "Staff writer",
    ],
)
def test_a_staff_or_wire_credit_names_no_author(credit: str) -> None:
    assert is_staff_credit(credit)
    assert split_authors(credit) == []
    head = ld_author(f'[{{"@type": "Person", "name": "{credit}"}}]')
    body = f'<div class="byline">By <a rel="author" href="/author/x/">{credit}</a></div>'
    assert doc_of(page(head, body)).meta.authors == []


def test_a_name_beside_a_wire_credit_is_still_read() -> None:
    assert not is_staff_credit("Jane Roe")
    assert split_authors("Jane Roe; wire reports") == ["Jane Roe"]


# 3. Co-authors a meta field lists.


def test_a_meta_author_list_adds_the_coauthor_the_structured_data_leaves_out() -> None:
    head = ld_author('{"@type": "Person", "name": "Jane Roe"}') + (
        '<meta name="author" content="Jane Roe, Dan O&#x27;Hara">'
    )
    assert doc_of(page(head, "")).meta.authors == ["Jane Roe", "Dan O'Hara"]


def test_a_meta_list_naming_someone_else_does_not_replace_the_author() -> None:
    head = ld_author('{"@type": "Person", "name": "Jane Roe"}') + (
        '<meta name="author" content="Sam Poe, Ann Lee">'
    )
    assert doc_of(page(head, "")).meta.authors == ["Jane Roe"]


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("Jane Roe, Dan O'Hara", ["Jane Roe", "Dan O'Hara"]),
        ("Jane Roe and Dan O'Hara", ["Jane Roe", "Dan O'Hara"]),
        ("Doe, Jane", ["Jane Doe"]),
        ("Jane Roe, Political Editor", ["Jane Roe"]),
    ],
)
def test_a_person_list_splits_only_between_names(field: str, names: list[str]) -> None:
    assert split_authors(field) == names


def test_a_structured_author_holding_two_names_lists_both() -> None:
    head = ld_author('{"@type": "Person", "name": "Jane Roe, Dan O\'Hara"}')
    assert doc_of(page(head, "")).meta.authors == ["Jane Roe", "Dan O'Hara"]


# 4. A drop-cap first letter.


@pytest.mark.parametrize(
    "lead",
    [
        '<div><span class="x9 k2">T</span><p><a href="/topic/harbour">he</a> harbour',
        '<div><span class="dropcap">T</span><p>he harbour',
        '<div><p><span class="drop-cap">T</span>he harbour',
        '<div><p><span class="initial">T</span>he harbour',
    ],
)
def test_a_drop_cap_letter_goes_back_onto_its_word(lead: str) -> None:
    body = f"{lead} pilots warned the board about silt at the quay last week.</p></div>"
    doc = doc_of(article("", body))
    first = doc.paragraphs[0].text
    assert first.startswith("The harbour pilots warned"), first


def test_a_capital_letter_before_a_capitalised_paragraph_is_left_alone() -> None:
    body = "<div><span>B</span><p>Harbour pilots warned the board about silt last week.</p></div>"
    doc = doc_of(article("", body))
    assert not any(p.text.startswith("BHarbour") for p in doc.paragraphs)


# 5. Date labels, the headline again, and a credited caption over the body.


def test_a_posted_on_label_and_the_repeated_headline_leave_the_body() -> None:
    body = (
        '<span class="posted-on">Posted on <time datetime="2024-03-05">March 5, 2024</time>'
        "</span><h1>Board delays dredging</h1>"
    )
    html = (
        "<html><head><title>Board delays dredging</title></head><body><main><article>"
        f"{body}{''.join(f'<p>{p}</p>' for p in PARAS)}</article></main></body></html>"
    )
    doc = doc_of(html)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == PARAS[0], texts
    assert is_bare_date_label("Posted on")
    assert is_bare_date_label("Published:")
    assert not is_bare_date_label("Posted on the quay, the notice warned of silt.")


def test_a_caption_with_a_credit_in_capitals_is_not_the_first_paragraph() -> None:
    body = (
        '<p class="summary">Dredgers wait at the old quay on Sunday morning. '
        '<span class="credit">By HARBOUR BOARD OF TRUSTEES</span></p>'
    )
    doc = doc_of(article("", body))
    assert doc.paragraphs[0].text == PARAS[0]


def test_a_credited_caption_is_one_sentence_and_a_credit_in_capitals() -> None:
    assert is_credited_caption("Dredgers wait at the quay. By HARBOUR BOARD")
    assert not is_credited_caption("Dredgers wait at the quay. By Jane Roe")
    assert not is_credited_caption("Dredgers wait. The board met. By HARBOUR BOARD")
    assert not is_credited_caption("Dredgers wait at the quay on Sunday morning.")


def test_a_staff_byline_over_a_text_article_names_no_author() -> None:
    text = "By Staff and wire reports\n\n" + "\n\n".join(PARAS)
    doc = doc_of(text, "txt")
    assert not doc.meta.author
    assert doc.paragraphs[0].text == PARAS[0]


@pytest.mark.parametrize(
    "caption",
    [
        '<p class="summary">Dredgers wait at the quay. <span class="credit">By Jane Roe</span></p>',
        '<div>Dredgers wait at the quay. <small class="photo-credit">Harbour Board</small></div>',
    ],
)
def test_a_caption_whose_credit_the_page_marks_is_not_body(caption: str) -> None:
    doc = doc_of(article("", caption))
    assert doc.paragraphs[0].text == PARAS[0]
    assert not any("Dredgers" in p.text for p in doc.paragraphs)
