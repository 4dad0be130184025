"""Direct quotations with their speakers, by an ordered rule sieve.

Spans come from ``spans.find_spans`` (quote marks) and from first-person
paragraphs without marks that end in ``..., Tsai said.``. Each quote then goes
through the sieve; the first rule that names a speaker wins, and a quote that
no rule attributes keeps ``speaker=None`` (no speaker beats a wrong one):

1. after the quote: ``"Q," said NAME, ROLE`` / ``"Q," NAME said`` /
   ``"Q," according to NAME`` (the quote must not end in a full stop unless
   the words after it are only the attribution);
2. before the quote: ``NAME[, ROLE,] said[ to X][:|,|that] "Q"``,
   ``According to NAME, "Q"``;
3. a partial quote inside reported speech takes the subject of the speech
   verb earlier in its sentence (``Trump said Romney "would have ..."``);
4. a quote after a colon, or opening a sentence right after one that
   introduces the speaker (``He also talked about China. "Q"``), takes that
   sentence's subject;
5. continuation: an unattributed quote takes the speaker of the attributed
   quote next to it in the paragraph, of the quote it continues (a quote left
   open at the end of the paragraph before), or of the paragraph before when
   that paragraph introduces a speaker.

Pronouns (he/she) become the last named speaker or subject of a speech verb;
a family name alone becomes the full name used elsewhere in the article
(``names.NameIndex``). Unattributed quotes under four words (scare quotes)
and title-case names of works are dropped, and so are attributed fragments
under four words that are not whole utterances ("made some efforts").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

from briefings.derive.document import Document
from briefings.derive.entities import EntityLayer, SharedMentions, entity_layer
from briefings.derive.gazetteer import DEMONYMS, FIRST_NAMES, GIVEN_NAMES, known_kind
from briefings.derive.names import (
    NAME_RUN,
    NameIndex,
    drop_openers,
    is_title_word,
    looks_like_person,
    lower_words,
    paragraph_runs,
    split_title,
    strip_function_words,
)
from briefings.derive.people import PersonTracker, described_gender, name_gender
from briefings.derive.roles import Roles, role_head
from briefings.derive.roles import clean_role as tidy_role
from briefings.derive.spans import Span, find_spans, quotes_with_single_marks
from briefings.derive.speakers import Who, clause_end, role_after, who_after_verb, who_before_verb
from briefings.derive.speech import (
    AFTER_QUOTE_VERB,
    AUXILIARY,
    FRAME_VERB,
    INTRO_VERB,
    REPORTED_VERB,
    SPEECH_VERB,
)
from briefings.models import Quote

_PRONOUN_REACH: Final = 6  # sentences a pronoun reaches back to its antecedent
_SUBJECT_WEIGHT: Final = 2.0  # a subject or speaker against a mere mention
_GENDER_BONUS: Final = 1.0  # a known matching gender weighs no more than an unknown one (measured)
_PROTAGONIST_MIN: Final = 3  # subject or speaker this often to be whom a stray "he" means
#: the subject of the sentence just before (or of the pronoun's own) counts this much
#: more: "Jo Ames, an adviser to Ed Bell, questioned it. / "Q," he said." is Ames's
_LAST_SUBJECT: Final = 2.0
#: the sayer of reported speech in the sentence just before ("..., Stovall said.")
#: counts this much more than the subject of what they reported ("Cruz electrified")
_SAYER: Final = 1.5
_CLOSE_CALL: Final = 0.75  # a runner-up this close to the best: "he" is ambiguous
#: a runner-up under this share of the best leaves "he" clear (with the best of the
#: pronoun's sex and the subject or speaker of the sentence before)
_CLEAR_MARGIN: Final = 0.25
_WINDOW: Final = 300  # characters of context read on each side of a quote
_MIN_WORDS: Final = 4

_AFTER_VERB_FIRST: Final = re.compile(rf"^\s*(?:[,—–-]\s*)?{AUXILIARY}(?:{AFTER_QUOTE_VERB})\b")
_AFTER_SUBJECT_FIRST: Final = re.compile(
    rf"^\s*(?:[,—–-]\s*)?(?P<subj>[^.!?;“”\"]{{1,160}}?)\s+{AUXILIARY}(?:{AFTER_QUOTE_VERB})\b"
)
# the speech verb of a cue after the quote ('"Q," Ames shared', '"Q," comments Ames')
_REPORTED: Final = re.compile(rf"\s{AUXILIARY}(?P<verb>{REPORTED_VERB})\b")
_SPEECH_AFTER_QUOTE: Final = re.compile(rf"\s{AUXILIARY}(?P<verb>{AFTER_QUOTE_VERB})\b")
# "an account of Clinton telling ...", "about her saying ...": a gerund with its own subject
_GERUND_SUBJECT: Final = re.compile(
    r"\b(?:of|about|with)\s+(?:(?P<name>(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*)|him|her|them)\s*$"
)
_AFTER_ACCORDING: Final = re.compile(r"^\s*[,—–-]?\s*according\s+to\s+")
_BEFORE_ACCORDING: Final = re.compile(
    r"(?:^|\s)[Aa]ccording\s+to\s+(?P<who>[^,“”\"]{1,120})(?:,\s+(?P<named>[^,“”\"]{1,60}))?,\s*$"
)
_VERB_IN_SENTENCE: Final = re.compile(rf"\s{AUXILIARY}(?P<verb>{FRAME_VERB})\b")
_SPEECH_IN_SENTENCE: Final = re.compile(rf"\s{AUXILIARY}(?P<verb>{SPEECH_VERB})\b")
_INTRO: Final = re.compile(rf"\s{AUXILIARY}(?P<verb>{SPEECH_VERB}|{INTRO_VERB})\b")
# not after an initial ("Jeffrey M. Jones")
_SENTENCE_END: Final = re.compile(r"(?<![\s.][A-Z])[.!?][”\"’)]*\s+(?=[A-Z“\"‘(])")
_FIRST_PERSON: Final = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|we're|we’re|our|Our|us|my|My)\b")
_MARKLESS: Final = re.compile(
    rf",\s+(?P<subj>he|she|(?:{NAME_RUN}))\s+{AUXILIARY}(?P<verb>{SPEECH_VERB})(?P<end>\.(?:\s+|$)|$)"
)
# what may follow "Q." NAME said when the sentence is only the attribution
_ONLY_ATTRIBUTION: Final = re.compile(
    r"\s*(?:(?:in|on|at|to|during|after|before|about|from|with|for|while|when|as|of|"
    r"later|earlier|then|yesterday|today|last|this|[A-Z][a-z]+day)\b[^.!?“\"]{0,100})?"
    r"(?:[.!?]|$)\s*(?:$|[“\"]|[A-Z])"
)
_AFTER_ANY_VERB_FIRST: Final = re.compile(r"^\s*[,—–-]?\s*[a-z]+ed\s+(?=[A-Z])")
_SUBJECT: Final = re.compile(
    rf"\s*(?:[A-Z][^,.;:“”\"]{{0,120}},\s+)?"
    rf"(?:(?:But|And|So|Then|Later|Still|Yet|Now)\s+)?"
    rf"(?P<subj>he|she|He|She|(?:{NAME_RUN})(?:,[^,]{{1,100}},)?)\s+(?:[a-z]+\s+){{0,2}}[a-z]+"
)
_SUBJECT_HEAD: Final = re.compile(
    r"\s*(?:[A-Z][^,.;:“”\"]{0,120},\s+)?(?P<subj>[^,.;:“”\"]{1,90}?)\s+"
    r"(?:(?:has|had|also|then|later|once|never|often|always|[a-z]{2,}ly)\s+){0,2}"
    r"(?:[a-z]+ed|said|told|wrote|spoke|gave|made|took|went|came|sent|got)\b"
)
# "... IN OTHER STATES - Michael P. McDonald: "Q"": a dash, a name, a colon
_DASH_SPEAKER: Final = re.compile(rf"\s[-—–]\s*(?P<run>{NAME_RUN})\s*:\s*$")
_NAME_COLON: Final = re.compile(rf"(?P<run>{NAME_RUN})\s*:\s*$")
# "the Lindqvist Express", "the Okafor Foundation": a run right after "the" names a thing
_THE_BEFORE: Final = re.compile(r"(?:^|\s)the\s$")
_COLON_NOT_SPEAKER: Final = frozenset(
    "of about to with for against at on in by from into over like as than and or "
    "called named titled dubbed".split()
)
_SUBORDINATORS: Final = frozenset(
    "as when while after before since because if although though until once whenever "
    "unless where whereas".split()
)
_NOT_REPORTING: Final = frozenset("spoke speaks speak thought thinks think began begins".split())
_INVERTED: Final = re.compile(
    r"\s*(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Recalled)\s+(?=[A-Z])"
)
_ACCORDING_LEAD: Final = re.compile(r"\s*[Aa]ccording\s+to\s+(?P<who>[^,“”\"]{1,80}),\s")
_MARK: Final = re.compile(r"[“”\"]")
_WITH_GERUND: Final = re.compile(
    rf"\b(?:with|of)\s+(?P<run>{NAME_RUN})\s+(?:[a-z]+ly\s+)?[a-z]{{2,}}ing\s*:\s*$"
)
_FROM_NAME: Final = re.compile(rf"(?:^|\s)[Ff]rom\s+(?P<run>{NAME_RUN})\s*:\s*$")
_POSSESSIVE_SPEECH: Final = re.compile(
    rf"(?P<run>{NAME_RUN})[’']s\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:response|statement|reply|answer|"
    r"message|post|tweet|letter|words|remarks|comment|comments|verdict)"
    r"(?:\s+(?:was|read|reads|said|says))?\s*:\s*$"
)
# '"Q," Jo Ames, director of X.' / '"Q." — Jo Ames, director of X': after the quote
# a name and an apposition make the whole sentence, with no verb (a signature)
_VERBLESS: Final = re.compile(
    rf"^\s*(?P<lead>,|[—–-]+)?\s*(?P<run>{NAME_RUN})(?P<app>,\s[^“”\"]{{1,160}}?)?"
    r"\s*[.!?]?\s*[“\"‘]?\s*$"
)
_ED_WORD: Final = re.compile(r"\b[a-z]{2,}ed\b")
_CLAUSE_VERBS: Final = re.compile(
    r"\b(?:is|was|are|were|has|have|had|will|would|can|could|did|does|says|said)\b"
)
# ", says Lin." closing the sentence before a quote: the verb first, then the speaker
_INVERTED_CUE: Final = re.compile(
    rf",\s+(?:{SPEECH_VERB})\s+(?P<who>[A-Z][^,.;:!?“”\"]{{0,60}}?)\s*[.:]$"
)
_SIGNATURE: Final = re.compile(rf"\s*[-—–]\s*(?P<run>{NAME_RUN})\s*(?:,|\.?\s*$)")
_CUE_BEFORE: Final = re.compile(rf"\b{SPEECH_VERB}\s*[,:]?\s*$")
#: a quote this short in title case ("Basic & Technical Training") names a thing
_TITLE_MAX_WORDS: Final = 6
# "Ames's statement read:", '"Q," a statement from Ames read.': a document's author
_DOCUMENT_WORD: Final = (
    r"\b(?:statement|letter|post|message|note|tweet|email|memo)"
    r"(?:\s+(?:from|by)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})?"
)
_DOCUMENT_READ_BEFORE: Final = re.compile(
    rf"(?:^|[.!?]\s+|\n)(?P<subj>[^.!?“”\"\n]{{2,80}}?{_DOCUMENT_WORD})\s+(?:read|reads):\s*$"
)
_DOCUMENT_READ_AFTER: Final = re.compile(
    rf"[,\s]*[”\"]?\s*(?P<subj>[^.!?“”\"\n]{{2,80}}?{_DOCUMENT_WORD})\s+(?:read|reads)\b"
)
_NEXT_SPEAKER: Final = re.compile(rf"[\s.,;]*(?P<run>{NAME_RUN})\s*:\s*$")
_SPEAKER_LINE: Final = re.compile(
    rf"^\s*[-—–]?\s*(?P<run>{NAME_RUN})\s*(?:\([^()]{{1,30}}\))?\s*:\s*$"
)
# "the senator", "The former Labour leader", "the company's chief executive", "the 29-year-old"
_DESCRIPTION: Final = re.compile(
    # a possessor only before a lower-case head ("Acme's chief executive", not
    # "People's Freedom Party")
    r"^(?:[Tt]he|[Hh]is|[Hh]er|[A-Z][\w&.-]*['’]s(?=(?:\s+[\w’'-]+){0,4}?\s+[a-z][a-z-]+$))"
    r"\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?P<head>\d{1,3}-year-old|[a-z][a-z-]+|[A-Z][a-z]+|[A-Z]{2,3})$"
)
# heads of descriptions of a person that are no role words: "the billionaire mogul"
# a description opening a sentence as its subject: "The Wisconsin Republican did give"
_DESCRIPTION_SUBJECT: Final = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?P<the>The)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z][a-z-]+|[A-Z][a-z]+)"
    r"\s+(?:(?:also|then|later|did|has|had|was|is|never|often|[a-z]+ly)\s+){0,2}"
    r"(?:[a-z]+ed|said|told|gave|made|took|went|came|got|did|has|had|was|is|says|wrote)\b"
)
_PERSON_HEADS: Final = frozenset(
    "mogul tycoon magnate billionaire millionaire businessman businesswoman entrepreneur "
    "frontrunner front-runner hopeful incumbent challenger".split()
)
# "says the woman who is in her late 20s": a plain person noun means whom the
# pronoun of its sex would
_PLAIN_PERSON: Final = {
    "woman": "she", "lady": "she", "girl": "she", "mother": "she",
    "man": "he", "gentleman": "he", "boy": "he", "father": "he",
}  # fmt: skip
# "Tom Bell's mom": a kin word owned by a named person
_KIN_OWNER: Final = re.compile(
    r"(?P<owner>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){1,3})['’‘]s\s+"
    r"(?P<kin>mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister)"
)
_KIN_SEX: Final = {
    "mom": "f", "mum": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "dad": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
}  # fmt: skip
_QUOTED_RUN: Final = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_HIS: Final = re.compile(r"\b[Hh]is\b")
_HER: Final = re.compile(r"\b[Hh]er\b")
_ORG_HEADS: Final = frozenset(
    "office company firm ministry department agency group party campaign team government "
    "administration committee board council union club police army court".split()
)
# "Ann Ross, his wife," / "first lady Ann Ross" / "his widow, Ann Ross": a spouse
_SPOUSE_WORD: Final = re.compile(r"\b(?:[Ll]ady|wife|husband|widow|widower|spouse)\b")
_SPOUSE_AFTER: Final = re.compile(
    r",\s+(?:(?:the|his|her|their)\s+|[A-Z][\w.-]*(?:'s|’s)\s+)?(?:former\s+|late\s+)?"
    r"(?:(?:[Ff]irst\s+)?(?P<spouse>[Ll]ady|wife|husband|widow|widower|spouse))\b"
)
_SPOUSE_BEFORE: Final = re.compile(
    r"\b(?:[Ff]irst|[Hh]is|[Hh]er)\s+(?P<spouse>[Ll]ady|wife|husband|widow|widower)\s*,?\s+$"
)
_FIRST_LADY: Final = re.compile(r"\b[Ff]irst\s+[Ll]ady\b")
# "Ann Ross and her husband", "Ann Ross's husband": a woman married into the family
_HER_HUSBAND: Final = re.compile(r"(?:['’]s|\s+and\s+her)\s+(?P<spouse>husband)\b")
_PERSON_TITLE: Final = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Governor|Judge|Justice)\.?$"
)
_AGE_WORD: Final = re.compile(r"^(\d{1,3})-year-old$")
_AGED_IN: Final = re.compile(r"\b(\d{1,3})-year-old\s")
_HONORIFIC: Final = re.compile(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+(?P<run>{NAME_RUN})")
# a title right before a one-word name: "Gov. Kasich", "Mrs Hale"
_TITLED: Final = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|President|Senator|"
    r"Governor|Judge|Justice|Mayor|Minister|Chancellor|Secretary|Speaker|Chairman)\.?$"
)
_HEAD_ALIASES: Final = {
    "senator": ("senator", "sen"),
    "congressman": ("congressman", "rep", "representative"),
    "congresswoman": ("congresswoman", "rep", "representative"),
    "representative": ("representative", "rep"),
    "governor": ("governor", "gov"),
    "general": ("general", "gen"),
    "professor": ("professor", "prof"),
    "doctor": ("doctor", "dr"),
    "chairman": ("chairman", "chair"),
    "chief": ("chief", "ceo"),
}
_JOINED: Final = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+)\s+(?:and|&)\s+$")
_CONJOINED: Final = re.compile(r"\s+(?:and|&|or)\s+(?:[A-Z]|his\s|her\s)")
_DASH: Final = re.compile(r"\s[-—–]+\s*|\s*[—–]\s*")
_DESCRIBED_SUBJECT: Final = re.compile(
    r"\b[Tt]he\s+(?P<desc>(?:[\w’'-]+\s+){0,5}?[A-Za-z][a-z-]+)\s+"
    r"(?:said|says|asked|added|told|argued|insisted|warned|explained|acknowledged)\b"
)
_HE_SHE: Final = re.compile(r"\b([Hh]e|[Ss]he)\b")
# the person a pronoun's cue addresses or speaks of: '"Q," he told Ames', 'she said of
# Bell: "Q"'
_CUE_VERBS: Final = (
    r"(?:told|tells|asked|asks|reminded|assured|warned|informed|said\s+(?:of|to|about))"
)
_CUE_OBJECT_AFTER: Final = re.compile(rf"[\s,—–-]*(?:he|she)\s+{_CUE_VERBS}\s+(?P<run>{NAME_RUN})")
_CUE_OBJECT_BEFORE: Final = re.compile(
    rf"\b(?:[Hh]e|[Ss]he)\s+{_CUE_VERBS}\s+(?P<run>{NAME_RUN})\s*[:,]?\s*$"
)
# a sentence whose subject is "he"/"she" after a short lead: "Lately, he has been",
# "But on Sunday he gave" (lower-case words or a day; no name before the pronoun)
_PRONOUN_AFTER_LEAD: Final = re.compile(
    r"(?:But|And|Yet|So|Then|Lately|Later|Still|Now|Also|Instead|Meanwhile|Earlier|Today|"
    r"Yesterday|Afterwards?|Again|Often|Sometimes|Recently|On|In|At|After|During|Last|This),?"
    r"\s+(?:(?:[a-z]+|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+){0,4}?"
    r"(?P<p>[Hh]e|[Ss]he)\s+(?!said\b|says\b)[a-z]"
)
_WORDS: Final = re.compile(r"[A-Za-z][\w'’-]*")
_LEAD: Final = re.compile(r"\s*(?:[,—–-]\s*)?")
#: adverbs between an inner speaker and its verb ("he then announced")
_INNER_ADVERBS: Final = frozenset({"then", "also", "later", "had", "has", "once", "again"})
_INNER_MAX_WORDS: Final = 4
#: words between the inner verb and the quote without a colon ("told her "Q"")
_INNER_OBJECT_WORDS: Final = 2
#: verbs of thinking, not speaking: their subject reports no words of its own
_NOT_SPEAKING: Final = frozenset(
    {"thought", "believed", "felt", "knew", "hoped", "feared", "wanted", "wished", "expected"}
)
_CLAUSES: Final = re.compile(r",\s+|;\s+|\bbut\s+|\band\s+")
_SENTENCES: Final = re.compile(r"(?<=[.!?])\s+")
_TITLE_CASE_SMALL: Final = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "is",
}


@dataclass
class _Quote:
    para: int
    span: Span
    who: Who | None = None
    rule: str = ""
    continues: bool = False  # opens a paragraph while the previous one left a quote open


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _WINDOW)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    return start


def _is_title(text: str) -> bool:
    words = [w for w in _WORDS.findall(text) if w.lower() not in _TITLE_CASE_SMALL]
    return bool(words) and all(w[0].isupper() for w in words)


def _whole_utterance(quoted: str) -> bool:
    """A short quote that is a complete sentence ("We'll see." / "Absolutely not!")."""
    return quoted[:1].isupper() and quoted.rstrip('”"’ ')[-1:] in ".!?"


_LEAD_RUN: Final = re.compile(rf"(?P<run>{NAME_RUN})\s+(?!and\b|or\b|&)[a-z]")
_CARRIER_GERUNDS: Final = frozenset({"saying", "reading", "stating", "declaring", "writing"})
_GERUND_AFTER: Final = re.compile(
    r"(?:^|\s)(?:is|was|are|were|be|been|being|kept|keeps|keep|started|starts|began|begins|"
    r"continued|continues|went|goes|stopped|took|quoted|heard|recorded|seen|caught|"
    r"[a-z]+ly|he|she|they|we|I|and|or|while|by|after|before|without|then|also)\s*$"
)


def _gerund_of_noun(before: str, verb: str) -> bool:
    """ "there is the light insisting "Q"", "a crowd chanting "Q"": a gerund cue
    with no comma before it and a common noun right before it belongs to that
    noun, not to the sentence subject (unlike ", saying" or "kept insisting"; "a
    sign saying", "a letter stating": the noun carries the subject's words)."""
    if verb in _CARRIER_GERUNDS:
        return False
    stripped = before.rstrip()
    if not stripped or stripped.endswith((",", ";", ":", "—", "–", "-")):
        return False
    last = stripped.split()[-1]
    if not last[:1].islower():
        return False  # a name: "with Trump reportedly yelling" is read elsewhere
    return _GERUND_AFTER.search(stripped) is None


def _role_acronym(word: str) -> bool:
    """A role written in capitals: "MP", "CEO" (not "FBI", "UN")."""
    return len(word) >= 2 and word.isupper() and role_head(word.lower())


def _main_clause_cue(left: str, v: re.Match[str]) -> bool:
    """ "Though Ann cannot say why, she says, compared to last year, "Q"": the
    subordinate clause closes with a comma before the cue's own subject (a pronoun
    or a name alone), so the cue is the main clause's (not "As Ann spoke, ...")."""
    head = left[: v.start()]
    comma = head.rfind(",")
    if comma < 0:
        return False
    who = who_before_verb(head[comma + 1 :])
    return who is not None and who.kind in ("name", "pronoun")


def _inner_speaker(clause: str) -> Who | None:
    """ "Ames said Bell told her:" / "She said he then announced:": speech reported
    inside speech; the quote is the inner speaker's, the subject of the speech verb
    closest to the colon, when a name or pronoun alone stands between the two verbs."""
    verbs = list(_SPEECH_IN_SENTENCE.finditer(clause))
    if len(verbs) < 2:
        return None
    prev, last = verbs[-2], verbs[-1]
    if prev.group("verb").endswith("ing") or last.group("verb").endswith("ing"):
        return None
    if last.group("verb").lower() in _NOT_SPEAKING:
        return None  # "Ames said he thought about it for "a long time"": still Ames
    gap = clause[prev.end() : last.start()].split()
    if gap and gap[0].lower() == "that":
        gap = gap[1:]
    while gap and gap[-1].lower() in _INNER_ADVERBS:
        gap.pop()
    if not gap or len(gap) > _INNER_MAX_WORDS:
        return None
    who = who_before_verb(" ".join(gap))
    return who if who is not None and who.kind in ("name", "pronoun") else None


class _Sieve:
    def __init__(self, doc: Document, shared: SharedMentions | None = None) -> None:
        self.doc = doc
        self.shared = shared
        self.runs = paragraph_runs([p.text for p in doc.paragraphs])
        self._lower_words: set[str] | None = None
        self._drop_openers()
        # runs inside a longer name ("Customs and Border Protection") are no people
        self.names = NameIndex.build(
            [
                (p.start + at, run)
                for p, runs in zip(doc.paragraphs, self.runs, strict=True)
                for at, run in runs
                if not self._joined(p.text, at)
                and not (_THE_BEFORE.search(p.text, max(0, at - 5), at) and not split_title(run)[0])
            ]
        )
        self.people = PersonTracker(self.names)
        self.single = quotes_with_single_marks([p.text for p in doc.paragraphs if not p.heading])
        self.trace: list[tuple[str, str, str]] = []  # (rule, kind, via) per emitted quote
        self.guessed = False  # the last description was resolved by _guess
        #: the last pronoun resolved with no rival: the subject or sayer of the sentence
        #: before (or of a pronoun chain), of the pronoun's known sex, far ahead of anyone
        self.clear = False
        # read on first use (most articles never need them)
        self._mentions: list[tuple[int, int, str]] | None = None
        self._roles: Roles | None = None
        self._described: dict[str, set[str]] | None = None
        self._spouse_of: dict[str, set[str]] | None = None
        self._layer: EntityLayer | None = None
        self._titled: dict[str, set[str]] | None = None
        self._no_names: dict[str, bool] = {}
        self._person_words: set[str] = set()
        self._mention_starts: list[int] = []
        self._sentence_starts: list[int] = []
        self._quoted: list[tuple[int, int]] = []  # article offsets of the quotes so far

    def _drop_openers(self) -> None:
        """A caption's adjective or an outlet glued before a name is no part of it
        (``names.drop_openers``, shared with the entity layer)."""
        drop_openers([p.text for p in self.doc.paragraphs], self.runs, self._lowered)

    def _lowered(self) -> set[str]:
        """The lower-case words of the article."""
        if self._lower_words is None:
            self._lower_words = lower_words(self.doc.text)
        return self._lower_words

    @property
    def mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, full name) of every mention of a person, in order."""
        if self._mentions is None:
            self._mentions = self._person_mentions()
            self._mention_starts = [m[0] for m in self._mentions]
            self._person_words = {w for _s, _e, name in self._mentions for w in name.split()}
            self._sentence_starts = [s.start for s in self.doc.sentences]
        return self._mentions

    @property
    def layer(self) -> EntityLayer:
        """The article's entity chains with their kinds (built on first use)."""
        if self._layer is None:
            self._layer = entity_layer(self.doc, self.shared)
        return self._layer

    def _gender_of(self, name: str) -> str | None:
        """ "m"/"f" as the text shows it (a title, "X said she", a given name, the
        entity chain's pronouns), None when nothing does."""
        known = self.people.gender.get(name) or name_gender(name) or self._titled_gender(name)
        if known is None:
            layer = self.layer.gender(name)
            known = "m" if layer == "male" else "f" if layer == "female" else None
        return known

    def _shown_gender(self, name: str) -> str | None:
        """ "m"/"f" from the given name, a title or what the text says of the person,
        never from a pronoun resolved to them."""
        return name_gender(name) or self._titled_gender(name) or self.people.evidenced.get(name)

    def _titled_gender(self, name: str) -> str | None:
        """ "m"/"f" from "Mr Gray" / "Ms Hale" anywhere in the article, for the one
        person the article names with that family name (a family name two people
        share, or one written with both "Mr" and "Mrs", says nothing)."""
        if self._titled is None:
            titled: dict[str, set[str]] = {}
            for m in _HONORIFIC.finditer(self.doc.text):
                family = m.group("run").split()[-1].removesuffix("’s").removesuffix("'s")
                titled.setdefault(family, set()).add("m" if m.group(1) == "Mr" else "f")
            self._titled = titled
        family = name.split()[-1]
        found = self._titled.get(family)
        if found is None or len(found) != 1 or len(self.names.people_named(family)) > 1:
            return None
        return next(iter(found))

    def _thing(self, name: str) -> bool:
        """A name the lists or the entity layer type as no person (an organisation,
        a place, an event): never what "he", "she" or "the senator" refers to."""
        if known_kind(name):
            return True
        # the layer's kinds come from cues around the name, and a person's name read
        # "in Trump Tower" may lean to a place: a known given name keeps the person
        return name.split(" ", 1)[0] not in GIVEN_NAMES and self.layer.not_person(name)

    @property
    def roles(self) -> Roles:
        """Each person's role, read around every mention in the article."""
        if self._roles is None:
            self._roles = Roles.read(self.doc.text, self.mentions)
        return self._roles

    @staticmethod
    def _joined(text: str, at: int) -> bool:
        """A run that ends a longer name: "Customs and Border Protection" (not
        "Clinton and Donald Trump": a given name opens a second person)."""
        m = _JOINED.search(text, max(0, at - 40), at)
        if m is None or m.group(1) in GIVEN_NAMES:
            return False
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].isupper():
            return False  # "Marcel Granollers and Feliciano Lopez"
        first = text[at : at + 30].split(" ", 1)[0]
        return first not in GIVEN_NAMES

    def _person_mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, full name) of every capitalised run that names a known person."""
        out: list[tuple[int, int, str]] = []
        for p, runs in zip(self.doc.paragraphs, self.runs, strict=True):
            for at, run in runs:
                _title, name = split_title(run)
                name = strip_function_words(name)
                if not name or not looks_like_person(name):
                    continue
                start = p.start + at + run.rfind(name)
                full = self.names.resolve(name, start)
                if (
                    _title
                    and full != name
                    and " " not in name
                    and self.names.contradicts(full, _title, self._spouses())
                ):
                    full = name  # "Mr Obama" is not "Michelle Obama"
                if len(full.split()) >= 2 or (
                    _title and _PERSON_TITLE.search(_title) and not self._thing(full)
                ):
                    # a title makes a family name alone a person ("President Obama")
                    out.append((start, start + len(name), full))
        return out

    # --- resolution -------------------------------------------------------

    def describes(self, phrase: str, at: int) -> str | None:
        """The person a description before ``at`` refers to ("the senator", "the
        29-year-old", "the company's chief executive"): the latest person mentioned
        before ``at`` whose role or title has the description's head word (or whose
        age it gives). None when nobody, or two different people fit equally."""
        m = _DESCRIPTION.match(phrase)
        if m is None:
            return None
        head = m.group("head").lower()
        age = _AGE_WORD.match(head)
        keys = _HEAD_ALIASES.get(head, (head,))
        best: str | None = None
        if age:
            return self._aged(age.group(1), at)
        aged = _AGED_IN.search(phrase)
        if aged is not None:
            # "the 54-year-old baker": the one person the article gives that age
            known = {
                name
                for start, _end, name in self.mentions
                if start < at and self.roles.ages.get(name) == aged.group(1)
            }
            if len(known) == 1:
                return known.pop()
        for start, _end, name in self.mentions:
            if start >= at:
                break
            if self._thing(name):
                continue
            title = self.names.roles.get(name, "").lower().replace(".", "").split()
            words = self.roles.words.get(name, set())
            fits = any(k in words or k in title for k in keys)
            if fits:
                best = name
        return best

    def _aged(self, age: str, at: int) -> str | None:
        """Who "the 56-year-old" before ``at`` is: the one person the article gives
        that age ("Ann Ross, 56,"); nobody when two people are that age. When the
        article ages nobody, the person it is about (named or speaking at least
        twice as often as anyone else before), when one clearly is."""
        aged = {
            name
            for start, _end, name in self.mentions
            if start < at and self.roles.ages.get(name) == age and not self._thing(name)
        }
        if len(aged) == 1:
            return aged.pop()
        if aged or self.roles.ages:
            return None  # two of that age, or the age is someone the text never names
        self.mentions  # noqa: B018 - fills _mention_starts
        i = bisect.bisect_left(self.people.events, (at, ""))
        j = bisect.bisect_left(self._mention_starts, at)
        name = self._protagonist(None, i, j)
        if name is None or len(name.split()) < 2:
            return None
        self.guessed = True
        return name

    def _guess(self, phrase: str, at: int) -> str | None:
        """ "the author said", "The 56-year-old said" where no role in the article has
        the word: the person the article is talking about (the latest subject or
        speaker), as "he" would be; the description becomes their role. Uncertain."""
        m = _DESCRIPTION.match(phrase)
        if m is None or phrase[:3].lower() != "the":
            return None
        word = m.group("head")
        head = word.lower()
        if _role_acronym(word):
            pass  # "the Conservative MP": a role word written in capitals
        elif word[:1].isupper():
            if word not in DEMONYMS:
                return None  # "the Texan", "the Wisconsin Republican"; not "the Guardian"
        elif not (role_head(head) or head in _PERSON_HEADS) or head in _ORG_HEADS:
            return None  # an age names nobody the article has not aged
        i = bisect.bisect_left(self.people.events, (at, ""))
        sex = described_gender(phrase)
        while i and (
            self._thing(self.people.events[i - 1][1])
            or (
                sex is not None and self._gender_of(self.people.events[i - 1][1]) not in (None, sex)
            )
        ):
            # "Acme Widgets said ..." is no person a description can mean, nor is a
            # man "the actress"
            i -= 1
        if not i:
            return None
        name = self.people.events[i - 1][1]
        if len(name.split()) < 2:
            return None
        if not role_head(head) and self._salient(None, at) != name:
            return None  # "the Texan", "the mogul": only the one person plainly in focus
        self.roles.offer(name, tidy_role(phrase), 3)
        self.guessed = True
        return name

    def _kin_of(self, phrase: str, at: int) -> str | None:
        """ "Tom Bell's mom": the one other person of Tom Bell's family name the
        article names whose sex fits the kin word ("Ann Bell"); nobody when two fit,
        or the sex of one is unknown. Uncertain."""
        m = _KIN_OWNER.fullmatch(phrase)
        if m is None:
            return None
        owner = self.names.resolve(m.group("owner"), at)
        if not owner or " " not in owner:
            return None
        sex = _KIN_SEX[m.group("kin")]
        fits: list[str] = []
        for name in self.names.people_named(owner.split()[-1]):
            if name == owner or " " not in name:
                continue
            known = self._gender_of(name)
            if known is None:
                return None
            if known == sex:
                fits.append(name)
        if len(fits) != 1:
            return None
        self.guessed = True
        return fits[0]

    def _family_member(self, family: str, at: int) -> str | None:
        """ "Doe shared" where the article names two Does: the one of them the
        two sentences before name (in full or by the given name), when only one is;
        else, when the sentence before says "his" or "her" and the sex of all but
        one of them rules them out. None when the text does not settle it. Uncertain."""
        people = sorted(p for p in self.names.people_named(family) if " " in p)
        if len(people) < 2:
            return None
        self.mentions  # noqa: B018 - fills _sentence_starts
        starts = self._sentence_starts
        here = bisect.bisect_right(starts, at) - 1
        if here < 1:
            return None
        hi = starts[here]
        for back in (1, 2):
            if here - back < 0:
                break
            # (names inside quoted speech do not count)
            window = _QUOTED_RUN.sub(" ", self.doc.text[starts[here - back] : hi])
            named = [p for p in people if re.search(rf"\b{re.escape(p.split()[0])}\b", window)]
            if len(named) == 1:
                self.guessed = True
                return named[0]
            if named:
                return None
        last = _QUOTED_RUN.sub(" ", self.doc.text[starts[here - 1] : hi])
        sex = "m" if _HIS.search(last) else "f" if _HER.search(last) else None
        if sex is None or (_HIS.search(last) and _HER.search(last)):
            return None
        # the one of them whose sex the text or given name does not rule out
        fits = [p for p in people if self._gender_of(p) in (None, sex)]
        if len(fits) != 1:
            return None
        self.guessed = True
        return fits[0]

    def _plain_person(self, phrase: str, at: int) -> str | None:
        """ "the woman", "the man" (no role, no age): whom "she"/"he" at ``at``
        would mean, when that is clear; the person the article just introduced."""
        m = _DESCRIPTION.match(phrase)
        if m is None or phrase[:4].lower() != "the ":
            return None
        pronoun = _PLAIN_PERSON.get(m.group("head"))
        if pronoun is None or len(phrase.split()) > 3:
            return None
        name = self.salient(pronoun, at)
        if name is None or len(name.split()) < 2:
            return None
        self.guessed = True
        return name

    def _common_word(self, name: str) -> bool:
        """A one-word "name" the article also writes in lower case ("Pollsters said",
        "Whether ..."): a common word opening a sentence, not a speaker."""
        if " " in name or not name[:1].isupper():
            return False
        low = name.lower()
        if self._lower_words is None:
            self._lower_words = lower_words(self.doc.text)
            self.mentions  # noqa: B018 - fills _person_words
        if low not in self._lower_words:
            return False
        return name not in self._person_words

    def _no_name(self, name: str) -> bool:
        """A one-word "name" with no sign of being one: the article writes it only
        where any word is capitalised, opening a sentence or a paragraph
        ("Reprising one of her lines, ...", "Transcript as follows:", "I'm old
        enough ..."), or the entity layer reads it as a place and nothing marks a
        person ("Pasadena, Calif."): no speaker beats a wrong one."""
        if " " in name or not name[:1].isupper():
            return False
        known = self._no_names.get(name)
        if known is None:
            known = self._no_names[name] = self._read_no_name(name)
        return known

    def _read_no_name(self, name: str) -> bool:
        if name in DEMONYMS:
            return True  # "Syrian", "Republican"
        if name in self.names.roles or name in GIVEN_NAMES:
            return False  # "President Obama": a title makes it a name
        text = self.doc.text
        pattern = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])")
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12) : m.start()].rstrip(' “"‘(')
            if _TITLED.search(before):
                return False  # "Gov. Kasich"
            if before and before[-1] not in ".!?:\n":
                return self.layer.kind(name) == "place" and self._thing(name)
        return True

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted, (pos, pos)) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def salient(self, pronoun: str, at: int) -> str | None:
        """Who "he"/"she" at ``at`` refers to: the person most salient in the few
        sentences before it. Each subject or speaker there counts twice a mere mention
        (names inside quotes do not count), halving with every sentence back; a
        gender the text or the given name shows counts for more, a contradicting one
        rules the person out. None when nobody is in reach or two people are close."""
        want = "f" if pronoun.lower() == "she" else "m"
        return self._salient(want, self._chain(pronoun, at), self._cue_object(at))

    def _cue_object(self, at: int) -> str | None:
        """Whom the pronoun's cue addresses: '"Q," he told Ames' / 'she said of Bell:
        "Q"': that person is not the one speaking."""
        k = bisect.bisect_right(self._quoted, (at, at)) - 1
        if k < 0 or not self._quoted[k][0] <= at <= self._quoted[k][1]:
            return None
        opens, closes = self._quoted[k]
        text = self.doc.text
        m = _CUE_OBJECT_AFTER.match(text, closes, min(len(text), closes + 80))
        if m is None:
            m = _CUE_OBJECT_BEFORE.search(text, max(0, opens - 80), opens)
        if m is None:
            return None
        _title, name = split_title(m.group("run"))
        full = self.names.resolve(strip_function_words(name), at) if name else ""
        return full or None

    def _chain(self, pronoun: str, at: int) -> int:
        """Where a "she" really points from: a sentence just before that opens with
        the same pronoun ("She gave me an email for Y. 'Q,' she said") has the same
        subject, so the pronoun resolves as that one would, before the names that
        sentence goes on to mention."""
        self.mentions  # noqa: B018 - fills _sentence_starts
        starts = self._sentence_starts
        text = self.doc.text
        want = pronoun.lower()
        here = bisect.bisect_right(starts, at) - 1
        while here > 0:
            prev = starts[here - 1]
            head: list[str] = _WORDS.findall(text[prev : min(prev + 20, starts[here])])
            if not head or self._in_quote(prev + 1):
                break
            if head[0].lower() != want:
                # "Lately, he has been ...", "But on Sunday he gave ...": a short lead
                # of lower-case words (or a day) before the same pronoun
                lead = _PRONOUN_AFTER_LEAD.match(text, prev, min(prev + 60, starts[here]))
                if lead is None or lead.group("p").lower() != want:
                    break
            at = prev
            here -= 1
        return at

    def _salient(self, want: str | None, at: int, exclude: str | None = None) -> str | None:
        mentions = self.mentions
        starts = self._sentence_starts
        here = bisect.bisect_right(starts, at) - 1
        scores: dict[str, float] = {}
        events = self.people.events
        sayers = self.people.sayers
        i = bisect.bisect_left(events, (at, ""))
        near: set[str] = set()  # subjects or speakers of this sentence or the one before
        self.clear = False
        for pos, name in reversed(events[max(0, i - 60) : i]):
            d = here - (bisect.bisect_right(starts, pos) - 1)
            if d > _PRONOUN_REACH:
                break
            if self._thing(name):
                continue
            if d <= 1:
                near.add(name)
            weight = _SUBJECT_WEIGHT * (_LAST_SUBJECT if d <= 1 else 1.0)
            if d <= 1 and pos in sayers:
                weight *= _SAYER
            scores[name] = scores.get(name, 0.0) + weight * 0.5 ** max(0, d)
        weak = self.people.weak
        k = bisect.bisect_left(weak, (at, ""))
        for pos, name in reversed(weak[max(0, k - 10) : k]):
            d = here - (bisect.bisect_right(starts, pos) - 1)
            if d > 1:
                break
            if (
                self._thing(name)
                or self._common_word(name)
                or name.lower() in (self._lower_words or ())
                or self._no_name(name)
            ):
                continue
            # "Cruz openly admitted it. "Q," he said": a one-word subject right before
            weight = _SUBJECT_WEIGHT * _LAST_SUBJECT * (_SAYER if pos in sayers else 1.0)
            key = next((n for n in scores if n.endswith(" " + name)), name)
            scores[key] = scores.get(key, 0.0) + weight * 0.5 ** max(0, d)
        j = bisect.bisect_left(self._mention_starts, at)
        for start, _end, name in reversed(mentions[max(0, j - 60) : j]):
            d = here - (bisect.bisect_right(starts, start) - 1)
            if d > _PRONOUN_REACH:
                break
            if not self._in_quote(start) and not self._thing(name):
                scores[name] = scores.get(name, 0.0) + 0.5 ** max(0, d)
        ranked: list[tuple[float, str]] = []
        for name, score in scores.items():
            if name == exclude:
                continue
            known = self._gender_of(name)
            if want is not None and known is not None and known != want:
                continue
            ranked.append((score * (_GENDER_BONUS if known == want else 1.0), name))
        if not ranked:
            return self._protagonist(want, i, j) if want is not None else None
        ranked.sort(reverse=True)
        teller = self._reported_by(ranked[0][1], at, {name for _score, name in ranked})
        if teller is not None:
            return teller  # (not clear: self.clear stays False)
        if len(ranked) > 1 and ranked[1][0] >= _CLOSE_CALL * ranked[0][0]:
            return None
        best = ranked[0][1]
        if " " not in best and best in FIRST_NAMES:
            return None  # "his wife, Jane, said": a given name alone names nobody we know

        self.clear = (
            want is not None
            and best in near
            and self._shown_gender(best) == want
            # (not "Trump" where the article names two Trumps)
            and len(self.names.people_named(best.split()[-1])) <= 1
            and (len(ranked) == 1 or ranked[1][0] < _CLEAR_MARGIN * ranked[0][0])
        )
        return best

    def _reported_by(self, name: str, at: int, near: set[str]) -> str | None:
        """ "Ann Lee said the lease went to one Mr Kay. He said Mr Kay ... '...,'
        he said": ``name`` was brought in only inside another person's reported
        speech and never spoke before ``at``; that person, in reach of the pronoun
        too, is the one still talking. None when nothing shows it."""
        events = self.people.events
        sayers = self.people.sayers
        i = bisect.bisect_left(events, (at, ""))
        if any(pos in sayers for pos, who in events[:i] if who == name):
            return None
        first = next((start for start, _end, who in self.mentions if who == name), None)
        if first is None or first >= at:
            return None
        starts = self._sentence_starts
        lo = starts[bisect.bisect_right(starts, first) - 1]
        tellers = {
            who
            for pos, who in events[bisect.bisect_left(events, (lo, "")) : i]
            if pos < first and pos in sayers and who != name
        }
        if len(tellers) != 1:
            return None
        teller = tellers.pop()
        return teller if teller in near else None

    def _protagonist(self, want: str | None, before: int, mentioned: int) -> str | None:
        """Nobody in reach of "he": the person the article is about, when one person
        is named, or the subject or speaker, at least twice as often as anyone else
        before it (and the pronoun's gender does not rule them out)."""
        counts: dict[str, int] = {}
        for _pos, name in self.people.events[:before]:
            if not self._thing(name):
                counts[name] = counts.get(name, 0) + 1
        for start, _end, name in self.mentions[:mentioned]:
            if not self._in_quote(start) and not self._thing(name):
                counts[name] = counts.get(name, 0) + 1
        if not counts:
            return None
        ranked = sorted(((n, name) for name, n in counts.items()), reverse=True)
        n, name = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        if n < _PROTAGONIST_MIN or n < 2 * runner_up:
            return None
        known = self._gender_of(name) if want is not None else None
        return name if known is None or known == want else None

    def resolve(self, who: Who | None, at: int) -> tuple[str | None, str | None]:
        if who is None:
            return None, None
        if who.kind == "pronoun":
            name = self.salient(who.text, at)
            return name, self.names.roles.get(name) if name else None
        if who.kind == "nominal" and who.text:
            person = self.describes(who.text, at)
            if person is None and who.via == "possessor":
                person = self._kin_of(who.text, at)
            if person is None and who.via == "possessor":
                return None, None  # "Acme's chief executive" nobody is given as
            if person is None:
                person = self._guess(who.text, at)
            if person is None:
                person = self._plain_person(who.text, at)
            if person is not None:
                return person, None
            m = _DESCRIPTION.match(who.text)
            if m is not None and _AGE_WORD.match(m.group("head")):
                return None, None  # "the 56-year-old" nobody fits: no name beats a wrong one
        if who.kind in ("nominal", "org"):
            return who.text, who.role
        # the mention's own title picks between people of one family name; "" is a
        # title word alone ("King said") that names no one in the article
        described: dict[str, set[str]] | None = None
        named = self.names.people_named(who.text) if who.role else set()
        if len(named) > 1 or (named and self._spouses()):
            # their roles read around every mention ("Ann Ross, the president,")
            # tell which person of the family name the title means, or that it
            # means none of them ("President Ross" for "Ann Ross, his wife,")
            described = self._full_name_roles()
        name = self.names.resolve(who.text, at, who.role, described)
        if not name:
            return None, None
        if name == who.text and not who.role and " " not in name:
            picked = self._family_member(name, at)
            if picked is not None:
                return picked, self.names.roles.get(picked)
        if self._kept_apart(who, name):
            # "President Obama" the article never names in full, beside "Michelle
            # Obama": the titled family name, not the wrong full name
            return self._titled_family(who), who.role
        role = who.role or self.names.roles.get(name)
        return name, role

    def _kept_apart(self, who: Who, name: str) -> bool:
        """A titled family name ("Mr Ross") left alone although the article names
        people of that family in full: its title fits none of them, or does not
        tell them apart."""
        return (
            who.kind == "name"
            and bool(who.role)
            and name == who.text
            and " " not in name
            and bool(self.names.people_named(name))
        )

    @staticmethod
    def _titled_family(who: Who) -> str:
        """ "Mr Ross", "President Ross": a short title with the family name."""
        title = (who.role or "").split()
        if not 1 <= len(title) <= 3 or not is_title_word(title[-1]):
            return who.text
        return " ".join([*title, who.text])

    # --- rules over one quote -----------------------------------------------

    def after(self, text: str, q: Span, limit: int) -> Who | None:
        rest = text[q.close : min(limit, q.close + _WINDOW)]
        quoted = text[q.start : q.end].rstrip('”"’ ')
        # a full stop inside the marks, or right after them ('... customers". This, Ms
        # Diemont warns, is "scary"'): the words after belong to the next sentence
        full_stop = quoted.endswith(".") or not q.closed or rest.startswith(".")
        m = _AFTER_ACCORDING.match(rest)
        if m:
            return who_after_verb(rest[m.end() :])
        m = _AFTER_VERB_FIRST.match(rest)
        if m and not full_stop:
            return who_after_verb(rest[m.end() :])
        lead = _LEAD.match(rest)
        start = lead.end() if lead else 0
        end = start + clause_end(rest[start:]) if full_stop else len(rest)
        sentence_end = _SENTENCE_END.search(rest, start)
        if sentence_end:
            end = min(end, sentence_end.start() + 1) if full_stop else sentence_end.start() + 1
        # "Q," NAME, ROLE, said / "Q," he said / "Q," the company said
        for v in _SPEECH_AFTER_QUOTE.finditer(rest, start, min(len(rest), start + 170)):
            if v.start() > end and full_stop:
                break
            subj = rest[start : v.start()]
            if not subj.strip() or "“" in subj or '"' in subj:
                break
            tail = rest[v.end() :]
            if full_stop and not _ONLY_ATTRIBUTION.match(tail):
                return None
            who = who_before_verb(subj)
            if who is None:
                if len(subj.split()) > 3 and "," not in subj:
                    return None
                continue
            if who.kind == "name" and who.role is None:
                role = role_after(subj[subj.find(who.text) + len(who.text) :])
                who = Who("name", who.text, role)
            return who
        read = _DOCUMENT_READ_AFTER.match(rest)
        if read is not None:
            # '"Q," a statement from Ames read.': the author of the document
            who = who_before_verb(read.group("subj"))
            if who is not None and who.kind in ("name", "org"):
                return who
        m = _AFTER_ANY_VERB_FIRST.match(rest)
        if m and not full_stop:
            who = who_after_verb(rest[m.end() :])
            if who is not None and who.kind == "name":
                return who
        return None

    def _own_attribution(self, text: str, q: Span, limit: int) -> bool:
        """'"Q," SOMEONE said': a comma-ended quote followed, in its sentence, by a
        short subject and a speech verb."""
        quoted = text[q.start : q.end].rstrip('”"’ ')
        if not q.closed or quoted.endswith((".", "!", "?")):
            return False
        rest = text[q.close : min(limit, q.close + _WINDOW)]
        return _AFTER_SUBJECT_FIRST.match(rest) is not None

    def signature(self, text: str, q: Span, limit: int) -> Who | None:
        """'"Q," Jo Ames, director of X.' or '"Q." — Jo Ames, director of X': a
        person's name, with or without an apposition, is all the sentence after the
        quote holds; no verb, but the name signs the quote."""
        rest = text[q.close : min(limit, q.close + _WINDOW)]
        end = _SENTENCE_END.search(rest)
        if end is not None:
            rest = rest[: end.start() + 1]
        m = _VERBLESS.match(rest)
        if m is None:
            return None
        quoted = text[q.start : q.close].rstrip('”"’ ')
        lead = m.group("lead")
        app = m.group("app") or ""
        if lead is None and not quoted.endswith(","):
            # '"Q." Jo Ames, director of X.' closing the paragraph (or before the next
            # quote): a signature only when the apposition has no verb-like word at all
            closes = q.close + len(rest) >= min(limit, len(text)) - 1
            if not quoted.endswith((".", "!", "?")) or not closes or _ED_WORD.search(app):
                return None
        if lead == "," and quoted.endswith((".", "!", "?")):
            return None
        if app and (role_after(app) is None or _CLAUSE_VERBS.search(app)):
            return None
        if _SPEECH_AFTER_QUOTE.search(" " + app) or _VERB_IN_SENTENCE.search(" " + app):
            return None
        who = who_before_verb(m.group("run"))
        if who is None or who.kind != "name":
            return None
        full = self.names.resolve(who.text, q.close)
        if len(full.split()) < 2 or self._thing(full):
            return None
        return Who("name", who.text, role_after(app) if app else who.role)

    def before(self, text: str, q: Span, floor: int) -> tuple[Who | None, str]:
        sentence = _sentence_start(text, q.open)
        lo = max(floor, sentence)
        # the quote opens a sentence of its own: a cue in the sentence before names
        # its speaker, but not as a description ("... when a dozen states held
        # contests. "Q"": "states" is no verb there)
        own_sentence = _sentence_start(text, q.open + 1) > lo
        left = text[lo : q.open]
        if not left.strip():
            return None, ""
        m = _INVERTED.match(left)
        if m:
            # "Said Jo Ames, who grew up there, "Q"": the verb first, then the speaker
            who = who_after_verb(left[m.end() :])
            if who is not None and who.kind == "name":
                return who, "before"
        m = _BEFORE_ACCORDING.search(left)
        if m:
            # "According to his aunt, Jane Starner, "Q"": the name in apposition
            named = m.group("named")
            if named:
                who = who_after_verb(named)
                if who is not None and who.kind == "name":
                    return Who("name", who.text, tidy_role(m.group("who"))), "according"
            return who_after_verb(m.group("who")), "according"
        m = _ACCORDING_LEAD.match(left)
        if m and not _SPEECH_IN_SENTENCE.search(left, m.end()) and not _MARK.search(left, m.end()):
            # "According to Jo Ames, shortly before the vote her aide "Q"": reported
            # speech of the according-to source
            who = who_after_verb(m.group("who"))
            if who is not None and who.kind == "name":
                return who, "partial"
        # a transcript line: "Rep. Jo Ames (R-Ohio): "Q""
        m = _SPEAKER_LINE.match(text, floor, q.open) if floor == 0 else None
        m = m or _DASH_SPEAKER.search(left)
        if m:
            who = who_before_verb(m.group("run"))
            if who is not None and who.kind in ("name", "org"):
                return who, "colon"
        m = _NEXT_SPEAKER.match(text, floor, q.open) if floor else None
        if m:
            # 'Ames: "Q1" Bell: "Q2"': a transcript's next speaker after a quote, a
            # person the article names in full
            who = who_before_verb(m.group("run"))
            if who is not None and who.kind == "name":
                full = self.names.resolve(who.text, 0)
                if len(full.split()) >= 2 and not self._thing(full):
                    return who, "colon"
        read = _DOCUMENT_READ_BEFORE.search(left)
        if read is not None:
            # "Ames's statement read: "Q"": the author of the document
            who = who_before_verb(read.group("subj"))
            if who is not None and who.kind in ("name", "org"):
                return who, "colon"
        # "Rubio fired back: "Q"": the subject of the clause before the colon
        if left.rstrip().endswith(":"):
            dash = _DASH.split(left)
            m = _FROM_NAME.search(left) or _POSSESSIVE_SPEECH.search(left)
            if m:  # "- More from Ames: "Q"", "Ames's response was: "Q""
                who = who_before_verb(m.group("run"))
                if who is not None and who.kind == "name":
                    return who, "colon"
            if len(dash) > 1:
                # "Signs of a shift were there - More from the pollsters: "Q"": the
                # words after the dash introduce the quote, the sentence before does not
                who = self._subject(dash[-1])
                return (who, "colon") if who is not None else (None, "")
            g = _WITH_GERUND.search(left)
            if g is not None:
                # "..., with Trump reportedly yelling: "Q"": the gerund's own subject
                who = who_before_verb(g.group("run"))
                if who is not None and who.kind == "name":
                    return who, "colon"
            clause = _CLAUSES.split(left)[-1]
            who = _inner_speaker(clause)
            if who is not None:
                return who, "colon"
            who = self._subject(clause) or self._subject(text[sentence : q.open])
            if who is not None:
                return who, "colon"
            who = self._name_before_colon(left)
            if who is not None:
                return who, "colon"
        clause = _CLAUSES.split(left)[-1]
        cues = list(_SPEECH_IN_SENTENCE.finditer(clause))
        if cues and len(clause[cues[-1].end() :].split()) <= _INNER_OBJECT_WORDS:
            # "Ames said Bell told her "Q"": the inner speaker's words
            inner = _inner_speaker(clause)
            if inner is not None:
                return inner, "before"
        # the speech verb closest to the quote, then earlier ones
        for v in reversed(list(_VERB_IN_SENTENCE.finditer(left))):
            own: re.Match[str] | None = None
            if v.group("verb").endswith("ing"):
                # "... of Clinton telling one agent to "Q1," while telling another
                # to "Q2"": the later gerund has the earlier one's subject
                whole = text[sentence : lo + v.end()]
                for g in _VERB_IN_SENTENCE.finditer(whole):
                    if own is None and g.group("verb").endswith("ing"):
                        own = _GERUND_SUBJECT.search(whole, 0, g.start())
            if own is not None:
                # "an account of Clinton telling one agent to "Q"": the words are
                # the gerund's own subject's, not the sentence subject's (who is
                # only reporting them); "of her telling": nobody named, abstain
                if own.group("name") is None:
                    return None, ""
                who = who_before_verb(own.group("name"))
                if who is None or who.kind != "name":
                    return None, ""
                return who, "saying"
            if v.group("verb").endswith("ing") and _gerund_of_noun(
                left[: v.start()], v.group("verb")
            ):
                return None, ""  # "there is the light insisting, "Q"": the noun's words
            if v.group("verb").endswith("ing"):
                # "..., saying "Q"": the subject of the sentence
                who = self._subject(text[sentence : lo + v.start()])
            else:
                who = who_before_verb(left[: v.start()])
                if who is None and left[: v.start()].rstrip().endswith((" and", " but")):
                    # "Max Lawson welcomed the statement and said ... "Q"": the subject
                    who = self._subject(text[sentence : lo + v.start()])
            if who is None or (own_sentence and who.kind == "nominal"):
                continue
            gap = left[v.end() :].strip()
            if gap.startswith(",") and len(gap.split()) > 3:
                # "As Blumenthal spoke, the NRA was whipping ... "Q"": not his words;
                # "In contrast, Berkman said, there are more voters "Q"": his
                if not self._parenthetical_cue(left, v):
                    continue
                return self._cataphora(left, who), "partial"
            if v.group("verb").endswith("ing"):
                return who, "saying"
            return who, "before" if len(gap.split()) <= 8 else "partial"
        return None, ""

    def _full_name_roles(self) -> dict[str, set[str]]:
        """Each person's role words read around the mentions that give the full name
        only: a bare "President Ross" resolved by recency to the wrong Ross must not
        lend its title to that person."""
        if self._described is None:
            full = [m for m in self.mentions if m[1] - m[0] >= len(m[2])]
            described = Roles.read(self.doc.text, full).words
            for name, words in self._spouses().items():
                described.setdefault(name, set()).update(words)
            self._described = described
        return self._described

    def _spouses(self) -> dict[str, set[str]]:
        """The full names the article gives as somebody's spouse ("Ann Ross, his
        wife,", "first lady Ann Ross"), with the spouse words ("wife", "lady")."""
        if self._spouse_of is None:
            found: dict[str, set[str]] = {}
            text = self.doc.text
            if _SPOUSE_WORD.search(text) is not None:
                first_lady = _FIRST_LADY.search(text) is not None
                for m in self.names.mentions:
                    end = m.start + len(m.name)
                    cue = (
                        _SPOUSE_AFTER.match(text, end)
                        or _SPOUSE_BEFORE.search(text, max(0, m.start - 24), m.start)
                        or _HER_HUSBAND.match(text, end)
                    )
                    if cue is not None:
                        word = cue.group("spouse").lower()
                        # "Kim Ross and her husband": she is the wife
                        found.setdefault(m.name, set()).add(
                            "wife" if cue.re is _HER_HUSBAND else word
                        )
                    elif first_lady and self.names.gender_of(m.name) == "f":
                        # the article speaks of "the first lady": a woman it names
                        # is known as a spouse, not as the office holder
                        found.setdefault(m.name, set()).add("lady")
            self._spouse_of = found
        return self._spouse_of

    @staticmethod
    def _cue_right_before(text: str, q: Span) -> bool:
        """A speech verb ends right before the quote's opening mark ("said, "Q")."""
        return _CUE_BEFORE.search(text, max(0, q.open - 40), q.open) is not None

    @staticmethod
    def _parenthetical_cue(left: str, v: re.Match[str]) -> bool:
        """ "NAME said, CLAUSE "Q"": a speech verb set off by commas that reports the
        clause after it (not a subordinate "As NAME spoke, ..." nor a gerund)."""
        verb = v.group("verb")
        if verb.endswith("ing") or verb in _NOT_REPORTING:
            return False
        first = left.lstrip().split(" ", 1)[0].strip(",").lower()
        if first in _SUBORDINATORS and not _main_clause_cue(left, v):
            return False
        gap = left[v.end() :]
        return _SPEECH_IN_SENTENCE.search(gap) is None and "“" not in gap and '"' not in gap

    def _cataphora(self, left: str, who: Who) -> Who:
        """ "Though Ann Ray cannot say why, she says, ... "Q"": a pronoun subject after
        a subordinate clause whose own subject is a person's name means that person
        (when the name's known gender does not contradict the pronoun)."""
        if who.kind != "pronoun":
            return who
        first, _, rest = left.lstrip().partition(" ")
        if first.lower() not in _SUBORDINATORS:
            return who
        m = _LEAD_RUN.match(rest)
        comma = rest.find(",")
        if m is None or comma < 0 or m.end() > comma:
            return who
        named = who_before_verb(m.group("run"))
        if named is None or named.kind != "name":
            return who
        full = self.names.resolve(named.text, 0)
        if self._thing(full) or self._common_word(named.text):
            return who
        known = self._gender_of(full)
        if known is not None and known != ("f" if who.text.lower() == "she" else "m"):
            return who
        return named

    def _name_before_colon(self, left: str) -> Who | None:
        """ "... doesn't surprise Republican pollster Jo Ames: "Q"": a person's full
        name (two words at least) right before the colon, not the object of a
        preposition ("said of Jo Ames:")."""
        m = _NAME_COLON.search(left)
        if m is None:
            return None
        before = left[: m.start("run")].split()
        if before and before[-1].lower() in _COLON_NOT_SPEAKER:
            return None
        _title, name = split_title(m.group("run"))
        name = strip_function_words(name)
        if len(name.split()) < 2 or not looks_like_person(name) or known_kind(name):
            return None
        who = who_before_verb(m.group("run"))
        return who if who is not None and who.kind == "name" else None

    def _subject(self, sentence: str) -> Who | None:
        """The subject of ``sentence``: the words before its first verb in the past
        tense ("Oxfam senior policy adviser Max Lawson welcomed ..."), else a name or
        pronoun followed by any verb."""
        head = _SUBJECT_HEAD.match(sentence)
        if head:
            who = who_before_verb(head.group("subj"))
            if who is not None and who.kind in ("name", "pronoun"):
                return who
            if who is not None and self._organisation(who):
                return who  # "But the People's Democratic Party disputed it, saying"
        m = _SUBJECT.match(sentence)
        if not m or _CONJOINED.match(sentence, m.end("subj")):
            return None  # "Lindqvist and Brandt replied": two people, neither alone
        after = sentence[m.end("subj") :].split(None, 1)
        if after and role_head(after[0]):
            return None  # "Noted harbour pilot Ida Brandt ...": a modifier, then a role
        return who_before_verb(m.group("subj"))

    @staticmethod
    def _organisation(who: Who) -> bool:
        """An organisation named as a proper name ("People's Democratic Party",
        "NATO"), not a description ("the party")."""
        return who.kind == "org" and who.text[:1].isupper() and not who.text.startswith("The ")

    def intro(self, text: str, q: Span, floor: int) -> Who | None:
        """A quote opening a sentence right after one that introduces a speaker."""
        left = text[floor : q.open].strip()
        if not left or not left.endswith((".", ":")):
            return None
        sentences = [s for s in _SENTENCES.split(left) if s]
        last = sentences[-1] if sentences else ""
        inverted = self._inverted_intro(last)
        if inverted is not None:
            return inverted
        m = _INTRO.search(last)
        if not m:
            return None
        return who_before_verb(last[: m.start()])

    @staticmethod
    def _inverted_intro(sentence: str) -> Who | None:
        """ "With X away, Y will chair it, says Lin. "Q"": a sentence that ends in an
        inverted cue introduces the quote after it; its speaker follows the verb
        (the clause before the comma is what they said, never the speaker)."""
        m = _INVERTED_CUE.search(sentence)
        if m is None:
            return None
        who = who_after_verb(m.group("who"))
        return who if who is not None and who.kind in ("name", "pronoun") else None

    # --- the whole article ---------------------------------------------------

    def run(self) -> list[Quote]:
        found: list[_Quote] = []
        left_open = False
        for i, para in enumerate(self.doc.paragraphs):
            if para.heading:
                left_open = False
                continue
            text = para.text
            spans = find_spans(text, self.single)
            self._quoted += [(para.start + s.open, para.start + s.close) for s in spans]
            self.people.scan(text, para.start, self.runs[i], [(s.open, s.close) for s in spans])
            self._described_subjects(text, para.start, spans)
            quotes = [_Quote(i, s) for s in self._split_swallowed(text, spans)]
            if not spans:
                quotes = self._markless(i, text)
            if quotes and left_open and quotes[0].span.open <= 2:
                quotes[0].continues = True
            for k, _q in enumerate(quotes):
                self._attribute(text, quotes, k, para.start)
            left_open = bool(spans) and not spans[-1].closed
            found += quotes
        self._signed(found)
        self._continuations(found)
        return self._emit(found)

    def _described_subjects(self, text: str, offset: int, spans: list[Span]) -> None:
        """ "The Vermont senator declined ...", "The Wisconsin Republican did give ...":
        a description that opens a sentence as its subject is the person whose role
        fits it (a party or state word: the one person clearly in focus), who then
        counts as that sentence's subject for "he"/"she"."""
        if "he " not in text:  # "The ..." / "the ...": most paragraphs have neither
            return
        for m in _DESCRIPTION_SUBJECT.finditer(text):
            word = m.group("head")
            head = word.lower()
            if word[:1].isupper():
                if word not in DEMONYMS:
                    continue
            elif not role_head(head) or head in _ORG_HEADS:
                continue
            at = m.start("the")
            if any(sp.open <= at < sp.close for sp in spans):
                continue
            phrase = text[at : m.end("head")]
            # the person whose role fits ("the senator"), else the one in focus
            # the person whose role fits ("the senator"); a party or state word is no
            # role to match ("the Wisconsin Republican"): the one person in focus
            if word[:1].isupper():
                name = self._salient(None, offset + at)
            else:
                name = self.describes(phrase, offset + at)
            if name is not None and len(name.split()) >= 2 and not self._thing(name):
                self.people.add(offset + at, name, True)

    def _signed(self, quotes: list[_Quote]) -> None:
        """A paragraph that is only a quote, signed by the next one: "Q" then
        "-Mayor Ida Brandt, writing after the vote." (an epigraph's dash line)."""
        paras = self.doc.paragraphs
        for q in quotes:
            if q.who is not None or q.para + 1 >= len(paras):
                continue
            text = paras[q.para].text
            if text[: q.span.open].strip() or text[q.span.close :].strip(" .,”\"'’"):
                continue
            m = _SIGNATURE.match(paras[q.para + 1].text)
            if m is None:
                continue
            who = who_before_verb(m.group("run"))
            if who is not None and who.kind == "name":
                q.who, q.rule = self._named(who, paras[q.para + 1].start), "signed"

    def _split_swallowed(self, text: str, spans: list[Span]) -> list[Span]:
        """An unclosed quote that swallowed its ``, he said.``: split it there."""
        out: list[Span] = []
        for s in spans:
            m = None if s.closed else _MARKLESS.search(text, s.start, s.end)
            if m is None:
                out.append(s)
                continue
            out.append(Span(s.open, s.start, m.start(), m.start(), True))
            rest = m.end()
            while rest < s.end and text[rest].isspace():
                rest += 1
            if s.end - rest > 0:
                out.append(Span(m.end() - 1, rest, s.end, s.end, False))
        return out

    def _markless(self, i: int, text: str) -> list[_Quote]:
        """First-person speech without marks: ``I think ..., Tsai said. More.``"""
        m = _MARKLESS.search(text)
        if m is None or not _FIRST_PERSON.search(text[: m.start()]):
            return []
        head = text[: m.start()]
        if _SPEECH_IN_SENTENCE.search(" " + head):
            return []
        who = who_before_verb(m.group("subj"))
        out = [_Quote(i, Span(0, 0, m.start(), m.start(), True), who, "markless")]
        rest = m.end()
        if len(text[rest:].split()) >= _MIN_WORDS and _FIRST_PERSON.search(text[rest:]):
            out.append(_Quote(i, Span(rest, rest, len(text), len(text), True), who, "markless"))
        return out

    def _attribute(self, text: str, quotes: list[_Quote], k: int, offset: int) -> None:
        q = quotes[k]
        if q.who is not None:
            q.who = self._named(q.who, offset + q.span.start)
            return
        nxt = quotes[k + 1].span.open if k + 1 < len(quotes) else len(text)
        prev = quotes[k - 1].span.close if k else 0
        who = self.after(text, q.span, nxt)
        rule = "after"
        if (
            who is not None
            and who.kind in ("nominal", "org")
            and self._cue_right_before(text, q.span)
        ):
            # 'he said, "Q," the prosecutor's office said': the office reports his words
            inner, inner_rule = self.before(text, q.span, prev)
            if inner is not None and inner.kind in ("name", "pronoun"):
                who, rule = inner, inner_rule
        if who is None:
            who = self.signature(text, q.span, nxt)
            rule = "signed"
        if who is None:
            who, rule = self.before(text, q.span, prev)
        if who is None and self._own_attribution(text, q.span, nxt):
            # '"Q," lawyers for Bob Smith said': the quote names its own speaker in a
            # way no rule reads; borrowing a neighbour's would be a wrong speaker.
            q.who, q.rule = Who("nominal", "", None), "unread attribution"
            return
        if who is None and not k:
            who, rule = self.intro(text, q.span, prev), "intro"
        if who is not None:
            q.who, q.rule = self._named(who, offset + q.span.start), rule

    def _named(self, who: Who, at: int) -> Who:
        """Resolve now (pronouns need the article order) and record the speaker."""
        if who.kind == "org" and who.via == "of the":
            # "Jones of the Heritage Foundation said": a person where the article
            # names one with that word, else the organisation "X of the Y"
            head = who.text.split(" ", 1)[0]
            full = self.names.resolve(head, at)
            if len(full.split()) >= 2 and looks_like_person(full) and not self._thing(full):
                who = Who("name", full, None)
            else:
                who = Who("org", who.text, None)
        if who.kind == "name" and who.via == "glued":
            known = self._known_suffix(who.text, at)
            if known is None:
                return Who("nominal", "", None)
            who = Who("name", known, None)
        elif who.kind == "name" and self._modifier_glued(who.text, at):
            # "Devastated Brenner said", "Tuesday Brenner": a word no name opens,
            # before a person the article names in full
            known = self._known_suffix(who.text, at)
            if known is not None:
                who = Who("name", known, who.role)
        name, role = self.resolve(who, at)
        if name is None or self._common_word(name) or self._no_name(name):
            return Who("nominal", "", None)
        if who.kind == "nominal" and name != who.text:  # a description of a named person
            self.people.add(at, name, True, None)
            via = "description guess" if self.guessed else "description"
            self.guessed = False
            return Who("name", name, role, via)
        if who.kind in ("name", "pronoun"):
            gender = ("f" if who.text == "she" else "m") if who.kind == "pronoun" else None
            evidence = who.kind == "pronoun" or who.role is not None
            self.people.add(at, name, evidence, gender)
            if who.kind == "pronoun":
                via = "pronoun, clear" if self.clear else "pronoun"
            elif self.guessed:
                via = "family guess"  # which of two people of one family name
                self.guessed = False
            elif self._kept_apart(who, who.text) and name in (who.text, self._titled_family(who)):
                via = "family"  # a titled family name that fits no full name
            elif len(name.split()) == 1:
                via = "single"  # one word the article never gives in full
            elif name == who.text or len(who.text.split()) >= 2:
                via = "name"
            else:
                via = "surname"
            return Who("name", name, role, via)
        return Who(who.kind, name, role, "")

    def _modifier_glued(self, name: str, at: int) -> bool:
        """``name`` ("Devastated Brenner") opens with a plain capitalised word that
        is no known given name, and the article never names anyone so."""
        first, _, rest = name.partition(" ")
        if not rest or first in FIRST_NAMES or len(first) < 3 or not first[1:].islower():
            return False
        full = self.names.resolve(name, at)
        return full not in self.names.people_named(full.split()[-1])

    def _known_suffix(self, run: str, at: int) -> str | None:
        """The end of ``run`` that names a person the article names in full
        ("Mail Jo Doe" -> "Jo Doe", "Guardian Doe" -> "Doe"), else None."""
        words = run.split()
        for n in range(len(words), 0, -1):
            part = " ".join(words[-n:])
            full = self.names.resolve(part, at)
            if len(full.split()) >= 2 and full in self.names.people_named(full.split()[-1]):
                return part
        return None

    def _continuations(self, quotes: list[_Quote]) -> None:
        by_para: dict[int, list[_Quote]] = {}
        for q in quotes:
            by_para.setdefault(q.para, []).append(q)
        for para, group in sorted(by_para.items()):
            # the nearest attributed quote before, else after, in the paragraph
            nearest: list[Who | None] = [None] * len(group)
            source = [0] * len(group)  # the quote the speaker comes from
            later = [False] * len(group)  # the speaker comes from a quote after it
            last: Who | None = None
            at = 0
            for k, q in enumerate(group):
                nearest[k], source[k] = last, at
                if q.who and q.who.text:
                    last, at = q.who, k
            last = None
            for k in range(len(group) - 1, -1, -1):
                if nearest[k] is None and last is not None:
                    nearest[k], later[k], source[k] = last, True, at
                who = group[k].who
                if who and who.text:
                    last, at = who, k
            text = self.doc.paragraphs[para].text
            offset = self.doc.paragraphs[para].start
            for k, q in enumerate(group):
                if q.who is not None:
                    continue
                borrowed = nearest[k]
                if borrowed is not None:
                    src = group[source[k]].span
                    lo, hi = (q.span.close, src.open) if later[k] else (src.close, q.span.open)
                    nxt = group[k + 1].span.open if k + 1 < len(group) else len(text)
                    tail = text[q.span.close : nxt]
                    end = _SENTENCE_END.search(tail)
                    tail_end = q.span.close + (end.start() if end else len(tail))
                    if text[q.span.start : q.span.end].rstrip()[-1:] in (".", "!", "?"):
                        tail_end = q.span.close  # the quote ends its sentence
                    lead = max(lo, _sentence_start(text, q.span.open + 1)) if not later[k] else lo
                    gaps = ((lo, hi), (lead, q.span.open), (q.span.close, tail_end))
                    if self._someone_else(text, offset, gaps, borrowed) or (
                        not later[k] and self._subject_just_before(text, offset, lo, q, borrowed)
                    ):
                        # "..., he'd respond, "Q"" after her quote: not hers
                        q.who, q.rule = Who("nominal", "", None), "someone else between"
                        continue
                    q.who = borrowed
                    q.rule = "same paragraph, later" if later[k] else "same paragraph"
                    continue
                if k == 0 and q.span.open <= 2:
                    q.who, q.rule = self._from_before(para, q, by_para)

    def _someone_else(
        self, text: str, offset: int, gaps: tuple[tuple[int, int], ...], speaker: Who
    ) -> bool:
        """Between a quote and the neighbour it would borrow a speaker from, the text
        says "he"/"she" of the speaker's other gender, or the quote's own sentence
        (``gaps[1:]``: its lead-in and the rest after it) names another person: the
        quote may be theirs. (Other names between the two quotes are common in the
        neighbour's attribution and say nothing.)"""
        if speaker.kind not in ("name", "org"):
            return False
        known = self.people.gender.get(speaker.text) or name_gender(speaker.text)
        mentions = self.mentions
        last = speaker.text.split()[-1]
        for n, (lo, hi) in enumerate(gaps):
            if hi <= lo:
                continue
            verb = _VERB_IN_SENTENCE.search(text, lo, hi) if n == 1 else None
            if verb is not None and len(text[lo : verb.start()].split()) >= 3:
                # "Her father told Ann that "Q"", "..., which the US describes as "Q"":
                # a cue no rule read
                return True
            if known is not None:
                for m in _HE_SHE.finditer(text, lo, hi):
                    if ("f" if m.group(1).lower() == "she" else "m") != known:
                        return True
            i = bisect.bisect_left(self._mention_starts, offset + lo)
            while n and i < len(mentions) and mentions[i][0] < offset + hi:
                start, _end, name = mentions[i]
                i += 1
                if name != speaker.text and last not in name.split() and not self._in_quote(start):
                    return True
        return False

    def _subject_just_before(
        self, text: str, offset: int, lo: int, q: _Quote, speaker: Who
    ) -> bool:
        """ "..." he said. Ann Lee was keen to add. "Q"": the quote opens its own
        sentence and the sentence before it, after the neighbour quote, has another
        person as its subject: the quote is not the neighbour's speaker's."""
        if speaker.kind != "name" or _sentence_start(text, q.span.open + 1) < q.span.open - 1:
            return False
        start = max(lo, _sentence_start(text, max(0, q.span.open - 2)))
        events = self.people.events
        i = bisect.bisect_left(events, (offset + start, ""))
        last = speaker.text.split()[-1]
        while i < len(events) and events[i][0] < offset + q.span.open:
            name = events[i][1]
            i += 1
            if name != speaker.text and last not in name.split():
                return True
        return False

    def _from_before(
        self, para: int, q: _Quote, by_para: dict[int, list[_Quote]]
    ) -> tuple[Who | None, str]:
        earlier = by_para.get(para - 1)
        if earlier and earlier[-1].who and earlier[-1].who.text:
            return earlier[-1].who, "continued" if q.continues else "paragraph before"
        if q.continues or para == 0:
            return None, ""
        prev = self.doc.paragraphs[para - 1]
        if earlier or prev.heading:
            return None, ""
        if prev.text.rstrip().endswith(":"):
            # "Brandt called them on it:" / "X issued the following statement:" then "Q"
            last = _SENTENCES.split(prev.text.rstrip())[-1]
            read = _DOCUMENT_READ_BEFORE.search(last)
            who = (
                (who_before_verb(read.group("subj")) if read is not None else None)
                or self._subject(last)
                or self._subject(_DASH.split(last)[-1])  # "... can be!— Brandt called them on it:"
                or self._name_before_colon(last)
            )
            if who is not None and who.kind != "nominal":
                return self._named(who, prev.start + len(prev.text) - len(last)), "colon"
        m = None
        for m in reversed(list(_INTRO.finditer(prev.text))):
            who = who_before_verb(prev.text[_sentence_start(prev.text, m.start()) : m.start()])
            if who is not None and who.kind != "nominal":
                return self._named(who, prev.start + m.start()), "paragraph before"
        return self._reported_before(para) or self._same_subject_between(para, by_para)

    def _reported_before(self, para: int) -> tuple[Who, str] | None:
        """ "Mr Hale further accused the chiefs of ..." then a paragraph that is only
        a quote: the last sentence before reports one person's talk (a speech or
        opinion verb whose subject is a name, "he"/"she" or a description of a named
        person), and names no one else after its subject: the quote continues them."""
        prev = self.doc.paragraphs[para - 1]
        text = prev.text.rstrip()
        last = _SENTENCES.split(text)[-1]
        lo = len(text) - len(last)
        m = _REPORTED.search(last)
        if m is None or _MARK.search(last):
            return None
        who = who_before_verb(last[: m.start()])
        if who is None or who.kind not in ("name", "pronoun", "nominal"):
            return None
        if who.kind == "nominal" and not who.text.lower().startswith("the "):
            return None
        at = prev.start + lo + m.start()
        named = self._named(who, at)
        if named.kind != "name" or not named.text or self._thing(named.text):
            return None
        if self._names_other(at, prev.start + len(text), named.text):
            return None  # "... accused Ann Bell of ...": the quote may be hers
        return named, "reported before"

    def _same_subject_between(
        self, para: int, by_para: dict[int, list[_Quote]]
    ) -> tuple[Who | None, str]:
        """ "Q1," Ms Reeve said. / She has already sold her field. / "Q2": a short
        paragraph about the speaker ("he"/"she", nobody named) between a quote and
        a cue-less quote paragraph: the speaker goes on."""
        if para < 2:
            return None, ""
        prev = self.doc.paragraphs[para - 1]
        earlier = by_para.get(para - 2)
        if not earlier or prev.heading or self.doc.paragraphs[para - 2].heading:
            return None, ""
        who = earlier[-1].who
        first = prev.text.lstrip()[:4]
        if who is None or who.kind != "name" or not who.text or first not in ("He ", "She "):
            return None, ""
        if _MARK.search(prev.text) or len(_SENTENCES.split(prev.text.strip())) > 2:
            return None, ""
        if self._names_other(prev.start, prev.start + len(prev.text), who.text):
            return None, ""
        known = self._gender_of(who.text)
        if known is not None and known != ("f" if first == "She " else "m"):
            return None, ""
        if _HE_SHE.search(prev.text, 4) and any(
            ("f" if p.group(1).lower() == "she" else "m") != ("f" if first == "She " else "m")
            for p in _HE_SHE.finditer(prev.text)
        ):
            return None, ""  # "She ... he ...": two people
        # the quote is theirs: what "she" says next refers back to it
        self.people.add(self.doc.paragraphs[para].start, who.text, True)
        return who, "reported before"

    def _names_other(self, lo: int, hi: int, name: str) -> bool:
        """Between article offsets ``lo`` and ``hi`` the text names a person other
        than ``name`` (a mention of another full name)."""
        mentions = self.mentions
        last = name.split()[-1]
        i = bisect.bisect_left(self._mention_starts, lo)
        while i < len(mentions) and mentions[i][0] < hi:
            other = mentions[i][2]
            i += 1
            if other != name and last not in other.split():
                return True
        return False

    def _description_roles(self) -> None:
        """ "..., the Lib Dem leader asked": a description as the subject of a speech
        verb names the role of the person the article is talking about there (the
        most salient one); it fills a role the article gives nowhere else."""
        text = self.doc.text
        for m in _DESCRIBED_SUBJECT.finditer(text):
            before = text[max(0, m.start() - 6) : m.start()].rstrip()
            if before and not before.endswith((".", ",", ";", "\n", "but", "But", "and")):
                continue
            desc = m.group("desc")
            head = desc.split()[-1].lower()
            if not role_head(head) or head in _ORG_HEADS or self._in_quote(m.start()):
                continue
            name = self._salient(None, m.start())
            if name is not None and len(name.split()) >= 2:
                self.roles.offer(name, tidy_role(desc), 9)

    def _emit(self, quotes: list[_Quote]) -> list[Quote]:
        out: list[Quote] = []
        if any(q.who is not None and q.who.kind == "name" for q in quotes):
            self._description_roles()
        for q in quotes:
            para = self.doc.paragraphs[q.para]
            body = para.text[q.span.start : q.span.end]
            words = len(body.split())
            speaker = q.who.text if q.who and q.who.text else None
            if speaker is None and (words < _MIN_WORDS or _is_title(body)):
                continue
            whole = _whole_utterance(para.text[q.span.start : q.span.close])
            if words < _MIN_WORDS and not whole:
                continue
            if words <= _TITLE_MAX_WORDS and not whole and _is_title(body):
                continue  # 'enrolled in "Basic & Technical Training"': a name, not words

            self.trace.append((q.rule, q.who.kind if q.who else "", q.who.via if q.who else ""))
            out.append(
                Quote(
                    text=body,
                    speaker=speaker,
                    speaker_role=self._role(q.who) if q.who and speaker else None,
                    speaker_confidence=confidence(q.rule, q.who) if q.who and speaker else 0.0,
                    paragraph=q.para,
                    start=para.start + q.span.start,
                    end=para.start + q.span.end,
                )
            )
        return out

    def _role(self, who: Who) -> str | None:
        """The speaker's role as the article states it anywhere, else the cue's own."""
        role = self.roles.get(who.text) if who.kind == "name" else None
        if role:
            return role
        cue = tidy_role(who.role) if who.role else None
        if cue and any(role_head(w) for w in cue.split()):
            return cue
        return None


#: How often each way of reaching a speaker is right (measured on the tuning parts
#: of the gold set and of PolNeAR train); below CONFIDENT_SPEAKER (0.5) is uncertain.
_RULE_CONFIDENCE: Final = {
    "after": 0.95,
    "before": 0.9,
    "according": 0.9,
    "markless": 0.8,
    "partial": 0.85,
    "saying": 0.5,  # "..., saying "Q"": the sentence subject; a surname stays unsure
    "colon": 0.6,
    "same paragraph": 0.8,
    "same paragraph, later": 0.45,
    "continued": 0.7,
    "paragraph before": 0.5,
    "reported before": 0.45,  # a cue-less paragraph after reported speech: uncertain
    "intro": 0.4,
    "signed": 0.7,
}
_VIA_CONFIDENCE: Final = {
    "name": 1.0,
    "surname": 0.97,
    "single": 0.6,
    "description": 0.6,
    "description guess": 0.45,
    "family guess": 0.45,
    "family": 0.45,  # "Mr Ross" beside "Ann Ross": somebody the article never names
    "pronoun": 0.45,
    "pronoun, clear": 0.8,
    "": 0.75,  # an organisation or a description nobody in the article fits
}


def confidence(rule: str, who: Who) -> float:
    """How sure the attribution is: how the quote met its cue, times how the name
    was reached (a full name in the cue, a surname, a description, a pronoun)."""
    return round(_RULE_CONFIDENCE.get(rule, 0.5) * _VIA_CONFIDENCE.get(who.via, 0.5), 3)


def extract_quotes(doc: Document, shared: SharedMentions | None = None) -> list[Quote]:
    """Direct quotations in article order, each with its speaker when a rule finds one
    (``shared``: the article's entity mentions, when the entity step reads them too)."""
    return _Sieve(doc, shared).run()
