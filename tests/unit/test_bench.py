"""The benchmark suite's own logic (no timing here: benchmarks print tables)."""

from __future__ import annotations

import math

from bench.corpus import BbcArticle, Recombiner
from bench.measure import percentile, table, verdict
from bench.search import load_queries


def test_the_committed_query_set_parses_into_every_class() -> None:
    queries = load_queries()
    kinds = {q.kind for q in queries}
    assert {"common", "rare", "and-2", "and-3", "phrase", "field", "date"} <= kinds
    for q in queries:
        assert q.brief.strip() and q.fts.strip()
        if q.dates is not None:
            low, high = q.dates
            assert low <= high


def test_percentile_interpolates_and_handles_edges() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([10.0], 0.95) == 10.0
    assert percentile([0.0, 100.0], 0.95) == 95.0
    assert math.isnan(percentile([], 0.5))


def test_verdict_says_by_how_much_a_target_is_missed() -> None:
    assert verdict(20.0, 30.0) == "yes"
    assert verdict(60.0, 30.0) == "**NO** (2.0x over)"
    assert verdict(50.0, 200.0, higher_is_better=True) == "**NO** (4.0x short)"
    assert verdict(float("nan"), 1.0) == "not measured"


def test_table_is_markdown() -> None:
    assert table(["a", "b"], [[1, 2]]).splitlines() == ["| a | b |", "|---|---|", "| 1 | 2 |"]


def _articles() -> list[BbcArticle]:
    para = "Alice Example said the council spent 1,200 pounds in 2021 on 35 new lamps."
    return [
        BbcArticle("tech", f"Lamp story number {i}", [para, f"Second paragraph {i}.", "Third."])
        for i in range(4)
    ] + [BbcArticle("sport", "Match report", ["Bob Sample scored 3 goals.", "Fans cheered."])]


def test_recombination_is_seeded_and_keeps_years() -> None:
    one = Recombiner(_articles(), seed=7)
    two = Recombiner(_articles(), seed=7)
    assert [one.article(i) for i in range(20)] == [two.article(i) for i in range(20)]
    other = Recombiner(_articles(), seed=8)
    assert [one.article(i) for i in range(20)] != [other.article(i) for i in range(20)]
    for i in range(20):
        category, _title, body = one.article(i)
        assert category in {"tech", "sport"}
        assert body.startswith("Published: 202")
        if "council" in body:
            assert "2021" in body  # years are kept as years


def test_tui_benchmark_waits_for_every_hit_count_form() -> None:
    """The keystroke clock stops on the reader's status for a search outcome, in each
    form the reader writes it: exact counts and a count stopped at the limit ("N+")."""
    from bench.tui import _HITS

    for status in ("0 hits", "1 hit", "37 hits", "1,000+ hits", "1,000+ hits · did you mean x?"):
        assert _HITS.match(status), status
    for status in ("searching…", "12 briefings", "hits", "+ hits"):
        assert not _HITS.match(status), status
