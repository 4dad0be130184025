"""A dossier: many briefings (a query's results) as one Markdown file.

Front matter (query, date, count), a table of contents, each briefing as a
section, then the quotes and figures that several briefings share. Every
heading a link points at is a label that is its own slug
(``## 2-chinese-firms-lag-behind``), so the same links jump in GitHub-style
renderers and in Obsidian (see ``markdown.target_heading``); the readable
title follows as a bold line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from briefings.corroboration import normalise
from briefings.export import markdown as md
from briefings.export.across import FigureRow, QuoteGroup, corroborated_quotes, figures_across
from briefings.export.briefing import (
    attribution,
    byline,
    origin_line,
    sections,
    timestamp,
    what_it_measures,
    wording,
)
from briefings.models import Briefing

QUOTES_ACROSS = "quotes-across-sources"
FIGURES_ACROSS = "figures-across-sources"
CONTENTS = "Contents"
#: A briefing's own wording of a shared quote is shown up to this many words.
MAX_EXCERPT_WORDS = 30
#: References to a briefing section show this many words of its title.
MAX_REF_WORDS = 8
#: A briefing section's label keeps this many bytes of the title's slug.
MAX_LABEL_BYTES = 60


def dossier_title(query: str | None, saved: str | None, count: int) -> str:
    if saved:
        return f"Dossier: {md.plain(saved)}"
    if query:
        return f"Dossier: {md.plain(query)}"
    return f"Dossier of {count} briefing{'s' if count != 1 else ''}"


def section_label(n: int, title: str) -> str:
    """``3-the-us-has-a-slight-lead``: the section number keeps labels unique."""
    return f"{n}-{md.anchor_label(title, max_bytes=MAX_LABEL_BYTES)}"


def dossier_markdown(
    briefings: list[Briefing],
    *,
    exported_at: datetime,
    version: str,
    query: str | None = None,
    saved: str | None = None,
    with_source: bool = False,
    stories: dict[str, int] | None = None,
) -> str:
    """The whole dossier file for ``briefings`` (in the order given); ``stories`` (briefing
    id -> story number) adds a section per story that two or more of them are in."""
    title_line, _ = md.heading(1, dossier_title(query, saved, len(briefings)))
    contents_line, _ = md.heading(2, CONTENTS)

    anchors: dict[str, str] = {}
    numbers: dict[str, int] = {}
    section_lines: list[str] = []
    for n, b in enumerate(briefings, 1):
        line, destination = md.target_heading(2, section_label(n, b.title))
        anchors.setdefault(b.id, destination)
        numbers.setdefault(b.id, n)
        section_lines.append(line)
    groups = corroborated_quotes(briefings)
    figure_rows = figures_across(briefings)
    quotes_line, quotes_anchor = md.target_heading(2, QUOTES_ACROSS)
    figures_line, figures_anchor = md.target_heading(2, FIGURES_ACROSS)

    def ref(b: Briefing) -> str:
        n = numbers[b.id]
        return md.link(f"{n}. {md.text(_short(b.title)) or 'Untitled'}", anchors[b.id])

    def number(b: Briefing) -> str:
        return md.link(str(numbers[b.id]), anchors[b.id])

    blocks = [title_line, _intro(len(briefings), query, saved, exported_at), contents_line]
    toc = [f"{n}. {md.link(md.text(b.title) or 'Untitled', anchors[b.id])}"
           for n, b in enumerate(briefings, 1)]  # fmt: skip
    toc_tail = [f"- {md.link('Quotes across sources', quotes_anchor)} ({len(groups)})",
                f"- {md.link('Figures across sources', figures_anchor)} ({len(figure_rows)})"]  # fmt: skip
    blocks += ["\n".join(toc) if toc else "*No briefings.*", "\n".join(toc_tail)]

    for b, line in zip(briefings, section_lines, strict=True):
        blocks += [line, f"**{md.text(b.title) or 'Untitled'}**"]
        if meta := byline(b):
            blocks.append(meta)
        blocks.append(origin_line(b))
        blocks += sections(b, lambda name: f"**{name}**", targets=anchors, with_source=with_source)

    blocks.append(quotes_line)
    if not groups:
        blocks.append("*No quote appears in more than one of these briefings.*")
    for group in groups:
        blocks += _quote_group(group, ref)

    blocks.append(figures_line)
    if figure_rows:
        rows = [
            [
                md.cell(r.figure.text),
                md.cell(_measures(r)),
                ", ".join(number(b) for b in r.briefings),
            ]
            for r in figure_rows
        ]
        blocks.append(md.table(["Figure", "What it measures", "In briefing"], rows))
    else:
        blocks.append("*No key figures in these briefings.*")

    if stories:
        from briefings.export.stories import story_sections

        blocks += story_sections(briefings, stories, ref)

    head = md.front_matter(
        {
            "title": dossier_title(query, saved, len(briefings)),
            "query": md.plain(query) if query is not None else None,
            "saved_search": md.plain(saved) if saved else None,
            "date": exported_at.date(),
            "count": len(briefings),
            "ids": [b.id for b in briefings],
            "exported_at": timestamp(exported_at),
            "brief_version": version,
        }
    )
    return head + "\n" + "\n\n".join(blocks) + "\n"


def _intro(count: int, query: str | None, saved: str | None, exported_at: datetime) -> str:
    noun = "briefing" if count == 1 else "briefings"
    what = f"{count} {noun}"
    if saved:
        what += f" from the saved search “{md.text(saved)}”"
        if query:
            what += f" (“{md.text(query)}”)"
    elif query:
        what += f" matching “{md.text(query)}”"
    return f"{what}, exported {exported_at.date().isoformat()}."


def _measures(row: FigureRow) -> str:
    return what_it_measures(row.figure)


def _quote_group(group: QuoteGroup, ref: Callable[[Briefing], str]) -> list[str]:
    """The quote as the earliest briefing ran it, then each briefing's wording."""
    first = group.first
    lines = [f"“{md.text(first.quote.text)}”", "", attribution(first.quote)]
    all_dated = all(u.briefing.published for u in group.uses)
    uses = []
    for k, use in enumerate(group.uses):
        meta = byline(use.briefing)
        entry = f"- {ref(use.briefing)}" + (f" ({meta})" if meta else "")
        if k == 0:
            entry += ": ran it first" if all_dated else ": as quoted above"
        else:
            if normalise(use.quote.text) != normalise(first.quote.text):
                entry += f": “{md.text(_excerpt(use.quote.text))}”"
            if use.differences:
                entry += f" — wording: {wording(use.differences)}"
            else:
                entry += " — word for word"
        uses.append(entry)
    return [md.blockquote(lines), "\n".join(uses)]


def _short(title: str) -> str:
    """A title cut to a few words for references inside the dossier."""
    words = md.plain(title).split()
    return (
        " ".join(words) if len(words) <= MAX_REF_WORDS else " ".join(words[:MAX_REF_WORDS]) + " …"
    )


def _excerpt(quote: str) -> str:
    words = quote.split()
    if len(words) <= MAX_EXCERPT_WORDS:
        return quote
    return " ".join(words[:MAX_EXCERPT_WORDS]) + " …"
