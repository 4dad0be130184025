"""Library commands: ingest, list, show, rebuild, check."""

from __future__ import annotations

import argparse
import os
from datetime import date
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from briefings import settings
from briefings.derive.text import sanitize
from briefings.ingest import (
    DEFAULT_MAX_BYTES,
    ENV_MAX_MB,
    IngestError,
    Source,
    discover,
    display_path,
    escape_controls,
    parse_megabytes,
    skipped_line,
)
from briefings.library import LibraryError
from briefings.models import Briefing, BriefingSummary
from briefings.pipeline import IngestReport, Overrides, ingest, rebuild
from tui import output
from tui.context import CommandFailed, Context, UsageError, resolve_id
from tui.wording import counted


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest", help="add articles (files, folders, or - for stdin) to the library"
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="a .txt, .md or .html file, a folder, or -"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="only the summary line and errors")
    p.add_argument(
        "--max-size",
        metavar="MB",
        help=f"skip articles larger than this (default: ${ENV_MAX_MB} or "
        f"{DEFAULT_MAX_BYTES // 1048576} MB)",
    )
    _time_limit_option(p)
    p.add_argument("--source", metavar="NAME", help="the outlet, for files that name none")
    p.add_argument("--url", metavar="URL", help="the article's web address (http or https)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the date it was published")
    p.add_argument(
        "--tag", metavar="TAG", action="append", default=[], help="a tag to add (repeatable)"
    )
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("list", help="list the briefings in the library")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--sort", choices=["published", "added", "title"], default="published")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one briefing (a unique id prefix is enough)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print the briefing as JSON")
    p.add_argument(
        "--format",
        choices=["text", "json", "md"],
        default=None,
        help="text (default), json (as --json) or md: the Markdown 'brief export' writes",
    )
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("rebuild", help="re-derive briefings made by an older extractor")
    p.add_argument("--all", action="store_true", help="re-derive every briefing")
    _time_limit_option(p)
    p.set_defaults(handler=cmd_rebuild)

    p = sub.add_parser("check", help="check the library store and search index")
    p.set_defaults(handler=cmd_check)


def _time_limit_option(p: Any) -> None:
    p.add_argument(
        "--time-limit",
        metavar="SECONDS",
        help="give up on an article that takes longer to read (default: "
        f"${settings.ENV_ARTICLE_SECONDS} or {settings.DEFAULT_ARTICLE_SECONDS:.0f} s)",
    )
    p.add_argument(
        "--memory-limit",
        metavar="MB",
        help="give up on an article that needs more memory to read (default: "
        f"${settings.ENV_ARTICLE_MEMORY} or {settings.DEFAULT_ARTICLE_MEMORY_MB:.0f} MB)",
    )


def _budget(
    args: argparse.Namespace, raw: str | None, flag: str, unit: str, upper: float
) -> float | None:
    """A per-article budget given on the command line (``--time-limit``,
    ``--memory-limit``), checked like the settings: a bad value is a usage error."""
    if raw is None:
        return None
    try:
        return settings.parse_number(raw, flag, unit=unit, upper=upper)
    except settings.SettingError as exc:
        raise UsageError(f"brief {args.command}: {exc}") from None


def _megabytes(args: argparse.Namespace) -> float | None:
    return _budget(args, args.memory_limit, "--memory-limit", "megabytes", settings.MAX_MB)


def _seconds(args: argparse.Namespace) -> float | None:
    return _budget(args, args.time_limit, "--time-limit", "seconds", settings.MAX_SECONDS)


# -- ingest ------------------------------------------------------------------------------


def cmd_ingest(ctx: Context, args: argparse.Namespace) -> int:
    if args.paths.count("-") > 1:
        raise UsageError("brief ingest: '-' (stdin) may be given only once")
    max_bytes = _max_size(args.max_size)
    seconds = _seconds(args)
    megabytes = _megabytes(args)
    overrides = _overrides(args)
    ctx.library(create=True).ensure_healthy()
    skipped: list[str] = []
    sources: list[Source | IngestError] = list(discover(args.paths, skipped=skipped))
    total = sum(1 for s in sources if isinstance(s, Source))
    with ctx.while_changing(total):
        report = _ingest(ctx, args, sources, total, max_bytes, seconds, overrides, megabytes)
    ctx.after_change()
    line = skipped_line(skipped)
    if line:
        ctx.note(line)
    for notice in report.notices:
        ctx.note(escape_controls(notice))
    ctx.note(report.line())
    return 1 if report.failed else 0


def _ingest(
    ctx: Context,
    args: argparse.Namespace,
    sources: list[Source | IngestError],
    total: int,
    max_bytes: int | None,
    seconds: float | None = None,
    overrides: Overrides | None = None,
    megabytes: float | None = None,
) -> IngestReport:
    library = ctx.library()
    show_progress = ctx.err.is_terminal and not args.quiet and total > 1

    def failed(source: Source, outcome: object, error: str | None) -> None:
        if error:
            ctx.note(f"error: {escape_controls(error)}")

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
                    progress.console.print(Text(f"error: {escape_controls(error)}"))
                if source.path is not None or outcome is not None:
                    progress.advance(task)

            report = ingest(
                library,
                args.paths,
                sources=sources,
                on_source=lambda s: progress.update(task, description=s.label[-60:]),
                on_result=advanced,
                max_bytes=max_bytes,
                seconds=seconds,
                overrides=overrides,
                megabytes=megabytes,
            )
        return report
    return ingest(
        library,
        args.paths,
        sources=sources,
        on_result=failed,
        max_bytes=max_bytes,
        seconds=seconds,
        overrides=overrides,
        megabytes=megabytes,
    )


def _overrides(args: argparse.Namespace) -> Overrides:
    """``--source``, ``--url``, ``--date`` and ``--tag`` checked; a bad one is a usage error."""
    source = " ".join((args.source or "").split()) or None
    url = (args.url or "").strip() or None
    if url is not None and (not url.startswith(("http://", "https://")) or " " in url):
        raise UsageError(f"brief ingest: --url must be an http(s) address, not {url!r}")
    published = None
    if args.date:
        try:
            published = date.fromisoformat(args.date.strip())
        except ValueError:
            raise UsageError(
                f"brief ingest: --date must be YYYY-MM-DD, not {args.date!r}"
            ) from None
    tags = tuple(t for t in args.tag if t.strip())
    return Overrides(source=source, url=url, published=published, tags=tags)


def _max_size(option: str | None) -> int | None:
    """The article size cap from ``--max-size`` or the environment; a bad value is a usage error."""
    try:
        if option is not None:
            return parse_megabytes(option, "--max-size")
        raw = os.environ.get(ENV_MAX_MB)
        return parse_megabytes(raw, ENV_MAX_MB) if raw else None
    except ValueError as exc:
        raise UsageError(f"brief ingest: {exc}") from None


# -- list and show -------------------------------------------------------------------------


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = ctx.library().summaries(order=args.sort)
    ctx.report_skipped()
    if args.json:
        _print_json([r.model_dump(mode="json") for r in rows])
        return 0
    if not rows:
        ctx.note("The library is empty: add articles with 'brief ingest PATH'.")
        return 0
    if not ctx.interactive:  # piped: one tab-separated line per briefing, nothing cut
        for r in rows:
            date = r.published.isoformat() if r.published else ""
            cells = (r.id, date, _cell(r.source or ""), _cell(r.title))
            output.write("\t".join(cells) + "\n")
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
            Text(_inert(r.source or "")),
            Text(_inert(r.title)),
        )
    return table


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library()
    briefing = library.get(resolve_id(library, args.id))
    if args.json or args.format == "json":
        _print_json(briefing.model_dump(mode="json"))
        return 0
    if args.format == "md":
        from datetime import UTC, datetime

        from briefings.export import brief_version, briefing_markdown

        state = library.reading_states([briefing.id]).get(briefing.id)
        text = briefing_markdown(
            briefing,
            exported_at=datetime.now(UTC),
            version=brief_version(),
            tags=state.tags if state else (),
        )
        output.write(text)
        return 0
    ctx.out.print(render_briefing(briefing))
    return 0


def _inert(text: str) -> str:
    """Stored text made safe for a terminal, whatever wrote it: control and bidi
    characters become visible stand-ins (derivation already does this; an old or
    hand-edited store may not have)."""
    return sanitize(text)


def _cell(text: str) -> str:
    """One tab-separated cell: inert, on one line, with no tab of its own."""
    return output.inert(_inert(text).replace("\n", " ").replace("\t", " "), lines=False)


def render_briefing(b: Briefing) -> Any:
    """A plain terminal rendering of a briefing; article text is never read as markup
    (only ``Text`` objects) and never reaches the terminal with a control character."""
    from rich.console import Group
    from rich.rule import Rule

    def t(text: str | None, style: str = "") -> Text:
        return Text(_inert(text or ""), style=style)

    parts: list[Any] = [t(b.title, "bold")]
    meta = " · ".join(
        x for x in (b.source, b.published.isoformat() if b.published else None, b.author) if x
    )
    if meta:
        parts.append(t(meta, "dim"))
    parts.append(Text(f"id {b.id}  ·  {display_path(b.origin)}", style="dim"))
    if b.url:
        parts.append(t(b.url, "dim"))
    if b.dek:
        parts.append(t(b.dek, "italic"))

    def section(name: str) -> None:
        parts.append(Text(""))
        parts.append(Rule(name, align="left", style="dim"))

    if b.summary:
        section("Summary")
        parts.extend(Text.assemble("• ", t(s)) for s in b.summary)
    if b.quotes:
        section("Quotes")
        for q in b.quotes:
            who = Text.assemble(("— ", "dim"), t(q.speaker or "unattributed", "bold"))
            if q.speaker_role:
                who.append_text(t(f", {q.speaker_role}", "dim"))
            if q.speaker_uncertain:  # named, but the attribution is not confident
                who.append_text(Text(" (uncertain)", "italic"))
            parts.append(Text.assemble("“", t(q.text), "” ", who))
            for link in q.corroborations:
                also = Text.assemble(
                    ("    also in ", "dim"), (link.id[:8], "dim"), " ", t(link.title)
                )
                if link.differences:
                    wording = "; ".join(f"{a} → {b}" for a, b in link.differences)
                    also.append_text(t(f"  (wording: {wording})", "dim"))
                else:
                    also.append("  (same words)", style="dim")
                parts.append(also)
    if b.figures:
        section("Key figures")
        for f in b.figures:
            parts.append(
                Text.assemble(t(f.text, "bold"), "  ", t(f.measures_shown() or f.sentence))
            )
    if b.entities:
        section("Entities")
        parts.append(t(", ".join(e.name for e in b.entities)))
    if b.keywords:
        section("Keywords")
        parts.append(t(", ".join(b.keywords)))
    if b.related:
        section("Related")
        for r in b.related:
            parts.append(
                Text.assemble(
                    t(r.id[:8], "dim"), "  ", t(r.title), t("  " + "; ".join(r.reasons), "dim")
                )
            )
    return Group(*parts)


def _print_json(data: Any) -> None:
    """JSON on stdout, readable but inert on a terminal (``tui.output.json_text``)."""
    output.write_json(data)


# -- rebuild and check -----------------------------------------------------------------------


def cmd_rebuild(ctx: Context, args: argparse.Namespace) -> int:
    seconds = _seconds(args)
    megabytes = _megabytes(args)
    library = ctx.library(check=False)  # ensure_healthy is the full check
    library.ensure_healthy()
    report: IngestReport = rebuild(
        library, everything=args.all, seconds=seconds, megabytes=megabytes
    )
    ctx.after_change()
    ctx.note(f"rebuilt {report.updated}, failed {report.failed}")
    for failure in report.failures:
        ctx.note(f"error: {escape_controls(failure)}")
    return 1 if report.failed else 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library(check=False)
    try:
        problems = library.integrity_problems()
    except Exception as exc:  # sqlite3.DatabaseError on a damaged file
        raise LibraryError(f"{library.db_path} is damaged: {exc}") from None
    if problems:
        raise CommandFailed(f"{library.db_path} is damaged: {problems[0]}")
    ctx.note(f"library ok: {counted(library.count(), 'briefing')} in {library.folder}")
    for check in CHECKS:
        check(ctx)
    return 0


#: Further checks (the search layer adds the index check here).
CHECKS: list[Any] = []
