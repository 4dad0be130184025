"""The sentence splitter against the hard cases in ``tests/data/sentences.txt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.derive.sentences import split_sentences

CASES_FILE = Path(__file__).resolve().parents[1] / "data" / "sentences.txt"
#: The share of hard cases that must split exactly as written.
REQUIRED_PASS_RATE = 0.98


def load_cases() -> list[list[str]]:
    cases = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cases.append([part.strip() for part in line.split(" || ")])
    return cases


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def failures() -> list[tuple[list[str], list[str]]]:
    out = []
    for expected in load_cases():
        got = split(" ".join(expected))
        if got != expected:
            out.append((expected, got))
    return out


def test_there_are_enough_hard_cases() -> None:
    assert len(load_cases()) >= 150


def test_hard_cases_pass_rate() -> None:
    failed = failures()
    rate = 1 - len(failed) / len(load_cases())
    shown = "\n".join(f"want {w}\n got {g}" for w, g in failed)
    assert rate >= REQUIRED_PASS_RATE, f"pass rate {rate:.3f}\n{shown}"


def test_offsets_cover_the_text_without_white_space() -> None:
    text = "  First one.   Second one!  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one!"]


ODD = ["", "   ", ".", "...", "?!?!", "“", "a" * 100_000, ". " * 5000, "Mr. " * 1000, "\n\n"]


@pytest.mark.parametrize("text", ODD, ids=[f"odd{i}" for i in range(len(ODD))])
def test_odd_input_never_raises(text: str) -> None:
    for a, b in split_sentences(text):
        assert 0 <= a < b <= len(text)
        assert text[a:b].strip() == text[a:b]
