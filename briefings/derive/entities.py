"""Named entities: people, organisations, places and other names, with alias chains per article.

No model: capitalised spans found sentence by sentence, typed by generic cues.

1. **Spans** (``mentions``): runs of capitalised words that ``of``/``for``/``&``/
   ``de`` may join, and ``and`` only inside an organisation's name ("Securities
   and Exchange Commission", "Department of Trade and Industry"); cut at
   punctuation, possessives and ``-based``-style suffixes. A sentence's first
   word counts only when it is also seen capitalised mid-sentence or is a known
   place; sentence-opening adverbs ("Later", "Meanwhile") never do. Titles are
   cut off ("Under-Secretary X", "Secretary of State X"); months, weekdays,
   nationality words, party-state tags ("R-Ky.") and generic words are dropped.
   A trailing "s" is read as a lost apostrophe ("Norways Norges Bank") only on a
   word that opens a name, never on a first name ("Johns Hopkins") or inside a
   name ("Serena Williams", "United States").
2. **Cues** (each adds to a kind's score): titles, role words, first names and
   speech verbs mark people; organisation words (Group, Bank, University,
   Ministry, Commission, ...), well-known organisations, camel-case brands,
   nouns like ``firm``/``magazine`` and "the X said" mark organisations; the
   place lists, ``X-based``, "X, Texas" and "in X" mark places; head words of
   laws, events and prizes ("Energy Act", "Davis Cup") and "the X programme"
   mark other names. An untyped name listed beside typed ones ("Chelsea, Real
   Madrid and ...") takes their kind; an untyped one-word name the article also
   writes in lower case is not listed.
3. **Aliases**: the same tokens in another order (``Kai-fu Lee`` /
   ``Lee Kai-fu``), a corporate-form suffix (``Alibaba Group Holding`` =
   ``Alibaba``), an acronym defined in brackets or matching a longer name's
   initials (``SEC``, ``U.N.``), the same name in other case (``Nato``/``NATO``),
   and for people a part of the full name (``Tsai`` = ``Joe Tsai``) when only
   one person in the article has it: a family name shared by two people
   ("Hillary Clinton", "Chelsea Clinton") stays on its own. A family name
   with a personal title ("Ms Narker") joins its full name whatever kind the
   full name's own cues gave; a middle initial matches the middle name
   ("John M Ford" = "John Milo Ford"); post-nominal letters ("QC", "Jr") are
   no part of a name. A quote's speaker given as a part of a name is shown as
   the person's fullest name (``speakers_from_entities``).
4. **Gender** (people): titles (Mr, Mrs), first names and "X said he/she".
5. **Salience**: mentions, then first appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefings.derive.document import Document
from briefings.derive.gazetteer import FIRST_NAMES, ORG_SUFFIXES, PLACES
from briefings.derive.mentions import CONNECTORS as _CONNECTORS
from briefings.derive.mentions import (
    Cues,
    Mention,
    MentionCollector,
    is_title,
    keep_words,
    person_like,
    shape_cues,
)
from briefings.derive.names import FAMILY_TITLES, is_leading_role, is_title_word
from briefings.derive.words import STOPWORDS
from briefings.models import Entity, EntityKind, Gender, Quote

MAX_ENTITIES: Final = 60


@dataclass(slots=True)
class _Group:
    key: str
    words: tuple[str, ...]
    first: int
    count: int
    cues: Cues
    root: _Group | None = None

    def find(self) -> _Group:
        g = self
        while g.root is not None:
            g = g.root
        return g


def _bare(words: tuple[str, ...]) -> frozenset[str]:
    """A name's words without titles ("Archbishop Tutu" -> {"Tutu"})."""
    return frozenset(w for w in words if not is_title(w))


class _AliasIndex:
    """The groups seen so far, indexed by the ways a shorter name can refer to them."""

    def __init__(self) -> None:
        self.by_tokens: dict[tuple[str, ...], _Group] = {}
        self.by_stem: dict[tuple[str, ...], _Group] = {}
        self.by_part: dict[tuple[str, ...], list[_Group]] = {}
        #: people's names of three words or more by (first word, last word)
        self.by_ends: dict[tuple[str, str], list[_Group]] = {}

    def add(self, g: _Group) -> None:
        self.by_tokens.setdefault(tuple(sorted(w.lower() for w in g.words)), g)
        words, k = g.words, len(g.words)
        while k > 1 and words[k - 1] in ORG_SUFFIXES and words[k - 2] not in _CONNECTORS:
            k -= 1
            self.by_stem.setdefault(words[:k], g)  # "Alibaba Group Holding" -> "Alibaba"
        if person_like(words):
            if len(words) >= 3:
                self.by_ends.setdefault((words[0], words[-1]), []).append(g)
            for size in (1, 2):
                for i in range(len(words) - size + 1):
                    self.by_part.setdefault(words[i : i + size], []).append(g)

    def alias_of(self, g: _Group) -> tuple[_Group | None, bool]:
        """The group ``g`` is another name of, and whether ``g`` is a part of
        the names of two or more people (a shared family name: no merge)."""
        same = self.by_tokens.get(tuple(sorted(w.lower() for w in g.words)))
        if same is not None and same.key != g.key:
            return same, False  # "Kai-fu Lee" / "Lee Kai-fu"
        stem = self.by_stem.get(g.words)
        if stem is not None:
            return stem, False
        if len(g.words) >= 3:
            for other in self.by_ends.get((g.words[0], g.words[-1]), []):
                if other is not g and same_with_initials(other.words, g.words):
                    return other, False  # "John M Ford" / "John Milo Ford"
        if len(g.words) > 2 or g.key in PLACES:
            return None, False
        # "Ms Narker" (a personal title: a person's family name) is the "Rushiyah
        # Narker" the cues around her full name may have typed a place
        titled = g.cues.person >= 3 and (g.cues.male > 0 or g.cues.female > 0)
        parts = [
            p
            for p in self.by_part.get(g.words, [])
            if len(p.words) > len(g.words)
            and (titled or _kind(p.find().cues, p.find().words) in ("person", "other"))
        ]
        if not parts:
            return None, False
        people = {id(p.find()): p for p in parts}
        if len(people) > 1:
            # Two forms of one person's name ("Desmond Tutu", "Archbishop Tutu")
            # are one person; "Clinton" beside "Hillary Clinton" and "Chelsea
            # Clinton" is either, and merging would credit one with the other's words.
            fullest = max(people.values(), key=lambda p: (len(_bare(p.words)), -p.first))
            whole = _bare(fullest.words)
            if all(_bare(p.words) <= whole for p in people.values()):
                return fullest, False
            return None, True
        return parts[0], False


def same_with_initials(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """Two forms of one name, word for word, where a middle word may be its
    initial in the other ("John M Ford", "John Milo Ford")."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        short, long = (x, y) if len(x) < len(y) else (y, x)
        if len(short) != 1 or not long.startswith(short):
            return False
    return True


def _merge(groups: list[_Group], acronyms: dict[str, str], lower: set[str] | None = None) -> None:
    by_key = {g.key: g for g in groups}
    for short, long in acronyms.items():
        if short in by_key and long in by_key and by_key[short] is not by_key[long]:
            by_key[short].root = by_key[long].find()
    _merge_acronyms(groups)
    index = _AliasIndex()
    for g in sorted(groups, key=lambda g: (-len(g.words), g.first)):
        if g.root is None:
            target, shared = index.alias_of(g)
            if shared:
                g.cues.person += 1  # a family name of several people is still a person's
            if target is not None and target.find() is not g:
                g.root = target.find()
                part, full = g.words, target.words
                if (
                    len(part) < len(full)
                    and person_like(full)
                    and (full[-len(part) :] == part or full[-1].lower() not in (lower or ()))
                ):
                    # A family name used alone is itself a sign of a person; a
                    # first word alone is not when the last is a common noun
                    # the article also writes in lower case ("Acme Widget").
                    g.cues.person += 1
        index.add(g)


_INITIAL_DOT: Final = re.compile(r"\b([A-Z])\.(?=\s)")


def undotted(name: str) -> str:
    """A name as the entity spans write it: initials without their full stops."""
    return _INITIAL_DOT.sub(r"\1", name) if "." in name else name


_INITIALS_SKIP: Final = frozenset({"of", "for", "and", "the", "&", "de", "on", "in"})


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in _INITIALS_SKIP).upper()


def _merge_acronyms(groups: list[_Group]) -> None:
    """An acronym used alone ("SEC", "U.N.") is the one longer name in the
    article with those initials ("Securities and Exchange Commission")."""
    by_initials: dict[str, list[_Group]] = {}
    for g in groups:
        if len(g.words) > 1 and not person_like(g.words):
            by_initials.setdefault(_initials(g.words), []).append(g)
    for g in groups:
        if len(g.words) != 1 or g.root is not None:
            continue
        letters = g.key.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        longs = {id(x.find()): x.find() for x in by_initials.get(letters, [])}
        if len(longs) == 1:
            target = next(iter(longs.values()))
            if target is not g:
                g.root = target


@dataclass(slots=True)
class _Chain:
    members: list[_Group]
    cues: Cues
    kind: EntityKind


def _gender(cues: Cues) -> Gender:
    if cues.male > cues.female:
        return "male"
    if cues.female > cues.male:
        return "female"
    return ""


def _kind(cues: Cues, words: tuple[str, ...]) -> EntityKind:
    person = cues.person + (cues.speech if person_like(words) else 0)
    # "in X" is weak evidence of a place: once it decides only when nothing else does.
    place = cues.place + (1 if cues.preposition >= 2 else 0)
    org = cues.org
    if not (person or place or org or cues.other):
        if cues.preposition and not (
            (len(words) == 1 and words[0] in FIRST_NAMES) or person_like(words)
        ):
            return "place"  # not a name that reads as a person's ("a pass from Ronan O'Gara")
        if cues.article:
            return "organisation"  # "the Pentagon said": people take no article
    if cues.other > max(org, place, person):
        return "other"
    # The highest score wins; on a tie organisation, then place, then person.
    if org >= place and org >= person:
        return "organisation" if org > 0 else "other"
    if place >= person:
        return "place" if place > 0 else "other"
    return "person" if person > 0 else "other"


class SharedMentions:
    """One article's collected mentions, read once and shared by the quote rules
    (``entity_layer``, which may need them first) and the entity step
    (``extract_entities``, which takes them and lets them go). ``derive`` makes one
    per article and hands it to both steps; nothing is kept between articles."""

    def __init__(self) -> None:
        self.last: tuple[Document, MentionCollector, list[Mention]] | None = None

    def read(self, doc: Document) -> tuple[MentionCollector, list[Mention]]:
        last = self.last
        if last is not None and last[0] is doc:
            return last[1], last[2]
        collector = MentionCollector(doc)
        mentions = collector.collect()
        self.last = (doc, collector, mentions)
        return collector, mentions

    def take(self, doc: Document) -> tuple[MentionCollector, list[Mention]]:
        """``read``, then forget the article (the entity step is the last reader)."""
        found = self.read(doc)
        self.last = None
        return found


def _chains(
    doc: Document, quotes: list[Quote] | None, shared: SharedMentions | None = None
) -> tuple[list[_Chain], MentionCollector]:
    """The article's alias chains, each with its cues and kind (``quotes``: their
    speakers count as people; None: the layer the quote rules read before any
    quote has a speaker, which keeps the mentions for the entity step)."""
    if shared is None:
        collector = MentionCollector(doc)
        mentions = collector.collect()
    else:
        collector, mentions = shared.take(doc) if quotes is not None else shared.read(doc)
    groups: dict[str, _Group] = {}
    for m in mentions:
        g = groups.get(m.key)
        if g is None:
            g = groups[m.key] = _Group(m.key, m.words, m.start, 0, shape_cues(m.words))
        g.count += 1
        g.cues.add(m.cues)
    speakers: set[str] = set()
    for q in quotes or ():
        if not q.speaker or q.speaker in speakers:
            continue  # once per speaker: an organisation may be quoted many times
        speakers.add(q.speaker)
        key = undotted(q.speaker)  # "Patrick W. Carlineo" is the span "Patrick W Carlineo"
        if key in groups:
            groups[key].cues.person += 3
        elif (
            key
            and person_like(tuple(key.split()))
            and key.split()[0].lower() not in STOPWORDS  # "The Tories"
        ):
            words = tuple(key.split())
            cues = shape_cues(words)
            cues.person += 3
            groups[key] = _Group(key, words, q.start, 0, cues)
    _merge(list(groups.values()), collector.acronyms, collector.lower_words)
    roots: dict[int, list[_Group]] = {}
    for g in groups.values():
        roots.setdefault(id(g.find()), []).append(g)
    for g in groups.values():
        head = groups.get(g.words[0]) if len(g.words) > 1 else None
        if head is not None and head.find() is not g.find():
            head_cues = Cues()
            for member in roots[id(head.find())]:
                head_cues.add(member.cues)
            if _kind(head_cues, head.words) == "organisation":
                g.cues.org += 2  # "Alibaba Cloud" after "Alibaba"
    # Kinds from each chain's own cues, then, for a name with no evidence, from
    # the names listed beside it ("Chelsea, Real Madrid and Manchester United").
    chains: list[tuple[list[_Group], Cues, EntityKind]] = []
    kind_of: dict[int, EntityKind] = {}
    for members in roots.values():
        cues = Cues()
        for g in members:
            cues.add(g.cues)
        longest = max(members, key=lambda g: (len(g.words), g.count, -g.first))
        kind = _kind(cues, longest.words)
        kind_of[id(members[0].find())] = kind
        chains.append((members, cues, kind))
    neighbours: dict[int, list[int]] = {}
    for a, b in collector.coordinated:
        ga, gb = groups.get(a), groups.get(b)
        if ga is not None and gb is not None:
            ra, rb = id(ga.find()), id(gb.find())
            if ra != rb:
                neighbours.setdefault(ra, []).append(rb)
                neighbours.setdefault(rb, []).append(ra)
    out: list[_Chain] = []
    for members, cues, kind in chains:
        if kind == "other" and not cues.other:
            if all(len(g.words) == 1 and g.key.lower() in collector.lower_words for g in members):
                continue  # "Media", "Refugees": a common word, no sign of a name
            votes = [kind_of[r] for r in neighbours.get(id(members[0].find()), [])]
            typed = [k for k in votes if k != "other"]
            if typed and all(k == typed[0] for k in typed):
                kind = typed[0]
            elif all(len(g.words) == 1 and g.key in FIRST_NAMES for g in members):
                kind = "person"  # a first name alone ("Jeb")
        out.append(_Chain(members, cues, kind))
    return out, collector


def extract_entities(
    doc: Document, quotes: list[Quote], shared: SharedMentions | None = None
) -> list[Entity]:
    chains, _collector = _chains(doc, quotes, shared)
    # "Donald J. Trump" as the quote layer writes a speaker, where the spans read
    # "Donald J Trump": the person is named as the speaker is
    written: dict[str, str] = {}
    for q in quotes:
        if q.speaker and "." in q.speaker:
            written.setdefault(undotted(q.speaker), q.speaker)
    entities: list[tuple[int, int, tuple[str, EntityKind, list[str], int, Gender]]] = []
    for chain in chains:
        members, cues, kind = chain.members, chain.cues, chain.kind
        if kind == "person":
            # The fullest form that reads as a name ("Dick Durbin", not
            # "Minority Whip Dick Durbin" where a title stayed in a span).
            names = [g for g in members if person_like(g.words)] or members
            name = max(
                names,
                key=lambda g: (
                    not any(is_title(w) for w in g.words),
                    len(g.words),
                    len(g.key),  # "John Milo Ford" before "John M Ford"
                    g.count,
                    -g.first,
                ),
            )
        else:
            # The most used form, but an expanded name before its acronym.
            name = max(
                members, key=lambda g: (not g.key.isupper(), g.count, len(g.words), -g.first)
            )
        mentions_total = sum(g.count for g in members) or 1
        first = min(g.first for g in members)
        aliases = [g.key for g in sorted(members, key=lambda g: g.first) if g is not name]
        if kind == "organisation":
            bare = list(name.words)
            while len(bare) > 2 and bare[-1] in ORG_SUFFIXES and bare[-2] not in _CONNECTORS:
                bare.pop()
            if len(bare) == 2 and bare[-1] in ORG_SUFFIXES:
                bare.pop()
            short = " ".join(bare)
            if short != name.key and short not in aliases and keep_words(bare):
                aliases.append(short)  # "SoftBank Group" is also "SoftBank"
        # Salience: mentions, with a typed entity ahead of an untyped one.
        salience = mentions_total + (0 if kind == "other" else 1)
        gender = _gender(cues) if kind == "person" else ""
        shown = name.key
        if kind == "person" and written.get(name.key, name.key) != name.key:
            shown = written[name.key]
            aliases.append(name.key)
        entities.append((salience, first, (shown, kind, aliases, mentions_total, gender)))
    entities.sort(key=lambda e: (-e[0], e[1]))
    return [
        Entity(name=name, kind=kind, aliases=aliases, mentions=mentions, gender=gender)
        for _, _, (name, kind, aliases, mentions, gender) in entities[:MAX_ENTITIES]
    ]


@dataclass(slots=True)
class EntityLayer:
    """The article's entity chains as the quote rules ask about them: each name
    form (a mention's words, an alias) -> its chain's kind, gender and name."""

    kinds: dict[str, EntityKind]
    genders: dict[str, Gender]
    names: dict[str, str]
    #: name forms of chains that are no person: an organisation or a place with
    #: no sign of a person at all (no title, given name, gender), or an event,
    #: a law, a work
    things: set[str]

    def kind(self, name: str) -> EntityKind | None:
        return self.kinds.get(name)

    def gender(self, name: str) -> Gender:
        return self.genders.get(name, "")

    def not_person(self, name: str) -> bool:
        """The chain ``name`` belongs to is an organisation, a place or a thing
        (an event, a law, a work): no "he"/"she" or "the senator" refers to it.
        A name the layer has no evidence for ("other") may still be a person."""
        return name in self.things


def entity_layer(doc: Document, shared: SharedMentions | None = None) -> EntityLayer:
    """The entity chains of ``doc`` before any quote is read (kinds from the
    article's own cues), for the quote rules to resolve speakers against."""
    chains, _collector = _chains(doc, None, shared)
    kinds: dict[str, EntityKind] = {}
    genders: dict[str, Gender] = {}
    names: dict[str, str] = {}
    things: set[str] = set()
    for chain in chains:
        longest = max(chain.members, key=lambda g: (len(g.words), g.count, -g.first))
        cues = chain.cues
        # only a one-sided gender: "X said he" beside a woman's name is noise
        one_sided = min(cues.male, cues.female) == 0 and max(cues.male, cues.female) >= 2
        gender = _gender(cues) if one_sided and chain.kind != "organisation" else ""
        personal = cues.person or cues.male or cues.female
        thing = (chain.kind == "other" and cues.other > 0) or (
            chain.kind in ("organisation", "place") and not personal
        )
        for g in chain.members:
            kinds[g.key] = chain.kind
            names[g.key] = longest.key
            if gender:
                genders[g.key] = gender
            if thing:
                things.add(g.key)
    return EntityLayer(kinds, genders, names, things)


def speakers_from_entities(quotes: list[Quote], entities: list[Entity]) -> list[Quote]:
    """Each quote's speaker as the entity layer names it: a part of a name the
    quote rules could only give alone ("Okafor", "Ada", "Ada Okafor" for "Ada B
    Okafor") becomes the fullest name of the one person chain it belongs to,
    when that name reads as a person's (no title left in a span) and holds
    every word of the speaker. An alias of two chains stays as it is."""
    by_alias: dict[str, str] = {}
    shared: set[str] = set()
    for entity in entities:
        if entity.kind != "person":
            continue
        for key in entity.aliases:
            if by_alias.setdefault(key, entity.name) != entity.name:
                shared.add(key)
    out: list[Quote] = []
    for q in quotes:
        key = undotted(q.speaker) if q.speaker else ""
        name = by_alias.get(key) if key and key not in shared else None
        if name is not None and _fuller(name, key):
            q = q.model_copy(update={"speaker": name})
        out.append(q)
    return out


def _fuller(name: str, speaker: str) -> bool:
    """``name`` is a fuller form of the person ``speaker`` names: a person's name
    (two words or more, no title in it) that holds every word of ``speaker``.
    Either both open with the same given name ("Ada" or "Ada Okafor" -> "Ada B
    Okafor"), or ``speaker`` is the family name and the full name opens with a
    given name, not a role word left in the span ("Rival Ada Okafor")."""
    full = name.split()
    part = speaker.split()
    if len(full) < len(part) or is_title(full[0]) or is_title_word(full[0]):
        return False  # "Pastor Ivo Brandt": a title left in the span
    if any(is_title(w) and w.lower() not in FAMILY_TITLES for w in full[1:]):
        return False  # ("Marla King": a family name that is a title word is a name)
    if not person_like(tuple(full)):
        return False
    if len(part) == len(full) or not set(part) <= set(full):
        return same_with_initials(full, part) and full != part
    if part[0] == full[0]:
        return len(part) == 1 or part[-1] == full[-1]
    given = full[0] in FIRST_NAMES or (full[0][1:].islower() and not is_leading_role(full[0]))
    return len(part) == 1 and part[0] == full[-1] and given
