"""Who "he" and "she" are: the people an article has just been talking about.

``PersonTracker`` records, in article order, each named person who is the
subject of a sentence ("Levin dismissed concerns ...", "Suu Kyi, 70, said")
or the speaker of a quote, and what the text tells about their gender (a
title, a gendered role word, or "his"/"her" later in the same sentence). A
pronoun resolves to the latest such person whose gender does not contradict
it. A single-word name enters only with evidence that it is a person (a
title, an age or "who" appositive, a gendered pronoun), so that "Pfizer said"
does not become the antecedent of the next "he".
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from briefings.derive.names import NameIndex, lexicon
from briefings.derive.speakers import who_before_verb
from briefings.derive.speech import AUXILIARY

_NOT_VERBS: Final = lexicon(
    """
    of and or in on at to for with from by the a an as than that who which whose
    officials supporters aides voters campaign administration
    """
)
# what follows a name that is the subject of a verb: "(R-Ohio)", ", 58,", "also said"
_AFTER_SUBJECT: Final = re.compile(
    r"(?:\s*\([^()]{0,30}\))?"
    # (an initial's full stop may stand inside: "an adviser to George W. Bush,")
    r"(?P<app>,\s+(?:\d{1,3}|an?|the|who|[a-z])(?:[^.!?;“”\"]|(?<=\b[A-Z])\.){0,100}?,"
    # a second apposition: "Ann Lee, 23, a nurse from Leeds, gave"
    r"(?:\s+(?:an?|the)\s(?:[^.!?;“”\",]|(?<=\b[A-Z])\.){0,100}?,)?"
    # "Jo Ames, a former agent for the bank has written ...": the closing comma missing
    r"|,\s+(?:an?|the)\s[^.!?;“”\",]{0,100}?(?=\s+(?:has|had|is|was|will)\s))?"
    rf"\s+(?P<aux>{AUXILIARY})(?P<verb>[a-z]+?)(?P<nt>n[’']t)?\b"
)
_TIME_LEAD: Final = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December)\s+(?=(?:Mr|Mrs|Ms|Dr)\b)"
)
_HAS_AUX: Final = re.compile(r"\b(?:has|had|have|will|would)\s")
_WORD_BEFORE: Final = re.compile(r"(\w+)\s+$")
_ACCORDING_TO: Final = re.compile(r"\baccording\s+to\s+$", re.I)
_PREPOSITIONS: Final = lexicon(
    """
    of to by at in on for from with against about like than into over under between
    toward towards including
    """
)
_DETERMINERS: Final = lexicon("a an the this that these those another every each")
# "criticised the way Mr Dorn ran it", "asked why Ames left": the subject of a
# subordinate clause is not whom the next "he said" continues
_SUBORDINATE: Final = lexicon("way how why whether because although though unless")
_JOINED: Final = re.compile(r"[A-Z][\w.’'-]*\s+(?:and|&|of|for)\s+$")
# a verb after a subject: past tense, present 3rd person, or an auxiliary
_VERB_SHAPE: Final = re.compile(
    r"^(?:[a-z]+(?:ed|es|s)|said|told|wrote|spoke|has|had|is|was|will|would|can|could|"
    r"did|does|made|took|gave|went|came|got|became|began|knew|thought|saw|felt|won|lost|"
    r"led|left|met|ran|sent|put|set|kept|held|brought|stood|sat|paid|meant|called|may|might|"
    r"must|should|shall)$"
)
# "Ames didn’t", "Ames won't": an auxiliary with its negation is a verb
_NEGATED: Final = lexicon("did does do is was are were has had have wo would could should ca")
# ", said " right before a name: the inverted order of "NAME said"
_SAID_BEFORE: Final = re.compile(r",\s(?:said|says|added|explained|noted|wrote)\s$")
_SAYING: Final = lexicon("said says added explained noted wrote told argued insisted")
_GLUED: Final = "’'.-" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_SAID_PRONOUN: Final = re.compile(r"\s+(?:that\s+)?(he|she)\b")
_MALE: Final = re.compile(
    r"\b(?:Mr|he|his|him|himself|man|husband|father|son|brother|spokesman|chairman|"
    r"congressman|businessman|king|prince)\b\.?"
)
_FEMALE: Final = re.compile(
    r"\b(?:Mrs|Ms|Miss|she|her|hers|herself|woman|wife|mother|daughter|sister|"
    r"spokeswoman|chairwoman|congresswoman|businesswoman|actress|queen|princess)\b\.?"
)
# "Omar is one of the first two Muslim women elected": the predicate's head noun
_COPULAR: Final = re.compile(
    r"\s+(?:one\s+of\s+)?(?:the|a|an|his|her)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?P<head>women|woman|men|man|mother|father|wife|husband|daughter|son|sister|brother|"
    r"grandmother|grandfather|girl|boy|widow|widower)\b"
)
_COPULAR_GENDER: Final = {
    "women": "f", "woman": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "girl": "f", "widow": "f",
    "men": "m", "man": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
    "grandfather": "m", "boy": "m", "widower": "m",
}  # fmt: skip
# "Lawyer Ann Vale, who represents Mr Hale, said": a title before another name says
# nothing of the subject's sex
_OTHERS_TITLE: Final = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\b\.?\s+[A-Z]")
_PERSON_APPOSITIVE: Final = re.compile(
    r"^,\s*(?:\d{1,3},|who\b|a\s+(?:former\s+)?\w+\s+(?:who|of)\b)"
)


#: Common given names whose gender is clear, to tell "she" from "he" when the text
#: says nothing else (a person first named "Beth" is not the antecedent of "he").
FEMALE_NAMES: Final = lexicon(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
    Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa
    Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna
    Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn
    Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren
    Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa
    Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber
    Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte
    Rose Alexis Kayla Hillary Angela Theresa Nicola Harriet
    Yvette Ruth Jane Claire Fiona Kirsty Hazel Caroline Sally Louise Kate Katie Sue Jo Lucy
    Jill Elena Ellen Ursula Christine
    Michelle Melania Ivanka Chelsea Sheryl Nancy Elizabeth Condoleezza
    Madeleine Hope Sarah Debbie Dianne Maxine Kamala Tulsi Kirsten Amy Heidi Susan Lisa Tammy
    Tina Jeanne Jeanine Loretta Janet Sally Penny Meg Gina Anne Angelina Oprah Serena Venus
 """
)
MALE_NAMES: Final = lexicon(
    """
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy
    Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse
    Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy
    Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mike Bill Bob Jim Tom Tim Dick Ted
    Barack Bernie Hugh Ian Gordon Tony Nick Neil Max Jeb Marco Rand Chris Mitt Newt Rick
    Rudy Reince Harry Mitch Chuck Boris Vladimir Xi Emmanuel Francois François Nicolas Angelo
    Jon Pat Ben Patrick Joel Carlos Luis
    Jose José Kevin Jeff Mohammed Muhammad Ahmed Ali Hassan
    Norman Stephen Nigel Jeremy Ed Ken Alistair Gareth Gavin Liam
 """
)


def name_gender(name: str) -> str | None:
    """'f' or 'm' from a person's given name when it is a common, clear one."""
    first = name.split(" ", 1)[0]
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    return None


def _gender(text: str) -> str | None:
    m, f = _MALE.search(text), _FEMALE.search(text)
    if m and (not f or m.start() < f.start()):
        return "m"
    if f:
        return "f"
    return None


class PersonTracker:
    def __init__(self, names: NameIndex) -> None:
        self.names = names
        self.events: list[tuple[int, str]] = []
        self.gender: dict[str, str] = {}
        #: where an event is the sayer of reported speech ("Ames said ...", "...,
        #: said Jo Ames"): whom a following "he said" most often continues
        self.sayers: set[int] = set()

    def add(self, at: int, name: str, evidence: bool = False, gender: str | None = None) -> str:
        """Record ``name`` at ``at``; returns the full name it resolved to."""
        full = self.names.resolve(name, at)
        if gender and full not in self.gender:
            self.gender[full] = gender
        if len(full.split()) >= 2 or evidence or full in self.gender:
            bisect.insort(self.events, (at, full))
        return full

    def scan(
        self, text: str, offset: int, runs: list[tuple[int, str]], quoted: list[tuple[int, int]]
    ) -> None:
        """Record the named subjects of the sentences of one paragraph.

        ``runs`` are the capitalised runs of the paragraph (paragraph-relative
        start, text); runs inside ``quoted`` spans are skipped.
        """
        starts = [s for s, _ in quoted]
        # Most paragraphs never say "according": no run of theirs follows "according to".
        # (Only "c", "o", "r" and "d" themselves lower-case to these letters and match
        # them ignoring case, so every match of _ACCORDING_TO contains "ccord" lowered.)
        according = "ccord" in text.lower()
        for at, run in runs:
            lead = _TIME_LEAD.match(run)
            if lead is not None and lead.end() < len(run):
                # "on Tuesday Mr Ebbers denied": the name after the day is the subject
                at, run = at + lead.end(), run[lead.end() :]
            if (
                at
                and text[at - 1] == " "
                and _SAID_BEFORE.search(text, max(0, at - 12), at)
                and not self._inside(at, starts, quoted)
            ):
                # "..., said James Henson, director of X." reports his words: the
                # sayer is whom the next "he said" most likely continues
                who = who_before_verb(run)
                if who is not None and who.kind == "name":
                    self.sayers.add(offset + at)
                    self.add(offset + at, who.text)
                continue
            if (
                according
                and _ACCORDING_TO.search(text, max(0, at - 16), at)
                and not self._inside(at, starts, quoted)
            ):
                # "According to Dr. Ann Lee, a historian, ..." makes her the one speaking
                who = who_before_verb(run)
                if who is not None and who.kind == "name":
                    self.add(offset + at, who.text)
                continue
            m = _AFTER_SUBJECT.match(text, at + len(run))
            if m is None or m.group("verb") in _NOT_VERBS or (at and text[at - 1] in _GLUED):
                continue
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and at < quoted[k][1]:
                continue
            before = _WORD_BEFORE.search(text, max(0, at - 20), at)
            if before and (
                before.group(1) in _PREPOSITIONS
                or before.group(1) in _DETERMINERS
                or before.group(1) in _SUBORDINATE
            ):
                continue  # "a Trump presidency", "of Customs and Border Protection"
            if run.endswith(("’s", "'s")) or _JOINED.search(text, max(0, at - 30), at):
                continue  # "Trump’s remarks", "Customs and Border Protection"
            app = m.group("app") or ""
            unclosed = bool(app) and not app.endswith(",")
            if (
                not _VERB_SHAPE.match(m.group("verb"))
                and not (unclosed and _HAS_AUX.search(m.group("aux")))
                and not (m.group("nt") and m.group("verb") in _NEGATED)
            ):
                continue  # "Ames has written" counts; "Ames Street" does not
            who = who_before_verb(run)
            if who is None or who.kind != "name":
                continue
            said = _SAID_PRONOUN.match(text, m.end())
            role = f"{run} {_OTHERS_TITLE.sub(' ', app)}"
            gender = _gender(role)
            if gender is None and said is not None:
                # "Ann Lee said he was kind": the "he" may be someone else; her given
                # name outweighs it
                told = _gender(said.group(1))
                given = name_gender(who.text)
                gender = told if given is None or given == told else None
            if gender is None and m.group("verb") in ("is", "was"):
                cop = _COPULAR.match(text, m.end())
                if cop is not None:
                    gender = _COPULAR_GENDER[cop.group("head")]
            evidence = bool(_PERSON_APPOSITIVE.match(app)) or gender is not None
            if m.group("verb") in _SAYING and not m.group("nt"):
                self.sayers.add(offset + at)
            self.add(offset + at, who.text, evidence, gender)

    @staticmethod
    def _inside(at: int, starts: list[int], quoted: list[tuple[int, int]]) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < quoted[k][1]
