"""The person page and story screens: snapshots at 120x40 and 80x24, and Pilot tests
(a small library written for these tests: one event reported by two outlets)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefings.models import BODY_SEPARATOR, Entity, Figure, Quote, Related, briefing_id_for
from tests.tui.conftest import _briefing, build_library, screen_text, settle
from tests.tui.test_snapshots import SIZES, steps
from tui.app import BriefApp, make_app
from tui.screens.person import PersonScreen
from tui.screens.story import StoryScreen
from tui.services import Services

FIRST = "We have to finish the barrier before the autumn storms arrive"
FIRST_THERE = "We must finish the barrier before the autumn storms arrive"
SECOND = "The gates will protect twelve hundred homes on the estuary"


def _quote(body: list[str], text: str, **kw: object) -> Quote:
    joined = BODY_SEPARATOR.join(body)
    start = joined.index(text)
    return Quote(text=text, start=start, end=start + len(text), **kw)  # type: ignore[arg-type]


def story_briefings() -> list:
    people = [
        Entity(name="Ines Varga", kind="person", aliases=["Varga"], mentions=3),
        Entity(name="Harbour Council", kind="organisation", mentions=2),
    ]
    ledger_body = [
        "The harbour council approved the tidal barrier on Tuesday.",
        f"“{FIRST},” said Ines Varga, the council leader.",
        f"Varga added: “{SECOND}.” The barrier will cost £40m.",
        "“Nobody will lose a mooring,” Varga said.",
    ]
    post_body = [
        "The harbour council approved the tidal barrier after a long meeting on Tuesday.",
        f"“{FIRST_THERE},” the council leader Ines Varga told residents.",
        f"She said: “{SECOND}.” The scheme is costed at £39.5m.",
    ]
    ledger = _briefing(
        "test:ledger",
        "Council approves tidal barrier",
        ledger_body,
        source="Coastal Ledger",
        published=date(2024, 3, 5),
        summary=[ledger_body[0]],
        entities=people,
        quotes=[
            _quote(ledger_body, FIRST, speaker="Ines Varga", speaker_role="council leader"),
            _quote(ledger_body, SECOND, speaker="Varga"),
            _quote(ledger_body, "Nobody will lose a mooring", speaker="Varga"),
        ],
        figures=[Figure(text="£40m", value=40e6, unit="GBP", measures="cost of the barrier")],
        related=[Related(id=briefing_id_for("test:post"), title="x", score=0.7)],
    )
    post = _briefing(
        "test:post",
        "Estuary barrier backed by councillors",
        post_body,
        source="Northern Post",
        published=date(2024, 3, 6),
        summary=[post_body[0]],
        entities=people,
        quotes=[
            _quote(post_body, FIRST_THERE, speaker="Ines Varga", speaker_role="council leader"),
            _quote(post_body, SECOND, speaker="Ines Varga"),
        ],
        figures=[Figure(text="£39.5m", value=39.5e6, unit="GBP", measures="barrier cost")],
    )
    return [ledger, post]


@pytest.fixture
def story_app(library_dir: Path, tmp_path: Path) -> BriefApp:
    folder = build_library(library_dir, story_briefings())
    return make_app(
        folder,
        services=Services(folder, export_dir=tmp_path / "exports"),
        poll_seconds=None,
        theme="textual-dark",
    )


@pytest.mark.parametrize("size", SIZES)
def test_story_view(snap_compare, story_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(story_app, terminal_size=size, run_before=steps("enter", "c"))


@pytest.mark.parametrize("size", SIZES)
def test_person_page(snap_compare, story_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(story_app, terminal_size=size, run_before=steps("enter", "w"))


async def test_story_screen_shows_both_outlets_and_the_wording(story_app: BriefApp) -> None:
    async with story_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "c")
        await settle(pilot)
        assert isinstance(story_app.screen, StoryScreen)
        text = screen_text(story_app)
        assert "Coastal Ledger" in text and "Northern Post" in text
        assert "“have to” → “must”" in text
        assert "within rounding" in text
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(story_app.screen, StoryScreen)


async def test_person_screen_lists_quotes_from_both_outlets(story_app: BriefApp) -> None:
    async with story_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "w")
        await settle(pilot)
        assert isinstance(story_app.screen, PersonScreen)
        text = screen_text(story_app)
        assert "Ines Varga" in text and "5 quotes in 2 briefings from 2 outlets" in text


async def test_person_page_of_an_organisation_in_the_people_pane(story_app: BriefApp) -> None:
    async with story_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "5", "down", "w")  # People pane, its second entry
        await settle(pilot)
        assert isinstance(story_app.screen, PersonScreen)
        assert story_app.screen.person == "Harbour Council"


async def test_the_list_groups_by_story_and_back(story_app: BriefApp) -> None:
    async with story_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = story_app.screen
        await pilot.press("C")
        await settle(pilot)
        rows = screen.briefing_list.rows  # type: ignore[attr-defined]
        assert [r.title for r in rows] == [
            "Council approves tidal barrier",
            "Estuary barrier backed by councillors",
        ]
        assert "Story 1 · 2 briefings, 2 outlets" in screen_text(story_app)
        await pilot.press("C")
        await settle(pilot)
        assert screen.story_rows is None  # type: ignore[attr-defined]
        assert "2 briefings" in screen_text(story_app)


async def test_digest_screen_of_the_saved_search(story_app: BriefApp, library_dir: Path) -> None:
    services = Services(library_dir)
    services.saved_add("barrier", "barrier")
    services.close()
    async with story_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"barrier", "enter", "D")
        await settle(pilot)
        text = screen_text(story_app)
        assert "New briefings (2)" in text and "Ines Varga" in text
        await pilot.press("escape", "D")  # viewed: the mark moved, nothing is new now
        await settle(pilot)
        assert "Nothing new." in screen_text(story_app)
