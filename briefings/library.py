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
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar

from pydantic import TypeAdapter, ValidationError

from briefings.models import Article, Briefing, BriefingSummary, QuoteLink, Related

_RELATED_LIST = TypeAdapter(list[Related])

SCHEMA_VERSION = 5
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
CREATE INDEX IF NOT EXISTS briefings_hash ON briefings (content_hash);
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
CREATE TABLE IF NOT EXISTS reading_state (
    id TEXT PRIMARY KEY REFERENCES briefings (id) ON DELETE CASCADE,
    read_at TEXT,
    starred_at TEXT
);
CREATE TABLE IF NOT EXISTS briefing_tags (
    id TEXT NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (id, tag)
);
CREATE INDEX IF NOT EXISTS briefing_tags_tag ON briefing_tags (tag);
"""

#: Version 3: stories (briefings that report the same event, linked pairwise; a story is
#: a connected group of links) and the last-digest mark of each saved search.
_STORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_members (
    briefing_id TEXT PRIMARY KEY,
    story_id INTEGER NOT NULL,
    joined_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story_id);
CREATE TABLE IF NOT EXISTS story_links (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS story_links_b ON story_links (b);
CREATE TABLE IF NOT EXISTS digest_marks (
    name TEXT PRIMARY KEY,
    marked_at TEXT NOT NULL
);
"""

#: Version 4: related lists and quote links in tables of their own (the search layer
#: computes them; the briefing JSON holds only what derivation produced). ``related``
#: is one row per entry of a briefing's list, in ``rank`` order; ``quote_links`` one row
#: per link of one of its quotes (``quote``) to a quote of another briefing, the link
#: itself (a ``QuoteLink``) as JSON; a quote's links are listed in date order when read
#: (``rank`` only keeps them apart). Both are indexed by the other end too, so the
#: lists that name a deleted briefing are found without reading every briefing.
_LINK_SCHEMA = """
CREATE TABLE IF NOT EXISTS related (
    id TEXT NOT NULL,
    rank INTEGER NOT NULL,
    other TEXT NOT NULL,
    title TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    duplicate INTEGER NOT NULL,
    PRIMARY KEY (id, rank)
);
CREATE INDEX IF NOT EXISTS related_other ON related (other);
CREATE TABLE IF NOT EXISTS quote_links (
    id TEXT NOT NULL,
    quote INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    other TEXT NOT NULL,
    link TEXT NOT NULL,
    PRIMARY KEY (id, quote, rank)
);
CREATE INDEX IF NOT EXISTS quote_links_other ON quote_links (other);
"""

#: Version 5: what finds and scores related articles without reading the index.
#: ``related_profiles`` holds each briefing's related-articles profile (an opaque,
#: compressed blob the search layer writes: its term weights, names, quotes, sketch);
#: ``related_terms`` is an inverted table over a few rare, weighted terms and names of
#: each profile (term -> briefing ids), capped per term: a term posted by more briefings
#: than its cap becomes common (``n`` = -1 in ``related_term_counts``, which otherwise
#: keeps how many briefings post each term) and loses its postings, so reading a term's
#: postings costs at most its cap, whatever the size of the library. A profile row lists
#: the terms its briefing posted (``terms``, JSON {term: weight}), which is how its
#: postings are found again (no second index on ``related_terms``).
_PROFILE_SCHEMA = """
CREATE TABLE IF NOT EXISTS related_profiles (
    id TEXT PRIMARY KEY,
    profile BLOB NOT NULL,
    terms TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS related_terms (
    term TEXT NOT NULL,
    id TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (term, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS related_term_counts (
    term TEXT PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
"""

#: Meta key the search layer sets once every briefing has its profile and postings;
#: cleared when those tables had to be made again.
PROFILES_META_KEY = "related_profiles"
_PROFILE_TABLES = frozenset({"related_profiles", "related_terms", "related_term_counts"})

#: Every schema statement, in migration order (each one is CREATE ... IF NOT EXISTS).
_ALL_SCHEMA = _SCHEMA + _STORY_SCHEMA + _LINK_SCHEMA + _PROFILE_SCHEMA

#: SQLite's page cache per connection, in KiB (its default is 2 MB). Related lists read
#: and write a few hundred pages of the inverted table, profiles and lists per new
#: briefing, scattered over a store of hundreds of MB: with 2 MB most of them were read
#: again from the file on every update. Pages are taken only as they are used.
CACHE_KIB = 32_768

#: After an upgrade that left more than this share of the file free (rewritten rows),
#: the store is compacted (VACUUM) if nobody else is using it at that moment.
VACUUM_FREE_SHARE = 0.1

#: The copy of an older store made (with SQLite's online backup) before it is upgraded.
BACKUP_SUFFIX = ".schema{version}.backup"


_TABLES = frozenset(
    {
        "meta",
        "briefings",
        "index_outbox",
        "related_outbox",
        "saved_searches",
        "related",
        "quote_links",
        "related_profiles",
        "related_terms",
        "related_term_counts",
    }
)

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
class ReadingState:
    """What the reader of a briefing did with it: read, starred, tagged."""

    read: bool = False
    starred: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovedBriefing:
    """Everything ``Library.remove`` took out, so that ``Library.restore`` can put it back."""

    row: dict[str, object]
    state: tuple[str | None, str | None] | None
    tags: tuple[tuple[str, str], ...]
    #: its related list and quote links, as stored (rows of those tables)
    related: tuple[tuple[object, ...], ...] = ()
    quote_links: tuple[tuple[object, ...], ...] = ()


#: What ``Library.marked_ids`` can look up (``tag`` also takes the tag's name).
MARKS = ("read", "starred", "tag")


def clean_tag(tag: str) -> str:
    """A tag as stored: lower case, no spaces or commas, no leading '#'."""
    return "-".join(tag.strip().lstrip("#").lower().replace(",", " ").split())


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
        #: one line saying that opening upgraded an older store (and where its copy is)
        self.migrated: str | None = None
        #: True for an older store opened read-only: its related lists and quote links
        #: are still inside the briefing JSON (there are no tables for them to be read from)
        self._links_in_json = False
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
    #: True for an older store opened read-only: it has no related-article profiles
    _no_profiles = False

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
                self._links_in_json = "related" not in tables or "quote_links" not in tables
                self._no_profiles = "related_terms" not in tables
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
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
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
                    for statement in _ALL_SCHEMA.split(";"):
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
            self._upgrade(conn, version)
        conn.execute("SELECT COUNT(*) FROM briefings").fetchone()

    def _upgrade(self, conn: sqlite3.Connection, version: int) -> None:
        """Bring an older store up to this schema, in one transaction, after copying it
        aside with SQLite's online backup (a consistent copy even while others read it).

        Version 2 added related_outbox, 3 reading_state, briefing_tags and the story and
        digest tables, 4 the related and quote_links tables, 5 the related-articles
        profiles and their inverted table (every statement is CREATE ... IF NOT
        EXISTS); the related lists and quote links stored inside each briefing's JSON
        until version 4 move into their tables. The profiles are made by the search
        layer from its index (``search.related``), on the next sync. An upgrade that
        left much of the file free is followed by a VACUUM when nobody else has the
        store open for writing at that moment (it is skipped, never waited for).
        """
        backup = self.db_path.with_name(self.db_path.name + BACKUP_SUFFIX.format(version=version))
        # Copied under a name of its own first: two programs opening the old store at once
        # both copy it, and only the one that upgrades it puts its copy in place.
        copy = backup.with_name(f"{backup.name}.{os.getpid()}.tmp")
        try:
            target = sqlite3.connect(copy)
            try:
                conn.backup(target)
            finally:
                target.close()
        except sqlite3.Error as exc:
            with suppress(OSError):
                copy.unlink()
            raise LibraryError(
                f"cannot upgrade {self.db_path} from schema {version}: making its backup "
                f"{backup.name} failed ({exc}); free some space and try again"
            ) from None
        lists = links = 0
        try:
            with _transaction(conn):
                current = self._schema_version(conn)
                if current is not None and current >= SCHEMA_VERSION:
                    return  # another program upgraded it meanwhile
                for statement in _ALL_SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if version < 4:
                    lists, links = _move_links_out_of_json(conn)
                conn.execute(
                    "UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),)
                )
            os.replace(copy, backup)
        finally:
            with suppress(OSError):
                copy.unlink()
        compacted = self._compact(conn)
        moved = (
            f"{lists} related lists and {links} quote links moved into tables of their own; "
            if version < 4
            else ""
        )
        self.migrated = (
            f"{self.db_path}: upgraded the library from schema {version} to {SCHEMA_VERSION} "
            f"({moved}related-article profiles are made on the next sync{compacted}); "
            f"the old store is kept as {backup.name}"
        )

    def _compact(self, conn: sqlite3.Connection) -> str:
        """VACUUM the store if much of it is free pages (rows an upgrade rewrote) and no
        one else is writing: returns a note for the upgrade's line ("" when not done).
        Safe: VACUUM is atomic, and with a zero busy timeout a store in use is left as
        it is (SQLite reuses its free pages)."""
        try:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            free = conn.execute("PRAGMA freelist_count").fetchone()[0]
            if not pages or free / pages < VACUUM_FREE_SHARE:
                return ""
            size = self.db_path.stat().st_size
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("VACUUM")
            finally:
                conn.execute("PRAGMA busy_timeout = 60000")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            saved = max(0, size - self.db_path.stat().st_size)
        except (sqlite3.Error, OSError):
            return ""
        return f", {saved / 1e6:.0f} MB reclaimed"

    def _recreate_missing_tables(self, conn: sqlite3.Connection) -> None:
        """A table dropped by another program is created again (empty), and named."""
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = sorted(_TABLES - tables)
        if not missing:
            return
        if "briefings" in missing:
            raise damaged(self.db_path, "its briefings table is missing")
        with _transaction(conn):
            for statement in _ALL_SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if _PROFILE_TABLES & set(missing):  # all profiles are made again
                conn.execute("DELETE FROM related_terms")
                conn.execute("DELETE FROM related_term_counts")
                conn.execute("DELETE FROM related_profiles")
                conn.execute("DELETE FROM meta WHERE key=?", (PROFILES_META_KEY,))
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

    def ensure_readable(self) -> None:
        """Refuse to read a damaged store as if nothing were wrong: raises
        ``LibraryDamaged`` (one line with the way out) when SQLite's quick check
        fails. It reads the whole file (about 50 ms for 2,225 articles), so only
        commands that would otherwise answer from the index alone (``search``,
        ``export``) run it.
        """
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

    def watch(self) -> ChangeWatch:
        """A ``ChangeWatch`` of this store (for a reader that refreshes when it changes)."""
        return ChangeWatch(self.db_path)

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
        data = _bare(briefing).model_dump_json()
        published = briefing.published.isoformat() if briefing.published else None
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT content_hash, extractor_version FROM briefings WHERE id=?",
                (briefing.id,),
            ).fetchone()
            if (
                not force
                and row is not None
                and row["content_hash"] == article.content_hash
                and (row["extractor_version"] == briefing.extractor_version)
            ):
                return "unchanged"
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
            # A stored related list stays until the search layer recomputes it; the quotes
            # are derived anew, so their links are whatever this briefing carries.
            if briefing.related:
                _write_related(conn, briefing.id, briefing.related)
            _write_quote_links(conn, briefing.id, [q.corroborations for q in briefing.quotes])
            self._queue(conn, briefing.id, "upsert")
            return "ingested" if row is None else "updated"

    @_guarded
    def update_briefing(self, briefing: Briefing, *, reindex: bool = False) -> None:
        """Replace an existing briefing as stored: its JSON, related list and quote links."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE briefings SET data=? WHERE id=?",
                (_bare(briefing).model_dump_json(), briefing.id),
            )
            if cur.rowcount:
                _write_related(conn, briefing.id, briefing.related)
                _write_quote_links(conn, briefing.id, [q.corroborations for q in briefing.quotes])
                if reindex:
                    self._queue(conn, briefing.id, "upsert")

    @_guarded
    def delete(self, briefing_id: str) -> bool:
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM briefings WHERE id=?", (briefing_id,))
            if cur.rowcount:
                _drop_links(conn, briefing_id)
                self._queue(conn, briefing_id, "delete")
            return bool(cur.rowcount)

    @_guarded
    def remove(self, briefing_id: str) -> RemovedBriefing | None:
        """Delete a briefing with its reading state and tags, and return all of it so that
        ``restore`` can undo the deletion (None: no such briefing)."""
        with self.transaction() as conn:
            row = conn.execute("SELECT * FROM briefings WHERE id=?", (briefing_id,)).fetchone()
            if row is None:
                return None
            state = conn.execute(
                "SELECT read_at, starred_at FROM reading_state WHERE id=?", (briefing_id,)
            ).fetchone()
            tags = conn.execute(
                "SELECT tag, added_at FROM briefing_tags WHERE id=?", (briefing_id,)
            ).fetchall()
            related = conn.execute(
                "SELECT id, rank, other, title, score, reasons, duplicate FROM related WHERE id=?",
                (briefing_id,),
            ).fetchall()
            links = conn.execute(
                "SELECT id, quote, rank, other, link FROM quote_links WHERE id=?", (briefing_id,)
            ).fetchall()
            conn.execute("DELETE FROM briefings WHERE id=?", (briefing_id,))
            _drop_links(conn, briefing_id)
            self._queue(conn, briefing_id, "delete")
        return RemovedBriefing(
            dict(row),
            None if state is None else (state[0], state[1]),
            tuple((t[0], t[1]) for t in tags),
            tuple(tuple(r) for r in related),
            tuple(tuple(r) for r in links),
        )

    @_guarded
    def restore(self, removed: RemovedBriefing) -> bool:
        """Put back a briefing that ``remove`` took out (False: its id is taken again)."""
        row = removed.row
        briefing_id = str(row["id"])
        columns = list(row)
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone():
                return False
            conn.execute(
                f"INSERT INTO briefings ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [row[c] for c in columns],
            )
            if removed.state is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO reading_state VALUES (?, ?, ?)",
                    (briefing_id, *removed.state),
                )
            conn.executemany(
                "INSERT OR REPLACE INTO briefing_tags VALUES (?, ?, ?)",
                [(briefing_id, tag, stamp) for tag, stamp in removed.tags],
            )
            _drop_links(conn, briefing_id)
            conn.executemany(
                "INSERT INTO related (id, rank, other, title, score, reasons, duplicate) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                removed.related,
            )
            conn.executemany(
                "INSERT INTO quote_links (id, quote, rank, other, link) VALUES (?, ?, ?, ?, ?)",
                removed.quote_links,
            )
            self._queue(conn, briefing_id, "upsert")
        return True

    # -- reading state: read, starred, tags (tables of their own) -----------------------

    @_guarded
    def set_read(self, ids: list[str], read: bool = True) -> None:
        self._set_state(ids, "read_at", read)

    @_guarded
    def set_starred(self, ids: list[str], starred: bool = True) -> None:
        self._set_state(ids, "starred_at", starred)

    def _set_state(self, ids: list[str], column: str, on: bool) -> None:
        assert column in ("read_at", "starred_at")
        stamp = now_iso() if on else None
        with self.transaction() as conn:
            for briefing_id in ids:
                if not conn.execute(
                    "SELECT 1 FROM briefings WHERE id=?", (briefing_id,)
                ).fetchone():
                    continue
                conn.execute(
                    f"INSERT INTO reading_state (id, {column}) VALUES (?, ?) "
                    f"ON CONFLICT(id) DO UPDATE SET {column}=excluded.{column}",
                    (briefing_id, stamp),
                )

    @_guarded
    def set_tags(self, briefing_id: str, tags: list[str]) -> tuple[str, ...]:
        """Replace the briefing's tags; returns them as stored (cleaned, sorted)."""
        cleaned = sorted({t for t in (clean_tag(x) for x in tags) if t})
        stamp = now_iso()
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone():
                raise NotFound(f"no briefing with id {briefing_id}")
            conn.execute(
                "DELETE FROM briefing_tags WHERE id=? AND tag NOT IN "
                f"({', '.join('?' * len(cleaned))})",
                (briefing_id, *cleaned),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO briefing_tags (id, tag, added_at) VALUES (?, ?, ?)",
                [(briefing_id, tag, stamp) for tag in cleaned],
            )
        return tuple(cleaned)

    @_guarded
    def add_tags(self, briefing_id: str, tags: list[str]) -> tuple[str, ...]:
        """Add tags to the briefing, keeping those it has; returns the ones added (cleaned)."""
        cleaned = sorted({t for t in (clean_tag(x) for x in tags) if t})
        stamp = now_iso()
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone():
                raise NotFound(f"no briefing with id {briefing_id}")
            conn.executemany(
                "INSERT OR IGNORE INTO briefing_tags (id, tag, added_at) VALUES (?, ?, ?)",
                [(briefing_id, tag, stamp) for tag in cleaned],
            )
        return tuple(cleaned)

    @_guarded
    def same_content(self, content_hash: str, briefing_id: str) -> tuple[str, str] | None:
        """Another briefing (id, origin) whose article has this exact text, if any."""
        row = self._conn.execute(
            "SELECT id, origin FROM briefings WHERE content_hash=? AND id<>? ORDER BY added_at LIMIT 1",
            (content_hash, briefing_id),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row is not None else None

    @_guarded
    def reading_states(self, ids: list[str] | None = None) -> dict[str, ReadingState]:
        """The reading state of every briefing that has one (or of ``ids``); a briefing
        missing from the answer is unread, unstarred and untagged."""
        read: dict[str, tuple[bool, bool]] = {
            r[0]: (r[1] is not None, r[2] is not None)
            for r in self._conn.execute("SELECT id, read_at, starred_at FROM reading_state")
        }
        tags: dict[str, list[str]] = {}
        for r in self._conn.execute("SELECT id, tag FROM briefing_tags ORDER BY tag"):
            tags.setdefault(r[0], []).append(r[1])
        wanted = set(ids) if ids is not None else None
        out: dict[str, ReadingState] = {}
        for briefing_id in read.keys() | tags.keys():
            if wanted is not None and briefing_id not in wanted:
                continue
            is_read, starred = read.get(briefing_id, (False, False))
            out[briefing_id] = ReadingState(is_read, starred, tuple(tags.get(briefing_id, ())))
        return out

    @_guarded
    def marked_ids(self, mark: str, tag: str = "") -> set[str]:
        """Ids of the briefings that are read, starred, or carry ``tag`` (for queries)."""
        args: tuple[str, ...] = ()
        if mark == "read":
            sql = "SELECT id FROM reading_state WHERE read_at IS NOT NULL"
        elif mark == "starred":
            sql = "SELECT id FROM reading_state WHERE starred_at IS NOT NULL"
        elif mark == "tag":
            sql, args = "SELECT id FROM briefing_tags WHERE tag=?", (clean_tag(tag),)
        else:
            raise ValueError(f"unknown mark {mark!r}")
        return {r[0] for r in self._conn.execute(sql, args)}

    @_guarded
    def all_tags(self) -> list[tuple[str, int]]:
        """Every tag in use with how many briefings carry it, most used first."""
        rows = self._conn.execute(
            "SELECT tag, COUNT(*) FROM briefing_tags GROUP BY tag ORDER BY COUNT(*) DESC, tag"
        )
        return [(r[0], int(r[1])) for r in rows]

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
    def outbox_counts(self) -> tuple[int, int]:
        """How many changes wait for the index, and for related lists (progress bars)."""
        row = self._conn.execute(
            "SELECT (SELECT COUNT(*) FROM index_outbox), (SELECT COUNT(*) FROM related_outbox)"
        ).fetchone()
        return int(row[0]), int(row[1])

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
        return self._joined({briefing_id: self._parse(briefing_id, row[0])})[briefing_id]

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
        found = self._joined(found)
        return [found[i] for i in ids if i in found]

    def _joined(self, found: dict[str, Briefing]) -> dict[str, Briefing]:
        """The briefings with their related lists and quote links (from their tables)."""
        if self._links_in_json or not found:
            return found
        ids = list(found)
        related: dict[str, list[Related]] = {}
        links: dict[str, dict[int, list[QuoteLink]]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                "SELECT id, other, title, score, reasons, duplicate FROM related "
                f"WHERE id IN ({marks}) ORDER BY id, rank",
                chunk,
            ):
                related.setdefault(r[0], []).append(_related_row(r[1:]))
            for r in self._conn.execute(
                f"SELECT id, quote, link FROM quote_links WHERE id IN ({marks}) "
                "ORDER BY id, quote, rank",
                chunk,
            ):
                links.setdefault(r[0], {}).setdefault(int(r[1]), []).append(
                    QuoteLink.model_validate_json(r[2])
                )
        for by_quote in links.values():  # links added back later come last in rank
            for found_links in by_quote.values():
                found_links.sort(key=_link_order)
        for briefing_id in related.keys() | links.keys():
            b = found[briefing_id]
            update: dict[str, object] = {"related": related.get(briefing_id, [])}
            mine = links.get(briefing_id)
            if mine:
                update["quotes"] = [
                    q.model_copy(update={"corroborations": mine[i]}) if i in mine else q
                    for i, q in enumerate(b.quotes)
                ]
            found[briefing_id] = b.model_copy(update=update)
        return found

    @_guarded
    def related_of(self, briefing_id: str) -> list[Related] | None:
        """Only the related list of a briefing (``None`` if there is no such briefing):
        far cheaper than reading the whole briefing when that is all one needs."""
        if self._links_in_json:
            row = self._conn.execute(
                "SELECT json_extract(data, '$.related') FROM briefings WHERE id=?", (briefing_id,)
            ).fetchone()
            if row is None:
                return None
            try:
                return _RELATED_LIST.validate_json(row[0] or "[]")
            except ValueError:  # the whole briefing's parse reports a damaged row properly
                return self.get(briefing_id).related
        if (
            self._conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone()
            is None
        ):
            return None
        return [
            _related_row(r)
            for r in self._conn.execute(
                "SELECT other, title, score, reasons, duplicate FROM related WHERE id=? "
                "ORDER BY rank",
                (briefing_id,),
            )
        ]

    # -- related lists and quote links (computed by the search layer) ---------------------

    @_guarded
    def store_links(
        self,
        briefings: list[Briefing],
        lists: dict[str, list[Related]] | None = None,
        links_back: list[LinkBack] | None = None,
    ) -> None:
        """Store the related lists and quote links these briefings carry, in one
        transaction. Quote links are stored only while the stored briefing still has the
        same quotes, so a concurrent re-ingest of the same briefing is never undone.

        ``lists``: new related lists of other briefings (only their lists change);
        ``links_back``: links of other briefings' quotes to one briefing, which replace
        that briefing's earlier links there and leave their other links as they are
        (neither needs the whole briefing read and written again)."""
        if not briefings and not lists and not links_back:
            return
        with self.transaction() as conn:
            for briefing_id, related in (lists or {}).items():
                if conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone():
                    _write_related(conn, briefing_id, related)
            for back in links_back or []:
                _link_back(conn, back)
            for b in briefings:
                row = conn.execute(
                    "SELECT json_extract(data, '$.quotes') FROM briefings WHERE id=?", (b.id,)
                ).fetchone()
                if row is None:
                    continue
                _write_related(conn, b.id, b.related)
                try:
                    texts = [q.get("text") for q in json.loads(row[0] or "[]")]
                except (ValueError, AttributeError):
                    continue
                if texts == [q.text for q in b.quotes]:
                    _write_quote_links(conn, b.id, [q.corroborations for q in b.quotes])

    @_guarded
    def related_lists(self, ids: list[str]) -> dict[str, list[Related]]:
        """The related lists of those of ``ids`` that are stored briefings (one read of
        each table for all of them; ``related_of`` for many at once)."""
        if self._links_in_json:
            out: dict[str, list[Related]] = {}
            for briefing_id in ids:
                found = self.related_of(briefing_id)
                if found is not None:
                    out[briefing_id] = found
            return out
        return {
            i: [_related_row(r) for r in rows]
            for i, rows in self._related_rows(
                ids, "other, title, score, reasons, duplicate"
            ).items()
        }

    @_guarded
    def related_ranks(self, ids: list[str]) -> dict[str, list[tuple[str, float, bool]]]:
        """The related lists of those of ``ids`` that are stored briefings, as (other,
        score, duplicate) rows in list order: what tells whether an entry enters a list,
        without making every entry (``related_lists`` for the lists that change)."""
        if self._links_in_json:
            return {
                i: [(r.id, r.score, r.duplicate) for r in found]
                for i, found in self.related_lists(ids).items()
            }
        return {
            i: [(str(r[0]), float(r[1]), bool(r[2])) for r in rows]
            for i, rows in self._related_rows(ids, "other, score, duplicate").items()
        }

    def _related_rows(self, ids: list[str], columns: str) -> dict[str, list[tuple[Any, ...]]]:
        """``columns`` (a fixed list of the related table's columns, never user text)
        of the related rows of those of ``ids`` that are stored briefings, in list
        order; a stored briefing with no list has an empty one."""
        out: dict[str, list[tuple[Any, ...]]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(f"SELECT id FROM briefings WHERE id IN ({marks})", chunk):
                out[r[0]] = []
            for r in self._conn.execute(
                f"SELECT id, {columns} FROM related WHERE id IN ({marks}) ORDER BY id, rank",
                chunk,
            ):
                if r[0] in out:
                    out[r[0]].append(tuple(r[1:]))
        return out

    @_guarded
    def referencing(self, ids: list[str]) -> list[str]:
        """Briefings whose related list or quote links name any of ``ids`` (not ``ids``)."""
        out: list[str] = []
        for briefing_id in ids:
            out.extend(
                r[0]
                for r in self._conn.execute(
                    "SELECT id FROM related WHERE other=? AND id<>? "
                    "UNION SELECT id FROM quote_links WHERE other=? AND id<>?",
                    (briefing_id, briefing_id, briefing_id, briefing_id),
                )
            )
        return list(dict.fromkeys(out))

    @_guarded
    def forget_links(self, ids: list[str]) -> list[str]:
        """Remove every entry of a related list and every quote link that names one of
        ``ids`` (deleted briefings), in one transaction, reading only those rows (both
        tables are indexed by the other end): no briefing is read or rewritten. Returns
        the briefings whose related lists lost an entry (a list to fill up again)."""
        if not ids:
            return []
        gone = list(dict.fromkeys(ids))
        lists: set[str] = set()
        linked: set[tuple[str, int]] = set()
        with self.transaction() as conn:
            for start in range(0, len(gone), 500):
                chunk = gone[start : start + 500]
                marks = ",".join("?" * len(chunk))
                lists.update(
                    r[0]
                    for r in conn.execute(
                        f"SELECT DISTINCT id FROM related WHERE other IN ({marks})", chunk
                    )
                )
                linked.update(
                    (r[0], int(r[1]))
                    for r in conn.execute(
                        f"SELECT DISTINCT id, quote FROM quote_links WHERE other IN ({marks})",
                        chunk,
                    )
                )
                conn.execute(f"DELETE FROM related WHERE other IN ({marks})", chunk)
                conn.execute(f"DELETE FROM quote_links WHERE other IN ({marks})", chunk)
            # ranks stay 0, 1, 2 ... (moved out of the way first: (id, rank) is the key)
            for briefing_id in sorted(lists):
                _renumber(conn, "related", "id=?", (briefing_id,))
            for briefing_id, quote in sorted(linked):
                _renumber(conn, "quote_links", "id=? AND quote=?", (briefing_id, quote))
        out = set(gone)
        return sorted(i for i in lists if i not in out)

    # -- related-article profiles and their inverted table (written by the search layer) --

    @_guarded
    def related_profiles(self, ids: list[str]) -> dict[str, bytes]:
        """The stored related-articles profiles of ``ids`` (missing ones left out)."""
        out: dict[str, bytes] = {}
        if self._no_profiles:
            return out
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT id, profile FROM related_profiles WHERE id IN ({marks})", chunk
            ):
                out[r[0]] = bytes(r[1])
        return out

    @_guarded
    def store_related_profiles(
        self, profiles: list[tuple[str, bytes, list[tuple[str, float]]]], cap: Callable[[str], int]
    ) -> None:
        """Store (briefing id, profile, posted terms with weights) for each briefing, in
        one transaction, replacing what each had. A term posted by more briefings than
        ``cap(term)`` becomes common: its postings are dropped and it is never posted
        again, so no term's postings outgrow its cap. Briefings no longer stored are
        skipped (deleted meanwhile)."""
        if not profiles:
            return
        with self.transaction() as conn:
            touched: set[str] = set()
            for briefing_id, blob, terms in profiles:
                if (
                    conn.execute("SELECT 1 FROM briefings WHERE id=?", (briefing_id,)).fetchone()
                    is None
                ):
                    continue
                old = _posted_terms(conn, briefing_id)
                new = dict(terms)
                conn.execute(
                    "INSERT OR REPLACE INTO related_profiles (id, profile, terms) VALUES (?, ?, ?)",
                    (briefing_id, blob, json.dumps(new, ensure_ascii=False)),
                )
                if old == new:
                    continue
                _unpost(conn, briefing_id, [t for t in old if t not in new])
                for t in [t for t in new if t in old and old[t] != new[t]]:
                    conn.execute(
                        "UPDATE related_terms SET weight=? WHERE term=? AND id=?",
                        (new[t], t, briefing_id),
                    )
                fresh = [t for t in new if t not in old]
                common = self._common_terms(conn, fresh)
                # The briefing's postings are exactly the terms its row lists (``old``):
                # each of the others is a new posting.
                fresh = [t for t in fresh if t not in common]
                conn.executemany(
                    "INSERT OR IGNORE INTO related_terms (term, id, weight) VALUES (?, ?, ?)",
                    [(t, briefing_id, new[t]) for t in fresh],
                )
                conn.executemany(
                    "INSERT INTO related_term_counts VALUES (?, 1) "
                    "ON CONFLICT(term) DO UPDATE SET n=n+1 WHERE n>=0",
                    [(t,) for t in fresh],
                )
                touched.update(fresh)
            for term, n in self._posting_counts(conn, sorted(touched)).items():
                if n > cap(term):
                    conn.execute("DELETE FROM related_terms WHERE term=?", (term,))
                    conn.execute("UPDATE related_term_counts SET n=-1 WHERE term=?", (term,))

    @staticmethod
    def _common_terms(conn: sqlite3.Connection, terms: list[str]) -> set[str]:
        out: set[str] = set()
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in conn.execute(
                    f"SELECT term FROM related_term_counts WHERE term IN ({marks}) AND n<0",
                    chunk,
                )
            )
        return out

    @staticmethod
    def _posting_counts(conn: sqlite3.Connection, terms: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(
                f"SELECT term, n FROM related_term_counts WHERE term IN ({marks}) AND n>0",
                chunk,
            ):
                out[r[0]] = int(r[1])
        return out

    @_guarded
    def related_term_counts(self, terms: list[str]) -> dict[str, int]:
        """How many briefings post each of ``terms`` (-1: common; absent: none)."""
        if self._no_profiles or not terms:
            return {}
        out = self._posting_counts(self._conn, terms)
        out.update((t, -1) for t in self._common_terms(self._conn, terms))
        return out

    @_guarded
    def related_candidates(
        self, weights: dict[str, float], exclude: str, limit: int
    ) -> list[tuple[str, float]]:
        """The ``limit`` briefings (other than ``exclude``) whose postings of the terms of
        ``weights`` have the largest sum of posting weight x term weight, best first
        (ties: the larger id first), with that sum. Summed inside SQLite: each term's
        postings are capped, so this reads at most the caps of the terms asked for."""
        if self._no_profiles or not weights:
            return []
        terms = list(weights.items())[:400]
        values = ",".join("(?,?)" for _ in terms)
        params: list[object] = [x for pair in terms for x in pair]
        rows = self._conn.execute(
            f"WITH q(term, w) AS (VALUES {values}) "
            "SELECT t.id, SUM(q.w * t.weight) AS s FROM q JOIN related_terms t "
            "ON t.term = q.term WHERE t.id <> ? GROUP BY t.id ORDER BY s DESC, t.id DESC "
            "LIMIT ?",
            [*params, exclude, limit],
        )
        return [(r[0], float(r[1])) for r in rows]

    @_guarded
    def related_matching(
        self, terms: list[str], needed: int, exclude: str, limit: int
    ) -> list[str]:
        """The ``limit`` briefings (other than ``exclude``) that post at least ``needed``
        of ``terms``, those posting most first (ties: by id)."""
        if self._no_profiles or not terms:
            return []
        chunk = terms[:400]
        marks = ",".join("?" * len(chunk))
        rows = self._conn.execute(
            f"SELECT id FROM related_terms WHERE term IN ({marks}) AND id <> ? GROUP BY id "
            "HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, id LIMIT ?",
            [*chunk, exclude, needed, limit],
        )
        return [r[0] for r in rows]

    @_guarded
    def related_postings(self, terms: list[str]) -> list[tuple[str, str, float]]:
        """(term, briefing id, weight) of every posting of ``terms`` (each term's postings
        are capped, so this is bounded by the number of terms asked for)."""
        out: list[tuple[str, str, float]] = []
        if self._no_profiles:
            return out
        for start in range(0, len(terms), 500):
            chunk = terms[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.extend(
                (r[0], r[1], r[2])
                for r in self._conn.execute(
                    f"SELECT term, id, weight FROM related_terms WHERE term IN ({marks})", chunk
                )
            )
        return out

    @_guarded
    def clear_related_profiles(self) -> None:
        """Forget every profile and posting (before they are all made again)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM related_profiles")
            conn.execute("DELETE FROM related_terms")
            conn.execute("DELETE FROM related_term_counts")

    # -- saved searches -----------------------------------------------------------------

    @_guarded
    def saved_search(self, name: str) -> tuple[str, str, str | None] | None:
        """(name, query, last opened) of the saved search named ``name`` (any case)."""
        row = self._conn.execute(
            "SELECT name, query, last_opened_at FROM saved_searches WHERE name = ? COLLATE NOCASE",
            (name,),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    @_guarded
    def saved_searches(self) -> list[tuple[str, str, str | None]]:
        """(name, query, last opened) of every saved search, by name."""
        rows = self._conn.execute(
            "SELECT name, query, last_opened_at FROM saved_searches ORDER BY name COLLATE NOCASE"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    @_guarded
    def add_saved_search(self, name: str, query: str, stamp: str, count: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO saved_searches (name, query, created_at, last_opened_at, last_count)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, query, stamp, stamp, count),
            )

    @_guarded
    def rename_saved_search(self, current: str, new: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE saved_searches SET name = ? WHERE name = ?", (new, current))

    @_guarded
    def remove_saved_search(self, name: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,))

    @_guarded
    def saved_search_opened(self, name: str, count: int) -> None:
        """Mark a saved search opened now, with its count of hits."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE saved_searches SET last_opened_at = ?, last_count = ? WHERE name = ?",
                (now_iso(), count, name),
            )

    # -- queueing for the index ---------------------------------------------------------

    @_guarded
    def queue_for_index(self, upserts: list[str], deletes: list[str]) -> None:
        """Queue index changes for these ids (repairs an index that differs from the store)."""
        stamp = now_iso()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO index_outbox (id, op, queued_at) VALUES (?, ?, ?)",
                [(i, "upsert", stamp) for i in upserts] + [(i, "delete", stamp) for i in deletes],
            )

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

    # -- stories and digests (briefings.stories decides, these only read and write) -----

    @_guarded
    def story_facts(self, ids: list[str]) -> list[StoryFacts]:
        """What deciding a story link needs of each briefing, without parsing its JSON
        in Python: title, source, date, entities (as JSON text) and quote count."""
        out: list[StoryFacts] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                "SELECT id, title, source, published, json_extract(data, '$.entities'), "
                "json_array_length(data, '$.quotes'), json_extract(data, '$.summary') "
                f"FROM briefings WHERE id IN ({marks})",
                chunk,
            ):
                published = date.fromisoformat(r[3]) if r[3] else None
                lead = " ".join(json.loads(r[6] or "[]"))
                out.append(
                    StoryFacts(r[0], r[1], r[2], published, r[4] or "[]", int(r[5] or 0), lead)
                )
        return out

    @_guarded
    def story_of(self, ids: list[str]) -> dict[str, int]:
        """The story of each of ``ids`` that is in one."""
        out: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT briefing_id, story_id FROM story_members WHERE briefing_id IN ({marks})",
                chunk,
            ):
                out[r[0]] = int(r[1])
        return out

    @_guarded
    def story_member_ids(self, story_ids: list[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for story_id in story_ids:
            out[story_id] = [
                r[0]
                for r in self._conn.execute(
                    "SELECT briefing_id FROM story_members WHERE story_id=? ORDER BY briefing_id",
                    (story_id,),
                )
            ]
        return out

    @_guarded
    def story_links_of(self, ids: list[str]) -> list[tuple[str, str, float, str]]:
        """Every stored link (a, b, score, reasons) with an end in ``ids``."""
        found: dict[tuple[str, str], tuple[str, str, float, str]] = {}
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT a, b, score, reasons FROM story_links WHERE a IN ({marks}) "
                f"UNION SELECT a, b, score, reasons FROM story_links WHERE b IN ({marks})",
                chunk + chunk,
            ):
                found[(r[0], r[1])] = (r[0], r[1], float(r[2]), r[3])
        return list(found.values())

    @_guarded
    def replace_stories(
        self,
        relinked: list[str],
        links: list[tuple[str, str, float, str]],
        groups: list[tuple[int | None, list[str]]],
        cleared: list[str],
    ) -> list[int]:
        """One atomic story update: drop every link of ``relinked`` and store ``links``
        (``a < b``); take ``cleared`` out of their stories; then store each group as a
        story (``None``: a new one). Stories left without members are dropped. Returns
        the groups' story ids."""
        stamp = now_iso()
        with self.transaction() as conn:
            conn.executemany("DELETE FROM story_links WHERE a=? OR b=?", [(i, i) for i in relinked])
            conn.executemany(
                "INSERT OR REPLACE INTO story_links (a, b, score, reasons) VALUES (?, ?, ?, ?)",
                links,
            )
            old = {
                int(r[0])
                for i in cleared
                for r in conn.execute(
                    "SELECT story_id FROM story_members WHERE briefing_id=?", (i,)
                )
            }
            conn.executemany(
                "DELETE FROM story_members WHERE briefing_id=?", [(i,) for i in cleared]
            )
            ids: list[int] = []
            for story_id, members in groups:
                if story_id is None:
                    cur = conn.execute(
                        "INSERT INTO stories (created_at, updated_at) VALUES (?, ?)", (stamp, stamp)
                    )
                    story_id = int(cur.lastrowid or 0)
                else:
                    conn.execute("UPDATE stories SET updated_at=? WHERE id=?", (stamp, story_id))
                conn.executemany(
                    "INSERT OR REPLACE INTO story_members (briefing_id, story_id, joined_at) "
                    "VALUES (?, ?, ?)",
                    [(m, story_id, stamp) for m in members],
                )
                ids.append(story_id)
            for story_id in old - set(ids):
                if (
                    conn.execute(
                        "SELECT 1 FROM story_members WHERE story_id=? LIMIT 1", (story_id,)
                    ).fetchone()
                    is None
                ):
                    conn.execute("DELETE FROM stories WHERE id=?", (story_id,))
        return ids

    @_guarded
    def clear_stories(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM story_links")
            conn.execute("DELETE FROM story_members")
            conn.execute("DELETE FROM stories")

    @_guarded
    def story_rows(
        self, story_id: int | None = None
    ) -> list[tuple[int, str, str, str, str | None, date | None]]:
        """(story id, updated_at, briefing id, title, source, published) of every story
        member (of one story when ``story_id`` is given), newest story first."""
        where = "" if story_id is None else "WHERE m.story_id = ?"
        rows = self._conn.execute(
            "SELECT m.story_id, s.updated_at, b.id, b.title, b.source, b.published "
            "FROM story_members m JOIN stories s ON s.id = m.story_id "
            f"JOIN briefings b ON b.id = m.briefing_id {where} "
            "ORDER BY m.story_id DESC, b.published IS NULL, b.published, b.id",
            () if story_id is None else (story_id,),
        )
        parse = date.fromisoformat
        return [(int(r[0]), r[1], r[2], r[3], r[4], parse(r[5]) if r[5] else None) for r in rows]

    @_guarded
    def ids_in_added_order(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM briefings ORDER BY added_at, id")]

    @_guarded
    def digest_mark(self, name: str) -> str | None:
        row = self._conn.execute(
            "SELECT marked_at FROM digest_marks WHERE name = ? COLLATE NOCASE", (name,)
        ).fetchone()
        return None if row is None else str(row[0])

    @_guarded
    def set_digest_mark(self, name: str, stamp: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM digest_marks WHERE name = ? COLLATE NOCASE", (name,))
            conn.execute("INSERT INTO digest_marks (name, marked_at) VALUES (?, ?)", (name, stamp))

    @_guarded
    def added_at(self, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(
                f"SELECT id, added_at FROM briefings WHERE id IN ({marks})", chunk
            ):
                out[r[0]] = r[1]
        return out


class ChangeWatch:
    """Cheap polling for changes to a store by anyone (this process included): SQLite's
    ``data_version`` on a read-only connection of its own, which moves whenever another
    connection commits. Made by ``Library.watch``; close it when done."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = sqlite3.connect(
                f"file:{self.db_path}?mode=ro", uri=True, timeout=5, check_same_thread=False
            )
        return self._conn

    def version(self) -> int:
        """A number that changes whenever the store has changed."""
        return int(self._connection().execute("PRAGMA data_version").fetchone()[0])

    def contents(self) -> tuple[int, str | None]:
        """(briefings, newest update stamp): what a list that shows the store depends on."""
        count, newest = (
            self._connection().execute("SELECT COUNT(*), MAX(updated_at) FROM briefings").fetchone()
        )
        return int(count), newest

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """A briefing as story linking sees it (``Library.story_facts``)."""

    id: str
    title: str
    source: str | None
    published: date | None
    entities_json: str
    quotes: int
    summary: str = ""


def _related_row(r: sqlite3.Row | tuple[object, ...]) -> Related:
    """A ``Related`` from (other, title, score, reasons, duplicate) of the related table."""
    return Related(
        id=str(r[0]),
        title=str(r[1]),
        score=float(r[2]),  # type: ignore[arg-type]
        reasons=json.loads(str(r[3])),
        duplicate=bool(r[4]),
    )


def _drop_links(conn: sqlite3.Connection, briefing_id: str) -> None:
    """Forget a deleted briefing's own related list and quote links."""
    conn.execute("DELETE FROM related WHERE id=?", (briefing_id,))
    conn.execute("DELETE FROM quote_links WHERE id=?", (briefing_id,))
    _unpost(conn, briefing_id, list(_posted_terms(conn, briefing_id)))
    conn.execute("DELETE FROM related_profiles WHERE id=?", (briefing_id,))


def _unpost(conn: sqlite3.Connection, briefing_id: str, terms: list[str]) -> None:
    """Take a briefing's postings of ``terms`` out, keeping the terms' counts."""
    for term in terms:
        if conn.execute(
            "DELETE FROM related_terms WHERE term=? AND id=?", (term, briefing_id)
        ).rowcount:
            conn.execute("UPDATE related_term_counts SET n=n-1 WHERE term=? AND n>0", (term,))


def _posted_terms(conn: sqlite3.Connection, briefing_id: str) -> dict[str, float]:
    """The terms (and weights) a briefing posted to ``related_terms``."""
    row = conn.execute("SELECT terms FROM related_profiles WHERE id=?", (briefing_id,)).fetchone()
    if row is None:
        return {}
    try:
        found = json.loads(row[0])
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _move_links_out_of_json(conn: sqlite3.Connection) -> tuple[int, int]:
    """Move the related lists and quote links stored inside briefing JSON (schema 3 and
    older) into their tables; returns (lists, links) moved. A row whose JSON does not
    parse is left as it is (reading it says so, and a rebuild derives it again)."""
    lists = links = 0
    rows = conn.execute(
        "SELECT id, data FROM briefings WHERE instr(data, '\"related\":[{') > 0 "
        "OR instr(data, '\"corroborations\":[{') > 0"
    ).fetchall()
    for briefing_id, data in rows:
        try:
            doc = json.loads(data)
            related = [Related.model_validate(r) for r in doc.get("related") or []]
            quotes = [
                [QuoteLink.model_validate(c) for c in q.get("corroborations") or []]
                for q in doc.get("quotes") or []
            ]
        except (ValueError, AttributeError, TypeError):
            continue
        doc["related"] = []
        for q in doc.get("quotes") or []:
            q["corroborations"] = []
        _write_related(conn, briefing_id, related)
        _write_quote_links(conn, briefing_id, quotes)
        lists += bool(related)
        links += sum(len(q) for q in quotes)
        conn.execute(
            "UPDATE briefings SET data=? WHERE id=?",
            (json.dumps(doc, ensure_ascii=False, separators=(",", ":")), briefing_id),
        )
    return lists, links


def _write_related(conn: sqlite3.Connection, briefing_id: str, related: list[Related]) -> None:
    """Replace a briefing's related list (rows that are already so are left alone)."""
    rows = [
        (briefing_id, n, r.id, r.title, r.score, json.dumps(r.reasons), int(r.duplicate))
        for n, r in enumerate(related)
    ]
    stored = conn.execute(
        "SELECT id, rank, other, title, score, reasons, duplicate FROM related WHERE id=? "
        "ORDER BY rank",
        (briefing_id,),
    ).fetchall()
    if [tuple(r) for r in stored] == rows:
        return
    conn.execute("DELETE FROM related WHERE id=?", (briefing_id,))
    conn.executemany(
        "INSERT INTO related (id, rank, other, title, score, reasons, duplicate) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _renumber(conn: sqlite3.Connection, table: str, where: str, args: tuple[object, ...]) -> None:
    """Give the rows of one list (``where``) the ranks 0, 1, 2 ... in their order."""
    ranks = [
        int(r[0])
        for r in conn.execute(f"SELECT rank FROM {table} WHERE {where} ORDER BY rank", args)
    ]
    if ranks == list(range(len(ranks))):
        return
    conn.execute(f"UPDATE {table} SET rank = -1 - rank WHERE {where}", args)
    for n, rank in enumerate(ranks):
        conn.execute(f"UPDATE {table} SET rank=? WHERE {where} AND rank=?", (n, *args, -1 - rank))


@dataclass(frozen=True)
class LinkBack:
    """Links of briefing ``id``'s quotes to briefing ``source``: ``links[j]`` are quote
    j's (whose text must still be ``texts[j]``), replacing every earlier link of ``id``'s
    quotes to ``source``."""

    id: str
    source: str
    links: dict[int, list[QuoteLink]]
    texts: dict[int, str]


def _link_order(link: QuoteLink) -> tuple[date, str]:
    """How a quote's links are listed: by the other briefing's date, then its id."""
    return (link.published or date.max, link.id)


def _link_back(conn: sqlite3.Connection, back: LinkBack) -> None:
    """Apply a ``LinkBack``: its rows are added and the earlier links to its source
    removed; no other link is read, parsed or rewritten."""
    if back.texts:  # one read of the stored texts of the quotes it links (after its id:
        # two paths or more make json_extract return an array)
        wanted = list(back.texts.items())
        paths = ", ".join("?" * (len(wanted) + 1))
        row = conn.execute(
            f"SELECT json_extract(data, {paths}) FROM briefings WHERE id=?",
            ["$.id", *(f"$.quotes[{int(j)}].text" for j, _ in wanted), back.id],
        ).fetchone()
        if row is None:
            return
        try:
            stored = json.loads(row[0])[1:]
        except (TypeError, ValueError):
            return
        if stored != [text for _, text in wanted]:
            return  # changed since its profile was made: its own update relinks it
    # The earlier links to ``source`` go; the new ones are added after the quote's other
    # links (readers put each quote's links in date order): none of the others is read
    # or rewritten, however many briefings share the quote.
    conn.execute("DELETE FROM quote_links WHERE id=? AND other=?", (back.id, back.source))
    rows: list[tuple[str, int, int, str, str]] = []
    for j, found in sorted(back.links.items()):
        if not found:
            continue
        top = conn.execute(
            "SELECT MAX(rank) FROM quote_links WHERE id=? AND quote=?", (back.id, j)
        ).fetchone()[0]
        after = -1 if top is None else int(top)
        rows.extend(
            (back.id, j, after + 1 + n, link.id, link.model_dump_json())
            for n, link in enumerate(found)
        )
    conn.executemany(
        "INSERT INTO quote_links (id, quote, rank, other, link) VALUES (?, ?, ?, ?, ?)", rows
    )


def _write_quote_links(
    conn: sqlite3.Connection, briefing_id: str, quotes: list[list[QuoteLink]]
) -> None:
    """Replace the links of a briefing's quotes (``quotes[i]``: the links of quote i);
    links that are already so are left alone (a briefing may have dozens)."""
    rows = [
        (briefing_id, i, n, link.id, link.model_dump_json())
        for i, found in enumerate(quotes)
        for n, link in enumerate(found)
    ]
    stored = conn.execute(
        "SELECT id, quote, rank, other, link FROM quote_links WHERE id=? ORDER BY quote, rank",
        (briefing_id,),
    ).fetchall()
    if [tuple(r) for r in stored] == rows:
        return
    conn.execute("DELETE FROM quote_links WHERE id=?", (briefing_id,))
    conn.executemany(
        "INSERT INTO quote_links (id, quote, rank, other, link) VALUES (?, ?, ?, ?, ?)", rows
    )


def _bare(briefing: Briefing) -> Briefing:
    """The briefing as derivation made it: no related list, no quote links (the store
    keeps those in tables of their own)."""
    if not briefing.related and not any(q.corroborations for q in briefing.quotes):
        return briefing
    quotes = [
        q.model_copy(update={"corroborations": []}) if q.corroborations else q
        for q in briefing.quotes
    ]
    return briefing.model_copy(update={"related": [], "quotes": quotes})


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
