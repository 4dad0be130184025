"""bench.quality's summary areas: the CNN ROUGE rows and the bad-opening check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality.openings import bad_opening


def test_bad_opening_kinds() -> None:
    assert bad_opening("He said the ferry would run twice a day.") == "pronoun"
    assert bad_opening("“They're late again,” a passenger said.") == "pronoun"
    assert bad_opening("That was the third route approved this year.") == "pronoun"
    assert bad_opening("However, the council did not say how.") == "connective"
    assert bad_opening("In addition, fares will rise.") == "connective"
    assert bad_opening("Will the route pay for itself?") == "question"
    assert bad_opening("Anchor: The council met on Tuesday.") == "label"
    assert bad_opening("These are the changes:") == "label"
    assert bad_opening("and then the council voted.") == "fragment"
    assert bad_opening("The council approved the route on Tuesday.") is None
    assert bad_opening("That decision was welcomed by islanders.") is None
    assert bad_opening("Mayor Ann Reyes said: “It is a good day.”") is None


def _story(n: int) -> dict[str, object]:
    return {
        "id": f"story{n:03d}",
        "article": (
            f"Port Ellis, Islandia (Wire)The harbour council approved ferry route {n} on "
            "Tuesday after a long debate about costs. The ferry route will carry about four "
            "hundred passengers a day and start running in the spring. Critics of the ferry "
            "route said the council had underestimated the running costs of the new boats. "
            "The council will review the ferry route costs again next year."
        ),
        "highlights": ["Harbour council approves ferry route .", "Critics say costs are too low ."],
    }


def test_cnn_area_scores_brief_lead_and_textrank(tmp_path: Path) -> None:
    pytest.importorskip("rouge_score")
    from bench.quality import cnn

    folder = tmp_path / "corpora" / "cnn-dev"
    folder.mkdir(parents=True)
    lines = [json.dumps(_story(n)) for n in range(6)]
    (folder / "data.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = {s.measure: s for s in cnn.evaluate(tmp_path)}
    assert "brief ROUGE-1 (all, 3 sentences)" in rows
    assert "Lead-3 ROUGE-1 (all, 3 sentences)" in rows
    assert "TextRank-3 ROUGE-1 (all, 3 sentences)" in rows
    gap = rows["brief minus Lead-3, ROUGE-1 (all)"]
    # Gated by a regression floor; the detail says whether issue #15's margin is met.
    assert gap.target == cnn.GAP_FLOOR
    assert f"acceptance ≥ {cnn.MARGIN_OVER_LEAD:.2f}" in gap.detail
    brief = rows["brief ROUGE-1 (all, 3 sentences)"].value
    lead = rows["Lead-3 ROUGE-1 (all, 3 sentences)"].value
    assert gap.value == pytest.approx(brief - lead)
    assert all(0 <= s.value <= 100 for m, s in rows.items() if "minus" not in m)


def test_cnn_area_without_data_has_no_rows(tmp_path: Path) -> None:
    from bench.quality import cnn, openings

    assert cnn.evaluate(tmp_path) == []
    assert openings.evaluate(tmp_path) == []


def test_cut_quote_flags_a_sentence_whose_quotation_closes_after_it() -> None:
    from bench.quality.openings import cut_quote

    text = 'Ada said: "Prices rose. We are glad." Then she left.\nNext line.'
    first_end = text.index("rose.") + len("rose.")
    assert cut_quote(text, 0, first_end)
    assert not cut_quote(text, 0, text.index("glad.") + len('glad."'))
    curly = "Ada said: “Prices rose. We are glad.” Then she left."
    assert cut_quote(curly, 0, curly.index("rose.") + len("rose."))


def test_cut_quote_accepts_a_quotation_running_on_by_convention() -> None:
    from bench.quality.openings import cut_quote

    # The quotation re-opens with the next sentence, or runs past the paragraph.
    text = 'Ada said: "Prices rose. "We are glad."\nAnd: "It runs on.\n"Here."'
    assert not cut_quote(text, 0, text.index("rose.") + len("rose."))
    start = text.index("And:")
    assert not cut_quote(text, start, text.index("on.") + len("on."))
