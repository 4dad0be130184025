"""Pilot tests: press keys in the reader and check what it shows and does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from briefings.models import briefing_id_for
from tests.tui.conftest import (
    BARRIER,
    MOORINGS,
    ODD,
    QUOTE,
    VOTE,
    build_library,
    fixture_briefings,
    screen_text,
    settle,
)
from tui.app import BriefApp, make_app
from tui.messages import SearchCompleted
from tui.screens.evidence import EvidenceScreen
from tui.screens.help import HelpScreen, binding_groups, key_label
from tui.screens.prompt import NamePrompt
from tui.screens.reader import ReaderScreen
from tui.screens.saved import SavedSearchesScreen
from tui.services import ListRow, SearchOutcome, Services
from tui.widgets.briefing_list import BriefingList
from tui.widgets.briefing_view import BriefingView, PaneList

SIZE = (120, 40)
IDS = {name: briefing_id_for(origin) for name, origin in
       (("barrier", BARRIER), ("vote", VOTE), ("moorings", MOORINGS), ("odd", ODD))}  # fmt: skip


def reader(app: BriefApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen), screen
    return screen


def listed(app: BriefApp) -> list[str]:
    return [r.id for r in app.screen.query_one(BriefingList).rows]


async def open_briefing(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Put the list cursor on a briefing and open it (focus moves to Summary)."""
    lst = pilot.app.screen.query_one(BriefingList)
    lst.focus()
    lst.cursor = lst.index_of(IDS[name])
    await pilot.press("enter")
    await settle(pilot)


# -- the list ------------------------------------------------------------------------------------


async def test_first_frame_lists_the_library_newest_first(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert listed(reader_app) == [IDS["vote"], IDS["barrier"], IDS["moorings"], IDS["odd"]]
        assert reader_app.focused is reader_app.screen.query_one(BriefingList)
        view = reader_app.screen.query_one(BriefingView)
        assert view.briefing is not None and view.briefing.id == IDS["vote"]
        text = screen_text(reader_app)
        assert "4 briefings" in text
        assert "Northern Post · 2024-03-06 · by Sam Ode" in text


async def test_vim_and_arrow_keys_move_the_cursor_and_open_the_row(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lst = reader_app.screen.query_one(BriefingList)
        await pilot.press("j")
        assert lst.cursor == 1
        await pilot.press("G")
        assert lst.cursor == 3
        await pilot.press("k", "up")
        assert lst.cursor == 1
        await pilot.press("g")
        assert lst.cursor == 0
        await pilot.press("down", "down")
        await settle(pilot)
        assert reader(reader_app).open_id == IDS["moorings"]
        assert reader_app.screen.query_one(BriefingView).briefing.id == IDS["moorings"]  # type: ignore[union-attr]
        await pilot.press("n")
        await settle(pilot)
        assert reader(reader_app).open_id == IDS["odd"]
        await pilot.press("p")
        assert lst.cursor == 2


async def test_mouse_click_on_a_row_opens_it(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # rows are two lines high: the third row starts on line 4 of the list
        await pilot.click(BriefingList, offset=(5, 4))
        await settle(pilot)
        assert reader(reader_app).open_id == IDS["moorings"]
        assert isinstance(reader_app.focused, PaneList)


async def test_enter_opens_the_panes_and_tab_walks_through_them(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        order = []
        for _ in range(4):
            assert isinstance(reader_app.focused, PaneList)
            order.append(reader_app.focused.pane)
            await pilot.press("tab")
        assert order == ["summary", "quotes", "figures", "related"]
        await pilot.press("shift+tab")
        assert reader_app.focused.pane == "related"  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(reader_app.focused, BriefingList)
        await pilot.press("3")
        assert reader_app.focused.pane == "figures"  # type: ignore[union-attr]
        await pilot.press("0")
        assert isinstance(reader_app.focused, BriefingList)


async def test_panes_show_quotes_figures_and_related(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        text = screen_text(reader_app)
        for title in ("Summary", "Quotes", "Key figures", "Related"):
            assert f"─ {title} ─" in text
        view = reader_app.screen.query_one(BriefingView)

        def item(pane: str, i: int) -> str:
            return view.pane(pane).get_option_at_index(i).prompt.plain  # type: ignore[union-attr]

        assert item("quotes", 0).splitlines()[1] == "— Ines Varga, council leader"
        assert item("figures", 0) == "£40m  cost of the barrier"
        assert item("related", 0) == "Barrier vote splits harbour town\nsame story; shares a quote"
        # the quote the other outlet also carries, with its wording difference
        assert item("quotes", 0).splitlines()[2] == (
            "↔ also in Northern Post: “rebuilding” → “repairing”"
        )
        assert "Ines Varga" in text and "£40m" in text


# -- search ------------------------------------------------------------------------------------------


async def test_search_as_you_type_shows_hits_snippets_and_count(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(reader_app.focused, Input)
        await pilot.press(*"moorings")
        await settle(pilot)
        assert listed(reader_app)[0] == IDS["moorings"]
        row = reader_app.screen.query_one(BriefingList).rows[0]
        assert any(matched for _, matched in row.snippet)
        assert "hit" in screen_text(reader_app).splitlines()[0]
        await pilot.press("enter")
        assert isinstance(reader_app.focused, BriefingList)
        await pilot.press("escape")  # back to the whole library
        await settle(pilot)
        assert len(listed(reader_app)) == 4
        assert reader(reader_app).query_text == ""
        assert "4 briefings" in screen_text(reader_app)


async def test_search_fills_in_the_snippets_below_the_screen(
    reader_app: BriefApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quick search makes the snippets of the rows on screen only; the rest follow.
    monkeypatch.setattr(ReaderScreen, "_rows_on_screen", lambda self: 1)
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"barrier")
        await settle(pilot)
        rows = reader_app.screen.query_one(BriefingList).rows
        assert len(rows) >= 3
        assert all(row.snippet is not None for row in rows)  # the quick search's rest came
        outcome = reader(reader_app).outcome
        assert outcome is not None and outcome.complete


async def test_stale_search_results_are_dropped(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"moorings")
        await settle(pilot)
        before = listed(reader_app)
        stale = SearchOutcome("moor", 1, [ListRow(IDS["odd"], "stale")])
        reader(reader_app).post_message(SearchCompleted(stale))
        await settle(pilot)
        assert listed(reader_app) == before


async def test_query_errors_are_shown_inline(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", '"', "b")
        await settle(pilot)
        error = reader(reader_app).search_error
        assert error and "quote" in error
        lines = screen_text(reader_app).splitlines()
        assert lines[0].rstrip().endswith("bad query")
        assert f"✗ {error}" in lines[1]  # whole, under the search bar
        await pilot.press('"')
        await settle(pilot)
        assert reader(reader_app).search_error is None


# -- evidence and related --------------------------------------------------------------------------


async def test_enter_on_a_quote_shows_it_highlighted_in_the_source(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        await pilot.press("tab", "enter")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, EvidenceScreen)
        assert screen.highlighted == [13]  # the paragraph that holds the quote
        para = screen.paragraphs[13]
        (span,) = [s for s in para.spans if "reverse" in str(s.style)]
        assert para.plain[span.start : span.end] == QUOTE
        assert screen.query_one("#source").scroll_y > 0
        assert "Quote 1 of 2 · Ines Varga" in screen_text(reader_app)
        assert "Also carried by" in screen_text(reader_app)
        await pilot.press("escape")
        assert isinstance(reader_app.screen, ReaderScreen)
        assert reader_app.focused.pane == "quotes"  # type: ignore[union-attr]


async def test_evidence_for_summary_lines_and_figures(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        await pilot.press("j", "enter")  # the second summary line
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, EvidenceScreen)
        assert screen.label == "Summary line 2 of 2"
        assert screen.highlighted == [15]
        await pilot.press("escape", "tab", "tab", "j", "enter")  # the second figure
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, EvidenceScreen)
        body = screen.briefing.body_text
        assert body[screen.start : screen.end] == "1,200 homes"


async def test_related_jump_and_back(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        await pilot.press("4", "enter")
        await settle(pilot)
        assert reader(reader_app).open_id == IDS["vote"]
        assert reader_app.screen.query_one(BriefingList).current.id == IDS["vote"]  # type: ignore[union-attr]
        assert reader_app.screen.query_one(BriefingView).briefing.id == IDS["vote"]  # type: ignore[union-attr]
        await pilot.press("b")
        await settle(pilot)
        assert reader(reader_app).open_id == IDS["barrier"]


async def test_related_jump_outside_the_results_still_opens(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tidal", "enter")
        await settle(pilot)
        assert listed(reader_app) == [IDS["barrier"]]
        await pilot.press("enter", "4")
        view = reader_app.screen.query_one(BriefingView)
        target = view.briefing.related[0].id  # type: ignore[union-attr]
        assert target not in listed(reader_app)
        await pilot.press("enter")
        await settle(pilot)
        assert view.briefing.id == target  # type: ignore[union-attr]


# -- export ------------------------------------------------------------------------------------------


async def test_e_exports_the_open_briefing_and_says_where(
    reader_app: BriefApp, export_dir: Path
) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "barrier")
        await pilot.press("e")
        await settle(pilot)
        files = list(export_dir.glob("*.md"))
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        assert text.startswith("---\ntitle: Harbour council approves tidal barrier plan\n")
        assert "Ines Varga" in text
        messages = [n.message for n in reader_app._notifications]
        assert any(str(files[0]) in m for m in messages)
        await pilot.press("e")  # again: the file is brought up to date, and the note says so
        await settle(pilot)
        assert len(list(export_dir.glob("*.md"))) == 1
        assert "replacing the earlier export" in list(reader_app._notifications)[-1].message


async def test_shift_e_exports_the_result_list_as_a_dossier(
    reader_app: BriefApp, export_dir: Path
) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"barrier", "enter", "E")
        await settle(pilot)
        files = list(export_dir.glob("dossier-barrier-*.md"))
        assert len(files) == 1
        text = files[0].read_text(encoding="utf-8")
        assert text.count("\n## ") >= 3
        assert "Fishermen fear loss of moorings" in text
        assert any("dossier of 3 briefings" in n.message for n in reader_app._notifications)


async def test_export_failure_is_one_line_not_a_crash(reader_library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = make_app(
        reader_library, services=Services(reader_library, export_dir=blocker), poll_seconds=None
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "cannot write exports" in errors[0].message
        assert app.is_running


# -- saved searches -----------------------------------------------------------------------------------


async def test_saved_searches_save_open_rename_delete(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"barrier", "enter", "S")
        await settle(pilot)
        assert isinstance(reader_app.screen, NamePrompt)
        await pilot.press(*"flood", "enter")
        await settle(pilot)
        await pilot.press("escape")  # back to the whole library
        await pilot.press("s")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, SavedSearchesScreen)
        assert [(s.name, s.query, s.count) for s in screen.searches] == [("flood", "barrier", 3)]
        assert "3 hits" in screen_text(reader_app)

        await pilot.press("r")
        await settle(pilot)
        prompt = reader_app.screen
        assert isinstance(prompt, NamePrompt)
        prompt.query_one(Input).value = "barrier news"
        await pilot.press("enter")
        await settle(pilot)
        assert [s.name for s in screen.searches] == ["barrier news"]

        await pilot.press("enter")  # open it
        await settle(pilot)
        assert isinstance(reader_app.screen, ReaderScreen)
        assert reader(reader_app).query_text == "barrier"
        assert len(listed(reader_app)) == 3

        await pilot.press("s")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert reader_app.screen.searches == []  # type: ignore[attr-defined]
        await pilot.press("escape")
        assert isinstance(reader_app.screen, ReaderScreen)


async def test_saving_in_the_modal_uses_the_current_query(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tidal", "enter", "s")
        await settle(pilot)
        await pilot.press("n", *"tide", "enter")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, SavedSearchesScreen)
        assert [(s.name, s.query, s.count) for s in screen.searches] == [("tide", "tidal", 1)]
        # the same name again: one line in a notification, the list unchanged
        await pilot.press("n", *"tide", "enter")
        await settle(pilot)
        assert any("already exists" in n.message for n in reader_app._notifications)
        assert len(screen.searches) == 1


# -- help, palette, themes, quit ----------------------------------------------------------------------


async def test_help_lists_every_binding(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(120, 200)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(reader_app.screen, HelpScreen)
        text = screen_text(reader_app)
        for _, bindings in binding_groups():
            for b in bindings:
                assert b.description in text, b.description  # type: ignore[union-attr]
                assert key_label(b.key).split()[0] in text  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(reader_app.screen, ReaderScreen)


async def test_every_reader_action_is_in_the_command_palette(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {c.title for c in reader_app.get_system_commands(reader_app.screen)}
        for b in ReaderScreen.BINDINGS:
            assert b.description in titles  # type: ignore[union-attr]
        assert {"Help: keys", "Next theme", "Terminal colours", "Quit"} <= titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"saved")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(reader_app.screen, SavedSearchesScreen)


async def test_themes_include_the_terminal_colours(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reader_app.theme == "textual-dark"
        await pilot.press("t")
        assert reader_app.theme == "textual-light"
        await pilot.press("t")
        assert reader_app.theme == "ansi-dark"
        reader_app.action_terminal_colours()
        assert reader_app.theme == "ansi-light"


async def test_q_quits(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not reader_app.is_running


async def test_q_in_the_search_bar_is_typed_not_quit(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        await settle(pilot)
        assert reader_app.is_running
        assert reader(reader_app).query_text == "q"


# -- untrusted text, narrow terminals, live library, large lists ---------------------------------------


async def test_article_markup_and_escapes_are_shown_literally(tmp_path: Path) -> None:
    from briefings.derive import derive
    from briefings.library import Library
    from briefings.models import Article

    text = (
        "A headline about odd text\n\n"
        "The page said [red]boom[/red] and [link=file:///etc/passwd]x[/link] "
        "and then \x1b[2J before the end of the sentence.\n"
    )
    article = Article(origin=str(tmp_path / "odd.txt"), text=text)
    folder = tmp_path / "lib"
    with Library(folder) as library:
        briefing = derive(article)
        briefing.summary = [briefing.body[-1]]
        library.put(article, briefing)
    app = make_app(folder, poll_seconds=None)
    async with app.run_test(size=(400, 60)) as pilot:  # wide: no line wrapped mid-markup
        await settle(pilot)
        shown = screen_text(app)
        assert "[red]boom[/red]" in shown
        assert "[link=file:///etc/passwd]x[/link]" in shown
        assert "␛[2J" in shown
        assert "\x1b" not in shown
        await pilot.press("enter", "enter")  # evidence for the summary line
        await settle(pilot)
        assert isinstance(app.screen, EvidenceScreen)
        shown = screen_text(app)
        assert "[red]boom[/red]" in shown and "␛[2J" in shown


async def test_markup_in_titles_sources_and_quotes_is_not_interpreted(
    reader_app: BriefApp,
) -> None:
    async with reader_app.run_test(size=(400, 60)) as pilot:
        await settle(pilot)
        await open_briefing(pilot, "odd")
        shown = screen_text(reader_app)
        assert "Odd [bold]markup[/bold] in a headline" in shown
        assert "[i]Markup[/i] Times" in shown
        assert "— [b]Nobody[/b], [dim]tester[/dim]" in shown
        assert "[link=file:///etc/passwd]x[/link]" in shown


async def test_narrow_terminal_stacks_the_panes(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = reader(reader_app)
        assert screen.has_class("-narrow")
        assert screen.query_one(BriefingList).display
        await open_briefing(pilot, "barrier")
        assert screen.has_class("-reading")
        assert not screen.query_one(BriefingList).region.height  # the list makes room
        regions = [screen.query_one(f"#pane-{p}").region for p in ("summary", "quotes")]
        assert regions[0].x == regions[1].x and regions[0].bottom <= regions[1].y
        await pilot.press("escape")
        assert not screen.has_class("-reading")


async def test_panes_in_a_2x2_grid_up_to_200_columns_and_four_across_above(
    reader_app: BriefApp,
) -> None:
    names = ("summary", "quotes", "figures", "related")
    async with reader_app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = reader(reader_app)
        regions = [screen.query_one(f"#pane-{p}").region for p in names]
        assert len({r.y for r in regions}) == 2 and len({r.x for r in regions}) == 2
        await pilot.resize_terminal(220, 50)
        await settle(pilot)
        regions = [screen.query_one(f"#pane-{p}").region for p in names]
        assert len({r.y for r in regions}) == 1
        assert [r.x for r in regions] == sorted(r.x for r in regions)


async def test_briefings_ingested_elsewhere_appear_without_restart(
    reader_library: Path, tmp_path: Path
) -> None:
    app = make_app(reader_library, poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(listed(app)) == 4
        extra = fixture_briefings()[2].model_copy(
            update={
                "id": briefing_id_for("test:new"),
                "origin": "test:new",
                "title": "A late story",
            }
        )
        build_library(reader_library, [extra])  # another connection, as another terminal would
        for _ in range(100):
            await pilot.pause(0.05)
            if len(listed(app)) == 5:
                break
        assert "A late story" in [r.title for r in app.screen.query_one(BriefingList).rows]


async def test_empty_library_says_how_to_add_articles(tmp_path: Path) -> None:
    app = make_app(tmp_path / "empty", poll_seconds=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "brief ingest PATH" in screen_text(app)
        await pilot.press("e", "E", "enter", "n")  # nothing open: no crash, a hint
        await settle(pilot)
        assert app.is_running


async def test_the_list_is_virtual_with_100k_rows(reader_app: BriefApp) -> None:
    rows = [ListRow(f"{i:016x}", f"Story number {i}", "Wire", None) for i in range(100_000)]
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lst = reader_app.screen.query_one(BriefingList)
        lst.set_rows(rows)
        await pilot.pause()
        assert not lst.children  # one widget, no matter how many rows
        assert lst.virtual_size.height == 200_000
        await pilot.press("G")
        await pilot.pause()
        assert lst.cursor == 99_999
        assert "Story number 99999" in screen_text(reader_app)


async def test_group_by_source_shows_a_header_per_source(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "B")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, ReaderScreen) and screen.sort == "source"
        lst = screen.query_one(BriefingList)
        assert lst.group_by_source
        sources = [r.source for r in lst.rows]
        lines = [lst.render_line(y).text.strip() for y in range(lst.virtual_size.height)]
        for source in dict.fromkeys(sources):
            assert lines.count(source or "No source") == 1  # one header per source
        # the cursor walks rows, never a header; the last row is still reachable
        await pilot.press("G")
        await settle(pilot)
        assert lst.current is not None and lst.current.id == lst.rows[-1].id
        await pilot.press("O")  # another sort: the list is no longer grouped
        await settle(pilot)
        assert not lst.group_by_source
        assert lst.virtual_size.height == len(lst.rows) * lst.row_height
