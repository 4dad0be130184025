"""Named entities (first pass: none; see issue #3)."""

from __future__ import annotations

from briefings.derive.document import Document
from briefings.models import Entity, Quote


def extract_entities(doc: Document, quotes: list[Quote]) -> list[Entity]:
    return []
