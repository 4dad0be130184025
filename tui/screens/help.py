"""``?``: every key binding of the reader, grouped by where it works.

The table is built from the ``BINDINGS`` of the classes themselves, so it
cannot drift from what the keys do.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Keys handled by Textual itself, listed so that the help is complete.
BUILT_IN = [
    ("tab / shift+tab", "Next / previous pane"),
    ("ctrl+p", "Command palette: every action by name"),
    ("mouse", "Click a row or an item; scroll with the wheel"),
]

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "backspace": "⌫",
    "asterisk": "*",
    "vertical_line": "|",
}


def binding_groups() -> list[tuple[str, list[BindingType]]]:
    from tui.app import BriefApp
    from tui.screens.evidence import EvidenceScreen, SourceText
    from tui.screens.reader import ReaderScreen, SearchInput
    from tui.screens.saved import SavedSearchesScreen
    from tui.widgets.briefing_list import BriefingList
    from tui.widgets.briefing_view import PaneList, VimOptionList

    return [
        ("Everywhere", BriefApp.BINDINGS),
        ("Reader", ReaderScreen.BINDINGS),
        ("Search bar", SearchInput.BINDINGS),
        ("Briefing list", BriefingList.BINDINGS),
        ("Panes", [*PaneList.BINDINGS, *VimOptionList.BINDINGS]),
        ("Evidence", [*EvidenceScreen.BINDINGS, *SourceText.BINDINGS]),
        ("Saved searches", SavedSearchesScreen.BINDINGS),
        ("Help", HelpScreen.BINDINGS),
    ]


def key_label(keys: str) -> str:
    return " ".join(KEY_NAMES.get(k, k) for k in keys.split(","))


def help_table() -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("keys", style="bold", no_wrap=True, width=18)
    table.add_column("action", ratio=1)
    for group, bindings in binding_groups():
        table.add_row(Text(group, style="bold underline"), "")
        for b in bindings:
            if isinstance(b, Binding) and b.description:
                table.add_row(Text(key_label(b.key)), Text(b.description))
        table.add_row("", "")
    table.add_row(Text("Textual", style="bold underline"), "")
    for keys, what in BUILT_IN:
        table.add_row(Text(keys), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", id="help.down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", id="help.up", show=False),
        Binding("g,home", "scroll('home')", "Top", id="help.top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", id="help.bottom", show=False),
        Binding("pagedown,space", "scroll('page_down')", "Page down", id="help.page_down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", id="help.page_up", show=False),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            with VerticalScroll(id="help-body"):
                yield Static(help_table(), id="help-table")
            yield Static(Text("esc or ? to close", style="dim"), id="help-keys")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        move = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
            "page_down": body.scroll_page_down,
            "page_up": body.scroll_page_up,
        }[direction]
        move(animate=False)

    def action_close(self) -> None:
        self.dismiss()
