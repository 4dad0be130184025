"""Damaged or unusual state around a healthy store: contained, named, repaired.

A read-only library is readable; one bad row is skipped, not fatal; a table
another program dropped is recreated; an index folder or lock that is not what
it should be is moved aside and rebuilt; ``rebuild --all`` reports a row with
an unknown format and goes on.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from briefings.library import Library

from .conftest import store_problems, write_articles


@pytest.fixture
def lib(brief, tmp_path: Path, library_dir: Path) -> Path:
    write_articles(tmp_path / "src", 4)
    run = brief("ingest", str(tmp_path / "src"))
    assert run.code == 0, run.err
    return library_dir


def sql(library: Path, statement: str, *params: object) -> None:
    conn = sqlite3.connect(library / "library.sqlite3")
    conn.execute(statement, params)
    conn.commit()
    conn.close()


def test_one_bad_published_value_is_skipped_not_fatal(brief, lib: Path) -> None:
    bad = brief("list", "--json")
    first = json.loads(bad.out)[0]["id"]
    sql(lib, "UPDATE briefings SET published='not a date' WHERE id=?", first)
    run = brief("list")
    run.assert_no_crash()
    assert run.code == 0
    assert len(run.out.splitlines()) == 3  # the other three
    assert run.err_lines == [
        f"briefing {first} skipped: a stored value is unreadable (Input should be a valid "
        "date or datetime, invalid character in year); 'brief rebuild --all' derives it again"
    ]
    with Library(lib) as library:
        assert len(library.listing()) == 3 and library.skipped


def test_dropped_tables_are_recreated_and_named(brief, lib: Path) -> None:
    sql(lib, "DROP TABLE saved_searches")
    sql(lib, "DROP TABLE related_outbox")
    run = brief("saved", "list")
    run.assert_no_crash()
    assert run.code == 0
    assert "recreated the missing table(s) related_outbox, saved_searches" in run.err
    assert brief("saved", "add", "harbour", "harbour").code == 0
    assert store_problems(lib) == []


def test_rebuild_reports_an_unknown_format_and_goes_on(brief, lib: Path) -> None:
    first = json.loads(brief("list", "--json").out)[0]["id"]
    sql(lib, "UPDATE briefings SET format='pdf' WHERE id=?", first)
    run = brief("rebuild", "--all")
    run.assert_no_crash()
    assert run.code == 1
    assert run.err_lines[0] == "rebuilt 3, failed 1"
    assert run.err_lines[1].startswith(f"error: briefing {first} (")
    assert "its stored article cannot be read" in run.err_lines[1]


def test_read_only_library_is_readable(
    brief, lib: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated (tests may run as root, who can write anything): the store is opened
    with SQLite's read-only mode, which holds for root too."""
    monkeypatch.setattr(Library, "_cannot_write", lambda self: True)
    run = brief("list")
    run.assert_no_crash()
    assert run.code == 0 and len(run.out.splitlines()) == 4
    assert run.err_lines == [
        f"{lib} cannot be written (a read-only file or mount): opened read-only, "
        "so nothing can be added or changed"
    ]
    assert "damaged" not in run.err and "backup" not in run.err
    first = json.loads(brief("list", "--json").out)[0]["id"]
    assert brief("show", first).code == 0
    write_articles(tmp_path / "more", 1, start=50)
    run = brief("ingest", str(tmp_path / "more"))
    run.assert_no_crash()
    assert run.code == 1
    assert run.err_lines[-1] == f"brief: {lib} is read-only: it can be read but not changed"


@pytest.mark.parametrize("kind", ["dangling", "loop", "self"])
def test_index_folder_that_is_a_bad_link_is_rebuilt(brief, lib: Path, kind: str) -> None:
    index = lib / "index"
    import shutil

    shutil.rmtree(index)
    if kind == "dangling":
        os.symlink(lib / "nowhere", index)
    elif kind == "loop":
        os.symlink(lib / "index2", index)
        os.symlink(index, lib / "index2")
    else:
        os.symlink(index, index)
    for args in (("search", "harbour"), ("list",), ("check",)):
        run = brief(*args)
        run.assert_no_crash()
        assert run.code == 0, (args, run.err)
    run = brief("search", "harbour", "--json")
    assert json.loads(run.out)["total"] == 4
    assert index.is_dir() and not index.is_symlink()
    assert not list(lib.glob("index.old-*"))


@pytest.mark.parametrize("kind", ["folder", "dangling"])
def test_lock_that_is_not_a_file_is_moved_aside(
    brief, lib: Path, tmp_path: Path, kind: str
) -> None:
    lock = lib / "index.lock"
    lock.unlink(missing_ok=True)
    if kind == "folder":
        lock.mkdir()
    else:
        os.symlink(tmp_path / "nowhere" / "lock", lock)
    write_articles(tmp_path / "more", 2, start=70)
    run = brief("ingest", str(tmp_path / "more"))
    run.assert_no_crash()
    assert run.code == 0, run.err
    assert any("was not a lock file: moved it aside" in line for line in run.err_lines)
    assert lock.is_file() and not lock.is_symlink()
    run = brief("search", "harbour", "--json")
    assert json.loads(run.out)["total"] == 6
    check = brief("check")
    assert check.code == 0 and "repaired" not in check.err


def test_garbage_in_a_stored_briefing_does_not_stop_the_listing(brief, lib: Path) -> None:
    first = json.loads(brief("list", "--json").out)[0]["id"]
    sql(lib, "UPDATE briefings SET data='{not json' WHERE id=?", first)
    run = brief("list")
    assert run.code == 0 and len(run.out.splitlines()) == 4
    run = brief("show", first)
    assert run.code == 1 and len(run.err_lines) == 1
    assert "brief rebuild --all" in run.err
