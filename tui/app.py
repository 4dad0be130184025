"""The reader: a keyboard-driven Textual app over a briefing library.

``make_app`` is the one factory, used by ``brief`` and by the tests. The app
stores its arguments and paints at once; the reader screen loads the library
in a worker, and a timer polls the store so that briefings ingested from
another terminal appear without a restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.color import Color
from textual.filter import LineFilter
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from tui.messages import LibraryChanged
from tui.output import inert
from tui.screens.reader import ReaderScreen
from tui.settings import Settings

if TYPE_CHECKING:
    from rich.console import RenderableType

    from tui.services import Services

#: ``t`` cycles through these; the ANSI ones use the terminal's own colours.
THEMES = ("textual-dark", "textual-light", "ansi-dark", "ansi-light", "nord", "gruvbox")
POLL_SECONDS = 1.5
#: Textual's ANSI themes draw unfocused borders in the terminal's black (invisible on a
#: dark terminal) and an unfocused cursor in the default colours (invisible everywhere).
ANSI_FIXES = {
    "ansi-dark": {
        "border-blurred": "ansi_bright_black",
        "block-cursor-blurred-background": "ansi_bright_black",
        "block-cursor-blurred-foreground": "ansi_bright_white",
    },
    "ansi-light": {
        "border-blurred": "ansi_bright_black",
        "block-cursor-blurred-background": "ansi_bright_black",
        "block-cursor-blurred-foreground": "ansi_bright_white",
    },
}


def open_in_browser(location: str) -> None:
    """The default ``o``: the URL (or file:// URI) in the browser or the desktop's viewer."""
    import webbrowser

    if not webbrowser.open(location):
        raise RuntimeError(f"no browser or viewer could open {location}")


class InertFilter(LineFilter):
    """The reader's output boundary: every line any widget draws (lists, panes,
    titles, notifications, the header) passes through ``tui.output.inert``, so text
    from a tampered store or a saved-search name can never send a terminal escape
    (ESC, C1 such as CSI ``\\x9b``, bidi overrides). Escaped text is longer than the
    raw control characters it replaces, so the line is cut back to its width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        safe: list[Segment] = []
        changed = False
        for segment in segments:
            text = segment.text if segment.control else inert(segment.text, lines=False)
            if text != segment.text:
                changed = True
                segment = Segment(text, segment.style, segment.control)
            safe.append(segment)
        if not changed:
            return segments
        return Segment.adjust_line_length(safe, Segment.get_line_length(segments))


INERT_FILTER = InertFilter()


class BriefApp(App[int]):
    TITLE = "brief"
    #: the reader screen's own sheet too: read with the app's, the stylesheet is not parsed
    #: once more when the first screen mounts
    CSS_PATH = ["app.tcss", "screens/reader.tcss"]
    MODES = {"reader": ReaderScreen}
    DEFAULT_MODE = "reader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("t", "next_theme", "Next theme", id="app.theme", show=False),
    ]

    def __init__(
        self,
        library_dir: Path,
        *,
        services: Services | None = None,
        export_dir: Path | None = None,
        poll_seconds: float | None = POLL_SECONDS,
        theme: str | None = None,
        settings: Settings | None = None,
        opener: Callable[[str], None] | None = None,
        seed_samples: bool = False,
    ) -> None:
        super().__init__()
        #: whether the first frame has been painted; what waits for it (``after_first_frame``)
        self._painted = False
        self._after_first_frame: list[Callable[[], object]] = []
        self.library_dir = Path(library_dir)
        #: an empty default library gets the bundled samples (in the loading worker)
        self.seed_samples = seed_samples
        self._services = services
        self._services_lock = Lock()
        self.settings = settings if settings is not None else Settings.load()
        self._export_dir = export_dir or self.settings.export_dir
        self.poll_seconds = poll_seconds
        #: ``brief`` makes Python's garbage collector run less often while the reader
        #: starts (``tui.commands.reader.run_reader``): the thresholds to put back once it
        #: has (``start_finished``)
        self.gc_thresholds: tuple[int, ...] | None = None
        #: how ``o`` opens a URL or a file:// URI (tests pass a fake)
        self.opener: Callable[[str], None] = opener or open_in_browser
        for name, variables in ANSI_FIXES.items():
            base = BUILTIN_THEMES[name]
            self.register_theme(replace(base, variables={**base.variables, **variables}))
        chosen = theme or self.settings.theme
        if chosen is not None and chosen in self.available_themes:
            self.theme = chosen
        if self.settings.keys:
            self.set_keymap(self.settings.keys)

    def get_line_filters(self) -> list[LineFilter]:
        return [INERT_FILTER, *super().get_line_filters()]

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` once the first frame has been painted (at once if it has)."""
        if self._painted:
            self.call_later(callback)
        else:
            self._after_first_frame.append(callback)

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        # Textual paints a frame here: a compositor update outside a batch (as it sends it)
        if not self._painted and renderable is not None and not self._batch_count:
            self._painted = True
            for callback in self._after_first_frame:
                self.call_later(callback)
            self._after_first_frame.clear()

    @property
    def services(self) -> Services:
        """Library, search and export; made on first use, in a worker thread (importing
        them, with pydantic and Whoosh, costs more than painting the first frame)."""
        with self._services_lock:
            if self._services is None:
                from tui.services import Services

                self._services = Services(
                    self.library_dir,
                    export_dir=self._export_dir,
                    seed_samples=self.seed_samples,
                    on_notice=self._library_notice,
                )
            return self._services

    def _library_notice(self, message: str) -> None:
        """Show what opening the library had to say (an upgrade of an older store):
        the reader prints nothing, so it is a notification. Called from a worker."""
        try:
            self.call_from_thread(self.notify, message, markup=False, timeout=12)
        except RuntimeError:  # already on the app's thread
            self.notify(message, markup=False, timeout=12)

    def start_finished(self) -> None:
        """The library is listed (or could not be): the start is over. The objects made
        so far (modules, classes, styles) are set aside for good (``gc.freeze``: full
        collections no longer go through them) and the collector's thresholds are put
        back."""
        if self.gc_thresholds is not None:
            import gc

            thresholds, self.gc_thresholds = self.gc_thresholds, None
            gc.freeze()
            gc.set_threshold(*thresholds)

    def on_mount(self) -> None:
        if self.gc_thresholds is not None:
            self.set_timer(5.0, self.start_finished)  # whatever happens to the loading
        if self.settings.problem:
            self.notify(self.settings.problem, severity="warning", markup=False, timeout=8)
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self.check_library, name="poll-library")

    def on_unmount(self) -> None:
        if self._services is not None:
            self._services.close()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def check_library(self) -> None:
        try:
            changed = self.services.changed()
        except Exception:  # a store briefly locked or gone: try again on the next tick
            return
        if changed:
            for screen in self.screen_stack:
                if isinstance(screen, ReaderScreen):
                    screen.post_message(LibraryChanged())

    # -- actions ----------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_next_theme(self) -> None:
        index = THEMES.index(self.theme) if self.theme in THEMES else -1
        self.theme = THEMES[(index + 1) % len(THEMES)]
        self.settings.remember("theme", self.theme)
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    def action_terminal_colours(self) -> None:
        self.theme = "ansi-light" if self.theme == "ansi-dark" else "ansi-dark"
        self.settings.remember("theme", self.theme)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every reader action by name in the command palette."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "List every key binding", self.action_help)
        yield SystemCommand("Next theme", "Cycle through the themes", self.action_next_theme)
        yield SystemCommand(
            "Terminal colours",
            "Use the terminal's own colours (ANSI theme)",
            self.action_terminal_colours,
        )
        if isinstance(screen, ReaderScreen):
            for binding in ReaderScreen.BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    yield SystemCommand(
                        binding.description,
                        f"key: {binding.key.replace(',', ' ')}",
                        partial(self.run_action, binding.action, screen),
                    )


def make_app(
    library_dir: Path,
    *,
    services: Services | None = None,
    export_dir: Path | None = None,
    poll_seconds: float | None = POLL_SECONDS,
    theme: str | None = None,
    settings: Settings | None = None,
    opener: Callable[[str], None] | None = None,
    seed_samples: bool = False,
) -> BriefApp:
    """The reader over ``library_dir`` (tests pass fixed services and no polling);
    ``seed_samples``: an empty default library gets the bundled samples."""
    return BriefApp(
        library_dir,
        services=services,
        export_dir=export_dir,
        poll_seconds=poll_seconds,
        theme=theme,
        settings=settings,
        opener=opener,
        seed_samples=seed_samples,
    )
