"""Speaker classes from a review of outlets outside the dev sets: a participle
introduction before the speaker, reported speech inside speech, and a bare family
name shared by two people told apart by the title. All texts are written here."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_quotes(doc)


def by_text(quotes: list[Quote], opening: str) -> Quote:
    return next(q for q in quotes if q.text.startswith(opening))


def test_a_participle_introduction_leaves_the_subject_the_speaker() -> None:
    quotes = quotes_of(
        "The ferry service to the islands will close in March, the operator said.",
        "Speaking to the local paper, Ilse Marwick claimed: "
        '"Nobody asked the people who live here what they wanted from the boats."',
        'She added: "We will keep fighting this decision in every council meeting."',
    )
    assert by_text(quotes, "Nobody asked").speaker == "Ilse Marwick"
    assert by_text(quotes, "We will keep").speaker == "Ilse Marwick"


def test_a_participle_introduction_before_a_described_speaker() -> None:
    quotes = quotes_of(
        "Ilse Marwick, the transport minister, met ferry crews on Monday.",
        "Speaking on Tuesday, Marwick said: "
        '"The timetable will be rebuilt around the needs of the island schools."',
    )
    assert by_text(quotes, "The timetable").speaker == "Ilse Marwick"


def test_reported_speech_inside_speech_goes_to_the_inner_speaker() -> None:
    quotes = quotes_of(
        "Ilse Marwick and Bruno Castell run the harbour cafe together.",
        "Marwick said Castell told her: "
        '"I am not going to close the kitchen while people still want their lunch."',
    )
    assert by_text(quotes, "I am not going").speaker == "Bruno Castell"


def test_a_title_tells_apart_two_people_sharing_a_family_name() -> None:
    quotes = quotes_of(
        "President Aldo Fenwick and his wife Clara Fenwick visited the flooded town.",
        "Clara Fenwick, a former teacher, spoke to the pupils at the school.",
        '"We will rebuild every one of these classrooms before the winter," '
        "President Fenwick said.",
    )
    assert by_text(quotes, "We will rebuild").speaker == "Aldo Fenwick"


def test_reported_speech_without_a_colon_goes_to_the_inner_speaker() -> None:
    quotes = quotes_of(
        "Ilse Marwick and Bruno Castell run the harbour cafe together.",
        "Marwick said that Castell had told her "
        '"the kitchen stays open while people still want their lunch".',
    )
    assert by_text(quotes, "the kitchen stays").speaker == "Bruno Castell"


def test_one_speech_verb_before_a_colon_keeps_its_subject() -> None:
    quotes = quotes_of(
        "Ilse Marwick and Bruno Castell run the harbour cafe together.",
        'Marwick told reporters: "We are not going to close the kitchen this winter."',
    )
    assert by_text(quotes, "We are not going").speaker == "Ilse Marwick"


def test_a_title_known_from_an_apposition_picks_its_holder() -> None:
    quotes = quotes_of(
        "Aldo Fenwick, the president, and his wife Clara Fenwick visited the flooded town.",
        "Clara Fenwick, a former teacher, spoke to the pupils at the school.",
        '"We will rebuild every one of these classrooms before the winter," '
        "President Fenwick said.",
    )
    assert by_text(quotes, "We will rebuild").speaker == "Aldo Fenwick"


def test_mr_is_not_the_one_bearer_of_the_name_known_to_be_a_woman() -> None:
    quotes = quotes_of(
        "Clara Fenwick spoke to the pupils at the school on Monday.",
        "Aldo Fenwick, who runs the bakery, was there too.",
        "Clara Fenwick then walked to the flooded library.",
        '"We will rebuild every one of these classrooms before the winter," Mr Fenwick said.',
    )
    assert by_text(quotes, "We will rebuild").speaker == "Aldo Fenwick"


def test_a_title_before_an_apposition_picks_its_holder_not_the_latest_namesake() -> None:
    quotes = quotes_of(
        "The president, Aldo Fenwick, visited the flooded town with Clara Fenwick.",
        "Clara Fenwick spoke to the pupils at the school.",
        '"We will rebuild every one of these classrooms before the winter," '
        "President Fenwick said.",
    )
    assert by_text(quotes, "We will rebuild").speaker == "Aldo Fenwick"


def test_a_verb_of_thinking_reports_no_inner_speaker() -> None:
    quotes = quotes_of(
        "Ilse Marwick and Bruno Castell run the harbour cafe together.",
        'Marwick said she thought about selling the cafe for "many long and sleepless nights".',
    )
    assert by_text(quotes, "many long").speaker == "Ilse Marwick"
