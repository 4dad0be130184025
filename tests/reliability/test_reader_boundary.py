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
