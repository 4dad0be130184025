"""CLI commands, one module per area; each module has ``register(subparsers)``.

Adding a command: write a module with ``register`` and list it here.
"""

from __future__ import annotations

import importlib
from types import ModuleType

COMMAND_MODULES = [
    "tui.commands.library",
    "tui.commands.search",
    "tui.commands.export",
    "tui.commands.who",
    "tui.commands.stories",
    "tui.commands.digest",
    "tui.commands.manage",
]


def load_commands(names: list[str]) -> list[ModuleType]:
    return [importlib.import_module(name) for name in names]
