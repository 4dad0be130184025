"""What a number counts: a short phrase for each quantity, from its sentence.

Rules, tried in order (the first that gives a phrase wins):

1. ``N [unit] of NP`` / ``N worth of NP``: "22 percent of Nvidia's revenue".
2. A change noun after a percentage: "a 44% rise in sales" -> "rise in sales".
3. Money followed by ``in NP``: "$2.7 billion in cash from Amazon" -> "cash from Amazon";
   "a rise to $4 billion in its sales" -> "sales".
4. The subject of rose/fell/reached/was...: "fourth quarter sales rose 2% to $11bn".
5. The object of raised/cut/increased ... ``by N``: "raised prices by 5%" -> "prices".
6. The noun the number modifies, with a short modifier: "1,400 executives surveyed".
7. Otherwise the clause around the number, trimmed.
"""

from __future__ import annotations

import re
from typing import Final

from briefings.derive.numbers import SPEED_UNITS, Quantity


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MAX_WORDS: Final = 9
SPEEDS: Final = frozenset({"km/h", "mph", "mi/h", "m/s", "ft/s", *SPEED_UNITS.values()})
_LOOK_BACK: Final = 120
_DETERMINER_BEFORE: Final = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$")
_NOUN_OF: Final = re.compile(r"((?:[\w’'&-]+\s+){1,4})of\s+(?:the\s+)?$")
_NP_STOP: Final = _wordset("""that which who whom whose where when while because although though since
    said says told according is are was were be been has have had will would can could
    should may might must do does did and or but than as to by with for at on
    after before during if unless until via against into over under between among
    it""")
_LEADING_JUNK: Final = _wordset("""a an the its their his her our my your this that these those some about around
    and but so then also only just nearly almost roughly over more than less of in each every""")
_CLAUSE_WORDS: Final = _wordset(
    "said says that which while and but as after when where saw see sees"
)
_CHANGE_VERBS: Final = (
    "rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|jumped|jumps|jump|climbed|climbs"
    "|grew|grown|grows|growing|increased|increases|decreased|decreases|declined|declines|dropped"
    "|drops|drop|slump|surge|soar|plunge|slumped|slumps|surged|surges|soared|soars|plunged|plunges|slid|slipped|gained|gains"
    "|lost|reached|reaches|hit|hits|totalled|totaled|totals|topped|tops|doubled|tripled|halved"
    "|stood at|stands at|stand at|was|were|is|are|amounted to|amounts to|came in at|edged up"
    "|edged down|shrank|expanded|widened|narrowed|valued at|worth|priced at|reported"
    "|posted|recorded|made|earned|generated|achieved|accounted for|account for|accounts for"
)
# A change verb with at most 40 characters (no clause break) between it and the number.
_VERB_NEAR: Final = re.compile(
    rf"\b(?:(?:has|have|had|was|were|is|are|will|would|to)\s+)?"
    rf"(?:(?:also|only|just|now|already)\s+)?"
    rf"(?:{_CHANGE_VERBS})\b(?=[^,;:]{{0,40}}$)",
    re.I,
)
_RAISE_BY: Final = re.compile(
    r"\b(?:drove|drive|drives|pushed|push|pushes|brought|bring|brings|took|take|takes|raised|raising|raise|raises|increased|increasing|increase|cut|cutting|cuts|reduced"
    r"|reducing|reduce|boosted|boost|lifted|lift|lowered|lower|slashed|slash|trimmed|trim)\s+"
    r"((?:[\w’'&.-]+\s+){1,6}?)(?:by|to)\s+$",
    re.I,
)
_OF: Final = re.compile(r"\s+(?:worth\s+)?of\s+")
_CHANGE_NOUN: Final = re.compile(
    r"\s+(?:(?:year-(?:over|on)-year|annual|quarterly|monthly|sharp|further)\s+)?"
    r"(rise|drop|fall|increase|decline|jump|gain|growth|cut|decrease|loss|surge|slump|hike|reduction|plunge)"
    r"(?:\s+to\s+\S+(?:\s+(?:thousand|million|billion|trillion))?)?\s+in\s+",
    re.I,
)
_IN_NP: Final = re.compile(r"\s+in\s+")
_CHANGE_IN_TO: Final = re.compile(
    r"\b(?:rise|drop|fall|increase|decline|jump|gain|growth|decrease|loss|surge|slump|plunge)"
    r"\s+in\s+((?:[\w’'&.-]+\s+){1,6}?)to\s+(?:about\s+|around\s+)?$",
    re.I,
)
_WORDS: Final = re.compile(r"[\w’'&.%$€£¥+-]*[\w%$€£¥+]|[\w$€£¥]")
_CLAUSE_BREAK: Final = re.compile(r"[,;:()\[\]—–]|\s-\s|[“”\"]")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _trim(words: list[str]) -> str:
    while words and words[0].lower() in _LEADING_JUNK:
        words = words[1:]
    while words and words[-1].lower() in _NP_STOP | _LEADING_JUNK:
        words = words[:-1]
    return " ".join(words[:_MAX_WORDS])


_DETERMINERS: Final = _wordset(
    "a an the its their his her our my your this that these those some all"
)
# Nouns that quantify rather than name what is counted ("a minimum of", "half of").
_QUANTIFIERS: Final = _wordset(
    "minimum maximum total average half third quarter part most some all record sum"
)
_MONEY_VERB: Final = re.compile(
    r"\b(invest(?:ed|s|ing)?|spen[dt]|spends|spending|paid|pay|pays|raised|raise|raises|received"
    r"|receive|allocated?|allocates|earmark(?:ed|s)?|pledged?|committed|commit|sold|sell|sells"
    r"|bought|buy|buys|fined|fine|borrowed|lent|lost|earned|generated|secured|injected|inject"
    r"|owes?|owed|charged?|charges|offered|offer|bid|donated|awarded|cost|costs)\s+$",
    re.I,
)
_PARTICIPLE: Final = re.compile(
    r"\s+((?:[a-z]+ed|sold|spent|paid|lost|made|held|raised|bought|won)\b)"
)
_ADVERBIALS: Final = re.compile(
    r"\s+(?:(?:over|in|for)\s+(?:time|total|all)|annually|globally|a year|each year|per year"
    r"|last year|this year|so far|in cash|altogether|overall|now|already)\b",
    re.I,
)
_PP: Final = re.compile(r"\s+(in|into|on|for|from|to|across|at)\s+")
_RATE: Final = re.compile(r"\s*(?:\([^)]{1,30}\))?\s+(per|a|an|each)\s+([a-z]+)\b")
_STOPISH: Final = _wordset("per a an each or and in on")
_RATE_NOUNS: Final = _wordset(
    "unit month year week day hour share barrel tonne ton person head user night kilo kg"
)


_NON_SPACE: Final = re.compile(r"\S+")
#: A word that is a number or an amount: "12", "$5bn".
_NUMERAL: Final = re.compile(r"[$€£¥]?\d")
_ED_VERB: Final = re.compile(r"\s+([a-z]+ed)\b")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")


def _noun_phrase_at(text: str, pos: int, limit: int = 6, article: bool = False) -> str:
    """A short noun phrase starting at ``pos``: words up to a clause break or a function word.

    A leading determiner is dropped, or kept in front when ``article`` is set.
    """
    words: list[str] = []
    det = ""
    for m in _NON_SPACE.finditer(text[pos:]):
        raw = m.group()
        word = raw.strip("“”\"‘’'()[],;:.!?")
        if not words and not det and word.lower() in _DETERMINERS:
            det = word
            continue
        if not word or word.lower() in _NP_STOP or _NUMERAL.match(word):
            break
        words.append(word)
        if len(words) >= limit or raw[-1:] in ',;:.!?)”"' or raw[:1] in '(“"':
            break
    phrase = _trim(words)
    return f"{det} {phrase}" if article and det and phrase else phrase


def _subject(before: str) -> str:
    """The words before the change verb, back to a clause break: "fourth quarter sales"."""
    m = _VERB_NEAR.search(before, max(0, len(before) - 60))
    if m is None:
        return ""
    head = before[: m.start()]
    head = head[max(head.rfind(c) for c in ",;:(—–") + 1 :]
    words = _words(head)[-_MAX_WORDS:]
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS), default=0)
    return _trim(words[cut:])


def _noun_before_of(before: str) -> str:
    """ "a net loss of $4m" -> "net loss" (not "a minimum of", "half of the")."""
    if not before.rstrip().endswith(("of", "the")):
        return ""
    m = _NOUN_OF.search(before, max(0, len(before) - 60))
    if m is None:
        return ""
    words = _words(m.group(1))
    cut = max(
        (i + 1 for i, w in enumerate(words) if w.lower() in _NP_STOP | _DETERMINERS), default=0
    )
    words = words[cut:]
    if not words or words[-1].lower() in _QUANTIFIERS or words[-1][0].isdigit():
        return ""
    return _trim(words)


def _verb_phrase(verb: str, after: str) -> str:
    """ "invested $4bn over time in Alibaba" -> "invested in Alibaba"."""
    skip = _ADVERBIALS.match(after)
    rest = after[skip.end() :] if skip else after
    pp = _PP.match(rest)
    if pp:
        phrase = _noun_phrase_at(rest, pp.end(), limit=5, article=True)
        if phrase:
            return f"{verb} {pp.group(1)} {phrase}"
    return ""


def _rate(after: str) -> str:
    m = _RATE.match(after)
    if m and m.group(2) in _RATE_NOUNS:
        return f" {m.group(1)} {m.group(2)}"
    return ""


def measures_for(sentence: str, q: Quantity) -> str:
    """A short phrase saying what quantity ``q`` (offsets in ``sentence``) counts."""
    phrase = _measures(sentence, q)
    if q.kind == "money":
        rate = _rate(sentence[q.end :])
        if rate and rate.split()[-1] not in phrase.split():
            phrase = (phrase or "price") + rate
    return phrase


def _measures(sentence: str, q: Quantity) -> str:
    after = sentence[q.end :]
    # Rules look a few words back; a bounded window keeps anchored searches cheap.
    before = sentence[max(0, q.start - _LOOK_BACK) : q.start]
    if q.unit in SPEEDS:
        # "winds of 100 mph", "the train reached 160km/h": what moves, else "speed".
        return _noun_before_of(before) or _subject(before) or "speed"
    of = _OF.match(after)
    if of:
        phrase = _noun_phrase_at(after, of.end())
        if phrase:
            return phrase
    if q.kind == "percent":
        change = _CHANGE_NOUN.match(after)
        if change:
            phrase = _noun_phrase_at(after, change.end())
            if phrase:
                return f"{change.group(1).lower()} in {phrase}"
    if q.kind == "money":
        if _DETERMINER_BEFORE.search(before, max(0, len(before) - 8)):
            noun = _noun_phrase_at(after, 0, limit=4)
            if noun and noun.split()[0].islower() and noun.split()[0] not in _STOPISH:
                return noun
        into = _CHANGE_IN_TO.search(before, max(0, len(before) - 80))
        if into:
            phrase = _trim(_words(into.group(1)))
            if phrase:
                return phrase
        inside = _IN_NP.match(after)
        if inside:
            phrase = _noun_phrase_at(after, inside.end())
            if phrase:
                return phrase
        participle = _PARTICIPLE.match(after)
        if participle:
            phrase = _verb_phrase(participle.group(1), after[participle.end() :])
            if phrase:
                return phrase
        verb = _MONEY_VERB.search(before, max(0, len(before) - 16))
        if verb:
            phrase = _verb_phrase(verb.group(1).lower(), after)
            if phrase:
                return phrase
    if q.kind in ("money", "percent", "number"):
        phrase = _noun_before_of(before) or _subject(before)
        if phrase:
            return phrase
        raised = _RAISE_BY.search(before, max(0, len(before) - 80))
        if raised:
            phrase = _trim(_words(raised.group(1)))
            if phrase:
                return phrase
    if q.noun_start >= 0:
        noun = sentence[q.noun_start : q.noun_end]
        tail = _ED_VERB.match(after)
        if tail:
            rest = _verb_phrase(tail.group(1), after[tail.end() :])
            return f"{noun} {rest or tail.group(1)}"
        pp = _PP.match(after)
        if pp and pp.group(1) not in ("to", "for"):
            rest = _noun_phrase_at(after, pp.end(), limit=4, article=True)
            if rest:
                return f"{noun} {pp.group(1)} {rest}"
        return noun
    return _clause(sentence, q)


def _clause(sentence: str, q: Quantity) -> str:
    """The clause around the number, without the number, trimmed to a few words."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, q.start):
        start = m.end()
    end_m = _CLAUSE_BREAK.search(sentence, q.end)
    end = end_m.start() if end_m else len(sentence)
    left: list[str] = []
    for word in _words(sentence[start : q.start]):
        left = [] if _NUMERAL.match(word) else [*left, word]
    left = left[-5:]
    right: list[str] = []
    for word in _words(sentence[q.end : end])[:4]:
        if _NUMERAL.match(word) and not _YEAR.fullmatch(word):
            break
        right.append(word)
    phrase = _trim([*left, *right]).rstrip(".")
    if not phrase:  # "Pernod - at 7.5bn euros - is ...": take the sentence's opening words
        phrase = _trim(_words(sentence[: q.start])[:6])
    return phrase
