"""Saved searches: a modal listing them with hit and new-hit counts.

Enter opens one (the reader runs it), ``n`` saves the current query under a
name, ``r`` renames, ``d`` deletes. The list is loaded and changed by thread
workers; the modal only ever sees ``SavedSearchRow`` values.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.messages import SavedSearchesLoaded, ServiceFailed
from tui.models import SavedSearchRow
from tui.widgets.briefing_view import VimOptionList

if TYPE_CHECKING:
    from tui.app import BriefApp


#: seconds between redraws of the list while its counts fill in
COUNT_REFRESH = 0.2


class SavedSearchesScreen(ModalScreen[SavedSearchRow | None]):
    CSS_PATH = "saved.tcss"

    BINDINGS = [
        Binding("escape", "close", "Close", id="saved.close"),
        Binding("enter", "open", "Open", id="saved.open"),
        Binding("n", "add", "Save current search", id="saved.add"),
        Binding("r", "rename", "Rename", id="saved.rename"),
        Binding("d", "delete", "Delete", id="saved.delete"),
    ]

    def __init__(self, current_query: str) -> None:
        super().__init__()
        self.current_query = current_query
        self.searches: list[SavedSearchRow] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text("Saved searches", style="bold"), id="saved-title")
            yield VimOptionList(id="saved-list")
            yield Static(
                Text(
                    "enter open · n save current search · r rename · d delete · esc close",
                    style="dim",
                ),
                id="saved-keys",
            )

    def _list(self) -> OptionList | None:
        """The list, or None once the screen is being torn down (the app quitting while
        the modal opens: ``q`` then ``s`` in one burst)."""
        try:
            return self.query_one("#saved-list", OptionList)
        except NoMatches:
            return None

    def on_mount(self) -> None:
        options = self._list()
        if options is None:
            return
        options.focus()
        self.reload()

    @property
    def brief_app(self) -> BriefApp:
        return self.app  # type: ignore[return-value]

    # -- workers ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="saved", exit_on_error=False)
    def change_and_reload(self, change: Callable[[], object] | None = None) -> None:
        services = self.brief_app.services
        try:
            if change is not None:
                change()
            searches = services.saved_entries()
        except Exception as exc:  # one line for the user; the modal stays usable
            self.post_message(ServiceFailed(" ".join(str(exc).split()) or type(exc).__name__))
            if change is not None:
                self.change_and_reload()  # show what is stored after a failed change
            return
        # The names at once; the counts (each a query, bounded by the query limits) fill
        # in after, a few at a time, and stop when the modal closes or reloads.
        self.post_message(SavedSearchesLoaded(list(searches)))
        worker = get_current_worker()
        shown = time.monotonic()
        for i, row in enumerate(searches):
            if worker.is_cancelled:
                return
            try:
                searches[i] = services.saved_counted(row)
            except Exception as exc:
                searches[i] = replace(row, count=0, error=" ".join(str(exc).split()))
            if time.monotonic() - shown > COUNT_REFRESH or i == len(searches) - 1:
                self.post_message(SavedSearchesLoaded(list(searches)))
                shown = time.monotonic()

    def reload(self) -> None:
        self.change_and_reload()

    def on_saved_searches_loaded(self, message: SavedSearchesLoaded) -> None:
        options = self._list()
        if options is None:
            return
        keep = self.selected.name if self.selected else None
        self.searches = message.searches
        self.loaded = True
        options.clear_options()
        if not self.searches:
            hint = "No saved searches yet. Search with / in the reader, then press n here."
            options.add_option(Option(Text(hint, style="dim italic"), disabled=True))
            return
        options.add_options(Option(saved_text(s), id=s.name) for s in self.searches)
        names = [s.name for s in self.searches]
        options.highlighted = names.index(keep) if keep in names else 0

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.app.notify(message.error, severity="error", markup=False, timeout=8)

    # -- actions ----------------------------------------------------------------------------------

    @property
    def selected(self) -> SavedSearchRow | None:
        options = self._list()
        index = options.highlighted if options is not None else None
        if index is None or not self.searches or index >= len(self.searches):
            return None
        return self.searches[index]

    @on(OptionList.OptionSelected, "#saved-list")
    def option_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.selected is not None:
            self.dismiss(self.selected)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_add(self) -> None:
        query = self.current_query
        if not query:
            self.app.notify(
                "Search first (/ in the reader), then save it here.", severity="warning"
            )
            return
        services = self.brief_app.services

        def named(name: str | None) -> None:
            if name:
                self.change_and_reload(lambda: services.saved_add(name, query))

        from tui.screens.prompt import NamePrompt

        self.app.push_screen(NamePrompt("Save this search as", query), named)

    def action_rename(self) -> None:
        saved = self.selected
        if saved is None:
            return
        services = self.brief_app.services

        def named(name: str | None) -> None:
            if name and name != saved.name:
                self.change_and_reload(lambda: services.saved_rename(saved.name, name))

        from tui.screens.prompt import NamePrompt

        self.app.push_screen(NamePrompt("Rename", saved.query, initial=saved.name), named)

    def action_delete(self) -> None:
        saved = self.selected
        if saved is None:
            return
        services = self.brief_app.services
        self.change_and_reload(lambda: services.saved_remove(saved.name))
        self.app.notify(f"Deleted the saved search “{saved.name}”", markup=False)


def saved_text(s: SavedSearchRow) -> Text:
    text = Text.assemble((s.name, "bold"))
    if s.error:
        text.append(f"  {s.error}", style="red")
    elif s.count is None:
        text.append("  counting…", style="dim italic")
    else:
        text.append(f"  {s.count} hit{'s' if s.count != 1 else ''}", style="dim")
        if s.new_count:
            text.append(f"  +{s.new_count} new", style="bold green")
    text.append("\n")
    text.append(s.query, style="dim italic")
    return text
