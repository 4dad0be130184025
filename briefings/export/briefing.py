"""One briefing as Markdown: front matter, then the briefing's sections.

``sections`` renders the body of a briefing for both a single file (sections
as ``##`` headings) and a dossier (sections as bold labels, so that the
dossier's headings stay unique).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from briefings.export import markdown as md
from briefings.models import Briefing, EntityKind, Figure, Quote

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
#: A figure without a "measures" shows its sentence, cut to this many characters.
MAX_CONTEXT = 200

Label = Callable[[str], str]


def front_matter(b: Briefing, *, exported_at: datetime, version: str) -> str:
    tags = [t for t in dict.fromkeys(md.tag(k) for k in b.keywords) if t]
    return md.front_matter(
        {
            "title": md.plain(b.title) or "Untitled",
            "source": md.plain(b.source) if b.source else None,
            "author": md.plain(b.author) if b.author else None,
            "date_published": b.published,
            "origin": md.plain(b.origin),
            "tags": tags,
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
            blocks.append(md.blockquote([f"“{md.text(q.text)}”", "", attribution(q)]))
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
    return f"— {who}, {md.text(q.speaker_role)}" if q.speaker_role else f"— {who}"


def what_it_measures(f: Figure) -> str:
    if measures := md.plain(f.measures):
        return measures
    sentence = md.plain(f.sentence)
    return sentence if len(sentence) <= MAX_CONTEXT else sentence[: MAX_CONTEXT - 1] + "…"


def entities(b: Briefing) -> str:
    by_kind: dict[EntityKind, list[str]] = {}
    for e in b.entities:
        by_kind.setdefault(e.kind, []).append(md.text(e.name))
    return "\n".join(
        f"- **{_KIND_LABELS[kind]}:** {', '.join(by_kind[kind])}"
        for kind in _KIND_LABELS
        if kind in by_kind
    )


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
) -> str:
    """The whole Markdown file for one briefing."""
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
    head = front_matter(b, exported_at=exported_at, version=version)
    return head + "\n" + "\n\n".join(blocks) + "\n"
