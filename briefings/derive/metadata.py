"""Title, dek, author, date and source from an article's header lines.

Scraped articles open with a few header lines in no fixed order: a byline
with a date, a headline, a reading time, an "Updated:" line, a standfirst.
``read_header`` walks the first blocks, takes what it recognises, and stops at
the first block that reads like body text. A standfirst (dek) is taken only
when it follows a headline and a date or byline line. When no headline is
found, ``title_from_body`` makes a headline-like phrase from the lead.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from briefings.derive.blocks import Block
from briefings.derive.boilerplate import is_photo_credit, is_staff_credit
from briefings.derive.dates import DATE_PATTERNS, find_date
from briefings.derive.document import Metadata
from briefings.derive.sentences import split_sentences
from briefings.derive.text import fold

HEADER_SCAN: Final = 6
#: A first line ending in a full stop is still a headline when it is this short.
HEADLINE_MAX_WORDS: Final = 25
DEK_MAX_WORDS: Final = 35
TITLE_MAX_WORDS: Final = 14
BYLINE_MAX_CHARS: Final = 200
NAME_MAX_CHARS: Final = 120

_READING_TIME: Final = re.compile(
    r"^(?:\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?|mins?)(?:\s+read)?|reading time:?.*)$", re.I
)
_DATE_LABEL: Final = re.compile(
    r"^(?:(?:updated|published|posted|last updated|first published|date)\s*(?:on|at)?\s*:?\s*)?",
    re.I,
)
_DATE_PREFIX: Final = re.compile(r"^(?:date|published|updated)\s*:?\s*(\d{4}-\d\d-\d\d)\s+", re.I)
_BYLINE_SEPARATORS: Final = re.compile(r"\s*(?:・|•|·|\||—|–)\s*")
_TIME_TAIL: Final = re.compile(
    r"(?:at\s+)?[\d:.]+\s*(?:[ap]\.?m\.?)?\s*(?:\(?(?:[A-Z]{2,4})(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)?",
    re.I,
)
#: "Updated 2 hours ago", "Last updated: 3 hrs ago", "5 minutes ago"
_RELATIVE_TIME: Final = re.compile(
    r"^(?:(?:last\s+)?(?:updated|published|posted)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    re.I,
)
#: A short line under a byline: the writer's role ("Technology reporter") or the outlet.
_OUTLET_WORD: Final = re.compile(
    r"\b(?:News|Post|Times|Press|Herald|Journal|Tribune|Guardian|Telegraph|Media|Daily|"
    r"Magazine|Network|Broadcasting|Radio|TV|Television|Wire|Agency|Gazette|Chronicle)\b"
)
_AUTHOR_JOIN: Final = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*")
_BY: Final = re.compile(r"^(?:by|written by|words by)\s+(.+)$", re.I)
_NAME: Final = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|der|den|de|da|del|della|di|du|dos|das|"
    r"la|le|bin|ibn|al|el))*$"
)
_QUOTE_OPENERS: Final = "\"“‘'«"
# Discourse connectives: a sentence opening with one continues another, so it
# makes no headline ("However, ...").
_CONNECTIVE: Final = re.compile(
    r"^(?:(?:but|and|or|yet)\b[,\s]*|(?:however|so|still|meanwhile|moreover|furthermore|also|"
    r"instead|nevertheless|nonetheless|then|thus|therefore|indeed|besides|likewise|similarly|"
    r"in addition|in contrast|by contrast|on the other hand|as a result|for example|"
    r"for instance|in fact|after all|even so|that said),\s*)",
    re.I,
)
_PAST_TENSE: Final = re.compile(
    r"\b(?:\w{3,}ed|said|told|was|were|had|did|made|took|went|came|saw|won|lost|fell|rose|met|"
    r"left|gave|got|held|began|paid|sold|bought|spent|found|thought|brought|led)\b",
    re.I,
)
# A leading adverbial before the subject: "At a study session five years ago, ..."
_LEADING_ADVERBIAL: Final = re.compile(
    r"^(?:at|in|on|after|before|during|when|while|since|as|for|last|earlier|later|over|"
    r"under|amid|despite|following|with|without|according to|speaking)\b[^,]{0,80},\s+",
    re.I,
)
_ATTRIBUTION_TAIL: Final = re.compile(
    r",?\s+(?:(?:says|said|according to|reports?|reported)\s+[^,]{2,80}|"
    r"[A-Z][^,]{1,60}\s+(?:says|said))\.?$"
)
_PARENTHETICAL: Final = re.compile(r"\s*\([^()]{1,40}\)")
_CLAUSE_BREAK: Final = re.compile(
    r",\s+(?:and|but|which|while|who|where|as|with)\b|\s+and that\b|;\s|\s+[—–]\s+|:\s"
)
_PREPOSITION: Final = re.compile(r"\s(?:in|to|for|with|over|on|at|from|by|after|amid|as|into)\s")
_WEAK_END: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
        "its",
        "their",
        "his",
        "her",
    ]
)


def _is_date_line(line: str) -> bool:
    """The whole line is a date, maybe with a label such as 'Updated:' and a time;
    or several such parts ("March 14, 2024 8:42 AM GMT+1 · Updated 2 hours ago")."""
    if len(line) <= BYLINE_MAX_CHARS:
        parts = [p for p in _BYLINE_SEPARATORS.split(line) if p]
        if len(parts) > 1:
            return _is_date_part(parts[0]) and all(
                _is_date_part(p) or _RELATIVE_TIME.match(p) for p in parts[1:]
            )
    return _is_date_part(line)


def _is_date_part(line: str) -> bool:
    rest = _DATE_LABEL.sub("", line, count=1)
    for pattern in DATE_PATTERNS:
        m = pattern.match(rest)
        if m:
            tail = rest[m.end() :].strip(" ,.")
            if not tail or _TIME_TAIL.fullmatch(tail):
                return True
    return False


_ROLE: Final = re.compile(
    r"\b(?:writer|editor|correspondent|reporter|staff|bureau|desk|contributor|columnist|"
    r"team|agencies|wire)\b",
    re.I,
)


_SPACE_RUN: Final = re.compile(r"\s+")
_DOUBLED: Final = re.compile(r"(.+?)[\s,;]*\1")


def clean_person_name(name: str) -> str:
    """Tidy a scraped byline: underscores, a name printed twice, stray 'By', roles.

    Several authors separated by ';' are kept, joined with ', '; a part that
    only names a role ('AP Auto Writer') is dropped when a person is left.
    """
    if ";" in name:
        parts = [clean_person_name(p) for p in name.split(";")]
        people = [p for p in parts if p and not _ROLE.search(p)] or [p for p in parts if p]
        return ", ".join(dict.fromkeys(people))
    name = name.replace("_", " ").strip(" ,;:-")
    by = _BY.match(name)
    if by:
        name = by.group(1)
    name = _SPACE_RUN.sub(" ", name).strip()
    # "Chelsea SunChelsea Sun" (the name doubled without a separator).
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        name = name[:half]
    elif len(name) <= NAME_MAX_CHARS:
        m = _DOUBLED.fullmatch(name)
        if m:
            name = m.group(1)
    return name.strip(" ,;")


def _authors(part: str, *, several: bool) -> str | None:
    """The person (or, with ``several``, people: "A, B and C") a byline part names."""
    candidate = clean_person_name(part)
    if _NAME.match(candidate) and len(candidate.split()) <= 5:
        return candidate
    if not several:
        return None
    names = [clean_person_name(n) for n in _AUTHOR_JOIN.split(candidate) if n.strip()]
    if 1 < len(names) <= 5 and all(_NAME.match(n) and len(n.split()) <= 5 for n in names):
        return ", ".join(names)
    return None


def _byline(line: str) -> tuple[str | None, str | None, str | None]:
    """(author, date text, outlet) when the line is a byline, else Nones.

    "By A and B | Outlet": with an explicit "By", several authors and one
    capitalised part after them (the outlet) are read too.
    """
    nothing = None, None, None
    if len(line) > BYLINE_MAX_CHARS:
        return nothing
    by = _BY.match(line)
    parts = [p for p in _BYLINE_SEPARATORS.split(by.group(1) if by else line) if p]
    if not parts or len(parts) > 3:
        return nothing
    author: str | None = None
    date_text: str | None = None
    outlet: str | None = None
    for part in parts:
        if _is_date_line(part):
            date_text = part
        elif author is None:
            author = _authors(part, several=bool(by))
            if author is None:
                return nothing
        elif by and outlet is None and _NAME.match(part) and len(part.split()) <= 4:
            outlet = part
        else:
            return nothing
    if (by and author) or (author and date_text):
        return author, date_text, outlet
    return nothing


def _under_byline(line: str) -> tuple[bool, str | None]:
    """A short line right under a byline: (is it one, the outlet it names)."""
    if len(line.split()) > 5 or line[-1:] in ".!?:" or not line[:1].isupper():
        return False, None
    if _ROLE.search(line):
        return True, None  # "Technology reporter"
    if _OUTLET_WORD.search(line) and _NAME.match(line):
        return True, line  # "Harbour Daily News"
    return False, None


_DATELINE: Final = re.compile(
    r"^[A-Z][\w.'’ -]{1,40}?,\s+(?P<date>[^—–()]{6,30}?)\s*(?:\([^()]{1,30}\)\s*)?[—–-]+\s"
)


_AFTER_LEADING_DATE: Final = re.compile(r"\s+(?:\.|--|[—–])\s+")


def leading_date(text: str) -> tuple[date, int] | None:
    """ "March 20, 2015 . Today's ...": a date glued to the lead by a stop or dash,
    with the offset where the text starts."""
    for pattern in DATE_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        sep = _AFTER_LEADING_DATE.match(text, m.end())
        found = find_date(m.group())
        if sep and found and len(text) - sep.end() >= 20:
            return found[0], sep.end()
    return None


def dateline_date(text: str) -> date | None:
    """The date of a dateline opening the lead: "NAIROBI, Aug. 12, 2022 — ..."."""
    m = _DATELINE.match(text)
    if m is None or not _is_date_part(m.group("date")):
        return None
    found = find_date(m.group("date"))
    return found[0] if found else None


def _is_header_line(line: str) -> bool:
    return _is_date_line(line) or _byline(line)[0] is not None or bool(_READING_TIME.match(line))


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not 1 <= len(words) <= 30 or len(line) > 250:
        return False
    if line[0] in _QUOTE_OPENERS:
        return False
    # A headline rarely ends with a full stop; a sentence of body text does.
    return not (line.endswith(".") and not line.endswith("..."))


def _headline_with_stop(line: str, following: list[Block]) -> bool:
    """The file's first line is a short headline printed with a full stop.

    It must be short, not open with a quote or a connective, and be followed by
    a longer paragraph.
    """
    words = line.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or line[0] in _QUOTE_OPENERS:
        return False
    if _CONNECTIVE.match(line):
        return False
    body = [b.text for b in following[:3] if not b.heading]
    return any(len(text.split()) > max(len(words), 12) for text in body)


_FULL_STOP_AT_END: Final = re.compile(r"(?<!\.)\.([’'\"”)]?)$")
_DOTTED_AT_END: Final = re.compile(r"(?:\b[A-Za-z]\.){2,}[’'\"”)]?$")


def tidy_title(title: str) -> str:
    """Take the full stop off a headline ("... Iowa." / "... ‘stupid.’"), not off "U.S."."""
    title = title.strip()
    spans = split_sentences(title)
    if any(title[a:b].rstrip("’'\"”)").endswith(".") for a, b in spans[:-1]):
        return title  # two sentences: "X Suffered A Blow. Here's His Plan."
    m = _FULL_STOP_AT_END.search(title)
    if m and not _DOTTED_AT_END.search(title):
        title = title[: m.start()] + m.group(1)
    return title


def _looks_like_dek(text: str) -> bool:
    """A standfirst: one sentence, short, in the present tense of a headline."""
    words = text.split()
    return (
        4 <= len(words) <= DEK_MAX_WORDS
        and text[0] not in _QUOTE_OPENERS
        and not is_photo_credit(text)
        and len(split_sentences(text)) == 1
        and not _PAST_TENSE.search(text)
    )


def _first_sentence(text: str) -> str:
    spans = split_sentences(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _shorten(sentence: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """Cut a sentence to a headline at a clause or phrase boundary."""
    words = sentence.split()
    if len(words) <= max_words:
        return sentence
    for m in _CLAUSE_BREAK.finditer(sentence):
        head = sentence[: m.start()]
        if 5 <= len(head.split()) <= max_words + 2:
            return head
    best = None
    for m in _PREPOSITION.finditer(sentence):
        head = sentence[: m.start()]
        if len(head.split()) > max_words:
            break
        if len(head.split()) >= 6:
            best = head
    if best:
        return best
    cut = words[:max_words]
    while len(cut) > 6 and cut[-1].lower().strip(",;:") in _WEAK_END:
        cut.pop()
    return " ".join(cut).rstrip(",;:–—-") + "…"


def title_from_lead(text: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """A headline-like phrase made from a lead paragraph."""
    sentence = _first_sentence(text).strip()
    sentence = _CONNECTIVE.sub("", sentence, count=1)
    shorter = _LEADING_ADVERBIAL.sub("", sentence, count=1)
    if len(shorter.split()) >= 6:
        sentence = shorter
    sentence = _PARENTHETICAL.sub("", sentence)
    without_attribution = _ATTRIBUTION_TAIL.sub("", sentence.rstrip("."))
    if len(without_attribution.split()) >= 6:
        sentence = without_attribution
    sentence = _shorten(sentence.strip(" .,;:"), max_words).strip(" .,;:")
    return sentence[:1].upper() + sentence[1:] if sentence else sentence


_SAID: Final = re.compile(r"\b(?:said|says|say|told|reported|reports|according to)\b")
#: The one line of a one-line text is its whole title up to this many words.
ONE_LINE_TITLE_MAX_WORDS: Final = 30
#: A clause cut of a long one-line text keeps at least this many words.
ONE_LINE_CLAUSE_MIN_WORDS: Final = 6


def title_of_line(line: str) -> str:
    """The title of a text that is one line: the whole line when it is short,
    else its first sentence when that is short, else the sentence cut at a
    clause boundary; only a sentence with no clause boundary in reach is cut
    between words, and the cut is marked "…". Never cut mid-phrase silently."""
    line = " ".join(line.split())
    if len(line.split()) <= ONE_LINE_TITLE_MAX_WORDS:
        return tidy_title(line)
    sentence = _first_sentence(line).strip()
    if len(sentence.split()) <= ONE_LINE_TITLE_MAX_WORDS:
        return tidy_title(sentence)
    # "..., officials said." The attribution after the last comma goes first.
    comma = sentence.rfind(", ")
    if comma > 0 and _SAID.search(sentence[comma:]):
        claim = sentence[:comma]
        if len(claim.split()) <= ONE_LINE_TITLE_MAX_WORDS:
            return claim.strip(" ,;:")
    best: str | None = None
    for m in _CLAUSE_BREAK.finditer(sentence):
        head = sentence[: m.start()].strip(" ,;:")
        count = len(head.split())
        if count > ONE_LINE_TITLE_MAX_WORDS:
            break
        if count >= ONE_LINE_CLAUSE_MIN_WORDS:
            best = head
    if best:
        return best
    cut = sentence.split()[:ONE_LINE_TITLE_MAX_WORDS]
    while len(cut) > ONE_LINE_CLAUSE_MIN_WORDS and cut[-1].lower().strip(",;:") in _WEAK_END:
        cut.pop()
    return " ".join(cut).rstrip(",;:–—-") + "…"


def title_from_body(paragraphs: list[str]) -> str | None:
    """A title for an article without a headline: from the first paragraph whose
    first sentence does not lean on an earlier one ("However, ..."). A text of
    one line (a one-line plain-text file) is titled by ``title_of_line``."""
    leads = [p for p in paragraphs if p.strip()][:3]
    if not leads:
        return None
    if len(leads) == 1 and "\n" not in leads[0].strip():
        return title_of_line(leads[0]) or None
    lead = next((p for p in leads if not _CONNECTIVE.match(p.lstrip(_QUOTE_OPENERS))), leads[0])
    return title_from_lead(lead) or None


#: A date's label left alone on a line when the page set the date apart ("Posted on",
#: "Published:", "Last updated"): the date itself went into the page's metadata.
_BARE_DATE_LABEL: Final = re.compile(
    r"(?:posted|published|updated|last updated|first published|date)(?:\s+(?:on|at))?\s*:?",
    re.I,
)


def is_bare_date_label(line: str) -> bool:
    """'Posted on', 'Published:': a date label with no date, a header line."""
    return bool(_BARE_DATE_LABEL.fullmatch(" ".join(line.split()).strip(" |·•-")))


def _staff_byline(line: str) -> bool:
    """'By Staff and wire reports', 'By Staff Report | March 5': a byline line whose
    credit names no person."""
    by = _BY.match(line)
    if by is None or len(line) > BYLINE_MAX_CHARS:
        return False
    parts = [p for p in _BYLINE_SEPARATORS.split(by.group(1)) if p]
    return bool(parts) and is_staff_credit(parts[0]) and all(_is_date_line(p) for p in parts[1:])


def read_header(blocks: list[Block], meta: Metadata) -> list[Block]:
    """Take header lines off ``blocks`` into ``meta``; returns the remaining blocks."""
    i = 0
    header_line = False  # a byline, date or reading time was read
    while i < min(len(blocks), HEADER_SCAN):
        block = blocks[i]
        line = block.text
        if meta.title and fold(line) == fold(meta.title):
            i += 1  # the headline repeated under the page title
            continue
        if _READING_TIME.match(line) or is_bare_date_label(line):
            i += 1
            header_line = True
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix:
            found = find_date(prefix.group(1))
            if found and meta.published is None:
                meta.published = found[0]
            blocks = [*blocks[:i], Block(line[prefix.end() :], block.heading), *blocks[i + 1 :]]
            break
        if _is_date_line(line):
            found = find_date(line)
            if found and meta.published is None:
                meta.published = found[0]
            i += 1
            header_line = True
            continue
        if _RELATIVE_TIME.match(line):  # "Last updated 3 hours ago"
            i += 1
            header_line = True
            continue
        if _staff_byline(line):
            i += 1  # "By Staff and wire reports": a byline naming no person
            header_line = True
            continue
        author, date_text, outlet = _byline(line)
        if author:
            meta.author = meta.author or author
            meta.source = meta.source or outlet
            if date_text and meta.published is None:
                found = find_date(date_text)
                meta.published = found[0] if found else None
            i += 1
            header_line = True
            if i < len(blocks):
                under, outlet = _under_byline(blocks[i].text)
                if under:
                    meta.source = meta.source or outlet
                    i += 1
            continue
        if (
            meta.title
            and meta.dek is None
            and i + 1 < len(blocks)
            and not block.heading
            and _looks_like_dek(line)
            and _is_header_line(blocks[i + 1].text)
        ):  # headline, standfirst, then the byline or date
            meta.dek = line
            i += 1
            continue
        if meta.title is None and (
            looks_like_title(line) or (i == 0 and _headline_with_stop(line, blocks[1:]))
        ):
            title = line
            # "Headline; Subtitle" printed over two lines.
            if (
                title.endswith(";")
                and i + 1 < len(blocks)
                and len(blocks[i + 1].text.split()) <= 25
            ):
                i += 1
                title = f"{title} {blocks[i].text}"
            meta.title = tidy_title(title)
            i += 1
            continue
        break
    rest = blocks[i:]
    if rest and not rest[0].heading:
        lead = leading_date(rest[0].text)
        if lead is not None:
            meta.published = meta.published or lead[0]
            rest = [Block(rest[0].text[lead[1] :]), *rest[1:]]
    if meta.published is None and rest and not rest[0].heading:
        meta.published = dateline_date(rest[0].text)
    if (
        meta.title
        and header_line
        and meta.dek is None
        and len(rest) > 1
        and not rest[0].heading
        and _looks_like_dek(rest[0].text)
    ):
        meta.dek = rest[0].text
        rest = rest[1:]
    return rest
