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
from functools import lru_cache
from typing import Final, Literal

from briefings.derive.gazetteer import GIVEN_NAMES, ORG_WORDS, PLACES, known_kind
from briefings.derive.names import (
    NAME_RUN,
    NOT_PERSON_WORDS,
    is_function_word,
    is_title_word,
    looks_like_person,
    split_title,
    strip_function_words,
)
from briefings.derive.roles import role_head

Kind = Literal["name", "pronoun", "nominal", "org"]

PRONOUNS: Final = {"he": "m", "she": "f", "He": "m", "She": "f"}
_OTHER_PRONOUNS: Final = {"they", "They", "we", "We", "I", "it", "It", "you", "You", "who", "which"}
_DETERMINERS: Final = re.compile(
    r"^(?:a|an|the|his|her|their|its|one|another|two|three|several|some|many)\s", re.I
)
_NAME_AT_START: Final = re.compile(rf"(?P<run>{NAME_RUN})")
_LOCATION_TAIL: Final = re.compile(
    r"\s+(?:in|based\s+in|from)\s+[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*)*\.?$"
)
_ROLE_STOP: Final = re.compile(
    r",\s+(?:who|which|whose|where|when|adding|saying|noting|referring|according|as|in\s+an?)\b"
    r"|\s+(?:said|says|told|added|who|which)\b|[;:()\[\]“”\"]|\.(?:\s|$)"
)
_NAME_AT_END: Final = re.compile(rf"(?<![\w’'])({NAME_RUN})$")
_HE_SHE: Final = re.compile(r"(he|she)\b")
# (also "as": "says Ada as she holds a basket": the speaker ends before it)
_CLAUSE_CUT: Final = re.compile(
    r"\s+(?:in|on|at|during|after|before|while|when|who|to|about|from|with|as)\s"
)
_WHO_CLAUSE: Final = re.compile(r"\s(?:who|whose)\s")
_PLAIN_PERSONS: Final = frozenset("woman lady girl mother man gentleman boy father".split())
_ARTICLE: Final = re.compile(r"^(?:an?|the)\s+")
_RELATIVE: Final = re.compile(r"(?:who|which|whose|where|when)\b")
_LEADING: Final = {"then", "also", "now", "so", "later", "finally", "still", "and", "but", "yet"}
_BOUNDARY: Final = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but|while|as|because|so|that|when)\s+|"
    r"\b(?:to|at|after|upon|on)\s+which\s+)"  # "..., to which O'Hara interjected"
)


_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")
# "in Ferguson", "outside Dunmore": a place named at the end of an opening phrase
_PLACE_BEFORE: Final = re.compile(
    r"(?:^|\s)(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside|[Ii]nside)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}$"
)
_NAME_OF_ORG: Final = re.compile(
    rf"(?P<run>{NAME_RUN})\s+(?:of|at|from|with)\s+(?:the\s+)?"
    r"[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)?[A-Z][\w.&’'-]*)*$"
)
_OF_THE: Final = re.compile(r"\s+of\s+the\s+[A-Z]")
_APPOSED_NAME: Final = re.compile(rf",\s+(?P<run>{NAME_RUN})\s*(?:[,;]|\.(?:\s|$)|$)")
# "Rubin’s deputy campaign manager": a possessor, then lower-case role words
_POSSESSOR_ROLE: Final = re.compile(r"[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3}[’']s\s+[a-z]")
_JOINED_NAME: Final = re.compile(r"[A-Z][\w.’'-]*\s+(?:and|&|of|for)\s+$")
_YEAR_OLD: Final = re.compile(r"\d-year-old\b")
# "Mitch McConnell, R-Ky.," / "(D-Ill.)": a party and state tag, no part of a role
_PARTY_TAG: Final = re.compile(r",\s*[RDI]-[A-Z][A-Za-z.]{0,12}(?=,|\s*$)")
_LOWER_ROLE: Final = re.compile(r"^(?:[a-z][a-z-]*\s+)+(?=[A-Z])")
_LOWER_ROLE_MAX_WORDS: Final = 3
_OPENER_MAX_WORDS: Final = 6
_AGE: Final = re.compile(r"\d{1,3}")
# letters after a name that are no part of it: "Jo Ames MP", "Jo Ames QC"
_POSTNOMINAL: Final = re.compile(r"\s+(?:MP|MEP|MSP|AM|QC|KC|OBE|MBE|CBE)$")
# "said <role words>, Jo Ames": a role phrase with a lower-case title word in it
_ROLE_WORD: Final = re.compile(r"\b[a-z][a-z-]+\b")


@dataclass(frozen=True, slots=True)
class Who:
    kind: Kind
    text: str
    role: str | None = None
    #: how the name was reached: "name" (full name in the cue), "surname", "pronoun",
    #: "description" ("the senator" -> the senator named earlier), "" (not resolved)
    via: str = ""


def clean_role(role: str) -> str | None:
    role = role.strip(" ,")
    if role.endswith(".") and not _ABBREVIATED.search(role, 0, len(role) - 1):
        role = role[:-1]
    role = _LOCATION_TAIL.sub("", role).strip(" ,.")
    role = _ARTICLE.sub("", role)
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


_ADJECTIVE_ED: Final = re.compile(r"[a-z][a-z-]{2,}ed")
# a gerund right before a name ("voters embracing Obama"), not a title ("acting")
_GERUND_END: Final = re.compile(r"(?:^|\s)(?!acting\b|managing\b|presiding\b)[a-z]{3,}ing$")
_ABBREVIATED: Final = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Prof|Rev|Jr|Sr|St|Maj)$"
)
_CLAUSE_STOP: Final = re.compile(r"[,;:!?()“”\"—]|\.(?=\s|$)")
_PARENTHETICAL: Final = re.compile(r"\s*\([^()]{0,40}\)")
# "he’d respond", "she'll say": a contracted auxiliary glued to the subject
_CONTRACTED: Final = re.compile(r"(?<=\w)[’'](?:d|ll)$")
# "when he shot Brown, the report" said / "After the vote, Ann Lee" said: a
# subordinate clause before the subject of the speech verb; a name inside it is
# whom the clause is about, not the one speaking
_SUBORDINATE_LEAD: Final = re.compile(
    r"(?:[Ww]hen|[Aa]fter|[Bb]efore|[Ww]hile|[Bb]ecause|[Ss]ince|[Aa]lthough|[Tt]hough|[Oo]nce|"
    r"[Uu]ntil|[Uu]nless|[Ww]hereas)\s[^,;“”\"]{1,120},\s+(?=\S)"
)
_VERBISH: Final = re.compile(
    r"^(?:[a-z]+ed|is|was|are|were|has|have|had|says|said|will|would|can|could|"
    # irregular past tenses: "Ada Marsh quickly took to Twitter" is a clause, no role
    r"took|went|came|gave|made|sent|got|ran|met|kept|told|wrote|spoke|did)$"
)


def clause_end(text: str) -> int:
    """Where the first clause of ``text`` ends: a comma, bracket, quote or a
    full stop that is not an abbreviation ("Sen.", "J.")."""
    for m in _CLAUSE_STOP.finditer(text):
        if m.group() == "." and _ABBREVIATED.search(text, 0, m.start()):
            continue
        return m.start()
    return len(text)


def _person_at_end(run: str) -> tuple[str, str] | None:
    """(title words, name) when a long run ends in a person's name after a title
    or role word ("Cleveland Police Chief Calvin Williams")."""
    words = run.split()
    for n in (2, 3):
        if len(words) <= n:
            break
        name, before = words[-n:], words[-n - 1]
        if (name[0] in GIVEN_NAMES or role_head(before)) and looks_like_person(" ".join(name)):
            return " ".join(words[:-n]), " ".join(name)
    return None


def _glued_name(run: str) -> str | None:
    """ "Daily Mail Jo Doe" -> "Mail Jo Doe": the words after the last word that
    makes a run an organisation, when they could be a person's name."""
    words = run.split()
    for i in range(len(words) - 2, -1, -1):
        bare = words[i].lower().rstrip(".,")
        if bare in NOT_PERSON_WORDS or (words[i] in ORG_WORDS and words[i] not in GIVEN_NAMES):
            rest = " ".join(words[i + 1 :])
            return rest if len(words) - i - 1 <= 3 and looks_like_person(rest) else None
    return None


#: a social-media handle: "@jo_ames", or a lower-case user name with a digit or an
#: underscore in it ("acebush1", "jo_ames"), never an ordinary word
_HANDLE: Final = re.compile(r"@[A-Za-z0-9_]{2,30}|[a-z][a-z0-9]*(?:_[a-z0-9_]*|[0-9][a-z0-9_]*)")
# "Acme's chief executive", "the bank's head" without the article: an owner, then role words
_OWNED_ROLE: Final = re.compile(
    r"[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}['’‘]s\s+(?:[a-z][\w-]*\s+){0,3}(?P<head>[a-z][\w-]*)"
)
#: months that are family names too: "Mrs May", "Dr June" is a person after a title
_MONTHS: Final = frozenset({"may", "june", "april", "august", "march"})
_DOCUMENT: Final = r"(?:statement|letter|post|message|note|tweet|email|e-mail|memo)"
# "a statement from Jo Ames", "the letter by Ames"
_DOCUMENT_FROM: Final = re.compile(
    rf"^\s*(?:(?:[Aa]n?|[Tt]he)\s+)?(?:[a-z]+\s+)?{_DOCUMENT}\s+(?:from|by)\s+(?P<run>{NAME_RUN})$"
)
# "Ames's statement", "Jo Ames' latest post"
_DOCUMENT_OF: Final = re.compile(rf"^\s*(?P<run>{NAME_RUN})['’]s?\s+(?:[a-z]+\s+)?{_DOCUMENT}$")
#: an opening phrase before a sentence's subject: a participle ("Speaking to ...",
#: "Asked about ...") or a preposition of time or manner ("In a statement ..."); not
#: "Today" ("Today programme presenter Jo Ames": a role)
_OPENER: Final = re.compile(
    r"(?:[A-Z][a-z]{2,}ing|Asked|Pressed|Quizzed|Questioned|Interviewed|Told|"
    r"In|On|At|After|During)\b[^,;:]*$"
)
_OPENER_MAX: Final = 12
_THE_END: Final = re.compile(r"(?:^|\s)the$", re.I)


@lru_cache(maxsize=8192)
def _name_phrase(phrase: str, orgs: bool = True) -> Who | None:
    """A phrase that ends in a capitalised run: role words, then the name."""
    phrase = _PARENTHETICAL.sub("", phrase).strip(" ,")
    post = _POSTNOMINAL.search(phrase)
    if post is not None and post.start() > 0:
        phrase = phrase[: post.start()]
    runs = list(_NAME_AT_START.finditer(phrase))
    if not runs:
        return None
    last = runs[-1]
    if phrase[last.end() :].strip(" ,"):
        return None
    title, name = split_title(last.group("run"))
    the = title in ("The", "the")  # "The Sun Jo Doe"
    led = bool(title) and all(is_function_word(w) for w in title.split())  # "On Tuesday Doe"
    if the or led:
        title = ""
    led = led or name != strip_function_words(name)
    name = strip_function_words(name)
    if not name:
        run = last.group("run")
        if orgs and _ACRONYM.fullmatch(run) and not phrase[: last.start()].strip():
            return Who("org", run)  # "NATO said", "MWW said in a statement"
        return None
    before = phrase[: last.start()].strip()
    opener = _OPENER.match(before) is not None and len(before.split()) <= _OPENER_MAX
    if opener:
        # "Speaking to the paper Doe", "Asked about it Doe", "In a statement issued on
        # Friday Doe": an opening phrase whose comma is missing; no role, and its
        # participle has no object here
        before = ""
    if _GERUND_END.search(before) and not title:
        return None  # "White voters embracing Obama" said: the name is the gerund's object
    if title.endswith(("'s", "’s", "s'", "s’")):
        title = ""
    role = " ".join(p for p in (before, title) if p).strip(" ,") or None
    if role and (len(role.split()) > 12 or any(_VERBISH.match(w) for w in role.split())):
        return None
    if name in PLACES or strip_function_words(last.group("run")) in PLACES:
        return None  # "Moscow said" is a government, not a speaker we can name
    if (
        " " in name
        and (opener or (not title and (_THE_END.search(before) or the)))
        and name.split()[-1] not in ORG_WORDS
    ):
        # "Writing in the Guardian Doe": "the" opens an organisation's name that
        # the person's name follows without a comma
        return Who("name", name, None, via="glued")
    if not looks_like_person(name) and not (title and name.lower() in _MONTHS):
        tail = _person_at_end(last.group("run"))
        if tail is not None:  # "New York City Public Advocate Trish James"
            role = " ".join(p for p in (before, tail[0]) if p).strip(" ,") or None
            return Who("name", tail[1], clean_role(role) if role else None)
        glued = _glued_name(last.group("run"))
        if glued is not None and (before or opener or led or the):
            # "Speaking to the Daily Mail Doe": an outlet glued to a name; the
            # sieve keeps the person only where the article names one
            return Who("name", glued, None, via="glued")
        run = strip_function_words(last.group("run"))
        if orgs and run and not before and len(run.split()) <= 5:
            return Who("org", run)
        return None
    return Who("name", name, clean_role(role) if role else None)


def _nominal(phrase: str) -> Who | None:
    words = phrase.split()
    if len(words) > 9 or any(_VERBISH.match(w) for w in words[1:]):
        return None
    if any(w in _OTHER_PRONOUNS for w in words):
        return None
    if any(ch.isdigit() for ch in phrase) and not _YEAR_OLD.search(phrase):
        return None
    return Who("nominal", phrase)


def _described_head(clause: str) -> Who | None:
    """ "the woman who is in her late 20s": the description before its relative
    clause, when the whole is too long or verb-like to keep."""
    rel = _WHO_CLAUSE.search(clause)
    if rel is None or clause[: rel.start()].split()[-1] not in _PLAIN_PERSONS:
        return None  # "the mother of four who vends food": no plain person noun
    return _nominal(clause[: rel.start()])


def _titled_name(phrase: str) -> Who | None:
    """ "the company's spokeswoman Jane Doe": a determiner, role words ending in a
    title word, then a person's name (not "a source close to Jane Doe")."""
    named = _NAME_AT_END.search(phrase)
    if named is None:
        return None
    before = phrase[: named.start()].split()[1:]  # without the determiner
    if not before or not is_title_word(before[-1]) or any(is_function_word(w) for w in before):
        return None
    who = _name_phrase(" ".join([*before, named.group(1)]), orgs=False)
    return who if who is not None and who.kind == "name" else None


# "Omar Lamrani, a senior analyst at X, the Y organisation," told: the name that opens
# the clause, then appositions (each opening lower-case, with a determiner or an age)
_LEAD_NAME: Final = re.compile(
    rf"^\s*(?:(?:But|And|Meanwhile|However|Still|Yet|Later|Then|Now|So),?\s+)?"
    rf"(?P<run>{NAME_RUN})\s*,\s*(?P<app>(?:an?|the|\d{{1,3}}\b|[a-z])[^;:“”\"]*?),?\s*$"
)


def _lead_name(left: str) -> Who | None:
    m = _LEAD_NAME.match(left)
    if m is None:
        return None
    app = m.group("app")
    if _RELATIVE.match(app) and " said" in app:
        return None
    if any(_VERBISH.match(w) for w in app.split()[:1]):
        return None
    who = _name_phrase(m.group("run"), orgs=False)
    if who is None or who.kind != "name":
        return None
    first = app.split(",", 1)[0].strip()
    role = None if _RELATIVE.match(first) or _AGE.fullmatch(first) else clean_role(first)
    return Who("name", who.text, role or who.role)


_MODIFIED_NAME: Final = re.compile(
    rf"^(?:an?|the)\s+(?P<mods>(?:[a-z0-9][\w-]*\s+){{1,3}})(?P<run>{NAME_RUN})$"
)


def _modified_name(phrase: str) -> Who | None:
    """ "the 14th-ranked Schwartzman", "an angry Hollande": a determiner, a few
    lower-case modifiers, then a person's name (not "a source close to Jane Doe")."""
    m = _MODIFIED_NAME.match(phrase)
    if m is None:
        return None
    mods = m.group("mods").split()
    if any(is_function_word(w) or (_VERBISH.match(w) and not w.endswith("-ed")) for w in mods):
        return None
    who = _name_phrase(m.group("run"), orgs=False)
    if who is None or who.kind != "name":
        return None
    return Who("name", who.text, who.role)


# the word before a name that makes it the object of an opening phrase
_OPENER_OBJECT: Final = re.compile(
    r"(?:^|\s)(?:in|at|on|from|to|of|with|for|by|into|near|outside|inside|during|"
    r"after|before|over|across|throughout|toward|towards|about)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _object_of_opener(head: str, at: int) -> bool:
    """ "Speaking in the Senate", "Writing to Jo Ames": the name that ends the
    phrase before the comma is the object of its preposition, so the words after
    the comma are the subject, not an apposition of that name."""
    return _OPENER_OBJECT.search(head, max(0, at - 20), at) is not None


# "the People's Democratic Party", "NATO foreign ministers": an organisation's name,
# then perhaps the group of its people who speak for it
_ORG_SUBJECT: Final = re.compile(
    r"^(?:[Tt]he\s+)?(?P<org>(?:[A-Z][\w.&’'-]*\s+){0,5}[A-Z][\w.&’'-]*)"
    r"(?:\s+(?:[a-z][a-z-]*\s+){0,2}(?:ministers|officials|leaders|members|spokesman|"
    r"spokeswoman|spokesperson|representatives|negotiators|diplomats|delegates|lawmakers))?$"
)


def _org_subject(phrase: str) -> Who | None:
    """An organisation as the subject of a cue: a name the lists know as one, or
    whose last word is an organisation word ("Party", "Ministry"), not a place."""
    first, _, rest = phrase.partition(" ")
    if rest and first.lower() in _LEADING:
        phrase = rest  # "But the People's Democratic Party"
    m = _ORG_SUBJECT.match(phrase)
    if m is None:
        return None
    org = m.group("org")
    kind = known_kind(org)
    if kind == "place" or (kind != "organisation" and org.split()[-1] not in ORG_WORDS):
        return None
    if org.split()[0] in GIVEN_NAMES:
        return None  # "Ann Lee Foundation"? a person's name opens it: no guess
    return Who("org", org)


def _owned_office(phrase: str) -> bool:
    """``phrase`` is an office of a named owner ("Acme Group's chief executive")."""
    owned = _OWNED_ROLE.fullmatch(phrase)
    return owned is not None and role_head(owned.group("head"))


@lru_cache(maxsize=8192)
def _main_clause(left: str) -> str:
    """The text before a speech verb without a subordinate clause that opens it
    ("when he shot Brown, the report" -> "the report"), when a subject is left."""
    m = _SUBORDINATE_LEAD.match(left, len(left) - len(left.lstrip()))
    if m is None or m.end() >= len(left):
        return left
    return left[m.end() :]


def who_before_verb(left: str) -> Who | None:
    """The subject in ``left``, the text that ends right before a speech verb."""
    left = _PARTY_TAG.sub("", _PARENTHETICAL.sub("", left)).rstrip()
    left = _CONTRACTED.sub("", left)
    if not left:
        return None
    left = _main_clause(left)
    doc = _DOCUMENT_FROM.match(left) or _DOCUMENT_OF.match(left)
    if doc is not None:
        # "A statement from Jo Ames" said, "Ames's statement" read: the author
        who = _name_phrase(doc.group("run"))
        if who is not None and who.kind in ("name", "org"):
            return who
    if left.endswith(",") and left.count(",") >= 3:
        lead = _lead_name(left)
        if lead is not None:
            return lead
    # "Paul Triolo, a senior adviser at X," said / "Anthony Anton, president of X" stated
    parts = left.rstrip(",").rsplit(",", 1)
    if len(parts) == 2 and 2 <= len(parts[1].strip()) <= 160:
        head, role = parts[0], parts[1].strip()
        named = _NAME_AT_END.search(head[-80:])
        if named and _PLACE_BEFORE.search(head[-80:]) and is_title_word(role.split()[0]):
            # "in Ferguson, U.S. Attorney General Eric Holder" said: the place is where,
            # the title and name after it the subject
            who = _name_phrase(role, orgs=False)
            if who is not None and who.kind == "name" and " " in who.text:
                return who
        if named and _object_of_opener(head[-80:], named.start(1)):
            named = None  # "Speaking in the Senate, the MP" said: the MP, not Senate
        if named:
            if _RELATIVE.match(role) or _AGE.fullmatch(role):  # "Jim Bennett, 57," said
                who = _name_phrase(named.group(1), orgs=False)
                if who:
                    return who
            elif (
                role[:1].islower()
                or is_title_word(role.split()[0])
                or (_ACRONYM.fullmatch(role.split()[0]) and is_title_word(role.split()[-1]))
                or role.split()[0].endswith(("’s", "'s", "s’", "s'"))  # "Teresa’s husband"
                # "Harbour Watch Group's chief executive": an owner's office
                or _owned_office(role)
            ):
                who = _name_phrase(named.group(1), orgs=False)
                if who:
                    return Who("name", who.text, clean_role(role) or who.role)
    tail = left
    cut = 0
    for b in _BOUNDARY.finditer(left):
        if b.end() < len(left):
            tail, cut = left[b.end() :], b.end()
    if cut and tail[:1].isupper() and _JOINED_NAME.search(left, max(0, cut - 40), cut):
        return None  # "the Department of Trade and Industry" said: not "Industry"
    tail = tail.strip(" ,")
    words = tail.split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    tail = " ".join(words)
    if not words or len(words) > 10:
        return None
    if len(words) == 1 and _HANDLE.fullmatch(words[0]):
        return Who("name", words[0])  # "acebush1 answered", "@jo_ames wrote"
    if words[-1] in PRONOUNS and (
        len(words) <= 2 or (len(words) <= _OPENER_MAX_WORDS and is_function_word(words[0]))
    ):
        # "he", "During one call he": an opening phrase without its comma
        return Who("pronoun", words[-1].lower())
    if words[-1] in _OTHER_PRONOUNS:
        return None
    if _DETERMINERS.match(tail):
        return _titled_name(tail) or _modified_name(tail) or _org_subject(tail) or _nominal(tail)
    if _owned_office(tail):
        # "Acme's chief executive" said: a description the sieve resolves to the
        # person the article gives that role, or to nobody
        return Who("nominal", tail, via="possessor")
    if tail[0].isupper():
        of_org = _NAME_OF_ORG.match(tail)
        if of_org is not None:
            # "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies"
            # said: the person, not the end of the organisation's name
            who = _name_phrase(of_org.group("run"), orgs=False)
            if who is not None and who.kind == "name" and " " in who.text:
                return who
            run = of_org.group("run")
            office = role_head(run) and not run.lower().endswith("s")
            if " " not in run and not office and _OF_THE.match(tail, of_org.end("run")):
                # "Friends of the Earth said": one capitalised word, "of the", a
                # name: an organisation's name (the quote rules keep a person
                # only where the article names one with that word); an office
                # ("Chair of the X") is a role, whose holder the sentence names
                return Who("org", tail, via="of the")
        return _name_phrase(tail) or _org_subject(tail)
    # "spokeswoman Anouk de Vries" said: a few lower-case role words, then the name
    role_words = _LOWER_ROLE.match(tail)
    if (
        role_words
        and len(role_words.group().split()) <= _LOWER_ROLE_MAX_WORDS
        and not any(is_function_word(w) for w in role_words.group().split())
    ):  # not "lawyers for Bob Smith" said
        who = _name_phrase(tail, orgs=False)
        if who is not None and who.kind == "name":
            return who
    return None


@lru_cache(maxsize=8192)
def who_after_verb(rest: str) -> Who | None:
    """The speaker in ``rest``, the text right after a speech verb ("said ...")."""
    rest = rest.lstrip()
    m = _HE_SHE.match(rest)
    if m:
        return Who("pronoun", m.group(1))
    end = clause_end(rest)
    clause = rest[:end].strip()
    if _HANDLE.fullmatch(clause.rstrip(".")):
        return Who("name", clause.rstrip("."))  # '"Q," replied acebush1.'
    cut = _CLAUSE_CUT.search(clause)
    doc = _DOCUMENT_FROM.match(clause)
    if doc is not None:
        # "according to a statement from Jo Ames": the author
        who = _name_phrase(doc.group("run"))
        if who is not None and who.kind in ("name", "org"):
            return who
    described = _DETERMINERS.match(clause) is not None
    if described or _POSSESSOR_ROLE.match(clause):
        named = _APPOSED_NAME.match(rest, end)
        if named is not None:
            # "said the mayor's deputy chief of staff, Rich Bowen, who ...": the
            # description is the role of the person named in apposition
            who = _name_phrase(named.group("run"), orgs=False)
            if who is not None and who.kind == "name" and " " in who.text:
                return Who("name", who.text, clean_role(clause) or who.role)
    elif clause[:1].isupper() and any(is_title_word(w) for w in _ROLE_WORD.findall(clause)):
        named = _APPOSED_NAME.match(rest, end)
        if named is not None:
            # "said EEF chief economist, Jo Ames.": a role phrase, then the name
            who = _name_phrase(named.group("run"), orgs=False)
            if who is not None and who.kind == "name" and " " in who.text:
                return Who("name", who.text, clean_role(clause) or who.role)
    if described:
        # "a source close to the campaign": keep the whole descriptive phrase
        return _nominal(clause) or _described_head(clause)
    if cut:
        clause = clause[: cut.start()]
    if not clause or len(clause.split()) > 10:
        return None
    of = clause.find(" of ")
    who = _name_phrase(clause[:of], orgs=False) if of > 0 else None
    who = who or _name_phrase(clause)
    if who is None:
        # "said undecided Republican voter Jo Ames": after the verb, a participle
        # that opens the phrase is an adjective of the role, not a verb
        first, _, after = clause.partition(" ")
        if _ADJECTIVE_ED.fullmatch(first) and len(after.split()) >= 2:
            adjoined = _name_phrase(
                after[: after.find(" of ")] if " of " in after else after, False
            )
            if adjoined is not None and adjoined.kind == "name":
                adjoined_role = " ".join(p for p in (first, adjoined.role) if p)
                who = Who("name", adjoined.text, clean_role(adjoined_role))
    if who is None:
        return None
    as_cut = cut is not None and cut.group().strip() == "as"
    # "says Ada as she holds a basket, ready to ...": what follows is no apposition
    role = role_after(rest[end:]) if who.kind == "name" and not as_cut else None
    return Who(who.kind, who.text, role or who.role)
