"""Key figures, one construction class at a time (sentences written for these tests).

Numbers in words, compounds, multiples, fractions, ranks, proportions, falls,
qualifiers and ranges; what each figure measures, from its clause; the dollar
of the page; and how the reader and the export show a figure's measure.
"""

from __future__ import annotations

import itertools

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.figures import dollar_code, extract_figures
from briefings.derive.numbers import has_number_words, read_quantities
from briefings.derive.sentences import split_sentences
from briefings.models import Figure, shown_measures


def figures(*paragraphs: str, source: str | None = None) -> list[Figure]:
    doc = Document.build(list(paragraphs), set(), Metadata(source=source), split_sentences)
    return extract_figures(doc)


def read(sentence: str) -> list[tuple[str, float, str | None]]:
    return [(q.text, q.value, q.unit) for q in read_quantities(sentence)]


# --- numbers written in words ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nine ferries were cancelled on Monday.", [("Nine ferries", 9, "ferry")]),
        ("Roughly forty-two lorries queued.", [("Roughly forty-two lorries", 42, "lorry")]),
        ("Three million bees escaped.", [("Three million bees", 3e6, "bee")]),
        ("The dig lasted five-and-a-half weeks.", [("five-and-a-half weeks", 5.5, "week")]),
        ("The club has had a dozen coaches.", [("dozen coaches", 12, "coach")]),
        ("For three decades the mill stood idle.", [("three decades", 30, "year")]),
    ],
)
def test_spelled_out_numbers(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "One of the best ferries sailed.",  # "one" alone is rarely a figure
        "Two of them came back.",  # nothing counted
        "It was a one-off.",
        "Seven said nothing.",
    ],
)
def test_spelled_numbers_that_are_not_figures(sentence: str) -> None:
    assert read_quantities(sentence) == []


def test_a_bare_number_after_a_spelled_count_counts_the_same_thing() -> None:
    found = read_quantities("Four walkers were rescued and 11 injured on the ridge.")
    assert [(q.value, q.unit) for q in found] == [(4, "walker"), (11, "walker")]


def test_a_count_that_refers_back_ranks_below_a_new_one() -> None:
    found = figures("The 14 pupils sang. Later the two teachers and eight parents joined them.")
    texts = [f.text for f in found]
    assert texts.index("eight parents") < texts.index("two teachers")


def test_number_words_prefilter() -> None:
    assert has_number_words("About “Six” boats.")
    assert has_number_words("A tenfold rise.")
    assert not has_number_words("Nothing here; often none.")


# --- compounds, multiples, fractions, ranks, proportions ----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("They drove a 2,400-mile loop.", "2,400-mile loop", 2400, "mile"),
        ("She built a 31-point lead.", "31-point lead", 31, "point"),
        ("It signed a 15-year lease.", "15-year lease", 15, "year"),
        ("After a six-month search it ended.", "six-month search", 6, "month"),
    ],
)
def test_hyphenated_compounds(sentence: str, text: str, value: float, unit: str) -> None:
    assert read(sentence) == [(text, value, unit)]


@pytest.mark.parametrize(
    "sentence",
    ["A 63-year-old woman swam.", "Bonds hit a 20-year high.", "The three-time winner ran."],
)
def test_compounds_that_are_ages_records_or_counts_of_times(sentence: str) -> None:
    assert read_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("It predicts a fourfold rise in floods.", 4, "times"),
        ("The new hall is twice the size of the old one.", 2, "times"),
        ("Half the orchards were lost.", 50, "%"),
        ("Nearly three-quarters of the seats went unsold.", 75, "%"),
        ("About 7 in 10 renters backed the cap.", 70, "%"),
        ("One in five bridges needs repair.", 20, "%"),
        ("The club currently lies 9th in the table.", 9, "rank"),
    ],
)
def test_multiples_fractions_proportions_ranks(sentence: str, value: float, unit: str) -> None:
    found = read_quantities(sentence)
    assert len(found) == 1, found
    assert (round(found[0].value, 3), found[0].unit) == (value, unit)


def test_first_half_is_not_a_fraction() -> None:
    assert read_quantities("In the first half of the match the hosts led.") == []


# --- money forms --------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The studio was sold for $450M last year.", "$450M", 450e6),
        ("The startup raised $3B.", "$3B", 3e9),
        ("It paid no less than $21 million.", "no less than $21 million", 21e6),
    ],
)
def test_capital_scale_suffixes_and_qualifiers(sentence: str, text: str, value: float) -> None:
    assert [(q.text, q.value) for q in read_quantities(sentence)] == [(text, value)]


def test_clock_times_and_names_with_numbers_are_not_figures() -> None:
    for sentence in (
        "The fire started at 3 a.m. on the pier.",
        "Doors open at 7 pm sharp.",
        "The monitor 38 North published images.",
        "Members of Local 12 voted to strike.",
        "The phone runs iOS 17 now.",
    ):
        assert read_quantities(sentence) == [], sentence


# --- direction, qualifiers and ranges on the Figure ---------------------------


def test_a_fall_is_negative_and_a_level_is_not() -> None:
    found = figures("The index slipped 0.35 per cent on Friday. Inflation fell to 2.1% in May.")
    values = {f.text: f.value for f in found}
    assert values["0.35 per cent"] == -0.35
    assert values["2.1%"] == 2.1
    assert figures("Orders saw a 12% drop in March.")[0].value == -12


def test_qualifier_and_range_are_fields() -> None:
    found = figures(
        "At least 40 homes were flooded. Fees run $1,500 to $2,200 a term. "
        "Some 300 volunteers helped."
    )
    by_text = {f.text: f for f in found}
    assert by_text["At least 40 homes"].qualifier == "at least"
    assert by_text["Some 300 volunteers"].qualifier == "some"
    fees = by_text["$1,500 to $2,200"]
    assert (fees.value, fees.value_high) == (1500, 2200)
    assert fees.qualifier is None


# --- what a figure measures ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "measures"),
    [
        # the counted noun and what happened to it (a passive loses its auxiliary)
        (
            "Nine hikers were airlifted from the glacier on Sunday.",
            "Nine hikers",
            "hikers airlifted from the glacier on Sunday",
        ),
        # the figure as the subject of a modal verb
        (
            "Some 60 villages could lose their bus service next year.",
            "Some 60 villages",
            "villages that could lose their bus service next year (some)",
        ),
        # the figure as an object: the subject and the verb before it
        (
            "The museum has lent 35 paintings to galleries.",
            "35 paintings",
            "paintings museum has lent to galleries",
        ),
        # a participle phrase, then the clause before
        (
            "The council gave grants to 12 bakeries hit by the floods last spring.",
            "12 bakeries",
            "bakeries hit by the floods last spring council gave grants",
        ),
        # a percentage of something is a share of it
        (
            "About 30% of the orchards were replanted.",
            "About 30%",
            "share of orchards replanted (about)",
        ),
        # a percentage before a tax is its rate
        (
            "Buyers will pay 7% stamp duty on second homes.",
            "7%",
            "stamp duty rate Buyers will pay on second homes",
        ),
        # a price
        (
            "Tickets for the final sold for $900 on resale sites.",
            "$900",
            "price Tickets for the final sold on resale sites",
        ),
        # an exchange rate
        ("The euro rose to $1.19 against the dollar.", "$1.19", "dollar rate against the dollar"),
        # a rate per year becomes an adjective
        (
            "The charity spends £2m a year on shelters.",
            "£2m",
            "annual amount charity spends on shelters",
        ),
        # durations are time
        (
            "The repairs took 14 months to finish.",
            "14 months",
            "time repairs took to finish",
        ),
        ("Her letter, written 40 years ago, was found.", "40 years", "time since letter written"),
        # length, ranking
        (
            "His novel, over 300,000 words long, sold well.",
            "over 300,000 words",
            "length novel (over)",
        ),
    ],
)
def test_measures_from_the_clause(sentence: str, text: str, measures: str) -> None:
    found = {f.text: f.measures for f in figures(sentence)}
    assert found.get(text) == measures, found


def test_a_list_of_shares_keeps_the_words_before_the_list() -> None:
    found = figures("Women held 40% of the seats, 35% of the ministries and 20% of the embassies.")
    by_text = {f.text: f.measures for f in found}
    assert by_text["35%"].startswith("share of ministries")
    assert "Women held" in by_text["35%"]


def test_change_from_a_to_b_measures_what_changed() -> None:
    found = figures("The city raised spending on parks from $4m a year to $7m a year.")
    by_text = {f.text: f.measures for f in found}
    assert "spending on parks" in by_text["$7m"]
    assert by_text["$7m"].startswith("annual")


# --- the dollar of the page ------------------------------------------------------


def test_dollar_of_the_page() -> None:
    canadian = "Ottawa will spend $2 billion on rail. Ontario and Quebec welcomed it."
    assert dollar_code(canadian) == "CAD"
    assert figures(canadian)[0].unit == "CAD"
    assert dollar_code("The firm spent $2 billion.") == "USD"
    both = (
        "Canada and the United States split $2 billion. Canadian and US officials met in Toronto."
    )
    assert dollar_code(both) == "$"
    mostly_us = "Washington and Ottawa split $2 billion. American and US officials met in Canada."
    assert dollar_code(mostly_us) == "USD"
    assert dollar_code("Rail will cost $2 billion, officials said.") == "USD"
    # the site's own name places the page
    assert dollar_code("Rail will cost $2 billion, officials said.", "The Sydney Herald") == "AUD"
    # an explicit US$ stays USD whatever the page
    assert next(f for f in figures("Ottawa and Toronto paid US$5m.")).unit == "USD"


# --- display: the measure without the figure's own words ---------------------------


@pytest.mark.parametrize(
    ("text", "measures", "shown"),
    [
        ("18 months", "months", ""),
        ("18 months", "time the survey took", "time the survey took"),
        ("25 trophies", "trophies the coach has won", "the coach has won"),
        ("at least 15 seats", "seats the party needs (at least)", "the party needs"),
        ("$3,000", "library fine", "library fine"),
        ("12%", "", ""),
    ],
)
def test_shown_measures_do_not_repeat_the_unit(text: str, measures: str, shown: str) -> None:
    assert shown_measures(text, measures) == shown
    assert Figure(text=text, measures=measures).measures_shown() == shown


def test_casualties_count_people() -> None:
    found = {
        f.text: (f.value, f.unit, f.measures)
        for f in figures(
            "A gas blast tore through the market, killing at least 41 and wounding 90 others."
        )
    }
    assert found["at least 41"] == (41, "person", "people killed (at least)")
    assert found["90 others"] == (90, "person", "people wounded")
    found = {
        f.text: f for f in figures("Eight miners were trapped and 15 injured in the collapse.")
    }
    assert found["15"].unit == "miner"
    assert found["15"].measures == "miners injured in the collapse"


def test_a_rise_or_fall_measures_the_change_in_its_subject() -> None:
    found = {f.text: f.measures for f in figures("Rail fares rose 4.5% in January.")}
    assert found["4.5%"].startswith("rise in Rail fares")
    found = {f.text: f for f in figures("Factory output fell to 3% of the total.")}
    assert found["3%"].value == 3  # a level, not a fall


def test_worth_measures_the_value_of_the_thing() -> None:
    found = {
        f.text: f.measures for f in figures("The two ports signed a lease worth $80m on Monday.")
    }
    assert found["$80m"].startswith("value of lease")


def test_conversions_in_brackets_share_the_measure() -> None:
    found = figures("The camp lies about 30 kilometres (19 miles) east of the river.")
    texts = [f.text for f in found]
    assert texts.index("19 miles") == texts.index("about 30 kilometres") + 1
    assert found[0].measures == found[1].measures


def test_poll_shares_and_money_before_a_noun() -> None:
    found = {f.text: f.measures for f in figures("Smith received 41 percent in the county.")}
    assert found["41 percent"].startswith("support for Smith")
    found = {
        f.text: f.measures for f in figures("Voters rejected the costly $90 million stadium plan.")
    }
    assert found["$90 million"].startswith("stadium plan")
    found = {
        f.text: f.measures for f in figures("The appeal raised $4m in the week after the storm.")
    }
    assert not found["$4m"].startswith("week")


# --- well-formed measures: lists, places, people, no broken ends --------------


def measure_of(text: str, *paragraphs: str) -> str:
    found = next(f for f in figures(*paragraphs) if f.text == text)
    return found.measures


def test_a_dash_typed_as_a_hyphen_does_not_start_a_word() -> None:
    m = measure_of(
        "about 8%", "Audits -covering about 8% of Latvian farms -are due to end this spring."
    )
    assert "Latvian farms" in m
    assert not any(w.startswith("-") for w in m.split())
    assert not m.replace(" (about)", "").endswith(" are")


def test_objects_in_a_list_share_its_verb_and_place() -> None:
    sentence = (
        "Police said Morrow kept a rusty crossbow, four pistols, six knives and a sword "
        "in his garage."
    )
    for text, noun in (("four pistols", "pistols"), ("six knives", "knives")):
        m = measure_of(text, sentence)
        assert m.startswith(noun)
        assert "kept" in m and "garage" in m
        assert "crossbow" not in m


def test_a_count_after_in_is_where_the_clause_happens() -> None:
    m = measure_of("45 towns", "The charity runs food banks in all 45 towns here in Kent.")
    assert m.startswith("towns where")
    assert "food banks" in m and "Kent" in m


def test_he_is_the_subject_named_before_him() -> None:
    m = measure_of(
        "$40m",
        "Former mayor Alice Brandt backed the plan when she pledged an extra $40m for parks.",
    )
    assert "Alice Brandt" in m
    assert "she" not in m.split()


def test_the_company_is_the_name_the_sentence_before_opens_on() -> None:
    m = measure_of(
        "$5m",
        "Brightwell Foods reported results on Monday.",
        "The company made a profit of $5m last year.",
    )
    assert "Brightwell Foods" in m


def test_an_elided_noun_comes_from_the_list_before_it() -> None:
    m = measure_of(
        "about two million",
        "Under the plan half of all drivers would pay nothing and about two million being "
        "better off.",
    )
    assert m.startswith("drivers")
    assert not m.startswith("that")


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said he had spent $3m on the bridge and that it was finished.",
        "Some 12 ferries were cancelled, the operator said, after storms hit the coast.",
        "The council cut 40% of its budget for roads, which angered residents in the north.",
        "It would take them 18 months to rebuild the pier once the storms had passed.",
        "A total of 230 teachers walked out at schools across the county on Friday and",
    ],
)
def test_a_measure_never_ends_on_a_helper_or_pronoun(sentence: str) -> None:
    bad_end = {"he", "she", "it", "they", "them", "that", "which", "and", "or", "to", "of"}
    bad_end |= {"in", "on", "at", "is", "are", "was", "were", "has", "have", "had", "being"}
    for f in figures(sentence):
        words = f.measures.split(" (")[0].split()
        assert words, f.text
        assert words[-1].lower() not in bad_end, (f.text, f.measures)
        assert words[0].lower() not in {"that", "which", "and", "or", "being"}, f.measures
        assert len(words) <= 14


def test_a_bare_distance_is_measured_not_named_by_its_unit() -> None:
    m = measure_of("1,100 miles", "The relief convoy drove 1,100 miles to reach the border.")
    assert m.startswith("distance")
    assert "miles" not in m.split()


def test_a_measure_does_not_end_on_a_possessive_or_contraction() -> None:
    for f in figures(
        "The band played only two nights before Sunday's",
        "Organisers said 4,000 fans queued for tickets we've",
    ):
        last = f.measures.split(" (")[0].split()[-1]
        assert not last.endswith(("'s", "’s", "'ve")), f.measures


# --- a measure reads as one well-formed phrase --------------------------------


def _measure(sentence: str, text: str) -> str:
    from briefings.derive.measures import measures_for

    found = [q for q in read_quantities(sentence) if q.text == text]
    assert found, [q.text for q in read_quantities(sentence)]
    return measures_for(sentence, found[0])


def test_spoken_fillers_are_dropped() -> None:
    got = _measure(
        "She said that in 18 months you know I think the firm will open new stores.",
        "18 months",
    )
    assert got == "time the firm will open new stores"


def test_a_fragment_is_never_said_twice() -> None:
    got = _measure(
        "Farmers sold 900 tonnes of barley to Norwegian brewers to Norwegian brewers last spring.",
        "900 tonnes",
    )
    words = got.lower().split()
    pairs = list(itertools.pairwise(words))
    assert len(pairs) == len(set(pairs)), got


def test_a_stray_magnitude_ends_the_phrase() -> None:
    from briefings.derive.measures import _well_formed

    assert _well_formed(["Danish", "exports", "billion", "kroner", "of", "pork"]) == [
        "Danish",
        "exports",
    ]
    assert _well_formed(["12", "million", "visitors"]) == ["12", "million", "visitors"]


def test_a_long_phrase_stops_before_its_last_preposition() -> None:
    from briefings.derive.measures import _well_formed

    words = (
        "time the city is behind its rivals in the regional race to build new tram lines".split()
    )
    got = _well_formed(words)
    assert len(got) <= 14
    assert got[-1] == "race"


def test_word_said_twice_in_a_row_is_cut() -> None:
    from briefings.derive.measures import _well_formed

    assert _well_formed(["rise", "in", "rents", "rents"]) == ["rise", "in", "rents"]
    assert _well_formed(["share", "of", "the", "vote", "sort", "of"]) == [
        "share",
        "of",
        "the",
        "vote",
    ]


# --- what a figure measures: the verb, its subject and its object --------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change verb after its subject: the change in that subject
        (
            "Shares in Acme Foods fell 12% after the company cut its forecast.",
            "fall in shares in Acme Foods",
        ),
        ("Bright's share price rose 40% last year.", "rise in Bright's share price"),
        ("The delay caused its shares to lose 9% in a day.", "fall in shares in a day"),
        ("Visits to the museum grew tenfold.", "growth in visits to the museum"),
        # raising or cutting something "by" a figure: the change in that thing
        ("The landlord cut its rents by £300.", "cut in rents"),
        # what something costs: the cost of it (to whom)
        ("The new bridge is expected to cost £40m.", "cost of new bridge"),
        ("The inquiry will cost taxpayers £3m.", "cost of inquiry to taxpayers"),
        (
            "Pippa Lane wrote the report. It says her trial will cost the council £90,000.",
            "cost of Lane’s trial to council",
        ),
        # an estimate: what is estimated, not the verb
        ("The damage to the harbour has been estimated at $2bn.", "damage to the harbour"),
    ],
)
def test_measures_from_the_verb_and_its_subject(text: str, expected: str) -> None:
    found = figures(text)
    assert found[0].measures == expected, [(f.text, f.measures) for f in found]


def test_a_common_noun_opening_a_sentence_is_not_the_company() -> None:
    found = figures("Shares in Rook Mills slid 8%. The company said profit would fall by $2m.")
    by_text = {f.text: f.measures for f in found}
    assert "Shares" not in by_text["$2m"]


# --- what is not a key figure: names with numbers, verbs, idioms, the story's clock --


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans packed the ground for the Six Nations opener.",  # a capitalised number in a name
        "The two became close friends at school.",  # a verb is not what "two" counts
    ],
)
def test_numbers_that_are_names_or_have_no_noun(sentence: str) -> None:
    assert read_quantities(sentence) == []


def test_idioms_and_the_storys_clock_rank_below_the_news() -> None:
    found = figures(
        "The mayor said she was 100% certain of the plan. Three years later, she was gone.",
        "The council sold 14 parks to developers.",
    )
    texts = [f.text for f in found]
    assert texts[0] == "14 parks", texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount "a year in" something: that thing, with its rate and adjective
        ("The donors will provide an extra $30bn (£16bn) a year in aid.", "extra annual aid"),
        # "expects X to reach $N": X
        (
            "Corvid expects sales of its tablets to reach $9bn.",
            "sales of its tablets",
        ),
        # a level verb alone adds nothing to its subject
        ("Regional exports reached $445bn.", "Regional exports"),
    ],
)
def test_what_an_amount_is(text: str, expected: str) -> None:
    assert figures(text)[0].measures.startswith(expected), figures(text)[0].measures


@pytest.mark.parametrize("sentence", ["Their debut was a UK top 10 hit.", "The top five sang."])
def test_a_place_in_a_list_is_not_a_figure(sentence: str) -> None:
    assert read_quantities(sentence) == []


def test_his_is_the_surname_the_sentence_opens_on() -> None:
    found = figures(
        "Dorian K. Maplethorpe, 61, admitted the charges on Tuesday.",
        "Officers said the hearing was short.",
        "Maplethorpe is a former guard and kept four crossbows, two swords and a axe at his flat.",
    )
    by_text = {f.text: f.measures for f in found}
    assert by_text["four crossbows"] == "crossbows kept at Maplethorpe’s flat"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money changing hands: the money, who moved it and where from
        ("The startup raised $2B from investors.", "money raised by startup from investors"),
        # "range from X to Y" is a range of what ranges
        ("Salaries range from $54,000 to $72,000.", "Salaries"),
        # no phrase ends on a preposition
        ("The firm employs 12,000 people across 30 countries.", "people firm employs"),
    ],
)
def test_money_ranges_and_phrase_ends(text: str, expected: str) -> None:
    assert figures(text)[0].measures == expected, [(f.text, f.measures) for f in figures(text)]


def test_range_from_to_is_a_range() -> None:
    assert read("Salaries range from $54,000 to $72,000.") == [("$54,000 to $72,000", 54000, "USD")]
    assert figures("Salaries range from $54,000 to $72,000.")[0].value_high == 72000


def test_a_second_conversion_waits_until_the_end() -> None:
    found = figures(
        "The port signed a deal worth 2bn euros ($2.6bn; £1.4bn) on Monday. "
        "Traffic rose 12% and 300 jobs were created."
    )
    texts = [f.text for f in found]
    assert texts[:2] == ["2bn euros", "$2.6bn"], texts
    assert texts[-1] == "£1.4bn", texts
    assert found[-1].measures == found[0].measures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause after a verb of thinking is the figure's own clause
        ("Analysts predict the bakery will report profits of £3m.", "profits bakery will report"),
        # "worth": the value of the thing, not of the verb before it
        ("Officials believe the storm caused damage worth $40m.", "value of damage"),
    ],
)
def test_the_clause_after_a_verb_of_thinking(text: str, expected: str) -> None:
    assert figures(text)[0].measures == expected


def test_a_compound_duration_is_the_length_of_its_noun() -> None:
    assert figures("The port signed a 30-year lease.")[0].measures.startswith("length of lease")
    assert figures("She spent five-and-a-half years there.")[0].measures.startswith("time")


def test_the_value_of_a_deal_skips_its_conversions() -> None:
    found = figures("Acme signed a deal worth 2bn euros ($2.6bn) for Zeta to build 40 ferries.")
    assert found[0].measures == "value of deal for Zeta to build"


@pytest.mark.parametrize(
    "sentence",
    ["The band will host radio station 7 Rhythm for a week.", "He lives at 12 Harbour Street."],
)
def test_a_number_in_a_name_is_not_a_figure(sentence: str) -> None:
    assert read_quantities(sentence) == []


def test_capitalised_counted_nouns_stay_figures() -> None:
    assert [q.text for q in read_quantities("He won three Premier League titles.")] == [
        "three Premier League titles"
    ]
    assert [q.text for q in read_quantities("About 9 Britons were held.")] == ["About 9 Britons"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a multiple of a size: whose size, relative to what
        (
            "The city's grey economy is thought to be twice the size of its tax base.",
            "size of city's grey economy relative to its tax base",
        ),
        # a duration before or after an event: the time before or after it
        (
            "The vote came just two days before the general election.",
            "time vote came before the general election",
        ),
        (
            "Less than two weeks after a flood hit the town, the mill reopened.",
            "time after a flood hit the town (less than)",
        ),
        (
            "Orders were frozen three days after the audit began.",
            "time Orders were frozen after the audit began",
        ),
        # "after N years in charge": that time, and whose
        ("Ramsgate was sacked after four years in charge.", "Ramsgate’s time in charge"),
    ],
)
def test_multiples_and_durations_around_an_event(text: str, expected: str) -> None:
    assert figures(text)[0].measures == expected, [(f.text, f.measures) for f in figures(text)]


def test_fractions_of_a_plural_and_indian_scales() -> None:
    assert read("A third of voters are undecided.") == [("A third of voters", 33.333333, "%")]
    assert read("It took half an hour.") == []
    assert read("The fine was Rs 500 crore.") == [("Rs 500 crore", 5e9, "INR")]
    assert read("The plan will cost 20 lakh rupees.") == [("20 lakh rupees", 2e6, "INR")]
    nearly = read_quantities("Nearly a quarter of nurses quit.")[0]
    assert (nearly.text, nearly.approx) == ("Nearly a quarter of nurses", "nearly")


def test_a_who_clause_after_a_name_takes_the_name() -> None:
    found = figures("In her memoir, Okafor — who ran the ward for 12 years — tells all.")
    assert found[0].measures == "time Okafor ran the ward"


def test_thousands_grouped_by_spaces_are_one_number() -> None:
    from briefings.derive.numbers import read_quantities

    sentence = "The company paid 50 000 euros and 12\u00a0500 households were moved."
    values = sorted(q.value for q in read_quantities(sentence))
    assert 50000.0 in values
    assert 12500.0 in values


def test_spaces_before_a_compound_or_after_a_year_do_not_group() -> None:
    from briefings.derive.numbers import read_quantities

    values = {q.value for q in read_quantities("The 5 100-metre runs were cancelled.")}
    assert 5100.0 not in values
    values = {q.value for q in read_quantities("In 2019 250 people were moved.")}
    assert 2019250.0 not in values and 19250.0 not in values
