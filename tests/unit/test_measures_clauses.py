"""Measures shaped as noun phrases, not clauses (issue #15): a contact clause that ends
at the figure ("money the charity raised") is said as a participle and its agent
("money raised by charity"); a figure that is the subject of a past verb with its
own object takes a relative word ("voters that backed the plan")."""

from __future__ import annotations

import pytest

from bench.quality.measures import faults
from briefings.derive.document import Document, Metadata
from briefings.derive.figures import extract_figures
from briefings.derive.sentences import split_sentences
from briefings.models import Figure


def figures(*paragraphs: str) -> list[Figure]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_figures(doc)


def measured(sentence: str, text: str) -> Figure:
    found = [f for f in figures(sentence) if f.text == text]
    assert found, [f.text for f in figures(sentence)]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        (
            "The hospice charity raised $2m for its new wing last year.",
            "$2m",
            "money raised by hospice charity for its new wing last year",
        ),
        (
            "Zelbrook has sold almost 4m kettles since the launch.",
            "almost 4m kettles",
            "kettles sold by Zelbrook since the launch (almost)",
        ),
        (
            "The striker Tom Varley added 18 points.",
            "18 points",
            "points added by striker Tom Varley",
        ),
        (
            "Quarrow Bank took $40m from the fund.",
            "$40m",
            "amount taken by Quarrow Bank from the fund",
        ),
    ],
)
def test_contact_clause_becomes_participle_and_agent(
    sentence: str, text: str, measures: str
) -> None:
    f = measured(sentence, text)
    assert f.measures == measures
    assert "finite verb inside" not in faults(f)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Sales at Zelbrook rose 5% to $40m last year.", "$40m"),  # a level, no agent
        ("The coach was banned for four years by the league.", "four years"),  # a passive
        ("They spent $3m on the hall.", "$3m"),  # a pronoun stays for the name resolver
    ],
)
def test_no_agent_for_levels_passives_and_pronouns(sentence: str, text: str) -> None:
    assert " by " not in measured(sentence, text).measures


def test_figure_as_subject_of_a_past_verb_with_an_object() -> None:
    f = measured("About 7 in 10 voters backed the plan, the survey found.", "About 7 in 10 voters")
    assert f.measures.startswith("share of voters that backed the plan")
    # a participle with a place is not a clause: no relative word
    g = measured("Six people were killed and 22 injured in the blast.", "Six people")
    assert "that" not in g.measures.split()


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # the plural closes the counted noun: the word after it is not part of it
        ("More than 200 girls taken from the school are missing.", "More than 200 girls", "girl"),
        ("An estimated 40,000 visitors make the trip.", "An estimated 40,000 visitors", "visitor"),
        ("The farm is about 20 miles east of the town.", "about 20 miles", "mile"),
        ("Four authors point to the same cause.", "Four authors", "author"),
        # plurals that modify the noun after them, and two plurals in a row
        ("He bought two sports cars last spring.", "two sports cars", "car"),
        # two adjectives of one noun joined by "and"
        (
            "The group runs 15 deep and surface mines in the north.",
            "15 deep and surface mines",
            "mine",
        ),
        # "-ies"/"-ves" plurals that are not "-y"/"-f"
        ("The studio released four movies this year.", "four movies", "movie"),
        ("Nearly 7,000 lives were lost in the war.", "Nearly 7,000 lives", "life"),
    ],
)
def test_counted_noun_ends_at_its_head(sentence: str, text: str, unit: str) -> None:
    f = measured(sentence, text)
    assert f.unit == unit


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        # "U.S." is an abbreviation, not the end of the sentence
        (
            "About 25% of U.S. children have weak eyesight.",
            "About 25%",
            "share of U.S. children that have weak eyesight (about)",
        ),
        # a limit that would cut a compound noun lets it finish
        (
            "The test gives her an 87% chance of getting lung cancer.",
            "87%",
            "chance of getting lung cancer",
        ),
        # what a subject "has": of the subject
        ("The agency has a budget of $2 billion.", "$2 billion", "budget of agency"),
        ("The club has 40,000 members.", "40,000 members", "members of club"),
    ],
)
def test_noun_phrase_constructions(sentence: str, text: str, measures: str) -> None:
    assert measured(sentence, text).measures == measures


def test_an_age_range_is_not_a_figure() -> None:
    found = figures("Voters aged 18 to 24 made up 12% of the total, and children aged 5-17 less.")
    assert [f.text for f in found] == ["12%"]


def test_compound_plurals_close_the_counted_noun() -> None:
    found = figures("Three businesswomen work there and 12 grandchildren visit.")
    assert {f.text: f.unit for f in found} == {
        "Three businesswomen": "businesswoman",
        "12 grandchildren": "grandchild",
    }


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        # a change verb in the present (a headline, a plural subject)
        (
            "Road deaths among cyclists drop 18%, officials say.",
            "18%",
            "fall in Road deaths among cyclists",
        ),
        # a price per one thing of any kind
        ("The scanner, which costs $90,000 per truck, is new.", "$90,000", "price per truck"),
        # a rate word in front of a change keeps it a change: only a place is added
        ("Sales grow 5% a year at the chain.", "5%", "annual growth in Sales"),
    ],
)
def test_changes_and_prices(sentence: str, text: str, measures: str) -> None:
    assert measured(sentence, text).measures == measures


def test_one_out_of_every_four_is_a_proportion() -> None:
    f = measured("One out of every four refugees is a child.", "One out of every four refugees")
    assert (f.value, f.unit) == (25.0, "%")


def test_an_adjective_in_ed_is_no_verb_with_an_agent() -> None:
    f = measured("A sophisticated $270 million airliner vanished.", "$270 million")
    assert " by " not in f.measures


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        # a title's full stop is not the end of the sentence
        (
            "Of 45 nominees submitted by Mr. Garza, she chose three.",
            "45 nominees",
            "nominees submitted by Mr Garza",
        ),
        (
            "Polls show 40% of Mr. Garza's voters are undecided.",
            "40%",
            "share of Mr. Garza's voters",
        ),
        # a participle phrase ends where the sentence's own verb starts
        (
            "The 12 bills backed by Sen. Oduya passed in May.",
            "12 bills",
            "bills backed by Sen Oduya",
        ),
    ],
)
def test_titles_with_a_full_stop(sentence: str, text: str, measures: str) -> None:
    assert measured(sentence, text).measures == measures


def test_a_pronoun_is_no_subject_and_an_ing_verb_is_a_money_verb() -> None:
    f = figures("Ms Vane joined the bank in 1990. She was earning $24,000.")[0]
    assert f.measures == "money Ms Vane was earning"
    g = measured("The plan means borrowing $1 trillion to fund roads.", "$1 trillion")
    assert g.measures.startswith("money")


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Nearly half a million homes lost power.", "half a million homes", 5e5, "home"),
        (
            "The state spent a quarter of a billion dollars.",
            "a quarter of a billion dollars",
            2.5e8,
            "USD",
        ),
        # "m" before a plural that is not a race is a million, "people" too
        ("It employs 1.2m people worldwide.", "1.2m people", 1.2e6, "person"),
    ],
)
def test_more_ways_to_write_a_million(sentence: str, text: str, value: float, unit: str) -> None:
    f = measured(sentence, text)
    assert (f.value, f.unit) == (value, unit)


def test_a_pronoun_subject_stays_before_its_verb() -> None:
    assert (
        measured("It employs 1.2m people worldwide.", "1.2m people").measures == "people it employs"
    )


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        (
            "Farmers make up about 4% of the town's voters.",
            "about 4%",
            "share of town's voters made up by Farmers (about)",
        ),
        (
            "Cement accounts for 7% of the world's emissions.",
            "7%",
            "share of world's emissions accounted for by Cement",
        ),
        ("It accounts for 20% of sales.", "20%", "share of sales"),
    ],
)
def test_the_part_a_share_is_made_up_by(sentence: str, text: str, measures: str) -> None:
    assert measured(sentence, text).measures == measures


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        (
            "For two decades, flood defence has been a key issue for the town.",
            "two decades",
            "time flood defence has been a key issue for the town",
        ),
        (
            "In three years, the firm has doubled its staff.",
            "three years",
            "time the firm has doubled its staff",
        ),
    ],
)
def test_a_duration_opening_the_sentence_takes_the_clause_after_the_comma(
    sentence: str, text: str, measures: str
) -> None:
    assert measured(sentence, text).measures == measures


def test_a_verb_whose_object_is_the_head_before_of_takes_an_agent() -> None:
    f = measured("Zelbrook posted a profit of $3.4bn for the quarter.", "$3.4bn")
    assert f.measures == "profit posted by Zelbrook for the quarter"


def test_a_quoted_clause_opening_on_the_figure_does_not_borrow_the_clause_before() -> None:
    f = measured(
        "She said only that “for two decades flood defence has been a key issue” for the town.",
        "two decades",
    )
    assert f.measures == "time flood defence has been a key issue"


def test_the_part_can_be_a_list() -> None:
    f = measured("Norland and Vesta account for 22% of the group's revenue.", "22%")
    assert f.measures == "share of group's revenue accounted for by Norland and Vesta"
