"""The export's front matter: ``tags`` are the user's tags (``ingest --tag``, front-matter
tags of a Markdown clipping), ``keywords`` the derived keywords; never the other way round."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings.models import Article
from briefings.pipeline import front_matter_tags
from tests.unit.export_helpers import split_front_matter
from tui.cli import main

BODY = (
    "Harbour council approves new ferry timetable\n\n"
    'The harbour council voted on Tuesday to add two evening crossings. "The late boat '
    "was always full,\" said Mara Lindqvist, the council's transport chair.\n\n"
    "The new timetable starts in March and costs 40,000 euros a year.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _only_id(capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 1
    return str(rows[0]["id"])


def _exported(capsys: pytest.CaptureFixture[str], briefing_id: str) -> dict[str, object]:
    code, out, err = run(capsys, "export", briefing_id, "-o", "-")
    assert code == 0, err
    data, _ = split_front_matter(out)
    return data


def test_export_tags_are_the_users_tags_and_keywords_have_their_own_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(BODY)
    code, _, err = run(capsys, "ingest", str(path), "--tag", "Transport", "--tag", "local")
    assert code == 0, err
    bid = _only_id(capsys)
    data = _exported(capsys, bid)
    assert data["tags"] == ["local", "transport"]
    keywords = data["keywords"]
    assert isinstance(keywords, list) and keywords
    assert "local" not in keywords and "transport" not in keywords
    assert list(data).index("keywords") == list(data).index("tags") + 1
    # `brief show --format md` (and the reader's `|`) write the same front matter
    code, out, _ = run(capsys, "show", bid, "--format", "md")
    assert code == 0 and split_front_matter(out)[0]["tags"] == ["local", "transport"]


def test_an_untagged_briefing_exports_no_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(BODY)
    assert run(capsys, "ingest", str(path))[0] == 0
    data = _exported(capsys, _only_id(capsys))
    assert data["tags"] == [] and data["keywords"]


@pytest.mark.parametrize(
    "front",
    [
        "tags: [ferries, Local News]\n",
        "tags:\n  - ferries\n  - '#local-news'\n",
        "tags: ferries, local news\n",
    ],
)
def test_front_matter_tags_of_a_clipping_become_its_tags(
    front: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.md"
    path.write_text("---\ntitle: Ferry timetable\n" + front + "---\n" + BODY)
    code, _, err = run(capsys, "ingest", str(path), "--tag", "mine")
    assert code == 0, err
    bid = _only_id(capsys)
    code, out, _ = run(capsys, "search", "tag:local-news")
    assert code == 0 and bid in out
    assert _exported(capsys, bid)["tags"] == ["ferries", "local-news", "mine"]


def test_front_matter_tags_that_are_not_plain_tags_are_left_out() -> None:
    text = "---\ntags: [ok, '[x](y)', '<b>', '', '---', 'a/b']\n---\nBody text here.\n"
    assert front_matter_tags(Article(origin="test:t.md", format="md", text=text)) == ["ok", "a/b"]
    for other in ("---\ntitle: x\n---\nBody\n", "no front matter", "---\ntags: 5\n---\n"):
        assert front_matter_tags(Article(origin="test:t.md", format="md", text=other)) == []
    plain = Article(origin="test:t.txt", format="txt", text="---\ntags: [a]\n---\nBody\n")
    assert front_matter_tags(plain) == []
