"""The store check of reading commands: SQLite's quick check, skipped while the store
file is exactly as it was at a clean check today (it reads the whole file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.library import DB_NAME, Library
from tests.tui.conftest import build_library
from tui import storecheck
from tui.cli import main


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    original = Library.ensure_readable

    def counted(self: Library) -> None:
        calls.append(self.folder)
        original(self)

    monkeypatch.setattr(Library, "ensure_readable", counted)
    return calls


def test_the_check_runs_once_until_the_store_changes(
    library_dir: Path, checks: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    build_library(library_dir)
    assert main(["list"]) == 0
    assert main(["list"]) == 0
    assert main(["show", "--json", _any_id(library_dir)]) == 0
    assert len(checks) == 1  # the store file did not change: no second full read
    (library_dir / DB_NAME).touch()  # changed by someone (mtime): checked again
    assert main(["list"]) == 0
    assert len(checks) == 2
    capsys.readouterr()


def test_a_new_day_checks_again(
    library_dir: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    build_library(library_dir)
    with Library(library_dir) as lib:
        storecheck.ensure_readable(lib)
        storecheck.ensure_readable(lib)
        assert len(checks) == 1
        real = storecheck._signature
        monkeypatch.setattr(
            storecheck, "_signature", lambda db: {**(real(db) or {}), "day": "2999-01-01"}
        )
        storecheck.ensure_readable(lib)
        assert len(checks) == 2


def test_the_stamp_is_not_in_the_library_folder(library_dir: Path) -> None:
    build_library(library_dir)
    before = sorted(p.name for p in library_dir.iterdir())
    with Library(library_dir) as lib:
        storecheck.ensure_readable(lib)
    assert sorted(p.name for p in library_dir.iterdir()) == before
    assert not storecheck.check_needed(library_dir)
    storecheck.forget(library_dir)
    assert storecheck.check_needed(library_dir)


def _any_id(folder: Path) -> str:
    with Library(folder) as lib:
        return lib.ids()[0]
