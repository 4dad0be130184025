"""A summary sentence never ends inside a quotation it opened: a sentence that
the splitter cut inside a quotation (``She said: "It rose. We are glad."``) is
shown on to the sentence that closes the quotation, or not at all when that
would be too long."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.sentences import split_sentences
from briefings.derive.summary import summarise


def _doc(*paragraphs: str) -> Document:
    return Document.build(list(paragraphs), set(), Metadata(), split_sentences)


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def test_a_sentence_ending_inside_its_quotation_is_widened_to_the_close() -> None:
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel.",
        "Ada Okafor, who chairs the harbour board, said: “Dredging the eastern channel "
        "will start in the spring. The shipping lines will repay the cost.”",
        "Work on the western quay is due to finish next year, the board said.",
    )
    texts = [s.text for s in summarise(doc, k=3)]
    dredging = [t for t in texts if "Dredging the eastern channel" in t]
    assert dredging, texts
    assert dredging[0].endswith("repay the cost.”")
    assert all(_balanced(t) for t in texts)


def test_straight_quotes_and_a_quotation_of_three_sentences() -> None:
    doc = _doc(
        "Ministers met on Tuesday to discuss the rail budget for the northern lines.",
        'The transport minister, Tom Reyes, said: "The northern lines need new trains. '
        'The budget covers forty of them. Delivery starts in 2027."',
        "Unions said the plan came too late for commuters on the northern lines.",
    )
    texts = [s.text for s in summarise(doc, k=3)]
    assert all(_balanced(t) for t in texts), texts
    for t in texts:
        if "need new trains" in t:
            assert t.endswith('Delivery starts in 2027."')


def test_too_long_a_quotation_is_not_picked_cut() -> None:
    long_tail = " ".join(f"The channel point number {n} was surveyed again." for n in range(12))
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel.",
        f"Ada Okafor said: “Dredging the eastern channel will start in the spring. {long_tail}”",
        "Work on the western quay is due to finish next year, the board said.",
        "The shipping lines welcomed the plan to dredge the channel for larger ships.",
    )
    for s in summarise(doc, k=3):
        assert _balanced(s.text), s.text
