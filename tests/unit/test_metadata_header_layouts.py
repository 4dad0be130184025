"""Common wire and broadcaster header layouts (made-up texts): headline, standfirst,
a byline with several authors and an outlet, dates with zones, "updated ... ago",
a role or outlet line under the byline, labelled picture lines, datelines."""

from __future__ import annotations

from datetime import date

from briefings.derive import build_document
from briefings.derive.metadata import dateline_date
from briefings.models import Article

LEAD = (
    "GDANSK, May 2 (Harbour Wire) - Ferry crews walked off the job on Thursday after "
    "talks over pay broke down, the union said, stranding thousands of passengers."
)
SECOND = "The operator said it would run a reduced timetable until the weekend at least."


def build(text: str):  # type: ignore[no-untyped-def]
    return build_document(Article(origin="test:x", text=text))


def test_headline_standfirst_byline_with_authors_and_outlet_then_zoned_date() -> None:
    doc = build(
        "Ferry crews strike as pay talks fail\n\n"
        "Union says stoppage will last two days; operator cuts sailings\n\n"
        "By Ola Nowak and Piet de Boer | Harbour Wire\n\n"
        "May 2, 2024 8:42 AM GMT+2 · Updated 2 hours ago\n\n"
        f"{LEAD}\n\n{SECOND}"
    )
    meta = doc.meta
    assert meta.title == "Ferry crews strike as pay talks fail"
    assert meta.dek == "Union says stoppage will last two days; operator cuts sailings"
    assert meta.author == "Ola Nowak, Piet de Boer"
    assert meta.source == "Harbour Wire"
    assert meta.published == date(2024, 5, 2)
    assert doc.paragraphs[0].text.startswith("Ferry crews walked off")


def test_broadcaster_layout_updated_ago_outlet_line_and_picture_labels() -> None:
    doc = build(
        "Storm closes ferry routes\n\n"
        "Published 3 November 2023\n\n"
        "Last updated 3 hours ago\n\n"
        "By Ola Nowak\n\n"
        "Coast Radio News\n\n"
        "Image source, Harbour Pictures\n\n"
        "Image caption, Waves over the harbour wall at dawn\n\n"
        f"{LEAD}\n\n{SECOND}"
    )
    meta = doc.meta
    assert (meta.author, meta.source, meta.published) == (
        "Ola Nowak",
        "Coast Radio News",
        date(2023, 11, 3),
    )
    assert meta.dek is None
    assert doc.paragraphs[0].text.startswith("Ferry crews walked off")
    assert not any("hours ago" in p.text or "Image" in p.text for p in doc.paragraphs)


def test_role_line_under_the_byline_is_not_body() -> None:
    doc = build(f"Storm closes ferry routes\n\nBy Ola Nowak\n\nTransport correspondent\n\n{SECOND}")
    assert doc.meta.author == "Ola Nowak"
    assert [p.text for p in doc.paragraphs] == [SECOND]


def test_date_from_a_dateline_when_the_header_has_none() -> None:
    doc = build(f"Ferry crews strike\n\nGdansk, Aug. 12, 2022 — {SECOND}")
    assert doc.meta.published == date(2022, 8, 12)
    assert dateline_date("LISBON, March 3, 2021 (Harbour Wire) - The port") == date(2021, 3, 3)
    assert dateline_date("Paris — The port") is None
    assert dateline_date("Anna Berg, 2022 winner of the prize — said") is None


def test_a_byline_with_and_but_no_by_is_not_read() -> None:
    doc = build(f"Ferry crews strike\n\nOla Nowak and friends\n\n{SECOND}")
    assert doc.meta.author is None
