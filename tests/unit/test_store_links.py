"""The store owns its tables: related lists and quote links in tables of their own (the
briefing JSON holds what derivation produced), saved searches through its methods, no SQL
in the search or reader packages, and settings given to the index, not read at import."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefings.library import Library
from briefings.models import QuoteLink, Related
from briefings.settings import Settings
from search import SearchIndex
from tests.unit.search_helpers import make

REPO = Path(__file__).resolve().parents[2]


def _json(lib: Library, briefing_id: str) -> dict:
    row = lib.connection.execute("SELECT data FROM briefings WHERE id=?", (briefing_id,))
    return json.loads(row.fetchone()[0])


def test_links_live_in_their_tables_and_are_joined_on_read(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        a = make(lib, "a", "Tide tables", ["The tide rose early."], quotes=[("Water came", "Ana")])
        b = make(lib, "b", "Tide again", ["The tide rose late."], quotes=[("Water went", "Bo")])
        link = QuoteLink(id=b.id, title=b.title, quote=0, text="Water went", score=91.0)
        a2 = a.model_copy(
            update={
                "related": [Related(id=b.id, title=b.title, score=0.4, reasons=["shared terms"])],
                "quotes": [a.quotes[0].model_copy(update={"corroborations": [link]})],
            }
        )
        lib.store_links([a2])
        got = lib.get(a.id)
        assert got.related == a2.related and got.quotes[0].corroborations == [link]
        assert lib.get_many([b.id, a.id])[1] == got
        assert lib.related_of(a.id) == a2.related and lib.related_of(b.id) == []
        assert lib.related_of("0" * 16) is None
        stored = _json(lib, a.id)
        assert stored["related"] == [] and stored["quotes"][0]["corroborations"] == []
        assert lib.referencing([b.id]) == [a.id] and lib.referencing([a.id]) == []
        # a re-ingest keeps the related list until it is recomputed; its quotes are new
        changed = make(lib, "a", "Tide tables", ["The tide rose early, again."])
        assert lib.get(changed.id).related == a2.related
        # links computed for the old quotes are not stored over the new ones
        lib.store_links([a2])
        assert all(not q.corroborations for q in lib.get(a.id).quotes)
        # deleting a briefing takes its own lists with it
        assert lib.delete(a.id)
        assert lib.referencing([b.id]) == []


def test_remove_and_restore_keep_the_links(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        a = make(lib, "a", "Cranes", ["Cranes moved."], quotes=[("We moved them", "Ana")])
        b = make(lib, "b", "Cranes too", ["Cranes stood."])
        link = QuoteLink(id=b.id, title=b.title, quote=0)
        full = a.model_copy(
            update={
                "related": [Related(id=b.id, title=b.title, score=0.3)],
                "quotes": [a.quotes[0].model_copy(update={"corroborations": [link]})],
            }
        )
        lib.store_links([full])
        removed = lib.remove(a.id)
        assert removed is not None and lib.referencing([b.id]) == []
        assert lib.restore(removed)
        assert lib.get(a.id) == full


def test_saved_searches_go_through_the_store(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.add_saved_search("Harbour", "harbour", "2026-01-01T00:00:00+00:00", 3)
        assert lib.saved_search("HARBOUR") == ("Harbour", "harbour", "2026-01-01T00:00:00+00:00")
        lib.rename_saved_search("Harbour", "Ports")
        lib.saved_search_opened("Ports", 5)
        rows = lib.saved_searches()
        assert [r[:2] for r in rows] == [("Ports", "harbour")] and rows[0][2] != "2026-01-01"
        lib.remove_saved_search("Ports")
        assert lib.saved_searches() == [] and lib.saved_search("ports") is None


def test_the_change_watch_sees_other_connections_commit(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        watch = lib.watch()
        try:
            before = watch.version()
            assert watch.contents() == (0, None)
            make(lib, "a", "Harbour", ["Boats."])
            assert watch.version() != before and watch.contents()[0] == 1
        finally:
            watch.close()


def test_no_sql_outside_the_store() -> None:
    """Acceptance: ``grep -rn "execute(" --include=*.py search tui`` finds nothing."""
    found = [
        f"{path.relative_to(REPO)}:{n}"
        for folder in ("search", "tui")
        for path in sorted((REPO / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"execute(many)?\(", line)
    ]
    assert found == []


def test_the_index_takes_its_settings_at_construction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(tmp_path / "lib")
    monkeypatch.setenv("BRIEF_INDEX_BATCH", "7")
    monkeypatch.setenv("BRIEF_INDEX_LOCK_TIMEOUT", "3")
    index = SearchIndex(lib)  # the environment, read now (not when search.index was imported)
    assert (index.batch, index.lock_timeout) == (7, 3.0)
    index.close()
    given = SearchIndex(lib, settings=Settings(index_batch=11, index_lock_timeout=2.0))
    assert (given.batch, given.lock_timeout) == (11, 2.0)
    given.close()
    lib.close()


def test_forgetting_a_briefing_removes_only_the_rows_that_name_it(tmp_path: Path) -> None:
    """``forget_links`` deletes the entries and quote links naming deleted briefings,
    keeps the other rows in their order (ranks 0, 1, ...) and says whose lists lost one."""
    with Library(tmp_path / "lib") as lib:
        a = make(lib, "a", "Tide tables", ["The tide rose."], quotes=[("Water came in", "Ana")])
        b = make(lib, "b", "Tide again", ["The tide fell."], quotes=[("Water went", "Bo")])
        c = make(lib, "c", "Tide news", ["The tide turned."], quotes=[("Water came", "Cy")])
        d = make(lib, "d", "Tide note", ["The tide held."])

        def entry(x: object) -> Related:
            return Related(id=x.id, title=x.title, score=0.5, reasons=[])  # type: ignore[attr-defined]

        def link(x: object) -> QuoteLink:
            return QuoteLink(id=x.id, title=x.title, quote=0, text="Water", score=90.0)  # type: ignore[attr-defined]

        a2 = a.model_copy(
            update={
                "related": [entry(b), entry(c), entry(d)],
                "quotes": [a.quotes[0].model_copy(update={"corroborations": [link(b), link(c)]})],
            }
        )
        c2 = c.model_copy(update={"related": [entry(a)]})
        lib.store_links([a2, c2])
        assert lib.forget_links([b.id]) == [a.id]
        got = lib.get(a.id)
        assert [r.id for r in got.related] == [c.id, d.id]
        assert [x.id for x in got.quotes[0].corroborations] == [c.id]
        ranks = lib.connection.execute(
            "SELECT rank FROM related WHERE id=? ORDER BY rank", (a.id,)
        ).fetchall()
        assert [r[0] for r in ranks] == [0, 1]
        assert lib.get(c.id).related == c2.related  # names no deleted briefing: untouched
        assert lib.forget_links(["0" * 16]) == []
        # a list written later (ranks from 0) is stored over the renumbered one
        lib.store_links([], {a.id: [entry(d)]})
        assert [r.id for r in lib.get(a.id).related] == [d.id]
