"""Roles in the form annotators give them, for constructions seen on outlets we
never tuned on: relative clauses that state a job, titles headed before "of",
lower-case role nouns (witness, protester), relations, and no family status or
group as a role.

Every text here is invented for the test."""

from __future__ import annotations

import pytest

from briefings.derive.roles import (
    apposition_after,
    apposition_before,
    clean_role,
    relative_role,
    title_before,
)
from tests.unit.quote_helpers import quotes_of, role_of


@pytest.mark.parametrize(
    ("clause", "role"),
    [
        ("who is president of Harbour Ferries", "president of Harbour Ferries"),
        ("who heads the Northfield Trust", "head of the Northfield Trust"),
        ("who was appointed chief executive in 2019", "chief executive"),
        ("who is also a lawyer", "lawyer"),
        ("who founded Tallow Labs", "founder of Tallow Labs"),
        ("who is 60 years old", None),
        ("who is running for governor", None),
        ("who conducted the inquiry", None),
        ("who heads home on Friday", None),
    ],
)
def test_relative_clause_gives_the_job_not_the_clause(clause: str, role: str | None) -> None:
    assert relative_role(clause) == role
    assert clean_role(clause) == role


def test_relative_clause_role_reaches_the_quote() -> None:
    assert role_of("said Mark Tilden, who heads the Northfield Trust") == (
        "Mark Tilden",
        "head of the Northfield Trust",
    )
    assert role_of("said Mary Tolden, who is 60 years old") == ("Mary Tolden", None)


def test_relative_clause_ranks_below_a_title() -> None:
    quotes = quotes_of(
        "Harbour chief Ann Rossi met the board on Monday.",
        "Ann Rossi, who is a member of the rowing club, spoke first.",
        '"The ferry timetable will change again in the spring," Rossi said.',
    )
    assert [(q.speaker, q.speaker_role) for q in quotes] == [("Ann Rossi", "Harbour chief")]


@pytest.mark.parametrize(
    ("left", "role"),
    [
        ("issued a statement. U.S. Secretary of State ", "U.S. Secretary of State"),
        ("Later, Chief of Staff ", "Chief of Staff"),
        ("said former Minister for Foreign Affairs ", "former Minister for Foreign Affairs"),
        ("the head of the University of Tallow ", None),
        ("according to the Department of Justice ", None),
        ("Speaking in Harrowby Mr ", None),
        ("Tory leader Mr ", "Tory leader"),
    ],
)
def test_title_headed_before_of(left: str, role: str | None) -> None:
    assert title_before(left) == role


@pytest.mark.parametrize(
    ("attribution", "role"),
    [
        ("said witness Abdul Karimov", "witness"),
        ("protester Kayla Ross said", "protester"),
        ("Louie Sarno, an eyewitness, told reporters", "eyewitness"),
        ("said Steve Holt, a regional supervisor", "regional supervisor"),
        ("said media baron Rupert Hollis", "media baron"),
    ],
)
def test_lower_case_person_nouns_are_roles(attribution: str, role: str) -> None:
    assert role_of(attribution)[1] == role


def test_relation_before_the_name_is_a_role() -> None:
    assert apposition_before("was anxious and tired. Tarrant's mother, ") == "Tarrant's mother"
    # a phrase that no role noun heads is no apposition
    assert apposition_before("Before he joined Jo Blair's first government, ") is None
    assert apposition_before("in the coming general election campaign, ") is None


def test_family_status_and_groups_are_no_roles() -> None:
    assert clean_role("a mother of two") is None
    assert clean_role("father of 3") is None
    assert clean_role("the Conservatives") is None
    assert clean_role("Tories") is None
    assert role_of("said Anna Brell, the mother of two")[1] is None


def test_cue_subject_after_an_apposition_takes_no_role() -> None:
    quotes = quotes_of(
        "Ken Marrow led the inquiry into the harbour fire last week.",
        "The fire was put out by a witness, Marrow said, "
        '"before the crews could even get there in time."',
    )
    assert all(q.speaker_role != "witness" for q in quotes)


def test_organisation_after_of_stops_at_the_sentence_end() -> None:
    assert apposition_after(" of Tallow Research. The Dow index fell") == "Tallow Research"
    assert apposition_after(" of J.P. Tallow Chase, said") == "J.P. Tallow Chase"


@pytest.mark.parametrize(
    ("right", "role"),
    [
        (", of the University of Tallow, said", "University of Tallow"),
        (", at Harbour Bank, said", "Harbour Bank"),
        (", of Tallowby, said", None),  # a home town
        (", with the family, said", None),
        (", 44, of Tallowby, a nurse, said", "nurse"),
    ],
)
def test_employer_between_commas(right: str, role: str | None) -> None:
    assert apposition_after(right) == role


def test_the_first_stated_role_is_carried_to_later_quotes() -> None:
    quotes = quotes_of(
        "Harbour mayor Dan Gardner opened the new ferry terminal on Monday.",
        "Gardner, the first mayor to ride the new boat, was cheerful.",
        '"The ferry timetable will change again in the spring," Gardner said.',
        '"We will add a night crossing later," he added.',
    )
    assert [q.speaker_role for q in quotes] == ["Harbour mayor", "Harbour mayor"]


def test_ranked_party_word_is_a_role() -> None:
    assert title_before("said Harbour ranking Democrat ") == "Harbour ranking Democrat"
    assert title_before("said the top Republican ") == "top Republican"
    assert title_before("said Democrat ") is None


def test_title_before_a_peer_or_knight() -> None:
    assert title_before("Tory peer ") == "Tory peer"
    assert apposition_before("But the chairman of Tallow Watch, Sir ") == "chairman of Tallow Watch"


def test_copula_after_the_name_states_a_post() -> None:
    from briefings.derive.roles import relative_after

    assert relative_after(" is the client services manager at Harbour Clinic") == (
        "client services manager at Harbour Clinic"
    )
    assert relative_after(" is a lawyer.") == "lawyer"
    assert relative_after(" is a good spokesman for them") is None  # an opinion
    assert relative_after(" is a 30-year-old mother") is None  # a relation to nobody
    assert relative_after(" is expected to speak") is None


def test_relations_need_someone_they_relate_to() -> None:
    assert apposition_after(", a 30-year-old mother, said") is None
    assert apposition_after(", his aunt, said") == "aunt"
    assert apposition_after(", the victim's father, said") == "victim's father"
    assert title_before("Martha Tallis and her brother ") == "brother"


def test_subject_of_a_parenthetical_cue_is_no_role() -> None:
    assert apposition_after(", the official said, saw the speech as a chance") is None


def test_party_tag_and_acronym_employer_are_weak_roles() -> None:
    from briefings.derive.roles import affiliation_before

    assert role_of("said Mark Dolby, R-Texas") == ("Mark Dolby", "R-Texas")
    assert affiliation_before("according to CNN's ") == "CNN"
    assert affiliation_before("said the CEO's ") is None


def test_a_lone_family_name_takes_the_role_of_its_one_full_name() -> None:
    from briefings.derive.roles import Roles

    text = "Mayor Bill Tarrow spoke. Ann Tarrow and Jo Tarrow came. Judge Eve Lund sat."
    mentions = [
        (text.index("Bill Tarrow"), text.index("Bill Tarrow") + 11, "Bill Tarrow"),
        (text.index("Ann Tarrow"), text.index("Ann Tarrow") + 10, "Ann Tarrow"),
        (text.index("Eve Lund"), text.index("Eve Lund") + 8, "Eve Lund"),
    ]
    roles = Roles.read(text, mentions)
    assert roles.get("Lund") == "Judge"
    assert roles.get("Tarrow") is None  # two people of that family name
