"""Candidate entity mentions: capitalised spans with the cues around them.

The first half of the entity step (``entities`` merges and types them). A
span is a run of capitalised words that ``of``/``for``/``&``/``de`` may join,
cut at punctuation, possessives and ``-based``-style suffixes; each mention
carries cue counts (``Cues``: person, org, place, speech, preposition) read
from the words in and around it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, filterfalse, pairwise
from typing import Final

from briefings.derive.chunks import Record, register, sentence_chunks
from briefings.derive.document import Document
from briefings.derive.gazetteer import (
    DEMONYMS,
    EVENT_WORDS,
    FIRST_NAMES,
    GENERIC,
    GENERIC_ACRONYMS,
    KNOWN_ORGS,
    MONTHS,
    ORG_AFTER,
    ORG_NOUNS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLACE_WORDS,
    PLACES,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS,
    WORK_AFTER,
    name_gender,
    word_set,
)
from briefings.derive.names import (
    FAMILY_TITLES,
    is_leading_role,
    is_postnominal,
    opener_cuts,
    strip_postnominals,
)
from briefings.derive.words import STOPWORDS, Memo

MAX_SPAN_WORDS: Final = 6

_TOKEN: Final = re.compile(r"[\w&][\w&'’.-]*")
_CONNECTORS: Final = frozenset(
    {"of", "for", "&", "de", "van", "von", "der", "da", "del", "bin", "al"}
)
#: Lower-case words that may join a name's capitalised words ("Bank of England").
CONNECTORS: Final = _CONNECTORS
_MODIFIERS: Final = frozenset(
    {"former", "senior", "vice", "general", "managing", "deputy", "chief"}
)
#: "invested in X", "a stake in X": the preposition does not make X a place.
_NOT_PLACE_BEFORE_IN: Final = word_set(
    """invest invested investing investment investments investor investors stake stakes share
    shares holding holdings interest role job jobs work working worked career position"""
)
_PLACE_PREPOSITIONS: Final = frozenset(
    {"in", "from", "near", "across", "outside", "throughout", "inside", "around", "visited"}
)
_PLACE_SUFFIX: Final = re.compile(r"^(.+?)-(based|born|headquartered)$", re.I)
_OTHER_SUFFIX: Final = re.compile(
    r"^(.+?)-(backed|owned|led|listed|made|style|era|run|funded|linked|controlled)$", re.I
)
_PLACE_NOUNS: Final = frozenset(
    {"province", "city", "county", "state", "region", "district", "prefecture", "island"}
)
_FUNCTION_WORDS: Final = word_set(
    """the a an this that these those his her its their our my your and but or so yet if as at
    in on of for to by with from when while after before since although though because however
    meanwhile also then there here it he she they we i you what which who how why where not no
    all some many most both each every such only even just still despite speaking"""
)
#: Words that open sentences and are not names: "Later Harold Wexley joined".
_OPENING_WORDS: Final = word_set(
    """later earlier now today yesterday tomorrow tonight recently separately instead elsewhere
    overall indeed nevertheless nonetheless moreover furthermore finally first second third
    next last once during under over among following asked like unlike unless until whether
    perhaps maybe sometimes often never always already soon eventually currently previously
    initially ultimately additionally similarly likewise otherwise thus hence therefore
    accordingly consequently latest breaking watch listen read see"""
)
#: Offices held for a place: "MP for Ealing North", "Mayor of Quennford".
_PLACE_OFFICES: Final = word_set(
    "MP MEP MSP Mayor Governor Senator Congressman Congresswoman Rep Representative Assemblyman"
)
#: Capitalised words of job titles: a span made only of these names no one.
_ROLE_CAPS: Final = TITLES | {
    "Financial",
    "Operating",
    "Technology",
    "Technical",
    "Information",
    "Marketing",
    "Investment",
    "Officer",
    "Officers",
    "Senior",
    "Former",
    "Assistant",
    "Associate",
}
_CAMEL: Final = re.compile(r"[a-z][A-Z]")
_ACRONYM_DEF: Final = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_APPOSITIVE: Final = re.compile(
    r",\s+(?:(?:a|an|the|who is|who was|its|his|her)\s+)?([\w-]+(?:\s+[\w-]+){0,3})"
)
_CAP_HEAVY: Final = 0.7
#: What may come before a sentence's first word: spaces, opening quotes, brackets, dashes.
_OPENERS: Final = re.compile(r"[ \"'“‘(\[\-—–]*")
_CLAUSE_END: Final = re.compile(r"\s*[,.;]|$")
#: The name is the subject whose own thing is "its": "X said its profit rose".
_ITS_AFTER: Final = re.compile(
    r"\s+(?:said|says|reported|announced|expects|expected|plans|planned)\s+(?:that\s+)?its\b"
)
#: "X said in a statement", "X said in a press release": an organisation speaks.
_STATEMENT_AFTER: Final = re.compile(
    r"\s+(?:said|says|announced|confirmed)\s+(?:on\s+\w+\s+)?in\s+a\s+(?:statement|press release)"
)


@dataclass(slots=True)
class Cues:
    """Cue counts: the evidence for each kind of entity a mention gives."""

    person: int = 0
    org: int = 0
    place: int = 0
    #: a speech verb next to the name ("X said", "according to X")
    speech: int = 0
    #: a place preposition before the name ("in X"): weak evidence of a place
    preposition: int = 0
    #: an event, law, prize or work ("Energy Act", "Davis Cup")
    other: int = 0
    #: "the X" mid-sentence: people seldom take an article, organisations often do
    article: int = 0
    #: signs of a man or a woman: titles (Mr, Mrs), first names, "X said he"
    male: int = 0
    female: int = 0

    def add(self, other: Cues) -> None:
        self.person += other.person
        self.org += other.org
        self.place += other.place
        self.speech += other.speech
        self.preposition += other.preposition
        self.other += other.other
        self.article += other.article
        self.male += other.male
        self.female += other.female


@dataclass(slots=True)
class Mention:
    words: tuple[str, ...]
    start: int
    cues: Cues
    #: where the span ends in the document's text (-1: not known)
    end: int = -1

    @property
    def key(self) -> str:
        return " ".join(self.words)


@dataclass(slots=True)
class _Tokens:
    """A sentence's tokens as parallel lists: the word as read, its offsets in
    the sentence, whether a span must end after it, and its cue (``place``)."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    breaks: list[bool]
    cues: list[str]

    def __len__(self) -> int:
        return len(self.words)

    def spaced(self, text: str, k: int) -> bool:
        """Token ``k + 1`` follows token ``k`` after exactly one space."""
        return text[self.ends[k] : self.starts[k + 1]] == " "


_NO_BREAK_ABBREVIATIONS: Final = frozenset({"St", "Mt", "Ft", "Jr", "Sr"})
_CONTRACTION: Final = re.compile(r"(?:['’](?:ll|re|ve|d|m)|n['’]t)$", re.I)
_DOTTED: Final = re.compile(r"(?:[A-Z]\.){2,}")


def _dotted(word: str) -> str:
    """ "U.S" and "U.S." both read as "U.S." (other words unchanged)."""
    bare = word.rstrip(".")
    return bare + "." if _DOTTED.fullmatch(bare + ".") else bare


_LOWER_CAMEL: Final = re.compile(r"[a-z]{1,2}[A-Z]")


def _is_capitalised(word: str) -> bool:
    first = word[:1]
    if first.islower():
        return bool(_LOWER_CAMEL.match(word))  # iPhone, eBay, iFlyTek
    if not first.isupper():
        return False
    if word.isalpha():
        return True
    if ("'" in word or "’" in word) and _CONTRACTION.search(word):
        return False  # "We'll", "Don't"
    if "-" in word and word.split("-", 1)[0] in DEMONYMS:
        return False  # "English-speaking"
    return any(c.isalpha() for c in word)


_Shape = tuple[tuple[str, int, int, bool, str], ...]


#: "R-Ky.", "D-Minn", "R-W.Va.": a lawmaker's party and state, never a name.
_PARTY_TAG: Final = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _shape(raw: str) -> _Shape:
    """How a token that is not all letters reads: (word, start, end, breaks
    after, cue) for each word in it, offsets relative to the token."""
    word = raw
    if _PARTY_TAG.fullmatch(raw):
        return ()
    breaks = False
    cue = ""
    parts = raw.rstrip(".").split("-")
    if len(parts) > 1 and all(_dotted(p) in PLACES for p in parts):
        # "U.S.-China", "China-Japan": each side is a place of its own.
        out = []
        pos = 0
        for part in parts:
            out.append((_dotted(part), pos, pos + len(part), True, ""))
            pos += len(part) + 1
        return tuple(out)
    if _DOTTED.fullmatch(raw.rstrip(".") + "."):
        return ((_dotted(raw), 0, len(raw), False, ""),)
    if word.endswith((".", "'", "’")):
        bare = word.rstrip(".'’")
        if word.endswith(".") and (
            bare in TITLES
            or bare in _NO_BREAK_ABBREVIATIONS
            or re.fullmatch(r"[A-Z]", bare)
            or bare in ORG_SUFFIXES
        ):
            word = bare
        else:
            word = bare
            breaks = True
    if word.endswith(("'s", "’s")):
        word = word[:-2]
        breaks = True
    if (ms := _PLACE_SUFFIX.match(word)) is not None:
        word, cue, breaks = ms.group(1), "place", True
    elif (mo := _OTHER_SUFFIX.match(word)) is not None:
        word, breaks = mo.group(1), True
    if word:
        return ((word, 0, len(raw), breaks, cue),)
    return ()


_SHAPES: Final[Memo[str, _Shape]] = Memo(_shape)


_CAPITALISED: Final[Memo[str, bool]] = Memo(_is_capitalised)
_LOWER_FIRST: Final[Memo[str, bool]] = Memo(lambda word: word[:1].islower())


def _read_chunk(chunk: str) -> _Shape:
    """The tokens of a text with no spaces in it, read by ``_shape``. No token
    contains a space, so a sentence's tokens are its chunks' tokens, offset by
    where each chunk starts."""
    out: list[tuple[str, int, int, bool, str]] = []
    for m in _TOKEN.finditer(chunk):
        raw, start = m.group(), m.start()
        if raw.isalpha():
            out.append((raw, start, start + len(raw), False, ""))
        else:
            out.extend((w, start + a, start + b, brk, cue) for w, a, b, brk, cue in _SHAPES[raw])
    return tuple(out)


_SHAPE: Final = register(_read_chunk)


def _tokens(chunks: list[Record]) -> _Tokens:
    """A sentence's tokens, from its chunk records (``chunks.read_chunks``)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    breaks: list[bool] = []
    cues: list[str] = []
    base = 0
    for record in chunks:
        shape: _Shape = record[_SHAPE]
        for word, a, b, brk, cue in shape:
            words.append(word)
            starts.append(base + a)
            ends.append(base + b)
            breaks.append(brk)
            cues.append(cue)
        chunk: str = record[0]
        base += len(chunk) + 1
    return _Tokens(words, starts, ends, breaks, cues)


#: Last words of names with "and" inside that carry no organisation word:
#: "Customs and Border Protection", "Centers for Disease Control and Prevention".
_AND_TAILS: Final = word_set("Protection Prevention Security Development Research Welfare")


def _joins_and(left: list[str], right: list[str]) -> bool:
    """Whether "<left> and <right>" is one name: an organisation's ("Securities and
    Exchange Commission", "Department of Trade and Industry"), not two names
    ("Norway and Portugal", "Alibaba and Tencent Holdings")."""
    while left and left[0].lower() in _FUNCTION_WORDS:
        left = left[1:]  # "The Institute of Rural and Urban Policy": "The" is no part of it
    if not left or len(left) + len(right) + 1 > MAX_SPAN_WORDS:
        return False
    phrase = " ".join(left)
    if phrase in PLACES or phrase in KNOWN_ORGS or right[0] in KNOWN_ORGS or right[0] in PLACES:
        return False  # "Vantor and Manchester United": the right side is a name of its own
    if " ".join(right) in KNOWN_ORGS:
        return False
    if right[-1] in ORG_SUFFIXES:
        return False  # "Goldman Sachs and SoftBank Group": a firm's corporate form
    if right[0] in FIRST_NAMES and person_like(tuple(right)):
        return False  # "University of Zurich and Gordon Hanson"
    if right[-1] in ORG_WORDS or right[-1] in _AND_TAILS:
        return True
    if (
        len(right) > 1
        and left[-1] not in ORG_WORDS
        and left[-1] not in PLACES
        and any(w in ORG_WORDS for w in right[:-1])
        and right[-1] not in PLACES
    ):
        return True  # "Housing and Transport Research Initiative": one body, its field first
    # "Ministry of Culture and Tourism": an organisation word and its field.
    return any(
        left[k] in ORG_WORDS
        and left[k + 1] in ("of", "for")
        and not (k + 2 < len(left) and left[k + 2] in PLACES)
        for k in range(len(left) - 1)
    )


def _runs(toks: _Tokens, text: str, capitalised: list[bool]) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of capitalised runs (``capitalised``: per token)."""
    runs: list[tuple[int, int]] = []
    words, breaks = toks.words, toks.breaks
    n = len(words)
    done = 0
    for i in compress(range(n), capitalised):
        if i < done:
            continue
        j = i
        while j + 1 < n and not breaks[j] and toks.spaced(text, j):
            if capitalised[j + 1]:
                j += 1
                continue
            if (
                words[j + 1] in _CONNECTORS
                and j + 2 < n
                and not breaks[j + 1]
                and toks.spaced(text, j + 1)
                and capitalised[j + 2]
            ):
                j += 2
                continue
            if (
                words[j + 1] == "and"
                and j + 2 < n
                and not breaks[j + 1]
                and toks.spaced(text, j + 1)
                and capitalised[j + 2]
            ):
                k = j + 2
                while k + 1 < n and not breaks[k] and toks.spaced(text, k) and capitalised[k + 1]:
                    k += 1
                if _joins_and(words[i : j + 1], words[j + 2 : k + 1]):
                    j = k  # "Securities and Exchange Commission"
                    continue
            break
        runs.append((i, j + 1))
        done = j + 1
    return runs


_DATE_WORDS: Final = MONTHS | WEEKDAYS


def _has_digit(word: str) -> bool:
    """Any digit in ``word`` (an all-letter word, the usual case, has none)."""
    return not word.isalpha() and any(c.isdigit() for c in word)


def _trim(words: list[str]) -> list[str]:
    while words and (
        words[0] in _CONNECTORS
        or words[0].lower() in _FUNCTION_WORDS
        or words[0] in GENERIC_ACRONYMS
    ):
        words = words[1:]
    while words and (
        words[-1] in _CONNECTORS
        or words[-1] in MONTHS
        or words[-1] in WEEKDAYS
        or words[-1].lower() in _FUNCTION_WORDS
        or (words[-1] in GENERIC_ACRONYMS and words[-1] not in ORG_WORDS)
    ):
        words = words[:-1]
    while words and words[0] in _DATE_WORDS and len(words) > 1:
        words = words[1:]
    return words


_ACRONYM_PLURAL: Final = re.compile(r"[A-Z]{2,5}s")


def is_demonym(word: str) -> bool:
    """A nationality word: listed, or a place's name plus "n" ("Georgian", "Kenyan")."""
    return word in DEMONYMS or (word[-1:] == "n" and word[:-1] in PLACES)


def keep_words(words: list[str]) -> bool:
    if not words or len(words) > MAX_SPAN_WORDS:
        return False
    phrase = " ".join(words)
    if phrase in GENERIC or phrase in DEMONYMS:
        return False
    if len(words) == 1:
        w = words[0]
        if len(w) < 2 or w.lower() in STOPWORDS or w in MONTHS or w in WEEKDAYS:
            return False
        if w in TITLES or w in GENERIC_ACRONYMS or is_demonym(w.rstrip("s")):
            return False
        if not w.isalpha() and not any(c.isalpha() for c in w):
            return False
        if _has_digit(w):
            return False  # model numbers, dates: "H100", "Dec.31"
        if _ACRONYM_PLURAL.fullmatch(w):
            return False  # "TVs", "DVRs": common nouns
    if all(w in _ROLE_CAPS for w in words):
        return False
    return not all(w in TITLES or w in DEMONYMS or w in GENERIC for w in words)


def _lost_apostrophe(
    words: list[str], k: int, caps: Counter[str], capitalised: Callable[[str], bool]
) -> bool:
    """ "Norways Norges Bank": ``words[k]`` is a possessive that lost its
    apostrophe. Only a word that opens a name (never "United States", "Serena
    Williams"), whose singular is a known place, or is seen alone more often and
    is not a first name ("Johns Hopkins"), with a name after it."""
    w = words[k]
    single = w[:-1]
    if w in PLACES or (k > 0 and capitalised(words[k - 1])):
        return False
    if single in PLACES:
        return True
    return (
        caps.get(single, 0) > caps.get(w, 0)
        and single not in FIRST_NAMES
        and k + 1 < len(words)
        and capitalised(words[k + 1])
    )


#: Title words a span may carry besides ``TITLES``: "Minority Whip Dick Durbin".
_POSSESSIVE: Final = re.compile(r"[A-Z][a-z]+['’]s")
_ORG_POSSESSIVE_REACH: Final = 4


def _org_possessive(toks: _Tokens, text: str, k: int, lower: set[str]) -> bool:
    """ "the People's Democratic Party", "the Workers's Union": a common word's
    possessive after "the" that opens an organisation's name (capitalised words up
    to an organisation word), not an owner ("the company's Chief Executive")."""
    words = toks.words
    if words[k - 1].lower() != "the" or not _POSSESSIVE.fullmatch(
        text, toks.starts[k], toks.ends[k]
    ):
        return False
    bare = words[k]
    if bare.lower() not in lower or bare in PLACES or bare in KNOWN_ORGS or bare in FIRST_NAMES:
        return False
    for j in range(k + 1, min(len(words), k + 1 + _ORG_POSSESSIVE_REACH)):
        if not words[j][:1].isupper() or not toks.spaced(text, j - 1):
            return False
        if words[j] in ORG_WORDS:
            return True
        if toks.breaks[j]:
            return False
    return False


_MORE_TITLES: Final = word_set("Whip Chairwoman Spokesman Envoy Adviser Advisor Aide")
_MALE_TITLES: Final = word_set("Mr Sir Lord King Prince Sheikh Father Brother Congressman")
_FEMALE_TITLES: Final = word_set(
    "Mrs Ms Miss Dame Lady Queen Princess Sister Congresswoman Chairwoman Spokeswoman"
)


#: What may follow "the X" when X is a name in its own right ("the Pentagon
#: said"), not a modifier ("the Trump campaign").
_AFTER_THE: Final = SPEECH_VERBS | word_set(
    """has had have is was were will would could should can may might must of in on at to for
    and or but with by from as that which who whose into over after before under against
    also itself announced reported confirmed denied issued launched"""
)
_COMMA_PLACE: Final = re.compile(r",\s+(([A-Z][A-Za-z.]*)(?: [A-Z][A-Za-z.]*)?)")
_SAID_PRONOUN: Final = re.compile(
    r"\s+(?:said|says|added|told\s+\w+)\s+(?:that\s+)?(he|she)\b", re.I
)


#: The field of an office in "Secretary of State Jo Bloggs", "Minister for Health".
_OFFICE_FIELDS: Final = word_set(
    """State Defense Defence Health Education Energy Transport Transportation Labor Labour
    Commerce Treasury Agriculture Justice Interior Homeland Housing Finance Trade Industry
    Culture Environment Employment Security Veterans Affairs"""
)


#: Words right before the title of a work: "a book entitled X", "the novel X".
_WORK_BEFORE: Final = word_set(
    """entitled titled book novel memoir memoirs film movie album song documentary podcast
    play opera poem musical sitcom biography autobiography"""
)
_ENTITLED: Final = word_set("entitled titled")
#: what comes before a work's kind ("a book", "her memoir"), not a verb ("to play X")
_WORK_DETERMINERS: Final = word_set("a an the his her their its whose new latest debut first")
_WORK_NOUNS: Final = (
    "book|novel|memoir|film|movie|album|song|documentary|podcast|play|opera|poem|musical|"
    "biography|autobiography|series|show"
)
#: "X, her memoir," / "X, a 2019 film": a work's title in apposition to its kind
_WORK_APPOSITIVE: Final = re.compile(
    rf",\s+(?:his|her|their|its|the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_WORK_NOUNS})\b"
)
#: a name closed by a comma, a full stop or a bracket: "her memoir, X, recalls"
_APPOSED_END: Final = re.compile(r"\s*[,.;)]")


#: Capitalised words that open a title, not a name: "Crown Prince", "Field Marshal".
_TITLE_MODIFIERS: Final = word_set(
    """Crown Field Air Drum Grand High Supreme District Circuit Federal County Sergeant
    Lord Chief Deputy Vice Royal Papal Auxiliary Assistant Senior Former Acting"""
)


_LIST_GAPS: Final = frozenset({", ", " and ", ", and ", " or ", ", or ", " & ", " and the "})


def _known_place(word: str) -> bool:
    return word in PLACES or word.rstrip(".") in PLACES


def is_title(word: str) -> bool:
    """A title word, hyphenated ones too ("Under-Secretary", "Vice-President")."""
    if word in TITLES or word in _MORE_TITLES:
        return True
    head, _, tail = word.rpartition("-")
    return bool(head) and (tail in TITLES or tail.capitalize() in TITLES)


class MentionCollector:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.mentions: list[Mention] = []
        self.acronyms: dict[str, str] = {}
        #: pairs of names listed side by side ("X, Y and Z"): likely of one kind
        self.coordinated: list[tuple[str, str]] = []
        self._alone: set[str] | None = None
        #: (run start, name start) where a caption's word or an outlet opens a name
        self.cuts = opener_cuts([p.start for p in doc.paragraphs], [p.text for p in doc.paragraphs])
        self.tokens = [_tokens(chunks) for chunks in sentence_chunks(doc)]
        # Words as written: lower-case ones, and capitalised ones (anything
        # else) counted, and those seen capitalised after a sentence's start.
        lower: set[str] = set()
        caps: list[str] = []
        mid_caps: set[str] = set()
        lower_first = _LOWER_FIRST.__getitem__
        for toks in self.tokens:
            words = toks.words
            lower.update(filter(lower_first, words))
            upper = list(filterfalse(lower_first, words[1:]))
            mid_caps.update(upper)
            if words and not lower_first(words[0]):
                caps.append(words[0])
            caps.extend(upper)
        self.caps: Counter[str] = Counter(caps)
        self.lower_words = lower
        self.mid_caps = mid_caps

    def alone(self) -> set[str]:
        """Capitalised words seen mid-sentence as the last word of a name or as a
        name by themselves ("Kowalczyk", not the "Tourism" of "Tourism Council"),
        computed on first use."""
        if self._alone is None:
            found: set[str] = set()
            capitalised = _CAPITALISED.__getitem__
            for toks in self.tokens:
                flags = list(map(capitalised, toks.words))
                for k in range(1, len(flags)):
                    if flags[k] and (k + 1 == len(flags) or not flags[k + 1]):
                        found.add(toks.words[k])
            self._alone = found
        return self._alone

    def collect(self) -> list[Mention]:
        caps = self.caps
        capitalised = _CAPITALISED.__getitem__
        sentences = self.doc.sentences
        for i, (s, toks) in enumerate(zip(sentences, self.tokens, strict=True)):
            text = s.text
            words = toks.words
            for k in [k for k, w in enumerate(words) if len(w) > 4 and w[-1] == "s"]:
                if _lost_apostrophe(words, k, caps, capitalised):
                    words[k], toks.breaks[k] = words[k][:-1], True
            for k in range(1, len(words) - 2):
                if toks.breaks[k] and _org_possessive(toks, text, k, self.lower_words):
                    words[k], toks.breaks[k] = text[toks.starts[k] : toks.ends[k]], False
            flags = list(map(capitalised, words))
            if len(words) >= 5 and sum(flags) > _CAP_HEAVY * len(words):
                continue  # a title-case line (headline, caption banner)
            before = len(self.mentions)
            for first, last in _runs(toks, text, flags):
                self._run(text, s.start, toks, first, last)
            found = self.mentions[before:]
            opening = _OPENERS.match(text)  # always matches
            if found and opening is not None and found[0].start == s.start + opening.end():
                # "Mira Holt took office. She said ...": the subject of one sentence
                # is the likeliest "he"/"she" opening the next.
                nxt = self.tokens[i + 1].words[:1] if i + 1 < len(sentences) else []
                if nxt and nxt[0] in ("He", "His"):
                    found[0].cues.male += 1
                elif nxt and nxt[0] in ("She", "Her"):
                    found[0].cues.female += 1
            for a, b in pairwise(found):
                if a.end >= 0 and text[a.end - s.start : b.start - s.start] in _LIST_GAPS:
                    self.coordinated.append((a.key, b.key))  # "Chelsea, Real Madrid and ..."
        return self.mentions

    def _run(self, text: str, offset: int, toks: _Tokens, first: int, last: int) -> None:
        starts, ends, all_words = toks.starts, toks.ends, toks.words
        for cut_from, name_at in self.cuts:
            if cut_from <= offset + starts[first] < name_at:
                # "Brave Jane Doe", "to the Daily Mail Doe said": the quote layer's
                # rule (``drop_openers``) says where the name starts
                while first < last and offset + starts[first] < name_at:
                    first += 1
                if first == last:
                    return
                break
        words = all_words[first:last]
        if (
            len(words) == 1
            and words[0].isupper()
            and text[: starts[first]].endswith("(")
            and text[ends[first] :].startswith(")")
        ):
            return  # "(HSA)" defines an acronym; the long form is the mention
        cues = Cues()
        opening = _OPENERS.match(text, 0, starts[first])  # always matches
        initial = opening is not None and opening.end() == starts[first]
        if initial and len(words) > 1 and words[0].lower() in _OPENING_WORDS:
            words = words[1:]
            first += 1
        if initial and words:
            head = words[0]
            known = head in PLACES or head in self.mid_caps
            fresh = (
                len(words) > 1
                and head.lower() not in STOPWORDS
                and head.lower() not in self.lower_words
                and head not in DEMONYMS
                # "Ted Marsh", "Kelly Ames": a given name may end like a participle
                and (head in FIRST_NAMES or not head.lower().endswith(("ing", "ly", "ed")))
            )
            if (head.lower() in ROLE_WORDS and len(words) > 1) or (
                len(words) > 2 and is_leading_role(head)
            ):
                # "Investor Tao Wen-li": a capitalised role opening the sentence.
                words = words[1:]
                first += 1
                if len(words) > 2 and words[0] in _CONNECTORS and words[1] in _OFFICE_FIELDS:
                    words = words[2:]  # "Secretary of State Jo Bloggs"
                    first += 2
                cues.person += 2
            elif not (known or fresh) or (
                len(words) == 1
                and head not in PLACES
                and head not in KNOWN_ORGS
                and (head.lower() in self.lower_words or head not in self.alone())
            ):
                # A common word opening a sentence ("Tourism", "Buyers"), even one
                # that is capitalised inside a name elsewhere ("Tourism Council").
                words = words[1:]
                first += 1
                if not words:
                    return  # only a sentence's capitalised first word ("The", "But")
        for n in (2, 1):
            if (
                len(words) > n + 1
                and words[n] in FIRST_NAMES
                and " ".join(words[:n]) in KNOWN_ORGS
                and person_like(tuple(words[n:]))
            ):
                # "Lib Dem Norman Baker", "Nasdaq Joe Bloggs": a party or firm, then a person.
                self._add(words[:n], offset + starts[first], Cues(org=1))
                words = words[n:]
                first += n
                cues.person += 1
                break
        # Titles: "US Commerce Secretary Gina Raimondo" -> person "Gina Raimondo".
        title_at: list[int] = []
        for k, w in enumerate(words):
            if not is_title(w):
                continue
            if (
                k
                and k + 1 == len(words)
                and w.lower() in FAMILY_TITLES
                and self._given_name(words[k - 1])
                # "The Lion King", "the Sea King": a title, a work or a thing
                and not (first and all_words[first - 1].lower() == "the")
            ):
                cues.person += 1  # "Marla King", "Tomas Bishop": a family name after a given name
            else:
                title_at.append(k)
        if (
            title_at
            and title_at[-1] + 2 < len(words)
            and words[title_at[-1] + 1] in _CONNECTORS
            and not (words[title_at[-1] + 2] in _OFFICE_FIELDS and title_at[-1] + 3 < len(words))
        ):
            # "CEO of Acme", "President of Ruritania", "MP for Ealing North": what
            # follows the title is where its holder works, not a name.
            cut = title_at[-1]
            if cut and words[0] in PLACES:
                self._add([words[0]], offset + starts[first], Cues(place=3))
            if words[cut] in _PLACE_OFFICES:
                cues.place += 2
            words = words[cut + 2 :]
            first += cut + 2
            title_at = []
        if title_at and not any(w in ORG_WORDS for w in words[title_at[-1] + 1 :]):
            cut = title_at[-1]
            if cut < len(words) - 1:
                prefix = words[:cut]
                if prefix and prefix[0] in PLACES:
                    self._add([prefix[0]], offset + starts[first], Cues(place=3))
                title = words[cut]
                words = words[cut + 1 :]
                first += cut + 1
                while len(words) > 1 and words[0] in _CONNECTORS and words[1] in _OFFICE_FIELDS:
                    # "Secretary of State Jason Kander": the office's field, then the name.
                    words = words[2:]
                    first += 2
                if not words or words[0] in _CONNECTORS:
                    return  # "Secretary of State for Culture": an office, no name
                cues.person += 3
                if title in _MALE_TITLES:
                    cues.male += 1
                elif title in _FEMALE_TITLES:
                    cues.female += 1
            else:
                while words and words[-1] in TITLES:
                    words = words[:-1]
                    last -= 1
        for k, w in enumerate(words):
            if w in ("of", "for") and 0 < k < len(words) - 1:
                if not any(x in ORG_WORDS for x in words[:k]):
                    # "Butch Otter of Idaho": a name, then a place.
                    self._run(text, offset, toks, first + k + 1, last)
                    words = words[:k]
                    last = first + k
                break
        before = [w.lower() for w in all_words[max(0, first - 2) : first]]
        if (
            len(words) > 1
            and words[-1] in GENERIC_ACRONYMS
            and last < len(toks)
            and all_words[last][:1].islower()
            and toks.spaced(text, last - 1)
        ):
            words = words[:-1]  # "Nvidia AI chips": the acronym is a modifier
            last -= 1
        words = _trim(words)
        if len(words) == 2 and words[-1] in ("Jr", "Sr") and words[0] not in _ROLE_CAPS:
            words = words[:1]  # "Kennedy Jr": a family name and its suffix
            last -= 1
            cues.person += 1
        elif len(words) > 2 and is_postnominal(words[-1]):
            bare_name = strip_postnominals(words)
            if person_like(tuple(bare_name)):
                cues.person += 1  # "Owen Harrow QC", "Jo Ames MP": the letters mark a person
                last -= len(words) - len(bare_name)
                words = bare_name
        while len(words) > 1 and _has_digit(words[-1]):
            words = words[:-1]  # "Nvidia A100": a model number, not part of the name
        if not words:
            return
        if (
            words[0] in DEMONYMS
            and len(words) > 1
            and not any(w in ORG_WORDS for w in words)
            and words[-1] not in EVENT_WORDS
        ):
            words = _trim(words[1:])
        if not keep_words(words):
            return
        end = ends[last - 1]  # what follows the span: text[end:]
        adjacent = last < len(toks) and toks.spaced(text, last - 1)
        after = all_words[last].lower() if adjacent else ""
        prev = before[-1] if before else ""
        if prev in ROLE_WORDS and prev not in _MODIFIERS:
            cues.person += 2
        if prev in ORG_NOUNS and toks.spaced(text, first - 1):
            # "the magazine Charlie Hebdo": outweighs a first name (not 'his own
            # party," Jo Ames said': a quote's last word is no cue)
            cues.org += 3
        if prev in _PLACE_PREPOSITIONS and not (
            len(before) > 1 and before[0] in _NOT_PLACE_BEFORE_IN
        ):
            cues.preposition += 1
        if prev == "the" and (not after or after in _AFTER_THE):
            cues.article += 1  # "the Pentagon said", "in the Commons."
        if (mp := _COMMA_PLACE.match(text, end)) is not None and (
            _known_place(mp.group(1)) or _known_place(mp.group(2))
        ):
            cues.place += 2  # "McAllen, Texas"
        if (mg := _SAID_PRONOUN.match(text, end)) is not None:
            if mg.group(1).lower() == "he":
                cues.male += 1
            else:
                cues.female += 1
        its = _ITS_AFTER.match(text, end) is not None
        if _STATEMENT_AFTER.match(text, end) is not None:
            cues.org += 2  # "Tottenham said in a statement"
        elif its:
            cues.org += 1  # "Acme said its profit rose": a person's would be his/her
        elif after in SPEECH_VERBS or (prev in SPEECH_VERBS and _CLAUSE_END.match(text, end)):
            cues.speech += 1
        if before == ["according", "to"]:
            cues.speech += 1
        if after in _PLACE_NOUNS:
            cues.place += 3
        if after in ORG_AFTER:
            cues.org += 2
        elif after in WORK_AFTER:
            cues.other += 2
        if (
            prev in _WORK_BEFORE
            and (prev in _ENTITLED or (len(before) > 1 and before[0] in _WORK_DETERMINERS))
        ) and (
            toks.spaced(text, first - 1)
            or (
                _APPOSED_END.match(text, end) is not None
                and not (words[0] in FIRST_NAMES and person_like(tuple(words)))
            )
        ):
            cues.other += 4  # "a book entitled X", "the novel X", "her memoir, X, ..."
        elif _WORK_APPOSITIVE.match(text, end) is not None:
            cues.other += 4  # "In X, her memoir, ..."
        if (m := _APPOSITIVE.match(text, end)) is not None:
            phrase = m.group(1).split()
            lowered = [w.lower() for w in phrase if w.lower() not in _MODIFIERS or w.islower()]
            if prev in _PLACE_PREPOSITIONS and any(w in FIRST_NAMES for w in phrase[1:]):
                pass  # "in Dunmore, State Attorney General Roy Bassett": a title for him
            elif any(w in ROLE_WORDS for w in lowered[:4]):
                cues.person += 2
            elif any(w in ORG_NOUNS for w in phrase[:4]):
                cues.org += 2
        if toks.cues[last - 1] == "place":
            cues.place += 3
        start = offset + starts[first] if first < len(toks) else offset
        if (m := _ACRONYM_DEF.match(text, end)) is not None and len(words) > 1:
            acronym = m.group(1)
            if acronym[0] == words[0][0]:
                self.acronyms[acronym] = " ".join(words)
        self._add(words, start, cues, offset + end)

    def _given_name(self, word: str) -> bool:
        """A word that may be a given name before a family name that is a title word
        ("Marla King", "Tomas Bishop"): a listed one, or a capitalised word the article
        never writes in lower case that is no title, place, organisation or modifier
        of a title ("Crown Prince", "Field Marshal", "Supreme Court Judge")."""
        if word in FIRST_NAMES:
            return True
        return (
            word[1:].islower()
            and word not in _TITLE_MODIFIERS
            and not is_title(word)
            and word not in PLACES
            and word not in PLACE_WORDS
            and word not in ORG_WORDS
            and not is_demonym(word)
            and word.lower() not in STOPWORDS
            and word.lower() not in self.lower_words
        )

    def _add(self, words: list[str], start: int, cues: Cues, end: int = -1) -> None:
        self.mentions.append(Mention(tuple(words), start, cues, end))


def _shape_cues(words: tuple[str, ...]) -> Cues:
    """The evidence a name gives by itself, counted once per name (the context
    cues count once per mention): listed places and organisations, organisation,
    place and event head words, first names, camel-case brands, acronyms."""
    cues = Cues()
    phrase = " ".join(words)
    if phrase in PLACES:
        cues.place += 6
    elif phrase in KNOWN_ORGS:
        cues.org += 6
    if len(words) > 1 and words[-1] in EVENT_WORDS:
        cues.other += 4  # "Energy Act", "Davis Cup": the head word decides
    elif (any(w in ORG_WORDS for w in words) or "and" in words) and phrase not in PLACES:
        cues.org += 3  # "and" joins only an organisation's name (``_joins_and``)
    elif len(words) > 1 and words[-1] in PLACE_WORDS:
        # "Hyde Park", but "Michael Bay", "Damon Hill" are people.
        cues.place += 1 if len(words) == 2 and words[0] in FIRST_NAMES else 3
    if len(words) > 1 and words[0] in FIRST_NAMES and person_like(words):
        cues.person += 2
        sex = name_gender(words[0])
        if sex == "m":
            cues.male += 1
        elif sex == "f":
            cues.female += 1
    if any(
        w[:1].isupper() and _CAMEL.search(w) and not re.match(r"(?:Mc|Mac|O')", w) for w in words
    ):
        cues.org += 2
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and phrase not in PLACES:
        cues.org += 1
    return cues


_SHAPE_CUES: Final[Memo[tuple[str, ...], Cues]] = Memo(_shape_cues)


def shape_cues(words: tuple[str, ...]) -> Cues:
    """``_shape_cues``, memoised: a fresh copy the caller may add to."""
    c = _SHAPE_CUES[words]
    return Cues(
        c.person, c.org, c.place, c.speech, c.preposition, c.other, c.article, c.male, c.female
    )


_NOT_IN_NAMES: Final = (
    ORG_WORDS
    | PLACE_WORDS
    | GENERIC
    | word_set(
        "Championships Championship Festival Awards Conference Summit Forum Games Cup Open Expo"
    )
)


_NAME_SUFFIXES: Final = word_set("Jr Sr II III IV")


def person_like(words: tuple[str, ...]) -> bool:
    """Two to four capitalised words, none of them an organisation, place or event
    word; a middle initial ("George W Bush") and a suffix ("Jr") may be among them."""
    n = len(words)
    if not 2 <= n <= 5:
        return False
    if n > 2 and words[-1] in _NAME_SUFFIXES:
        words, n = words[:-1], n - 1
    if n > 4:
        return False
    return all(
        w[:1].isupper()
        and (not w.isupper() or (0 < k < n - 1 and len(w.rstrip(".")) == 1))
        and w not in _CONNECTORS
        and (w not in _NOT_IN_NAMES or (k == 0 and w in FIRST_NAMES))  # "Bill Gates"
        for k, w in enumerate(words)
    )
