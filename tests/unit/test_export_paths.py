"""Export file names stay inside the export folder and are valid everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.export import ExportExists, plan_briefings, write_planned
from briefings.export.paths import is_portable_name, safe_file_name, slugify, write_text
from tests.unit.export_helpers import briefing

WINDOWS_BAD = set('<>:"/\\|?*')


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "..\\..\\Windows\\System32",
        "CON",
        "nul.txt",
        "com1",
        "LPT9.md",
        "x" * 300,
        "é" * 300,
        "",
        "...",
        "/ / / . . .",
        "./.././/",
        "   ",
        "trailing dot.",
        'a<b>c:d"e|f?g*h',
        "line\nbreak\x00nul\x1bescape",
        "中文标题 和 更多",
        "Ｃｏｎ",  # full-width letters fold to ASCII
    ],
)
def test_names_are_portable_and_stay_inside(tmp_path: Path, title: str) -> None:
    name = safe_file_name(title, "3fa2b1c0")
    assert is_portable_name(name)
    assert name.endswith("-3fa2b1c0.md")
    assert len(name.encode("utf-8")) < 120
    assert not WINDOWS_BAD & set(name)
    assert name.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "com1", "lpt9"}
    assert name[-1] not in ". " and name[0] not in ". -"
    folder = tmp_path / "exports"
    planned = plan_briefings([briefing(title)], folder)
    assert planned[0].path.parent == folder
    (path,) = write_planned(planned)
    assert path.resolve().parent == folder.resolve()
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_empty_titles_fall_back_to_a_readable_name() -> None:
    assert safe_file_name("", "3fa2b1c0") == "briefing-3fa2b1c0.md"
    assert safe_file_name("../..", "3fa2b1c0") == "briefing-3fa2b1c0.md"
    assert safe_file_name("CON", "") == "briefing-con.md"


def test_slug_example() -> None:
    assert slugify("China lags on key asset!") == "china-lags-on-key-asset"
    assert (
        safe_file_name("China lags on key asset", "3FA2B1C0")
        == "china-lags-on-key-asset-3fa2b1c0.md"
    )


def test_long_titles_are_cut_on_a_word() -> None:
    name = safe_file_name("word " * 100, "3fa2b1c0")
    assert name.startswith("word-word-") and "--" not in name
    assert len(name.encode()) <= 80 + len("-3fa2b1c0.md")


@pytest.mark.parametrize(
    "name", ["", ".", "..", "a/b", "a\\b", "CON", "con.md", "a.", "a ", "x" * 300, "a\x01"]
)
def test_unportable_names_are_rejected(name: str) -> None:
    assert not is_portable_name(name)


def test_existing_files_are_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_text(target, "first")
    with pytest.raises(ExportExists):
        write_text(target, "second")
    assert target.read_text() == "first"
    write_text(target, "second", force=True)
    assert target.read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no temp files left


def test_nothing_is_written_when_one_target_exists(tmp_path: Path) -> None:
    a, b = briefing("First"), briefing("Second", id="fedcba9876543210")
    planned = plan_briefings([a, b], tmp_path)
    planned[1].path.write_text("mine")
    with pytest.raises(ExportExists):
        write_planned(planned)
    assert not planned[0].path.exists()
    assert planned[1].path.read_text() == "mine"
