"""The reader's actions on the open briefing beyond reading it: reading state (read, star,
tags), deleting with undo, and getting it out of the app (open the original, copy a quote
with its citation, pipe the Markdown to a command).

``ReadingActions`` is mixed into ``ReaderScreen``; like the rest of the screen, every
call to the services runs in a thread worker that posts a past-tense message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding

from tui.messages import BriefingDeleted, DeleteUndone, ServiceFailed, StateChanged

if TYPE_CHECKING:
    from tui.app import BriefApp
    from tui.models import Deleted
    from tui.widgets.briefing_view import BriefingView

BINDINGS = [
    Binding("m", "toggle_read", "Mark read / unread", id="reader.read", show=False),
    Binding("asterisk,f", "toggle_star", "Star / unstar", id="reader.star", show=False),
    Binding("T", "edit_tags", "Tags", id="reader.tags", show=False),
    Binding("d,delete", "delete", "Delete the briefing", id="reader.delete", show=False),
    Binding("u", "undo_delete", "Undo the last delete", id="reader.undo", show=False),
    Binding("o", "open_original", "Open the original", id="reader.open_original", show=False),
    Binding("y", "copy", "Copy the quote with its citation", id="reader.copy", show=False),
    Binding("vertical_line", "pipe", "Pipe the Markdown to a command", id="reader.pipe", show=False),
]  # fmt: skip

#: seconds a piped command may run when its output is captured (no terminal to hand over)
PIPE_TIMEOUT = 30


class ReadingActions:
    """Reading state, delete and undo, and the ways out of the app (see module doc)."""

    open_id: str | None
    deleted: list[Deleted]
    app: Any

    if TYPE_CHECKING:  # provided by ReaderScreen

        @property
        def brief_app(self) -> BriefApp: ...

        @property
        def view(self) -> BriefingView: ...

    def _need_open(self, what: str) -> str | None:
        if self.open_id is None or self.view.opened is None:
            self.app.notify(f"No briefing open: nothing to {what}.", severity="warning")
            return None
        return self.open_id

    def _failed(self, exc: Exception) -> None:
        self.post_message(ServiceFailed(" ".join(str(exc).split()) or type(exc).__name__))  # type: ignore[attr-defined]

    # -- reading state -----------------------------------------------------------------------

    def action_toggle_read(self) -> None:
        if (briefing_id := self._need_open("mark")) is not None:
            assert self.view.opened is not None
            self.save_state(briefing_id, "read", not self.view.opened.read)

    def action_toggle_star(self) -> None:
        if (briefing_id := self._need_open("star")) is not None:
            assert self.view.opened is not None
            self.save_state(briefing_id, "starred", not self.view.opened.starred)

    def action_edit_tags(self) -> None:
        briefing_id = self._need_open("tag")
        if briefing_id is None or self.view.opened is None:
            return
        from tui.screens.prompt import NamePrompt

        def entered(text: str | None) -> None:
            if text is not None:
                self.save_state(briefing_id, "tags", text.replace(",", " ").split())

        self.app.push_screen(
            NamePrompt(
                "Tags",
                self.view.opened.briefing.title,
                initial=" ".join(self.view.opened.tags),
                placeholder="tags, separated by spaces",
                keys="enter save (empty: no tags) · esc cancel",
                allow_empty=True,
            ),
            entered,
        )

    @work(thread=True, group="state", exit_on_error=False)
    def save_state(self, briefing_id: str, what: str, value: Any) -> None:
        services = self.brief_app.services
        try:
            if what == "read":
                services.set_read(briefing_id, value)
                self.post_message(StateChanged(briefing_id, read=value))  # type: ignore[attr-defined]
            elif what == "starred":
                services.set_starred(briefing_id, value)
                self.post_message(StateChanged(briefing_id, starred=value))  # type: ignore[attr-defined]
            else:
                tags = services.set_tags(briefing_id, value)
                self.post_message(StateChanged(briefing_id, tags=tags))  # type: ignore[attr-defined]
        except Exception as exc:
            self._failed(exc)

    # -- delete and undo -----------------------------------------------------------------------

    def action_delete(self) -> None:
        if (briefing_id := self._need_open("delete")) is not None:
            self.delete_briefing(briefing_id)

    @work(thread=True, group="delete", exit_on_error=False)
    def delete_briefing(self, briefing_id: str) -> None:
        try:
            deleted = self.brief_app.services.delete(briefing_id)
        except Exception as exc:
            self._failed(exc)
            return
        self.post_message(BriefingDeleted(deleted))  # type: ignore[attr-defined]

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.app.notify("Nothing to undo: no briefing deleted in this session.")
            return
        self.undo_delete(self.deleted.pop())

    @work(thread=True, group="delete", exit_on_error=False)
    def undo_delete(self, deleted: Deleted) -> None:
        try:
            restored = self.brief_app.services.undo_delete(deleted)
        except Exception as exc:
            self._failed(exc)
            return
        self.post_message(DeleteUndone(deleted, restored))  # type: ignore[attr-defined]

    # -- getting out -------------------------------------------------------------------------------

    def action_open_original(self) -> None:
        if (briefing_id := self._need_open("open")) is not None:
            self.open_original(briefing_id)

    @work(thread=True, group="out", exit_on_error=False)
    def open_original(self, briefing_id: str) -> None:
        try:
            where = self.brief_app.services.original(briefing_id)
            if where is None:
                self.app.call_from_thread(
                    self.app.notify,
                    "This briefing has no URL or file to open (stdin or a sample).",
                    severity="warning",
                )
                return
            self.brief_app.opener(where)
        except Exception as exc:
            self._failed(exc)
            return
        self.app.call_from_thread(self.app.notify, f"Opened {where}", markup=False)

    def action_copy(self) -> None:
        briefing_id = self._need_open("copy")
        if briefing_id is None:
            return
        # The quote under the cursor of the Quotes pane; from anywhere else, the briefing's
        # citation.
        quotes = self.view.pane("quotes")
        has_quotes = self.view.opened is not None and bool(self.view.opened.briefing.quotes)
        quote = quotes.highlighted if quotes.has_focus and has_quotes else None
        self.copy_citation(briefing_id, quote)

    @work(thread=True, group="out", exit_on_error=False)
    def copy_citation(self, briefing_id: str, quote: int | None) -> None:
        try:
            text = self.brief_app.services.copy_text(briefing_id, quote)
        except Exception as exc:
            self._failed(exc)
            return

        def copy() -> None:
            self.app.copy_to_clipboard(text)
            what = "the quote with its citation" if quote is not None else "the citation"
            self.app.notify(f"Copied {what}", timeout=2)

        self.app.call_from_thread(copy)

    def action_pipe(self) -> None:
        briefing_id = self._need_open("pipe")
        if briefing_id is None:
            return
        from tui.screens.prompt import NamePrompt

        def entered(command: str | None) -> None:
            if command:
                self.pipe_markdown(briefing_id, command)

        assert self.view.opened is not None
        self.app.push_screen(
            NamePrompt(
                "Pipe the briefing as Markdown to",
                self.view.opened.briefing.title,
                placeholder="a shell command, e.g. less, pbcopy, tee ~/note.md",
                keys="enter run · esc cancel",
            ),
            entered,
        )

    @work(thread=True, group="out", exit_on_error=False)
    def pipe_markdown(self, briefing_id: str, command: str) -> None:
        try:
            markdown = self.brief_app.services.markdown(briefing_id)
        except Exception as exc:
            self._failed(exc)
            return
        self.app.call_from_thread(self._run_pipe, command, markdown)

    def _run_pipe(self, command: str, markdown: str) -> None:
        """Hand the terminal to ``command`` (a pager or editor works) when the app can be
        suspended; otherwise run it with its output captured."""
        import subprocess

        from textual.app import SuspendNotSupported

        driver = getattr(self.app, "_driver", None)
        try:
            if driver is None or not driver.can_suspend:
                raise SuspendNotSupported()
            with self.app.suspend():
                done = subprocess.run(command, shell=True, input=markdown, text=True, check=False)
            problem = ""
        except SuspendNotSupported:
            try:
                done = subprocess.run(
                    command,
                    shell=True,
                    input=markdown,
                    text=True,
                    capture_output=True,
                    timeout=PIPE_TIMEOUT,
                    check=False,
                )
            except subprocess.TimeoutExpired:
                self.app.notify(f"{command}: stopped after {PIPE_TIMEOUT} s", severity="error")
                return
            problem = (done.stderr or "").strip()
        if done.returncode:
            detail = f": {' '.join(str(problem).split())[:200]}" if problem else ""
            self.app.notify(
                f"{command} exited with {done.returncode}{detail}", severity="error", markup=False
            )
        else:
            self.app.notify(f"Piped the briefing to {command}", markup=False, timeout=3)
