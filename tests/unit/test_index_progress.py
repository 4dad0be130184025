"""A long index sync reports its progress (the CLI draws a bar on a terminal)."""

from __future__ import annotations

from pathlib import Path

from briefings.library import Library
from search import SearchIndex
from search import index as index_module
from tests.unit.search_helpers import make


def test_a_long_sync_reports_progress(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(index_module, "NOTE_ABOVE", 3)
    monkeypatch.setattr(index_module, "BATCH", 2)
    lib = Library(tmp_path / "lib")
    seen: list[tuple[int, int]] = []
    index = SearchIndex(lib, on_progress=lambda done, total: seen.append((done, total)))
    for n in range(5):
        make(lib, f"n{n}", f"Harbour report number {n}", [f"Crews loaded {n} ships on Monday."])
    index.sync()
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert index.doc_count() == 5
    index.close()
    lib.close()


def test_a_rebuild_reports_progress(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(index_module, "NOTE_ABOVE", 3)
    lib = Library(tmp_path / "lib")
    for n in range(5):
        make(lib, f"n{n}", f"Harbour report number {n}", [f"Crews loaded {n} ships on Monday."])
    seen: list[tuple[int, int]] = []
    index = SearchIndex(lib, on_progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 10) and seen[-1] == (10, 10)  # 5 documents, then 5 related lists
    assert index.doc_count() == 5
    index.close()
    lib.close()
