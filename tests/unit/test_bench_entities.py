"""bench.quality.entities: gold names found among a briefing's entities."""

from __future__ import annotations

from bench.quality.entities import annotations, find_entity
from briefings.models import Entity


def test_find_entity_by_alias_and_by_part() -> None:
    ents = [
        Entity(name="Securities and Exchange Commission", kind="organisation", aliases=["SEC"]),
        Entity(name="Tsai", kind="person", mentions=3),
        Entity(name="Joe Tsai", kind="person", mentions=5),
    ]
    assert find_entity(ents, "SEC") is ents[0]
    assert find_entity(ents, "the Securities and Exchange Commission") is ents[0]
    assert find_entity(ents, "Mr Joe Tsai") is ents[2]
    assert find_entity(ents, "Joseph Tsai Jr") is not None
    assert find_entity(ents, "Kai-fu Lee") is None


def test_annotations_parse() -> None:
    rows = annotations()
    assert rows
    kinds = {k for _, _, ks in rows for k in ks}
    assert kinds <= {"person", "organisation", "place", "other", "x"}
