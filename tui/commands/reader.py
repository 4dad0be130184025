"""``brief`` with no command: open the reader."""

from __future__ import annotations

import argparse

from tui.context import Context


def list_instead(ctx: Context, args: argparse.Namespace) -> int:
    """``brief > file``, ``brief | less``: the list, not a full-screen app writing
    escape codes into a file and waiting for keys that never come."""
    from tui.commands.library import cmd_list

    # `brief | less` on an empty default library: the samples, as in the reader
    ctx.library(seed=True)
    return cmd_list(ctx, argparse.Namespace(json=False, sort="published"))


def terminal() -> bool:
    """Standard output and input are a terminal (the reader can run)."""
    import sys

    try:
        return sys.stdout is not None and sys.stdout.isatty() and sys.stdin is not None
    except (OSError, ValueError):
        return False


def run_reader(ctx: Context, args: argparse.Namespace) -> int:
    from briefings.library import DB_NAME

    if not (ctx.library_dir / DB_NAME).exists():
        # A new library gets the samples, and they need their index and related lists:
        # the search commands register that sync (otherwise the reader skips loading them).
        import tui.commands.search  # noqa: F401
    # create and seed before the first frame, report errors as one line; the store check
    # runs in the reader's background worker, after the first frame
    ctx.library(seed=True, check=False)
    ctx.close()
    from tui.app import make_app

    app = make_app(ctx.library_dir)
    app.run()
    return app.return_code or 0
