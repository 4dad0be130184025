"""The key footer, recomposed only when the keys it shows change.

Textual's ``Footer`` removes and mounts all its keys again after every change of
the screen's bindings (each focus change), and once per change even when several
come before the next refresh. Starting the reader made the same seven keys three
times over before the first frame; moving between the list and a pane made them
again although they were the same. This footer composes exactly what ``Footer``
composes, and skips a recompose whose keys are the ones already shown.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeyFooter(Footer):
    """``Footer`` without the recomposes that would show the same keys again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: what the keys shown were composed from (None: nothing composed yet)
        self._shown: list[object] | None = None

    def _keys(self) -> list[object]:
        """Everything ``Footer.compose`` reads: the shown bindings, their state, the
        key names, and the footer's own settings."""
        app = self.app
        keys: list[object] = [
            self._bindings_ready,
            self.show_command_palette,
            self.combine_groups,
            self.compact,
            app.ENABLE_COMMAND_PALETTE,
        ]
        for name, (_, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.show or name == app.COMMAND_PALETTE_BINDING:
                keys.append((name, binding, app.get_key_display(binding), enabled, tooltip))
        return keys

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
