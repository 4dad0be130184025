"""Header metadata (``briefings.derive.metadata``, ``html.strip_site_name``) on made-up texts."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.derive import build_document
from briefings.derive.blocks import split_blocks
from briefings.derive.document import Metadata
from briefings.derive.html import strip_site_name
from briefings.derive.metadata import (
    clean_person_name,
    read_header,
    tidy_title,
    title_from_body,
    title_from_lead,
)
from briefings.models import Article

LEAD = (
    "The harbour authority said on Monday that it would dredge the northern channel next "
    "spring, ending years of complaints from fishing crews about silt at low tide."
)
SECOND = "The work is expected to take four months and will be paid for by a regional grant."


def header(text: str) -> tuple[Metadata, list[str]]:
    meta = Metadata()
    rest = read_header(split_blocks(text), meta)
    return meta, [b.text for b in rest]


def doc_meta(text: str) -> Metadata:
    return build_document(Article(origin="test:x", text=text)).meta


def test_headline_byline_date() -> None:
    meta, rest = header(f"Jane_DoeJane_Doe ・ Apr. 7, 2024\nHarbour To Dredge Channel\n{LEAD}")
    assert meta.author == "Jane Doe"
    assert meta.published == date(2024, 4, 7)
    assert meta.title == "Harbour To Dredge Channel"
    assert rest == [LEAD]


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Chelsea_SunChelsea_Sun", "Chelsea Sun"),
        ("By Jane Doe", "Jane Doe"),
        ("Jane Doe Jane Doe", "Jane Doe"),
        ("  Jane   Doe ", "Jane Doe"),
        ("Jane Doe; Harbour Staff Writer", "Jane Doe"),
        ("Jane Doe; John Roe", "Jane Doe, John Roe"),
    ],
)
def test_clean_person_name(raw: str, name: str) -> None:
    assert clean_person_name(raw) == name


def test_dek_after_a_dated_header() -> None:
    dek = "Port officials bet on a deeper channel while fishing crews wait for relief."
    meta, rest = header(f"Harbour To Dredge Channel\nUpdated: Jan 5, 2024\n{dek}\n{LEAD}\n{SECOND}")
    assert meta.title == "Harbour To Dredge Channel"
    assert meta.published == date(2024, 1, 5)
    assert meta.dek == dek
    assert rest == [LEAD, SECOND]


def test_no_dek_without_a_header_line() -> None:
    meta, rest = header(f"Harbour To Dredge Channel\n\n{SECOND}\n\n{LEAD}")
    assert meta.dek is None
    assert rest == [SECOND, LEAD]


def test_a_past_tense_lead_is_not_a_dek() -> None:
    lead = "The harbour authority voted on Monday to dredge the channel."
    meta, rest = header(f"Harbour To Dredge Channel\nJan 5, 2024\n{lead}\n{SECOND}")
    assert meta.dek is None
    assert rest[0] == lead


def test_reading_time_is_not_a_title() -> None:
    meta, rest = header(f"3 minutes\n\n{LEAD}\n\n{SECOND}")
    assert meta.title is None
    assert rest == [LEAD, SECOND]


def test_date_prefix_on_the_lead() -> None:
    meta, rest = header(f" date 2023-12-09 {LEAD}")
    assert meta.published == date(2023, 12, 9)
    assert rest == [LEAD]


def test_caption_date_is_not_the_publication_date() -> None:
    text = (
        f"Harbour To Dredge Channel\n\n{LEAD}\n\n"
        "A dredger in the channel on Monday, May 29, 2023. Photo: Harbour Post\n\n"
        f"{SECOND}"
    )
    assert doc_meta(text).published is None


@pytest.mark.parametrize(
    ("line1", "title"),
    [
        ("Harbour authority to dredge the channel.", "Harbour authority to dredge the channel"),
        ("Mayor calls the plan ‘overdue.’", "Mayor calls the plan ‘overdue’"),
        ("Court backs Roe v. Wade ruling.", "Court backs Roe v. Wade ruling"),
        ("Ships return to the U.S.", "Ships return to the U.S."),
        ("Dredging Begins. Crews Cheer.", "Dredging Begins. Crews Cheer."),
    ],
)
def test_first_line_headline_printed_with_a_full_stop(line1: str, title: str) -> None:
    meta = doc_meta(f"{line1}\n\n{LEAD}\n\n{SECOND}")
    assert meta.title == title


def test_headline_and_subtitle_over_two_lines() -> None:
    meta = doc_meta(f"Harbour to dredge channel; \nCrews welcome the news.\n\n{LEAD}")
    assert meta.title == "Harbour to dredge channel; Crews welcome the news"


def test_a_lead_opening_with_a_connective_is_no_title() -> None:
    text = f"However, the crews say silt still blocks the approach at low tide.\n\n{LEAD}"
    title = doc_meta(text).title or ""
    assert not title.lower().startswith("however")
    assert title.startswith("The harbour authority said")


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "At a council meeting five years ago, the mayor said the harbour was a priority and "
            "that the channel would be cleared within a decade.",
            "The mayor said the harbour was a priority",
        ),
        (
            "The port has a slight lead over its rivals in the race to win new ferry routes for "
            "the coming decade (FR), says the harbour master Jane Doe.",
            "The port has a slight lead over its rivals in the race",
        ),
        ("Dredging starts in May.", "Dredging starts in May"),
    ],
)
def test_title_from_lead_is_headline_like(lead: str, title: str) -> None:
    assert title_from_lead(lead) == title


def test_title_from_lead_never_ends_on_a_function_word() -> None:
    words = "word " * 40
    title = title_from_lead(f"Crews {words}of the harbour.")
    assert len(title.split()) <= 15
    assert title.split()[-1].rstrip("…") not in {"of", "the", "a"}


def test_title_from_body_of_nothing() -> None:
    assert title_from_body([]) is None
    assert doc_meta("").title == "Untitled"


@pytest.mark.parametrize(
    ("title", "site", "want"),
    [
        ("Harbour To Dredge | The Harbour Post", "The Harbour Post", "Harbour To Dredge"),
        ("Harbour To Dredge - Harbour Post", "Harbour Post", "Harbour To Dredge"),
        ("Harbour Post | Harbour To Dredge Channel", "Harbour Post", "Harbour To Dredge Channel"),
        ("Harbour: A History - Part Two", None, "Harbour: A History - Part Two"),
        ("Opinion | Why The Harbour Needs Dredging", "Post", "Why The Harbour Needs Dredging"),
        (None, "x", None),
    ],
)
def test_strip_site_name(title: str | None, site: str | None, want: str | None) -> None:
    assert strip_site_name(title, site) == want


def test_tidy_title_keeps_ellipsis_and_acronyms() -> None:
    assert tidy_title("Wait for it...") == "Wait for it..."
    assert tidy_title("Talks with the U.N.") == "Talks with the U.N."


def test_headline_repeated_under_the_page_title_leaves_the_body() -> None:
    html = (
        "<html><head><title>Harbour To Dredge Channel</title></head><body><article>"
        "<h1>Harbour To Dredge Channel</h1>"
        f"<p>{LEAD}</p><p>{SECOND}</p></article></body></html>"
    )
    doc = build_document(Article(origin="test:x.html", format="html", text=html))
    assert doc.meta.title == "Harbour To Dredge Channel"
    assert doc.paragraphs[0].text == LEAD
