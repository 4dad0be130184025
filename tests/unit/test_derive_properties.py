"""No derivation step raises on any input, and what comes out is a valid Briefing.

Random and adversarial text (unbalanced quotes, only punctuation, control
characters, mixed scripts, markup-like text, empty lines, huge paragraphs) in
the three formats goes through ``derive``. BRIEF_STRICT=1 (tests/conftest.py)
makes a failing step fail the test instead of leaving its part empty.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.derive import derive
from briefings.derive.summary import shown_as
from briefings.models import Article, Briefing

# Characters that must never reach a terminal: C0/C1 controls (but \n, \t) and bidi controls.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_PIECES = [
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    '"Unclosed quote, said Someone',
    "“Closed,” she said.",
    "Ann Lee said: “It is fine",
    "...",
    "?!",
    "—",
    " - ",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\t",
    "   ",
    "\x00",
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "\x7f",
    "\x85",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "[bold red]x[/]",
    "[link=http://x]y[/link]",
    "<b>",
    "</p>",
    "<script>alert(1)</script>",
    "&amp;",
    "# Heading",
    "## ",
    "* item",
    "1. first",
    "> quoted",
    "```",
    "---",
    "title: x",
    "|a|b|",
    "$5bn",
    "US$3,000",
    "12%",
    "3-0",
    "2023",
    "1,151 deals",
    "between 5 and",
    "€",
    "¥",
    "0.",
    ".5",
    "9" * 40,
    "1,2,3,4",
    "U.S.",
    "Dr.",
    "No.",
    "Mr",
    "中文新闻报道。",
    "«Текст» сказал он.",
    "نص عربي",
    "😀",
    "e\u0301",
    "ß",
    "Ǆ",
    "The company said revenue rose sharply.",
    "Tsai",
    "said",
    "according to",
]

_pieces = st.lists(st.sampled_from(_PIECES) | st.text(max_size=20), max_size=40).map("".join)
_any_text = st.text(max_size=400) | _pieces


def _front_matter(body: str) -> str:
    return f"---\ntitle: {body[:30]}\nauthor: [a, b]\ndate: 2024-13-45\n---\n{body}"


def _html(body: str) -> str:
    return f"<html><head><title>{body[:20]}</title></head><body><article><p>{body}</p></article></body></html>"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _squash(text: str) -> str:
    return " ".join(text.split())


def check(briefing: Briefing) -> None:
    """The invariants every briefing must hold."""
    data = briefing.model_dump(mode="json")
    Briefing.model_validate(data)
    for text in _strings(data):
        assert not _UNSAFE.search(text), repr(text)
    body = briefing.body_text
    n = len(body)
    for f in briefing.figures:
        assert 0 <= f.start <= f.end <= n
        assert body[f.start : f.end] == f.text
        assert f.sentence in body
    for q in briefing.quotes:
        assert 0 <= q.start <= q.end <= n
        assert 0 <= q.paragraph < max(1, len(briefing.body))
        assert _squash(q.text) in _squash(body[q.start : q.end]) or not q.text.strip()
    assert len(briefing.summary) == len(briefing.summary_spans)
    for sentence, span in zip(briefing.summary, briefing.summary_spans, strict=True):
        assert 0 <= span.start <= span.end <= n
        assert shown_as(body[span.start : span.end], sentence)
    assert all(0 <= i < len(briefing.body) for i in briefing.headings)


def derive_any(text: str, fmt: str) -> Briefing | None:
    article = Article(origin="test:prop", format=fmt, text=text)  # type: ignore[arg-type]
    try:
        return derive(article)
    except ValueError:
        if fmt == "html":
            return None  # documented: an HTML page with no article text
        raise


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_any_text)
def test_plain_text_always_yields_a_valid_briefing(text: str) -> None:
    briefing = derive_any(text, "txt")
    assert briefing is not None
    check(briefing)


@_SETTINGS
@given(_any_text, st.booleans())
def test_markdown_always_yields_a_valid_briefing(text: str, front_matter: bool) -> None:
    briefing = derive_any(_front_matter(text) if front_matter else text, "md")
    assert briefing is not None
    check(briefing)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text, st.booleans())
def test_html_yields_a_valid_briefing_or_a_clear_error(text: str, wrap: bool) -> None:
    briefing = derive_any(_html(text) if wrap else text, "html")
    if briefing is not None:
        check(briefing)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "...!?;:—",
        "“" * 50,
        '"' * 51,
        "\x1b[2J\x1b[31mRED\x07 \u202eevil",
        "[bold]not markup[/bold] <b>nor this</b>",
        "A\n\nB\n\n\n\nC",
    ],
)
def test_edge_cases(text: str) -> None:
    for fmt in ("txt", "md"):
        briefing = derive_any(text, fmt)
        assert briefing is not None
        check(briefing)


def test_one_megabyte_paragraph() -> None:
    unit = (
        "Revenue rose 4% to $2.5bn, “a fine result,” said Ann Lee, and 1,200 staff "
        "in 14 countries agreed. “Unclosed again "
    )
    text = "Big file\n\n" + unit * (1_000_000 // len(unit) + 1)
    assert len(text) > 1_000_000
    briefing = derive_any(text, "txt")
    assert briefing is not None
    check(briefing)
