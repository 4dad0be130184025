"""The reader at 80x24 and at 200 columns, a bad query's message, and what a keystroke
in the search bar does (and no longer does)."""

from __future__ import annotations

import gc
import subprocess
import sys
from datetime import date
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input

from briefings.models import Briefing, Figure, Quote, Related, briefing_id_for
from tests.tui.conftest import build_library, fixture_briefings, screen_text, settle
from tui.app import BriefApp, make_app
from tui.screens.reader import ReaderScreen
from tui.services import Services
from tui.widgets.briefing_list import BriefingList
from tui.widgets.briefing_view import BriefingView, PaneList

LONG = "word " * 50  # about four lines at 80 columns
SPEAKER = "Petra Lindqvist"


def _long_briefing() -> Briefing:
    """A briefing whose first quote is long and uncertainly attributed."""
    body = [f"Opening paragraph number {i} of the ferry timetable story, long enough to wrap "
            "over a second line at eighty columns." for i in range(6)]  # fmt: skip
    return Briefing(
        id=briefing_id_for("test:ferries"),
        title="Island ferry timetable cut for the winter",
        origin="test:ferries",
        body=body,
        source="Sound Courier",
        published=date(2024, 11, 2),
        summary=body[:4],
        quotes=[
            Quote(
                text=f"The crossings {LONG}end",
                speaker=SPEAKER,
                speaker_role="ferry operator",
                speaker_confidence=0.3,
            ),
            Quote(text="Second words", speaker="Ola Berg", speaker_confidence=0.9),
        ],
        figures=[
            Figure(text="14 crossings", value=14, measures="crossings a day in summer"),
            Figure(text="6 crossings", value=6, measures="crossings a day in winter"),
            Figure(text="£2.5m", value=2.5e6, unit="GBP", measures="yearly subsidy"),
        ],
        related=[
            Related(id=briefing_id_for("test:other"), title="Other", score=0.5, reasons=["same"])
        ],
    )


def _app(tmp_path: Path) -> BriefApp:
    folder = build_library(tmp_path / "lib", [_long_briefing(), *fixture_briefings()])
    return make_app(
        folder,
        services=Services(folder, export_dir=tmp_path / "x"),
        poll_seconds=None,
        theme="textual-dark",
    )


async def _open_ferries(pilot) -> None:  # type: ignore[no-untyped-def]
    lst = pilot.app.screen.query_one(BriefingList)
    lst.focus()
    lst.cursor = lst.index_of(briefing_id_for("test:ferries"))
    await pilot.press("enter")
    await settle(pilot)


async def test_80x24_shows_the_first_quote_with_its_uncertain_speaker_and_figures(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _open_ferries(pilot)
        shown = screen_text(app)
        # the speaker comes first at this width, with the uncertain marker
        assert f"— {SPEAKER}?, ferry operator  (speaker uncertain)" in shown, shown
        assert "“The crossings word" in shown
        assert "14 crossings  a day in summer" in shown, shown
        assert "6 crossings  a day in winter" in shown
        for heading in ("Summary · 4", "Quotes · 2", "Key figures · 3", "Related · 1"):
            assert heading in shown, heading
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        summary = screen.query_one("#pane-summary", PaneList)
        assert summary.has_focus and summary.region.height >= 5  # the pane being read
        for pane in ("quotes", "figures", "related"):  # the others: their first items
            assert screen.query_one(f"#pane-{pane}").region.height >= 3, pane
        # reading the quotes gives them the room
        await pilot.press("2")
        await settle(pilot)
        quotes = screen.query_one("#pane-quotes")
        assert quotes.region.height > summary.region.height
        assert "— Ola Berg" in screen_text(app)


async def test_200_columns_keep_the_boxes_and_the_speaker_after_the_quote(
    tmp_path: Path,
) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await _open_ferries(pilot)
        view = app.screen.query_one(BriefingView)
        assert not view.compact
        quotes = view.pane("quotes")
        assert quotes.border_title == "Quotes" and quotes.border_subtitle == "2"
        first = str(quotes.get_option_at_index(0).prompt)
        assert first.startswith("“The crossings") and first.endswith("(speaker uncertain)")
        assert quotes.region.height >= 30  # four panes across, full height
        # down to 80 columns: the speaker moves first, the count into the heading
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert view.compact and quotes.border_title == "Quotes · 2"
        assert str(quotes.get_option_at_index(0).prompt).startswith(f"— {SPEAKER}?")
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert str(quotes.get_option_at_index(0).prompt).startswith("“The crossings")


async def test_a_bad_querys_message_is_shown_whole_at_80_columns(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"nothing colour:red")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        error = screen.search_error
        assert error and error.startswith("unknown field 'colour:'") and len(error) > 80
        lines = screen_text(app).splitlines()
        assert lines[0].rstrip().endswith("bad query")
        hint = screen.query_one("#search-hint")
        assert hint.display and hint.region.height >= 2
        shown = " ".join(line.strip() for line in lines[1 : 1 + hint.region.height])
        assert shown == f"✗ {error}"  # every word of it, wrapped
        await pilot.press(*["backspace"] * len(" colour:red"))
        await settle(pilot)
        assert screen.search_error is None and not hint.display


# -- per keystroke ----------------------------------------------------------------------------


async def test_a_search_without_hits_clears_the_panes_once(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = reader_app.screen.query_one(BriefingView)
        await pilot.press("slash", *"zzq")
        await settle(pilot)
        assert view.opened is None
        options = [view.pane(p).get_option_at_index(0) for p in ("summary", "quotes")]
        await pilot.press("x")
        await settle(pilot)
        assert [view.pane(p).get_option_at_index(0) for p in ("summary", "quotes")] == options
        assert all(a is b for a, b in zip(options, [view.pane("summary").get_option_at_index(0),
                                                     view.pane("quotes").get_option_at_index(0)],
                                          strict=True))  # fmt: skip


async def test_the_status_only_grows_while_a_search_is_typed(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = reader_app.screen.query_one("#search-status")
        widths: list[int] = []
        for key in "barrier":
            await pilot.press(key) if widths else await pilot.press("slash", key)
            widths.append(status.region.width)
            await settle(pilot)
            widths.append(status.region.width)
        assert widths == sorted(widths)  # "searching…" then "1 hit": no narrower status
        await pilot.press("escape")
        await settle(pilot)
        assert str(status.render()).strip() == "4 briefings"
        assert status.region.width == len("4 briefings") + 2


async def test_typing_postpones_opening_the_first_hit(reader_app: BriefApp) -> None:
    """The first hit is opened TYPING_OPEN_DELAY after the last key, not after the first:
    a briefing opened between two keys competed with the next key's search."""
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, ReaderScreen)
        shown = screen.view.opened
        assert shown is not None and shown.briefing.id != briefing_id_for("test:moorings")
        search = screen.query_one("#search", Input)
        search.focus()
        search.value = "harbour"  # the index opened, so that searches take little time
        await settle(pilot)
        search.value = ""
        await settle(pilot)
        moorings = briefing_id_for("test:moorings")
        search.focus()
        search.value = "moorings"
        for _ in range(300):  # until the hits are listed
            await pilot.pause(0.01)
            if screen.briefing_list.rows and screen.briefing_list.rows[0].id == moorings:
                break
        await pilot.pause(0.2)
        assert screen.view.opened is shown  # their first waits to be opened
        search.value = "moorings "  # a key (the same query): the wait starts again
        await pilot.pause(0.2)  # 0.4 s after the first hits (TYPING_OPEN_DELAY is 0.3)
        assert screen.view.opened is shown
        await settle(pilot)
        opened = screen.view.opened
        assert opened is not None and opened.briefing.id == briefing_id_for("test:moorings")


async def test_a_keystroke_lays_the_screen_out_at_most_once(
    reader_app: BriefApp, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The search bar's, the list's and the panes' virtual sizes changed on each key, and
    each change was a layout of the whole screen (5 per key at 10k briefings)."""
    layouts = 0
    real = ReaderScreen._refresh_layout

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal layouts
        layouts += 1
        return real(self, *args, **kwargs)

    async with reader_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # "harbour c…" has no hits: the panes are cleared once, at "c"
        await pilot.press("slash", *"harbour c")
        await settle(pilot)
        monkeypatch.setattr(ReaderScreen, "_refresh_layout", counted)
        per_key = []
        for key in "oun":  # each a search, each without hits, the status "0 hits"
            before = layouts
            await pilot.press(key)
            await settle(pilot)
            per_key.append(layouts - before)
        assert per_key == [0, 0, 0]  # was 2-3 each: the bar's, the status's width, the panes


# -- the start -----------------------------------------------------------------------------------


def test_listing_the_library_loads_no_search_code(reader_library: Path) -> None:
    """The list needs the store only: Whoosh and the search package (about 100 ms of CPU)
    and the quote matcher are loaded later (``warm_search``, the first open)."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tui.services import Services\n"
        f"s = Services(Path({str(reader_library)!r}))\n"
        "s.ensure_readable(); s.changed(); rows = s.summaries()\n"
        "assert len(rows) == 4, rows\n"
        "loaded = [m for m in ('search', 'whoosh', 'briefings.corroboration', 'rapidfuzz')"
        " if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "s.warm_search(); assert 'search' in sys.modules\n"
        "s.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


async def test_the_panes_are_hidden_until_there_is_something_to_show() -> None:
    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield BriefingView(id="view")

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(BriefingView)
        assert not view.display and not view.region.height
        view.clear("The library is empty.")
        await pilot.pause()
        assert view.display and view.region.height


async def test_the_garbage_collector_is_back_to_normal_once_the_list_is_loaded(
    reader_app: BriefApp,
) -> None:
    """``brief`` makes it run less often while the reader starts (``run_reader``); the
    list, once loaded, puts the thresholds back and freezes what the start made."""
    thresholds = gc.get_threshold()
    gc.set_threshold(20_000, *thresholds[1:])
    try:
        reader_app.gc_thresholds = thresholds
        async with reader_app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert reader_app.screen.query_one(BriefingList).rows
            assert gc.get_threshold() == thresholds and reader_app.gc_thresholds is None
            assert gc.get_freeze_count() > 0
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


async def test_list_lines_are_kept_by_row_not_by_position(reader_app: BriefApp) -> None:
    """A new list of hits reuses the lines of the rows it shares with the one before (a
    keystroke redrew every row), and a row at a position another had shows its own."""
    async with reader_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        lst = reader_app.screen.query_one(BriefingList)
        first, second, *_ = lst.rows
        lst.set_rows([first, second])
        await pilot.pause()
        title = lst.render_line(2)  # the second row's title
        assert second.title[:30] in title.text
        lst.set_rows([second, first])
        await pilot.pause()
        assert lst.render_line(0) is not title  # the cursor is on it now: drawn anew
        assert second.title[:30] in lst.render_line(0).text
        assert first.title[:30] in lst.render_line(2).text
        lst.set_rows([first, second])
        await pilot.pause()
        assert lst.render_line(2) is title
