"""The reader's view models and errors: plain data shared by the services and the widgets.

Nothing here imports the library, the search index or pydantic, so the screen and its
widgets can be imported (and the first frame painted) before ``tui.services`` is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefings.models import Briefing


class ServiceError(Exception):
    """Something the user should read as one line (``str()`` says what and why)."""


class QueryProblem(ServiceError):
    """A search query that cannot be run (shown inline under the search bar)."""


# -- view models -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of the briefing list: a briefing, or a search hit with its snippet."""

    id: str
    title: str
    source: str | None = None
    published: date | None = None
    #: None: a search hit whose snippet is still being made (see ``Services.finish_search``)
    snippet: tuple[tuple[str, bool], ...] | None = ()
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
    #: A hit of a saved search added since the search was last opened.
    new: bool = False


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    query: str
    total: int
    rows: list[ListRow]
    suggestion: str | None = None
    #: False for a quick search: some snippets and "did you mean" are still to come
    complete: bool = True
    #: False when counting stopped at the limit: there are more than ``total`` ("1,000+")
    total_exact: bool = True


@dataclass(frozen=True, slots=True)
class SavedSearchRow:
    name: str
    query: str
    #: None while not counted yet (the modal lists names first, counts after)
    count: int | None = 0
    new_count: int = 0
    error: str | None = None
    #: when it was last opened, as stored (to count its new hits)
    opened: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteEcho:
    """Another briefing that carries the same quotation, and how its wording differs."""

    briefing_id: str
    title: str
    source: str | None
    published: date | None
    differences: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ExportDone:
    path: Path
    replaced: bool = False


@dataclass(frozen=True, slots=True)
class Deleted:
    """A briefing deleted in the reader; ``Services.undo_delete`` puts it back."""

    briefing_id: str
    title: str
    removed: object  # briefings.library.RemovedBriefing


@dataclass
class OpenedBriefing:
    briefing: Briefing
    #: quote index -> the other briefings that carry that quote
    echoes: dict[int, list[QuoteEcho]] = field(default_factory=dict)
    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()
