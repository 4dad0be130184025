"""People's roles, read anywhere in the article and attached to the person.

A role is stated once ("Alibaba chairman Joe Tsai", "Joe Tsai, chairman of
Alibaba,", "Alibaba's chairman, Joe Tsai,") and shown with every quote of that
speaker. Three shapes are read around each mention of a full name:

- a title before the name: role words ending in a role noun right before it
  ("UK chancellor Gordon Brown", "Oxfam senior policy adviser Max Lawson");
- an apposition after it: ``NAME, ROLE,`` / ``NAME, ROLE said`` / ``NAME of ORG``
  (a relative clause, an age or a verb phrase is not a role);
- an apposition before it: ``the company's chief executive, NAME,``.

Honorifics (Mr, Ms, Mrs, Miss) are not roles. Everything is generic word
shape plus small word lists; no list of people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from briefings.derive.gazetteer import PLACES
from briefings.derive.names import (
    ROLE_NOUNS,
    is_function_word,
    is_title_word,
    lexicon,
    split_title,
)

HONORIFICS: Final = lexicon("mr mr. mrs mrs. ms ms. miss mx mx. sir dame")
#: Words a role never keeps: the honorifics and "Dr" ("Dr. Jo Lee" states no job;
#: "researcher Dr Jo Lee" is a researcher).
_NOT_IN_ROLE: Final = HONORIFICS | lexicon("dr dr.")


_NOT_MODIFIERS: Final = lexicon(
    """
    is was are were be been being has have had will would can could may might must shall
    should do does did said says told added not also who which that whose where when
    and or but nor as than then there here it its his her their our my your they he she
    we i you to of at in on by for with from into about after before over under against
    during while because if like
    """
)
_TOKEN: Final = re.compile(r"[A-Za-z][\w.’'&-]*|[^\sA-Za-z]")
_DETERMINER: Final = re.compile(
    r"^(?:(?:a|an|the|his|her|its|their|our|one\s+of\s+(?:the|his|her|its|their))\s+)+",
    re.I,
)
_APPOSITION_END: Final = re.compile(
    r"[,;:()“”\"‘]|\.(?:\s|$)|\s(?:who|which|whose|where|when|and\s+(?:has|have|had|is|was|"
    r"said|says|told|added)|has|have|had|is|was|are|were|will|would|said|says|told|added|"
    r"explained|argued|noted|wrote|warned|stated|called|urged|insisted|claimed|"
    r"according)\b|\n"
)
_AFTER_PREPOSITION: Final = re.compile(
    r"^\s+(?P<prep>of|at|with|from)\s+(?P<org>(?:the\s+)?"
    # "of the non-partisan Jones Report", "at the left-leaning Centre for ..."
    r"(?:(?:non-?partisan|independent|[a-z]+-[a-z]+|[a-z]+(?:al|ive))\s+(?=[A-Z]))?"
    r"(?:(?:firm|consultancy|company|"
    r"group|bank|fund|agency|broker|insurer|lender|publisher|newspaper|think\s+tank|charity|"
    r"campaign\s+group|research\s+firm|law\s+firm|[A-Z]{2,5}\s+firm)\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|"
    r"the|firm|company|group|bank|fund|agency|consultancy|[A-Z][\w.&’'-]*))*)"
)
#: a full stop before a capital inside an organisation's name read after "of": a
#: sentence end ("of Argus Research. The index ...") unless an abbreviation's ("St.").
_ORG_STOP: Final = re.compile(r"\.\s+(?=[A-Z])")
_ORG_ABBREVIATIONS: Final = re.compile(
    r"(?:\b[A-Z]|\bSt|\bCo|\bInc|\bLtd|\bCorp|\bBros|\bMt|\bFt)$"
)


def _org_sentence(org: str) -> str:
    """``org`` up to a full stop that ends its sentence."""
    for m in _ORG_STOP.finditer(org):
        if not _ORG_ABBREVIATIONS.search(org, 0, m.start()):
            return org[: m.start()]
    return org


_LOCATION_TAIL: Final = re.compile(
    r"\s+(?:in|based\s+in)\s+[A-Z][\w.’'-]*(?:[ ,]+[A-Z][\w.’'-]*)*\.?$"
)
_AGE: Final = re.compile(r"^\s*,\s*(\d{1,3}),")
_PARENS: Final = re.compile(r"^\s*\([^()\n]{1,30}\)")
_NAME_SUFFIX: Final = re.compile(r",?\s+(?:Jr|Sr)\.?(?=[\s,])|\s+(?:II|III|IV)\b")
_RANKED: Final = re.compile(
    r"\b[Tt]he\s+(?P<rank>(?:top|[a-z]+-?|\d{1,3}(?:st|nd|rd|th)-?)(?:ranked|seeded))\s+$"
)
_VERB_LIKE: Final = re.compile(r"^[a-z]+(?:ed|ing|ly)$")
_ROLE_SUFFIX: Final = re.compile(r"^[a-z-]+(?:man|woman|person|ist|ian|ologist|writer)$")
_MAX_ROLE_WORDS: Final = 14
_ABBREV_END: Final = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Jr|Sr|St|Capt|Adm|Sgt|Prof|Rev|Maj|Cmdr|"
    r"Insp|Supt|Det|Fr|No|Mass|Calif|Fla|Ariz|Conn|Pa|Ill|Mont|Ky|Tenn|Tex|Va|Wash|Wis|Mich|"
    r"Minn|Ohio|N\.Y|U\.S|U\.K|U\.N|a\.m|p\.m)$"
)


#: Nouns that describe a person by what they do or where they stand, beyond the
#: title words of ``names.ROLE_NOUNS`` ("a Trump supporter", "Concord resident").
ROLE_EXTRA: Final = lexicon(
    """
    supporter backer donor voter resident delegate superdelegate aide professional
    employee retiree volunteer plaintiff defendant native operative loyalist guru constable
    neurosurgeon constituent staffer ally fan worker waitress waiter organizer
    organiser attendee participant survivor parent grandmother
    grandfather mom dad homeowner owner tenant shopper customer user viewer reader
    listener graduate alumnus alumna pundit commentator contributor observer critic
    proponent opponent advocate insider outsider operator official historian
    economist contractor instructor trainer assistant intern executive entrepreneur
    businessman businesswoman lobbyist negotiator investigator spokesperson researcher
    scholar fellow ex-wife ex-husband girlfriend boyfriend developer
    cousin nephew niece grandson granddaughter relative
    """
)


#: Occupation nouns, read only in lower case ("rally driver", "a local baker"): many
#: are surnames too (Baker, Cook, Miner), so a capitalised one is a name.
OCCUPATIONS: Final = lexicon(
    """
    driver racer rider jockey runner sprinter swimmer cyclist boxer wrestler golfer
    skier skater climber sailor rower diver surfer goalie keeper winger quarterback
    linebacker pitcher batter bowler referee umpire rapper drummer guitarist bassist
    vocalist songwriter lyricist dj deejay model blogger vlogger influencer streamer
    podcaster baker cook butcher brewer winemaker grower rancher shepherd fisher
    carpenter plumber electrician builder miner welder trucker cabbie cashier barber
    hairdresser tailor jeweller jeweler florist gardener cleaner janitor caretaker
    carer caregiver midwife dentist pharmacist vet veterinarian therapist counsellor
    counselor librarian ranger lifeguard guard soldier trooper warden marshal
    paramedic medic sailor astronaut navigator teacher tutor headteacher headmaster
    headmistress professor chemist biologist physicist geologist surveyor inventor
    novelist translator interpreter curator archivist
    witness eyewitness protester protestor demonstrator marcher bystander onlooker
    passenger spectator motorist commuter pedestrian supervisor star superstar
    megastar baron mogul tycoon magnate heiress socialite celebrity legend icon
    companion attacker forward fly-half centre-back full-back playmaker hurdler
    athlete batsman all-rounder contestant juror councillor councilman councilwoman
    alderman assemblyman assemblywoman examiner coroner magistrate solicitor
    barrister clergyman cleric vicar monk nun missionary academic pupil
    undergraduate freshman sophomore cadet recruit serviceman servicewoman reservist
    militant rebel insurgent warlord hostage captive detainee inmate
    prisoner suspect victim petitioner claimant whistleblower informant hacker
    programmer trader broker dealer accountant actuary underwriter landowner
    fisherman hunter fireman policeman policewoman cop spy emissary mediator
    fundraiser benefactor patron chairperson widower fiance fiancee stepfather
    stepmother stepson stepdaughter sibling frontman frontwoman winner finalist
    dispatcher peer msp mla starter
    """
)


def _role_word(word: str) -> bool:
    """A word that can end a role read around a name: a role head or a lower-case
    occupation noun ("rally driver Jo Lee"). An occupation alone is no role head for
    a description as speaker ("the driver said" is often a person never named)."""
    return role_head(word) or (word[:1].islower() and word.rstrip(".,") in OCCUPATIONS)


def role_head(word: str) -> bool:
    """A word that can end a role: 'chairman', 'adviser', 'Secretary', 'Sen.'."""
    bare = word.lower().rstrip(".,")
    if bare.endswith(("'s", "’s")):
        return False
    if bare in ROLE_NOUNS or bare in HONORIFICS or bare in ROLE_EXTRA:
        return True
    if bare.endswith("s") and bare[:-1] in ROLE_NOUNS:  # "one of his editors"
        return True
    if "-" in bare and (
        bare.rsplit("-", 1)[1] in ROLE_NOUNS or bare.rsplit("-", 1)[1] in ROLE_EXTRA
    ):
        return True
    if _ROLE_SUFFIX.match(bare) and bare not in ("human", "woman", "man", "person"):
        return True
    return is_title_word(word) and not word.isupper() and bare not in _GEO_TITLES


_GEO_TITLES: Final = lexicon(
    """
    us u.s. uk u.k. eu un nato fbi cia nsa house senate state commerce defense defence
    treasury foreign interior homeland energy justice labor labour health education
    finance trade democrat republican democratic gop former acting senior vice deputy
    assistant associate
    """
)


#: Sentence adverbs and conjunctions that open a clause, never a role ("Meanwhile,
#: party chairman ...", "But senior adviser ...").
_SENTENCE_ADVERBS: Final = lexicon(
    """
    meanwhile but however also now still so yet and then moreover furthermore indeed
    instead separately similarly likewise nevertheless nonetheless later earlier
    """
)
#: Title abbreviations whose full stop a cue reader may have dropped ("Gov" -> "Gov.").
_TITLE_ABBREVIATIONS: Final = lexicon("gov sen rep gen capt lt col sgt adm cmdr maj supt insp det")
_RELATIVE_CLAUSE: Final = re.compile(r"(?:,\s*|\s+)(?:who|whom|whose|which|that)\b.*$", re.S)


#: What follows a past participle that opens a clause ("based in", "involved in the
#: talks", "accused of"), not an adjective ("the newly merged company").
_AFTER_PARTICIPLE: Final = lexicon(
    "in at on by of for from with to as into since under the a an there here"
)


def _cut(phrase: str) -> str:
    """A role phrase without the clause or time words that may follow it: a relative
    clause ("who is 60 years old"), a participle ("aiming at ..."), a past participle
    after the head noun ("donor involved in ..."), a time ("last summer")."""
    phrase = _RELATIVE_CLAUSE.sub("", phrase)
    stop = _ROLE_STOP.search(phrase)
    if stop and phrase[: stop.start()].split():
        phrase = phrase[: stop.start()]
    words = phrase.split()
    for i, w in enumerate(words):
        if (
            i
            and _VERB_LIKE.match(w)
            and w.endswith("ed")
            and w not in _KEPT_PARTICIPLES
            and any(_role_word(x) for x in words[:i])
            and (
                i + 1 == len(words)
                or words[i + 1].lower() in _AFTER_PARTICIPLE
                or words[i - 1].lower() in ("be", "been", "being")  # "MP to be elected there"
            )
        ):
            return " ".join(words[:i])
    return phrase


#: Words that cannot end a role ("head of Foo until" last year, "MP to be" elected).
_TRAILING: Final = lexicon(
    "of at for and the in with until since to be from by as before after a an"
)
_CUT_ORGANISATION: Final = re.compile(r"^(?:[A-Z][\w’'.-]*\s+)+(?:of|for|and|&)(?:\s+the)?$")


#: Forms of address, no part of a role: "His Honour Judge" is a judge.
_ADDRESS_FORMS: Final = lexicon(
    "honour honor excellency majesty highness worship honourable honorable hon"
)
_ADDRESS_POSSESSIVES: Final = lexicon("his her your their")


def _without_address(words: list[str]) -> list[str]:
    """``words`` without forms of address ("His Honour", "Her Excellency", "The
    Honourable")."""
    out: list[str] = []
    for w in words:
        if w.lower().strip(".,") in _ADDRESS_FORMS:
            if out and out[-1].lower() in _ADDRESS_POSSESSIVES | {"the"}:
                out.pop()
            continue
        out.append(w)
    return out


_PLURAL_GROUP: Final = re.compile(r"[A-Z][a-z]+(?:ies|[^s’'u]s)")


def clean_role(role: str) -> str | None:
    """Trim a role phrase: no determiners, honorifics, sentence adverbs, relative or
    participle clauses, outer punctuation; a long one is cut at a phrase boundary."""
    role = role.strip(" ,;:—–-")
    first = role.split(None, 1)[0].lower() if role else ""
    if first in ("who", "whom", "which", "that", "whose"):
        return relative_role(role) if first != "which" else None  # never the clause itself
    if _OF_COUNT.search(role):
        return None  # "a mother of two": a family, not a role
    if _CUT_ORGANISATION.match(role):
        return None  # "Friends of the" Earth: the first half of a name, not a role
    if role.endswith(".") and not _ABBREV_END.search(role[:-1]):
        role = role[:-1]
    if _CLAUSE.search(role):
        return None  # "you're a lawyer", "officials don't matter": a clause
    role = _cut(role)
    role = _DETERMINER.sub("", _LOCATION_TAIL.sub("", role)).strip(" ,")
    words = [w for w in role.split() if w.lower().rstrip(".") not in _NOT_IN_ROLE]
    words = _without_address(words)
    while words and (
        (words[0].islower() and is_function_word(words[0]))
        or words[0].lower().strip(",") in _SENTENCE_ADVERBS
    ):
        words.pop(0)
    if words and words[0].lower() in ("a", "an", "the"):
        words.pop(0)
    words = _trimmed(words)
    while words and (words[-1].lower() in _TRAILING or _adverb(words[-1])):
        words.pop()
    if not words:
        return None
    if len(words) == 1 and words[0][:1].isupper() and _PLURAL_GROUP.fullmatch(words[0]):
        return None  # "the Conservatives", "Tories": a group, not one person's role
    if words[-1].lower() in _TITLE_ABBREVIATIONS:
        words[-1] += "."  # "Gov" -> "Gov.": an abbreviation is not cut in half
    return " ".join(words)


def _sentence_end(tok: str) -> bool:
    """'sector.' ends a sentence; 'Sen.', 'U.S.', 'J.' are abbreviations."""
    return tok.endswith(".") and "." not in tok[:-1] and not _ABBREV_END.search(tok[:-1])


def _modifier(tok: str) -> bool:
    """A word that may stand inside a title before a name."""
    if not tok[:1].isalpha() or _sentence_end(tok):
        return False
    low = tok.lower()
    if low in _NOT_MODIFIERS or (is_function_word(tok) and not is_title_word(tok)):
        return False
    if tok[0].islower() and _VERB_LIKE.match(tok) and low not in ROLE_NOUNS:
        return low in ("elected", "retired", "acting", "managing", "ranking", "leading")
    return True


_TITLE_MODIFIERS: Final = lexicon(
    """
    former then top longtime late current incoming outgoing acting interim deputy senior
    junior chief vice assistant associate ranking retired elected newly first second
    third principal lead executive founding managing general shadow new ex future
    caretaker joint honorary foreign
    """
)
_ADJECTIVE: Final = re.compile(r"^[a-z]+(?:al|ic|ive|ful|ous|ent|ant|ary|ory|ern|ian|ese|ish)$")


def _adjective(tok: str) -> bool:
    """A lower-case word that may stand before a capitalised title: "former",
    "powerful", "two-term", or a role noun ("presidential candidate Sen.")."""
    low = tok.lower()
    return low in _TITLE_MODIFIERS or "-" in low or bool(_ADJECTIVE.match(low)) or _role_word(low)


def title_before(left: str) -> str | None:
    """The title right before a name, from ``left`` (the text that ends at the name)."""
    ranked = _RANKED.search(left[-40:])
    if ranked:  # "the top-ranked Moreau", "the 14th-ranked Ida Brandt"
        return ranked.group("rank")
    toks: list[str] = _TOKEN.findall(left[-140:])
    while toks and toks[-1].lower().rstrip(".") in HONORIFICS:
        toks.pop()  # "Tory leader Mr Howard": the title before the honorific
    if toks and toks[-1][:1].islower() and not _role_word(toks[-1]):
        return _lower_title(toks)  # "minister of mines and energy Jo Lee"
    party = _ranked_party(toks)  # "ranking Democrat Jo Lee"
    if toks and not party and not _role_word(toks[-1]) and not _sentence_end(toks[-1]):
        return _title_of(toks)  # "Secretary of State Jo Lee"
    if not toks or not (party or _role_word(toks[-1])) or _sentence_end(toks[-1]):
        return None
    words: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if (
            tok == "and"
            and words
            and i
            and toks[i - 1][:1].islower()
            and _role_word(toks[i - 1])
            and not toks[i - 1].endswith("s")
        ):
            words.append(tok)  # "co-founder and chairman Jo Lee"
            continue
        if (
            tok == "and"
            and words
            and i
            and words[-1][:1].isupper()
            and toks[i - 1][:1].isupper()
            and not is_function_word(toks[i - 1])
            and toks[i - 1].lower() not in HONORIFICS
        ):
            words.append(tok)  # "Police and Crime Commissioner Jo Lee"
            continue
        if len(words) >= 7 or not _modifier(tok):
            break
        if words and words[-1][:1].isupper() and tok[:1].islower() and not _adjective(tok):
            break  # "to debate Secretary Holm": a verb or noun, not part of the title
        words.append(tok)
    words.reverse()
    if words and words[0][:1].isupper():
        words = _whole_organisation(toks[: len(toks) - len(words)], words)
    # a sentence-initial capitalised word that is no part of a title ("Even", "Now")
    while words and words[0][:1].isupper() and is_function_word(words[0]):
        words.pop(0)
    return clean_role(" ".join(words)) if words else None


_PARTY: Final = lexicon("democrat republican tory conservative liberal")
_PARTY_RANKS: Final = lexicon("ranking top senior leading")


def _ranked_party(toks: list[str]) -> bool:
    """A party word after a rank: "ranking Democrat", "top Republican" (a party
    alone, "Democrat Jo Lee", says little)."""
    return (
        len(toks) > 1
        and toks[-1][:1].isupper()
        and toks[-1].lower() in _PARTY
        and toks[-2].lower() in _PARTY_RANKS
    )


_TITLE_OF_MAX: Final = 5  # words after a title's "of"/"for": "of Foreign Affairs"


def _title_of(toks: list[str]) -> str | None:
    """A capitalised title whose head noun comes before "of"/"for" ("U.S. Secretary of
    State", "Chief of Staff", "Minister for Foreign Affairs") right before a name."""
    for k in range(len(toks) - 2, max(0, len(toks) - 2 - _TITLE_OF_MAX), -1):
        tok = toks[k]
        if tok in ("of", "for"):
            head = toks[k - 1] if k else ""
            if not (head[:1].isupper() and (is_title_word(head) or role_head(head))):
                return None
            if head.isupper() or _sentence_end(head):
                return None
            before = title_before(" ".join(toks[:k]))
            return clean_role(" ".join([before or head, *toks[k:]]))
        if not (tok[:1].isupper() or tok in ("and", "the", "&")) or _sentence_end(tok):
            return None
    return None


_LOWER_WORD: Final = re.compile(r"[a-z][a-z-]*")
_ORG_JOINERS: Final = lexicon("of for the &")
_MAX_ORG_WORDS: Final = 8


def _whole_organisation(before: list[str], words: list[str]) -> list[str]:
    """A title whose capitalised start follows "of"/"for"/"the" is the end of an
    organisation's name ("Justice press officer" after "Delaware Department of"): the
    whole name is read back ("Delaware Department of Justice press officer"); where it
    cannot be, the title starts after the name ("press officer")."""
    joiner = before[-1].lower() if before else ""
    if joiner == "the" and len(before) > 1 and before[-2].lower() in ("of", "for"):
        joiner = "of"  # "Friends of the Earth campaigner"
    if joiner not in ("of", "for", "&"):
        return words  # "The Times' critic", "media and PR strategist": no name cut
    org: list[str] = []
    j = len(before) - 1
    while j >= 0 and len(org) < _MAX_ORG_WORDS:
        tok = before[j]
        if _sentence_end(tok) or not (
            tok.lower() in _ORG_JOINERS or (tok[:1].isupper() and tok[:1].isalpha())
        ):
            break
        org.append(tok)
        j -= 1
    whole = len(org) < _MAX_ORG_WORDS  # the name's start was reached
    org.reverse()
    while org and (org[0].lower() in _ORG_JOINERS or is_function_word(org[0])):
        org.pop(0)
    if whole and len(org) + len(words) <= _MAX_ROLE_WORDS:
        return org + words  # no name before "of" ("the brainchild of New York-based ...")
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    return words[k:] if k < len(words) else words


def _lower_title(toks: list[str]) -> str | None:
    """A lower-case title phrase right before a name: a role noun, "of" or "for" and
    its lower-case object ("minister of mines and energy", "secretary of state for
    transport"), with title modifiers before it ("deputy minister of finance")."""
    words: list[str] = []
    for tok in reversed(toks):
        if len(words) >= 8 or not _LOWER_WORD.fullmatch(tok):
            break
        if tok in _NOT_MODIFIERS and tok not in ("of", "for", "and", "the"):
            break
        if _VERB_LIKE.match(tok) and not _role_word(tok):
            break
        words.append(tok)
    words.reverse()
    for k in range(len(words) - 3, -1, -1):
        if (
            _role_word(words[k])
            and not words[k].endswith("s")
            and words[k + 1] in ("of", "for")
            and words[-1] not in _TRAILING
            and not is_function_word(words[-1])
        ):
            start = k
            while start and words[start - 1] in _TITLE_MODIFIERS:
                start -= 1
            role = words[start:]
            owner = toks[-len(words) - 1] if start == 0 and len(toks) > len(words) else ""
            if owner[:1].isupper() and _POSSESSIVE_END.search(owner):
                role = [owner, *role]  # "Acme's head of research"
            return clean_role(" ".join(role))
    return None


_PARTY_TAG: Final = re.compile(
    r"^\s*(?:,\s*|\()(?P<tag>[RDI]-[A-Z][A-Za-z.]{0,12}(?:\s[A-Z][A-Za-z.]{0,12})?)(?=[,)]|\.?(?:\s|$))"
)
_AFFILIATION_RANK: Final = 10  # below a description as a speech verb's subject (9)
_POSSESSIVE_END: Final = re.compile(r"(?:[’']s|s[’'])$")


def affiliation_before(left: str) -> str | None:
    """``Fox's Chris Wallace``, ``Iowa State University's Jo Lee``: the capitalised
    owner right before the name is where the person works (not a place)."""
    toks: list[str] = _TOKEN.findall(left[-100:])
    if not toks or not _POSSESSIVE_END.search(toks[-1]) or not toks[-1][:1].isupper():
        return None
    last = toks[-1]
    owner = [last[:-1] if last.endswith(("s’", "s'")) else _POSSESSIVE_END.sub("", last)]
    for tok in reversed(toks[:-1]):
        if len(owner) >= 5 or not (tok[:1].isupper() or tok in ("of", "&")):
            break
        if is_function_word(tok) and tok not in ("of", "&"):
            break
        owner.append(tok)
    while owner and not owner[-1][:1].isupper():
        owner.pop()
    owner.reverse()
    org = " ".join(owner)
    if not org or org in PLACES or _sentence_end(owner[0]):
        return None
    if is_title_word(owner[-1]) and not (owner[-1].isupper() and not role_head(owner[-1])):
        return None  # "the Senator's Jo Lee"; an acronym is an employer ("CNN's Jo Lee")
    return org


_TRAILING_HONORIFIC: Final = re.compile(
    r"\s(?:Sir|Dame|Lord|Lady|Baroness|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?)\s*$"
)


def apposition_before(left: str) -> str | None:
    """``the company's chief executive, NAME``: the phrase before ``, `` and the name."""
    stripped = _TRAILING_HONORIFIC.sub("", left).rstrip()  # "the chairman of X, Sir"
    if not stripped.endswith(","):
        return None
    body = stripped[:-1]
    toks: list[str] = _TOKEN.findall(body[-160:])
    if not toks or toks[-1].lower().rstrip(".") in HONORIFICS:
        return None
    words: list[str] = []
    for tok in reversed(toks):
        low = tok.lower()
        if len(words) >= 10 or tok in ',;:“”"‘()—–.!?' or low in ("to", "by", "said", "says"):
            break
        if _sentence_end(tok):
            break  # "... and ADHD. Lee's mother, Jo Lee": the sentence starts after it
        if low in _NOT_MODIFIERS and low not in ("of", "his", "her", "its", "their", "the", "for"):
            break
        words.append(tok)
        if low in ("the", "his", "her", "its", "their", "a", "an"):
            break
    words.reverse()
    # "Alibaba's chairman, Joe Tsai" has no determiner: a possessive must open it
    determined = bool(words) and words[0].lower() in (
        "the",
        "his",
        "her",
        "its",
        "their",
        "a",
        "an",
    )
    if not determined and not (words and words[0].endswith(("'s", "’s"))):
        return None
    # a role noun heads it: "chief executive", "head of sales" (not "the weather, Jo
    # Bloggs", "Tony Blair's first government, Jo Lee had ...")
    heads = head_words([w for w in words[1:] if w.lower() not in HONORIFICS])
    if not any(_role_noun(h, True) for h in heads + _title_words(words[1:])):
        return None
    if _unowned_relation(" ".join(words)):
        return None  # "a grandmother, Jo Lee": a relation to nobody
    return clean_role(" ".join(words))


_CUE_END: Final = re.compile(
    r"\s(?:said|says|told|added|explained|argued|noted|wrote|warned|stated|urged|"
    r"insisted|claimed)$"
)
_HOMETOWN: Final = re.compile(
    r"^,\s*of\s+[A-Z][^,;:()“”\"\n]{0,40}(?:,\s*[A-Z][A-Za-z.]{0,10}\.?(?=[,\s]|$))?"
)
_BETWEEN_COMMAS: Final = re.compile(
    r"^,\s*(?P<prep>of|at|with|from)\s+(?P<org>(?:the\s+)?[A-Z][^,;:()“”\"\n]{1,70}?)"
    r"(?=,|\.(?:\s|$)|$)"
)
#: Words that make a capitalised phrase an organisation rather than a home town
#: ("of the University of Leeds", "of Harbour Bank", not "of Leeds").
_ORG_HEADS: Final = lexicon(
    """
    university college institute institution school academy bank council foundation
    company corporation corp inc ltd plc llc group association union party committee
    agency centre center department ministry office hospital clinic society trust
    church club league network times post journal news magazine newspaper review
    commission authority board service fund partners capital securities research
    consulting consultancy laboratory labs lab project programme program campaign
    coalition alliance federation organisation organization
    """
)


def _employer_between_commas(right: str) -> str | None:
    """``, of the University of Leeds,`` / ``, at Harbour Bank,`` right after a name:
    where the person works (an organisation; "of Leeds" is a home town)."""
    m = _BETWEEN_COMMAS.match(right)
    if m is None:
        return None
    org = _org_sentence(m.group("org")).strip()
    words = org.split()
    if (
        not words
        or org in PLACES
        or any(w[:1].islower() for w in words if w not in _ORG_JOINERS | {"and"})
    ):
        return None
    if m.group("prep") in ("of", "from") and not any(
        w.lower().strip(".") in _ORG_HEADS for w in words
    ):
        return None
    return clean_role(org)


_LEADING_AGE: Final = re.compile(r"^,\s*\d{1,3}\s*(?=,)")
_NOT_APPOSITION: Final = lexicon(
    """
    who which whose where when and but or said says say told tells added adds wrote
    writes noted notes explained argued warned insisted claimed asked replied according
    is was are were has have had will would can could did does do not also then so
    as if while because though although after before since until however meanwhile
    """
)
#: Participles that stand in a role as adjectives ("a retired nurse", "acting chairman");
#: any other one opens a clause ("elected president in 2004", "facing a challenge").
_KEPT_PARTICIPLES: Final = lexicon(
    "retired acting managing ranking leading founding outgoing incoming longstanding "
    "reigning serving sitting visiting presiding governing ruling"
)
#: Where a role phrase stops: a participle clause ("candidate aiming at ..."), a time
#: ("last summer", "four years ago", "in 2008"), a contraction or negation (a clause).
_ROLE_STOP: Final = re.compile(
    r"\s[a-z]+ing\s+(?:a|an|the|his|her|their|its|at|for|on|to|in|with|about|from|into|up|"
    r"out|over|[A-Z])\b|\s(?:last|this|next)\s+(?:year|week|month|summer|spring|fall|"
    r"autumn|winter|time)\b|\s\w+\s+(?:years?|months?|weeks?|days?)\s+ago\b|"
    r"\s(?:in|since)\s+(?:19|20)\d\d\b"
)
_CLAUSE: Final = re.compile(r"n[’']t\b|[’'](?:re|ve|ll|d|m)\b", re.I)
_ADVERBS: Final = lexicon("now currently then also still formerly previously once")
_PHRASE_BREAK: Final = lexicon(
    "of for at with to in from on and or by under over about near inside outside as"
)


def _adverb(word: str) -> bool:
    low = word.lower()
    return low in _ADVERBS or (low.endswith("ly") and bool(_VERB_LIKE.match(low)))


def head_words(words: list[str]) -> list[str]:
    """The head nouns of a role phrase: the last word before the first preposition,
    adverb or "and" of each coordinated part ("loyalist" and "dean" in "a longtime
    Clinton loyalist and dean of ...", "Democrat" and "senator" in "a Democrat and
    former state senator")."""
    if not words:
        return []
    if len(words) > 2 and words[0].lower() == "one" and words[1].lower() == "of":
        words = words[2:]  # "one of Ford's editors at Tor"
    # adverbs are no head ("a widely read columnist", "a lawyer now at ...")
    words = [w for w in words if not _adverb(w)] or words
    heads: list[str] = []
    part_start = 0
    stopped = False
    for i, w in enumerate(words):
        low = w.lower()
        if low == "and":
            if not stopped and i > part_start:
                heads.append(words[i - 1])
            part_start, stopped = i + 1, False
        elif i > part_start and not stopped and low in _PHRASE_BREAK:
            heads.append(words[i - 1])
            stopped = True
    if not stopped and part_start < len(words):
        heads.append(words[-1])
    if words[-1] not in heads and words[-1][:1].islower():
        heads.append(words[-1])  # "Washington State Department of Health information officer"
    return [h.rstrip(",.;:") if not _ABBREV_END.search(h[:-1]) else h for h in heads]


def _trimmed(words: list[str]) -> list[str]:
    """At most ``_MAX_ROLE_WORDS`` words, cut before a prepositional phrase that would
    be cut in half ("director of the Program at the Center for Justice at the ...")."""
    if len(words) <= _MAX_ROLE_WORDS:
        return words
    cut = words[:_MAX_ROLE_WORDS]
    for loose in (True, False):  # "of" binds its noun: cut there only if nowhere else
        for i in range(len(cut) - 1, 1, -1):
            low = cut[i].lower()
            if low in _PHRASE_BREAK and (not loose or low not in ("of", "and")):
                return cut[:i]
    return cut


#: "who is the chief executive of X", "who was appointed chairman", "who serves as
#: ...": a copula or an appointment before the role the relative clause states.
_RELATIVE_COPULA: Final = re.compile(
    r"^(?:who|whom)\s+(?:(?:was|has\s+been|had\s+been|is|were)\s+(?:appointed|named|"
    r"elected|made)(?:\s+as)?|is|was|has\s+been|had\s+been|became|becomes|remains|"
    r"(?:serves|served|works|worked|acts|acted)\s+as)"
    r"(?:\s+(?:now|also|currently|still|then|previously|formerly|once))?\s+"
)
#: "who heads X", "who founded X": a verb whose doer holds a post in the named
#: organisation (the role noun it gives).
_RELATIVE_POSTS: Final = {
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "runs": "head",
    "directs": "director",
    "founded": "founder",
    "co-founded": "co-founder",
    "manages": "manager",
    "owns": "owner",
    "coaches": "coach",
    "edits": "editor",
}
_RELATIVE_POST: Final = re.compile(
    r"^(?:who|whom)\s+(?:(?:now|also|currently|still|once)\s+)?(?P<verb>[a-z-]+)\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w.&’'-]*))*)"
)
#: "mother of two", "father of four": a family, not a relation to anyone in the story
_OF_COUNT: Final = re.compile(
    r"\b(?:mother|father|mum|mom|dad|parent|grandmother|grandfather|grandparent)s?\s+of\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
    re.I,
)


_RELATIVE_RANK: Final = 3
_STATED_RANK: Final = 2  # a title or an apposition: fixed once read
_FIXED_RANK: Final = -1  # below a title: "who" may mean someone named before
_RELATIVE_AFTER: Final = re.compile(r"^\s*,\s*(?=(?:who|whom)\s)")


_EVALUATIVE: Final = re.compile(
    r"(?:the|a|an)\s+(?:very\s+)?(?:good|great|bad|fine|real|true|natural|born|"
    r"excellent|terrible|wonderful|perfect|better|best|worst|strong|weak|big|huge)\s",
    re.I,
)
_COPULA_AFTER: Final = re.compile(
    r"^\s+(?:is|was)\s+(?:(?:now|also|currently|still)\s+)?(?=(?:the|a|an)\s)"
)


def relative_after(right: str) -> str | None:
    """``, who is president of X`` or `` is the chief executive of X`` right after
    a name: the role the clause states."""
    m = _RELATIVE_AFTER.match(right)
    if m:
        return relative_role(right[m.end() :])
    copula = _COPULA_AFTER.match(right)
    if copula is None:
        return None
    rest = right[copula.end() :]
    if _EVALUATIVE.match(rest):
        return None  # "Lee is a good spokesman for ...": an opinion, not a post
    return apposition_after(", " + rest)


#: Family nouns: a role only as a relation to someone ("his wife", "Lee's aunt",
#: "mother of the victim"); alone ("a mother", "a grandfather") they say nothing.
_RELATIONS: Final = lexicon(
    """
    mother father son daughter wife husband brother sister aunt uncle grandmother
    grandfather grandson granddaughter mom dad mum parent widow widower cousin nephew
    niece stepfather stepmother stepson stepdaughter sibling
    """
)
_OWNER: Final = re.compile(r"[’']s\b|s[’'](?:\s|$)|\bof\b|^(?:his|her|their|its|my|our)\s", re.I)


def _unowned_relation(role: str) -> bool:
    """``role`` is headed only by family nouns and names nobody they relate to."""
    words = role.split()
    if not words or _OWNER.search(role):
        return False
    heads = head_words(words)
    return bool(heads) and all(h.lower() in _RELATIONS for h in heads)


def relative_role(clause: str) -> str | None:
    """The role a relative clause states: ``who is president of X`` -> "president of
    X", ``who heads the X Trust`` -> "head of the X Trust"; a clause that states no
    job ("who is 60 years old", "who conducted the inquiry") gives none."""
    clause = clause.strip()
    m = _RELATIVE_COPULA.match(clause)
    if m is not None:
        return apposition_after(", " + clause[m.end() :])
    post = _RELATIVE_POST.match(clause)
    if post is None or post.group("verb") not in _RELATIVE_POSTS:
        return None
    org = post.group("org").split()
    while org and (org[-1].lower() in _ORG_JOINERS or org[-1].lower() == "and"):
        org.pop()
    if not org or org[-1].endswith(("’s", "'s")) or " ".join(org) in PLACES:
        return None
    return clean_role(_RELATIVE_POSTS[post.group("verb")] + " of " + " ".join(org))


def apposition_after(right: str) -> str | None:
    """``, ROLE,`` right after a name (``right`` starts after the name); a bare age
    and a home town before it are skipped ("NAME, 44, of Leeds, a nurse")."""
    suffix = _NAME_SUFFIX.match(right)
    if suffix:  # "Carl W. Weston Jr., the U.S. Attorney for ...,"
        right = right[suffix.end() :]
    paren = _PARENS.match(right)
    if paren:
        right = right[paren.end() :]
    m = _AFTER_PREPOSITION.match(right)
    if m:
        org = _org_sentence(m.group("org"))
        if org in PLACES or org.split(",")[0] in PLACES:
            return None  # "Bernie Sanders of Vermont": where from, not a role
        return clean_role(org)
    age = _LEADING_AGE.match(right)
    if age:
        right = right[age.end() :]
    employer = _employer_between_commas(right) if not age else None
    if employer is not None:
        return employer  # "Jo Lee, of the University of Leeds, said"
    home = _HOMETOWN.match(right)
    if home:
        right = right[home.end() :]
    if not right.startswith(","):
        return None
    body = right[1:].lstrip()
    if not body or body[:1].isdigit():
        return None
    first = body.split(None, 1)[0]
    low = first.lower().rstrip(",.")
    if (low in ("now", "then", "also", "still") or _adverb(low)) and " " in body:
        # "Bennett, now a radio host", "Lee, previously a lawyer"
        body = body.split(None, 1)[1]
        first = body.split(None, 1)[0]
        low = first.lower().rstrip(",.")
    if low in _NOT_APPOSITION or _CLAUSE.search(first):
        return None
    if _VERB_LIKE.match(low) and low not in _KEPT_PARTICIPLES and not _role_word(low):
        return None  # "Christie, eager ...", "Blunt, facing a challenge": a clause
    end = _APPOSITION_END.search(body)
    while (
        end is not None and end.group().startswith(".") and _ABBREV_END.search(body, 0, end.start())
    ):  # "the U.S. Attorney for ...": an abbreviation, not the end
        end = _APPOSITION_END.search(body, end.end())
    phrase = body[: end.start()] if end else body
    if _CLAUSE.search(phrase):
        return None
    if end is not None and _CUE_END.match(end.group()) and body[end.end() : end.end() + 1] == ",":
        return None  # "Lee, the official said, saw ...": the subject of a cue, not Lee's role
    words = _trimmed(_cut(phrase).split())
    if not words:
        return None
    plural_ok = words[0].lower() == "one" and len(words) > 2 and words[1].lower() == "of"
    heads = head_words(words)
    if heads and heads[0][:1].isupper() and not (_role_word(heads[0]) or is_title_word(heads[0])):
        return None  # "Fox's Jo Lee and the firm's chief executive": another person first
    if not any(_role_noun(h, plural_ok) for h in heads + _title_words(words)):
        return None
    if _unowned_relation(" ".join(words)):
        return None  # "a 30-year-old mother": no job, and a relation to nobody
    return clean_role(" ".join(words))


def _title_words(words: list[str]) -> list[str]:
    """The title words of a role's first noun phrase ("chief" in "assistant chief
    constable of ..."): a role word that modifies the head makes it a role."""
    if not words:
        return []
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _PHRASE_BREAK:
            if i and not words[i - 1][:1].islower():
                return []  # "Gazprom chairman Aleksey Miller and ...": a name, not a role
            break
        if low in _TITLE_MODIFIERS or (is_title_word(w) and not w.isupper()):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if (
                w[:1].islower()
                and nxt[:1].islower()
                and not _role_word(nxt)
                and not _VERB_LIKE.match(nxt)
                and nxt.lower() not in _PHRASE_BREAK
            ):
                break  # "general election", "the chief concern": an adjective, no title
            out.append(w)
        elif out and w[:1].isupper():
            return []  # "Kestrel chairman Joe Tamsin": a title before another name
    if not words[-1][:1].islower() and not any(w.lower() in _PHRASE_BREAK for w in words):
        return []
    return [w for w in out if _role_word(w) and not w.lower().endswith("s")]


def _role_noun(head: str, plural_ok: bool) -> bool:
    """``head`` names a role: a role word (plural only after "one of": "senators" in
    an adjective clause is not a role). A party alone ("a Democrat") is not one."""
    low = head.lower().rstrip(".")
    if not _role_word(head):
        return False
    if low.endswith("s") and not low.endswith("ss") and not plural_ok:  # not "witness"
        return low in ROLE_NOUNS or low in ROLE_EXTRA or "." in head
    return True


@dataclass
class Roles:
    """Each person's role in one article (full name -> role)."""

    by_name: dict[str, str] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)
    #: every role phrase read for a person (for "the senator" -> the senator)
    words: dict[str, set[str]] = field(default_factory=dict)
    ages: dict[str, str] = field(default_factory=dict)
    #: family name -> the full names (two words or more) the article gives it with
    family: dict[str, set[str]] = field(default_factory=dict)

    def offer(self, name: str, role: str | None, rank: int) -> None:
        """Keep the best-ranked role for ``name`` (lower rank wins; first wins a tie)."""
        if not role:
            return
        bag = self.words.setdefault(name, set())
        for w in role.lower().replace("’s", " ").replace("'s", " ").split():
            bag.add(w.strip(".,()"))
        if name not in self.rank or rank < self.rank[name]:
            self.by_name[name] = role
            self.rank[name] = rank

    def get(self, name: str | None) -> str | None:
        """The role of ``name``; a speaker written with its title ("Army Capt. Jo
        Lee") has the role read for the bare name, else the title itself."""
        if not name:
            return None
        role = self.by_name.get(name)
        if role is not None:
            return role
        title, bare = split_title(name)
        if title and bare and len(bare.split()) >= 1:
            return self.by_name.get(bare) or clean_role(title)
        if " " not in name:
            # a family name the speaker rules left alone ("West said"): the role of
            # the one person of that family name the article gives a role
            owners = self.family.get(name, set())
            if len(owners) == 1:
                return self.by_name.get(next(iter(owners)))
        return None

    @classmethod
    def read(cls, text: str, mentions: list[tuple[int, int, str]]) -> Roles:
        """Roles around every mention of ``text`` (the article body): (start, end,
        the person's full name)."""
        roles = cls()
        surnames = {name.split()[-1] for _s, _e, name in mentions}
        for _s, _e, name in mentions:
            if len(name.split()) >= 2:
                roles.family.setdefault(name.split()[-1], set()).add(name)
        for start, end, name in mentions:
            if roles.rank.get(name) == 0:
                continue  # nothing better to find
            para_start = text.rfind("\n", 0, start) + 1
            para_end = text.find("\n", end)
            if para_end < 0:
                para_end = len(text)
            left = text[max(para_start, start - 200) : start]
            right = text[end : min(para_end, end + 240)]
            age = _AGE.match(right)
            if age:
                roles.ages.setdefault(name, age.group(1))
            roles.offer(name, apposition_after(right), 0)
            if roles.rank.get(name, 9) > 1 and " " in text[start:end].strip():
                # a full name: "of a witness, Lee said" is the subject of a cue
                roles.offer(name, apposition_before(left), 1)
            if roles.rank.get(name, 9) > 2:
                roles.offer(name, title_before(left), 2)
            if roles.rank.get(name, 9) > _RELATIVE_RANK:
                roles.offer(name, relative_after(right), _RELATIVE_RANK)
            if 0 <= roles.rank.get(name, 9) <= _STATED_RANK:
                # the role stated where the article first gives one (an annotator's
                # pick; later ones are asides: "the first Republican mayor")
                roles.rank[name] = _FIXED_RANK
            if name not in roles.rank:  # the weakest: where one works, not what one does
                owner = affiliation_before(left)
                if owner and owner.split()[-1] not in surnames:  # "Trump's Jo Lee": a person
                    roles.offer(name, owner, _AFFILIATION_RANK)
            if name not in roles.rank:
                tag = _PARTY_TAG.match(right)  # "Jo Lee, R-Texas," / "Jo Lee (D-Calif.)"
                if tag:
                    party = tag.group("tag")
                    if party.endswith(".") and not _ABBREV_END.search(party[:-1]):
                        party = party[:-1]  # "R-Texas." ends the sentence; "D-Calif." not
                    roles.offer(name, party, _AFFILIATION_RANK)
        for words in roles.words.values():
            words.discard("")
        for name, role in list(roles.by_name.items()):
            if all(w.lower().rstrip(".") in _NOT_IN_ROLE for w in role.split()):
                del roles.by_name[name]
        return roles
