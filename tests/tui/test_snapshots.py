"""Snapshots of every screen and modal at 120x40 and 80x24 (the main screen also at 160x48
and 220x50, where the panes sit in a 2x2 grid and four across), with fixed data.

Update after an intended change with ``pytest tests/tui --snapshot-update``
and look at the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.tui.conftest import settle
from tui.app import BriefApp
from tui.services import Services

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
ALL_SIZES = [
    *SIZES,
    pytest.param((160, 48), id="160x48"),
    pytest.param((220, 50), id="220x50"),
]


def steps(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """Press ``keys`` one at a time, letting workers finish after each; no blinking cursors."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        pilot.app.clear_notifications()  # toasts come and go with the clock
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", ALL_SIZES)
def test_library(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", ALL_SIZES)
def test_reading_the_quotes_pane(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("j", "enter", "tab"))


@pytest.mark.parametrize("size", ALL_SIZES)
def test_search_results(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("slash", *"barrier")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_search_error(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("slash", '"', *"sea wall")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_evidence(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("j", "enter", "tab", "enter")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_saved_searches(  # type: ignore[no-untyped-def]
    snap_compare, reader_app: BriefApp, reader_library: Path, size: tuple[int, int]
) -> None:
    services = Services(reader_library)
    services.saved_add("barrier", "barrier")
    services.saved_add("quotes from the leader", '"sea wall"')
    services.close()
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("s"))


@pytest.mark.parametrize("size", SIZES)
def test_save_search_prompt(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("slash", *"tidal", "enter", "S", *"tide")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_command_palette(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("ctrl+p", *"export")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_tags_prompt(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("j", "enter", "T", *"chips")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_maximised_pane(snap_compare, reader_app: BriefApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    keys = ("j", "enter", "2", "z")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_confirm_replacing_a_dossier(  # type: ignore[no-untyped-def]
    snap_compare, reader_app: BriefApp, size: tuple[int, int]
) -> None:
    async def run(pilot: Pilot) -> None:
        await steps("E")(pilot)
        pilot.app.clear_notifications()  # they name the temporary export folder
        await steps("E")(pilot)

    assert snap_compare(reader_app, terminal_size=size, run_before=run)
