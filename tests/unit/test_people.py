"""Person pages: quotes by one person across briefings, aliases from each briefing's
own entities, never a surname two people share (texts written for these tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from briefings.export.person import person_markdown
from briefings.models import Briefing, Entity, Figure, Quote
from briefings.people import AmbiguousName, person_key, person_page


def _b(
    bid: str,
    source: str,
    day: date | None,
    quotes: list[Quote],
    people: list[tuple[str, list[str]]],
    figures: list[Figure] | None = None,
) -> Briefing:
    return Briefing(
        id=bid,
        title=f"Report {bid}",
        source=source,
        published=day,
        origin=f"test:{bid}",
        quotes=quotes,
        figures=figures or [],
        entities=[Entity(name=n, kind="person", aliases=a) for n, a in people]
        + [Entity(name="Harbour Board", kind="organisation")],
    )


@pytest.fixture
def library_of_reports() -> list[Briefing]:
    return [
        _b(
            "b1",
            "Port Weekly",
            date(2024, 5, 2),
            [
                Quote(text="We will build the new quay", speaker="Mara Lind", speaker_role="mayor"),
                Quote(text="The quay costs 40 million", speaker="Lind", start=100, end=130),
            ],
            [("Mara Lind", ["Lind"])],
            [Figure(text="40 million", value=4e7, measures="quay cost", start=115, end=125)],
        ),
        _b(
            "b2",
            "Coast Herald",
            date(2024, 4, 30),
            [
                Quote(
                    text="Nobody asked the fishermen",
                    speaker="Mara Lind",
                    speaker_role="Mayor of Tolm",
                )
            ],
            [("Mara Lind", [])],
        ),
        # Two Linds: the bare "Lind" belongs to neither.
        _b(
            "b3",
            "Port Weekly",
            date(2024, 5, 3),
            [
                Quote(text="My sister is wrong about the quay", speaker="Lind"),
                Quote(text="I stand by the plan", speaker="Mara Lind"),
                Quote(text="The ferry will stop", speaker="Oskar Lind"),
            ],
            [("Mara Lind", ["Lind"]), ("Oskar Lind", ["Lind"])],
        ),
        _b(
            "b4",
            "Coast Herald",
            None,
            [Quote(text="Perhaps the quay waits", speaker="Mara Lind", speaker_confidence=0.2)],
            [("Mara Lind", [])],
        ),
    ]


def test_full_names_match_on_first_and_last_word_and_keep_generations_apart() -> None:
    assert person_key("Donald J. Trump") == person_key("Donald Trump")
    assert person_key("Sen. Mara Lind") == person_key("Mara Lind")
    assert person_key("Donald Trump Jr.") != person_key("Donald Trump")
    assert person_key("Eric Trump") != person_key("Donald Trump")


def test_quotes_in_date_order_with_outlets_and_aliases(library_of_reports: list[Briefing]) -> None:
    page = person_page("Mara Lind", library_of_reports)
    texts = [q.quote.text for q in page.quotes]
    assert texts == [
        "Nobody asked the fishermen",  # 30 April
        "We will build the new quay",  # 2 May
        "The quay costs 40 million",  # "Lind", an alias in that briefing's chain
        "I stand by the plan",  # 3 May
        "Perhaps the quay waits",  # undated: last
    ]
    assert page.outlets == ["Coast Herald", "Port Weekly"]
    assert "My sister is wrong about the quay" not in texts  # two Linds in b3
    assert "The ferry will stop" not in texts
    assert page.quotes[-1].uncertain
    assert [f.text for _, f in page.figures] == ["40 million"]
    roles = {r[0]: (r[1], r[3]) for r in page.roles}
    assert roles["Mayor of Tolm"] == (date(2024, 4, 30), ["Coast Herald"])
    assert page.mentioned_with[0][0] == "Harbour Board"


def test_uncertain_quotes_can_be_left_out(library_of_reports: list[Briefing]) -> None:
    page = person_page("Mara Lind", library_of_reports, include_uncertain=False)
    assert "Perhaps the quay waits" not in [q.quote.text for q in page.quotes]


def test_a_surname_two_people_share_is_refused(library_of_reports: list[Briefing]) -> None:
    with pytest.raises(AmbiguousName) as err:
        person_page("Lind", library_of_reports)
    assert "Mara Lind" in str(err.value) and "Oskar Lind" in str(err.value)
    oskar = person_page("Oskar Lind", library_of_reports)
    assert [q.quote.text for q in oskar.quotes] == ["The ferry will stop"]


def test_markdown_dossier_escapes_article_text(library_of_reports: list[Briefing]) -> None:
    library_of_reports[1].quotes[0].text = "Nobody asked [the fishermen](http://x) # really"
    page = person_page("Mara Lind", library_of_reports)
    text = person_markdown(page, exported_at=datetime(2024, 6, 1, tzinfo=UTC), version="test")
    # No link, heading or autolink: brackets, "#" and the URL's scheme are escaped.
    assert "\\[the fishermen\\](http\\://x) \\# really" in text
    assert "## Quotes" in text and "uncertain attribution" in text
    assert "| Mayor of Tolm | 2024-04-30 | 2024-04-30 | Coast Herald |" in text
