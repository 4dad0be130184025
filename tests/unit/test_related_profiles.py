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
            profile = rel.prepared_profile(b[name])
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


def test_a_new_library_profiles_each_briefing_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first related update of a new library makes no profiles ahead of the
    briefings still waiting for theirs: each is profiled once, by its own update."""
    made: list[str] = []
    real = rel.profile_for

    def counted(briefing):  # type: ignore[no-untyped-def]
        made.append(briefing.id)
        return real(briefing)

    monkeypatch.setattr(rel, "profile_for", counted)
    lib, b = newsroom(tmp_path / "lib")
    SearchIndex(lib).sync()
    assert sorted(made) == sorted(x.id for x in b.values())
    assert lib.get_meta(PROFILES_META_KEY) == rel.PROFILES_VERSION
    assert len(lib.related_profiles(lib.ids())) == len(b)
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


def test_candidates_are_summed_in_the_store_best_first(tmp_path: Path) -> None:
    """``related_candidates``: sum of posting weight x term weight over the terms asked
    for, the briefing itself left out, best first, ties by the larger id, at most
    ``limit``; a common term (over its cap) adds nothing."""
    with Library(tmp_path / "lib") as lib:
        ids = [make(lib, f"c{n}", f"Quay {n}", [f"Bollards {n}."]).id for n in range(4)]
        a, b, c, d = ids
        lib.store_related_profiles(
            [
                (a, b"x", [("bollard", 0.5), ("quay", 0.5)]),
                (b, b"x", [("bollard", 0.9)]),
                (c, b"x", [("quay", 0.2), ("tug", 0.7)]),
                (d, b"x", [("tug", 0.1)]),
            ],
            _cap3,
        )
        found = lib.related_candidates({"bollard": 2.0, "quay": 1.0, "tug": 1.0}, a, 10)
        assert [i for i, _ in found] == [b, c, d]
        assert [round(s, 3) for _, s in found] == [1.8, 0.9, 0.1]
        assert [i for i, _ in lib.related_candidates({"bollard": 1.0}, "none", 1)] == [b]
        assert lib.related_candidates({}, a, 5) == []
        # quote words: at least ``needed`` of them, most first
        lib.store_related_profiles(
            [(c, b"x", [("q:tide", 0.0), ("q:flood", 0.0), ("q:gate", 0.0)])], _cap3
        )
        lib.store_related_profiles([(d, b"x", [("q:tide", 0.0), ("q:gate", 0.0)])], _cap3)
        terms = ["q:tide", "q:flood", "q:gate"]
        assert lib.related_matching(terms, 2, a, 10) == [c, d]
        assert lib.related_matching(terms, 3, a, 10) == [c]
        assert lib.related_matching(terms, 2, c, 10) == [d]


def test_stored_profiles_decode_to_what_was_encoded() -> None:
    """The packed layout (terms as one string, weights as 32-bit floats, sketch packed,
    quote words as strings) gives back the weights, sketch, quotes and surfaces."""
    profile = rel.prepare(
        {
            "id": "a",
            "t": {"harbour": 3, "crane": [2, "cranes"], "okonkwo": 1},
            "p": [["marta okonkwo", "Marta Okonkwo", 2]],
            "e": [["Marta Okonkwo", "person"]],
            "k": ["export restrictions"],
            "q": [[0, "We are two years behind our rivals in cranes, she said"]],
            "s": [5, 4_000_000_000, 17],
            "title": "Harbour cranes",
        }
    )
    vector = ({"harbour": 1.5, "crane": 0.25, "okonkwo": 2.0, "p:marta okonkwo": 3.0}, 4.1)
    decoded, (vec, norm) = rel.decode_profile("a", rel.encode_profile(profile, vector))
    assert vec == pytest.approx(vector[0]) and norm == pytest.approx(4.1)
    assert decoded["s"] == [5, 4_000_000_000, 17]
    assert decoded["_quote_words"] == profile["_quote_words"]
    assert (
        rel._surface(decoded, "crane") == "cranes" and rel._surface(decoded, "harbour") == "harbour"
    )
    assert decoded["_people"] == {"marta okonkwo": "Marta Okonkwo"}
    # what ``prepare`` would add is there already, as it would make it
    fresh = {k: v for k, v in decoded.items() if k in ("id", "e", "k", "p", "s", "q")}
    again = rel.prepare(fresh)
    for key in ("_people", "_orgs", "_keywords", "_phrases", "_sketch", "_quote_words"):
        assert decoded[key] == again[key]
    # profiles stored compressed (before they were stored as plain JSON) still decode
    import zlib

    blob = rel.encode_profile(profile, vector)
    assert blob[:1] == b"{"
    older, (older_vec, _) = rel.decode_profile("a", zlib.compress(blob))
    decoded.pop("_surface", None)  # split when first asked for (above)
    assert older == decoded and older_vec == vec


def test_links_back_touch_only_their_quotes_and_keep_the_order(tmp_path: Path) -> None:
    """A ``LinkBack`` replaces one briefing's links to another, quote by quote, keeps the
    rest in date order, and is skipped when the quote's text is no longer the same."""
    from datetime import date

    from briefings.library import LinkBack
    from briefings.models import QuoteLink

    quote = "We will keep the harbour open through the winter storms, she said"
    with Library(tmp_path / "lib") as lib:
        a = make(lib, "a", "Harbour", ["Storms."], quotes=[(quote, "Okonkwo"), ("Short one", None)])
        olds = [
            QuoteLink(id=f"old{n}", published=date(2024, 1, 10 * n + 1), quote=0, text=quote)
            for n in range(2)
        ]
        lib.store_links(
            [
                a.model_copy(
                    update={
                        "quotes": [
                            a.quotes[0].model_copy(update={"corroborations": olds}),
                            a.quotes[1],
                        ]
                    }
                )
            ]
        )
        new = QuoteLink(id="new", published=date(2024, 1, 5), quote=0, text=quote, score=100.0)
        lib.store_links([], links_back=[LinkBack(a.id, "new", {0: [new]}, {0: quote})])
        links = lib.get(a.id).quotes[0].corroborations
        assert [c.id for c in links] == ["old0", "new", "old1"]
        # again, with a newer date: replaced, not added
        newer = new.model_copy(update={"published": date(2024, 2, 1)})
        lib.store_links([], links_back=[LinkBack(a.id, "new", {0: [newer]}, {0: quote})])
        assert [c.id for c in lib.get(a.id).quotes[0].corroborations] == ["old0", "old1", "new"]
        # the stored quote no longer says that: nothing changes
        lib.store_links([], links_back=[LinkBack(a.id, "new", {}, {0: "something else"})])
        lib.store_links([], links_back=[LinkBack(a.id, "new", {0: []}, {0: "other words"})])
        assert [c.id for c in lib.get(a.id).quotes[0].corroborations] == ["old0", "old1", "new"]
        # no links any more: the old ones to that briefing go
        lib.store_links([], links_back=[LinkBack(a.id, "new", {}, {})])
        assert [c.id for c in lib.get(a.id).quotes[0].corroborations] == ["old0", "old1"]
        assert lib.get(a.id).quotes[1].corroborations == []
        # only the related list of another briefing
        lib.store_links([], lists={a.id: [rel.Related(id="x", title="X", score=0.5)]})
        assert [r.id for r in lib.get(a.id).related] == ["x"]
        assert lib.related_lists([a.id, "nosuch"]) == {a.id: lib.get(a.id).related}


def test_an_identical_quote_matches_as_the_fuzzy_match_would() -> None:
    from briefings.corroboration import match
    from search.corroborate import link_quotes

    text = "We will keep the harbour open through the winter storms, she said"
    a = {"q": [[0, text]]}
    b = {"q": [[3, text], [4, "Nothing like it at all in these words here"]]}
    found = link_quotes(a, b)
    assert [(i, j) for i, j, _ in found] == [(0, 3)]
    assert found[0][2] == match(text, text)


def _reference_terms(parts: list[str]) -> tuple[dict, list]:
    """Terms and pairs of a profile as Whoosh's analyzer chain makes them (the code
    before ``profile_for`` ran the tokenizer and filters itself)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    pairs: Counter[str] = Counter()
    pair_surface: dict[str, str] = {}
    for part in parts:
        prev = None
        for tok in rel._STEMMED(part, chars=True, mode="index"):
            word = part[tok.startchar : tok.endchar]
            if not rel._useful(word.lower()):
                prev = None
                continue
            counts[tok.text] += 1
            surface.setdefault(tok.text, word.lower())
            if prev is not None and part[prev[2] : tok.startchar].strip() in ("", "-"):
                key = f"{prev[0]} {tok.text}"
                pairs[key] += 2 if prev[1][:1].isupper() and word[:1].isupper() else 1
                pair_surface.setdefault(key, f"{prev[1]} {word}")
            prev = (tok.text, word, tok.endchar)
    terms = {s: [n, surface[s]] if surface[s] != s else n for s, n in counts.items()}
    phrases = [[k, pair_surface[k], n] for k, n in pairs.most_common(40) if n >= 2][:25]
    return terms, phrases


def test_profile_terms_are_the_index_analyzers(tmp_path: Path) -> None:
    """``profile_for`` tokenizes and stems words itself (cached per word): the same
    terms, surfaces and pairs, in the same order, as the index's analyzer chain."""
    body = [
        "Marta Okonkwo's cranes were moving; the Kraków-based crane makers kept running.",
        "Ports in İzmir and Gdańsk said the ÉCOLE programme's runners ran 12 km - twice.",
        "Marta Okonkwo met Harbour Logistics; Harbour Logistics and Marta Okonkwo agreed.",
    ]
    with Library(tmp_path / "lib") as lib:
        b = make(lib, "a", "Cranes: Marta Okonkwo's Harbour Logistics", body)
    profile = rel.profile_for(b)
    terms, phrases = _reference_terms([b.title, b.title, b.dek or "", *b.body])
    assert list(profile["t"].items()) == list(terms.items())
    assert profile["p"] == phrases and phrases


def test_an_entry_enters_a_list_as_select_would_put_it() -> None:
    """``_enters`` tells from (other, score, duplicate) rows alone whether an entry would
    change a stored list: it beats the fifth entry, is a copy with room among copies,
    or was listed before; a briefing that is not stored has no list."""
    rows = [(f"o{n}", 0.9 - n / 10, False) for n in range(5)]
    ranks = {"a": rows}
    assert rel._enters(ranks, "a", "new", 0.55, False)
    assert not rel._enters(ranks, "a", "new", 0.45, False)
    assert rel._enters(ranks, "a", "new", 0.1, True)  # copies are listed apart
    assert rel._enters(ranks, "a", "o4", 0.01, False)  # listed before: it changes
    assert not rel._enters(ranks, "nosuch", "new", 0.9, False)
    # ties go to the smaller id, as ``select`` orders them
    assert rel._enters(ranks, "a", "a0", 0.5, False) and not rel._enters(
        ranks, "a", "z", 0.5, False
    )
