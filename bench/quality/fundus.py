"""Saved news pages from many countries (fundus test pages): body, title, date, authors.

Each page in ``corpora/html-fundus`` is derived in-process (``article_from_bytes``
then ``build_document``) and scored against ``gold.jsonl``:

- title: exact after folding white space and curly quotes/dashes;
- date: the day of the gold ``publishing_date`` (its own calendar day, as written);
- authors: every gold author's family name (the last word of the name) is
  listed, and every listed author carries one of them; no gold authors and none
  listed counts as right;
- body: the shingle F1 of ``bench.quality.zyte`` (4-token shingles, per-page
  normalised, averaged) of the reader's text (dek, then the body) against the
  gold paragraphs.

Rows are given for all pages, the tune part and the kept-back part
(``bench.quality.split`` on the file name), and for English-language pages.
Acceptance (issue #15): title ≥ 0.92, date ≥ 0.95, authors ≥ 0.90, body F1 ≥ 0.92.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.quality import Score
from bench.quality.split import is_held_out
from bench.quality.zyte import body_f1, page_scores
from briefings.derive import build_document
from briefings.ingest import article_from_bytes

#: Countries whose pages are in English.
ENGLISH: frozenset[str] = frozenset({"au", "ca", "gb", "ie", "in", "ke", "ng", "nz", "us", "za"})
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"\w+")


@dataclass
class PageResult:
    name: str
    country: str
    held_out: bool
    title_ok: bool
    date_ok: bool
    authors_ok: bool
    gold: str
    body: str
    got_title: str
    gold_title: str
    got_date: str
    gold_date: str
    got_authors: list[str]
    gold_authors: list[str]


_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def fold_title(text: str | None) -> str:
    """White space, invisible characters (soft hyphen, zero width) and quote styles folded."""
    return " ".join(_INVISIBLE.sub("", text or "").translate(_FOLD).split())


def _family(name: str) -> list[str]:
    last = name.split()[-1] if name.split() else name
    return _WORD.findall(last.lower())


def authors_right(got: list[str], gold: list[str]) -> bool:
    """Every gold family name listed, and nothing listed that is not a gold author."""
    got_words = [set(_WORD.findall(a.lower())) for a in got]
    families = [f for f in (_family(g) for g in gold) if f]
    for fam in families:
        if not any(all(w in words for w in fam) for words in got_words):
            return False
    return all(any(all(w in words for w in fam) for fam in families) for words in got_words)


def load(shared: Path) -> list[dict[str, object]]:
    path = shared / "corpora" / "html-fundus" / "gold.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def page_results(shared: Path, quick: bool = False) -> list[PageResult]:
    root = shared / "corpora" / "html-fundus"
    items = load(shared)
    if quick:
        items = items[::4]
    out: list[PageResult] = []
    for item in items:
        rel = str(item["html"])
        name = Path(rel).name
        paras = item.get("body_paragraphs") or []
        gold_body = "\n".join(str(p) for p in paras) if isinstance(paras, list) else ""
        gold_authors = [str(a) for a in item.get("authors") or []]  # type: ignore[union-attr]
        gold_date = str(item.get("publishing_date") or "")[:10]
        gold_title = str(item.get("title") or "")
        path = root / rel
        try:
            article = article_from_bytes(path.read_bytes(), str(path), name, name)
            doc = build_document(article)
            meta = doc.meta
            body = "\n".join(t for t in (meta.dek, doc.text) if t)
            authors = list(getattr(meta, "authors", None) or [])
            if not authors and meta.author:
                authors = [a.strip() for a in meta.author.split(",") if a.strip()]
            title = meta.title or ""
            got_date = meta.published.isoformat() if meta.published else ""
        except (OSError, ValueError):
            body, authors, title, got_date = "", [], "", ""
        out.append(
            PageResult(
                name=name,
                country=str(item.get("country") or ""),
                held_out=is_held_out(name),
                title_ok=fold_title(title) == fold_title(gold_title),
                date_ok=bool(gold_date) and got_date == gold_date,
                authors_ok=authors_right(authors, gold_authors),
                gold=gold_body,
                body=body,
                got_title=title,
                gold_title=gold_title,
                got_date=got_date,
                gold_date=gold_date,
                got_authors=authors,
                gold_authors=gold_authors,
            )
        )
    return out


def _rows(label: str, pages: list[PageResult], gated: bool) -> list[Score]:
    if not pages:
        return []
    n = len(pages)
    _, _, f1 = body_f1([(p.gold, p.body) for p in pages])
    targets = {"title": 0.0, "date": 0.0, "authors": 0.0, "body": 0.0}
    if gated:
        targets = {"title": 0.88, "date": 0.98, "authors": 0.88, "body": 0.95}
    accept = {"title": 0.92, "date": 0.95, "authors": 0.90, "body": 0.92}
    values = {
        "title": sum(p.title_ok for p in pages) / n,
        "date": sum(p.date_ok for p in pages) / n,
        "authors": sum(p.authors_ok for p in pages) / n,
        "body": f1,
    }
    names = {"title": "title exact", "date": "date", "authors": "authors", "body": "body F1"}
    return [
        Score(
            "fundus",
            f"{names[k]}, {label}",
            values[k],
            targets[k] if gated else None,
            detail=f"{n} pages; acceptance ≥ {accept[k]:.2f}",
            unit="ratio",
        )
        for k in ("title", "date", "authors", "body")
    ]


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    pages = page_results(shared, quick)
    if not pages:
        return []
    return (
        _rows("all", pages, gated=not quick)
        + _rows("tune", [p for p in pages if not p.held_out], gated=False)
        + _rows("held-out", [p for p in pages if p.held_out], gated=False)
        + _rows("English", [p for p in pages if p.country in ENGLISH], gated=False)
    )


def mistakes(pages: list[PageResult], body_below: float = 0.8) -> list[str]:
    """One line per wrong title, date or author list, and per page whose body F1 is low."""
    lines: list[str] = []
    for p in pages:
        if not p.title_ok:
            lines.append(f"{p.name}: TITLE got {p.got_title!r} gold {p.gold_title!r}")
        if not p.date_ok:
            lines.append(f"{p.name}: DATE got {p.got_date!r} gold {p.gold_date!r}")
        if not p.authors_ok:
            lines.append(f"{p.name}: AUTHORS got {p.got_authors!r} gold {p.gold_authors!r}")
        prec, rec = page_scores(p.gold, p.body)
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else 0.0
        if f1 < body_below:
            lines.append(f"{p.name}: BODY F1 {f1:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.quality.fundus [--part tune|held-out|all]``: the mistakes, one a line.

    Tune on the ``tune`` part (the default); the kept-back part is for reporting only.
    """
    import argparse

    from bench.quality.__main__ import DEFAULT_SHARED

    parser = argparse.ArgumentParser(prog="python -m bench.quality.fundus")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--part", choices=["tune", "held-out", "all"], default="tune")
    parser.add_argument("--body-below", type=float, default=0.8)
    args = parser.parse_args(argv)
    pages = page_results(args.shared)
    if args.part != "all":
        pages = [p for p in pages if (args.part == "held-out") == p.held_out]
    for line in mistakes(pages, args.body_below):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
