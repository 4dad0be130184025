"""Body extraction on the Zyte (Scrapinghub) HTML benchmark, and cleaning safety.

Body F1 is scored the way the Scrapinghub article-extraction benchmark scores
it: both texts are cut into ``\\w+`` tokens, then into 4-token shingles; per
page, the shingle true/false positives and false negatives are normalised to
sum to 1; precision and recall are averaged over the pages, and F1 is taken
from the two averages. Two rows: trafilatura's text as ``extract_html``
returns it, and the body after our whole pipeline (header metadata taken off,
boilerplate cleaned), so we see whether cleaning after trafilatura hurts.

The "clean" rows count the paragraphs the cleaner drops on BBC (bodies without
furniture: every drop is a false removal) and PolNeAR (a few promos, credits
and photo credits: read the examples). Line 1 is the title and not counted.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from statistics import mean

from bench.quality import Score
from briefings.derive import build_document
from briefings.derive.html import extract_html
from briefings.derive.text import sanitize
from briefings.ingest import article_from_bytes

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def page_scores(gold: str, got: str, n: int = SHINGLE) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the benchmark leaves it out."""
    want, have = shingles(gold, n), shingles(got, n)
    tp = sum((want & have).values())
    fp = sum((have - want).values())
    fn = sum((want - have).values())
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def body_f1(pairs: list[tuple[str, str]], n: int = SHINGLE) -> tuple[float, float, float]:
    """(precision, recall, F1) over ``(gold, extracted)`` pairs, as the benchmark averages."""
    scores = [page_scores(g, e, n) for g, e in pairs]
    precision = mean(p for p, _ in scores if p is not None)
    recall = mean(r for _, r in scores if r is not None)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _zyte(shared: Path, quick: bool) -> list[Score]:
    root = shared / "corpora" / "html-zyte"
    truth_path = root / "ground-truth.json"
    if not truth_path.exists():
        return []
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    keys = sorted(truth)[:40] if quick else sorted(truth)
    raw: list[tuple[str, str]] = []
    ours: list[tuple[str, str]] = []
    failed = 0
    for key in keys:
        path = root / "html" / f"{key}.html"
        gold = truth[key].get("articleBody", "")
        try:
            article = article_from_bytes(path.read_bytes(), str(path), path.name, path.name)
            raw.append((gold, extract_html(article.text).text))
            ours.append((gold, build_document(article).text))
        except (OSError, ValueError):
            failed += 1
            raw.append((gold, ""))
            ours.append((gold, ""))
    rows = []
    for label, pairs, target in (("trafilatura", raw, None), ("pipeline body", ours, 0.965)):
        p, r, f1 = body_f1(pairs)
        rows.append(
            Score(
                "zyte",
                f"body F1, {label}",
                f1,
                target,
                detail=f"P {p:.3f} R {r:.3f}; {len(pairs)} pages, {failed} failed",
                unit="ratio",
            )
        )
    _, _, tok = body_f1(ours, 1)
    rows.append(Score("zyte", "body F1 (single tokens), pipeline", tok, None, unit="ratio"))
    return rows


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def dropped_paragraphs(text: str, name: str) -> tuple[int, int, list[str]]:
    """(paragraphs after the title line, how many the pipeline dropped, examples).

    A paragraph counts as kept when its last ten words are in the body (a
    dateline taken off its start is not a loss); exact repeats of a kept
    paragraph are not losses either, nor is text that became the title or dek.
    Lines without words are not paragraphs.
    """
    article = article_from_bytes(text.encode("utf-8"), "bench:" + name, name, name)
    doc = build_document(article)
    # Text that moved into the title or dek (a subtitle line) is not lost.
    kept = [doc.text, doc.meta.title or "", doc.meta.dek or ""]
    body = " " + " | ".join(" ".join(_words(t)) for t in kept) + " "
    paras = [p.strip() for p in sanitize(text).split("\n")[1:] if _words(p)]
    lost = [p for p in paras if f" {' '.join(_words(p)[-10:])} " not in body]
    return len(paras), len(lost), lost


def _clean_safety(shared: Path, quick: bool) -> list[Score]:
    rows = []
    sets = {
        "bbc": sorted((shared / "corpora" / "bbc" / "articles").glob("*/*.txt")),
        "polnear": sorted((shared / "corpora" / "polnear-train" / "text").glob("*.txt")),
    }
    for name, files in sets.items():
        if not files:
            continue
        if quick:
            files = files[::10]
        total = lost = 0
        examples: list[str] = []
        for path in files:
            text = path.read_bytes().decode("utf-8", "replace")
            n, k, gone = dropped_paragraphs(text, path.name)
            total += n
            lost += k
            examples += [f"{path.stem}: {g[:40]}" for g in gone[:1]]
        rows.append(
            Score(
                "clean",
                f"{name} paragraphs dropped",
                lost,
                None,
                False,
                f"of {total} in {len(files)} articles; " + "; ".join(examples[:3]),
                unit="count",
            )
        )
    return rows


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    return _zyte(shared, quick) + _clean_safety(shared, quick)
