"""Person names in news text: splitting titles from names, and resolving a
family name alone ("Tsai", "Ma", "Omdia's Su") to the full name the article
used earlier ("Joe Tsai", "Rui Ma", "Su Lian Ze").

A title word that is also a family name ("Marla King", "Judge Bishop") is a
name after a given name or a title, and alone only where the article names a
person with that family name; post-nominal letters ("QC", "MP", "Jr") are cut
off; a family name two people share is told apart by the mention's title
("Mrs", "Governor") or left as it is when nothing tells them apart.

Everything here is generic: capitalisation, a lexicon of title and role words,
and a lexicon of words that make a capitalised run an organisation or a place
rather than a person. No list of people.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from briefings.derive.gazetteer import (
    DEMONYMS,
    FIRST_NAMES,
    GIVEN_NAMES,
    ORG_WORDS,
    PLACES,
    name_gender,
)
from briefings.derive.speech import AUXILIARY, SPEECH_VERB


def lexicon(words: str) -> frozenset[str]:
    """A set of words written as one white-space separated string."""
    return frozenset(words.split())


#: One capitalised name token: "Tsai", "O'Neill", "Al-Sisi", "McCain", "J.", "Jr."
_ABBREVIATIONS: Final = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Adm",
    "Prof",
    "Rev",
    "Jr",
    "Sr",
    "St",
    "Maj",
    "Cmdr",
]
_AFTER_ABBREVIATION: Final = "|".join(rf"(?<=\b{a})" for a in _ABBREVIATIONS)
# ``(?=\.)``: the look-behinds are tried only where a full stop follows (same matches).
_TOKEN: Final = rf"[A-Z](?:\.|[\w'’-]*\w(?:(?=\.)(?:{_AFTER_ABBREVIATION})\.)?)"
_PARTICLE: Final = r"(?:de|da|del|della|der|di|du|la|le|van|von|bin|ibn|al|el|dos|das|y)"
#: A run of capitalised tokens, optionally with name particles ("Ursula von der Leyen").
NAME_RUN: Final = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}){{0,6}}"
NAME_RUN_RE: Final = re.compile(NAME_RUN)

#: Words that make the capitalised tokens before a name a title or role
#: ("US Commerce Secretary Gina Raimondo", "Sen. Ted Cruz").
TITLE_WORDS: Final = lexicon(
    """
    mr mrs ms miss dr prof sen rep gov lt col gen maj capt sgt adm cmdr rev
    president vice secretary minister senator representative congressman
    congresswoman governor mayor chairman chairwoman chair ceo cfo cto coo founder
    co-founder cofounder chief executive director commissioner spokesman spokeswoman
    spokesperson analyst professor judge justice attorney general leader speaker
    candidate nominee frontrunner front-runner chancellor premier prime king queen
    prince princess ambassador officer head manager partner economist strategist
    adviser advisor aide deputy acting assistant associate senior former pope
    reverend sheikh coach correspondent editor reporter host anchor author columnist
    lawyer democrat republican democratic gop chairperson president-elect lawmaker
    sheriff pastor bishop cardinal commander admiral sergeant captain colonel
    lieutenant major principal dean superintendent treasurer clerk counsel envoy
    sir dame ayatollah imam emir det insp supt cllr honour honor excellency marshal
    inspector delegate councilman councilwoman councillor councilor activist
    billionaire businessman businesswoman investor entrepreneur scientist researcher
    fellow member commerce defense defence treasury foreign interior homeland state
    energy justice labor labour health education finance trade house senate us u.s.
    uk u.k. eu un nato fbi cia nsa whip majority minority tory labour lib dem
    conservative liberal mp mep backbencher
    """
)

#: Title words that are also family names ("Marla King", "Tomas Bishop", "Amy Pope"):
#: a name part after a given name, or alone where a person of that family name was
#: introduced; a title only before a name.
FAMILY_TITLES: Final = lexicon(
    "king bishop judge major marshal marshall dean pope prince cardinal sheriff"
)

#: Letters after a name that are no part of it: "Owen Harrow QC", "Jo Ames MP", "Carl Weston Jr."
POSTNOMINALS: Final = frozenset(
    "QC KC MP MEP MSP AM OBE MBE CBE KBE DBE CH PC Jr Sr II III IV Esq PhD".split()
)


def is_postnominal(word: str) -> bool:
    return word.rstrip(".,") in POSTNOMINALS


def strip_postnominals(words: list[str]) -> list[str]:
    """``["Owen", "Harrow", "QC"]`` -> ``["Owen", "Harrow"]``: post-nominal letters
    after at least two words of a name (a name word, not a title, before them)."""
    k = len(words)
    while k > 2 and is_postnominal(words[k - 1]) and not is_title_word(words[k - 2]):
        k -= 1
    return words[:k] if k < len(words) else words


#: Lower-case nouns that name what a person is or does (role heads).
ROLE_NOUNS: Final = lexicon(
    """
    president chairman chairwoman chair chief executive ceo cfo cto coo founder co-founder
    cofounder director analyst economist professor researcher scientist spokesman
    spokeswoman spokesperson minister secretary senator governor mayor lawyer attorney
    partner head manager investor editor reporter correspondent author writer novelist
    official adviser advisor consultant strategist leader member deputy ambassador
    commissioner candidate nominee hopeful judge coach player striker singer actor actress
    boss chancellor premier king queen prince princess fellow lecturer student engineer
    entrepreneur billionaire veteran colleague co-chair mp mep counsel inspector officer
    captain banker midfielder defender goalkeeper champion backbencher frontbencher
    whip comedian host presenter anchor columnist historian expert agent aunt uncle brother
    sister mother father son daughter wife husband widow friend neighbour neighbor
    publisher producer designer artist musician director-general governor-general envoy
    representative congressman congresswoman lawmaker legislator activist campaigner
    organiser organizer founder owner trustee treasurer clerk sheriff prosecutor detective
    superintendent commander general admiral sergeant colonel lieutenant major pastor
    bishop priest rabbi imam doctor surgeon nurse teacher principal dean chaplain
    administrator coordinator specialist physician psychologist pollster strategist
    economist diplomat spokesmen vice-president vice-chairman skipper manager-elect
    president-elect chairman-elect secretary-general attorney-general solicitor-general
    auditor-general under-secretary undersecretary advocate mate teammate team-mate rival opponent
    farmer poet playwright filmmaker photographer architect chef pilot composer dancer
    painter sculptor firefighter paramedic mechanic shopkeeper landlord broadcaster
    grandmother grandfather grandson granddaughter grandma grandpa grandad gran mum dad
    mom stepmother stepfather stepson stepdaughter cousin nephew niece fiance fiancee
    girlfriend boyfriend
    """
)

#: Words that make a capitalised run an organisation, a place or a thing.
NOT_PERSON_WORDS: Final = lexicon(
    """
    group holding holdings inc corp corporation co ltd llc plc company companies
    bank university college institute school party committee house senate congress
    department ministry agency news times post journal street tower center centre
    council association capital partners ventures management technologies technology
    cloud administration foundation fund forum office court campaign city county
    state states republic kingdom union nations island islands valley river mountain
    lake airport station hospital church club league team network networks media
    press daily weekly magazine television radio tv channel times herald tribune
    gazette review report review board commission authority service services systems
    system labs lab research global international national federal world america
    american china chinese europe european africa asia asian east west north south
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december republicans
    democrats
    """
)

#: Capitalised words that begin sentences but never names.
_FUNCTION_WORDS: Final = lexicon(
    """
    the a an and but or so yet for nor then still also now when while after before
    since as if in on at by of to from with without however meanwhile moreover
    indeed instead this that these those it its his her their our my your we they he
    she i you there here what who why how which where some many most all both each
    every one another other such no not according speaking asked said says added adds wrote writes recalled last next earlier
    later yesterday today tonight like unlike despite two three four five six seven eight
    nine ten dear is was are were does did has have would could should
    """
) | lexicon(
    # Prepositions, conjunctions, determiners and sentence adverbs that open a
    # sentence capitalised ("During one call he shouted ...") but never a name.
    """
    about above across against along alongside amid amidst among amongst around
    behind below beneath beside besides between beyond down during except following
    inside into near nearby onto opposite outside over past regarding through
    throughout toward towards under underneath until upon versus via within
    although though unless whereas whether whenever wherever whatever whoever
    whichever because once lest any several few much either neither whose whom
    again already almost always never often sometimes perhaps maybe thus hence
    therefore otherwise nevertheless nonetheless furthermore additionally likewise
    similarly elsewhere instead rather even just only too ago soon eventually
    finally initially originally recently currently previously subsequently
    ultimately actually apparently certainly clearly obviously probably possibly
    surely separately together overall altogether anyway thereafter afterwards
    afterward tomorrow
    """
)

_POSSESSIVES: Final = ("'s", "’s", "s'", "s’")
_TITLE_ENDS: Final = lexicon(
    """
    lady lord minister secretary president chancellor general governor senator mayor
    chairman chairwoman director officer spokesman spokeswoman commissioner
    """
)
_POSSESSIVE: Final = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?P<name>[A-Z][\w'’-]*)$")


_MALE_TITLES: Final = lexicon("mr sir lord king prince congressman")
_FEMALE_TITLES: Final = lexicon("mrs ms miss dame lady queen princess congresswoman")
#: role words of a person known as somebody's spouse ("the first lady", "his wife")
_SPOUSE_WORDS: Final = lexicon("wife husband widow widower spouse lady consort")
_HUSBAND_WORDS: Final = lexicon("husband widower")
#: given names common for both men and women (or one sex in another language)
_UNISEX: Final = frozenset(
    """
    Jean Andrea Nicola Simone Hilary Evelyn Carol Marion Kelly Dana Tracy Lynn Jan Sam
    Alex Chris Terry Jamie Lindsey Robin Kim Leslie Lesley Jordan Taylor Casey Morgan
    Sasha Ashley Shannon Jody Jo Pat Toni Nicky Charlie Frankie Billie Sandy Gabriele
    Daniele Michele
    """.split()
)
#: title words too common to tell two people apart ("former", "US")
_GENERIC_TITLES: Final = lexicon("former acting deputy senior us u.s. uk u.k. vice")


#: abbreviated titles as their words: "Sen." is a "senator"
_TITLE_ABBREVIATIONS: Final = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "col": "colonel", "capt": "captain", "lt": "lieutenant", "adm": "admiral",
    "sgt": "sergeant", "prof": "professor", "rev": "reverend", "pres": "president",
}  # fmt: skip


def _title_words(title: str) -> set[str]:
    """The title words of ``title``, lower case, abbreviations spelled out."""
    out: set[str] = set()
    for w in title.split():
        bare = _bare(w)
        out.add(_TITLE_ABBREVIATIONS.get(bare, bare))
    return out


#: how close (characters) two full names of one family must be for a family name
#: alone after them to stay ambiguous
_AMBIGUOUS_WITHIN: Final = 400


def tokens_of(name: str) -> list[str]:
    return name.split()


def _bare(token: str) -> str:
    return token.lower().rstrip(".,")


def is_function_word(token: str) -> bool:
    """'for', 'the', 'according' ...: a word no name or role is made of."""
    return _bare(token) in _FUNCTION_WORDS


def is_title_word(token: str) -> bool:
    bare = _bare(token)
    if bare in TITLE_WORDS or (token.isupper() and 1 < len(token.rstrip(".")) <= 4):
        return True
    # "Under-Secretary", "Vice-President", "Co-Chair"
    return "-" in bare and bare.rsplit("-", 1)[1] in TITLE_WORDS


@lru_cache(maxsize=8192)
def split_title(run: str) -> tuple[str, str]:
    """``"US Commerce Secretary Gina Raimondo"`` -> ``("US Commerce Secretary", "Gina Raimondo")``.

    The name is what follows the last title word; a run that is only titles
    gives an empty name.
    """
    words = strip_postnominals(run.split())
    if (
        len(words) == 2
        and words[1][1:].islower()
        and words[0] not in FIRST_NAMES
        and (_LOWER_COMPOUND.fullmatch(words[0]) or _bare(words[0]) in _KIN)
    ):
        return words[0], words[1]  # "Father-of-two Doe", "Grandmother Doe", "Son Tom"
    if (
        len(words) == 1
        and _bare(words[0]) in FAMILY_TITLES
        and words[0][1:].islower()
        and not words[0].endswith(".")
    ):
        return "", words[0]  # "King said": a family name where a person has it
    if (
        len(words) >= 2
        and _bare(words[-1]) in FAMILY_TITLES
        and words[-1][:1].isupper()
        and not words[-1].isupper()
        and is_title_word(words[-2])
    ):
        # "Judge King", "Mr. Bishop": a title, then a family name that is a title word
        return " ".join(words[:-1]), words[-1]
    last = -1
    for i, w in enumerate(words):
        if is_title_word(w) or w.endswith(("'s", "’s", "s'", "s’")):
            last = i
    if (
        last == len(words) - 1
        and last >= 1
        and not is_title_word(words[last - 1])
        and not words[last - 1].endswith(_POSSESSIVES)
        and words[last - 1][:1].isupper()
        and _bare(words[last - 1]) not in _FUNCTION_WORDS  # "His Honour"
        and not words[last].endswith(_POSSESSIVES)
    ):
        # "Amy Pope", "Jim Major": a run ending in a title word after a name word
        last = max(
            (
                i
                for i in range(last - 1)
                if is_title_word(words[i]) or words[i].endswith(_POSSESSIVES)
            ),
            default=-1,
        )
    for i in range(len(words) - 3):
        if _bare(words[i]) == "first" and _bare(words[i + 1]) == "lady":
            last = max(last, i + 1)  # "First Lady Ann Ross", "former First Lady Ann Ross"
    # "Novelist Arlo Penning": capitalised role nouns opening a run of a full name
    lead = 0
    while lead < len(words) - 2 and is_leading_role(words[lead]):
        lead += 1
    last = max(last, lead - 1)
    while last + 1 < len(words) and _bare(words[last + 1]) in _FUNCTION_WORDS:
        last += 1
    title = words[: last + 1]
    while len(title) > 1 and (
        _bare(title[0]) in _HONORIFICS
        or (_bare(title[0]) in _FUNCTION_WORDS and title[1:2] and _bare(title[1]) in _HONORIFICS)
    ):
        title = title[1:]  # "His Honour Judge": the honorific is no role
    return " ".join(title), " ".join(words[last + 1 :])


#: kinship words that open a run as a role before a single name ("Son Tom", "Mum Doe")
_KIN: Final = lexicon(
    """
    mother father son daughter brother sister wife husband widow aunt uncle cousin nephew
    niece grandmother grandfather grandson granddaughter grandma grandpa grandad gran mum
    dad mom stepmother stepfather stepson stepdaughter fiance fiancee girlfriend boyfriend
    """
)
_LOWER_COMPOUND: Final = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")
_OCCUPATION_SUFFIX: Final = re.compile(r"[a-z]{3,}(?:ist|ologist)")


def is_leading_role(word: str) -> bool:
    """A capitalised occupation noun ("Novelist", "Farmer") that is no given name."""
    if not word[:1].isupper() or word.isupper() or word in FIRST_NAMES:
        return False
    bare = _bare(word)
    if _LOWER_COMPOUND.fullmatch(word.rstrip(".,")):
        return True  # "Man-of-the-match Jo Ames", "Ex-minister Jo Ames"
    return bare in ROLE_NOUNS or _OCCUPATION_SUFFIX.fullmatch(bare) is not None


def strip_function_words(run: str) -> str:
    words = run.split()
    while words and _bare(words[0]) in _FUNCTION_WORDS:
        words.pop(0)
    return " ".join(words)


#: Forms of address before a title ("His Honour Judge", "Her Excellency Ambassador").
_HONORIFICS: Final = lexicon("honour honor excellency majesty highness worship")


_MONTH_NAMES: Final = lexicon("may june april august march")
_ROMAN_SUFFIXES: Final = frozenset({"II", "III", "IV"})


@lru_cache(maxsize=8192)
def looks_like_person(name: str) -> bool:
    """A capitalised run that could be a person's full or family name."""
    words = name.split()
    if len(words) >= 3 and words[-1] in _ROMAN_SUFFIXES:
        words = words[:-1]  # "Carl Weston III"
        name = " ".join(words)
    if not 1 <= len(words) <= 5:
        return False
    if _bare(words[-1]) in _TITLE_ENDS:
        return False  # "First Lady", "Prime Minister", "Attorney General"
    if name in PLACES or (len(words) > 1 and words[0] in DEMONYMS):
        return False  # "Syria", "Kentuckian Rand Paul" is a title, checked by the caller
    for i, w in enumerate(words):
        bare = _bare(w)
        if bare in _MONTH_NAMES and i == len(words) - 1 and i and words[0] in FIRST_NAMES:
            continue  # "Theresa May", "Brian May": a family name after a given name
        if bare in NOT_PERSON_WORDS or bare in _FUNCTION_WORDS:
            return False
        if w in ORG_WORDS and w not in GIVEN_NAMES:
            return False
        if w.isupper() and len(w.rstrip(".")) > 1:
            return False
        if any(ch.isdigit() for ch in w):
            return False
    return words[0][:1].isupper() and words[-1][:1].isupper()


def _transposed(a: str, b: str) -> bool:
    """``a`` is ``b`` with two adjacent letters (not the first) swapped."""
    if len(a) != len(b) or a == b or a[0] != b[0]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


@dataclass(slots=True)
class Mention:
    start: int
    name: str


@dataclass
class NameIndex:
    """Full person names (two or more tokens) seen in one article, by offset."""

    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    #: every title word seen before each full name ("president", "mrs"), lower case
    titles: dict[str, set[str]] = field(default_factory=dict)
    _by_last: dict[str, list[Mention]] = field(default_factory=dict)
    _by_other: dict[str, list[Mention]] = field(default_factory=dict)
    _longer: dict[str, list[Mention]] = field(default_factory=dict)

    @classmethod
    def build(cls, runs: list[tuple[int, str]]) -> NameIndex:
        """The index over ``runs``: (offset, text) of the capitalised runs of an article."""
        index = cls()
        for start, run in runs:
            if " " not in run:
                continue
            title, name = split_title(run)
            name = strip_function_words(name)
            words = name.split()
            if len(words) < 2 or not looks_like_person(name):
                continue
            mention = Mention(start + run.rfind(name), name)
            index.mentions.append(mention)
            index._by_last.setdefault(words[-1], []).append(mention)
            for w in words[:-1]:
                index._by_other.setdefault(w, []).append(mention)
            if title and name not in index.roles:
                index.roles[name] = title
            if title:
                index.titles.setdefault(name, set()).update(_title_words(title))
        return index

    def resolve(
        self,
        name: str,
        at: int,
        title: str | None = None,
        described: dict[str, set[str]] | None = None,
    ) -> str:
        """The full name for a family name (or any partial name) used at ``at``.

        Prefers a full name ending in the word (the latest before ``at``, else
        the first after), then a full name containing it anywhere ("Su" in
        "Su Lian Ze"). Where two people share the family name, the ``title`` the
        mention carries ("President", "Mrs") picks the one it fits. Returns
        ``name`` unchanged when nothing matches, and "" for a title word alone
        ("King") that is the family name of nobody in the article. ``described``
        holds each full name's role words read elsewhere ("Ann Ross, the
        president,"), so a title known only from an apposition still fits.
        """
        words = name.split()
        if not words:
            return name
        owner = _POSSESSIVE.match(name)
        if owner and len(words) >= 2:
            words = [owner.group("name")]
        if len(words) > 1:
            full = " ".join(words)
            longer = self._longer.get(full)
            if longer is None:
                candidates = self._by_last.get(words[-1], [])
                longer = [m for m in candidates if m.name.endswith(" " + full)]
                self._longer[full] = longer
            hit = self._nearest(longer, at)
            return hit.name if hit else full
        word = words[0]
        by_last = self._by_last.get(word, [])
        if title and by_last:
            by_last = self._fitting(by_last, title, described)
        hit = self._nearest(by_last, at)
        if hit is not None and self._ambiguous(by_last, hit, at):
            return word  # two people of this family name, just named: no full name
        if hit is not None and title and self.contradicts(hit.name, title, described):
            # "Michelle Obama ... Mr Obama said": the title means someone else of
            # the family the article never names in full
            return word
        if hit is None:
            hit = self._nearest(self._by_other.get(word, []), at)
        if hit is None and len(word) >= 4:
            # a typo in the family name ("Bryne" for "Byrne"): two letters swapped
            swapped = [last for last in self._by_last if _transposed(word, last)]
            if len(swapped) == 1:
                hit = self._nearest(self._by_last[swapped[0]], at)
        if hit is None and _bare(word) in FAMILY_TITLES:
            return ""  # "King said" with no King named: a title, no one we can name
        return hit.name if hit else word

    def _fitting(
        self, mentions: list[Mention], title: str, described: dict[str, set[str]] | None = None
    ) -> list[Mention]:
        """The mentions of the full names that fit ``title`` ("Mrs" a woman,
        "President" a person once titled so), when the family name is shared and
        the title tells exactly one of them; else all of them."""
        names = {m.name for m in mentions}
        if len(names) < 2:
            return mentions
        words = _title_words(title)
        want = "m" if words & _MALE_TITLES else "f" if words & _FEMALE_TITLES else None
        fits: set[str] = set()
        unknown: set[str] = set()  # of no known sex, where the title asks for one
        for name in names:
            known = self.titles.get(name, set())
            if described:
                known = known | described.get(name, set())
            sex = self.gender_of(name)
            if want is not None:
                if sex == want:
                    fits.add(name)
                elif sex is None:
                    unknown.add(name)
            elif words & known - _GENERIC_TITLES:
                fits.add(name)
        if not fits and len(unknown) == 1:
            fits = unknown  # "Mr Ross" is not the one Ross known to be a woman
        if len(fits) == 1:
            return [m for m in mentions if m.name in fits]
        return mentions

    def contradicts(
        self, name: str, title: str, described: dict[str, set[str]] | None = None
    ) -> bool:
        """The title of a family-name mention ("Mr", "President") cannot be the
        full name ``name``: the title's sex is not the person's ("Mr" for a woman
        known by "Mrs" or her given name), or the title names an office the person
        is never given while the article knows the person as somebody's spouse
        ("President Obama" where "Michelle Obama" is "the first lady")."""
        words = _title_words(title)
        want = "m" if words & _MALE_TITLES else "f" if words & _FEMALE_TITLES else None
        titles = self.titles.get(name, set())
        known = titles | described.get(name, set()) if described else titles
        spouse = known & _SPOUSE_WORDS
        if want is not None:
            # (a given name borne by men and women says nothing: "Hilary Benn", "Mr Benn")
            sex = None if name.split(" ", 1)[0] in _UNISEX else self.gender_of(name)
            if sex is None and spouse:
                # "Kim Ross, his wife," / "Kim Ross and her husband": a wife
                sex = "m" if spouse <= _HUSBAND_WORDS else "f"
            return sex is not None and sex != want
        office = words - _GENERIC_TITLES - _FEMALE_TITLES - _MALE_TITLES
        # (a spouse's roles may be the partner's: "Ann Lee, wife of Governor Lee,"; only
        # a title before the spouse's own full name makes the office hers)
        return bool(office) and bool(spouse) and not office & titles

    def gender_of(self, name: str) -> str | None:
        """'m'/'f' from a full name's titles ("Mr", "Mrs") or its given name."""
        known = self.titles.get(name, set())
        if known & _MALE_TITLES:
            return "m"
        if known & _FEMALE_TITLES:
            return "f"
        return name_gender(name)

    @staticmethod
    def _ambiguous(mentions: list[Mention], hit: Mention, at: int) -> bool:
        """Another person of ``hit``'s family name was named close before ``hit``'s
        latest full mention ("Paul Whitby and Clara Whitby came. Whitby said"),
        so recency does not tell which of them ``at`` means, nor does the article
        name ``hit`` in full at least twice as often (its main subject)."""
        if hit.start >= at:
            return False
        rivals = {
            m.name
            for m in mentions
            if m.start < hit.start
            and m.name != hit.name
            and hit.start - m.start < _AMBIGUOUS_WITHIN
        }
        if not rivals:
            return False
        count = sum(1 for m in mentions if m.name == hit.name)
        return any(2 * sum(1 for m in mentions if m.name == r) > count for r in rivals)

    def people_named(self, family: str) -> set[str]:
        """The full names in the article that end in ``family``."""
        return {m.name for m in self._by_last.get(family, [])}

    @staticmethod
    def _nearest(mentions: list[Mention], at: int) -> Mention | None:
        """The latest mention before ``at``, else the first (mentions are in order)."""
        if not mentions:
            return None
        i = bisect.bisect_left(mentions, at, key=lambda m: m.start)
        return mentions[i - 1] if i else mentions[0]


# A capitalised word or an outlet glued before a name ("Brave Jane Doe was hurt",
# "Speaking to the Daily Mail Doe said"): one rule for the quote layer (the sieve's
# name runs) and the entity layer (its mentions), so both name the same person.

# adjectives and participles no given name ends like: "Devastated", "Furious", "Tearful"
_ADJECTIVE_FORM: Final = re.compile(r"[a-z]{3,}(?:ated|ened|ful|ous|ive|less|able|ible|ied)")
_PREPOSITION_OPENS: Final = re.compile(r"(?:On|In|To|With|From|At)\s")
_PREPOSITION_BEFORE: Final = re.compile(r"\b(?:on|to|in|with|from)\s+(?:[Tt]he\s+)?$")
_SPEECH_AFTER: Final = re.compile(rf"\s+{AUXILIARY}{SPEECH_VERB}\b")
# where a sentence opens: the paragraph's start, or after an end mark or an opening quote
_OPENS_SENTENCE: Final = re.compile(r"(?:^|[.!?:;\"“‘'(—–]\s*|[.!?]\s*[”’\"']\s*)$")


_LOWER_WORD: Final = re.compile(r"\b[a-z][a-z]+\b")


def lower_words(text: str) -> set[str]:
    """The lower-case words of ``text`` (two letters or more)."""
    return set(_LOWER_WORD.findall(text))


def paragraph_runs(texts: list[str]) -> list[list[tuple[int, str]]]:
    """The capitalised runs of each paragraph: (offset in the paragraph, run)."""
    return [[(m.start(), m.group()) for m in NAME_RUN_RE.finditer(t)] for t in texts]


def outlet_glued(text: str, at: int, run: str) -> bool:
    """ "on Instagram Doe wrote", "to The Sun Doe said": after a preposition, a
    run whose speech verb follows at once (the comma after the outlet missing)."""
    return (
        _PREPOSITION_BEFORE.search(text, max(0, at - 10), at) is not None
        or _PREPOSITION_OPENS.match(run) is not None
    ) and _SPEECH_AFTER.match(text, at + len(run)) is not None


def outlet_cut(words: list[str], families: set[str]) -> int:
    """Where the name starts in an outlet's run glued to it ("Sky News Jo Doe",
    "Instagram Doe"): at the first known given name after the first word, else
    at a family name of a person named in full elsewhere; 0 for none."""
    if words[0] in FIRST_NAMES or (is_title_word(words[0]) and not words[0].isupper()):
        return 0
    for j in range(1, len(words)):
        if words[j] in FIRST_NAMES and j < len(words) - 1:
            return sum(len(w) + 1 for w in words[:j])
    if words[-1] in families and words[0] != words[-1]:
        return sum(len(w) + 1 for w in words[:-1])
    return 0


def family_names(runs: list[list[tuple[int, str]]]) -> set[str]:
    """The last words of the runs that open with a known given name ("Jane Doe"),
    and every run of two to four words."""
    out: set[str] = set()
    for para in runs:
        for _at, run in para:
            words = run.split()
            if 2 <= len(words) <= 4:
                out.add(run)
                if words[0] in FIRST_NAMES:
                    out.add(words[-1])
    return out


def drop_openers(
    texts: list[str], runs: list[list[tuple[int, str]]], lowered: Callable[[], set[str]]
) -> bool:
    """Cut, in place, what opens a run but is no part of the name in it; True when
    any run changed. "Brave Jane Doe was attacked", "Devastated Doe said": a plain
    capitalised word that opens a sentence before a known given name, or before the
    family name of a person named in full elsewhere, is no part of the name (a
    caption's adjective, "Star", "Tragic"); titles and role nouns stay. After a
    preposition, with the speech verb right after ("on Good Morning Britain Doe
    said"), the outlet's words before the name go. ``lowered``: the article's
    lower-case words (read only when needed)."""
    families: set[str] | None = None
    changed = False
    for text, para in zip(texts, runs, strict=True):
        for k, (at, run) in enumerate(para):
            if " " not in run:
                continue
            if outlet_glued(text, at, run):
                if families is None:
                    families = family_names(runs)
                cut = outlet_cut(run.split(" "), families)
                if cut:
                    para[k] = (at + cut, run[cut:])
                    changed = True
                continue
            words = run.split(" ", 2)
            if (
                words[0] in FIRST_NAMES
                or not words[0][1:].islower()
                or not words[0][1:].isalpha()
                or is_title_word(words[0])
                or is_leading_role(words[0])
                or _OPENS_SENTENCE.search(text, max(0, at - 3), at) is None
            ):
                continue
            if families is None:
                families = family_names(runs)
            if len(words) == 2:
                # (a given name missing from the lists opens sentences too: "Aldo
                # Ross" beside "Clara Ross"; the word must read as an ordinary one)
                if words[1] not in families or not (
                    _ADJECTIVE_FORM.fullmatch(words[0].lower()) or words[0].lower() in lowered()
                ):
                    continue
            elif words[1] not in FIRST_NAMES and run[len(words[0]) + 1 :] not in families:
                continue
            para[k] = (at + len(words[0]) + 1, run[len(words[0]) + 1 :])
            changed = True
    return changed


def opener_cuts(starts: list[int], texts: list[str]) -> list[tuple[int, int]]:
    """(where a run starts, where its name starts) in the article, for each run of
    the paragraphs (at ``starts``) that ``drop_openers`` cuts, in order."""
    runs = paragraph_runs(texts)
    before = [list(para) for para in runs]
    whole: list[set[str]] = []

    def lowered() -> set[str]:
        if not whole:
            whole.append(lower_words("\n".join(texts)))
        return whole[0]

    if not drop_openers(texts, runs, lowered):
        return []
    return [
        (start + old[0], start + new[0])
        for start, olds, news in zip(starts, before, runs, strict=True)
        for old, new in zip(olds, news, strict=True)
        if old[0] != new[0]
    ]
