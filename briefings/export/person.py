"""A person page as a Markdown dossier: quotes in date order, roles, company kept, figures."""

from __future__ import annotations

from datetime import datetime

from briefings.export import markdown as md
from briefings.export.briefing import timestamp
from briefings.people import PersonPage, PersonQuote


def _where(q: PersonQuote) -> str:
    parts = [md.text(q.source) if q.source else "unknown outlet"]
    parts.append(q.published.isoformat() if q.published else "undated")
    return ", ".join(parts)


def _evidence(q: PersonQuote) -> str:
    return (
        f"`{q.briefing_id[:8]}` quote {q.index + 1}, paragraph {q.quote.paragraph + 1}, "
        f"characters {q.quote.start}-{q.quote.end}"
    )


def person_markdown(page: PersonPage, *, exported_at: datetime, version: str) -> str:
    title, _ = md.heading(1, page.name)
    outlets = page.outlets
    intro = (
        f"{len(page.quotes)} quote{'s' if len(page.quotes) != 1 else ''} in "
        f"{len(page.briefing_ids)} briefing{'s' if len(page.briefing_ids) != 1 else ''}"
        + (f" from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}" if outlets else "")
        + f", exported {exported_at.date().isoformat()}."
    )
    blocks = [title, intro]
    if len(page.names_seen) > 1:
        blocks.append("Named as: " + ", ".join(md.text(n) for n in page.names_seen))

    blocks.append(md.heading(2, "Quotes")[0])
    if not page.quotes:
        blocks.append("*No quotes by this person in the library.*")
    for q in page.quotes:
        head = f"**{_where(q)}** — {md.text(q.title) or 'Untitled'}"
        lines = [head, "", f"“{md.text(q.quote.text)}”"]
        said = f"— {md.text(q.quote.speaker)}"
        if q.quote.speaker_role:
            said += f", {md.text(q.quote.speaker_role)}"
        if q.uncertain:
            said += " *(uncertain attribution)*"
        lines += ["", said, "", _evidence(q)]
        blocks.append(md.blockquote(lines))

    blocks.append(md.heading(2, "Roles")[0])
    if page.roles:
        rows = [
            [
                md.cell(role),
                first.isoformat() if first else " ",
                last.isoformat() if last else " ",
                md.cell(", ".join(o)),
            ]
            for role, first, last, o in page.roles
        ]
        blocks.append(md.table(["Role", "First seen", "Last seen", "Outlets"], rows))
    else:
        blocks.append("*No role given with their quotes.*")

    blocks.append(md.heading(2, "Mentioned with")[0])
    if page.mentioned_with:
        blocks.append(
            "\n".join(f"- {md.text(n)} ({kind}, {c})" for n, kind, c in page.mentioned_with)
        )
    else:
        blocks.append("*Nobody else named alongside.*")

    blocks.append(md.heading(2, "Figures in their quotes")[0])
    figures = page.figures
    if figures:
        rows = [[md.cell(f.text), md.cell(f.measures), md.cell(_where(q))] for q, f in figures]
        blocks.append(md.table(["Figure", "What it measures", "Where"], rows))
    else:
        blocks.append("*No figures in their quotes.*")

    head = md.front_matter(
        {
            "title": md.plain(page.name),
            "kind": "person",
            "quotes": len(page.quotes),
            "outlets": outlets,
            "ids": page.briefing_ids,
            "exported_at": timestamp(exported_at),
            "brief_version": version,
        }
    )
    return head + "\n" + "\n\n".join(blocks) + "\n"
