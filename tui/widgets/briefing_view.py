"""The open briefing: a header line and four panes (Summary, Quotes, Key figures, Related).

Article text only ever reaches the screen inside ``rich.text.Text`` objects
(``OptionList(markup=False)`` and ``Static(Text)``), so brackets, links and
escape-like characters in an article are shown as the characters they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.css.styles import RulesMap
from textual.events import DescendantFocus
from textual.geometry import Size
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.messages import EvidenceRequested, RelatedRequested, SearchRequested
from tui.models import OpenedBriefing, QuoteEcho
from tui.widgets.virtual import set_virtual_size

if TYPE_CHECKING:
    from briefings.models import Briefing

PANES = ("summary", "quotes", "figures", "related", "entities")
PANE_TITLES = {
    "summary": "Summary",
    "quotes": "Quotes",
    "figures": "Key figures",
    "related": "Related",
    "entities": "People, organisations & keywords",
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
        #: how many items the pane shows (its border's subtitle, or in its title when compact)
        self.count = 0
        #: the small-terminal look: a heading line instead of a box, so no bottom border
        #: for the count (see ``BriefingView.set_compact``)
        self.compact = False
        #: the width the items were last wrapped at (see ``_update_lines``)
        self._wrapped_at = -1

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self._titles()

    def _titles(self) -> None:
        title = PANE_TITLES[self.pane]
        count = str(self.count) if self.count else ""
        if self.compact:
            self.border_title = f"{title} · {count}" if count else title
            self.border_subtitle = ""
        else:
            self.border_title = title
            self.border_subtitle = count

    def _update_lines(self) -> None:
        """Wrap the items at the width they are drawn at, padding included.

        OptionList (Textual 8.2) counts an item's lines once, at the width it had when
        the item was added, and without the option's vertical padding. When a scrollbar
        appears the drawing width shrinks by its width with no resize event, so a wrapped
        item got one line more than counted and lost its last line (a quote's "— Speaker,
        Role"), and the blank line below each item was never counted at all.
        """
        region = self.scrollable_content_region
        if not region:
            return
        width = region.width - self._get_left_gutter_width()
        cache = self._line_cache
        if width != self._wrapped_at:
            self._wrapped_at = width
            cache.clear()
            self._option_render_cache.clear()
        next_index = cache.lines[-1][0] + 1 if cache.lines else 0
        if next_index < len(self.options):
            padding = self.get_component_styles("option-list--option").padding
            for index, option in enumerate(self.options[next_index:], next_index):
                cache.index_to_line[index] = len(cache.lines)
                visual = self._get_visual(option)
                height = visual.get_height(cast(RulesMap, self.styles), width - padding.width)
                count = height + padding.height + option._divider
                cache.heights[index] = count
                cache.lines.extend((index, n) for n in range(count))
        size = Size(width, len(cache.lines))
        if size != self.virtual_size:
            set_virtual_size(self, size)
            self._scroll_update(size)

    def show(self, items: list[Text], empty: str) -> None:
        self.clear_options()
        if items:
            # no dividers: the option's bottom padding leaves a blank line between items
            self.add_options(Option(item, id=str(i)) for i, item in enumerate(items))
            self.highlighted = 0
        else:
            self.add_option(Option(Text(empty, style="dim italic"), disabled=True))
        self.count = len(items)
        self._titles()


class BriefingView(Vertical):
    """The header and the four panes of one briefing."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.opened: OpenedBriefing | None = None
        #: hidden until there is something to show (see ``on_mount``)
        self._hidden = False
        #: under 100 columns: panes stack under one-line headings, and a quote's speaker
        #: comes before its words (a pane showing the first lines of its first quote then
        #: shows who said it, and whether that is uncertain)
        self.compact = False
        #: the message the view was last cleared with (None: a briefing is shown), so that
        #: clearing it again (each keystroke of a search without hits) repaints nothing
        self._cleared: str | None = None

    def on_mount(self) -> None:
        # Nothing to show until the library is loaded and a briefing opened (or the list
        # found empty): hidden, the five empty panes cost the first frame nothing. (An
        # inline style, dropped by ``_reveal``: the stylesheet's own rules, z's among
        # them, decide after that.)
        self.styles.display = "none"
        self._hidden = True

    def _reveal(self) -> None:
        if self._hidden:
            self._hidden = False
            self.styles.clear_rule("display")
            self.refresh(layout=True)

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

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        for pane in PANES:
            self.pane(pane).set_compact(compact)
        if self.opened is not None:
            self.show(self.opened)

    def clear(self, message: str = "Select a briefing.") -> None:
        """No briefing open (a search without hits): empty header and panes."""
        if self._cleared == message and self.opened is None:
            return
        self._cleared = message
        self.opened = None
        self._reveal()
        self.query_one("#briefing-header", Static).update(Text(message, style="dim"))
        for pane in PANES:
            self.pane(pane).show([], "")

    def show(self, opened: OpenedBriefing) -> None:
        keep = self.opened is not None and self.opened.briefing.id == opened.briefing.id
        cursors = {p: self.pane(p).highlighted for p in PANES} if keep else {}
        self.opened = opened
        self._cleared = None
        self._reveal()
        b = opened.briefing
        self.show_state()
        self.pane("summary").show(summary_items(b), "No summary.")
        quotes = quote_items(b, opened.echoes, speaker_first=self.compact)
        self.pane("quotes").show(quotes, "No quotes found.")
        self.pane("figures").show(figure_items(b), "No key figures found.")
        self.pane("related").show(related_items(b), "No related briefings.")
        self.pane("entities").show(
            [text for text, _ in topic_items(b)], "No people, organisations or keywords."
        )
        for pane, cursor in cursors.items():
            if cursor is not None and cursor < self.pane(pane).option_count:
                self.pane(pane).highlighted = cursor

    def show_state(self) -> None:
        """The header: title, source and date, and the reading state."""
        if self.opened is not None:
            self.query_one("#briefing-header", Static).update(header_text(self.opened))

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
        if pane == "entities":
            self.post_message(SearchRequested(topic_items(b)[i][1]))
            return
        start, end, label, quote_index = evidence_span(b, pane, i)
        self.post_message(EvidenceRequested(label, start, end, quote_index, pane, i))


# -- what each pane shows ----------------------------------------------------------------------


def header_text(opened: OpenedBriefing) -> Text:
    b = opened.briefing
    text = Text()
    if opened.starred:
        text.append("★ ", style="bold")
    text.append(b.title, style="bold")
    meta = [x for x in (b.source, b.published.isoformat() if b.published else None) if x]
    if b.author:
        meta.append(f"by {b.author}")
    text.append("\n")
    text.append(" · ".join(meta) if meta else "no source or date", style="dim")
    text.append(f"  {b.short_id}", style="dim italic")
    if not opened.read:
        text.append("  unread", style="italic")
    for tag in opened.tags:
        text.append(f"  #{tag}", style="bold")
    return text


def summary_items(b: Briefing) -> list[Text]:
    return [Text.assemble((f"{i}. ", "dim"), line) for i, line in enumerate(b.summary, 1)]


def quote_items(
    b: Briefing, echoes: dict[int, list[QuoteEcho]], *, speaker_first: bool = False
) -> list[Text]:
    """Each quote, then "— Speaker, Role" (``speaker_first``: that line first), and the
    other briefings that ran it."""
    items = []
    for i, q in enumerate(b.quotes):
        speaker = Text.assemble(("— ", "dim"), (q.speaker or "unattributed", "bold"))
        if q.speaker_uncertain:
            speaker.append("?", style="bold")
        if q.speaker_role:
            speaker.append(f", {q.speaker_role}", style="dim")
        if q.speaker_uncertain:
            speaker.append("  (speaker uncertain)", style="italic")
        words = Text.assemble("“", q.text, "”")
        parts = (speaker, words) if speaker_first else (words, speaker)
        text = Text("\n").join(parts)
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


ENTITY_KINDS = {"person": "person", "organisation": "organisation", "place": "place"}


def topic_items(b: Briefing) -> list[tuple[Text, str]]:
    """The briefing's people, organisations and places, then its keywords, each with the
    search that ``enter`` runs for it."""
    items: list[tuple[Text, str]] = []
    for e in b.entities:
        name = e.name.replace('"', "")
        text = Text(e.name, style="bold")
        kind = ENTITY_KINDS.get(e.kind)
        detail = ", ".join(x for x in (kind, f"{e.mentions}×" if e.mentions > 1 else None) if x)
        if detail:
            text.append(f"  {detail}", style="dim")
        items.append((text, f'speaker:"{name}" OR entity:"{name}"'))
    for k in b.keywords:
        word = k.replace('"', "")
        items.append((Text.assemble(("# ", "dim"), k), f'keyword:"{word}"'))
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
