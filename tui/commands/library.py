"""Library commands: ingest, list, show, rebuild, check."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from briefings.ingest import IngestError, Source, discover
from briefings.library import LibraryError
from briefings.models import Briefing, BriefingSummary
from briefings.pipeline import IngestReport, ingest, rebuild
from tui.context import CommandFailed, Context, UsageError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest", help="add articles (files, folders, or - for stdin) to the library"
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="a .txt, .md or .html file, a folder, or -"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary line and errors")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("list", help="list the briefings in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--sort", choices=["published", "added", "title"], default="published")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one briefing (a unique id prefix is enough)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print the briefing as JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("rebuild", help="re-derive briefings made by an older extractor")
    p.add_argument("--all", action="store_true", help="re-derive every briefing")
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("check", help="check the library store and search index")
    p.set_defaults(handler=cmd_check)


# -- ingest ------------------------------------------------------------------------------


def cmd_ingest(ctx: Context, args: argparse.Namespace) -> int:
    if args.paths.count("-") > 1:
        raise UsageError("brief ingest: '-' (stdin) may be given only once")
    library = ctx.library()
    sources: list[Source | IngestError] = list(discover(args.paths))
    total = sum(1 for s in sources if isinstance(s, Source))
    show_progress = ctx.err.is_terminal and not args.quiet and total > 1

    def failed(source: Source, outcome: object, error: str | None) -> None:
        if error:
            ctx.note(f"error: {error}")

    if show_progress:
        with Progress(
            TextColumn("[bold]ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}", markup=False),
            console=ctx.err,
            transient=True,
        ) as progress:
            task = progress.add_task("", total=total)

            def advanced(source: Source, outcome: object, error: str | None) -> None:
                if error:
                    progress.console.print(Text(f"error: {error}"))
                if source.path is not None or outcome is not None:
                    progress.advance(task)

            report = ingest(
                library,
                args.paths,
                sources=sources,
                on_source=lambda s: progress.update(task, description=s.label[-60:]),
                on_result=advanced,
            )
    else:
        report = ingest(library, args.paths, sources=sources, on_result=failed)
    ctx.after_change()
    ctx.note(report.line())
    return 1 if report.failed else 0


# -- list and show -------------------------------------------------------------------------


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = ctx.library().summaries(order=args.sort)
    if args.json:
        _print_json([r.model_dump(mode="json") for r in rows])
        return 0
    if not rows:
        ctx.note("The library is empty: add articles with 'brief ingest PATH'.")
        return 0
    if not ctx.interactive:  # piped: one tab-separated line per briefing, nothing cut
        for r in rows:
            date = r.published.isoformat() if r.published else ""
            line = "\t".join((r.id, date, r.source or "", r.title))
            sys.stdout.write(line.replace("\n", " ") + "\n")
        return 0
    ctx.out.print(list_table(rows, ctx.out.width))
    return 0


def list_table(rows: list[BriefingSummary], width: int) -> Table:
    """The briefings as a table ``width`` columns wide: the id and date always whole,
    the title cut to what is left (a long title must not squeeze the id out)."""
    table = Table(box=None, pad_edge=False, expand=True)
    table.add_column("id", style="dim", no_wrap=True, min_width=8)
    table.add_column("date", no_wrap=True, min_width=10)
    source_width = min(24, max(6, width // 6))
    table.add_column("source", max_width=source_width, no_wrap=True, overflow="ellipsis")
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=1, min_width=10)
    for r in rows:
        table.add_row(
            r.id[:8],
            r.published.isoformat() if r.published else "",
            Text(r.source or ""),
            Text(r.title),
        )
    return table


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library()
    briefing = library.get(library.resolve(args.id))
    if args.json:
        _print_json(briefing.model_dump(mode="json"))
        return 0
    ctx.out.print(render_briefing(briefing))
    return 0


def render_briefing(b: Briefing) -> Any:
    """A plain terminal rendering of a briefing; article text is never read as markup."""
    from rich.console import Group
    from rich.rule import Rule

    parts: list[Any] = [Text(b.title, style="bold")]
    meta = " · ".join(
        x for x in (b.source, b.published.isoformat() if b.published else None, b.author) if x
    )
    if meta:
        parts.append(Text(meta, style="dim"))
    parts.append(Text(f"id {b.id}  ·  {b.origin}", style="dim"))
    if b.dek:
        parts.append(Text(b.dek, style="italic"))

    def section(name: str) -> None:
        parts.append(Text(""))
        parts.append(Rule(name, align="left", style="dim"))

    if b.summary:
        section("Summary")
        parts.extend(Text.assemble("• ", s) for s in b.summary)
    if b.quotes:
        section("Quotes")
        for q in b.quotes:
            who = Text.assemble(("— ", "dim"), (q.speaker or "unattributed", "bold"))
            if q.speaker_role:
                who.append(f", {q.speaker_role}", style="dim")
            parts.append(Text.assemble("“", q.text, "” ", who))
            for link in q.corroborations:
                also = Text.assemble(("    also in ", "dim"), (link.id[:8], "dim"), " ", link.title)
                if link.differences:
                    wording = "; ".join(f"{a} → {b}" for a, b in link.differences)
                    also.append(f"  (wording: {wording})", style="dim")
                else:
                    also.append("  (same words)", style="dim")
                parts.append(also)
    if b.figures:
        section("Key figures")
        for f in b.figures:
            parts.append(Text.assemble((f.text, "bold"), "  ", (f.measures or f.sentence, "")))
    if b.entities:
        section("Entities")
        parts.append(Text(", ".join(e.name for e in b.entities)))
    if b.keywords:
        section("Keywords")
        parts.append(Text(", ".join(b.keywords)))
    if b.related:
        section("Related")
        for r in b.related:
            parts.append(
                Text.assemble(
                    (r.id[:8], "dim"), "  ", r.title, ("  " + "; ".join(r.reasons), "dim")
                )
            )
    return Group(*parts)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")
    sys.stdout.flush()


# -- rebuild and check -----------------------------------------------------------------------


def cmd_rebuild(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library()
    report: IngestReport = rebuild(library, everything=args.all)
    ctx.after_change()
    ctx.note(f"rebuilt {report.updated}, failed {report.failed}")
    for failure in report.failures:
        ctx.note(f"error: {failure}")
    return 1 if report.failed else 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library(seed=False)
    try:
        problems = library.integrity_problems()
    except Exception as exc:  # sqlite3.DatabaseError on a damaged file
        raise LibraryError(f"{library.db_path} is damaged: {exc}") from None
    if problems:
        raise CommandFailed(f"{library.db_path} is damaged: {problems[0]}")
    ctx.note(f"library ok: {library.count()} briefings in {library.folder}")
    for check in CHECKS:
        check(ctx)
    return 0


#: Further checks (the search layer adds the index check here).
CHECKS: list[Any] = []
