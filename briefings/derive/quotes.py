"""Direct quotations with their speakers (first pass: none; see issue #3)."""

from __future__ import annotations

from briefings.derive.document import Document
from briefings.models import Quote


def extract_quotes(doc: Document) -> list[Quote]:
    return []
