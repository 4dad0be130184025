"""Sentences read chunk by chunk, once for every step that reads words.

Summary, keywords and entities each read a sentence's words through a pure
function of a *chunk*: the text between two single spaces (no word they read
contains white space, so a sentence's words are its chunks' words in order).
Each step registers its chunk reader here. ``read_chunks`` splits a text once
and looks every chunk up once in a shared, bounded memo whose entry holds the
chunk and every reader's result, so the steps share one split and one lookup
per chunk instead of one each. ``sentence_chunks`` keeps a document's chunks
on the document, so each sentence is split once per article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from briefings.derive.document import Document
from briefings.derive.words import Memo

#: (chunk, first reader's result, second reader's result, ...)
Record = tuple[Any, ...]

_READERS: Final[list[Callable[[str], object]]] = []


def _read(chunk: str) -> Record:
    return (chunk, *[read(chunk) for read in _READERS])


_RECORDS: Final[Memo[str, Record]] = Memo(_read)


def register(reader: Callable[[str], object]) -> int:
    """Add a pure function of a chunk; returns where its result sits in a ``Record``."""
    _READERS.append(reader)
    _RECORDS.clear()  # entries made before lack the new reader's slot
    return len(_READERS)


def read_chunks(text: str) -> list[Record]:
    """The records of ``text``'s chunks (``text.split(" ")``, empty chunks included)."""
    return list(map(_RECORDS.__getitem__, text.split(" ")))


def sentence_chunks(doc: Document) -> list[list[Record]]:
    """``read_chunks`` of every sentence of ``doc``, computed once per document."""
    if doc.chunks is None:
        doc.chunks = [read_chunks(s.text) for s in doc.sentences]
    return doc.chunks
