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
- generic only: just "amount", "time", "value" ... (true, but says nothing);
- finite verb inside: a subject (a name or a pronoun) with its own finite verb and
  no relative word before it ("Vice-President Mike Pence stressed", "Benitez
  hailed"; a contact clause such as "money Anthropic received" counts too);
- capitalised debris: a sentence adverb or clause word ("Finally", "Despite",
  "However"), a name glued onto a generic word ("amount Euros",
  "time Nadal") or a phrase that is only a name ("Giuffre").

Since the readability gate (``briefings.derive.measures._gated``) a phrase that
is debris becomes empty on purpose (the reader then shows the sentence), so
"empty" is a reported share with a looser ceiling.

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
    "empty": 0.06,
    "long": 0.17,
    "function-word start": 0.08,
    "quotation voice": 0.01,
    "unit repeated": 0.02,
    "generic only": 0.01,
    "finite verb inside": None,
    "capitalised debris": 0.005,
}
_GENERIC = frozenset(
    "amount value money time price cost distance weight area volume speed position".split()
)


_RELATIVE = frozenset("that which who whom whose where when".split())
_SUBJECT = frozenset("i he she we they it".split())
_FINITE = frozenset(
    """is are was were has have had will would can could says said does did
    told made took gave won lost rose fell grew saw found""".split()
)
_DEBRIS = frozenset(
    """finally despite however meanwhile although though whereas because moreover
    furthermore nevertheless nonetheless indeed eventually thus hence therefore""".split()
)


def _finite_inside(words: list[str]) -> bool:
    for i in range(1, len(words)):
        low = words[i].lower()
        if low in _RELATIVE:
            return False
        prev = words[i - 1]
        finite = low in _FINITE or (low.endswith("ed") and len(low) > 4 and words[i].islower())
        if finite and (prev.lower() in _SUBJECT or prev[:1].isupper()):
            return True
    return False


def _capitalised_debris(words: list[str], sentence: str) -> bool:
    if any(w.lower() in _DEBRIS for w in words):
        return True
    opening = sentence.split(None, 1)[0] if sentence.strip() else ""
    if all(w[:1].isupper() for w in words) and len(words) <= 3 and words != [opening]:
        return True  # only a name ("Giuffre"), not a noun opening the sentence ("Sales")
    # a name glued onto a generic word at the end: "amount Euros", "time Nadal"
    return any(
        words[i - 1].lower() in _GENERIC and all(w[:1].isupper() for w in words[i:])
        for i in range(1, len(words))
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
    said = _WORD.findall(measures)
    if _finite_inside(said):
        found.add("finite verb inside")
    if _capitalised_debris(said, f.sentence):
        found.add("capitalised debris")
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
