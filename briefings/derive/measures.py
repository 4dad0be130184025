"""What a number measures: a short noun phrase for each quantity, from its clause.

``measures_for`` builds a head, then adds what the clause says about it.

The head, from the first rule that gives one:

1. Special forms: an exchange rate ("$1.88 to the pound"), a price ("sold for
   $9"), the value of a thing ("a deal worth $5bn"), a size ("140,000 words
   long"), time since ("26 years ago"), casualties ("killing at least 41" ->
   "people killed"), a rank, a fraction or proportion ("share of voters").
2. ``N [unit] of NP``: "share of the island's economy" for a percentage,
   "members of a religion" for a count.
3. A percentage before a noun ("50% income tax" -> "income tax rate") or a
   change noun ("a 44% rise in sales" -> "rise in sales").
4. Money before a noun ("a new £200 council tax rebate"), or ``in NP``.
5. The noun before ``of`` ("a net loss of $4m"), or the subject of a change
   verb ("sales rose 5%" -> "rise in sales"; "sales reached $11bn" -> "sales").
6. The counted noun ("senior trophies"); "time" for a duration; "amount" or
   "value" for money with nothing else; a rate makes an adjective ("annual").

The context, from the clause (bounded by punctuation and clause words):

- the figure as a subject: its verb phrase ("countries that could benefit
  from debt relief", "people killed in the attack": a passive loses "were");
- a participle or gerund after it: that phrase, then the clause before
  ("Britons held at Guantanamo Bay" + "the Supreme Court to give protection");
- otherwise the clause before it (subject and verb, "trophies Mourinho has
  won") and a prepositional phrase after it ("in Wisconsin"). A clause with no
  subject of its own borrows the one before it (past an aside in dashes);
  a change "from $1bn to $2bn" and a list "85% of X, 90% of Y" share the
  words before them.

A qualifier is noted at the end ("(at least)"); ``Figure.measures_shown``
leaves it out where the figure already says it.
"""

from __future__ import annotations

import re
from typing import Final

from briefings.derive.numbers import SPEED_UNITS, Quantity, singular


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _wordset_lines(phrases: str) -> frozenset[str]:
    return frozenset(p.strip() for p in phrases.replace("\n", "|").split("|"))


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
    " means meant show shows showed suggest suggests suggested"
)
_CHANGE_VERBS: Final = (
    "rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|jumped|jumps|jump|climbed|climbs"
    "|grew|grown|grows|growing|increased|increases|decreased|decreases|declined|declines|dropped"
    "|drops|drop|slump|surge|soar|plunge|slumped|slumps|surged|surges|soared|soars|plunged|plunges|slid|slipped|gained|gains"
    "|lost|lose|loses|losing|shed|sheds|dipped|sank|sunk|tumbled|rallied|advanced|reached|reaches|hit|hits|totalled|totaled|totals|topped|tops|doubled|tripled|halved"
    "|stood at|stands at|stand at|was|were|is|are|amounted to|amounts to|came in at|came to|comes to|come to|edged up"
    "|edged down|shrank|expanded|widened|narrowed|valued at|worth|priced at|reported"
    "|posted|recorded|range from|ranges from|ranged from|ranging from|estimated at|put at|set at|pegged at|forecast at|projected at|capped at"
    "|made|earned|generated|achieved|accounted for|account for|accounts for"
    "|leapt|leaped|surging|soaring|jumping|climbing|dropping|plunging|sliding|slipping"
    "|declining|increasing|decreasing|tumbling|shrinking|gone up|went up|gone down|went down"
)
# A change verb with at most 40 characters (no clause break) between it and the number.
_VERB_NEAR: Final = re.compile(
    rf"\b(?:(?:has|have|had|was|were|is|are|will|would|to)\s+)?"
    rf"(?:(?:also|only|just|now|already)\s+)?"
    rf"(?:{_CHANGE_VERBS})\b(?=[^,;:]{{0,40}}$)",
    re.I,
)
_RAISE_BY: Final = re.compile(
    r"\b(drove|drive|drives|pushed|push|pushes|brought|bring|brings|took|take|takes|raised|raising|raise|raises|increased|increasing|increase|cut|cutting|cuts|reduced"
    r"|reducing|reduce|boosted|boost|lifted|lift|lowered|lower|slashed|slash|trimmed|trim)\s+"
    r"((?:[\w’'&.-]+\s+){1,6}?)(by|to)\s+$",
    re.I,
)
#: What raising or cutting something "by" a figure is: the change it names.
_RAISE_NOUNS: Final = {
    **dict.fromkeys("raised raising raise raises lifted lift".split(), "rise"),
    **dict.fromkeys("increased increasing increase".split(), "increase"),
    **dict.fromkeys("boosted boost".split(), "boost"),
    **dict.fromkeys("cut cutting cuts slashed slash trimmed trim lowered lower".split(), "cut"),
    **dict.fromkeys("reduced reducing reduce".split(), "reduction"),
}
_OF: Final = re.compile(r"\s+(?:worth\s+)?of\s+")
_CHANGE_NOUN: Final = re.compile(
    r"\s+(?:(?:year-(?:over|on)-year|annual|quarterly|monthly|sharp|further)\s+)?"
    r"(rise|drop|fall|increase|decline|jump|gain|growth|cut|decrease|loss|surge|slump|hike|reduction|plunge)"
    r"(?:\s+to\s+\S+(?:\s+(?:thousand|million|billion|trillion))?)?\s+in\s+",
    re.I,
)
# "in NP" after the amount, past a conversion and a rate: "$50bn (£27bn) a year in aid".
_IN_NP: Final = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:a|per|each|every)\s+(?:year|month|week|day))?\s+in\s+"
)
_CHANGE_IN_TO: Final = re.compile(
    r"\b(?:rise|drop|fall|increase|decline|jump|gain|growth|decrease|loss|surge|slump|plunge)"
    r"\s+in\s+((?:[\w’'&.-]+\s+){1,6}?)to\s+(?:about\s+|around\s+)?$",
    re.I,
)
# A word never starts with a hyphen ("cases -thought to ... -are": a dash typed as "-").
_WORDS: Final = re.compile(r"[\w’'&.%$€£¥+][\w’'&.%$€£¥+-]*[\w%$€£¥+]|[\w$€£¥]")
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
_STOPISH: Final = _wordset("per a an each or and in on")
_NON_SPACE: Final = re.compile(r"\S+")
#: A word that is a number or an amount: "12", "$5bn".
_NUMERAL: Final = re.compile(r"[$€£¥]?\d")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_DIGIT: Final = re.compile(r"\d")
_RANK_IN: Final = re.compile(
    r"\s+(?:in|on|of)\s+((?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:rankings?|standings|table|charts?"
    r"|list|poll|league|index|leaderboard|order of merit))\b",
    re.I,
)
#: A relative clause between commas before "by"/"to" and the figure.
_REL_ASIDE: Final = re.compile(r",\s+(?:which|who)\s+[^,;:]{1,80},\s+(?=(?:by|to)\s+$)")
#: Nouns that already say a figure is money ("the total cost of the plane is $6m").
_MONEY_NOUNS: Final = _wordset("""cost costs price prices fee fees bill budget revenue revenues
    salary wages fine fines profit profits loss losses spending funding debt debts deficit
    income turnover sales value""")
_BY_TO_END: Final = re.compile(r"\b(?:by|to)\s+$")


def _part_subject(head: str) -> str:
    """The subject before "make up"/"account for", lists kept: "Mainland China and
    Hong Kong" of "Mainland China and Hong Kong account for 22%"."""
    clause = head[max(max(head.rfind(c) for c in ",;:(—–"), 0) :]
    words = _words(clause)[-6:]
    cut = max(
        (
            i + 1
            for i, w in enumerate(words)
            if (w.lower() in _CLAUSE_WORDS and w.lower() not in _AND_OR)
            or w.lower() in _PREPOSITIONS
            or _is_verb(w)
        ),
        default=0,
    )
    subject = _trim(words[cut:])
    return "" if subject.lower() in _SUBJECT_PRONOUNS else subject


#: A figure in a phrase that opens the sentence: "For two decades, ...".
_FRONTED: Final = re.compile(
    r"\s*(?:(?:For|In|Over|After|Within|During|Since)\s+)(?:(?:the|nearly|almost|about|more\s+than"
    r"|over|some|just)\s+)*$"
)
_COMMA_AFTER: Final = re.compile(r"\s*,\s+")
#: A part of a whole: "X make up / account for / represent N% of Y".
_MAKES_UP: Final = re.compile(
    r"\b(make|makes|made|making|account|accounts|accounted|accounting|represent|represents"
    r"|represented|representing|comprise|comprises|comprised)\s+(?:up\s+|for\s+)?"
    r"(?:(?:about|around|roughly|nearly|almost|some|just|only|over|under|more\s+than|less\s+than"
    r"|at\s+least|up\s+to)\s+)?$",
    re.I,
)
_MAKES_UP_PARTICIPLE: Final = {
    **dict.fromkeys("make makes made making".split(), "made up"),
    **dict.fromkeys("account accounts accounted accounting".split(), "accounted for"),
    **dict.fromkeys("represent represents represented representing".split(), "represented"),
    **dict.fromkeys("comprise comprises comprised".split(), "comprised"),
}
_INITIALS: Final = re.compile(
    r"^(?:(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Rev|Lt|Col|Sgt)\.)[,;:]?$"
)


def _noun_phrase_at(text: str, pos: int, limit: int = 6, article: bool = False) -> str:
    """A short noun phrase starting at ``pos``: words up to a clause break or a function word.

    A leading determiner is dropped, or kept in front when ``article`` is set.
    """
    words: list[str] = []
    det = ""
    for m in _NON_SPACE.finditer(text[pos:]):
        raw = m.group()
        if raw in ("—", "–", "-", "--") or (raw[:1] == "-" and raw[1:2].isalpha()):
            break  # a dash, or one typed as a hyphen against the next word ("-are")
        word = raw.strip("“”\"‘’'()[],;:.!?")
        if not words and not det and word.lower() in _DETERMINERS:
            det = word
            continue
        if not word or word.lower() in _NP_STOP or _NUMERAL.match(word):
            break
        if _INITIALS.match(raw):
            word = raw.rstrip(",;:")  # "U.S.", "U.K.": an abbreviation, not a sentence end
            words.append(word)
            if len(words) >= limit or raw[-1:] in ",;:":
                break
            continue
        if len(words) >= limit:
            # past the limit only to finish a compound: "chance of getting breast cancer"
            if len(words) >= limit + 2 or not (word.isalpha() and word.islower()):
                break
            if word in _FUNCTION or _is_verb(word) or _adverb(word):
                break
        words.append(word)
        if raw[-1:] in ',;:.!?)”"' or raw[:1] in '(“"':
            break
        if word.lower() in _PRONOUNS:
            break  # "42% of them say ...": the phrase ends at the pronoun
    phrase = _trim(words)
    return f"{det} {phrase}" if article and det and phrase else phrase


#: Heads that already say the verb ("fall in the FTSE"): only a place or time is added.
_CHANGE_HEADS: Final = (
    "rise in ",
    "fall in ",
    "growth in ",
    "increase in ",
    "decrease in ",
    "cut in ",
    "reduction in ",
    "boost in ",
    "gain in ",
    "loss in ",
)
_CASUALTY: Final = re.compile(
    r"\b(killing|killed|kills|injuring|injured|injures|wounding|wounded|wounds)\s+"
    r"(?:(?:at least|more than|about|around|some|nearly|almost|over|another|all)\s+)?$",
    re.I,
)
_CASUALTY_PARTICIPLES: Final = {
    "killing": "killed",
    "killed": "killed",
    "kills": "killed",
    "injuring": "injured",
    "injured": "injured",
    "injures": "injured",
    "wounding": "wounded",
    "wounded": "wounded",
    "wounds": "wounded",
}
_CHANGE_NOUNS: Final = {
    "rose": "rise",
    "risen": "rise",
    "rise": "rise",
    "rises": "rise",
    "climbed": "rise",
    "climbs": "rise",
    "soared": "rise",
    "surged": "rise",
    "jumped": "rise",
    "jumps": "rise",
    "up": "rise",
    "fell": "fall",
    "fallen": "fall",
    "falls": "fall",
    "dropped": "fall",
    "drops": "fall",
    "slipped": "fall",
    "slid": "fall",
    "declined": "fall",
    "declines": "fall",
    "plunged": "fall",
    "tumbled": "fall",
    "down": "fall",
    "grew": "growth",
    "grows": "growth",
    "increased": "increase",
    "increases": "increase",
    "decreased": "decrease",
    "gained": "gain",
    "gains": "gain",
    "lost": "loss",
    "shrank": "fall",
    "eased": "fall",
    "lose": "fall",
    "loses": "fall",
    "losing": "fall",
    "shed": "fall",
    "sheds": "fall",
    "dipped": "fall",
    "sank": "fall",
    "sunk": "fall",
    "slumped": "fall",
    "added": "rise",
    "gaining": "gain",
    "rallied": "rise",
    "advanced": "rise",
    "grown": "growth",
    "growing": "growth",
    "leapt": "rise",
    "leaped": "rise",
    "rising": "rise",
    "surging": "rise",
    "soaring": "rise",
    "jumping": "rise",
    "climbing": "rise",
    "falling": "fall",
    "dropping": "fall",
    "plunging": "fall",
    "sliding": "fall",
    "slipping": "fall",
    "declining": "fall",
    "tumbling": "fall",
    "shrinking": "fall",
    "increasing": "increase",
    "decreasing": "decrease",
    # the present of a headline or a plural subject: "deaths drop 18%"
    "drop": "fall",
    "fall": "fall",
    "decline": "fall",
    "plunge": "fall",
    "slip": "fall",
    "dip": "fall",
    "sink": "fall",
    "tumble": "fall",
    "slide": "fall",
    "jump": "rise",
    "climb": "rise",
    "soar": "rise",
    "surge": "rise",
    "grow": "growth",
    "increase": "increase",
    "decrease": "decrease",
    "gain": "gain",
}
_CHANGE_VERB_BEFORE: Final = re.compile(
    r"\b(" + "|".join(_CHANGE_NOUNS) + r")\s+(?:by\s+)?(?:(?:about|around|almost|nearly|some|just"
    r"|roughly|more than|less than|over|a further|another)\s+)?$",
    re.I,
)


def _subject(before: str) -> str:
    """The words before the change verb, back to a clause break: "fourth quarter sales"."""
    m = _VERB_NEAR.search(before, max(0, len(before) - 60))
    if m is None:
        return ""
    head = before[: m.start()]
    dash = head.rfind(" - ")
    head = head[max(max(head.rfind(c) for c in ",;:(—–"), dash + 2 if dash >= 0 else -1) + 1 :]
    every = _words(head)
    cut = max((i + 1 for i, w in enumerate(every) if w.lower() in _CLAUSE_WORDS), default=0)
    every = every[cut:]
    opening = next((i for i, w in enumerate(every[:3]) if w.lower() in _DETERMINERS), -1)
    fronted = bool(every) and every[0].lower() in _PREPOSITIONS
    if fronted:  # "in an email the cost associated with ...": past the opening phrase
        opening = next(
            (i for i in range(2, min(6, len(every))) if every[i].lower() in _DETERMINERS), -1
        )
    if (
        opening >= 0
        and opening + 2 < len(every)
        and every[opening + 1].lower() in ("number", "amount")
        and every[opening + 2].lower() == "of"
    ):
        opening += 3  # "the number of messages stopped by ...": the messages
    if fronted and opening > 0 and len(every) - opening <= _MAX_WORDS:
        words = every[opening:]
    elif len(every) - max(opening, 0) > _MAX_WORDS and opening >= 0:
        # "the cost borne by the government for the official delegation is": a long
        # subject keeps its head noun, up to its last whole phrase.
        words = every[opening : opening + _MAX_WORDS]
        last = max(
            (
                i
                for i in range(3, len(words))
                if words[i].lower() in _PREPOSITIONS or words[i] == "by"
            ),
            default=0,
        )
        words = words[:last] if last else words
    else:
        words = every[-_MAX_WORDS:]
    while words and (words[-1].lower() in _AUX or words[-1].lower() in _ADVERBS):
        words = words[:-1]  # "sales have been"
    # "which caused its shares to lose 18%": the subject is after the other verb.
    verb = max(
        (
            i + 1
            for i, w in enumerate(words[:-1])
            if _is_verb(w)
            and w.isalpha()
            and w.islower()
            and words[i + 1].lower() in _DETERMINERS
            and not (i and words[i - 1].lower() in _PREPOSITIONS)  # "with releasing the"
        ),
        default=0,
    )
    words = words[verb:]
    while words and words[0].lower() in ("with", "without", "as"):
        words = words[1:]  # "with the index rising 112%": the index
    subject = _trim(_common_noun_first(words))
    if subject.lower() in _SUBJECT_PRONOUNS or subject.lower() in _PRONOUNS:
        return ""  # "she was earning $24,000": "she" says nothing about the money
    return subject


_CLOSE_AT: Final = re.compile(
    r"\b(?:to\s+)?(close|closed|closing|end|ended|ending|finish|finished|finishing|settle|settled"
    r"|settling|open|opened|opening)\s+(?:the\s+(?:day|week|session)\s+)?(?:at|on)\s+"
    r"(?:(?:about|around|nearly|almost|just\s+(?:over|under))\s+)?$",
    re.I,
)
_CHANGE_VERB_IN: Final = re.compile(r"\b(?:" + "|".join(_CHANGE_NOUNS) + r")\b", re.I)


_DAYS: Final = _wordset("monday tuesday wednesday thursday friday saturday sunday today yesterday")


def _owner(possessive: str) -> str:
    """ "the firm's" -> "firm's", "Britain's" -> "Britain's"; "" for "it's", "that's"."""
    words = possessive.split()
    if words[0].lower() in _DETERMINERS:
        words = words[1:]  # "the firm's"
    base = re.split(r"[’']", words[-1])[0].lower() if words else ""
    if not words or base in _SUBJECT_PRONOUNS or base in _FUNCTION or base in _PRONOUNS:
        return ""  # "it's", "that's", "there's"
    return " ".join(words)


def _opens_common_noun(noun: str) -> bool:
    """ "council tax rebate", "EU rebate" (an acronym before a common noun), not "Apple"."""
    words = noun.split()
    first = words[0]
    if first.islower():
        return True
    return 2 <= len(first) <= 4 and first.isupper() and len(words) > 1 and words[1].islower()


def _clause_subject(head: str) -> str:
    """The last few words of ``head`` after its last clause break or clause word:
    "figures showed exports" -> "exports"."""
    clause = head[max(max(head.rfind(c) for c in ",;:(—–"), 0) :]
    words = _words(clause)[-4:]
    cut = max(
        (
            i + 1
            for i, w in enumerate(words)
            if w.lower() in _CLAUSE_WORDS or w.lower() in _PREPOSITIONS or _is_verb(w)
        ),
        default=0,
    )  # "the performance comes on sales": "sales"
    subject = _trim(words[cut:])
    last = subject.split()[-1].lower() if subject else ""
    if last in _TIME_WORDS or last in _DAYS or _NUMERAL.match(last):
        return ""  # "the index ended the day up 0.7%": not the day
    return subject


def _closing_level(before: str) -> str:
    """ "Shares in Acme fell 2% to close at 210p" -> "closing level of shares in Acme"."""
    m = _CLOSE_AT.search(before, max(0, len(before) - 40))
    if m is None:
        return ""
    head = before[: m.start()]
    change = _CHANGE_VERB_IN.search(head, max(0, len(head) - 60))
    # no change verb: "The Nikkei ended at 11,200"
    subject = _subject(head[: change.end()]) if change else _clause_subject(head)
    if not subject or subject.lower() in _SUBJECT_PRONOUNS:
        return ""
    when = "opening" if m.group(1).lower().startswith("open") else "closing"
    return f"{when} level of {subject}"


# The level a change ends at: "exports fell 2.3% to $95.6bn", "sales up 21% at 8.6bn euros".
_LEVEL_AFTER: Final = re.compile(
    r"\b(" + "|".join(_CHANGE_NOUNS) + r")\s+(?:by\s+)?(?:(?:more than|less than|about|around"
    r"|almost|nearly|some|just|over|a further|another)\s+)?(?:[$€£¥]|US\$)?\d[\d.,]*"
    r"(?:\s?(?:%|per\s?cent|percent|p|bn|m|cents?|pence|points?))?"
    r"\s+(?:to|at)\s+(?:(?:about|around|nearly|almost|just\s+over|just\s+under)\s+)?$",
    re.I,
)


_NUMBER_TO: Final = (
    r"(?:(?:more than|less than|about|around|almost|nearly|some|just|over)\s+)?(?:[$€£¥]|US\$)?"
    r"\d[\d.,]*(?:\s?(?:%|per\s?cent|percent|p|bn|m|cents?|pence|points?))?\s+to\s+$"
)
# "boost government income by 6.1% to $2.18tn": the thing raised.
_RAISED_TO: Final = re.compile(
    r"\b(?:boost|boosts|boosted|boosting|raise|raises|raised|raising|increase|increases|increased"
    r"|increasing|cut|cuts|cutting|reduce|reduces|reduced|reducing|lift|lifts|lifted|lifting"
    r"|lower|lowers|lowered|lowering)\s+((?:[\w’'&.-]+\s+){1,5}?)by\s+" + _NUMBER_TO,
    re.I,
)


def _level_after_change(before: str) -> str:
    """ "UK exports rose by 3.2% to £24.8bn" -> "UK exports": the level the change ends at."""
    raised = _RAISED_TO.search(before, max(0, len(before) - 90))
    if raised:
        return _trim(_words(raised.group(1)))
    m = _LEVEL_AFTER.search(before, max(0, len(before) - 70))
    if m is None:
        return ""
    subject = _subject(before[: m.end(1)]) or _clause_subject(before[: m.start(1)])
    if not subject or subject.lower() in _SUBJECT_PRONOUNS or subject.lower() in _DETERMINERS:
        return ""
    return subject


_EACH_AFTER: Final = re.compile(
    r"(?:\s*\([^()]{1,40}\))?\s+(each|apiece|a\s+share|per\s+share|a\s+head|per\s+head"
    r"|a\s+ticket|per\s+ticket"
    r"|per\s+(?!cent\b|year\b|annum\b|month\b|week\b|day\b|hour\b|capita\b|person\b)[a-z]+)\b",
    re.I,
)
_PLURAL_AT: Final = re.compile(r"\b([a-z][a-z-]{2,}s)\s+(?:at|for)\s+$")


_SAVE_BEFORE: Final = re.compile(
    r"\b(?:save|saves|saved|saving)\s+(?:(?:you|them|us|customers|buyers|families)\s+)?"
    r"(?:(?:up\s+to|at\s+least|about|around|nearly|almost|over|more\s+than)\s+)?$",
    re.I,
)


def _unit_price(before: str, after: str) -> str:
    """ "52 million shares at 570 rupees apiece", "for 11-14 euros a share": a price per one."""
    m = _EACH_AFTER.match(after)
    if m is None:
        return ""
    per = m.group(1).lower().split()
    saved = _SAVE_BEFORE.search(before, max(0, len(before) - 30))
    if saved and len(per) == 2:
        return f"saving per {per[1]}"  # "can save up to £400 per booking": not a price
    if len(per) == 2:
        return f"price per {per[1]}"  # "a share", "per head"
    noun = _PLURAL_AT.search(before, max(0, len(before) - 40))
    if noun is None:
        return "unit price"
    return f"price per {singular(noun.group(1))}"


def _common_noun_first(words: list[str]) -> list[str]:
    """ "Shares in Acme" at a sentence's start: a plural common noun, lower-cased."""
    if (
        len(words) > 2
        and words[0][:1].isupper()
        and words[0][1:].islower()
        and words[0].endswith("s")
        and not words[0].endswith(("’s", "'s", "ss"))
        and words[1] in ("in", "of", "at", "for", "on", "to")
    ):
        return [words[0].lower(), *words[1:]]
    return words


_EXPECT_TO_REACH: Final = re.compile(
    r"\b(?:expects?|expected|forecasts?|predicts?|predicted|wants?|wanted|sees|saw|projects?"
    r"|projected|estimates?|estimated|believes?|believed)\s+((?:[\w’'&.-]+\s+){1,6}?)to\s+"
    r"(?:reach|hit|top|total|exceed|be|rise to|fall to|grow to|increase to|climb to|drop to)\s+"
    r"(?:(?:about|around|more than|over|nearly|almost|at least|up to|some)\s+)?$",
    re.I,
)
_COST_VERB: Final = re.compile(
    r"\b(?:cost|costs|costing)\s+((?:[\w’'.-]+\s+){0,4}?)"
    r"(?:(?:up to|about|around|nearly|almost|more than|over|at least|an estimated)\s+)?$",
    re.I,
)
#: Words between a subject and "cost": "the bridge is expected to cost".
_COST_AUX: Final = _wordset(
    "is are was were will would could may might to expected likely set going also now"
)


def _cost_of(before: str) -> str:
    """ "the new bridge will cost taxpayers $4m" -> "cost of new bridge to taxpayers"."""
    m = _COST_VERB.search(before, max(0, len(before) - 60))
    if m is None:
        return ""
    head = before[max(0, m.start() - 80) : m.start()]
    dash = head.rfind(" - ")
    head = head[max(max(head.rfind(c) for c in ",;:(—–"), dash + 2 if dash >= 0 else -1) + 1 :]
    words = _words(head)
    while words and (words[-1].lower() in _COST_AUX or _adverb(words[-1])):
        words = words[:-1]  # "the film reportedly cost"
    cut = max(
        (i + 1 for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS or _is_verb(w)),
        default=0,
    )
    words = words[cut:]
    if len(words) == 1 and words[0].endswith("s") and not words[0].endswith(("’s", "'s", "ss")):
        words = [words[0].lower()] if words[0][1:].islower() else words  # "Tickets cost £5"
    subject = _trim(words[-_MAX_WORDS:])
    if not subject or subject.lower() in _SUBJECT_PRONOUNS or subject.lower() in _DETERMINERS:
        return "cost" if words else ""  # "it will cost £40m"
    if words and words[0].lower() in ("his", "her", "their", "its"):
        subject = f"{words[0].lower()} {subject}"  # "his trial": a name for "his" later
    who = _trim(_words(m.group(1)))
    return f"cost of {subject} to {who}" if who else f"cost of {subject}"


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
    if 0 < cut < len(words) - 1 and words[cut - 1].lower() in _AUX:
        cut += 1  # "will report profits of": the verb after a helper is not the noun
    words = words[cut:]
    if not words or words[-1].lower() in _QUANTIFIERS or words[-1][0].isdigit():
        return ""
    return _trim(words)


def measures_for(sentence: str, q: Quantity, previous: str = "", shared_noun: str = "") -> str:
    """A short phrase saying what quantity ``q`` (offsets in ``sentence``) counts:
    the noun it counts (or "share of ...", "time", "amount" ...) followed by what
    its clause says about it: "people killed in the attack", "senior trophies
    Mourinho has won", "share of the bill was about tightening regulation".

    ``previous`` is the text before the sentence (to name a "he" or "the
    company"); ``shared_noun`` the noun of the number before it in a list
    ("half of all pensioners ... and about three million being better off")."""
    head = _measures(sentence, q)
    if q.unit in SPEEDS:
        return head
    if not head and not q.noun and shared_noun and q.kind in ("count", "number"):
        head = shared_noun
    rate = _rate_word(sentence, q)
    change_head = head.startswith(_CHANGE_HEADS)  # before "annual" goes in front
    event = ""
    if q.kind == "duration" and (not head or singular_words(head) <= _DURATION_WORDS):
        head = "time"
        event = _duration_event(sentence, q)  # "two days before the election"
    elif q.kind == "money" and not head:
        verb = _words(sentence[max(0, q.start - 30) : q.start])[-1:]
        if verb and _money_verb(verb[0]) and not rate:
            head = "money"  # "the charity raised $2m": money it raised
        else:
            head = "value" if _followed_by_verb(sentence, q) else "amount"
    if rate and rate not in head:
        first, _, rest = head.partition(" ")
        if rest and first in _LEADING_ADJECTIVES:
            head = f"{first} {rate} {rest}"  # "extra annual aid"
        else:
            head = f"{rate} {head}" if head else rate
    if not head and q.noun:
        head = q.noun  # "Six people were killed and 22 injured": 22 people
    cost = head.startswith(("value of ", "closing level of ", "opening level of ")) or (
        head.startswith("cost of ")
        and bool(_COST_VERB.search(sentence, max(0, q.start - 60), q.start))
    )  # "cost of the bridge", "value of the deal": only where and when is added
    # "sacked after five years in charge": the time in charge, not the sacking
    after = head == "time" and bool(
        _AFTER_BEFORE.search(sentence, max(0, q.start - 40), q.start)
        and _PP_AFTER.match(sentence, q.end)
    )
    if after:
        who = _sentence_subject(sentence)
        head = f"{who}’s time" if who else head  # "Moreau’s time in charge"
    cost = cost or after or (bool(head) and head == _raised_to(sentence, q))
    if event:
        head = event
    elif head.endswith((" killed", " injured", " wounded")) or change_head or cost:
        # "killing at least 137 in the capital": where, not the clause's other words
        aside = _ASIDE.match(sentence, q.end)  # past "($1.3bn; £690m)"
        at = aside.end() if aside else q.end
        right = _words(sentence[at : _right_bound(sentence, at)])
        infinitive = (
            len(right) > 1 and right[0].lower() == "to" and right[1].lower() not in _DETERMINERS
        )  # "slipped 0.14% to close at": a purpose, not where the fall was
        if (
            right
            and right[0].lower() in _PREPOSITIONS
            and right[0].lower() not in _EVENT_PREP
            and not infinitive
        ):
            pp = right[:_PP_WORDS]
            stop = next(
                (i for i, w in enumerate(pp) if _NUMERAL.match(w) or w.lower() in _AND_OR),
                len(pp),
            )  # not "cut in profits to $4.9m", "... on the news and the company"
            head = " ".join([head, *_strip_end(pp[:stop])])
    elif len(head.split()) < _CONTEXT_AFTER:
        context = _list_context(sentence, q) or _context(sentence, q, head)
        said = context.split()[:3]
        if head in ("amount", "value") and any(w in _MONEY_NOUNS for w in said[:2]):
            head = ""  # "amount total cost of the plane": the clause names the money
        head = f"{head} {context}".strip() if context else head
    if not head:
        head = _clause(sentence, q)
    pronoun = not _HE_SHE.isdisjoint(head.lower().split())
    head = _tidy(head, _name_before(previous, sentence, q.start) if pronoun else "", previous)
    head = _gated(_readable(head), sentence)
    source = _source(sentence, q) if head else ""
    if (
        source
        and source.lower() not in head.lower()
        and len(head.split()) + 1 + len(source.split()) <= _SOURCED_WORDS
    ):
        head = f"{head}, per {source}"  # "time gun control has been an issue, per Schumer"
    if q.approx in _QUALIFIERS_SHOWN and head:
        head = f"{head} ({q.approx})"  # "(at least)": part of what the number says
    return head


#: The most words a measure with its source may have.
_SOURCED_WORDS: Final = 12
_CAP_SRC: Final = r"[A-Z][\w’'.&-]*[\w.]"
_NAME_RUN_SRC: Final = rf"({_CAP_SRC}(?:\s+(?:(?:of|and|for|de|do|du)\s+)?{_CAP_SRC}){{0,5}})"
_SAY_SRC: Final = (
    r"(?:said|says|told|estimates|estimated|predicts|predicted|believes|warned|warns"
    r"|calculated|calculates)"
)
_SOURCE_BEFORE: Final = re.compile(
    _NAME_RUN_SRC + r"\s+(?:has\s+|have\s+|had\s+)?" + _SAY_SRC + r"\b"
)
_SOURCE_AFTER: Final = re.compile(
    r"[,”\"]\s*[”\"]?\s*(?:"
    + _NAME_RUN_SRC
    + r"\s+"
    + _SAY_SRC
    + r"\b|(?:said|says)\s+([^,.;:]{1,80}))"
)
_ACCORDING_TO: Final = re.compile(r"\baccording\s+to\s+([^,.;:]{1,80})")
_CAP_RUN: Final = re.compile(_NAME_RUN_SRC)
_NOT_A_SOURCE: Final = _wordset(
    """the a an it he she they we i you this that these those there but and or so if in on
    at for with after before when while as by of to from his her their its our my your
    police some many most several other others analysts experts critics officials observers
    monday tuesday wednesday thursday friday saturday sunday today yesterday"""
)
_TITLES_SRC: Final = _wordset("mr mrs ms dr")


def _a_name(run: str) -> str:
    """A source's name from a capitalised run: no sentence opener ("The", "But"), no
    pronoun or day, no number, at most four words (the last ones: the name after a
    title)."""
    words = run.split()
    while words and words[0].lower() in _NOT_A_SOURCE:
        words = words[1:]
    if not words or any(_DIGIT.search(w) for w in words):
        return ""
    if any(w.lower().rstrip(".") in _NOT_A_SOURCE for w in words if w[:1].isupper()):
        return ""
    if len(words) == 1 and words[0].lower().rstrip(".") in _TITLES_SRC:
        return ""
    return " ".join(words[-4:]).rstrip(".")


def _last_name_in(text: str) -> str:
    """The last capitalised run of ``text`` ("City manager Manuel Pellegrini")."""
    runs = list(_CAP_RUN.finditer(text))
    return _a_name(runs[-1].group(1)) if runs else ""


def _source(sentence: str, q: Quantity) -> str:
    """Who says the figure: "according to X", "X said ... N", "N ..., said X"."""
    m = _ACCORDING_TO.search(sentence)
    if m:
        first = _CAP_RUN.search(m.group(1))  # "according to Climate Analytics in Berlin"
        return _a_name(first.group(1)) if first else ""
    before = list(_SOURCE_BEFORE.finditer(sentence, max(0, q.start - 160), q.start))
    if before:
        start = before[-1].start(1)
        run = before[-1].group(1)
        joined = _JOINED_BEFORE.search(sentence, max(0, start - 6), start)
        common = (
            not sentence[:start].strip()
            and " " not in run
            and run.endswith("s")
            and not run.endswith("ss")
        )  # "Doctors said": a plural noun opening the sentence, not a name
        name = "" if joined or common else _a_name(run)
        if name:
            return name
    after = _SOURCE_AFTER.search(sentence, q.end)
    if after and after.start() - q.end < 200:
        if after.group(1):
            return _a_name(after.group(1))
        return _last_name_in(after.group(2) or "")
    return ""


_JOINED_BEFORE: Final = re.compile(r"\b(?:of|and|for|do|de|du)\s+$")


_PP_AFTER: Final = re.compile(
    r"\s+(?:in|at|on|with|as|inside|abroad|away|out)\b(?!\s+(?:the\s+)?(?:last|past|next)\b)", re.I
)
_DURATION_EVENT: Final = re.compile(r"\s+(after|before|until)\s+(?!the\s+(?:end|start)\b)", re.I)
_AFTER_BEFORE: Final = re.compile(
    r"\bafter\s+(?:(?:about|around|nearly|almost|some|just|more than|less than|over)\s+)?$", re.I
)


def _duration_event(sentence: str, q: Quantity) -> str:
    """ "two days before a presidential election" -> "time before a presidential election"."""
    m = _DURATION_EVENT.match(sentence, q.end)
    if m is None:
        return ""
    words = _words(sentence[m.end() : _right_bound(sentence, m.end())])
    cut = next(
        (i for i, w in enumerate(words) if _NUMERAL.match(w) or w.lower() in _AND_OR), len(words)
    )
    ing = next((i for i, w in enumerate(words) if i >= 2 and w.endswith("ing")), len(words))
    words = _strip_end(words[: min(cut, ing, _RIGHT_WORDS)])
    if not words:
        return ""
    left = _left_words(sentence, q)
    left = left if len(left) <= 5 else []  # "files would be locked seven days after ..."
    return " ".join(["time", *left, m.group(1).lower(), *words])


def _raised_to(sentence: str, q: Quantity) -> str:
    """ "reducing the deficit to $230bn": the thing a verb brings to the figure, whose
    clause says nothing more about it than the verb did."""
    raised = _RAISE_BY.search(sentence, max(0, q.start - 80), q.start)
    if raised is None or raised.group(3).lower() != "to":
        return ""
    return _trim(_words(raised.group(2)))


def _measures(sentence: str, q: Quantity) -> str:
    after = sentence[q.end :]
    # Rules look a few words back; a bounded window keeps anchored searches cheap.
    before = sentence[max(0, q.start - _LOOK_BACK) : q.start]
    if q.unit in SPEEDS:
        # "winds of 100 mph", "the train reached 160km/h": what moves, else "speed".
        return _noun_before_of(before) or _subject(before) or "speed"
    if q.kind == "money":
        fx = _EXCHANGE.match(after)
        if fx:  # "$1.88 to the pound": an exchange rate
            name = _CURRENCY_NAMES.get(q.unit or "", "currency")
            return f"{name} rate against the {fx.group(1).lower()}"
        expected = _EXPECT_TO_REACH.search(before, max(0, len(before) - 80))
        if expected:  # "Acme expects sales of its kettles to reach $2bn"
            phrase = _trim(_words(expected.group(1)))
            if phrase and phrase.split()[0].lower() not in _SUBJECT_PRONOUNS | _PRONOUNS:
                return phrase
        cost = _cost_of(before)
        if cost:  # "his trial will cost the county $4m": cost of his trial to the county
            return cost
        unit_price = _unit_price(before, after)
        if unit_price:  # "sold 19.6 million shares at $85 each": price per share
            return unit_price
        if _PRICE_BEFORE.search(before, max(0, len(before) - 24)):
            return "price"
        worth = _WORTH_BEFORE.search(before, max(0, len(before) - 60))
        if worth:  # "a deal worth $5bn" -> "value of the deal"
            thing = _words(worth.group(1))
            verb = max((i + 1 for i, w in enumerate(thing[:-1]) if _is_verb(w)), default=0)
            return f"value of {_trim(thing[verb:])}"  # "the storm caused damage worth"
    if q.kind in ("count", "duration") and q.noun_start >= 0:
        size = _SIZE_AFTER.match(sentence, q.noun_end)
        if size:  # "140,000 words long"
            return _SIZE_NOUNS[size.group(1).lower()]
    if q.kind == "duration" and _AGO.match(sentence, q.end):
        return "time since"
    if q.kind == "count" and q.unit in _PHYSICAL and "-" not in q.text and not _OF.match(after):
        # "an area of 400 kilometers", "the convoy drove 1,100 miles": what is
        # measured, else the dimension, never the unit itself.
        return _noun_before_of(before) or _PHYSICAL[q.unit or ""]
    if q.unit == "person":
        casualty = _CASUALTY.search(before, max(0, len(before) - 32))
        if casualty:  # "killing at least 137", "wounding 357 others"
            return f"people {_CASUALTY_PARTICIPLES[casualty.group(1).lower()]}"
    if q.kind == "rank":
        if q.noun_start >= 0:  # "the 14th-ranked Schwartzman"
            return f"ranking of {sentence[q.noun_start : q.noun_end]}"
        table = _RANK_IN.match(sentence, q.end)
        if table:  # "from 113th in the world rankings": the position in them
            return f"position in {table.group(1)}"
        return "position"
    if q.kind == "percent" and q.start <= q.noun_start < q.end:
        # "half the population", "7 in 10 voters"
        return f"share of {sentence[q.noun_start : q.noun_end]}"
    of = _OF.match(after)
    if of and q.unit == "times" and q.start <= q.noun_start < q.end:
        # "X is twice the size of Y": the size of X relative to Y
        phrase = _noun_phrase_at(after, of.end(), limit=6, article=True)
        subject = _subject(before)
        noun = sentence[q.noun_start : q.noun_end]
        if phrase and subject:
            return f"{noun} of {subject} relative to {phrase}"
    if of and q.kind in ("count", "number") and q.start <= q.noun_start < q.end:
        phrase = _noun_phrase_at(after, of.end(), limit=6, article=True)
        if phrase:  # "1.6 billion members of a religion"
            return f"{sentence[q.noun_start : q.noun_end]} of {phrase}"
    if of and q.kind != "duration":
        phrase = _noun_phrase_at(after, of.end(), limit=8)
        if phrase and q.kind == "percent":
            top = _SUPERLATIVE.search(before)
            share = f"{top.group(1).lower()} share" if top else "share"
            part = _MAKES_UP.search(before, max(0, len(before) - 50))
            whose = _part_subject(before[: part.start()]) if part else ""
            if part and whose and whose.lower() not in _SUBJECT_PRONOUNS:
                # "Christians make up 2% of the population": the share they make up
                return (
                    f"{share} of {phrase} {_MAKES_UP_PARTICIPLE[part.group(1).lower()]} by {whose}"
                )
            return f"{share} of {phrase}"
        if phrase:
            return phrase
    if q.kind == "percent":
        change = _CHANGE_NOUN.match(after)
        if change:
            phrase = _noun_phrase_at(after, change.end())
            if phrase:
                return f"{change.group(1).lower()} in {phrase}"
    if q.kind == "percent" and _POLL_BEFORE.search(before, max(0, len(before) - 24)):
        who = _words(before[max(0, len(before) - 60) :])
        verb = next((i for i in range(len(who) - 1, -1, -1) if who[i].lower() in _POLL_VERBS), -1)
        names = [w for w in who[max(0, verb - 3) : verb] if w[:1].isupper()]
        if names:  # "Trump received 37 percent" -> "support for Trump"
            return f"support for {' '.join(names)}"
    if q.kind == "percent":
        top = _SUPERLATIVE.search(before)
        among = _AMONG.match(after)
        if top and among:  # "the top 10% in the class": the top share of the class
            phrase = _noun_phrase_at(after, among.end(), limit=6, article=True)
            if phrase:  # with its article: a whole phrase, no clause added
                return f"{top.group(1).lower()} share of {phrase}"
        taxed = _PERCENT_NOUN.match(after)
        if taxed:  # "50% income tax", "1% in income tax": a rate
            noun = _noun_phrase_at(after, taxed.end(), limit=4)
            first = noun.split()[0] if noun else ""
            if (
                first.islower()
                and not _is_verb(first)
                and first not in _NOT_A_RATE_NOUN
                and not first.endswith("ly")
            ):  # not "rose 300% last year", "lost 18% in one day", "grew 13% annually"
                last = noun.split()[-1].lower()
                return f"{noun} rate" if last in _RATE_NOUNS_TAX else noun
    if q.kind == "money":
        adjective = _ADJECTIVE_BEFORE.search(before, max(0, len(before) - 24))
        converted = _ASIDE.match(after)  # "a $27bn (£14bn) bill": past the conversion
        noun = _noun_phrase_at(
            after,
            converted.end() if converted and _DIGIT.search(converted.group()) else 0,
            limit=4,
        )
        if (
            noun
            and _opens_common_noun(noun)
            and noun.split()[0] not in _STOPISH
            and noun.split()[0] not in _PREPOSITIONS
            and noun.split()[0] not in _TIME_WORDS
            and not _is_verb(noun.split()[0])
        ):  # "a new £200 council tax rebate", "the wasteful $18 million deportation regime"
            owner = _POSSESSIVE_BEFORE.search(before, max(0, len(before) - 40))
            if owner and not adjective:  # "Britain's £3bn EU rebate": whose
                return f"{_owner(owner.group(1))} {noun}"
            return f"{adjective.group(1)} {noun}" if adjective else noun
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
            if (
                phrase
                and phrase.split()[0].lower() not in _TIME_WORDS
                and not phrase[:1].isupper()  # "$1.30 in New York": a place
            ):
                # "$2.7bn in cash", "an extra $50bn a year in aid" (not "$6m in the day after")
                return f"{adjective.group(1)} {phrase}" if adjective else phrase
    if q.kind in ("money", "number"):
        level = _closing_level(before) or _level_after_change(before)
        if level:  # "the index slipped 0.1% to close at 7,100": its closing level
            return level
    if q.kind in ("money", "percent", "number"):
        phrase = _noun_before_of(before)
        if phrase:
            return phrase
        phrase = _subject(before)
        if phrase:
            change = _CHANGE_VERB_BEFORE.search(before, max(0, len(before) - 30))
            if change and (q.kind == "percent" or q.unit == "times"):
                # "sales rose 5%" -> "rise in sales" (not "rose to 5%": a level)
                return f"{_CHANGE_NOUNS[change.group(1).lower()]} in {phrase}"
            return phrase
        change = _CHANGE_VERB_BEFORE.search(before, max(0, len(before) - 30))
        if change and q.kind == "percent":
            # "figures showed exports down 2.3%", "sales up 21%": no verb to find a subject by
            subject = _clause_subject(before[: change.start()])
            if subject and subject.lower() not in _SUBJECT_PRONOUNS:
                return f"{_CHANGE_NOUNS[change.group(1).lower()]} in {subject}"
        # "pushed rates up to 2.25%": the qualifier "up to" holds the verb's "to"
        upto = (
            q.approx == "up to"
            and q.text[:2].lower() == "up"
            and _BY_TO_END.search(before, max(0, len(before) - 4)) is None
        )
        plain = _REL_ASIDE.sub(" ", before)  # "cut the budget, which pays for X, by $4m"
        raised = _RAISE_BY.search(plain + "to " if upto else plain, max(0, len(plain) - 80))
        if raised:
            words = _words(raised.group(2))
            if upto and words and words[-1].lower() == "up":
                words = words[:-1]
            phrase = _trim(words)
            by = _RAISE_NOUNS.get(raised.group(1).lower(), "")
            if phrase and by and raised.group(3).lower() == "by":
                return f"{by} in {phrase}"  # "cut its profits by $4m": cut in profits
            if phrase:
                return phrase
    if q.noun_start >= 0:
        noun = sentence[q.noun_start : q.noun_end]
        first = noun.split()[0]
        if q.noun_start > q.start and first.lower() == q.unit and len(noun.split()) > 1:
            noun = noun[len(first) :].strip()  # "a four year consultation period"
        elif q.noun_start > q.start and sentence[q.noun_start - 1] == " " and "-" in q.text:
            owner = _POSSESSIVE_BEFORE.search(sentence, max(0, q.start - 40), q.start)
            whose = _owner(owner.group(1)) if owner else ""
            if whose and not (q.kind == "duration" and singular_words(noun) <= _DURATION_WORDS):
                noun = f"{whose} {noun}"  # "the Senate's 60-vote threshold": whose threshold
            if q.kind == "duration" and not singular_words(noun) <= _DURATION_WORDS:
                noun = f"length of {noun}"  # "a 25-year partnership": its length
            elif q.kind == "duration":
                noun = "time"
        elif q.kind == "duration":
            noun = "time"
        return noun
    return ""


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


# ----------------------------------------------------------------------------
# Context: what the figure's clause says about it.

#: A head of this many words or more says enough on its own.
_CONTEXT_AFTER: Final = 5
_LEFT_WORDS: Final = 9
_RIGHT_WORDS: Final = 10
_PP_WORDS: Final = 7
_DURATION_WORDS: Final = _wordset("second minute hour day week month year decade century time")
_LEFT_BREAK: Final = re.compile(
    r"[;:()\[\]—–“”\"]|\s-\s|\s-(?=[a-z])|--|,\s|\b(?:where|when|while|whereas|because"
    r"|although|though|if|unless|said|says|told|according to|despite)\b",
    re.I,
)
_RIGHT_BREAK: Final = re.compile(
    r"[;:()\[\]—–“”\"]|\s-\s|\s-(?=[a-z])|--|,\s|(?<!\.[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Lt|Jr|Sr|No))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt|Rev|Gov))(?<!\bProf)[.!?](?:\s|$)|\b(?:which|who|whom|whose|because|while|whereas"
    r"|although|though|but|according|said|says)\b",
    re.I,
)
# "that" opens a clause after a verb of saying or finding, not after a noun.
_THAT_AFTER_VERB: Final = re.compile(
    r"\b(?:\w+ed|said|says|say|told|think|thinks|thought|found|finds|shows|showed|show|means"
    r"|meant|know|knew|believe|believes|suggests|indicates|so)"
    r"(?:\s+(?:earlier\s+|later\s+)?(?:this|last|on)\s+\w+)?\s+that\s",
    re.I,
)
# A verb of telling with its listener, then the clause told ("told Reuters that the
# company ...", "told investigators she had ...").
_TOLD_THAT: Final = re.compile(
    r"\b(?:told|tells|tell|telling|informed|assured|reminded|warned)\s+"
    r"(?:(?:him|her|them|us|me|you|reporters|investigators|journalists|police|officials)\s+"
    r"|(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,4})(?:that\s+)?(?=[a-z])",
)
# A verb of thinking or saying whose clause follows without "that".
_THINK_VERB: Final = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"\b(?:predicts?|predicted|believes?|believed|expects?|thinks?|thought|estimates?|warns?"
    r"|warned|suggests?|suggested|claims?|claimed|argues?|argued|insists?|insisted|fears?"
    r"|feared|hopes?|hoped|admits?|admitted|reckons?|reckoned|added|estimated|suspects?"
    r"|suspected|shows?|showed|reveals?|revealed|heard)\s+"
    r"(?!(?:to|at|by|for|in|on|of|as|that|with|from|into|about|up|out|over|and|or|but)\b)"
    r"(?=[A-Za-z])",
    re.I,
)
_AUX: Final = _wordset("""is are was were be been being has have had will would can could
    may might must shall should do does did""")
_PASSIVE_AUX: Final = _wordset("is are was were been being")
_ADVERBS: Final = _wordset("""still now also currently only reportedly already not just even
    then later soon never often usually all each together""")
_SAY_VERBS: Final = _wordset("say says said think thinks believe believes expect expects")
_IRREGULAR_PAST: Final = _wordset("""rose fell grew quit lost won took went came gave got ran
    sold bought paid spent began sent kept held stood fled sank shrank fought made left died
    hit cut put set shut hurt seen known shown given taken done gone grown held built shot
    caught struck beaten stolen driven written wrote spoke spoken chose chosen told brought
    thought sought taught
    found sent spent lost paid""")
_AND_OR: Final = _wordset("and or but")
#: Prepositions that open an event ("after the firm said ..."), not a place or time.
_EVENT_PREP: Final = _wordset("after before since")
_PREPOSITIONS: Final = _wordset("""in at on for with from during over across into under between
    among within inside outside near around throughout after before since to""")
_FUNCTION: Final = (
    _NP_STOP
    | _LEADING_JUNK
    | _DETERMINERS
    | _wordset(
        """from to up down by at of with in on for then also however meanwhile earlier yet so
    but and or nor while instead once which that who past last next later ago like worth valued"""
    )
)
_RATE_ADJECTIVE: Final = {
    "year": "annual",
    "annum": "annual",
    "annually": "annual",
    "month": "monthly",
    "week": "weekly",
    "day": "daily",
    "hour": "hourly",
}
_RATE_AFTER: Final = re.compile(
    r"\s*(?:\([^()]{1,30}\)|,\s*or\s+[^,]{1,25},)?\s+(?:(?:a|an|per|each|every)\s+(year|annum|month|week|day|hour)"
    r"|(annually))\b",
    re.I,
)
_AMONG: Final = re.compile(r"\s+(?:in|among|across)\s+")
_SUPERLATIVE: Final = re.compile(r"(?:^|\s)(\w+est|top|bottom)\s*$", re.I)


def singular_words(phrase: str) -> frozenset[str]:
    return frozenset(w[:-1] if w.endswith("s") else w for w in phrase.lower().split())


#: Approximators that qualify the number (not emphasis like "only", "just").
_QUALIFIERS_SHOWN: Final = _wordset_lines(
    """about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than
    fewer than|at least|at most|up to|as much as|as many as|as little as|as few as|close to
    just over|just under|an estimated|upwards of|in excess of|no less than|no more than
    not less than|not more than|well over|well under|a record|a maximum of|a minimum of"""
)


def _rate_word(sentence: str, q: Quantity) -> str:
    """ "$10bn a year" -> "annual"; "$44m per week" -> "weekly"."""
    if q.kind not in ("money", "count", "number", "percent"):
        return ""
    m = _RATE_AFTER.match(sentence, q.end)
    if m is None:
        return ""
    return _RATE_ADJECTIVE[(m.group(1) or m.group(2)).lower()]


def _strip(words: list[str]) -> list[str]:
    while words and words[0].lower() in _FUNCTION:
        words = words[1:]
    while words and words[-1].lower() in _FUNCTION:
        words = words[:-1]
    return words


def _strip_end(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _FUNCTION:
        words = words[:-1]
    return words


def _left_text(sentence: str, q: Quantity) -> str:
    """The clause before the figure. A clause with no subject of its own ("...,
    reaching $1.88", "Rates - the share of ... - are running at 50%") takes the
    one before it (past an aside between dashes or brackets)."""
    window = max(0, q.start - 2 * _LOOK_BACK)
    breaks = [m.span() for m in _LEFT_BREAK.finditer(sentence, window, q.start)]
    start = breaks[-1][1] if breaks else window
    for m in _THAT_AFTER_VERB.finditer(sentence, max(0, q.start - _LOOK_BACK), q.start):
        if m.end() > start:
            start = m.end()
            breaks = []
    for m in _TOLD_THAT.finditer(sentence, max(0, q.start - _LOOK_BACK), q.start):
        if m.end() > start:
            start = m.end()
            breaks = []
    for m in _THINK_VERB.finditer(sentence, max(start, q.start - _LOOK_BACK), q.start):
        # "Analysts predict the firm will report profits of £170m": the firm's clause.
        start = m.end()
        breaks = []
    text = sentence[start : q.start]
    who = _WHO_OPENS.match(text)
    if who and breaks:
        # "Byrne — who was posted at the door for three years": Byrne was posted ...
        named = _NAME_BEFORE_BREAK.search(sentence, max(0, breaks[-1][0] - 40), breaks[-1][0])
        if named:
            return f"{named.group(1)} {text[who.end() :]}"
    if not breaks or sentence[breaks[-1][0] : breaks[-1][1]].strip().isalpha():
        return text
    words = _strip(_words(text))
    if words and not (_is_verb(words[0]) or words[0].lower() in _ADVERBS):
        return text
    raw = [w.lower() for w in _words(text)]
    mark = sentence[breaks[-1][0] : breaks[-1][1]].strip()
    if raw and raw[0] in _PREPOSITIONS and mark in ("“", '"'):
        return text  # '... that “for two decades it has been': the figure opens its own clause
    k = len(breaks) - 1
    if mark in ("-", "—", "–", ")") and k >= 1:
        # Skip the aside: "X - the number of ... - are running at".
        opener = "(" if mark == ")" else mark
        k = next(
            (
                i
                for i in range(k - 1, -1, -1)
                if sentence[breaks[i][0] : breaks[i][1]].strip() == opener
            ),
            k - 1,
        )
    before_start = breaks[k - 1][1] if k >= 1 else window
    aside = _words(sentence[before_start : breaks[k][0]])[:1]
    if (
        k >= 1
        and aside
        and (aside[0].lower() in _PREPOSITIONS or aside[0].lower() in ("which", "who", "whose"))
        and sentence[breaks[k - 1][0] : breaks[k - 1][1]].strip() == ","
    ):
        # "Stone, from near Cullumpton, won two awards", "cut the budget, which pays
        # for X, by $45bn": the clause before the aside.
        start_before = breaks[k - 2][1] if k >= 2 else window
        return sentence[start_before : breaks[k - 1][0]] + " " + text
    return sentence[before_start : breaks[k][0]] + " " + text


def _right_bound(sentence: str, at: int) -> int:
    m = _RIGHT_BREAK.search(sentence, at, min(len(sentence), at + 160))
    return m.start() if m else min(len(sentence), at + 160)


def _left_words(sentence: str, q: Quantity) -> list[str]:
    """The clause's words before the figure, after the last other number in it
    (but across "from X to": "increased aid from $1bn to $2bn")."""
    words = _words(_left_text(sentence, q))
    last = -1
    for i, w in enumerate(words):
        if _NUMERAL.match(w) and not _YEAR.fullmatch(w):
            last = i
    if last >= 0 and any(w.lower() in ("and", "or") for w in words[last + 1 :]):
        # "faces 10 years in prison and a $250,000 fine": the verb before both.
        words = words[:last]
        last = -1
        for i, w in enumerate(words):
            if _NUMERAL.match(w) and not _YEAR.fullmatch(w):
                last = i
    if last >= 0 and last + 1 < len(words) and words[last + 1].lower() == "of":
        # "represented 85% of searches, 90% of arrests": the words before the list.
        words = words[:last]
        last = max(
            (i for i, w in enumerate(words) if _NUMERAL.match(w) and not _YEAR.fullmatch(w)),
            default=-1,
        )
    if last >= 0:
        tail = words[last + 1 :]
        change = (
            last > 0
            and words[last - 1].lower() == "from"
            and bool(tail)
            and tail[-1].lower() == "to"
            and all(w.lower() in _RATE_TAIL for w in tail)
        )
        words = words[: last - 1] if change else tail
        if change:
            # "told Radio 4's Today programme aid rose from $1bn to": after the last number.
            last = max(
                (i for i, w in enumerate(words) if _NUMERAL.match(w) and not _YEAR.fullmatch(w)),
                default=-1,
            )
            words = words[last + 1 :]
    timed = _without_when(words)
    words = _strip(timed)
    if words:
        # "callers hang up after 65 seconds": a verb's particle is no function word
        first = next(i for i, w in enumerate(timed) if w.lower() not in _FUNCTION)
        end = first + len(words)
        if end < len(timed) and _particle_end([*words, timed[end]]):
            words = [*words, timed[end]]
    if all(w.lower() in _RATE_TAIL for w in words):
        return []  # "... £450 a year, with half of ...": nothing about this figure
    if words and words[0].lower() in _SUBJECT_PRONOUNS:
        words = [words[0].lower(), *words[1:]]
    if len(words) > _LEFT_WORDS:
        # Keep the subject and verb: the words around the last verb.
        verb = max((i for i, w in enumerate(words) if _is_verb(w)), default=-1)
        if verb >= 0:
            first = max(0, min(verb - 3, len(words) - _LEFT_WORDS))
            words = _strip(words[first : first + _LEFT_WORDS])
        else:
            words = _strip([*words[:3], *words[3 - _LEFT_WORDS :]])
    return words


#: Words of a date or a time of day that say when, not what is measured.
_WHEN_TOKENS: Final = _wordset(
    """january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    weekend morning afternoon evening night"""
)
_WHEN_OPENERS: Final = _wordset("in on by since until till during as of from to")
_RELATIVE_TIME: Final = _wordset("last this next earlier later")
_TIME_UNITS: Final = _wordset("week month year season quarter weekend")


def _when_token(word: str, i: int, words: list[str]) -> bool:
    """``words[i]`` is part of a date ("2004", "January", "10", "Friday")."""
    low = word.lower().rstrip(".,")
    if low in _WHEN_TOKENS or (low == "may" and i > 0 and words[i - 1].isdigit()):
        return word[:1].isupper() or low in ("today", "yesterday", "tomorrow", "weekend")
    if _YEAR.fullmatch(low) is not None:
        return True
    return low.isdigit() and len(low) <= 2 and 0 < int(low) <= 31


#: Particles of a phrasal verb ("hang up", "pulled out").
_PARTICLES: Final = _wordset("up down out off away back")


def _weak_last(words: list[str]) -> bool:
    """The last of ``words`` ends no phrase: a function word, a weak word, a
    possessive or a short form ("at Sunday's", "nights I've"), unless it is the
    particle of a phrasal verb ("hang up")."""
    last = words[-1]
    return not _particle_end(words) and (
        last.lower() in _BAD_END
        or last.lower() in _WEAK_END
        or _POSSESSIVE_OR_SHORT.search(last) is not None
    )


def _particle_end(words: list[str]) -> bool:
    """The phrase ends on a verb's particle: "callers hang up", "firms pulled out"."""
    if len(words) < 2 or words[-1].lower() not in _PARTICLES:
        return False
    verb = words[-2]
    low = verb.lower()
    return (
        verb.isalpha()
        and verb.islower()
        and low not in _FUNCTION
        and low not in _AUX
        and low not in _PREPOSITIONS
        and low not in _SUBJECT_PRONOUNS
        and low not in _PRONOUNS
        and not low.endswith("s")  # "prices up", "sales down": a noun and a direction
    )


def _without_when(words: list[str]) -> list[str]:
    """The clause's words with the phrases that only say when moved to its end:
    "In 2004 it detected" -> "it detected in 2004", "To date the company has
    caught" -> "the company has caught to date", "last week"; a date left without
    its preposition ("[on 10] January for a match that raised") is dropped, and a
    year that qualifies a noun ("the 2001 election") stays where it is."""
    out: list[str] = []
    moved: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        low = words[i].lower()
        j = i
        if low in _WHEN_OPENERS and i + 1 < n:
            j = i + 1
            if low == "as" and words[j].lower() == "of":
                j += 1
            if low == "to" and words[j].lower() == "date" and not out:
                moved.extend(words[i : j + 1])
                i = j + 1
                continue
        k = j
        while k < n and _when_token(words[k], k, words):
            k += 1
        if k > j and (
            k == n
            or not (
                words[k].islower()
                and words[k].isalpha()
                and words[k].lower() not in _FUNCTION
                and words[k].lower() not in _SUBJECT_PRONOUNS
                and not _is_verb(words[k])
            )
        ):
            if out:
                out.extend(words[i:k])  # "the ban that passed in 1993": where it is
            elif j > i:
                moved.extend([low, *words[i + 1 : k]])  # "In 2004 it ...": at the end
            i = k
            continue
        if low == "earlier" and i + 2 < n and words[i + 1].lower() in ("this", "last"):
            moved.extend([low, *words[i + 1 : i + 3]])  # "admitted earlier this week that"
            i += 3
            continue
        if (
            low in _RELATIVE_TIME
            and i + 1 < n
            and (words[i + 1].lower() in _TIME_UNITS or words[i + 1].lower() in _WHEN_TOKENS)
        ):
            moved.extend([low, words[i + 1]])  # "Last week the firm said": at the end
            i += 2
            continue
        out.append(words[i])
        i += 1
    return [*out, *moved] if out else []


#: A preposition whose object the figure's noun phrase is ("with a $27bn bill for ...").
_OBJECT_OF_PREPOSITION: Final = re.compile(
    r"\b(?:with|for|from|against|about)\s+(?:a|an|the|its|their|his|her|this|that)\s+$", re.I
)


_WHO_OPENS: Final = re.compile(r"\s*who\s+(?=\w)", re.I)
#: A name right before a clause break: "Byrne" of "Byrne — who ...".
_NAME_BEFORE_BREAK: Final = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*[a-z])\s*$")
_ASIDE: Final = re.compile(r"\s*\([^()]{1,40}\)")
_RELATIVE: Final = re.compile(r"\s+(who|that|which)\s+(?!is\b|was\b)")
_PRONOUNS: Final = _wordset("me him her us them it you")
_SUBJECT_PRONOUNS: Final = _wordset("i he she it we they you")
_EXCHANGE: Final = re.compile(
    r"\s+(?:to|against)\s+the\s+(euro|pound|dollar|yen|yuan|franc)\b", re.I
)
_CURRENCY_NAMES: Final = {
    "USD": "dollar",
    "GBP": "pound",
    "EUR": "euro",
    "JPY": "yen",
    "CNY": "yuan",
    "CAD": "Canadian dollar",
    "AUD": "Australian dollar",
}
_PRICE_BEFORE: Final = re.compile(
    r"\b(?:cost|costs|costing|started at|starts at|start at|sold for|sells for|sell for"
    r"|selling for|priced at|bought for|purchased for|for|fetched|fetch|fetches)\s+$",
    re.I,
)
_WORTH_BEFORE: Final = re.compile(
    r"\b(?:a|an|the|its|their|his|her)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)\s+(?:worth|valued at)\s+"
    r"(?:(?:about|around|nearly|almost|some|up to|more than|over)\s+)?$",
    re.I,
)
_WHEN_WORDS: Final = _wordset("last this next")
_TIME_WORDS: Final = _wordset("""day days week weeks month months year years quarter quarters
    period decade hour hours first last past next same following previous time times season""")
_POLL_VERBS: Final = _wordset(
    "received receives got gets won wins took takes held holds had has garnered polled drew draws"
)
_POLL_BEFORE: Final = re.compile(
    r"\b(?:received|receives|got|gets|won|wins|took|takes|held|holds|had|has|garnered|polled|drew"
    r"|draws)\s+(?:(?:about|around|only|just|nearly|almost|some|roughly|more than|less than)\s+)?$",
    re.I,
)
_SIZE_AFTER: Final = re.compile(r"\s+(long|tall|high|wide|deep)\b", re.I)
_SIZE_NOUNS: Final = {
    "long": "length",
    "tall": "height",
    "high": "height",
    "wide": "width",
    "deep": "depth",
}
_AGO: Final = re.compile(r"\s+ago\b")
_PERCENT_NOUN: Final = re.compile(r"\s+(?:in\s+)?")
#: Words after a percentage that do not name what it is a rate of.
_NOT_A_RATE_NOUN: Final = (
    _TIME_WORDS
    | _WHEN_WORDS
    | _PREPOSITIONS
    | _wordset("one two three four five six seven eight nine ten a an the this that each every")
)
_RATE_NOUNS_TAX: Final = _wordset("tax taxes duty tariff tariffs levy vat interest")
#: Verbs whose object is money changing hands: "raised $2m" is money raised.
_MONEY_VERBS: Final = _wordset("""raise raises raised raising pay pays paid paying spend spends
    spent spending receive receives received donate donates donated give gives gave given
    invest invests invested borrow borrows borrowed lend lends lent owe owes owed collect
    collected secure secured earn earns earned save saved pledge pledged promise promised
    offer offered award awarded grant granted allocate allocated earmark earmarked""")


def _money_verb(word: str) -> bool:
    """ "raised", "earning", "borrowing": a verb whose object is money changing hands."""
    low = word.lower()
    if low in _MONEY_VERBS:
        return True
    if low.endswith("ing") and len(low) > 5:
        stem = low[:-3]
        return stem in _MONEY_VERBS or f"{stem}e" in _MONEY_VERBS
    return False


_LEADING_ADJECTIVES: Final = _wordset(
    "new extra additional further total net gross combined estimated average initial record"
)
_POSSESSIVE_BEFORE: Final = re.compile(r"(?<![\w’'])((?:[A-Z][\w-]*\s+)?[\w-]+[’']s)\s+$")
_ADJECTIVE_BEFORE: Final = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that)\s+"
    r"(new|extra|additional|further|total|net|gross|combined|estimated|average|annual|initial|record)\s+$",
    re.I,
)
_RATE_TAIL: Final = _wordset(
    "a an per each every year annum month week day hour to bn m million billion"
)


def _is_verb(word: str) -> bool:
    low = word.lower()
    return (
        low in _AUX
        or low in _SAY_VERBS
        or low in _IRREGULAR_PAST
        or (low.endswith(("ed", "ing")) and len(low) > 4 and word.islower())
    )


_PRONOUN_SUBJECT: Final = re.compile(r"\b(it|they|we|It|They|We)\s+([a-z]+)\b")


def _is_present_s(word: str) -> bool:
    """ "employs", "owns": a present verb that needs its subject ("people employs" is
    no phrase; "net loss posted" is one without "it")."""
    low = word.lower()
    return (
        word.islower()
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is"))
        and len(low) > 3
        and low not in _AUX
        and low not in _MAKES_UP_PARTICIPLE  # "it accounts for 20% of sales": the share
    )


def _followed_by_verb(sentence: str, q: Quantity) -> bool:
    m = _NEXT_WORD.match(sentence, q.end)
    return bool(m and m.group(1).lower() in _AUX)


_NEXT_WORD: Final = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:a|per)\s+(?:year|week|month|day))?\s+(\w+)"
)


_NUMBER_WORDS: Final = _wordset("one two three four five six seven eight nine ten half")


def _next_item(words: list[str]) -> int:
    """Where a clause runs into the next figure: "and one in 16", "but 40%"."""
    return next(
        (
            i
            for i in range(1, len(words) - 1)
            if words[i].lower() in _AND_OR
            and (_NUMERAL.match(words[i + 1]) is not None or words[i + 1].lower() in _NUMBER_WORDS)
        ),
        len(words),
    )


def _context(sentence: str, q: Quantity, head: str) -> str:
    active = _passive_agent(sentence, q)
    if active:
        return active
    at = q.end
    aside = _ASIDE.match(sentence, at)
    if aside:
        at = aside.end()  # "$10bn (£5.38bn) a year"
    relative = _RELATIVE.match(sentence, at)
    if relative:
        # "Two senators who are in tough fights": the clause says what they are.
        stop = _right_bound(sentence, relative.end())
        words = _strip_end(_words(sentence[relative.end() : stop])[:_RIGHT_WORDS])
        if words:
            return " ".join([relative.group(1).lower(), *words])
    stop = _right_bound(sentence, at)
    right = _words(sentence[at:stop])
    named = {w.lower() for w in head.split()} | {w.lower().rstrip(".") for w in head.split()}
    own = named | {"of", "the", "a", "an", "its", "their", "all"}
    rate = {"a", "an", "per", "each", "every", "year", "annum", "month", "week", "day", "annually"}
    while right and (
        right[0].lower() in own
        or right[0].lower() in _PLACE_ADVERBS
        or _NUMERAL.match(right[0]) is not None
        or right[0].lower() in rate
        or (len(right) > 1 and right[0].lower() in _PREPOSITIONS and right[1].lower() in named)
    ):
        right = right[1:]
    cut = next((i for i, w in enumerate(right) if _NUMERAL.match(w)), len(right))
    right = right[:cut]
    first = 0
    while first < len(right) and right[first].lower() in _ADVERBS:
        first += 1
    infinitive = (
        first + 1 < len(right)
        and right[first].lower() == "to"
        and right[first + 1].islower()
        and right[first + 1] not in _DETERMINERS
        and right[first + 1] not in _PRONOUNS
    )
    if infinitive:
        # "three managers to have won the title", "15 seats to clear a filibuster"
        verb_phrase = _strip(right[first:][: _RIGHT_WORDS + 1])
        left = _left_words(sentence, q)
        return " ".join([*left, "to", *verb_phrase])
    if first < len(right) and _is_verb(right[first]):
        # The figure is the subject: "37 countries could benefit from relief".
        verb = right[first:]
        if len(verb) > 1 and verb[0].lower() in _PASSIVE_AUX and _is_verb(verb[1]):
            verb = verb[1:]  # "were killed" -> "killed"
        elif (
            verb[0].lower() not in _AUX
            and verb[0].lower() not in _SAY_VERBS
            and first == 0
            and (
                any(w.lower() in _AUX for w in verb[1:])
                or verb[0].lower().endswith("ing")
                or (len(verb) > 1 and verb[1].lower() == "by")
            )
        ):
            # A participle: "two Britons held at Guantanamo Bay was ...": the
            # phrase ends at the main verb, and the clause before says more.
            main = next(
                (
                    i
                    for i, w in enumerate(verb)
                    if i
                    and (
                        w.lower() in _AUX
                        or (i > 1 and verb[i - 1][:1].isupper() and _past_participle(w) != "")
                    )
                ),
                len(verb),
            )  # "bills backed by Sen Warren passed in May": the main verb ends it
            phrase = _strip_end(verb[: min(main, _PP_WORDS)])
            left = _left_words(sentence, q)
            return " ".join([*phrase, *left])
        verb = verb[: _next_item(verb)]  # "was spam and one in 16 ...": not the next figure
        phrase = _strip_end(verb[:_RIGHT_WORDS])
        if phrase and phrase[0].lower() in _AUX and phrase[0].lower() != "being":
            phrase = ["that", *phrase]
        elif _active_with_object(phrase):
            phrase = ["that", *phrase]  # "7 in 10 voters backed the plan": voters that backed it
        return " ".join(phrase)
    pp: list[str] = []
    if right and right[0].lower() in _PREPOSITIONS:
        pp = right[:_PP_WORDS]
        joined = next(
            (
                i
                for i in range(1, len(pp) - 1)
                if pp[i].lower() in _AND_OR
                and (pp[i + 1].lower() in _DETERMINERS or pp[i + 1].lower() in _SUBJECT_PRONOUNS)
            ),
            len(pp),
        )  # "to the island and its pilots are ...": a new clause after "and"
        pp = _strip_end(pp[:joined])
    elif len(right) > 1 and right[0].lower() in _WHEN_WORDS and right[1].lower() in _TIME_WORDS:
        pp = right[:2]  # "this season", "last year"
    raw_left = [w for w in _left_words(sentence, q) if w.lower() not in named]
    left = _strip(raw_left)
    if left and _is_present_s(left[0]):
        found = list(_PRONOUN_SUBJECT.finditer(sentence, max(0, q.start - _LOOK_BACK), q.start))
        pronoun = found[-1] if found else None  # the last one before the figure
        if pronoun and pronoun.group(2) == left[0]:
            left = [pronoun.group(1).lower(), *left]  # "people it employs", not "people employs"
    if any(w.lower() in _PASSIVE_AUX for w in raw_left) and all(
        _is_verb(w) or w.lower() in _ADVERBS for w in left
    ):
        left = []  # "the damage was put at $2bn": the passive verb says nothing more
    if (
        pp
        and len(left) > 2
        and _OBJECT_OF_PREPOSITION.search(sentence, max(0, q.start - 40), q.start)
    ):
        # "hitting the company with a $27bn bill for back taxes": the figure's noun
        # is a preposition's object; what the clause before says is about another thing.
        left = []
    if len(left) == 1 and left[0].lower() in _LEVEL_VERBS:
        left = []  # "exports reached $44bn": the head already says what reached it
    if len(left) <= 2 and left and left[0].lower() in _MAKES_UP_PARTICIPLE:
        left = []  # "it accounts for 20% of sales": the share of sales, nothing more
    ends = [w.lower() for w in raw_left if w.lower() not in _DETERMINERS]
    at_figure = _VERB_AT_FIGURE.search(sentence, max(0, q.start - 60), q.start) if left else None
    has = at_figure is not None and at_figure.group(1) in ("has", "have", "had")
    if (
        left
        and (has or (ends and ends[-1] in ("has", "have", "had")))
        and len(left) <= 4
        and not any(_is_verb(w) or w.lower() in _SUBJECT_PRONOUNS for w in left)
    ):
        left = ["of", *left]  # "the agency has a budget of $2bn": the budget of the agency
    if (
        left
        and q.kind == "count"
        and q.noun_start >= 0
        and _WHERE_BEFORE.search(sentence, max(0, q.start - 16), q.start)
    ):
        # "running a campaign in all 72 counties": "counties where ... is running a campaign"
        left = ["where", *left]
    if not left and not pp and right and right[0].lower() not in ("and", "or", "but", "while"):
        # "for two decades it has been an issue": the clause after the phrase.
        return " ".join(_strip_end(right[:_RIGHT_WORDS]))
    if (
        not left
        and not pp
        and not right
        and (
            _FRONTED.match(sentence[: q.start])
            or (not sentence[: q.start].strip() and q.approx == "over")  # "Over 40 years, ..."
        )
    ):
        # "For two decades, gun control has been an issue": the clause after the comma.
        comma = _COMMA_AFTER.match(sentence, at)
        if comma:
            words = _words(sentence[comma.end() : _right_bound(sentence, comma.end())])
            return " ".join(_strip_end(words[:_RIGHT_WORDS]))
    if not left or q.kind == "duration" or not _past_participle(left[-1]):
        return " ".join([*left, *pp])  # no verb of its own to say with an agent
    verb_at = bool(at_figure and at_figure.group(1) == left[-1])
    if not verb_at:
        # "TimeWarner posted a profit of $3.36bn": the verb's object is the head ("profit")
        obj = _VERB_OBJECT_OF.search(sentence, max(0, q.start - 80), q.start)
        verb_at = bool(
            obj
            and obj.group(1) == left[-1]
            and all(w.lower() in named or w.lower() in _DETERMINERS for w in _words(obj.group(2)))
        )
    agent = (
        _by_agent(left) if verb_at and q.kind != "duration" else []
    )  # "callers waited 20 minutes": a time is no verb's object
    if agent:
        return " ".join(
            [*agent, *pp]
        )  # "money the charity raised" -> "money raised by the charity"
    return " ".join([*left, *pp])


#: A verb right before the figure (past a qualifier or an article): the figure is its object.
_VERB_AT_FIGURE: Final = re.compile(
    r"\b([a-z]+)\s+(?:(?:a|an|the|another|a\s+further|an\s+extra|a\s+record|almost|nearly|about"
    r"|around|roughly|some|just|only|over|under|at\s+least|up\s+to|more\s+than|less\s+than"
    r"|fewer\s+than|as\s+(?:much|many)\s+as|an\s+estimated)\s+)*$"
)
#: A verb, its object, "of" and the figure: "posted a net profit of $4m".
_VERB_OBJECT_OF: Final = re.compile(
    r"\b([a-z]+)\s+((?:[\w’'-]+\s+){1,4})of\s+(?:(?:about|around|nearly|almost|some|just|only"
    r"|over|more\s+than|less\s+than|at\s+least|up\s+to)\s+)*$"
)
#: Past forms whose participle differs: "took" -> "taken".
_PARTICIPLES: Final = {
    "took": "taken",
    "gave": "given",
    "wrote": "written",
    "drove": "driven",
    "chose": "chosen",
    "drew": "drawn",
    "saw": "seen",
    "stole": "stolen",
    "broke": "broken",
    "spoke": "spoken",
    "knew": "known",
    "threw": "thrown",
    "ate": "eaten",
    "began": "begun",
}
#: Past forms that are their own participle, of verbs that take an object.
_TRANSITIVE_PAST: Final = _wordset("""won made sold bought paid spent lost held kept built brought
    sent found cut put set hit shot caught struck beaten told taught sought raised""")
#: Past verbs that only say a level or a change was reached: "sales totalled", "prices rose".
_NO_AGENT: Final = _wordset("""reached totalled totaled topped hit exceeded amounted stood rose fell
    grew climbed jumped dropped declined increased decreased gained slipped slid plunged soared
    surged tumbled dipped sank shrank eased rallied advanced ranged numbered averaged peaked
    estimated expected forecast predicted projected valued priced needed required""")
_OBJECT_OPENERS: Final = _wordset("a an the its their his her our my this that these those")


def _past_participle(word: str) -> str:
    """The participle of a past-tense verb that takes an object, "" when ``word`` is not one."""
    low = word.lower()
    if not word.islower() or low in _NO_AGENT:
        return ""
    if low in _PARTICIPLES:
        return _PARTICIPLES[low]
    if low in _TRANSITIVE_PAST or (low.endswith("ed") and len(low) > 4):
        return low
    return ""


#: "winners were chosen by 21 million voters": the passive verb and the figure as its agent.
_PASSIVE_BY: Final = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:(?:[a-z]+ly|then|also|later|now|first|since)\s+)?"
    r"([a-z]+)\s+by\s+"
    r"(?:(?:some|about|around|nearly|almost|more\s+than|over|at\s+least|up\s+to|just|only)\s+)?$"
)


def _past_tense(participle: str) -> str:
    """ "chosen" -> "chose", "backed" -> "backed"; "" when not a participle."""
    low = participle.lower()
    for past, part in _PARTICIPLES.items():
        if part == low:
            return past
    if low in _TRANSITIVE_PAST or (low.endswith("ed") and len(low) > 4):
        return low
    return ""


def _passive_agent(sentence: str, q: Quantity) -> str:
    """ "winners were chosen by 21 million online voters" -> "that chose winners": the
    figure's noun did what the passive says was done."""
    if q.kind != "count" or q.noun_start < 0:
        return ""
    m = _PASSIVE_BY.search(sentence, max(0, q.start - 60), q.start)
    past = _past_tense(m.group(1)) if m else ""
    if m is None or not past:
        return ""
    left = _words(_left_text(sentence, q))
    aux = max(
        (i for i, w in enumerate(left) if w.lower() in _PASSIVE_AUX or w.lower() == "be"),
        default=-1,
    )
    while aux > 0 and (left[aux - 1].lower() in _AUX or left[aux - 1].lower() in _ADVERBS):
        aux -= 1  # "could have been", "has been"
    subject = left[:aux] if aux > 0 else []
    cut = max((i + 1 for i, w in enumerate(subject) if w.lower() in _CLAUSE_WORDS), default=0)
    subject = _strip_end(subject[cut:])
    while subject and subject[0].lower() in _FUNCTION and subject[0].lower() not in _DETERMINERS:
        subject = subject[1:]
    if subject and subject[0][:1].isupper() and subject[0].lower() in _DETERMINERS:
        subject[0] = subject[0].lower()  # "The bill" -> "the bill"
    if not 1 <= len(subject) <= 7 or any(
        _is_verb(w) or w.lower() in _SUBJECT_PRONOUNS or _NUMERAL.match(w) for w in subject
    ):
        return ""
    return " ".join(["that", past, *subject])


def _active_with_object(phrase: list[str]) -> bool:
    """ "backed the plan": a past verb with its own object right after it (a clause
    whose subject is the figure), not a participle ("killed in the attack")."""
    return (
        len(phrase) > 1
        and bool(_past_participle(phrase[0]))
        and phrase[0].lower() not in _PARTICIPLES.values()
        and phrase[1].lower() in _OBJECT_OPENERS
    )


def _by_agent(left: list[str]) -> list[str]:
    """A contact clause ending at the figure, "[money] the charity has raised", as a
    participle and its agent: "raised by the charity" (a noun phrase, no finite
    verb); [] when ``left`` is not a subject and a past verb of its own."""
    if len(left) < 2 or left[-2].lower() in _DETERMINERS:
        return []  # "a sophisticated $270m airliner": an adjective, not a verb
    participle = _past_participle(left[-1])
    if not participle:
        return []
    rest = left[:-1]
    while rest and (rest[-1].lower() in _ADVERBS or _adverb(rest[-1])):
        rest = rest[:-1]
    if rest and rest[-1].lower() in _PASSIVE_AUX | _wordset("be"):
        return []  # "was banned": a passive, its subject is not the agent
    while rest and rest[-1].lower() in _wordset("has have had"):
        rest = rest[:-1]
    if not 1 <= len(rest) <= 5:
        return []
    low = [w.lower() for w in rest]
    if (
        low[0] in _SUBJECT_PRONOUNS
        or low[0] in _PRONOUNS
        or _contracted_subject(low[0])
        or any(w in _AUX or w in _CLAUSE_WORDS or w in _SAY_VERBS for w in low)
        or any(_is_verb(w) or _NUMERAL.match(w) for w in rest)
        or not any(w[:1].isupper() or w not in _FUNCTION for w in rest)
    ):
        return []
    return [participle, "by", *rest]


#: Verbs that only say a level was reached: nothing to add to their subject.
_LEVEL_VERBS: Final = _wordset("""reached reaches hit hits topped tops totalled totaled totals
    cost costs costing
    stood stands rose rises fell falls climbed jumped dropped grew was were is are amounted
    range ranges ranged ranging reach hit top total exceed exceeds exceeded""")
_WHERE_BEFORE: Final = re.compile(
    r"\b(?:in|at|across|throughout|inside)\s+(?:(?:all|the|some|each|every)\s+)?$", re.I
)
_PLACE_ADVERBS: Final = _wordset("here there nationwide")
#: Words a phrase must not end on: a verb's helper, a preposition, a conjunction, a pronoun.
_BAD_END: Final = (
    _FUNCTION | _AUX | _SUBJECT_PRONOUNS | _PRONOUNS | _PREPOSITIONS | _wordset("whose being")
)
_BAD_START: Final = _wordset("that which who and or but being")
_MAX_PHRASE: Final = 14
_HE_SHE: Final = _wordset("he she his her")
#: Units of a physical size: the dimension a bare one measures.
_PHYSICAL: Final = {
    **dict.fromkeys(
        "mile kilometer kilometre km meter metre m foot feet yard inch centimeter cm mm".split(),
        "distance",
    ),
    **dict.fromkeys(
        "pound lb kilogram kg gram ounce oz ton tonne".split(),
        "weight",
    ),
    **dict.fromkeys("acre hectare ha".split(), "area"),
    **dict.fromkeys("gallon litre liter barrel".split(), "volume"),
}
_WEAK_END: Final = _wordset("very so too more most less quite really rather")
_POSSESSIVE_OR_SHORT: Final = re.compile(r"[’'](?:s|ve|ll|re|d|m|t)$", re.I)
#: Two to four capitalised words, not a possessive: "Nelson Mandela", "Mr Brown".
_NAME_RUN: Final = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][a-z][\w-]*)(?=\s*,|\s+([a-z]\w*))"
)
#: A one-word subject: "Varga is ...", "Ito said ...".
_SURNAME_SUBJECT: Final = re.compile(r"(?<![\w’'.-])([A-Z][a-z][\w’'-]*)\s+([a-z]\w*)")
_SENTENCE_NAME: Final = re.compile(r"^(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+(?=\s+([a-z]\w*))")
_NOT_NAMES: Final = _wordset(
    """The A An But And Or In On At For If When While After Before This That These Those It
    He She They We I You His Her Their Its Our My However Meanwhile Last Next Once"""
)
_COMPANY: Final = re.compile(r"^(?:the\s+)?(?:company|firm|group|bank|retailer|carmaker)$", re.I)


def _name_before(previous: str, sentence: str, at: int) -> str:
    """The person a "he" or "she" before ``at`` most likely is: the first name
    that is a subject (followed by a verb or a comma: "Nelson Mandela backed ...
    when he urged") in the sentence before ``at``, else in the sentence before."""
    last = previous.rstrip()
    dot = max(last.rfind(". ", 0, len(last) - 1), last.rfind("\n"))
    for text, opening in ((sentence[:at], False), (last[dot + 1 :].lstrip(), True)):
        for m in _NAME_RUN.finditer(text):
            words = m.group(1).split()
            lead = 0
            while lead < len(words) and words[lead] in _NOT_NAMES:
                lead += 1
            if opening and (m.start() > 0 or lead > 1):
                break  # the sentence before: only the name it opens on
            words = words[lead:]
            verb = m.group(2) or ""
            present = verb.endswith("s") and not verb.endswith("ss") and verb not in _NP_STOP
            if len(words) >= 2 and (_is_verb(verb) or verb in _SAY_VERBS or present):
                return " ".join(words)
    for m in _SURNAME_SUBJECT.finditer(sentence, 0, at):  # the sentence's own subject
        word, verb = m.group(1), m.group(2)
        present = verb.endswith("s") and not verb.endswith("ss") and verb not in _NP_STOP
        if (
            word not in _NOT_NAMES
            and (_is_verb(verb) or verb in _SAY_VERBS or present)
            and _named_in_full(word, previous)
        ):
            return word  # "Varga is a builder and kept tools at his home"
    return ""


def _named_in_full(surname: str, text: str) -> bool:
    """Whether ``text`` names someone whose name ends in ``surname`` ("Anton W. Varga")."""
    at = text.find(" " + surname)
    while at > 0:
        end = at + 1 + len(surname)
        if not text[end : end + 1].isalpha():
            before = text[:at].rsplit(None, 1)[-1:]
            if before and before[0][:1].isupper() and before[0] not in _NOT_NAMES:
                return True
        at = text.find(" " + surname, end)
    return False


def _sentence_subject(previous: str) -> str:
    """The name a sentence opens on ("Acme Corp reported ..."): for "the company"."""
    last = previous.rstrip()
    dot = max(last.rfind(". ", 0, len(last) - 1), last.rfind("\n"))
    m = _SENTENCE_NAME.match(last[dot + 1 :].strip())
    if m is None or m.group().split()[0] in _NOT_NAMES:
        return ""
    verb = m.group(1)
    if not (_is_verb(verb) or verb in _SAY_VERBS or (verb.endswith("s") and verb not in _NP_STOP)):
        return ""  # "Shares in Acme sank": not a name
    return m.group()


def _possessive_her(words: list[str], i: int) -> bool:
    """ "her trial" (a possessive), not "paid her" or "gave her the money"."""
    if i + 1 >= len(words):
        return False
    after = words[i + 1]
    return after.islower() and after not in _FUNCTION and after not in _AUX


def _tidy(phrase: str, person: str, previous: str) -> str:
    """A well-formed phrase: no hyphen-led word, no bare pronoun or helper verb at
    either end, a known person for "he"/"she", the company's name for "the
    company" (from the sentence before), at most ``_MAX_PHRASE`` words."""
    words = [w.lstrip("-'‘") for w in phrase.split()]
    words = [w for w in words if w]
    for i in range(1, len(words)):
        # "profit the company made", "profit made by company": its name, when the
        # sentence before opens on one
        verb_after = i + 1 < len(words) and _is_verb(words[i + 1])
        if _COMPANY.match(words[i]) and (verb_after or words[i - 1].lower() == "by"):
            name = _sentence_subject(previous)
            if name:
                det = i - 1 if words[i - 1].lower() == "the" else i
                words = [*words[:det], *name.split(), *words[i + 1 :]]
            break
    if person:
        named = person.split()[-1]
        out: list[str] = []
        for i, w in enumerate(words):
            low = w.lower()
            if low in ("he", "she") and named not in words:
                out.extend(person.split())
            elif (
                (low == "his" or (low == "her" and _possessive_her(words, i)))
                and i > 0
                and named not in words
                and named not in out
            ):
                out.append(f"{named}’s")
            else:
                out.append(w)
        words = out
    while len(words) > 1 and (
        words[0].lower() in _BAD_START or words[0].lower() in _SUBJECT_PRONOUNS
    ):
        words = words[1:]
    words = _well_formed(words)
    while len(words) > 1 and _weak_last(words):
        words = words[:-1]  # not "... at Sunday's", "... nights I've", "... to be very"
    if len(words) > 1 and words[0].endswith("ing") and words[0][:1].isupper():
        words = words[1:]  # "Having lived in Kurdistan": not a noun
    return " ".join(words)


#: Spoken fillers that say nothing about a figure ("in 18 months you know I think").
_FILLERS: Final = (
    ("you", "know"),
    ("i", "think"),
    ("i", "mean"),
    ("i", "guess"),
    ("you", "see"),
    ("sort", "of"),
    ("kind", "of"),
    ("actually",),
    ("basically",),
    ("frankly",),
    ("honestly",),
    ("literally",),
    ("obviously",),
)
_MAGNITUDES: Final = _wordset("thousand million billion trillion bn m")
#: Words a cut-off phrase may be shortened back to: "competition to lead artificial"
#: -> "competition".
_CUT_BEFORE: Final = _wordset("to of in on at for with from by and or that which who")


def _drop_fillers(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        skip = 0
        for filler in _FILLERS:
            n = len(filler)
            if tuple(w.lower() for w in words[i : i + n]) == filler:
                skip = n
                break
        if skip:
            i += skip
            continue
        out.append(words[i])
        i += 1
    return out


def _first_repeat(words: list[str]) -> int:
    """Where the phrase starts to repeat itself: a word said twice in a row, or
    two or more words said again ("consumers to Chinese consumers to Chinese
    consumers"); the phrase's length when it does not."""
    low: list[str] = [w.lower() for w in words]
    for i in range(1, len(low)):
        if low[i] == low[i - 1] and not _NUMERAL.match(low[i]):
            return i
        if i + 1 < len(low):
            pair = (low[i], low[i + 1])
            for j in range(i - 1):
                if (low[j], low[j + 1]) == pair and not (
                    low[j] in _FUNCTION and low[j + 1] in _FUNCTION
                ):
                    return i
    return len(low)


def _well_formed(words: list[str]) -> list[str]:
    """No fillers, no fragment said twice, no stray magnitude left by a number
    cut out ("products billion euros"), at most ``_MAX_PHRASE`` words, and a
    phrase cut short ends before its last preposition, not inside it."""
    words = _drop_fillers(words)
    words = words[: _first_repeat(words)]
    for i in range(1, len(words)):
        if words[i].lower() in _MAGNITUDES and not _NUMERAL.match(words[i - 1]):
            words = words[:i]
            break
    if len(words) > _MAX_PHRASE:
        words = words[:_MAX_PHRASE]
        cut = max(
            (i for i in range(len(words) - 4, len(words)) if words[i].lower() in _CUT_BEFORE),
            default=-1,
        )
        if cut > 2:
            words = words[:cut]
    return words


_FIRST_ITEM: Final = re.compile(
    r",\s+(?:\w+\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b"
)
_LIST_AFTER: Final = re.compile(r"\s*,\s+|\s+(?:and|or)\s+")
_LIST_BEFORE: Final = re.compile(r"(?:,|\b(?:and|or))\s+$")
_LIST_PP: Final = re.compile(
    r"\s(at|in|on|from|inside|near|across|during|behind|under|outside)\s+([^,;:.()“”\"]{1,60})"
)


def _list_context(sentence: str, q: Quantity) -> str:
    """A count in a list of objects ("possessed a handgun, three rifles, two
    shotguns and ammunition at his home"): the list's verb and the place after
    the list, "possessed at his home"."""
    if q.kind != "count" or q.noun_start < 0:
        return ""
    if not _LIST_AFTER.match(sentence, q.end):
        return ""
    if not _LIST_BEFORE.search(sentence, max(0, q.start - 8), q.start):
        # The list's first item: its verb just before it ("kept four bows, two swords").
        first = _FIRST_ITEM.match(sentence, q.end)
        verb_before = _words(sentence[max(0, q.start - 20) : q.start])[-1:]
        if not (first and verb_before and _is_verb(verb_before[0]) and verb_before[0].islower()):
            return ""
    # The verb: the last one before the list, back over its items.
    left = _words(sentence[max(0, q.start - 2 * _LOOK_BACK) : q.start])
    verb = max(
        (
            i
            for i, w in enumerate(left)
            if _is_verb(w) and w.islower() and not (i and left[i - 1].lower() in _DETERMINERS)
        ),
        default=-1,
    )
    if verb < 0 or left[verb].lower() in _AUX:
        return ""
    out = [left[verb]]
    # What follows the list's last item: "at his home" (to a clause break).
    end = _right_bound(sentence, q.end)
    tail = sentence[q.end : min(len(sentence), q.end + 160)]
    last = max(tail.rfind(" and "), tail.rfind(" or "))
    if last >= 0:
        pp = _LIST_PP.search(tail, last)
        if pp and q.end + pp.start() < max(end, q.end + last + 1) + 80:
            words = _strip_end(_words(pp.group(0))[:_PP_WORDS])
            out.extend(words)
    return " ".join(out)


#: The most words a measure keeps (the gold phrases run to a dozen; past that a
#: phrase has run on into another clause).
_READABLE_WORDS: Final = 14
#: Words of a speaker's own voice: the phrase has run into a quotation ("time i fell
#: on court", "chances i to win the game").
_QUOTE_VOICE: Final = _wordset("i i’m i'm i’ve i've me my you your you’re you're myself")
#: A relative clause on a copula that only describes the noun ("fines that is
#: politically motivated", "price that is a lifeline", "people that are working very
#: hard"): the noun says what is counted; "people who were killed" keeps its clause.
_COPULA: Final = _wordset("is are was were")
_DESCRIBING: Final = _wordset("a an the not very so too really")
#: What ends an intransitive "-ing" in a describing clause: "are working very hard".
_MANNER: Final = _wordset("very hard so really well together now today here there")
#: Words a cut phrase does not end on: "ranking of the player maybe".
_HEDGES: Final = _wordset(
    "maybe perhaps probably possibly certainly definitely something anything everything"
)


def _describing_clause(words: list[str], i: int) -> bool:
    """``words[i]`` opens "that/who/which + is/are + description"."""
    if words[i].lower() not in ("that", "who", "which") or i + 2 >= len(words):
        return False
    if words[i + 1].lower() not in _COPULA:
        return False
    nxt = words[i + 2].lower()
    if nxt in _DESCRIBING:
        return True
    # "are working very hard": a progressive with no object
    return (
        nxt.endswith("ing")
        and len(nxt) > 5
        and (i + 3 == len(words) or words[i + 3].lower() in _MANNER)
    )


_THERE_AUX: Final = _wordset(
    "is are was were will would be been won’t won't isn’t isn't aren’t aren't"
)


def _without_there(words: list[str]) -> list[str]:
    """ "PCs There are currently in use": an existential "there is/are" inside the
    phrase says nothing ("PCs currently in use")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i > 0 and words[i].lower() in ("there", "there’s", "there's"):
            i += 1
            while i < len(words) and words[i].lower() in _THERE_AUX:
                i += 1
            continue
        out.append(words[i])
        i += 1
    return out


def _without_repeated_owner(words: list[str]) -> list[str]:
    """ "Senate’s threshold ... to clear the Senate’s to pass": an owner said again
    (with its article) is dropped."""
    seen: set[str] = set()
    out: list[str] = []
    for w in words:
        low = w.lower()
        if _POSSESSIVE_OR_SHORT.search(low) is not None and low.endswith("s") and low in seen:
            if out and out[-1].lower() in _DETERMINERS:
                out.pop()
            continue
        seen.add(low)
        out.append(w)
    return out


def _without_repeated_tail(words: list[str]) -> list[str]:
    """ "top share of class ... in the class": a last phrase that says again what the
    phrase already says is dropped."""
    last = max((i for i in range(1, len(words)) if words[i].lower() in _PREPOSITIONS), default=0)
    if last < 2:
        return words
    said = {w.lower() for w in words[:last]}
    tail = [w.lower() for w in words[last + 1 :] if w.lower() not in _FUNCTION]
    if tail and all(w in said for w in tail):
        return words[:last]
    return words


def _quote_voice(words: list[str], i: int) -> bool:
    """``words[i]`` is a speaker's "I", "my", "you" (not the numeral of "World War I")."""
    if words[i].lower() not in _QUOTE_VOICE:
        return False
    return not (words[i] == "I" and i > 0 and words[i - 1][:1].isupper())


def _readable(phrase: str) -> str:
    """A noun phrase a reader understands out of context: not past a speaker's own
    "I"/"you" (words from inside a quotation), not into a relative clause that only
    describes the noun, at most ``_READABLE_WORDS`` words, cut before the clause or
    infinitive it runs into."""
    words = phrase.split()
    voice = next((i for i in range(len(words)) if _quote_voice(words, i)), len(words))
    if voice < len(words):
        words = words[:voice]
        while len(words) > 1 and words[-1].lower() in _FUNCTION:
            words = words[:-1]  # "time it took me to answer": "time it took"
    words = _without_repeated_tail(_without_repeated_owner(_without_there(words)))
    describing = next((i for i in range(1, len(words)) if _describing_clause(words, i)), 0)
    if describing:
        words = words[:describing]
    if len(words) > _READABLE_WORDS:
        cut = max(
            (i for i in range(3, _READABLE_WORDS + 1) if words[i].lower() in _CLAUSE_OPENERS),
            default=_READABLE_WORDS,
        )
        words = words[:cut]
    while len(words) > 1 and (
        _weak_last(words)
        or (
            not _particle_end(words)
            and (
                words[-1].lower() in _HEDGES
                or (_adverb(words[-1]) and words[-2].lower() in _FUNCTION)
            )
        )
    ):
        words = words[:-1]  # "cost of reportedly": "cost"
    if not any(_says_something(w) for w in words):
        return ""  # "There", "again mentally", "if": better nothing than a wrong phrase
    return " ".join(words)


#: Words that name nothing: a phrase of only these says nothing about a number.
_EMPTY_WORDS: Final = _wordset("there both again also too something anything everything")


#: Nouns that end like an adverb.
_LY_NOUNS: Final = _wordset("family supply assembly rally ally monopoly anomaly belly jelly bully")


def _adverb(word: str) -> bool:
    """ "reportedly", "mentally" (lower-case, not "family" or "Italy")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _says_something(word: str) -> bool:
    low = word.lower()
    return not (
        low in _FUNCTION
        or low in _SUBJECT_PRONOUNS
        or low in _PRONOUNS
        or low in _EMPTY_WORDS
        or low in _AUX
        or _adverb(word)
    )


#: Where a long phrase may end: before a clause or an infinitive it runs into.
_CLAUSE_OPENERS: Final = _wordset(
    """that which who whom whose where when while whereas because although though since as
    if unless until so and but or to"""
)


#: Sentence adverbs and clause openers: a measure that reaches one has run out of
#: its noun phrase into the rest of the sentence ("time Finally", "where Despite").
_DEBRIS_WORDS: Final = _wordset(
    """finally despite however meanwhile although though whereas because
    instead moreover furthermore nevertheless nonetheless indeed eventually thus hence
    therefore unless whether otherwise"""
)
#: Words that, capitalised inside a measure, open a sentence of their own ("time
#: Now we have to focus").
_NEW_SENTENCE: Final = _wordset("now then this these those it there we they he she you")
#: Words that, alone, only point at something said elsewhere ("Another", "Most").
_ONLY_OTHERS: Final = _wordset("another most many several few more other others same")
#: What a measure never opens on: a clause word or sentence adverb ("where Despite").
_DEBRIS_OPENERS: Final = _DEBRIS_WORDS | _wordset("where when while both also already yet but")
#: Sentence adverbs a measure may open on and lose ("However the channel's share").
_ADVERB_OPENERS: Final = _wordset(
    "however meanwhile finally moreover furthermore indeed eventually"
)
#: Pronouns that open a clause of their own.
_DEBRIS_SUBJECTS: Final = _wordset(
    "he she they we i it you that’s that's it’s it's he’s he's she’s she's they’re they're"
)
#: Words that, alone, say nothing a reader can use about a number ("time", "amount").
_GENERIC_HEADS: Final = _wordset("amount value money time price cost total figure number sum level")
_CAPITAL: Final = re.compile(r"[A-Z]")


def _capital(word: str) -> bool:
    return _CAPITAL.match(word) is not None


def _finite_after_name(words: list[str], i: int) -> bool:
    """``words[i]`` is the last word of a capitalised run followed by a finite verb
    ("Vice-President Mike Pence stressed", "Benitez hailed")."""
    if i + 1 >= len(words):
        return False
    nxt = words[i + 1]
    low = nxt.lower()
    return nxt.islower() and (
        low in _AUX
        or low in _SAY_VERBS
        or low in _IRREGULAR_PAST
        or (low.endswith("ed") and len(low) > 4)
    )


def _contracted_subject(low: str) -> bool:
    """ "they’ll", "we'd": a pronoun subject with its helper verb."""
    cut = max(low.find("’"), low.find("'"))
    return cut > 0 and low[:cut] in _SUBJECT_PRONOUNS


def _run_end(words: list[str], i: int) -> int:
    """The last index of the capitalised run that starts at ``words[i]``."""
    while i + 1 < len(words) and _capital(words[i + 1]):
        i += 1
    return i


def _debris_at(words: list[str]) -> int:
    """Where a measure stops being a noun phrase (``len(words)`` when it never does):
    a sentence adverb or clause opener, a pronoun opening its own clause, a
    capitalised run glued onto a generic word at the end ("amount
    Euros", "time Nadal")."""
    for i, w in enumerate(words):
        low = w.lower()
        if low in _DEBRIS_WORDS or (
            i and w[:1].isupper() and (low in _CLAUSE_OPENERS or low in _NEW_SENTENCE)
        ):
            return i
        if i == 0:
            continue
        prev = words[i - 1]
        if _contracted_subject(low) and prev.lower() in _GENERIC_HEADS:
            return i  # "time they'll have missed": whose time is not said
        if _capital(w) and prev.lower() in _GENERIC_HEADS and _run_end(words, i) == len(words) - 1:
            return i  # "amount Euros", "time Nadal": a name glued on, not what is measured
    return len(words)


def _gated(phrase: str, sentence: str = "") -> str:
    """The readability gate at the end of measure building: the noun phrase before
    any debris ("15 deep — UK Coal operates", "time Finally", "$160,000 — Giuffre"),
    or nothing when no clean noun phrase is left (the reader then shows the
    sentence). A single generic word ("time", "amount") says nothing."""
    words = phrase.split()
    if not words:
        return ""
    while (
        len(words) > 1 and words[0].lower() in _DEBRIS_WORDS and words[0].lower() in _ADVERB_OPENERS
    ):
        words = words[1:]  # "However the channel's share": the share
    if words[0].lower() in _DEBRIS_SUBJECTS or words[0].lower() in _DEBRIS_OPENERS:
        return ""
    run = 0
    while run < len(words) and _capital(words[run]):
        run += 1
    opening = sentence.split(None, 1)[0] if sentence.strip() else ""
    if run == len(words) and run <= 3 and (run > 1 or words[0] != opening):
        return ""  # only a name: "Giuffre", "Jugnot Euros" (not "Salaries" opening the sentence)
    if run > 1 and _finite_after_name(words, run - 1):
        return ""  # "Covid-19 Vice-President Mike Pence stressed": a clause, not a noun
    words = words[: _debris_at(words)]
    where = next((i for i in range(1, len(words)) if words[i].lower() == "where"), 0)
    clause = words[where + 1 :]
    if where and not any(
        _is_verb(w) or (j and w.islower() and w.endswith("s") and not w.endswith("ss"))
        for j, w in enumerate(clause)
    ):
        words = words[:where]  # "countries where people", "alliance where Votes": no clause
    while (
        words
        and not _particle_end(words)
        and (words[-1].lower() in _FUNCTION or words[-1].lower() in _BAD_END)
    ):
        words = words[:-1]
    if not any(_says_something(w) for w in words):
        return ""
    if len(words) == 1 and (words[0].lower() in _GENERIC_HEADS or words[0].lower() in _ONLY_OTHERS):
        return ""
    return " ".join(words)
