"""``brief who NAME``: a person page, every quote by one person across the library."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefings.people import AmbiguousName, PersonPage
from tui import output
from tui.context import CommandFailed, Context, UsageError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "who",
        help="a person page: every quote by one person, in date order, across outlets",
        description=(
            "Every quote by NAME across the library in date order, with the outlet, the role "
            "each article gave, where the evidence is; the roles seen over time, who they are "
            "mentioned with and the figures in their quotes. Short names are resolved through "
            "each briefing's own entities, never by a surname that several people share."
        ),
    )
    p.add_argument("name", nargs="+", metavar="NAME", help="the person's name (quote it)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--certain", action="store_true", help="leave out quotes whose speaker is uncertain"
    )
    p.add_argument(
        "--export",
        metavar="PATH",
        help="write the page as a Markdown dossier to PATH ('-' for stdout)",
    )
    p.set_defaults(handler=cmd_who)


def load_page(ctx: Context, name: str, *, certain: bool = False) -> PersonPage:
    from briefings.people import person_page
    from search.people import person_candidates
    from tui.commands.search import index_for

    index = index_for(ctx)
    library = ctx.library()
    ids = person_candidates(index, name)
    briefings = library.get_many(sorted(ids))
    return person_page(name, briefings, include_uncertain=not certain)


def cmd_who(ctx: Context, args: argparse.Namespace) -> int:
    name = " ".join(" ".join(args.name).split())
    if not name:
        raise UsageError("brief who: give a name")
    try:
        page = load_page(ctx, name, certain=args.certain)
    except AmbiguousName as exc:
        raise UsageError(f"brief who: {exc}") from None
    if not page.briefing_ids:
        raise CommandFailed(f"nobody called {name!r} in the library")
    if args.export:
        _export(ctx, page, args.export)
        return 0
    if args.json:
        from tui.commands.search import print_json

        print_json(page.as_json())
        return 0
    print_page(ctx, page)
    return 0


def _export(ctx: Context, page: PersonPage, where: str) -> None:
    from briefings.export import brief_version
    from briefings.export.person import person_markdown

    text = person_markdown(page, exported_at=datetime.now(UTC), version=brief_version())
    if where == "-":
        output.write(text)
        sys.stdout.flush()
        return
    path = Path(where).expanduser()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandFailed(f"cannot write {path}: {exc.strerror or exc}") from None
    ctx.note(f"wrote the page of {page.name} to {path}")


def print_page(ctx: Context, page: PersonPage) -> None:
    from tui.reports import person_lines

    for line in person_lines(page):
        ctx.out.print(line)
