"""``brief list`` on a terminal: ids and dates stay whole however long the titles."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console

from briefings.models import BriefingSummary
from tui.commands.library import list_table


def rows() -> list[BriefingSummary]:
    return [
        BriefingSummary(
            id="0123456789abcdef",
            title="A headline that goes on and on " * 10,
            source="A Very Long Name Of A Regional Newspaper",
            published=date(2024, 3, 14),
            origin="a.txt",
        ),
        BriefingSummary(id="fedcba9876543210", title="X" * 300, origin="b.txt"),
    ]


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
def test_ids_and_dates_survive_long_titles(width: int) -> None:
    console = Console(width=width, record=True, force_terminal=False, soft_wrap=False)
    console.print(list_table(rows(), width))
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines)
    assert lines[1].startswith("01234567  2024-03-14")
    assert lines[2].startswith("fedcba98")
    assert "…" in lines[1] and "…" in lines[2]  # the titles are cut, not the ids


def test_show_lists_where_else_a_quote_appears_with_wording() -> None:
    from briefings.models import Briefing, Quote, QuoteLink
    from tui.commands.library import render_briefing

    link = QuoteLink(id="fedcba9876543210", title="Other [b]report[/b]", differences=[("a", "b")])
    b = Briefing(
        id="0123456789abcdef",
        title="T",
        origin="a.txt",
        content_hash="0",
        quotes=[Quote(text="We sail at dawn", speaker="Ola Nowak", corroborations=[link])],
    )
    console = Console(width=120, record=True, force_terminal=False)
    console.print(render_briefing(b))
    text = console.export_text()
    assert "also in fedcba98 Other [b]report[/b]  (wording: a → b)" in text
