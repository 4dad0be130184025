"""The extractive summary: candidates, order, bare quotes, datelines, repeats."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.sentences import split_sentences
from briefings.derive.summary import is_bare_quote, is_candidate, summarise


def _doc(*paragraphs: str, title: str = "Harbour council approves new ferry route") -> Document:
    return Document.build(list(paragraphs), set(), Metadata(title=title), split_sentences)


ARTICLE = (
    "The harbour council approved a new ferry route between the two islands on Tuesday after a "
    "long debate about costs.",
    "The ferry route will carry about four hundred passengers a day and start running in the "
    "spring, the council said.",
    '"This is a great day for the islands," she said.',
    "Critics of the ferry route said the council had underestimated the running costs of the "
    "new boats.",
    "Subscribe to our newsletter for more local news every morning in your inbox.",
    "The council will review the ferry route costs again next year when the first figures "
    "for passengers are in.",
    "Weather in the area was mild.",
)


def test_three_sentences_in_article_order() -> None:
    doc = _doc(*ARTICLE)
    picked = summarise(doc, 3)
    assert len(picked) == 3
    starts = [s.start for s in picked]
    assert starts == sorted(starts)
    for s in picked:
        assert doc.text[s.start : s.end] == s.text


def test_lead_sentence_is_kept() -> None:
    picked = summarise(_doc(*ARTICLE), 3)
    assert picked[0].text.startswith("The harbour council approved")


def test_no_boilerplate_or_bare_quote() -> None:
    texts = [s.text for s in summarise(_doc(*ARTICLE), 5)]
    assert not any("Subscribe" in t for t in texts)
    assert not any(t.startswith('"This is a great day') for t in texts)


def test_bare_quote_detection() -> None:
    assert is_bare_quote('"We will not stop until the job is done."')
    assert is_bare_quote("“We will not stop until the job is done,” she said.")
    assert not is_bare_quote('The mayor said "we will not stop" until the work is done.')
    assert not is_bare_quote(
        "“We will not stop,” said the mayor of the town, who has led the campaign for years."
    )


def test_candidate_rules() -> None:
    assert not is_candidate("Too short to summarise.")
    assert not is_candidate("Read more about the ferry route and other island stories at our site.")
    assert not is_candidate("FERRY ROUTE APPROVED AFTER LONG DEBATE IN THE HARBOUR COUNCIL TODAY.")
    assert not is_candidate("A caption without any full stop at the end of the line here")
    assert is_candidate("The council approved the ferry route after a long debate on Tuesday.")


def test_dateline_trimmed_from_span() -> None:
    doc = _doc(
        "LONDON (Wire) - The harbour council approved a new ferry route between the islands on "
        "Tuesday.",
        "The route will carry about four hundred passengers a day from the spring onwards.",
    )
    picked = summarise(doc, 3)
    assert picked[0].text.startswith("The harbour council")
    assert doc.text[picked[0].start : picked[0].end] == picked[0].text


def test_near_repeat_not_picked_twice() -> None:
    repeated = "The harbour council approved a new ferry route between the two islands on Tuesday."
    doc = _doc(
        repeated,
        "Passengers will pay a flat fare of three pounds for each crossing of the channel.",
        repeated,
        "The first boats are expected to arrive from the shipyard in early spring next year.",
    )
    texts = [s.text for s in summarise(doc, 3)]
    assert texts.count(repeated) == 1


def test_short_and_empty_documents() -> None:
    assert summarise(_doc(), 3) == []
    one = summarise(_doc("Only one short line here."), 3)
    assert len(one) == 1
    assert summarise(_doc("!!! ??? ..."), 3) == []


def test_a_sentence_inside_a_quotation_is_shown_with_the_whole_quotation() -> None:
    doc = _doc(
        "The harbour council approved a new ferry route between the two islands on Tuesday.",
        '"The ferry route is good news for everyone. The ferry route will carry four hundred '
        'passengers between the islands every day," the council leader said on Tuesday.',
        "Critics of the ferry route said the council had underestimated the running costs.",
    )
    picked = summarise(doc, 3)
    for s in picked:
        assert doc.text[s.start : s.end] == s.text
        # No pick opens in the middle of a quotation.
        before = doc.text[: s.start].rsplit("\n\n", 1)[-1]
        assert before.count('"') % 2 == 0, s.text
    texts = [s.text for s in picked]
    assert any(t.startswith('"The ferry route is good news') for t in texts)
    assert not any(t.startswith("The ferry route will carry") for t in texts)


def test_a_picked_sentence_inside_a_long_quotation_is_skipped() -> None:
    long_quote = " ".join(["We will keep the ferry route running through the winter."] * 8)
    doc = _doc(
        "The harbour council approved a new ferry route between the two islands on Tuesday.",
        f'"{long_quote} The ferry route will carry four hundred passengers every day," '
        "the council leader said.",
        "Critics of the ferry route said the council had underestimated the running costs.",
        "The council will review the ferry route costs again next year in the spring.",
    )
    picked = summarise(doc, 3)
    assert picked
    for s in picked:
        before = doc.text[: s.start].rsplit("\n\n", 1)[-1]
        assert before.count('"') % 2 == 0, s.text
        assert len(s.text.split()) <= 70
