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


def test_a_quotation_paragraph_widened_whole_still_needs_its_speaker() -> None:
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel.",
        "“The channel has silted up. Larger ships cannot reach the eastern quay at low "
        "tide any more, and the shipping lines have warned the harbour board twice.”",
        "Work on the western quay is due to finish next year, the board said.",
        "The shipping lines welcomed the plan to dredge the channel for larger ships.",
    )
    for s in summarise(doc, k=3):
        assert "Larger ships cannot reach" not in s.text


def test_a_quotation_cued_by_a_pronoun_does_not_show_its_speaker() -> None:
    from briefings.derive.summary import is_candidate

    assert not is_candidate(
        "“We started the season well today,” she told reporters afterwards, and the "
        "rest of the team went on to win their matches."
    )
    assert is_candidate(
        "“We started the season well today,” Ada Okafor told reporters afterwards, and "
        "the rest of the team went on to win their matches."
    )


def test_a_quotation_with_a_quotation_inside_is_not_cut() -> None:
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel.",
        "Ada Okafor wrote, “If the board wants ships, it must keep “the channel” clear "
        "of silt for every tide. Otherwise the eastern quay will close to shipping.”",
        "Work on the western quay is due to finish next year, the board said.",
        "The shipping lines welcomed the plan to dredge the channel for larger ships.",
    )
    for s in summarise(doc, k=3):
        assert not (s.text.count("“") > s.text.count("”") and "keep" in s.text), s.text


def test_an_opening_mark_glued_to_the_sentence_before() -> None:
    doc = _doc(
        "The harbour board approved a plan on Monday to dredge the eastern channel.",
        '"The channel is too shallow," Ada Okafor said."However, dredging the eastern '
        'channel will start in the spring. The lines will repay the cost."',
        "Work on the western quay is due to finish next year, the board said.",
        "The shipping lines welcomed the plan to dredge the channel for larger ships.",
    )
    for s in summarise(doc, k=3):
        if "However" in s.text:
            assert s.text.rstrip().endswith('repay the cost."'), s.text


def test_a_links_call_to_the_reader_is_not_a_summary_sentence() -> None:
    from briefings.derive.summary import is_candidate

    assert not is_candidate("Read the Department of Transport report on the eastern channel .")
    assert not is_candidate("Watch the full interview with the harbour board chair here.")
    assert is_candidate("Read said the harbour board would dredge the eastern channel in spring.")
