"""Damaged or foreign state: a clear one-line message, the file left untouched.

A store that is not a healthy brief library is never written to (not even
switched to WAL mode); the message says how to recover.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from briefings.library import DB_NAME, Library, LibraryDamaged

from .conftest import brief_subprocess, write_articles

COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["show", "abc"],
    ["ingest", "INPUT"],
    ["rebuild"],
    ["check"],
]


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the library folder and a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


@pytest.fixture
def filled(brief, tmp_path: Path, library_dir: Path) -> Path:
    """A library of 5 samples + 40 articles, closed cleanly (no WAL left)."""
    write_articles(tmp_path / "in", 40)
    assert brief("ingest", str(tmp_path / "in")).code == 0
    assert not (library_dir / f"{DB_NAME}-wal").exists()
    return library_dir


def run_all(brief, tmp_path: Path, library: Path, reason: str) -> None:  # type: ignore[no-untyped-def]
    write_articles(tmp_path / "new", 2, start=900)
    before = fingerprint(library)
    for cmd in COMMANDS:
        args = [str(tmp_path / "new") if a == "INPUT" else a for a in cmd]
        run = brief(*args)
        run.assert_no_crash()
        assert run.code == 1, (cmd, run.err)
        assert len(run.err_lines) == 1, (cmd, run.err)
        assert reason in run.err, (cmd, run.err)
        assert "left untouched" in run.err and ".recover" in run.err, run.err
        assert run.out == ""
        assert fingerprint(library) == before, cmd


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.7, 0.995])
def test_truncated_store(brief, tmp_path: Path, filled: Path, fraction: float) -> None:
    db = filled / DB_NAME
    os.truncate(db, int(db.stat().st_size * fraction))
    run_all(brief, tmp_path, filled, "truncated")


def test_garbled_store(brief, tmp_path: Path, filled: Path) -> None:
    db = filled / DB_NAME
    data = bytearray(db.read_bytes())
    data[0:100] = os.urandom(100)
    db.write_bytes(bytes(data))
    run_all(brief, tmp_path, filled, "file is not a database")


def test_text_file_as_store(brief, tmp_path: Path, library_dir: Path) -> None:
    library_dir.mkdir(parents=True)
    (library_dir / DB_NAME).write_text("these are my notes, not a database\n" * 50)
    run_all(brief, tmp_path, library_dir, "file is not a database")


def test_garbled_pages_inside_the_store(brief, tmp_path: Path, filled: Path) -> None:
    """Header intact, b-tree pages overwritten: SQLite finds it, we refuse to write."""
    db = filled / DB_NAME
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(page, len(data), page * 3):  # every third page after the first
        data[start : start + 200] = b"\xa5" * 200
    db.write_bytes(bytes(data))
    before = fingerprint(filled)
    write_articles(tmp_path / "new", 2, start=900)
    for cmd in (["ingest", str(tmp_path / "new")], ["rebuild"], ["check"], ["list"]):
        run = brief(*cmd)
        run.assert_no_crash()
        assert run.code == 1, (cmd, run.err)
        assert len(run.err_lines) == 1 and "brief library" in run.err, (cmd, run.err)
        assert fingerprint(filled) == before, cmd


def test_sqlite_file_of_another_program(brief, tmp_path: Path, library_dir: Path) -> None:
    library_dir.mkdir(parents=True)
    db = library_dir / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('soup', 30)")
    conn.commit()
    conn.close()
    run_all(brief, tmp_path, library_dir, "SQLite file of some other program")
    assert db.read_bytes()[18:20] == b"\x01\x01"  # still a rollback-journal database
    assert not (library_dir / f"{DB_NAME}-wal").exists()


def test_unreadable_briefing_row_is_reported_not_crashed(brief, filled: Path) -> None:
    """A row whose JSON was damaged (say, by hand): show names the problem, list
    still works, the rest of the library is readable."""
    conn = sqlite3.connect(filled / DB_NAME)
    bid = conn.execute("SELECT id FROM briefings ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("UPDATE briefings SET data='{\"id\": 1' WHERE id=?", (bid,))
    conn.commit()
    conn.close()
    run = brief("show", bid[:10])
    run.assert_no_crash()
    assert run.code == 1 and len(run.err_lines) == 1
    assert f"briefing {bid} in" in run.err and "is unreadable" in run.err
    assert "brief rebuild --all" in run.err
    assert brief("list").code == 0
    # the hint works: rebuild derives it again from the stored article
    rebuilt = brief("rebuild", "--all")
    assert rebuilt.code == 0, rebuilt.err
    assert brief("show", bid[:10]).code == 0


def test_newer_schema_is_refused(brief, filled: Path) -> None:
    conn = sqlite3.connect(filled / DB_NAME)
    conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    run = brief("list")
    assert run.code == 1 and "newer brief" in run.err and len(run.err_lines) == 1


def test_empty_store_file_is_a_new_library(brief, library_dir: Path) -> None:
    """A zero-byte file is a store whose creation was interrupted: it is created."""
    library_dir.mkdir(parents=True)
    (library_dir / DB_NAME).write_bytes(b"")
    run = brief("list", "--json")
    assert run.code == 0, run.err


def test_library_path_is_a_file(brief, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    run = brief("--library", str(blocker), "list")
    run.assert_no_crash()
    assert run.code == 1 and len(run.err_lines) == 1
    assert "cannot create the library folder" in run.err


def test_library_api_refuses_to_open_a_damaged_store(filled: Path) -> None:
    db = filled / DB_NAME
    os.truncate(db, db.stat().st_size // 2)
    with pytest.raises(LibraryDamaged, match="truncated"):
        Library(filled)


def test_subprocess_sees_one_line_too(tmp_path: Path, filled: Path) -> None:
    db = filled / DB_NAME
    os.truncate(db, db.stat().st_size // 2)
    run = brief_subprocess("list", library=filled)
    run.assert_no_crash()
    assert run.code == 1 and len(run.err_lines) == 1 and "truncated" in run.err


def test_disk_full_mid_ingest_is_one_line_and_loses_nothing(
    brief, tmp_path: Path, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's "database or disk is full", simulated with max_page_count."""
    from .conftest import snapshot, store_problems

    before = snapshot(filled)
    real_prepare = Library._prepare

    def prepare_full(self: Library, conn: sqlite3.Connection) -> None:
        real_prepare(self, conn)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    monkeypatch.setattr(Library, "_prepare", prepare_full)
    write_articles(tmp_path / "more", 30, start=700)
    run = brief("ingest", str(tmp_path / "more"))
    run.assert_no_crash()
    assert run.code == 1
    assert run.err_lines[-1].endswith("database or disk is full"), run.err
    # (not monkeypatch.undo(): that would also drop the isolated BRIEF_LIBRARY)
    monkeypatch.setattr(Library, "_prepare", real_prepare)
    after = snapshot(filled)
    assert {k: after[k] for k in before} == before
    assert store_problems(filled) == []
    # with room again, a re-run stores the rest
    again = brief("ingest", str(tmp_path / "more"))
    assert again.code == 0, again.err
    assert len(snapshot(filled)) == len(before) + 30


def test_closed_stdin_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    from .conftest import REPO, subprocess_env

    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "-"],
        stdin=subprocess.DEVNULL,
        cwd=REPO,
        env=subprocess_env(tmp_path / "lib", {"BRIEF_NO_SAMPLES": "1"}),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "error: <stdin>: empty file",
        "ingested 0, updated 0, unchanged 0, failed 1",
    ]


# -- the search index and saved searches ---------------------------------------------------


def _index_files(library: Path) -> list[Path]:
    return [p for p in (library / "index").iterdir() if p.is_file()]


def _search_finds_everything(brief, library: Path) -> str:  # type: ignore[no-untyped-def]
    run = brief("search", "harbour", "--json", "--limit", "100")
    run.assert_no_crash()
    assert run.code == 0, run.err
    import json

    assert json.loads(run.out)["total"] == 40
    check = brief("check")
    assert check.code == 0 and "search index ok: 40 briefings" in check.err, check.err
    return run.err


def test_deleted_index_folder_is_rebuilt_with_a_message(brief, filled: Path) -> None:
    import shutil

    shutil.rmtree(filled / "index")
    err = _search_finds_everything(brief, filled)
    assert "rebuilt it from the library (40 briefings)" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("damage", ["garble", "truncate", "empty-toc", "drop-segments"])
def test_garbled_index_is_rebuilt_with_a_message(brief, filled: Path, damage: str) -> None:
    files = _index_files(filled)
    for path in files:
        if damage == "garble" and path.suffix in (".toc", ".seg"):
            path.write_bytes(os.urandom(max(64, path.stat().st_size)))
        elif damage == "truncate":
            os.truncate(path, path.stat().st_size // 3)
        elif damage == "empty-toc" and path.suffix == ".toc":
            path.write_bytes(b"")
        elif damage == "drop-segments" and path.suffix == ".seg":
            path.unlink()
    err = _search_finds_everything(brief, filled)
    assert "search index" in err and "rebuilt it from the library" in err, err


def test_index_version_file_garbled(brief, filled: Path) -> None:
    (filled / "index" / "brief-index.json").write_text("{not json")
    err = _search_finds_everything(brief, filled)
    assert "unknown version" in err


def test_saved_search_with_an_invalid_query_is_reported_not_dropped(brief, filled: Path) -> None:
    assert brief("saved", "add", "harbours", "harbour").code == 0
    conn = sqlite3.connect(filled / DB_NAME)
    conn.execute(
        "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, ?)",
        ("broken", 'title:"unclosed (', "2024-01-01T00:00:00+00:00"),
    )
    conn.commit()
    conn.close()
    listing = brief("saved", "list")
    listing.assert_no_crash()
    assert listing.code == 0
    assert "broken" in listing.out and "error" in listing.out
    assert "harbours" in listing.out
    ran = brief("saved", "run", "broken")
    ran.assert_no_crash()
    assert ran.code == 1 and len(ran.err_lines) == 1 and "no longer works" in ran.err
    # still there afterwards, next to the good one
    import json

    names = {s["name"]: s for s in json.loads(brief("saved", "list", "--json").out)}
    assert set(names) == {"harbours", "broken"}
    assert names["broken"]["error"] and names["harbours"]["count"] == 40


def _flip_a_byte_so_quick_check_fails(db: Path) -> None:
    """One byte flipped in a b-tree page header (the kind of damage a bad sector or
    another program leaves): the last page where that makes SQLite's quick check fail."""
    data = db.read_bytes()
    page = 4096
    for number in reversed(range(1, len(data) // page)):
        trial = bytearray(data)
        trial[number * page + 3] ^= 0xFF
        db.write_bytes(bytes(trial))
        conn = sqlite3.connect(db)
        try:
            healthy = [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        except sqlite3.DatabaseError:
            healthy = False
        finally:
            conn.close()
        if not healthy:
            return
    db.write_bytes(data)
    pytest.skip("no single flipped byte made the quick check fail")


def test_one_flipped_byte_is_not_read_as_if_nothing_were_wrong(
    brief, tmp_path: Path, filled: Path
) -> None:
    """``list``, ``search`` and ``export`` used to exit 0 from a store whose quick check
    fails (search answered from the index alone): now one line with the way out, exit 1."""
    _flip_a_byte_so_quick_check_fails(filled / DB_NAME)
    before = fingerprint(filled)
    out = tmp_path / "out"
    for cmd in (
        ["list"],
        ["search", "harbour"],
        ["export", "--query", "harbour", "--dir", str(out)],
    ):
        run = brief(*cmd)
        run.assert_no_crash()
        assert run.code == 1, (cmd, run.err)
        assert len(run.err_lines) == 1 and "brief library" in run.err, (cmd, run.err)
        assert "move it aside" in run.err or "restore" in run.err, (cmd, run.err)
    assert fingerprint(filled) == before
    assert not out.exists() or not any(out.iterdir())


def test_every_reading_command_runs_the_store_check(brief, filled: Path) -> None:
    """``show``, ``related``, ``who``, ``stories`` and ``saved list`` used to read a store
    whose quick check fails as if nothing were wrong; now the same line as ``list``."""
    import json

    first = json.loads(brief("list", "--json").out)[0]["id"]
    _flip_a_byte_so_quick_check_fails(filled / DB_NAME)
    before = fingerprint(filled)
    for cmd in (
        ["show", first],
        ["show", first, "--json"],
        ["related", first],
        ["who", "Harbour"],
        ["stories"],
        ["saved", "list"],
    ):
        run = brief(*cmd)
        run.assert_no_crash()
        assert run.code == 1, (cmd, run.err)
        assert len(run.err_lines) == 1 and "not a readable brief library" in run.err, (cmd, run.err)
    assert fingerprint(filled) == before
