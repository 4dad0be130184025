"""The library: briefings stored in SQLite (standard library), the source of truth.

One file, ``library.sqlite3``, in the library folder. Every change to a
briefing happens in one transaction together with an entry in
``index_outbox``, so a crash never leaves a half-written briefing and the
search index can always catch up with the store (the outbox is drained by the
search layer). The search layer works in two stages: a change the index has
taken moves to ``related_outbox`` until its related lists and quote links are
recomputed, so the two stages can run in two processes. The raw article text is stored too, so ``brief rebuild`` can
re-derive every briefing after the pipeline improves.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Concatenate, Literal, ParamSpec, TypeVar

from pydantic import TypeAdapter, ValidationError

from briefings.models import Article, Briefing, BriefingSummary, Related

_RELATED_LIST = TypeAdapter(list[Related])

SCHEMA_VERSION = 2
DB_NAME = "library.sqlite3"
ENV_LIBRARY = "BRIEF_LIBRARY"

Outcome = Literal["ingested", "updated", "unchanged"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS briefings (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    extractor_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT,
    author TEXT,
    published TEXT,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    article TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS briefings_published ON briefings (published);
CREATE INDEX IF NOT EXISTS briefings_added ON briefings (added_at);
CREATE TABLE IF NOT EXISTS index_outbox (
    id TEXT PRIMARY KEY,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS related_outbox (
    id TEXT PRIMARY KEY,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS saved_searches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_opened_at TEXT,
    last_count INTEGER
);
"""


_TABLES = frozenset({"meta", "briefings", "index_outbox", "related_outbox", "saved_searches"})

#: ORDER BY of ``Library.summaries`` and ``Library.listing``.
_SUMMARY_ORDER = {
    "published": "published IS NULL, published DESC, title COLLATE NOCASE",
    "added": "added_at DESC",
    "title": "title COLLATE NOCASE",
}


class LibraryError(Exception):
    """A library that cannot be used; ``str()`` says why and what to do."""


class LibraryDamaged(LibraryError):
    """The store file is not a healthy brief library; it is never written to."""


RECOVERY_HINT = (
    "move it aside (e.g. rename it to library.sqlite3.damaged) to start a new library, "
    "restore it from a backup, or salvage what is left with "
    "'sqlite3 library.sqlite3 .recover | sqlite3 recovered.sqlite3'"
)
_SQLITE_MAGIC = b"SQLite format 3\x00"


def damaged(db_path: Path, reason: object) -> LibraryDamaged:
    """The one-line error for a store that cannot be trusted."""
    return LibraryDamaged(
        f"{db_path} is not a readable brief library ({reason}). "
        f"It was left untouched: {RECOVERY_HINT}"
    )


def check_store_file(db_path: Path) -> None:
    """Cheap checks of the store file before SQLite opens it; raises ``LibraryDamaged``.

    An empty file is a store whose creation was interrupted (SQLite treats it
    as new). Otherwise the file must start with SQLite's header, and, when no
    write-ahead log is pending, be at least as long as the header says (a cut
    file would otherwise only fail once a read reaches the missing pages).
    """
    try:
        with open(db_path, "rb") as fh:
            header = fh.read(100)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise LibraryError(f"cannot open {db_path}: {exc.strerror or exc}") from None
    if size == 0:
        return
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise damaged(db_path, "file is not a database")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    try:
        wal_pending = os.stat(f"{db_path}-wal").st_size > 0
    except OSError:
        wal_pending = False
    if pages and change_counter == valid_for and not wal_pending and size < pages * page_size:
        raise damaged(db_path, f"truncated: the file has {size} of its {pages * page_size} bytes")


class NotFound(LibraryError):
    pass


class Ambiguous(LibraryError):
    pass


P = ParamSpec("P")
R = TypeVar("R")


def _guarded(method: Callable[Concatenate[Library, P], R]) -> Callable[Concatenate[Library, P], R]:
    """Turn SQLite failures and unreadable stored rows into one-line ``LibraryError``s."""

    @functools.wraps(method)
    def wrapper(self: Library, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:  # locked, disk full, I/O error, read-only
            if self.read_only or "readonly" in str(exc):
                raise LibraryError(
                    f"{self.folder} is read-only: it can be read but not changed"
                ) from None
            raise LibraryError(f"{self.db_path}: {exc}") from None
        except sqlite3.DatabaseError as exc:  # corruption found while reading
            raise damaged(self.db_path, exc) from None
        except ValidationError as exc:
            raise damaged(
                self.db_path, f"a stored briefing is invalid: {exc.errors()[0]['msg']}"
            ) from None
        except ValueError as exc:  # stored JSON that does not parse
            raise damaged(self.db_path, f"a stored briefing is unreadable: {exc}") from None

    return wrapper


def default_library_dir() -> Path:
    """``$BRIEF_LIBRARY`` or the platform's user data folder for brief."""
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("brief", appauthor=False)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    origin: str
    format: str
    encoding: str
    text: str
    content_hash: str


class Library:
    """A briefing library in a folder. Use as a context manager or call ``close``."""

    def __init__(self, folder: Path | str, *, create: bool = True) -> None:
        self.folder = Path(folder)
        self.db_path = self.folder / DB_NAME
        self.created = False
        #: one line per stored row that could not be read and was left out
        self.skipped: list[str] = []
        #: tables another program dropped, recreated when the store was opened
        self.recreated: list[str] = []
        if not self.db_path.exists():
            if not create:
                raise LibraryError(f"no library at {self.folder}")
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(
                    f"cannot create the library folder {self.folder}: {exc.strerror or exc}"
                ) from None
            self.created = True
        self._conn = self._connect()

    # -- connection and schema -------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        check_store_file(self.db_path)
        if self._cannot_write():
            return self._connect_read_only()
        try:
            conn = sqlite3.connect(
                self.db_path, timeout=60, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot open {self.db_path}: {exc}") from None
        try:
            self._prepare(conn)
        except BaseException as exc:
            conn.close()  # no -wal/-shm files left beside a store we refuse
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                return self._connect_read_only()
            if isinstance(exc, sqlite3.DatabaseError):
                raise damaged(self.db_path, exc) from None
            raise
        return conn

    #: True when the store could only be opened for reading (a read-only mount or
    #: file): reading works, writing commands say so in one line.
    read_only = False

    def _cannot_write(self) -> bool:
        if not self.db_path.exists():
            return False
        return not (os.access(self.db_path, os.W_OK) and os.access(self.folder, os.W_OK))

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open a store that cannot be written, for reading. SQLite needs to write a
        WAL store's shared-memory file even to read it; where even that is impossible
        (a read-only mount) the file is opened as immutable (nobody can change it)."""
        self.read_only = True
        uri = self.db_path.resolve().as_uri()
        last: Exception | None = None
        for flags in ("?mode=ro", "?mode=ro&immutable=1"):
            conn: sqlite3.Connection | None = None
            try:
                conn = sqlite3.connect(
                    uri + flags,
                    uri=True,
                    timeout=60,
                    isolation_level=None,
                    check_same_thread=False,
                )
                conn.row_factory = sqlite3.Row
                tables = {
                    r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                if "meta" not in tables or "briefings" not in tables:
                    conn.close()
                    raise damaged(self.db_path, "not a brief library")
                version = self._schema_version(conn)
                if version is not None and version > SCHEMA_VERSION:
                    conn.close()
                    raise LibraryError(
                        f"{self.db_path} was written by a newer brief (schema {version}); "
                        "upgrade brief to use it"
                    )
                conn.execute("SELECT COUNT(*) FROM briefings").fetchone()
                return conn
            except sqlite3.OperationalError as exc:
                last = exc
                if conn is not None:
                    conn.close()
                continue
            except sqlite3.DatabaseError as exc:
                if conn is not None:
                    conn.close()
                raise damaged(self.db_path, exc) from None
        raise LibraryError(f"cannot open {self.db_path} for reading: {last}")

    def read_only_note(self) -> str | None:
        if not self.read_only:
            return None
        return (
            f"{self.folder} cannot be written (a read-only file or mount): "
            "opened read-only, so nothing can be added or changed"
        )

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 60000")
        # Look before changing anything: another program's database must not be
        # switched to WAL mode or given our tables.
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise LibraryDamaged(
                f"{self.db_path} is an SQLite file of some other program, not a brief "
                f"library. It was left untouched: {RECOVERY_HINT}"
            )
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":  # pragma: no cover - filesystems without WAL support
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        self._migrate(conn)

    def _schema_version(self, conn: sqlite3.Connection) -> int | None:
        """The store's schema version; ``None`` for a new, empty store."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" not in tables:
            return None
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            return None
        try:
            return int(row[0])
        except (TypeError, ValueError):
            raise damaged(self.db_path, f"unknown schema version {row[0]!r}") from None

    def _migrate(self, conn: sqlite3.Connection) -> None:
        # A plain read first: opening an up-to-date store takes no write lock, so
        # readers never queue behind a writer.
        version = self._schema_version(conn)
        if version is None:
            with _transaction(conn):
                if self._schema_version(conn) is None:  # nobody created it meanwhile
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION),),
                    )
        elif version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.db_path} was written by a newer brief (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); upgrade brief to use it"
            )
        elif version == SCHEMA_VERSION:
            self._recreate_missing_tables(conn)
        elif version < SCHEMA_VERSION:
            with _transaction(conn):
                # Version 2 added related_outbox; every statement is CREATE ... IF NOT EXISTS.
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(
                    "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
                )
        conn.execute("SELECT COUNT(*) FROM briefings").fetchone()

    def _recreate_missing_tables(self, conn: sqlite3.Connection) -> None:
        """A table dropped by another program is created again (empty), and named."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(_TABLES - tables)
        if not missing:
            return
        if "briefings" in missing:
            raise damaged(self.db_path, "its briefings table is missing")
        with _transaction(conn):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
        self.recreated = missing

    @_guarded
    def integrity_problems(self) -> list[str]:
        """SQLite's own quick check (reads the whole file): empty when healthy."""
        rows = [r[0] for r in self._conn.execute("PRAGMA quick_check")]
        return [] if rows == ["ok"] else rows

    def ensure_healthy(self) -> None:
        """Refuse to write into a damaged store: raises ``LibraryDamaged``.

        Runs SQLite's quick check (it reads the whole file: about 50 ms for
        2,225 articles), so it is meant for the start of a writing command.
        """
        if self.read_only:
            raise LibraryError(f"{self.folder} is read-only: it can be read but not changed")
        problems = self.integrity_problems()
        if problems:
            raise damaged(self.db_path, problems[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write (BEGIN IMMEDIATE: writers queue on the busy timeout)."""
        with _transaction(self._conn) as conn:
            yield conn

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    # -- meta ---------------------------------------------------------------------

    @_guarded
    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @_guarded
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- writing ------------------------------------------------------------------

    @_guarded
    def status_of(self, article: Article, extractor_version: int) -> Outcome:
        """What storing ``article`` would do, without deriving anything."""
        row = self._conn.execute(
            "SELECT content_hash, extractor_version FROM briefings WHERE id=?", (article.id,)
        ).fetchone()
        if row is None:
            return "ingested"
        if (
            row["content_hash"] == article.content_hash
            and row["extractor_version"] == extractor_version
        ):
            return "unchanged"
        return "updated"

    @_guarded
    def put(self, article: Article, briefing: Briefing, *, force: bool = False) -> Outcome:
        """Store (or replace) the briefing for ``article`` atomically.

        Unchanged content from the same extractor is left alone unless ``force``.
        """
        stamp = now_iso()
        data = briefing.model_dump_json()
        published = briefing.published.isoformat() if briefing.published else None
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT content_hash, extractor_version, added_at, data FROM briefings WHERE id=?",
                (briefing.id,),
            ).fetchone()
            if (
                not force
                and row is not None
                and row["content_hash"] == article.content_hash
                and (row["extractor_version"] == briefing.extractor_version)
            ):
                return "unchanged"
            if row is not None and not briefing.related:
                # Keep related links computed by the search layer until it recomputes them.
                related = _stored_related(row["data"])
                if related:
                    briefing = briefing.model_copy(update={"related": related})
                    data = briefing.model_dump_json()
            conn.execute(
                """INSERT INTO briefings (id, origin, format, encoding, content_hash, extractor_version,
                       title, source, author, published, added_at, updated_at, article, data)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET
                       origin=excluded.origin, format=excluded.format, encoding=excluded.encoding,
                       content_hash=excluded.content_hash, extractor_version=excluded.extractor_version,
                       title=excluded.title, source=excluded.source, author=excluded.author,
                       published=excluded.published, updated_at=excluded.updated_at,
                       article=excluded.article, data=excluded.data""",
                (
                    briefing.id, article.origin, article.format, article.encoding, article.content_hash,
                    briefing.extractor_version, briefing.title, briefing.source, briefing.author,
                    published, stamp, stamp, article.text, data,
                ),
            )  # fmt: skip
            self._queue(conn, briefing.id, "upsert")
            return "ingested" if row is None else "updated"

    @_guarded
    def update_briefing(self, briefing: Briefing, *, reindex: bool = False) -> None:
        """Replace the stored JSON of an existing briefing (e.g. its related links)."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE briefings SET data=? WHERE id=?", (briefing.model_dump_json(), briefing.id)
            )
            if cur.rowcount and reindex:
                self._queue(conn, briefing.id, "upsert")

    @_guarded
    def delete(self, briefing_id: str) -> bool:
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM briefings WHERE id=?", (briefing_id,))
            if cur.rowcount:
                self._queue(conn, briefing_id, "delete")
            return bool(cur.rowcount)

    @staticmethod
    def _queue(conn: sqlite3.Connection, briefing_id: str, op: str) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO index_outbox (id, op, queued_at) VALUES (?, ?, ?)",
            (briefing_id, op, now_iso()),
        )

    # -- the index outbox ------------------------------------------------------------

    @_guarded
    def pending_index_ops(self, limit: int | None = None) -> list[tuple[str, str, str]]:
        """(id, op, queued_at) of changes not yet applied to the search index."""
        return self._queued("index_outbox", limit)

    def _queued(self, table: str, limit: int | None) -> list[tuple[str, str, str]]:
        sql = f"SELECT id, op, queued_at FROM {table} ORDER BY queued_at"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [(r[0], r[1], r[2]) for r in self._conn.execute(sql)]

    @_guarded
    def ack_index_ops(self, ops: list[tuple[str, str, str]]) -> None:
        """Forget outbox entries once the index has them (unless re-queued since)."""
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM index_outbox WHERE id=? AND queued_at=?", [(i, q) for i, _, q in ops]
            )

    @_guarded
    def move_to_related(self, ops: list[tuple[str, str, str]]) -> None:
        """The index has taken ``ops``: queue them for related lists and quote links, and
        forget them in the index outbox (unless re-queued since)."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO related_outbox (id, op, queued_at) VALUES (?, ?, ?)", ops
            )
            conn.executemany(
                "DELETE FROM index_outbox WHERE id=? AND queued_at=?", [(i, q) for i, _, q in ops]
            )

    @_guarded
    def pending_related_ops(self, limit: int | None = None) -> list[tuple[str, str, str]]:
        """(id, op, queued_at) of indexed changes whose related lists are not recomputed yet."""
        return self._queued("related_outbox", limit)

    @_guarded
    def ack_related_ops(self, ops: list[tuple[str, str, str]]) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM related_outbox WHERE id=? AND queued_at=?",
                [(i, q) for i, _, q in ops],
            )

    @_guarded
    def outstanding_changes(self) -> int:
        """Briefings with a change not yet fully applied (index, related lists or both)."""
        row = self._conn.execute(
            "SELECT COUNT(*) FROM (SELECT id FROM index_outbox UNION SELECT id FROM related_outbox)"
        ).fetchone()
        return int(row[0])

    @_guarded
    def queue_all_for_index(self) -> int:
        with self.transaction() as conn:
            stamp = now_iso()
            conn.execute("DELETE FROM index_outbox")
            cur = conn.execute(
                "INSERT INTO index_outbox SELECT id, 'upsert', ? FROM briefings", (stamp,)
            )
            return cur.rowcount

    # -- reading ---------------------------------------------------------------------

    @_guarded
    def count(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM briefings").fetchone()[0])

    @_guarded
    def ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM briefings ORDER BY id")]

    @_guarded
    def get(self, briefing_id: str) -> Briefing:
        row = self._conn.execute("SELECT data FROM briefings WHERE id=?", (briefing_id,)).fetchone()
        if row is None:
            raise NotFound(f"no briefing with id {briefing_id}")
        return self._parse(briefing_id, row[0])

    def _parse(self, briefing_id: str, data: str) -> Briefing:
        try:
            return Briefing.model_validate_json(data)
        except ValueError as exc:
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise LibraryError(
                f"briefing {briefing_id} in {self.db_path} is unreadable ({reason}); "
                "'brief rebuild --all' derives it again from its stored article"
            ) from None

    @_guarded
    def get_many(self, ids: list[str]) -> list[Briefing]:
        """Briefings for ``ids`` in that order (missing ids are skipped)."""
        found: dict[str, Briefing] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                f"SELECT id, data FROM briefings WHERE id IN ({marks})", chunk
            ):
                found[row[0]] = self._parse(row[0], row[1])
        return [found[i] for i in ids if i in found]

    @_guarded
    def related_of(self, briefing_id: str) -> list[Related] | None:
        """Only the related list of a briefing (``None`` if there is no such briefing):
        far cheaper than reading the whole briefing when that is all one needs."""
        row = self._conn.execute(
            "SELECT json_extract(data, '$.related') FROM briefings WHERE id=?", (briefing_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            return _RELATED_LIST.validate_json(row[0] or "[]")
        except ValueError:  # the whole briefing's parse reports a damaged row properly
            return self.get(briefing_id).related

    @_guarded
    def resolve(self, prefix: str) -> str:
        """The full id for a unique id prefix (as in git)."""
        prefix = prefix.strip().lower()
        if not prefix or any(c not in "0123456789abcdef" for c in prefix):
            raise NotFound(f"{prefix!r} is not a briefing id (ids are hexadecimal)")
        rows = self._conn.execute(
            "SELECT id FROM briefings WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (prefix, prefix + "g"),
        ).fetchall()
        if not rows:
            raise NotFound(f"no briefing with id {prefix}")
        if len(rows) > 1:
            raise Ambiguous(f"id prefix {prefix} is ambiguous: use more characters")
        return str(rows[0][0])

    @_guarded
    def summaries(self, *, order: str = "published") -> list[BriefingSummary]:
        """Light rows for every briefing, newest first."""
        rows = self._conn.execute(
            "SELECT id, title, source, published, author, origin, extractor_version "
            f"FROM briefings ORDER BY {_SUMMARY_ORDER[order]}"
        )
        out: list[BriefingSummary] = []
        for r in rows:
            try:
                out.append(
                    BriefingSummary(
                        id=r[0],
                        title=r[1],
                        source=r[2],
                        published=r[3],
                        author=r[4],
                        origin=r[5],
                        extractor_version=r[6],
                    )
                )
            except ValidationError as exc:  # one bad row (written by something else)
                self._skip_row(r[0], exc.errors()[0]["msg"])
        return out

    def _skip_row(self, briefing_id: object, reason: str) -> None:
        """Remember a stored row that cannot be read; it is left out, not fatal."""
        message = (
            f"briefing {briefing_id} skipped: a stored value is unreadable ({reason}); "
            "'brief rebuild --all' derives it again"
        )
        if message not in self.skipped:
            self.skipped.append(message)

    @_guarded
    def listing(
        self, *, order: str = "published"
    ) -> list[tuple[str, str, str | None, date | None]]:
        """(id, title, source, published) of every briefing in ``summaries`` order, as plain
        tuples: the reader's list at 100,000 briefings cannot afford a model per row."""
        rows = self._conn.execute(
            f"SELECT id, title, source, published FROM briefings ORDER BY {_SUMMARY_ORDER[order]}"
        )
        parse = date.fromisoformat
        out: list[tuple[str, str, str | None, date | None]] = []
        for r in rows:
            try:
                out.append((r[0], r[1], r[2], parse(r[3]) if r[3] else None))
            except (ValueError, TypeError) as exc:  # one bad published value
                self._skip_row(r[0], str(exc))
        return out

    @_guarded
    def article(self, briefing_id: str) -> StoredArticle:
        row = self._conn.execute(
            "SELECT id, origin, format, encoding, article, content_hash FROM briefings WHERE id=?",
            (briefing_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no briefing with id {briefing_id}")
        return StoredArticle(row[0], row[1], row[2], row[3], row[4], row[5])

    @_guarded
    def stale_ids(self, extractor_version: int) -> list[str]:
        return [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM briefings WHERE extractor_version != ?", (extractor_version,)
            )
        ]

    @_guarded
    def added_since(self, stamp: str) -> set[str]:
        return {
            r[0]
            for r in self._conn.execute("SELECT id FROM briefings WHERE added_at > ?", (stamp,))
        }


def _stored_related(data: str) -> list[Related]:
    """The related links of a stored briefing; none if its JSON is unreadable
    (a damaged row must not stop it from being replaced)."""
    try:
        return [Related.model_validate(r) for r in json.loads(data).get("related") or []]
    except (ValueError, AttributeError, TypeError):
        return []


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite has already rolled back after some errors (SQLITE_FULL, IOERR):
        # a second ROLLBACK would fail and hide the real error.
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
