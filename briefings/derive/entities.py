"""Named entities: people, organisations and places, aliases merged per article.

No model: capitalised spans found sentence by sentence, typed by generic cues.

1. **Spans**: runs of capitalised words (``of``/``for``/``&``/``de`` may join
   them), cut at punctuation, possessives (``Alibaba's``) and ``-based``-style
   suffixes. A sentence's first word counts only when the same word is also
   seen capitalised mid-sentence or is a known place. Months, weekdays,
   nationality adjectives and generic capitalised words are dropped.
2. **Cues** (each adds to a kind's score): titles (``President``, ``Mr``) and
   role words (``analyst X``, ``X, a professor``), speech verbs (``X said``,
   ``according to X``) and quote speakers mark people; organisation words
   (Group, Bank, University, Ministry, Inc, ...), camel-case brands
   (``ByteDance``) and nouns like ``firm``/``giant`` mark organisations; the
   built-in place list, ``X-based`` and prepositions (``in``/``from``) mark
   places.
3. **Aliases**: the same tokens in another order (``Kai-fu Lee`` /
   ``Lee Kai-fu``), a corporate-form suffix (``Alibaba Group Holding`` =
   ``Alibaba``), an acronym defined in brackets, and, for people, a part of
   the full name (``Tsai`` = ``Joe Tsai``; the nearest earlier person wins).
4. **Salience**: mentions, then first appearance.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefings.derive.document import Document
from briefings.derive.gazetteer import (
    DEMONYMS,
    GENERIC,
    GENERIC_ACRONYMS,
    MONTHS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLACES,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS,
)
from briefings.derive.words import STOPWORDS
from briefings.models import Entity, EntityKind, Quote

MAX_ENTITIES = 50
MAX_SPAN_WORDS = 6

_TOKEN = re.compile(r"[\w&][\w&'’.-]*")
_CONNECTORS = frozenset({"of", "for", "&", "de", "van", "von", "der", "da", "del", "bin", "al"})
_MODIFIERS = frozenset({"former", "senior", "vice", "general", "managing", "deputy", "chief"})
#: "invested in X", "a stake in X": the preposition does not make X a place.
_NOT_PLACE_BEFORE_IN = frozenset(
    """invest invested investing investment investments investor investors stake stakes share
    shares holding holdings interest role job jobs work working worked career position""".split()
)
_PLACE_PREPOSITIONS = frozenset(
    {"in", "from", "near", "across", "outside", "throughout", "inside", "around", "visited"}
)
_PLACE_SUFFIX = re.compile(r"^(.+?)-(based|born|headquartered)$", re.I)
_OTHER_SUFFIX = re.compile(
    r"^(.+?)-(backed|owned|led|listed|made|style|era|run|funded|linked|controlled)$", re.I
)
_PLACE_NOUNS = frozenset(
    {"province", "city", "county", "state", "region", "district", "prefecture", "island"}
)
_FUNCTION_WORDS = frozenset(
    """the a an this that these those his her its their our my your and but or so yet if as at
    in on of for to by with from when while after before since although though because however
    meanwhile also then there here it he she they we i you what which who how why where not no
    all some many most both each every such only even just still despite speaking""".split()
)
#: Capitalised words of job titles: a span made only of these names no one.
_ROLE_CAPS = TITLES | {
    "Financial", "Operating", "Technology", "Technical", "Information", "Marketing",
    "Investment", "Officer", "Officers", "Senior", "Former", "Assistant", "Associate",
}
_CAMEL = re.compile(r"[a-z][A-Z]")
_ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|who is|who was|its|his|her)\s+)?([\w-]+(?:\s+[\w-]+){0,3})"
)
_CAP_HEAVY = 0.7


@dataclass(slots=True)
class _Mention:
    words: tuple[str, ...]
    start: int
    cues: Counter[str] = field(default_factory=Counter)

    @property
    def key(self) -> str:
        return " ".join(self.words)


@dataclass(slots=True)
class _Group:
    key: str
    words: tuple[str, ...]
    first: int
    count: int = 0
    cues: Counter[str] = field(default_factory=Counter)
    members: Counter[str] = field(default_factory=Counter)
    root: _Group | None = None

    def find(self) -> _Group:
        g = self
        while g.root is not None:
            g = g.root
        return g


@dataclass(slots=True)
class _Token:
    word: str
    start: int
    end: int
    breaks_after: bool
    cue: str = ""


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def _dotted(word: str) -> str:
    """ "U.S" and "U.S." both read as "U.S." (other words unchanged)."""
    bare = word.rstrip(".")
    return bare + "." if _DOTTED.fullmatch(bare + ".") else bare


def _is_capitalised(word: str) -> bool:
    first = word[:1]
    if first.isupper():
        return any(c.isalpha() for c in word)
    return bool(re.match(r"[a-z]{1,2}[A-Z]", word))  # iPhone, eBay, iFlyTek


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        word = raw
        breaks = False
        cue = ""
        parts = raw.rstrip(".").split("-")
        if len(parts) > 1 and all(_dotted(p) in PLACES for p in parts):
            # "U.S.-China", "China-Japan": each side is a place of its own.
            pos = m.start()
            for part in parts:
                out.append(_Token(_dotted(part), pos, pos + len(part), True))
                pos += len(part) + 1
            continue
        if _DOTTED.fullmatch(raw.rstrip(".") + "."):
            out.append(_Token(_dotted(raw), m.start(), m.end(), False))
            continue
        if word.endswith((".", "'", "’")):
            bare = word.rstrip(".'’")
            if word.endswith(".") and (
                bare in TITLES or re.fullmatch(r"[A-Z]", bare) or bare in ORG_SUFFIXES
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
            out.append(_Token(word, m.start(), m.start() + len(raw), breaks, cue))
    return out


def _runs(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """(first, last+1) token indexes of capitalised runs."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _is_capitalised(tokens[i].word):
            i += 1
            continue
        j = i
        while j + 1 < n and not tokens[j].breaks_after and text[tokens[j].end : tokens[j + 1].start] == " ":
            nxt = tokens[j + 1]
            if _is_capitalised(nxt.word):
                j += 1
                continue
            if (
                nxt.word in _CONNECTORS
                and j + 2 < n
                and not nxt.breaks_after
                and text[nxt.end : tokens[j + 2].start] == " "
                and _is_capitalised(tokens[j + 2].word)
            ):
                j += 2
                continue
            break
        runs.append((i, j + 1))
        i = j + 1
    return runs


def _trim(words: list[str]) -> list[str]:
    while words and (
        words[0] in _CONNECTORS or words[0].lower() in _FUNCTION_WORDS or words[0] in GENERIC_ACRONYMS
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
    while words and words[0] in MONTHS | WEEKDAYS and len(words) > 1:
        words = words[1:]
    return words


def _keep(words: list[str]) -> bool:
    if not words or len(words) > MAX_SPAN_WORDS:
        return False
    phrase = " ".join(words)
    if phrase in GENERIC or phrase in DEMONYMS:
        return False
    if len(words) == 1:
        w = words[0]
        if len(w) < 2 or w.lower() in STOPWORDS or w in MONTHS or w in WEEKDAYS:
            return False
        if w in TITLES or w in GENERIC_ACRONYMS or w.rstrip("s") in DEMONYMS:
            return False
        if not any(c.isalpha() for c in w):
            return False
        if any(c.isdigit() for c in w):
            return False  # model numbers, dates: "H100", "Dec.31"
    if all(w in _ROLE_CAPS for w in words):
        return False
    return not all(w in TITLES or w in DEMONYMS or w in GENERIC for w in words)


class _Collector:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.mentions: list[_Mention] = []
        self.acronyms: dict[str, str] = {}
        lower: set[str] = set()
        mid_caps: set[str] = set()
        self.caps: Counter[str] = Counter()
        for s in doc.sentences:
            toks = _tokens(s.text)
            for k, t in enumerate(toks):
                if t.word[:1].islower():
                    lower.add(t.word)
                else:
                    self.caps[t.word] += 1
                    if k > 0:
                        mid_caps.add(t.word)
        self.lower_words = lower
        self.mid_caps = mid_caps

    def collect(self) -> list[_Mention]:
        for s in self.doc.sentences:
            text = s.text
            toks = _tokens(text)
            for t in toks:
                # "Norways Norges Bank": a possessive that lost its apostrophe.
                w = t.word
                if (
                    len(w) > 4
                    and w.endswith("s")
                    and (self.caps[w[:-1]] > self.caps[w] or w[:-1] in PLACES)
                ):
                    t.word, t.breaks_after = w[:-1], True
            if len(toks) >= 5 and sum(_is_capitalised(t.word) for t in toks) > _CAP_HEAVY * len(toks):
                continue  # a title-case line (headline, caption banner)
            for first, last in _runs(toks, text):
                self._run(text, s.start, toks, first, last)
        return self.mentions

    def _run(self, text: str, offset: int, toks: list[_Token], first: int, last: int) -> None:
        words = [t.word for t in toks[first:last]]
        cues: Counter[str] = Counter()
        initial = text[: toks[first].start].strip(" \"'“‘([-—–") == ""
        if initial and words:
            head = words[0]
            known = head in PLACES or head in self.mid_caps
            fresh = (
                len(words) > 1
                and head.lower() not in STOPWORDS
                and head.lower() not in self.lower_words
                and head not in DEMONYMS
                and not head.lower().endswith(("ing", "ly", "ed"))
            )
            if not (known or fresh):
                words = words[1:]
                first += 1
        # Titles: "US Commerce Secretary Gina Raimondo" -> person "Gina Raimondo".
        title_at = [k for k, w in enumerate(words) if w in TITLES]
        if title_at and not any(w in ORG_WORDS for w in words[title_at[-1] + 1 :]):
            cut = title_at[-1]
            if cut < len(words) - 1:
                prefix = words[:cut]
                if prefix and prefix[0] in PLACES:
                    self._add([prefix[0]], offset + toks[first].start, Counter(place=3))
                words = words[cut + 1 :]
                first += cut + 1
                cues["person"] += 3
            else:
                while words and words[-1] in TITLES:
                    words = words[:-1]
                    last -= 1
        before = [t.word.lower() for t in toks[max(0, first - 2) : first]]
        if (
            len(words) > 1
            and words[-1] in GENERIC_ACRONYMS
            and last < len(toks)
            and toks[last].word[:1].islower()
            and text[toks[last - 1].end : toks[last].start] == " "
        ):
            words = words[:-1]  # "Nvidia AI chips": the acronym is a modifier
            last -= 1
        words = _trim(words)
        if not words:
            return
        if words[0] in DEMONYMS and len(words) > 1 and not any(w in ORG_WORDS for w in words):
            words = _trim(words[1:])
        if not _keep(words):
            return
        tail = text[toks[last - 1].end :]
        after = toks[last].word.lower() if last < len(toks) else ""
        prev = before[-1] if before else ""
        if prev in ROLE_WORDS and prev not in _MODIFIERS:
            cues["person"] += 2
        if prev in ORG_NOUNS:
            cues["org"] += 2
        if prev in _PLACE_PREPOSITIONS and not (
            len(before) > 1 and before[0] in _NOT_PLACE_BEFORE_IN
        ):
            cues["in"] += 1
        if after in SPEECH_VERBS or (prev in SPEECH_VERBS and re.match(r"\s*[,.;]|$", tail)):
            cues["speech"] += 1
        if before == ["according", "to"]:
            cues["speech"] += 1
        if after in _PLACE_NOUNS:
            cues["place"] += 3
        if (m := _APPOSITIVE.match(tail)) is not None:
            phrase = m.group(1).split()
            lowered = [w.lower() for w in phrase if w.lower() not in _MODIFIERS or w.islower()]
            if any(w in ROLE_WORDS for w in lowered[:4]):
                cues["person"] += 2
            elif any(w in ORG_NOUNS for w in phrase[:4]):
                cues["org"] += 2
        if toks[last - 1].cue == "place":
            cues["place"] += 3
        start = offset + toks[first].start if first < len(toks) else offset
        if (m := _ACRONYM_DEF.match(tail)) is not None and len(words) > 1:
            acronym = m.group(1)
            if acronym[0] == words[0][0]:
                self.acronyms[acronym] = " ".join(words)
        self._add(words, start, cues)

    def _add(self, words: list[str], start: int, cues: Counter[str]) -> None:
        phrase = " ".join(words)
        if phrase in PLACES:
            cues["place"] += 3
        if any(w in ORG_WORDS for w in words) and phrase not in PLACES:
            cues["org"] += 3
        if any(
            w[:1].isupper() and _CAMEL.search(w) and not re.match(r"(?:Mc|Mac|O')", w)
            for w in words
        ):
            cues["org"] += 2
        if len(words) == 1 and words[0].isupper() and len(words[0]) >= 3 and phrase not in PLACES:
            cues["org"] += 1
        self.mentions.append(_Mention(tuple(words), start, cues))


def _person_like(words: tuple[str, ...]) -> bool:
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and not w.isupper() and w not in _CONNECTORS for w in words
    )


def _merge(groups: list[_Group], acronyms: dict[str, str]) -> None:
    by_key = {g.key: g for g in groups}
    for short, long in acronyms.items():
        if short in by_key and long in by_key and by_key[short] is not by_key[long]:
            by_key[short].root = by_key[long].find()
    ordered = sorted(groups, key=lambda g: (-len(g.words), g.first))
    seen: list[_Group] = []
    for g in ordered:
        if g.root is not None:
            seen.append(g)
            continue
        target = _alias_of(g, seen)
        if target is not None and target.find() is not g:
            g.root = target.find()
        seen.append(g)


def _alias_of(g: _Group, longer: list[_Group]) -> _Group | None:
    folded = sorted(w.lower() for w in g.words)
    person_parts: list[_Group] = []
    for other in longer:
        if len(other.words) <= len(g.words):
            if sorted(w.lower() for w in other.words) == folded and other.key != g.key:
                return other
            continue
        if sorted(w.lower() for w in other.words) == folded:
            return other
        n = len(g.words)
        if other.words[:n] == g.words and all(w in ORG_SUFFIXES for w in other.words[n:]):
            return other
        if n <= 2 and g.key not in PLACES and _person_like(other.words):
            root = other.find()
            if root.cues["org"] == 0 and root.cues["place"] == 0:
                if any(other.words[k : k + n] == g.words for k in range(len(other.words) - n + 1)):
                    person_parts.append(other)
    if not person_parts:
        return None
    earlier = [p for p in person_parts if p.first <= g.first]
    if earlier:
        return max(earlier, key=lambda p: p.first)
    return min(person_parts, key=lambda p: p.first)


def _kind(cues: Counter[str], words: tuple[str, ...]) -> EntityKind:
    person = cues["person"] + (cues["speech"] if _person_like(words) else 0)
    # "in X" alone is weak evidence: it takes two such mentions to make a place.
    place = cues["place"] + (1 if cues["in"] >= 2 else 0)
    scores = {"organisation": cues["org"], "place": place, "person": person}
    best = max(scores, key=lambda k: (scores[k], k == "organisation"))
    if scores[best] <= 0:
        return "other"
    return best  # type: ignore[return-value]


def extract_entities(doc: Document, quotes: list[Quote]) -> list[Entity]:
    collector = _Collector(doc)
    mentions = collector.collect()
    groups: dict[str, _Group] = {}
    for m in mentions:
        g = groups.get(m.key)
        if g is None:
            g = groups[m.key] = _Group(m.key, m.words, m.start)
        g.count += 1
        g.cues.update(m.cues)
    for q in quotes:
        if q.speaker and q.speaker in groups:
            groups[q.speaker].cues["person"] += 3
        elif q.speaker and _person_like(tuple(q.speaker.split())):
            words = tuple(q.speaker.split())
            groups[q.speaker] = _Group(q.speaker, words, q.start, 0, Counter(person=3))
    _merge(list(groups.values()), collector.acronyms)
    roots: dict[int, list[_Group]] = {}
    for g in groups.values():
        roots.setdefault(id(g.find()), []).append(g)
    for g in groups.values():
        head = groups.get(g.words[0]) if len(g.words) > 1 else None
        if head is not None and head.find() is not g.find():
            head_cues = sum((m.cues for m in roots[id(head.find())]), Counter())
            if _kind(head_cues, head.words) == "organisation":
                g.cues["org"] += 2  # "Alibaba Cloud" after "Alibaba"
    entities: list[tuple[int, int, Entity]] = []
    for members in roots.values():
        cues: Counter[str] = Counter()
        for g in members:
            cues.update(g.cues)
        longest = max(members, key=lambda g: (len(g.words), g.count, -g.first))
        kind = _kind(cues, longest.words)
        if kind == "person":
            name = longest
        else:
            name = max(members, key=lambda g: (g.count, len(g.words), -g.first))
        mentions_total = sum(g.count for g in members) or 1
        first = min(g.first for g in members)
        aliases = [g.key for g in sorted(members, key=lambda g: g.first) if g is not name]
        if kind == "organisation":
            words = list(name.words)
            while len(words) > 1 and words[-1] in ORG_SUFFIXES:
                words.pop()
            short = " ".join(words)
            if short != name.key and short not in aliases and _keep(words):
                aliases.append(short)  # "SoftBank Group" is also "SoftBank"
        # Salience: mentions, with a typed entity ahead of an untyped one.
        salience = mentions_total + (0 if kind == "other" else 1)
        entity = Entity(name=name.key, kind=kind, aliases=aliases, mentions=mentions_total)
        entities.append((salience, first, entity))
    entities.sort(key=lambda e: (-e[0], e[1]))
    return [e for _, _, e in entities[:MAX_ENTITIES]]
