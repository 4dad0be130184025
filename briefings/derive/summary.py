"""Extractive summary: a handful of sentences in article order.

First pass: the lead sentences that read as sentences (issue #3 replaces this
with position-aware centrality).
"""

from __future__ import annotations

from briefings.derive.document import Document, Sentence


def summarise(doc: Document, k: int = 3) -> list[Sentence]:
    picked: list[Sentence] = []
    for sentence in doc.sentences:
        if 8 <= len(sentence.text.split()) <= 60 and sentence.text[:1] not in '"“':
            picked.append(sentence)
        if len(picked) == k:
            break
    return picked
