"""The main screen: search bar, briefing list, and the open briefing's four panes.

Widgets post messages; this screen runs the thread workers that call
``app.services`` and handles their past-tense results. Search as you type
drops stale results twice over: the worker is exclusive, and a result whose
query is no longer the text in the search bar is ignored.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import DescendantFocus, Resize
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.messages import (
    BriefingDeleted,
    BriefingOpened,
    DeleteUndone,
    EvidenceRequested,
    ExportFinished,
    ExportWouldReplace,
    LibraryChanged,
    LibraryLoaded,
    RelatedRequested,
    SearchCompleted,
    SearchFailed,
    SearchRequested,
    ServiceFailed,
    StateChanged,
)
from tui.models import Deleted, ListRow, QueryProblem, SavedSearchRow, SearchOutcome
from tui.screens import reading
from tui.screens.reading import ReadingActions
from tui.widgets.briefing_list import BriefingList
from tui.widgets.briefing_view import PANES, BriefingView, PaneList
from tui.widgets.footer import KeyFooter
from tui.widgets.virtual import set_virtual_size

if TYPE_CHECKING:
    from tui.app import BriefApp

#: Below this width the panes stack; below WIDE they sit in a 2x2 grid, from WIDE four across.
NARROW, WIDE = 100, 200
#: ``O`` cycles through these: ``relevance`` (search hits best first, the library newest
#: first), ``date`` (newest first, hits too), ``source`` (grouped by source).
SORTS = ("relevance", "date", "source")
DOSSIER_LIMIT = 1000
#: seconds a highlighted row waits before it is opened (see ``open_briefing``)
OPEN_DELAY = 0.06
#: the same while typing in the search bar: each new result list highlights its first hit,
#: and opening it (a store read, four panes painted) would compete with the next key
TYPING_OPEN_DELAY = 0.3
#: seconds a search waits for the next key before it runs (a burst of keys, such as a held
#: backspace, runs one search; a typist's 100+ ms between keys never waits for this)
SEARCH_DELAY = 0.03
#: seconds after a search's hits are painted before the rest (off-screen snippets, "did you
#: mean") is made: typing on cancels it, so it never competes with the next key's search
FINISH_DELAY = 0.25


class SearchInput(Input):
    """The search bar: results follow as you type; ``esc`` goes back to the library."""

    BINDINGS = [
        Binding("escape", "clear", "Whole library", id="search.clear"),
        Binding("down", "to_list", "To results", id="search.to_list", show=False),
    ]

    def _watch_value(self, value: str) -> None:
        # Input's own watcher sets the virtual size as a layout reactive: a layout of the
        # whole screen per keystroke. Set first here, it finds nothing to change.
        set_virtual_size(self, Size(self.content_width, 1))
        super()._watch_value(value)

    def action_clear(self) -> None:
        self.value = ""
        self.screen.query_one(BriefingList).focus()

    def action_to_list(self) -> None:
        self.screen.query_one(BriefingList).focus()


class ReaderScreen(ReadingActions, Screen[None]):
    CSS_PATH = "reader.tcss"

    BINDINGS = [
        # priority: handled as the key arrives, before the keys queued behind it (see
        # action_search)
        Binding("slash", "search", "Search", id="reader.search", priority=True),
        Binding("escape", "back", "Back", id="reader.back", show=False),
        Binding("e", "export_briefing", "Export", id="reader.export"),
        Binding("E", "export_dossier", "Export list", id="reader.export_list", show=False),
        Binding("s", "saved_searches", "Saved", id="reader.saved"),
        Binding("w", "person_page", "Who", id="reader.who", show=False),
        Binding("c", "story", "Story (coverage by other outlets)", id="reader.story", show=False),
        Binding("C", "group_by_story", "Group by story", id="reader.group_stories", show=False),
        Binding("D", "digest", "Digest of the saved search", id="reader.digest", show=False),
        Binding("S", "save_search", "Save search", id="reader.save_search", show=False),
        Binding("n", "next_briefing", "Next briefing", id="reader.next", show=False),
        Binding("p", "previous_briefing", "Previous briefing", id="reader.previous", show=False),
        Binding("b,backspace", "history_back", "Back after a jump", id="reader.history_back", show=False),
        Binding("0", "focus_pane('list')", "Focus the list", id="reader.focus_list", show=False),
        Binding("1", "focus_pane('summary')", "Focus Summary", id="reader.focus_summary", show=False),
        Binding("2", "focus_pane('quotes')", "Focus Quotes", id="reader.focus_quotes", show=False),
        Binding("3", "focus_pane('figures')", "Focus Key figures", id="reader.focus_figures", show=False),
        Binding("4", "focus_pane('related')", "Focus Related", id="reader.focus_related", show=False),
        Binding("5", "focus_pane('entities')", "Focus People & keywords", id="reader.focus_entities", show=False),
        Binding("z", "zoom", "Maximise the pane / back", id="reader.zoom", show=False),
        Binding("O", "next_sort", "Sort by relevance / date / source", id="reader.sort", show=False),
        Binding("B", "group_by_source", "Group by source / ungroup", id="reader.group_sources", show=False),
        *reading.BINDINGS,
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.library_rows: list[ListRow] = []
        self.outcome: SearchOutcome | None = None
        self.search_error: str | None = None
        self.loaded = False
        #: why the library could not be loaded (a damaged store): shown as the status
        self.load_error: str | None = None
        self.open_id: str | None = None
        self.history: list[str] = []
        #: the briefings grouped by story (``O``), or None when the list is not grouped
        self.story_rows: list[ListRow] | None = None
        #: briefings deleted in this session, the last one first to be undone (``u``)
        self.deleted: list[Deleted] = []
        self.sort = "relevance"
        #: a briefing to put the cursor on once the library is loaded again (after an undo)
        self._pending_jump: str | None = None
        self._status_width = -1
        #: whether the search code and index were loaded ahead of the first search
        self._search_warm = False
        #: the error shown under the search bar (None: the line is hidden)
        self._hint: str | None = None
        #: set on mount, cleared by the first frame painted, which starts ``load_library``
        self._load_pending = False

    @property
    def brief_app(self) -> BriefApp:
        return self.app

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield SearchInput(placeholder='/ search: words, "phrases"', id="search")
            yield Static(Text("loading…", style="dim"), id="search-status")
        # a bad query's message, whole (wrapped): the status beside the bar has room for
        # a word or two only
        yield Static(id="search-hint")
        with Horizontal(id="main"):
            yield BriefingList(id="list")
            yield BriefingView(id="view")
        yield KeyFooter()

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None and settings.sort in SORTS:
            self.sort = settings.sort
        self.query_one(BriefingList).focus()
        # The library loads once the first frame is painted: the worker imports the
        # library and search code, which would otherwise hold the GIL while the first
        # frame is being made. (``call_after_refresh`` from here ran before the first
        # frame: on the idle before the first layout.)
        self._load_pending = True
        after_first_frame = getattr(self.app, "after_first_frame", None)  # a BriefApp's
        if after_first_frame is not None:
            after_first_frame(self._start_loading)
        # and in any case soon (another app in a test, or no frame painted)
        self.set_timer(1.0, self._start_loading)

    def _start_loading(self) -> None:
        if self._load_pending:
            self._load_pending = False
            self.load_library()

    def on_resize(self, event: Resize) -> None:
        width = event.size.width
        self.set_class(width < NARROW, "-narrow")
        self.set_class(width >= WIDE, "-wide")
        self.view.set_compact(width < NARROW)
        self._focus_classes(self.focused)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self._focus_classes(event.widget)

    def _focus_classes(self, focused: Widget | None) -> None:
        """``-reading`` (the stacked layout under 100 columns) and ``-zoom-list`` (z on the
        list), set only where a rule uses them: a class change restyles every widget of
        the screen, which cost the first frame one whole restyle (focusing the list) and
        every move between the list and a pane another."""
        self.set_class(self.has_class("-narrow") and isinstance(focused, PaneList), "-reading")
        zoom_list = self.has_class("-zoom") and isinstance(focused, BriefingList)
        self.set_class(zoom_list, "-zoom-list")

    @property
    def query_text(self) -> str:
        return self.query_one(SearchInput).value.strip()

    @property
    def briefing_list(self) -> BriefingList:
        return self.query_one(BriefingList)

    @property
    def view(self) -> BriefingView:
        return self.query_one(BriefingView)

    # -- workers: every call to the library, search and export happens here --------------------

    def _guard(self, job: Callable[[], Any]) -> None:
        try:
            job()
        except Exception as exc:  # shown as one line; the UI keeps running
            self.post_message(ServiceFailed(_one_line(exc)))

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        services = self.brief_app.services

        def job() -> None:
            if not self.loaded:
                services.ensure_readable()
                added = services.seed_if_empty()
                if added:
                    self.app.call_from_thread(
                        self.app.notify,
                        f"Added the {added} bundled sample articles so there is something to read.",
                        markup=False,
                    )
            services.changed()  # the baseline for the live-library poll
            self.post_message(LibraryLoaded(services.summaries(self.sort)))

        self._guard(job)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_briefing(
        self, briefing_id: str, delay: float = OPEN_DELAY, mark_read: bool = False
    ) -> None:
        # A short pause first: while the cursor moves fast (j held down), the next
        # highlight cancels this worker and only the row it stops on is opened.
        time.sleep(delay)
        if get_current_worker().is_cancelled:
            return
        services = self.brief_app.services

        def job() -> None:
            opened = services.open(briefing_id, mark_read=mark_read)
            self.post_message(BriefingOpened(opened))
            if mark_read:
                self.post_message(StateChanged(briefing_id, read=True))

        self._guard(job)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, first_snippets: int | None = None) -> None:
        """The hits first (with the snippets of the rows on screen), then the rest of the
        snippets and "did you mean"; a newer search cancels both steps."""
        worker = get_current_worker()
        time.sleep(SEARCH_DELAY)  # typing on: the next key cancels this search before it runs
        if worker.is_cancelled:
            return
        services = self.brief_app.services

        def cancelled() -> bool:
            return worker.is_cancelled

        try:
            outcome = services.search(
                query, sort=self.sort, first_snippets=first_snippets, cancelled=cancelled
            )
            if outcome is None:
                return
        except QueryProblem as exc:
            self.post_message(SearchFailed(query, str(exc)))
            return
        except Exception as exc:
            self.post_message(SearchFailed(query, _one_line(exc)))
            return
        self.post_message(SearchCompleted(outcome))
        if outcome.complete:
            return
        time.sleep(FINISH_DELAY)
        try:
            finished = services.finish_search(outcome, cancelled=cancelled)
        except Exception:  # the hits are on screen: they can do without the extras
            logging.getLogger(__name__).warning(
                "finishing the search %r failed", query, exc_info=True
            )
            return
        if finished is not None and not worker.is_cancelled:
            self.post_message(SearchCompleted(finished))

    @work(thread=True, exclusive=True, group="saved-run", exit_on_error=False)
    def mark_saved_opened(self, name: str) -> None:
        services = self.brief_app.services
        self._guard(lambda: services.saved_run(name))

    @work(thread=True, exclusive=True, group="saved-add", exit_on_error=False)
    def add_saved(self, name: str, query: str) -> None:
        services = self.brief_app.services

        def job() -> None:
            services.saved_add(name, query)
            self.app.call_from_thread(
                self.app.notify, f"Saved the search as “{name}”", markup=False
            )

        self._guard(job)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, ids: list[str], query: str | None, replace: bool = False) -> None:
        """One briefing (``query`` None) or a dossier named after ``query`` ('' = library);
        an existing dossier is replaced only once the user said so (``replace``)."""
        from tui.services import ExportExists

        services = self.brief_app.services

        def job() -> None:
            if query is None:
                self.post_message(ExportFinished(services.export_briefing(ids[0]), "briefing"))
                return
            try:
                done = services.export_dossier(ids, query or None, replace=replace)
            except ExportExists as exc:
                self.post_message(ExportWouldReplace(str(exc.path), ids, query))
                return
            self.post_message(ExportFinished(done, f"dossier of {len(ids)} briefings"))

        self._guard(job)

    # -- results --------------------------------------------------------------------------------

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.call_after_refresh(self._start_finished)  # once the list is painted
        self.library_rows = message.rows
        self.loaded = True
        lst = self.briefing_list
        lst.empty_text = (
            "The library is empty. Add articles with 'brief ingest PATH' in another "
            "terminal: they appear here."
        )
        jump = self._pending_jump
        if not self.query_text and self.story_rows is None:
            lst.set_rows(message.rows, keep_id=jump or self.open_id)
            if not message.rows:
                self._show_nothing("The library is empty.")
        if jump is not None:
            self._pending_jump = None
            if lst.index_of(jump) is None:
                self._open(jump)
        self._update_status()

    def on_library_changed(self, message: LibraryChanged) -> None:
        self.load_library()
        if self.query_text:
            self.run_search(self.query_text)
        if self.open_id:
            self.open_briefing(self.open_id)

    def on_briefing_opened(self, message: BriefingOpened) -> None:
        if message.opened.briefing.id != self.open_id:
            return  # the user has moved on
        self.view.show(message.opened)
        self.briefing_list.open_id = self.open_id
        if not self._search_warm:
            self._search_warm = True
            self.warm_search()

    @work(thread=True, exclusive=True, group="warm", exit_on_error=False)
    def warm_search(self) -> None:
        """The search code, loaded while the user reads the first briefing."""
        services = self.brief_app.services
        try:
            services.warm_search()
        except Exception:  # the first search will say what is wrong
            logging.getLogger(__name__).warning("loading the search code failed", exc_info=True)

    def _show_nothing(self, why: str) -> None:
        """No briefing open (a search without hits, an empty library)."""
        self.open_id = None
        self.briefing_list.open_id = None
        self.view.clear(why)

    def on_state_changed(self, message: StateChanged) -> None:
        """Show a new reading state in the list rows and the open briefing."""
        changes: dict[str, object] = {
            k: v
            for k, v in (
                ("read", message.read),
                ("starred", message.starred),
                ("tags", message.tags),
            )
            if v is not None
        }
        from dataclasses import replace

        def update(rows: list[ListRow]) -> None:
            for i, row in enumerate(rows):
                if row.id == message.briefing_id:
                    rows[i] = replace(row, **changes)  # type: ignore[arg-type]

        update(self.library_rows)
        if self.outcome is not None:
            update(self.outcome.rows)
        self.briefing_list.update_row(message.briefing_id, **changes)
        opened = self.view.opened
        if opened is not None and opened.briefing.id == message.briefing_id:
            for key, value in changes.items():
                setattr(opened, key, value)
            self.view.show_state()
        if message.starred is not None:
            self.app.notify("Starred" if message.starred else "Unstarred", timeout=2)
        elif message.tags is not None:
            tags = " ".join(f"#{t}" for t in message.tags) or "none"
            self.app.notify(f"Tags: {tags}", markup=False, timeout=2)

    def on_briefing_deleted(self, message: BriefingDeleted) -> None:
        deleted = message.deleted
        self.deleted.append(deleted)
        self.history = [h for h in self.history if h != deleted.briefing_id]
        self.library_rows = [r for r in self.library_rows if r.id != deleted.briefing_id]
        if self.outcome is not None:
            self.outcome.rows[:] = [r for r in self.outcome.rows if r.id != deleted.briefing_id]
        self.briefing_list.remove_row(deleted.briefing_id)
        if not self.briefing_list.rows:
            self._show_nothing("No briefings left in the list.")
        self._update_status()
        self.app.notify(f"Deleted “{deleted.title}”. u brings it back.", markup=False, timeout=6)

    def on_delete_undone(self, message: DeleteUndone) -> None:
        if not message.restored:
            self.app.notify("Could not undo: the briefing was added again meanwhile.")
            return
        self.app.notify(f"Restored “{message.deleted.title}”", markup=False, timeout=3)
        self.history.append(message.deleted.briefing_id)
        self._pending_jump = message.deleted.briefing_id
        self.load_library()
        if self.query_text:
            self.run_search(self.query_text)

    def on_export_would_replace(self, message: ExportWouldReplace) -> None:
        from tui.screens.prompt import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self.export(message.ids, message.query, True)
            else:
                self.app.notify("Kept the existing dossier.", timeout=3)

        name = message.path.rsplit("/", 1)[-1]
        question = Confirm("Replace the existing dossier?", f"{name} in the export folder")
        self.app.push_screen(question, answered)

    def on_search_requested(self, message: SearchRequested) -> None:
        search = self.query_one(SearchInput)
        search.value = message.query
        self.briefing_list.focus()

    def on_search_completed(self, message: SearchCompleted) -> None:
        if message.outcome.query != self.query_text:
            return  # stale: the input has changed since
        before, self.outcome = self.outcome, message.outcome
        self.search_error = None
        self._show_hint(None)
        lst = self.briefing_list
        lst.empty_text = "No briefings match."
        if (
            before is None
            or before.query != message.outcome.query
            or not lst.fill_rows(message.outcome.rows)
        ):
            lst.set_rows(message.outcome.rows, snippets=True, keep_id=self.open_id)
        if not message.outcome.rows:
            self._show_nothing("No briefing open: nothing matches the search.")
        elif lst.current is not None and lst.current.id != self.open_id:
            # the same hits as before the last key (no new highlight): the key put off
            # opening the first of them (``search_changed``), so ask again
            typing = isinstance(self.focused, SearchInput)
            self._open(lst.current.id, delay=TYPING_OPEN_DELAY if typing else OPEN_DELAY)
        self._update_status()

    def on_search_failed(self, message: SearchFailed) -> None:
        if message.query != self.query_text:
            return
        self.search_error = message.error
        self._show_hint(message.error)
        self._update_status()

    def on_export_finished(self, message: ExportFinished) -> None:
        done = message.done
        again = " (replacing the earlier export)" if done.replaced else ""
        self.app.notify(f"Exported the {message.what} to {done.path}{again}", markup=False)

    def _start_finished(self) -> None:
        start_finished = getattr(self.app, "start_finished", None)  # a BriefApp's
        if start_finished is not None:
            start_finished()

    def on_service_failed(self, message: ServiceFailed) -> None:
        self._start_finished()
        self.app.notify(message.error, severity="error", markup=False, timeout=8)
        if not self.loaded:  # the load itself failed: say so where "loading…" was
            self.load_error = message.error
            self.briefing_list.empty_text = message.error
            self.briefing_list.refresh()
            self._update_status()

    def _update_status(self) -> None:
        status = self.query_one("#search-status", Static)
        query = self.query_text
        if not self.loaded:
            text = (
                Text(self.load_error, style="bold red")
                if self.load_error
                else Text("loading…", style="dim")
            )
        elif query and self.search_error:
            text = Text("bad query", style="bold red")
        elif query and self.outcome is not None and self.outcome.query == query:
            total = self.outcome.total
            shown = str(total) if self.outcome.total_exact else f"{total:,}+"
            text = Text.assemble((f"{shown} hit{'s' if total != 1 else ''}", "bold"))
            if self.outcome.suggestion:
                text.append(f" · did you mean {self.outcome.suggestion}?", style="dim")
        elif query:
            text = Text("searching…", style="dim")
        elif self.story_rows is not None:
            text = Text(f"{len(self.story_rows)} briefings in stories · O: all", style="dim")
        else:
            n = len(self.library_rows)
            text = Text(f"{n} briefing{'s' if n != 1 else ''}", style="dim")
        if self.sort != "relevance" and self.loaded and not (query and self.search_error):
            text.append(f" · by {self.sort}", style="dim")
        # The status is as wide as its text, but while a search is typed it only grows
        # ("searching…", "12 hits", "1,000+ hits"): a change of width is a layout of the
        # whole screen, a few ms of CPU per keystroke. Shorter text is right-aligned.
        width = max(text.cell_len, self._status_width) if query else text.cell_len
        if width != self._status_width:
            status.styles.width = width + status.styles.padding.width
            self._status_width = width
        status.update(text, layout=False)

    def _show_hint(self, error: str | None) -> None:
        """The search error under the bar, or nothing. It stays while the next query is
        typed, until that query's outcome: hiding and showing it on each key moved the
        whole screen (and is a layout each time)."""
        if error == self._hint:
            return
        self._hint = error
        hint = self.query_one("#search-hint", Static)
        if error:
            hint.update(Text.assemble(("✗ ", "bold"), error))
        hint.display = bool(error)

    # -- widget requests ---------------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        self.search_error = None
        self.story_rows = None
        # Typing on postpones opening the first hit (TYPING_OPEN_DELAY after the last
        # key): a briefing opened between two keys (a store read, five panes laid out)
        # competed with the next key's search.
        self.workers.cancel_group(self, "open")
        shown = self.view.opened
        self.open_id = shown.briefing.id if shown is not None else None
        if not query:
            self._show_hint(None)
            self.outcome = None
            self.briefing_list.empty_text = "Nothing here yet."
            self.briefing_list.set_rows(self.library_rows, keep_id=self.open_id)
            if not self.library_rows and self.loaded:
                self._show_nothing("The library is empty.")
        else:
            self.run_search(query, self._rows_on_screen())
        self._update_status()

    def _rows_on_screen(self) -> int:
        """How many search hits the list shows at once (they get their snippets first)."""
        return max(1, self.briefing_list.size.height) // 3 + 1

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.briefing_list.focus()

    def on_briefing_list_highlighted(self, message: BriefingList.Highlighted) -> None:
        typing = isinstance(self.focused, SearchInput)
        self._open(message.row.id, delay=TYPING_OPEN_DELAY if typing else OPEN_DELAY)

    def on_briefing_list_selected(self, message: BriefingList.Selected) -> None:
        self._open(message.row.id, mark_read=True)
        self.view.pane("summary").focus()

    def _open(self, briefing_id: str, delay: float = OPEN_DELAY, mark_read: bool = False) -> None:
        """Show a briefing; ``mark_read`` when the user opened it (enter, a click, a jump),
        not when the cursor only passed over it."""
        if briefing_id != self.open_id or mark_read:
            self.open_id = briefing_id
            self.open_briefing(briefing_id, delay, mark_read)

    def on_evidence_requested(self, message: EvidenceRequested) -> None:
        opened = self.view.opened
        if opened is None:
            return
        from tui.screens.evidence import EvidenceScreen, Passage
        from tui.widgets.briefing_view import evidence_span

        echoes = (
            opened.echoes.get(message.quote_index, []) if message.quote_index is not None else []
        )
        b = opened.briefing
        count = {"quotes": len(b.quotes), "figures": len(b.figures), "summary": len(b.summary)}
        passages = []
        for i in range(count.get(message.pane, 0)):
            start, end, label, quote = evidence_span(b, message.pane, i)
            passages.append(
                Passage(
                    label, start, end, opened.echoes.get(quote, []) if quote is not None else []
                )
            )
        self.app.push_screen(
            EvidenceScreen(
                b,
                message.label,
                message.start,
                message.end,
                echoes,
                passages=passages or None,
                position=message.index,
            )
        )

    def on_related_requested(self, message: RelatedRequested) -> None:
        self.jump_to(message.briefing_id)

    def jump_to(self, briefing_id: str, *, remember: bool = True) -> None:
        if remember and self.open_id and self.open_id != briefing_id:
            self.history.append(self.open_id)
        index = self.briefing_list.index_of(briefing_id)
        if index is not None:
            self.briefing_list.cursor = index
        self._open(briefing_id, mark_read=True)
        self.view.pane("summary").focus()

    # -- actions ------------------------------------------------------------------------------------

    def action_search(self) -> None:
        """Focus the search bar at once. The binding has priority, so it runs when the app
        receives '/', and the focus moves before the app hands on the keys that arrived in
        the same burst (a paste, a fast typist); without it they went to the list as
        commands. In the search bar itself, '/' is typed."""
        search = self.query_one(SearchInput)
        if search.has_focus:
            search.insert_text_at_cursor("/")
            return
        self.set_focus(search)

    def action_back(self) -> None:
        if isinstance(self.focused, PaneList):
            self.briefing_list.focus()
        elif self.query_text:
            self.query_one(SearchInput).action_clear()

    def action_focus_pane(self, pane: str) -> None:
        if pane == "list":
            self.briefing_list.focus()
        elif pane in PANES:
            self.view.pane(pane).focus()

    def action_next_briefing(self) -> None:
        self.briefing_list.cursor += 1

    def action_previous_briefing(self) -> None:
        self.briefing_list.cursor -= 1

    def action_history_back(self) -> None:
        if self.history:
            self.jump_to(self.history.pop(), remember=False)
        else:
            self.app.notify("No earlier briefing to go back to.", markup=False)

    def action_export_briefing(self) -> None:
        if self.open_id is None or self.view.opened is None:
            self.app.notify("No briefing open: nothing to export.", severity="warning")
            return
        self.export([self.open_id], None)

    def action_export_dossier(self) -> None:
        rows = self.briefing_list.rows
        if not rows:
            self.app.notify("The list is empty: nothing to export.", severity="warning")
            return
        if len(rows) > DOSSIER_LIMIT:
            self.app.notify(
                f"The list has {len(rows)} briefings: exporting the first {DOSSIER_LIMIT}.",
                severity="warning",
            )
        self.export([r.id for r in rows[:DOSSIER_LIMIT]], self.query_text)

    def action_person_page(self) -> None:
        """The person page of the highlighted quote's speaker (in the Quotes pane) or of the
        highlighted person or organisation (in the People pane), else of the open
        briefing's first speaker."""
        b = self.view.briefing
        if b is None:
            self.app.notify("Open a briefing first.", severity="warning")
            return
        quotes = self.view.pane("quotes")
        people = self.view.pane("entities")
        speakers = b.speakers()
        at = quotes.highlighted
        if (
            self.focused is quotes
            and at is not None
            and at < len(b.quotes)
            and b.quotes[at].speaker
        ):
            speakers = [b.quotes[at].speaker or ""]
        at = people.highlighted
        if (
            self.focused is people
            and at is not None
            and at < len(b.entities)
            and b.entities[at].kind in ("person", "organisation")
        ):
            speakers = [b.entities[at].name]
        if not speakers:
            message = (
                "No quote in this briefing has a named speaker."
                if b.quotes
                else "Nobody is quoted in this briefing."
            )
            self.app.notify(message, severity="warning")
            return
        from tui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(speakers[0]))

    def action_story(self) -> None:
        """The story the open briefing is part of: the other outlets' versions."""
        if self.open_id is None:
            self.app.notify("Open a briefing first.", severity="warning")
            return
        from tui.screens.story import StoryScreen

        self.app.push_screen(StoryScreen(self.open_id))

    def action_digest(self) -> None:
        """What the current saved search gained since its last digest."""
        query = self.query_text
        if not query:
            self.app.notify("Open a saved search first (s).", severity="warning")
            return
        from tui.screens.story import DigestScreen

        self.app.push_screen(DigestScreen(query))

    def action_group_by_story(self) -> None:
        """The list grouped by story (only briefings in a story), or back to the library."""
        if self.story_rows is not None:
            self.story_rows = None
            self.briefing_list.set_rows(self.library_rows, keep_id=self.open_id)
            self._update_status()
            return
        if self.query_text:
            self.query_one(SearchInput).value = ""
        self.load_story_rows()

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def load_story_rows(self) -> None:
        from tui.screens.story import StoriesLoaded

        services = self.brief_app.services
        self._guard(lambda: self.post_message(StoriesLoaded(services.story_rows())))

    def on_stories_loaded(self, message: Any) -> None:
        self.story_rows = message.rows
        lst = self.briefing_list
        lst.empty_text = "No stories yet: no two outlets' briefings report the same event."
        lst.set_rows(message.rows, snippets=True, keep_id=self.open_id)

    def action_zoom(self) -> None:
        """The focused pane (or the list) alone on screen, and back."""
        self.set_class(isinstance(self.focused, BriefingList), "-zoom-list")
        self.toggle_class("-zoom")

    def action_group_by_source(self) -> None:
        """A header line over each source's briefings (sorting by source), and back."""
        lst = self.briefing_list
        on = not lst.group_by_source
        lst.set_group_by_source(on)
        self.app.notify("Grouped by source" if on else "Not grouped", timeout=2)
        if on and self.sort != "source":
            self.sort = "source"
            self._resort()

    def action_next_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if self.sort != "source":
            self.briefing_list.set_group_by_source(False)
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            settings.remember("sort", self.sort)
        self.app.notify(f"Sorted by {self.sort}", timeout=2)
        self._resort()

    def _resort(self) -> None:
        self.load_library()
        if self.query_text:
            self.outcome = None
            self.run_search(self.query_text)
        self._update_status()

    def action_saved_searches(self) -> None:
        from tui.screens.saved import SavedSearchesScreen

        def chosen(saved: SavedSearchRow | None) -> None:
            if saved is not None:
                self.query_one(SearchInput).value = saved.query
                self.mark_saved_opened(saved.name)
                self.briefing_list.focus()

        self.app.push_screen(SavedSearchesScreen(self.query_text), chosen)

    def action_save_search(self) -> None:
        query = self.query_text
        if not query:
            self.app.notify("Type a search first (/), then save it.", severity="warning")
            return
        from tui.screens.prompt import NamePrompt

        def named(name: str | None) -> None:
            if name:
                self.add_saved(name, query)

        self.app.push_screen(NamePrompt("Save this search as", query), named)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
