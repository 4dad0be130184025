"""``brief export --query/--saved``: dossiers of search results, against the real search layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.export_helpers import assert_links_resolve, split_front_matter
from tui.cli import main

# every test here reads the bundled samples (a named library never gets them on its own)
pytestmark = pytest.mark.usefixtures("samples")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder that does not exist yet (tmp_path also holds the library folder)."""
    return tmp_path / "exports" / "new"


def test_query_dossier_of_the_samples(out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--query", "alibaba", "--dir", str(out_dir))
    assert code == 0, err
    (path,) = [Path(line) for line in out.splitlines()]
    # --dir names a folder even before it exists
    assert path.parent == out_dir and path.name.startswith("dossier-alibaba-")
    data, body = split_front_matter(path.read_text(encoding="utf-8"))
    _, listed, _ = run(capsys, "search", "alibaba", "--json")
    assert data["query"] == "alibaba" and data["count"] >= 3
    assert data["count"] == listed.count('"id":') and data["saved_search"] is None
    internal = assert_links_resolve(body)
    assert len(internal) >= data["count"] + 2
    assert "## quotes-across-sources" in body


def test_saved_search_dossier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "saved", "add", "Chips and AI", "alibaba OR nvidia")
    assert code == 0, err
    _, before, _ = run(capsys, "saved", "list", "--json")
    target = tmp_path / "dossier.md"
    code, out, err = run(capsys, "export", "--saved", "chips and ai", "-o", str(target))
    assert code == 0, err
    assert out.strip() == str(target)
    data, body = split_front_matter(target.read_text(encoding="utf-8"))
    assert data["saved_search"] == "Chips and AI" and data["query"] == "alibaba OR nvidia"
    assert "from the saved search “Chips and AI”" in body
    assert_links_resolve(body)
    _, after, _ = run(capsys, "saved", "list", "--json")
    assert after == before  # exporting does not mark the new hits as seen


def test_limit_keeps_the_best_hits_and_says_so(
    out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", "-q", "alibaba", "--limit", "2", "-o", "-")
    assert code == 0, err
    data, _ = split_front_matter(out)
    assert data["count"] == 2
    assert "the dossier has the best 2" in err


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["--query", "zzzqqqxxx"], 1, "nothing to export: no briefings match 'zzzqqqxxx'"),
        (["--query", '"unclosed'], 2, "brief export: "),
        (["--query", "title:"], 2, "brief export: "),
        (["--saved", "no such search"], 2, "no saved search named 'no such search'"),
    ],
)
def test_errors_are_one_line(
    out_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, needle: str
) -> None:
    run(capsys, "list")  # seeds the library: its one-line note is not part of the error
    got, out, err = run(capsys, "export", *args, "--dir", str(out_dir))
    assert got == code, err
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out and not out_dir.exists()


def test_ids_and_a_query_do_not_mix(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "list")
    code, _, err = run(capsys, "export", "abcd", "--query", "alibaba")
    assert code == 2 and err.count("\n") == 1
