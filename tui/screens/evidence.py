"""Evidence: the cleaned source text, scrolled to a passage and highlighted.

Offsets index into ``Briefing.body_text`` (paragraphs joined by
``BODY_SEPARATOR``), so each paragraph is one ``Static`` holding a
``rich.text.Text``; the paragraphs that hold the passage get the highlight
and the view is centred on the first of them. For a quote that other
briefings also carry, the screen lists them and how their wording differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefings.models import BODY_SEPARATOR, Briefing
from tui.models import QuoteEcho
from tui.widgets.briefing_view import echo_text

HIGHLIGHT = "bold reverse"


@dataclass(frozen=True)
class Passage:
    """One summary line, quote or key figure: its label and where it is in the body."""

    label: str
    start: int
    end: int
    echoes: list[QuoteEcho] = field(default_factory=list)


class SourceText(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", id="source.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="source.up", show=False),
        Binding("g,home", "scroll_home", "Top", id="source.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="source.bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="source.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="source.page_up", show=False),
    ]


class EvidenceScreen(Screen[None]):
    CSS_PATH = "evidence.tcss"

    BINDINGS = [
        Binding("escape,backspace,h", "close", "Back", id="evidence.close"),
        Binding("c", "center", "Back to the passage", id="evidence.center"),
        Binding("n", "step(1)", "Next quote (line, figure)", id="evidence.next"),
        Binding("p", "step(-1)", "Previous quote (line, figure)", id="evidence.previous"),
    ]

    def __init__(
        self,
        briefing: Briefing,
        label: str,
        start: int,
        end: int,
        echoes: list[QuoteEcho] | None = None,
        *,
        passages: list[Passage] | None = None,
        position: int = 0,
    ) -> None:
        super().__init__()
        self.briefing = briefing
        #: the passages of the same pane, which n and p step through
        self.passages = passages or [Passage(label, start, end, echoes or [])]
        self.position = position if passages else 0
        self._select(self.position)

    def _select(self, position: int) -> None:
        passage = self.passages[position]
        self.position = position
        self.label = passage.label
        self.start, self.end = passage.start, passage.end
        self.echoes = passage.echoes
        #: indexes of the paragraphs that hold the passage
        self.highlighted: list[int] = []
        self.paragraphs: list[Text] = self._paragraphs()

    def compose(self) -> ComposeResult:
        header = Text.assemble((self.label, "bold"), "\n", (self.briefing.title, "dim"))
        yield Static(header, id="evidence-header")
        with SourceText(id="source"):
            for i, text in enumerate(self.paragraphs):
                yield Static(text, id=f"para-{i}", classes="para")
        if self.echoes:
            lines = Text("Also carried by", style="bold")
            for echo in self.echoes:
                lines.append("\n")
                lines.append_text(echo_text(echo))
                lines.append(f"  ({echo.title})", style="dim")
            yield Static(lines, id="echoes")
        yield Footer()

    def _paragraphs(self) -> list[Text]:
        out: list[Text] = []
        offset = 0
        for i, para in enumerate(self.briefing.body or [""]):
            text = Text(para)
            lo, hi = max(self.start, offset), min(self.end, offset + len(para))
            if self.end > self.start and lo < hi:
                text.stylize(HIGHLIGHT, lo - offset, hi - offset)
                self.highlighted.append(i)
            if i in self.briefing.headings:
                text.stylize("bold")
            out.append(text)
            offset += len(para) + len(BODY_SEPARATOR)
        return out

    def on_mount(self) -> None:
        self.query_one(SourceText).focus()
        self.call_after_refresh(self.action_center)

    def action_center(self) -> None:
        if self.highlighted:
            target = self.query_one(f"#para-{self.highlighted[0]}", Static)
            self.query_one(SourceText).scroll_to_center(target, animate=False, immediate=True)

    async def action_step(self, step: int) -> None:
        """The next (or previous) passage of the same pane, highlighted in place."""
        position = self.position + step
        if not 0 <= position < len(self.passages):
            self.notify("No more in this pane.", timeout=2)
            return
        self._select(position)
        await self.recompose()
        self.query_one(SourceText).focus()
        self.call_after_refresh(self.action_center)

    def action_close(self) -> None:
        self.dismiss()
