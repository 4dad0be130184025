"""Messages of the reader: requests from widgets, past-tense results from workers."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.models import (
    Deleted,
    ExportDone,
    ListRow,
    OpenedBriefing,
    SavedSearchRow,
    SearchOutcome,
)

# -- results posted by worker threads -----------------------------------------------------------


@dataclass
class LibraryLoaded(Message):
    rows: list[ListRow]


@dataclass
class LibraryChanged(Message):
    """The store changed under us (e.g. an ingest in another terminal)."""


@dataclass
class BriefingOpened(Message):
    opened: OpenedBriefing


@dataclass
class SearchCompleted(Message):
    outcome: SearchOutcome


@dataclass
class SearchFailed(Message):
    query: str
    error: str


@dataclass
class SavedSearchesLoaded(Message):
    searches: list[SavedSearchRow]


@dataclass
class ExportFinished(Message):
    done: ExportDone
    what: str


@dataclass
class ExportWouldReplace(Message):
    """A dossier export found its file there already: ask before replacing it."""

    path: str
    ids: list[str]
    query: str | None


@dataclass
class BriefingDeleted(Message):
    deleted: Deleted


@dataclass
class DeleteUndone(Message):
    deleted: Deleted
    restored: bool


@dataclass
class StateChanged(Message):
    """The reading state of a briefing changed (read, starred, tags)."""

    briefing_id: str
    read: bool | None = None
    starred: bool | None = None
    tags: tuple[str, ...] | None = None


@dataclass
class ServiceFailed(Message):
    """A background job failed; ``error`` is one line for the user."""

    error: str


# -- requests posted by widgets -----------------------------------------------------------------


@dataclass
class EvidenceRequested(Message):
    """Show the source text of the open briefing at ``start``..``end``."""

    label: str
    start: int
    end: int
    quote_index: int | None = None
    #: the pane and the item's place in it (n and p in the evidence step through the pane)
    pane: str = ""
    index: int = 0


@dataclass
class RelatedRequested(Message):
    briefing_id: str


@dataclass
class SearchRequested(Message):
    """Run ``query`` in the search bar (an entity or keyword of the open briefing)."""

    query: str
