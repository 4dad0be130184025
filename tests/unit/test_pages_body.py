"""Body extraction on pages whose constructions the extractor loses: a standfirst shown
under the headline outside the body box, words in a classed span inside a sentence.
Every page and line here is written for the test."""

from __future__ import annotations

import pytest

from briefings.derive import build_document
from briefings.derive.document import Document
from briefings.derive.html import merge_interior
from briefings.models import Article
from tests.unit.test_clean_pages import PARAS

TITLE = "Harbour board weighs the dredging plan"
DEK = (
    "The board wants the northern channel cleared before spring, but residents fear noise at night."
)
NAV = (
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li></ul></nav>"
)
FOOT = "<footer><p>Copyright 2026 Gazette Media. All rights reserved.</p></footer>"


def doc_of(html: str) -> Document:
    return build_document(Article(origin="test:page.html", format="html", text=html))


def page(top: str, paras: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>{TITLE}</title>{head}</head><body>{NAV}<main><article>"
        f"<h1>{TITLE}</h1>{top}<div class='article-body'>{body}</div></article></main>"
        f"{FOOT}</body></html>"
    )


def reader_text(doc: Document) -> str:
    return " ".join(f"{doc.meta.dek or ''}\n{doc.text}".split())


@pytest.mark.parametrize(
    "top",
    [
        f"<p class='dek'>{DEK}</p>",
        f"<h2 class='article-subtitle'>{DEK}</h2>",
        f"<div class='c-intro__copy'>{DEK}</div>",
        f"<div class='storyDescription'><p>{DEK}</p></div>",
        f"<div itemprop='description'>{DEK}</div>",
    ],
)
def test_a_standfirst_above_the_body_box_becomes_the_dek(top: str) -> None:
    doc = doc_of(page(top, PARAS[1:]))
    assert doc.meta.dek == DEK
    assert PARAS[1] in doc.text and DEK not in doc.text


def test_a_standfirst_the_body_repeats_is_no_dek() -> None:
    doc = doc_of(page(f"<p class='lead'>{PARAS[0]}</p>", PARAS[:1] + PARAS[1:]))
    assert PARAS[0] not in (doc.meta.dek or "")
    assert PARAS[0] in doc.text


def test_a_box_of_several_paragraphs_or_links_is_no_standfirst() -> None:
    box = (
        "<div class='summary'><p>One point about the plan for the channel.</p>"
        "<p>Another point about the plan for the channel.</p></div>"
    )
    links = (
        "<p class='teaser'><a href='/a'>Ferry fares rise again this winter</a> and "
        "<a href='/b'>the lighthouse reopens to visitors</a></p>"
    )
    for top in (box, links):
        assert "point about" not in reader_text(doc_of(page(top, PARAS[1:])))
        assert "Ferry fares" not in reader_text(doc_of(page(top, PARAS[1:])))


def test_a_shown_share_description_wins_over_a_site_blurb() -> None:
    blurb = (
        "<div class='site-description'>The Gazette brings you news, sport and weather "
        "from the whole coast, every day of the year.</div>"
    )
    head = f'<meta name="description" content="{DEK}">'
    top = f"{blurb}<p>{DEK}</p>"
    doc = doc_of(page(top, PARAS[1:], head))
    assert doc.meta.dek == DEK


@pytest.mark.parametrize("cls", ["link", "related-person", "meta-name", "author"])
def test_words_in_a_classed_span_stay_in_their_sentence(cls: str) -> None:
    para = (
        "Support for the dredging was especially high for "
        f'<span class="{cls}"><a href="/people/jane-roe">Jane Roe</a></span> and her '
        "neighbours on the quay."
    )
    text = doc_of(page("", [PARAS[0], PARAS[1], para, *PARAS[2:]])).text
    assert "especially high for Jane Roe and her neighbours" in text


def test_a_hidden_span_stays_out_of_its_sentence() -> None:
    para = (
        "Support for the dredging was especially high among "
        '<span class="note" style="display:none">(opens in a new window)</span> the crews '
        "on the quay."
    )
    text = doc_of(page("", [PARAS[0], PARAS[1], para, *PARAS[2:]])).text
    assert "especially high among" in text
    assert "opens in a new window" not in text


def test_a_section_the_precise_pass_skipped_is_taken_back_whole() -> None:
    first = "Authors are asked to check their submission against the list below first."
    last = "Names and addresses entered on this site are used only for the journal."
    section = [
        "Guidelines for authors",
        "Use the new spelling throughout the manuscript.",
        "Set quotations of four lines or more apart from the text.",
        "Keep footnotes short and few, and give web addresses without markup.",
        "Web sources",
        "Name, first name (year): title. Retrieved from the site, on the date given.",
        "Several authors are parted by a slash; from four on, only the first is named.",
    ]
    text = "\n".join([first, last])
    wide = "\n".join([first, *section, last])
    assert merge_interior(text, wide).split("\n") == [first, *section, last]
    # A list of a few short lines between two long stretches of text stays out.
    long_text = [*PARAS, first, last]
    wide = "\n".join([*PARAS, first, *section[:3], last])
    assert merge_interior("\n".join(long_text), wide).split("\n") == long_text


def test_a_utf8_page_with_a_stray_cp1252_byte_is_read_as_utf8() -> None:
    from briefings.ingest import decode

    text = "Grüße aus Köln: schöne Tage am Fluss, große Brücken, ähnliche Straßen. " * 3
    data = text.encode("utf-8") + b"Ein \x93Zitat\x94 am Ende."
    decoded, _ = decode(data)
    assert decoded.startswith("Grüße aus Köln") and decoded.endswith("“Zitat” am Ende.")
    # A page in cp1252 throughout stays cp1252.
    assert decode("Grüße aus Köln, “schön”.".encode("cp1252")) == (
        "Grüße aus Köln, “schön”.",
        "cp1252",
    )


def test_a_term_with_a_dotted_underline_stays_in_its_sentence() -> None:
    para = (
        "The board will ask for a "
        '<span style="border-bottom: 1px dotted">dredging licence</span> from the port '
        "authority before the work starts."
    )
    text = doc_of(page("", [PARAS[0], PARAS[1], para, *PARAS[2:]])).text
    assert "ask for a dredging licence from the port authority" in text


def test_a_picture_description_is_no_standfirst() -> None:
    caption = "Boats lie on the mud of the northern channel at low tide on Monday morning."
    tops = (
        f"<figure><img src='a.jpg'><figcaption><span class='description'>{caption}</span>"
        "</figcaption></figure>",
        f"<div class='media-block'><img src='a.jpg'><div class='media-block__description'>"
        f"{caption}</div></div>",
    )
    for top in tops:
        assert caption not in reader_text(doc_of(page(top, PARAS[1:])))
