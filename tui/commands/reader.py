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
    from tui.context import DB_NAME

    seed_later = False
    if ctx.demo or not (ctx.library_dir / DB_NAME).exists():
        # A new library (or --demo): made, and on the default library given the samples
        # with their index and related lists, before the first frame (the first run pays
        # for it; a mistyped --library is one line here). The search commands register
        # that sync (otherwise the reader skips loading them).
        import tui.commands.search  # noqa: F401

        ctx.library(seed=True, check=False)
        ctx.close()
    else:
        # The daily start: nothing of the store is imported before the first frame (with
        # pydantic, about 180 ms of CPU). The reader's loading worker checks the store and
        # adds the samples to an empty default library, after the first frame.
        seed_later = not ctx.explicit_library
    # Python's garbage collector runs about 130 times while Textual and the reader are
    # imported and the first frames made (objects by the hundred thousand, few cycles):
    # 50 ms of CPU before the first frame, 70 by the time the list is filled. Until then
    # it waits for 20,000 new objects instead of 700 (``BriefApp.start_finished`` puts
    # the default back and freezes what the start made: later full collections, which
    # cost up to 40 ms in the middle of a keystroke, then skip it). Turned off instead,
    # the reader's peak memory grew by 16 MB (96 MB at 10k), and by 6 MB this way.
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(STARTING_GC_THRESHOLD, *thresholds[1:])
    try:
        from tui.app import make_app

        app = make_app(ctx.library_dir, seed_samples=seed_later)
        app.gc_thresholds = thresholds
        app.run()
    finally:
        gc.set_threshold(*thresholds)
    return app.return_code or 0


#: allocations between two of the garbage collector's youngest collections while the
#: reader starts (Python's default: 700)
STARTING_GC_THRESHOLD = 20_000
