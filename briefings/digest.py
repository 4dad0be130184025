"""What is new since last time, for one saved search: a Markdown digest.

Given the saved search's briefings added since its last digest (*new*) and
the ones it matched before (*earlier*), the digest lists the new briefings and,
in them, the people quoted for the first time, new quotes by people already
quoted, and figures that changed (the same quantity with another number).
Pure functions: the store keeps the last-digest mark, the index finds the
matches (``tui/commands/digest.py`` wires them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from briefings.export import markdown as md
from briefings.models import Briefing, Quote
from briefings.people import is_full_name, name_words, person_key, surname
from briefings.story_view import FigureCheck, reconcile_figures


@dataclass(frozen=True, slots=True)
class DigestQuote:
    briefing: Briefing
    quote: Quote
    person: str


@dataclass(slots=True)
class Digest:
    name: str
    query: str
    since: str | None
    new: list[Briefing] = field(default_factory=list)
    new_people: list[DigestQuote] = field(default_factory=list)
    followed: list[DigestQuote] = field(default_factory=list)
    changed: list[FigureCheck] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.new

    def as_json(self) -> dict:
        def q(d: DigestQuote) -> dict:
            return {"briefing": d.briefing.id, "person": d.person, "text": d.quote.text}

        return {
            "name": self.name,
            "query": self.query,
            "since": self.since,
            "new": [
                {
                    "id": b.id,
                    "title": b.title,
                    "source": b.source,
                    "published": b.published.isoformat() if b.published else None,
                }
                for b in self.new
            ],
            "new_people": [q(d) for d in self.new_people],
            "followed": [q(d) for d in self.followed],
            "changed_figures": [
                {
                    "measures": c.measures,
                    "before": c.first.figure.text,
                    "now": c.second.figure.text,
                    "new_briefing": c.second.briefing.id,
                }
                for c in self.changed
            ],
        }


def speaker_key(b: Briefing, speaker: str) -> tuple[tuple[str, ...], str] | None:
    """(person key, full name) of a quote's speaker through the briefing's entity chain;
    None for a short name the briefing does not tie to one full name."""
    if is_full_name(speaker):
        return person_key(speaker), speaker
    short = tuple(name_words(speaker))
    if not short:
        return None
    found = [
        e
        for e in b.entities
        if e.kind == "person"
        and is_full_name(e.name)
        and (surname(e.name) == short[-1] or short in {tuple(name_words(a)) for a in e.aliases})
    ]
    keys = {person_key(e.name) for e in found}
    if len(keys) != 1:
        return None
    return person_key(found[0].name), found[0].name


def _quoted(briefings: list[Briefing]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for b in briefings:
        for q in b.quotes:
            if q.speaker and not q.speaker_uncertain:
                found = speaker_key(b, q.speaker)
                if found is not None:
                    out.add(found[0])
    return out


def build_digest(
    name: str, query: str, since: str | None, new: list[Briefing], earlier: list[Briefing]
) -> Digest:
    digest = Digest(name, query, since, sorted(new, key=_when))
    followed = _quoted(earlier)
    first_seen: set[tuple[str, ...]] = set()
    for b in digest.new:
        for q in b.quotes:
            if not q.speaker or q.speaker_uncertain:
                continue
            found = speaker_key(b, q.speaker)
            if found is None:
                continue
            key, full = found
            if key in followed:
                digest.followed.append(DigestQuote(b, q, full))
            elif key not in first_seen:
                first_seen.add(key)
                digest.new_people.append(DigestQuote(b, q, full))
    new_ids = {b.id for b in digest.new}
    digest.changed = [
        c
        for c in reconcile_figures(list(earlier) + digest.new)
        if c.verdict == "disagree"
        and c.first.briefing.id not in new_ids
        and c.second.briefing.id in new_ids
    ]
    return digest


def _when(b: Briefing) -> tuple[bool, str, str]:
    return (b.published is None, b.published.isoformat() if b.published else "", b.id)


def readable_moment(stamp: str) -> str:
    """A stored ISO timestamp as a reader says it: local ``2026-12-05 08:58``, or only the
    date for a midnight-UTC day mark (``--since DATE``); text that is no timestamp as is."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC)
    if (utc.hour, utc.minute, utc.second, utc.microsecond) == (0, 0, 0, 0):
        return utc.date().isoformat()
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def digest_markdown(digest: Digest, *, made_at: datetime) -> str:
    title, _ = md.heading(1, f"Digest: {digest.name}")
    since = f" since {md.text(readable_moment(digest.since))}" if digest.since else ""
    blocks = [title, f"Saved search “{md.text(digest.query)}”, made {made_at.date().isoformat()}."]
    if digest.empty:
        blocks.append(f"*Nothing new{since}.*")
        return "\n\n".join(blocks) + "\n"
    blocks.append(md.heading(2, f"New briefings ({len(digest.new)})")[0])
    lines = []
    for b in digest.new:
        meta = ", ".join(
            x
            for x in (md.text(b.source or ""), b.published.isoformat() if b.published else "")
            if x
        )
        lines.append(
            f"- {md.text(b.title) or 'Untitled'}"
            + (f" ({meta})" if meta else "")
            + f" `{b.id[:8]}`"
        )
    blocks.append("\n".join(lines))
    for heading, items in (
        ("New people quoted", digest.new_people),
        ("New quotes by people already followed", digest.followed),
    ):
        blocks.append(md.heading(2, f"{heading} ({len(items)})")[0])
        if not items:
            blocks.append("*None.*")
            continue
        blocks.append(
            "\n".join(
                f"- **{md.text(d.person)}**: “{md.text(d.quote.text)}” "
                f"({md.text(d.briefing.source or 'unknown outlet')}, `{d.briefing.id[:8]}`)"
                for d in items
            )
        )
    blocks.append(md.heading(2, f"Figures that changed ({len(digest.changed)})")[0])
    if digest.changed:
        rows = [
            [
                md.cell(c.measures),
                md.cell(f"{c.first.figure.text} ({c.first.briefing.source or '?'})"),
                md.cell(f"{c.second.figure.text} ({c.second.briefing.source or '?'})"),
            ]
            for c in digest.changed
        ]
        blocks.append(md.table(["What it measures", "Before", "Now"], rows))
    else:
        blocks.append("*None.*")
    return "\n\n".join(blocks) + "\n"
