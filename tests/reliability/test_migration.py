"""An older library (store schema 3, as brief made it until related lists and quote links
got tables of their own; schema 4, before related-article profiles were stored) opens,
says so in one line, and keeps everything it had."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.library import DB_NAME, SCHEMA_VERSION, Library
from briefings.models import Briefing

from .conftest import REPO


def _as_schema_3(library_dir: Path) -> dict[str, Briefing]:
    """Turn a current store into the schema-3 store brief wrote before: every briefing's
    related list and quote links inside its JSON (as ``model_dump_json`` wrote it), no
    tables for them. Returns the briefings as they read before."""
    with Library(library_dir) as lib:
        before = {b.id: b for b in lib.get_many(lib.ids())}
    conn = sqlite3.connect(library_dir / DB_NAME)
    with conn:
        for b in before.values():
            conn.execute("UPDATE briefings SET data=? WHERE id=?", (b.model_dump_json(), b.id))
        conn.execute("DROP TABLE related")
        conn.execute("DROP TABLE quote_links")
        _drop_profiles(conn)
        conn.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    conn.close()
    return before


def _drop_profiles(conn: sqlite3.Connection) -> None:
    """What schema 5 added: related-article profiles and their inverted table."""
    for table in ("related_profiles", "related_terms", "related_term_counts"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM meta WHERE key='related_profiles'")


def _as_schema_4(library_dir: Path) -> dict[str, Briefing]:
    """Turn a current store into the schema-4 store brief wrote before profiles were stored."""
    with Library(library_dir) as lib:
        before = {b.id: b for b in lib.get_many(lib.ids())}
    conn = sqlite3.connect(library_dir / DB_NAME)
    with conn:
        _drop_profiles(conn)
        conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    conn.close()
    return before


def _stored_json(library_dir: Path) -> dict[str, dict]:
    conn = sqlite3.connect(library_dir / DB_NAME)
    try:
        return {r[0]: json.loads(r[1]) for r in conn.execute("SELECT id, data FROM briefings")}
    finally:
        conn.close()


@pytest.fixture
def schema_3(brief, library_dir: Path, samples: Path) -> dict[str, Briefing]:
    run = brief("list")  # the bundled samples, indexed and related
    assert run.code == 0, run.err
    before = _as_schema_3(library_dir)
    assert sum(bool(b.related) for b in before.values()) >= 2
    return before


def test_a_schema_3_library_migrates_with_one_line(brief, library_dir: Path, schema_3) -> None:  # type: ignore[no-untyped-def]
    run = brief("list")
    run.assert_no_crash()
    assert run.code == 0
    assert len(run.err_lines) == 1, run.err
    line = run.err_lines[0]
    assert f"upgraded the library from schema 3 to {SCHEMA_VERSION}" in line
    lists = sum(bool(b.related) for b in schema_3.values())
    links = sum(len(q.corroborations) for b in schema_3.values() for q in b.quotes)
    assert f"{lists} related lists and {links} quote links" in line
    assert lists and links
    # the JSON now holds only what derivation produced; the lists read back the same
    for doc in _stored_json(library_dir).values():
        assert doc["related"] == []
        assert all(q["corroborations"] == [] for q in doc["quotes"])
    with Library(library_dir) as lib:
        assert lib.migrated is None
        assert lib.get_meta("schema_version") == str(SCHEMA_VERSION)
        after = {b.id: b for b in lib.get_many(lib.ids())}
        assert after == schema_3
        some = next(b for b in schema_3.values() if b.related)
        assert lib.get(some.id) == some
        assert lib.related_of(some.id) == some.related
    # the copy made before the upgrade is the schema-3 store
    backup = library_dir / (DB_NAME + ".schema3.backup")
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
            "3",
        )
        assert conn.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == len(schema_3)
    finally:
        conn.close()
    # opening it again says nothing
    again = brief("list")
    assert again.code == 0 and again.err == ""


def test_links_change_and_go_with_their_briefing_after_migration(  # type: ignore[no-untyped-def]
    brief, library_dir: Path, schema_3
) -> None:
    assert brief("list").code == 0
    linked = next(b for b in schema_3.values() if b.related)
    other = linked.related[0].id
    run = brief("rm", other[:12])
    assert run.code == 0, run.err
    with Library(library_dir) as lib:
        assert other not in {r.id for r in lib.get(linked.id).related}
        assert lib.referencing([other]) == []
        assert lib.related_of(other) is None


def test_a_read_only_schema_3_library_is_read_as_it_is(  # type: ignore[no-untyped-def]
    library_dir: Path, schema_3, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store that cannot be written (a read-only file or mount) is not upgraded; its
    related lists and quote links are read from the JSON they are in."""
    monkeypatch.setattr(Library, "_cannot_write", lambda self: True)
    with Library(library_dir) as lib:
        assert lib.read_only and lib.migrated is None
        assert {b.id: b for b in lib.get_many(lib.ids())} == schema_3
        some = next(b for b in schema_3.values() if b.related)
        assert lib.related_of(some.id) == some.related
    assert not (library_dir / (DB_NAME + ".schema3.backup")).exists()


def test_two_programs_opening_an_old_library_at_once_upgrade_it_once(  # type: ignore[no-untyped-def]
    library_dir: Path, schema_3
) -> None:
    code = (
        "import sys; from briefings.library import Library; "
        "lib = Library(sys.argv[1]); print(lib.migrated or ''); "
        "print(len(lib.get_many(lib.ids())))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(library_dir)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    said = [o.splitlines()[0] for o, _ in outs]
    assert sum("upgraded the library from schema 3" in line for line in said) == 1, said
    assert all(o.splitlines()[1] == str(len(schema_3)) for o, _ in outs)
    with Library(library_dir) as lib:
        assert {b.id: b for b in lib.get_many(lib.ids())} == schema_3
    left = sorted(p.name for p in library_dir.iterdir() if "backup" in p.name)
    assert left == [DB_NAME + ".schema3.backup"], left


def test_a_schema_4_library_migrates_with_one_line_and_gets_its_profiles(  # type: ignore[no-untyped-def]
    brief, library_dir: Path, samples: Path
) -> None:
    """Schema 5 adds the related-article profiles: opening a schema-4 store says so in
    one line (and keeps a copy); the next sync profiles every briefing once, and the
    lists it had stay as they were; a new article then finds its related ones."""
    assert brief("list").code == 0
    before = _as_schema_4(library_dir)
    assert sum(bool(b.related) for b in before.values()) >= 2
    run = brief("list")
    run.assert_no_crash()
    assert run.code == 0 and len(run.err_lines) == 1, run.err
    line = run.err_lines[0]
    assert f"upgraded the library from schema 4 to {SCHEMA_VERSION}" in line
    assert "related-article profiles are made on the next sync" in line
    assert (library_dir / (DB_NAME + ".schema4.backup")).exists()
    from search import SearchIndex
    from search.related import PROFILES_KEY, PROFILES_VERSION

    with Library(library_dir) as lib:
        assert lib.migrated is None
        assert {b.id: b for b in lib.get_many(lib.ids())} == before
        some = next(b for b in before.values() if b.related)
        # recomputing a listed briefing profiles the library first, and finds the same first entry
        copy = some.model_copy(update={"related": []})
        index = SearchIndex(lib)
        index.sync()
        from search.related import RelatedUpdater

        RelatedUpdater(index).update([copy], [])
        assert lib.get_meta(PROFILES_KEY) == PROFILES_VERSION
        assert len(lib.related_profiles(lib.ids())) == len(before)
        assert lib.get(some.id).related[0].id == some.related[0].id
        index.close()
    again = brief("list")
    assert again.code == 0 and again.err == ""


def test_an_upgrade_that_frees_much_of_the_file_compacts_it(library_dir: Path, schema_3) -> None:
    """Moving the lists out of the JSON rewrites every row: the free pages it leaves are
    given back (VACUUM) when nobody else has the store open."""
    conn = sqlite3.connect(library_dir / DB_NAME)
    with conn:  # make the rewrite free a lot: every briefing's JSON carries padding
        conn.execute("CREATE TABLE padding (x BLOB)")
        conn.execute("INSERT INTO padding VALUES (zeroblob(2000000))")
    with conn:
        conn.execute("DROP TABLE padding")
    pages, free = (
        conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "freelist_count")
    )
    conn.close()
    assert free / pages > 0.5
    with Library(library_dir) as lib:
        assert lib.migrated is not None and "MB reclaimed" in lib.migrated
        pages = lib.connection.execute("PRAGMA page_count").fetchone()[0]
        free = lib.connection.execute("PRAGMA freelist_count").fetchone()[0]
        assert free / pages < 0.1
        assert {b.id: b for b in lib.get_many(lib.ids())} == schema_3
