"""Stories: briefings from different outlets that report the same event.

Two briefings are *linked* when the search layer's own evidence says they tell
the same event: quotes they share (``Quote.corroborations``), their related
score and shared people and organisations (``Briefing.related``), a
republished copy, all within a few days of each other. A story is a connected
group of links, stored in the store's ``story_links`` and ``story_members``.

Updates are incremental: when a briefing arrives (after its related lists and
quote links are computed), only the briefings its related list and its quote
links name are candidates, and only the stories they (and it) are in are
regrouped. The cost depends on the briefing and the size of its stories, never
on the size of the library.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from briefings.library import Library, StoryFacts
from briefings.models import Briefing, Related

#: Dated briefings further apart than this never report the same event.
MAX_DAYS = 3
#: Without a shared quote: the related score and the people and organisations both
#: briefings name that a link needs, and the days they may be apart.
SCORE_ALONE = 0.4
#: Without a shared quote or name: the related score and days apart that still make
#: a link (two outlets' accounts of the same night, say).
SCORE_CLOSE = 0.55
DAYS_CLOSE = 1
DAYS_ALONE = 2
#: ... or, up to DAYS_ALONE apart, this related score.
SCORE_HIGH = 0.6
#: Dated briefings sharing QUOTES_ALONE quotes still need this related score (a
#: round-up that quotes a remark is not an account of it).
SCORE_QUOTES = 0.45
#: With one shared quote: the related score a link needs.
SCORE_ONE_QUOTE = 0.45
#: Shared quotes that are a link on their own (even when a date is missing).
QUOTES_ALONE = 2


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    score: float
    reasons: list[str]

    def row(self) -> tuple[str, str, float, str]:
        a, b = sorted((self.a, self.b))
        return (a, b, round(self.score, 3), json.dumps(self.reasons, ensure_ascii=False))


def _names(entities_json: str) -> dict[str, int]:
    """People and organisations a briefing names (casefolded), with their mentions."""
    try:
        entities = json.loads(entities_json)
    except ValueError:
        return {}
    out: dict[str, int] = {}
    for e in entities if isinstance(entities, list) else []:
        if isinstance(e, dict) and e.get("kind") in ("person", "organisation"):
            name = " ".join(str(e.get("name", "")).casefold().split())
            mentions = e.get("mentions")
            if name:
                out[name] = out.get(name, 0) + (mentions if isinstance(mentions, int) else 1)
    return out


def _in_lead(name: str, facts: StoryFacts) -> bool:
    """Whether the briefing's title or summary names ``name`` (or its last word)."""
    lead = f"{facts.title} {facts.summary}".casefold()
    last = name.split()[-1] if name.split() else name
    return name in lead or (len(last) > 3 and last in lead)


def shared_quotes(b: Briefing, other_id: str) -> int:
    """How many of ``b``'s quotes the other briefing also ran (the stored quote links)."""
    return sum(1 for q in b.quotes if any(c.id == other_id for c in q.corroborations))


def _same_outlet(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.casefold().strip() == b.casefold().strip())


def _everyone_rare(name: str) -> bool:
    return True


def decide(
    b: Briefing,
    mine: StoryFacts,
    other: StoryFacts,
    related: Related | None,
    quotes: int,
    rare: Callable[[str], bool] = _everyone_rare,
) -> Link | None:
    """The link between ``b`` (whose facts are ``mine``) and ``other``, or None.

    ``related``: ``other``'s entry in ``b``'s related list; ``quotes``: how many of
    ``b``'s quotes ``other`` also ran; ``rare``: whether a name is rare enough in the
    library to tell one event from another (Trump is named everywhere in a campaign;
    a judge who criticised him, only in the week she did).
    """
    if _same_outlet(mine.source, other.source):
        return None
    gap: int | None = None
    if mine.published is not None and other.published is not None:
        gap = abs((mine.published - other.published).days)
        if gap > MAX_DAYS:
            return None
    score = related.score if related is not None else 0.0
    here, there = _names(mine.entities_json), _names(other.entities_json)
    names = here.keys() & there.keys()
    reasons: list[str] = []
    if quotes:
        reasons.append("1 shared quote" if quotes == 1 else f"{quotes} shared quotes")
    if names:
        reasons.append(f"{len(names)} shared names")
    if gap is not None:
        reasons.append("same day" if gap == 0 else f"{gap} day{'s' if gap != 1 else ''} apart")
    quoted = quotes >= QUOTES_ALONE and (gap is None or score >= SCORE_QUOTES)
    quoted = quoted or (
        quotes == 1 and gap is not None and score >= SCORE_ONE_QUOTE and bool(names)
    )
    linked = quoted
    if related is not None and related.duplicate:
        linked = True
        reasons.insert(0, "republished copy")
    elif not quoted and gap is not None:
        if (gap <= DAYS_CLOSE and score >= SCORE_CLOSE) or (
            gap <= DAYS_ALONE and score >= SCORE_HIGH
        ):
            linked = True
            reasons.append("very similar")
        elif gap <= DAYS_CLOSE and score >= SCORE_ALONE:
            # A rare name both put in their headline or summary (what the article is
            # about), not one that a round-up mentions in passing.
            distinctive = sorted(
                n for n in names if _in_lead(n, mine) and _in_lead(n, other) and rare(n)
            )
            if distinctive:
                reasons.append("shared rare names: " + ", ".join(distinctive[:3]))
                linked = True
    if not linked:
        return None
    return Link(b.id, other.id, score, reasons)


def candidates_of(b: Briefing) -> list[str]:
    """The briefings ``b``'s related list and quote links name: its only candidates."""
    found: dict[str, None] = {}
    for r in b.related:
        found.setdefault(r.id, None)
    for q in b.quotes:
        for c in q.corroborations:
            found.setdefault(c.id, None)
    found.pop(b.id, None)
    return list(found)


def links_for(
    b: Briefing,
    mine: StoryFacts,
    facts: dict[str, StoryFacts],
    rare: Callable[[str], bool] = _everyone_rare,
) -> list[Link]:
    related = {r.id: r for r in b.related}
    out: list[Link] = []
    for other_id in candidates_of(b):
        other = facts.get(other_id)
        if other is None:
            continue
        link = decide(b, mine, other, related.get(other_id), shared_quotes(b, other_id), rare)
        if link is not None:
            out.append(link)
    return out


def components(ids: set[str], links: list[tuple[str, str]]) -> list[list[str]]:
    """Connected groups of ``ids`` under ``links`` (groups of two or more, sorted)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        groups[root(i)].append(i)
    return sorted((sorted(g) for g in groups.values() if len(g) >= 2), key=lambda g: g[0])


def number_groups(
    groups: list[list[str]], old: dict[str, int]
) -> list[tuple[int | None, list[str]]]:
    """Give each group the story id most of its members had (each id once; the
    bigger group keeps it), or None for a new story."""
    taken: set[int] = set()
    out: list[tuple[int | None, list[str]]] = []
    for group in sorted(groups, key=lambda g: (-len(g), g[0])):
        counts: dict[int, int] = defaultdict(int)
        for m in group:
            if m in old:
                counts[old[m]] += 1
        best = sorted((-n, s) for s, n in counts.items() if s not in taken)
        story_id = best[0][1] if best else None
        if story_id is not None:
            taken.add(story_id)
        out.append((story_id, group))
    return out


class StoryUpdater:
    """Keeps the store's stories up to date as briefings arrive, change or go."""

    def __init__(self, library: Library, rare: Callable[[str], bool] = _everyone_rare) -> None:
        self.library = library
        self.rare = rare

    def update(self, changed_ids: list[str], deleted: list[str]) -> int:
        """Relink ``changed_ids`` (read fresh from the store: their related lists and
        quote links are computed by now) and drop ``deleted``; returns the number of
        links stored."""
        if not changed_ids and not deleted:
            return 0
        briefings = self.library.get_many(changed_ids)
        wanted = {c for b in briefings for c in candidates_of(b)} | {b.id for b in briefings}
        facts = {f.id: f for f in self.library.story_facts(sorted(wanted))}
        links: list[Link] = []
        for b in briefings:
            mine = facts.get(b.id)
            if mine is not None:
                links.extend(links_for(b, mine, facts, self.rare))
        relinked = [b.id for b in briefings] + list(deleted)
        touched = set(relinked) | {x for link in links for x in (link.a, link.b)}
        old = self.library.story_of(sorted(touched))
        members = self.library.story_member_ids(sorted(set(old.values())))
        pool = touched | {m for ms in members.values() for m in ms}
        pool -= set(deleted)
        gone = set(relinked)
        kept = [
            (a, b)
            for a, b, _, _ in self.library.story_links_of(sorted(pool))
            if a not in gone and b not in gone
        ]
        new_pairs = [(link.a, link.b) for link in links]
        groups = components(pool, kept + new_pairs)
        numbered = number_groups(groups, old)
        rows = list({link.row()[:2]: link.row() for link in links}.values())
        self.library.replace_stories(relinked, rows, numbered, sorted(pool | set(deleted)))
        return len(rows)

    def rebuild(self, batch: int = 200) -> int:
        """Every story again, briefings taken in the order they were added."""
        self.library.clear_stories()
        ids = self.library.ids_in_added_order()
        for start in range(0, len(ids), batch):
            self.update(ids[start : start + batch], [])
        return len(ids)


@dataclass(frozen=True, slots=True)
class StoryMember:
    id: str
    title: str
    source: str | None
    published: date | None


@dataclass(slots=True)
class StoryListing:
    id: int
    updated_at: str
    members: list[StoryMember]

    @property
    def outlets(self) -> list[str]:
        return sorted({m.source for m in self.members if m.source})

    @property
    def first(self) -> date | None:
        dated = [m.published for m in self.members if m.published]
        return min(dated) if dated else None

    @property
    def title(self) -> str:
        return self.members[0].title if self.members else ""

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "updated_at": self.updated_at,
            "first": self.first.isoformat() if self.first else None,
            "outlets": self.outlets,
            "members": [
                {
                    "id": m.id,
                    "title": m.title,
                    "source": m.source,
                    "published": m.published.isoformat() if m.published else None,
                }
                for m in self.members
            ],
        }


def list_stories(library: Library, story_id: int | None = None) -> list[StoryListing]:
    """Every story (or one), newest first; members earliest first."""
    stories: dict[int, StoryListing] = {}
    for sid, updated, bid, title, source, published in library.story_rows(story_id):
        listing = stories.setdefault(sid, StoryListing(sid, updated, []))
        listing.members.append(StoryMember(bid, title, source, published))
    return list(stories.values())


def stories_of(library: Library, briefing_id: str) -> int | None:
    return library.story_of([briefing_id]).get(briefing_id)
