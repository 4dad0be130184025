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

from briefings.derive.gazetteer import DEMONYMS, PLACES
from briefings.derive.gazetteer import name_gender as name_gender
from briefings.derive.names import NameIndex, lexicon
from briefings.derive.speakers import who_before_verb
from briefings.derive.speech import AUXILIARY

_NOT_VERBS: Final = lexicon(
    """
    of and or in on at to for with from by the a an as than that who which whose
    officials supporters aides voters campaign administration
    """
)
# "of Leeds", "from Dover, Del.,": a place after a name (one to three capitalised
# words; a state's abbreviation after a comma takes its closing comma)
_OF_PLACE: Final = (
    r"\s(?:of|from)\s[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}(?:,\s[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?,)?"
)
_OF_PLACE_RE: Final = re.compile(_OF_PLACE)
# what follows a name that is the subject of a verb: "(R-Ohio)", ", 58,", "also said"
_AFTER_SUBJECT: Final = re.compile(
    r"(?:\s*\([^()]{0,30}\))?"
    # where the person is from: "Jo Ames of Leeds explained", "Jo Ames of Dover, Del., said"
    rf"(?P<of>{_OF_PLACE})?"
    # (an initial's full stop may stand inside: "an adviser to George W. Bush,")
    # (a short title in quotes may stand inside, its comma within the marks: 'Jo Ames,
    # host of "The Show," said')
    # (a possessor may open it: "Jo Ames, Bell's campaign manager, said"; a party and
    # state tag: "Rep. Jo Ames, R-Utah, said")
    r"(?P<app>,\s+(?:\d{1,3}|an?|the|who|[a-z]|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}[’']s?\s(?=[a-z])"
    r"|[RDI]-[A-Z][A-Za-z.]{0,12}(?=,))"
    r"(?:[^.!?;“”\"]|(?<=\b[A-Z])\.|“[^.!?;“”\"]{1,40}?(?:”|(?=,”))|\"[^.!?;“”\"]{1,40}?(?:\"|(?=,\")))"
    r"{0,100}?(?:,[”\"]|,)"
    # a second apposition: "Ann Lee, 23, a nurse from Leeds, gave", "Ann Lee, the
    # organist at the chapel, which is on the same street, recalled"
    r"(?:\s+(?:an?|the|who|which|whose|where)\s(?:[^.!?;“”\",]|(?<=\b[A-Z])\.){0,100}?,)?"
    rf"(?:{_OF_PLACE}(?=\s))?"  # "Jo Ames, 13, of Leeds sold"
    # "Jo Ames, a former agent for the bank has written ...": the closing comma missing
    r"|,\s+(?:an?|the)\s[^.!?;“”\",]{0,100}?(?=\s+(?:has|had|is|was|will)\s)"
    # between dashes: "Jo Ames — Bell's former chief of staff — offered"
    r"|\s(?:—|–|--)\s?[^.!?;“”\"—–]{1,200}?\s?(?:—|–|--)"
    # the name itself in apposition: "One local woman, Jo Ames, pulled him aside"
    # (kept only after such a description: ``_DESCRIBED_BEFORE``)
    r"|,(?=\s[a-z]))?"
    # (the verb is no preposition or article: "..., in Aurora, Colorado, in July 2012,
    # said" reads on to "said")
    r"(?:\s+(?:himself|herself))?"  # "Trump himself was delighted"
    r"\s+(?!(?:in|on|at|of|to|for|from|with|by|and|or|the|a|an|as|than|that)\b)"
    rf"(?P<aux>{AUXILIARY})(?P<verb>[a-z]+?)(?P<nt>n[’']t)?\b"
)
# "One local woman, ", "Another superdelegate, ": a description the name stands in
# apposition to, opening its sentence
_DESCRIBED_BEFORE: Final = re.compile(
    r"(?:^|[.!?”\"]\s+)(?:(?:But|And|Yet)\s+)?"
    r"(?:One|Another|A|An|The|His|Her|Their|his|her|their|[A-Z][\w-]*[’']s)"
    r"(?:\s[a-z][\w’'-]*){1,5},\s$"
)
_TIME_LEAD: Final = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|June|July|August|September|October|November|December)\s+(?=(?:Mr|Mrs|Ms|Dr)\b)"
)
# "'s" that stands for "has": "Ames's been", "Ames's got"
_HAS_CONTRACTED: Final = re.compile(r"\s+(?:been|got)\b")
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
# "After Ann Lee won, ...", "when Mr Dorn left": the subject of a clause that opens
# with one of these is not whom the main clause, or the next "she said", is about
_CLAUSE_OPENERS: Final = lexicon("after when while before since once until unless if whereas")
# "it was Kate Bell who got things going": the cleft's focus is the main clause's subject
_CLEFT_BEFORE: Final = re.compile(r"\b[Ii]t\s(?:was|is)\s$")
_CLEFT_AFTER: Final = re.compile(r"\s(?:who|that)\s")
_JOINED: Final = re.compile(r"[A-Z][\w.’'-]*\s+(?:and|&|of|for)\s+$")
# a verb after a subject: past tense, present 3rd person, or an auxiliary
_VERB_SHAPE: Final = re.compile(
    r"^(?:[a-z]+(?:ed|es|s)|said|told|wrote|spoke|has|had|is|was|will|would|can|could|"
    r"did|does|made|took|gave|went|came|got|became|began|knew|thought|saw|felt|won|lost|"
    r"led|left|met|ran|sent|put|set|kept|held|brought|stood|sat|paid|meant|called|may|might|"
    r"sold|bought|fought|spent|built|drove|flew|grew|wore|chose|spoke|struck|taught|"
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
    r"congressman|businessman|king|prince|widower|boyfriend|grandfather)\b\.?"
)
_FEMALE: Final = re.compile(
    r"\b(?:Mrs|Ms|Miss|she|her|hers|herself|woman|wife|mother|daughter|sister|"
    r"spokeswoman|chairwoman|congresswoman|businesswoman|actress|queen|princess|widow|"
    r"girlfriend|grandmother)\b\.?"
)
# "his wife", "her husband": the possessive is someone else, the kin word the person
_KIN_OF: Final = re.compile(
    r"\b(?:[Hh]is|[Hh]er)\s+(?:\w+\s+)?(?=(?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|widow|widower|girlfriend|boyfriend)\b)"
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


def _people_of_place(name: str) -> bool:
    """ "New Yorkers", "Iowans", "Britons": the people of a place, no one person."""
    if not name.endswith("s"):
        return False
    return name[:-1] in DEMONYMS or name[:-2] in PLACES or name[:-3] in PLACES


def described_gender(phrase: str) -> str | None:
    """ "m"/"f" a description says of the person ("the actress", "the company's
    spokesman", "his widow"), None when it says nothing."""
    return _gender(phrase)


def _gender(text: str) -> str | None:
    if "is " in text or "er " in text:
        text = _KIN_OF.sub("", text)  # "Jo, his wife," is a woman
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
        #: the sex the text itself shows ("Mrs", "his wife", "Ann Lee said she"), not
        #: one read from a pronoun this tracker's user resolved to the person
        self.evidenced: dict[str, str] = {}
        #: where an event is the sayer of reported speech ("Ames said ...", "...,
        #: said Jo Ames"): whom a following "he said" most often continues
        self.sayers: set[int] = set()
        #: one-word subjects with no evidence of a person ("Cruz admitted ...",
        #: "Pfizer said ..."): only "he"/"she" in the very next sentence may mean them
        self.weak: list[tuple[int, str]] = []

    def add(
        self,
        at: int,
        name: str,
        evidence: bool = False,
        gender: str | None = None,
        opening: bool = False,
    ) -> str:
        """Record ``name`` at ``at``; returns the full name it resolved to (``opening``:
        a subject that opens its sentence or clause, kept even without evidence as a
        weak antecedent)."""
        full = self.names.resolve(name, at)
        if not full or _people_of_place(full):
            return ""
        if gender and " " not in name and len(self.names.people_named(name)) > 1:
            gender = None  # "Mr Gray" where two Grays are named: which one is the man?
        if gender and full not in self.gender:
            self.gender[full] = gender
        if len(full.split()) >= 2 or evidence or full in self.gender:
            bisect.insort(self.events, (at, full))
        elif opening:
            bisect.insort(self.weak, (at, full))
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
            if run.endswith(("’s", "'s")) and _HAS_CONTRACTED.match(text, at + len(run)):
                # "Christie's been making the case": "'s" is "has", the name the subject
                who = who_before_verb(run[:-2])
                if who is not None and who.kind == "name" and not self._inside(at, starts, quoted):
                    self.add(offset + at, who.text)
                continue
            if self._cleft(text, at, run) and not self._inside(at, starts, quoted):
                who = who_before_verb(run)
                if who is not None and who.kind == "name":
                    self.add(offset + at, who.text, True, None, True)
                continue
            if self._in_clause(text, at, run):
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
            if m.group("of") and " " not in run.strip():
                continue  # "Web of Angels was", "Bank of Leeds said": a name's own "of"
            app = m.group("app") or ""
            described = ""
            if app == ",":
                d = _DESCRIBED_BEFORE.search(text, max(0, at - 60), at)
                if d is None:
                    continue
                described = d.group()
            unclosed = app.startswith(",") and not app.endswith(",")
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
            # (not a state's abbreviation: "Jo Ames, 33, of Baldwin, Miss.,")
            role = f"{described}{run} {_OTHERS_TITLE.sub(' ', _OF_PLACE_RE.sub(' ', app))}"
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
            evidence = bool(_PERSON_APPOSITIVE.match(app) or described) or gender is not None
            if m.group("verb") in _SAYING and not m.group("nt"):
                self.sayers.add(offset + at)
            lead_in = text[max(0, at - 3) : at].rstrip()
            verb = m.group("verb")
            # (not a plural noun taken for a verb: "Border agents say")
            opening = (not verb.endswith("s") or verb in _SAYING or verb in _NEGATED) and (
                at < 3 or not lead_in or lead_in[-1] in '.!?:;,”"’—'
            )
            full = self.add(offset + at, who.text, evidence, gender, opening)
            if gender and full and full in self.gender:
                self.evidenced.setdefault(full, self.gender[full])

    @staticmethod
    def _cleft(text: str, at: int, run: str) -> bool:
        """ "it was Kate Bell who ...": the run is the focus of a cleft."""
        return (
            _CLEFT_BEFORE.search(text, max(0, at - 8), at) is not None
            and _CLEFT_AFTER.match(text, at + len(run)) is not None
        )

    @staticmethod
    def _in_clause(text: str, at: int, run: str) -> bool:
        """ "After Ann Lee won ...", "when Ann Lee won": the run opens a subordinate
        clause (the opener before it, or its own first word)."""
        first = run.split(" ", 1)[0]
        if first.lower() in _CLAUSE_OPENERS and " " in run:
            return True
        before = _WORD_BEFORE.search(text, max(0, at - 20), at)
        return before is not None and before.group(1).lower() in _CLAUSE_OPENERS

    @staticmethod
    def _inside(at: int, starts: list[int], quoted: list[tuple[int, int]]) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < quoted[k][1]
