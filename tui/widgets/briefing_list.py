"""The briefing list: a line-API view, so 100k rows cost no more than one screenful.

Each row is two lines (title; date, source and tags), three in search results
(plus the snippet with its matches highlighted). Unread titles are bold, a star
marks starred briefings, and a bar in the margin marks the open briefing in every
theme (the cursor's background shows only while the list has focus). Nothing here touches the store: the
screen hands over ``ListRow`` objects and listens for ``Highlighted`` and
``Selected``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.models import ListRow
from tui.widgets.virtual import set_virtual_size

_WHITESPACE = re.compile(r"\s+")


class BriefingList(ScrollView, can_focus=True):
    """Titles, sources and dates of briefings or search hits, one cursor."""

    COMPONENT_CLASSES = {
        "briefing-list--cursor",
        "briefing-list--open",
        "briefing-list--read",
        "briefing-list--meta",
        "briefing-list--match",
        "briefing-list--snippet",
        "briefing-list--title",
    }

    DEFAULT_CSS = """
    BriefingList {
        height: 1fr;
        overflow-x: hidden;
        & > .briefing-list--title { text-style: bold; }
        & > .briefing-list--read { text-style: none; }
        & > .briefing-list--open { color: $accent; text-style: bold; }
        & > .briefing-list--meta { color: $text-muted; }
        & > .briefing-list--snippet { color: $text-muted; }
        & > .briefing-list--match { color: $text-accent; text-style: bold; }
        & > .briefing-list--cursor { background: transparent; }
        &:focus > .briefing-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Next", id="list.down", show=False),
        Binding("k,up", "cursor_up", "Previous", id="list.up", show=False),
        Binding("g,home", "first", "First", id="list.first", show=False),
        Binding("G,end", "last", "Last", id="list.last", show=False),
        Binding("pagedown,ctrl+f", "page_down", "Page down", id="list.page_down", show=False),
        Binding("pageup,ctrl+b", "page_up", "Page up", id="list.page_up", show=False),
        Binding("enter,l", "select", "Open", id="list.open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    @dataclass
    class Highlighted(Message):
        row: ListRow

    @dataclass
    class Selected(Message):
        row: ListRow

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.rows: list[ListRow] = []
        self.with_snippets = False
        self.empty_text = "Nothing here yet."
        #: the briefing shown in the panes (marked in the margin)
        self._open_id: str | None = None
        #: rendered lines by what they show (the row itself, not its index): a new list of
        #: search hits reuses the lines of the rows it shares with the one before
        self._cache: LRUCache[tuple[object, int, int, bool, bool, bool], Strip] = LRUCache(1024)
        self._styles: tuple[bool, dict[str, Style]] | None = None
        #: A header line over each run of rows from one source (the reader's ``G``).
        self.group_by_source = False
        #: Grouped: each screen line's (row index, part), part -1 a source header; and the
        #: first line of each row. None when not grouped (lines follow from ``row_height``).
        self._lines: list[tuple[int, int]] | None = None
        self._tops: list[int] = []

    # -- data ----------------------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return 3 if self.with_snippets else 2

    def _relayout(self) -> None:
        """The line map for grouped rows, and the virtual height."""
        self._lines = None
        self._tops = []
        h = self.row_height
        if self.group_by_source and self.rows:
            lines: list[tuple[int, int]] = []
            previous: object = object()
            for i, row in enumerate(self.rows):
                if row.source != previous:
                    lines.append((i, -1))
                    previous = row.source
                self._tops.append(len(lines))
                lines.extend((i, part) for part in range(h))
            self._lines = lines
        total = len(self._lines) if self._lines is not None else len(self.rows) * h
        set_virtual_size(self, Size(self.size.width, total))

    def _top(self, index: int) -> int:
        """The first screen line of row ``index``."""
        if self._lines is not None and 0 <= index < len(self._tops):
            return self._tops[index]
        return index * self.row_height

    def _at(self, line: int) -> tuple[int, int]:
        """The (row index, part) drawn on screen line ``line`` (part -1: a source header)."""
        if self._lines is not None:
            return self._lines[line] if 0 <= line < len(self._lines) else (len(self.rows), 0)
        return divmod(line, self.row_height)

    def set_group_by_source(self, on: bool) -> None:
        self.group_by_source = on
        self._cache.clear()
        self._relayout()
        self._scroll_cursor_into_view()
        self.refresh()

    @property
    def current(self) -> ListRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_rows(
        self, rows: list[ListRow], *, snippets: bool = False, keep_id: str | None = None
    ) -> None:
        """Show ``rows``; the cursor stays on ``keep_id`` when it is still listed."""
        self.rows = rows
        self.with_snippets = snippets
        self._relayout()
        index = 0
        if keep_id is not None:
            index = next((i for i, r in enumerate(rows) if r.id == keep_id), 0)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = index
        self.refresh()

    def fill_rows(self, rows: list[ListRow]) -> bool:
        """Swap in the same rows with more filled in (snippets that came later), keeping the
        cursor and the scroll position; False (nothing done) when the rows differ."""
        if len(rows) != len(self.rows) or any(
            a.id != b.id for a, b in zip(rows, self.rows, strict=True)
        ):
            return False
        self.rows = rows
        self._relayout()
        self.refresh()
        return True

    def index_of(self, briefing_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == briefing_id), None)

    @property
    def open_id(self) -> str | None:
        return self._open_id

    @open_id.setter
    def open_id(self, briefing_id: str | None) -> None:
        if briefing_id != self._open_id:
            self._open_id = briefing_id
            self.refresh()

    def update_row(self, briefing_id: str, **changes: object) -> None:
        """Show a row's new reading state (read, starred, tags)."""
        from dataclasses import replace

        index = self.index_of(briefing_id)
        if index is not None:
            self.rows[index] = replace(self.rows[index], **changes)  # type: ignore[arg-type]
            self._cache.clear()
            self._relayout()
            self.refresh()

    def remove_row(self, briefing_id: str) -> None:
        """Take a deleted briefing out; the cursor stays where it was (on the next row)."""
        index = self.index_of(briefing_id)
        if index is None:
            return
        if self.rows and index < len(self.rows) and self.rows[index].id == briefing_id:
            del self.rows[index]
        self._cache.clear()
        self._relayout()
        self.cursor = min(self.cursor, len(self.rows) - 1)
        self.refresh()

    # -- cursor ----------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        h = self.row_height
        top = int(self.scroll_offset.y)
        for row in {old, new}:  # only the two rows whose look changed
            self.refresh(Region(0, self._top(row) - top, self.size.width, h))
        self._scroll_cursor_into_view()
        if self.current is not None:
            self.post_message(self.Highlighted(self.current))

    def _scroll_cursor_into_view(self) -> None:
        h = self.row_height
        self.scroll_to_region(
            Region(0, self._top(self.cursor), max(1, self.size.width), h),
            animate=False,
            immediate=True,
        )

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height // self.row_height)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height // self.row_height)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_offset.y) + event.y
        index, part = self._at(line)
        if part >= 0 and 0 <= index < len(self.rows):
            self.cursor = index
            self.action_select()

    def on_resize(self) -> None:
        self._cache.clear()
        self._relayout()

    # -- rendering -------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        """The widget's style ("base") or a component's, looked up once per focus state and
        style update (Textual computes them afresh each time: a third of a line's cost)."""
        if self._styles is None or self._styles[0] != self.has_focus:
            styles = {"base": self.rich_style}
            for part in ("cursor", "meta", "match", "snippet", "title", "read", "open"):
                styles[part] = self.get_component_rich_style(f"briefing-list--{part}")
            self._styles = (self.has_focus, styles)
        return self._styles[1][name]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None  # a new theme or CSS: styles and rendered lines are stale
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        base = self._style("base")
        if not self.rows:  # the hint, wrapped to the width
            style = self._style("meta")
            lines = Text(self.empty_text, style=style).wrap(self.app.console, max(1, width - 2))
            return self._strip(lines[y] if y < len(lines) else Text(), width, base)
        index, part = self._at(line)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        if part < 0:  # a source's header line
            key0 = (self.rows[index].source, part, width, False, self.has_focus, False)
            header = self._cache.get(key0)
            if header is None:
                title = self.rows[index].source or "No source"
                header = self._strip(Text(title, style="bold"), width, base)
                self._cache[key0] = header
            return header
        is_cursor = index == self.cursor
        row = self.rows[index]
        is_open = row.id == self._open_id
        key = (row, part, width, is_cursor, self.has_focus, is_open)
        cached = self._cache.get(key)
        if cached is None:
            margin = Text("▌" if is_open else " ", style=self._style("open"))
            cached = self._strip(self._row_text(row, part), width, base, is_cursor, margin)
            self._cache[key] = cached
        return cached

    def _row_text(self, row: ListRow, part: int) -> Text:
        if part == 0:
            text = Text(style=self._style("title"))
            if row.new:
                text.append("new ", style="bold")
            if row.starred:
                text.append("★ ")
            text.append(row.title, style=self._style("read") if row.read else None)
            return text
        if part == 1:
            meta = " · ".join(
                x for x in (row.published.isoformat() if row.published else None, row.source) if x
            )
            text = Text(meta or "undated", style=self._style("meta"))
            for tag in row.tags:
                text.append(f" #{tag}")
            return text
        snippet_style = self._style("snippet")
        match_style = self._style("match")
        text = Text(style=snippet_style)
        first_match = -1
        for chunk, matched in row.snippet or ():
            if matched and first_match < 0:
                first_match = len(text)
            text.append(_WHITESPACE.sub(" ", chunk), match_style if matched else None)
        lead = self.size.width // 4
        if first_match > lead:  # start close to the first match so that it is seen
            cut = text.plain.find(" ", first_match - lead, first_match)
            text = (
                Text("…", style=snippet_style) + text[(cut if cut >= 0 else first_match - lead) :]
            )
        return text

    def _strip(
        self,
        text: Text,
        width: int,
        base: Style,
        is_cursor: bool = False,
        margin: Text | None = None,
    ) -> Strip:
        text = (margin or Text(" ")) + text  # a one-cell margin: the open briefing's bar
        text.truncate(max(1, width), overflow="ellipsis")
        text.no_wrap = True
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        post = self._style("cursor") if is_cursor else None
        styled = Segment.apply_style(segments, base, post)
        strip = Strip(list(styled)).adjust_cell_length(width, base + post if post else base)
        return strip.simplify()
