"""Entities: spans, kinds from generic cues, aliases merged, salience."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import extract_entities
from briefings.derive.sentences import split_sentences
from briefings.models import Entity, Quote


def _entities(*paragraphs: str, quotes: list[Quote] | None = None) -> list[Entity]:
    doc = Document.build(list(paragraphs), set(), Metadata(title="T"), split_sentences)
    return extract_entities(doc, quotes or [])


def _find(entities: list[Entity], name: str) -> Entity:
    for e in entities:
        if e.name == name or name in e.aliases:
            return e
    raise AssertionError(f"{name} not among {[e.name for e in entities]}")


def _names(entities: list[Entity]) -> set[str]:
    return {n for e in entities for n in [e.name, *e.aliases]}


def test_family_name_merges_with_full_name() -> None:
    ents = _entities(
        "Marta Kowalczyk, chief executive of Brindle Foods, spoke on Monday.",
        "Kowalczyk said the company would open two new plants.",
    )
    marta = _find(ents, "Kowalczyk")
    assert marta.name == "Marta Kowalczyk"
    assert marta.kind == "person"
    assert marta.mentions == 2


def test_org_suffix_variant_is_an_alias() -> None:
    ents = _entities(
        "Brindle Foods Holdings reported record profits in the quarter.",
        "Analysts expect Brindle Foods to keep growing, and shares in Brindle Foods rose.",
    )
    org = _find(ents, "Brindle Foods")
    assert "Brindle Foods Holdings" in [org.name, *org.aliases]
    assert org.kind == "organisation"
    assert org.mentions == 3


def test_name_order_variant_is_merged() -> None:
    ents = _entities(
        "Investor Tao Wen-li backed the start-up early.",
        "Wen-li Tao later joined its board, the filing shows.",
    )
    person = _find(ents, "Tao Wen-li")
    assert "Wen-li Tao" in [person.name, *person.aliases]


def test_possessive_stripped() -> None:
    ents = _entities("The deal lifted Quorvex's shares, and Quorvex's rivals fell.")
    assert "Quorvex" in _names(ents)
    assert not any("'s" in n or "’s" in n for n in _names(ents))


def test_kinds_from_cues() -> None:
    ents = _entities(
        "President Alma Ferreira met officials from the Ministry of Fisheries in Lisbon.",
        "The talks in Vardenfjord ended, and delegates from Vardenfjord went home.",
        "Ferreira said the Ostrava University study would be published.",
    )
    assert _find(ents, "Alma Ferreira").kind == "person"
    assert _find(ents, "Ministry of Fisheries").kind == "organisation"
    assert _find(ents, "Ostrava University").kind == "organisation"
    assert _find(ents, "Lisbon").kind == "place"
    assert _find(ents, "Vardenfjord").kind == "place"


def test_based_suffix_and_title_prefix() -> None:
    ents = _entities(
        "The Tallinn-based group hired Commerce Secretary Ruth Abernethy as an adviser.",
    )
    assert _find(ents, "Tallinn").kind == "place"
    assert _find(ents, "Ruth Abernethy").kind == "person"
    assert "Commerce Secretary Ruth Abernethy" not in _names(ents)


def test_speakers_from_quotes_are_people() -> None:
    quote = Quote(text="We are ready", speaker="Idris Okonkwo-Baptiste")
    ents = _entities("Idris Okonkwo-Baptiste visited the plant.", quotes=[quote])
    assert _find(ents, "Idris Okonkwo-Baptiste").kind == "person"


def test_not_entities() -> None:
    ents = _entities(
        "However, the vote was delayed until March.",
        "On Monday, Chinese and American officials met.",
        "Despite the rain, The Internet was busy. Meanwhile, sales rose.",
        "The CEO said AI would matter.",
    )
    names = _names(ents)
    for word in ["However", "March", "Monday", "Chinese", "American", "Despite", "Internet"]:
        assert word not in names
    assert "Meanwhile" not in names
    assert "CEO" not in names and "AI" not in names


def test_acronym_defined_in_brackets() -> None:
    ents = _entities(
        "The Harbour Safety Authority (HSA) issued a warning.",
        "The HSA said boats should stay in port.",
    )
    hsa = _find(ents, "HSA")
    assert hsa.name == "Harbour Safety Authority"
    assert hsa.mentions == 2


def test_sorted_by_salience() -> None:
    ents = _entities(
        "Brindle Foods met Quorvex in Lisbon.",
        "Quorvex said Quorvex would buy a stake. Quorvex shares rose.",
    )
    assert ents[0].name == "Quorvex"


def test_empty_and_junk_input() -> None:
    assert _entities() == []
    assert _entities("!!! ... ??? “ ” ‘") == []
    assert _entities("a b c d e f g") == []


def test_industry_head_word_makes_a_firm_not_a_person() -> None:
    ents = _entities(
        "Korvald Electronics said sales fell. Korvald Electronics told analysts to wait.",
        "Eastmere Grid warned of power cuts in the north.",
        "Later, Korvald announced a new screen.",
    )
    firm = _find(ents, "Korvald Electronics")
    assert firm.kind == "organisation"
    assert "Korvald" in firm.aliases
    assert _find(ents, "Eastmere Grid").kind == "organisation"


def test_an_industry_word_alone_is_not_an_entity() -> None:
    ents = _entities("He has worked in Mining and in Logistics for years, Tova Brenn said.")
    assert not {"Mining", "Logistics"} & _names(ents)


def test_said_its_is_a_sign_of_an_organisation() -> None:
    ents = _entities(
        "Quillon Verde said its profit doubled.",
        "Quillon Verde told reporters the plan was on track.",
    )
    assert _find(ents, "Quillon Verde").kind == "organisation"


def test_what_follows_title_of_is_not_a_person() -> None:
    ents = _entities(
        "Rena Ostrow, the CEO of Norways oil fund, spoke on Monday.",
        "Ostrow said the fund would sell bonds.",
    )
    assert _find(ents, "Norway").kind == "place"
    assert _find(ents, "Rena Ostrow").kind == "person"
    # A title before "of" and a place keeps the place: "US Secretary of State".
    ents = _entities("On her trip, the US Secretary of State was visiting a town in the south.")
    assert _find(ents, "US").kind == "place"


def test_first_word_alone_of_a_product_name_is_not_a_person() -> None:
    ents = _entities(
        "Lumo Bot reached 5 million users. Lumo Bot answers in ten languages.",
        "The bot is free, and Lumo is popular with students.",
    )
    assert _find(ents, "Lumo Bot").kind != "person"
    # A family name alone still marks a person.
    ents = _entities(
        "Perrin Hale met voters. Perrin Hale is running again.",
        "Hale answered questions for an hour.",
    )
    assert _find(ents, "Perrin Hale").kind == "person"


def test_speakers_take_the_full_name_of_their_entity_chain() -> None:
    from briefings.derive.entities import speakers_from_entities
    from briefings.models import Entity, Quote

    entities = [
        Entity(name="Mary Quell", kind="person", aliases=["Quell"], mentions=3),
        Entity(name="Pastor Ivo Brandt", kind="person", aliases=["Brandt"], mentions=2),
        Entity(name="Harbour Lane", kind="place", aliases=["Lane"], mentions=2),
    ]
    quotes = [
        Quote(text="We will see.", speaker="Quell"),
        Quote(text="Not today.", speaker="Brandt"),
        Quote(text="Soon enough.", speaker="Lane"),
        Quote(text="No comment.", speaker=None),
    ]
    out = speakers_from_entities(quotes, entities)
    # a title left in the entity's span is not taken; a place chain never names a speaker
    assert [q.speaker for q in out] == ["Mary Quell", "Brandt", "Lane", None]


def test_occupation_opening_a_sentence_is_not_part_of_the_person() -> None:
    found = _entities(
        "Novelist Arlo Penning said the book took him ten years to write.",
        "Farmer Tom Belcher said the rain never came this summer.",
    )
    assert _find(found, "Arlo Penning").kind == "person"
    assert _find(found, "Tom Belcher").kind == "person"
    assert not any(n.startswith(("Novelist", "Farmer")) for n in _names(found))


def test_shared_mentions_are_passed_explicitly_and_read_once() -> None:
    from briefings.derive import entities as module
    from briefings.derive.entities import SharedMentions, entity_layer

    doc = Document.build(
        ["Marta Kowalczyk, chief executive of Brindle Foods, spoke on Monday."],
        set(),
        Metadata(title="T"),
        split_sentences,
    )
    shared = SharedMentions()
    entity_layer(doc, shared)
    first = shared.last
    assert first is not None and first[0] is doc
    entity_layer(doc, shared)
    assert shared.last is first  # the second reader reuses the first read
    assert extract_entities(doc, [], shared) == extract_entities(doc, [])
    assert shared.last is None  # the entity step lets the article go
    # no module-level slot that one article's mentions could leak through
    assert not any(isinstance(v, SharedMentions) for v in vars(module).values())
