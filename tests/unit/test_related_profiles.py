"""Related articles from stored profiles: the store's capped inverted table finds the
candidates, stored term weights score them, and no term's postings outgrow its cap."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefings.library import DB_NAME, PROFILES_META_KEY, Library
from search import SearchIndex
from search import related as rel
from tests.unit.search_helpers import make, newsroom


def _cap3(term: str) -> int:
    return 3


def test_a_term_posted_by_more_briefings_than_its_cap_becomes_common(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        ids = [make(lib, f"b{n}", f"Dock {n}", [f"Cranes {n}."]).id for n in range(5)]
        for n, briefing_id in enumerate(ids[:3]):
            lib.store_related_profiles(
                [(briefing_id, b"x", [("crane", 0.5), (f"own{n}", 0.4)])], _cap3
            )
        assert lib.related_term_counts(["crane", "own0", "none"]) == {"crane": 3, "own0": 1}
        assert {i for _, i, _ in lib.related_postings(["crane"])} == set(ids[:3])
        lib.store_related_profiles([(ids[3], b"x", [("crane", 0.5)])], _cap3)
        # four briefings post it, its cap is three: it finds nothing any more
        assert lib.related_postings(["crane"]) == []
        assert lib.related_term_counts(["crane"]) == {"crane": -1}
        lib.store_related_profiles([(ids[4], b"x", [("crane", 0.5), ("own4", 0.1)])], _cap3)
        assert lib.related_postings(["crane"]) == []
        assert lib.related_postings(["own4"]) == [("own4", ids[4], 0.1)]
        # re-posting replaces a briefing's terms; deleting it takes them with it
        lib.store_related_profiles([(ids[0], b"y", [("own0b", 0.3)])], _cap3)
        assert lib.related_postings(["own0", "own0b"]) == [("own0b", ids[0], 0.3)]
        assert lib.related_profiles([ids[0], "nosuch"]) == {ids[0]: b"y"}
        assert lib.delete(ids[0])
        assert lib.related_postings(["own0b"]) == [] and lib.related_profiles([ids[0]]) == {}
        # a briefing deleted meanwhile gets no profile
        lib.store_related_profiles([(ids[0], b"z", [("late", 1.0)])], _cap3)
        assert lib.related_postings(["late"]) == []


def test_profiles_round_trip_and_score_as_computed(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    updater = rel.RelatedUpdater(index)
    with index.ix.searcher() as searcher:
        idf = rel._Idf(searcher, index.common_dfs)
        fresh = {}
        for name in ("interview", "retold"):
            docnum = searcher.document_number(id=b[name].id)
            profile = rel.prepare(rel._stored_profile(searcher, docnum))
            fresh[name] = (profile, rel._vector(profile, idf))
    stored = updater._stored([b["interview"].id, b["retold"].id])
    (pa, va), (pb, vb) = fresh["interview"], fresh["retold"]
    (sa, sva), (sb, svb) = stored[b["interview"].id], stored[b["retold"].id]
    hits = len(rel.link_quotes(pa, pb))
    assert hits and len(rel.link_quotes(sa, sb)) == hits
    score, reasons, dup = rel.compare(pa, pb, va, vb, hits)
    stored_score, stored_reasons, stored_dup = rel.compare(sa, sb, sva, svb, hits)
    assert stored_score == pytest.approx(score, abs=1e-4)
    assert stored_reasons == reasons and stored_dup == dup
    # the interview finds the retelling through the inverted table
    assert b["retold"].id in updater.candidates(sa, sva)
    assert b["other"].id not in updater.candidates(sa, sva)
    lib.close()


def test_an_old_library_is_profiled_once_then_incrementally(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    index = SearchIndex(lib)
    index.sync()
    assert lib.get_meta(PROFILES_META_KEY) == rel.PROFILES_VERSION
    assert len(lib.related_profiles(lib.ids())) == len(b)
    first = lib.get(b["interview"].id).related[0].id
    lib.clear_related_profiles()
    lib.set_meta(PROFILES_META_KEY, "")
    new = make(lib, "late", "Unrelated weather note", ["Fog over the estuary lifted by noon."])
    index.sync()  # the update profiles every briefing first
    assert lib.get_meta(PROFILES_META_KEY) == rel.PROFILES_VERSION
    assert len(lib.related_profiles(lib.ids())) == len(b) + 1
    assert new.id in lib.related_profiles([new.id])
    rel.RelatedUpdater(index).recompute_all()
    assert lib.get(b["interview"].id).related[0].id == first
    lib.close()


def test_dropped_profile_tables_are_made_again_from_the_index(tmp_path: Path) -> None:
    lib, b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    lib.close()
    conn = sqlite3.connect(tmp_path / "lib" / DB_NAME)
    with conn:
        conn.execute("DROP TABLE related_terms")
    conn.close()
    with Library(tmp_path / "lib") as lib:
        assert lib.recreated == ["related_terms"]
        assert lib.get_meta(PROFILES_META_KEY) is None
        assert lib.related_profiles(lib.ids()) == {}
        index = SearchIndex(lib)
        make(lib, "late", "Harbour cranes again", ["Marta Okonkwo spoke of cranes."])
        index.sync()
        assert len(lib.related_profiles(lib.ids())) == len(b) + 1
        index.close()
