"""The body scorer of ``bench.quality.zyte`` and cleaning safety on the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality.zyte import body_f1, dropped_paragraphs, page_scores


def test_identical_bodies_score_one() -> None:
    text = "one two three four five six seven"
    assert page_scores(text, text) == (1.0, 1.0)
    assert body_f1([(text, text)]) == (1.0, 1.0, 1.0)


def test_extra_text_costs_precision_missing_text_costs_recall() -> None:
    gold = "the harbour authority will dredge the northern channel next spring"
    p, r = page_scores(gold, gold + " share this article on social media now please")
    assert p < 1.0 and r == 1.0
    p, r = page_scores(gold, "the harbour authority will dredge")
    assert p == 1.0 and r < 1.0


def test_dropped_paragraphs_on_made_up_text() -> None:
    text = (
        "Harbour To Dredge Channel\n\n"
        "The harbour authority said on Monday it would dredge the northern channel.\n\n"
        "Sign up for our newsletter to get harbour news in your inbox.\n\n"
        "Work starts in May and will take four months, officials said.\n"
    )
    total, lost, gone = dropped_paragraphs(text, "made-up.txt")
    assert (total, lost) == (3, 1)
    assert gone[0].startswith("Sign up")


@pytest.mark.shared
def test_bbc_paragraphs_are_never_dropped(shared: Path) -> None:
    files = sorted((shared / "corpora" / "bbc" / "articles").glob("*/*.txt"))[::20]
    assert files
    for path in files:
        _, lost, gone = dropped_paragraphs(path.read_bytes().decode("utf-8", "replace"), path.name)
        assert lost == 0, (path.name, gone)
