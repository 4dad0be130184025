"""Key phrases: topical, a handful, near-duplicates merged, no furniture."""

from __future__ import annotations

from briefings.derive.document import Document, Metadata
from briefings.derive.keywords import MAX_KEYWORDS, extract_keywords
from briefings.derive.sentences import split_sentences


def _keywords(*paragraphs: str, title: str = "") -> list[str]:
    doc = Document.build(list(paragraphs), set(), Metadata(title=title), split_sentences)
    return extract_keywords(doc)


TEXT = (
    "Coastal towns are preparing for the wind farm that the energy board approved on Monday.",
    "The wind farm will have forty turbines, and the energy board expects the wind farm to "
    "power thirty thousand homes.",
    "Fishermen worry that the turbines will disturb fishing grounds near the coast.",
    "The energy board said the fishing grounds would be mapped before building starts.",
    "Subscribe to our newsletter. Click here to share this story.",
)


def test_topical_phrases_first() -> None:
    kws = _keywords(*TEXT, title="Energy board approves wind farm")
    assert 1 <= len(kws) <= MAX_KEYWORDS
    assert kws[0] in {"wind farm", "energy board"}
    assert {"wind farm", "energy board"} <= set(kws)


def test_no_furniture_or_stop_words() -> None:
    kws = [k.lower() for k in _keywords(*TEXT)]
    for word in ["subscribe", "newsletter", "click", "share", "said", "monday", "the"]:
        assert not any(word in k.split() for k in kws)


def test_near_duplicates_merged() -> None:
    kws = _keywords(
        "Acme Corp cut prices again. Acme said Acme Corp would cut prices further.",
        "Rivals of Acme followed the price cuts. Acme shares rose on the price cut.",
    )
    acme = [k for k in kws if "acme" in k.lower()]
    assert len(acme) == 1
    prices = [k for k in kws if k.lower() in {"price", "prices"}]
    assert len(prices) <= 1


def test_empty_input() -> None:
    assert _keywords() == []
    assert _keywords("!!! ???") == []
