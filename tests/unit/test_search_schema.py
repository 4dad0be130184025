"""The index schema's own parts: fast analysis and the compact positions format."""

from __future__ import annotations

import pytest

from search.schema import (
    VarintPositions,
    analysed_document,
    build_schema,
    fast_terms,
    name_analyzer,
    text_analyzer,
)

TEXTS = [
    "The Minister's plans were running late, said Zoë Ångström-Nilsson on Tuesday.",
    "Governments govern; governing is what they’d rather not talk about. 3.5% of £10bn",
    "İstanbul ÉCOLE naïve café CAFÉ straße ŒUVRE 12,000 x2 don't rock’n’roll",
    "",
    "   \n\t ",
    "a" * 300 + " b",
]


@pytest.mark.parametrize("make", [text_analyzer, name_analyzer])
@pytest.mark.parametrize("text", TEXTS)
def test_fast_terms_equal_the_analyzer(make, text):
    analyzer = make()
    terms = fast_terms(analyzer)
    assert terms is not None
    whoosh = [(t.text, t.pos) for t in analyzer(text, positions=True, mode="index")]
    ours = terms(text)
    assert [(w, i) for i, w in enumerate(ours)] == whoosh


def test_fast_terms_refuses_other_analyzers():
    from whoosh.analysis import StandardAnalyzer

    assert fast_terms(StandardAnalyzer()) is None


@pytest.mark.parametrize(
    "positions", [[0], [5], [0, 1, 2], [3, 200, 201, 70_000], [127, 128, 16_383, 16_384, 2**21]]
)
def test_varint_positions_round_trip(positions):
    fmt = VarintPositions(field_boost=2.0)
    value = fmt.encode(positions)
    assert fmt.decode_positions(value) == positions
    assert fmt.decode_frequency(value) == len(positions)
    assert fmt.decode_weight(value) == 2.0 * len(positions)
    assert fmt.decoder("positions")(value) == positions


def test_varint_word_values_same_for_text_and_terms():
    fmt = VarintPositions(field_boost=1.5)
    analyzer = text_analyzer()
    text = "rates rise as rates fall and the rate of rises rises"
    from_text = sorted(fmt.word_values(text, analyzer, mode="index"))
    from_terms = sorted(fmt.word_values(fast_terms(analyzer)(text), analyzer, mode="index"))
    assert from_text == from_terms
    rate = next(v for v in from_text if v[0] == "rate")
    assert rate[1] == 3 and rate[2] == 4.5
    assert fmt.decode_positions(rate[3]) == [0, 3, 7]


def test_analysed_document_stores_no_text():
    doc = {
        "id": "x",
        "title": "Rates rise",
        "body": "Rates rose. Rates fell.",
        "speakers": "Ann Lee",
    }
    out = analysed_document(doc)
    assert out["title"] == ["rate", "rise"]
    assert out["speakers"] == ["ann", "lee"]
    # schema 6: snippets read the text from the store, the index keeps none of it
    assert not any(name.startswith("_stored_") for name in out)
    assert out["id"] == "x"
    schema = build_schema()
    assert {name for name in out if not name.startswith("_")} <= set(schema.names())


def test_index_stores_no_text_and_finds_phrases(tmp_path):
    from whoosh import query as wq
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = ix.writer()
    writer.add_document(
        **analysed_document(
            {
                "id": "a",
                "title": "Interest rates",
                "body": "The interest rates rose again.",
                "words": "interest rates the rose again",
            }
        )
    )
    writer.add_document(
        **analysed_document(
            {
                "id": "b",
                "title": "Rates",
                "body": "Interest in rates fell.",
                "words": "rates interest in fell",
            }
        )
    )
    writer.commit()
    with ix.searcher() as s:
        assert s.stored_fields(0) == {"id": "a"}
        hits = s.search(wq.Phrase("body", ["interest", "rate"]))
        assert [h["id"] for h in hits] == ["a"]
        assert s.doc_frequency("words", "interest") == 2
        assert s.doc_frequency("body", "rate") == 2


def test_hit_column_round_trip_and_lead():
    from datetime import date

    from briefings.models import Briefing
    from search.schema import LEAD_WIDTH, hit_record, hit_value, lead_text, snippet_texts

    b = Briefing.model_validate(
        {
            "id": "abc123",
            "origin": "test.txt",
            "title": "Rates\x1frise",
            "source": "Daily Ledger",
            "published": "2024-03-05",
            "summary": ["word " * 80, "second line"],
            "body": ["Body first line.", "Body second."],
        }
    )
    texts = snippet_texts(b)
    lead = lead_text(texts)
    assert lead.endswith("…") and len(lead) <= LEAD_WIDTH + 1 and "second" not in lead
    record = hit_record(hit_value(b, lead))
    assert record is not None
    assert record.id == "abc123" and record.title == "Rates rise"  # separator never kept
    assert record.source == "Daily Ledger" and record.published == date(2024, 3, 5)
    assert record.lead == lead
    undated = b.model_copy(update={"published": None, "source": None, "summary": []})
    again = hit_record(hit_value(undated, lead_text(snippet_texts(undated))))
    assert again is not None and again.published is None and again.source is None
    assert again.lead == "Body first line."
    assert hit_record(None) is None and hit_record(b"") is None


def test_index_stores_only_the_id():
    """Schema 7: the related-articles profile lives in the store, not in Whoosh's
    stored fields (which a search would otherwise carry on disk)."""
    schema = build_schema()
    assert [name for name in schema.names() if schema[name].stored] == ["id"]
