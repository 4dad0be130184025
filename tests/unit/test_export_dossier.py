"""Dossiers: one file, unique headings, working internal links, quotes across sources."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.corroboration import normalise
from briefings.derive import derive
from briefings.export import dossier_markdown
from briefings.export import markdown as md
from briefings.export.across import (
    QuoteGroup,
    candidate_pairs,
    corroborated_quotes,
    figures_across,
)
from briefings.export.dossier import section_label
from briefings.ingest import article_from_bytes
from briefings.library import Library
from briefings.models import Briefing, Figure, Quote, QuoteLink, Related
from briefings.pipeline import seed_samples
from briefings.samples import ORIGIN_PREFIX, sample_files
from search import SearchIndex
from tests.unit.export_helpers import (
    assert_links_resolve,
    briefing,
    headings,
    split_front_matter,
    tokens,
    walk,
)

WHEN = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def dossier(items: list[Briefing], **kw: object) -> str:
    return dossier_markdown(items, exported_at=WHEN, version="9.9", **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def samples() -> list[Briefing]:
    out = []
    for name, data in sample_files():
        out.append(derive(article_from_bytes(data, ORIGIN_PREFIX + name, name, name)))
    return out


def _matching(items: list[Briefing], word: str) -> list[Briefing]:
    return [b for b in items if word in (b.title + " " + b.body_text).lower()]


def test_sample_dossier_of_alibaba(samples: list[Briefing]) -> None:
    items = _matching(samples, "alibaba")
    assert len(items) >= 3
    text = dossier(items, query="alibaba")
    data, body = split_front_matter(text)
    assert data["query"] == "alibaba" and data["count"] == len(items)
    assert data["date"] == date(2025, 1, 2) and data["ids"] == [b.id for b in items]
    internal = assert_links_resolve(body)
    # the contents link to every briefing section and to both cross-source sections
    assert len(internal) >= len(items) + 2
    shown = [text for level, text, _ in headings(tokens(body)) if level == 2]
    for n, b in enumerate(items, 1):
        assert section_label(n, b.title) in shown
        assert f"**{md.text(b.title)}**" in body
    assert "quotes-across-sources" in shown and "figures-across-sources" in shown


def test_duplicate_and_hostile_titles_still_link(samples: list[Briefing]) -> None:
    items = [
        briefing("Contents"),
        briefing("Contents", id="1111111111111111"),
        briefing("Quotes across sources", id="2222222222222222"),
        briefing("# [x](#contents) | `y` <b>", id="3333333333333333"),
        briefing("", id="4444444444444444"),
    ]
    items[0] = items[0].model_copy(
        update={"related": [Related(id="1111111111111111", title="Contents", score=1)]}
    )
    _, body = split_front_matter(dossier(items, query="contents"))
    internal = assert_links_resolve(body)
    assert "#2-contents" in internal  # related inside the dossier: an anchor, not a file
    assert not [t for t in walk(tokens(body)) if t.type.startswith("html")]


def _with_quotes(bid: str, published: str | None, quotes: list[tuple[str, str | None]]) -> Briefing:
    return briefing(
        f"Story {bid[:4]}",
        id=bid,
        published=published,
        quotes=[Quote(text=t, speaker=s) for t, s in quotes],
        related=[],
    )


def test_corroborated_quotes_with_wording_differences() -> None:
    a = _with_quotes(
        "aaaa000000000000",
        "2024-02-02",
        [("As a small company abroad we have to be very careful about everything", "Lee Chan"),
         ("The weather today is not relevant to anything at all", "Lee Chan")],
    )  # fmt: skip
    b = _with_quotes(
        "bbbb000000000000",
        "2024-02-01",
        [("As a small company abroad we must be very careful about everything", "Chan")],
    )
    c = _with_quotes(
        "cccc000000000000",
        None,
        [("a small company abroad we have to be very careful", None),
         ("Completely different words spoken by another person here", "Pat Doe")],
    )  # fmt: skip
    groups = corroborated_quotes([a, b, c])
    assert len(groups) == 1
    (group,) = groups
    assert [u.briefing.id for u in group.uses] == [b.id, a.id, c.id]  # earliest first, undated last
    assert group.uses[1].differences == [("must", "have to")]
    assert group.uses[2].differences == [("must", "have to")]
    _, body = split_front_matter(dossier([a, b, c], query="careful"))
    assert_links_resolve(body)
    section = body.split("## quotes-across-sources", 1)[1]
    assert "“must” → “have to”" in section
    assert "[1. Story aaaa](#1-story-aaaa)" in section and "[3. Story cccc]" in section


def test_candidates_are_blocked_not_all_pairs() -> None:
    quotes = [
        (i, Quote(text=f"unique{i} words number{i} here{i} and filler text")) for i in range(40)
    ]
    assert len(candidate_pairs(quotes)) < 40 * 39 // 2 // 4


def test_figures_across_merges_the_same_figure() -> None:
    f = Figure(text="$3 million", value=3e6, unit="USD", measures="cost of the footbridge repairs")
    g = Figure(text="$3m", value=3e6, unit="USD", measures="footbridge repairs cost")
    a = briefing("One", id="aaaa000000000000", figures=[f])
    b = briefing("Two", id="bbbb000000000000", figures=[g, Figure(text="7 days", value=7)])
    rows = figures_across([a, b])
    assert [(r.figure.text, len(r.briefings)) for r in rows] == [("$3 million", 2), ("7 days", 1)]
    _, body = split_front_matter(dossier([a, b], query="q"))
    assert "| \\$3 million | cost of the footbridge repairs | [1](#1-one), [2](#2-two) |" in body


def test_figures_across_keeps_apart_the_same_number_of_other_things() -> None:
    """The same number with a generic measure, or measuring other things, is two rows."""
    generic = Figure(text="$3 million", value=3e6, unit="USD", measures="cost")
    fine = Figure(text="two years", value=2, unit="years", measures="time the inquiry took")
    since = Figure(text="two years", value=2, unit="years", measures="time since the vote")
    pounds = Figure(text="£3 million", value=3e6, unit="GBP", measures="cost of the footbridge")
    bridge = Figure(text="$3 million", value=3e6, unit="USD", measures="cost of the footbridge")
    a = briefing("One", id="aaaa000000000000", figures=[generic, fine, bridge])
    b = briefing("Two", id="bbbb000000000000", figures=[generic, since, pounds])
    rows = figures_across([a, b])
    assert all(len(r.briefings) == 1 for r in rows)
    assert len(rows) == 6


def _by_number(items: list[Briefing]) -> dict[str, Briefing]:
    """The bundled samples by their number ("000" ... "004")."""
    return {b.origin.removeprefix(ORIGIN_PREFIX)[:3]: b for b in items}


def test_sample_quotes_across_sources(samples: list[Briefing]) -> None:
    """Acceptance 3 without ../shared: samples 000 and 002 report one interview and
    share two quotes, one reworded ("have to" / "must") and one word for word."""
    items = _matching(samples, "alibaba")
    by_number = _by_number(items)
    a, b = by_number["000"], by_number["002"]
    shared = [
        g for g in corroborated_quotes(items) if {u.briefing.id for u in g.uses} >= {a.id, b.id}
    ]
    uses = [u for g in shared for u in g.uses if u.briefing is b]
    assert any(u.differences == [("have to", "must")] for u in uses), uses
    assert any(not u.differences for u in uses), uses
    _, body = split_front_matter(dossier(items, query="alibaba"))
    assert_links_resolve(body)
    section = body.split("## quotes-across-sources", 1)[1].split("## figures-across-sources")[0]
    assert "“have to” → “must”" in section and "word for word" in section


def test_stored_links_and_own_matching_agree(tmp_path: Path, samples: list[Briefing]) -> None:
    """Briefings linked by the search layer give the same groups as fresh ones matched here."""
    library = Library(tmp_path / "lib")
    seed_samples(library)
    SearchIndex(library).sync()
    fresh = _matching(samples, "alibaba")
    stored = library.get_many([b.id for b in fresh])
    assert any(q.corroborations for b in stored for q in b.quotes)

    def shape(groups: list[QuoteGroup]) -> list[list[tuple[str, str, tuple]]]:
        return sorted(
            sorted(
                (u.briefing.id, normalise(u.quote.text), tuple(map(tuple, u.differences)))
                for u in g.uses
            )
            for g in groups
        )

    assert shape(corroborated_quotes(stored)) == shape(corroborated_quotes(fresh))


def test_stored_links_win_and_stale_ones_are_ignored() -> None:
    link = QuoteLink(id="bbbb000000000000", quote=0, text="Too short", differences=[("x", "y")])
    a = _with_quotes("aaaa000000000000", "2024-02-01", [("Too short here", "Lee Chan")])
    a.quotes[0].corroborations = [link]
    b = _with_quotes("bbbb000000000000", "2024-02-02", [("Too short", "Chan")])
    (group,) = corroborated_quotes([a, b])  # too short for the matcher: the link decides
    assert [u.briefing.id for u in group.uses] == [a.id, b.id]
    assert group.uses[1].differences == [("x", "y")]
    b.quotes[0].text = "Something else entirely now"  # b changed since the link was made
    assert corroborated_quotes([a, b]) == []


def test_gold_corroborated_pairs_are_listed(samples: list[Briefing], shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seeds.json").read_text())
    by_file = {b.origin.removeprefix(ORIGIN_PREFIX): b for b in samples}

    def find(file: str, starts: str) -> Quote | None:
        want = normalise(starts)
        return next((q for q in by_file[file].quotes if want in normalise(q.text)), None)

    found = [(find(*p["a"]), find(*p["b"])) for p in gold["corroborated_quotes"]]
    assert all(qa and qb for qa, qb in found), found
    groups = corroborated_quotes(_matching(samples, "alibaba"))
    for qa, qb in found:
        assert any(
            any(u.quote is qa for u in g.uses) and any(u.quote is qb for u in g.uses)
            for g in groups
        ), (qa, qb)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("#*_-=>|[]()`<>&:\\$^~. 1aé中\n")), max_size=20),
        min_size=1,
        max_size=6,
    )
)
def test_generated_titles_keep_every_link_working(titles: list[str]) -> None:
    items = [briefing(t, id=f"{i:016x}", related=[]) for i, t in enumerate(titles)]
    data, body = split_front_matter(dossier(items, query=titles[0]))
    assert data["count"] == len(items)
    assert len(set(assert_links_resolve(body))) == len(items) + 2


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_anchor_labels_are_their_own_slug(title: str) -> None:
    """What makes a dossier link jump in Obsidian (heading text) and GitHub (slug) alike."""
    label = section_label(7, title)
    line, destination = md.target_heading(2, label)
    ((level, shown, slug),) = headings(tokens(line))
    assert level == 2 and shown == slug == unquote(destination[1:]) == label
    assert md.heading_slug(label) == label and " " not in label


def test_target_heading_refuses_a_label_that_is_not_a_slug() -> None:
    with pytest.raises(ValueError):
        md.target_heading(2, "Quotes across sources")
