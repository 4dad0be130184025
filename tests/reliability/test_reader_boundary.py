"""The reader's side of the boundary: keys sent in one burst never crash it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.tui.conftest import export_dir, reader_app, reader_library, settle  # noqa: F401
from tui.app import BriefApp

SIZE = (120, 40)


@pytest.mark.parametrize("burst", ["qs", "sq", "qsqs", "s\x1bs", "sss"])
async def test_quit_and_saved_searches_in_one_burst(reader_app: BriefApp, burst: str) -> None:  # noqa: F811
    """``q`` then ``s`` at once (or pasted text that starts with them): the app ends
    or shows the saved searches, and never dies with NoMatches."""
    async with reader_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = ["escape" if c == "\x1b" else c for c in burst]
        await pilot.press(*keys)
        for _ in range(5):
            await pilot.pause(0.05)
    assert reader_app.return_code in (None, 0)


async def test_saved_searches_opened_while_the_app_quits(reader_app: BriefApp) -> None:  # noqa: F811
    """The two keys handled back to back with nothing awaited in between, as when a
    terminal delivers them in one read."""
    async with reader_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = reader_app.screen
        await reader_app.action_quit()
        screen.action_saved_searches()  # type: ignore[attr-defined]
        for _ in range(5):
            await pilot.pause(0.05)
    assert reader_app.return_code in (None, 0)


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("harbour " * 2200, "too long"),
        ("(" * 3000 + "harbour" + ")" * 3000, "too long"),
        ("(" * 300 + "harbour" + ")" * 300, "nested too deeply"),
        ("NOT " * 400 + "harbour", "nested too deeply"),
    ],
)
def test_reader_search_of_a_hostile_query_is_one_line(
    reader_library,  # noqa: F811
    export_dir,  # noqa: F811
    query: str,
    needle: str,
) -> None:
    """What the reader's status line shows for a query that once left it at
    "searching…" or showed Python's recursion message."""
    import time

    from tui.services import QueryProblem, Services

    services = Services(reader_library, export_dir=export_dir)
    start = time.perf_counter()
    with pytest.raises(QueryProblem) as caught:
        services.search(query)
    assert time.perf_counter() - start < 2
    message = str(caught.value)
    assert needle in message and "\n" not in message and "recursion" not in message


#: What another program could leave in a store: OSC 0 (window title), OSC 52 (clipboard),
#: a C1 CSI, a bidi override and a raw CSI that clears the screen.
HOSTILE = "\x1b]0;PWNED\x07 \x1b]52;c;cm0gLXJmIH4=\x07 \x9b31m \u202egnp.exe \x1b[2J"
_RAW = re.compile(r"[\x1b\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _tampered_library(folder: Path) -> Path:
    """A library whose stored briefing and saved search were changed by another
    program after ingest (so nothing cleaned them)."""
    import sqlite3

    from briefings.library import DB_NAME
    from tests.tui.conftest import build_library, fixture_briefings

    briefings = fixture_briefings()
    first = briefings[0]
    briefings[0] = first.model_copy(
        update={
            "title": f"Tampered {HOSTILE}",
            "source": f"Outlet {HOSTILE}",
            "summary": [f"Summary {HOSTILE}", *first.summary[1:]],
        }
    )
    build_library(folder, briefings)
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        with conn:
            conn.execute(
                "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
                (f"Saved {HOSTILE}", "harbour", "2026-01-01T00:00:00"),
            )
            data = conn.execute("SELECT data FROM briefings WHERE id=?", (first.id,)).fetchone()[0]
            assert "\\u001b" in data or "\x1b" in data  # the store holds the raw escapes
    finally:
        conn.close()
    return folder


def _drawn(app: BriefApp) -> list[str]:
    """Every piece of text the screen's compositor hands to the driver."""
    return [
        segment.text
        for strip in app.screen._compositor.render_strips()
        for segment in strip
        if not segment.control
    ]


async def test_reader_draws_a_tampered_store_and_saved_search_escaped(tmp_path: Path) -> None:
    """The reader must not rely on ingest: titles, list rows, panes, notifications
    and the saved-search list are drawn with every ESC, C1 and bidi character escaped."""
    from tests.tui.conftest import settle
    from tui.app import make_app
    from tui.services import Services

    library = _tampered_library(tmp_path / "library")
    app = make_app(
        library,
        services=Services(library, export_dir=tmp_path / "exports"),
        poll_seconds=None,
        theme="textual-dark",
    )
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.sub_title = f"brief {HOSTILE}"
        await pilot.press("enter")
        await settle(pilot)
        seen += _drawn(app)
        await pilot.press("s")
        await settle(pilot)
        app.notify(f"Note {HOSTILE}", markup=False)
        await settle(pilot)
        seen += _drawn(app)
    text = "".join(seen)
    assert "Tampered" in text and "Saved " in text
    assert not _RAW.search(text), repr(_RAW.findall(text)[:5])
    assert "Saved \\x1b" in text
    assert "\\x1b]0;PWNED" in text and "\\x9b31m" in text and "\\u202e" in text


async def test_q_quits_at_a_one_by_one_terminal(reader_app: BriefApp) -> None:  # noqa: F811
    async with reader_app.run_test(size=(1, 1)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        for _ in range(10):
            await pilot.pause(0.05)
        assert reader_app.return_code == 0


async def test_a_pasted_17000_character_query_is_one_line_and_q_quits(
    reader_app: BriefApp,  # noqa: F811
) -> None:
    """Pasted into the search box and submitted: the status shows the one-line limit
    (not "searching…" for good), and ``q`` still quits once the box is left."""
    from textual import events
    from textual.widgets import Input

    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        box = reader_app.screen.query_one(Input)
        box.post_message(events.Paste("harbour " * 2125))
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause(0.05)
        await settle(pilot)
        status = str(reader_app.screen.query_one("#search-status").render())
        assert status.strip() == "bad query"  # the message itself, whole, under the bar:
        hint = reader_app.screen.query_one("#search-hint")
        error = str(hint.render())
        assert hint.display and "too long" in error and "\n" not in error
        await pilot.press("escape", "q")
        for _ in range(10):
            await pilot.pause(0.05)
        assert reader_app.return_code == 0


async def test_reader_on_a_damaged_store_shows_one_line_and_q_quits(tmp_path: Path) -> None:
    """One flipped byte that makes SQLite's quick check fail: the reader's status says
    what is wrong and the way out (where it used to stay at "loading…"), and q quits."""
    import asyncio

    from briefings.library import DB_NAME
    from tests.reliability.test_corrupt_state import _flip_a_byte_so_quick_check_fails
    from tests.tui.conftest import build_library
    from tui.app import make_app
    from tui.services import Services

    library = build_library(tmp_path / "library")
    _flip_a_byte_so_quick_check_fails(library / DB_NAME)
    app = make_app(
        library,
        services=Services(library, export_dir=tmp_path / "exports"),
        poll_seconds=None,
        theme="textual-dark",
    )
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(settle(pilot), 10)
        status = str(app.screen.query_one("#search-status").render())
        assert "loading" not in status
        assert "not a readable brief library" in status and "\n" not in status
        assert "move it aside" in status or "restore" in status
        await pilot.press("q")
        for _ in range(10):
            await pilot.pause(0.05)
        assert app.return_code == 0
