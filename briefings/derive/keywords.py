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
from collections import Counter
from dataclasses import dataclass

from briefings.derive.document import Document
from briefings.derive.gazetteer import GIVEN_NAMES, MONTHS, SPEECH_VERBS, WEEKDAYS, word_set
from briefings.derive.words import STOPWORDS, stem

MAX_KEYWORDS = 8
MIN_KEYWORDS = 5
MAX_PHRASE_WORDS = 3

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\S")
#: Words that never make a key phrase: page furniture, reporting and hedging words.
_NOT_KEY = word_set(
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


@dataclass(slots=True)
class _Candidate:
    stems: tuple[str, ...]
    forms: Counter[str]
    count: int = 0
    first: int = 0


def _usable(word: str) -> bool:
    low = word.lower()
    if len(low) < 3 and not (word.isupper() and len(word) >= 2):
        return False
    if not word[0].isalpha():
        return False
    if low in STOPWORDS or low in _NOT_KEY or low in SPEECH_VERBS:
        return False
    return word not in MONTHS and word not in WEEKDAYS and word not in GIVEN_NAMES


def _phrases(sentence: str) -> list[list[str]]:
    """Runs of usable words, split at anything else; long runs cut into windows."""
    runs: list[list[str]] = []
    current: list[str] = []
    for token in _TOKEN.findall(sentence):
        word = token.replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word[:1].isalpha() and _usable(word):
            current.append(word)
            if word != token.replace("’", "'"):
                runs.append(current)  # a possessive ends the phrase
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    out: list[list[str]] = []
    for run in runs:
        if len(run) <= MAX_PHRASE_WORDS:
            out.append(run)
        else:
            out.extend(
                run[i : i + MAX_PHRASE_WORDS] for i in range(len(run) - MAX_PHRASE_WORDS + 1)
            )
    return out


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


def _display(forms: Counter[str]) -> str:
    """The phrase as written most often; lower case unless always capitalised."""
    form, _ = max(forms.items(), key=lambda kv: (kv[1], kv[0]))
    if all(f[:1].isupper() for f in forms) and not all(
        f.split()[0].lower() in STOPWORDS for f in forms
    ):
        return form
    return form if any(w.isupper() and len(w) > 1 for w in form.split()) else form.lower()


def extract_keywords(doc: Document) -> list[str]:
    sentences = [s.text for s in doc.sentences]
    if not sentences:
        return []
    total = len(sentences)
    stem_count: Counter[str] = Counter()
    stem_sentences: dict[str, set[int]] = {}
    stem_first: dict[str, int] = {}
    candidates: dict[tuple[str, ...], _Candidate] = {}
    for i, text in enumerate(sentences):
        for run in _phrases(text):
            stems = tuple(stem(w.lower()) for w in run)
            for st in stems:
                stem_count[st] += 1
                stem_sentences.setdefault(st, set()).add(i)
                stem_first.setdefault(st, i)
            for n in range(1, len(run) + 1):
                for k in range(len(run) - n + 1):
                    key = stems[k : k + n]
                    cand = candidates.get(key)
                    if cand is None:
                        cand = candidates[key] = _Candidate(key, Counter(), 0, i)
                    cand.count += 1
                    cand.forms[" ".join(run[k : k + n])] += 1

    title = {stem(w.lower()) for run in _phrases(doc.meta.title or "") for w in run}

    def weight(st: str) -> float:
        spread = len(stem_sentences[st]) / total
        early = 1.0 / (1.0 + stem_first[st] / max(1, total) * 4)
        in_title = 1.5 if st in title else 1.0
        return stem_count[st] * (0.5 + spread) * (0.5 + early) * in_title

    scored: list[tuple[float, int, _Candidate]] = []
    for cand in candidates.values():
        n = len(cand.stems)
        if n > 1 and cand.count < 2:
            continue  # a multi-word phrase must recur as a whole
        if n == 1 and stem_count[cand.stems[0]] < 2:
            continue
        if n > 1 and _mixed_case(max(cand.forms, key=cand.forms.__getitem__)):
            continue
        mean = sum(weight(st) for st in cand.stems) / n
        score = mean * math.log(1 + cand.count) * (1.0 + 0.5 * (n - 1))
        scored.append((score, cand.first, cand))
    scored.sort(key=lambda t: (-t[0], t[1]))
    picked: list[_Candidate] = []
    for _, _, cand in scored:
        mine = set(cand.stems)
        if any(mine <= set(p.stems) or set(p.stems) <= mine for p in picked):
            continue
        picked.append(cand)
        if len(picked) == MAX_KEYWORDS:
            break
    return [_display(c.forms) for c in picked]
