"""Related-articles cost per new article, which must not grow with the library.

For each of ``count`` new articles (recombinations past the end of the corpus)
the article is derived, stored and synced into the index; then the related
step alone (``search.related.RelatedUpdater.update`` on that briefing: the
candidate query over its most distinctive terms and its quotes, the scoring
of every candidate, the back-insertion into the candidates' lists and the
store write) is timed ``repeat`` times. The article is deleted again
afterwards (untimed), so the library keeps its size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.ingest import library_dir, new_articles
from bench.measure import samples_ms


@dataclass
class RelatedCost:
    ms: list[float] = field(default_factory=list)  # one sample per (article, repeat)
    cpu_ms: list[float] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)
    related: list[int] = field(default_factory=list)


def measure_related(size: int, count: int, repeat: int = 3) -> RelatedCost:
    from briefings.derive import derive
    from briefings.library import Library
    from search import SearchIndex
    from search.related import RelatedUpdater

    out = RelatedCost()
    with Library(library_dir(size)) as library:
        index = SearchIndex(library)
        index.sync()
        updater = RelatedUpdater(index)
        for article in new_articles(size, count):
            library.put(article, derive(article))
            index.sync()
            briefing = library.get(article.id)
            wall, cpu = samples_ms(lambda b=briefing: updater.update([b], []), repeat, warmup=0)
            out.ms += wall
            out.cpu_ms += cpu
            out.candidates.append(_candidate_count(updater, index, article.id))
            out.related.append(len(library.get(article.id).related))
            library.delete(article.id)
            index.sync()
        index.close()
    return out


def _candidate_count(updater, index, briefing_id: str) -> int:  # type: ignore[no-untyped-def]
    """How many candidates the related step scored for this briefing (-1 when the
    search layer's internals this peeks at have changed)."""
    try:
        from search.related import _Idf

        with index.ix.searcher() as searcher:
            docnum = searcher.document_number(id=briefing_id)
            if docnum is None:
                return 0
            idf = _Idf(searcher)
            prof = updater._profile(searcher, docnum, idf)[0]
            updater._profiles.clear()
            return len(updater._candidates(prof, docnum, searcher, idf))
    except (ImportError, AttributeError, TypeError):
        return -1
