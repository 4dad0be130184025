"""Who said each quote (issue #14): cue orders, appositions on either side, roles
read anywhere in the article, descriptions and pronouns resolved to people,
places never speakers, every quote-mark style, and a confidence for each speaker.
All texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.roles import apposition_after, apposition_before, title_before
from briefings.derive.sentences import split_sentences
from briefings.derive.spans import find_spans, quotes_with_single_marks
from briefings.export.briefing import attribution
from briefings.models import CONFIDENT_SPEAKER, Quote


def quotes_of(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_quotes(doc)


def by_text(quotes: list[Quote], opening: str) -> Quote:
    return next(q for q in quotes if q.text.startswith(opening))


# --- cue orders and appositions ---------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The ferry timetable will change in spring," said Harriet Vane.',
        '"The ferry timetable will change in spring," Harriet Vane said.',
        'Harriet Vane said: "The ferry timetable will change in spring."',
        '"The ferry timetable will change in spring," Harriet Vane, the port manager, said.',
        '"The ferry timetable will change in spring," said Harriet Vane with Brightwater '
        "Ferries in a Monday note.",
    ],
)
def test_every_cue_order_names_the_subject(paragraph: str) -> None:
    (q,) = quotes_of(paragraph)
    assert q.speaker == "Harriet Vane"
    assert q.speaker_confidence >= CONFIDENT_SPEAKER


def test_the_name_opening_the_clause_not_the_firm_in_its_apposition() -> None:
    (q,) = quotes_of(
        "Tobias Lindqvist, a senior analyst at Nordmark, the Oslo-based research house, "
        'told reporters that the plan was "unlikely to survive the winter session."'
    )
    assert q.speaker == "Tobias Lindqvist"
    assert q.speaker_role == "senior analyst at Nordmark"


def test_a_place_is_never_a_speaker() -> None:
    (q,) = quotes_of(
        '"We reject every word of the statement and its conclusions," Moscow said on Friday.'
    )
    assert q.speaker is None


def test_a_noun_like_cue_base_is_not_a_verb() -> None:
    quotes = quotes_of(
        "Rear Admiral Dora Quist, a spokesperson for the fleet, said the ministry's claim "
        '"is simply not true and never was."'
    )
    assert quotes[0].speaker == "Dora Quist"


# --- roles ------------------------------------------------------------------------


def test_a_role_stated_once_goes_with_every_quote_of_the_speaker() -> None:
    quotes = quotes_of(
        "Harbour board chairman Felix Amundsen opened the meeting on Tuesday.",
        '"We will rebuild the north pier before the summer," Mr Amundsen said.',
        '"Nobody will lose their mooring while we do it," he added.',
    )
    assert [q.speaker for q in quotes] == ["Felix Amundsen", "Felix Amundsen"]
    assert [q.speaker_role for q in quotes] == ["Harbour board chairman"] * 2


def test_an_apposition_before_the_name_is_a_role() -> None:
    quotes = quotes_of(
        "The bakery's head of sales, Ada Brennan, spoke to the staff on Monday.",
        '"Every loaf leaves the ovens before five in the morning," Ms Brennan said.',
    )
    assert quotes[0].speaker == "Ada Brennan"
    assert quotes[0].speaker_role == "bakery's head of sales"


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("Meanwhile regional water adviser ", "regional water adviser"),
        ("the changing sector. Ms ", None),
        ("said U.S. Air Force Gen. ", "U.S. Air Force Gen."),
        ("But Labour backbencher ", "Labour backbencher"),
    ],
)
def test_titles_before_a_name(left: str, role: str | None) -> None:
    assert title_before(left) == role


@pytest.mark.parametrize(
    ("right", "role"),
    [
        (", who is 60 years old, said", None),
        (", 47, said", None),
        (", a professor of hydrology at Lund University, said", "professor of hydrology at "
         "Lund University"),
        (" of consultancy Grey Harbour, which ran the survey", "consultancy Grey Harbour"),
        (", the port manager, has said", "port manager"),
    ],
)  # fmt: skip
def test_appositions_after_a_name(right: str, role: str | None) -> None:
    assert apposition_after(right) == role


def test_honorifics_are_not_roles() -> None:
    assert apposition_before("Mr, ") is None
    (q,) = quotes_of('"The ovens stay on all night," said Mr Ivo Brandt.')
    assert q.speaker == "Ivo Brandt"
    assert q.speaker_role is None


# --- coreference --------------------------------------------------------------------


def test_a_description_resolves_to_the_person_with_that_role() -> None:
    quotes = quotes_of(
        "Senator Ruth Okafor met farmers in the valley on Monday.",
        '"We cannot keep asking farmers to wait for the water," the senator said.',
    )
    assert quotes[0].speaker == "Ruth Okafor"
    assert 0 < quotes[0].speaker_confidence < 1


def test_an_age_description_resolves_to_the_person_of_that_age() -> None:
    quotes = quotes_of(
        "The skiers Lena Vos, 29, and Mia Strand, 31, finished first and second.",
        '"The snow was perfect from the very top to the bottom," the 29-year-old said.',
    )
    assert quotes[0].speaker == "Lena Vos"


def test_she_skips_a_man_named_more_recently() -> None:
    quotes = quotes_of(
        "Margaret Ellery runs the archive. Her colleague Thomas Penn arrived later.",
        '"We have catalogued every letter written before the war," she said.',
    )
    assert quotes[0].speaker == "Margaret Ellery"
    assert quotes[0].speaker_uncertain  # a pronoun is evidence, not proof


def test_a_possessive_is_not_the_subject_for_a_pronoun() -> None:
    quotes = quotes_of(
        "Louis Marchetti criticised Karl Ober's remarks on the budget.",
        '"This is not how a serious government plans its spending," he said.',
    )
    assert quotes[0].speaker == "Louis Marchetti"


# --- quote marks ------------------------------------------------------------------


def test_british_single_quotes_in_an_article_without_double_marks() -> None:
    paragraphs = [
        "‘The students’ union will not accept these cuts,’ said Imogen Hale.",
        "It’s the third protest since the ’90s, she added.",
    ]
    assert quotes_with_single_marks(paragraphs)
    quotes = quotes_of(*paragraphs)
    assert [q.text for q in quotes] == ["The students’ union will not accept these cuts"]
    assert quotes[0].speaker == "Imogen Hale"


def test_single_marks_are_nested_quotes_when_the_article_has_double_ones() -> None:
    paragraphs = ["\"He told me 'we will see about it' and left,\" said Ola Berg."]
    assert not quotes_with_single_marks(paragraphs)
    assert [s.closed for s in find_spans(paragraphs[0])] == [True]


def test_two_straight_single_marks_quote_like_a_double_one() -> None:
    (q,) = quotes_of("''The river will crest tonight,'' said Mayor Jonas Ek.")
    assert q.text == "The river will crest tonight"
    assert q.speaker == "Jonas Ek"


# --- confidence and where it shows ---------------------------------------------------


def test_uncertain_speakers_are_marked_in_the_export() -> None:
    sure = Quote(text="We will open on Monday", speaker="Ada Brennan", speaker_confidence=0.9)
    unsure = Quote(text="We will open on Monday", speaker="Ada Brennan", speaker_confidence=0.3)
    assert "(uncertain)" not in attribution(sure)
    assert "**Ada Brennan** (uncertain)" in attribution(unsure)


def test_uncertain_speakers_are_marked_by_brief_show() -> None:
    from rich.console import Console

    from briefings.models import Briefing
    from tui.commands.library import render_briefing

    b = Briefing(id="x", title="Harbour", origin="o", body=["The harbour reopened."])
    b.quotes = [
        Quote(text="The pier is safe again", speaker="Ada Brennan", speaker_confidence=0.9),
        Quote(text="We lost two boats", speaker="Ivo Brandt", speaker_confidence=0.3),
    ]
    console = Console(width=200, record=True, color_system=None)
    console.print(render_briefing(b))
    lines = console.export_text().splitlines()
    assert any("Ada Brennan" in line and "(uncertain)" not in line for line in lines)
    assert any("Ivo Brandt (uncertain)" in line for line in lines)


def test_uncertain_speakers_stay_out_of_the_speaker_field(tmp_path: Path) -> None:
    from briefings.library import Library
    from search import SearchIndex
    from search.schema import document_for
    from tests.unit.search_helpers import make

    lib = Library(tmp_path / "lib")
    b = make(lib, "a", "Harbour news", ["The harbour reopened."], quotes=[])
    b.quotes = [
        Quote(text="The pier is safe again", speaker="Ada Brennan", speaker_confidence=0.9),
        Quote(text="We lost two boats in the storm", speaker="Ivo Brandt", speaker_confidence=0.3),
    ]
    doc = document_for(b, added=None)
    assert doc["speakers"] == "Ada Brennan"
    make(
        lib,
        "b",
        "Harbour news",
        ["The harbour reopened."],
        quotes=[("The pier is safe", "Ada Brennan")],
    )
    index = SearchIndex(lib)
    try:
        index.sync()
        assert index.search("speaker:brennan").total == 1
        assert index.search("speaker:brandt").total == 0
    finally:
        index.close()
        lib.close()


# --- more cue shapes ----------------------------------------------------------------


def test_according_to_a_description_then_the_name() -> None:
    (q,) = quotes_of('According to his sister, Nora Quill, "He read every map in the house."')
    assert q.speaker == "Nora Quill"
    assert q.speaker_role == "sister"


def test_a_determiner_and_modifiers_before_the_name() -> None:
    quotes = quotes_of(
        "Pavel Odinsky won the final on Sunday.",
        '"I played the best tennis of my life today," the 12th-ranked Odinsky said.',
    )
    assert quotes[0].speaker == "Pavel Odinsky"


def test_a_party_and_state_tag_is_skipped() -> None:
    (q,) = quotes_of(
        '"We will hold the vote next week," Senate Majority Leader Amos Reed, R-Ky., said.'
    )
    assert q.speaker == "Amos Reed"


def test_a_transcript_line() -> None:
    (q,) = quotes_of('Rep. Carla Mendes (D-Ore.): "Who told you that figure was right?"')
    assert q.speaker == "Carla Mendes"


def test_the_next_sentence_does_not_attribute_a_quote_that_ended() -> None:
    quotes = quotes_of(
        'The survey found agents "not trained to deal with angry callers at all". '
        'This, Ms Ines Kade warns, is "a real risk for the business".'
    )
    # not read as '"Q". NAME warns' (the sentence ended); only borrowed from the
    # paragraph's attributed quote, and so uncertain
    assert by_text(quotes, "not trained").speaker_uncertain


def test_a_continued_quote_in_one_paragraph_is_one_quote() -> None:
    quotes = quotes_of(
        'Mr Tom Haver, the party spokesman, said: "We warned about this for months and '
        'nobody listened to us. "Now the cost has doubled and families will pay for it."'
    )
    assert len(quotes) == 1
    assert quotes[0].speaker == "Tom Haver"


def test_a_common_word_opening_a_sentence_is_not_a_speaker() -> None:
    quotes = quotes_of(
        "Many pollsters expect a close race this year.",
        '"The undecided voters will settle this in the last week," Pollsters said.',
    )
    assert quotes[0].speaker is None


def test_the_subject_of_a_coordinated_speech_verb() -> None:
    (q,) = quotes_of(
        'Charity policy adviser Rosa Linde welcomed the plan and said ministers had "passed '
        'the first real test of the year".'
    )
    assert q.speaker == "Rosa Linde"
    assert q.speaker_role == "Charity policy adviser"


# --- pronouns: the person salient in the sentences just before ------------------


def test_pronoun_takes_the_person_just_named_over_an_old_speaker() -> None:
    quotes = quotes_of(
        '"The harbour needs a new wall," said Harriet Vane, the port manager.',
        "The council met twice in the spring. Nothing was decided.",
        "Budgets were cut across the county. Roads were closed for weeks.",
        "When the mayor visited the archivist Olivia Brandt at her office, he left a map.",
        '"It showed every wall the town ever built," she recalled.',
    )
    assert by_text(quotes, "It showed").speaker == "Olivia Brandt"


def test_pronoun_with_nobody_in_reach_stays_empty() -> None:
    quotes = quotes_of(
        '"The harbour needs a new wall," said Harriet Vane, the port manager.',
        "The council met twice in the spring. Nothing was decided. A vote was delayed.",
        "Budgets were cut across the county. Roads were closed for weeks. Tolls rose.",
        "Ferries ran late all summer. Rail services were cut. Buses were full.",
        '"Nobody has explained why the tolls went up," she said.',
    )
    assert by_text(quotes, "Nobody has").speaker is None


def test_pronoun_between_two_people_of_its_gender_abstains() -> None:
    quotes = quotes_of(
        "Peter Lindqvist met Thomas Okafor in the port on Monday, and Okafor "
        "later met Lindqvist again in the town hall.",
        '"We agreed on nothing at all," he said.',
    )
    assert by_text(quotes, "We agreed").speaker is None


def test_pronoun_subject_beats_an_object_mention() -> None:
    quotes = quotes_of(
        "Peter Lindqvist criticised Thomas Okafor's plan for the harbour wall.",
        '"It will not survive a single winter storm," he said.',
    )
    assert by_text(quotes, "It will not").speaker == "Peter Lindqvist"


def test_names_inside_a_quote_are_no_antecedents() -> None:
    quotes = quotes_of(
        'Olivia Brandt spoke first. "I worked with Peter Lindqvist for years," she said.',
        '"She never missed a tide chart," she added.',
    )
    assert by_text(quotes, "She never").speaker == "Olivia Brandt"


# --- a neighbour's speaker is not borrowed across someone else -------------------


def test_no_borrowing_across_a_pronoun_of_the_other_gender() -> None:
    quotes = quotes_of(
        '"The tide tables are a work of art," said Olivia Brandt. When his students '
        'asked him for shortcuts, he would reply, "Read every line twice."'
    )
    assert by_text(quotes, "Read every").speaker is None


def test_no_borrowing_when_the_quote_sentence_names_another_person() -> None:
    quotes = quotes_of(
        '"The tide tables are a work of art," said Olivia Brandt. ("We sail at dawn '
        'and not a minute later," was how Peter Lindqvist put it.)'
    )
    assert by_text(quotes, "We sail").speaker != "Olivia Brandt"


def test_a_continued_quote_keeps_its_speaker() -> None:
    quotes = quotes_of(
        '"The tide tables are a work of art," said Olivia Brandt. "Nobody reads '
        'them any more, and that worries me."'
    )
    assert by_text(quotes, "Nobody reads").speaker == "Olivia Brandt"


def test_two_people_as_one_subject_give_no_single_speaker() -> None:
    quotes = quotes_of(
        "Peter Lindqvist sent the harbour plans to the ministry in May.",
        "Lindqvist and Brandt replied that I was threatening them with “the unfounded "
        "claims of people we never met,” and refused to go on.",
    )
    assert by_text(quotes, "the unfounded").speaker is None


def test_a_quote_with_its_own_unread_cue_borrows_no_speaker() -> None:
    quotes = quotes_of(
        '"I never saw the letters," Olivia Brandt said. "Not one of them." But at '
        "some point, her late uncle told Brandt that “the harbour will outlast us all.”"
    )
    assert by_text(quotes, "the harbour will").speaker != "Olivia Brandt"


def test_a_continued_quote_after_a_bare_cue_keeps_its_speaker() -> None:
    quotes = quotes_of(
        'Olivia Brandt insisted: "The harbour wall will hold for a century." And '
        'continued: "We can be proud of the engineers who built it." Brandt will '
        "speak again on Monday."
    )
    assert by_text(quotes, "We can be proud").speaker == "Olivia Brandt"


def test_a_dash_line_before_a_colon_is_not_the_subject() -> None:
    quotes = quotes_of(
        "Signs of a shift in the harbour vote were there all along - More from the "
        "pollsters: “Data collected by our firm confirms that both issues mattered.”"
    )
    assert by_text(quotes, "Data collected").speaker != "Signs"


def test_an_organisation_after_a_dash_speaks() -> None:
    quotes = quotes_of(
        "Estimates of turnout are particularly hard - Harbour Research Institute: "
        "“All the samples include more engaged voters than the town has.”"
    )
    assert by_text(quotes, "All the samples").speaker != "Estimates"


def test_a_sentence_subject_before_saying_is_an_unsure_surname() -> None:
    quotes = quotes_of(
        "Olivia Brandt opened the meeting.",
        "Later, Brandt criticised the harbour plan at length, saying “it will not "
        "survive a single winter storm.”",
    )
    quote = by_text(quotes, "it will not")
    assert quote.speaker == "Olivia Brandt"
    assert quote.speaker_confidence < CONFIDENT_SPEAKER


def test_a_described_subject_gives_the_salient_person_a_role() -> None:
    quotes = quotes_of(
        "Peter Lindqvist has criticised the harbour budget.",
        "How could the town pay for a new wall, the Green Party leader asked.",
        '"It does not add up," said Mr Lindqvist.',
    )
    quote = by_text(quotes, "It does not")
    assert quote.speaker == "Peter Lindqvist"
    assert quote.speaker_role == "Green Party leader"


def test_a_pronoun_opening_the_sentence_before_keeps_its_subject() -> None:
    quotes = quotes_of(
        "Marta Olsen runs the ferry office in the harbour town. "
        "The office sells tickets to the islands.",
        "She gave me the address of Clara Finch, who builds boats. "
        '"The pier needs a new deck before winter," she said.',
    )
    assert by_text(quotes, "The pier needs").speaker == "Marta Olsen"


def test_a_quote_inside_someone_elses_account_is_the_gerunds_subject() -> None:
    quotes = quotes_of(
        "Nora Quill wrote a memoir about the mayor, Edwin Rusk.",
        "In one chapter, Quill gives an account of Rusk telling one clerk to "
        '"Find the old ledgers," while telling another to, "Close the archive by noon!"',
    )
    assert by_text(quotes, "Find the old").speaker == "Edwin Rusk"
    assert by_text(quotes, "Close the archive").speaker == "Edwin Rusk"


def test_a_gerund_with_an_unnamed_subject_of_its_own_abstains() -> None:
    quotes = quotes_of(
        "Nora Quill wrote a memoir about her years at the port.",
        'Quill wrote of her telling the crew "Load the grain before the storm comes."',
    )
    assert by_text(quotes, "Load the grain").speaker is None
