"""``brief ingest --source/--url/--date/--tag``, the page's canonical URL, and the notice
for the same text at two paths (#16)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from briefings.derive.html import read_page_meta
from briefings.models import Briefing
from tui.citation import citation, original_location
from tui.cli import main

ARTICLE = (
    "Harbour council approves new ferry timetable\n\n"
    'The harbour council voted on Tuesday to add two evening crossings. "The late boat '
    "was always full,\" said Mara Lindqvist, the council's transport chair.\n\n"
    "The new timetable starts in March and costs 40,000 euros a year.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _only(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    _, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 1
    _, out, _ = run(capsys, "show", rows[0]["id"], "--json")
    data: dict[str, object] = json.loads(out)
    return data


def test_overrides_are_stored_and_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE)
    code, _, err = run(
        capsys, "ingest", str(path), "--source", "Harbour Gazette",
        "--url", "https://gazette.example/ferry", "--date", "2026-03-02",
        "--tag", "Transport", "--tag", "local",
    )  # fmt: skip
    assert code == 0, err
    data = _only(capsys)
    assert data["source"] == "Harbour Gazette"
    assert data["url"] == "https://gazette.example/ferry"
    assert data["published"] == "2026-03-02"
    code, out, _ = run(capsys, "search", "tag:local")
    assert code == 0 and "ferry" in out.lower()
    code, out, _ = run(capsys, "show", str(data["id"]))
    assert "https://gazette.example/ferry" in out and "Harbour Gazette" in out


def test_without_overrides_derivation_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE)
    assert run(capsys, "ingest", str(path))[0] == 0
    data = _only(capsys)
    assert data["url"] is None
    # given later, an override replaces what is stored even though the text is unchanged
    code, _, err = run(capsys, "ingest", str(path), "--source", "Harbour Gazette")
    assert code == 0 and "updated 1" in err
    assert _only(capsys)["source"] == "Harbour Gazette"


@pytest.mark.parametrize(
    ("flag", "value"), [("--date", "March 2"), ("--url", "gazette.example/ferry")]
)
def test_bad_override_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE)
    code, _, err = run(capsys, "ingest", str(path), flag, value)
    assert code == 2 and flag in err


def test_same_text_at_two_paths_is_noticed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "ferry.txt").write_text(ARTICLE)
    (tmp_path / "b" / "copy.txt").write_text(ARTICLE)
    assert run(capsys, "ingest", str(tmp_path / "a"))[0] == 0
    code, _, err = run(capsys, "ingest", str(tmp_path / "b"))
    assert code == 0
    assert "copy.txt: same text as" in err and "ferry.txt" in err
    # ingesting again says nothing new
    _, _, err = run(capsys, "ingest", str(tmp_path / "b"))
    assert "same text as" not in err


PAGE = """<html><head><title>Ferry</title>
<link rel="canonical" href="https://news.example/2026/ferry-timetable">
<meta property="og:url" content="https://news.example/share/ferry">
</head><body><h1>Harbour council approves new ferry timetable</h1></body></html>"""


def test_canonical_url_from_the_page() -> None:
    meta = read_page_meta(lxml_html.fromstring(PAGE))
    assert meta.url == "https://news.example/2026/ferry-timetable"
    og_only = PAGE.replace(
        '<link rel="canonical" href="https://news.example/2026/ferry-timetable">', ""
    )
    assert read_page_meta(lxml_html.fromstring(og_only)).url == "https://news.example/share/ferry"
    relative = og_only.replace("https://news.example/share/ferry", "/share/ferry")
    assert read_page_meta(lxml_html.fromstring(relative)).url is None


def test_html_ingest_stores_the_canonical_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paras = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
    page = PAGE.replace("</body>", f"<article>{paras * 3}</article></body>")
    (tmp_path / "ferry.html").write_text(page)
    code, _, err = run(capsys, "ingest", str(tmp_path / "ferry.html"))
    assert code == 0, err
    assert _only(capsys)["url"] == "https://news.example/2026/ferry-timetable"


def test_open_and_copy_use_the_stored_url(tmp_path: Path) -> None:
    b = Briefing(
        id="x" * 16, title="Ferry", origin=str(tmp_path / "ferry.txt"), source="Gazette",
        published=date(2026, 3, 2), url="https://gazette.example/ferry",
    )  # fmt: skip
    assert original_location(b) == "https://gazette.example/ferry"
    assert citation(b) == "Ferry — Gazette, 2026-03-02, https://gazette.example/ferry"
