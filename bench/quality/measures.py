"""How readable the key figures' ``measures`` are on BBC articles (no gold needed).

The gold figures (``gold.py``) are 30 articles; this looks at every BBC article's
first eight figures (``shared/corpora/bbc/articles``) and counts the phrases a
reader stumbles on, as a share of the figures listed:

- empty: nothing said about what the number measures;
- long: more than ``LONG`` words (the phrase has run into another clause);
- function-word start: it opens on a preposition, helper verb, conjunction or
  pronoun ("with the index rising", "have downloaded ...");
- quotation voice: a speaker's own "I", "my", "you" (words from inside a quote);
- unit repeated: the part shown beside the figure opens on the figure's own last
  word again ("18 months  months ...");
- generic only: just "amount", "time", "value" ... (true, but says nothing).

Lower is better for all of them. The articles are split by
``bench.quality.split`` (a hash of "category/file"): tune on the tune part, only
report the kept-back part. The gates are regression ceilings a little above the
shares measured when the check was added.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.quality import Score
from bench.quality.split import part
from briefings.derive import derive
from briefings.ingest import article_from_bytes
from briefings.models import Figure

LISTED = 8
LONG = 10
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
_FUNCTION_START = frozenset(
    """a an the of to in on at by for with from as into over under about than and or but
    nor so yet if while when because although that which who whom whose is are was were be
    been being has have had do does did will would can could may might must should it he she
    they we i you there this these those""".split()
)
_VOICE = frozenset("i me my you your".split())
#: measure -> (gate ceiling on the whole set), None for a reported share.
CEILINGS: dict[str, float | None] = {
    "empty": 0.03,
    "long": 0.17,
    "function-word start": 0.08,
    "quotation voice": 0.01,
    "unit repeated": 0.02,
    "generic only": 0.035,
}
_GENERIC = frozenset(
    "amount value money time price cost distance weight area volume speed position".split()
)


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def faults(f: Figure) -> set[str]:
    """The readability faults of one figure's ``measures``."""
    measures = _QUALIFIER.sub("", f.measures or "")
    words = [w.lower() for w in _WORD.findall(measures)]
    found: set[str] = set()
    if not words:
        return {"empty"}
    if len(words) > LONG:
        found.add("long")
    if words[0] in _FUNCTION_START:
        found.add("function-word start")
    if not _VOICE.isdisjoint(words) or "I" in measures.split():
        found.add("quotation voice")
    if len(words) == 1 and words[0] in _GENERIC:
        found.add("generic only")
    own = [w.lower() for w in _WORD.findall(f.text)]
    shown = [w.lower() for w in _WORD.findall(f.measures_shown())]
    if own and shown and _stem(shown[0]) == _stem(own[-1]) and not own[-1][:1].isdigit():
        found.add("unit repeated")
    return found


def evaluate(shared: Path, quick: bool = False) -> list[Score]:
    root = shared / "corpora" / "bbc" / "articles"
    if not root.is_dir():
        return []
    paths = sorted(root.rglob("*.txt"))
    if quick:
        paths = paths[::4]
    counts: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for path in paths:
        key = f"{path.parent.name}/{path.name}"
        article = article_from_bytes(path.read_bytes(), f"bbc:{key}", path.name, path.name)
        for f in derive(article).figures[:LISTED]:
            for where in (part(key), "all"):
                totals[where] = totals.get(where, 0) + 1
                row = counts.setdefault(where, {})
                for fault in faults(f):
                    row[fault] = row.get(fault, 0) + 1
    scores: list[Score] = []
    for where in ("all", "tune", "held-out"):
        total = totals.get(where, 0)
        if not total:
            continue
        for measure, ceiling in CEILINGS.items():
            n = counts.get(where, {}).get(measure, 0)
            scores.append(
                Score(
                    "measures",
                    f"{measure} ({where})",
                    n / total,
                    ceiling if where == "all" else None,
                    higher_is_better=False,
                    unit="ratio",
                    detail=f"{n} of {total} figures (first {LISTED} per BBC article)",
                )
            )
    return scores
