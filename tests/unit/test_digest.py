"""``brief digest``: what a saved search gained since its last digest (texts written
for these tests)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from briefings.digest import build_digest, digest_markdown
from briefings.library import Library
from briefings.models import Briefing, Entity, Figure, Quote
from tests.unit.search_helpers import make
from tui.cli import main


def _b(bid: str, quotes: list[Quote], figures: list[Figure] | None = None) -> Briefing:
    return Briefing(
        id=bid,
        title=f"Ferry report {bid}",
        source="Coast Herald",
        published=date(2024, 3, 1),
        origin=f"test:{bid}",
        quotes=quotes,
        figures=figures or [],
        entities=[Entity(name="Mara Lind", kind="person", aliases=["Lind"])],
    )


def test_new_people_followed_people_and_changed_figures() -> None:
    earlier = [
        _b(
            "old",
            [Quote(text="The ferry stays", speaker="Mara Lind")],
            [
                Figure(
                    text="300 passengers",
                    value=300,
                    unit="passenger",
                    measures="daily ferry passengers",
                )
            ],
        )
    ]
    new = [
        _b(
            "new",
            [
                Quote(text="The ferry may go", speaker="Lind"),
                Quote(text="We were never asked", speaker="Ivo Sand"),
                Quote(text="Maybe", speaker="Ivo Sand"),
            ],
            [
                Figure(
                    text="250 passengers",
                    value=250,
                    unit="passenger",
                    measures="daily ferry passengers",
                )
            ],
        )
    ]
    digest = build_digest("ferries", "ferry", None, new, earlier)
    assert [d.person for d in digest.followed] == ["Mara Lind"]
    assert [d.person for d in digest.new_people] == ["Ivo Sand"]
    assert [(c.first.figure.text, c.second.figure.text) for c in digest.changed] == [
        ("300 passengers", "250 passengers")
    ]
    text = digest_markdown(digest, made_at=datetime(2024, 3, 2))
    assert "## New briefings (1)" in text and "Ivo Sand" in text


def test_digest_lists_exactly_the_new_briefings_then_nothing(
    capsys: pytest.CaptureFixture[str], library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NO_SAMPLES", "1")
    with Library(library_dir) as lib:
        for i in range(3):
            make(
                lib,
                f"old{i}",
                f"Ferry timetable change {i}",
                [f"The ferry timetable changes, part {i}."],
            )
    assert main(["saved", "add", "ferries", "ferry"]) == 0
    assert main(["digest", "ferries", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["new"]) == 3  # the first digest: everything
    with Library(library_dir) as lib:
        added = [
            make(
                lib, f"new{i}", f"Ferry fares rise {i}", [f"Ferry fares rise again, report {i}."]
            ).id
            for i in range(2)
        ]
        make(lib, "bread", "Bakery prize", ["A bakery won a prize."])
    assert main(["digest", "ferries", "--json"]) == 0
    assert sorted(b["id"] for b in json.loads(capsys.readouterr().out)["new"]) == sorted(added)
    assert main(["digest", "ferries"]) == 0
    assert "Nothing new" in capsys.readouterr().out
    # --since looks back without moving the mark
    assert main(["digest", "ferries", "--since", "2000-01-01", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["new"]) == 5
    assert main(["digest", "ferries", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new"] == []
    assert main(["digest", "nope"]) == 2
    assert main(["digest", "ferries", "--since", "yesterday"]) == 2
