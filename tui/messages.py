"""Messages of the reader: requests from widgets, past-tense results from workers."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.models import ExportDone, ListRow, OpenedBriefing, SavedSearchRow, SearchOutcome

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


@dataclass
class RelatedRequested(Message):
    briefing_id: str
