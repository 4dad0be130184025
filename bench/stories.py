"""Story updates at library scale: CPU to update stories when one article arrives.

``python -m bench.stories --size 10000 --source LIB`` copies the briefings of
LIB (a library whose related lists and quote links are computed, e.g. PolNeAR
train ingested through ``bench.polnear_md``) into a new store of ``--size``
briefings: replica *k* gets new ids and origins, its related lists and quote
links remapped to its own copies, and its dates moved by *k* × 400 days, so
every replica forms its own stories. Stories are built once (untimed), then
for each of ``--samples`` briefings that are in a story a fresh copy arrives
(new id, same related lists) and ``StoryUpdater.update`` is timed in CPU
seconds, as the related stage runs it after a briefing is ingested; the copy
is deleted again (untimed) so the library keeps its size.

Measured beside nothing else: the derivation, index and related lists of the
arriving article are not in the number. The rarity test of names is the
default one (every name rare): with the index it is one cached postings-length
read per shared name.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from briefings.library import Library
from briefings.models import Article, Briefing
from briefings.stories import StoryUpdater, list_stories

TARGET_MS = 50.0


def _remap(b: Briefing, k: int, ids: dict[str, str]) -> Briefing:
    def new(i: str) -> str:
        return f"{k:04x}{i[4:]}" if i in ids else i

    quotes = [
        q.model_copy(
            update={
                "corroborations": [
                    c.model_copy(update={"id": new(c.id)}) for c in q.corroborations if c.id in ids
                ]
            }
        )
        for q in b.quotes
    ]
    related = [r.model_copy(update={"id": new(r.id)}) for r in b.related if r.id in ids]
    published = b.published + timedelta(days=400 * k) if b.published else None
    return b.model_copy(
        update={
            "id": new(b.id),
            "origin": f"bench:{k}:{b.origin}",
            "quotes": quotes,
            "related": related,
            "published": published,
        }
    )


def build(source: Path, target: Path, size: int) -> Library:
    src = Library(source, create=False)
    originals = src.get_many(src.ids())
    ids = {b.id: b.id for b in originals}
    lib = Library(target)
    k = 0
    while lib.count() < size:
        for b in originals:
            if lib.count() >= size:
                break
            copy = _remap(b, k, ids)
            lib.put(Article(origin=copy.origin, text=copy.title), copy)
        k += 1
    with lib.transaction() as conn:  # no search layer here: nothing drains the outbox
        conn.execute("DELETE FROM index_outbox")
    return lib


def measure(lib: Library, samples: int) -> tuple[list[float], int]:
    updater = StoryUpdater(lib)
    stories = list_stories(lib)
    members = [m.id for s in stories for m in s.members][: samples * 7 : 7] or lib.ids()[:samples]
    times: list[float] = []
    joined = 0
    for n, member in enumerate(members[:samples]):
        b = lib.get(member)
        arriving = b.model_copy(update={"id": f"ffff{n:012x}", "origin": f"bench:new:{n}"})
        lib.put(Article(origin=arriving.origin, text=arriving.title), arriving)
        start = time.process_time()
        joined += updater.update([arriving.id], []) > 0
        times.append((time.process_time() - start) * 1000)
        lib.delete(arriving.id)
        updater.update([], [arriving.id])
    return times, joined


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.stories")
    p.add_argument("--source", required=True, type=Path, help="a library with related lists")
    p.add_argument("--size", type=int, default=10_000)
    p.add_argument("--samples", type=int, default=30)
    p.add_argument("--keep", type=Path, help="build the big library here (default: a temp dir)")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        target = args.keep or Path(tmp) / "library"
        start = time.perf_counter()
        lib = build(args.source, target, args.size)
        built = time.perf_counter() - start
        start = time.process_time()
        StoryUpdater(lib).rebuild()
        rebuilt = time.process_time() - start
        stories = list_stories(lib)
        times, joined = measure(lib, args.samples)
        lib.close()
    print(f"library: {args.size} briefings (built in {built:.0f} s), {len(stories)} stories")
    print(f"all stories from scratch: {rebuilt:.1f} s CPU")
    print(
        f"one arriving briefing, story update CPU ms over {len(times)}: "
        f"median {statistics.median(times):.1f}, max {max(times):.1f} (target < {TARGET_MS:.0f}); "
        f"{joined} of them joined a story"
    )
    return 0 if max(times) < TARGET_MS else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
