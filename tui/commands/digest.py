"""``brief digest SAVED``: what is new in a saved search since its last digest."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from typing import Any

from tui import output
from tui.context import CommandFailed, Context, UsageError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "digest",
        help="what is new in a saved search since its last digest, as Markdown",
        description=(
            "The briefings a saved search matches that were added since its last digest, "
            "the people quoted for the first time, new quotes by people already quoted and "
            "figures that changed. Each digest moves the saved search's mark, so running it "
            "again at once is empty; --since DATE looks back from a date without moving it."
        ),
    )
    p.add_argument("name", metavar="SAVED", help="the saved search")
    p.add_argument("--since", metavar="DATE", help="briefings added on or after DATE instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("-o", "--output", metavar="PATH", help="write the Markdown to PATH")
    p.set_defaults(handler=cmd_digest)


def cmd_digest(ctx: Context, args: argparse.Namespace) -> int:
    from briefings.digest import digest_markdown
    from search import QueryError, SavedSearchError
    from search.digests import make_digest
    from tui.commands.search import index_for

    since: str | None = None
    if args.since:
        try:
            day = date.fromisoformat(args.since)
        except ValueError:
            raise UsageError(f"brief digest: {args.since!r} is not a date (YYYY-MM-DD)") from None
        since = datetime.combine(day, datetime.min.time(), UTC).isoformat()
    index = index_for(ctx)
    try:
        digest = make_digest(ctx.library(), index, args.name, since=since)
    except SavedSearchError as exc:
        raise UsageError(f"brief digest: {exc}") from None
    except QueryError as exc:
        raise CommandFailed(f"saved search {args.name!r} no longer works: {exc}") from None
    if args.json:
        from tui.commands.search import print_json

        print_json(digest.as_json())
        return 0
    text = digest_markdown(digest, made_at=datetime.now(UTC))
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise CommandFailed(f"cannot write {args.output}: {exc.strerror or exc}") from None
        ctx.note(f"wrote the digest of {digest.name!r} to {args.output}")
    else:
        output.write(text)
        sys.stdout.flush()
    ctx.note(f"{len(digest.new)} new briefing{'s' if len(digest.new) != 1 else ''}")
    return 0
