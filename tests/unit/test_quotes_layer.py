"""Speakers resolved against the entity layer (issue #14): descriptions by age, an
"X of the Y" organisation speaking, and pronouns that never point at an
organisation, a place or an event. All texts are written for these tests."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import entity_layer
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def doc_of(*paragraphs: str) -> Document:
    return Document.build(list(paragraphs), set(), Metadata(), split_sentences)


def quotes_of(*paragraphs: str) -> list[Quote]:
    return extract_quotes(doc_of(*paragraphs))


def by_text(quotes: list[Quote], opening: str) -> Quote:
    return next(q for q in quotes if q.text.startswith(opening))


# --- "the 56-year-old" ---------------------------------------------------------------


def test_an_age_in_an_apposition_binds_the_age_description() -> None:
    quotes = quotes_of(
        "Harlan Voss, 56, has joined Westfield Rovers as head coach.",
        "He replaces Dario Penn, 61, who left in March after a poor run.",
        '"I am proud to join a club with such a long history," the 56-year-old said.',
    )
    assert quotes[0].speaker == "Harlan Voss"


def test_two_people_of_the_described_age_leave_the_speaker_empty() -> None:
    quotes = quotes_of(
        "Harlan Voss, 56, has joined Westfield Rovers as head coach.",
        "He replaces Dario Penn, 56, who left in March after a poor run.",
        '"I am proud to join a club with such a long history," the 56-year-old said.',
    )
    assert quotes[0].speaker is None  # not the later one, and not "the 56-year-old"


def test_an_age_nobody_is_given_is_no_speaker_name() -> None:
    quotes = quotes_of(
        "Harlan Voss and Dario Penn met at the training ground on Monday.",
        '"I am proud to join a club with such a long history," the 56-year-old said.',
    )
    assert quotes[0].speaker is None


def test_an_unaged_article_about_one_person_gives_the_age_to_them() -> None:
    quotes = quotes_of(
        "Harlan Voss has joined Westfield Rovers as head coach.",
        "Voss was sacked by Eastbury Town last year. Voss said he had missed football.",
        "Voss then spent a year working as a television pundit.",
        '"I am proud to join a club with such a long history," the 56-year-old said.',
    )
    assert quotes[0].speaker == "Harlan Voss"
    assert quotes[0].speaker_uncertain


# --- "X of the Y" is one organisation ---------------------------------------------------


def test_friends_of_the_y_is_an_organisation_speaking() -> None:
    quotes = quotes_of(
        "The plan to build the bypass was approved on Monday.",
        '"This decision will destroy an ancient woodland for nothing," Keepers of the Heath said.',
    )
    assert quotes[0].speaker == "Keepers of the Heath"
    assert quotes[0].speaker_role is None


def test_a_person_of_the_y_stays_the_person_the_article_names() -> None:
    quotes = quotes_of(
        "Ada Marsh, an economist, studies housing at the Linden Institute.",
        '"Rents will keep rising for another two years at least," Marsh of the '
        "Linden Institute said.",
    )
    assert quotes[0].speaker == "Ada Marsh"


# --- pronouns use the entity layer's kinds -----------------------------------------------


def test_he_never_resolves_to_an_organisation_quoted_as_a_subject() -> None:
    quotes = quotes_of(
        "Tom Arden is the mayor of the town.",
        "The Harbour Trust said in a statement that the pier would close.",
        '"We will find the money to repair it before the summer," he said.',
    )
    assert by_text(quotes, "We will find").speaker == "Tom Arden"


def test_layer_types_an_organisation_and_a_person() -> None:
    layer = entity_layer(
        doc_of(
            "The Harbour Trust said in a statement that the pier would close.",
            "Mr Tom Arden, the mayor, said he was sorry.",
        )
    )
    assert layer.not_person("Harbour Trust")
    assert not layer.not_person("Tom Arden")
    assert layer.kind("Tom Arden") == "person"


def test_a_quote_ending_in_an_organisation_noun_is_no_cue_for_the_next_name() -> None:
    layer = entity_layer(
        doc_of(
            '"He has insulted members of his own party," Idris Vale said. Vale spoke for an hour.',
        )
    )
    assert layer.kind("Idris Vale") != "organisation"


# --- appositions and clauses around the cue -----------------------------------------------


def test_said_a_possessive_role_then_the_name_in_apposition() -> None:
    quotes = quotes_of(
        '"We will post the new timetable on the website this week," said the '
        "mayor’s deputy chief of staff, Rich Bowen, who runs the harbour office.",
        '"Nobody will be left without a ferry," said Arden’s campaign manager, Lise Holm.',
    )
    first = by_text(quotes, "We will post")
    assert first.speaker == "Rich Bowen"
    assert first.speaker_role is not None and "deputy chief of staff" in first.speaker_role
    assert by_text(quotes, "Nobody will").speaker == "Lise Holm"


def test_a_description_without_a_name_stays_a_description() -> None:
    quotes = quotes_of(
        '"We will post the new timetable on the website this week," said a source '
        "close to the harbour office.",
    )
    assert quotes[0].speaker == "a source close to the harbour office"


def test_a_clause_with_an_irregular_verb_is_no_role_and_its_subject_speaks() -> None:
    quotes = quotes_of(
        "Transport minister Ada Marsh quickly took to Twitter, writing: "
        '"We will not let this line be cancelled by people who never ride it."',
    )
    assert quotes[0].speaker == "Ada Marsh"


# --- "he" is the subject of the sentence just before ---------------------------------


def test_he_is_the_subject_just_before_not_a_name_in_its_apposition() -> None:
    quotes = quotes_of(
        "The bridge was closed on Monday after the storm.",
        "Omar Haddad, a senior engineer who worked for Governor Neil P. Brandt, "
        "also questioned the decision.",
        '"There was no sign of damage when we inspected it last week," he said.',
    )
    assert quotes[0].speaker == "Omar Haddad"


def test_she_is_the_subject_just_before_over_a_man_quoted_earlier() -> None:
    quotes = quotes_of(
        '"The budget will not pass," said Leon Garrard, a councillor.',
        '"We need a vote before the summer," Garrard said.',
        "In the interview, Vera Lind made it clear that her group would not back down.",
        '"If they want a fight, they will get one," she said.',
    )
    assert by_text(quotes, "If they want").speaker == "Vera Lind"


def test_a_negated_auxiliary_makes_its_name_the_subject_he_refers_to() -> None:
    quotes = quotes_of(
        '"The audit found nothing new," said Piet Rood, a lawyer at the firm.',
        "Rep. Ivo Brandt (R-Kan.), chairman of the oversight panel, didn’t question "
        "the audit, but he did call for more hearings.",
        '"We owe the public a full account of what went wrong," he said.',
    )
    assert by_text(quotes, "We owe").speaker == "Ivo Brandt"


def test_a_straight_closing_mark_glued_to_the_next_word_still_closes() -> None:
    quotes = quotes_of(
        '"The tax plan is a disgrace to the party and its voters,"Ada Marsh, who '
        "chairs Fair Tax Now, said in a statement.",
    )
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The tax plan")
    assert quotes[0].speaker == "Ada Marsh"


def test_he_continues_the_sayer_of_reported_speech_just_before() -> None:
    quotes = quotes_of(
        "The campaign keeps its message simple and its crowds small, said Hugo "
        "Lamarr, director of the Civic Polling Project at Eastfield University.",
        '"They have been very clever at keeping the insurgent image alive," he said.',
    )
    assert quotes[0].speaker == "Hugo Lamarr"


def test_the_sayer_outweighs_the_subject_of_what_they_reported() -> None:
    quotes = quotes_of(
        '"It was a long campaign," said Rolf Berger, a volunteer.',
        "Tomas Vidal thrilled the small crowds with his speeches, Berger said.",
        '"He was very articulate and the crowds loved him," he said.',
    )
    assert by_text(quotes, "He was very").speaker == "Rolf Berger"


def test_a_titled_family_name_alone_is_whom_he_refers_to() -> None:
    quotes = quotes_of(
        "The port strike entered its third week on Monday.",
        "President Varga sharply rebuked critics of the deal, saying it protected jobs.",
        '"What exactly would another strike change for the dockers?" he said.',
    )
    assert by_text(quotes, "What exactly").speaker == "Varga"
    assert by_text(quotes, "What exactly").speaker_uncertain
