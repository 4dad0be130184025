"""The segmented article every derivation step reads.

A ``Document`` is the cleaned body as paragraphs, with the character offset of
every paragraph and sentence inside ``text`` (the paragraphs joined with
``BODY_SEPARATOR``). Steps return offsets into ``text`` so a reader can jump to
the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from briefings.models import BODY_SEPARATOR


class SentenceSplitter(Protocol):
    def __call__(self, text: str) -> list[tuple[int, int]]: ...


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    start: int
    heading: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Metadata:
    """What the header, credits and HTML metadata say about the article."""

    title: str | None = None
    dek: str | None = None
    author: str | None = None
    published: date | None = None
    source: str | None = None
    credits: list[str] = field(default_factory=list)
    #: The authors one by one (``author`` is their display string).
    authors: list[str] = field(default_factory=list)
    #: When the page says the article was last updated (kept apart from ``published``).
    updated: date | None = None
    #: The article's web address, when its page names one (canonical link, ``og:url``).
    url: str | None = None


@dataclass(slots=True)
class Document:
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    meta: Metadata
    #: Each sentence's chunk records, filled on first use (``chunks.sentence_chunks``).
    chunks: list[list[tuple[Any, ...]]] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return BODY_SEPARATOR.join(p.text for p in self.paragraphs)

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]

    @classmethod
    def build(
        cls,
        paragraphs: list[str],
        headings: set[int],
        meta: Metadata,
        split: SentenceSplitter,
    ) -> Document:
        paras: list[Paragraph] = []
        sentences: list[Sentence] = []
        offset = 0
        for i, text in enumerate(paragraphs):
            para = Paragraph(text=text, start=offset, heading=i in headings)
            paras.append(para)
            if not para.heading:
                for s_start, s_end in split(text):
                    sentences.append(
                        Sentence(text[s_start:s_end], offset + s_start, offset + s_end, i)
                    )
            offset += len(text) + len(BODY_SEPARATOR)
        return cls(paragraphs=paras, sentences=sentences, meta=meta)
