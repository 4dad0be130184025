"""Search commands: search, saved, related, reindex; and the index hooks for the others.

Importing this module registers ``sync_index`` to run after every library
change (``tui.context.AFTER_CHANGE``) and an index check for ``brief check``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.text import Text

from search import QueryError, SavedSearchError, SavedSearches, SearchIndex, SearchResults
from search.background import BackgroundSync
from search.index import changes_left
from tui import output
from tui.commands import library as library_commands
from tui.context import (
    AFTER_CHANGE,
    WHILE_CHANGING,
    CommandFailed,
    Context,
    UsageError,
    resolve_id,
)
from tui.wording import counted, plural

HIGHLIGHT = "bold reverse"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help='search the library (words, "phrases", OR, -word, title:, speaker:, after:...)',
        description=(
            'Bare words are ANDed. Also: "a phrase", OR, NOT or -word, (groups), word*, '
            "field prefixes title: speaker:/who: source: entity: author: quote: keyword: body:, "
            "dates after:2024-01-01 before:2024 date:2023-12..2024-01."
        ),
    )
    p.add_argument("query", nargs="+", metavar="QUERY", help="the query (quote it in the shell)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits (20)")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    p.add_argument(
        "--count",
        action="store_true",
        help="count every hit exactly (by default counting stops at 1,000: '1,000+')",
    )
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("related", help="the briefings related to one briefing")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_related)

    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    p.add_argument(
        "--related", action="store_true", help="also recompute every briefing's related articles"
    )
    p.set_defaults(handler=cmd_reindex)

    p = sub.add_parser("saved", help="saved searches: add, list, run, rename, rm")
    saved = p.add_subparsers(dest="saved_command", metavar="ACTION", required=True)
    q = saved.add_parser("add", help="save a query under a name")
    q.add_argument("name", metavar="NAME")
    q.add_argument("query", nargs="+", metavar="QUERY")
    q.set_defaults(handler=cmd_saved_add)
    q = saved.add_parser(
        "list",
        help="saved searches with hit counts and new hits",
        description=(
            "List the saved searches at once, each with its hit and new-hit counts while "
            f"counting takes under {SAVED_COUNT_SECONDS:g} s in all; the rest are listed "
            "without counts (--counts waits for every count, --no-counts counts none)."
        ),
    )
    q.add_argument("--json", action="store_true", help="print JSON (a count not made is null)")
    counting = q.add_mutually_exclusive_group()
    counting.add_argument(
        "--counts", dest="counts", action="store_const", const="all", help="count every one"
    )
    counting.add_argument(
        "--no-counts", dest="counts", action="store_const", const="none", help="count none"
    )
    q.set_defaults(handler=cmd_saved_list, counts="budget")
    q = saved.add_parser("run", help="run a saved search (marks its hits as seen)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true", help="print JSON")
    q.add_argument("--limit", type=_positive, default=20, metavar="N")
    q.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    q.set_defaults(handler=cmd_saved_run)
    q = saved.add_parser("rename", help="rename a saved search")
    q.add_argument("old", metavar="OLD")
    q.add_argument("new", metavar="NEW")
    q.set_defaults(handler=cmd_saved_rename)
    q = saved.add_parser("rm", help="remove a saved search")
    q.add_argument("name", metavar="NAME")
    q.set_defaults(handler=cmd_saved_rm)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


# -- the index for a command ------------------------------------------------------------


def index_for(ctx: Context) -> SearchIndex:
    """The command's search index, opened (and repaired if need be) once per command."""
    current = getattr(ctx, "_search_index", None)
    library = ctx.library()
    if current is None or current.library is not library:
        bar = _ProgressBar(ctx)
        with bar:  # opening may rebuild a missing index: minutes for a large library
            current = SearchIndex(
                library, on_message=ctx.note, on_progress=bar, settings=ctx.settings
            )
            ctx._search_index = current  # type: ignore[attr-defined]
            ctx._search_progress = bar  # type: ignore[attr-defined]
            current.sync()  # repairs what an interrupted command left behind
    return current


class _ProgressBar:
    """A progress bar on stderr (a terminal only) while a long sync catches up."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.ctx.err.is_terminal:
            return
        if self.progress is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]indexing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.ctx.err,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("", total=total)
        self.progress.update(self.task, completed=done, total=total)
        if done >= total:
            self.close()

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def sync_index(ctx: Context) -> None:
    """After a library change: bring the index, related lists and quote links up to date."""
    index = index_for(ctx)
    with ctx._search_progress:  # type: ignore[attr-defined]
        index.sync()


def check_index(ctx: Context) -> None:
    """``brief check``: the index holds exactly the store's briefings (repaired if not)."""
    index = index_for(ctx)
    index.sync()
    added, removed = index.reconcile()
    if added or removed:
        ctx.note(f"search index repaired: added {added}, removed {removed}")
    ctx.note(f"search index ok: {counted(index.doc_count(), 'briefing')} in {index.folder}")


@contextmanager
def background_sync(ctx: Context, articles: int) -> Iterator[BackgroundSync]:
    """While a long ingest stores briefings, child processes index them and compute
    their related lists; once all are stored, they finish the queues (with a progress bar
    on a terminal)."""
    index_for(ctx)  # the index exists (and is repaired) before the children open it
    library = ctx.library()
    with BackgroundSync(ctx.library_dir, articles) as background:
        yield background
        if background.running:
            total = library.outstanding_changes()
            with _ProgressBar(ctx) as bar:
                background.finish(lambda: bar(max(0, total - changes_left(library)), max(1, total)))


if sync_index not in AFTER_CHANGE:
    AFTER_CHANGE.append(sync_index)
if background_sync not in WHILE_CHANGING:
    WHILE_CHANGING.append(background_sync)
if check_index not in library_commands.CHECKS:
    library_commands.CHECKS.append(check_index)


# -- search ------------------------------------------------------------------------------


def run_query(
    ctx: Context, query: str, *, limit: int, sort: str, exact_count: bool = False
) -> SearchResults:
    try:
        return index_for(ctx).search(query, limit=limit, sort=sort, exact_count=exact_count)
    except QueryError as exc:
        raise UsageError(f"brief search: {exc}") from None


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if not query.strip():
        raise UsageError(
            "brief search: the query is empty: give words or fields to search for "
            "(brief list shows every briefing)"
        )
    ctx.library()  # the store check: the index alone would answer from a damaged store
    results = run_query(
        ctx, query, limit=args.limit, sort=args.sort, exact_count=getattr(args, "count", False)
    )
    print_results(ctx, results, as_json=args.json)
    return 0 if results.hits else 1


def print_results(ctx: Context, results: SearchResults, *, as_json: bool) -> None:
    if as_json:
        print_json(results.as_json())
        return
    if results.suggestion:
        ctx.note(f"did you mean: {results.suggestion}")
    if not results.hits:
        ctx.note(f"no briefings match {results.query!r}")
        return
    if not ctx.interactive:  # piped: tab-separated, plain; the count still goes to stderr
        for h in results.hits:
            date = h.published.isoformat() if h.published else ""
            cells = (h.id, date, h.source or "", h.title, h.snippet_text)
            line = "\t".join(" ".join(c.split()) for c in cells)
            output.write(line + "\n")
        _note_count(ctx, results)
        return
    for h in results.hits:
        head = Text.assemble(
            (h.id[:8], "dim"),
            "  ",
            (h.published.isoformat() if h.published else "          ", ""),
            "  ",
            (h.title, "bold"),
        )
        if h.source:
            head.append(f"  · {h.source}", style="dim")
        ctx.out.print(head, overflow="ellipsis", no_wrap=True)
        snippet = Text("    ")
        for segment, on in h.snippet:
            snippet.append(segment, style=HIGHLIGHT if on else "")
        ctx.out.print(snippet)
    _note_count(ctx, results)
    for name, label in (("source", "sources"), ("speaker", "speakers")):
        counts = results.facets.get(name) or []
        if counts:
            line = ", ".join(f"{value} ({n})" for value, n in counts[:8])
            ctx.err.print(Text.assemble((f"{label}: ", "dim"), line))


def _note_count(ctx: Context, results: SearchResults) -> None:
    """The hit count on stderr ("12 briefings (showing 10)"), whether stdout is a terminal
    or a pipe (piped, stdout keeps only the tab-separated hit lines)."""
    shown = len(results.hits)
    more = f" (showing {shown})" if shown < results.total or not results.total_exact else ""
    noun = plural(results.total, "briefing") if results.total_exact else "briefings"
    ctx.note(f"{results.total_text} {noun}{more}")


def print_json(data: Any) -> None:
    output.write_json(data)


# -- saved searches ---------------------------------------------------------------------------


def _saved(ctx: Context) -> SavedSearches:
    return SavedSearches(ctx.library(), index_for(ctx))


@contextmanager
def _saved_usage(action: str) -> Iterator[None]:
    """An unknown or unusable saved-search name is a usage error (exit 2) in every command."""
    try:
        yield
    except SavedSearchError as exc:
        raise UsageError(f"brief saved {action}: {exc}") from None


def cmd_saved_add(ctx: Context, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    try:
        with _saved_usage("add"):
            saved = _saved(ctx).add(args.name, query)
    except QueryError as exc:
        raise UsageError(f"brief saved add: {exc}") from None
    matching = f"{counted(saved.count, 'briefing')} {plural(saved.count, 'matches', 'match')}"
    ctx.note(f"saved {saved.name!r}: {matching} {saved.query!r}")
    return 0


#: seconds ``saved list`` spends counting hits before it lists the rest without counts
SAVED_COUNT_SECONDS = 1.0


def cmd_saved_list(ctx: Context, args: argparse.Namespace) -> int:
    """Names and queries at once (no counting needed to list them); counts while they
    take under ``SAVED_COUNT_SECONDS`` in all, so 500 wildcard searches never hold the
    listing (each count is bounded by the query limits)."""
    import time

    from search.saved import SavedSearch, _naive_utc

    saved = _saved(ctx)
    entries = saved.entries()
    if not entries and not args.json:
        ctx.note("no saved searches: add one with brief saved add NAME QUERY")
        return 0
    deadline = time.monotonic() + SAVED_COUNT_SECONDS
    rows: list[dict[str, Any]] = []
    left_out = 0
    for name, query, opened in entries:
        counted = args.counts == "all" or (args.counts == "budget" and time.monotonic() < deadline)
        if counted:
            row = saved.describe(name, query, opened).as_json()
        else:
            left_out += 1
            row = SavedSearch(name, query, 0, 0, None, _naive_utc(opened)).as_json()
            row.update(count=None, new_count=None)
        if args.json:
            rows.append(row)
        else:
            _print_saved(ctx, row)
    if args.json:
        print_json(rows)
    if left_out and args.counts == "budget":
        ctx.note(
            f"{left_out} saved search(es) listed without counts (counting took over "
            f"{SAVED_COUNT_SECONDS:g} s): 'brief saved list --counts' counts every one"
        )
    return 0


def _print_saved(ctx: Context, s: dict[str, Any]) -> None:
    if s["error"]:
        line = Text.assemble((s["name"], "bold"), "  ", (f"error: {s['error']}", "red"))
    elif s["count"] is None:
        line = Text.assemble((s["name"], "bold"), ("  not counted", "dim"))
    else:
        line = Text.assemble((s["name"], "bold"), f"  {counted(s['count'], 'briefing')}")
        if s["new_count"]:
            line.append(f", {s['new_count']} new", style="green")
    line.append(f"  {s['query']}", style="dim")
    ctx.out.print(line, overflow="ellipsis", no_wrap=True)


def cmd_saved_run(ctx: Context, args: argparse.Namespace) -> int:
    try:
        with _saved_usage("run"):
            results = _saved(ctx).run(args.name, limit=args.limit, sort=args.sort)
    except QueryError as exc:
        raise CommandFailed(f"saved search {args.name!r} no longer works: {exc}") from None
    print_results(ctx, results, as_json=args.json)
    return 0 if results.hits else 1


def cmd_saved_rename(ctx: Context, args: argparse.Namespace) -> int:
    with _saved_usage("rename"):
        _saved(ctx).rename(args.old, args.new)
    ctx.note(f"renamed {args.old!r} to {args.new!r}")
    return 0


def cmd_saved_rm(ctx: Context, args: argparse.Namespace) -> int:
    with _saved_usage("rm"):
        _saved(ctx).remove(args.name)
    ctx.note(f"removed {args.name!r}")
    return 0


# -- related and reindex --------------------------------------------------------------------


def cmd_related(ctx: Context, args: argparse.Namespace) -> int:
    library = ctx.library()
    index_for(ctx)  # brings related lists up to date through the sync hook
    briefing = library.get(resolve_id(library, args.id))
    if args.json:
        print_json([r.model_dump(mode="json") for r in briefing.related])
        return 0
    if not briefing.related:
        ctx.note(f"no related briefings for {briefing.id[:8]} ({briefing.title})")
        return 0
    for r in briefing.related:
        line = Text.assemble((r.id[:8], "dim"), f"  {r.score:5.2f}  ", (r.title, "bold"))
        if r.duplicate:
            line.append("  [republished copy]", style="yellow")
        ctx.out.print(line, overflow="ellipsis", no_wrap=True)
        if r.reasons:
            ctx.out.print(Text("    " + "; ".join(r.reasons), style="dim"))
    return 0


def cmd_reindex(ctx: Context, args: argparse.Namespace) -> int:
    index = index_for(ctx)
    # Opening a missing or broken index has just rebuilt it: do not build it twice.
    count = index.doc_count() if index.rebuilt_on_open else index.rebuild()
    if args.related:
        from search.related import RelatedUpdater

        RelatedUpdater(index).recompute_all()
    ctx.note(f"reindexed {counted(count, 'briefing')}")
    if count != ctx.library().count():  # pragma: no cover - a concurrent writer
        raise CommandFailed("the library changed while reindexing: run brief reindex again")
    return 0
