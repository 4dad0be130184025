"""A quotation that runs on into the next paragraph (the paragraph opens it
and never closes it) is somebody's words with the speaker named elsewhere:
its sentences are not picked for the summary, where they would stand alone."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.sentences import split_sentences
from briefings.derive.summary import summarise


def _doc(*paragraphs: str) -> Document:
    return Document.build(list(paragraphs), set(), Metadata(), split_sentences)


PARAGRAPHS = (
    "The harbour board approved a plan on Monday to dredge the eastern channel for larger ships.",
    "“The cost of dredging the eastern channel would be repaid to the harbour board by the "
    "shipping lines over ten years. The eastern channel has silted up faster than the harbour "
    "board predicted, and larger ships cannot reach the port.",
    "“Dredging will start in the spring,” said Ada Okafor, who chairs the harbour board.",
)


def test_sentences_inside_a_running_quotation_are_not_picked() -> None:
    picked = summarise(_doc(*PARAGRAPHS), k=3)
    assert picked
    for s in picked:
        assert "repaid" not in s.text
        assert "silted" not in s.text


def test_a_closed_quotation_is_unaffected() -> None:
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel for larger ships.",
        "“The channel has silted up faster than any survey predicted since the storms,” "
        "said Ada Okafor, the board's chair, on Monday.",
    )
    texts = [s.text for s in summarise(doc, k=3)]
    assert any("silted" in t for t in texts)
