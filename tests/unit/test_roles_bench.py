"""The PolNeAR role check's own rules: which words of a gold source span state a
role, and when our role matches it (texts invented for the test)."""

from __future__ import annotations

import pytest

from bench.quality.polnear import gold_role, role_matches


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("Jo Marsh, a spokesman for the agency", {"spokesman", "agency"}),
        ("Senate Majority Leader Jo Marsh", {"senate", "majority", "leader"}),
        ("Sen. Jo Marsh (R-Ind.)", {"sen", "r", "ind"}),
        ("Tidewater’s Jo Marsh", {"tidewater"}),
        ("Jo Marsh, 30, of Brackley, Ind.", set()),  # an age and a home town
        ("Jo Marsh, 30, of Brackley, a nurse", {"nurse"}),
        ("Jo Marsh, who has run the firm since 2010", set()),  # a relative clause
        ("Marsh", set()),
        ("Jo Sanders", set()),  # a plural-looking surname is still the name
    ],
)
def test_gold_role_words(source: str, words: set[str]) -> None:
    assert gold_role(source) == words


def test_role_matches_when_half_of_ours_is_gold() -> None:
    gold = gold_role("Jo Marsh, a spokesman for the harbour agency")
    assert role_matches("spokesman", gold)
    assert role_matches("agency spokesman", gold)
    assert not role_matches("former spokesman of the ferry union", gold)
    assert not role_matches(None, gold)
    assert not role_matches("", gold)
