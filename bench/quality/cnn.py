"""Score the extractive summary on CNN stories (``shared/corpora/cnn-dev``).

Data: ``data.jsonl``, one ``{"id", "article", "highlights"}`` per line; the
highlights are 3-4 bullets written by CNN's editors (abstractive). Each story
is derived as an ingested ``.txt`` article (``article_from_bytes`` +
``build_document``, the same path as ``brief add``), so the systems see the
cleaned body with the pipeline's own sentence split.

Length rule: every system picks **3 sentences**, shown in article order, from
the same sentences (one splitter for all systems): brief's summary, Lead-3 (the
first three sentences, dateline and all) and TextRank-3 (``bbc.textrank``).
Scores are ROUGE-1/2/Lsum F1 x100 from ``rouge-score`` with Porter stemming,
the highlights one per line.

Split: ``bench/quality/split.py`` on the story id (a third held out). Issue
#15's acceptance is "brief beats Lead-3 by at least 1.0 ROUGE-1" on the whole
set, the row whose value is brief minus Lead-3; its detail says whether that
is met, and its gate is a regression floor a little under the measured gap.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from bench.quality import Score
from bench.quality.bbc import SENTENCES, Summariser, lead, rouge_table, textrank
from bench.quality.split import part
from briefings.derive import build_document
from briefings.derive.document import Document
from briefings.derive.summary import summarise
from briefings.ingest import IngestError, article_from_bytes

#: brief must beat Lead-3 by this much ROUGE-1 (issue #15).
MARGIN_OVER_LEAD = 1.0
#: Regression floor for brief minus Lead-3 (all stories), a little under the
#: +2.52 measured with the weights for one-block articles (``BLOCK_WEIGHTS``).
GAP_FLOOR = 2.0


def load(shared: Path, quick: bool = False) -> Iterator[tuple[str, Document, list[str]]]:
    """(story id, document, highlight sentences) for every CNN story."""
    path = shared / "corpora" / "cnn-dev" / "data.jsonl"
    with path.open(encoding="utf-8") as rows:
        for n, line in enumerate(rows):
            if not line.strip() or (quick and n % 3):
                continue
            row = json.loads(line)
            story = str(row["id"])
            try:
                article = article_from_bytes(
                    row["article"].encode("utf-8"), story, f"{story}.txt", story
                )
            except IngestError:
                continue
            highlights = row["highlights"]
            if isinstance(highlights, str):
                highlights = highlights.splitlines()
            reference = [h.strip() for h in highlights if h.strip()]
            yield story, build_document(article), reference


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    if not (shared / "corpora" / "cnn-dev" / "data.jsonl").exists():
        return []
    try:
        import rouge_score  # noqa: F401
    except ModuleNotFoundError:
        return [
            Score("cnn", "summary ROUGE", 0.0, None, detail="pip install -e '.[bench]' to score")
        ]
    items = list(load(shared, quick))
    systems: dict[str, Summariser] = {
        "brief": lambda d: summarise(d, SENTENCES),
        "Lead-3": lead,
        "TextRank-3": textrank,
    }
    table = rouge_table(items, systems, part)
    counts = {where: sum(1 for key, _, _ in items if part(key) == where) for where in ("tune",)}
    counts["held-out"] = len(items) - counts["tune"]
    counts["all"] = len(items)
    scores: list[Score] = []
    for where in ("tune", "held-out", "all"):
        for name in systems:
            r1, r2, rl = table[(name, where)]
            scores.append(
                Score(
                    "cnn",
                    f"{name} ROUGE-1 ({where}, {SENTENCES} sentences)",
                    r1,
                    None,
                    detail=f"R-2 {r2:.2f} · R-Lsum {rl:.2f} · n={counts[where]}",
                )
            )
    for where in ("tune", "held-out", "all"):
        brief = table[("brief", where)][0]
        gap = brief - table[("Lead-3", where)][0]
        scores.append(
            Score(
                "cnn",
                f"brief minus Lead-3, ROUGE-1 ({where})",
                gap,
                GAP_FLOOR if where == "all" else None,
                detail=f"minus TextRank-3: {brief - table[('TextRank-3', where)][0]:+.2f} · "
                f"n={counts[where]}"
                + (
                    f" · issue #15 acceptance ≥ {MARGIN_OVER_LEAD:.2f}: "
                    f"{'met' if gap >= MARGIN_OVER_LEAD else 'NOT met'} (gate is a regression floor)"
                    if where == "all"
                    else ""
                ),
            )
        )
    return scores
