"""The reader's ``w`` on a briefing whose quotes have no named speaker says so (it does
not claim that nobody is quoted while quotes are on screen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.models import BODY_SEPARATOR, Briefing, Quote
from tests.tui.conftest import _briefing, build_library, settle
from tui.app import BriefApp, make_app
from tui.screens.person import PersonScreen
from tui.services import Services

SAID = "The new ferry will run every twenty minutes from May"


def _anonymous_quote_briefing() -> Briefing:
    body = [
        "The harbour ferry gets a new timetable this spring.",
        f"“{SAID},” a spokesperson said.",
    ]
    start = BODY_SEPARATOR.join(body).index(SAID)
    return _briefing(
        "test:ferry-anon",
        "Ferry timetable changes",
        body,
        source="Coastal Ledger",
        quotes=[Quote(text=SAID, start=start, end=start + len(SAID))],
    )


def _quoteless_briefing() -> Briefing:
    return _briefing("test:quiet", "Quiet harbour week", ["Nothing happened at the harbour."])


@pytest.fixture
def app_of(library_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(briefing: Briefing) -> BriefApp:
        folder = build_library(library_dir, [briefing])
        return make_app(
            folder,
            services=Services(folder, export_dir=tmp_path / "exports"),
            poll_seconds=None,
            theme="textual-dark",
        )

    return make


@pytest.mark.parametrize(
    ("briefing", "message"),
    [
        (_anonymous_quote_briefing(), "No quote in this briefing has a named speaker."),
        (_quoteless_briefing(), "Nobody is quoted in this briefing."),
    ],
)
async def test_w_without_a_named_speaker(app_of, briefing: Briefing, message: str) -> None:  # type: ignore[no-untyped-def]
    app = app_of(briefing)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "w")
        await settle(pilot)
        assert not isinstance(app.screen, PersonScreen)
        messages = [str(n.message) for n in app._notifications]
        assert messages[-1] == message
