"""A small modal asking for a name (saving or renaming a search)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NamePrompt(ModalScreen[str | None]):
    CSS_PATH = "prompt.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, label: str, query: str, *, initial: str = "") -> None:
        super().__init__()
        self.label = label
        self.search_query = query
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.label, style="bold"))
            yield Static(Text(self.search_query, style="dim italic"), id="prompt-query")
            yield Input(value=self.initial, placeholder="a name", id="prompt-name")
            yield Static(Text("enter save · esc cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
