"""A sentence splitter that knows news writing.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quotes
or brackets after it) when white space follows and the next word can open a
sentence: a capital, a digit, a currency sign, an opening quote or bracket, or
a brand such as "eBay". A full stop after an abbreviation is judged by kind:

- titles (``Mr.``, ``Lt. Col.``, ``Sen.``) and ``vs.``, ``e.g.`` never end one;
- ``No.``, ``Vol.``, ``pp.`` do not before a number;
- ambiguous ones (``U.S.``, ``Inc.``, ``Jr.``, ``etc.``, ``Calif.``, ``Dec.``)
  end one only before a word that typically opens a sentence ("The", "He");
- ``a.m.``/``p.m.`` end one before any capitalised word except a title, a day,
  a month or a time zone;
- a single capital letter is an initial ("John F. Kennedy").

No full stop without a space after it ends a sentence ("Dec.31", "example.com").
Hard cases live in ``tests/data/sentences.txt``.
"""

from __future__ import annotations

import re
from typing import Final


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES: Final = _set(
    "mr mrs ms mx dr prof gen lt col maj capt cmdr cdr sgt cpl pvt adm brig lieut gov sen rep "
    "rev hon pres supt insp det atty messrs mme mlle mt ft pt st sts vs v cf approx viz "
    "e.g eg i.e ie rt ald cllr msgr fr amb pfc spc"
)
_BEFORE_NUMBER: Final = _set("no nos vol vols p pp ch fig figs art sec op ed eds para")
_MONTHS_DAYS: Final = _set(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
)
_AMBIGUOUS: Final = _set(
    "inc corp co ltd llc plc cie bros jr sr etc al est dept univ assn ave blvd rd hwy"
)
# US state abbreviations (AP style), matched with their capital.
_STATES: Final = _set(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo"
)
_TIMES: Final = frozenset({"a.m", "p.m"})
_NOT_AFTER_TIME: Final = _set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December ET EST EDT CT CST PT PST GMT BST UTC "
    "Eastern Pacific Central local"
)
# Words that usually open a sentence: after an ambiguous abbreviation they mark the end.
_OPENERS: Final = _set(
    "The A An It Its He She They We I You This That These Those There Then Now But And Or Nor So "
    "Yet In On At As For If When While After Before Since Because Although Though However "
    "Meanwhile Still Also Some Many Most Such Each Every No Not One Both All Any Few Several "
    "His Her Their Our My Your What Which Who Why How Where Here Today Yesterday Later Earlier "
    "Under With Without From By To Of Over During Despite Even Only Nobody Everyone Nothing"
)

# ``(?=[.!?…])`` changes no match (every end starts with one of these); it lets
# a scan pass over other characters without trying the alternatives.
_END: Final = re.compile(r"(?=[.!?…])(?:\.\s?\.\s?\.|[.!?…])+[\"'”’)\]]*")
_NEXT: Final = re.compile(r"\s+([\"'“‘(\[«]*)(\S)")
_WORD: Final = re.compile(r"[\w.'’-]+")
_INITIAL: Final = re.compile(r"[A-Z]")
_DOTTED: Final = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TRAILING: Final = ".,;:!?'’\"”)]…-"
_TITLES_CAPITALISED: Final = frozenset(t.capitalize() for t in _TITLES)


def _token_before(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (the full stop), without opening punctuation."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:pos].lstrip("\"'“‘([«")
    # "(I-Vt" -> "Vt": the abbreviation is the part after a hyphen or slash.
    cut = max(token.rfind("-"), token.rfind("/"))
    return token[cut + 1 :] if cut >= 0 and not _DOTTED.fullmatch(token) else token


def _can_open(first: str, word: str, opener: str) -> bool:
    """Can the text after the gap start a sentence?"""
    if opener or first.isupper() or first.isdigit() or first in "$€£¥":
        return True
    # Brands that start in lower case: "eBay", "iPhone".
    return len(word) > 1 and first.islower() and word[1].isupper()


def _ends_after_abbreviation(token: str, next_word: str, next_first: str) -> bool | None:
    """Whether a full stop after ``token`` ends the sentence; None if not an abbreviation."""
    low = token.lower()
    if low in _TIMES:
        head = next_word.rstrip(".,")
        return (
            next_first.isupper()
            and head not in _NOT_AFTER_TIME
            and (head not in _TITLES_CAPITALISED)
        )
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not next_first.isdigit()
    if low in _MONTHS_DAYS:
        return not next_first.isdigit() and next_word in _OPENERS
    if low in _AMBIGUOUS or token in _STATES or _DOTTED.fullmatch(token):
        return next_word in _OPENERS
    if _INITIAL.fullmatch(token):
        return False
    return None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences; returns ``(start, end)`` offsets.

    Leading and trailing white space is excluded from every span.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        end = m.end()
        if end >= n:
            break
        nxt = _NEXT.match(text, end)
        if nxt is None:
            continue  # "Dec.31", "example.com", "D.C.,"
        first = nxt.group(2)
        word_match = _WORD.match(text, nxt.start(2))
        word = word_match.group() if word_match else first
        if not _can_open(first, word, nxt.group(1)):
            continue
        mark = m.group()
        if mark[0] == "." and len(mark.rstrip("\"'”’)]")) == 1:
            token = _token_before(text, m.start())
            verdict = _ends_after_abbreviation(token, word.rstrip(_TRAILING), first)
            if verdict is False:
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = nxt.start(1) if nxt.group(1) else nxt.start(2)
    tail_end = n
    while tail_end > start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > start:
        spans.append((start, tail_end))
    return spans
