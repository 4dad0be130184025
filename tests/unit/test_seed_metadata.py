"""Header metadata on the bundled samples (the gold values of the foundation issue)."""

from __future__ import annotations

from datetime import date

import pytest

from briefings.derive import derive
from briefings.derive.summary import shown_as
from briefings.ingest import article_from_bytes
from briefings.samples import sample_files

SAMPLES = dict(sample_files())


def _briefing(prefix: str):
    name = next(n for n in SAMPLES if n.startswith(prefix))
    return derive(article_from_bytes(SAMPLES[name], "sample:" + name, name, name))


def test_five_samples_are_bundled() -> None:
    assert len(SAMPLES) == 5


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "Chinese Firms Lag Behind U.S. Peers in AI ‘By Two Years’, Alibaba Chairman Says"),
        ("001", "The US In the accompanying tech race, China lags on a key asset: its own OpenAI"),
        ("004", "China's Tech Giants Alibaba and NetEase Bet on AI Amid Trade Restrictions"),
    ],
)
def test_titles(prefix: str, title: str) -> None:
    assert _briefing(prefix).title == title


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_no_headline_gets_a_title_from_the_lead(prefix: str) -> None:
    title = _briefing(prefix).title
    assert title not in {"3 minutes", "date 2023-12-09"}
    assert "minutes" not in title and not title.startswith("date")
    assert len(title.split()) >= 4


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("000", date(2024, 4, 7)),
        ("003", date(2023, 12, 9)),
        ("004", date(2024, 1, 5)),
        ("001", None),
    ],
)
def test_dates(prefix: str, published: date | None) -> None:
    assert _briefing(prefix).published == published


def test_doubled_byline_is_cleaned() -> None:
    assert _briefing("000").author == "Chelsea Sun"


def test_offsets_point_into_the_body() -> None:
    b = _briefing("003")
    body = b.body_text
    for span, text in zip(b.summary_spans, b.summary, strict=True):
        assert shown_as(body[span.start : span.end], text)
