"""Key figures: money, percentages, counts and durations, ranked for a briefing.

Quantities come from ``numbers.read_quantities`` (one sentence at a time) and
what each counts from ``measures.measures_for``. The list is ranked so that
the first five to eight are what a briefing should show: money and large
counts and changes before small counts, durations and trivia. The order is a
pure function of the text (score, then position), so it is stable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

from briefings.derive.document import Document
from briefings.derive.measures import measures_for
from briefings.derive.numbers import Quantity, has_number_words, read_quantities
from briefings.models import Figure

#: How much text before a figure's sentence its measure may look back on.
_CONTEXT_CHARS: Final = 1500
#: At most this many figures are kept per briefing: the key figures, not every
#: number of the article (a reader scans a dozen; the seeds' key figures and the
#: gold's all rank within the first 12).
MAX_FIGURES: Final = 12

_BASE: Final = {
    "money": 3.0,
    "percent": 2.0,
    "count": 1.6,
    "duration": 1.1,
    "number": 1.4,
    "rank": 1.0,
}
_CHANGE_NEAR: Final = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|jump\w*|climb\w*|grew|grow\w*"
    r"|increas\w*|decreas\w*|declin\w*|drop\w*|slump\w*|surg\w*|soar\w*|plung\w*|gain\w*"
    r"|up|down|cut\w*|rais\w*|lower\w*|boost\w*|doubl\w*|halv\w*|shr[ai]nk\w*)\b",
    re.I,
)
_DIGIT: Final = re.compile(r"\d")
_CHINA: Final = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese|Beijing)\b")
_JAPAN: Final = re.compile(r"\b(?:yen|Japan|Japanese|Tokyo)\b")
# Words a writer uses to single a number out.
_EMPHASIS: Final = frozenset(
    {"only", "just", "a record", "as much as", "as many as", "as little as"}
)


#: Approximators kept as ``Figure.qualifier`` (emphasis such as "only" is not one).
_QUALIFIERS: Final = {
    a: a
    for a in """about|around|approximately|roughly|nearly|almost|some|over|under|more than
    less than|fewer than|at least|at most|up to|as much as|as many as|as little as|as few as
    close to|just over|just under|upwards of|in excess of|no less than|no more than
    not less than|not more than|well over|well under|slightly more than|slightly less than
    just shy of""".replace("\n", "|")
    .replace("    ", "")
    .split("|")
} | {
    "an estimated": "about",
    "a maximum of": "at most",
    "a minimum of": "at least",
    "an average of": "on average",
    "on average": "on average",
}


@dataclass(slots=True)
class _Candidate:
    figure: Figure
    score: float
    order: int
    follows: int = -1  # index of the figure this one converts ("10 billion yuan ($1.4bn)")


# Where a bare "$" is not the US dollar: a country's names and its own dollar sign.
_DOLLAR_COUNTRIES: Final = (
    (
        "CAD",
        re.compile(
            r"\b(?:Canada|Canadian|Canadians|Ottawa|Toronto|Montreal|Vancouver|Alberta|Ontario|Quebec|CAD)\b|\bC\$"
        ),
    ),
    (
        "AUD",
        re.compile(
            r"\b(?:Australia|Australian|Australians|Canberra|Sydney|Melbourne|Queensland|AUD)\b|\bA\$"
        ),
    ),
    ("NZD", re.compile(r"\b(?:New Zealand|Wellington|Auckland|NZD)\b|\bNZ\$")),
    ("HKD", re.compile(r"\b(?:Hong Kong|HKD)\b|\bHK\$")),
    ("SGD", re.compile(r"\b(?:Singapore|Singaporean|SGD)\b|\bS\$")),
    ("TWD", re.compile(r"\b(?:Taiwan|Taiwanese|Taipei|TWD)\b|\bN?T\$")),
)
_US: Final = re.compile(
    r"\b(?:U\.S\.|US|USA|United States|America|American|Americans|Washington|USD)\b|\bUS\$"
)
_BARE_DOLLAR: Final = re.compile(r"(?<![A-Za-z])\$|(?<!US )\bdollars?\b")


def dollar_code(text: str, source: str | None = None) -> str:
    """The currency of a bare "$" on this page: the US dollar unless the page (its
    text or its site's name) is about a country with its own dollar; "$" when
    the text names such a country more often than the United States, but not
    overwhelmingly."""
    where = f"{source or ''} {source or ''} {text}"  # the site's own name counts twice
    best, most = "USD", 0
    for code, pattern in _DOLLAR_COUNTRIES:
        n = len(pattern.findall(where))
        if n > most:
            best, most = code, n
    if most < 2:
        return "USD"
    us = len(_US.findall(where))
    if us == 0 or most >= 3 * us:
        return best
    return "$" if most > us else "USD"


def _yen_code(text: str) -> str:
    """``¥`` is yen in Japanese contexts and yuan in Chinese ones."""
    return "CNY" if len(_CHINA.findall(text)) > len(_JAPAN.findall(text)) else "JPY"


_AGO: Final = re.compile(r"\s+ago\b")
_MEASURE_UNITS: Final = frozenset(
    """mile kilometer kilometre km meter metre m foot feet yard inch centimeter cm mm pound lb
    kilogram kg gram ounce oz ton tonne acre hectare ha gallon litre liter mph km/h""".split()
)
_CASUALTY_NEAR: Final = re.compile(r"\b(?:kill|dead|die|death|injur|wound|hurt|missing)", re.I)
_FROM_BEFORE: Final = re.compile(r"\bfrom\s+$")
_NARRATIVE_TIME: Final = re.compile(r",?\s+(?:later|earlier|afterwards|on|into)\b", re.I)
_IDIOM_AFTER: Final = re.compile(
    r"[”\"’']?\s+(?:certain|sure|confident|committed|behind|right|wrong|true|correct|convinced"
    r"|fit|focused|happy|honest|serious|guaranteed)\b",
    re.I,
)


def _score(q: Quantity, sentence: str, position: float, measured: bool, lead: bool) -> float:
    score = _BASE[q.kind] + (0.3 if lead else 0.0)
    if q.kind == "money":
        score += min(0.8, math.log10(max(abs(q.value), 1.0)) / 14)
    elif q.kind in ("count", "number"):
        magnitude = math.log10(max(abs(q.value), 1.0))
        score += min(1.2, magnitude / 7)
        if q.scaled:
            score += 0.4
        if q.unit == "person" and _CASUALTY_NEAR.search(sentence, max(0, q.start - 40), q.end + 40):
            score += 0.5  # the dead and injured are the news
    elif q.kind == "percent":
        window = sentence[max(0, q.start - 40) : q.end + 25]
        if _CHANGE_NEAR.search(window):
            score += 0.8
    elif q.kind == "duration" and _AGO.match(sentence[q.end :]):
        score -= 0.6
    elif q.kind == "duration" and _NARRATIVE_TIME.match(sentence, q.end):
        score -= 0.5  # "Two months later", "three years on": the story's clock
    if q.kind == "percent" and _IDIOM_AFTER.match(sentence, q.end):
        score -= 1.5  # "100% certain", "110% committed": a way of speaking
    if _FROM_BEFORE.search(sentence[max(0, q.start - 6) : q.start]):
        score -= 0.4  # the old value of a change: "rose to $11bn from $10bn"
    if q.approx in _EMPHASIS:
        score += 0.3
    if q.spelled and not q.scaled:
        score -= 0.3  # "three key reasons": small counts written out
        if q.kind == "percent":
            score -= 0.4  # "half of all pensioners" after the exact percentages
    if q.weak:
        score -= 0.6  # "the two men": a count given before
    if measured:
        score += 0.2
    # Earlier is more important in news writing, but only mildly.
    return score - 0.5 * position


_CONVERSION_GAP: Final = re.compile(
    r"\s*(?:\(|,|;|—|–|-|or)\s*(?:about|around|roughly|some|approx\.?)?\s*"
)


def _is_conversion(sentence: str, prev: Quantity | None, q: Quantity) -> bool:
    """``q`` restates ``prev`` in another currency or unit: "59.9 yuan (US$8.18)",
    "100 meters (330 feet)"."""
    if prev is None or prev.unit == q.unit or prev.kind != q.kind:
        return False
    between = sentence[prev.end : q.start]
    if q.kind != "money":
        # Measurements only, in brackets: "20 kilometers (12 miles)".
        return q.kind == "count" and between.strip() == "(" and q.unit in _MEASURE_UNITS
    return bool(_CONVERSION_GAP.fullmatch(between))


def extract_figures(doc: Document) -> list[Figure]:
    """The key figures of ``doc``, most important first."""
    if not doc.sentences:
        return []
    text = doc.text
    yen = _yen_code(text) if "¥" in text else "JPY"
    dollar = dollar_code(text, doc.meta.source) if "$" in text or "dollar" in text else "USD"
    total = len(doc.sentences)
    first_paragraph = doc.sentences[0].paragraph  # the lead
    candidates: list[_Candidate] = []
    # A figure mentioned again is listed once; "half" and "50%" are not the same mention.
    seen: dict[tuple[float, str | None, bool], int] = {}
    # A paragraph full of one kind of figure is a table in prose: its second,
    # third... figure of a kind count for less, so the top of the list is varied.
    paragraph = -1
    same_kind: dict[str, int] = {}
    for index, sentence in enumerate(doc.sentences):
        words = has_number_words(sentence.text)
        if not words and not _DIGIT.search(sentence.text):
            continue
        if sentence.paragraph != paragraph:
            paragraph, same_kind = sentence.paragraph, {}
        prev: Quantity | None = None
        prev_index = -1
        prev_noun = ""
        for q in read_quantities(sentence.text, yen, words):
            key = (round(q.value, 6), q.unit, q.spelled)
            conversion = _is_conversion(sentence.text, prev, q)
            if prev is not None and prev.noun_start >= 0:
                prev_noun = sentence.text[prev.noun_start : prev.noun_end]
            elif prev is not None and prev.noun:
                prev_noun = prev.noun
            prev = q
            if key in seen:
                prev_index = seen[key]
                continue  # the same figure again: keep the first mention
            if conversion and prev_index >= 0:
                measures = candidates[prev_index].figure.measures
            else:
                shared = prev_noun if q.noun_start < 0 and not q.noun else ""
                # The sentence before, after a newline, and the text before it:
                # who "he" is ("Anton Varga ... Varga kept tools at his home").
                before = ""
                if index > 0:
                    last = doc.sentences[index - 1]
                    earlier = text[max(0, last.start - _CONTEXT_CHARS) : last.start]
                    before = f"{earlier}\n{last.text}"
                measures = measures_for(sentence.text, q, before, shared)
            unit = q.unit
            if unit == "USD" and dollar != "USD" and _BARE_DOLLAR.search(q.text):
                unit = dollar
            figure = Figure(
                text=q.text,
                value=q.value,
                unit=unit,
                measures=measures,
                sentence=sentence.text,
                start=sentence.start + q.start,
                end=sentence.start + q.end,
                qualifier=_QUALIFIERS.get(q.approx or "")
                or (
                    candidates[prev_index].figure.qualifier
                    if conversion and prev_index >= 0
                    else None
                ),
                value_high=q.high,
            )
            lead = sentence.paragraph == first_paragraph
            score = _score(q, sentence.text, index / total, bool(measures), lead)
            repeats = same_kind.get(q.kind, 0)
            score -= 0.25 * min(repeats, 4)
            if not q.weak:  # "nearly a quarter of workers" is not a row of a table
                same_kind[q.kind] = repeats + 1
            candidate = _Candidate(figure, score, len(candidates))
            if conversion and prev_index >= 0:
                candidate.follows = prev_index
            seen[key] = len(candidates)
            prev_index = len(candidates)
            candidates.append(candidate)
    return _ranked(candidates)[:MAX_FIGURES]


def _ranked(candidates: list[_Candidate]) -> list[Figure]:
    leaders = sorted((c for c in candidates if c.follows < 0), key=lambda c: (-c.score, c.order))
    followers: dict[int, list[_Candidate]] = {}
    for c in candidates:
        if c.follows >= 0:
            followers.setdefault(c.follows, []).append(c)
    # A figure's first restatement in another currency or unit follows it; a
    # second one ("1bn euros ($1.3bn; £690m)": the £690m) waits until the end.
    out: list[Figure] = []
    later: list[Figure] = []
    for c in leaders:
        _emit(c, followers, out, later)
    return out + later


def _emit(
    c: _Candidate, followers: dict[int, list[_Candidate]], out: list[Figure], later: list[Figure]
) -> None:
    """``c``'s figure, then its first follower (followed by its own) into ``out``;
    a conversion of a conversion into ``later``. (A module function: a nested
    recursive one would make a reference cycle per article, left for the
    garbage collector.)"""
    out.append(c.figure)
    for f in followers.get(c.order, []):
        _emit(f, followers, later if c.follows >= 0 else out, later)
