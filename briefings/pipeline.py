"""Ingest runs: sources -> articles -> briefings -> library.

Used by the CLI and the reader. Each article is read, derived and stored on
its own, so one bad file costs one line in the report and nothing else; the
store is only ever written in whole-briefing transactions.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from briefings import settings
from briefings.derive import EXTRACTOR_VERSION, derive
from briefings.ingest import (
    IngestError,
    Source,
    article_from_bytes,
    discover,
    display_path,
    read_source,
)
from briefings.library import Library, LibraryError, Outcome, clean_tag
from briefings.models import Article, Briefing
from briefings.samples import ORIGIN_PREFIX, sample_files

log = logging.getLogger(__name__)

SAMPLES_FLAG = "samples_seeded"

#: Allocations between young-generation collections during a run of derivations
#: (CPython's default is 700).
GC_YOUNG = 20_000


@contextmanager
def derivation_gc() -> Iterator[None]:
    """Garbage collection tuned for a run of many derivations.

    Deriving a briefing allocates hundreds of thousands of short-lived objects and
    leaves no reference cycles behind (a test checks it), so the collector's
    frequent passes mostly walk long-lived data: the modules, compiled patterns and
    the derivation's bounded memos. The objects that exist when the run starts are
    frozen out of collection, and the young generation is collected every
    ``GC_YOUNG`` allocations instead of every 700. Both are undone at the end.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], GC_YOUNG), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@dataclass
class IngestReport:
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)
    changed_ids: list[str] = field(default_factory=list)
    #: Lines for the user that are not failures ("same text as ...").
    notices: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: Outcome, briefing_id: str) -> None:
        if outcome == "ingested":
            self.ingested += 1
        elif outcome == "updated":
            self.updated += 1
        else:
            self.unchanged += 1
        if outcome != "unchanged":
            self.changed_ids.append(briefing_id)

    def line(self) -> str:
        return f"ingested {self.ingested}, updated {self.updated}, unchanged {self.unchanged}, failed {self.failed}"


class TookTooLong(BaseException):
    """Raised inside a derivation that ran out of its time budget. A ``BaseException``,
    so that no step's ``except Exception`` can swallow it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``TookTooLong`` in the block once ``seconds`` have passed.

    A real-time interval timer (SIGALRM): the main thread only, on systems that
    have it; elsewhere (a worker thread of the reader) the block runs unbounded.
    Every regular expression that reads article text is linear (see
    docs/reliability.md), so the timer always gets a chance to fire.
    """
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address_space() -> int | None:
    """The process's virtual memory size in bytes (Linux ``/proc``), or None."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def memory_budget(megabytes: float | None) -> Iterator[bool]:
    """Cap the process's address space at its present size plus ``megabytes`` for the
    block (``RLIMIT_AS``): an allocation beyond it, in Python or in C (lxml), fails
    with ``MemoryError`` instead of taking the machine's memory. Yields whether the
    cap is in force: the main thread only (the limit is per process; the reader's
    worker threads run without it), on systems with ``/proc`` and ``setrlimit``,
    and never above a lower limit the user already set. The soft limit is put back
    afterwards (an unprivileged process may raise it again up to the hard limit).
    """
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        yield False
        return
    used = _address_space()
    if not megabytes or used is None or threading.current_thread() is not threading.main_thread():
        yield False
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + int(megabytes * 1024 * 1024)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield False  # the user's own, lower limit stays
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (OSError, ValueError):
        yield False
        return
    try:
        yield True
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _too_large(label: str, megabytes: float) -> IngestError:
    return IngestError(
        f"{label}: too large to read (over {megabytes:g} MB of memory; raise the limit "
        f"with --memory-limit MB or {settings.ENV_ARTICLE_MEMORY})"
    )


def _too_long(label: str, seconds: float) -> IngestError:
    return IngestError(
        f"{label}: took too long to read (over {seconds:g} s; raise the limit with "
        f"--time-limit SECONDS or {settings.ENV_ARTICLE_SECONDS})"
    )


def read_checked(
    source: Source,
    *,
    max_bytes: int | None = None,
    seconds: float | None = None,
    megabytes: float | None = None,
) -> Article:
    """``read_source`` (HTML through trafilatura, Markdown front matter) under the
    article's time and memory budgets; running out of either is an ``IngestError``."""
    current = settings.current()
    budget = seconds or current.article_seconds
    memory = megabytes or current.article_memory_mb
    capped = False
    try:
        with time_budget(budget), memory_budget(memory) as capped:
            return read_source(source, max_bytes=max_bytes)
    except TookTooLong:
        raise _too_long(source.label, budget) from None
    except MemoryError:
        if capped:
            raise _too_large(source.label, memory) from None
        raise


def derive_checked(
    article: Article, label: str, *, seconds: float | None = None, megabytes: float | None = None
) -> Briefing:
    """Derive one article's briefing; any failure becomes an ``IngestError``.

    A bug in a derivation step must cost one file, not the run: unexpected
    exceptions are logged with their traceback (to the log file, never the
    terminal) and reported as one line. The derivation runs under a time budget
    (``seconds``, default ``BRIEF_ARTICLE_SECONDS`` or 60 s) and a memory budget
    (``megabytes`` of address space, default ``BRIEF_ARTICLE_MEMORY_MB`` or 2048).
    """
    current = settings.current()
    budget = seconds or current.article_seconds
    memory = megabytes or current.article_memory_mb
    capped = False
    try:
        with time_budget(budget), memory_budget(memory) as capped:
            briefing = derive(article)
    except TookTooLong:
        raise _too_long(label, budget) from None
    except ValueError as exc:  # e.g. an HTML page with no article in it
        raise IngestError(f"{label}: {exc}") from None
    except RecursionError:
        raise IngestError(f"{label}: too deeply nested to read") from None
    except MemoryError:
        if capped:
            raise _too_large(label, memory) from None
        raise IngestError(f"{label}: not enough memory to read it") from None
    except Exception as exc:
        log.error("%s: deriving the briefing failed", label, exc_info=True)
        raise IngestError(
            f"{label}: could not derive a briefing (internal error: {type(exc).__name__})"
        ) from None
    if not briefing.body and (article.format == "html" or briefing.title == "Untitled"):
        what = (
            "no article text found in the HTML" if article.format == "html" else "no readable text"
        )
        raise IngestError(f"{label}: {what}")
    return briefing


@dataclass(frozen=True)
class Overrides:
    """What the user says about the articles of one ingest run (``--source``, ``--url``,
    ``--date``, ``--tag``): each one given replaces what derivation found."""

    source: str | None = None
    url: str | None = None
    published: date | None = None
    tags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.source or self.url or self.published or self.tags)

    def apply(self, briefing: Briefing) -> Briefing:
        update: dict[str, object] = {}
        if self.source:
            update["source"] = self.source
        if self.url:
            update["url"] = self.url
        if self.published:
            update["published"] = self.published
        return briefing.model_copy(update=update) if update else briefing


#: A tag read from a Markdown clipping's front matter: letters, digits, ``_ - /``.
_FRONT_MATTER_TAG = re.compile(r"[^\W_][\w/-]{0,59}")
#: At most this many front-matter tags are kept for one article.
MAX_FRONT_MATTER_TAGS = 32


def front_matter_tags(article: Article) -> list[str]:
    """The user's tags a Markdown clipping carries in its front matter (``tags: [a, b]``,
    a YAML list, or ``tags: a, b``), cleaned as ``brief ingest --tag`` cleans tags; a value
    that is not a plain tag (markup, only digits) is left out. Stored as the briefing's tags (``tag:a`` finds it)."""
    if article.format != "md" or not article.text.lstrip("\ufeff").startswith("---"):
        return []
    from briefings.derive.blocks import MAX_FRONT_MATTER, strip_front_matter
    from briefings.derive.text import sanitize

    head = sanitize(article.text.lstrip("\ufeff")[: MAX_FRONT_MATTER + 16])
    data, _ = strip_front_matter(head)
    value = data.get("tags")
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list):
        items = list(value)
    else:
        return []
    tags = (clean_tag(v) for v in items if isinstance(v, str))
    kept = [t for t in dict.fromkeys(tags) if _FRONT_MATTER_TAG.fullmatch(t) and not t.isdigit()]
    return kept[:MAX_FRONT_MATTER_TAGS]


def store_article(
    library: Library,
    article: Article,
    label: str,
    *,
    seconds: float | None = None,
    overrides: Overrides | None = None,
    megabytes: float | None = None,
) -> Outcome:
    """Derive and store one article; raises ``IngestError`` if it yields no briefing.
    ``overrides`` replace the derived source, URL and date, and add tags."""
    given = overrides is not None and bool(overrides)
    if not given and library.status_of(article, EXTRACTOR_VERSION) == "unchanged":
        return "unchanged"
    briefing = derive_checked(article, label, seconds=seconds, megabytes=megabytes)
    if overrides is not None and given:
        briefing = overrides.apply(briefing)
    outcome = library.put(article, briefing, force=given)
    tags = front_matter_tags(article) + list(overrides.tags if overrides is not None else ())
    if tags:
        library.add_tags(briefing.id, tags)
    return outcome


def ingest(
    library: Library,
    paths: list[str],
    *,
    on_source: Callable[[Source], None] | None = None,
    on_result: Callable[[Source, Outcome | None, str | None], None] | None = None,
    sources: Iterable[Source | IngestError] | None = None,
    max_bytes: int | None = None,
    seconds: float | None = None,
    overrides: Overrides | None = None,
    megabytes: float | None = None,
) -> IngestReport:
    """Ingest every source under ``paths``. Never raises for a bad input file.

    A new briefing whose text is already in the library under another origin gets a
    notice in the report ("same text as ..."); ``overrides`` apply to every article.

    ``max_bytes`` caps one article (default: ``BRIEF_MAX_ARTICLE_MB`` or 20 MB),
    ``seconds`` its reading time (default: ``BRIEF_ARTICLE_SECONDS`` or 60 s) and
    ``megabytes`` its memory (default: ``BRIEF_ARTICLE_MEMORY_MB`` or 2048 MB), each
    for reading the file (HTML, Markdown) and again for deriving its briefing.
    """
    report = IngestReport()
    with derivation_gc():
        for item in sources if sources is not None else discover(paths):
            if isinstance(item, IngestError):
                report.failures.append(str(item))
                if on_result:
                    on_result(Source(None, str(item)), None, str(item))
                continue
            if on_source:
                on_source(item)
            try:
                article = read_checked(
                    item, max_bytes=max_bytes, seconds=seconds, megabytes=megabytes
                )
                outcome = store_article(
                    library,
                    article,
                    item.label,
                    seconds=seconds,
                    overrides=overrides,
                    megabytes=megabytes,
                )
            except IngestError as exc:
                report.failures.append(str(exc))
                if on_result:
                    on_result(item, None, str(exc))
                continue
            except MemoryError:
                message = f"{item.label}: not enough memory to read it"
                report.failures.append(message)
                if on_result:
                    on_result(item, None, message)
                continue
            except (OSError, UnicodeError) as exc:  # anything the reader did not foresee
                message = f"{item.label}: cannot read ({type(exc).__name__}: {exc})"
                report.failures.append(message)
                if on_result:
                    on_result(item, None, message)
                continue
            report.count(outcome, article.id)
            if outcome == "ingested":
                twin = library.same_content(article.content_hash, article.id)
                if twin is not None:
                    report.notices.append(
                        f"{item.label}: same text as {twin[0][:8]} ({display_path(twin[1])})"
                    )
            if on_result:
                on_result(item, outcome, None)
    return report


def seed_samples(library: Library) -> IngestReport | None:
    """Add the bundled sample articles to a library that has never had them.

    Runs once per library (a flag in the store remembers it), and only while
    the library is empty, so a user who deletes the samples keeps them deleted.
    """
    if library.get_meta(SAMPLES_FLAG) or library.count():
        return None
    report = IngestReport()
    for name, data in sample_files():
        article = article_from_bytes(data, ORIGIN_PREFIX + name, name, name)
        report.count(store_article(library, article, name), article.id)
    library.set_meta(SAMPLES_FLAG, "1")
    return report


def rebuild(
    library: Library,
    *,
    everything: bool = False,
    on_item: Callable[[str], None] | None = None,
    seconds: float | None = None,
    megabytes: float | None = None,
) -> IngestReport:
    """Re-derive stored briefings from their stored article text.

    By default only briefings made by an older extractor; ``everything`` redoes all.
    """
    report = IngestReport()
    ids = library.ids() if everything else library.stale_ids(EXTRACTOR_VERSION)
    with derivation_gc():
        for briefing_id in ids:
            try:
                stored = library.article(briefing_id)
            except LibraryError as exc:  # the row went away or cannot be read
                report.failures.append(f"briefing {briefing_id}: {exc}")
                continue
            try:
                article = Article(
                    origin=stored.origin,
                    format=stored.format,  # type: ignore[arg-type]
                    text=stored.text,
                    encoding=stored.encoding,
                    content_hash=stored.content_hash,
                )
            except ValueError as exc:  # a row written by something else (unknown format)
                reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else exc
                report.failures.append(
                    f"briefing {briefing_id} ({display_path(stored.origin)}): its stored "
                    f"article cannot be read ({reason}); ingest the file again"
                )
                continue
            try:
                briefing = derive_checked(
                    article, display_path(stored.origin), seconds=seconds, megabytes=megabytes
                )
            except IngestError as exc:
                report.failures.append(str(exc))
                continue
            library.put(article, briefing, force=True)
            report.count("updated", briefing_id)
            if on_item:
                on_item(briefing_id)
    return report
