"""Role shapes an outside review found missing: a lower-case title phrase before a
name, an occupation noun outside the title vocabulary, and a long organisation
prefix that must not be cut mid-name. Texts written for these tests."""

from __future__ import annotations

import pytest

from briefings.derive.document import Document, Metadata
from briefings.derive.quotes import extract_quotes
from briefings.derive.roles import apposition_before, title_before
from briefings.derive.sentences import split_sentences


def _quote_role(paragraphs: list[str]) -> tuple[str | None, str | None]:
    doc = Document.build(paragraphs, set(), Metadata(), split_sentences)
    (q,) = extract_quotes(doc)
    return q.speaker, q.speaker_role


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("The plan was welcomed by minister of mines and energy ", "minister of mines and energy"),
        ("On Monday, minister of water affairs ", "minister of water affairs"),
        (
            "The deal was signed by the secretary of state for transport ",
            "secretary of state for transport",
        ),
    ],
)
def test_a_lower_case_title_phrase_before_a_name(left: str, role: str) -> None:
    assert title_before(left) == role


def test_a_lower_case_title_phrase_in_an_apposition_before_a_name() -> None:
    left = "Power cuts will end by March, the country's minister of electricity, "
    assert apposition_before(left) == "country's minister of electricity"


def test_a_lower_case_title_phrase_is_the_speakers_role() -> None:
    speaker, role = _quote_role(
        [
            '"We will not sign a contract that sells our copper cheaply," minister of mines '
            "and energy Paulo Dembe said at the conference on Tuesday.",
        ]
    )
    assert speaker == "Paulo Dembe"
    assert role == "minister of mines and energy"


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("The crash involved stock car driver ", "stock car driver"),
        ("The airline said its pilot ", "pilot"),
        ("Veteran jockey ", "Veteran jockey"),
        ("Local baker ", "Local baker"),
        ("The band's drummer ", "band's drummer"),
    ],
)
def test_an_occupation_noun_before_a_name(left: str, role: str) -> None:
    assert title_before(left) == role


def test_an_occupation_noun_is_the_speakers_role() -> None:
    speaker, role = _quote_role(
        [
            '"The car just would not turn in the wet," bus driver Anton Velde said after '
            "the stage.",
        ]
    )
    assert speaker == "Anton Velde"
    assert role == "bus driver"


def test_a_long_organisation_prefix_is_not_cut_mid_name() -> None:
    left = "Ohio Department of Natural Resources press officer "
    role = title_before(left)
    assert role is not None
    assert role.split()[0] in ("Ohio", "press")
    assert role.endswith("press officer")


def test_a_long_organisation_prefix_speaker_role() -> None:
    speaker, role = _quote_role(
        [
            '"The trail will stay closed until the bridge is checked," Ohio Department of '
            "Natural Resources press officer Dana Kell said.",
        ]
    )
    assert speaker == "Dana Kell"
    assert role is not None
    assert role.endswith("press officer")
    assert role.split()[0] in ("Ohio", "press")


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("The bank's owner said Bank of Narnia deputy governor ", "Bank of Narnia deputy governor"),
        ("A review by the Friends of the Moor campaigner ", "Friends of the Moor campaigner"),
        ("The Courier's film critic ", "Courier's film critic"),
        ("It was praised by media and PR strategist ", "PR strategist"),
        ("It said that Brill's head of research ", "Brill's head of research"),
    ],
)
def test_an_organisation_before_a_title_is_kept_whole(left: str, role: str) -> None:
    assert title_before(left) == role


def test_an_occupation_alone_does_not_name_a_description_speaker() -> None:
    doc = Document.build(
        [
            "Councillor Maya Orrin opened the new bridge on Monday.",
            "A bus driver saw the crash from the other lane.",
            '"I pulled over and ran back to help as fast as I could," the driver said.',
        ],
        set(),
        Metadata(),
        split_sentences,
    )
    quotes = extract_quotes(doc)
    assert quotes
    assert all(q.speaker != "Maya Orrin" for q in quotes)


def test_a_name_before_of_is_no_cut_title() -> None:
    left = "The prints are the work of New Haven-based photographer "
    assert title_before(left) == "New Haven-based photographer"
