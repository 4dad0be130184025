"""Key-figure ranking: the story's own figures before background, and no non-figures.

Texts are written for these tests (not taken from any corpus).
"""

from __future__ import annotations

from briefings.derive import derive
from briefings.derive.numbers import read_quantities
from briefings.models import Article, Figure


def _figures(body: str, title: str = "") -> list[Figure]:
    text = f"# {title}\n\n{body}" if title else body
    return derive(
        Article(origin="test:ranking", format="md" if title else "txt", text=text)
    ).figures


def _texts(figures: list[Figure]) -> list[str]:
    return [f.text for f in figures]


def test_a_weekday_before_a_number_does_not_make_it_a_name() -> None:
    found = read_quantities("Coastguards seized on Friday 310 pounds (140.6 kilos) of heroin.")
    assert [q.text for q in found][:1] == ["310 pounds"]


def test_the_original_figure_comes_before_its_bracketed_conversion() -> None:
    texts = _texts(
        _figures(
            "Harbour police seized on Friday 310 pounds (140.6 kilos) of heroin from a yacht "
            "moored in Port Alder. The drugs are worth an estimated $2.9 million. Two crew "
            "members were detained."
        )
    )
    assert texts.index("310 pounds") < texts.index("140.6 kilos")


def test_a_rate_denominator_is_not_a_figure() -> None:
    texts = _texts(
        _figures(
            "Westmark is recording a seven-day rate of 71.4 infections per 100,000 people, "
            "up from 40.2 a week before. Officials ordered 14 days of isolation for travellers."
        )
    )
    assert "100,000 people" not in texts
    assert "seven-day rate" not in texts
    assert any(t.startswith("71.4") for t in texts)


def test_a_goal_number_is_not_an_amount() -> None:
    found = read_quantities("As SDG 7 demands, and as Goal 11 urges, the town installed lights.")
    assert found == []
    found = read_quantities("As SGD 7 predicts, half of the towns will grow.")
    assert all(q.kind != "money" for q in found)
    assert [q.text for q in read_quantities("The ticket costs SGD 45.")] == ["SGD 45"]


def test_a_small_count_that_refers_back_ranks_last() -> None:
    texts = _texts(
        _figures(
            "Riots after the vote left at least 14 people dead. There were calls for calm from "
            "the two main candidates. The count took six weeks, and 3 ballot boxes were burned."
        )
    )
    assert texts[0] == "at least 14 people"
    if "two main candidates" in texts:
        assert texts.index("two main candidates") == len(texts) - 1


def test_an_organisation_profile_at_the_end_ranks_below_the_story() -> None:
    body = "\n\n".join(
        [
            "Border officers found 90 kilograms of cocaine hidden in a fishing boat off Port Alder.",
            "The boat's three crew members were arrested, officials said on Monday.",
            "The drugs have an estimated street value of $1.2 million.",
            "The case was passed to federal prosecutors.",
            "With about 2,400 officers, 180 aircraft and 260 boats operating throughout the "
            "region, the Coastal Patrol Service says it conducts its mission at sea and on land.",
        ]
    )
    texts = _texts(_figures(body))
    for standing in ("about 2,400 officers", "180 aircraft", "260 boats"):
        if standing in texts:
            assert texts.index(standing) > texts.index("90 kilograms")
            assert texts.index(standing) > texts.index("$1.2 million")


def test_figures_under_an_about_heading_rank_last() -> None:
    body = "\n\n".join(
        [
            "Greenfold Foods will close its plant in Tarrow, cutting 85 jobs.",
            "The plant opened in 1998 and made 12,000 pies a day.",
            "Union leaders said they would fight the decision.",
            "## About Greenfold",
            "Greenfold employs 9,500 people in 14 countries and had sales of $3.1 billion.",
        ]
    )
    texts = _texts(_figures(body, title="Greenfold to close Tarrow pie plant"))
    assert texts.index("85 jobs") < texts.index("$3.1 billion")
    assert texts.index("12,000 pies") < texts.index("9,500 people")


def test_world_population_figures_rank_below_a_local_story() -> None:
    body = "\n\n".join(
        [
            "Marrow council has installed 140 solar streetlights along the market road.",
            "Traders say they now stay open until 10pm, and one stall owner said her takings "
            "rose to 12,000 shillings a night.",
            "According to a UN report, half of humanity (4.1 billion people) lives in towns, "
            "and the world's population will reach 9.7 billion by 2050.",
            "The project cost 620 million shillings, the council said.",
        ]
    )
    texts = _texts(_figures(body, title="Solar streetlights light up Marrow market"))
    assert texts.index("140 solar streetlights") < texts.index("4.1 billion people")
    assert texts.index("620 million shillings") < texts.index("4.1 billion people")


def test_a_figure_of_the_headline_ranks_first() -> None:
    body = (
        "Police in Tarrow said a lorry carrying 40 tonnes of grain overturned on the bypass. "
        "About 1,200 homes lost power for three hours. The driver, who has 25 years of "
        "experience, was unhurt."
    )
    texts = _texts(_figures(body, title="Lorry spills 40 tonnes of grain on Tarrow bypass"))
    assert texts[0] == "40 tonnes"


def test_a_number_inside_a_quoted_email_ranks_below_the_narrative() -> None:
    body = (
        'One 2011 email joked that the mayor "would not last four years in office." '
        "The inquiry found 16 officers had sent such messages, and 3 were dismissed."
    )
    texts = _texts(_figures(body))
    assert texts.index("16 officers") < texts.index("four years")


def test_the_new_value_of_a_change_shares_its_measure_and_ranks_first() -> None:
    found = _figures(
        "Lakeside flats sold quickly. The average price per flat rose from about £310,000 "
        "in 2023 to £355,000 in 2024, agents said."
    )
    texts = _texts(found)
    assert texts.index("£355,000") < texts.index("about £310,000")
    new = found[texts.index("£355,000")]
    assert "price" in new.measures


def test_an_age_in_years_old_and_an_emergency_number_are_not_figures() -> None:
    texts = _texts(
        _figures(
            'Police released the 911 audio on Monday. "Twenty years old is too young to die," '
            "his aunt said. The officer fired 7 shots, the report found."
        )
    )
    assert not any(t.startswith("911") for t in texts)
    assert not any(t.lower().startswith("twenty years") for t in texts)
    assert "7 shots" in texts


def test_a_figure_the_story_comes_back_to_ranks_above_a_one_off() -> None:
    body = (
        "The council will plant 5,200 trees and build 4,800 new homes. "
        "Residents said the 4,800 homes would double the village. "
        "Planners said the 4,800 homes would take a decade."
    )
    texts = _texts(_figures(body))
    assert texts.index("4,800 new homes") < texts.index("5,200 trees")
