"""Is this the same quote? Fuzzy matching of quotations across briefings.

Outlets quote the same words differently ("we have to be very careful" /
"we must be very careful") and cut them at different places, so two quotes
match when the shorter one is (nearly) contained in the longer one.
``wording_differences`` then lists what changed, word by word, over the part
they share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

MIN_WORDS = 5
THRESHOLD = 88.0

_WORD = re.compile(r"[\w$€£¥%]+(?:[.,'’][\w]+)*")


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    return normalise(text).split()


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    score: float
    differences: list[tuple[str, str]]  # (wording in a, wording in b); "" where absent

    @property
    def identical(self) -> bool:
        return not self.differences


def similarity(a: str, b: str) -> float:
    """0-100: how well the shorter quote is contained in the longer one."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    return float(fuzz.partial_ratio(short, long_))


def match(a: str, b: str, threshold: float = THRESHOLD) -> QuoteMatch | None:
    """A ``QuoteMatch`` when ``a`` and ``b`` are the same quotation, else None."""
    if min(len(words(a)), len(words(b))) < MIN_WORDS:
        return None
    score = similarity(a, b)
    if score < threshold:
        return None
    return QuoteMatch(score=score, differences=wording_differences(a, b))


def wording_differences(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level changes between ``a`` and ``b`` over the stretch they share.

    Words that one quote has beyond the other's start or end (a longer cut of
    the same quote) are not differences.
    """
    wa, wb = words(a), words(b)
    matcher = SequenceMatcher(a=wa, b=wb, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    if not blocks:
        return [(" ".join(wa), " ".join(wb))]
    first, last = blocks[0], blocks[-1]
    lo_a, hi_a = first.a, last.a + last.size
    lo_b, hi_b = first.b, last.b + last.size
    inner = SequenceMatcher(a=wa[lo_a:hi_a], b=wb[lo_b:hi_b], autojunk=False)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in inner.get_opcodes():
        if tag != "equal":
            out.append((" ".join(wa[lo_a + i1 : lo_a + i2]), " ".join(wb[lo_b + j1 : lo_b + j2])))
    return out
