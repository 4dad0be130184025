"""One story, outlet by outlet: the quotes they share (with their wording differences),
the quotes only one ran, and figure reconciliation.

Figure reconciliation pairs figures from different briefings of the story that
measure the same quantity (``briefings.derive.figures.same_quantity``: the same
kind of unit, or two durations, and measures that mostly name the same things
beyond generic words such as "time" or "amount") and says whether the numbers are the same,
agree within rounding ("$4 billion" and "$3.9bn": the less precise one is the
other rounded) or disagree ("two years" and "18 months").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from briefings.derive.figures import quantity_kind, same_quantity
from briefings.export.across import QuoteGroup, corroborated_quotes
from briefings.models import Briefing, Figure, Quote

Verdict = Literal["same", "within rounding", "disagree"]


@dataclass(frozen=True, slots=True)
class FigureUse:
    briefing: Briefing
    figure: Figure


@dataclass(frozen=True, slots=True)
class FigureCheck:
    """Two outlets' numbers for one quantity, and whether they agree."""

    measures: str
    first: FigureUse
    second: FigureUse
    verdict: Verdict


@dataclass(slots=True)
class OutletVersion:
    briefing: Briefing
    own_quotes: list[tuple[int, Quote]] = field(default_factory=list)

    @property
    def outlet(self) -> str:
        return self.briefing.source or "unknown outlet"


@dataclass(slots=True)
class StoryView:
    id: int
    versions: list[OutletVersion]
    shared: list[QuoteGroup]
    figures: list[FigureCheck]

    @property
    def title(self) -> str:
        return self.versions[0].briefing.title if self.versions else ""

    @property
    def first(self) -> date | None:
        dated = [v.briefing.published for v in self.versions if v.briefing.published]
        return min(dated) if dated else None

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "versions": [
                {
                    "id": v.briefing.id,
                    "title": v.briefing.title,
                    "source": v.briefing.source,
                    "published": v.briefing.published.isoformat() if v.briefing.published else None,
                    "only_here": [
                        {"quote": i, "text": q.text, "speaker": q.speaker} for i, q in v.own_quotes
                    ],
                }
                for v in self.versions
            ],
            "shared_quotes": [
                {
                    "speaker": g.speaker,
                    "uses": [
                        {
                            "id": u.briefing.id,
                            "source": u.briefing.source,
                            "text": u.quote.text,
                            "differences": [list(d) for d in u.differences],
                        }
                        for u in g.uses
                    ],
                }
                for g in self.shared
            ],
            "figures": [
                {
                    "measures": c.measures,
                    "verdict": c.verdict,
                    "figures": [
                        {"id": u.briefing.id, "source": u.briefing.source, "text": u.figure.text}
                        for u in (c.first, c.second)
                    ],
                }
                for c in self.figures
            ],
        }


def story_view(story_id: int, briefings: list[Briefing]) -> StoryView:
    """The story's members (earliest first) compared with each other."""
    members = sorted(briefings, key=lambda b: (b.published is None, b.published or date.max, b.id))
    shared = corroborated_quotes(members)
    used = {(id(u.briefing), id(u.quote)) for g in shared for u in g.uses}
    versions = [
        OutletVersion(b, [(i, q) for i, q in enumerate(b.quotes) if (id(b), id(q)) not in used])
        for b in members
    ]
    return StoryView(story_id, versions, shared, reconcile_figures(members))


def significant_digits(value: float) -> int:
    digits = f"{abs(value):.12g}".split("e")[0].replace(".", "").lstrip("0").rstrip("0")
    return max(1, len(digits))


def _round_to(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def compare_values(a: float, b: float) -> Verdict:
    """Same numbers, the less precise one the other rounded, or different numbers."""
    if a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b)):
        return "same"
    da, db = significant_digits(a), significant_digits(b)
    coarse, fine, digits = (a, b, da) if da <= db else (b, a, db)
    if _round_to(fine, digits) == _round_to(coarse, digits):
        return "within rounding"
    return "disagree"


def reconcile_figures(briefings: list[Briefing]) -> list[FigureCheck]:
    """Figures of different briefings that measure the same quantity, each pair once,
    with the verdict on their numbers; disagreements first."""
    checks: list[FigureCheck] = []
    seen: set[tuple[str, str, str, str]] = set()
    for i, a in enumerate(briefings):
        for b in briefings[i + 1 :]:
            for fa in a.figures:
                sa = quantity_kind(fa)
                if sa is None:
                    continue
                for fb in b.figures:
                    sb = quantity_kind(fb)
                    if sb is None or sb[0] != sa[0] or not same_quantity(fa, fb):
                        continue
                    key = (a.id, fa.text, b.id, fb.text)
                    if key in seen:
                        continue
                    seen.add(key)
                    assert fa.value is not None and fb.value is not None
                    verdict = compare_values(fa.value * sa[1], fb.value * sb[1])
                    checks.append(
                        FigureCheck(
                            fa.measures or fb.measures, FigureUse(a, fa), FigureUse(b, fb), verdict
                        )
                    )
    order = {"disagree": 0, "within rounding": 1, "same": 2}
    checks.sort(key=lambda c: order[c.verdict])
    return checks
