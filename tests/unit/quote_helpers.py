"""Shared helpers for the quote and role tests: quotes of paragraphs written in the
test, and the speaker and role of one quote with a given attribution."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_quotes(doc)


def role_of(attribution: str) -> tuple[str | None, str | None]:
    (q,) = quotes_of(f'"The ferry timetable will change again in the spring," {attribution}.')
    return q.speaker, q.speaker_role
