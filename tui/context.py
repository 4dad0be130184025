"""What every command needs: the library folder, consoles, and error handling."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from tui.output import SafeConsole

if TYPE_CHECKING:
    from briefings.library import Library
    from briefings.settings import Settings

# The reader's start (``brief`` with no command) does not import ``briefings.library``:
# with pydantic and the models it costs about 180 ms of CPU before the first frame.
# These two are that module's (``tests/unit/test_cli.py`` checks they agree).
#: the store's file name in the library folder (``briefings.library.DB_NAME``)
DB_NAME = "library.sqlite3"
#: the environment variable naming the library (``briefings.library.ENV_LIBRARY``)
ENV_LIBRARY = "BRIEF_LIBRARY"


def default_library_dir() -> Path:
    """``$BRIEF_LIBRARY`` or the platform's user data folder for brief (as
    ``briefings.library.default_library_dir``)."""
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("brief", appauthor=False)


class UsageError(Exception):
    """A user mistake in the command line: printed as one line, exit code 2."""


class CommandFailed(Exception):
    """A command that could not do its job: printed as one line, exit code 1."""


#: the exit code of a command given an id prefix that several briefings share
EXIT_AMBIGUOUS = 3


class AmbiguousId(CommandFailed):
    """An id prefix that several briefings share: one line naming them, ``EXIT_AMBIGUOUS``, so that a script can tell it from "not found"."""


#: how many of an ambiguous prefix's briefings the error names
AMBIGUOUS_SHOWN = 5


def resolve_id(library: Library, prefix: str) -> str:
    """The full id of the briefing a unique id prefix names (``Library.resolve``);
    ``AmbiguousId`` naming the candidates (short id and title) when several match."""
    from briefings.library import Ambiguous

    try:
        return library.resolve(prefix)
    except Ambiguous:
        wanted = prefix.strip().lower()
        found = sorted(
            (briefing_id, title)
            for briefing_id, title, _, _ in library.listing()
            if briefing_id.startswith(wanted)
        )
        raise AmbiguousId(ambiguity(wanted, found)) from None


def ambiguity(prefix: str, found: list[tuple[str, str]]) -> str:
    """``id prefix 3f matches 3 briefings: 3fa2c1d0 "Title", ...; give more characters``."""
    width = len(prefix) + 1
    for (a, _), (b, _) in pairwise(found):
        common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
        width = max(width, common + 1)
    width = max(width, 8)  # as ``brief list`` and the reader show them
    named = ", ".join(
        f"{briefing_id[:width]} “{_short(title)}”" for briefing_id, title in found[:AMBIGUOUS_SHOWN]
    )
    more = f" and {len(found) - AMBIGUOUS_SHOWN} more" if len(found) > AMBIGUOUS_SHOWN else ""
    count = f"{len(found)} briefings" if found else "several briefings"
    return f"id prefix {prefix} matches {count}: {named}{more}; give more characters"


def _short(title: str, limit: int = 40) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


@dataclass
class Context:
    library_dir: Path
    explicit_library: bool = False
    #: ``--demo``: the samples go into an empty library even if the user named it
    demo: bool = False
    out: Console = field(default_factory=lambda: SafeConsole(soft_wrap=False))
    err: Console = field(default_factory=lambda: SafeConsole(stderr=True, soft_wrap=True))
    _library: Library | None = None
    #: the settings, read once by ``cli.main`` (None: read where needed, for callers
    #: that make a context without it)
    settings: Settings | None = None

    @classmethod
    def create(cls, library: str | None) -> Context:
        folder = Path(library).expanduser() if library else default_library_dir()
        named = library is not None or bool(os.environ.get(ENV_LIBRARY))
        return cls(library_dir=folder, explicit_library=named)

    def library(self, *, seed: bool = False, create: bool = False, check: bool = True) -> Library:
        """The open library. Only the reader asks for ``seed``: an empty *default*
        library then gets the bundled samples first (``make run``); a library the user
        named (``--library`` or ``$BRIEF_LIBRARY``) stays theirs and never gets them,
        and reading commands (``list``, ``search``, ``show``…) never add them. ``--demo``
        adds them to an empty library for any command, named or not.

        A named folder that holds no library is an error for every command but those
        that ``create`` one (a mistyped path is not a new library); ``--demo`` makes one.

        Every command that reads gets the same store check (``tui.storecheck``: SQLite's
        quick check, skipped while the store file is as it was at a clean check today), so
        a damaged store is one line with the way out in ``show`` and ``related`` as in
        ``list`` and ``search``. Commands that write run the full check themselves
        (``ensure_healthy``) and pass ``check=False``, as does ``create``.
        """
        if self._library is None:
            from briefings.library import Library, LibraryError

            missing = not (self.library_dir / DB_NAME).exists() and (
                self.library_dir.is_dir() or not self.library_dir.exists()
            )
            if self.explicit_library and not create and missing and not self.demo:
                raise LibraryError(
                    f"no library at {self.library_dir} (check the path; 'brief --library "
                    f"{self.library_dir} ingest PATH' makes a new one)"
                )
            self._library = Library(self.library_dir)
            note = self._library.read_only_note()
            if note:
                self.note(note)
            if self._library.migrated:
                self.note(self._library.migrated)
            if self._library.recreated:
                self.note(
                    f"{self._library.db_path}: recreated the missing table(s) "
                    f"{', '.join(self._library.recreated)} (another program had removed them)"
                )
            if check and not create:
                from tui import storecheck

                storecheck.ensure_readable(self._library)
            wanted = self.demo or (seed and not self.explicit_library)
            if wanted and not self._library.read_only:
                self._seed()
        return self._library

    def report_skipped(self) -> None:
        """One line for each stored row a command had to leave out."""
        if self._library is not None:
            for line in self._library.skipped:
                self.note(line)
            self._library.skipped.clear()

    def _seed(self) -> None:
        from briefings.pipeline import seed_samples

        assert self._library is not None
        if os.environ.get("BRIEF_NO_SAMPLES") == "1":
            return
        report = seed_samples(self._library)
        if report is not None and report.ingested:
            self.note(
                f"New library at {self.library_dir}: added the {report.ingested} bundled sample "
                "articles so there is something to read."
            )
        self.after_change()

    def after_change(self) -> None:
        """Bring derived state (the search index) up to date with the store."""
        for hook in AFTER_CHANGE:
            hook(self)

    def while_changing(self, articles: int) -> ExitStack:
        """Work that runs alongside a change of ``articles`` briefings (the search layer
        indexes them in the background as they are stored)."""
        stack = ExitStack()
        with stack:
            for factory in WHILE_CHANGING:
                stack.enter_context(factory(self, articles))
            return stack.pop_all()
        raise AssertionError("unreachable")  # pragma: no cover

    def note(self, message: str) -> None:
        """A one-line message for the user on stderr (never parsed as markup)."""
        self.err.print(message, markup=False, highlight=False, emoji=False)

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    @property
    def interactive(self) -> bool:
        return sys.stdout.isatty()


#: Callables run after the library changed (the search layer registers its sync here).
AFTER_CHANGE: list = []
#: Context-manager factories ``(ctx, articles)`` entered while the library changes.
WHILE_CHANGING: list = []
