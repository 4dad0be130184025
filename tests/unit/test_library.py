from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefings.derive import derive
from briefings.library import SCHEMA_VERSION, Ambiguous, Library, LibraryError, NotFound
from briefings.models import Article


def _article(origin: str, text: str = "Title\n\nSome body text that says something.") -> Article:
    return Article(origin=origin, text=text)


def test_put_is_idempotent_and_updates_keep_id(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        a = _article("/x/a.txt")
        assert lib.put(a, derive(a)) == "ingested"
        assert lib.put(a, derive(a)) == "unchanged"
        changed = _article("/x/a.txt", "Title\n\nA different body now.")
        assert lib.put(changed, derive(changed)) == "updated"
        assert lib.count() == 1
        assert lib.get(a.id).body == ["A different body now."]


def test_resolve_prefix(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        ids = []
        for i in range(40):
            a = _article(f"/x/{i}.txt")
            lib.put(a, derive(a))
            ids.append(a.id)
        assert lib.resolve(ids[0][:12]) == ids[0]
        with pytest.raises(NotFound):
            lib.resolve("zz")
        with pytest.raises(Ambiguous):
            lib.resolve(ids[0][:1] if sum(i.startswith(ids[0][0]) for i in ids) > 1 else "")


def test_outbox_tracks_changes(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        a = _article("/x/a.txt")
        lib.put(a, derive(a))
        ops = lib.pending_index_ops()
        assert [(i, op) for i, op, _ in ops] == [(a.id, "upsert")]
        lib.ack_index_ops(ops)
        assert lib.pending_index_ops() == []
        lib.delete(a.id)
        assert [(i, op) for i, op, _ in lib.pending_index_ops()] == [(a.id, "delete")]


def test_indexed_changes_move_to_the_related_outbox(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        a, b = _article("/x/a.txt"), _article("/x/b.txt", "B\n\nAnother body.")
        lib.put(a, derive(a))
        lib.put(b, derive(b))
        ops = lib.pending_index_ops()
        lib.move_to_related(ops[:1])
        assert lib.pending_index_ops() == ops[1:]
        assert lib.pending_related_ops() == ops[:1]
        assert lib.outstanding_changes() == 2
        changed = _article("/x/a.txt", "A\n\nChanged.")
        lib.put(changed, derive(changed))
        assert lib.outstanding_changes() == 2  # a is queued in both, counted once
        lib.ack_related_ops(ops[:1])
        assert lib.pending_related_ops() == []
        assert len(lib.pending_index_ops()) == 2


def test_a_version_1_store_gets_the_related_outbox(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        a = _article("/x/a.txt")
        lib.put(a, derive(a))
    conn = sqlite3.connect(library_dir / "library.sqlite3")
    with conn:
        conn.execute("DROP TABLE related_outbox")
        conn.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    conn.close()
    with Library(library_dir) as lib:
        assert lib.get_meta("schema_version") == str(SCHEMA_VERSION)
        assert lib.pending_related_ops() == []
        assert lib.count() == 1 and len(lib.pending_index_ops()) == 1


def test_corrupt_store_is_refused_not_overwritten(library_dir: Path) -> None:
    library_dir.mkdir(parents=True)
    db = library_dir / "library.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    with pytest.raises(LibraryError, match="not a readable brief library"):
        Library(library_dir)
    assert db.read_bytes() == before


def test_foreign_sqlite_file_is_refused(library_dir: Path) -> None:
    library_dir.mkdir(parents=True)
    conn = sqlite3.connect(library_dir / "library.sqlite3")
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="some other program"):
        Library(library_dir)


def test_rollback_leaves_no_half_briefing(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        a = _article("/x/a.txt")
        with pytest.raises(RuntimeError), lib.transaction() as conn:
            conn.execute(
                "INSERT INTO briefings (id, origin, format, encoding, content_hash, extractor_version, "
                "title, added_at, updated_at, article, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.origin, "txt", "utf-8", "h", 1, "t", "x", "x", "", "{}"),
            )
            raise RuntimeError("crash mid-write")
        assert lib.count() == 0
