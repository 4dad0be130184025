"""Reading the speaker out of an attribution phrase.

Two shapes: the words *before* a speech verb (``US Commerce Secretary Gina
Raimondo`` said; ``Paul Triolo, a partner at X,`` said; ``he`` said) and the
words *after* it (said ``Paul Triolo, senior vice president at X``; said
``chair Joe Tsai``; said ``a source close to the campaign``). Both give a
``Who``: a name, a pronoun, or a descriptive phrase ("A Hangzhou-based AI
entrepreneur", "the company"), with the role when the phrase has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from briefings.derive.names import (
    NAME_RUN,
    is_title_word,
    looks_like_person,
    split_title,
    strip_function_words,
)

Kind = Literal["name", "pronoun", "nominal"]

PRONOUNS = {"he": "m", "she": "f", "He": "m", "She": "f"}
_OTHER_PRONOUNS = {"they", "They", "we", "We", "I", "it", "It", "you", "You", "who", "which"}
_DETERMINERS = re.compile(
    r"^(?:a|an|the|his|her|their|its|one|another|two|three|several|some|many)\s", re.I
)
_NAME_AT_START = re.compile(rf"(?P<run>{NAME_RUN})")
_LOCATION_TAIL = re.compile(
    r"\s+(?:in|based\s+in|from)\s+[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*)*\.?$"
)
_ROLE_STOP = re.compile(
    r",\s+(?:who|which|whose|where|when|adding|saying|noting|referring|according|as|in\s+an?)\b"
    r"|\s+(?:said|says|told|added|who|which)\b|[;:()\[\]“”\"]|\.(?:\s|$)"
)
_BOUNDARY = re.compile(r"(?:^|[,;:—–]\s*|\b(?:and|but|while|as|because|so|that|when)\s+)")


@dataclass(frozen=True, slots=True)
class Who:
    kind: Kind
    text: str
    role: str | None = None


def clean_role(role: str) -> str | None:
    role = role.strip(" ,.")
    role = _LOCATION_TAIL.sub("", role).strip(" ,.")
    role = re.sub(r"^(?:an?|the)\s+", "", role)
    words = role.split()
    if not words or len(words) > 25:
        return None
    return role


def role_after(rest: str) -> str | None:
    """The appositive at the start of ``rest`` (``", senior analyst at X, said"``)."""
    if not rest.startswith(","):
        return None
    body = rest[1:].lstrip()
    if not body or not (
        body[0].islower() or _DETERMINERS.match(body) or is_title_word(body.split()[0])
    ):
        return None
    stop = _ROLE_STOP.search(body)
    return clean_role(body[: stop.start()] if stop else body)


def _name_phrase(phrase: str) -> Who | None:
    """A phrase that ends in a capitalised run: role words, then the name."""
    phrase = phrase.strip()
    runs = list(_NAME_AT_START.finditer(phrase))
    if not runs:
        return None
    last = runs[-1]
    if phrase[last.end() :].strip(" ,"):
        return None
    title, name = split_title(last.group("run"))
    name = strip_function_words(name)
    if not name or not looks_like_person(name):
        return None
    before = phrase[: last.start()].strip()
    if title.endswith(("'s", "’s", "s'", "s’")):
        title = ""
    role = " ".join(p for p in (before, title) if p).strip(" ,") or None
    if role and len(role.split()) > 12:
        return None
    return Who("name", name, clean_role(role) if role else None)


def who_before_verb(left: str) -> Who | None:
    """The subject in ``left``, the text that ends right before a speech verb."""
    left = left.rstrip()
    if not left:
        return None
    # "Paul Triolo, a senior adviser at X," said
    if left.endswith(","):
        m = re.search(rf"({NAME_RUN}),\s+([^,]{{2,160}}),$", left)
        if m:
            who = _name_phrase(m.group(1))
            if who:
                return Who("name", who.text, clean_role(m.group(2)) or who.role)
    tail = left
    for b in _BOUNDARY.finditer(left):
        if b.end() < len(left):
            tail = left[b.end() :]
    tail = tail.strip(" ,")
    words = tail.split()
    if not words or len(words) > 10:
        return None
    if len(words) == 1 and words[0] in PRONOUNS:
        return Who("pronoun", words[0].lower())
    if words[-1] in PRONOUNS and len(words) <= 2:
        return Who("pronoun", words[-1].lower())
    if words[-1] in _OTHER_PRONOUNS:
        return None
    if _DETERMINERS.match(tail):
        if any(w in _OTHER_PRONOUNS for w in words):
            return None
        return Who("nominal", tail)
    if tail[0].isupper():
        return _name_phrase(tail)
    return None


def who_after_verb(rest: str) -> Who | None:
    """The speaker in ``rest``, the text right after a speech verb ("said ...")."""
    rest = rest.lstrip()
    m = re.match(r"(he|she)\b", rest)
    if m:
        return Who("pronoun", m.group(1))
    stop = re.search(
        r"[,.;:!?()“”\"]|\s+(?:in|on|at|during|after|before|while|when|who|to|of|about|from)\s",
        rest,
    )
    clause = rest[: stop.start()] if stop else rest
    clause = clause.strip()
    if not clause:
        return None
    words = clause.split()
    if len(words) > 10:
        return None
    if _DETERMINERS.match(clause) and not any(w[:1].isupper() for w in words[1:2]):
        # "a source close to the campaign": keep the whole descriptive phrase
        end = re.search(r"[,.;:!?()“”\"]", rest)
        phrase = (rest[: end.start()] if end else rest).strip()
        if len(phrase.split()) <= 12:
            return Who("nominal", phrase)
        return Who("nominal", clause)
    who = _name_phrase(clause)
    if who is None:
        return None
    after = rest[len(rest) - len(rest.lstrip()) :]
    role = (
        role_after(rest[rest.find(clause) + len(clause) :])
        if stop and stop.group().startswith(",")
        else None
    )
    del after
    return Who("name", who.text, role or who.role)
