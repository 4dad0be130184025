"""A full screen of text loaded in a worker: the base of the person and story screens.

The screen paints "loading…" at once; ``load`` runs in a thread worker and the
result comes back as ``ReportLoaded`` (or ``ReportFailed``). Every line is a
``rich.text.Text``: article text is never read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

if TYPE_CHECKING:
    from tui.app import BriefApp


class ReportLoaded(Message):
    def __init__(self, lines: list[Text]) -> None:
        super().__init__()
        self.lines = lines


class ReportFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class ReportBody(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", id="report.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="report.up", show=False),
        Binding("g,home", "scroll_home", "Top", id="report.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="report.bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="report.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="report.page_up", show=False),
    ]


class ReportScreen(Screen[None]):
    CSS_PATH = "report.tcss"

    BINDINGS = [Binding("escape,backspace,h", "close", "Back", id="report.close")]

    #: What the screen shows while loading, and its title.
    heading = "Report"

    @property
    def brief_app(self) -> BriefApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(self.heading, style="bold"), id="report-title")
        with ReportBody(id="report-body"):
            yield Static(Text("loading…", style="dim"), id="report-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ReportBody).focus()
        self.run_load()

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def run_load(self) -> None:
        try:
            self.post_message(ReportLoaded(self.load()))
        except Exception as exc:  # shown in the screen; the reader keeps running
            self.post_message(ReportFailed(" ".join(str(exc).split()) or type(exc).__name__))

    def load(self) -> list[Text]:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_report_loaded(self, message: ReportLoaded) -> None:
        self.query_one("#report-text", Static).update(Text("\n").join(message.lines))

    def on_report_failed(self, message: ReportFailed) -> None:
        self.query_one("#report-text", Static).update(Text(message.error, style="bold red"))

    def action_close(self) -> None:
        self.app.pop_screen()
