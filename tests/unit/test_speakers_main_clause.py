"""Speaker classes from issue #14 (review11, classes 8 and 13): the subject of the
cue's main clause beats a nearer name inside a subordinate clause or reported
speech; a family name two people share is settled by the sentence before. All
texts are written for these tests."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.entities import extract_entities, speakers_from_entities
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.models import Quote


def _derive(*paragraphs: str) -> list[Quote]:
    doc = Document.build(list(paragraphs), set(), Metadata(), split_sentences)
    quotes = extract_quotes(doc)
    return speakers_from_entities(quotes, extract_entities(doc, quotes))


def test_cleft_focus_beats_the_name_in_an_opening_after_clause() -> None:
    quotes = _derive(
        "The chess open began in Leeds on Monday with eight local players.",
        "After Ann Lee won her first game on Monday, it was Kate Bell who got things"
        " going on Tuesday with a quick win over a seeded rival.",
        '"I think I have set the tone for the whole team today," she told reporters.',
    )
    assert len(quotes) == 1
    assert quotes[0].speaker == "Kate Bell"


def test_name_in_an_opening_when_clause_is_not_the_next_speaker() -> None:
    quotes = _derive(
        "When Ann Lee lost her seat in May, Kate Bell took over the committee.",
        '"We have a great deal of work to do before the winter," she said.',
    )
    assert quotes[0].speaker != "Ann Lee"


def test_organisation_after_a_when_clause_is_the_source() -> None:
    quotes = _derive(
        "The officer was cleared of all charges in March.",
        '"Nothing shows that the officer feared for his life at that moment" when he'
        " stopped Tom Grey, the county review board said.",
    )
    assert len(quotes) == 1
    assert quotes[0].speaker != "Tom Grey"
    assert "review board" in (quotes[0].speaker or "")
