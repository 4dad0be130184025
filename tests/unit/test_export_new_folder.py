"""A dossier exported to a folder that does not exist yet goes inside that folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from briefings.export import plan_dossier
from briefings.export.paths import write_text
from briefings.models import Briefing
from tui.cli import main

# every test here reads the bundled samples (a named library never gets them on its own)
pytestmark = pytest.mark.usefixtures("samples")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_dossier_into_a_new_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault" / "news"
    code, out, err = run(capsys, "export", "--query", "alibaba", "--dir", str(folder))
    assert code == 0, err
    (path,) = [Path(line) for line in out.splitlines()]
    assert folder.is_dir() and path.parent == folder and path.name.startswith("dossier-")
    # the folder is still a folder: exporting one briefing there works too
    code, out, err = run(capsys, "export", "--query", "nvidia", "--dir", str(folder))
    assert code == 0, err


def test_dossier_into_the_default_folder_on_first_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "Documents" / "brief"
    monkeypatch.setenv("BRIEF_EXPORT_DIR", str(default))
    code, out, err = run(capsys, "export", "--query", "alibaba")
    assert code == 0, err
    assert default.is_dir() and Path(out.strip()).parent == default
    ids = [line.split("\t")[0] for line in run(capsys, "list")[1].splitlines()]
    code, _, err = run(capsys, "export", ids[0])
    assert code == 0, err


def test_plan_dossier_target_kinds(tmp_path: Path) -> None:
    b = Briefing(id="ab" * 8, title="A title", origin="x.txt", format="txt", content_hash="0")
    assert plan_dossier([b], tmp_path / "new", folder=True).path.parent == tmp_path / "new"
    assert plan_dossier([b], tmp_path / "mine.md").path == tmp_path / "mine.md"
    assert plan_dossier([b], tmp_path / "report").path == tmp_path / "report"
    (tmp_path / "existing").mkdir()
    assert plan_dossier([b], tmp_path / "existing").path.parent == tmp_path / "existing"


def test_a_bad_query_is_a_usage_error_as_in_search(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "search", "title:(")
    assert code == 2
    code, _, err = run(capsys, "export", "--query", "title:(", "--dir", str(tmp_path / "out"))
    assert code == 2 and err.count("\n") == 1 and "never closed" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
def test_exported_files_get_ordinary_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    path = write_text(tmp_path / "a.md", "text\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask
