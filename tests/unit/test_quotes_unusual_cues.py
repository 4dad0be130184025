"""Cues from outlets we never tuned on: rarer reporting verbs, verb-less signatures,
inverted cues before the quote, cue-less continuations after reported speech, openers
that name a place, and organisations as sources. Texts written for these tests."""

from __future__ import annotations

from tests.unit.quote_helpers import quotes_of


def speakers(*paragraphs: str) -> list[str | None]:
    return [q.speaker for q in quotes_of(*paragraphs)]


# --- class 11: unusual verbs, verb-less cues ------------------------------------


def test_comments_and_highlights_after_the_quote() -> None:
    found = quotes_of(
        "“Prices in the valley have doubled in five years,” comments Tomas Berg, "
        "director of Alpine Homes. “Buyers from the coast want a second life in the snow”, "
        "highlights Tomas Berg."
    )
    assert [q.speaker for q in found] == ["Tomas Berg", "Tomas Berg"]
    assert found[0].speaker_role == "director of Alpine Homes"


def test_shared_after_the_quote_is_a_cue() -> None:
    assert speakers("“I watch every game from the stands with my brother,” Nina Holt shared.") == [
        "Nina Holt"
    ]


def test_commented_and_insisted_in_either_order() -> None:
    assert speakers(
        "Olga Brandt commented: “The budget leaves the rural schools with nothing at all.”",
        "“We will not sign anything that closes a single school,” Olga Brandt insisted.",
    ) == ["Olga Brandt", "Olga Brandt"]


def test_a_name_and_role_after_the_quote_sign_it_without_a_verb() -> None:
    q = quotes_of(
        "“Our crews patrol the coast every single night of the year,” Rita Moss, "
        "Director of the Coastal Patrol Unit."
    )[0]
    assert q.speaker == "Rita Moss"
    assert q.speaker_role == "Director of the Coastal Patrol Unit"


def test_a_dash_signature_after_a_full_stop() -> None:
    q = quotes_of(
        "“Our crews patrol the coast every single night of the year.” — Rita Moss, "
        "director of the Coastal Patrol Unit"
    )[0]
    assert q.speaker == "Rita Moss"


def test_no_signature_when_the_words_after_the_quote_go_on_as_a_sentence() -> None:
    q = quotes_of(
        "“Our crews patrol the coast every single night of the year,” Rita Moss, "
        "the director, is quoted as saying in a leaflet nobody read."
    )[0]
    assert q.speaker != "Rita Moss" or q.speaker_confidence < 0.5


def test_given_name_after_says_with_a_clause_after_it() -> None:
    q = quotes_of(
        "Lena Varga sells bread at the market until late.",
        "“When the lamps go out nobody buys anything from me at all,” says Lena as she "
        "wraps a loaf, ready to hand it to a customer.",
    )[0]
    assert q.speaker == "Lena Varga"
    assert q.speaker_role is None  # "ready to hand it ..." is no apposition


def test_inverted_cue_ending_the_sentence_before_the_quote() -> None:
    q = quotes_of(
        "Zhang Wei is a researcher at the institute.",
        "Other nations will act, but they should expect a different style, says Zhang. "
        "“They cannot expect us to copy anyone else at all.”",
    )[0]
    assert q.speaker == "Zhang Wei"


def test_pronoun_cue_after_a_subordinate_clause_naming_the_person() -> None:
    q = quotes_of(
        "Rosa Lind runs a stall near the station.",
        "Though Rosa cannot say who paid for the lamps, she says, compared to last winter, "
        "“It was hard to find anyone on these roads after dark.”",
    )[0]
    assert q.speaker == "Rosa Lind"


# --- class 3: cue-less continuation after reported speech ----------------------


def test_quote_paragraph_after_reported_accusation_continues_the_accuser() -> None:
    found = quotes_of(
        "“The mine has ruined the valley and nobody listens to us,” said Tom Hale, a "
        "former councillor.",
        "Mr Hale further accused the chiefs of taking money from the owners.",
        "“The owners pay them and the families are left with the dust.”",
    )
    assert [q.speaker for q in found] == ["Tom Hale", "Tom Hale"]


def test_no_continuation_when_the_paraphrase_names_someone_else() -> None:
    found = quotes_of(
        "“The mine has ruined the valley and nobody listens to us,” said Tom Hale, a "
        "former councillor.",
        "Mr Hale further accused the chiefs of taking money from Ann Bell.",
        "“The owners pay them and the families are left with the dust.”",
    )
    assert found[1].speaker is None


def test_short_pronoun_paragraph_between_two_quotes_of_one_person() -> None:
    found = quotes_of(
        "“The dust gets into everything we own,” Ms Ada Reeve said.",
        "She has already given up two of her goats.",
        "“It is heartbreaking to watch the land go for nothing at all.”",
    )
    assert [q.speaker for q in found] == ["Ada Reeve", "Ada Reeve"]


def test_pronoun_paragraph_of_the_other_gender_does_not_continue() -> None:
    found = quotes_of(
        "“The dust gets into everything we own,” Ms Ada Reeve said.",
        "He has already given up two of his goats.",
        "“It is heartbreaking to watch the land go for nothing at all.”",
    )
    assert found[1].speaker is None


def test_description_that_indicated_continues_the_described_person() -> None:
    found = quotes_of(
        "Governor Jack Rowe said the leader was held in Miami.",
        "Meanwhile, the governor also indicated that the audit would be out by spring.",
        "“Every resident deserves to see the audit in full before the vote.”",
    )
    assert found[-1].speaker == "Jack Rowe"


# --- class 9: the object of an opening phrase is no speaker ---------------------


def test_place_in_a_participle_opener_is_not_the_speaker() -> None:
    found = quotes_of(
        "Jack Rowe, the Conservative MP for Leeds, warned on Monday that the sector faces cuts.",
        "Speaking in the Senate, the Conservative MP said: “The harbour can reopen "
        "within a month if the board agrees.”",
    )
    assert found[0].speaker == "Jack Rowe"


def test_object_of_a_preposition_before_the_comma_is_not_the_speaker() -> None:
    found = quotes_of(
        "Writing to Dana Cole, the minister said: “We will fund the bridge this year.”",
    )
    assert found[0].speaker != "Dana Cole"


# --- class 12: organisations and groups as sources ------------------------------


def test_party_disputing_with_saying_is_the_source() -> None:
    q = quotes_of(
        "But the People's Freedom Party disputed the accusation, saying the count was "
        "“credible and the result reflects the wish of the people.”"
    )[0]
    assert q.speaker == "People's Freedom Party"


def test_group_of_an_organisation_names_the_organisation() -> None:
    q = quotes_of(
        "In April, NATO foreign ministers said they had “decided to suspend all practical "
        "cooperation with the other side” over the issue."
    )[0]
    assert q.speaker == "NATO"


def test_a_frame_verb_with_its_own_subject_stops_borrowing_the_neighbour() -> None:
    found = quotes_of(
        "On Monday, NATO said it would “merge the missile defence of every member state”. The "
        "allies held drills, which the United States describes as “a demonstration of our "
        "continued commitment to the region.”"
    )
    assert found[0].speaker == "NATO"
    assert found[1].speaker != "NATO"


def test_a_gerund_right_after_a_noun_is_that_nouns() -> None:
    found = quotes_of(
        "Mara Stein walked home past a crowd of protesters chanting “the mayor must go now "
        "or never” outside the hall.",
    )
    assert found[0].speaker != "Mara Stein"


def test_a_name_and_role_closing_the_paragraph_after_a_full_stop_sign_the_quote() -> None:
    q = quotes_of(
        "“Our crews patrol the coast every single night of the year.” Rita Moss, "
        "director of the Coastal Patrol Unit."
    )[0]
    assert q.speaker == "Rita Moss"


def test_a_sentence_after_a_full_stop_that_goes_on_is_no_signature() -> None:
    for tail in ("Rita Moss, the director, disagreed.", "Rita Moss, director. Her team has boats."):
        q = quotes_of(f"“Our crews patrol the coast every single night of the year.” {tail}")[0]
        assert q.speaker is None, tail
