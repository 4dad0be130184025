"""What every command needs: the library folder, consoles, and error handling."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from briefings.library import Library, default_library_dir
from briefings.settings import Settings
from tui.output import SafeConsole


class UsageError(Exception):
    """A user mistake in the command line: printed as one line, exit code 2."""


class CommandFailed(Exception):
    """A command that could not do its job: printed as one line, exit code 1."""


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
        return cls(library_dir=folder, explicit_library=library is not None)

    def library(self, *, seed: bool = True, create: bool = False) -> Library:
        """The open library; a new, empty one gets the bundled samples first, unless the
        user named its folder with ``--library`` (their library stays theirs) or
        ``seed`` is False (``ingest`` never adds samples).

        A folder named with ``--library`` that holds no library is an error for every
        command but those that ``create`` one (a mistyped path is not a new library).
        """
        if self._library is None:
            from briefings.library import DB_NAME, LibraryError

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
            wanted = seed and (self.demo or not self.explicit_library)
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
        import os

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
