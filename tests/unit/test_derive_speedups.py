"""The derivation's fast paths agree with the plain definitions they replace.

Summary, keywords and entities read words through memos, chunk by chunk (text
between spaces, read once for all three by ``chunks``), and skip regex scans
that cannot match. Each fast path
is checked here against the straightforward version on random text with
awkward white space, punctuation and non-ASCII letters and digits.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.derive import chunks, keywords, mentions, summary, words
from briefings.derive.chunks import read_chunks
from briefings.derive.words import STOPWORDS, Memo, content_terms, stem

_PIECES = [
    "The",
    "said",
    "U.S.-China",
    "Mr.",
    "Acme's",
    "firm’s",
    "Lisbon-based",
    "state-owned",
    "O'Neill",
    "iPhone",
    "1,500",
    "3.5%",
    "$4bn",
    "İstanbul",
    "café",
    "ſubscribe",
    "٣٤",
    "&",
    "A.B.",
    "Subscribe",
    "www.example.com",
    "@desk.news",
    "PHOTO BY",
    "read more",
    "—",
    "(",
    ")",
    "“",
    "”",
    '"',
    "'",
    "’",
    ".",
    ",",
    "-",
    " ",
    "  ",
    "\t",
    "\n",
    "\xa0",
    "\u2009",
]
_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(min_size=1, max_size=6)), max_size=40
).map("".join)


def _plain_terms(text: str) -> list[str]:
    out = []
    for w in words._WORD.findall(text):
        low = w.lower()
        if len(low) > 1 and low not in STOPWORDS:
            out.append(stem(low))
    return out


@settings(max_examples=300)
@given(_TEXT)
def test_content_terms_match_a_whole_text_scan(text: str) -> None:
    assert content_terms(text) == _plain_terms(text)
    assert summary._chunk_tokens(read_chunks(text)) == _plain_terms(text)


@settings(max_examples=300)
@given(_TEXT)
def test_keyword_tokens_match_a_whole_text_scan(text: str) -> None:
    chunked = [
        item
        for record in read_chunks(text)
        for item in record[keywords._READ]  # what _phrases reads
    ]
    plain = [keywords._read_token(t) for t in keywords._TOKEN.findall(text)]
    assert chunked == plain


def _plain_entity_tokens(text: str) -> list[tuple[str, int, int, bool, str]]:
    out = []
    for m in mentions._TOKEN.finditer(text):
        raw = m.group()
        if raw.isalpha():
            out.append((raw, m.start(), m.end(), False, ""))
        else:
            for word, a, b, brk, cue in mentions._shape(raw):
                out.append((word, m.start() + a, m.start() + b, brk, cue))
    return out


@settings(max_examples=300)
@given(_TEXT)
def test_entity_tokens_match_a_whole_text_scan(text: str) -> None:
    toks = mentions._tokens(read_chunks(text))
    got = list(zip(toks.words, toks.starts, toks.ends, toks.breaks, toks.cues, strict=True))
    assert got == _plain_entity_tokens(text)


_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


@settings(max_examples=300)
@given(_TEXT)
def test_summary_checks_match_their_regexes(text: str) -> None:
    assert summary._furniture(text) == bool(summary._FURNITURE.search(text))
    letters = [c for c in text if c.isalpha()]
    assert summary._letter_counts(text) == (len(letters), sum(c.isupper() for c in letters))
    ends = text.rstrip().rstrip(summary._CLOSERS)[-1:] in summary._TERMINAL_MARKS
    assert ends == bool(_TERMINAL.search(text.rstrip()))


def test_chunk_records_hold_every_readers_result() -> None:
    text = "Acme's  chief\tsaid: U.S.-China talks"
    records = read_chunks(text)
    assert [r[0] for r in records] == text.split(" ")
    assert all(r[1:] == tuple(read(r[0]) for read in chunks._READERS) for r in records)
    slot = chunks.register(len)  # a reader added later gets a slot in new records
    try:
        assert [r[slot] for r in read_chunks(text)] == [len(c) for c in text.split(" ")]
    finally:
        chunks._READERS.pop()
        chunks._RECORDS.clear()


def test_memo_computes_once_and_stays_bounded() -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo: Memo[str, str] = Memo(upper, limit=3)
    assert [memo[w] for w in ["a", "b", "a", "c"]] == ["A", "B", "A", "C"]
    assert calls == ["a", "b", "c"]
    assert memo["d"] == "D"  # full: emptied, then filled again
    assert len(memo) <= 3


def test_sentence_chunks_are_read_once_per_document() -> None:
    from briefings.derive import build_document
    from briefings.models import Article

    doc = build_document(Article(origin="t", text="One  sentence here.\n\nAnd\tanother one."))
    first = chunks.sentence_chunks(doc)
    assert first == [read_chunks(s.text) for s in doc.sentences]
    assert chunks.sentence_chunks(doc) is first


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(["Acme", "votes", "Voting", "rates", "central", "Bank"]),
        min_size=1,
        max_size=3,
    )
)
def test_keyword_sub_phrases_match_their_definition(run: list[str]) -> None:
    stems, subs = keywords._SUB_PHRASES[tuple(run)]
    assert stems == tuple(stem(w.lower()) for w in run)
    plain = [
        (tuple(stem(w.lower()) for w in run[k : k + size]), " ".join(run[k : k + size]))
        for size in range(1, len(run) + 1)
        for k in range(len(run) - size + 1)
    ]
    assert list(subs) == plain


def test_according_guard_is_a_necessary_condition() -> None:
    # people.scan looks for "according to" only in paragraphs whose lower-cased
    # text holds "ccord": every character that matches one of these letters
    # ignoring case must lower-case to that letter.
    every_char = "".join(map(chr, range(0x110000)))
    for ch in set(re.findall(r"[cord]", every_char, re.I)):
        assert len(ch.lower()) == 1 and ch.lower() in "cord", hex(ord(ch))


@settings(max_examples=300)
@given(_TEXT)
def test_digit_check_matches_a_character_scan(text: str) -> None:
    for word in [text, *text.split()]:
        assert mentions._has_digit(word) == any(c.isdigit() for c in word)


def test_no_letter_is_a_digit() -> None:
    # mentions._has_digit answers all-letter words without looking at their characters.
    assert not any(chr(c).isalpha() and chr(c).isdigit() for c in range(0x110000))
