"""The entity layer cuts what the quote layer cuts before a name: a caption's
adjective opening a sentence, an outlet glued before the name, so a person's
entity is named as the quote's speaker is."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import SharedMentions, extract_entities, speakers_from_entities
from briefings.derive.names import drop_openers, opener_cuts, paragraph_runs
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Entity, Quote


def _derive(*paragraphs: str) -> tuple[list[Quote], list[Entity]]:
    doc = Document.build(list(paragraphs), set(), Metadata(title="T"), split_sentences)
    shared = SharedMentions()
    quotes = extract_quotes(doc, shared)
    entities = extract_entities(doc, quotes, shared)
    return speakers_from_entities(quotes, entities), entities


def _people(entities: list[Entity]) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in entities if e.kind == "person"}


def test_caption_adjective_is_no_part_of_the_entity() -> None:
    quotes, entities = _derive(
        "Plucky Mara Quell was pushed over outside her shop on Monday.",
        'Mara Quell, 41, sells flowers. She said: "Nobody will frighten me out of my own street."',
    )
    assert [q.speaker for q in quotes] == ["Mara Quell"]
    people = _people(entities)
    assert "Mara Quell" in people
    assert not any("Plucky" in n for e in entities for n in [e.name, *e.aliases])


def test_outlet_glued_before_a_family_name_is_cut() -> None:
    quotes, entities = _derive(
        "Anna Quell sells flowers in the old market.",
        'Speaking to the Evening Gazette Quell said: "Nobody will frighten me out of here."',
    )
    assert [q.speaker for q in quotes] == ["Anna Quell"]
    people = _people(entities)
    assert "Anna Quell" in people
    assert not any("Gazette Quell" in n for e in entities for n in [e.name, *e.aliases])


def test_given_name_ending_like_a_participle_opens_a_name() -> None:
    _quotes, entities = _derive("Ted Brannock runs the ferry across the lake.")
    assert "Ted Brannock" in _people(entities)


def test_opener_cuts_are_the_quote_layers_cuts() -> None:
    texts = ["Plucky Mara Quell was hurt.", "Mara Quell sells flowers."]
    runs = paragraph_runs(texts)
    assert drop_openers(texts, runs, set)
    assert runs[0] == [(7, "Mara Quell")]
    assert opener_cuts([0, 40], texts) == [(0, 7)]
    assert opener_cuts([0], ["Mara Quell sells flowers."]) == []


def test_person_with_a_dotted_initial_is_named_as_the_speaker() -> None:
    quotes, entities = _derive(
        'Walter K. Brannock said: "The bridge will be rebuilt before the winter comes."',
        'Brannock added: "Nobody in this valley will be cut off again, I promise."',
    )
    assert [q.speaker for q in quotes] == ["Walter K. Brannock", "Walter K. Brannock"]
    people = _people(entities)
    assert "Walter K. Brannock" in people
    assert "Walter K Brannock" in people["Walter K. Brannock"]


def test_a_common_words_possessive_opening_a_party_name_is_part_of_it() -> None:
    _quotes, entities = _derive(
        "Voters in the province went to the polls on Sunday, and many people waited for hours.",
        "But the People's Renewal Party disputed the count, saying the vote had been rigged.",
        "The company's Chief Executive Jo Ames was not available.",
    )
    names = {n for e in entities for n in [e.name, *e.aliases]}
    assert "People's Renewal Party" in names
    assert "Renewal Party" not in names
    assert not any(n.startswith("company") for n in names)
