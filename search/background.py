"""Index while ingesting: a second process applies the outbox as briefings are stored.

A long ingest spends most of its time in two places: deriving and storing
briefings, and bringing the search index (with related lists and quote links)
up to date. Done one after the other they use one core. ``BackgroundSync``
runs the second part in a child process while the first goes on, so a
two-core machine keeps both cores busy.

Nothing here needs to finish for the library to be right: the outbox is the
record of what the index lacks, the child only takes whole batches of it
under the index lock, and the command's own ``sync`` afterwards does whatever
is left. If the child fails, is killed, or its parent dies, the next sync
simply finds more work queued.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from multiprocessing.synchronize import Event
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

#: Below this many articles an ingest indexes afterwards, in its own process.
MIN_ARTICLES = 400
#: How often the child looks for a full batch of queued changes (seconds).
POLL = 0.25
#: How long ``stop`` waits for the child to finish its batch.
JOIN_TIMEOUT = 600.0


def quiet_child(log_file: str | None) -> None:
    """The child never writes to the terminal: Ctrl-C is the parent's to handle, and
    warnings go to the parent's log file (or nowhere)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    root = logging.getLogger()
    root.handlers[:] = []
    if log_file:
        handler = logging.FileHandler(log_file, delay=True, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    else:
        root.addHandler(logging.NullHandler())
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)


def parent_log_file() -> str | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


def _run(folder: str, stop: Event, parent: int, log_file: str | None, batch: int) -> None:
    quiet_child(log_file)
    from briefings.library import Library
    from briefings.pipeline import derivation_gc
    from search.index import SearchIndex

    try:
        with derivation_gc(), Library(folder, create=False) as library:
            index = SearchIndex(library)
            while not stop.is_set() and os.getppid() == parent:
                if not index.catch_up(min_pending=batch, batch=batch):
                    stop.wait(POLL)
            index.close()
    except Exception:  # the foreground sync redoes whatever was not done
        log.warning("background indexing stopped", exc_info=True)


class BackgroundSync:
    """Context manager: index in a child process while the body stores briefings."""

    def __init__(
        self,
        folder: Path | str,
        articles: int,
        *,
        min_articles: int = MIN_ARTICLES,
        batch: int | None = None,
    ) -> None:
        from search.index import BATCH

        self.folder = str(folder)
        self.enabled = articles >= min_articles and (os.cpu_count() or 1) > 1
        self.batch = batch or BATCH
        self._process: multiprocessing.process.BaseProcess | None = None
        self._stop: Event | None = None

    def __enter__(self) -> BackgroundSync:
        if not self.enabled:
            return self
        try:
            ctx = multiprocessing.get_context("spawn")
            self._stop = ctx.Event()
            self._process = ctx.Process(
                target=_run,
                args=(self.folder, self._stop, os.getpid(), parent_log_file(), self.batch),
                name="brief-index",
                daemon=True,
            )
            self._process.start()
        except OSError:  # no processes to spare: index afterwards, as usual
            log.warning("cannot start background indexing", exc_info=True)
            self._process = None
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop(now=kind is not None)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def stop(self, *, now: bool = False) -> None:
        """Let the child finish its batch; ``now`` (the ingest failed or was
        interrupted) stops it at once: an unfinished batch stays queued."""
        if self._process is None or self._stop is None:
            return
        self._stop.set()
        if now:
            self._process.terminate()
        self._process.join(5 if now else JOIN_TIMEOUT)
        if self._process.is_alive():  # pragma: no cover - a batch stuck for minutes
            self._process.kill()
            self._process.join(5)
        self._process = None
