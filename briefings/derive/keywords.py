"""Key phrases: a handful of topical phrases from the cleaned body.

A RAKE/YAKE-like scorer in pure Python:

1. **Candidates**: runs of one to three content words between stop words,
   punctuation and numbers, inside one sentence (so page furniture that the
   cleaning step removed never takes part, and a phrase never spans two
   sentences).
2. **Word weight**: how often the word's stem occurs, how widely it is spread
   over the sentences, and how early it first appears (news puts the topic up
   front).
3. **Phrase score**: the mean weight of its words, raised for phrases that
   recur as a whole and, mildly, for two- and three-word phrases.
4. **Near-duplicates** ("Acme" / "Acme Corp", "rate" / "rates") are merged:
   a phrase whose stems overlap a better one's is dropped.
"""

from __future__ import annotations

import itertools
import math
import re
from typing import Final

from briefings.derive.chunks import Record, read_chunks, register, sentence_chunks
from briefings.derive.document import Document
from briefings.derive.gazetteer import GIVEN_NAMES, MONTHS, SPEECH_VERBS, WEEKDAYS, word_set
from briefings.derive.words import STEM, STOPWORDS, Memo

MAX_KEYWORDS: Final = 8
MIN_KEYWORDS: Final = 5
MAX_PHRASE_WORDS: Final = 3

#: A web address, e-mail, file or code name ("example.com", "www.site.org/page",
#: "a@b.net", "window.location") is one token, and not a phrase word: read as
#: words, its pieces ("com", "www", "http", "href") leak into the key phrases.
_TOKEN: Final = re.compile(
    r"(?:[A-Za-z][A-Za-z+.-]*://)?[\w-]+(?:[./@][\w-]+)+/?"
    r"|[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\S"
)
#: The same without web addresses, for the chunks with no ".", "/" or "@" (most): faster.
_WORD_TOKEN: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\S")
#: Words that never make a key phrase: page furniture, reporting and hedging words.
_NOT_KEY: Final = word_set(
    """subscribe subscription newsletter click share comment comments advertisement read
    copyright photo image images video getty reuters afp caption credit follow sign email
    reporting report reported reports statement interview added according cent percent
    including include includes included expected likely recent recently currently today
    yesterday tomorrow ago later earlier whose among around like unlike several despite
    whether amid mr mrs ms dr also just much many long big small high low good bad key
    major latest new old next last previous early late able well due given number
    end start set top way use used using make made take taken want wanted need needed
    come came went look looked think thought know knew seem seemed become became help
    helped keep kept find found show showed shown told tell call called ask asked try tried
    move moved plan planned lead leading led put run running give including per former
    growing second third fourth fifth sixth seventh eighth ninth tenth younger older
    biggest largest million billion thousand hundred"""
)


def _usable(word: str) -> bool:
    low = word.lower()
    if len(low) < 3 and not (word.isupper() and len(word) >= 2):
        return False
    if not word[0].isalpha():
        return False
    if low in STOPWORDS or low in _NOT_KEY or low in SPEECH_VERBS:
        return False
    return word not in MONTHS and word not in WEEKDAYS and word not in GIVEN_NAMES


_JOINERS: Final = frozenset("./@:")


def _read_token(token: str) -> tuple[str, bool] | None:
    """A token as a phrase word: (word, ends the phrase), or ``None`` when it
    breaks the phrase (punctuation, numbers, stop words and other unusable words)."""
    if len(token) > 1 and any(c in _JOINERS for c in token):
        return None  # a web address or code name breaks the phrase
    word = token.replace("’", "'")
    possessive = word.endswith("'s")
    if possessive:
        word = word[:-2]
    if word[:1].isalpha() and _usable(word):
        return word, possessive  # a possessive ends the phrase
    return None


_READ_TOKEN: Final[Memo[str, tuple[str, bool] | None]] = Memo(_read_token)


def read_chunk(chunk: str) -> tuple[tuple[str, bool] | None, ...]:
    """The tokens of a chunk of text, read. No token spans white space, so a
    sentence's tokens are its chunks' tokens in order."""
    joined = "." in chunk or "/" in chunk or "@" in chunk
    tokens = (_TOKEN if joined else _WORD_TOKEN).findall(chunk)
    return tuple(map(_READ_TOKEN.__getitem__, tokens))


_READ: Final = register(read_chunk)


def _phrases(chunks: list[Record]) -> list[tuple[str, ...]]:
    """Runs of usable words in a sentence (its chunk records), split at anything
    else; long runs cut into windows."""
    runs: list[list[str]] = []
    current: list[str] = []
    for record in chunks:
        tokens: tuple[tuple[str, bool] | None, ...] = record[_READ]
        for token in tokens:
            if token is None:
                if current:
                    runs.append(current)
                    current = []
            else:
                word, ends = token
                current.append(word)
                if ends:
                    runs.append(current)
                    current = []
    if current:
        runs.append(current)
    out: list[tuple[str, ...]] = []
    for run in runs:
        if len(run) <= MAX_PHRASE_WORDS:
            out.append(tuple(run))
        else:
            out.extend(
                tuple(run[i : i + MAX_PHRASE_WORDS]) for i in range(len(run) - MAX_PHRASE_WORDS + 1)
            )
    return out


#: (start, end) of every sub-phrase of a run of n words: shorter ones first,
#: then left to right.
_SPANS: Final = {
    n: [(k, k + size) for size in range(1, n + 1) for k in range(n - size + 1)]
    for n in range(1, MAX_PHRASE_WORDS + 1)
}


def _sub_phrases(run: tuple[str, ...]) -> tuple[tuple[str, ...], _SubPhrases]:
    """A run's stems, and each of its sub-phrases (``_SPANS`` order) as its stems
    and its words as written."""
    stems = tuple(map(STEM.__getitem__, run))
    return stems, tuple((stems[a:b], " ".join(run[a:b])) for a, b in _SPANS[len(run)])


_SubPhrases = tuple[tuple[tuple[str, ...], str], ...]
#: run of words -> ``_sub_phrases(run)``: key phrases recur across articles.
_SUB_PHRASES: Final[Memo[tuple[str, ...], tuple[tuple[str, ...], _SubPhrases]]] = Memo(_sub_phrases)


def _mixed_case(phrase: str) -> bool:
    """ "Prince avoid", "manager Luciano": a capitalised word next to a
    lower-case one is two fragments, not a phrase ("AI chips", "Hong Kong" and
    "housing market" pass)."""

    def title(w: str) -> bool:
        return w[:1].isupper() and not w.isupper()

    return any(
        (title(a) and b[:1].islower()) or (a[:1].islower() and title(b))
        for a, b in itertools.pairwise(phrase.split())
    )


def _display(forms: dict[str, int]) -> str:
    """The phrase as written most often; lower case unless always capitalised."""
    form, _ = max(forms.items(), key=lambda kv: (kv[1], kv[0]))
    if all(f[:1].isupper() for f in forms) and not all(
        f.split()[0].lower() in STOPWORDS for f in forms
    ):
        return form
    return form if any(w.isupper() and len(w) > 1 for w in form.split()) else form.lower()


def extract_keywords(doc: Document) -> list[str]:
    sentences = sentence_chunks(doc)
    if not sentences:
        return []
    total = len(sentences)
    stem_of = STEM
    stem_count: dict[str, int] = {}
    stem_spread: dict[str, int] = {}  # sentences the stem occurs in
    stem_first: dict[str, int] = {}
    # Each distinct run once: how often it occurs, its first sentence, its sub-phrases.
    runs: dict[tuple[str, ...], list] = {}
    sub_phrases = _SUB_PHRASES
    for i, chunks in enumerate(sentences):
        seen: list[str] = []
        for run in _phrases(chunks):
            known = runs.get(run)
            if known is None:
                known = runs[run] = [0, i, sub_phrases[run]]
            known[0] += 1
            seen.extend(known[2][0])
        if seen:
            for st in seen:
                stem_count[st] = stem_count.get(st, 0) + 1
            fresh = set(seen)
            for st in fresh:
                stem_spread[st] = stem_spread.get(st, 0) + 1
            for st in fresh.difference(stem_first):
                stem_first[st] = i

    # Every sub-phrase of every run is a candidate: stems -> [count, first, forms].
    # Runs are visited in order of first occurrence, so candidates and their
    # forms are met in the order a scan of the text meets them.
    candidates: dict[tuple[str, ...], list] = {}
    for times, first, (_, subs) in runs.values():
        for key, form in subs:
            cand = candidates.get(key)
            if cand is None:
                candidates[key] = [times, first, {form: times}]
            else:
                cand[0] += times
                forms = cand[2]
                forms[form] = forms.get(form, 0) + times

    title = {stem_of[w] for run in _phrases(read_chunks(doc.meta.title or "")) for w in run}
    weights: dict[str, float] = {}

    def weight(st: str) -> float:
        w = weights.get(st)
        if w is None:
            spread = stem_spread[st] / total
            early = 1.0 / (1.0 + stem_first[st] / max(1, total) * 4)
            in_title = 1.5 if st in title else 1.0
            w = weights[st] = stem_count[st] * (0.5 + spread) * (0.5 + early) * in_title
        return w

    scored: list[tuple[float, int, tuple[str, ...], dict[str, int]]] = []
    for key, (count, first, forms) in candidates.items():
        n = len(key)
        if n > 1 and count < 2:
            continue  # a multi-word phrase must recur as a whole
        if n == 1 and stem_count[key[0]] < 2:
            continue
        if n > 1 and _mixed_case(max(forms, key=forms.__getitem__)):
            continue
        mean = sum(weight(st) for st in key) / n
        score = mean * math.log(1 + count) * (1.0 + 0.5 * (n - 1))
        scored.append((score, first, key, forms))
    scored.sort(key=lambda t: (-t[0], t[1]))
    picked: list[tuple[frozenset[str], dict[str, int]]] = []
    for _, _, key, forms in scored:
        mine = frozenset(key)
        if any(mine <= p or p <= mine for p, _ in picked):
            continue
        picked.append((mine, forms))
        if len(picked) == MAX_KEYWORDS:
            break
    return [_display(forms) for _, forms in picked]
