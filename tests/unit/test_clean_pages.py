"""Saved HTML pages: the whole body, furniture out, metadata from the page's markup.

Every page here is written for the test (no corpus text).
"""

from __future__ import annotations

from datetime import date

import pytest

from briefings.derive import build_document
from briefings.derive.blocks import Block
from briefings.derive.boilerplate import furniture, is_disclaimer, is_follow_line, is_pointer
from briefings.derive.clean import Removal, clean_blocks
from briefings.derive.document import Document, Metadata
from briefings.derive.html import (
    choose_title,
    is_placeholder_author,
    looks_like_name,
    merge_interior,
    split_authors,
    standfirst,
    strip_site_name,
)
from briefings.models import Article

PARAS = [
    "The harbour board met on Tuesday evening to weigh a plan for dredging the northern "
    "channel before the spring tides arrive.",
    "Fishing crews have complained for years that silt at low tide leaves their boats "
    "stranded for hours at a time.",
    "The board chair said the work would be paid for by a regional grant and would take "
    "about four months.",
    "Residents of the waterfront streets asked whether the dredging would bring noise at "
    "night during the summer.",
    "A final vote is expected at the next meeting of the board, which is scheduled for the "
    "first week of March.",
]


def page(body: str, head: str = "") -> str:
    return (
        "<html><head><title>Harbour board weighs dredging plan | Gazette</title>"
        f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        "</nav></header><main><article><h1>Harbour board weighs dredging plan</h1>"
        f"{body}</article></main><footer><p>Contact us about this site and its terms of "
        "use today.</p></footer></body></html>"
    )


def paras(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def doc_of(html: str) -> Document:
    return build_document(Article(origin="test:page.html", format="html", text=html))


def test_empty_inline_tag_does_not_cut_a_quote() -> None:
    quote = (
        "“I<strong></strong> think the channel has been neglected for far too long, and the "
        "crews pay for it,” said one skipper. “We need it done.”"
    )
    doc = doc_of(page(paras([PARAS[0], quote, *PARAS[1:]])))
    text = doc.text
    assert "“I think the channel has been neglected" in text
    assert "“We need it done.”" in text


def test_text_after_an_inline_ad_is_kept() -> None:
    ad = (
        "<div class='ad-slot'><p>Advertisement</p><div class='promo'><a href='/x'>Subscribe "
        "now for unlimited access to all our stories</a></div></div>"
    )
    doc = doc_of(page(paras(PARAS[:2]) + ad + paras(PARAS[2:])))
    for para in PARAS:
        assert para in doc.text
    assert "Advertisement" not in doc.text
    assert "Subscribe now" not in doc.text


def test_link_paragraphs_that_are_article_text_are_kept() -> None:
    linked = [
        "<a href='/report'>The full report on the channel was published by the board in "
        "January.</a>",
        "<a href='https://shop.example/boots'>Waterproof boots, $49 at Example Shop</a>",
    ]
    doc = doc_of(page(paras([PARAS[0], *linked, *PARAS[1:]])))
    assert "The full report on the channel was published" in doc.text
    assert "Waterproof boots, $49 at Example Shop" in doc.text


def test_structured_data_gives_title_date_authors_and_publisher() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Gazette Online"},'
        '{"@type": "NewsArticle", "headline": "Board weighs plan to dredge the channel",'
        '"datePublished": "2024-03-02T10:00:00+01:00",'
        '"dateModified": "2024-03-04T08:00:00+01:00",'
        '"author": [{"@type": "Person", "name": "Jane Doe"},'
        '{"@type": "Person", "name": "Richard Roe"},'
        '{"@type": "Organization", "name": "Harbour Gazette"}],'
        '"publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}]}</script>'
        '<meta property="article:published_time" content="2019-01-01T00:00:00Z">'
        '<meta property="og:site_name" content="Gazette">'
    )
    meta = doc_of(page(paras(PARAS), head)).meta
    assert meta.title == "Board weighs plan to dredge the channel"
    assert meta.published == date(2024, 3, 2)
    assert meta.updated == date(2024, 3, 4)
    assert meta.authors == ["Jane Doe", "Richard Roe"]
    assert meta.author == "Jane Doe, Richard Roe"
    assert meta.source == "The Harbour Gazette"


def test_meta_tags_when_there_is_no_structured_data() -> None:
    head = (
        '<meta property="og:title" content="Harbour board weighs dredging plan - Gazette">'
        '<meta property="og:site_name" content="Gazette">'
        '<meta property="article:published_time" content="2023-11-05T09:30:00Z">'
        '<meta name="author" content="Jane Doe">'
    )
    meta = doc_of(page(paras(PARAS), head)).meta
    assert meta.title == "Harbour board weighs dredging plan"
    assert meta.published == date(2023, 11, 5)
    assert meta.authors == ["Jane Doe"]
    assert meta.source == "Gazette"


def test_an_organisation_is_the_author_only_when_no_person_is_named() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline '
        'of the story", "author": {"@type": "Organization", "name": "Wire Agency"}}</script>'
    )
    assert doc_of(page(paras(PARAS), head)).meta.authors == ["Wire Agency"]


def test_an_author_string_with_a_web_address_is_not_split_into_names() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline '
        'of the story", "author": {"@type": "Person", "name": "Jane Doe", '
        '"url": "https://www.example.com/jane"}}</script>'
    )
    assert doc_of(page(paras(PARAS), head)).meta.authors == ["Jane Doe"]


def test_placeholder_authors_are_dropped() -> None:
    meta = doc_of(page(paras(PARAS), '<meta name="author" content="No Author">')).meta
    assert meta.authors == []
    assert meta.author is None


@pytest.mark.parametrize("name", ["No Author", "admin", "Unknown", "author", "12345", "N/A"])
def test_is_placeholder_author(name: str) -> None:
    assert is_placeholder_author(name)


@pytest.mark.parametrize("name", ["Jane Doe", "Staff Sergeant Lee", "Ana de la Cruz"])
def test_real_names_are_not_placeholders(name: str) -> None:
    assert not is_placeholder_author(name)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Jane Doe, Richard Roe and Ann Lee", ["Jane Doe", "Richard Roe", "Ann Lee"]),
        ("By Jane Doe", ["Jane Doe"]),
        ("Doe, Jane", ["Jane Doe"]),
        ("Doe, Jane, Roe, Richard", ["Jane Doe", "Richard Roe"]),
        ("Jane Doe; https://www.example.com", ["Jane Doe"]),
        ("", []),
    ],
)
def test_split_authors(text: str, want: list[str]) -> None:
    assert split_authors(text) == want


def test_a_bio_is_not_a_name() -> None:
    assert looks_like_name("Jane Doe")
    assert not looks_like_name("Jane Doe is a reporter covering the coast")


def test_follow_lines_and_disclaimers_are_furniture() -> None:
    assert is_follow_line("Follow Jane Doe on Twitter.")
    assert is_follow_line("You can follow the harbour desk on Instagram @harbourdesk")
    assert not is_follow_line("Fans follow the team on the road to every away game this year.")
    assert is_disclaimer(
        "This article contains affiliate links; we may earn a commission if you buy through them."
    )
    assert not is_disclaimer("The commission will meet on Friday to discuss the harbour plan.")
    assert furniture("Follow Jane Doe on Twitter.") == "promo"


def test_related_header_in_german_drops_the_list_under_it() -> None:
    blocks = [Block(PARAS[0]), Block("Das könnte Sie auch interessieren:"), Block("Neue Fähre")]
    kept = clean_blocks([*blocks, Block(PARAS[1])], Metadata())
    assert [b.text for b in kept] == [PARAS[0], PARAS[1]]


@pytest.mark.parametrize(
    "lead",
    [
        "Port Harbour, Examplestan (CNN)The harbour board met on Tuesday evening to weigh a plan.",
        "Port Harbour (CNN) -- The harbour board met on Tuesday evening to weigh a plan.",
        "(CNN)The harbour board met on Tuesday evening to weigh a plan.",
    ],
)
def test_agency_dateline_is_split_from_the_lead(lead: str) -> None:
    doc = build_document(Article(origin="test:x.txt", text=f"{lead} {PARAS[1]}\n\n{PARAS[2]}"))
    assert doc.paragraphs[0].text.startswith("The harbour board met on Tuesday")
    assert doc.meta.source == "CNN"


def test_dateline_after_a_byline_sentence_splits_the_paragraph() -> None:
    text = f"By Jane Doe. Port Harbour (CNN)The harbour board met on Tuesday. {PARAS[1]}"
    kept = clean_blocks([Block(text)], meta := Metadata())
    assert [b.text for b in kept][-1].startswith("The harbour board met on Tuesday.")
    assert "(CNN)" not in " ".join(b.text for b in kept)
    assert meta.source == "CNN"


def test_an_abbreviation_in_brackets_is_not_a_dateline() -> None:
    text = f"The World Health Organization (WHO) said on Monday that it would help. {PARAS[1]}"
    kept = clean_blocks([Block(text)], Metadata())
    assert [b.text for b in kept] == [text]


def test_a_date_glued_to_the_lead_becomes_the_published_date() -> None:
    doc = build_document(
        Article(origin="test:x.txt", text=f"March 20, 2015 . {PARAS[0]}\n\n{PARAS[1]}")
    )
    assert doc.meta.published == date(2015, 3, 20)
    assert doc.paragraphs[0].text == PARAS[0]


def test_the_site_name_beats_a_publisher_s_legal_name() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline '
        'of the story", "publisher": {"@type": "Organization", "name": "Gazette Media GmbH"}}'
        '</script><meta property="og:site_name" content="Gazette">'
    )
    assert doc_of(page(paras(PARAS), head)).meta.source == "Gazette"


def test_an_author_bio_at_the_end_is_dropped() -> None:
    bio = "Jane Doe is a senior reporter covering the coast for the Gazette."
    kept = clean_blocks([Block(p) for p in [*PARAS, bio]], Metadata())
    assert [b.text for b in kept] == PARAS


def test_a_last_paragraph_about_someone_else_is_kept() -> None:
    last = "The council is the body that will vote on the plan next month, officials said."
    kept = clean_blocks([Block(p) for p in [*PARAS, last]], Metadata())
    assert [b.text for b in kept] == [*PARAS, last]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Quelle: Harbour Wire", "source line"),
        ("Fuente: Agencia del Puerto", "source line"),
        ("(dmk)", "initials"),
        ("© harbour-wire, hw:240302-99-1234/5", "copyright"),
    ],
)
def test_tail_furniture_in_other_languages(line: str, reason: str) -> None:
    removed: list[Removal] = []
    kept = clean_blocks([Block(p) for p in [*PARAS, line]], Metadata(), removed)
    assert [b.text for b in kept] == PARAS
    assert [r.reason for r in removed] == [reason]


def test_a_dangling_label_at_the_end_goes() -> None:
    kept = clean_blocks([Block(p) for p in [*PARAS, "More on this topic from us:"]], Metadata())
    assert [b.text for b in kept] == PARAS


def test_the_share_title_wins_when_it_is_the_headline_without_its_kicker() -> None:
    headline = "Harbour vote: Board backs plan to dredge the channel"
    share = "Board backs plan to dredge the channel"
    assert choose_title(headline, share, headline) == share
    # A different wording of the share title: the structured headline stays.
    assert choose_title(headline, "Dredging plan wins the board's backing", None) == headline
    # The same words with other punctuation: the share title's form.
    assert choose_title(
        "Harbour vote - Board backs plan", "Harbour vote: Board backs plan", None
    ) == ("Harbour vote: Board backs plan")


def test_two_kickers_around_one_headline_give_the_headline() -> None:
    share = "Storm on the coast: «We were not ready for the water»"
    h1 = "Weather alert - «We were not ready for the water»"
    assert choose_title(None, share, h1) == "«We were not ready for the water»"
    # Two wordings of one quoted headline are not two kickers.
    same = choose_title(
        None,
        "'I sail boats - the tide can save you hours'",
        "'I sail old boats - the tide can save you hours'",
    )
    assert same == "'I sail boats - the tide can save you hours'"


@pytest.mark.parametrize(
    ("title", "site", "want"),
    [
        ("港の浚渫計画を承認：港湾新聞", "港湾新聞", "港の浚渫計画を承認"),
        ("항만 준설 계획 승인-경제ㅣ항만일보", "항만일보", "항만 준설 계획 승인"),
        ("Covid-19 cases fall-Gazette", "Gazette", "Covid-19 cases fall"),
    ],
)
def test_a_site_name_after_an_unspaced_separator_goes(title: str, site: str, want: str) -> None:
    assert strip_site_name(title, site) == want


def test_a_visible_byline_names_the_people_when_structured_data_names_the_site() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board backs '
        'the dredging plan", "author": {"@type": "Organization", "name": "Gazette"}}</script>'
        '<meta property="og:site_name" content="Gazette">'
    )
    body = '<p class="article__author">Von Jane Doe und Richard Roe, GAZETTE NORTH</p>' + paras(
        PARAS
    )
    assert doc_of(page(body, head)).meta.authors == ["Jane Doe", "Richard Roe"]


def test_a_byline_naming_the_outlet_or_a_desk_names_no_person() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Board backs '
        'the dredging plan", "author": {"@type": "Organization", "name": "Wire Agency"}}</script>'
    )
    body = (
        '<div class="byline">Wire Agency</div>'
        + paras(PARAS)
        + '<div class="teaser-author">Von Max Muster</div>'
    )
    assert doc_of(page(body, head)).meta.authors == ["Wire Agency"]
    desk = '<div class="byline">red, Agencies</div>' + paras(PARAS)
    assert doc_of(page(desk, head)).meta.authors == ["Wire Agency"]


def test_a_single_line_between_two_body_paragraphs_is_merged_in() -> None:
    precise = "First paragraph.\nSecond paragraph.\nThird paragraph."
    wide = (
        "Menu\nFirst paragraph.\nWhat happens next?\nSecond paragraph.\n"
        "Related one\nRelated two\nThird paragraph.\nFooter"
    )
    assert merge_interior(precise, wide) == (
        "First paragraph.\nWhat happens next?\nSecond paragraph.\nThird paragraph."
    )
    # Nothing shared: the precise text as it was.
    assert merge_interior(precise, "Menu\nFooter") == precise


def test_a_standfirst_sentence_just_above_the_body_is_found() -> None:
    precise = "First paragraph.\nSecond paragraph."
    lead = "The harbour board will vote on the dredging plan next week."
    wide = f"Menu\n{lead}\nFirst paragraph.\nSecond paragraph.\nFooter"
    assert standfirst(precise, wide) == lead
    assert merge_interior(precise, wide) == precise
    # A title or a date line above the body is not a standfirst.
    for line in (
        "Harbour board weighs the dredging plan",
        "Category: News",
        "May 3, 2024 at 08:45",
    ):
        wide = f"Menu\n{line}\nFirst paragraph.\nSecond paragraph.\nFooter"
        assert standfirst(precise, wide) is None


@pytest.mark.parametrize(
    "line",
    [
        "Weitere Infos unter www.example.org.",
        "Weitere Informationen:",
        "Más información en nuestra web.",
        "More information: harbour board office, room 4.",
        "For the latest stories download the Gazette app for your phone.",
    ],
)
def test_pointers_elsewhere_are_furniture(line: str) -> None:
    assert is_pointer(line)
    assert furniture(line) == "promo"


def test_article_sentences_about_information_are_not_pointers() -> None:
    assert not is_pointer("More information about the dredging emerged on Tuesday evening.")
    assert not is_pointer(
        "Weitere Informationen über den Plan wollte der Vorsitzende am Dienstag nicht geben, "
        "sagte er den Fischern im Hafen, die seit Jahren auf eine Entscheidung warten."
    )
