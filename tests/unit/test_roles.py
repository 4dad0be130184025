"""Roles read from appositions and titles on either side of a name, carried to every
quote of the speaker; clauses, ages, adverbs and cut abbreviations are not roles.

Every text here is invented for the test."""

from __future__ import annotations

import pytest

from briefings.derive.roles import (
    Roles,
    affiliation_before,
    apposition_after,
    apposition_before,
    clean_role,
    title_before,
)
from tests.unit.quote_helpers import quotes_of, role_of

# --- appositions after the name -------------------------------------------------


@pytest.mark.parametrize(
    ("right", "role"),
    [
        (", a spokesman for the harbour board, said", "spokesman for the harbour board"),
        (" of the non-partisan Hollin-Grey Report, said", "non-partisan Hollin-Grey Report"),
        (" of the Brackley Institution said", "Brackley Institution"),
        (", 44, a home-care aide from Dunmore, said", "home-care aide from Dunmore"),
        (", 32, of Brackley, an account manager at a bakery, said", "account manager at a bakery"),
        (", a longtime party donor involved in the talks, said", "longtime party donor"),
        (", a Larkin supporter, said", "Larkin supporter"),
        (", a Fenwick resident, said", "Fenwick resident"),
        (", now a radio host, said", "radio host"),
        (", one of the paper's editors at Kell Press, said", "paper's editors at Kell Press"),
        (", a retired nurse, said", "retired nurse"),
        (", the judge hearing the case, said", "judge"),
        (", a candidate aiming at rural voters, said", "candidate"),
        (", a veteran voting rights lawyer, said", "veteran voting rights lawyer"),
        (", the polling guru who founded the site, said", "polling guru"),
        (
            ", a Democrat and former state senator who ran in 2008, said",
            "Democrat and former state senator",
        ),
        (
            ", education and law professor at Tallis University, said",
            "education and law professor at Tallis University",
        ),
        (", a farm operative currently working for a rival, said", "farm operative"),
        (", another veteran speechwriter who worked for the mayor, said", "veteran speechwriter"),
        (", Kent County Council press officer, said", "Kent County Council press officer"),
        (
            ", assistant chief constable of Wessex Police, said",
            "assistant chief constable of Wessex Police",
        ),
        (", head of Brightwave Records until last year, said", "head of Brightwave Records"),
        (", the first female MP to be elected there, said", "first female MP"),
        (
            ", expert in river ecology at the Department of Earth Sciences at Vale University "
            "School of Medicine in Northtown, said",
            "expert in river ecology at the Department of Earth Sciences",
        ),
    ],
)
def test_apposition_after_the_name(right: str, role: str) -> None:
    assert apposition_after(right) == role


@pytest.mark.parametrize(
    "right",
    [
        ", who is 60 years old, said",  # a relative clause
        ", 60, said",  # a bare age
        ", 30, of Brackley, said",  # an age and a home town
        ", R-Ky., said",  # a party tag
        ", eager all evening to jab the senators, said",  # an adjective clause
        ", elected president in May after the vote, said",  # a participle clause
        ", facing a stiff challenge from the mayor, said",
        ", told reporters the plan was dead",  # a verb phrase
        ", you're a lawyer, said",  # a clause with a contraction
        ", a Democrat, said",  # a party alone is not a role
        " of Vermont said",  # where from, not a role
        ", Kestrel chairman Joe Tamsin and others, said",  # another person's title
        ", Tidewater Radio's Jo Lee and the firm's chief executive, said",
    ],
)
def test_clauses_ages_and_tags_are_not_roles(right: str) -> None:
    assert apposition_after(right) is None


def test_a_long_role_is_cut_at_a_phrase_boundary_not_dropped() -> None:
    role = apposition_after(
        ", director of the Water Program at the Hollin Center for Rivers at the North "
        "Vale University School of Law, said"
    )
    assert role == "director of the Water Program at the Hollin Center for Rivers"


# --- titles and appositions before the name -------------------------------------


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("said Senate Majority Leader ", "Senate Majority Leader"),
        ("said Kestrel chairman ", "Kestrel chairman"),
        ("said U.S. Air Force Gen. ", "U.S. Air Force Gen."),
        ("said the powerful Union President ", "powerful Union President"),
        ("said retired surgeon ", "retired surgeon"),
        ("Meanwhile, party chairman ", "party chairman"),
        ("I am going to debate Secretary ", "Secretary"),  # "debate" is no part of it
        ("was the writer and jewellery designer ", "writer and jewellery designer"),
        ("said Hollis and spokesman ", "spokesman"),  # another person, not a title
    ],
)
def test_title_before_the_name(left: str, role: str) -> None:
    assert title_before(left) == role


def test_possessive_role_before_the_name() -> None:
    assert apposition_before("The agency's chief executive, ") == "agency's chief executive"
    assert affiliation_before("said Tidewater Radio's ") == "Tidewater Radio"
    assert affiliation_before("said the firm's ") is None  # lower case: no name
    assert affiliation_before("said Hollins' ") == "Hollins"  # only the apostrophe goes


@pytest.mark.parametrize(
    ("role", "clean"),
    [
        ("But senior adviser", "senior adviser"),
        ("meanwhile party chairman", "party chairman"),
        ("Gov", "Gov."),  # an abbreviation is not cut in half
        ("Dr.", None),  # an honorific alone states no role
        ("Rear Adm.", "Rear Adm."),
        ("mayor, who is 60 years old", "mayor"),
        ("Friends of the", None),  # the first half of "Friends of the Earth"
        ("Bank of", None),
    ],
)
def test_clean_role(role: str, clean: str | None) -> None:
    assert clean_role(role) == clean


# --- whole quotes ---------------------------------------------------------------


def test_party_tag_after_a_title_keeps_the_title() -> None:
    speaker, role = role_of("Senate Majority Leader Mitch Carver, R-Ky., said")
    assert (speaker, role) == ("Mitch Carver", "Senate Majority Leader")


def test_role_after_an_age_reaches_the_quote() -> None:
    speaker, role = role_of("said Sara Walden, 44, a home-care aide from Dunmore")
    assert (speaker, role) == ("Sara Walden", "home-care aide from Dunmore")


def test_a_relative_clause_is_no_role() -> None:
    assert role_of("said Pat Lomond, who is 60 years old") == ("Pat Lomond", None)


def test_abbreviated_title_stays_whole() -> None:
    assert role_of("said U.S. Air Force Gen. Ray Odell") == ("Ray Odell", "U.S. Air Force Gen.")
    assert role_of("said Dr. Amy Varga, an economist") == ("Amy Varga", "economist")


def test_a_role_stated_once_is_carried_to_every_quote() -> None:
    found = quotes_of(
        "Kestrel chairman Joe Tamsin opened the meeting in the morning.",
        "The shares fell sharply after the figures came out in the afternoon.",
        '"We have had a hard year but the orders are back," Tamsin said.',
        '"Nobody at the plant is leaving this year," Joe Tamsin said later.',
    )
    assert [(q.speaker, q.speaker_role) for q in found] == [
        ("Joe Tamsin", "Kestrel chairman"),
        ("Joe Tamsin", "Kestrel chairman"),
    ]


def test_an_organisation_with_of_the_gets_no_role_from_its_first_half() -> None:
    (q,) = quotes_of('"The forests are burning faster than ever," Friends of the Moor said.')
    assert q.speaker_role != "Friends"
    assert q.speaker_role is None


def test_roles_read_keeps_the_first_stated_role() -> None:
    text = "Party chairman Lars Ekman spoke. Lars Ekman, the party's treasurer, left."
    a = text.index("Lars Ekman")
    b = text.index("Lars Ekman", a + 1)
    roles = Roles.read(text, [(a, a + 10, "Lars Ekman"), (b, b + 10, "Lars Ekman")])
    assert roles.get("Lars Ekman") == "Party chairman"  # where the article introduces him
    assert roles.get("Lars") is None
    assert "treasurer" in roles.words["Lars Ekman"]  # "the treasurer" still finds him


def test_roles_read_prefers_an_apposition_at_the_same_mention() -> None:
    text = "Party chairman Lars Ekman, the party's treasurer, left."
    a = text.index("Lars Ekman")
    roles = Roles.read(text, [(a, a + 10, "Lars Ekman")])
    assert roles.get("Lars Ekman") == "party's treasurer"


def test_a_titled_speaker_has_the_title_as_role() -> None:
    roles = Roles()
    assert roles.get("Army Capt. Jo Pardell") == "Army Capt."
