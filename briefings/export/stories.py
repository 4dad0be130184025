"""The dossier's story sections: briefings of the dossier that report the same event,
each outlet's version, the quotes they share with their wording, figures reconciled."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from briefings.export import markdown as md
from briefings.export.briefing import wording
from briefings.models import Briefing
from briefings.story_view import story_view

STORIES = "stories"


def story_sections(
    briefings: list[Briefing], stories: dict[str, int], ref: Callable[[Briefing], str]
) -> list[str]:
    """A ``## stories`` section with one part per story two or more briefings are in."""
    groups: dict[int, list[Briefing]] = defaultdict(list)
    for b in briefings:
        if b.id in stories:
            groups[stories[b.id]].append(b)
    shown = {sid: members for sid, members in groups.items() if len(members) >= 2}
    blocks = [md.target_heading(2, STORIES)[0]]
    if not shown:
        return [*blocks, "*No two of these briefings report the same event.*"]
    for sid in sorted(shown):
        view = story_view(sid, shown[sid])
        blocks.append(f"### Story {sid}")
        blocks.append(
            "\n".join(
                f"- {md.text(v.outlet)}"
                + (f", {v.briefing.published.isoformat()}" if v.briefing.published else "")
                + f": {ref(v.briefing)} ({len(v.own_quotes)} quotes only here)"
                for v in view.versions
            )
        )
        lines = []
        for g in view.shared:
            changes = [d for u in g.uses for d in u.differences]
            who = md.text(g.speaker) if g.speaker else "unattributed"
            words = f" — wording: {wording(changes)}" if changes else " — word for word"
            lines.append(f"- “{md.text(g.first.quote.text)}” ({who}){words}")
        for c in view.figures:
            one, two = c.first, c.second
            lines.append(
                f"- {md.text(c.measures)}: {md.text(one.figure.text)} "
                f"({md.text(one.briefing.source or '?')}) and {md.text(two.figure.text)} "
                f"({md.text(two.briefing.source or '?')}): {c.verdict}"
            )
        blocks.append("\n".join(lines) if lines else "*No shared quotes or figures.*")
    return blocks
