"""Index while ingesting: two child processes apply the outbox as briefings are stored.

A long ingest spends its time in three places: deriving and storing
briefings, indexing them, and computing their related lists and quote links.
``BackgroundSync`` runs the last two in two child processes, a pipeline: the
indexer takes whole batches of the store's ``index_outbox`` and moves them to
``related_outbox`` once they are searchable; the relater takes those. While
the command stores, both children wait for full batches; when it has stored
everything (``finish``) they drain the queues, so a two-core machine keeps both
cores busy to the end instead of leaving the rest to one process.

Nothing here needs to finish for the library to be right: the outboxes are the
record of what is still to do, each child only takes whole batches under its
stage's lock, and the command's own ``sync`` afterwards does whatever is left.
If a child fails, is killed, or its parent dies, the next sync simply finds
more work queued.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.synchronize import Event
from pathlib import Path
from types import TracebackType

from briefings.settings import current

log = logging.getLogger(__name__)

#: Below this many articles an ingest indexes afterwards, in its own process.
MIN_ARTICLES = 400
#: How often the child looks for a full batch of queued changes (seconds).
POLL = 0.25


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


@contextmanager
def interrupts_ignored() -> Iterator[None]:
    """Start child processes with Ctrl-C ignored from their first instruction.

    A spawned child is a new interpreter: until ``quiet_child`` runs (after its
    imports), a Ctrl-C sent to the terminal's process group would print a
    ``KeyboardInterrupt`` traceback from it. An ignored signal stays ignored across
    exec, and Python keeps it so; the parent's own handler is back right after.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def parent_log_file() -> str | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


def _run(
    folder: str,
    stage: str,
    draining: Event,
    indexed: Event,
    parent: int,
    log_file: str | None,
    batch: int,
) -> None:
    """A child's loop: ``stage`` is "index" or "related". Full batches only, until
    ``draining`` is set; then every batch until its queue is empty (for the relater:
    and the indexer has exited, which ``indexed`` says)."""
    quiet_child(log_file)
    from briefings.library import Library
    from briefings.pipeline import derivation_gc
    from search.index import SearchIndex

    try:
        with derivation_gc(), Library(folder, create=False) as library:
            index = SearchIndex(library)
            while os.getppid() == parent:
                drain = draining.is_set()
                least = 1 if drain else batch
                if stage == "index":
                    done = index.catch_up(min_pending=least, batch=batch)
                else:
                    done = index.relate_up(min_pending=least, batch=batch, once=True)
                if done:
                    continue
                if drain and stage == "index" and not library.pending_index_ops(limit=1):
                    break
                if drain and indexed.is_set() and not library.pending_related_ops(limit=1):
                    break
                time.sleep(POLL)
            index.close()
    except Exception:  # the foreground sync redoes whatever was not done
        log.warning("background %s stage stopped", stage, exc_info=True)


class BackgroundSync:
    """Context manager: index and relate in two child processes while the body stores
    briefings; ``finish`` waits for them to drain the queues."""

    STAGES = ("index", "related")

    def __init__(
        self,
        folder: Path | str,
        articles: int,
        *,
        min_articles: int = MIN_ARTICLES,
        batch: int | None = None,
    ) -> None:
        self.folder = str(folder)
        self.enabled = articles >= min_articles and (os.cpu_count() or 1) > 1
        self.batch = batch or current().index_batch
        self._processes: list[multiprocessing.process.BaseProcess] = []
        self._draining: Event | None = None
        self._indexed: Event | None = None

    def __enter__(self) -> BackgroundSync:
        if not self.enabled:
            return self
        try:
            with interrupts_ignored():
                self._start()
        except OSError:  # no processes to spare: what was started drains, sync does the rest
            log.warning("cannot start background indexing", exc_info=True)
        return self

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._draining = ctx.Event()
        self._indexed = ctx.Event()
        for stage in self.STAGES:
            process = ctx.Process(
                target=_run,
                args=(
                    self.folder,
                    stage,
                    self._draining,
                    self._indexed,
                    os.getpid(),
                    parent_log_file(),
                    self.batch,
                ),
                name=f"brief-{stage}",
                daemon=True,
            )
            process.start()
            self._processes.append(process)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is not None:
            self.stop()
        else:
            self.finish()

    @property
    def running(self) -> bool:
        return any(p.is_alive() for p in self._processes)

    def finish(self, progress: Callable[[], None] | None = None) -> None:
        """Everything is stored: let the children drain the queues and wait for them
        (``progress`` is called about twice a second meanwhile)."""
        if self._draining is None or self._indexed is None:
            return
        self._draining.set()
        for process in self._processes:  # the indexer first, then the relater
            while process.is_alive():
                process.join(0.5)
                if progress is not None:
                    progress()
            if process.name == "brief-index":
                self._indexed.set()  # even if it failed: the relater stops waiting for it
        self._processes = []

    def stop(self) -> None:
        """Stop the children at once (the ingest failed or was interrupted): their
        unfinished batches stay queued."""
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join(5)
            if process.is_alive():  # pragma: no cover - ignores SIGTERM
                process.kill()
                process.join(5)
        self._processes = []
