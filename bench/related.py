"""Related-articles cost per new article, which must not grow with the library.

For each of ``count`` new articles (recombinations past the end of the corpus)
the article is derived, stored and synced into the index; then the related
step alone (``search.related.RelatedUpdater.update`` on that briefing: its
profile and postings, the candidates from the store's inverted table and its
quotes, the scoring of every candidate on stored profiles, the back-insertion
into the candidates' lists and the store write) is timed ``repeat`` times. The
article is deleted again afterwards (untimed), so the library keeps its size.

``python -m bench.related`` prints the table for the benchmark libraries
(``--sizes``), each measured on a copy (so a library made by older code stays
as it was), and ``--agreement N`` how often a sample of N briefings keeps the
first entry of its related list: the entry stored by ``brief ingest`` and the
one the code of this checkout computes afresh, on the complete library.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.ingest import library_dir, new_articles
from bench.measure import samples_ms


@dataclass
class RelatedCost:
    ms: list[float] = field(default_factory=list)  # one sample per (article, repeat)
    cpu_ms: list[float] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)
    related: list[int] = field(default_factory=list)
    #: CPU seconds the first update spent making stored profiles (a library made
    #: before they existed; 0 when it had them)
    setup_cpu_s: float = 0.0


def measure_related(
    size: int, count: int, repeat: int = 3, folder: Path | None = None
) -> RelatedCost:
    from briefings.derive import derive
    from briefings.library import Library
    from search import SearchIndex
    from search.related import RelatedUpdater

    out = RelatedCost()
    with Library(folder or library_dir(size)) as library:
        index = SearchIndex(library)
        index.sync()
        updater = RelatedUpdater(index)
        start = time.process_time()
        updater.update([], [])  # nothing changed: makes the stored profiles if missing
        _ensure_profiles(updater)
        out.setup_cpu_s = time.process_time() - start
        for article in new_articles(size, count):
            library.put(article, derive(article))
            index.sync()
            briefing = library.get(article.id)
            wall, cpu = samples_ms(lambda b=briefing: updater.update([b], []), repeat, warmup=0)
            out.ms += wall
            out.cpu_ms += cpu
            out.candidates.append(_candidate_count(updater, article.id))
            out.related.append(len(library.get(article.id).related))
            library.delete(article.id)
            index.sync()
        index.close()
    return out


def _ensure_profiles(updater) -> None:  # type: ignore[no-untyped-def]
    """Make the stored profiles of a library that has none yet (older code: nothing)."""
    make = getattr(updater, "_make_all_profiles", None)
    key = getattr(__import__("search.related", fromlist=["x"]), "PROFILES_KEY", None)
    if make is None or key is None:
        return
    from search.related import PROFILES_VERSION, _Idf

    if updater.library.get_meta(key) == PROFILES_VERSION:
        return
    with updater.index.ix.searcher() as searcher:
        idf = _Idf(searcher, updater.index.common_dfs)
        try:
            make(idf)  # index schema 7: profiles are made from the store's briefings
        except TypeError:
            make(searcher, idf)  # older code read them from the index


def _candidate_count(updater, briefing_id: str) -> int:  # type: ignore[no-untyped-def]
    """How many candidates the related step scored for this briefing (-1 when the
    search layer's internals this peeks at are not there)."""
    try:
        found = updater._stored([briefing_id]).get(briefing_id)
        if found is None:
            return 0
        return len(updater.candidates(*found))
    except (AttributeError, TypeError):
        return -1


# -- first entries: today's and this code's -------------------------------------------------


def first_entries(folder: Path, sample: int, seed: int = 17) -> dict[str, list]:
    """For ``sample`` briefings (a seeded random sample of the library's ids): the
    first entry of the related list as stored, and as computed now from scratch (its
    list and quote links emptied first, so nothing kept from before counts), on the
    complete library; and the quote links computed then, as (quote, other briefing)
    pairs. Uses only the updater's public ``update``, so any version of the code can
    run it."""
    from briefings.library import Library
    from search import SearchIndex
    from search.related import RelatedUpdater

    out: dict[str, list] = {}
    with Library(folder) as library:
        index = SearchIndex(library)
        index.sync()
        ids = sorted(library.ids())
        picked = random.Random(seed).sample(ids, min(sample, len(ids)))
        stored = {i: library.related_of(i) or [] for i in picked}
        updater = RelatedUpdater(index)
        updater.update([], [])
        _ensure_profiles(updater)
        cpu = time.process_time()
        for briefing in library.get_many(picked):
            bare = [q.model_copy(update={"corroborations": []}) for q in briefing.quotes]
            updater.update([briefing.model_copy(update={"related": [], "quotes": bare})], [])
        cpu = time.process_time() - cpu
        for i in picked:
            fresh = library.related_of(i) or []
            links = sorted(
                [n, c.id] for n, q in enumerate(library.get(i).quotes) for c in q.corroborations
            )
            out[i] = [stored[i][0].id if stored[i] else None, fresh[0].id if fresh else None, links]
        index.close()
    print(f"  {len(picked)} briefings recomputed in {cpu:.1f} CPU s")
    return out


def _copy(size: int, into: Path) -> Path:
    source = library_dir(size)
    if not (source / "library.sqlite3").exists():
        raise SystemExit(f"no benchmark library at {source}: run python -m bench first")
    target = into / f"library-{size}"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.backup", "*.lock"))
    return target


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.related", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10_000])
    parser.add_argument("--count", type=int, default=10, help="new articles per size (10)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per article (3)")
    parser.add_argument(
        "--agreement",
        type=int,
        default=0,
        metavar="N",
        help="also compare the first related entry of N sampled briefings",
    )
    parser.add_argument("--save", type=Path, help="write the first entries (JSON) here")
    parser.add_argument(
        "--against",
        type=Path,
        help="first entries saved by another version: compare with those too",
    )
    args = parser.parse_args(argv)  # fmt: skip
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, {os.cpu_count()} cores")
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="brief-related-") as tmp:
            folder = _copy(size, Path(tmp))
            db = folder / "library.sqlite3"
            before_mb = db.stat().st_size / 1e6
            cost = measure_related(size, args.count, args.repeat, folder)
            rows.append((size, cost))
            print(f"  store {before_mb:.0f} MB before, {db.stat().st_size / 1e6:.0f} MB after")
            print(
                f"{size:>8,}: CPU ms p50 {_pct(cost.cpu_ms, 0.5):.1f} p95 {_pct(cost.cpu_ms, 0.95):.1f}"
                f" | wall p50 {_pct(cost.ms, 0.5):.1f} | candidates p50 {_pct(cost.candidates, 0.5):.0f}"
                f" | profiles made first: {cost.setup_cpu_s:.1f} CPU s",
                flush=True,
            )
            if args.agreement:
                shutil.rmtree(folder)
                firsts = first_entries(_copy(size, Path(tmp) / "agree"), args.agreement)
                _report(firsts, args)
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print()
    print("| briefings | CPU ms p50 / p95 | wall ms p50 / p95 | candidates scored p50 |")
    print("|---|---|---|---|")
    for size, cost in rows:
        print(
            f"| {size:,} | {_pct(cost.cpu_ms, 0.5):.1f} / {_pct(cost.cpu_ms, 0.95):.1f} | "
            f"{_pct(cost.ms, 0.5):.1f} / {_pct(cost.ms, 0.95):.1f} | {_pct(cost.candidates, 0.5):.0f} |"
        )
    return 0


def _report(firsts: dict[str, list], args: argparse.Namespace) -> None:
    listed = [v for v in firsts.values() if v[0] is not None]
    same = sum(1 for v in listed if v[0] == v[1])
    print(f"  first entry as stored by brief ingest = as computed now: {same} of {len(listed)}")
    if args.save:
        args.save.write_text(json.dumps(firsts, indent=0), encoding="utf-8")
    if args.against:
        other = json.loads(args.against.read_text(encoding="utf-8"))
        both = [i for i in firsts if i in other and other[i][1] is not None]
        agree = sum(1 for i in both if firsts[i][1] == other[i][1])
        print(
            f"  first entry computed afresh, this code = {args.against.name}: {agree} of {len(both)}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
