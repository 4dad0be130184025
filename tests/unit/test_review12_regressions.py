"""Constructions a reviewer found broken on pages from outlets nobody tuned on
(texts written here): an honorific is no role, and an office "of the" an
organisation before the speech verb is the role of the person named before it."""

from __future__ import annotations

from briefings.derive import derive
from briefings.ingest import article_from_bytes


def _quotes(text: str) -> list[tuple[str | None, str | None]]:
    article = article_from_bytes(text.encode(), "t.txt", "t.txt", "t.txt")
    return [(q.speaker, q.speaker_role) for q in derive(article).quotes]


def test_dr_is_no_role() -> None:
    got = _quotes(
        "Story\n\nResearchers say Dr. Ada Okafor may be a surgeon, but the data say "
        "otherwise. On Monday, Okafor, a retired surgeon and potential candidate, spoke "
        'on the radio. "A lot of people change their minds over the years," Okafor told '
        "the host.\n"
    )
    assert got == [("Ada Okafor", "retired surgeon and potential candidate")]


def test_dr_after_a_job_is_dropped_from_the_role() -> None:
    got = _quotes(
        'Schools\n\n"We will reopen every school by the spring term," said Chief '
        "Education Officer Dr Ada Okafor.\n"
    )
    assert got == [("Ada Okafor", "Chief Education Officer")]


def test_an_office_of_an_organisation_before_said_is_a_role() -> None:
    got = _quotes(
        "Riots\n\nCllr Ada Okafor, Chair of the Harbour Towns Association said: "
        '"Councils will help every community recover from this."\n'
    )
    assert got == [("Ada Okafor", "Chair of the Harbour Towns Association")]


def test_an_organisation_of_the_kind_friends_of_the_earth_still_speaks() -> None:
    got = _quotes(
        'Climate\n\nFriends of the Earth said: "The plan does nothing for the climate at all."\n'
    )
    assert got[0][0] == "Friends of the Earth"


def test_an_owners_office_in_apposition_is_the_named_persons_role() -> None:
    got = _quotes(
        "Rights\n\nAda Okafor, Harbour Watch International's chief executive, said: "
        '"This is an outrage against every community in the country."\n'
    )
    assert got == [("Ada Okafor", "Harbour Watch International's chief executive")]


def test_a_title_joined_by_and_is_read_whole() -> None:
    from briefings.derive.roles import title_before

    assert title_before("said Police and Crime Commissioner ") == "Police and Crime Commissioner"
    assert title_before("said Health and Social Care Secretary ") == (
        "Health and Social Care Secretary"
    )
    assert title_before("Smith and Jones ") is None
