"""Summary, entities and keywords on the bundled samples: shape and sanity only."""

from __future__ import annotations

import pytest

from briefings.derive import derive
from briefings.derive.gazetteer import DEMONYMS, MONTHS, WEEKDAYS
from briefings.derive.summary import shown_as
from briefings.ingest import article_from_bytes
from briefings.samples import sample_files

SAMPLES = dict(sample_files())


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_briefing_parts(name: str) -> None:
    b = derive(article_from_bytes(SAMPLES[name], "sample:" + name, name, name))
    assert 3 <= len(b.summary) <= 5
    assert [s.start for s in b.summary_spans] == sorted(s.start for s in b.summary_spans)
    for text, span in zip(b.summary, b.summary_spans, strict=True):
        assert shown_as(b.body_text[span.start : span.end], text)
    assert 5 <= len(b.keywords) <= 8
    assert len({k.lower() for k in b.keywords}) == len(b.keywords)
    assert b.entities
    assert b.entities[0].mentions == max(e.mentions for e in b.entities)
    for e in b.entities:
        for n in [e.name, *e.aliases]:
            assert n not in MONTHS and n not in WEEKDAYS and n not in DEMONYMS
            assert not n.endswith(("'s", "’s"))
