"""Key-figure classes from a review of unseen pages (sentences written for these tests).

A rating or level is no proportion; a verb after a number is no counted noun;
a compass word is no unit; the money a subject paid has a measure.
"""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.figures import extract_figures
from briefings.derive.sentences import split_sentences
from briefings.models import Figure


def figures(*paragraphs: str) -> list[Figure]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    return extract_figures(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Forecasters put the valley under a Level 3 out of 5 risk on Tuesday.",
        "A level 2 out of 5 risk of hail covers the plains tonight.",
        "The guesthouse was rated 4 out of 5 stars by its visitors.",
        "The cafe has a rating of 4 out of 5 from local diners.",
        "The cyclone grew to Category 4 of 5 before it reached the islands.",
    ],
)
def test_a_rating_or_level_is_no_proportion(sentence: str) -> None:
    assert not [f for f in figures(sentence) if f.unit == "%"], figures(sentence)


def test_a_counted_share_is_still_a_proportion() -> None:
    found = figures("About 7 out of 10 tenants backed the new rules in the poll.")
    assert [(f.value, f.unit) for f in found] == [(70.0, "%")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Phase six includes a new ferry pier on the east bank.",
        "Stage 2 contains the longest climb of the race.",
        "Locals say a sinkhole or two exists near the old quarry.",
        "Only one remains in hospital after the crash.",
        "The two met on Friday to settle the dispute.",
        "After the match the two spoke briefly.",
    ],
)
def test_a_verb_is_never_the_counted_unit(sentence: str) -> None:
    units = [f.unit for f in figures(sentence)]
    for verb in ("include", "contain", "exist", "remain", "met", "spoke"):
        assert verb not in units, units


def test_a_plural_noun_after_a_number_is_still_counted() -> None:
    found = figures("Crews removed six trucks and two vans from the depot.")
    assert sorted(str(f.unit) for f in found) == ["truck", "van"]


def test_a_compass_word_is_no_unit() -> None:
    found = figures("The quake struck about 100 miles north of the port city.")
    assert [f.unit for f in found] == ["mile"]


def test_capitalised_modifiers_lead_to_the_plural_head() -> None:
    found = figures("Three Brookfield county clerks were suspended after the audit.")
    assert [f.unit for f in found] == ["clerk"]


def test_money_a_subject_paid_has_a_measure() -> None:
    found = figures("The broadcaster paid $240,000 for the documentary.")
    assert len(found) == 1
    assert found[0].measures
    assert "paid" in found[0].measures and "broadcaster" in found[0].measures


@pytest.mark.parametrize(
    "sentence",
    [
        "The guesthouse was rated 4 out of 5 stars by its visitors.",
        "Forecasters put the valley under a Level 3 out of 5 risk on Tuesday.",
        "Critics rated the show four out of five stars.",
    ],
)
def test_a_rating_leaves_no_figure_behind(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The band scored its second number one in three weeks.", "week"),
        ("The club was relegated to the third tier six years ago.", "year"),
        ("At this stage 20 families had left the estate.", "family"),
    ],
)
def test_counts_near_label_and_share_words_stay(sentence: str, unit: str) -> None:
    assert unit in [f.unit for f in figures(sentence)], figures(sentence)


def test_a_perfect_mark_is_no_count() -> None:
    assert figures("The magazine gave the game a rare 10 out of 10 mark.") == []
