"""The reader's side of the boundary: keys sent in one burst never crash it."""

from __future__ import annotations

import pytest

from tests.tui.conftest import export_dir, reader_app, reader_library  # noqa: F401
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
