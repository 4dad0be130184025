"""Currencies that outlets outside the US, UK and euro area write before the
number, sometimes glued to it ("RM6.2 million", "KSh300")."""

from __future__ import annotations

import pytest

from briefings.derive.numbers import read_quantities


@pytest.mark.parametrize(
    ("sentence", "value", "code"),
    [
        ("The bridge cost RM6.2 million to repair last year.", 6_200_000, "MYR"),
        ("The fund paid nearly RM900,000 to the two contractors.", 900_000, "MYR"),
        ("The state budget set aside RM 4.5 billion for schools.", 4_500_000_000, "MYR"),
        ("The regulator fined the bank Rp5 billion in March.", 5_000_000_000, "IDR"),
        ("Farmers earned KSh300 million from tea exports.", 300_000_000, "KES"),
        ("The council spent N$12 million on new roads.", 12_000_000, "NAD"),
        ("The ₦2 billion contract was signed on Friday.", 2_000_000_000, "NGN"),
        ("Rice now costs ₱50 a kilo in the capital.", 50, "PHP"),
        ("The ministry paid Rs.500 crore for the new line.", 5_000_000_000, "INR"),
    ],
)
def test_a_currency_before_the_number_is_read(sentence: str, value: float, code: str) -> None:
    money = [q for q in read_quantities(sentence) if q.kind == "money"]
    assert [(q.value, q.unit) for q in money] == [(value, code)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Its FARM2 plot had been left empty for three seasons.",
        "The DRp5 sensor and the TRs3 valve failed on the same day.",
    ],
)
def test_a_currency_code_inside_a_longer_word_is_not_money(sentence: str) -> None:
    assert not [q for q in read_quantities(sentence) if q.kind == "money"]
