"""The search index: a Whoosh index in ``<library folder>/index``, kept in line with the store.

The store is the source of truth. Every briefing write queues ``(id, op)`` in
the store's ``index_outbox``; ``SearchIndex.sync`` applies the queued changes
to the index, recomputes related articles and quote links for the changed
briefings, and only then acknowledges the outbox entries. A crash anywhere
leaves entries queued, and the next ``sync`` finishes the job.

A missing index, one made for another schema version, or one that cannot be
read is rebuilt from the store with a one-line message. Writers take a lock
file next to the index and wait for each other instead of failing.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import json
import logging
import os
import pickle
import shutil
import stat
import threading
import time
import weakref
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.codec.whoosh3 import (
    COMPRESSION_MIN_SIZE,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3PostingsWriter,
    W3Segment,
)
from whoosh.collectors import TopCollector
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from briefings.library import Library, LibraryError
from briefings.models import Briefing
from briefings.settings import DEFAULT_BATCH, Settings, current
from search.parallel import build_segments, workers_for
from search.query import ParsedQuery, QueryError, parse_query
from search.results import Hit, SearchResults, Snippet
from search.schema import (
    FACET_SEPARATOR,
    FACET_SOURCE_END,
    SCHEMA_VERSION,
    HitRecord,
    analysed_document,
    build_schema,
    document_for,
    hit_record,
    lead_text,
    snippet_texts,
)
from search.snippets import lead_snippet, make_snippet
from search.topk import COUNT_LIMIT, Matches, clauses_of, count_upto, top_k

log = logging.getLogger(__name__)

INDEX_DIR = "index"
VERSION_FILE = "brief-index.json"
LOCK_FILE = "index.lock"
#: Taken while related lists are recomputed (``relate_up``); never held while waiting
#: for the index lock, so the two stages cannot deadlock.
RELATED_LOCK_FILE = "related.lock"
# How long a writer waits for another one before giving up (BRIEF_INDEX_LOCK_TIMEOUT), and
# how many outbox entries are applied per index commit (BRIEF_INDEX_BATCH: progress survives
# a crash in between) are settings, given to ``SearchIndex`` (``lock_timeout``, ``batch``).
#: While a batch of related lists is computed (it takes a while), how many of it are done
#: is noted in the store's meta table every RELATE_STEP briefings, so that progress bars
#: (``changes_left``) move in the command's process and in a background relater's alike.
RELATED_DONE_KEY = "related_done_in_batch"
INDEX_DONE_KEY = "index_done_in_batch"
RELATE_STEP = 25
FACET_LIMIT = 20
#: Snippet texts of this many briefings are kept between searches (``SearchIndex._texts``).
CACHED_TEXTS = 256
#: Say that the index is being brought up to date when more changes than this wait.
NOTE_ABOVE = 100
#: Tests set BRIEF_STRICT=1 so that a failure in related-article updates fails them.
STRICT = os.environ.get("BRIEF_STRICT") == "1"


#: Segment sizes grow by this factor from one merge tier to the next.
MERGE_FACTOR = 4
#: A merge reads its segments from memory while together they are this small.
MERGE_IN_MEMORY = 400 * 1024 * 1024


def merge_tiers(writer: Any, segments: list[Any], batch: int = DEFAULT_BATCH) -> list[Any]:
    """Whoosh merge policy for a commit: merge a tier's segments once it has
    ``MERGE_FACTOR`` of them.

    Segments are put in tiers by size (tier k holds up to ``batch * MERGE_FACTOR**k``
    documents); when a tier fills up, its segments are merged into the segment being
    written, which then belongs to a higher tier. Each document is rewritten about
    log4(library / batch) times in all, and a library never has more than
    ``MERGE_FACTOR - 1`` segments per tier (about a dozen at 100,000 briefings).
    Whoosh's own ``MERGE_SMALL`` let 500-document segments pile up to 17 and then
    merged all of them at once, so searches read many segments and commits grew
    with the library.
    """
    from whoosh.reading import SegmentReader

    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        size = max(1, segment.doc_count_all())
        tier = 0
        while size > batch * MERGE_FACTOR ** (tier + 1) // 2 and tier < 30:
            tier += 1
        tiers.setdefault(tier, []).append(segment)
    kept = []
    for tier in sorted(tiers):
        group = tiers[tier]
        if len(group) >= MERGE_FACTOR:
            streaming = isinstance(writer, StreamingMergeWriter)
            # Segments merged by the streaming writer are read from memory (mmap: this
            # Whoosh copies each part it opens), up to MERGE_IN_MEMORY bytes in all.
            storage = writer.storage
            if streaming and sum(_segment_bytes(storage, s) for s in group) <= MERGE_IN_MEMORY:
                storage = FileStorage(storage.folder, supports_mmap=True)
            for segment in group:
                reader = SegmentReader(storage, writer.schema, segment)
                writer.add_reader(reader)
                if not streaming:  # the streaming writer closes them after the commit
                    reader.close()
        else:
            kept.extend(group)
    return kept


def _segment_bytes(storage: Any, segment: Any) -> int:
    try:
        return sum(storage.file_length(name) for name in segment.list_files(storage))
    except Exception:  # unknown layout: count it as too big to hold in memory
        return MERGE_IN_MEMORY + 1


class _Protocol4PostingsWriter(W3PostingsWriter):
    """Whoosh 3's posting writer with each block's data pickled at protocol 4.

    Whoosh pickles a block's (document numbers, weights, values) at protocol 2, where
    every ``bytes`` value (a posting's positions) becomes a ``_codecs.encode`` call:
    about 17 bytes of opcodes around one or two bytes of positions, and a codec call
    per posting to read it back (most of a phrase search). At protocol 4 a value is
    ``SHORT_BINBYTES``: a body block is half the size before zlib (1.9 -> 0.85 KB
    after it) and unpickles five times faster. The block is otherwise Whoosh's own
    (same header, same compression), and Whoosh's reader reads it unchanged."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        terminfo: Any = self._terminfo
        terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = pickle.dumps(data, 4)
        comp = self._compression if len(databytes) >= COMPRESSION_MIN_SIZE else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = pickle.dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class BriefCodec(W3Codec):
    """Whoosh 3's codec, writing posting blocks at pickle protocol 4
    (``_Protocol4PostingsWriter``). Its segments name Whoosh's own ``W3Codec`` as their
    codec, so the index is read (and opened by any Whoosh 3) as before."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _Protocol4PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def new_segment(self, storage: Any, indexname: str) -> Any:
        plain = W3Codec(self._blocklimit, self._compression, self._inlinelimit)
        return W3Segment(plain, indexname)


class StreamingMergeWriter(SegmentWriter):
    """Whoosh's segment writer, merging old segments without its sorting pool.

    ``SegmentWriter.add_reader`` puts every posting of a merged segment into the
    pool (a tuple each, its size estimated) and sorts them all again with the new
    documents' at commit: merges then cost about as much as indexing the documents
    anew, and at 100,000 briefings each document is merged four times. A merged
    segment's postings are already in order, term by term, and the segments'
    documents are renumbered in order, so this writer reads them term by term
    (the segments' term lists merged) at commit and streams them beside the pool's
    sorted postings of the new documents (``heapq.merge``). The segment written is
    the same as Whoosh's (a test compares every posting).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", BriefCodec())
        super().__init__(*args, **kwargs)
        self._merged: list[tuple[Any, int, dict[int, int] | None]] = []

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        self._merged.append((reader, startdoc, docmap))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        if self._merged:
            postings = heapq.merge(postings, _merged_postings(self.schema, self._merged))
        try:
            lengths = None if pdr is None else _Lengths(pdr, self.docnum)
            self.fieldwriter.add_postings(self.schema, lengths, postings)
        finally:
            self._close_merged()
        self.fieldwriter.close()
        if pdr:
            pdr.close()

    def _close_merged(self) -> None:
        for reader, _, _ in self._merged:
            reader.close()
        self._merged = []

    def _close_segment(self) -> None:
        self._close_merged()
        super()._close_segment()


class _Lengths:
    """The new segment's field lengths, each field's read whole on first use: Whoosh
    looks one up for every posting it writes (a seek and read of the column each)."""

    def __init__(self, pdr: Any, doc_count: int) -> None:
        self._pdr = pdr
        self._count = doc_count

    def doc_field_length_reader(self, fieldname: str) -> Callable[[int], int]:
        get = self._pdr.doc_field_length_reader(fieldname)
        return [get(d) for d in range(self._count)].__getitem__

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return int(self._pdr.doc_field_length(docnum, fieldname, default))


def _merged_postings(
    schema: Any, merged: list[tuple[Any, int, dict[int, int] | None]]
) -> Iterator[tuple[str, bytes, int, float, bytes]]:
    """The postings of the segments ``merged`` (reader, first new docnum, docnum map
    when it has deletions), renumbered, in (field, term, docnum) order: each
    segment's term dictionary is read in order (no lookup per term) and its posting
    blocks whole; postings of deleted documents (not in the map) are left out."""
    fields: set[str] = set()
    for reader, _, _ in merged:
        fields.update(name for name in reader.indexed_field_names() if name in schema)
    for fieldname in sorted(fields):
        fmt = schema[fieldname].format
        streams = [
            _term_infos(reader, fieldname, n)
            for n, (reader, _, _) in enumerate(merged)
            if fieldname in reader.indexed_field_names()
        ]
        for text, n, info in heapq.merge(*streams, key=lambda item: (item[0], item[1])):
            reader, startdoc, docmap = merged[n]
            terms = reader._terms
            m = terms._codec.postings_reader(terms._postfile, info, fmt, term=(fieldname, text))
            for docnum, weight, value in _all_postings(m):
                if docmap is None:
                    yield (fieldname, text, startdoc + docnum, weight, value)
                elif (newdoc := docmap.get(docnum)) is not None:
                    yield (fieldname, text, newdoc, weight, value)


def _term_infos(reader: Any, fieldname: str, n: int) -> Iterator[tuple[bytes, int, Any]]:
    """(term, n, term info) of one field of a segment, in term order."""
    for (name, text), info in reader._terms.items_from(fieldname, b""):
        if name != fieldname:
            return
        yield text, n, info


def _all_postings(m: Any) -> Iterator[tuple[int, float, bytes]]:
    """Every (docnum, weight, value) of a term's posting matcher, a block at a time
    when it is Whoosh 3's block matcher (deleted documents included)."""
    if not hasattr(m, "_next_block"):  # postings inlined into the term info
        while m.is_active():
            yield m.id(), m.weight(), m.value()
            m.next()
        return
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        if m._weights is None:
            m._read_weights()
        if m._values is None:
            m._read_values()
        ids, weights, values = m._ids, m._weights, m._values
        for i in range(m._i, m._blocklength):
            yield ids[i], weights[i], values[i]
        m._next_block()


def changes_left(library: Library) -> int:
    """What a progress bar shows as left: a change counts one half until indexed and one
    half until its related lists are done, and the parts of the batches being worked on
    that are done already count as done (the outboxes move only when a whole batch is
    finished: at 500 or fewer changes a bar that read them sat at 0/N)."""
    done = 0
    for key in (INDEX_DONE_KEY, RELATED_DONE_KEY):
        with suppress(ValueError):
            done += int(library.get_meta(key) or 0)
    to_index, to_relate = library.outbox_counts()
    halves = 2 * to_index + to_relate - done
    return min(library.outstanding_changes(), max(0, (halves + 1) // 2))


def added_times(library: Library, ids: list[str]) -> dict[str, datetime]:
    """When each briefing was first added to the store (naive UTC)."""
    out: dict[str, datetime] = {}
    for briefing_id, added in library.added_at(ids).items():
        try:
            stamp = datetime.fromisoformat(added)
        except (TypeError, ValueError):
            continue
        out[briefing_id] = stamp.replace(tzinfo=None) if stamp.tzinfo else stamp
    return out


def index_document(briefing: Briefing, added: datetime | None) -> dict:
    """The index document of a briefing (its related-articles profile lives in the
    store: ``search.related``)."""
    return analysed_document(document_for(briefing, added=added))


class SearchIndexError(LibraryError):
    """The index cannot be used or written; ``str()`` says why (one line)."""


class SearchIndex:
    """The Whoosh index of one library. Cheap to keep open; one per thread of use is fine."""

    def __init__(
        self,
        library: Library,
        *,
        on_message: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        settings: Settings | None = None,
    ) -> None:
        """``settings``: the program's settings (read once by the caller); the
        environment's, read now, when not given."""
        self.library = library
        settings = settings if settings is not None else current()
        #: how long a writer waits for another one before giving up (seconds)
        self.lock_timeout = settings.index_lock_timeout
        #: outbox entries applied per index commit
        self.batch = settings.index_batch
        self.folder = Path(library.folder) / INDEX_DIR
        self.messages: list[str] = []
        self._on_message = on_message
        #: called with (changes applied, changes waiting) during a long sync
        self._on_progress = on_progress
        self._local: threading.local | _SharedSearcher = threading.local()
        self._ix: windex.Index | None = None
        #: Related-article scoring's document frequencies of common words, kept
        #: between syncs (``search.related.CommonDfs``; made on first use).
        self.common_dfs: Any = None
        #: (searcher, briefing id -> snippet texts) of the last highlighted hits
        self._text_cache: tuple[Any, OrderedDict[str, dict[str, str]]] = (None, OrderedDict())
        #: True when opening found the index missing or unusable and rebuilt it.
        self.rebuilt_on_open = False
        #: called after each step of related lists during ``sync`` (its progress report)
        self._related_step: Callable[[], None] | None = None
        self._open()

    # -- opening and rebuilding --------------------------------------------------------

    def _say(self, message: str) -> None:
        self.messages.append(message)
        if self._on_message is not None:
            self._on_message(message)

    def _problem(self) -> str | None:
        """Why the index on disk cannot be used as it is, or None if it can."""
        if not self.folder.is_dir() or not any(self.folder.glob("*.toc")):
            return "missing"
        try:
            meta = json.loads((self.folder / VERSION_FILE).read_text(encoding="utf-8"))
            version = int(meta["schema"])
        except (OSError, ValueError, KeyError, TypeError):
            return "of an unknown version"
        if version != SCHEMA_VERSION:
            return f"from another version of brief (schema {version}, now {SCHEMA_VERSION})"
        try:
            ix = _open_dir(self.folder)
            with ix.searcher() as s:
                s.doc_count()
                s.reader().stored_fields(0) if s.doc_count_all() else None
        except Exception as exc:  # any failure to read it means: rebuild
            return f"unreadable ({type(exc).__name__})"
        self._ix = ix
        return None

    def _open(self) -> None:
        problem = self._problem()
        if problem is None:
            return
        with self._lock():
            problem = self._problem()  # another process may have rebuilt it meanwhile
            if problem is not None:
                count = self._rebuild_locked()
                self.rebuilt_on_open = True
                if problem != "missing" or (count and not self.library.created):
                    self._say(
                        f"search index {problem}: rebuilt it from the library ({count} briefings)"
                    )

    @property
    def ix(self) -> windex.Index:
        assert self._ix is not None
        return self._ix

    def rebuild(self) -> int:
        """Rebuild the whole index from the store (``brief reindex``); returns the count."""
        with self._lock():
            return self._rebuild_locked()

    def _rebuild_locked(self) -> int:
        self._drop_searchers()
        parent = self.folder.parent
        for stale in list(parent.glob(f"{INDEX_DIR}.new-*")) + list(
            parent.glob(f"{INDEX_DIR}.old-*")
        ):
            _remove(stale)
        snapshot = self.library.pending_index_ops()
        fresh = parent / f"{INDEX_DIR}.new-{os.getpid()}"
        fresh.mkdir(parents=True)
        ix = _storage(fresh).create_index(build_schema())
        ids = self.library.ids()
        pending = [i for i, op, _ in snapshot if op == "upsert"]
        total = len(ids) + len(pending)
        progress = self._on_progress if total > NOTE_ABOVE else None
        if progress is not None:
            progress(0, total)
        workers = workers_for(len(ids))
        if workers > 1:
            build_segments(
                self.library.folder,
                fresh,
                ids,
                workers,
                None if progress is None else lambda done: progress(done, total),
            )
        else:
            self._build_here(ix, ids, progress, total)
        count = len(ids)
        (fresh / VERSION_FILE).write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
        old = parent / f"{INDEX_DIR}.old-{os.getpid()}"
        if os.path.lexists(self.folder):  # also a dangling symbolic link or a link loop
            os.replace(self.folder, old)
        os.replace(fresh, self.folder)
        _remove(old)
        self._ix = _open_dir(self.folder)
        # The new index has the changes that were queued; their related lists are still due.
        self.library.move_to_related(snapshot)
        related = count
        while done := self.relate_up(once=True):
            related += done
            if progress is not None:
                progress(min(total, related), total)
        return count

    def _build_here(
        self,
        ix: windex.Index,
        ids: list[str],
        progress: Callable[[int, int], None] | None,
        total: int,
    ) -> None:
        """Index ``ids`` into the new index ``ix`` in this process (a small library)."""
        writer = StreamingMergeWriter(ix, limitmb=128)
        try:
            for start in range(0, len(ids), 200):
                chunk = ids[start : start + 200]
                added = added_times(self.library, chunk)
                for b in self.library.get_many(chunk):
                    writer.add_document(**index_document(b, added.get(b.id)))
                if progress is not None:
                    progress(start + len(chunk), total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    @contextmanager
    def _lock(self, name: str = LOCK_FILE) -> Iterator[None]:
        """The one-writer-at-a-time lock of the index (or, with ``RELATED_LOCK_FILE``,
        of related lists); waits up to ``lock_timeout`` for another writer."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self._sound_lock(self.folder.parent / name)
        lock = FileLock(str(self.folder.parent / name))
        deadline = time.monotonic() + self.lock_timeout
        while not lock.acquire(blocking=False):
            if time.monotonic() > deadline:
                raise SearchIndexError(
                    f"the search index in {self.folder} is busy: another brief has been writing "
                    f"it for {self.lock_timeout:.0f} s; try again when it has finished"
                )
            time.sleep(0.05)
        try:
            yield
        finally:
            lock.release()

    def _sound_lock(self, path: Path) -> None:
        """A lock file that is something else (a folder, a symbolic link, a FIFO left by
        another program) is moved aside, with a message, so that locking works again."""
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return
        if stat.S_ISREG(st.st_mode):
            return
        aside = path.with_name(f"{path.name}.moved-aside-{os.getpid()}-{int(time.time())}")
        try:
            os.replace(path, aside)
        except OSError as exc:
            raise SearchIndexError(
                f"{path} is not a lock file and cannot be moved aside ({exc.strerror or exc}): "
                "remove it and try again"
            ) from None
        self._say(f"{path} was not a lock file: moved it aside to {aside.name}")

    # -- keeping up with the store --------------------------------------------------------

    def sync(self) -> int:
        """Apply the store's pending changes to the index; returns how many were applied.

        Also recomputes related articles and quote links for the changed
        briefings (and adds them to the related lists they now belong in),
        including changes a background relater left unfinished.
        """
        applied = 0
        waiting = self.library.outstanding_changes()
        if waiting:
            progress = None
            if waiting > NOTE_ABOVE:
                self._say("updating the search index and related articles…")
                progress = self._on_progress
            if progress is not None:
                progress(0, waiting)

            def report() -> None:
                if progress is not None:
                    progress(max(0, waiting - changes_left(self.library)), waiting)

            self._related_step = report
            try:
                with self._lock():
                    while ops := self.library.pending_index_ops(limit=self.batch):
                        known = self._index(ops)
                        applied += len(ops)
                        self.relate_up(known=known)
                        report()
                self.relate_up()
            finally:
                self._related_step = None
            report()
        self._reconcile_if_needed()
        return applied

    def catch_up(self, *, min_pending: int | None = None, batch: int | None = None) -> int:
        """Index one batch of queued changes if at least ``min_pending`` are waiting
        (their related lists are left to ``relate_up``).

        For a background indexer (``search.background``): it leaves the last, partial
        batch and the consistency check to the command's own ``sync``. Both default
        to the index's ``batch``.
        """
        min_pending = min_pending or self.batch
        batch = batch or self.batch
        if len(self.library.pending_index_ops(limit=min_pending)) < min_pending:
            return 0
        with self._lock():
            ops = self.library.pending_index_ops(limit=batch)
            if ops:
                self._index(ops)
            return len(ops)

    def relate_up(
        self,
        *,
        min_pending: int = 1,
        batch: int | None = None,
        once: bool = False,
        known: dict[str, Briefing] | None = None,
    ) -> int:
        """Recompute related lists and quote links for indexed changes, in batches, if
        at least ``min_pending`` are waiting (``once``: one batch only). ``known``:
        briefings already read from the store."""
        batch = batch or self.batch
        if len(self.library.pending_related_ops(limit=min_pending)) < min_pending:
            return 0
        done = 0
        with self._lock(RELATED_LOCK_FILE):
            while ops := self.library.pending_related_ops(limit=batch):
                done += self._relate(ops, known or {})
                if once:
                    break
        return done

    def _index(self, ops: list[tuple[str, str, str]]) -> dict[str, Briefing]:
        """Stage one: apply ``ops`` to the index and queue them for ``relate_up``;
        returns the briefings it read."""
        briefings, deleted = self._changed(ops, {})
        added = added_times(self.library, [b.id for b in briefings])
        writer = StreamingMergeWriter(self.ix, timeout=self.lock_timeout)
        try:
            for n, b in enumerate(briefings, 1):
                writer.update_document(**index_document(b, added.get(b.id)))
                if n % RELATE_STEP == 0 and n < len(ops):
                    self.library.set_meta(INDEX_DONE_KEY, str(n))
                    if self._related_step is not None:
                        self._related_step()
            for briefing_id in deleted:
                writer.delete_by_term("id", briefing_id)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=functools.partial(merge_tiers, batch=self.batch))
        self._drop_searchers()
        self.library.move_to_related(ops)
        self.library.set_meta(INDEX_DONE_KEY, "0")
        return {b.id: b for b in briefings}

    def _changed(
        self, ops: list[tuple[str, str, str]], known: dict[str, Briefing]
    ) -> tuple[list[Briefing], list[str]]:
        """The stored briefings of ``ops`` (from ``known`` when there) and the ids that
        are gone (deleted, or no longer in the store)."""
        latest = {briefing_id: op for briefing_id, op, _ in ops}
        upsert_ids = [i for i, op in latest.items() if op == "upsert"]
        briefings = [known[i] for i in upsert_ids if i in known]
        briefings += self.library.get_many([i for i in upsert_ids if i not in known])
        found = {b.id for b in briefings}
        return briefings, [i for i in latest if i not in found]

    def _relate(self, ops: list[tuple[str, str, str]], known: dict[str, Briefing]) -> int:
        """Stage two: related lists and quote links for indexed ``ops``."""
        briefings, deleted = self._changed(ops, known)

        def done(n: int) -> None:
            if n % RELATE_STEP == 0 and n < len(ops):
                self.library.set_meta(RELATED_DONE_KEY, str(n))
                if self._related_step is not None:
                    self._related_step()

        self._update_related(briefings, deleted, done)
        self.library.ack_related_ops(ops)
        self.library.set_meta(RELATED_DONE_KEY, "0")
        return len(ops)

    def _update_related(
        self,
        briefings: list[Briefing],
        deleted: list[str],
        on_each: Callable[[int], None] | None = None,
    ) -> None:
        from search.related import RelatedUpdater

        try:
            RelatedUpdater(self).update(briefings, deleted, on_each)
        except Exception:
            # Related lists are a nicety: a failure there must not keep the index
            # from catching up (and so every later command from working).
            if STRICT:
                raise
            log.warning(
                "related articles not updated for %d briefings", len(briefings), exc_info=True
            )
        self._update_stories([b.id for b in briefings], deleted)

    def _update_stories(self, changed: list[str], deleted: list[str]) -> None:
        """Stories follow the related lists and quote links just computed."""
        from briefings.stories import StoryUpdater
        from search.names import rare_names

        try:
            StoryUpdater(self.library, rare_names(self)).update(changed, deleted)
        except Exception:
            if STRICT:
                raise
            log.warning("stories not updated for %d briefings", len(changed), exc_info=True)

    def _reconcile_if_needed(self) -> None:
        """Repair an index whose documents differ from the store's briefings (e.g. after
        someone deleted index files): cheap count check first, id diff only on mismatch."""
        if self.library.pending_index_ops(limit=1):
            return
        with self.ix.searcher() as s:
            if s.doc_count() == self.library.count():
                return
        self.reconcile()

    def reconcile(self) -> tuple[int, int]:
        """Queue what the index lacks or has too much of, then sync. Returns (added, removed)."""
        in_store = set(self.library.ids())
        in_index = self.indexed_ids()
        missing, extra = in_store - in_index, in_index - in_store
        if not missing and not extra:
            return 0, 0
        self.library.queue_for_index(sorted(missing), sorted(extra))
        self.sync()
        return len(missing), len(extra)

    def indexed_ids(self) -> set[str]:
        with self.ix.searcher() as s:
            return {fields["id"] for fields in s.all_stored_fields()}

    def doc_count(self) -> int:
        with self.ix.searcher() as s:
            return int(s.doc_count())

    # -- searching ---------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """This thread's searcher, refreshed to the latest commit (Whoosh searchers are
        expensive to open and must not be shared between threads)."""
        current = getattr(self._local, "searcher", None)
        current = self.ix.searcher() if current is None else current.refresh()
        self._local.searcher = current
        return current

    def share_searcher(self) -> None:
        """Keep one searcher for every thread, for a caller that makes one call at a time
        (the reader's services, under their lock, from a new worker thread per search:
        a searcher per thread cost 2-3 ms to open and its caches started cold)."""
        current = getattr(self._local, "searcher", None)
        self._local = _SharedSearcher()
        self._local.searcher = current

    def _drop_searchers(self) -> None:
        current = getattr(self._local, "searcher", None)
        if current is not None:
            current.close()
            self._local.searcher = None

    def close(self) -> None:
        self._drop_searchers()

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        sort: str = "relevance",
        highlight: bool = True,
        facets: bool = True,
        snippets: int | None = None,
        suggest: bool = True,
        exact_count: bool = False,
    ) -> SearchResults:
        """Run ``query``; raises ``QueryError`` (a one-line message) when it is malformed.

        Relevance search scores only what can enter the top ``limit`` (``search.topk``)
        and counts hits exactly up to ``COUNT_LIMIT`` (1,000): past it ``total`` is
        1,000 and ``total_exact`` False (shown "1,000+"); ``exact_count=True`` counts
        every hit (without scoring them). Sorted by date, the hits are read newest
        first without scoring and the count is always exact.

        ``facets=False`` skips the counts by source and speaker (they read every
        matching document): search-as-you-type does not show them.
        ``snippets=N`` highlights only the first N hits (the others get an empty
        snippet; ``highlights`` makes theirs later) and ``suggest=False`` skips "did you
        mean" (``suggestion`` makes it later): search-as-you-type paints the hits first.
        """
        if sort not in ("relevance", "date"):
            raise QueryError(f"unknown sort {sort!r}: use relevance or date")
        parsed = parse_query(query, self.marked_ids)
        args = (parsed, limit, sort, highlight, facets, snippets, suggest, exact_count)
        try:
            return self._search(*args)
        except QueryError:
            raise
        except Exception as exc:
            # Another process may have rebuilt the index under us: reopen it. Only an
            # index that cannot be opened either is rebuilt from the store.
            log.warning("search failed; reopening the index", exc_info=True)
            self._drop_searchers()
            if self._problem() is None:
                return self._search(*args)
            with self._lock():
                count = self._rebuild_locked()
            self._say(
                f"search index unreadable ({type(exc).__name__}): rebuilt it from the library "
                f"({count} briefings)"
            )
            return self._search(*args)

    def marked_ids(self, mark: str, tag: str) -> set[str]:
        """The briefings in a reading state (``is:unread``, ``tag:chips``): the store
        keeps reading state, so a change to it never touches the index."""
        return self.library.marked_ids(mark, tag)

    def _search(
        self,
        parsed: ParsedQuery,
        limit: int,
        sort: str,
        highlight: bool,
        facets: bool = True,
        snippets: int | None = None,
        suggest: bool = True,
        exact_count: bool = False,
    ) -> SearchResults:
        searcher = self.searcher()
        by_date = sort == "date" or isinstance(parsed.query, wq.Every)
        if by_date:
            ranked, total, exact = self._newest(searcher, parsed.query, max(1, limit))
        else:
            ranked, total, exact = self._ranked(searcher, parsed.query, max(1, limit), exact_count)
        ranked = ranked[: max(0, limit)]
        records = self._records(searcher, [docnum for _, docnum in ranked])
        texts: dict[str, dict[str, str]] = {}
        if highlight:
            # the text to highlight comes from the store (the index keeps none)
            wanted = records if snippets is None else records[: max(0, snippets)]
            texts = self._texts([r.id for r in wanted], searcher)
        hits: list[Hit] = []
        for i, ((score, _docnum), record) in enumerate(zip(ranked, records, strict=True)):
            if not highlight:
                snippet = lead_snippet(record.lead)
            elif snippets is None or i < snippets:
                found = texts.get(record.id)
                snippet = (
                    lead_snippet(record.lead)
                    if found is None
                    else make_snippet(found, parsed.terms, parsed.phrases)
                )
            else:
                snippet = []
            hits.append(
                Hit(
                    id=record.id,
                    title=record.title,
                    source=record.source,
                    published=record.published,
                    score=0.0 if by_date else float(score or 0.0),
                    snippet=snippet,
                )
            )
        counts = self._facets(searcher, parsed.query) if facets else {}
        return SearchResults(
            query=parsed.text,
            total=total,
            hits=hits,
            suggestion=self._suggest(parsed, searcher, total) if suggest else None,
            facets=counts,
            total_exact=exact,
        )

    def _records(self, searcher: Searcher, docnums: list[int]) -> list[HitRecord]:
        """What the result list shows of each document, from the small ``hit`` column
        (never the stored fields). A document without
        one (not written by this schema) is filled in from the store by its id."""
        column = _hit_column(searcher)
        out: list[HitRecord | None] = [
            None if column is None else hit_record(column[d]) for d in docnums
        ]
        if any(r is None for r in out):
            reader = searcher.reader()
            ids = {
                d: reader.stored_fields(d).get("id") or ""
                for d, r in zip(docnums, out, strict=True)
                if r is None
            }
            known = {b.id: b for b in self.library.get_many([i for i in ids.values() if i])}
            for n, d in enumerate(docnums):
                if out[n] is None:
                    b = known.get(ids[d])
                    out[n] = (
                        HitRecord(ids[d], "", None, None, "")
                        if b is None
                        else HitRecord(
                            b.id,
                            b.title,
                            b.source or None,
                            b.published,
                            lead_text(snippet_texts(b)),
                        )
                    )
        return [r for r in out if r is not None]

    def _texts(self, ids: list[str], searcher: Searcher) -> dict[str, dict[str, str]]:
        """The snippet texts of the briefings ``ids`` that the store still has and can
        read (a damaged briefing gets the plain snippet, and the search still works).

        The last ``CACHED_TEXTS`` briefings' texts are kept while the index generation
        (``searcher``) is the same: search as you type highlights the same hits on
        keystroke after keystroke, and each costs a store read and a parse. (The
        index's text was as old as its generation too, before schema 6.)"""
        if not ids:
            return {}
        held, cache = self._text_cache
        if held is not searcher:
            cache = OrderedDict()
            self._text_cache = (searcher, cache)
        out = {i: cache[i] for i in ids if i in cache}
        missing = [i for i in ids if i not in out]
        if missing:
            try:
                found = self.library.get_many(missing)
            except LibraryError:  # one of them is unreadable: read them one by one
                found = []
                for briefing_id in missing:
                    with suppress(LibraryError):
                        found.append(self.library.get(briefing_id))
            for b in found:
                out[b.id] = cache[b.id] = snippet_texts(b)
        for i in out:
            cache.move_to_end(i)
        while len(cache) > CACHED_TEXTS:
            cache.popitem(last=False)
        return out

    def forget_texts(self) -> None:
        """Drop the kept snippet texts (the benchmark measures searches cold with it)."""
        self._text_cache = (None, OrderedDict())

    def _ranked(
        self, searcher: Searcher, query: wq.Query, limit: int, exact_count: bool
    ) -> tuple[list[tuple[float, int]], int, bool]:
        """The best ``limit`` (score, docnum) by relevance, and the hit count."""
        if clauses_of(query) is not None:
            found = Matches(searcher, query, None if exact_count else COUNT_LIMIT)
            ranked = top_k(searcher, query, limit, found)
            assert ranked is not None
            return ranked, found.count, found.exact
        # A shape search.topk does not prune (a top-level OR, only filters): score every
        # match, and count them in the same pass.
        collector = TopCollector(limit, usequality=False, replace=0)
        searcher.search_with_collector(query, collector)
        results = collector.results()
        return [(float(s or 0.0), d) for s, d in results.top_n], len(results), True

    def _newest(
        self, searcher: Searcher, query: wq.Query, limit: int
    ) -> tuple[list[tuple[float, int]], int, bool]:
        """The newest ``limit`` matches (undated last, then by document number), read
        through the date order of the index without scoring; the count is exact."""
        order, rank = self._date_order(searcher)
        reader = searcher.reader()
        if isinstance(query, wq.Every):
            picked: list[int] = []
            for docnum in order:
                if not reader.is_deleted(docnum):
                    picked.append(docnum)
                    if len(picked) >= limit:
                        break
            return [(0.0, d) for d in picked], int(searcher.doc_count()), True
        matches = Matches(searcher, query, None).docnums(searcher)
        newest = heapq.nsmallest(limit, matches, key=rank.__getitem__)
        return [(0.0, d) for d in newest], len(matches), True

    def _date_order(self, searcher: Searcher) -> tuple[list[int], list[int]]:
        """Every document number newest first, and each one's place in that order; made
        once per searcher (per index generation) and kept while it is current."""
        cached = getattr(self._local, "date_order", None)
        if cached is not None and cached[0] is searcher:
            return cached[1], cached[2]
        days = list(searcher.reader().column_reader("pubsort"))
        order = sorted(range(len(days)), key=lambda d: (-days[d], d))
        rank = [0] * len(days)
        for place, docnum in enumerate(order):
            rank[docnum] = place
        self._local.date_order = (searcher, order, rank)
        return order, rank

    def _facets(self, searcher: Searcher, query: wq.Query) -> dict[str, list[tuple[str, int]]]:
        """Counts by source and by speaker over every matching briefing.

        Read from the ``facets`` column of the matching documents only: Whoosh's own
        facet for a many-valued field walks every speaker's postings on every query
        (half a second at 10,000 briefings, growing with the library).
        """
        column = searcher.reader().column_reader("facets")
        sources: Counter[str] = Counter()
        speakers: Counter[str] = Counter()
        for docnum in Matches(searcher, query, None).docnums(searcher):
            raw = column[docnum]
            if not raw:
                continue
            source, _, names = raw.decode("utf-8").partition(FACET_SOURCE_END)
            if source:
                sources[source] += 1
            if names:
                speakers.update(dict.fromkeys(names.split(FACET_SEPARATOR), 1))
        return {"source": _facet(sources), "speaker": _facet(speakers)}

    def highlights(self, query: str, ids: list[str]) -> dict[str, Snippet]:
        """Highlighted snippets of ``query`` for the briefings ``ids`` (those still indexed)."""
        parsed = parse_query(query, self.marked_ids)
        searcher = self.searcher()
        indexed = [i for i in ids if searcher.document_number(id=i) is not None]
        texts = self._texts(indexed, searcher)
        return {
            i: make_snippet(texts[i], parsed.terms, parsed.phrases) for i in indexed if i in texts
        }

    def suggestion(self, query: str, total: int) -> str | None:
        """'Did you mean' for ``query`` (as ``search`` gives it)."""
        return self._suggest(parse_query(query, self.marked_ids), self.searcher(), total)

    def _suggest(self, parsed: ParsedQuery, searcher: Searcher, total: int) -> str | None:
        """'Did you mean': the query with each unknown bare word replaced by the nearest
        known word (fewest edits, then most documents)."""
        from search.spelling import correct_words

        return correct_words(parsed, searcher.reader(), total)

    def count(self, query: str, *, since: datetime | None = None) -> int:
        """How many briefings match ``query`` (added after ``since``, if given)."""
        parsed = parse_query(query, self.marked_ids)
        q = parsed.query
        if since is not None:
            q = wq.And([q, wq.DateRange("added", since, None, startexcl=True)])
        return count_upto(self.searcher(), q, None)[0]


#: Per index reader: its ``hit`` column reader (None when it has none), made once.
_HIT_COLUMNS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _hit_column(searcher: Searcher) -> Any:
    reader = searcher.reader()
    try:
        return _HIT_COLUMNS[reader]
    except KeyError:
        pass
    except TypeError:  # not weakly referable: no cache
        return reader.column_reader("hit", translate=False) if reader.has_column("hit") else None
    column = reader.column_reader("hit", translate=False) if reader.has_column("hit") else None
    _HIT_COLUMNS[reader] = column
    return column


def ids_of(searcher: Searcher, docnums: list[int]) -> list[str]:
    """The briefing ids of documents (global numbers), from the ``hit`` column."""
    column = _hit_column(searcher)
    out: list[str] = []
    reader = searcher.reader()
    for d in docnums:
        record = None if column is None else hit_record(column[d])
        out.append(record.id if record is not None else reader.stored_fields(d)["id"])
    return out


class _SharedSearcher:
    """Stands in for the thread-local holder of ``SearchIndex.searcher`` once shared."""

    searcher: Searcher | None = None
    date_order: Any = None


def _storage(folder: Path) -> FileStorage:
    """Index files read with plain seeks and reads, not memory-mapped: this Whoosh copies
    every part of an mmapped segment it opens (postings, stored fields) into a BytesIO,
    so a reader held the index about twice over (about 300 MB at 10,000 briefings)."""
    return FileStorage(str(folder), supports_mmap=False)


def _remove(path: Path) -> None:
    """Remove an old index folder, or the symbolic link that stood in its place."""
    if path.is_symlink() or not path.is_dir():
        with contextlib.suppress(OSError):
            path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def _open_dir(folder: Path) -> windex.Index:
    return _storage(folder).open_index()


def _facet(groups: dict) -> list[tuple[str, int]]:
    pairs = [
        (key.decode("utf-8") if isinstance(key, bytes) else str(key), int(n))
        for key, n in groups.items()
        if key not in (None, "", b"")
    ]
    pairs.sort(key=lambda p: (-p[1], p[0].lower()))
    return pairs[:FACET_LIMIT]
