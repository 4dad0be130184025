"""Speakers introduced by lower-case role words, ages and determiners; an
attribution no rule can read leaves the quote unattributed, never borrowed."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_quotes(doc)


@pytest.mark.parametrize(
    ("attribution", "speaker", "role"),
    [
        ("spokeswoman Ilse van Dijk said", "Ilse van Dijk", "spokeswoman"),
        ("senior analyst Tomas Varga told reporters", "Tomas Varga", "senior analyst"),
        ("team-mate Orla Quinn said after the match", "Orla Quinn", "team-mate"),
        ("the council's spokesman Ravi Mehta said", "Ravi Mehta", "council's spokesman"),
        ("Petra Lind, 57, said", "Petra Lind", None),
    ],
)
def test_role_words_before_the_name(attribution: str, speaker: str, role: str | None) -> None:
    (q,) = quotes_of(f'"The harbour will stay closed until the storm passes," {attribution}.')
    assert q.speaker == speaker
    assert q.speaker_role == role


def test_function_words_are_not_a_role() -> None:
    (q,) = quotes_of('"We will appeal this ruling in every court," lawyers for Jon Berg said.')
    assert q.speaker is None  # the lawyers spoke, not Jon Berg


def test_an_unread_attribution_does_not_borrow_a_neighbours_speaker() -> None:
    found = quotes_of(
        'The ferry operator said its offer was "fair and generous" given fuel costs. '
        '"A strike hurts everyone on this island," lawyers for the crews said.',
    )
    assert [q.speaker for q in found] == [None]
    found = quotes_of(
        "Anna Berg said the fares would rise in May.",
        '"A strike hurts everyone on this island," lawyers for the crews said.',
    )
    assert [q.speaker for q in found] == [None]


def test_she_after_according_to_is_that_source() -> None:
    found = quotes_of(
        "Speaking in Gdansk, Ola Nowak said she would not appeal. “I respect the result,” "
        "she said.",
        "According to Dr. Irena Kowal, a historian at the port museum, the margin reflected "
        "anger over fares. “People vote with their wallets,” she said.",
    )
    assert [q.speaker for q in found] == ["Ola Nowak", "Irena Kowal"]
