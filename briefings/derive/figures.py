"""Key figures: money, percentages, counts (first pass: none; see issue #3)."""

from __future__ import annotations

from briefings.derive.document import Document
from briefings.models import Figure


def extract_figures(doc: Document) -> list[Figure]:
    return []
