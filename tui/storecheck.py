"""The store check every command that reads the library runs, made cheap.

SQLite's ``PRAGMA quick_check`` (``Library.ensure_readable``) reads the whole store
file: about 50 ms at 2,000 briefings, and several hundred at 10,000, which is more than
the reader's first frame may cost. A damaged store is still never read as if nothing
were wrong: the check runs whenever the store file changed since the last clean check,
and at least once a day. A clean check leaves a stamp (the file's size, modification
time and inode, and the day) in the user cache folder, never in the library folder
(which may be read-only, and whose files are the user's).

A byte flipped by another program or a bad sector shows in the file's modification
time or in a read error, which the store reports on its own (``LibraryDamaged``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from briefings.library import DB_NAME, Library


def _stamp_path(db: Path) -> Path:
    from platformdirs import user_cache_path

    key = hashlib.sha256(os.fsencode(db.resolve())).hexdigest()[:24]
    return user_cache_path("brief", appauthor=False) / "store-checks" / f"{key}.json"


def _signature(db: Path) -> dict[str, object] | None:
    try:
        st = db.stat()
    except OSError:
        return None
    return {
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "inode": st.st_ino,
        "day": datetime.now(UTC).date().isoformat(),
    }


def check_needed(folder: Path) -> bool:
    """Whether the store in ``folder`` changed (or a day passed) since its last clean check."""
    db = folder / DB_NAME
    now = _signature(db)
    if now is None:
        return True
    try:
        stamp = json.loads(_stamp_path(db).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return stamp != now


def ensure_readable(library: Library) -> None:
    """``library.ensure_readable()`` (raises ``LibraryDamaged`` with the way out), skipped
    when the store file is exactly as it was at a clean check today."""
    if not check_needed(library.folder):
        return
    db = library.folder / DB_NAME
    before = _signature(db)
    library.ensure_readable()
    after = _signature(db)
    if before is None or before != after:  # written meanwhile: check again next time
        return
    path = _stamp_path(db)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(after), encoding="utf-8")
        os.replace(tmp, path)


def forget(folder: Path) -> None:
    """Drop the stamp: the next command checks the store again (after a read error)."""
    with contextlib.suppress(OSError):
        _stamp_path(folder / DB_NAME).unlink()
