"""The reader: a Textual app over a briefing library."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from briefings.library import Library
from briefings.models import Briefing, BriefingSummary


class BriefApp(App[int]):
    TITLE = "brief"
    CSS = """
    #list { width: 40%; }
    #briefing { width: 60%; padding: 0 1; }
    """
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, library_dir: Path) -> None:
        super().__init__()
        self.library_dir = library_dir

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(id="list")
            with VerticalScroll(id="briefing"):
                yield Static(id="body")
        yield Footer()

    def on_mount(self) -> None:
        self.load_list()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_list(self) -> None:
        with Library(self.library_dir) as library:
            rows = library.summaries()
        self.call_from_thread(self._show_rows, rows)

    def _show_rows(self, rows: list[BriefingSummary]) -> None:
        options = self.query_one("#list", OptionList)
        options.clear_options()
        options.add_options(Option(Text(r.title), id=r.id) for r in rows)
        if rows:
            options.highlighted = 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.load_briefing(event.option.id)

    @work(thread=True, exclusive=True, group="briefing", exit_on_error=False)
    def load_briefing(self, briefing_id: str) -> None:
        with Library(self.library_dir) as library:
            briefing = library.get(briefing_id)
        self.call_from_thread(self._show_briefing, briefing)

    def _show_briefing(self, briefing: Briefing) -> None:
        from tui.commands.library import render_briefing

        self.query_one("#body", Static).update(render_briefing(briefing))


def make_app(library_dir: Path) -> BriefApp:
    return BriefApp(library_dir)
