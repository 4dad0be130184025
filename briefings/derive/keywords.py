"""Key phrases (first pass: none; see issue #3)."""

from __future__ import annotations

from briefings.derive.document import Document


def extract_keywords(doc: Document) -> list[str]:
    return []
