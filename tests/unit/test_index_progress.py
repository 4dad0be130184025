"""A long index sync reports its progress (the CLI draws a bar on a terminal)."""

from __future__ import annotations

from pathlib import Path

from briefings.library import Library
from briefings.settings import Settings
from search import SearchIndex
from search import index as index_module
from tests.unit.search_helpers import make


def test_a_long_sync_reports_progress(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(index_module, "NOTE_ABOVE", 3)
    lib = Library(tmp_path / "lib")
    seen: list[tuple[int, int]] = []
    index = SearchIndex(
        lib,
        on_progress=lambda done, total: seen.append((done, total)),
        settings=Settings(index_batch=2),
    )
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


def test_progress_moves_within_one_batch_of_related_lists(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A batch of related lists takes a while (500 briefings): the bar moved only when
    the whole batch was done, so at 500 or fewer changes it sat at 0/N (issue 16)."""
    monkeypatch.setattr(index_module, "NOTE_ABOVE", 3)
    monkeypatch.setattr(index_module, "RELATE_STEP", 2)
    lib = Library(tmp_path / "lib")
    seen: list[tuple[int, int]] = []
    index = SearchIndex(lib, on_progress=lambda done, total: seen.append((done, total)))
    for n in range(7):
        make(lib, f"n{n}", f"Harbour report number {n}", [f"Crews loaded {n} ships on Monday."])
    index.sync()  # one batch (BATCH is 500)
    done = [d for d, _ in seen]
    assert done[0] == 0 and done[-1] == 7
    assert any(0 < d < 7 for d in done), seen
    assert done == sorted(done)
    assert index_module.changes_left(lib) == 0
    index.close()
    lib.close()
