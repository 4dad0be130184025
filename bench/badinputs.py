"""Generate the bad-input campaign: files that try to break ``brief ingest``.

    python -m bench.badinputs DIR [--slow] [--run]

writes every case under ``DIR`` and prints a table of what each case is and
what ``brief ingest`` should do with it: ``ok`` (a sensible briefing) or
``fail`` (one line naming the file and the reason). ``--slow`` adds the 50 MB
file and the folder of 10,000 tiny files; ``--run`` then ingests ``DIR`` into
a throw-away library and prints what happened to each case.

The tests in ``tests/reliability/`` use ``generate`` and check every case.
Every text here is written for this campaign; nothing is copied from a corpus.
Cases that need a race (a file that vanishes or loses its permissions between
discovery and reading) are simulated in the tests; here they appear as their
static equivalents (a dangling symlink, a file with mode 000).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Expect = Literal["ok", "fail"]

#: Rich markup, OSC 8 hyperlinks, CSI sequences and bidi overrides.
INJECTION = (
    "[red]Red alert[/red] [link=file:///etc/passwd]click here[/link] [bold blink]boo\n\n"
    "Council says \x1b]8;;https://example.invalid/x\x1b\\a hidden link\x1b]8;;\x1b\\ was found.\n\n"
    "The screen was cleared \x1b[2J\x1b[H here, the title changed \x1b]0;owned\x07 there, "
    "and a C1 sequence \x9b31m coloured it.\n\n"
    "A file called \u202egnp.exe looks harmless, \u2066isolated\u2069 too.\n\n"
    '"We will not be tricked by [b]markup[/b]," said the spokesperson, Ana Ruiz.\n'
)

_VOCABULARY = (
    "the council said on monday that the new budget would cover roads schools and "
    "clinics across the region while critics argued the plan left rural areas behind"
)
_WORDS = _VOCABULARY.split()


@dataclass(frozen=True, slots=True)
class Case:
    """One bad input: its path relative to the campaign root, and what should happen."""

    path: str  # relative, os.fsdecode'd (may hold newlines or surrogate escapes)
    expect: Expect
    reason: str  # for "fail": text the error line must contain; for "ok": what it is
    what: str
    slow: bool = False
    #: the memory budget (MB) this case is ingested with (``--memory-limit``); None: the default
    memory_mb: float | None = None


def _prose(rng: random.Random, words: int) -> str:
    out: list[str] = []
    for i in range(words):
        w = rng.choice(_WORDS)
        out.append(w.capitalize() if i % 14 == 0 else w)
        if i % 14 == 13:
            out[-1] += "."
    return " ".join(out) + "."


def _article(rng: random.Random, title: str, paragraphs: int = 4) -> str:
    body = "\n\n".join(_prose(rng, 40 + rng.randrange(30)) for _ in range(paragraphs))
    return f"{title}\n\n{body}\n"


def generate(root: Path, *, slow: bool = False, seed: int = 8, budget: bool = False) -> list[Case]:
    """Write every case under ``root`` (created if needed); return the cases.
    ``budget`` adds the cases that need their own memory budget (``Case.memory_mb``):
    ingested with the rest under the default budget they would be read."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(
        rel: str | bytes, data: bytes, expect: Expect, reason: str, what: str, slow: bool = False
    ) -> None:
        raw = rel if isinstance(rel, bytes) else os.fsencode(rel)
        path = os.path.join(os.fsencode(root), raw)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        cases.append(Case(os.fsdecode(raw), expect, reason, what, slow))

    # -- empty and binary ---------------------------------------------------------------
    put("empty.txt", b"", "fail", "empty file", "zero bytes")
    put("blank.md", b" \n\n\t \r\n", "fail", "empty file", "only white space")
    put("bom-only.txt", codecs.BOM_UTF8, "fail", "empty file", "a UTF-8 BOM and nothing else")
    put("random.txt", rng.randbytes(4096), "fail", "binary file", "4 KB of random bytes")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000)
    put("picture.html", png, "fail", "binary file", "a PNG named .html")
    gz = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + rng.randbytes(2000)
    put("page.htm", gz, "fail", "binary file", "gzip bytes named .htm")
    put("zeros.txt", b"\x00" * 10_000, "fail", "binary file", "10,000 NUL bytes")
    nul_text = _article(rng, "Stray NUL bytes survive a scrape", 6).replace(". ", ".\x00 ", 3)
    put("nul-in-text.txt", nul_text.encode(), "ok", "text", "prose with three stray NUL bytes")

    # -- size ---------------------------------------------------------------------------
    line = _prose(rng, 180_000).encode()[: 1024 * 1024]
    put("one-line-1mb.txt", line, "ok", "text", "a 1 MB single line of prose")
    put("one-word-1mb.txt", b"x" * (1024 * 1024), "ok", "text", "a 1 MB word, no spaces")
    put(
        "many-paragraphs.md",
        "\n\n".join(f"Paragraph {i} says little." for i in range(50_000)).encode(),
        "ok",
        "text",
        "50,000 one-sentence paragraphs",
    )
    if slow:
        chunk = (_prose(rng, 2000) + "\n\n").encode()
        big = chunk * (50 * 1024 * 1024 // len(chunk) + 1)
        put("big-50mb.txt", big[: 50 * 1024 * 1024], "fail", "too large", "50 MB of text", True)

    # -- encodings ------------------------------------------------------------------------
    put(
        "latin-1.txt",
        "Café owners in Zürich raise prices\n\nThe café said prices rose by 5% in año.\n".encode(
            "latin-1"
        ),
        "ok",
        "Café owners in Zürich raise prices",
        "latin-1 bytes",
    )
    put(
        "cp1252.txt",
        "“Smart quotes” cost €5 — says shop\n\nThe shop’s owner said it was “fair”.\n".encode(
            "cp1252"
        ),
        "ok",
        "“Smart quotes” cost €5 — says shop",
        "cp1252 bytes (curly quotes, euro sign)",
    )
    text16 = "Tides rise on the east coast\n\nResidents moved their cars to higher ground.\n"
    put(
        "utf16-bom.txt",
        text16.encode("utf-16"),
        "ok",
        "Tides rise on the east coast",
        "UTF-16 + BOM",
    )
    put(
        "utf16le-nobom.txt",
        text16.encode("utf-16-le"),
        "ok",
        "Tides rise on the east coast",
        "UTF-16 LE, no BOM",
    )
    put(
        "utf16be-nobom.txt",
        text16.encode("utf-16-be"),
        "ok",
        "Tides rise on the east coast",
        "UTF-16 BE, no BOM",
    )
    put("utf32.txt", text16.encode("utf-32"), "ok", "Tides rise on the east coast", "UTF-32 + BOM")
    put(
        "utf8-bom.md",
        codecs.BOM_UTF8 + b"# Harbour reopens\n\nBoats came back on Friday.\n",
        "ok",
        "Harbour reopens",
        "UTF-8 + BOM",
    )
    put(
        "broken-utf8.txt",
        b"Mixed bytes \xff\xfe\xc3 in a title\n\nAnd a body \xe2\x80 cut mid-character.\n",
        "ok",
        "text",
        "invalid UTF-8 sequences",
    )

    # -- HTML -----------------------------------------------------------------------------
    para = "<p>" + _prose(rng, 60) + "</p>"
    put(
        "broken.html",
        (
            "<html><head><title>Broken page keeps going</title><body><div><p>"
            + _prose(rng, 60)
            + "<p><b><i>"
            + _prose(rng, 60)
            + "</div></span><table><tr><td>"
            + para * 3
            + "<!-- unclosed comment"
        ).encode(),
        "ok",
        "html",
        "unclosed tags and a comment that never ends",
    )
    nested = "<div>" * 10_000 + para * 5 + "</div>" * 10_000
    put(
        "nested-10000.html",
        f"<html><body>{nested}</body></html>".encode(),
        # lxml stops building the tree at a depth of 255, so the text is never
        # reached; a clear refusal is the sensible outcome here.
        "fail",
        "no article text",
        "10,000 nested divs",
    )
    unclosed = "<div><span>" * 10_000 + para * 5
    put(
        "nested-unclosed.html",
        f"<html><body>{unclosed}".encode(),
        "fail",
        "no article text",
        "10,000 levels never closed",
    )
    put(
        "no-article.html",
        b"<html><head><title>Menu</title><script>var a=1;</script></head>"
        b"<body><nav><a href='/'>Home</a></nav></body></html>",
        "fail",
        "no article text",
        "navigation only",
    )
    put("tags-only.html", b"<html><body></body></html>", "fail", "no article text", "no text")
    put(
        "entity-bomb.html",
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            "<html><body><p>&lol3;</p>" + para * 3 + "</body></html>"
        ).encode(),
        "ok",
        "html",
        "an XML entity-expansion bomb",
    )
    put(
        "script-injection.html",
        (
            "<html><head><title>[red]Styled[/red] \x1b[31mtitle</title></head><body><article>"
            "<h1>Headline \u202eevil</h1>"
            + para
            * 3
            + "<p>Click <a href='javascript:alert(1)'>[link=file:///etc/passwd]here[/link]</a></p>"
            "<script>document.write('\x1b[2J')</script></article></body></html>"
        ).encode(),
        "ok",
        "html",
        "markup and escapes in HTML title and body",
    )

    # -- injection --------------------------------------------------------------------------
    put("injection.txt", INJECTION.encode(), "ok", "text", "Rich markup, OSC 8, CSI, bidi")
    put(
        "injection.md",
        (
            "---\ntitle: '[red]Front[/red] \x1b[2J matter'\nauthor: \"\\e]8;;x\\e\\\\Ana\"\n---\n"
            + INJECTION
        ).encode(),
        "ok",
        "text",
        "markup and escapes in Markdown front matter",
    )
    put(
        "yaml-bomb.md",
        (
            "---\na: &a ['x','x','x','x','x','x','x','x','x']\n"
            "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n"
            + _article(rng, "Aliases in front matter")
        ).encode(),
        "ok",
        "text",
        "a YAML alias bomb in front matter",
    )
    put(
        "bad-front-matter.md",
        b"---\ntitle: [unclosed\n: : :\n---\n# Real heading\n\nBody text here.\n",
        "ok",
        "text",
        "front matter that is not YAML",
    )

    # -- names ------------------------------------------------------------------------------
    good = _article(rng, "A name that breaks lines").encode()
    put("names/line\nbreak.txt", good, "ok", "text", "a newline in the file name")
    put(b"names/caf\xe9-\xff.txt", good, "ok", "text", "non-UTF-8 bytes in the file name")
    put("names/\x1b[2J\x1b]0;owned\x07.txt", good, "ok", "text", "escape sequences in the name")
    put("names/[red]markup[/red].txt", good, "ok", "text", "Rich markup in the file name")
    put("names/\u202etxt.exe.txt", good, "ok", "text", "a bidi override in the file name")

    _round_two(put, rng, good, root, cases)

    # -- links, special files, permissions ---------------------------------------------------
    links = root / "links"
    links.mkdir(exist_ok=True)
    _symlink(links / "loop-dir", links)
    cases.append(Case("links/loop-dir", "ok", "skip", "a symlink to its own folder"))
    _symlink(links / "self.txt", links / "self.txt")
    cases.append(Case("links/self.txt", "fail", "symbolic link", "a symlink to itself"))
    _symlink(links / "ping.txt", links / "pong.txt")
    _symlink(links / "pong.txt", links / "ping.txt")
    cases.append(Case("links/ping.txt", "fail", "symbolic link", "two symlinks in a loop"))
    cases.append(Case("links/pong.txt", "fail", "symbolic link", "two symlinks in a loop"))
    _symlink(links / "dangling.txt", links / "vanished-long-ago.txt")
    cases.append(Case("links/dangling.txt", "fail", "broken symbolic link", "a dangling symlink"))
    fifo = root / "special" / "pipe.txt"
    fifo.parent.mkdir(exist_ok=True)
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case("special/pipe.txt", "fail", "not a regular file", "a FIFO named .txt"))
    locked = root / "perm" / "locked.txt"
    locked.parent.mkdir(exist_ok=True)
    locked.write_bytes(good)
    locked.chmod(0)
    if os.geteuid():
        cases.append(Case("perm/locked.txt", "fail", "permission denied", "mode 000"))
    else:  # root reads it anyway; the tests simulate the denial
        cases.append(Case("perm/locked.txt", "ok", "text", "mode 000 (read anyway by root)"))

    # -- many files -------------------------------------------------------------------------
    if slow:
        many = root / "many"
        many.mkdir(exist_ok=True)
        for i in range(10_000):
            (many / f"tiny-{i:05d}.txt").write_text(f"Tiny note {i}\n\nItem {i} was filed.\n")
        cases.append(Case("many/", "ok", "10000", "10,000 tiny files", True))
    if budget:
        _budget_cases(root, rng, cases)
    return cases


#: Long runs of one Markdown mark (64 KB each): before the patterns were made
#: linear, 64 KB of brackets took 19 s and 256 KB almost five minutes.
MARKDOWN_RUNS = {
    "brackets": "[",
    "closing-brackets": "]",
    "image-openers": "![",
    "link-openers": "[x](",
    "image-links": "![](",
    "paren-runs": "(b",
    "bold-openers": "**a ",
    "underscore-bold": "__a ",
    "italics": "*a ",
    "reference-links": "[x][",
    "stars": "*",
    "underscores": "_",
    "backticks": "`",
    "hashes": "#",
    "angle-brackets": "<",
    "mixed-marks": "[*_](",
}

#: Characters that must not reach a terminal from a file name (escaped when shown).
NAME_CONTROLS = [chr(c) for c in range(1, 32) if c not in (10,)] + [
    "\x7f",
    "\x85",
    "\x9b",
    "\x9d",
    "\u061c",
    "\u200e",
    "\u200f",
    "\u2028",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]

#: Escape sequences a terminal acts on, in article text.
TERMINAL_ATTACKS = {
    "osc52-clipboard": "\x1b]52;c;ZWNobyBvd25lZA==\x07",
    "osc0-title": "\x1b]0;owned\x1b\\",
    "osc8-link": "\x1b]8;;file:///etc/passwd\x07click\x1b]8;;\x07",
    "dcs": "\x1bP+q544e\x1b\\",
    "csi-c1": "\x9b2J\x9b?1049h",
    "apc": "\x1b_hidden\x1b\\",
    "alt-screen": "\x1b[?1049h\x1b[?25l",
    "bell-flood": "\x07" * 3,
}

#: Front matter that once hung the run, refused the article or ate memory.
HOSTILE_FRONT_MATTER = {
    "alias-bomb-title": (
        "a: &a ['x','x','x','x','x','x','x','x','x']\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ntitle: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    ),
    "alias-bomb-date": (
        "a: &a ['x','x','x','x','x','x','x','x','x']\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ndate: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    ),
    "huge-hex": "n: 0x" + "f" * 50_000 + "\n",
    "huge-binary": "n: 0b" + "1" * 50_000 + "\n",
    "huge-octal": "n: 0o" + "7" * 50_000 + "\n",
    "sexagesimal": "n: " + ":".join(["59"] * 10_000) + "\n",
    "huge-decimal": "n: " + "9" * 50_000 + "\n",
    "huge-float": "n: 1e99999\n",
    "year-99999": "date: 99999-12-31\n",
    "date-year-0": "date: 0000-01-01\n",
    "date-overflow": "date: 9999-12-31T23:59:59+23:59\n",
    "deep-lists": "deep: " + "[" * 5_000 + "]" * 5_000 + "\n",
    "deep-maps": "deep: " + "{a: " * 2_000 + "x" + "}" * 2_000 + "\n",
    "8mb-list": "list: [" + "x, " * 2_800_000 + "]\n",
    "many-keys": "".join(f"k{i}: v{i}\n" for i in range(20_000)),
    "title-is-a-map": "title: {a: 1, b: [2, 3]}\n",
    "title-is-null": "title: ~\n",
    "binary-tag": "title: !!binary aGVsbG8=\n",
    "python-tag": "title: !!python/object/apply:os.system ['echo owned']\n",
    "merge-key": "base: &b {x: 1}\nother:\n  <<: *b\n",
    "two-documents": "title: first\n---\ntitle: second\n",
    "tabs-invalid": "title:\t[\n\t\t:\n",
    "unclosed-quote": "title: 'never closed\n",
    "control-chars": 'title: "\\x1b]0;owned\\x07 evil"\n',
}


def _round_two(put, rng: random.Random, good: bytes, root: Path, cases: list[Case]) -> None:  # type: ignore[no-untyped-def]
    """The cases of the second attack (issue #19): hangs, hostile front matter,
    encodings without a byte-order mark, names and escapes of every kind."""
    intro = "# Long runs of marks\n\nThe harbour council met on Monday and approved the plan.\n\n"
    for name, unit in MARKDOWN_RUNS.items():
        run = unit * (64 * 1024 // len(unit))
        put(f"runs/{name}.md", (intro + run + "\n").encode(), "ok", "text", f"64 KB of {unit!r}")
    put(
        "runs/heading-spaces.md",
        ("# a" + " " * 60_000 + "b\n\n" + intro).encode(),
        "ok",
        "text",
        "a heading with 60,000 spaces (cubic before)",
    )
    put(
        "runs/heading-hashes.md",
        ("# a" + " #" * 30_000 + "b\n\n" + intro).encode(),
        "ok",
        "text",
        "a heading of 30,000 ' #'",
    )
    body = _article(rng, "Front matter under attack")
    for name, front in HOSTILE_FRONT_MATTER.items():
        put(
            f"front/{name}.md",
            f"---\n{front}---\n{body}".encode(),
            "ok",
            "text",
            f"front matter: {name}",
        )
    put(
        "front/never-closed.md",
        ("---\ntitle: open\n" + body).encode(),
        "ok",
        "text",
        "front matter that never closes",
    )

    # -- HTML that stalled the parsers ---------------------------------------------------------
    para = "<p>" + _prose(rng, 60) + "</p>"
    for count in (20_000, 60_000):
        attrs = " ".join(f'data-a{i}="v"' for i in range(count))
        put(
            f"html/attributes-{count}.html",
            f"<html><body><article><p {attrs}>{_prose(rng, 40)}</p>{para * 3}</article></body></html>".encode(),
            "ok",
            "html",
            f"one element with {count:,} attributes",
        )
    put(
        "html/attribute-value-1mb.html",
        f'<html><body><article><div title="{"x" * 1_000_000}">{para * 3}</div></article></body></html>'.encode(),
        "ok",
        "html",
        "a 1 MB attribute value",
    )
    put(
        "html/many-elements.html",
        (
            "<html><body><article>"
            + "<span>w</span> " * 10_000
            + para * 3
            + "</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "10,000 small elements",
    )
    put(
        "html/unclosed-attribute.html",
        ("<html><body><article>" + para * 3 + '<p class="' + "x " * 50_000).encode(),
        "ok",
        "html",
        "an attribute quote that never closes",
    )
    put(
        "html/many-entities.html",
        (
            "<html><body><article><p>"
            + "&amp;&#x41;&nbsp;" * 30_000
            + "</p>"
            + para * 3
            + "</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "90,000 entities",
    )
    put(
        "html/huge-title.html",
        (
            f"<html><head><title>{'Title ' * 50_000}</title></head><body><article>{para * 3}</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "a 300 KB title",
    )
    put(
        "html/bogus-dates.html",
        (
            '<html><head><meta property="article:published_time" content="99999-99-99">'
            '<meta name="date" content="0000-00-00T25:61:61"></head><body><article>'
            + para * 3
            + "</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "impossible dates in meta tags",
    )
    put(
        "html/comment-flood.html",
        (
            "<html><body><article>" + "<!-- x -->" * 50_000 + para * 3 + "</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "50,000 comments",
    )
    put(
        "html/nested-lists.html",
        (
            "<html><body><article>"
            + para * 3
            + "<ul><li>" * 200
            + "deep"
            + "</li></ul>" * 200
            + "</article></body></html>"
        ).encode(),
        "ok",
        "html",
        "lists nested 200 deep",
    )

    # -- encodings without a byte-order mark ---------------------------------------------------
    texts = {
        "russian": (
            "Москва утвердила новый бюджет",
            "Городской совет утвердил расходы на дороги и школы.",
        ),
        "chinese": ("北京发布新的城市预算", "市议会批准了道路和学校的开支。"),
        "greek": (
            "Η Αθήνα ενέκρινε τον προϋπολογισμό",
            "Το δημοτικό συμβούλιο ενέκρινε τις δαπάνες.",
        ),
        "japanese": ("東京都が新しい予算を発表", "都議会は道路と学校の支出を承認した。"),
    }
    for lang, (title, sentence) in texts.items():
        text = f"{title}\n\n{sentence}\n\n{sentence}\n"
        for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            put(
                f"enc/{lang}-{enc}-nobom.txt",
                text.encode(enc),
                "ok",
                title,
                f"{lang}, {enc} without BOM",
            )
        put(f"enc/{lang}-utf-8.txt", text.encode("utf-8"), "ok", title, f"{lang}, UTF-8")
    put(
        "enc/cr-only.txt",
        b"Old Mac line ends\r\rThe council met.\rIt approved the plan.\r",
        "ok",
        "Old Mac line ends",
        "carriage returns only",
    )
    put(
        "enc/crlf.txt",
        b"Windows line ends\r\n\r\nThe council met and approved the plan.\r\n",
        "ok",
        "Windows line ends",
        "CRLF line ends",
    )
    put(
        "enc/nul-and-bom.txt",
        codecs.BOM_UTF8 + b"\x00" * 50,
        "fail",
        "binary file",
        "a BOM then NULs",
    )

    # -- escapes in article text -----------------------------------------------------------------
    for name, attack in TERMINAL_ATTACKS.items():
        put(
            f"escapes/{name}.txt",
            f"Escapes in the text: {name}\n\nThe council said {attack} it met on Monday.\n\n"
            f"A second paragraph {attack} follows here.\n".encode(),
            "ok",
            "text",
            f"article text with {name}",
        )

    # -- file names ------------------------------------------------------------------------------
    for ch in NAME_CONTROLS:
        put(f"names/ctl-{ord(ch):04x}-{ch}.txt", good, "ok", "text", f"U+{ord(ch):04X} in the name")
    put("names/:skull: :fire:.txt", good, "ok", "text", "emoji codes in the name")
    put("names/-rf --help.txt", good, "ok", "text", "a name that looks like options")
    put("names/" + "long" * 60 + ".txt", good, "ok", "text", "a 244-byte name")
    put("names/ .txt", good, "ok", "text", "a name that is a space")

    # -- a folder tree 1,100 levels deep -----------------------------------------------------------
    fd = os.open(os.fsencode(root), os.O_RDONLY)
    current = fd
    try:
        for _ in range(1100):
            with contextlib.suppress(FileExistsError):
                os.mkdir("d", dir_fd=current)
            nxt = os.open("d", os.O_RDONLY, dir_fd=current)
            if current != fd:
                os.close(current)
            current = nxt
        leaf = os.open("deepest.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=current)
        with open(leaf, "wb") as fh:
            fh.write(good)
    finally:
        if current != fd:
            os.close(current)
        os.close(fd)
    cases.append(Case("d/", "ok", "deep", "a folder tree 1,100 levels deep (walked, no recursion)"))


def _budget_cases(root: Path, rng: random.Random, cases: list[Case]) -> None:
    """An article that needs more memory than its budget: one line, "too large to read"
    naming the file, and the run goes on (ingested under ``--memory-limit 48``: a small
    article needs about 32 MB, the first one of a process included)."""
    folder = root / "budget"
    folder.mkdir(parents=True, exist_ok=True)
    text = _article(rng, "A long report read under a small memory budget", 12)
    (folder / "memory-8mb.txt").write_text(text * max(1, 8_000_000 // len(text)), "utf-8")
    cases.append(
        Case(
            "budget/memory-8mb.txt",
            "fail",
            "too large to read",
            "8 MB of prose (about 300 MB to derive) under a 48 MB memory budget",
            memory_mb=48,
        )
    )


def _symlink(link: Path, target: Path) -> None:
    if not os.path.lexists(link):
        os.symlink(target, link)


def restore_permissions(root: Path) -> None:
    """Give back read permission on everything under ``root`` and take the 1,100-level
    tree apart, so that ``shutil.rmtree`` (recursive) can delete the rest."""
    _remove_deep_tree(root / "d")
    stack = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir():
                stack.append(entry.path)
            elif entry.is_file():
                os.chmod(entry.path, 0o644)


def _remove_deep_tree(top: Path) -> None:
    """Delete a chain of folders named ``d`` (each holding the next) from the bottom up,
    with relative paths: no recursion, no path longer than the system allows."""
    if not top.is_dir() or top.is_symlink():
        return
    fds = [os.open(top, os.O_RDONLY)]
    try:
        while True:
            try:
                fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
            except OSError:
                break
        while fds:
            fd = fds.pop()
            for name in os.listdir(fd):
                if name != "d":
                    os.unlink(name, dir_fd=fd)
            if fds:
                os.close(fd)
                os.rmdir("d", dir_fd=fds[-1])
            else:
                os.close(fd)
        top.rmdir()
    finally:
        for fd in fds:
            os.close(fd)


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _shown(path: str) -> str:
    from briefings.ingest import display_path

    return display_path(path)


#: A case that takes longer than this is counted as a hang.
HANG_SECONDS = 60.0


def run_cases(root: Path, cases: list[Case]) -> dict[str, int]:
    """Ingest each case on its own into a throw-away library; print outcome and time,
    then ingest them all again (nothing may change) and print the totals the issue
    asks for: tracebacks, internal errors, hangs, changed briefings, and outcomes
    other than expected. Returns the totals."""
    import tempfile
    import time
    import traceback

    from briefings.library import Library
    from briefings.pipeline import ingest

    totals = {
        "cases": 0,
        "tracebacks": 0,
        "internal errors": 0,
        "hangs": 0,
        "changed briefings": 0,
        "unexpected outcomes": 0,
    }
    print(_row("case", "expected", "outcome", "seconds"))
    print(_row("---", "---", "---", "---:"))
    with tempfile.TemporaryDirectory() as folder, Library(folder) as library:
        for case in cases:
            if case.reason == "skip":
                continue
            totals["cases"] += 1
            start = time.perf_counter()
            try:
                report = ingest(library, [os.path.join(root, case.path)], megabytes=case.memory_mb)
            except Exception:
                totals["tracebacks"] += 1
                outcome = "TRACEBACK: " + traceback.format_exc().splitlines()[-1]
                print(_row(_shown(case.path), case.expect, outcome, "-"), flush=True)
                continue
            seconds = time.perf_counter() - start
            if seconds > HANG_SECONDS:
                totals["hangs"] += 1
            if report.failures:
                outcome = "fail: " + report.failures[0].rsplit(": ", 1)[-1]
                totals["internal errors"] += sum("internal error" in f for f in report.failures)
            else:
                outcome = f"ok ({report.ingested} briefing{'s' * (report.ingested != 1)})"
            if (case.expect == "ok") != (not report.failures) or (
                case.expect == "fail" and case.reason not in report.failures[0]
            ):
                totals["unexpected outcomes"] += 1
            expected = case.expect if case.expect == "ok" else f"fail: {case.reason}"
            print(_row(_shown(case.path), expected, outcome, f"{seconds:.2f}"), flush=True)
        # everything again (nothing may change), but the cases with a budget of their own
        rest = [os.path.join(root, name) for name in sorted(os.listdir(root)) if name != "budget"]
        again = ingest(library, rest)
        totals["changed briefings"] = again.ingested + again.updated
    print()
    print(", ".join(f"{name} {n}" for name, n in totals.items()))
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.badinputs", description=__doc__)
    parser.add_argument("dir", type=Path, help="where to write the cases")
    parser.add_argument("--slow", action="store_true", help="add the 50 MB and 10,000-file cases")
    parser.add_argument(
        "--run", action="store_true", help="ingest each case and print its outcome and time"
    )
    args = parser.parse_args(argv)
    cases = generate(args.dir, slow=args.slow, budget=True)
    if args.run:
        totals = run_cases(args.dir, cases)
        bad = sum(n for name, n in totals.items() if name != "cases")
        return 1 if bad else 0
    print(_row("case", "what", "expected"))
    print(_row("---", "---", "---"))
    for c in cases:
        print(_row(_shown(c.path), c.what, c.expect if c.expect == "ok" else f"fail: {c.reason}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
