"""Whom "he"/"she" in a quote's cue means: the salient person of that sex, read from
subjects with appositions of every shape, never the person the cue addresses, and
no one where the antecedent is someone the article never names in full (texts
written for these tests)."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.gazetteer import name_gender
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences


def speaker_of_last(*paragraphs: str) -> str | None:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    quotes = extract_quotes(doc)
    assert quotes
    return quotes[-1].speaker


_QUOTE_HE = '"That will help every race on the ballot," he said.'


@pytest.mark.parametrize(
    "subject",
    [
        # a possessor opens the apposition
        "Olaf Pettersen, Brandle's campaign manager, said that the money would go to the party.",
        # a party and state tag
        "Committee Chairman Rep. Olaf Pettersen, R-Utah, said the questioning starts with Brandle.",
        # between dashes
        "Campaign chairman Olaf Pettersen — Brandle's former chief of staff — offered a slogan.",
        # an age, then where he is from
        "Olaf Pettersen, 13, of Dorchester sold water on the street.",
        # the name in apposition to a description
        "Another delegate, Olaf Pettersen of Dorchester, explained his vote.",
        # a state's abbreviation is no "Miss"
        "Olaf Pettersen, 33, of Baldwin, Miss., dismisses the idea.",
    ],
)
def test_subject_with_apposition_is_the_antecedent(subject: str) -> None:
    assert speaker_of_last("Mayor Tom Brandle spoke first.", subject, _QUOTE_HE) == "Olaf Pettersen"


def test_second_apposition_with_a_relative_clause() -> None:
    assert (
        speaker_of_last(
            "Jane Morrow, a nurse, was at the church.",
            "Debbie Kettle, the organist at the chapel, which is on the same street as the "
            "hall, remembered the old days.",
            '"We never go over there any more," she said.',
        )
        == "Debbie Kettle"
    )


def test_the_person_the_cue_addresses_is_not_the_speaker() -> None:
    lead = (
        "At a rally last month, Brandle supporter Olaf Pettersen told the senator that he "
        "drove from Dorchester."
    )
    bill = "Senator Tom Brandle co-sponsored a bill this year on visas."
    after = '"Workers like me have been badly hurt by the program," he told Brandle.'
    before = 'He told Brandle: "Workers like me have been badly hurt by the program."'
    assert speaker_of_last(lead, bill, after) == "Olaf Pettersen"
    assert speaker_of_last(lead, bill, before) == "Olaf Pettersen"


def test_sentences_led_by_the_same_pronoun_continue_its_subject() -> None:
    assert (
        speaker_of_last(
            "Senator Tom Brandle has attacked rivals on taxes.",
            "Olaf Pettersen is trying to reach voters in every state.",
            "He speaks at length about his views. He has a plan.",
            "Lately, he has been underscoring his values more.",
            "He tries to personalize the topics.",
            '"I am passionate about these issues," he said.',
        )
        == "Olaf Pettersen"
    )


def test_people_of_a_place_are_no_antecedent_and_a_bare_given_name_names_nobody() -> None:
    # "his wife, Jane," is the woman the "she" means; the article never names her in
    # full, so no speaker beats her husband or "New Yorkers"
    assert (
        speaker_of_last(
            "Senator Olaf Pettersen spoke at length.",
            "But his wife, Jane, offered a preview just before New Yorkers went to the polls.",
            '"If he wins, he wants to keep this movement going," she said.',
        )
        is None
    )


def test_given_name_sex_has_one_source() -> None:
    assert name_gender("Olaf") is None
    assert name_gender("Sheryl Brandle") == "f"
    assert name_gender("Reince Brandle") == "m"
    assert name_gender("Jan Brandle") is None  # either sex


def _last(*paragraphs: str) -> tuple[str | None, float]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    quote = extract_quotes(doc)[-1]
    return quote.speaker, quote.speaker_confidence


def test_a_clear_pronoun_is_confident_and_a_contested_one_is_not() -> None:
    from briefings.models import CONFIDENT_SPEAKER

    # one man in reach, named with a given name that tells his sex: confident
    speaker, confidence = _last(
        "Mayor Maria Lund opened the bridge on Monday.",
        "Robert Pettersen, the engineer who built it, watched from the bank.",
        '"It took us four years to get this right," he said.',
    )
    assert speaker == "Robert Pettersen"
    assert confidence >= CONFIDENT_SPEAKER
    # two men of a sentence before compete: at best an uncertain guess
    speaker, confidence = _last(
        "Robert Pettersen and Thomas Brandle watched from the bank.",
        "Brandle waved at the crowd, and Pettersen shouted to his crew.",
        '"It took us four years to get this right," he said.',
    )
    assert speaker is None or confidence < CONFIDENT_SPEAKER
    # his sex shown only by an earlier "he" resolved to him is no evidence
    speaker, confidence = _last(
        "Olaf Pettersen watched from the bank.",
        '"It took us four years to get this right," he said.',
    )
    assert speaker == "Olaf Pettersen"
    assert confidence < CONFIDENT_SPEAKER


def test_a_gendered_description_skips_a_person_of_the_other_sex() -> None:
    # nobody's role is "actress": the guess is the latest subject who may be one
    assert (
        speaker_of_last(
            "Maria Lund starred in the film.",
            "Tom Brandle directed it.",
            '"It was the hardest role of my life," the actress said.',
        )
        == "Maria Lund"
    )
