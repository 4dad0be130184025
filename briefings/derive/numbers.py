"""A small grammar for quantities in news text: money, percentages, counts, durations.

``read_quantities`` finds every number written in digits and reads its
context: an approximator ("about", "more than"), a currency ("US$", "€",
"yuan", ISO codes), a scale ("million", "bn", "m" after a currency), a range
("5-7%", "between 5 and 7"), a percent sign or word, and the counted noun
("125,000 units", "2,048 Nvidia A100 GPUs", "18 months"). Numbers that are
not quantities are dropped: years, dates, times, phone numbers, ordinals,
version and model names ("GPT-4", "A100", "Galaxy S24", "01.AI", "iPhone 16"),
list numbers and bare numbers with nothing to say what they count.

Everything here is a pure function of one sentence's text; offsets are into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from briefings.derive.currencies import PREFIX, PREFIX_CURRENCY, SUFFIX, SUFFIX_CURRENCY


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _wordset_lines(phrases: str) -> frozenset[str]:
    return frozenset(p.strip() for p in phrases.replace("\n", "|").split("|"))


Kind = Literal["money", "percent", "count", "duration", "number", "rank"]

#: Thousands grouped by commas ("50,000") or, as many outlets outside the US and
#: UK write them, by spaces ("50 000", thin or no-break spaces too): a group of
#: three digits, never a fourth digit after it.
_NUM: Final = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d\-–])(?![.,]\d)"
    r"|\d+(?:\.\d+)?"
)
_GROUPING: Final = str.maketrans("", "", ", \u00a0\u202f")


def plain_number(text: str) -> float:
    """The value of a number as ``_NUM`` matches it ("50,000", "50 000", "2.5")."""
    return float(text.translate(_GROUPING))


# A number that is a word of its own: not glued to letters or other numbers
# on the left ("A100", "GPT-4", "Dec.31", "10:42", "12/09"), nor on the right
# by a decimal comma or a dotted name ("3,5", "01.AI"). The leading ``(?=\d)``
# changes no match: it lets a scan pass over non-digits before the look-behinds.
# A currency written in letters may be glued to its number ("RM6.2 million",
# "Rs.500", "KSh300", "Rp5"): the number is a word of its own after it.
_GLUED_CURRENCY: Final = (
    r"(?<=(?<![A-Za-z])RM)|(?<=(?<![A-Za-z])Rp)|(?<=(?<![A-Za-z])Rs)|(?<=(?<![A-Za-z])Rs\.)"
    r"|(?<=(?<![A-Za-z])KSh)|(?<=(?<![A-Za-z])Ksh)"
)
_NUMBER: Final = re.compile(
    rf"(?=\d)(?:{_GLUED_CURRENCY}|(?<![\w.,/:#]))(?<![A-Za-z][-–])(?<!\d[-–])({_NUM})"
    r"(?![.,:]\d)(?!\.[A-Za-z])"
)

_SCALES: Final = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "tn": 1e12,
    "trn": 1e12,
}
# Scale words after a space; suffixes glued to the number ("$5bn", "£600m").
_SCALE_WORD: Final = re.compile(
    r"[ \u00a0-]?(thousand|million|billion|trillion|crore|lakh|mln|bln|bn|mn|tn|trn)\b"
)
_SCALE_SUFFIX: Final = re.compile(r"(bn|mn|tn|trn|m|k|b|Bn|BN|M|B|K|MN|TN)(?![\w])")
# Units glued to the number that make it a measurement, not a name.
_UNIT_SUFFIX: Final = re.compile(
    r"(km|kg|mph|kph|mw|gw|gwh|kwh|mb|gb|tb|mm|cm|ml|lbs|lb|oz|ha|sq ?km|x)(?![\w])", re.I
)
# Speed units, glued or after a space ("160km/h", "70 mph", "30 m/s"): one unit,
# tried before scale suffixes so the "m" of "m/s" is not read as million.
_SPEED: Final = re.compile(r" ?(km/h|km/hr|kmh|kph|mph|mi/h|m/s|ft/s)(?![\w/])", re.I)
SPEED_UNITS: Final = {"kmh": "km/h", "kph": "km/h", "km/hr": "km/h"}

_PERCENT: Final = re.compile(
    r"\s?(%(?: points?)?|per ?cent\b|pct\b|percentage[ -]points?\b|basis points?\b|bps\b)", re.I
)
_APPROX: Final = _wordset_lines(
    """about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than
    fewer than|at least|at most|up to|as much as|as many as|as little as|as few as|close to
    just over|just under|an estimated|a minimum of|a maximum of|a total of|upwards of
    in excess of|between|a record|only|just|no less than|no more than|not less than
    not more than|well over|well under|at least some|more than|almost|slightly more than
    slightly less than|just shy of|an average of|on average"""
)
_MONTHS: Final = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_SET: Final = frozenset(_MONTHS.split("|"))
_MONTH_AFTER: Final = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_RANGE: Final = re.compile(
    rf"(?:\s?([-–—])\s?|\s(to|and)\s)((?:US|HK|NT|A|C|S)?\$|[€£¥])?({_NUM})(?![.,]\d)",
)
_RANGING_FROM: Final = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+$", re.I
)
#: Words after which a number is an age: "aged 5-17", "ages 18 to 24", "at age 12".
_AGE_WORDS: Final = _wordset("aged ages age")
_AGE_BEFORE: Final = re.compile(r"\b(?:aged|ages|age)\s+$", re.I)
_AGE_RANGE: Final = re.compile(r"\s*(?:-|–|to|and)\s*\d+\b")
_LIST_WORDS: Final = _wordset("no no. nos. number step part page chapter item")
#: Capitalised words before a label number: "Phase six", "Stage 2", "a Level 3 risk"
#: (lower case, "at this stage 20 people", they may end the clause before a count).
_LABEL_WORDS: Final = _wordset(
    "Phase Stage Level Tier Category Grade Goal Goals SDG SDGs Article Section Clause Resolution"
)
#: Days of the week: a capitalised word before a number that does not name it
#: ("seized on Sunday 475 pounds of cocaine").
_WEEKDAYS: Final = _wordset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
#: The denominator of a rate is not a figure of its own ("65 cases per 100,000 people").
_DENOMINATOR_WORDS: Final = _wordset("per")
#: A number after a currency code that is too small and bare to be an amount:
#: a programme's number written like one ("As SGD 7 predicts").
_CODE_PREFIX: Final = re.compile(r"[A-Z]{3}\s?")
_NAME_WORD: Final = re.compile(r"[A-Za-z][\w’'&-]*|\d[\w-]*")
# Sentence-initial words that may stand before a count ("Yesterday 300 people
# marched"); other capitalised words there name a thing ("Fortune 500 firms").
_COUNT_OPENERS: Final = _wordset("""today yesterday tomorrow overall altogether meanwhile instead
    additionally another both all some those these its their his her our my your the
    of in on at by for from with since after before until within among nearly almost
    maybe perhaps yes what although though whereas whilst
    one two three four five six seven eight nine ten eleven twelve
    add allow buy count drink eat expect get give imagine make multiply pay pick put run
    save sell spend take try use wait walk""")
# "120 of its 480 stores": the first number counts the same thing as the second.
_OF_COUNT: Final = re.compile(
    rf"\s+of\s+(?:(?:the|its|their|his|her|our|these|those|a)\s+)?(?:about\s+|some\s+)?({_NUM}"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:[ \u00a0](thousand|million|billion))?(?=\s)"
)
_CHANGE_WORDS: Final = _wordset(
    "from by rose fell gained lost added jumped climbed dropped slipped slid increased decreased"
    " cut raised surged soared plunged tumbled grew declined rise rises fall falls up down"
)
_AND_NUMBER: Final = re.compile(
    rf"\s+and\s+(?:(?:US|HK|NT|A|C|S)?\$|[€£¥])?({_NUM})(?:\s?(thousand|million|billion|trillion|bn|m)\b)?"
)
_PHONE_NEXT: Final = re.compile(r"\)?[ .-]\d{2,4}[ .-]\d")
_PHONE: Final = re.compile(r"\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}")
_YEAR_RANGE: Final = re.compile(r"^(?:1[89]|20)\d\d$")
_BARE_BEFORE: Final = re.compile(
    r"\b(?:at|of|to|than|reached|reach|reaches|is|was|were|are|hit|hits|topped|tops|totalled"
    r"|totaled|numbered|about|around|some|nearly|almost|roughly|approximately|over|estimated)\s+$",
    re.I,
)
_PEOPLE_NOUNS: Final = {
    "other": "person",
    "dead": "person",
    "injured": "person",
    "wounded": "person",
    "missing": "person",
}
_CASUALTY_BEFORE: Final = re.compile(
    r"\b(?:killing|killed|kills|kill|injuring|injured|injures|wounding|wounded|wounds|leaving"
    r"|left)\s+(?:(?:at least|more than|about|around|some|nearly|almost|over|another)\s+)?$",
    re.I,
)
_CLOCK: Final = re.compile(
    r"\s?(?:[ap]\.m\b|[ap]m\b|o'clock\b|GMT\b|BST\b|ET\b|EST\b|PT\b|UTC\b)", re.I
)
#: An era after a year: "900 B.C.", "AD 79" is a date, not a figure.
_ERA: Final = re.compile(r"\s?(?:B\.C\.?|A\.D\.?|BCE?\b|CE\b|AD\b)")

DURATION_UNITS: Final = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "quarter",
}
_IRREGULAR: Final = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "centuries": "century",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "staff": "staff",
    "series": "series",
    "species": "species",
}
# Words that end a counted noun phrase: function words, common verbs, adverbs.
_STOP: Final = _wordset("""a an the of in on at to for from by with as than that which who whom whose
    and or but nor so yet if while when where since until after before because per
    via into onto over under about around across between among through within without
    is are was were be been being am has have had do does did will would can could
    shall should may might must said says say told according ago old earlier later
    this these those its his her their our my your it they he she we you i
    more less most least each every all some any no not only just also still even
    up down out off back away then there here now today yesterday tomorrow next last
    behind above below ahead beyond against during toward towards near inside outside
    like despite including except past than aboard overall apiece
    year-on-year year-over-year annually monthly weekly daily apiece
    am pm a.m. p.m. gmt bst et pt utc cet""")
_WORD: Final = re.compile(r"\s+[“\"‘]?([A-Za-z][\w'’&.+-]*[\w+]|[A-Za-z])")
_VERBISH: Final = re.compile(r"(?:ed|ing|ly)$")
# Irregular past-tense verbs that end a counted noun ("480 workers quit").
_PAST_VERBS: Final = _wordset("""rose fell grew quit lost won took went came gave got ran
    sold bought paid spent began sent kept held stood fled sank shrank fought left died
    hit struck shot caught found""")
# A change verb a few words before "N% to M%" makes it a change, not a range:
# "lifted rates 0.25% to 5.5%".
_CHANGED_BEFORE: Final = re.compile(
    r"\b(?:lift|rais|cut|increas|decreas|reduc|lower|boost|trim|slash|push|driv|tak|br[io]ng"
    r"|ros|ris|fell|fall|jump|climb|grew|grow|gain|drop|slip|slid|surg|soar|plung|tumbl|declin)"
    r"\w*\s+(?:\S+\s+){0,3}$",
    re.I,
)
_IN_YEARS: Final = {"decade": 10.0, "century": 100.0}
_CONTRACTED: Final = _wordset("it he she they we you i that there here what who let")
_COMPASS: Final = _wordset("North South East West Northeast Northwest Southeast Southwest")
_POSITIONS: Final = _wordset("position spot")
_SIZE_WORDS: Final = _wordset("long tall wide deep high")
_ADJECTIVE_OK: Final = frozenset({"red", "bed", "seed", "need", "speed", "feed", "shed", "hundred"})
_DEFAULT_MAX_NOUN_WORDS: Final = 4
#: Adverbs that follow a counted noun but are not part of it.
_NOT_IN_NOUN: Final = _wordset("""rather worldwide nationwide indoors outdoors overseas abroad
    apiece each alone altogether respectively instead too combined together annually again""")
_IRREGULAR_PLURALS: Final = _wordset("men women people children police")
#: Comparatives that follow a number without being what it counts ("two better than").
_COMPARATIVES: Final = _wordset("""better worse more fewer less higher lower bigger smaller
    greater larger""")
#: Third-person verbs that look like plural nouns ("rises", "costs", "falls").
_S_VERBS: Final = _wordset("""rises falls costs drops jumps climbs slips dips increases
    decreases doubles triples grows shrinks stands remains sits totals reaches tops""")
_S_VERB_AFTER: Final = re.compile(
    r"\s+(?:to|by|from|again|back|sharply|slightly|steadily|above|below|at|further|about"
    r"|around|nearly|almost|more|less|only|just|[$€£¥]?\d)\b"
)
#: Races a bare "100m" names: metres, not millions ("the 60m hurdles").
_RACES: Final = _wordset("hurdles heats finals relays medleys sprints dashes")


#: Plurals that modify a noun after them: "two sports cars", "three savings accounts".
_PLURAL_MODIFIERS: Final = frozenset(
    """sports arms savings goods sales news customs earnings weapons drugs jobs
    systems operations communications parts""".split()
)
#: Nouns in "-us" whose plural is "-uses" ("buses", not "buse").
_US_NOUNS: Final = _wordset(
    """bus minibus bonus virus campus census status surplus consensus stimulus fungus circus
    chorus prospectus apparatus octopus genus sinus walrus hippopotamus"""
)
#: Nouns in "-oe" ("shoes"): every other "-oes" plural drops "es" ("heroes").
_OE_NOUNS: Final = _wordset("shoes toes canoes hoes oboes foes horseshoes tiptoes")
#: "-ies" and "-ves" plurals whose singular is not "-y" / "-f".
_SINGULAR_EXCEPTIONS: Final = {
    "movies": "movie",
    "quizzes": "quiz",
    "lenses": "lens",
    "headaches": "headache",
    "caches": "cache",
    "niches": "niche",
    "avalanches": "avalanche",
    "moustaches": "moustache",
    "mustaches": "mustache",
    "cliches": "cliche",
    "cookies": "cookie",
    "zombies": "zombie",
    "calories": "calorie",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "wolves": "wolf",
    "halves": "half",
    "shelves": "shelf",
    "thieves": "thief",
    "leaves": "leaf",
}


_NOT_MEN: Final = frozenset("specimen omen abdomen regimen stamen amen hymen".split())


def _ends_plural(word: str) -> bool:
    """A lower-case plural noun ("months", "women"): the end of a counted noun."""
    low = word.lower()
    if not word.islower():
        return False
    return (
        low in _IRREGULAR_PLURALS
        or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3)
        or (low.endswith(("men", "children")) and low not in _NOT_MEN)  # "businesswomen"
    )


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity in a sentence; ``start``/``end`` cover ``text``."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: Kind
    approx: str | None = None
    high: float | None = None
    noun_start: int = -1
    noun_end: int = -1
    scaled: bool = False
    #: The counted noun when the sentence does not repeat it after the number
    #: ("Six people were killed and 22 injured": 22 counts "people").
    noun: str = ""
    #: The number was written in words ("six people").
    spelled: bool = False
    #: Refers back to a count given before ("the two men").
    weak: bool = False


class _Left:
    """The last words before a number: approximator, month, list mark, previous word."""

    __slots__ = ("approx", "approx_start", "last", "last_start", "list_mark", "month", "spaced")

    def __init__(self, before: str) -> None:
        self.spaced = before[-1:].isspace()
        tail = before.rstrip()
        words = tail.rsplit(None, 3)[-3:]
        self.last = words[-1] if words else ""
        self.last_start = len(tail) - len(self.last)
        low = [w.lower() for w in words]
        last = low[-1] if low else ""
        self.month = self.spaced and last.rstrip(".") in _MONTH_SET
        self.list_mark = (
            self.spaced and (last in _LIST_WORDS or (words[-1] if words else "") in _LABEL_WORDS)
        ) or before.endswith("#")
        self.approx: str | None = None
        self.approx_start = len(before)
        if self.spaced:
            for k in (3, 2, 1):
                phrase = " ".join(low[-k:])
                if len(low) >= k and phrase in _APPROX:
                    pos = len(tail)
                    for word in reversed(words[-k:]):
                        pos = tail.rfind(word, 0, pos)
                    self.approx, self.approx_start = phrase, pos
                    break


_BEFORE_MINUS: Final = " \t\n\u00a0([{“\"‘':=~≈"


def _names_at_start(word: str) -> bool:
    """A sentence's first word names a thing when a number follows it: an
    index or acronym ("S&P 500", "FTSE 100") or a capitalised word that is not
    a determiner, preposition or adverb ("Fortune 500", "Formula 1")."""
    if "&" in word or (len(word) > 1 and word.isalpha() and word.isupper()):
        return True
    low = word.lower()
    return (
        word[0].isupper()
        and word[1:].islower()
        and low not in _COUNT_OPENERS
        and low not in _STOP
        and low not in _APPROX
        and not _VERBISH.search(low)
    )


def _scale(word: str | None) -> float:
    return _SCALES.get(word.lower(), 1.0) if word else 1.0


def singular(word: str) -> str:
    """A lemma-ish singular form of a counted noun ("GPUs" -> "GPU", "deals" -> "deal")."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low] if word.islower() else word
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1]  # GPUs, LLMs
    if not word.islower():
        return word
    if low in _SINGULAR_EXCEPTIONS:
        return _SINGULAR_EXCEPTIONS[low]
    if low.endswith("children"):
        return low[:-3]  # "grandchildren"
    if low.endswith("men") and low not in _NOT_MEN and len(low) > 4:
        return low[:-2] + "an"  # "businesswomen", "firemen"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes", "zzes", "tzes")) or (
        low.endswith("uses") and low[:-2] in _US_NOUNS
    ):
        return low[:-2]  # "taxes", "churches", "buses", "bonuses"
    if low.endswith("oes") and low not in _OE_NOUNS:
        return low[:-2]  # "heroes", "vetoes" (not "shoes")
    if low.endswith("ses") and low[:-3].endswith(("cri", "analy", "the", "diagno", "oa")):
        return low[:-2] + "is"  # "crises", "analyses", "theses"
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return low[:-1]
    return low


def _noun_phrase(text: str, pos: int) -> tuple[int, int, str] | None:
    """The counted noun phrase starting after ``pos``: (start, end, head word)."""
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < _DEFAULT_MAX_NOUN_WORDS:
        m = _WORD.match(text, at)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        if low in ("and", "or") and words and _joined_adjectives(text, words[-1], m.end()):
            # "15 deep and surface mines": two adjectives of one plural noun
            second = _WORD.match(text, m.end())
            noun = _WORD.match(text, second.end()) if second else None
            if second and noun:
                words.extend((m, second, noun))
            break
        if "’" in low or "'" in low:
            base = low.replace("’", "'").split("'")[0]
            if base in _STOP or base in _CONTRACTED:
                break  # "for two decades it's been"
        if (
            low in _STOP
            or (words and (low in _PAST_VERBS or low in _SIZE_WORDS))
            or (not words and low in _NEVER_NOUNS)
        ):
            break  # "140,000 words long"
        if _VERBISH.search(low) and low not in _ADJECTIVE_OK and words:
            break
        if low in _NOT_IN_NOUN or (low in _PAST_VERBS and not words):
            break  # "nine judges rather than five", "50,000 sold", "60m indoors"
        if not words and low in _COMPARATIVES:
            break  # "53 points, two better than Liverpool": the number counts points
        if not words and low in _S_VERBS and _S_VERB_AFTER.match(text, m.end()):
            break  # "the tally of 45 rises to 50", "1kg costs $3": a verb, not a noun
        if words and word[:1].isupper() and _ends_plural(words[-1].group(1)):
            break  # "12 months Mr Ray oversaw": a name starts the next clause
        if (
            words
            and _ends_plural(words[-1].group(1))
            and words[-1].group(1).lower() not in _PLURAL_MODIFIERS
            and not _ends_plural(word)
        ):
            break  # "200 girls taken", "40,000 visitors make", "20 miles east": the plural was the head
        words.append(m)
        if low in _IRREGULAR_PLURALS:
            break  # "20 women work part-time": the plural closes the noun phrase
        at = m.end()
        if "." in word and text.startswith(".", at) and len(word) <= 5:
            at += 1  # "U.S. troops": the abbreviation's last dot
        if text.startswith("-", at) or text.startswith("’s", at) or text.startswith("'s", at):
            break
    # A trailing -ed/-ing word alone ("5 million expected") is not a noun.
    while words and _VERBISH.search(words[-1].group(1).lower()) and len(words) == 1:
        words.pop()
    if not words:
        return None
    head = words[-1].group(1).rstrip(".")
    return words[0].start(1), words[-1].end(1), head


def _joined_adjectives(text: str, before: re.Match[str], at: int) -> bool:
    """ "deep and surface mines": ``before`` (a lower-case word that is not a plural
    noun) and the word after "and"/"or" at ``at`` both modify the plural noun after
    them."""
    first = before.group(1)
    if not first.islower() or _ends_plural(first) or first in _STOP:
        return False
    second = _WORD.match(text, at)
    if second is None:
        return False
    noun = _WORD.match(text, second.end())
    if noun is None:
        return False
    adjective, head = second.group(1), noun.group(1)
    return (
        adjective.islower()
        and adjective not in _STOP
        and not _ends_plural(adjective)
        and not _VERBISH.search(adjective)
        and _ends_plural(head)
        and head not in _STOP
    )


def _of_count(text: str, end: int) -> tuple[int, int, str] | None:
    """ "120 of its 480 stores": the noun counted by the number after "of"."""
    m = _OF_COUNT.match(text, end)
    if m is None or (_YEAR_RANGE.match(m.group(1)) and not m.group(2)):
        return None
    np = _noun_phrase(text, m.end())
    if np is None:
        return None
    lemma = singular(np[2])
    if lemma.lower() in ("old", "olds"):
        return None
    return np[0], np[1], lemma


def has_number_words(sentence: str) -> bool:
    """Whether ``sentence`` may hold a number in words ("six", "half", "sixfold").
    A quick test (a set lookup, no regular expression) that may say yes wrongly."""
    low = sentence.lower()
    if "fold" in low:
        return True
    for mark in _WORD_MARKS:
        if mark in low:
            low = low.replace(mark, " ")
    return not _NUMBER_WORDS.isdisjoint(low.split())


def read_quantities(sentence: str, yen: str = "JPY", words: bool | None = None) -> list[Quantity]:
    """Every quantity in one sentence, in order. ``yen`` is the ISO code for ``¥``;
    ``words`` is ``has_number_words(sentence)`` when the caller knows it."""
    out = _read_digits(sentence, yen) if _DIGIT_ANY.search(sentence) else []
    if words is None:
        words = has_number_words(sentence)
    if not words and _ORDINAL_ANY.search(sentence) is None:
        return out
    taken = [(q.start, q.end) for q in out]
    spelled: list[Quantity] = []
    for q in _read_extras(sentence):
        if not any(a < q.end and q.start < b for a, b in taken):
            spelled.append(q)
            taken.append((q.start, q.end))
    for w in _ALPHA_WORD.finditer(sentence):
        if w.group().lower() not in _NUMBER_WORDS:
            continue
        m = _SPELLED.match(sentence, w.start())
        if m is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        found = _read_spelled(sentence, m, yen)
        if found is None:
            in_ten = _IN_TEN.match(sentence, m.end())
            if in_ten is not None and _is_rating(sentence, m.start(), in_ten):
                taken.append((m.start(), in_ten.end()))  # "rated four out of five"
                continue
        if found is not None and not any(a < found.end and found.start < b for a, b in taken):
            spelled.append(found)
            taken.append((found.start, found.end))
    if not spelled:
        return out
    return _with_bare_counts(sentence, sorted([*out, *spelled], key=lambda q: q.start))


def _with_bare_counts(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """Bare numbers before a participle after a spelled count: "Six people were
    killed and 22 injured"."""
    out: list[Quantity] = []
    for q in found:
        out.append(q)
        if q.noun_start < 0:
            continue
        for m in _NUMBER.finditer(sentence, q.end, min(len(sentence), q.end + 60)):
            nxt = next((f for f in found if f.start >= q.end), None)
            if nxt is not None and m.start() >= nxt.start:
                break
            extra = _bare_participle(
                sentence, m.start(1), m.end(1), sentence[q.noun_start : q.noun_end]
            )
            if extra is not None:
                out.append(extra)
            break
    return out


def _read_digits(sentence: str, yen: str) -> list[Quantity]:
    out: list[Quantity] = []
    consumed = 0
    prev_noun = ""
    for m in _NUMBER.finditer(sentence):
        if m.start() < consumed:
            continue
        if _PHONE_NEXT.match(sentence, m.end()):
            phone = _PHONE.match(sentence, max(0, m.start() - 2))
            if phone is None:
                phone = _PHONE.match(sentence, m.start())
            if phone is not None and phone.end() > m.end():
                consumed = phone.end()  # "+44 20 7946 0018"
                continue
        if _AGE_BEFORE.search(sentence, max(0, m.start(1) - 8), m.start(1)):
            age = _AGE_RANGE.match(sentence, m.end(1))
            consumed = age.end() if age else m.end(1)
            continue  # "aged 18 to 24": an age range, neither end a figure
        q = _read_one(sentence, m.start(1), m.end(1), plain_number(m.group(1)), yen)
        if q is None:
            in_ten = _IN_TEN.match(sentence, m.end(1))
            if in_ten is not None and _is_rating(sentence, m.start(1), in_ten):
                consumed = in_ten.end()  # "rated 4 out of 5 stars": the 5 is no count
                continue
        if q is None and prev_noun:
            q = _bare_participle(sentence, m.start(1), m.end(1), prev_noun)
        if q is not None:
            out.append(q)
            consumed = q.end
            if q.noun_start >= 0:
                prev_noun = sentence[q.noun_start : q.noun_end]
    return out


# "Six people were killed and 22 injured": a bare number before a participle
# counts the noun of the figure before it.
_BARE_PARTICIPLE: Final = re.compile(
    r"\s+(?:(?:were|more|others?|have been|had been)\s+)?([a-z]+(?:ed|en)|hurt|missing|dead)\b"
)


def _bare_participle(text: str, start: int, end: int, noun: str) -> Quantity | None:
    m = _BARE_PARTICIPLE.match(text, end)
    if m is None or text[start - 1 : start] in "$€£¥" or _YEAR_RANGE.match(text[start:end]):
        return None
    head = noun.split()[-1]
    lemma = singular(head)
    kind: Kind = "duration" if lemma.lower() in DURATION_UNITS else "count"
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=plain_number(text[start:end]),
        unit=lemma,
        kind=kind,
        noun=noun,
    )


_HYPHENATED: Final = re.compile(r"[-–]\w")
_OF: Final = re.compile(r"\s+of\s+")
_OF_DETERMINER: Final = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|a|an)\s+)?")


def _read_one(
    text: str, start: int, end: int, value: float, yen: str, spelled: bool = False
) -> Quantity | None:
    num_text = text[start:end]
    currency: str | None = None
    cur = PREFIX.search(text, max(0, start - 7), start)
    if cur:
        token = cur.group().strip()
        currency = yen if token == "¥" else PREFIX_CURRENCY.get(token.rstrip("."), token)
        start -= len(cur.group())
    if (
        currency is None
        and _YEAR_RANGE.match(num_text)
        and not _PERCENT.match(text, end)
        and not _SCALE_WORD.match(text, end)
        and not _SCALE_SUFFIX.match(text, end)
    ):
        return None  # "in 2023", "2000 results"
    before = text[max(0, start - 40) : start]
    left = _Left(before)
    if currency is None:
        if _CLOCK.match(text, end):
            return None  # "2 a.m.", "7 pm"
        if _ERA.match(text, end) or text[max(0, start - 3) : start] in ("AD ", "A.D"):
            return None  # "900 B.C.", "AD 79": a date
        if left.month or _MONTH_AFTER.match(text, end):
            return None  # "May 29", "16 August"
        if left.list_mark:
            return None  # "No. 1", "#3"
        if left.spaced and left.last.lower() in _DENOMINATOR_WORDS:
            return None  # "per 100,000 people": a rate's denominator
        if left.spaced and left.last.lower() in _AGE_WORDS and not _PERCENT.match(text, end):
            return None  # "children aged 5-17", "at age 12": an age, not a count
        if left.spaced and left.last.lower() == "top" and not _PERCENT.match(text, end):
            return None  # "a UK top 10 hit", "the top five": a place in a list
    # A number right after a capitalised word names a thing: "iPhone 16",
    # "Digital Commerce 360", "Ernie Bot 4.0" (not at the start of a sentence,
    # nor after a possessive: "Alibaba's 77% drop").
    prev = left.last if left.spaced else ""
    named = bool(
        currency is None
        and _NAME_WORD.fullmatch(prev)
        and (prev[0].isupper() or prev[0].isdigit() or not prev.islower())
        and (
            text[: start - (len(before) - left.last_start)].strip(" “\"‘'(")
            or (num_text.isdigit() and _names_at_start(prev))
        )
        and not prev.endswith(("’s", "'s"))
        and prev not in _WEEKDAYS
        and left.approx is None
        and not left.month
    )
    approx = left.approx
    if approx is not None:
        approx_start = start - (len(before) - left.approx_start)
    negative = False
    # A minus sign follows a space or an opening mark, never a figure or a
    # unit: "5.25%-5.50%" is a range, not 5.25% and -5.50%.
    if text[start - 1 : start] in ("-", "−") and text[start - 2 : start - 1] in _BEFORE_MINUS:
        negative = True
        start -= 1

    # Scale: "$5bn", "£600m", "800 million".
    scale_word: str | None = None
    speed = _SPEED.match(text, end) if currency is None else None
    if speed is not None:
        unit_text = speed.group(1).lower()
        value *= -1 if negative else 1
        if approx is not None:
            start = approx_start
        return Quantity(
            start=start,
            end=speed.end(),
            text=text[start : speed.end()],
            value=value,
            unit=SPEED_UNITS.get(unit_text, unit_text),
            kind="count",
            approx=approx,
        )
    suffix = _SCALE_SUFFIX.match(text, end)
    if suffix and (currency or suffix.group(1) in ("bn", "mn", "tn", "trn", "m")):
        scale_word = suffix.group(1)
        end = suffix.end()
    elif suffix is None:
        sw = _SCALE_WORD.match(text, end)
        if sw:
            scale_word = sw.group(1)
            end = sw.end()
    glued_unit = None
    if scale_word is None:
        gu = _UNIT_SUFFIX.match(text, end)
        if gu:
            glued_unit = gu.group(1)
            end = gu.end()
    if text[end : end + 1].isalpha() or text[end : end + 1].isdecimal():
        return None  # "1990s", "3pm", "5G", "1st", "4x"
    scale = _scale(scale_word)
    if (
        cur is not None
        and scale_word is None
        and value < 20
        and num_text.isdigit()
        and _CODE_PREFIX.fullmatch(cur.group())
    ):
        return None  # "SGD 7", "SDG 7": a goal's number, not seven dollars
    if scale_word == "m" and currency is None:
        # "100m" without a currency is often metres ("the 100m final").
        nxt = _noun_phrase(text, end)
        if nxt is None or not _ends_plural(nxt[2].lower()) or nxt[2].lower() in _RACES:
            return None
        words = text[nxt[0] : nxt[1]].split()
        if not nxt[2].islower() and len(words) > 1:
            return None  # "the 100m champion Kim Collins": a name, not what is counted

    # Ranges: "5-7%", "$5bn to $7bn", "between 5 and 10 million".
    high: float | None = None
    after_scale = end
    rng = _RANGE.match(text, end)
    if rng and glued_unit is None:
        joiner = rng.group(1) or rng.group(2)
        # "from $10m to $12m" and "rose $1.64 to $47.10" are changes, not ranges.
        change = (
            left.spaced
            and left.last.lower() in _CHANGE_WORDS
            and not _RANGING_FROM.search(before)  # "prices range from $5 to $9"
        )
        ok = (joiner == "and") == (approx == "between") and not (joiner == "to" and change)
        if ok:
            high_end = rng.end()
            high_scale, low_scale = scale, scale
            hs = _SCALE_SUFFIX.match(text, high_end) or _SCALE_WORD.match(text, high_end)
            if hs:
                high_scale = _scale(hs.group(1))
                low_scale = scale if scale_word else high_scale
                high_end = hs.end()
            high_value = plain_number(rng.group(4)) * high_scale
            # A descending pair is a score ("3-0"), not a range.
            if not text[high_end : high_end + 1].isalpha() and high_value > value * low_scale:
                high, end, scale = high_value, high_end, low_scale
                if hs and scale_word is None:
                    scale_word = hs.group(1)
                if currency is None and rng.group(3):
                    token = rng.group(3)
                    currency = yen if token == "¥" else PREFIX_CURRENCY.get(token, "USD")

    if currency is None and high is not None and _MONTH_AFTER.match(text, end):
        return None  # "5-6 March"
    kind: Kind = "number"
    unit: str | None = None
    noun_start = noun_end = -1
    pct = _PERCENT.match(text, end)
    if pct and currency is None:
        word = pct.group(1).lower()
        kind = "percent"
        unit = (
            "percentage point"
            if word.startswith(("percentage", "% point"))
            else "basis point"
            if word.startswith(("basis", "bps"))
            else "%"
        )
        end = pct.end()
        if high is None:
            # "5.25%-5.50%", "3% to 4%": the sign on both ends.
            rng = _RANGE.match(text, end)
            change = left.spaced and (
                left.last.lower() in _CHANGE_WORDS or bool(_CHANGED_BEFORE.search(before))
            )
            if rng and rng.group(3) is None and not (rng.group(2) and change):
                second = _PERCENT.match(text, rng.end())
                high_value = plain_number(rng.group(4))
                if (
                    rng.group(2) != "and"
                    and second
                    and second.group(1).lower() == pct.group(1).lower()
                    and high_value > value
                ):
                    high, end = high_value, second.end()
    elif currency is None:
        suf = SUFFIX.match(text, end)
        if suf:
            word = " ".join(w for w in (suf.group(1), suf.group(2)) if w).lower()
            iso = suf.group(3)
            if iso:
                currency = "CNY" if iso == "RMB" else iso
            elif word.startswith(("won", "pound")) and scale == 1.0 and value < 1000:
                suf = None  # "they won 3", "5 pounds of flour"
            else:
                key = word.rstrip("s") if word not in ("reais", "pounds sterling") else word
                key = {"u dollar": "us dollar"}.get(key, key)
                currency = SUFFIX_CURRENCY.get(key, SUFFIX_CURRENCY.get(key.split()[-1], "USD"))
            if suf:
                end = suf.end()
    if currency:
        kind = "money"
        unit = currency
    elif kind == "number" and glued_unit:
        kind = "count"
        unit = glued_unit.lower()
    elif kind == "number":
        if _HYPHENATED.match(text[end : end + 2]):
            return _compound(
                text, start, end, value, approx, start if approx is None else approx_start, spelled
            )
        in_ten = _IN_TEN.match(text, end)
        if in_ten is not None:
            return _proportion(
                text, start if approx is None else approx_start, end, value, in_ten, approx, spelled
            )
        np = _noun_phrase(text, end)
        if np is not None:
            noun_start, noun_end, head = np
            lemma = singular(head)
            if lemma.lower() in ("old", "olds"):
                return None
            first_word = text[noun_start:noun_end].split()[0]
            if first_word in _COMPASS or lemma.lower() in _POSITIONS:
                return None  # "38 North" (a name), "22.4 position"
            phrase_words = text[noun_start:noun_end].split()
            if (
                not spelled
                and start > 0
                and all(w[:1].isupper() and not w.isupper() for w in phrase_words)
                and not head.endswith("s")
            ):
                return None  # "radio station 6 Music", "10 Downing Street": a name
            if head.lower() in ("unit", "units", "piece", "pieces", "item", "items"):
                of = _OF.match(text[noun_end:])
                det = _OF_DETERMINER.match(text[noun_end:])
                inner = _noun_phrase(text, noun_end + det.end() - 1) if of and det else None
                if inner is not None:
                    lemma = singular(inner[2])
            lemma = _PEOPLE_NOUNS.get(lemma.lower(), lemma)  # "357 others", "12 dead"
            first = text[noun_start:noun_end].split()[0]
            if first in DURATION_UNITS and first != head:
                lemma = first  # "a four year consultation period"
            kind = "duration" if lemma.lower() in DURATION_UNITS else "count"
            unit = lemma
            end = noun_end
        elif scale_word is None:
            of_count = _of_count(text, end)
            if (
                of_count is None
                and _CASUALTY_BEFORE.search(before)
                and not _YEAR_RANGE.match(num_text)
            ):
                kind, unit = "count", "person"  # "killing at least 137 and wounding 357"
            elif of_count is None:
                if "," in num_text and value >= 1000 and _BARE_BEFORE.search(before):
                    kind = "number"  # "estimated at around 40,000", "more than 12,000 in"
                else:
                    return None  # a bare number: nothing says what it counts
            else:
                noun_start, noun_end, unit = of_count
                kind = "duration" if unit.lower() in DURATION_UNITS else "count"

    if named and kind in ("count", "duration", "number") and scale == 1.0:
        return None
    if kind != "money" and _YEAR_RANGE.match(num_text) and scale == 1.0 and kind != "percent":
        return None  # "in 2023", "2000 results"
    if approx == "between" and high is None:
        # "between 250 euros and 600 euros", "between 20% and 30%".
        second = _AND_NUMBER.match(text, end)
        unit_text = text[after_scale:end]
        if second and text.startswith(unit_text, second.end()):
            high = plain_number(second.group(1)) * _scale(second.group(2) or None)
            end = second.end() + len(unit_text)
        else:
            approx = None  # never show "between 250 euros" alone
    value *= scale
    if negative:
        value = -value
    if approx is not None:
        start = approx_start
    if kind == "percent" and high is None and value > 0 and _is_fall(text, start, end):
        value = -value  # "slipped 0.14%", "a 5% drop"
    if unit in _IN_YEARS:
        value *= _IN_YEARS[unit]  # "two decades": 20 years
        high = high * _IN_YEARS[unit] if high is not None else None
        unit = "year"
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        kind=kind,
        approx=approx,
        high=high,
        noun_start=noun_start,
        noun_end=noun_end,
        scaled=scale != 1.0,
        spelled=spelled,
    )


# ----------------------------------------------------------------------------
# Falls: a percentage that is a fall reads as negative.

_FALL_BEFORE: Final = re.compile(
    r"\b(?:fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines"
    r"|declining|slipped|slip|slips|slid|slide|slides|sliding|lost|lose|loses|losing|shed|sheds"
    r"|dipped|dip|dips|decreased|decrease|decreases|shrank|shrunk|shrink|shrinks|plunged|plunge"
    r"|plunges|tumbled|tumble|tumbles|sank|sink|sinks|eased|eases|retreated|contracted|slumped"
    r"|slump|slumps|down|lower)\s+(?:by\s+)?(?:(?:an?\s+)?[a-z]+\s+)?$",
    re.I,
)
_FALL_AFTER: Final = re.compile(
    r"\s+(?:fall|drop|decline|decrease|slump|plunge|slide|dip|contraction|reduction)\b", re.I
)
_NOT_A_FALL_WORD: Final = _wordset("to at from of")


def _is_fall(text: str, start: int, end: int) -> bool:
    """ "shares slipped 0.14%", "down 3%", "a 5% fall in sales" (not "fell to 3%")."""
    if _FALL_AFTER.match(text, end):
        return True
    m = _FALL_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    gap = text[m.start() : start].split()[1:]
    return not any(w.lower() in _NOT_A_FALL_WORD for w in gap)


# ----------------------------------------------------------------------------
# Spelled-out numbers: "six people", "two million children", "five-and-a-half years".

_UNITS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a dozen": 12,
    "dozen": 12,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNIT_WORDS: Final = "|".join(sorted((k for k in _UNITS if " " not in k), key=len, reverse=True))
_TEN_WORDS: Final = "|".join(_TENS)
_SPELLED: Final = re.compile(
    rf"(?<![\w-])(?:({_TEN_WORDS})(?:[- ]({_UNIT_WORDS}))?|(a dozen|{_UNIT_WORDS}))"
    r"((?:[- ]and[- ]a[- ]half)?)(?![\w])",
    re.I,
)
# Determiners before a spelled number that refer back ("the two men", "both"):
# those numbers repeat a count already given.
_BACK_REFERENCE: Final = _wordset(
    "the these those its their his her our your my both all each first last next past top other"
)


def _spelled_value(m: re.Match[str]) -> float:
    value = 0.0
    if m.group(1):
        value = float(_TENS[m.group(1).lower()])
        if m.group(2):
            value += _UNITS[m.group(2).lower()]
    else:
        value = float(_UNITS[m.group(3).lower()])
    if m.group(4):
        value += 0.5
    return value


_NAME_AFTER: Final = re.compile(r"[ -][A-Z][a-z]")
#: Verbs that never name what a number counts ("the two became friends").
_NEVER_NOUNS: Final = _wordset("""became begin began met married went came died fled said told
    gave took knew saw spoke wrote sat drove flew agreed decided led made brought felt chose
    includes exists contains remains involves requires seems appears becomes consists occurs
    happens belongs depends insists persists survives agrees believes thinks knows wants says""")


def _read_spelled(text: str, m: re.Match[str], yen: str) -> Quantity | None:
    """A spelled-out number with what it counts; bare ones, "one" and numbers
    that refer back ("the two men") are left out."""
    value = _spelled_value(m)
    prev = text[: m.start()].rstrip().rsplit(None, 1)[-1:] or [""]
    weak = prev[0].lower() in _BACK_REFERENCE
    if text.startswith(("-", "–"), m.end()) and text[m.end() + 1 : m.end() + 2].isdecimal():
        return None  # "one-0", scores
    if (
        m.group()[:1].isupper()
        and m.start() > 0
        and _NAME_AFTER.match(text, m.end())
        and text[: m.start()].rstrip()[-1:] not in ".!?:;\"“‘'("
    ):
        return None  # "the Six Nations", "a Big Four bank": a name, not a count
    word = m.group().lower()
    if word == "one" and not (_SCALE_WORD.match(text, m.end()) or _IN_TEN.match(text, m.end())):
        return None  # only "one million", "one in five"
    if _OF_PHRASE.match(text, m.end()) and not _OF_COUNT.match(text, m.end()):
        return None  # "two of them", "one of the best"
    q = _read_one(text, m.start(), m.end(), value, yen, spelled=True)
    if q is not None and q.kind == "money" and not q.scaled and value < 10:
        return None  # "three euros": small change, often a conversion
    if q is not None and weak:
        q = _weakened(q)
    return q


def _weakened(q: Quantity) -> Quantity:
    """``q`` marked as referring back (fields copied by hand: mypyc-friendly)."""
    return Quantity(
        start=q.start,
        end=q.end,
        text=q.text,
        value=q.value,
        unit=q.unit,
        kind=q.kind,
        approx=q.approx,
        high=q.high,
        noun_start=q.noun_start,
        noun_end=q.noun_end,
        scaled=q.scaled,
        noun=q.noun,
        spelled=q.spelled,
        weak=True,
    )


_OF_PHRASE: Final = re.compile(r"\s+of\b")


# ----------------------------------------------------------------------------
# Compounds: "a 25-year partnership", "the 1,100-mile convoy", "a 123-point lead".

_COMPOUND: Final = re.compile(r"[-–]([A-Za-z]+)(?:[-–]([A-Za-z]+))?(?![\w-])")
# Compound units that do not make a figure: ages, records ("a 10-year low"),
# counts of times ("a three-time champion"), vague ones ("30-something").
_COMPOUND_SKIP: Final = _wordset("""old time times something odd plus fold strong ish""")
_RECORD_NOUNS: Final = _wordset("low high record best worst peak")


def _compound(
    text: str, start: int, end: int, value: float, approx: str | None, begin: int, spelled: bool
) -> Quantity | None:
    m = _COMPOUND.match(text, end)
    if m is None:
        return None
    if m.group(1)[0].isupper():
        return None  # "the Six-Day War", "a Five-Star General"
    unit_word = m.group(1).lower()
    if unit_word in _COMPOUND_SKIP or (m.group(2) or "").lower() in _COMPOUND_SKIP:
        return None
    if m.group(2):
        return None  # "a 25-year-long", "a two-to-one" and the like
    np = _noun_phrase(text, m.end())
    if np is None:
        return None
    noun_start, noun_end, head = np
    if (
        head.lower() in _RECORD_NOUNS
        or text[noun_start:noun_end].split()[0].lower() in _RECORD_NOUNS
    ):
        return None
    unit = singular(unit_word)
    kind: Kind = "duration" if unit in DURATION_UNITS else "count"
    return Quantity(
        start=begin,
        end=noun_end,
        text=text[begin:noun_end],
        value=value,
        unit=unit,
        kind=kind,
        approx=approx,
        noun_start=noun_start,
        noun_end=noun_end,
        spelled=spelled,
    )


# ----------------------------------------------------------------------------
# Proportions: "about 7 in 10 voters", "one in five adults" as a percentage.

_IN_TEN: Final = re.compile(
    r"\s+(?:in|out of)\s+(?:every\s+)?(10|ten|5|five|4|four|3|three|2|two|100|1,000|a hundred|a thousand)\b"
)
_DENOMINATORS: Final = {
    "10": 10.0,
    "ten": 10.0,
    "5": 5.0,
    "five": 5.0,
    "4": 4.0,
    "four": 4.0,
    "3": 3.0,
    "three": 3.0,
    "2": 2.0,
    "two": 2.0,
    "100": 100.0,
    "a hundred": 100.0,
    "1,000": 1000.0,
    "a thousand": 1000.0,
}


#: Words before "N out of M" that make it a rating, not a share.
_RATED_BEFORE: Final = re.compile(
    r"\b(?:rated|rating|ranked|ranking|scored|score|scale|level|category|grade|tier)"
    r"(?:\s+(?:of|at|as|a|an))?\s+$",
    re.I,
)
#: Nouns after "N out of M" that make it a rating: "4 out of 5 stars".
_RATING_NOUNS: Final = _wordset("star stars risk rating mark marks")


def _is_rating(text: str, begin: int, m: re.Match[str]) -> bool:
    """ "rated 4 out of 5", "a Level 3 out of 5 risk", "4 out of 5 stars": ``m`` (the
    "out of M" after the number at ``begin``) gives a rating, not a share."""
    if _RATED_BEFORE.search(text, max(0, begin - 24), begin):
        return True
    np = _noun_phrase(text, m.end())
    return np is not None and np[2].lower() in _RATING_NOUNS


def _proportion(
    text: str,
    begin: int,
    end: int,
    value: float,
    m: re.Match[str],
    approx: str | None,
    spelled: bool,
) -> Quantity | None:
    whole = _DENOMINATORS[m.group(1).lower()]
    if value >= whole or value <= 0:
        return None
    if _is_rating(text, begin, m):
        return None  # "rated 4 out of 5", "4 out of 5 stars": a rating, not a share
    stop = m.end()
    noun_start = noun_end = -1
    np = _noun_phrase(text, stop)
    if np is not None:
        noun_start, noun_end, _ = np
        stop = noun_end
    return Quantity(
        start=begin,
        end=stop,
        text=text[begin:stop],
        value=round(value / whole * 100, 6),
        unit="%",
        kind="percent",
        approx=approx,
        noun_start=noun_start,
        noun_end=noun_end,
        spelled=spelled,
    )


# ----------------------------------------------------------------------------
# Multiples, fractions and ranks: "a sixfold reduction", "twice the size",
# "half the population", "two-thirds of voters", "lie 14th in the table".

_FOLD: Final = re.compile(rf"(?<![\w-])(\d+|{_UNIT_WORDS}|{_TEN_WORDS})[- ]?fold(?![\w-])", re.I)
_TWICE: Final = re.compile(
    r"(?<![\w-])(twice|three times|four times|five times|ten times)\s+(?=the\s|as\s)", re.I
)
_FRACTION: Final = re.compile(
    r"(?<![\w-])(half|a third|one third|one-third|two[- ]thirds|a quarter|one quarter"
    r"|three[- ]quarters)\s+(?:(?:of\s+)?(?=(?:the|all|its|their|his|her|our|those)\s)"
    r"|of\s+(?=[a-z][\w-]*s\b))",  # "a third of voters": a plural noun after "of"
    re.I,
)
_FRACTIONS: Final = {
    "half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
}
_NOT_BEFORE_FRACTION: Final = _wordset("first second the a an one and by in")
_ORDINAL: Final = re.compile(r"(?<![\w.,/-])(\d{1,3})(?:st|nd|rd|th)(?=[\s-])")
_RANKED_AFTER: Final = re.compile(
    r"-ranked\b|\s+in\s+the\s+(?:table|standings|rankings?|league|world|polls?|race)\b"
    r"|\s+(?:place|position)\b",
    re.I,
)
_RANKED_BEFORE: Final = re.compile(
    r"\b(?:ranked|lie|lies|lying|sit|sits|sitting|finished|finish|finishes|placed|came|comes"
    r"|currently|now)\s+$",
    re.I,
)
_DET_AFTER: Final = re.compile(r"\s+(?:the|all|its|their|his|her|our|those)\s")


def _times(word: str) -> float:
    low = word.lower()
    if low.isdecimal():
        return float(low)
    return float(_UNITS.get(low, _TENS.get(low, 0)))


def _read_extras(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    low = text.lower()
    if "fold" in low:
        _read_folds(text, out)
    if "twice" in low or "times" in low:
        _read_times(text, out)
    if "half" in low or "third" in low or "quarter" in low:
        _read_fractions(text, out)
        if "illion" in low:
            _read_part_of_a_million(text, out)
    if _ORDINAL_ANY.search(text):
        _read_ranks(text, out)
    return out


_PART_OF_A_MILLION: Final = re.compile(
    r"(?<![\w-])(half|a\s+quarter\s+of|three[- ]quarters\s+of)\s+a\s+(million|billion|trillion)\b",
    re.I,
)
_PART_VALUES: Final = {"half": 0.5, "a quarter of": 0.25, "three quarters of": 0.75}
_MONEY_NOUNS: Final = {"dollars": "USD", "pounds": "GBP", "euros": "EUR"}


def _read_part_of_a_million(text: str, out: list[Quantity]) -> None:
    """ "half a million homes", "a quarter of a billion dollars": a count (or money)."""
    for m in _PART_OF_A_MILLION.finditer(text):
        part = " ".join(m.group(1).lower().replace("-", " ").split())
        value = _PART_VALUES.get(part, 0.5) * _SCALES[m.group(2).lower()]
        np = _noun_phrase(text, m.end())
        noun = text[np[0] : np[1]].lower() if np else ""
        unit = _MONEY_NOUNS.get(noun) or (singular(np[2]) if np else None)
        stop = np[1] if np else m.end()
        out.append(
            Quantity(
                start=m.start(),
                end=stop,
                text=text[m.start() : stop],
                value=value,
                unit=unit,
                kind="money" if noun in _MONEY_NOUNS else "count",
                noun_start=np[0] if np and noun not in _MONEY_NOUNS else -1,
                noun_end=np[1] if np and noun not in _MONEY_NOUNS else -1,
                spelled=True,
                scaled=True,
            )
        )


def _read_folds(text: str, out: list[Quantity]) -> None:
    for m in _FOLD.finditer(text):
        value = _times(m.group(1))
        if value < 2:
            continue
        out.append(_multiple(text, m.start(), m.end(), value, _noun_phrase(text, m.end())))


def _multiple(
    text: str, start: int, end: int, value: float, np: tuple[int, int, str] | None
) -> Quantity:
    """A spelled-out multiple ("sixfold", "twice the size"): it runs to the end of the
    noun phrase it counts, when there is one."""
    stop = np[1] if np else end
    return Quantity(
        start=start,
        end=stop,
        text=text[start:stop],
        value=value,
        unit="times",
        kind="number",
        noun_start=np[0] if np else -1,
        noun_end=np[1] if np else -1,
        spelled=True,
    )


def _read_times(text: str, out: list[Quantity]) -> None:
    for m in _TWICE.finditer(text):
        word = m.group(1).lower()
        value = 2.0 if word == "twice" else _times(word.split()[0])
        det = _DET_AFTER.match(text, m.end() - 1)
        np = _noun_phrase(text, det.end() - 1) if det else None
        out.append(_multiple(text, m.start(), m.end(1), value, np))


def _read_fractions(text: str, out: list[Quantity]) -> None:
    for m in _FRACTION.finditer(text):
        prev = text[: m.start()].rstrip().rsplit(None, 1)[-1:] or [""]
        if prev[0].lower() in _NOT_BEFORE_FRACTION:
            continue
        det = _DET_AFTER.match(text, m.end() - 1)
        np = _noun_phrase(text, det.end() - 1 if det else m.end() - 1)
        if np is None:
            continue
        key = (
            m.group(1).lower().replace("-", " ")
            if "thirds" in m.group(1).lower()
            else m.group(1).lower()
        )
        left = _Left(text[max(0, m.start() - 40) : m.start()])
        start = m.start()
        if left.approx is not None and left.approx != "between":
            start -= len(text[max(0, m.start() - 40) : m.start()]) - left.approx_start
        out.append(
            Quantity(
                start=start,
                end=np[1],
                text=text[start : np[1]],
                value=round(_FRACTIONS.get(key, _FRACTIONS.get(m.group(1).lower(), 50.0)), 6),
                unit="%",
                kind="percent",
                approx=left.approx if start < m.start() else None,
                noun_start=np[0],
                noun_end=np[1],
                spelled=True,
                weak=det is None,  # "a quarter of workers": a vague share ranks below exact ones
            )
        )


def _read_ranks(text: str, out: list[Quantity]) -> None:
    for m in _ORDINAL.finditer(text):
        after = _RANKED_AFTER.match(text, m.end())
        before = _RANKED_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if after is None and before is None:
            continue
        stop = m.end()
        noun_start = noun_end = -1
        if text.startswith("-ranked", stop):
            stop += len("-ranked")
            np = _noun_phrase(text, stop)
            if np is not None:
                noun_start, noun_end = np[0], np[1]
        out.append(
            Quantity(
                start=m.start(),
                end=stop,
                text=text[m.start() : stop],
                value=float(m.group(1)),
                unit="rank",
                kind="rank",
                noun_start=noun_start,
                noun_end=noun_end,
            )
        )


_DIGIT_ANY: Final = re.compile(r"\d")
_ALPHA_WORD: Final = re.compile(r"[A-Za-z]+")
_ORDINAL_ANY: Final = re.compile(r"\d(?:st|nd|rd|th)\b")
_WORD_MARKS: Final = ("-", ",", "“", "”", '"', "(", "‘", ".")
_NUMBER_WORDS: Final = frozenset(
    [
        *[k for k in _UNITS if " " not in k],
        *_TENS,
        *"half twice third thirds quarter quarters".split(),
    ]
)
