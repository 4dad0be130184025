"""The person-name layer on articles nobody tuned for (issue #14): family names that
are title words, post-nominal letters, aliases shown at their fullest, a shared
family name told apart by the mention's title, works that are no people, a place
before a title and name. All texts are written for these tests."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import extract_entities, speakers_from_entities
from briefings.derive.names import NameIndex, split_title, strip_postnominals
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Entity, Quote


def _derive(*paragraphs: str) -> tuple[list[Quote], list[Entity]]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    quotes = extract_quotes(doc)
    entities = extract_entities(doc, quotes)
    return speakers_from_entities(quotes, entities), entities


def _speakers(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker for q in quotes]


def _entity(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert found, f"{name} not among {[e.name for e in entities]}"
    return found[0]


# --- a family name that is a title word ------------------------------------------------


def test_split_title_keeps_a_family_name_that_is_a_title_word() -> None:
    assert split_title("Marla King") == ("", "Marla King")
    assert split_title("Judge Bishop") == ("Judge", "Bishop")
    assert split_title("Mr. Dean") == ("Mr.", "Dean")
    assert split_title("King") == ("", "King")
    assert split_title("King Edmund") == ("King", "Edmund")
    assert split_title("Prime Minister") == ("Prime Minister", "")


def test_title_word_family_name_is_the_person_introduced_earlier() -> None:
    quotes, entities = _derive(
        "Radio presenter Marla King spoke to the panel on Tuesday.",
        '"We were never told about the cuts to the service," King said.',
        '"It is a scandal and nobody will answer for it," King added.',
    )
    assert _speakers(quotes) == ["Marla King", "Marla King"]
    assert _entity(entities, "Marla King").kind == "person"


def test_title_word_alone_names_nobody_when_no_one_has_that_family_name() -> None:
    index = NameIndex.build([(0, "Tomas Verrall")])
    assert index.resolve("Bishop", 50) == ""
    assert index.resolve("Verrall", 50) == "Tomas Verrall"


def test_family_name_after_a_given_name_is_not_cut_as_a_title() -> None:
    quotes, entities = _derive(
        "Tomas Bishop, a farmer from the valley, opposed the reservoir plan on Friday.",
        '"The water will run out by August," Bishop said.',
    )
    assert _entity(entities, "Tomas Bishop").kind == "person"
    assert _speakers(quotes) == ["Tomas Bishop"]
    _quotes, entities = _derive("The Crown Prince visited the Field Marshal in Dunmore.")
    assert not any(e.kind == "person" for e in entities)


# --- post-nominals and the fullest name -------------------------------------------------


def test_postnominal_letters_are_no_part_of_the_name() -> None:
    assert strip_postnominals(["Owen", "Harrow", "QC"]) == ["Owen", "Harrow"]
    assert strip_postnominals(["Carl", "Weston", "Jr."]) == ["Carl", "Weston"]
    assert strip_postnominals(["Tory", "MP"]) == ["Tory", "MP"]
    assert split_title("Judge Owen Harrow QC") == ("Judge", "Owen Harrow")
    # a form of address is no role, and alone names no one
    assert split_title("His Honour Judge Owen Harrow") == ("Judge", "Owen Harrow")
    assert split_title("His Honour")[1] == ""
    assert split_title("The Pope")[1] == ""


def test_titled_name_with_postnominals_is_one_person_with_its_family_name() -> None:
    quotes, entities = _derive(
        "His Honour Judge Owen Harrow QC sentenced the pair at the crown court.",
        '"You showed no remorse at any point in this trial," Harrow told them.',
    )
    assert _speakers(quotes) == ["Owen Harrow"]
    person = _entity(entities, "Owen Harrow")
    assert "Harrow" in person.aliases
    assert not any("QC" in e.name for e in entities)


def test_speaker_given_as_an_alias_shows_the_fullest_name() -> None:
    quotes, _entities = _derive(
        "Councillor Denton R Fairweather opened the meeting at the town hall.",
        '"The bridge will reopen next spring, whatever it costs," Denton said.',
    )
    assert _speakers(quotes) == ["Denton R Fairweather"]


def test_an_alias_of_two_people_is_not_replaced() -> None:
    quotes = [Quote(text="We will see what happens next", speaker="Ames")]
    entities = [
        Entity(name="Jo Ames", kind="person", aliases=["Ames"]),
        Entity(name="Kit Ames", kind="person", aliases=["Ames"]),
    ]
    assert _speakers(speakers_from_entities(quotes, entities)) == ["Ames"]


# --- a family name two people share -----------------------------------------------------


def test_the_mentions_title_picks_between_people_of_one_family_name() -> None:
    quotes, _entities = _derive(
        "Governor Paul Whitby opened the plant on Monday.",
        "His wife, Clara Whitby, spoke to the workers.",
        '"It is a great day for the workers of the valley," Governor Whitby said.',
        '"I have never seen so many people here before," Mrs Whitby said.',
    )
    assert _speakers(quotes) == ["Paul Whitby", "Clara Whitby"]


def test_title_resolution_in_the_name_index() -> None:
    index = NameIndex.build([(0, "Senator Ada Lorne"), (40, "Governor Piet Lorne")])
    assert index.resolve("Lorne", 100, "Senator") == "Ada Lorne"
    assert index.resolve("Lorne", 100, "Sen.") == "Ada Lorne"
    assert index.resolve("Lorne", 100, "Mrs") == "Ada Lorne"
    assert index.resolve("Lorne", 100, "Governor") == "Piet Lorne"


# --- works, kinds, places ----------------------------------------------------------------


def test_titles_of_works_are_no_people() -> None:
    quotes, entities = _derive(
        "Dana Ruiz wrote a novel entitled Some Hidden Door about her childhood.",
        'In her memoir, Silent Tides, Ruiz recalls the war. "It was a long winter," she said.',
    )
    assert _entity(entities, "Silent Tides").kind == "other"
    assert all(e.kind != "person" for e in entities if "Door" in e.name)
    assert _speakers(quotes) == ["Dana Ruiz"]


def test_a_titled_family_name_makes_the_full_name_a_person() -> None:
    _quotes, entities = _derive(
        "The letter came from Zuleika Marrow in Dunmore.",
        '"We have waited for years and nobody came," Ms Marrow said.',
    )
    person = _entity(entities, "Zuleika Marrow")
    assert person.kind == "person"
    assert "Marrow" in person.aliases


def test_an_organisation_is_not_split_at_and() -> None:
    _quotes, entities = _derive(
        "The Coastal Housing and Transport Research Initiative published a report.",
        "The Institute of Rural and Urban Policy disagreed with it.",
    )
    names = {e.name for e in entities}
    assert "Coastal Housing and Transport Research Initiative" in names
    assert "Institute of Rural and Urban Policy" in names
    assert "Coastal Housing" not in names and "Urban Policy" not in names


def test_a_place_before_a_title_and_name_is_not_the_speaker() -> None:
    quotes, entities = _derive(
        '"We will investigate every complaint," in Dunmore, State Attorney General '
        "Roy Bassett said."
    )
    assert _speakers(quotes) == ["Roy Bassett"]
    assert "Roy Bassett" not in (quotes[0].speaker_role or "")
    assert _entity(entities, "Dunmore").kind == "place"


def test_a_middle_initial_and_the_middle_name_are_one_person() -> None:
    quotes, entities = _derive(
        "The novelist John Milo Vance was born in a small town by the lake.",
        "Friends knew John M. Vance as a quiet man who wrote at night.",
        '"I never planned a single chapter in my whole life," John M. Vance said.',
    )
    person = _entity(entities, "John Milo Vance")
    assert "John M Vance" in person.aliases
    assert _speakers(quotes) == ["John Milo Vance"]


def test_a_family_name_two_people_just_shared_stays_a_family_name() -> None:
    index = NameIndex.build([(0, "Paul Whitby"), (20, "Clara Whitby")])
    # nothing tells which Whitby: no full name beats a wrong one
    assert index.resolve("Whitby", 200) == "Whitby"
    # the title does
    assert index.resolve("Whitby", 200, "Mrs") == "Clara Whitby"
    # named apart, the latest full mention decides
    far = NameIndex.build([(0, "Paul Whitby"), (2000, "Clara Whitby")])
    assert far.resolve("Whitby", 2100) == "Clara Whitby"
    # the article's main subject, named in full far more often, is no rival's equal
    main = NameIndex.build(
        [(0, "Clara Whitby"), (500, "Clara Whitby"), (900, "Paul Whitby"), (950, "Clara Whitby")]
    )
    assert main.resolve("Whitby", 1000) == "Clara Whitby"
