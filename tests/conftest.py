"""Shared fixtures: every test gets its own library folder; nothing touches the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["BRIEF_STRICT"] = "1"  # a failing derivation step fails the test

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_LIBRARY", str(tmp_path / "library"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("BRIEF_NO_SAMPLES", raising=False)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def samples(library_dir: Path) -> Path:
    """The test's library (``$BRIEF_LIBRARY``) with the bundled samples and their index,
    as ``brief --demo`` makes it (a named library never gets them on its own)."""
    import io

    from rich.console import Console

    import tui.commands.search  # noqa: F401  (registers the index sync)
    from tui.context import Context

    ctx = Context.create(str(library_dir))
    ctx.demo = True
    ctx.err = Console(file=io.StringIO())
    try:
        ctx.library()
    finally:
        ctx.close()
    return library_dir
