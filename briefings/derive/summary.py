"""Extractive summary: a handful of sentences in article order.

1. **Candidates**: body sentences that read as prose and stand on their own:
   6-70 words, ending in terminal punctuation, not a bare quotation (a quote
   with at most a short attribution; one attributed to a named speaker is
   kept), not page furniture (share/subscribe lines, captions, credits, URLs),
   and not opening on something that needs the sentence before it
   (``opens_badly``: a third-person pronoun, a connective such as "However,",
   a "Label:" or list heading, a question, a lower-case fragment, a pronoun
   subject after a short introductory phrase ("In a letter, she said"), a
   demonstrative reference ("Before these announcements")). A leading
   dateline ("LONDON (Reuters) -", "Islamabad, Pakistan (CNN)") is trimmed
   off the span.
2. **Score**: a linear scorer over features the article itself shows
   (``prepare``): rank among candidates, relative position, paragraph index and
   whether the sentence opens its paragraph, length (linear, squared, log),
   TextRank centrality (PageRank over the word-overlap graph) and the rank it
   gives among candidates, term density and a term-frequency score, similarity
   to the centroid, the title and the opening sentences, shares of digits,
   capitalised words and quoted text, and interactions of position, length and
   centrality with the article's size (log of its sentences) and its sentences
   per paragraph. Two sets of weights: one for articles in paragraphs, one
   for a body that is a single unbroken block of text (no paragraph breaks at
   all, as in wire copy or text pasted from a feed), where paragraph position
   says nothing and the order of the text carries more of the news. The
   choice is made from the body's structure only; no outlet is named anywhere.
3. **Selection** by maximal marginal relevance, so a near-repeat of a picked
   sentence loses to the next best new one; the picks are returned in article
   order.
4. **Names** (``with_full_names``): a person's first mention in the summary
   that is a bare family name ("Okafor said") or an honorific and the family
   name ("Mr Okafor") is written with the full name the article gave earlier
   ("Ada Okafor said"), from the entity layer's alias chains (``full_names``).
   Nothing else is rewritten (quotations never); the offsets stay those of the
   sentence in the article, and ``shown_as`` tells the two apart.

``WEIGHTS`` and ``BLOCK_WEIGHTS`` were fitted offline by
``bench/train_summary.py`` (numpy, not a runtime dependency) on the tuning
parts only: the BBC summaries' even ids (extractive references; every BBC
article has paragraphs) and the CNN stories' tune part (editors' highlights;
every CNN story is one block of text). For each structure it takes the better
of a logistic fit of the greedy ROUGE oracle and a ridge fit of each
sentence's own ROUGE-1, then refines the weights by coordinate ascent on that
structure's tuning margin (BBC minus TextRank-3, CNN minus Lead-3 minus 1).
Numbers: ``python -m bench.quality --only cnn --only bbc``.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import chain
from operator import itemgetter
from typing import Final

from briefings.derive.chunks import read_chunks, register, sentence_chunks
from briefings.derive.document import Document, Sentence
from briefings.derive.entities import extract_entities
from briefings.derive.mentions import is_title
from briefings.derive.words import STOPWORDS, chunk_terms, content_terms
from briefings.models import Entity

#: Only the first sentences compete (centrality is quadratic in their number).
MAX_SENTENCES: Final = 200
MIN_WORDS: Final = 6
MAX_WORDS: Final = 70

FEATURES: Final = (
    "first candidate",
    "1/(1+rank among candidates)",
    "relative position",
    "1/(1+paragraph index)",
    "words/70",
    "(words/70)^2",
    "centrality",
    "term density",
    "similarity to the centroid",
    "similarity to the title",
    "similarity to the first two candidates",
    "share of words with digits",
    "share of capitalised words",
    "share inside quotes",
    "rank prior x log(sentences)/4",
    "rank prior x sentences per paragraph/3",
    "relative position x log(sentences)/4",
    "relative position x sentences per paragraph/3",
    "words x log(sentences)/4",
    "words x sentences per paragraph/3",
    "centrality x log(sentences)/4",
    "centrality x sentences per paragraph/3",
    "among the first three candidates",
    "first three x log(sentences)/4",
    "first three x sentences per paragraph/3",
    "first candidate x log(sentences)/4",
    "first sentence of its paragraph",
    "log(words)/4",
    "1/(1+rank by centrality among candidates)",
    "term frequency score (sum of term counts / terms^0.7, max 1)",
    "centrality x words/70",
    "terms shared with the first candidate / terms",
)
#: One weight per feature, fitted by bench/train_summary.py.
WEIGHTS: Final[tuple[float, ...]] = (
    -0.06398,  # first candidate
    0.09659,  # 1/(1+rank among candidates)
    0.003592,  # relative position
    -0.03523,  # 1/(1+paragraph index)
    -0.1453,  # words/70
    -1.1,  # (words/70)^2
    0.4427,  # centrality
    0.3677,  # term density
    -0.2645,  # similarity to the centroid
    -0.01005,  # similarity to the title
    0.008792,  # similarity to the first two candidates
    0.1645,  # share of words with digits
    -0.02045,  # share of capitalised words
    0.06415,  # share inside quotes
    -0.09589,  # rank prior x log(sentences)/4
    -0.006255,  # rank prior x sentences per paragraph/3
    0.02767,  # relative position x log(sentences)/4
    0.001013,  # relative position x sentences per paragraph/3
    0.9182,  # words x log(sentences)/4
    0.1585,  # words x sentences per paragraph/3
    -0.3656,  # centrality x log(sentences)/4
    -0.0474,  # centrality x sentences per paragraph/3
    -0.007901,  # among the first three candidates
    -0.002264,  # first three x log(sentences)/4
    0.01065,  # first three x sentences per paragraph/3
    0.06349,  # first candidate x log(sentences)/4
    -0.001308,  # first sentence of its paragraph
    -0.001169,  # log(words)/4
    -0.002966,  # 1/(1+rank by centrality among candidates)
    0.03934,  # term frequency score (sum of term counts / terms^0.7, max 1)
    0.9355,  # centrality x words/70
    0.01816,  # terms shared with the first candidate / terms
)
REDUNDANCY_WEIGHT: Final = 0.0
#: The weights for an article whose body is one unbroken block of text (no
#: paragraph breaks), where paragraph structure says nothing.
BLOCK_WEIGHTS: Final[tuple[float, ...]] = (
    -0.07802,  # first candidate
    0.2673,  # 1/(1+rank among candidates)
    -0.2135,  # relative position
    0.0,  # 1/(1+paragraph index)
    -1.0,  # words/70
    0.05972,  # (words/70)^2
    -0.136,  # centrality
    0.2247,  # term density
    0.1192,  # similarity to the centroid
    0.01249,  # similarity to the title
    -0.05215,  # similarity to the first two candidates
    0.1575,  # share of words with digits
    0.008344,  # share of capitalised words
    -0.03739,  # share inside quotes
    0.3108,  # rank prior x log(sentences)/4
    -0.1022,  # rank prior x sentences per paragraph/3
    0.06972,  # relative position x log(sentences)/4
    0.08449,  # relative position x sentences per paragraph/3
    -0.05155,  # words x log(sentences)/4
    0.2921,  # words x sentences per paragraph/3
    -0.06765,  # centrality x log(sentences)/4
    0.09279,  # centrality x sentences per paragraph/3
    0.3429,  # among the first three candidates
    -0.1254,  # first three x log(sentences)/4
    -0.1346,  # first three x sentences per paragraph/3
    -0.1281,  # first candidate x log(sentences)/4
    0.0002222,  # first sentence of its paragraph
    0.2454,  # log(words)/4
    0.000811,  # 1/(1+rank by centrality among candidates)
    0.04631,  # term frequency score (sum of term counts / terms^0.7, max 1)
    0.143,  # centrality x words/70
    0.0326,  # terms shared with the first candidate / terms
)
BLOCK_REDUNDANCY_WEIGHT: Final = 0.3
#: A candidate this similar to a picked sentence is a near-repeat and never picked.
NEAR_REPEAT: Final = 0.7

#: A double-quoted passage within one paragraph (it may span sentences). A
#: straight quote opens after a space and closes before one (or punctuation),
#: so an unclosed quotation does not pair with the next one's opening mark.
#: (The character before a straight opening mark is checked in ``_quote_spans``.)
_QUOTE_SPAN: Final = re.compile(r"“[^“”\n]*”|\"(?=[^\s\"])[^\"\n]*(?<=\S)\"(?![^\s.,;:!?)\]—–-])")
_BEFORE_OPENING: Final = frozenset(" \t\n\u00a0([—–-")
_QUOTED: Final = re.compile(r"[\"“][^\"“”]*[\"”]|(?<!\w)[‘'][^‘’']{6,}[’'](?!\w)")
_OPEN_QUOTE: Final = "\"“‘'"
#: A sentence ends in one of these, then any closing quotes or brackets.
_TERMINAL_MARKS: Final = frozenset(".!?…")
_CLOSERS: Final = "\"'”’)]"
_DATELINE: Final = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s*[A-Z][\w.]*(?:\s[A-Z]?[\w.]*)?)?\s*"
    r"(?:\([\w .&-]{1,30}\)\s*)?[-–—:]\s+)"
)
#: A news-agency dateline glued to the first sentence of a paragraph:
#: "Islamabad, Pakistan (CNN)Pakistani officials ...", "(AP) -- The ...". The
#: place is a few capitalised words; the outlet one to four words without
#: digits or hyphens (so "Sen. Lee (R-Fla.) Monday" is no dateline).
_OUTLET_DATELINE: Final = re.compile(
    r"(?:[A-Z][\w.'’]*(?:,? [A-Z][\w.'’]*){0,4} ?)?\([A-Za-z][A-Za-z.&'’]*(?: [A-Za-z.&'’]+){0,3}\)"
    r"(?: ?[-–—]{1,2})? ?(?=[\"“‘A-Z0-9])"
)
_FURNITURE: Final = re.compile(
    r"https?://|www\.|@\w+\.\w|\b(?:subscribe|newsletter|sign up|click here|follow us|"
    r"all rights reserved|copyright|photo(?:graph)? by|image credit|getty images|"
    r"read more|related:|advertisement)\b",
    re.I,
)

#: A link's call to the reader ("Read the full report here ."): page furniture.
_CALL_TO_ACTION: Final = re.compile(
    r"(?:Read|Watch|Listen to|Click|Tap|Download|Scroll down)\s+(?:the|our|this|more|here|"
    r"full|a|an|his|her|their|it)\b"
)
_CALL_TO_ACTION_WORDS: Final = 15


def tokens(text: str) -> list[str]:
    """The comparison terms of a sentence (also used by the BBC baselines)."""
    return content_terms(text)


_TERMS: Final = itemgetter(register(chunk_terms))


def _chunk_tokens(chunks: list[tuple[object, ...]]) -> list[str]:
    """``tokens`` of a sentence, from its chunk records."""
    return list(chain.from_iterable(map(_TERMS, chunks)))


def _dateline_end(text: str, opens_paragraph: bool = False) -> int:
    m = _DATELINE.match(text)
    if m is None and opens_paragraph:
        m = _OUTLET_DATELINE.match(text)
    return m.end() if m else 0


_LATIN_WORD: Final = re.compile(r"[A-Za-z]+")


def is_bare_quote(text: str) -> bool:
    """True when a sentence is only a quotation, or a quotation and a short
    attribution of at most three words."""
    return _bare_quote(text) is not None


def _bare_quote(text: str) -> list[str] | None:
    """The words outside the quotation of a bare quote (see ``is_bare_quote``),
    or None when ``text`` is not one."""
    stripped = text.strip()
    if not stripped or stripped[0] not in _OPEN_QUOTE:
        return None
    rest = _QUOTED.sub(" ", stripped)
    if rest.strip() and rest.lstrip()[0] in _OPEN_QUOTE:
        # An unclosed quotation that runs to the sentence end.
        return []
    # What is left is at most a short attribution ("she said", "Ms Lee added").
    words = _LATIN_WORD.findall(rest)
    return words if len(words) <= 3 else None


def _named_attribution(words: list[str]) -> bool:
    """A quote's short attribution names its speaker ("said Ms Lee"), not a pronoun."""
    return any(w[0].isupper() for w in words) and not any(
        w.lower() in _PERSONAL_PRONOUNS for w in words
    )


#: Lower-case text that every ``_FURNITURE`` match contains: on ASCII text, a
#: sentence with none of these cannot match, so the regex is not run on it.
_FURNITURE_HINTS: Final = (
    "http",
    "www.",
    "@",
    "subscribe",
    "newsletter",
    "sign up",
    "click here",
    "follow us",
    "all rights reserved",
    "copyright",
    "photo",
    "image credit",
    "getty images",
    "read more",
    "related:",
    "advertisement",
)


def _furniture(text: str) -> bool:
    if text.isascii():
        low = text.lower()
        if not any(hint in low for hint in _FURNITURE_HINTS):
            return False
    return _FURNITURE.search(text) is not None


_PERSONAL_PRONOUNS: Final = frozenset("he she they it we i you".split())
#: Third-person pronouns that open a sentence only when it continues the one before.
_PRONOUNS: Final = frozenset(
    "he she it they his her its their him them hers theirs he's she's it's they're they've "
    "they'd he'd she'd it'd they'll he'll she'll it'll".split()
)
_DEMONSTRATIVES: Final = frozenset("this that these those".split())
#: After a demonstrative, these make it a pronoun ("This is", "That was").
_VERBS_AFTER_DEMONSTRATIVE: Final = frozenset(
    "is was are were has have had will would could can may might must should does did "
    "means meant comes came includes included led made makes follows followed".split()
)
_CONNECTIVES: Final = frozenset(
    "however but and or so yet also still meanwhile moreover furthermore nevertheless "
    "nonetheless instead besides thus therefore hence otherwise indeed then consequently "
    "similarly likewise additionally plus".split()
)
_CONNECTIVE_PHRASES: Final = (
    "in addition",
    "as a result",
    "even so",
    "that said",
    "on the other hand",
    "in contrast",
    "by contrast",
    "at the same time",
    "for his part",
    "for her part",
    "for their part",
    "in turn",
    "after that",
)
_FIRST_WORD: Final = re.compile(r"[\"'“‘(\[]*([A-Za-z][A-Za-z'’]*)")
#: "Anchor: ...", "Editor's note: ...": one to three words and a colon.
_LABEL: Final = re.compile(r"[\"'“‘]?[A-Z][\w'’.&-]*(?: [\w'’.&-]+){0,2}:\s")
_SPEECH_IN_LABEL: Final = re.compile(r"\b(?:said|says|told|added|wrote|asked)\b", re.I)
_LIST_ITEM: Final = re.compile(r"(?:\d{1,2}|[a-z])[.)]\s")
#: A short introductory phrase (no quotation) and a pronoun subject after its
#: comma: "In a letter, she said ...", "On Tuesday, they ...".
_INTRO_PRONOUN: Final = re.compile(
    r"[A-Z][^,\"“”;:]{0,60}?,\s+(?:he|she|they|his|her|their)\b(?![-'’])", re.I
)
INTRO_WORDS: Final = 10
#: "These measures ...", "Before these announcements, ...", "Despite this, ...".
_DEMONSTRATIVE_NOUN: Final = re.compile(
    r"(?:(\w+) )?(?:this|these|those|such)(?: ([a-z][\w-]*)\b|\s*[,;])", re.I
)
_LEADING_PREPOSITIONS: Final = frozenset(
    "before after despite in with since during under following amid amidst by for of "
    "at on from given without beyond like unlike through against".split()
)
#: "This week", "this year": a time, not a reference to the sentence before.
_TIME_WORDS: Final = frozenset(
    "week weekend year month morning afternoon evening night summer winter spring autumn "
    "fall season century decade quarter day days weeks months years time "
    # a relative clause or a phrase, not a noun: "Those who ...", "such as"
    "who whom whose which that where as".split()
)


def _refers_back(head: str) -> bool:
    """``head`` (a sentence from its first word) has a pronoun subject after a
    short introductory phrase, or opens on a demonstrative reference."""
    m = _INTRO_PRONOUN.match(head)
    if m is not None and len(head[: m.end()].split()) <= INTRO_WORDS:
        return True
    d = _DEMONSTRATIVE_NOUN.match(head)
    if d is None:
        return False
    before = d.group(1)
    if before is not None and before.lower() not in _LEADING_PREPOSITIONS:
        return False
    noun = (d.group(2) or "").lower()
    return noun not in _TIME_WORDS and noun not in _VERBS_AFTER_DEMONSTRATIVE


def opens_badly(text: str) -> bool:
    """True when a sentence cannot stand alone in a summary: it opens on a
    third-person pronoun or a demonstrative pronoun ("This is"), on a connective
    ("However,", "But", "In addition"), on a "Label:" or in lower case, on a
    pronoun subject after a short introductory phrase ("In a letter, she said")
    or on a demonstrative reference ("These measures", "Before these
    announcements"), or it is a question, a list heading (ends in ":") or a
    numbered list item."""
    stripped = text.strip()
    if not stripped:
        return False
    end = stripped.rstrip(_CLOSERS + " ")
    if end.endswith("?") or end.endswith(":") or _LIST_ITEM.match(stripped):
        return True
    label = _LABEL.match(stripped)
    if label is not None and _SPEECH_IN_LABEL.search(label.group()) is None:
        return True
    first = _FIRST_WORD.match(stripped)
    if first is None:
        return False
    word = first.group(1)
    if word[0].islower():
        return True
    low = word.lower().replace("’", "'")
    if low in _PRONOUNS or low in _CONNECTIVES:
        return True
    head = stripped[first.start(1) : first.start(1) + 20].lower()
    for phrase in _CONNECTIVE_PHRASES:
        if head.startswith(phrase) and not head[len(phrase) : len(phrase) + 1].isalpha():
            return True
    if low in _DEMONSTRATIVES:
        after = stripped[first.end() :].split(None, 1)
        if not after or after[0].strip(",.;:").lower() in _VERBS_AFTER_DEMONSTRATIVE:
            return True
    return _refers_back(stripped[first.start(1) :])


def is_candidate(text: str, min_words: int = MIN_WORDS) -> bool:
    n = len(text.split())
    if n < min_words or n > MAX_WORDS:
        return False
    if min_words >= MIN_WORDS and text.rstrip().rstrip(_CLOSERS)[-1:] not in _TERMINAL_MARKS:
        return False
    if _furniture(text) or (
        n <= _CALL_TO_ACTION_WORDS and _CALL_TO_ACTION.match(text.lstrip()) is not None
    ):
        return False
    letters, upper = _letter_counts(text)
    if letters and upper > 0.6 * letters:
        return False  # shouted captions and banners
    return _speaker_shown(text)


def _speaker_shown(text: str) -> bool:
    """A sentence that opens with a quotation shows who speaks: it is not a bare
    quote (a quotation and at most a short attribution) without a named
    speaker, and the words right after its quotation are not a pronoun's cue
    ("“…,” she told reporters, and …")."""
    attribution = _bare_quote(text)
    if attribution is not None:
        return bool(attribution) and _named_attribution(attribution)
    stripped = text.strip()
    if stripped[:1] in _OPEN_QUOTE:
        after = _QUOTED.match(stripped)
        if after is not None:
            first = _LATIN_WORD.search(stripped, after.end())
            if (
                first is not None
                and not stripped[after.end() : first.start()].strip(" ,;:—–-")
                and first.group().lower() in _PERSONAL_PRONOUNS
            ):
                return False
    return True


_LETTERS: Final = string.ascii_letters.encode()
_UPPER: Final = string.ascii_uppercase.encode()


def _letter_counts(text: str) -> tuple[int, int]:
    """(letters, upper-case letters) in ``text``; ASCII by deletion, the rest per character."""
    if text.isascii():
        raw = text.encode("ascii")
        size = len(raw)
        return size - len(raw.translate(None, _LETTERS)), size - len(raw.translate(None, _UPPER))
    letters = [c for c in text if c.isalpha()]
    return len(letters), sum(c.isupper() for c in letters)


def _quote_spans(text: str, sentences: list[Sentence]) -> tuple[dict[int, int], dict[int, int]]:
    """The quotations that sentence boundaries cut, as two maps.

    ``openings``: sentence index -> where the quotation it starts inside opened,
    for the sentences that start mid-quotation: ``"It rose. We are glad," she
    said.`` -> the second. ``closings``: sentence index -> the end of the
    sentence that closes the quotation it ends inside, for the sentences that
    end mid-quotation: ``She said: "It rose. We are glad."`` -> the first."""
    openings: dict[int, int] = {}
    closings: dict[int, int] = {}
    if "“" not in text and '"' not in text:
        return openings, closings
    starts = None
    ends = None
    pos = 0
    while (m := _QUOTE_SPAN.search(text, pos)) is not None:
        opening = m.start()
        if (
            opening
            and text[opening] == '"'
            and text[opening - 1] not in _BEFORE_OPENING
            and not _glued_opening(text, opening)
        ):
            pos = opening + 1  # a closing mark: no quotation opens here
            continue
        pos = m.end()
        if starts is None or ends is None:
            starts = [s.start for s in sentences]
            ends = [s.end for s in sentences]
        first = bisect_right(starts, opening)
        for i in range(first, bisect_left(starts, pos)):
            openings[i] = opening
        # The sentences that end inside the quotation (the one it opens in
        # and any in its middle) reach on to the end of the one that closes it.
        last = bisect_left(ends, pos)
        if last < len(sentences):
            for i in range(max(first - 1, 0), last):
                if opening < ends[i] < pos:
                    closings[i] = ends[last]
    return openings, closings


def _glued_opening(text: str, at: int) -> bool:
    """The straight mark at ``at`` opens a quotation although no space comes
    before it: it follows a sentence's end and a capital follows it
    (``… she said."However, …``)."""
    return text[at - 1] in ".!?" and text[at + 1 : at + 2].isupper()


def _whole_quotes(
    text: str,
    picked: list[Sentence],
    openings: list[int],
    closings: list[int],
) -> list[Sentence]:
    """Picked sentences, each that starts mid-quotation (``openings``: where
    its quotation opened, or -1) widened back to the quotation's opening mark,
    and each that ends mid-quotation (``closings``: the end of the sentence
    that closes it, or -1) widened on to that end (absorbing picks it then
    covers)."""
    out: list[Sentence] = []
    for s, opening, closing in zip(picked, openings, closings, strict=True):
        if out and out[-1].end >= s.end:
            continue  # covered by the widened pick before it
        start = s.start
        end = s.end
        if opening >= 0:
            start = opening
            while out and out[-1].end > start:
                start = min(start, out.pop().start)
        if closing > end:
            end = closing
        if start != s.start or end != s.end:
            s = Sentence(text[start:end], start, end, s.paragraph)
        out.append(s)
    return out


def _unclosed_quotation(paragraph: str) -> int:
    """Where in ``paragraph`` a quotation opens that the paragraph does not close
    (a quotation running on into the next paragraph, whose speaker is named
    elsewhere), or -1."""
    if "“" in paragraph:
        last = paragraph.rfind("“")
        return last if "”" not in paragraph[last:] else -1
    if paragraph.count('"') % 2 == 1:
        last = paragraph.rfind('"')
        if last == 0 or paragraph[last - 1] in _BEFORE_OPENING:
            return last
    return -1


def _in_running_quotations(doc: Document, sentences: list[Sentence]) -> set[int]:
    """The sentences that lie inside a quotation running on past its paragraph:
    shown alone, they are somebody's words with nobody named."""
    out: set[int] = set()
    opened: dict[int, int] = {}
    for i, s in enumerate(sentences):
        if s.paragraph not in opened:
            para = doc.paragraphs[s.paragraph] if s.paragraph < len(doc.paragraphs) else None
            at = _unclosed_quotation(para.text) if para is not None else -1
            opened[s.paragraph] = -1 if para is None or at < 0 else para.start + at
        at = opened[s.paragraph]
        if at >= 0 and s.end > at:
            out.add(i)
    return out


def _trimmed(sentence: Sentence, opens_paragraph: bool = False) -> Sentence:
    cut = _dateline_end(sentence.text, opens_paragraph)
    if not cut:
        return sentence
    return Sentence(sentence.text[cut:], sentence.start + cut, sentence.end, sentence.paragraph)


def _centrality(bags: list[set[str]], iterations: int = 30) -> list[float]:
    """PageRank over the word-overlap graph (TextRank weights), scaled to max 1."""
    n = len(bags)
    logs = [math.log(len(b)) if len(b) > 1 else 0.0 for b in bags]
    edges: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    linked = [(j, bags[j], logs[j], edges[j]) for j in range(n) if logs[j]]
    for k, (i, bag, log, row) in enumerate(linked):
        for j, other, other_log, other_row in linked[k + 1 :]:
            overlap = len(bag & other)
            if overlap:
                w = overlap / (log + other_log)
                row.append((j, w))
                other_row.append((i, w))
    totals = [sum(w for _, w in row) for row in edges]
    rows = [[(j, w / totals[j]) for j, w in row] for row in edges]
    rank = [1.0] * n
    for _ in range(iterations):
        new = [0.15 + 0.85 * _weighted_sum(row, rank) for row in rows]
        change = 0.0
        for i in range(n):
            d = abs(new[i] - rank[i])
            if d > change:
                change = d
        rank = new
        if change < 1e-4:
            break
    top = max(rank, default=1.0) or 1.0
    return [r / top for r in rank]


def _weighted_sum(row: list[tuple[int, float]], rank: list[float]) -> float:
    """The sum of ``rank[j] * w`` over ``row``, added in order (as ``sum`` does)."""
    total = 0.0
    for j, w in row:
        total += rank[j] * w
    return total


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


class Prepared:
    """An article's summary candidates and the features the scorer weighs."""

    __slots__ = ("bags", "block", "closings", "features", "ok", "openings", "sentences")

    def __init__(
        self,
        sentences: list[Sentence],
        ok: list[bool],
        openings: dict[int, int],
        bags: list[set[str]],
        features: list[list[float]],
        block: bool = False,
        closings: dict[int, int] | None = None,
    ) -> None:
        self.sentences = sentences
        self.block = block
        self.ok = ok
        self.openings = openings
        self.closings: dict[int, int] = closings if closings is not None else {}
        self.bags = bags
        self.features = features


def _quote_share(text: str) -> float:
    if '"' not in text and "“" not in text and "‘" not in text and "'" not in text:
        return 0.0
    inside = sum(m.end() - m.start() for m in _QUOTED.finditer(text))
    return min(1.0, inside / max(1, len(text)))


def _shares(text: str) -> tuple[float, float]:
    """(words with a digit, capitalised words after the first) per word."""
    words = text.split()
    if not words:
        return 0.0, 0.0
    digits = 0
    capitals = 0
    for n, w in enumerate(words):
        if any(c.isdigit() for c in w):
            digits += 1
        elif n and w[0].isupper():
            capitals += 1
    return digits / len(words), capitals / len(words)


def _cut_curly(text: str, end: int, shown: str) -> bool:
    """``shown`` (a sentence ending at ``end``) leaves a curly quotation open that
    its paragraph closes later: one with another inside it (“… “x” …”), which
    ``_quote_spans`` does not read."""
    if shown.count("“") <= shown.count("”"):
        return False
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)]
    close = after.find("”")
    return close >= 0 and not 0 <= after.find("“") < close


def _widened(
    text: str, s: Sentence, openings: dict[int, int], closings: dict[int, int], i: int
) -> str:
    """Sentence ``i`` (``s``) with the parts of the quotations it cuts."""
    return text[openings.get(i, s.start) : max(closings.get(i, s.end), s.end)]


def _widened_ok(widened: str) -> bool:
    """A sentence shown with the whole of its quotation is still short, opens
    well and shows who speaks."""
    return (
        len(widened.split()) <= MAX_WORDS and not opens_badly(widened) and _speaker_shown(widened)
    )


def prepare(doc: Document) -> Prepared:
    """Candidates (``ok``) and their features (``FEATURES``; an empty row for a
    sentence that is not a candidate) of ``doc``."""
    sentences: list[Sentence] = []
    paragraph = -1
    for s in doc.sentences[:MAX_SENTENCES]:
        sentences.append(_trimmed(s, s.paragraph != paragraph))
        paragraph = s.paragraph
    if not sentences:
        return Prepared([], [], {}, [], [])
    chunks = sentence_chunks(doc)
    ok = [is_candidate(s.text) and not opens_badly(s.text) for s in sentences]
    running = _in_running_quotations(doc, sentences)
    for i in running:
        ok[i] = False
    # A sentence that starts or ends mid-quotation is shown with the whole
    # quotation, or not at all when that would be too long.
    openings, closings = _quote_spans(doc.text, sentences)
    for i in openings.keys() | closings.keys():
        if ok[i]:
            ok[i] = _widened_ok(_widened(doc.text, sentences[i], openings, closings, i))
    for i, s in enumerate(sentences):
        if ok[i] and i not in closings and _cut_curly(doc.text, s.end, s.text):
            ok[i] = False  # a quotation with one inside it, closed after the sentence
    if sum(ok) < 3:
        # Short or unusual articles: also accept short or unpunctuated sentences
        # (never one that opens badly: no summary is better than a misleading one).
        for i, s in enumerate(sentences):
            if (
                not ok[i]
                and i not in running
                and is_candidate(s.text, min_words=4)
                and not opens_badly(s.text)
            ):
                ok[i] = (i not in openings and i not in closings) or _widened_ok(
                    _widened(doc.text, s, openings, closings, i)
                )
    terms = [
        _chunk_tokens(chunks[i] if s is doc.sentences[i] else read_chunks(s.text))
        for i, s in enumerate(sentences)
    ]
    bags = [set(t) for t in terms]
    centrality = _centrality(bags)
    freq: Counter[str] = Counter(chain.from_iterable(terms))
    top_freq = max(freq.values(), default=1)
    norm = math.sqrt(sum(c * c for c in freq.values())) or 1.0
    lead: set[str] = set()
    for i in [j for j in range(len(sentences)) if ok[j]][:2]:
        lead |= bags[i]
    title = set(tokens(doc.meta.title or ""))
    n = len(sentences)
    paragraphs = len({s.paragraph for s in sentences})
    first_paragraph = sentences[0].paragraph
    size = math.log(n) / 4.0
    per_paragraph = min(n / paragraphs, 6.0) / 3.0
    features: list[list[float]] = []
    rank = 0
    candidates = [i for i in range(n) if ok[i]]
    by_centrality = sorted(candidates, key=lambda j: (-centrality[j], j))
    central_rank = dict(zip(by_centrality, range(len(by_centrality)), strict=True))
    frequency = [
        sum(map(freq.__getitem__, terms[i])) / len(terms[i]) ** 0.7 if terms[i] else 0.0
        for i in candidates
    ]
    top_frequency = max(frequency, default=0.0) or 1.0
    frequency_of = dict(zip(candidates, frequency, strict=True))
    first_bag = bags[candidates[0]] if candidates else set()
    for i, ts in enumerate(terms):
        if not ok[i]:
            # Never picked: no features (an empty row scores 0).
            features.append([])
            continue
        text = sentences[i].text
        density = sum(map(freq.__getitem__, ts)) / (top_freq * len(ts)) if ts else 0.0
        centroid = (
            sum(freq[t] for t in bags[i]) / (norm * math.sqrt(len(bags[i]))) if bags[i] else 0.0
        )
        position = 1.0 / (1.0 + rank)
        relative = i / n
        words = min(len(text.split()), MAX_WORDS) / MAX_WORDS
        digits, capitals = _shares(text)
        central = centrality[i]
        early = 1.0 if rank < 3 else 0.0
        first = 1.0 if rank == 0 else 0.0
        features.append(
            [
                first,
                position,
                relative,
                1.0 / (1.0 + sentences[i].paragraph - first_paragraph),
                words,
                words * words,
                central,
                density,
                centroid,
                _overlap(bags[i], title),
                _overlap(bags[i], lead),
                digits,
                capitals,
                _quote_share(text),
                position * size,
                position * per_paragraph,
                relative * size,
                relative * per_paragraph,
                words * size,
                words * per_paragraph,
                central * size,
                central * per_paragraph,
                early,
                early * size,
                early * per_paragraph,
                first * size,
                1.0 if i == 0 or sentences[i - 1].paragraph != sentences[i].paragraph else 0.0,
                math.log(len(text.split())) / 4.0,
                1.0 / (1.0 + central_rank[i]),
                frequency_of[i] / top_frequency,
                central * words,
                len(bags[i] & first_bag) / len(bags[i]) if bags[i] else 0.0,
            ]
        )
        rank += 1
    return Prepared(sentences, ok, openings, bags, features, paragraphs == 1, closings)


#: A capitalised word (a name's word); a possessive ending is read apart.
_NAME_WORD: Final = re.compile(r"[A-Z][\w’'-]*[\w]")
#: Honorifics that a full name replaces ("Mr Okafor" -> "Ada Okafor"); other
#: titles stay in front of it ("President Okafor" -> "President Ada Okafor").
_HONORIFICS: Final = frozenset("Mr Mrs Ms Miss Mx Mr. Mrs. Ms. Mx.".split())


def _name_shaped(word: str) -> bool:
    """A word that can be part of a person's name: each hyphenated part
    capitalised ("Jean-Pierre", not "Scrum-half"), not a common word."""
    return word.lower() not in STOPWORDS and all(p[:1].isupper() for p in word.split("-"))


def full_names(entities: list[Entity]) -> dict[str, str]:
    """One-word names of people -> their full names ("Okafor" -> "Ada Okafor"),
    from the entity layer's alias chains; a full name with a title in it is
    not used."""
    out: dict[str, str] = {}
    family: dict[str, list[str]] = {}
    for e in entities:
        if e.kind != "person" or " " not in e.name:
            continue
        words = e.name.split()
        if any(is_title(w) or not _name_shaped(w) for w in words):
            continue
        for alias in e.aliases:
            if " " not in alias and alias in words:
                out.setdefault(alias, e.name)
        family.setdefault(words[-1], []).append(e.name)
    # A family name the chains left apart ("Durst" beside "Ada Durst") when only
    # one person of the article has it.
    for word, full in family.items():
        if len(full) == 1 and word not in out:
            out[word] = full[0]
    return out


def _inside_quote(text: str) -> bool:
    """``text`` (a sentence up to some point) ends inside a quotation."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def with_full_names(doc: Document, picked: list[Sentence], names: dict[str, str]) -> list[Sentence]:
    """The picked sentences, each person's first mention in the summary written
    with the full name when it is a bare family name ("Okafor said" -> "Ada
    Okafor said") or an honorific and the family name ("Mr Okafor" -> "Ada
    Okafor"), and the article gives the full name before that sentence. Words
    inside a quotation stay as they are; the offsets stay those of the
    sentence in the article."""
    if not names:
        return picked
    out: list[Sentence] = []
    shown: list[str] = []
    for s in picked:
        text = s.text
        edits: list[tuple[int, int, str]] = []
        done: set[str] = set()
        for m in _NAME_WORD.finditer(text):
            word = m.group()
            end = m.end()
            if word.endswith(("'s", "’s")):
                word = word[:-2]  # a possessive: "Okafor's"
                end -= 2
            full = names.get(word)
            if full is None or full in done:
                continue
            done.add(full)
            start = m.start()
            if any(full in t for t in shown) or full in text[: start + len(full)]:
                continue  # introduced already (or this is the full name itself)
            found = doc.text.find(full)
            if found < 0 or found >= s.start:
                continue  # the article does not give the full name before here
            if text[end : end + 2].strip()[:1].isupper():
                continue  # part of a longer name ("Okafor Holdings")
            before = text[:start].rstrip()
            previous = before.rsplit(None, 1)[-1] if before else ""
            if (
                previous[:1].isupper()
                and previous[-1:] not in ",;:)"
                and previous.lower() not in STOPWORDS
                and not is_title(previous.rstrip("."))
            ):
                continue  # another name in front ("Bola Okafor")
            if _inside_quote(text[:start]):
                continue  # a quotation is shown as spoken
            if previous in _HONORIFICS or previous.rstrip(".") in _HONORIFICS:
                start = len(before) - len(previous)
            edits.append((start, end, full))
        for a, b, name in reversed(edits):
            text = text[:a] + name + text[b:]
        if edits:
            s = Sentence(text, s.start, s.end, s.paragraph)
        shown.append(text)
        out.append(s)
    return out


def shown_as(original: str, shown: str) -> bool:
    """``shown`` is the article's sentence ``original`` as a summary shows it:
    the same, or with names written in full (``with_full_names``: words added
    are capitalised, an honorific may go)."""
    if original == shown:
        return True
    words = [w for w in original.split() if w not in _HONORIFICS]
    i = 0
    for w in shown.split():
        if i < len(words) and w == words[i]:
            i += 1
        elif not w[:1].isupper():
            return False
    return i == len(words)


def summarise(doc: Document, k: int = 3, entities: list[Entity] | None = None) -> list[Sentence]:
    """Pick ``k`` summary sentences (fewer when the article has fewer), each
    person's first mention written with the full name (``with_full_names``;
    ``entities``: the article's entities, found here when not given)."""
    return _named(doc, _summarise(doc, k), entities)


def _named(doc: Document, picked: list[Sentence], entities: list[Entity] | None) -> list[Sentence]:
    if not picked:
        return picked
    if entities is None:
        entities = extract_entities(doc, [])
    return with_full_names(doc, picked, full_names(entities))


def _summarise(doc: Document, k: int) -> list[Sentence]:
    """Pick ``k`` summary sentences (fewer when the article has fewer)."""
    prepared = prepare(doc)
    sentences = prepared.sentences
    if not sentences:
        return []
    ok = prepared.ok
    bags = prepared.bags
    openings = prepared.openings
    weights = BLOCK_WEIGHTS if prepared.block else WEIGHTS
    redundancy_weight = BLOCK_REDUNDANCY_WEIGHT if prepared.block else REDUNDANCY_WEIGHT
    scores = [
        sum(w * x for w, x in zip(weights, row, strict=True)) if row else 0.0
        for row in prepared.features
    ]
    candidates = [i for i in range(len(sentences)) if ok[i]]
    # Maximal marginal relevance. ``redundancy[j]``: the largest overlap of j
    # with a picked sentence, kept up to date as sentences are picked.
    redundancy = dict.fromkeys(candidates, 0.0)
    picked: list[int] = []
    while candidates and len(picked) < k:
        best = max(candidates, key=lambda j: scores[j] - redundancy_weight * redundancy[j])
        picked.append(best)
        chosen = bags[best]
        remaining = []
        for j in candidates:
            if j != best:
                overlap = _overlap(bags[j], chosen)
                if overlap < NEAR_REPEAT:
                    remaining.append(j)
                    if overlap > redundancy[j]:
                        redundancy[j] = overlap
        candidates = remaining
    order = sorted(picked)
    closings = prepared.closings
    if not openings and not closings:
        return [sentences[i] for i in order]
    return _whole_quotes(
        doc.text,
        [sentences[i] for i in order],
        [openings.get(i, -1) for i in order],
        [closings.get(i, -1) for i in order],
    )
