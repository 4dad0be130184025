"""Top-k search (search.topk): the same top 10 as scoring every match, and counts that
are exact below the limit and "N+" above it.

The index is built straight from generated field texts (a seeded random mix of words
written for this test), in several segments with deletions, with the schema and
query parser of the product; the queries are the benchmark's 19 (bench/queries.tsv).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from whoosh.collectors import TopCollector
from whoosh.filedb.filestore import FileStorage

from search.query import parse_query
from search.schema import build_schema
from search.topk import Matches, TopK, clauses_of, count_upto, top_k

QUERIES = Path(__file__).resolve().parents[2] / "bench" / "queries.tsv"

#: Words of the benchmark's queries, and filler; phrases glued so that they occur.
TOPICAL = (
    "government market people tuberculosis greyhound oil prices chelsea striker labour "
    "election campaign film award nomination champions economy music tax"
).split()
PHRASES = ["prime minister", "interest rates", "world cup"]
FILLER = (
    "the a of and said year new report week city plan team company minister rates cup "
    "world prime interest talks league season shares bank growth court police union "
    "festival album star record vote party leader health hospital school budget"
).split()


def _text(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while len(out) < words:
        roll = rng.random()
        if roll < 0.08:
            out.append(rng.choice(TOPICAL))
        elif roll < 0.11:
            out.extend(rng.choice(PHRASES).split())
        else:
            out.append(rng.choice(FILLER))
    return " ".join(out)


def _doc(rng: random.Random, n: int) -> dict:
    start = datetime(2022, 1, 1)
    published = start + timedelta(days=rng.randrange(900)) if rng.random() < 0.9 else None
    doc = {
        "id": f"doc{n:05d}",
        "title": _text(rng, rng.randint(4, 9)),
        "dek": _text(rng, rng.randint(0, 12)),
        "summary": _text(rng, rng.randint(8, 30)),
        "body": _text(rng, rng.randint(30, 160)),
        "quotes": _text(rng, rng.randint(0, 30)),
        "keywords": " ".join(rng.sample(TOPICAL + FILLER, 4)),
        "speakers": rng.choice(["", "Ada Moreno", "Tom Reyes"]),
        "entities": rng.choice(["", "Chelsea", "Labour Party", "World Bank"]),
        "source": rng.choice(["Daily Post", "Evening Star", "Market Wire"]),
        "author": rng.choice(["", "Lee Park"]),
        "pubsort": published.toordinal() if published else 0,
    }
    if published is not None:
        doc["published"] = published
    return doc


def build(folder: Path, size: int, seed: int = 5) -> FileStorage:
    """An index of ``size`` generated documents in four segments, a few deleted."""
    rng = random.Random(seed)
    storage = FileStorage(str(folder))
    ix = storage.create_index(build_schema())
    per = size // 4
    for part in range(4):
        writer = ix.writer()
        for n in range(part * per, (part + 1) * per):
            writer.add_document(**_doc(rng, n))
        writer.commit(merge=False)
    writer = ix.writer()
    for n in range(0, size, 37):
        writer.delete_by_term("id", f"doc{n:05d}")
    writer.commit(merge=False)
    return ix


def bench_queries() -> list[str]:
    out = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t")[1])
    return out


def exhaustive(searcher, query, k: int) -> tuple[list[tuple[float, int]], int]:  # type: ignore[no-untyped-def]
    collector = TopCollector(k, usequality=False, replace=0)
    searcher.search_with_collector(query, collector)
    results = collector.results()
    return [(s, d) for s, d in results.top_n], len(results)


def check_same_top(ix, k: int = 10) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Every benchmark query: top k identical (documents and scores, in order) to
    Whoosh scoring every match; returns how many documents each fully scored."""
    scored: dict[str, int] = {}
    with ix.searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1
        for text in bench_queries():
            query = parse_query(text).query
            want, total = exhaustive(searcher, query, k)
            clauses = clauses_of(query)
            assert clauses is not None, text
            run = TopK(searcher, query, clauses, k)
            got = run.run()
            assert got == want, text
            scored[text] = run.scored
            # With the match sets read first (all of them, or only until counting
            # stopped at a small limit), the same top k.
            for limit in (None, 1000, 30):
                assert top_k(searcher, query, k, Matches(searcher, query, limit)) == want, text
            count, exact = count_upto(searcher, query, 1000)
            if total <= 1000:
                assert (count, exact) == (total, True), text
            else:
                assert (count, exact) == (1000, False), text
            assert count_upto(searcher, query, None) == (total, True)
            for limit in (0, 5, total - 1, total, total + 1):
                if limit >= 0:
                    assert count_upto(searcher, query, limit) == (
                        (total, True) if total <= limit else (limit, False)
                    ), (text, limit)
    return scored


def test_top_ten_of_the_benchmark_queries_equal_exhaustive_scoring(tmp_path: Path) -> None:
    ix = build(tmp_path, 800)
    scored = check_same_top(ix)
    with ix.searcher() as searcher:
        matched = len(list(searcher.docs_for_query(parse_query("government").query)))
    # It skips: a common word's top 10 scores a fraction of its matches.
    assert scored["government"] < matched / 2


@pytest.mark.slow
def test_top_ten_equal_exhaustive_scoring_at_ten_thousand(tmp_path: Path) -> None:
    check_same_top(build(tmp_path, 10_000))


def test_other_shapes_are_left_to_exhaustive_scoring(tmp_path: Path) -> None:
    ix = build(tmp_path, 200)
    with ix.searcher() as searcher:
        assert top_k(searcher, parse_query("oil OR tax").query, 10) is None
        # A NOT or a nested OR inside an AND is a filter clause: still pruned, same top.
        for text in (
            "oil -tax",
            "economy (music OR film)",
            "government after:2023-01-01",
            'title:"prime minister" before:2023-05',
            "market date:2022-03..2022-09 tax",
        ):
            query = parse_query(text).query
            want = exhaustive(searcher, query, 5)[0]
            assert top_k(searcher, query, 5) == want, text
            assert top_k(searcher, query, 5, Matches(searcher, query, None)) == want, text


def test_counts_stop_at_the_limit_and_say_so(tmp_path: Path) -> None:
    ix = build(tmp_path, 200)
    with ix.searcher() as searcher:
        query = parse_query("said").query
        total = len(list(searcher.docs_for_query(query)))
        assert total > 50
        assert count_upto(searcher, query, 50) == (50, False)
        assert count_upto(searcher, query, total) == (total, True)
        assert count_upto(searcher, query, total - 1) == (total - 1, False)


def test_cached_postings_follow_deletions_and_new_documents(tmp_path: Path) -> None:
    """Decoded postings are kept per segment between searches (search as you type asks
    for the same words again); documents deleted or added later are still right."""
    ix = build(tmp_path, 200)
    query = parse_query("oil prices").query
    with ix.searcher() as searcher:
        first = top_k(searcher, query, 5, Matches(searcher, query, None))
        assert first == exhaustive(searcher, query, 5)[0]
        gone = searcher.stored_fields(first[0][1])["id"]
    writer = ix.writer()
    writer.delete_by_term("id", gone)
    writer.add_document(**{**_doc(random.Random(1), 999), "title": "oil prices oil prices"})
    writer.commit(merge=False)
    with ix.searcher() as searcher:
        again = top_k(searcher, query, 5, Matches(searcher, query, None))
        assert again == exhaustive(searcher, query, 5)[0]
        ids = [searcher.stored_fields(d)["id"] for _, d in again]
        assert gone not in ids and "doc00999" in ids
        assert count_upto(searcher, query, None) == (exhaustive(searcher, query, 5)[1], True)


def test_the_postings_cache_stays_within_its_budget(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from search import topk

    monkeypatch.setattr(topk, "CACHED_POSTINGS_TOTAL", 400)
    topk.clear_caches()
    ix = build(tmp_path, 200)
    with ix.searcher() as searcher:
        for text in bench_queries():
            query = parse_query(text).query
            want = exhaustive(searcher, query, 5)[0]
            assert top_k(searcher, query, 5, Matches(searcher, query, None)) == want, text
            held = sum(topk._size(v) for d in topk._POSTINGS.values() for v in d.values())
            assert held <= 400
    topk.clear_caches()


def test_posting_lists_read_whole_equal_whooshs_matcher(tmp_path: Path) -> None:
    """``_read_list`` (one read per list, positions left unpickled unless asked) gives
    the document numbers, weights and values that Whoosh's own matcher steps through,
    for every term of fields with and without positions, in every segment."""
    from search.topk import _read_list, _term_info

    ix = build(tmp_path, 400)
    lists = 0
    with ix.searcher() as searcher:
        for sub, _offset in searcher.leaf_searchers():
            reader = sub.reader()
            for fieldname in ("title", "body", "keywords", "speakers", "source"):
                field = sub.schema[fieldname]
                for btext in list(reader.lexicon(fieldname)):
                    ti = _term_info(reader, fieldname, btext)
                    m = reader._terms.matcher(fieldname, btext, field.format)
                    ids, weights, values = [], [], []
                    while m.is_active():
                        ids.append(m.id())
                        weights.append(m.weight())
                        values.append(m.value())
                        m.next()
                    fast = _read_list(reader, ti, values=False)
                    assert fast is not None
                    assert (list(fast[0]), list(fast[1])) == (ids, weights), (fieldname, btext)
                    full = _read_list(reader, ti, values=True)
                    assert full is not None
                    assert list(full[2]) == values, (fieldname, btext)
                    lists += 1
    assert lists > 100
