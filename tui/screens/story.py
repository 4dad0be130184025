"""A story view: each outlet's version of one event, shared quotes and their wording,
quotes only one outlet ran, figures reconciled."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message

from tui.models import ListRow
from tui.screens.report import ReportScreen


@dataclass
class StoriesLoaded(Message):
    """The briefings that are in stories, grouped by story (``Services.story_rows``)."""

    rows: list[ListRow]


class StoryScreen(ReportScreen):
    heading = "Story"

    def __init__(self, briefing_id: str) -> None:
        super().__init__()
        self.briefing_id = briefing_id

    def load(self) -> list[Text]:
        from tui.reports import story_lines

        view = self.brief_app.services.story_of(self.briefing_id)
        if view is None:
            return [
                Text(
                    "This briefing is not part of a story: no other outlet's briefing "
                    "reports the same event.",
                    style="dim",
                )
            ]
        return story_lines(view)


class DigestScreen(ReportScreen):
    """What the current saved search gained since its last digest (viewing it moves the
    mark, as ``brief digest`` does)."""

    heading = "Digest"

    def __init__(self, query: str) -> None:
        super().__init__()
        self.search_query = query

    def load(self) -> list[Text]:
        from tui.reports import digest_lines

        digest = self.brief_app.services.digest_for_query(self.search_query)
        if digest is None:
            return [
                Text(
                    "This search is not saved: save it (S) to follow what is new in it.",
                    style="dim",
                )
            ]
        return digest_lines(digest)
