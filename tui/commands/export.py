"""``brief export``: briefings as Markdown files, or a dossier of a search."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from briefings.export import (
    ENV_EXPORT_DIR,
    ExportExists,
    Planned,
    UnsafeTarget,
    Written,
    default_export_dir,
    plan_briefings,
    plan_dossier,
    write_all,
)
from briefings.models import Briefing
from tui import output
from tui.context import CommandFailed, Context, UsageError, resolve_id

#: Most hits a --query or --saved dossier takes (the search layer ranks them).
DEFAULT_LIMIT = 200


def register(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write briefings as Markdown, or the results of a search as one dossier",
        description=(
            "Write each briefing (by id) as a Markdown file with YAML front matter, or the "
            "results of --query/--saved as one dossier. Files go to --dir, else the "
            f"config file's export_dir (brief config path), else ${ENV_EXPORT_DIR}, else the "
            "'brief' folder in your documents folder; "
            "existing files are kept unless --force."
        ),
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="briefing ids (unique prefixes)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--query", "-q", metavar="Q", help="a dossier of the briefings matching Q")
    what.add_argument("--saved", metavar="NAME", help="a dossier of a saved search's results")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write one file at PATH ('-' for stdout); several ids then make one dossier",
    )
    p.add_argument("--dir", metavar="DIR", help="the export folder (default: see above)")
    p.add_argument("--dossier", action="store_true", help="put the given ids in one dossier")
    p.add_argument("--with-source", action="store_true", help="include the article text")
    p.add_argument("--force", "-f", action="store_true", help="overwrite existing files")
    p.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N briefings in a search dossier (default {DEFAULT_LIMIT})",
    )
    p.set_defaults(handler=cmd_export)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    searching = args.query is not None or args.saved is not None
    if searching and args.ids:
        raise UsageError("brief export: give ids or --query/--saved, not both")
    if not searching and not args.ids:
        raise UsageError("brief export: give one or more ids, --query Q or --saved NAME")
    if args.output is not None and args.dir is not None:
        raise UsageError("brief export: -o and --dir do not go together")
    if args.limit < 1:
        raise UsageError("brief export: --limit must be at least 1")
    ctx.library()  # the store check: never export from a damaged store as if it were whole

    if searching:
        query, saved, briefings = _search(ctx, args)
        dossier = True
    else:
        library = ctx.library()
        ids = list(dict.fromkeys(resolve_id(library, i) for i in args.ids))
        briefings, query, saved = library.get_many(ids), None, None
        dossier = args.dossier or (len(briefings) > 1 and args.output is not None)

    if args.output == "-":
        text = (
            plan_dossier(
                briefings,
                Path("-"),
                query=query,
                saved=saved,
                with_source=args.with_source,
                stories=ctx.library().story_of([b.id for b in briefings]),
            ).text
            if dossier
            else plan_briefings(
                briefings, Path("."), with_source=args.with_source, tags=_user_tags(ctx, briefings)
            )[0].text
        )
        output.write(text)
        sys.stdout.flush()
        return 0

    folder, file = _destination(ctx, args)
    if dossier:
        planned = [
            plan_dossier(
                briefings,
                file or folder,
                query=query,
                saved=saved,
                with_source=args.with_source,
                folder=file is None,
                stories=ctx.library().story_of([b.id for b in briefings]),
            )
        ]
    else:
        planned = plan_briefings(
            briefings,
            file.parent if file else folder,
            with_source=args.with_source,
            tags=_user_tags(ctx, briefings),
        )
        if file is not None:
            planned = [Planned(file, planned[0].text)]
    result = _write(planned, force=args.force)
    for path in result.written:
        output.write(output.inert(str(path), lines=False) + "\n")
    sys.stdout.flush()
    if not result.written and len(result.skipped) == 1:
        raise CommandFailed(f"{result.skipped[0]} exists; use --force to overwrite it")
    for path in result.skipped:
        ctx.note(f"skipped {path}: it exists (use --force to overwrite it)")
    if not result.written:
        raise CommandFailed(f"nothing exported: all {len(result.skipped)} files exist")
    where = result.written[0].parent
    noun = "a dossier of" if dossier else ""
    done = len(briefings) - len(result.skipped) if not dossier else len(briefings)
    count = f"{done} briefing{'s' if done != 1 else ''}"
    ctx.note(f"exported {noun + ' ' if noun else ''}{count} to {where}")
    return 1 if result.skipped else 0


def _user_tags(ctx: Context, briefings: list[Briefing]) -> dict[str, tuple[str, ...]]:
    """The user's tags of each briefing (``ingest --tag``, the reader's ``T``)."""
    states = ctx.library().reading_states([b.id for b in briefings])
    return {briefing_id: state.tags for briefing_id, state in states.items()}


def _destination(ctx: Context, args: argparse.Namespace) -> tuple[Path, Path | None]:
    """(export folder, single output file or None)."""
    if args.output is not None:
        out = Path(args.output).expanduser()
        if out.is_dir():
            return out, None
        return out.parent, out
    return (Path(args.dir).expanduser() if args.dir else _configured_folder(ctx)), None


def _configured_folder(ctx: Context) -> Path:
    """``export_dir`` of the config file (as the reader's ``e`` uses it), else the
    default folder: flag > config > ``$BRIEF_EXPORT_DIR`` > documents folder."""
    from tui.settings import Settings

    settings = Settings.load()
    if settings.problem:
        ctx.note(settings.problem)
    return settings.export_dir or default_export_dir()


def _write(planned: list[Planned], *, force: bool) -> Written:
    try:
        return write_all(planned, force=force)
    except (ExportExists, UnsafeTarget) as exc:
        raise CommandFailed(str(exc)) from None
    except OSError as exc:
        where = exc.filename or (planned[0].path if planned else "")
        raise CommandFailed(f"cannot write {where}: {exc.strerror or exc}") from None


def _search(
    ctx: Context, args: argparse.Namespace
) -> tuple[str | None, str | None, list[Briefing]]:
    """(query, saved search name, the matching briefings in ranked order).

    A malformed --query or an unknown --saved name is a usage error (exit 2);
    a saved query that no longer parses is a failure (exit 1), as in ``brief saved run``.
    """
    from search import QueryError, SavedSearchError, SavedSearches
    from tui.commands.search import index_for

    index = index_for(ctx)  # opened once per command, synced with the store
    library = ctx.library()
    name: str | None = None
    if args.saved is not None:
        try:  # not ``run``: an export does not mark the saved search's new hits as seen
            found = SavedSearches(library, index).get(args.saved)
        except SavedSearchError as exc:
            raise UsageError(f"brief export: {exc}") from None
        name, query = found.name, found.query
        try:
            results = index.search(query, limit=args.limit, highlight=False)
        except QueryError as exc:
            raise CommandFailed(f"saved search {name!r} no longer works: {exc}") from None
    else:
        query = args.query
        try:
            results = index.search(query, limit=args.limit, highlight=False)
        except QueryError as exc:
            raise UsageError(f"brief export: {exc}") from None
    if not results.hits:
        what = f"the saved search {name!r} ({query!r})" if name else repr(query)
        hint = f"; did you mean {results.suggestion!r}?" if results.suggestion else ""
        raise CommandFailed(f"nothing to export: no briefings match {what}{hint}")
    if results.total > len(results.hits):
        ctx.note(
            f"{results.total_text} briefings match; the dossier has the best {len(results.hits)} "
            "(raise --limit for more)"
        )
    ids = [hit.id for hit in results.hits]
    return query, name, library.get_many(ids)
