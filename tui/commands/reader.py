"""``brief`` with no command: open the reader."""

from __future__ import annotations

import argparse

from tui.context import Context


def run_reader(ctx: Context, args: argparse.Namespace) -> int:
    ctx.library()  # create and seed before the first frame, report errors as one line
    ctx.close()
    from tui.app import make_app

    app = make_app(ctx.library_dir)
    app.run()
    return app.return_code or 0
