"""Person pages and story views as lines of ``rich.text.Text``: what ``brief who``,
``brief story`` and the reader's person and story screens show.

Article text only ever goes into ``Text`` objects (never markup), so nothing in
an article can style or link anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.wording import UNKNOWN_OUTLET, counted

if TYPE_CHECKING:
    from briefings.digest import Digest
    from briefings.people import PersonPage
    from briefings.story_view import StoryView

#: The reader shows this many quotes of a person page (the CLI shows them all).
SCREEN_QUOTES = 200


def person_lines(page: PersonPage, *, limit: int | None = None) -> list[Text]:
    outlets = page.outlets
    out = [Text(page.name, style="bold")]
    summary = (
        f"{counted(len(page.quotes), 'quote')} in {counted(len(page.briefing_ids), 'briefing')}"
    )
    if outlets:
        summary += f" from {counted(len(outlets), 'outlet')}: {', '.join(outlets)}"
    out.append(Text(summary, style="dim"))
    shown = page.quotes if limit is None else page.quotes[:limit]
    for q in shown:
        when = q.published.isoformat() if q.published else "undated"
        head = Text.assemble(
            (when, "bold"), "  ", (q.source or UNKNOWN_OUTLET, "bold"), "  ", q.title
        )
        out.append(head)
        out.append(Text(f"  “{q.quote.text}”"))
        who = f"  — {q.quote.speaker}"
        if q.quote.speaker_role:
            who += f", {q.quote.speaker_role}"
        tail = Text(who, style="dim")
        if q.uncertain:
            tail.append("  (uncertain attribution)", style="yellow")
        evidence = f"  [{q.briefing_id[:8]} quote {q.index + 1}, ¶{q.quote.paragraph + 1}]"
        tail.append(evidence, style="dim")
        out.append(tail)
    if len(shown) < len(page.quotes):
        out.append(Text(f"… and {len(page.quotes) - len(shown)} more (brief who)", style="dim"))
    if page.roles:
        out.append(Text("Roles", style="bold"))
        for role, first, last, role_outlets in page.roles:
            span = " to ".join(dict.fromkeys(d.isoformat() for d in (first, last) if d))
            where = f"({', '.join(role_outlets)})" if role_outlets else ""
            out.append(Text("  ".join(["", *(x for x in (role, span, where) if x)])))
    if page.mentioned_with:
        out.append(Text("Mentioned with", style="bold"))
        names = ", ".join(f"{n} ({c})" for n, _, c in page.mentioned_with[:10])
        out.append(Text(f"  {names}"))
    figures = page.figures
    if figures:
        out.append(Text("Figures in their quotes", style="bold"))
        for q, f in figures:
            measure = f.measures_shown()  # the qualifier and unit once ("over £1bn", not "(over)")
            where = f"{q.source or UNKNOWN_OUTLET}, {q.briefing_id[:8]}"
            out.append(Text(f"  {f.text}  {measure}  ({where})"))
    return out


def story_lines(view: StoryView) -> list[Text]:
    out = [Text(f"Story {view.id}: {view.title}", style="bold")]
    for v in view.versions:
        b = v.briefing
        when = b.published.isoformat() if b.published else "undated"
        out.append(Text.assemble("  ", (v.outlet, "bold"), f"  {when}  {b.id[:8]}  ", b.title))
    out.append(Text(f"Shared quotes ({len(view.shared)})", style="bold"))
    for g in view.shared:
        first = g.first
        out.append(Text(f"  “{first.quote.text}”"))
        out.append(Text(f"    — {g.speaker or 'unattributed'}", style="dim"))
        for u in g.uses:
            if u.differences:
                note = "; ".join(f"“{a}” → “{b}”" for a, b in u.differences)
            else:
                note = "as above" if u is first else "word for word"
            out.append(Text(f"    {u.briefing.source or UNKNOWN_OUTLET}: {note}"))
    for v in view.versions:
        out.append(Text(f"Only in {v.outlet} ({len(v.own_quotes)})", style="bold"))
        for _, q in v.own_quotes:
            out.append(Text(f"  “{q.text}” — {q.speaker or 'unattributed'}"))
    out.append(Text(f"Figures ({len(view.figures)})", style="bold"))
    for c in view.figures:
        one, two = c.first, c.second
        out.append(
            Text(
                f"  {c.measures}: {one.figure.text} ({one.briefing.source or UNKNOWN_OUTLET}) vs "
                f"{two.figure.text} ({two.briefing.source or UNKNOWN_OUTLET}): {c.verdict}"
            )
        )
    return out


def digest_lines(digest: Digest) -> list[Text]:
    from briefings.digest import readable_moment

    since = f" since {readable_moment(digest.since)}" if digest.since else ""
    out = [
        Text(f"Digest: {digest.name}", style="bold"),
        Text(f"“{digest.query}”{since}", style="dim"),
    ]
    if digest.empty:
        out.append(Text("Nothing new.", style="dim"))
        return out
    out.append(Text(f"New briefings ({len(digest.new)})", style="bold"))
    for b in digest.new:
        when = b.published.isoformat() if b.published else "undated"
        out.append(
            Text.assemble(
                "  ", (when, "dim"), "  ", (b.source or UNKNOWN_OUTLET, "bold"), "  ", b.title
            )
        )
    for heading, items in (
        ("New people quoted", digest.new_people),
        ("New quotes by people already followed", digest.followed),
    ):
        out.append(Text(f"{heading} ({len(items)})", style="bold"))
        for d in items:
            out.append(Text.assemble("  ", (d.person, "bold"), f": “{d.quote.text}”"))
    out.append(Text(f"Figures that changed ({len(digest.changed)})", style="bold"))
    for c in digest.changed:
        out.append(
            Text(
                f"  {c.measures}: {c.first.figure.text} → {c.second.figure.text} "
                f"({c.second.briefing.source or UNKNOWN_OUTLET})"
            )
        )
    return out
