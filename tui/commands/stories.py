"""``brief stories`` and ``brief story ID``: briefings from several outlets on one event."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from briefings.story_view import StoryView
from tui.context import CommandFailed, Context, UsageError
from tui.wording import UNKNOWN_OUTLET, counted


def register(sub: Any) -> None:
    p = sub.add_parser(
        "stories", help="stories: briefings from different outlets that report the same event"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--rebuild", action="store_true", help="work out every story again from the links"
    )
    p.set_defaults(handler=cmd_stories)

    p = sub.add_parser(
        "story",
        help="one story outlet by outlet: shared quotes and their wording, figures reconciled",
    )
    p.add_argument("id", metavar="ID", help="the story's number (brief stories lists them)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_story)


def _ready(ctx: Context) -> None:
    from tui.commands.search import index_for

    index_for(ctx)  # stories follow the related lists the sync brings up to date


def cmd_stories(ctx: Context, args: argparse.Namespace) -> int:
    from briefings.stories import StoryUpdater, list_stories

    _ready(ctx)
    library = ctx.library()
    if args.rebuild:
        from search.names import rare_names
        from tui.commands.search import index_for

        StoryUpdater(library, rare_names(index_for(ctx))).rebuild()
    stories = list_stories(library)
    if args.json:
        from tui.commands.search import print_json

        print_json([s.as_json() for s in stories])
        return 0
    if not stories:
        ctx.note("no stories yet: no two outlets' briefings report the same event")
        return 0
    for s in stories:
        when = s.first.isoformat() if s.first else "undated   "
        head = Text.assemble((f"{s.id:>4}", "bold"), "  ", when, "  ")
        sizes = f"{counted(len(s.members), 'briefing')}, {counted(len(s.outlets), 'outlet')}  "
        head.append(sizes, style="dim")
        head.append(s.title)
        ctx.out.print(head, overflow="ellipsis", no_wrap=True)
        for m in s.members:
            line = Text(
                f"        {m.id[:8]}  {(m.source or UNKNOWN_OUTLET)[:20]:<20}  ", style="dim"
            )
            line.append(m.title)
            ctx.out.print(line, overflow="ellipsis", no_wrap=True)
    ctx.note(counted(len(stories), "story", "stories"))
    return 0


def load_story(ctx: Context, story_id: int) -> StoryView:
    from briefings.stories import list_stories
    from briefings.story_view import story_view

    library = ctx.library()
    found = list_stories(library, story_id)
    if not found:
        raise CommandFailed(f"no story {story_id} (brief stories lists them)")
    return story_view(story_id, library.get_many([m.id for m in found[0].members]))


def cmd_story(ctx: Context, args: argparse.Namespace) -> int:
    try:
        story_id = int(args.id)
    except ValueError:
        raise UsageError(f"brief story: {args.id!r} is not a story number") from None
    _ready(ctx)
    view = load_story(ctx, story_id)
    if args.json:
        from tui.commands.search import print_json

        print_json(view.as_json())
        return 0
    from tui.reports import story_lines

    for line in story_lines(view):
        ctx.out.print(line)
    return 0
