"""The one place the reader calls the library, the search index and export.

Every method here runs in a worker thread, never on the UI thread. The
Textual app only sees the small view models defined below, so the search and
export layers can change their classes without touching a widget.

One SQLite connection (a ``Library``) is shared by the worker threads behind a
lock, so it is never used by two threads at once. The live-library poll has
its own connection because ``PRAGMA data_version`` only means something when
asked twice on the same connection.

Search is the ``search`` package (a Whoosh index next to the store, brought
up to date from the store's outbox); export is ``briefings.export`` (files go
to ``$BRIEF_EXPORT_DIR`` or the documents folder, as for ``brief export``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from briefings.library import ChangeWatch, Library, LibraryError
from briefings.models import Briefing, BriefingSummary
from tui.models import (
    Deleted,
    ExportDone,
    ListRow,
    OpenedBriefing,
    QueryProblem,
    QuoteEcho,
    SavedSearchRow,
    SearchOutcome,
    ServiceError,
)

if TYPE_CHECKING:
    # Imported where first used: Whoosh and the search package cost about 100 ms of CPU,
    # which the list of the library does not need (the reader warms them up once the
    # first briefing is open: ``warm_search``).
    from search import SavedSearches, SearchIndex, SearchResults

__all__ = [
    "Deleted",
    "ExportDone",
    "ListRow",
    "OpenedBriefing",
    "QueryProblem",
    "QuoteEcho",
    "SavedSearchRow",
    "SearchOutcome",
    "ServiceError",
    "Services",
]

T = TypeVar("T")
#: Snippets made per turn of the lock when a quick search is finished.
FINISH_BATCH = 5


class ExportExists(ServiceError):
    """The file an export would write exists already (the reader asks before replacing)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists already")
        self.path = path


# The view models live in tui.models (importable without the library or the index).


def row_for(summary: BriefingSummary) -> ListRow:
    return ListRow(summary.id, summary.title, summary.source, summary.published)


# -- the services --------------------------------------------------------------------------------


class Services:
    """Library, search and export for the reader, called from worker threads only."""

    def __init__(
        self,
        library_dir: Path,
        *,
        export_dir: Path | None = None,
        seed_samples: bool = False,
        on_notice: Callable[[str], None] | None = None,
    ) -> None:
        self.library_dir = Path(library_dir)
        #: called (from a worker thread) with what the user must be told about the
        #: library that no command prints in the reader: an upgrade of an older store
        self.on_notice = on_notice
        #: every such notice so far (shown or not)
        self.notices: list[str] = []
        self.export_dir = Path(export_dir) if export_dir is not None else None
        #: add the bundled samples to the library if it is empty (the default library)
        self.seed_samples = seed_samples
        self._lock = threading.RLock()
        self._library: Library | None = None
        self._index: SearchIndex | None = None
        self._saved: SavedSearches | None = None
        self._watch: ChangeWatch | None = None
        self._last_seen: tuple[int, int, str | None] | None = None

    # -- plumbing --------------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[Library]:
        with self._lock:
            if self._library is None:
                try:
                    self._library = Library(self.library_dir)
                except LibraryError as exc:
                    raise ServiceError(str(exc)) from None
                if self._library.migrated:
                    self._notice(self._library.migrated)
            yield self._library

    def _notice(self, message: str) -> None:
        self.notices.append(message)
        if self.on_notice is not None:
            with suppress(Exception):  # telling must never keep the library from opening
                self.on_notice(message)

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None
            if self._watch is not None:
                self._watch.close()
                self._watch = None

    def _search_index(self, library: Library) -> SearchIndex:
        if self._index is None:
            from search import SearchIndex

            self._index = SearchIndex(library)
            self._index.share_searcher()  # every call to it holds self._lock
            self._index.sync()  # catch up with changes made while the reader was closed
        return self._index

    def _saved_searches(self, library: Library) -> SavedSearches:
        if self._saved is None:
            from search import SavedSearches

            self._saved = SavedSearches(library, self._search_index(library))
        return self._saved

    # -- the library -------------------------------------------------------------------------------

    def summaries(self, sort: str = "relevance") -> list[ListRow]:
        """Every briefing (newest first, or by source), with its reading state."""
        with self._locked() as library:
            states = library.reading_states()
            rows = [_with_state(ListRow(*row), states.get(row[0])) for row in library.listing()]
        return sort_rows(rows, sort)

    def open(self, briefing_id: str, *, mark_read: bool = False) -> OpenedBriefing:
        """A briefing with the quotes that its related briefings also carry (and marked
        read, when the user opened it rather than moved past it)."""
        with self._locked() as library:
            briefing = library.get(briefing_id)
            others = library.get_many([r.id for r in briefing.related if r.id != briefing.id])
            if mark_read:
                # a library that cannot be written (read-only, busy) still opens
                with suppress(LibraryError):
                    library.set_read([briefing_id])
            state = library.reading_states([briefing_id]).get(briefing_id)
        opened = OpenedBriefing(briefing, quote_echoes(briefing, others))
        if state is not None:
            opened.read, opened.starred, opened.tags = state.read, state.starred, state.tags
        return opened

    # -- reading state ---------------------------------------------------------------------------

    def set_read(self, briefing_id: str, read: bool) -> None:
        with self._locked() as library:
            library.set_read([briefing_id], read)

    def set_starred(self, briefing_id: str, starred: bool) -> None:
        with self._locked() as library:
            library.set_starred([briefing_id], starred)

    def set_tags(self, briefing_id: str, tags: list[str]) -> tuple[str, ...]:
        with self._locked() as library:
            return library.set_tags(briefing_id, tags)

    def delete(self, briefing_id: str) -> Deleted:
        """Delete a briefing (the index and other briefings' related lists follow)."""
        with self._locked() as library:
            removed = library.remove(briefing_id)
            if removed is None:
                raise ServiceError(f"no briefing with id {briefing_id}")
            self._search_index(library).sync()
        return Deleted(briefing_id, str(removed.row.get("title") or ""), removed)

    def undo_delete(self, deleted: Deleted) -> bool:
        from briefings.library import RemovedBriefing

        assert isinstance(deleted.removed, RemovedBriefing)
        with self._locked() as library:
            restored = library.restore(deleted.removed)
            self._search_index(library).sync()
        return restored

    def ensure_readable(self) -> None:
        """SQLite's quick check once, at start-up (skipped while the store file is as at
        a clean check today, ``tui.storecheck``): a damaged store is one line with the
        way out (``ServiceError``) instead of a list that is silently short or a hang."""
        from tui import storecheck

        with self._locked() as library:
            try:
                storecheck.ensure_readable(library)
            except LibraryError as exc:
                raise ServiceError(str(exc)) from None

    def seed_if_empty(self) -> int:
        """The bundled samples into an empty default library (once: a flag in the store
        remembers it), with their index and related lists; how many were added."""
        import os

        if not self.seed_samples or os.environ.get("BRIEF_NO_SAMPLES") == "1":
            return 0
        self.seed_samples = False
        from briefings.pipeline import seed_samples

        with self._locked() as library:
            if library.read_only:
                return 0
            report = seed_samples(library)
            if report is None or not report.ingested:
                return 0
            self._search_index(library).sync()
            return report.ingested

    def changed(self) -> bool:
        """Whether the store changed since the last call (cheap: meant to be polled)."""
        with self._locked() as library:  # creates the store on first use
            if self._watch is None:
                self._watch = library.watch()
            version = self._watch.version()
            if self._last_seen is not None and self._last_seen[0] == version:
                return False
            count, newest = self._watch.contents()
            seen = (version, count, newest)
            before, self._last_seen = self._last_seen, seen
            if before is None or before[1:] == seen[1:]:
                return False
            index = self._index
            if index is not None:
                index.sync()
            return True

    # -- search --------------------------------------------------------------------------------

    def warm_search(self) -> None:
        """Load the search code ahead of the first search (the reader calls it once the
        first briefing is open, so that neither the list nor the first keystroke waits
        for it). The index itself is opened, and brought up to date, by the first search
        as before."""
        import search  # noqa: F401

    def search(
        self,
        query: str,
        *,
        sort: str = "relevance",
        limit: int = 100,
        first_snippets: int | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchOutcome | None:
        """Hits for ``query``; None when ``cancelled()`` says so once it is our turn to run
        (searches queue on the lock: a query typed over need not run at all).

        ``first_snippets=N`` is the quick search of search-as-you-type: only the first N
        rows get their snippet (the others None) and there is no "did you mean" yet;
        ``finish_search`` adds them once the hits are on screen."""
        with self._locked() as library:
            if cancelled is not None and cancelled():
                return None
            index = self._search_index(library)
            quick = first_snippets is not None
            results = _run_query(
                lambda: index.search(
                    query,
                    limit=limit,
                    sort="date" if sort == "date" else "relevance",
                    facets=False,
                    snippets=first_snippets,
                    suggest=not quick,
                )
            )
            outcome = _outcome(query, results, library.reading_states(), sort)
            if not quick:
                return outcome
            rows = [
                r if i < (first_snippets or 0) else _with_snippet(r, None)
                for i, r in enumerate(outcome.rows)
            ]
            return SearchOutcome(
                query, outcome.total, rows, None, complete=False, total_exact=outcome.total_exact
            )

    def finish_search(
        self, outcome: SearchOutcome, *, cancelled: Callable[[], bool] | None = None
    ) -> SearchOutcome | None:
        """A quick search's outcome with every snippet and "did you mean" filled in; None
        when ``cancelled()`` (checked between small batches, so that a newer search
        waiting for the lock gets it soon)."""
        if outcome.complete:
            return outcome
        with self._locked() as library:
            if cancelled is not None and cancelled():
                return None
            index = self._search_index(library)
            suggestion = _run_query(lambda: index.suggestion(outcome.query, outcome.total))
        pending = [r.id for r in outcome.rows if r.snippet is None]
        snippets: dict[str, Any] = {}
        for start in range(0, len(pending), FINISH_BATCH):
            with self._locked() as library:
                if cancelled is not None and cancelled():
                    return None
                index = self._search_index(library)
                chunk = pending[start : start + FINISH_BATCH]
                snippets.update(_run_query(partial(index.highlights, outcome.query, chunk)))
        rows = [
            r if r.snippet is not None else _with_snippet(r, snippets.get(r.id, ()))
            for r in outcome.rows
        ]
        return SearchOutcome(
            outcome.query, outcome.total, rows, suggestion, total_exact=outcome.total_exact
        )

    def copy_text(self, briefing_id: str, quote: int | None) -> str:
        """A quote with its citation ("quote" — Speaker, Role, Source, Date, URL), or
        the briefing's citation when ``quote`` is None."""
        from tui.citation import citation

        with self._locked() as library:
            briefing = library.get(briefing_id)
        return citation(briefing, quote)

    def markdown(self, briefing_id: str) -> str:
        """The briefing as the Markdown ``brief export`` writes (for ``|``)."""
        from datetime import UTC, datetime

        from briefings.export import brief_version, briefing_markdown

        with self._locked() as library:
            briefing = library.get(briefing_id)
            state = library.reading_states([briefing_id]).get(briefing_id)
        return briefing_markdown(
            briefing,
            exported_at=datetime.now(UTC),
            version=brief_version(),
            tags=state.tags if state else (),
        )

    def original(self, briefing_id: str) -> str | None:
        """Where the article came from, to open: its URL, or its file if it is still there."""
        from tui.citation import original_location

        with self._locked() as library:
            return original_location(library.get(briefing_id))

    def saved_list(self) -> list[SavedSearchRow]:
        """Every saved search with its counts (each runs its query twice)."""
        return [self.saved_counted(row) for row in self.saved_entries()]

    def saved_entries(self) -> list[SavedSearchRow]:
        """Every saved search, not counted yet (``count`` None): cheap, so the modal
        lists them at once and fills in the counts after (``saved_counted``)."""
        with self._locked() as library:
            return [
                SavedSearchRow(name=name, query=query, count=None, opened=opened)
                for name, query, opened in self._saved_searches(library).entries()
            ]

    def saved_counted(self, row: SavedSearchRow) -> SavedSearchRow:
        with self._locked() as library:
            s = self._saved_searches(library).describe(row.name, row.query, row.opened)
        return replace(
            row,
            count=int(s.count or 0),
            new_count=int(s.new_count or 0),
            error=s.error,
        )

    def saved_add(self, name: str, query: str) -> None:
        self._saved_call("add", name, query)

    def saved_rename(self, old: str, new: str) -> None:
        self._saved_call("rename", old, new)

    def saved_remove(self, name: str) -> None:
        self._saved_call("remove", name)

    def saved_run(self, name: str) -> SearchOutcome:
        """Run a saved search and mark it opened (its new-hit count starts again)."""
        with self._locked() as library:
            saved = self._saved_searches(library)
            query = next((q for n, q, _ in saved.entries() if n == name), name)
            try:
                stamp = saved.opened_stamp(name)
            except (KeyError, ValueError, LookupError):
                stamp = None  # the run below says what is wrong
            results = _run_query(lambda: saved.run(name))
            outcome = _outcome(query, results, library.reading_states())
            fresh = library.added_since(stamp) if stamp else set()
            if fresh:
                rows = [replace(r, new=True) if r.id in fresh else r for r in outcome.rows]
                outcome = replace(outcome, rows=rows)
            return outcome

    def _saved_call(self, method: str, *args: str) -> None:
        with self._locked() as library:
            try:
                getattr(self._saved_searches(library), method)(*args)
            except (KeyError, ValueError, LookupError) as exc:
                raise ServiceError(_one_line(exc)) from None

    # -- export --------------------------------------------------------------------------------

    def export_briefing(self, briefing_id: str) -> ExportDone:
        """Write the briefing's Markdown file (replacing an earlier export of it)."""
        from briefings.export import plan_briefings

        with self._locked() as library:
            briefing = library.get(briefing_id)
            state = library.reading_states([briefing_id]).get(briefing_id)
        tags = {briefing_id: state.tags} if state else None
        (planned,) = plan_briefings([briefing], self._export_folder(), tags=tags)
        return self._write(planned)

    def export_dossier(
        self, ids: list[str], query: str | None, *, replace: bool = False
    ) -> ExportDone:
        """One Markdown dossier of ``ids`` (the current result list), named after ``query``;
        raises ``ExportExists`` rather than replace an existing file unless ``replace``."""
        from briefings.export import plan_dossier

        with self._locked() as library:
            briefings = library.get_many(ids)
            stories = library.story_of(ids)
        planned = plan_dossier(briefings, self._export_folder(), query=query, stories=stories)
        if planned.path.exists() and not replace:
            raise ExportExists(planned.path)
        return self._write(planned)

    def _export_folder(self) -> Path:
        from briefings.export import default_export_dir

        folder = self.export_dir or default_export_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ServiceError(f"cannot write exports to {folder}: {exc.strerror or exc}") from None
        return folder

    @staticmethod
    def _write(planned: Any) -> ExportDone:
        from briefings.export import write_planned

        replaced = planned.path.exists()
        try:
            (path,) = write_planned([planned], force=True)
        except OSError as exc:
            raise ServiceError(f"cannot write {planned.path}: {exc.strerror or exc}") from None
        return ExportDone(path, replaced)

    # -- people and stories ----------------------------------------------------------------------

    def person_page(self, name: str) -> Any:
        """The person page of ``name`` (a ``briefings.people.PersonPage``)."""
        from briefings.people import AmbiguousName, person_page
        from search.people import person_candidates

        with self._locked() as library:
            index = self._search_index(library)
            briefings = library.get_many(sorted(person_candidates(index, name)))
        try:
            return person_page(name, briefings)
        except AmbiguousName as exc:
            raise ServiceError(str(exc)) from None

    def digest_for_query(self, query: str) -> Any:
        """The digest (``briefings.digest.Digest``) of the saved search whose query is
        ``query``, which moves its mark; None when no saved search has that query."""
        from search.digests import make_digest

        with self._locked() as library:
            saved = self._saved_searches(library)
            name = next((n for n, q, _ in saved.entries() if q.strip() == query.strip()), None)
            if name is None:
                return None
            return _run_query(lambda: make_digest(library, self._search_index(library), name))

    def story_rows(self) -> list[ListRow]:
        """Every briefing that is in a story, grouped by story (newest story first, its
        members earliest first); each row's snippet names its story."""
        from briefings.stories import list_stories

        with self._locked() as library:
            self._search_index(library)
            stories = list_stories(library)
        rows: list[ListRow] = []
        for story in stories:
            label = (
                f"Story {story.id} · {len(story.members)} briefings, {len(story.outlets)} outlets"
            )
            rows += [
                ListRow(m.id, m.title, m.source, m.published, ((label, False),))
                for m in story.members
            ]
        return rows

    def story_of(self, briefing_id: str) -> Any:
        """The story view (``briefings.story_view.StoryView``) of the story the briefing
        is in, or None."""
        from briefings.stories import list_stories
        from briefings.story_view import story_view

        with self._locked() as library:
            self._search_index(library)  # stories follow the sync of the related lists
            story_id = library.story_of([briefing_id]).get(briefing_id)
            if story_id is None:
                return None
            found = list_stories(library, story_id)
            members = library.get_many([m.id for m in found[0].members]) if found else []
        return story_view(story_id, members) if members else None


# -- helpers -----------------------------------------------------------------------------------


def quote_echoes(briefing: Briefing, others: list[Briefing]) -> dict[int, list[QuoteEcho]]:
    """For each quote of ``briefing``, the other briefings that carry the same quotation.

    The search layer's corroboration links (``Quote.corroborations``) come first;
    the related briefings are matched here as well, so a link is shown even
    before the index has recomputed them.
    """
    from briefings.corroboration import match  # (rapidfuzz: not needed for the list)

    echoes: dict[int, list[QuoteEcho]] = {}
    for i, quote in enumerate(briefing.quotes):
        for link in quote.corroborations:
            echoes.setdefault(i, []).append(
                QuoteEcho(
                    link.id,
                    link.title,
                    link.source,
                    link.published,
                    tuple((str(a), str(b)) for a, b in link.differences),
                )
            )
        linked = {e.briefing_id for e in echoes.get(i, [])}
        for other in others:
            if other.id in linked:
                continue
            for theirs in other.quotes:
                found = match(quote.text, theirs.text)
                if found is not None:
                    echoes.setdefault(i, []).append(
                        QuoteEcho(
                            other.id,
                            other.title,
                            other.source,
                            other.published,
                            tuple(found.differences),
                        )
                    )
                    break
    return echoes


def _run_query(call: Callable[[], T]) -> T:
    from search import QueryError

    try:
        return call()
    except QueryError as exc:
        raise QueryProblem(_one_line(exc)) from None


def _with_snippet(row: ListRow, snippet: Any) -> ListRow:
    segments = None if snippet is None else tuple((str(t), bool(m)) for t, m in snippet)
    return replace(row, snippet=segments)


def _with_state(row: ListRow, state: Any) -> ListRow:
    if state is None:
        return row
    return replace(row, read=state.read, starred=state.starred, tags=state.tags)


def sort_rows(rows: list[ListRow], sort: str) -> list[ListRow]:
    """``source``: grouped by source (A-Z, undated and unsourced last), newest first within;
    ``date`` and ``relevance`` keep the order the store or the index gave."""
    if sort != "source":
        return rows
    return sorted(rows, key=lambda r: (r.source is None, (r.source or "").casefold()))


def _outcome(
    query: str, results: SearchResults, states: dict[str, Any] | None = None, sort: str = ""
) -> SearchOutcome:
    states = states or {}
    rows = [
        _with_state(
            ListRow(
                id=h.id,
                title=h.title,
                source=getattr(h, "source", None),
                published=getattr(h, "published", None),
                snippet=tuple((str(t), bool(m)) for t, m in (getattr(h, "snippet", None) or ())),
            ),
            states.get(h.id),
        )
        for h in results.hits
    ]
    rows = sort_rows(rows, sort)
    return SearchOutcome(
        query=query,
        total=int(getattr(results, "total", len(rows))),
        rows=rows,
        suggestion=getattr(results, "suggestion", None),
        total_exact=bool(getattr(results, "total_exact", True)),
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return " ".join(text.split()) or type(exc).__name__
