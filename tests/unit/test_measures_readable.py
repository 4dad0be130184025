"""What a figure measures reads as a phrase out of context (issue #15): no words from
inside a speaker's quotation, no describing relative clause, no adverb or name run
into the counted noun, the subject of a change verb named as the change."""

from __future__ import annotations

import pytest

from bench.quality.measures import faults
from briefings.derive.document import Document, Metadata
from briefings.derive.figures import extract_figures
from briefings.derive.measures import _readable
from briefings.derive.numbers import read_quantities
from briefings.derive.sentences import split_sentences
from briefings.models import Figure


def figures(*paragraphs: str) -> list[Figure]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_figures(doc)


def first(sentence: str) -> Figure:
    found = figures(sentence)
    assert found, sentence
    return found[0]


@pytest.mark.parametrize(
    ("phrase", "readable"),
    [
        # a speaker's own voice: the phrase has run into the quotation
        ("chances i to win the game", "chances"),
        ("time it took me to answer my questions", "time it took"),
        ("distance the bench was from you", "distance the bench"),
        # a Roman numeral is not a speaker's "I"
        ("veterans of World War I living abroad", "veterans of World War I living abroad"),
        # a relative clause that only describes the noun
        ("price that is a lifeline to the builder", "price"),
        ("workers that are working very hard", "workers"),
        (
            "households that were still paying more tax",
            "households that were still paying more tax",
        ),
        ("people who were killed in the blast", "people who were killed in the blast"),
        # a hedge at the end
        ("ranking of the player maybe", "ranking of the player"),
    ],
)
def test_readable(phrase: str, readable: str) -> None:
    assert _readable(phrase) == readable


def test_readable_caps_a_run_on_phrase_at_a_clause_opener() -> None:
    phrase = (
        "money the small charity in the north managed to raise for the new roof "
        "of the old hall that burned"
    )
    out = _readable(phrase)
    assert len(out.split()) <= 14
    assert out == "money the small charity in the north managed"


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("A panel of nine judges rather than five heard the case.", "nine judges", "judge"),
        ("The band sold 100 million records worldwide by March.", "100 million records", "record"),
        ("Over the last 12 months Ms Varga oversaw the new plant.", "12 months", "month"),
        ("Only 20 women work on the night shift.", "20 women", "woman"),
    ],
)
def test_counted_noun_stops_where_the_noun_ends(sentence: str, text: str, unit: str) -> None:
    q = next(q for q in read_quantities(sentence) if q.text.endswith(text.split()[-1]))
    assert q.text.endswith(text)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        ("Shares in Plumfield have leapt 55% this year.", "rise in shares in Plumfield"),
        ("The output of the mills has grown by 4% since May.", "growth in output of the mills"),
        ("The index closed higher, with the index rising 12%.", "rise in index"),
        (
            "The takeover means its sales by volume have grown 57% this year.",
            "growth in sales by volume",
        ),
    ],
)
def test_subject_of_a_change_verb(sentence: str, measures: str) -> None:
    assert first(sentence).measures.startswith(measures)


def test_quoted_voice_is_not_a_measure() -> None:
    f = first('"I have lost 3 matches on these courts before," the player said.')
    assert "i" not in f.measures.lower().split()
    assert "quotation voice" not in faults(f)


def test_conversion_keeps_the_qualifier_of_the_figure_it_restates() -> None:
    found = figures(
        "The group will spend a minimum of 10 billion yuan ($1.38 billion) a year on chips."
    )
    by_text = {f.text: f for f in found}
    converted = next(f for t, f in by_text.items() if "1.38" in t)
    assert converted.qualifier == "at least"


def test_bench_faults_flag_clumsy_measures() -> None:
    base = dict(value=1.0, unit=None, sentence="", start=0, end=1)
    assert faults(Figure(text="12", measures="", **base)) == {"empty"}
    assert "function-word start" in faults(
        Figure(text="12", measures="with the index rising", **base)
    )
    assert "quotation voice" in faults(Figure(text="12", measures="times i have lost", **base))
    assert "long" in faults(Figure(text="12", measures=" ".join(["word"] * 11), **base))
    assert faults(Figure(text="12 people", measures="people killed in the blast", **base)) == set()


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        (
            "The Dorval index slipped 0.14 per cent to close at 7,100.",
            "7,100",
            "closing level of Dorval index",
        ),
        ("The Tenby index ended at 11,200.", "11,200", "closing level of Tenby index"),
        (
            "The crown fell against the euro, closing at $1.30 in Oslo.",
            "$1.30",
            "closing level of crown in Oslo",
        ),
    ],
)
def test_closing_level(sentence: str, text: str, measures: str) -> None:
    f = next(f for f in figures(sentence) if f.text == text)
    assert f.measures.startswith(measures)


def test_a_fall_is_not_followed_by_its_purpose() -> None:
    f = first("The Dorval index slipped 0.14 per cent to close at 7,100.")
    assert f.value == pytest.approx(-0.14)
    assert f.measures == "fall in Dorval index"


def test_money_in_a_place_is_not_what_it_measures() -> None:
    f = first("The crown closed at $1.30 in Oslo.")
    assert "Oslo" not in f.measures.split()[0]


def test_adverb_is_not_the_thing_that_cost() -> None:
    assert first("The film reportedly cost $150m to make.").measures == "cost of film"


@pytest.mark.parametrize(
    ("phrase", "readable"),
    [
        ("There", ""),
        ("again mentally", ""),
        ("if", ""),
        ("musicians something", "musicians"),
        ("households would pay significantly", "households would pay significantly"),
    ],
)
def test_phrases_that_say_nothing_are_empty(phrase: str, readable: str) -> None:
    assert _readable(phrase) == readable


def test_a_bare_100m_before_a_name_or_a_race_is_not_a_million() -> None:
    assert not [
        q for q in read_quantities("World 100m champion Ana Berg will race.") if q.value >= 1e6
    ]
    assert not [q for q in read_quantities("She won the 60m hurdles on Sunday.") if q.value >= 1e6]
    (q,) = read_quantities("The app has 60m users in Asia.")
    assert q.value == 60e6 and q.unit == "user"


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        # the level a change ends at: what changed
        ("Figures showed exports down 2.3% to $95.6bn on Tuesday.", "$95.6bn", "exports"),
        ("Figures showed exports down 2.3% to $95.6bn on Tuesday.", "2.3%", "fall in exports"),
        ("In May, farm exports rose by 3.2% to £24.8bn.", "£24.8bn", "farm exports"),
        ("The plan would boost council income by 6.1% to £2.2bn.", "£2.2bn", "council income"),
        ("The results came on sales up 21% at 8.6bn euros.", "8.6bn euros", "sales"),
        ("The results came on sales up 21% at 8.6bn euros.", "21%", "rise in sales"),
        # a price per one
        ("The firm sold 19.6 million shares at $85 each.", "$85", "price per share"),
        (
            "It will buy back 52 million shares at 570 rupees apiece.",
            "570 rupees",
            "price per share",
        ),
        ("It hopes to sell the stock for 11 euros a share.", "11 euros", "price per share"),
        # whose: a possessive before the amount, an acronym in the noun
        ("Norland's £3bn EU rebate is not up for talks.", "£3bn", "Norland's EU rebate"),
    ],
)
def test_what_the_amount_is(sentence: str, text: str, measures: str) -> None:
    f = next(f for f in figures(sentence) if f.text == text)
    assert f.measures.startswith(measures)


def test_top_share_in_a_group() -> None:
    f = first("He urged students to become part of the top 10% in the class.")
    assert f.measures == "top share of the class"


def test_a_last_phrase_that_repeats_the_phrase_is_dropped() -> None:
    assert (
        _readable("share of the class urged to join in the class")
        == "share of the class urged to join"
    )


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        (
            "The vote failed to clear the Senate’s 60-vote threshold again.",
            "60-vote threshold",
            "Senate’s threshold",
        ),
        (
            "The firm's 25-year partnership with Acme ends soon.",
            "25-year partnership",
            "length of firm's partnership",
        ),
        ("It's a $5bn deal for the town.", "$5bn", "deal"),
    ],
)
def test_whose_compound(sentence: str, text: str, measures: str) -> None:
    f = next(f for f in figures(sentence) if f.text == text)
    assert f.measures.startswith(measures)
    assert f.measures.count("’s") + f.measures.count("'s") <= 1


def test_a_dash_typed_as_a_hyphen_against_a_word_is_a_dash() -> None:
    f = first("Audits in such cases -thought to involve about 5% of Norland firms -are to go on.")
    assert f.measures.startswith("share of Norland firms")
    assert "-are" not in f.measures and "thought to involve" in f.measures


def test_an_existential_there_inside_a_phrase_says_nothing() -> None:
    assert _readable("PCs There are currently in use globally") == "PCs currently in use globally"
    assert _readable("There") == ""
