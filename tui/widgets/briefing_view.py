"""The open briefing: a header line and four panes (Summary, Quotes, Key figures, Related).

Article text only ever reaches the screen inside ``rich.text.Text`` objects
(``OptionList(markup=False)`` and ``Static(Text)``), so brackets, links and
escape-like characters in an article are shown as the characters they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.events import DescendantFocus
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.messages import EvidenceRequested, RelatedRequested
from tui.models import OpenedBriefing, QuoteEcho

if TYPE_CHECKING:
    from briefings.models import Briefing

PANES = ("summary", "quotes", "figures", "related")
PANE_TITLES = {
    "summary": "Summary",
    "quotes": "Quotes",
    "figures": "Key figures",
    "related": "Related",
}


class VimOptionList(OptionList):
    """An option list that also moves with j/k/g/G and never reads its items as markup."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", id="option.down", show=False),
        Binding("k", "cursor_up", "Up", id="option.up", show=False),
        Binding("g", "first", "First", id="option.first", show=False),
        Binding("G", "last", "Last", id="option.last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes=classes)


class PaneList(VimOptionList):
    """One pane of the open briefing: a list of items with a cursor."""

    BINDINGS = [Binding("enter", "select", "Evidence / open", id="pane.select")]

    def __init__(self, pane: str, *, active: bool = False) -> None:
        super().__init__(id=f"pane-{pane}", classes="pane -active" if active else "pane")
        self.pane = pane
        self.border_title = PANE_TITLES[pane]

    def show(self, items: list[Text], empty: str) -> None:
        self.clear_options()
        if items:
            options: list[Option | None] = []
            for i, item in enumerate(items):
                if i:
                    options.append(None)  # a divider between items
                options.append(Option(item, id=str(i)))
            self.add_options(options)
            self.highlighted = 0
        else:
            self.add_option(Option(Text(empty, style="dim italic"), disabled=True))
        self.border_subtitle = str(len(items)) if items else ""


class BriefingView(Vertical):
    """The header and the four panes of one briefing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.opened: OpenedBriefing | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Select a briefing.", style="dim"), id="briefing-header")
        with Container(id="panes"):
            for pane in PANES:
                yield PaneList(pane, active=pane == "summary")

    @property
    def briefing(self) -> Briefing | None:
        return self.opened.briefing if self.opened else None

    def pane(self, name: str) -> PaneList:
        return self.query_one(f"#pane-{name}", PaneList)

    def show(self, opened: OpenedBriefing) -> None:
        keep = self.opened is not None and self.opened.briefing.id == opened.briefing.id
        cursors = {p: self.pane(p).highlighted for p in PANES} if keep else {}
        self.opened = opened
        b = opened.briefing
        self.query_one("#briefing-header", Static).update(header_text(b))
        self.pane("summary").show(summary_items(b), "No summary.")
        self.pane("quotes").show(quote_items(b, opened.echoes), "No quotes found.")
        self.pane("figures").show(figure_items(b), "No key figures found.")
        self.pane("related").show(related_items(b), "No related briefings.")
        for pane, cursor in cursors.items():
            if cursor is not None and cursor < self.pane(pane).option_count:
                self.pane(pane).highlighted = cursor

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, PaneList):
            for pane in self.query(PaneList):
                pane.set_class(pane is event.widget, "-active")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.opened is None or not isinstance(event.option_list, PaneList):
            return
        b = self.opened.briefing
        i = event.option_index
        pane = event.option_list.pane
        if pane == "related":
            self.post_message(RelatedRequested(b.related[i].id))
            return
        start, end, label, quote_index = evidence_span(b, pane, i)
        self.post_message(EvidenceRequested(label, start, end, quote_index))


# -- what each pane shows ----------------------------------------------------------------------


def header_text(b: Briefing) -> Text:
    text = Text.assemble((b.title, "bold"))
    meta = [x for x in (b.source, b.published.isoformat() if b.published else None) if x]
    if b.author:
        meta.append(f"by {b.author}")
    text.append("\n")
    text.append(" · ".join(meta) if meta else "no source or date", style="dim")
    text.append(f"  {b.short_id}", style="dim italic")
    return text


def summary_items(b: Briefing) -> list[Text]:
    return [Text.assemble((f"{i}. ", "dim"), line) for i, line in enumerate(b.summary, 1)]


def quote_items(b: Briefing, echoes: dict[int, list[QuoteEcho]]) -> list[Text]:
    items = []
    for i, q in enumerate(b.quotes):
        text = Text.assemble(
            "“", q.text, "”\n", ("— ", "dim"), (q.speaker or "unattributed", "bold")
        )
        if q.speaker_role:
            text.append(f", {q.speaker_role}", style="dim")
        for echo in echoes.get(i, []):
            text.append("\n")
            text.append_text(echo_text(echo))
        items.append(text)
    return items


def echo_text(echo: QuoteEcho) -> Text:
    """ "also in <source>", and how the wording there differs."""
    text = Text.assemble(("↔ also in ", "italic"))
    text.append(echo.source or echo.title, style="italic bold")
    if not echo.differences:
        text.append(", same words", style="italic dim")
        return text
    text.append(": ", style="italic")
    for n, (here, there) in enumerate(echo.differences[:3]):
        if n:
            text.append("; ", style="dim")
        text.append(f"“{here or '…'}”", style="red")
        text.append(" → ", style="dim")
        text.append(f"“{there or '…'}”", style="green")
    if len(echo.differences) > 3:
        text.append(f" (+{len(echo.differences) - 3})", style="dim")
    return text


def figure_items(b: Briefing) -> list[Text]:
    items = []
    for f in b.figures:
        text = Text.assemble((f.text, "bold"))
        measures = f.measures_shown()  # without the unit the figure already says
        if measures:
            text.append("  ")
            text.append(measures)
        elif f.sentence:
            text.append("\n")
            text.append(f.sentence, style="dim")
        items.append(text)
    return items


def related_items(b: Briefing) -> list[Text]:
    items = []
    for r in b.related:
        text = Text(r.title)
        if r.duplicate:
            text.append("  duplicate", style="bold italic")
        if r.reasons:
            text.append("\n")
            text.append("; ".join(r.reasons), style="dim")
        items.append(text)
    return items


def evidence_span(b: Briefing, pane: str, i: int) -> tuple[int, int, str, int | None]:
    """(start, end, label, quote index) of the passage behind a summary line, quote or figure."""
    body = b.body_text
    if pane == "quotes":
        q = b.quotes[i]
        who = q.speaker or "unattributed"
        start, end = _span(body, q.start, q.end, q.text)
        return start, end, f"Quote {i + 1} of {len(b.quotes)} · {who}", i
    if pane == "figures":
        f = b.figures[i]
        start, end = _span(body, f.start, f.end, f.text)
        return start, end, f"Key figure {i + 1} of {len(b.figures)} · {f.text}", None
    line = b.summary[i]
    spans = b.summary_spans
    s, e = (spans[i].start, spans[i].end) if i < len(spans) else (0, 0)
    start, end = _span(body, s, e, line)
    return start, end, f"Summary line {i + 1} of {len(b.summary)}", None


def _span(body: str, start: int, end: int, text: str) -> tuple[int, int]:
    """The stored offsets when they are usable, else where ``text`` first occurs."""
    if 0 <= start < end <= len(body):
        return start, end
    found = body.find(text) if text else -1
    return (found, found + len(text)) if found >= 0 else (0, 0)
