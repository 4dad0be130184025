"""A person page: every quote by one person across the library, in date order."""

from __future__ import annotations

from rich.text import Text

from tui.screens.report import ReportScreen


class PersonScreen(ReportScreen):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.person = name
        self.heading = f"Person: {name}"

    def load(self) -> list[Text]:
        from tui.reports import SCREEN_QUOTES, person_lines

        page = self.brief_app.services.person_page(self.person)
        if not page.briefing_ids:
            return [Text(f"Nobody called {self.person} in the library.", style="dim")]
        return person_lines(page, limit=SCREEN_QUOTES)
