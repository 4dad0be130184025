"""Small modals: one asking for a line of text (a search's name, tags, a command), one
asking yes or no."""

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

    def __init__(
        self,
        label: str,
        query: str,
        *,
        initial: str = "",
        placeholder: str = "a name",
        keys: str = "enter save · esc cancel",
        allow_empty: bool = False,
    ) -> None:
        super().__init__()
        self.label = label
        self.search_query = query
        self.initial = initial
        self.placeholder = placeholder
        self.keys = keys
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.label, style="bold"))
            yield Static(Text(self.search_query, style="dim italic"), id="prompt-query")
            yield Input(value=self.initial, placeholder=self.placeholder, id="prompt-name")
            yield Static(Text(self.keys, style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if name or self.allow_empty:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A question answered with y (or enter) or n (or esc)."""

    CSS_PATH = "prompt.tcss"

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.question, style="bold"))
            if self.detail:
                yield Static(Text(self.detail, style="dim italic"), id="prompt-query")
            yield Static(Text("y yes · n no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
