"""A form of address ("His Honour", "Her Excellency", "The Honourable") is no
part of a speaker's role: "His Honour Judge X" is a judge."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.roles import clean_role
from briefings.derive.sentences import split_sentences


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("His Honour Judge", "Judge"),
        ("Her Excellency Ambassador", "Ambassador"),
        ("The Honourable Member", "Member"),
        ("Hon. Minister of Finance", "Minister of Finance"),
        ("honorary consul", "honorary consul"),
    ],
)
def test_forms_of_address_leave_the_role(phrase: str, role: str) -> None:
    assert clean_role(phrase) == role


def test_a_judge_addressed_as_his_honour_has_the_role_judge() -> None:
    doc = Document.build(
        [
            "His Honour Judge Alan Brook QC sentenced the builder at the crown court on Friday.",
            '"You put the lives of three families at risk for the sake of a quick profit," '
            "Judge Brook told him.",
        ],
        set(),
        Metadata(),
        split_sentences,
    )
    (q,) = extract_quotes(doc)
    assert q.speaker == "Alan Brook"
    assert q.speaker_role == "Judge"
