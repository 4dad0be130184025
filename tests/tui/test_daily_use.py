"""Pilot tests of the reader for daily use (issue 16): whole quotes, keys after '/',
asking before replacing a dossier, reading state, delete and undo, getting out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from briefings.library import Library
from briefings.models import Quote, briefing_id_for
from tests.tui.conftest import BARRIER, build_library, fixture_briefings, screen_text, settle
from tui.app import BriefApp, make_app
from tui.screens.evidence import EvidenceScreen
from tui.screens.help import HelpScreen
from tui.screens.prompt import Confirm, NamePrompt
from tui.screens.reader import ReaderScreen, SearchInput
from tui.services import Services
from tui.settings import Settings
from tui.widgets.briefing_list import BriefingList
from tui.widgets.briefing_view import BriefingView, PaneList

SIZE = (120, 40)
BARRIER_ID = briefing_id_for(BARRIER)
ROLE = "Deputy Harbour Commissioner"


def reader(app: BriefApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen), app.screen
    return app.screen


def many_quotes_library(folder: Path) -> Path:
    """The barrier briefing with nine long quotes, so the Quotes pane has to scroll."""
    briefings = fixture_briefings()
    barrier = briefings[0]
    quotes = [
        Quote(
            text=f"Quote number {i} says that the estuary needs a barrier that will stand for a "
            "hundred years, and that the council should not have waited this long to build it",
            speaker=f"Speaker {i}",
            speaker_role=ROLE,
        )
        for i in range(9)
    ]
    quotes.append(Quote(text="Maybe it will hold", speaker="Lee Shore", speaker_confidence=0.2))
    briefings[0] = barrier.model_copy(update={"quotes": quotes})
    return build_library(folder, briefings)


def app_for(folder: Path, tmp_path: Path, **kwargs: object) -> BriefApp:
    return make_app(
        folder,
        services=Services(folder, export_dir=tmp_path / "exports"),
        poll_seconds=None,
        theme="textual-dark",
        **kwargs,  # type: ignore[arg-type]
    )


async def open_barrier(pilot) -> None:  # type: ignore[no-untyped-def]
    lst = pilot.app.screen.query_one(BriefingList)
    lst.focus()
    lst.cursor = lst.index_of(BARRIER_ID)
    await pilot.press("enter")
    await settle(pilot)


# -- bug 1: panes with a scrollbar cut off wrapped text ------------------------------------------


async def test_every_quote_and_role_is_whole_in_a_pane_that_scrolls(
    library_dir: Path, tmp_path: Path
) -> None:
    for size in ((160, 48), (120, 40), (80, 24)):
        app = app_for(many_quotes_library(library_dir), tmp_path)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await open_barrier(pilot)
            await pilot.press("2")
            pane = app.screen.query_one("#pane-quotes", PaneList)
            assert pane.max_scroll_y > 0  # it scrolls: the scrollbar takes a column
            seen: set[int] = set()
            for _ in range(len(pane.options)):
                text = screen_text(app)
                for i in range(9):
                    if f"Quote number {i} says" in text:
                        seen.add(i)
                await pilot.press("j")
                await settle(pilot)
            assert seen == set(range(9))
            # every item's lines are counted at the width they are drawn at, with the
            # blank line below it: the last line of each item is its attribution
            width = pane.scrollable_content_region.width
            for index in range(len(pane.options)):
                strips = pane._get_option_render(
                    pane.options[index], pane.get_visual_style("option-list--option")
                )
                assert pane._heights[index] == len(strips), (size, index, width)
                assert strips[-1].text.strip() == ""  # the blank line between items
                lines = [s.text.strip() for s in strips]
                assert any(line.startswith("— ") for line in lines)


async def test_whole_role_on_one_line_at_160_columns(library_dir: Path, tmp_path: Path) -> None:
    app = app_for(many_quotes_library(library_dir), tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2", "G")
        await settle(pilot)
        assert "— Speaker 8, Deputy Harbour Commissioner" in screen_text(app)


async def test_an_uncertain_speaker_is_marked(library_dir: Path, tmp_path: Path) -> None:
    app = app_for(many_quotes_library(library_dir), tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        pane = app.screen.query_one("#pane-quotes", PaneList)
        last = pane.get_option_at_index(len(pane.options) - 1).prompt.plain  # type: ignore[union-attr]
        assert "— Lee Shore?" in last and "uncertain" in last


# -- bug 2: keys in one burst after '/' ------------------------------------------------------------


async def test_keys_in_one_burst_after_slash_go_to_the_search_bar(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(reader_app)
        before = screen.open_id
        # as a paste or a fast typist sends them: all queued before any is handled
        for char in "/blair":
            key = "slash" if char == "/" else char
            reader_app.post_message(events.Key(key, char))
        await settle(pilot)
        assert screen.query_one(SearchInput).value == "blair"
        assert screen.history == []  # 'b' did not go back
        assert isinstance(reader_app.focused, SearchInput)
        assert screen.open_id != before or before is None or screen.query_text == "blair"
        await pilot.press("slash")  # in the search bar, '/' is typed
        assert screen.query_one(SearchInput).value == "blair/"


async def test_digits_and_enter_in_one_burst_after_slash_go_to_the_search_bar(
    reader_app: BriefApp,
) -> None:
    # '0'-'5' focus panes and Enter opens a row when the list has focus; pasted right
    # after '/', they are part of the query (a year, "g7 2024") and Enter ends it.
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reader(reader_app)
        for char in "/barrier 2024 g7 012345\r":
            key = {"/": "slash", " ": "space", "\r": "enter"}.get(char, char)
            reader_app.post_message(events.Key(key, None if char == "\r" else char))
        await settle(pilot)
        assert screen.query_one(SearchInput).value == "barrier 2024 g7 012345"
        assert screen.query_text == "barrier 2024 g7 012345"
        assert screen.view.opened is None or screen.open_id is not None
        assert isinstance(reader_app.focused, (SearchInput, BriefingList)), reader_app.focused
        assert not isinstance(reader_app.focused, PaneList)


# -- bug 3: E asks before replacing a dossier ---------------------------------------------------------


async def test_shift_e_asks_before_replacing_an_existing_dossier(
    reader_app: BriefApp, export_dir: Path
) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        (dossier,) = export_dir.glob("*.md")
        dossier.write_text("my notes", encoding="utf-8")
        await pilot.press("E")
        await settle(pilot)
        assert isinstance(reader_app.screen, Confirm)
        await pilot.press("n")
        await settle(pilot)
        assert dossier.read_text(encoding="utf-8") == "my notes"
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert dossier.read_text(encoding="utf-8") != "my notes"


# -- bug 4: a search with no hits --------------------------------------------------------------------


async def test_a_search_without_hits_closes_the_briefing_and_e_says_so(
    reader_app: BriefApp, export_dir: Path
) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzyqx")
        await settle(pilot)
        screen = reader(reader_app)
        assert screen.open_id is None
        assert screen.query_one(BriefingView).briefing is None
        assert "Northern Post" not in screen_text(reader_app)
        await pilot.press("enter")  # to the (empty) list; the query stays
        await pilot.press("e")
        await settle(pilot)
        assert not export_dir.exists() or not list(export_dir.glob("*.md"))
        assert any("nothing to export" in str(n.message) for n in reader_app._notifications)


# -- bug 6: ANSI themes ---------------------------------------------------------------------------------


async def test_ansi_themes_mark_the_open_briefing_and_draw_grey_borders(
    reader_app: BriefApp,
) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for theme in ("ansi-dark", "ansi-light"):
            reader_app.theme = theme
            await settle(pilot)
            await pilot.press("j", "enter")  # open the second briefing: focus in Summary
            await settle(pilot)
            variables = reader_app.get_css_variables()
            assert variables["border-blurred"] != "ansi_black"
            lst = reader_app.screen.query_one(BriefingList)
            assert not lst.has_focus
            row = lst.cursor * lst.row_height - int(lst.scroll_offset.y)
            assert lst.render_line(row).text.startswith("▌")
            await pilot.press("escape", "k")


# -- bug 10: help, evidence, footer -------------------------------------------------------------------


async def test_help_scrolls_with_g_shift_g_home_and_end(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(reader_app.screen, HelpScreen)
        body = reader_app.screen.query_one("#help-body")
        await pilot.press("G")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g")
        await settle(pilot)
        assert body.scroll_y == 0
        await pilot.press("end")
        await settle(pilot)
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await settle(pilot)
        assert body.scroll_y == 0


async def test_n_and_p_in_the_evidence_move_between_quotes(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2", "enter")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, EvidenceScreen)
        assert screen.label.startswith("Quote 1 of 2")
        await pilot.press("n")
        await settle(pilot)
        screen = reader_app.screen
        assert isinstance(screen, EvidenceScreen)
        assert screen.label.startswith("Quote 2 of 2 · Tom Reyes")
        body = screen.briefing.body_text
        assert body[screen.start : screen.end] == "The gates close in under ten minutes."
        assert "Quote 2 of 2" in screen_text(reader_app)
        await pilot.press("p")
        await settle(pilot)
        assert reader_app.screen.label.startswith("Quote 1 of 2")  # type: ignore[attr-defined]


async def test_the_footer_keeps_the_help_hint_at_80_columns(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(reader_app).splitlines()[-1]
        assert "? Help" in footer or "?  Help" in footer
        await open_barrier(pilot)
        footer = screen_text(reader_app).splitlines()[-1]
        assert "Help" in footer


# -- layout -----------------------------------------------------------------------------------------------


async def test_z_maximises_the_focused_pane_and_back(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2", "z")
        await settle(pilot)
        screen = reader(reader_app)
        quotes = screen.query_one("#pane-quotes")
        assert quotes.region.width > 100
        assert not screen.query_one("#pane-summary").region.height
        assert not screen.query_one(BriefingList).region.width
        await pilot.press("z")
        await settle(pilot)
        assert screen.query_one("#pane-summary").region.height
        assert screen.query_one(BriefingList).region.width


async def test_z_maximises_the_focused_pane_at_80_columns_too(reader_app: BriefApp) -> None:
    # Under 100 columns the stacked layout's rules used to win over z's: nothing changed.
    async with reader_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = reader(reader_app)
        quotes = screen.query_one("#pane-quotes")
        before = quotes.region.height
        await pilot.press("z")
        await settle(pilot)
        assert quotes.region.height > before and quotes.region.height >= 16
        for other in ("summary", "figures", "related"):
            assert not screen.query_one(f"#pane-{other}").region.height, other
        assert "— Tom Reyes" in screen_text(reader_app)  # room for every quote
        await pilot.press("z")
        await settle(pilot)
        assert screen.query_one("#pane-summary").region.height
        await pilot.press("0", "z")  # the list alone
        await settle(pilot)
        assert screen.query_one(BriefingList).region.height >= 18
        assert not screen.query_one("#pane-summary").region.height
        await pilot.press("z")
        await settle(pilot)


async def test_only_the_focused_pane_highlights_its_item(reader_app: BriefApp) -> None:
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2")
        view = reader_app.screen.query_one(BriefingView)
        for name in ("summary", "quotes"):
            pane = view.pane(name)
            plain = pane.get_visual_style("option-list--option")
            style = pane.get_visual_style("option-list--option", "option-list--option-highlighted")
            assert (style.background != plain.background) == (name == "quotes"), name


async def test_enter_on_an_entity_searches_for_it(tmp_path: Path, library_dir: Path) -> None:
    from briefings.models import Entity

    briefings = fixture_briefings()
    briefings[0] = briefings[0].model_copy(
        update={
            "entities": [Entity(name="Ines Varga", kind="person", mentions=2)],
            "keywords": ["tidal barrier"],
        }
    )
    app = app_for(build_library(library_dir, briefings), tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("5")
        assert "Ines Varga" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        search = app.screen.query_one(SearchInput)
        assert search.value == 'speaker:"Ines Varga" OR entity:"Ines Varga"'
        assert BARRIER_ID in [r.id for r in app.screen.query_one(BriefingList).rows]


# -- reading state ------------------------------------------------------------------------------------


async def test_open_star_tag_then_query_after_a_restart(
    reader_library: Path, tmp_path: Path
) -> None:
    app = app_for(reader_library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        assert BARRIER_ID in [r.id for r in app.screen.query_one(BriefingList).rows]
        await pilot.press("escape")  # clears the search: the whole library
        await settle(pilot)
        await open_barrier(pilot)
        assert reader(app).view.opened.read  # type: ignore[union-attr]
        await pilot.press("asterisk", "T")
        await settle(pilot)
        assert isinstance(app.screen, NamePrompt)
        await pilot.press(*"chips eu", "enter")
        await settle(pilot)
        row = app.screen.query_one(BriefingList).rows[
            app.screen.query_one(BriefingList).index_of(BARRIER_ID)  # type: ignore[index]
        ]
        assert row.read and row.starred and row.tags == ("chips", "eu")
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        assert BARRIER_ID not in [r.id for r in app.screen.query_one(BriefingList).rows]
    again = app_for(reader_library, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:chips is:starred", "enter")
        await settle(pilot)
        assert [r.id for r in again.screen.query_one(BriefingList).rows] == [BARRIER_ID]
        assert "★" in screen_text(again) and "#chips" in screen_text(again)


async def test_delete_and_undo(reader_library: Path, tmp_path: Path) -> None:
    app = app_for(reader_library, tmp_path)
    vote = briefing_id_for("test:vote")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert BARRIER_ID not in [r.id for r in app.screen.query_one(BriefingList).rows]
        with Library(reader_library) as lib:
            assert lib.count() == 3
            related = lib.get(vote).related
            assert BARRIER_ID not in [r.id for r in related]  # links follow the delete
        await pilot.press("slash", *"barrier", "enter")
        await settle(pilot)
        assert BARRIER_ID not in [r.id for r in app.screen.query_one(BriefingList).rows]
        await pilot.press("escape", "u")
        await settle(pilot)
        assert BARRIER_ID in [r.id for r in app.screen.query_one(BriefingList).rows]
        with Library(reader_library) as lib:
            assert lib.count() == 4
            assert lib.get(BARRIER_ID).title == "Harbour council approves tidal barrier plan"
        await pilot.press("slash", *"barrier", "enter")
        await settle(pilot)
        assert BARRIER_ID in [r.id for r in app.screen.query_one(BriefingList).rows]


# -- getting out ------------------------------------------------------------------------------------------


async def test_y_copies_the_quote_with_its_citation(reader_library: Path, tmp_path: Path) -> None:
    app = app_for(reader_library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("2", "y")
        await settle(pilot)
        assert app.clipboard == (
            "“We cannot keep rebuilding the sea wall every winter and hoping for the best” "
            "— Ines Varga, council leader, Coastal Ledger, 2024-03-05"
        )


async def test_o_opens_the_stored_url_with_the_opener(library_dir: Path, tmp_path: Path) -> None:
    url = "https://news.example.org/harbour/barrier"
    briefings = fixture_briefings()
    briefings[0] = briefings[0].model_copy(update={"origin": url, "id": briefing_id_for(url)})
    opened: list[str] = []
    app = app_for(build_library(library_dir, briefings), tmp_path, opener=opened.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lst = app.screen.query_one(BriefingList)
        lst.cursor = lst.index_of(briefing_id_for(url))  # type: ignore[assignment]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == [url]
        await pilot.press("2", "y")
        await settle(pilot)
        assert app.clipboard.endswith(f"Coastal Ledger, 2024-03-05, {url}")


async def test_pipe_sends_the_markdown_to_a_command(reader_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "piped.md"
    app = app_for(reader_library, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("vertical_line")
        await settle(pilot)
        assert isinstance(app.screen, NamePrompt)
        await pilot.press(*f"cat > {out}")  # typed: '/' is text in a prompt, not a search
        assert app.screen.query_one(Input).value == f"cat > {out}"
        await pilot.press("enter")
        await settle(pilot)
        text = out.read_text(encoding="utf-8")
        assert text.startswith("---\n") and "# Harbour council approves tidal barrier plan" in text


# -- settings that last -------------------------------------------------------------------------------------


async def test_theme_and_sort_survive_a_restart(reader_library: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    app = app_for(reader_library, tmp_path, settings=Settings.load(config))
    app_theme = app.theme
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "O", "O")
        await settle(pilot)
        chosen = app.theme
        assert chosen != app_theme
        assert reader(app).sort == "source"
        sources = [r.source for r in app.screen.query_one(BriefingList).rows]
        assert sources == sorted(sources, key=lambda s: (s is None, (s or "").casefold()))
    settings = Settings.load(config)
    assert (settings.theme, settings.sort) == (chosen, "source")
    again = make_app(
        reader_library,
        services=Services(reader_library),
        poll_seconds=None,
        settings=settings,
    )
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == chosen and reader(again).sort == "source"


async def test_key_bindings_from_the_config(reader_library: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\n"reader.star" = "x"\n', encoding="utf-8")
    app = app_for(reader_library, tmp_path, settings=Settings.load(config))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_barrier(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert reader(app).view.opened.starred  # type: ignore[union-attr]


async def test_a_broken_config_is_one_line_not_a_crash(
    reader_library: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = [unclosed\n", encoding="utf-8")
    app = app_for(reader_library, tmp_path, settings=Settings.load(config))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("cannot be read" in str(n.message) for n in app._notifications)


# -- #19: the saved-searches modal lists names before it has counted them ---------------------------


async def test_saved_searches_modal_lists_names_before_the_counts(
    reader_app: BriefApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from tui.screens.saved import SavedSearchesScreen

    release = threading.Event()
    original = Services.saved_counted

    def slow(self: Services, row):  # type: ignore[no-untyped-def]
        release.wait(10)  # a count that takes long (a wildcard over a big library)
        return original(self, row)

    monkeypatch.setattr(Services, "saved_counted", slow)
    async with reader_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader_app.services.saved_add("floods", "barrier")
        reader_app.services.saved_add("votes", "vote")
        await pilot.press("s")
        for _ in range(10):
            await pilot.pause(0.02)
        screen = reader_app.screen
        assert isinstance(screen, SavedSearchesScreen)
        assert [s.name for s in screen.searches] == ["floods", "votes"]
        assert "counting…" in screen_text(reader_app)
        release.set()
        await settle(pilot)
        assert [s.count for s in screen.searches] == [3, 2]
        assert "3 hits" in screen_text(reader_app) and "counting" not in screen_text(reader_app)


async def test_the_reader_seeds_an_empty_default_library_after_the_first_frame(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "default"
    Library(folder).close()
    app = make_app(folder, poll_seconds=None, theme="textual-dark", seed_samples=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert len(reader(app).briefing_list.rows) == 5
        assert any("bundled sample" in n.message for n in app._notifications)
    with Library(folder) as lib:
        assert lib.count() == 5 and not lib.pending_index_ops()
        assert all(b.related for b in lib.get_many(lib.ids()))
