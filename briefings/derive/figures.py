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
    sentence: int = -1  # index of the sentence of its first mention
    repeats: int = 0  # later mentions in other sentences that raised its score


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


#: A closing paragraph that profiles an organisation, not the story: "About the
#: agency", "AMO operates 240 aircraft", "X is the world's largest ...".
_ABOUT_OPENING: Final = re.compile(r"(?:About|ABOUT)\s+[A-Z\w]")
_PROFILE: Final = re.compile(
    r"\b(?:is|are)\s+(?:a|an|the|one\s+of\s+the)\s+(?:\w+\s+){0,3}?(?:leading|largest|biggest"
    r"|world's|world’s|nation's|nation’s|country's|country’s)\b"
    r"|\b(?:founded|established|headquartered)\s+in\b|\boperat(?:es|ing)\s+(?:throughout|across|in)\b"
    r"|\bconducts\s+its\s+mission\b|\bemploys\b|\bfor\s+more\s+information\b",
    re.I,
)
#: Hyphenated durations that qualify a statistic and count nothing themselves:
#: "a seven-day rate of 65.2", "the 30-day average".
_STATISTIC_NOUNS: Final = frozenset(
    "rate average mean total high low median window period incidence trend".split()
)


#: Figures of the whole world or of humanity: background in a story about a
#: place, a company or a person.
_GLOBAL: Final = re.compile(
    r"\b(?:humanity|mankind|(?:world|earth|planet)(?:'s|’s)\s+(?:population|cities|people|land)"
    r"|(?:world|global)\s+population|population\s+of\s+the\s+world)(?!\w)",
    re.I,
)


def _inside_quote(paragraph: str, at: int) -> bool:
    """Whether position ``at`` of a paragraph is inside quotation marks."""
    head = paragraph[:at]
    curly = head.count("“") - head.count("”")
    if curly > 0:
        return True
    return head.count('"') % 2 == 1


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


#: Between the old and the new value of a change: "from €2.2m [in 2023] to €3.6m".
_CHANGE_TO: Final = re.compile(r",?\s+(?:in\s+\d{4}\s+|last\s+year\s+)?to\s+")
#: The approximator a measure carries at its end: "price per unit (approximately)".
_QUALIFIER_NOTE: Final = re.compile(r"\s*\([a-z ]+\)$")
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
    # A figure of the headline is the story's own.
    title = doc.meta.title or ""
    lead_text = doc.paragraphs[first_paragraph].text
    headline_values = {round(q.value, 6) for q in read_quantities(title, yen)} if title else set()
    background = _background_paragraphs(doc)
    # A story about the world itself keeps its world figures.
    global_ok = not _GLOBAL.search(f"{title} {lead_text}")
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
        para = doc.paragraphs[sentence.paragraph]
        for q in read_quantities(sentence.text, yen, words):
            if q.kind == "duration" and _is_statistic(q.text):
                continue  # "a seven-day rate": says which rate, counts nothing
            if q.kind == "duration" and _AGE_AFTER.match(sentence.text, q.end):
                continue  # "Nineteen years old is too young": an age
            if _EMERGENCY.match(q.text):
                continue  # "the 911 audio": a phone number
            key = (round(q.value, 6), q.unit, q.spelled)
            conversion = _is_conversion(sentence.text, prev, q)
            # "rose from €2.2m in 2023 to €3.6m in 2024": the new value of a change.
            change_to = bool(
                prev is not None
                and prev.kind == q.kind
                and prev.unit == q.unit
                and _CHANGE_TO.fullmatch(sentence.text, prev.end, q.start)
                and _FROM_BEFORE.search(sentence.text[max(0, prev.start - 6) : prev.start])
            )
            if prev is not None and prev.noun_start >= 0:
                prev_noun = sentence.text[prev.noun_start : prev.noun_end]
            elif prev is not None and prev.noun:
                prev_noun = prev.noun
            prev = q
            if key in seen:
                prev_index = seen[key]
                first = candidates[prev_index]
                if first.sentence != index and first.repeats < 2 and not q.weak:
                    # Mentioned again in another sentence: the story turns on it.
                    first.repeats += 1
                    first.score += 0.25
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
                old = candidates[prev_index].figure.measures if prev_index >= 0 else ""
                if (
                    change_to
                    and old
                    and (not measures or _DIGIT.search(measures))
                    and not _DIGIT.search(old)
                ):
                    # the same quantity as the value it changed from, when its own
                    # reading found nothing or only a year ("amount 2023")
                    measures = _QUALIFIER_NOTE.sub("", old)
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
            # The story's own figures before background ones.
            if q.weak and q.spelled and q.value <= 3 and not q.scaled:
                score -= 1.2  # "the two main candidates": the story's cast, not a figure of it
            if change_to:
                score += 0.3  # the value a change led to, before the one it came from
            if round(q.value, 6) in headline_values:
                score += 0.8
            if global_ok and _GLOBAL.search(sentence.text):
                score -= 1.2  # "half of humanity lives in cities": background to a local story
            if sentence.paragraph in background:
                score -= 1.2
            if _inside_quote(para.text, sentence.start - para.start + q.start):
                score -= 0.3
            repeats = same_kind.get(q.kind, 0)
            score -= 0.25 * min(repeats, 4)
            if not q.weak:  # "nearly a quarter of workers" is not a row of a table
                same_kind[q.kind] = repeats + 1
            candidate = _Candidate(figure, score, len(candidates), sentence=index)
            if conversion and prev_index >= 0:
                candidate.follows = prev_index
            seen[key] = len(candidates)
            prev_index = len(candidates)
            candidates.append(candidate)
    return _ranked(candidates)[:MAX_FIGURES]


_AGE_AFTER: Final = re.compile(r"\s+(?:old|of\s+age)\b")
_EMERGENCY: Final = re.compile(
    r"(?:911|999|112)\s+(?:calls?|audio|dispatch\w*|operators?|tapes?|recordings?|cent(?:er|re)s?"
    r"|lines?)\b",
    re.I,
)


def _is_statistic(text: str) -> bool:
    """ "seven-day rate", "30-day average": a hyphenated duration before a statistic."""
    if "-" not in text:
        return False
    last = text.rsplit(None, 1)[-1].lower()
    return last in _STATISTIC_NOUNS


def _background_paragraphs(doc: Document) -> set[int]:
    """Paragraphs that profile an organisation rather than tell the story: those
    under an "About X" heading, or among the last two that open with "About X"
    or describe what an organisation is, employs or operates."""
    out: set[int] = set()
    paragraphs = doc.paragraphs
    under_about = False
    for i, p in enumerate(paragraphs):
        if p.heading:
            under_about = bool(_ABOUT_OPENING.match(p.text))
        elif under_about:
            out.add(i)
    body = [i for i, p in enumerate(paragraphs) if not p.heading]
    if len(body) >= 4:
        for i in body[-2:]:
            text = paragraphs[i].text
            if _ABOUT_OPENING.match(text) or _PROFILE.search(text):
                out.add(i)
    return out


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


# ----------------------------------------------------------------------------
# Joining figures across articles: the same quantity, not only the same number.

#: Durations in days, so that "two years" and "18 months" can be compared.
DURATION_DAYS: Final = {
    "year": 365.25,
    "month": 30.44,
    "week": 7.0,
    "day": 1.0,
    "hour": 1 / 24,
    "minute": 1 / 1440,
}
_QUANTITY_WORD: Final = re.compile(r"[^\W\d_][\w’'-]*[^\W\d_]")
#: Words that say nothing about WHICH quantity a figure is: a shared "time" or
#: "share" does not make "time he spent in jail" and "time since the vote" one.
_NOT_NAMING: Final = frozenset(
    """the a an and or but for with from that this these those was were are is has have
    had its their his her him them they she he we our you your it over about more than less
    some per of to in on at by as into after before since during under up down out who which
    what when where while be been being will would can could may might must should not no
    time amount value money price cost total figure number sum level share rate period length
    proportion percentage per cent percent average annual monthly weekly daily yearly
    estimate estimated about around nearly almost least most just only also another other
    new extra additional further net gross combined record""".split()
)
#: Of the words that name a quantity, the share two measures must have in common.
SAME_QUANTITY_OVERLAP: Final = 0.5


def quantity_kind(f: Figure) -> tuple[str, float] | None:
    """(kind of quantity, factor to a common unit) of a figure, None without a value:
    every duration is one kind (in days), money is its currency, a count its noun."""
    if f.value is None:
        return None
    unit = (f.unit or "").casefold()
    base = unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
    if base in DURATION_DAYS:
        return ("duration", DURATION_DAYS[base])
    return (base, 1.0)


def quantity_words(measures: str) -> frozenset[str]:
    """The words of a measure that name its quantity: no function words, no
    generic heads ("time", "amount", "share"), plurals folded ("voters" ->
    "voter")."""
    out: set[str] = set()
    for m in _QUANTITY_WORD.finditer(measures.casefold()):
        w = m.group().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in _NOT_NAMING:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w)
    return frozenset(out)


def same_quantity(a: Figure, b: Figure) -> bool:
    """Whether two figures (of different articles) measure the same quantity: the
    same kind of unit (any two durations; one currency; one counted noun) and
    measures that mostly name the same things, beyond generic words. "18 months"
    of "time the inquiry took" and "two years" of "time since the vote" are not
    one quantity; "people killed in the attack" and "people injured in the
    attack" are not either (half their naming words differ)."""
    ka, kb = quantity_kind(a), quantity_kind(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    wa, wb = quantity_words(a.measures), quantity_words(b.measures)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared > 0 and shared / len(wa | wb) > SAME_QUANTITY_OVERLAP
