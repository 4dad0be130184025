"""The readability gate at the end of measure building: debris becomes a clean
head noun or nothing (the reader then shows the sentence)."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.figures import extract_figures
from briefings.derive.measures import _gated
from briefings.derive.sentences import split_sentences
from briefings.export.briefing import what_it_measures
from briefings.models import Figure


def figures(*paragraphs: str) -> list[Figure]:
    return extract_figures(Document.build(list(paragraphs), set(), Metadata(), split_sentences))


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("time Finally", ""),  # a sentence adverb, then nothing
        ("where Despite starring", ""),  # a clause word opens it
        ("Tolvanen", ""),  # only a name
        ("Marka Kroner", ""),  # only names
        ("amount Kroner", ""),  # a name glued onto a generic word
        ("time", ""),  # a generic word alone says nothing
        ("amount", ""),
        ("Deputy Mayor Ilse Brandvold stressed", ""),  # a name with its own verb
        ("he had spent on the bridge", ""),  # a pronoun subject opens it
        ("time they’ll have missed out on", ""),
        ("trade gap Meanwhile", "trade gap"),  # cut before the debris
        ("However the ferry's share of passengers", "the ferry's share of passengers"),
        ("people killed in the flood", "people killed in the flood"),  # clean: unchanged
        ("money Norvex received from Baltra", "money Norvex received from Baltra"),
        ("counties where the senator is campaigning", "counties where the senator is campaigning"),
        ("foreign reserves of Ostland", "foreign reserves of Ostland"),
    ],
)
def test_the_gate(phrase: str, expected: str) -> None:
    assert _gated(phrase) == expected


def test_a_common_noun_that_opens_the_sentence_is_not_a_name() -> None:
    assert _gated("Wages", "Wages range from $20 to $30.") == "Wages"
    assert _gated("Wages", "Pay rose to $20 for Wages.") == ""


def test_debris_after_a_figure_becomes_empty_and_the_sentence_is_shown() -> None:
    found = figures("Finally, after 18 months, the harbour reopened to ferries.")
    assert [(f.text, f.measures) for f in found] == [("18 months", "")]
    assert found[0].measures_shown() == ""


def test_a_clean_measure_survives_the_gate() -> None:
    found = figures("The storm killed 14 people in the valley on Tuesday.")
    assert found[0].measures.startswith("people killed in the valley")


def test_the_export_shows_a_qualifier_once() -> None:
    f = Figure(
        text="over £1bn",
        measures="cost of the new bridge (over)",
        sentence="The new bridge cost over £1bn.",
    )
    assert what_it_measures(f) == "cost of the new bridge"
    kept = Figure(text="£1bn", measures="cost of the new bridge (over)", sentence="x")
    assert what_it_measures(kept) == "cost of the new bridge (over)"


def test_a_capitalised_euros_is_a_currency_and_its_conversion_follows_it() -> None:
    found = figures("The actor earned 5.4m Euros (£3.77m) from the film last year.")
    assert [(f.text, f.unit) for f in found] == [("5.4m Euros", "EUR"), ("£3.77m", "GBP")]
    assert found[1].measures == found[0].measures  # the conversion says the same


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("countries where people", "countries"),  # "where" with no clause after it
        ("alliance where Votes", "alliance"),
        ("countries where the firm has plants", "countries where the firm has plants"),
        ("Another", ""),  # only points at something said elsewhere
    ],
)
def test_where_without_a_clause_and_pointing_words(phrase: str, expected: str) -> None:
    assert _gated(phrase) == expected


def test_a_capitalised_sentence_opener_inside_ends_the_measure() -> None:
    assert _gated("goals scored Now we have to focus on the cup") == "goals scored"
    assert _gated("time Now we have to focus") == ""
