"""Related articles and quote corroboration, computed incrementally through the index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefings.library import Library
from briefings.pipeline import seed_samples
from search import SearchIndex
from search.related import resemblance
from tests.unit.search_helpers import make, newsroom


@pytest.fixture
def room(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    yield lib, index, b
    lib.close()


def test_two_reports_of_one_story_are_related_first(room) -> None:  # type: ignore[no-untyped-def]
    lib, _index, b = room
    interview = lib.get(b["interview"].id)
    assert interview.related[0].id == b["retold"].id
    first = interview.related[0]
    assert first.score > 0 and not first.duplicate
    text = "; ".join(first.reasons)
    assert "same quote" in text or "2 same quotes" in text
    assert "shared people: Marta Okonkwo" in text
    assert "shared organisations: Harbour Logistics" in text
    assert all(r.id != b["interview"].id for r in interview.related)
    retold = lib.get(b["retold"].id)
    assert retold.related[0].id == b["interview"].id
    assert b["other"].id not in {r.id for r in interview.related}


def test_same_quote_is_linked_both_ways_with_wording_differences(room) -> None:  # type: ignore[no-untyped-def]
    lib, _index, b = room
    interview = lib.get(b["interview"].id)
    retold = lib.get(b["retold"].id)
    careful, sold = interview.quotes
    assert [c.id for c in careful.corroborations] == [retold.id]
    link = careful.corroborations[0]
    assert link.quote == 0 and link.differences == [("have to", "must")]
    assert link.source == "Maritime Daily"
    assert sold.corroborations[0].differences == []  # identical wording
    back = retold.quotes[0].corroborations[0]
    assert back.id == interview.id and back.differences == [("must", "have to")]
    # a different quote on the same topic is not linked
    topic = lib.get(b["topic"].id)
    assert topic.quotes[0].corroborations == []


def test_arrival_updates_only_the_lists_it_belongs_in(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, b = room
    before = {
        i: lib.connection.execute("SELECT data FROM briefings WHERE id=?", (i,)).fetchone()[0]
        for i in lib.ids()
    }
    new = make(
        lib,
        "third",
        "Okonkwo: Harbour Logistics must be careful with crane exports",
        [
            "Marta Okonkwo of Harbour Logistics repeated on the Tidewater podcast that export "
            "restrictions on crane software keep the firm two years behind in Baltic ports.",
        ],
        quotes=[("We have to be very careful about every crane we ship", "Marta Okonkwo")],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
    )
    index.sync()
    after = {
        i: lib.connection.execute("SELECT data FROM briefings WHERE id=?", (i,)).fetchone()[0]
        for i in lib.ids()
    }
    assert {r.id for r in lib.get(new.id).related} >= {b["interview"].id, b["retold"].id}
    assert new.id in {r.id for r in lib.get(b["interview"].id).related}
    assert after[b["other"].id] == before[b["other"].id]  # unrelated: untouched


def test_republished_copy_is_marked_not_crowding(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, b = room
    original = b["interview"]
    copy = make(lib, "copy", original.title + " (syndicated)", list(original.body), source="Wire")
    index.sync()
    entries = {r.id: r for r in lib.get(original.id).related}
    assert entries[copy.id].duplicate
    assert "republished copy" in entries[copy.id].reasons[0]
    # the copies come after the top related ones
    flags = [r.duplicate for r in lib.get(original.id).related]
    assert flags == sorted(flags)


def test_deleting_a_briefing_removes_links_to_it(room) -> None:  # type: ignore[no-untyped-def]
    lib, index, b = room
    lib.delete(b["retold"].id)
    index.sync()
    interview = lib.get(b["interview"].id)
    assert b["retold"].id not in {r.id for r in interview.related}
    assert all(not q.corroborations for q in interview.quotes)


def test_a_deletion_refills_lists_without_reading_briefings(room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """After a deletion, the lists that named it are filled up again from stored
    profiles: no briefing is read whole (``get_many``/``get``) for it."""
    lib, index, b = room
    third = make(
        lib,
        "third",
        "Okonkwo: Harbour Logistics is careful with crane exports",
        [
            "Marta Okonkwo of Harbour Logistics said export restrictions on crane software "
            "keep the firm two years behind its rivals in the Baltic ports.",
        ],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
    )
    index.sync()
    before = [r.id for r in lib.get(b["interview"].id).related]
    assert third.id in before and b["retold"].id in before
    read: list[object] = []
    real = Library.get_many

    def spy(self, ids):  # type: ignore[no-untyped-def]
        read.extend(ids)
        return real(self, ids)

    monkeypatch.setattr(Library, "get_many", spy)
    lib.delete(b["retold"].id)
    index.sync()
    monkeypatch.setattr(Library, "get_many", real)
    assert read == []
    after = [r.id for r in lib.get(b["interview"].id).related]
    assert b["retold"].id not in after and third.id in after
    assert all(b["retold"].id not in {r.id for r in lib.get(i).related} for i in lib.ids())


def test_a_briefing_changed_in_the_batch_of_a_deletion_drops_it_too(room) -> None:  # type: ignore[no-untyped-def]
    """A briefing read for the same batch as a deletion (before the store forgot the
    deleted one's rows) does not write the deleted one back into its lists."""
    lib, index, b = room
    interview = b["interview"].id
    assert b["retold"].id in {r.id for r in lib.get(interview).related}
    lib.delete(b["retold"].id)
    lib.queue_for_index([interview], [])  # changed again, in the same batch
    index.sync()
    got = lib.get(interview)
    assert b["retold"].id not in {r.id for r in got.related}
    assert all(c.id != b["retold"].id for q in got.quotes for c in q.corroborations)


def test_resemblance_of_sketches() -> None:
    assert resemblance([1, 2, 3], [1, 2, 3]) == 1.0
    assert resemblance([1, 2], [3, 4]) == 0.0
    assert resemblance([], [1]) == 0.0


def test_bundled_samples_relate_the_same_stories(tmp_path: Path) -> None:
    """Gold pairs: sample 000 with 002, and 001 with 003 (each first in the other's list)."""
    lib = Library(tmp_path / "lib")
    seed_samples(lib)
    SearchIndex(lib).sync()
    by_name = {s.origin.split(":", 1)[1][:3]: s.id for s in lib.summaries()}
    for a, b in (("000", "002"), ("001", "003")):
        assert lib.get(by_name[a]).related[0].id == by_name[b]
        assert by_name[a] in [r.id for r in lib.get(by_name[b]).related[:2]]


def test_related_json_has_scores_and_reasons(room) -> None:  # type: ignore[no-untyped-def]
    lib, _index, b = room
    data = json.loads(lib.get(b["interview"].id).model_dump_json())
    assert {"id", "title", "score", "reasons", "duplicate"} <= data["related"][0].keys()


def test_kept_document_frequencies_stay_exact_across_commits(room, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Related scoring keeps each index segment's term counts between updates (a
    segment never changes once written); the sums must equal the index's own counts
    after new commits, deletions and merges, for large (looked-up) segments too."""
    from search import related

    lib, index, b = room
    kept = related.SegmentDfs()

    def check() -> None:
        with index.ix.searcher() as searcher:
            reader = searcher.reader()
            idf = related._Idf(searcher, kept)
            for field, count in (("body", idf.df), ("quotes", idf.quote_df)):
                terms = [t.decode("utf-8") for t, _ in reader.iter_field(field)]
                assert terms
                for term in [*terms, "nosuchterm"]:
                    assert count(term) == reader.doc_frequency(field, term), (field, term)

    check()
    for n in range(6):
        make(lib, f"extra{n}", f"Dock strike day {n}", [f"Crane drivers walked out for {n} days."])
        index.sync()  # one commit, one new segment each
        check()
    lib.delete(b["topic"].id)
    index.sync()
    check()
    monkeypatch.setattr(related.SegmentDfs, "SMALL", 0)  # every segment looked up term by term
    kept = related.SegmentDfs()
    check()
    check()


def test_a_later_arrival_links_its_quotes_back_row_by_row(room) -> None:  # type: ignore[no-untyped-def]
    """An article arriving after the others adds its links to their quotes and its place
    in their lists without rewriting what they had (the links to each other stay)."""
    lib, index, b = room
    interview = lib.get(b["interview"].id)
    careful = interview.quotes[0]
    new = make(
        lib,
        "later",
        "Harbour Logistics chief repeats warning on crane exports",
        ["Marta Okonkwo of Harbour Logistics again spoke of crane export restrictions."],
        quotes=[(careful.text, "Marta Okonkwo")],
        entities=[("Marta Okonkwo", "person"), ("Harbour Logistics", "organisation")],
    )
    index.sync()
    after = lib.get(interview.id)
    linked = [c.id for c in after.quotes[0].corroborations]
    assert set(linked) == {b["retold"].id, new.id}
    mine = next(c for c in after.quotes[0].corroborations if c.id == new.id)
    assert mine.differences == [] and mine.quote == 0 and mine.score == 100.0
    assert after.quotes[1].corroborations == interview.quotes[1].corroborations
    assert new.id in {r.id for r in after.related}
    assert [c.id for c in lib.get(new.id).quotes[0].corroborations][:1] != []
