"""Person pages: everything the library says one person said, across briefings.

A name is resolved in each briefing through that briefing's own entity chain
(``Entity.name`` with its ``aliases``) and its quotes' speakers: a quote by
"Tsai" belongs to Joe Tsai only where the briefing's entity "Joe Tsai" lists
"Tsai" as an alias and no other person in that briefing shares the surname.
A bare surname is never matched on its own: "Trump" in a briefing whose
people are Donald Trump and Eric Trump belongs to neither. Full names are
compared on their first and last words, so "Donald J. Trump" is Donald Trump.

Pure functions over ``Briefing`` objects: the store and the index find the
candidate briefings (``search.people``), this module decides.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from briefings.models import Briefing, Entity, Figure, Quote

#: Honorifics and titles dropped before names are compared.
_TITLES = frozenset(
    "mr mrs ms miss dr sir dame sen senator rep gov governor president pres gen rev "
    "prof professor judge justice lord lady".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def name_words(name: str) -> list[str]:
    """Casefolded, accent-free words of a name, titles, initials and suffixes dropped."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = [w.strip(".,'’\"") for w in plain.replace("-", " - ").split()]
    words = [w for w in words if w and w != "-"]
    while words and words[0] in _TITLES:
        words = words[1:]
    if len(words) > 2:  # middle initials: "donald j trump"
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return words


def person_key(name: str) -> tuple[str, ...]:
    """What two full names must share to be the same person: first and last word, and
    a generational suffix ("Donald Trump Jr." is not Donald Trump)."""
    words = name_words(name)
    suffix = tuple(w for w in words[-1:] if w in _SUFFIXES)
    words = words[: len(words) - len(suffix)]
    if len(words) >= 2:
        return (words[0], words[-1], *suffix)
    return (*words, *suffix)


def is_full_name(name: str) -> bool:
    return len([w for w in name_words(name) if w not in _SUFFIXES]) >= 2


def surname(name: str) -> str:
    words = [w for w in name_words(name) if w not in _SUFFIXES]
    return words[-1] if words else ""


@dataclass(frozen=True, slots=True)
class PersonQuote:
    """One quote by the person, where it ran and where its evidence is."""

    briefing_id: str
    title: str
    source: str | None
    published: date | None
    index: int
    quote: Quote
    uncertain: bool
    figures: list[Figure] = field(default_factory=list)


@dataclass(slots=True)
class PersonPage:
    name: str
    quotes: list[PersonQuote] = field(default_factory=list)
    briefing_ids: list[str] = field(default_factory=list)
    #: (role, first seen, last seen, outlets), by first appearance
    roles: list[tuple[str, date | None, date | None, list[str]]] = field(default_factory=list)
    #: (name, kind, briefings mentioning both), most frequent first
    mentioned_with: list[tuple[str, str, int]] = field(default_factory=list)
    names_seen: list[str] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({q.source for q in self.quotes if q.source})

    @property
    def figures(self) -> list[tuple[PersonQuote, Figure]]:
        return [(q, f) for q in self.quotes for f in q.figures]

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "names_seen": self.names_seen,
            "briefings": len(self.briefing_ids),
            "outlets": self.outlets,
            "quotes": [
                {
                    "briefing": q.briefing_id,
                    "title": q.title,
                    "source": q.source,
                    "published": q.published.isoformat() if q.published else None,
                    "quote": q.index,
                    "text": q.quote.text,
                    "speaker": q.quote.speaker,
                    "role": q.quote.speaker_role,
                    "uncertain": q.uncertain,
                    "paragraph": q.quote.paragraph,
                    "start": q.quote.start,
                    "end": q.quote.end,
                    "figures": [
                        {"text": f.text, "value": f.value, "unit": f.unit} for f in q.figures
                    ],
                }
                for q in self.quotes
            ],
            "roles": [
                {
                    "role": role,
                    "first": first.isoformat() if first else None,
                    "last": last.isoformat() if last else None,
                    "outlets": outlets,
                }
                for role, first, last, outlets in self.roles
            ],
            "mentioned_with": [
                {"name": n, "kind": k, "briefings": c} for n, k, c in self.mentioned_with
            ],
        }


class AmbiguousName(ValueError):
    """A bare surname that names several people in the library."""

    def __init__(self, name: str, candidates: list[tuple[str, int]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = ", ".join(f"{n} ({c})" for n, c in candidates[:6])
        super().__init__(f"{name!r} could be several people: {listed}; give the full name")


def _people(b: Briefing) -> list[Entity]:
    return [e for e in b.entities if e.kind == "person"]


def person_in(b: Briefing, key: tuple[str, ...]) -> Entity | None:
    """The briefing's person entity whose name (or a full-name alias) is ``key``."""
    for e in _people(b):
        if person_key(e.name) == key:
            return e
        if any(is_full_name(a) and person_key(a) == key for a in e.aliases):
            return e
    return None


def speaker_is(b: Briefing, speaker: str, key: tuple[str, ...], entity: Entity | None) -> bool:
    """Whether ``speaker`` in ``b`` is the person ``key`` (whose entity in ``b`` is
    ``entity``): the same full name, or a short form the entity chain lists as its
    alias and no other person of the briefing could be."""
    if is_full_name(speaker):
        return person_key(speaker) == key
    if entity is None:
        return False
    short = name_words(speaker)
    if not short:
        return False
    own = {tuple(name_words(a)) for a in entity.aliases} | {(surname(entity.name),)}
    if tuple(short) not in own:
        return False
    others = [
        e
        for e in _people(b)
        if e is not entity
        and person_key(e.name) != key
        and (
            surname(e.name) == short[-1]
            or any(tuple(name_words(a)) == tuple(short) for a in e.aliases)
        )
    ]
    return not others


def resolve_name(name: str, briefings: list[Briefing]) -> tuple[str, ...]:
    """The person key ``name`` means in these briefings; a bare surname is accepted only
    when every briefing's entity chain that has it leads to the same full name."""
    if is_full_name(name):
        return person_key(name)
    short = tuple(name_words(name))
    if not short:
        raise AmbiguousName(name, [])
    found: Counter[tuple[str, ...]] = Counter()
    shown: dict[tuple[str, ...], str] = {}
    for b in briefings:
        for e in _people(b):
            if not is_full_name(e.name):
                continue
            if surname(e.name) == short[-1] or any(
                tuple(name_words(a)) == short for a in e.aliases
            ):
                key = person_key(e.name)
                found[key] += 1
                shown.setdefault(key, e.name)
    if len(found) == 1:
        return next(iter(found))
    if not found:
        return short
    raise AmbiguousName(name, [(shown[k], n) for k, n in found.most_common()])


def _figures_in(b: Briefing, q: Quote) -> list[Figure]:
    if q.end <= q.start:
        return []
    return [f for f in b.figures if q.start <= f.start and f.end <= q.end]


def _order(q: PersonQuote) -> tuple[int, date, str, int]:
    return (q.published is None, q.published or date.max, q.briefing_id, q.index)


def person_page(
    name: str, briefings: list[Briefing], *, include_uncertain: bool = True
) -> PersonPage:
    """Every quote by ``name`` in ``briefings``, in date order (undated last), with the
    roles seen over time, who they are mentioned with and the figures in their quotes.
    Raises ``AmbiguousName`` for a bare surname several people share."""
    key = resolve_name(name, briefings)
    page = PersonPage(name=name)
    seen_names: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], str] = {}
    for b in briefings:
        entity = person_in(b, key) if len(key) >= 2 else None
        hits: list[PersonQuote] = []
        for i, q in enumerate(b.quotes):
            if not q.speaker or not speaker_is(b, q.speaker, key, entity):
                continue
            if q.speaker_uncertain and not include_uncertain:
                continue
            seen_names[q.speaker] += 1
            hits.append(
                PersonQuote(
                    b.id, b.title, b.source, b.published, i, q, q.speaker_uncertain,
                    _figures_in(b, q),
                )
            )  # fmt: skip
        if entity is None and not hits:
            continue
        if entity is not None:
            shown_as = entity.name
            if person_key(entity.name) != key:
                shown_as = next((a for a in entity.aliases if person_key(a) == key), entity.name)
            seen_names[shown_as] += 1
        page.briefing_ids.append(b.id)
        page.quotes.extend(hits)
        for e in b.entities:
            if e is entity or e.kind not in ("person", "organisation"):
                continue
            if e.kind == "person" and person_key(e.name) == key:
                continue
            k = (" ".join(name_words(e.name)), e.kind)
            together[k] += 1
            shown.setdefault(k, e.name)
    page.quotes.sort(key=_order)
    page.names_seen = [n for n, _ in seen_names.most_common()]
    if page.names_seen:
        full = [n for n in page.names_seen if is_full_name(n)]
        page.name = full[0] if full else page.names_seen[0]
    page.roles = _roles(page.quotes)
    page.mentioned_with = [
        (shown[k], k[1], n) for k, n in sorted(together.items(), key=lambda kv: (-kv[1], kv[0]))
    ][:15]
    return page


def _roles(quotes: list[PersonQuote]) -> list[tuple[str, date | None, date | None, list[str]]]:
    roles: dict[str, tuple[date | None, date | None, set[str]]] = {}
    for q in quotes:
        role = q.quote.speaker_role
        if not role or q.uncertain:
            continue
        role = " ".join(role.split())
        first, last, outlets = roles.get(role, (None, None, set()))
        if q.published is not None:
            first = q.published if first is None or q.published < first else first
            last = q.published if last is None or q.published > last else last
        if q.source:
            outlets.add(q.source)
        roles[role] = (first, last, outlets)
    return [(r, f, la, sorted(o)) for r, (f, la, o) in roles.items()]
