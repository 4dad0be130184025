"""``brief export`` by id: files, stdout, overwriting, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unit.export_helpers import split_front_matter, tokens
from tui.cli import main

# every test here reads the bundled samples (a named library never gets them on its own)
pytestmark = pytest.mark.usefixtures("samples")


@pytest.fixture(autouse=True)
def _export_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports-default"
    monkeypatch.setenv("BRIEF_EXPORT_DIR", str(folder))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    _, out, _ = run(capsys, "list", "--json")
    return [row["id"] for row in json.loads(out)]


def test_export_one_id_to_the_default_folder(
    capsys: pytest.CaptureFixture[str], _export_dir: Path
) -> None:
    first = ids(capsys)[0]
    code, out, err = run(capsys, "export", first[:6])
    assert code == 0
    (path,) = [Path(line) for line in out.splitlines()]
    assert path.parent == _export_dir and path.name.endswith(f"-{first[:8]}.md")
    assert f"exported 1 briefing to {_export_dir}" in err
    data, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert data["id"] == first
    assert tokens(body)[0].type == "heading_open"


def test_several_ids_to_a_folder_and_no_clobber(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    all_ids = ids(capsys)
    folder = tmp_path / "out"
    code, out, _ = run(capsys, "export", *all_ids, "--dir", str(folder), "--with-source")
    assert code == 0 and len(out.splitlines()) == 5
    assert len(list(folder.glob("*.md"))) == 5
    code, _, err = run(capsys, "export", all_ids[0], "--dir", str(folder))
    assert code == 1 and "exists; use --force" in err and err.count("\n") == 1
    code, _, _ = run(capsys, "export", all_ids[0], "--dir", str(folder), "--force")
    assert code == 0


def test_stdout_and_single_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    all_ids = ids(capsys)
    code, out, _ = run(capsys, "export", all_ids[0], "-o", "-")
    assert code == 0 and split_front_matter(out)[0]["id"] == all_ids[0]
    code, out, _ = run(capsys, "export", *all_ids[:3], "-o", "-")
    data, _ = split_front_matter(out)
    assert data["count"] == 3 and data["ids"] == all_ids[:3]
    target = tmp_path / "deep" / "mine.md"
    code, out, _ = run(capsys, "export", all_ids[1], "-o", str(target))
    assert code == 0 and out.strip() == str(target) and target.is_file()


def test_dossier_of_ids_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    all_ids = ids(capsys)
    code, out, err = run(capsys, "export", *all_ids, "--dossier", "--dir", str(tmp_path))
    assert code == 0 and "a dossier of 5 briefings" in err
    (path,) = [Path(line) for line in out.splitlines()]
    assert (
        path.name.startswith("dossier-") and split_front_matter(path.read_text())[0]["count"] == 5
    )


def test_usage_and_lookup_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    ids(capsys)
    for args, want in [
        (("export",), 2),
        (("export", "abc", "--query", "x"), 2),
        (("export", "abc", "-o", "x", "--dir", "y"), 2),
        (("export", "ffffffffff"), 1),
        (("export", "not-hex"), 1),
    ]:
        code, _, err = run(capsys, *args)
        assert code == want, args
        assert err.count("\n") == 1 and "Traceback" not in err


def test_unwritable_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = ids(capsys)[0]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "export", first, "--dir", str(blocker / "sub"))
    assert code == 1 and "cannot write" in err and err.count("\n") == 1
