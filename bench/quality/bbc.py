"""Score the extractive summary on the BBC News summaries (``shared/corpora/bbc``).

Length rule: every system picks **3 sentences** from the cleaned body (the
pipeline's own sentence split), shown in article order. References are the
corpus's extractive summaries (about 45% of the article); their sentences are
glued with no space after the full stop, so they are re-split before scoring.
Scores are ROUGE-1/2/Lsum F1 x100 from ``rouge-score`` with Porter stemming.

Two baselines run on the same sentences in the same run: Lead-3 (the first
three sentences) and TextRank-3 (word-overlap similarity of Mihalcea & Tarau
2004, PageRank with d = 0.85, the three highest-ranked sentences). The split
is by id: even ids are the development half the weights were tuned on, odd
ids are held out. The row "brief minus TextRank-3" (all ids) is issue #15's
"at least TextRank-3 on BBC"; its gate is a regression floor a little under
the measured gap, and its detail says whether the acceptance (>= 0) is met.
The CNN stories (``cnn.py``) want the lead and shorter sentences; every one is
a single block of text, and ``summary`` scores such a body with its own weights
(``BLOCK_WEIGHTS``), so ``bench/train_summary.py`` fits the two apart.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from bench.quality import Score
from briefings.derive import build_document
from briefings.derive.document import Document, Sentence
from briefings.derive.summary import summarise, tokens
from briefings.ingest import IngestError, article_from_bytes

SENTENCES = 3
TARGET_R1 = 44.5  # Lead-3 ROUGE-1 on these references (the corpus README's anchor)
#: Regression floor for brief minus TextRank-3 (all ids), a little under the
#: +0.86 measured with the weights for paragraphed articles (issue #15 asks >= 0).
GAP_FLOOR = 0.5
# A reference sentence ends where a full stop (or ?/!, optionally a closing
# quote) is glued to the next sentence's capital letter or opening quote.
_GLUED = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z\"“])|(?<=[.!?][\"”’'])(?=[A-Z])")

Summariser = Callable[[Document], list[Sentence]]
K = TypeVar("K")


def split_reference(text: str) -> list[str]:
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(part.strip() for part in _GLUED.split(line) if part.strip())
    return sentences


def lead(doc: Document, k: int = SENTENCES) -> list[Sentence]:
    return doc.sentences[:k]


def textrank(doc: Document, k: int = SENTENCES) -> list[Sentence]:
    """Plain TextRank: overlap / (log|a| + log|b|), PageRank, top k in article order."""
    sents = doc.sentences
    bags = [set(tokens(s.text)) for s in sents]
    n = len(sents)
    weights: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if len(bags[i]) < 2 or len(bags[j]) < 2:
                continue
            overlap = len(bags[i] & bags[j])
            if overlap:
                w = overlap / (math.log(len(bags[i])) + math.log(len(bags[j])))
                weights[i].append((j, w))
                weights[j].append((i, w))
    totals = [sum(w for _, w in row) for row in weights]
    rank = [1.0] * n
    for _ in range(30):
        rank = [
            0.15 + 0.85 * sum(rank[j] * w / totals[j] for j, w in weights[i] if totals[j])
            for i in range(n)
        ]
    top = sorted(range(n), key=lambda i: (-rank[i], i))[:k]
    return [sents[i] for i in sorted(top)]


def load(shared: Path, quick: bool = False) -> Iterator[tuple[int, Document, list[str]]]:
    """(numeric id, document, reference sentences) for every BBC pair."""
    root = shared / "corpora" / "bbc"
    with (root / "index.jsonl").open(encoding="utf-8") as index:
        rows = [json.loads(line) for line in index if line.strip()]
    for n, row in enumerate(rows):
        if quick and n % 5:
            continue
        path = root / row["article"]
        try:
            article = article_from_bytes(path.read_bytes(), str(path), path.name, path.name)
        except IngestError:
            continue
        reference = (root / row["summary"]).read_bytes().decode("utf-8", "replace")
        number = int(row["id"].rsplit("/", 1)[1])
        yield number, build_document(article), split_reference(reference)


def half(number: int) -> str:
    """The BBC split: even ids are the development (tuning) half, odd ids held out."""
    return "dev" if number % 2 == 0 else "held-out"


def rouge_table(
    items: Iterable[tuple[K, Document, list[str]]],
    systems: dict[str, Summariser],
    part: Callable[[K], str],
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """Mean ROUGE-1/2/Lsum F1 x100 per (system, part), and per (system, "all")."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    sums: dict[tuple[str, str], list[float]] = {}
    for key, doc, reference in items:
        target = "\n".join(reference)
        for name, system in systems.items():
            picked = "\n".join(s.text for s in system(doc))
            result = scorer.score(target, picked)
            for where in (part(key), "all"):
                row = sums.setdefault((name, where), [0.0, 0.0, 0.0, 0.0])
                row[0] += result["rouge1"].fmeasure
                row[1] += result["rouge2"].fmeasure
                row[2] += result["rougeLsum"].fmeasure
                row[3] += 1
    return {
        key: (100 * r1 / count, 100 * r2 / count, 100 * rl / count)
        for key, (r1, r2, rl, count) in sums.items()
    }


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    if not (shared / "corpora" / "bbc" / "index.jsonl").exists():
        return []
    try:
        import rouge_score  # noqa: F401
    except ModuleNotFoundError:
        return [
            Score("bbc", "summary ROUGE", 0.0, None, detail="pip install -e '.[bench]' to score")
        ]
    items = list(load(shared, quick))
    systems: dict[str, Summariser] = {
        "brief": lambda d: summarise(d, SENTENCES),
        "Lead-3": lead,
        "TextRank-3": textrank,
    }
    table = rouge_table(items, systems, half)
    scores: list[Score] = []
    counts = {
        where: sum(1 for n, _, _ in items if half(n) == where) for where in ("dev", "held-out")
    }
    counts["all"] = len(items)
    for where in ("dev", "held-out"):
        for name in systems:
            r1, r2, rl = table[(name, where)]
            gated = name == "brief" and where == "held-out"
            scores.append(
                Score(
                    "bbc",
                    f"{name} ROUGE-1 ({where}, {SENTENCES} sentences)",
                    r1,
                    TARGET_R1 if gated else None,
                    detail=f"R-2 {r2:.2f} · R-Lsum {rl:.2f} · n={counts[where]}",
                )
            )
    for where in ("dev", "held-out", "all"):
        gap = table[("brief", where)][0] - table[("TextRank-3", where)][0]
        detail = f"n={counts[where]}"
        if where == "all":
            met = "met" if gap >= 0 else "NOT met"
            detail += f" · issue #15 acceptance ≥ 0.00: {met} (gate is a regression floor)"
        scores.append(
            Score(
                "bbc",
                f"brief minus TextRank-3, ROUGE-1 ({where})",
                gap,
                GAP_FLOOR if where == "all" else None,
                detail=detail,
            )
        )
    return scores
