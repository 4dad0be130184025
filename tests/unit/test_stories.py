"""Stories: briefings from different outlets on one event, kept up to date as they
arrive; the story view and figure reconciliation (texts written for these tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefings.library import StoryFacts
from briefings.models import Briefing, Figure, Related
from briefings.stories import components, decide, list_stories, number_groups
from briefings.story_view import compare_values, reconcile_figures, story_view
from search.index import SearchIndex
from tests.unit.search_helpers import make, newsroom
from tui.cli import main


def _facts(bid: str, source: str, day: date | None, names: list[str]) -> StoryFacts:
    ents = json.dumps([{"name": n, "kind": "person", "mentions": 1} for n in names])
    return StoryFacts(bid, f"Title {bid}", source, day, ents, 0, "")


def test_the_two_reports_of_one_interview_form_a_story(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    stories = list_stories(lib)
    assert len(stories) == 1
    assert {m.id for m in stories[0].members} == {b["interview"].id, b["retold"].id}
    assert stories[0].outlets == ["Maritime Daily", "Port Weekly"]
    view = story_view(stories[0].id, lib.get_many([m.id for m in stories[0].members]))
    assert [v.outlet for v in view.versions] == ["Port Weekly", "Maritime Daily"]  # earliest first
    changes = [d for g in view.shared for u in g.uses for d in u.differences]
    assert ("have to", "must") in changes
    assert len(view.shared) == 2


def test_a_new_report_joins_the_story_and_a_deleted_one_leaves_it(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    third = make(
        lib,
        "third",
        "Okonkwo: Harbour Logistics must be careful with cranes",
        [
            "Marta Okonkwo, chairman of Harbour Logistics, told the Tidewater podcast that "
            "export restrictions slowed the firm in the Baltic ports.",
        ],
        source="Baltic Wire",
        published=date(2024, 4, 8),
        quotes=[
            ("We have to be very careful about every crane we ship abroad", "Marta Okonkwo"),
            ("We sold over forty cranes to Baltic buyers last year alone", "Marta Okonkwo"),
        ],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
    )
    index.sync()
    stories = list_stories(lib)
    assert len(stories) == 1 and len(stories[0].members) == 3
    first_id = stories[0].id
    lib.delete(third.id)
    lib.delete(b["retold"].id)
    index.sync()
    assert list_stories(lib) == []
    assert lib.story_links_of([b["interview"].id]) == []
    assert lib.story_member_ids([first_id]) == {first_id: []}


def test_links_need_other_outlets_and_nearby_dates() -> None:
    b = Briefing(id="a", title="A", origin="test:a")
    related = Related(id="b", title="B", score=0.9)
    near = _facts("b", "Coast Herald", date(2024, 1, 2), ["Mara Lind"])
    mine = _facts("a", "Port Weekly", date(2024, 1, 1), ["Mara Lind"])
    assert decide(b, mine, near, related, 2) is not None
    same_outlet = _facts("b", "port weekly", date(2024, 1, 2), ["Mara Lind"])
    assert decide(b, mine, same_outlet, related, 2) is None
    far = _facts("b", "Coast Herald", date(2024, 1, 9), ["Mara Lind"])
    assert decide(b, mine, far, related, 2) is None
    weak = Related(id="b", title="B", score=0.2)
    assert decide(b, mine, near, weak, 0) is None
    # Two shared quotes link briefings even when one has no date.
    undated = _facts("b", "Coast Herald", None, [])
    assert decide(b, mine, undated, weak, 2) is not None


def test_groups_keep_their_story_numbers() -> None:
    groups = components({"a", "b", "c", "d", "e"}, [("a", "b"), ("b", "c"), ("d", "e")])
    assert groups == [["a", "b", "c"], ["d", "e"]]
    numbered = number_groups(groups, {"a": 7, "b": 7, "d": 7, "e": 9})
    assert (7, ["a", "b", "c"]) in numbered and (9, ["d", "e"]) in numbered
    assert number_groups([["x", "y"]], {}) == [(None, ["x", "y"])]


def test_figure_reconciliation() -> None:
    assert compare_values(4e9, 4e9) == "same"
    assert compare_values(4e9, 3.9e9) == "within rounding"
    assert compare_values(2 * 365.25, 18 * 30.44) == "disagree"

    def brief(bid: str, figures: list[Figure]) -> Briefing:
        return Briefing(id=bid, title=bid, origin=f"test:{bid}", figures=figures)

    a = brief(
        "a",
        [
            Figure(text="$4 billion", value=4e9, unit="USD", measures="invested in Harbour"),
            Figure(text="two years", value=2, unit="year", measures="behind rival ports"),
        ],
    )
    b = brief(
        "b",
        [
            Figure(text="$3.9bn", value=3.9e9, unit="USD", measures="Harbour invested"),
            Figure(text="18 months", value=18, unit="month", measures="behind rival ports"),
            Figure(text="12 cranes", value=12, unit="crane", measures="cranes sold"),
        ],
    )
    checks = {
        (c.first.figure.text, c.second.figure.text): c.verdict for c in reconcile_figures([a, b])
    }
    assert checks == {
        ("$4 billion", "$3.9bn"): "within rounding",
        ("two years", "18 months"): "disagree",
    }


def test_figure_reconciliation_needs_the_same_quantity() -> None:
    """Two durations (or two sums) are compared only when their measures name the
    same thing beyond a generic word: "18 months" of the inquiry is not "two
    years" since the vote, the dead are not the injured, dollars are not pounds."""

    def brief(bid: str, figures: list[Figure]) -> Briefing:
        return Briefing(id=bid, title=bid, origin=f"test:{bid}", figures=figures)

    a = brief(
        "a",
        [
            Figure(text="18 months", value=18, unit="months", measures="time the inquiry took"),
            Figure(text="12 people", value=12, unit="people", measures="people killed in the fire"),
            Figure(text="$5m", value=5e6, unit="USD", measures="cost of the new stand"),
            Figure(text="three weeks", value=3, unit="weeks", measures="time"),
        ],
    )
    b = brief(
        "b",
        [
            Figure(text="two years", value=2, unit="years", measures="time since the vote"),
            Figure(
                text="20 people", value=20, unit="people", measures="people injured in the fire"
            ),
            Figure(text="£4m", value=4e6, unit="GBP", measures="cost of the new stand"),
            Figure(text="a month", value=1, unit="month", measures="time"),
            Figure(text="14 people", value=14, unit="people", measures="people the fire killed"),
        ],
    )
    checks = {
        (c.first.figure.text, c.second.figure.text): c.verdict for c in reconcile_figures([a, b])
    }
    assert checks == {("12 people", "14 people"): "disagree"}


def test_same_quantity_ignores_generic_words_and_plurals() -> None:
    from briefings.derive.figures import quantity_words, same_quantity

    assert quantity_words("time the inquiry took") == {"inquiry", "took"}
    assert quantity_words("share of voters backing the plan") == {"voter", "backing", "plan"}
    one = Figure(text="40%", value=40, unit="percent", measures="share of voters backing the plan")
    two = Figure(text="41%", value=41, unit="percent", measures="voters backing the plan")
    other = Figure(
        text="40%", value=40, unit="percent", measures="share of voters against the plan"
    )
    assert same_quantity(one, two)
    assert not same_quantity(one, other)


@pytest.mark.usefixtures("samples")
def test_cli_stories_and_story_on_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert len(stories) == 1
    sources = {m["source"] for m in stories[0]["members"]}
    assert sources == {"TMTPOST", "Digital Commerce 360"}
    assert main(["story", str(stories[0]["id"])]) == 0
    out = capsys.readouterr().out
    assert "“have to” → “must”" in out
    assert main(["story", "999"]) == 1
    assert main(["story", "x"]) == 2


@pytest.mark.usefixtures("samples")
def test_cli_who_on_the_samples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["who", "Joe Tsai", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["outlets"] == ["Digital Commerce 360", "TMTPOST"]
    dates = [q["published"] for q in page["quotes"]]
    assert dates == sorted(dates, key=lambda d: (d is None, d or ""))
    assert {q["source"] for q in page["quotes"]} == {"TMTPOST", "Digital Commerce 360"}
    assert main(["who", "Tsai", "--export", "-"]) == 0
    assert capsys.readouterr().out.startswith("---\n")
    assert main(["who", "Nobody Atall"]) == 1


def test_the_dossier_has_a_section_per_story(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from briefings.export.dossier import dossier_markdown

    lib, b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    ids = [b["interview"].id, b["retold"].id, b["topic"].id]
    text = dossier_markdown(
        lib.get_many(ids),
        exported_at=datetime(2024, 5, 1, tzinfo=UTC),
        version="test",
        stories=lib.story_of(ids),
    )
    section = text[text.index("## stories") :]
    assert "### Story " in section
    assert "Port Weekly" in section and "Maritime Daily" in section
    assert "“have to” → “must”" in section
    assert "Ines Duarte" not in section  # the topic piece is in no story
