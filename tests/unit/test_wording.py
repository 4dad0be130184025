"""What the CLI says: plurals ("1 quote", "1 story"), no "?" or "()" for what is not
known, and the digest's "since" as a readable local date and time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefings.digest import readable_moment
from tests.tui.conftest import build_library
from tests.tui.test_people_stories import story_briefings
from tui.cli import main
from tui.wording import counted, plural

ONE_QUOTE = (
    "Bridge repairs start in spring\n\n"
    "The town will repair the old stone bridge this year. “We will finish the bridge "
    "before the summer,” said Ana Brook, the town engineer.\n\n"
    "Work starts in April.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plural_helper() -> None:
    assert counted(1, "quote") == "1 quote" and counted(2, "quote") == "2 quotes"
    assert counted(0, "story", "stories") == "0 stories"
    assert counted(1, "story", "stories") == "1 story"
    assert plural(1, "matches", "match") == "matches" and plural(3, "matches", "match") == "match"


def test_who_with_one_quote_and_no_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(ONE_QUOTE)
    assert run(capsys, "ingest", str(path))[0] == 0
    code, out, _ = run(capsys, "who", "Ana Brook")
    assert code == 0
    assert "1 quote in 1 briefing\n" in out
    assert "quotes" not in out and "briefings" not in out
    assert "?" not in out and "()" not in out
    assert "unknown outlet" in out
    assert "\n  town engineer\n" in out  # the role, with no empty "()" after it


def test_one_story_is_one_story(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_library(library_dir, story_briefings())
    code, out, err = run(capsys, "stories", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, err = run(capsys, "stories")
    assert code == 0 and err.strip().endswith("1 story")
    assert "2 briefings, 2 outlets" in out


def test_digest_since_is_a_readable_local_moment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stamp = "2026-12-05T06:58:52.190632+00:00"
    local = datetime(2026, 12, 5, 6, 58, 52, tzinfo=UTC).astimezone()
    assert readable_moment(stamp) == local.strftime("%Y-%m-%d %H:%M")
    assert readable_moment("2026-12-01T00:00:00+00:00") == "2026-12-01"  # --since DATE
    assert readable_moment("not a time") == "not a time"
    path = tmp_path / "bridge.txt"
    path.write_text(ONE_QUOTE)
    assert run(capsys, "ingest", str(path))[0] == 0
    assert run(capsys, "saved", "add", "bridges", "bridge")[0] == 0
    assert run(capsys, "digest", "bridges")[0] == 0
    code, out, _ = run(capsys, "digest", "bridges")
    assert code == 0 and "Nothing new since " in out
    assert "+00:00" not in out and "T" not in out.split("Nothing new since ")[1]
