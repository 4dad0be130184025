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


def test_sentences_that_need_the_one_before_are_not_candidates() -> None:
    from briefings.derive.summary import opens_badly

    for text in (
        "He said the ferry would run twice a day from the harbour next spring.",
        "Her plan for the ferry route was approved by the council on Tuesday.",
        "They're expecting four hundred passengers a day on the new route.",
        "However, the council has not said how the ferry route will be paid for.",
        "But critics said the running costs of the boats had been underestimated.",
        "In addition, the council will review the ferry timetable next year.",
        "That said, the harbour master expects the route to be busy all summer.",
        "This is the third ferry route the council has approved in ten years.",
        "What happens to the old ferry route when the new boats arrive?",
        "Presenter: The council approved the new ferry route on Tuesday evening.",
        "Here are the main changes to the ferry timetable for next year:",
        "2. The harbour car park will close for the whole of the winter season.",
        "and the council said the ferry route would be reviewed next year.",
        "“He has done more for the islands than anyone,” the harbour master said.",
    ):
        assert opens_badly(text), text
        assert not is_candidate(text) or opens_badly(text)
    for text in (
        "The harbour council approved a new ferry route on Tuesday after a long debate.",
        "This week the harbour council approved a new ferry route between the islands.",
        "Though critics objected, the council approved the ferry route on Tuesday.",
        "Islanders said the ferry route would halve the time it takes to reach the hospital.",
        "Harbour master Jo Reyes said: “The route will be busy all summer.”",
    ):
        assert not opens_badly(text), text


def test_summary_skips_pronoun_connective_question_and_label_openers() -> None:
    doc = _doc(
        "The harbour council approved a new ferry route between the two islands on Tuesday "
        "after a long debate.",
        "It will carry about four hundred passengers a day between the two islands.",
        "However, the council has not said how the ferry route will be paid for next year.",
        "Will the ferry route between the islands pay for itself within the first ten years?",
        "Timetable: ferries on the new route leave the harbour every two hours from six.",
        "Islanders said the new ferry route would halve the journey time to the hospital.",
        "The harbour council expects the first boats on the ferry route to arrive in spring.",
        title="Harbour council approves new ferry route between the islands",
    )
    picked = [s.text for s in summarise(doc, 3)]
    assert picked[0].startswith("The harbour council approved")
    assert len(picked) == 3
    for text in picked:
        assert not text.startswith(("It ", "However", "Will ", "Timetable"))


def test_no_summary_rather_than_one_that_opens_badly() -> None:
    doc = _doc("He resigned from the harbour council on Tuesday after ten years in office.")
    assert summarise(doc, 3) == []


def test_a_quote_attributed_to_a_named_speaker_can_be_picked() -> None:
    assert is_candidate("“The ferry route will change island life for good,” said Mayor Ann Reyes.")
    assert not is_candidate("“The ferry route will change island life for good,” she said.")
    assert not is_candidate("“The ferry route will change island life for good.”")


def test_an_outlet_dateline_glued_to_the_first_sentence_is_trimmed() -> None:
    doc = _doc(
        "Port Ellis, Islandia (Wire)The harbour council approved a new ferry route between the "
        "two islands on Tuesday.",
        "The route will carry about four hundred passengers a day from the spring onwards.",
    )
    picked = summarise(doc, 3)
    assert picked[0].text.startswith("The harbour council approved")
    assert doc.text[picked[0].start : picked[0].end] == picked[0].text


def test_a_parenthesis_after_a_name_is_not_a_dateline() -> None:
    text = "Senator Ray Cole (D-Calif.) Tuesday backed the new ferry route between the two islands."
    doc = _doc(text, "The route will carry about four hundred passengers a day from spring.")
    picked = summarise(doc, 3)
    assert picked[0].text == text


def test_scorer_has_one_weight_per_feature() -> None:
    from briefings.derive.summary import BLOCK_WEIGHTS, FEATURES, WEIGHTS, prepare

    assert len(WEIGHTS) == len(FEATURES)
    assert len(BLOCK_WEIGHTS) == len(FEATURES)
    prepared = prepare(_doc(*ARTICLE))
    rows = [row for row, ok in zip(prepared.features, prepared.ok, strict=True) if ok]
    assert rows and all(len(row) == len(FEATURES) for row in rows)
    assert all(not row for row, ok in zip(prepared.features, prepared.ok, strict=True) if not ok)


def test_an_unbroken_block_of_text_is_scored_with_its_own_weights() -> None:
    from briefings.derive import summary

    paragraphed = summary.prepare(_doc(*ARTICLE))
    block = summary.prepare(_doc(" ".join(ARTICLE)))
    assert not paragraphed.block
    assert block.block
    # Same sentences, same candidates: only the paragraph features differ.
    assert [s.text for s in block.sentences] == [s.text for s in paragraphed.sentences]
    assert block.ok == paragraphed.ok
    assert summary.BLOCK_WEIGHTS != summary.WEIGHTS
    picked = summarise(_doc(" ".join(ARTICLE)), 3)
    assert len(picked) == 3
    assert picked[0].text.startswith("The harbour council approved")


def test_new_features_are_in_range() -> None:
    from briefings.derive.summary import FEATURES, prepare

    prepared = prepare(_doc(*ARTICLE))
    rows = [row for row in prepared.features if row]
    opens = FEATURES.index("first sentence of its paragraph")
    by_centrality = FEATURES.index("1/(1+rank by centrality among candidates)")
    frequency = FEATURES.index("term frequency score (sum of term counts / terms^0.7, max 1)")
    # Every paragraph of ARTICLE is one sentence.
    assert all(row[opens] == 1.0 for row in rows)
    assert sorted(row[by_centrality] for row in rows)[-1] == 1.0
    assert max(row[frequency] for row in rows) == 1.0
    assert all(0.0 <= row[frequency] <= 1.0 for row in rows)
