"""Setting a scrolling widget's virtual size without a layout of the whole screen."""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def set_virtual_size(widget: Widget, size: Size) -> None:
    """Give ``widget`` a new virtual (scrollable) size.

    ``Widget.virtual_size`` is a reactive with ``layout=True``: every change lays out the
    whole screen again, although a widget whose own size does not follow its content (a
    fixed or fractional height) only needs its scrollbars updated. The search bar, the
    briefing list and the panes changed theirs on each keystroke (2-3 layouts of the
    screen per key). A widget sized by its content (``height: auto``) still gets the
    layout, and so does a scrollbar that appears or goes (``show_vertical_scrollbar`` is
    itself a layout reactive)."""
    if size == widget.virtual_size:
        return
    if widget.styles.auto_dimensions or not widget.is_mounted:
        widget.virtual_size = size
        return
    widget.set_reactive(Widget.virtual_size, size)
    widget._scroll_update(size)
    widget.refresh()
