"""A small fixed library for the reader's tests (texts written for these tests).

Briefings are built by hand and stored with ``Library.put``, so the tests do
not depend on what the derivation extracts today.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefings.library import Library
from briefings.models import (
    BODY_SEPARATOR,
    Article,
    Briefing,
    Figure,
    Quote,
    Related,
    SummarySentence,
    briefing_id_for,
)
from tui.app import BriefApp, make_app
from tui.services import Services

BARRIER = "test:barrier"
VOTE = "test:vote"
MOORINGS = "test:moorings"
ODD = "test:odd"

QUOTE = "We cannot keep rebuilding the sea wall every winter and hoping for the best"
QUOTE_VARIANT = "We cannot keep repairing the sea wall every winter and hoping for the best"
MARKUP = "[red]boom[/red] and [link=file:///etc/passwd]x[/link] and ␛[2J"


def _filler(topic: str, n: int) -> list[str]:
    return [
        f"Paragraph {i} about {topic} goes on at some length so that the source view "
        f"has to scroll before it reaches the passage that the reader asked for."
        for i in range(1, n + 1)
    ]


def _briefing(origin: str, title: str, body: list[str], **fields: object) -> Briefing:
    return Briefing(id=briefing_id_for(origin), title=title, origin=origin, body=body, **fields)  # type: ignore[arg-type]


def _span(body: list[str], needle: str) -> tuple[int, int]:
    text = BODY_SEPARATOR.join(body)
    start = text.index(needle)
    return start, start + len(needle)


def fixture_briefings() -> list[Briefing]:
    body = [
        "The harbour council voted on Tuesday to approve a tidal barrier across the estuary.",
        *_filler("the estuary", 12),
        f"“{QUOTE},” said Ines Varga, the council leader.",
        "Tom Reyes, an engineer on the project, said: “The gates close in under ten minutes.”",
        "The barrier will cost £40m and protect 1,200 homes from storm surges.",
    ]
    summary = [body[0], body[-1]]
    barrier = _briefing(
        BARRIER,
        "Harbour council approves tidal barrier plan",
        body,
        source="Coastal Ledger",
        published=date(2024, 3, 5),
        author="Mara Quill",
        summary=summary,
        summary_spans=[
            SummarySentence(start=s, end=e) for s, e in (_span(body, x) for x in summary)
        ],
        quotes=[
            Quote(
                text=QUOTE,
                speaker="Ines Varga",
                speaker_role="council leader",
                paragraph=13,
                start=_span(body, QUOTE)[0],
                end=_span(body, QUOTE)[1],
            ),
            Quote(
                text="The gates close in under ten minutes.",
                speaker="Tom Reyes",
                speaker_role="engineer",
                start=_span(body, "The gates close in under ten minutes.")[0],
                end=_span(body, "The gates close in under ten minutes.")[1],
            ),
        ],
        figures=[
            Figure(
                text="£40m",
                value=40e6,
                unit="GBP",
                measures="cost of the barrier",
                start=_span(body, "£40m")[0],
                end=_span(body, "£40m")[1],
            ),
            Figure(
                text="1,200 homes",
                value=1200,
                measures="homes protected from surges",
                start=_span(body, "1,200 homes")[0],
                end=_span(body, "1,200 homes")[1],
            ),
        ],
        related=[
            Related(
                id=briefing_id_for(VOTE),
                title="Barrier vote splits harbour town",
                score=0.8,
                reasons=["same story", "shares a quote"],
            ),
            Related(
                id=briefing_id_for(MOORINGS),
                title="Fishermen fear loss of moorings",
                score=0.4,
                reasons=["shared entities: harbour council"],
            ),
        ],
    )
    vote_body = [
        "Residents of the harbour town were divided after the council backed the barrier.",
        f"“{QUOTE_VARIANT},” the council leader Ines Varga told a packed meeting.",
    ]
    vote = _briefing(
        VOTE,
        "Barrier vote splits harbour town",
        vote_body,
        source="Northern Post",
        published=date(2024, 3, 6),
        author="Sam Ode",
        summary=[vote_body[0]],
        quotes=[Quote(text=QUOTE_VARIANT, speaker="Ines Varga", speaker_role="council leader")],
        related=[
            Related(id=barrier.id, title=barrier.title, score=0.8, reasons=["same story"]),
        ],
    )
    moorings = _briefing(
        MOORINGS,
        "Fishermen fear loss of moorings",
        ["Fishermen say the barrier works will close the inner moorings for two seasons."],
        source="Bay Weekly",
        published=date(2024, 3, 1),
        summary=["Fishermen say the barrier works will close the inner moorings for two seasons."],
    )
    odd_body = [f"This article quotes odd text: {MARKUP} inside it."]
    odd = _briefing(
        ODD,
        "Odd [bold]markup[/bold] in a headline",
        odd_body,
        source="[i]Markup[/i] Times",
        published=date(2024, 2, 20),
        summary=odd_body,
        quotes=[Quote(text=MARKUP, speaker="[b]Nobody[/b]", speaker_role="[dim]tester[/dim]")],
    )
    return [barrier, vote, moorings, odd]


def build_library(folder: Path, briefings: list[Briefing] | None = None) -> Path:
    with Library(folder) as library:
        for b in briefings if briefings is not None else fixture_briefings():
            library.put(Article(origin=b.origin, text=b.body_text), b)
    return folder


@pytest.fixture
def reader_library(library_dir: Path) -> Path:
    return build_library(library_dir)


@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    return tmp_path / "exports"


@pytest.fixture
def reader_app(reader_library: Path, export_dir: Path) -> BriefApp:
    return make_app(
        reader_library,
        services=Services(reader_library, export_dir=export_dir),
        poll_seconds=None,
        theme="textual-dark",
    )


async def settle(pilot: Pilot) -> None:
    """Wait until background work is done and the screen has caught up."""
    app = pilot.app
    for _ in range(20):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            break
    await pilot.pause()


def screen_text(app: BriefApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
