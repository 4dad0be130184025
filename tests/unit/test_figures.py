"""Key figures: the number grammar, what each figure measures, and the ranking."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.figures import extract_figures
from briefings.derive.numbers import read_quantities, singular
from briefings.derive.sentences import split_sentences
from briefings.models import Figure


def figures(*paragraphs: str) -> list[Figure]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_figures(doc)


def one(sentence: str) -> tuple[str, float, str | None]:
    found = read_quantities(sentence)
    assert len(found) == 1, found
    q = found[0]
    return q.text, q.value, q.unit


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The firm paid $3.5 billion for it.", "$3.5 billion", 3.5e9, "USD"),
        ("The plan costs US$12,500 a year.", "US$12,500", 12_500, "USD"),
        ("A deal worth HK$2.1bn was signed.", "HK$2.1bn", 2.1e9, "HKD"),
        ("The museum raised T$40 million.", "T$40 million", 40e6, "TWD"),
        ("Sales hit €120m last spring.", "€120m", 120e6, "EUR"),
        ("Profits reached £600k in March.", "£600k", 600e3, "GBP"),
        ("They spent 7 billion yuan on roads.", "7 billion yuan", 7e9, "CNY"),
        ("The city borrowed 25 billion euros.", "25 billion euros", 25e9, "EUR"),
        ("It lent 300 million Hong Kong dollars.", "300 million Hong Kong dollars", 300e6, "HKD"),
        ("The fund holds EUR 40 million in cash.", "EUR 40 million", 40e6, "EUR"),
        ("The fund holds 40 million USD in cash.", "40 million USD", 40e6, "USD"),
        ("Prices rose 4.5% in May.", "4.5%", 4.5, "%"),
        ("Turnout fell 12 percent on Friday.", "12 percent", -12, "%"),
        ("Turnout fell 12 per cent on Friday.", "12 per cent", -12, "%"),
        (
            "The bank cut rates by 0.5 percentage points.",
            "0.5 percentage points",
            0.5,
            "percentage point",
        ),
        ("Yields rose 30 basis points.", "30 basis points", 30, "basis point"),
        ("The maker shipped 48,000 units of its tablet.", "48,000 units", 48_000, "tablet"),
        ("The region has 2.5 million people.", "2.5 million people", 2.5e6, "person"),
        ("They closed 312 deals.", "312 deals", 312, "deal"),
        ("The lab used 512 rented GPUs for testing.", "512 rented GPUs", 512, "GPU"),
        ("The team trained it on 3 trillion tokens.", "3 trillion tokens", 3e12, "token"),
        ("The trial lasted 14 months.", "14 months", 14, "month"),
        ("It took about 9 days to finish.", "about 9 days", 9, "day"),
        ("Revenue was more than $8m.", "more than $8m", 8e6, "USD"),
        ("It has 1.2m subscribers.", "1.2m subscribers", 1.2e6, "subscriber"),
    ],
)
def test_reads_quantity(sentence: str, text: str, value: float, unit: str) -> None:
    got_text, got_value, got_unit = one(sentence)
    assert got_text == text
    assert got_value == pytest.approx(value)
    assert got_unit == unit


def test_ranges_keep_both_ends_and_share_the_scale() -> None:
    q = read_quantities("Output may grow between 5 and 10 million tonnes.")[0]
    assert q.text == "between 5 and 10 million tonnes"
    assert (q.value, q.high, q.unit) == (5e6, 10e6, "tonne")
    q = read_quantities("Costs of $5bn to $7bn were quoted.")[0]
    assert (q.value, q.high, q.unit) == (5e9, 7e9, "USD")
    q = read_quantities("Inflation of 3-4% is expected.")[0]
    assert (q.text, q.value, q.high) == ("3-4%", 3, 4)


def test_between_with_the_unit_on_both_ends() -> None:
    q = read_quantities("Fares are between 90 euros and 400 euros.")[0]
    assert (q.text, q.value, q.high, q.unit) == ("between 90 euros and 400 euros", 90, 400, "EUR")
    q = read_quantities("It cut between 10% and 15% of jobs.")[0]
    assert (q.text, q.value, q.high) == ("between 10% and 15%", 10, 15)
    # An unfinished "between" is not shown as if it were the whole figure.
    assert read_quantities("It costs between 90 euros, or more.")[0].text == "90 euros"


@pytest.mark.parametrize("sentence", ["Profit rose from $10m to $12m.", "Gold rose $2 to $40."])
def test_a_change_is_not_a_range(sentence: str) -> None:
    assert len(read_quantities(sentence)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2019 and amended in 2021.",
        "The firm will restate 2001 and 2002 results.",
        "It opened on March 3, and closed on 14 April.",
        "The meeting starts at 10:30 and ends at 3pm.",
        "Call +44 20 7946 0018 for details.",
        "The team won 3-1 at home.",
        "Their new GPT-4 rival, the Z900 chip and the Pixel 9 phone were shown.",
        "The start-up 07.AI and the 1990s boom.",
        "It came 2nd, then 3rd, in the No. 1 race.",
        "Ms Lee, 52, is a 52-year-old engineer hired at a 10-year low.",
        "1. Open the lid. 2) Wait.",
    ],
)
def test_not_key_figures(sentence: str) -> None:
    assert read_quantities(sentence) == []


def test_yen_sign_follows_the_article() -> None:
    assert read_quantities("It costs ¥500.", yen="CNY")[0].unit == "CNY"
    assert read_quantities("It costs ¥500.")[0].unit == "JPY"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("deals", "deal"), ("GPUs", "GPU"), ("companies", "company"), ("people", "person")],
)
def test_singular(word: str, lemma: str) -> None:
    assert singular(word) == lemma


@pytest.mark.parametrize(
    ("sentence", "measures"),
    [
        (
            "Exports make up 31% of the island's economy.",
            "share of island's economy made up by Exports",
        ),
        ("Quarterly sales rose 6% to $2.3bn.", "Quarterly sales"),
        ("The group reported a 15% drop in net profit.", "drop in net profit reported by group"),
        (
            "The firm received $900 million in loans from banks.",
            "loans from banks received by firm",
        ),
        ("It posted a net loss of $45 million for the year.", "net loss posted for the year"),
        ("The council raised parking fees by 20%.", "rise in parking fees"),
        (
            "The fund invested $3 billion over time in the mine.",
            "money invested by fund over time in the mine",
        ),
        ("They sold 4,000 tickets in an hour.", "tickets they sold in an hour"),
        ("Each licence is priced at $40 per month.", "monthly price licence is priced"),
    ],
)
def test_measures(sentence: str, measures: str) -> None:
    found = figures(sentence)
    assert found[0].measures == measures


def test_offsets_point_at_the_text_in_the_body() -> None:
    paragraphs = ["Intro without numbers.", "Sales rose 9% to $4.1bn. Staff grew to 1,200 workers."]
    found = figures(*paragraphs)
    body = "\n\n".join(paragraphs)
    assert found
    for f in found:
        assert body[f.start : f.end] == f.text
        assert f.text in f.sentence


def test_conversion_follows_its_original_and_shares_its_measure() -> None:
    found = figures(
        "The city will spend 10 billion yuan ($1.4 billion) on new parks. "
        "Turnout was 40% and 1,000 volunteers joined."
    )
    texts = [f.text for f in found]
    assert texts.index("$1.4 billion") == texts.index("10 billion yuan") + 1
    assert found[0].measures == found[1].measures


def test_money_and_large_counts_rank_above_trivia() -> None:
    found = figures(
        "The council met for 3 hours and heard from 12 residents.",
        "It approved a $250 million budget, and 2.4 million people will benefit.",
        "Fees rose 8% this year.",
    )
    texts = [f.text for f in found]
    assert texts[:2] == ["$250 million", "2.4 million people"]
    assert texts.index("8%") < texts.index("3 hours")


def test_repeated_figure_listed_once() -> None:
    found = figures("The fine was $5m.", "Critics said the $5m fine was small.")
    assert [f.text for f in found] == ["$5m"]


def test_ranking_is_deterministic() -> None:
    text = "Sales rose 5%. Costs rose 5 percent. Staff fell 5%. Prices rose 5 per cent."
    assert figures(text) == figures(text)


def test_empty_and_numberless_documents() -> None:
    assert figures() == []
    assert figures("No numbers here at all.") == []


@pytest.mark.parametrize(
    "sentence",
    ["The lender kept its rate at 4.75%-5.00% this week.", "Its rate is 4.75%–5.00% now."],
)
def test_percent_range_with_a_dash_is_one_positive_figure(sentence: str) -> None:
    found = read_quantities(sentence)
    assert len(found) == 1, found
    q = found[0]
    assert (q.value, q.high, q.unit) == (4.75, 5.0, "%")
    assert "-5" not in q.text.replace("–", "-").split("%")[0]


def test_a_dash_after_a_figure_is_not_a_minus_sign() -> None:
    # A poll split: a descending pair stays two positive figures.
    values = [q.value for q in read_quantities("Voters backed it 61%-30% in the survey.")]
    assert values == [61, 30]
    # A real minus sign still reads as one.
    assert read_quantities("The index ended at -2.5% on the day.")[0].value == -2.5


def test_percent_to_percent_after_a_change_verb_is_a_change() -> None:
    found = read_quantities("The lender lifted its rate 0.5% to 4.5%, it said.")
    assert [q.value for q in found] == [0.5, 4.5]
    q = read_quantities("Forecasts of 2% to 3% were made.")[0]
    assert (q.text, q.value, q.high) == ("2% to 3%", 2, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares in the R&D 300 index fell today.",
        "R&D 300 futures slipped overnight.",
        "The XYZQ 200 closed lower on Monday.",
        "XYZQ 200 stocks closed lower on Monday.",
        "She raced in Formula 2 for a season.",
        "Fortune 500 firms hired more staff.",
    ],
)
def test_index_and_series_names_are_not_figures(sentence: str) -> None:
    assert read_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Yesterday 300 people marched.", 300, "person"),
        ("Boasting 108,000 residents, the town grew.", 108_000, "resident"),
        ("Allow 20 minutes for the paint to dry.", 20, "minute"),
    ],
)
def test_counts_at_the_start_of_a_sentence_stay(sentence: str, value: float, unit: str) -> None:
    q = read_quantities(sentence)[0]
    assert (q.value, q.unit) == (value, unit)


def test_part_of_a_whole_counts_the_same_thing() -> None:
    found = read_quantities("The chain will shut 75 of its 310 shops next year.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("75", 75, "shop"),
        ("310 shops", 310, "shop"),
    ]
    found = figures("Doctors said 9 of the 25 patients recovered.")
    assert {(f.value, f.unit) for f in found} == {(9, "patient"), (25, "patient")}
    assert next(f for f in found if f.value == 9).measures == "patients recovered"
    # Nothing after the second number: still not a figure.
    assert read_quantities("They won 3 of 5 and drew.") == []


@pytest.mark.parametrize(
    ("sentence", "text", "unit", "measures"),
    [
        ("The new tram reached 95km/h on its first run.", "95km/h", "km/h", "new tram"),
        ("Gusts of 80 mph battered the pier.", "80 mph", "mph", "Gusts"),
        ("It can move at 12 m/s when startled.", "12 m/s", "m/s", "speed"),
        ("The scooter tops out at 25 kph.", "25 kph", "km/h", "scooter"),
    ],
)
def test_speeds_are_one_unit_and_measure_what_moves(
    sentence: str, text: str, unit: str, measures: str
) -> None:
    found = figures(sentence)
    assert len(found) == 1, found
    assert (found[0].text, found[0].unit, found[0].measures) == (text, unit, measures)


def test_counted_noun_stops_at_a_past_tense_verb() -> None:
    assert one("About 40 volunteers quit last week.") == ("About 40 volunteers", 40, "volunteer")
