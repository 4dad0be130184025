"""Summary sentences that refer back: intro-phrase pronouns, demonstrative
references, and bare family names written with the full name (issue #15)."""

from __future__ import annotations

from bench.quality.openings import bad_opening, unintroduced_name
from briefings.derive.document import Document, Metadata, Sentence
from briefings.derive.sentences import split_sentences
from briefings.derive.summary import full_names, opens_badly, shown_as, with_full_names
from briefings.models import Entity


def _doc(*paragraphs: str) -> Document:
    return Document.build(list(paragraphs), set(), Metadata(title="Mill closes"), split_sentences)


def test_pronoun_after_an_intro_phrase_opens_badly() -> None:
    assert opens_badly("In a letter to staff, she said the mill would close in March.")
    assert opens_badly("On Tuesday, they voted against the plan by a wide margin.")
    assert not opens_badly("In a letter to staff, the owner said the mill would close.")
    # A quotation's attribution is not an introductory phrase.
    assert not opens_badly('"We are glad," she said after the vote on Tuesday.')


def test_demonstrative_references_open_badly() -> None:
    assert opens_badly("Before these announcements, the mill had hired forty workers.")
    assert opens_badly("These measures will cost the county about two million pounds.")
    assert opens_badly("Despite this, the mill kept its night shift running.")
    assert not opens_badly("This week, the mill kept its night shift running.")
    assert not opens_badly("Those who worked there were offered new jobs elsewhere.")


def test_checker_kinds() -> None:
    assert bad_opening("In a letter, she said the mill would close.") == "intro pronoun"
    assert bad_opening("Before these announcements, the mill grew.") == "demonstrative"
    assert bad_opening("This year, the mill grew.") is None
    names = {"Okafor": "Ada Okafor"}
    assert unintroduced_name("Okafor said the mill would close.", "", names) == "Okafor"
    assert unintroduced_name("Ada Okafor said so.", "", names) is None
    assert unintroduced_name("Okafor said so.", "Ada Okafor runs the mill.\n", names) is None


PARAGRAPHS = (
    "Ada Okafor, who has run the Lowfield mill for ten years, opened the meeting.",
    "The mill will close in March with the loss of 120 jobs, the owners said on Monday.",
    "Okafor said the decision was painful but that orders had fallen by half.",
    "Mr Okafor told staff: “Okafor mills have always paid their way.”",
)
PEOPLE = [Entity(name="Ada Okafor", kind="person", aliases=["Okafor"], mentions=3)]


def _picked(doc: Document, *indexes: int) -> list[Sentence]:
    return [doc.sentences[i] for i in indexes]


def test_bare_family_name_gets_the_full_name() -> None:
    doc = _doc(*PARAGRAPHS)
    names = full_names(PEOPLE)
    assert names == {"Okafor": "Ada Okafor"}
    out = with_full_names(doc, _picked(doc, 1, 2), names)
    assert out[0].text == doc.sentences[1].text
    assert out[1].text.startswith("Ada Okafor said the decision was painful")
    # The offsets still point at the sentence in the article.
    assert (out[1].start, out[1].end) == (doc.sentences[2].start, doc.sentences[2].end)


def test_name_introduced_earlier_in_the_summary_stays_short() -> None:
    doc = _doc(*PARAGRAPHS)
    out = with_full_names(doc, _picked(doc, 0, 2), full_names(PEOPLE))
    assert out[1].text == doc.sentences[2].text


def test_honorific_is_replaced_and_quotations_are_kept() -> None:
    doc = _doc(*PARAGRAPHS)
    out = with_full_names(doc, _picked(doc, 3), full_names(PEOPLE))
    assert out[0].text.startswith("Ada Okafor told staff")
    assert "“Okafor mills" in out[0].text


def test_no_full_name_before_the_sentence_leaves_it_alone() -> None:
    doc = _doc("Okafor said the mill would close.", "Ada Okafor has run it for years.")
    out = with_full_names(doc, _picked(doc, 0), full_names(PEOPLE))
    assert out[0].text == "Okafor said the mill would close."


def test_family_name_left_apart_by_the_chains_is_expanded_when_unique() -> None:
    doc = _doc(*PARAGRAPHS)
    people = [Entity(name="Ada Okafor", kind="person", aliases=[], mentions=2)]
    out = with_full_names(doc, _picked(doc, 2), full_names(people))
    assert out[0].text.startswith("Ada Okafor said")


def test_family_name_shared_by_two_people_is_not_expanded() -> None:
    doc = _doc(*PARAGRAPHS)
    # the entity layer keeps a shared family name apart: no alias, no expansion
    people = [
        Entity(name="Ada Okafor", kind="person", aliases=[], mentions=2),
        Entity(name="Bola Okafor", kind="person", aliases=[], mentions=1),
    ]
    out = with_full_names(doc, _picked(doc, 2), full_names(people))
    assert out[0].text == doc.sentences[2].text


def test_shown_as_accepts_only_names_written_in_full() -> None:
    assert shown_as("Okafor said no.", "Ada Okafor said no.")
    assert shown_as("Mr Okafor said no.", "Ada Okafor said no.")
    assert not shown_as("Okafor said no.", "Okafor said yes.")
    assert not shown_as("Okafor said no.", "Okafor said no, twice.")


def test_name_after_an_intro_phrase_with_a_capitalised_word() -> None:
    doc = _doc(
        "Ada Okafor, who has run the Lowfield mill for ten years, opened the meeting.",
        "In a piece for the Lowfield Times, Okafor wrote that the mill had no future.",
    )
    out = with_full_names(doc, _picked(doc, 1), full_names(PEOPLE))
    assert (
        out[0].text
        == "In a piece for the Lowfield Times, Ada Okafor wrote that the mill had no future."
    )
    assert (
        unintroduced_name('"Okafor knows," he said of the mill.', "", {"Okafor": "Ada Okafor"})
        is None
    )


def test_name_after_a_capitalised_conjunction_and_odd_entity_names() -> None:
    doc = _doc(*PARAGRAPHS, "If Okafor stays, the mill may reopen.")
    out = with_full_names(doc, _picked(doc, 4), full_names(PEOPLE))
    assert out[0].text == "If Ada Okafor stays, the mill may reopen."
    odd = [Entity(name="Scrum-half Ada Okafor", kind="person", aliases=["Okafor"], mentions=2)]
    assert full_names(odd) == {}
