"""``brief rm``, ``brief config`` and ``brief completion``: deleting briefings, the settings
file, and shell completion scripts."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from typing import Any

from briefings.library import NotFound
from tui import output
from tui.context import EXIT_AMBIGUOUS, AmbiguousId, CommandFailed, Context, UsageError, resolve_id

SHELLS = ("bash", "zsh", "fish")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "rm",
        help="delete briefings (related lists and quote links of the others follow)",
        description="Delete briefings by id (a unique prefix is enough). Exit codes: "
        "0 all deleted, 1 some ids not found, 2 usage error, 3 an id prefix matches several "
        "briefings (the error names them; the other ids are still deleted).",
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(handler=cmd_rm)

    p = sub.add_parser("config", help="the settings file: where it is, what it holds, edit it")
    p.add_argument(
        "action",
        choices=["path", "show", "edit"],
        help="path: print where it is; show: print it; edit: open it in $VISUAL or $EDITOR",
    )
    p.set_defaults(handler=cmd_config)

    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for SHELL. bash: "
        "'brief completion bash > ~/.local/share/bash-completion/completions/brief'; "
        "zsh: 'brief completion zsh > ~/.zfunc/_brief' (with ~/.zfunc in fpath); "
        "fish: 'brief completion fish > ~/.config/fish/completions/brief.fish'.",
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=" | ".join(SHELLS))
    p.set_defaults(handler=cmd_completion)


# -- rm ---------------------------------------------------------------------------------------


def cmd_rm(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library(check=False)  # ensure_healthy is the full check
    library.ensure_healthy()
    missing = 0
    ambiguous = 0
    deleted = 0
    for prefix in args.ids:
        try:
            briefing_id = resolve_id(library, prefix)
        except NotFound as exc:
            ctx.note(f"error: {exc}")
            missing += 1
            continue
        except AmbiguousId as exc:
            ctx.note(f"error: {exc}")
            ambiguous += 1
            continue
        title = library.get(briefing_id).title
        if library.remove(briefing_id) is not None:
            deleted += 1
            ctx.note(f"deleted {briefing_id[:8]} {title}")
    if deleted:
        ctx.after_change()  # the index, related lists and quote links of the others
    ambiguous_note = f", ambiguous {ambiguous}" if ambiguous else ""
    ctx.note(f"deleted {deleted}, not found {missing}{ambiguous_note}")
    return EXIT_AMBIGUOUS if ambiguous else 1 if missing else 0


# -- config ---------------------------------------------------------------------------------


def cmd_config(ctx: Context, args: argparse.Namespace) -> int:
    from tui.settings import TEMPLATE, Settings, config_path

    path = config_path()
    if args.action == "path":
        output.write(f"{path}\n")
        return 0
    if args.action == "show":
        try:
            output.write(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            ctx.note(f"no settings file at {path} yet ('brief config edit' makes one); defaults:")
            output.write(TEMPLATE)
            return 0
        except OSError as exc:
            raise CommandFailed(f"cannot read {path}: {exc.strerror or exc}") from None
        problem = Settings.load(path).problem
        if problem:
            ctx.note(problem)
            return 1
        return 0
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(TEMPLATE, encoding="utf-8")
        except OSError as exc:
            raise CommandFailed(f"cannot create {path}: {exc.strerror or exc}") from None
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        done = subprocess.run([*shlex.split(editor), str(path)], check=False)
    except OSError as exc:
        raise CommandFailed(f"cannot run the editor {editor!r}: {exc.strerror or exc}") from None
    problem = Settings.load(path).problem
    if problem:
        ctx.note(problem)
        return 1
    return 1 if done.returncode else 0


# -- completion ------------------------------------------------------------------------------


def cmd_completion(ctx: Context, args: argparse.Namespace) -> int:
    """The completion script shtab generates from the parser itself, so it always lists
    the commands and options there are."""
    import shtab

    from tui.cli import build_parser

    if args.shell not in SHELLS:  # pragma: no cover - argparse checks the choice
        raise UsageError(f"brief completion: unknown shell {args.shell!r}")
    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
