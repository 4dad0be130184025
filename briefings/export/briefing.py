"""One briefing as Markdown: front matter, then the briefing's sections.

``sections`` renders the body of a briefing for both a single file (sections
as ``##`` headings) and a dossier (sections as bold labels, so that the
dossier's headings stay unique).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from briefings.corroboration import words
from briefings.export import markdown as md
from briefings.models import Briefing, Entity, EntityKind, Figure, Quote, QuoteLink

SUMMARY, QUOTES, FIGURES, ENTITIES, RELATED, SOURCE = (
    "Summary",
    "Key quotes",
    "Key figures",
    "Entities",
    "Related",
    "Source text",
)
_KIND_LABELS: dict[EntityKind, str] = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "other": "Other",
}
#: A figure whose "measures" says nothing new shows this many words either side of
#: it in its sentence instead.
CONTEXT_WORDS = 5
#: Each kind of entity lists at most this many names (the most mentioned), then a count.
MAX_ENTITIES = 12

Label = Callable[[str], str]


def front_matter(
    b: Briefing, *, exported_at: datetime, version: str, tags: Sequence[str] = ()
) -> str:
    """``tags`` are the user's own tags (``brief ingest --tag``, the reader's ``T``); the
    briefing's derived keywords go under ``keywords`` (as tag-like slugs, never as tags)."""
    keywords = [k for k in dict.fromkeys(md.tag(k) for k in b.keywords) if k]
    user_tags = [t for t in dict.fromkeys(md.tag(t) for t in tags) if t]
    return md.front_matter(
        {
            "title": md.plain(b.title) or "Untitled",
            "source": md.plain(b.source) if b.source else None,
            "author": md.plain(b.author) if b.author else None,
            "date_published": b.published,
            "origin": md.plain(b.origin),
            "tags": user_tags,
            "keywords": keywords,
            "speakers": [md.plain(s) for s in b.speakers()],
            "id": b.id,
            "exported_at": timestamp(exported_at),
            "brief_version": version,
        }
    )


def timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def byline(b: Briefing) -> str:
    """``Source · 2024-04-07 · by Author``, escaped; empty when nothing is known."""
    parts = [md.text(b.source) if b.source else ""]
    parts.append(b.published.isoformat() if b.published else "")
    parts.append(f"by {md.text(b.author)}" if b.author else "")
    return " · ".join(p for p in parts if p)


def origin_line(b: Briefing) -> str:
    origin = md.plain(b.origin)
    if origin.startswith(("https://", "http://")) and not any(c in origin for c in "<> "):
        where = f"<{origin}>"  # an autolink: no Markdown is read inside it
    else:
        where = md.text(origin)
    return f"id `{b.id}` · {where}"


def sections(
    b: Briefing,
    label: Label,
    *,
    targets: Mapping[str, str],
    with_source: bool = False,
    source_heading: Label | None = None,
) -> list[str]:
    """The blocks of a briefing after its title: dek, summary, quotes, figures, ...

    ``targets`` maps briefing ids to link destinations (another file or an
    anchor in this one) for related briefings that are part of the same export.
    """
    blocks: list[str] = []
    if b.dek:
        blocks.append(f"*{md.text(b.dek)}*")
    if b.summary:
        blocks += [label(SUMMARY), "\n".join(f"- {md.text(s)}" for s in b.summary)]
    if b.quotes:
        blocks.append(label(QUOTES))
        for q in b.quotes:
            lines = [f"“{md.text(q.text)}”", "", attribution(q)]
            if q.corroborations:
                lines += ["", also_in(q, targets)]
            blocks.append(md.blockquote(lines))
    if b.figures:
        rows = [[md.cell(f.text), md.cell(what_it_measures(f))] for f in b.figures]
        blocks += [label(FIGURES), md.table(["Figure", "What it measures"], rows)]
    if b.entities:
        blocks += [label(ENTITIES), entities(b)]
    if b.related:
        blocks += [label(RELATED), related(b, targets)]
    if with_source and b.body:
        blocks.append(label(SOURCE))
        headings = set(b.headings)
        for i, para in enumerate(b.body):
            if i in headings and source_heading is not None:
                blocks.append(source_heading(para))
            elif i in headings:
                blocks.append(f"**{md.text(para)}**")
            else:
                blocks.append(md.text(para))
    return blocks


def attribution(q: Quote) -> str:
    who = f"**{md.text(q.speaker)}**" if q.speaker else "*unattributed*"
    if q.speaker_uncertain:  # a named speaker the attribution is not sure of
        who += " (uncertain)"
    return f"— {who}, {md.text(q.speaker_role)}" if q.speaker_role else f"— {who}"


def also_in(q: Quote, targets: Mapping[str, str]) -> str:
    """Where else the quote ran (the search layer's links), with the wording changes."""
    by_briefing: dict[str, list[QuoteLink]] = {}
    for link in q.corroborations:
        by_briefing.setdefault(link.id, []).append(link)
    parts = []
    for other, links in by_briefing.items():
        first = links[0]
        title = md.text(first.title) or "Untitled"
        entry = md.link(title, targets[other]) if other in targets else title
        meta = [md.text(first.source) if first.source else ""]
        meta.append(first.published.isoformat() if first.published else "")
        meta.append("" if other in targets else f"`{other[:8]}`")
        if meta := [m for m in meta if m]:
            entry += f" ({', '.join(meta)})"
        changes = list(dict.fromkeys(d for link in links for d in link.differences))
        entry += ": " + (wording(changes) if changes else "word for word")
        parts.append(entry)
    return "*Also in* " + "; ".join(parts)


def wording(changes: list[tuple[str, str]]) -> str:
    """``“have to” → “must”; …`` (here → there), escaped."""
    return "; ".join(f"“{md.text(a) or '…'}” → “{md.text(b) or '…'}”" for a, b in changes)


_QUALIFIER_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


def what_it_measures(f: Figure) -> str:
    """The figure's "measures" when it adds something to the figure itself, else the
    words around the figure in its sentence (plain text; the caller escapes it)."""
    measures = md.plain(f.measures)
    shown = f.measures_shown()
    if shown:  # says more than the figure's own words ("18 months" / "months")
        aside = _QUALIFIER_ASIDE.search(measures)
        if aside and not shown.rstrip().endswith(")"):
            measures = measures[: aside.start()]  # "over £1bn": not "(over)" again
        return measures
    return _context(f) or measures


def _context(f: Figure) -> str:
    """Up to ``CONTEXT_WORDS`` words either side of the figure in its sentence."""
    sentence, figure = md.plain(f.sentence), md.plain(f.text)
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return ""
    spans = [m.span() for m in re.finditer(r"\S+", sentence)]
    before = [s for s in spans if s[1] <= at]
    after = [s for s in spans if s[0] >= at + len(figure)]
    start = before[-CONTEXT_WORDS][0] if len(before) >= CONTEXT_WORDS else 0
    end = after[CONTEXT_WORDS - 1][1] if len(after) >= CONTEXT_WORDS else len(sentence)
    out = sentence[start:end]
    if not set(words(out)) - set(words(figure)):
        return ""  # nothing but the figure
    return ("…" if start else "") + out + ("…" if end < len(sentence) else "")


def entities(b: Briefing) -> str:
    """One line per kind, in the order derived; a long list keeps its most mentioned."""
    by_kind: dict[EntityKind, list[tuple[int, Entity]]] = {}
    for i, e in enumerate(b.entities):
        by_kind.setdefault(e.kind, []).append((i, e))
    lines = []
    for kind, label in _KIND_LABELS.items():
        items = by_kind.get(kind, [])
        if not items:
            continue
        keep = {i for i, e in sorted(items, key=lambda x: (-x[1].mentions, x[0]))[:MAX_ENTITIES]}
        names = ", ".join(md.text(e.name) for i, e in items if i in keep)
        more = len(items) - len(keep)
        lines.append(f"- **{label}:** {names}" + (f" *and {more} more*" if more else ""))
    return "\n".join(lines)


def related(b: Briefing, targets: Mapping[str, str]) -> str:
    lines = []
    for r in b.related:
        title = md.text(r.title) or "Untitled"
        entry = md.link(title, targets[r.id]) if r.id in targets else f"{title} (`{r.id[:8]}`)"
        if r.duplicate:
            entry += " · republished copy"
        if r.reasons:
            entry += " · " + md.text("; ".join(r.reasons))
        lines.append(f"- {entry}")
    return "\n".join(lines)


def briefing_markdown(
    b: Briefing,
    *,
    exported_at: datetime,
    version: str,
    targets: Mapping[str, str] | None = None,
    with_source: bool = False,
    tags: Sequence[str] = (),
) -> str:
    """The whole Markdown file for one briefing (``tags``: the user's tags for it)."""
    title, _ = md.heading(1, b.title)
    blocks = [title]
    if line := byline(b):
        blocks.append(line)
    blocks.append(origin_line(b))
    blocks += sections(
        b,
        lambda name: f"## {name}",
        targets=targets or {},
        with_source=with_source,
        source_heading=lambda para: md.heading(3, para)[0],
    )
    head = front_matter(b, exported_at=exported_at, version=version, tags=tags)
    return head + "\n" + "\n\n".join(blocks) + "\n"
