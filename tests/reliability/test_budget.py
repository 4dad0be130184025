"""No hang: every article is read in bounded time, and a run never stalls on one.

Each case here took seconds to minutes (or never finished) before: Markdown
patterns that backtracked on long runs of one mark, YAML alias bombs and huge
front matter, HTML tags with tens of thousands of attributes, a recursive
folder walk. The time budget of one article is the backstop for anything else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefings.derive import derive
from briefings.derive.blocks import split_blocks, strip_front_matter
from briefings.models import Article

from .conftest import REPO, brief_subprocess, subprocess_env, write_articles

#: Long runs of the marks the Markdown patterns look for (each took seconds to
#: minutes at these sizes before the patterns were made linear).
PATHOLOGICAL_LINES = {
    "brackets": "[" * 100_000,
    "image openers": "![" * 50_000,
    "link openers": "[x](" * 25_000,
    "image links": "![](" * 25_000,
    "nested parens": "[a](" + "(b" * 50_000,
    "bold openers": "**a " * 25_000,
    "underscore bold": "__a " * 25_000,
    "italics": "*a " * 33_000,
    "reference links": "[x][" * 25_000,
    "heading spaces": "# a" + " " * 100_000 + "b",
    "heading hashes": "# a" + " #" * 50_000 + "b",
    "rule-like": "- " * 50_000 + "x",
}


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_LINES))
def test_markdown_patterns_are_linear(name: str) -> None:
    line = PATHOLOGICAL_LINES[name]
    _, seconds = timed(split_blocks, f"Title\n\n{line}\n\nEnd.", markdown=True)
    assert seconds < 1.0, (name, seconds)


def test_markdown_still_reads_links_emphasis_and_headings() -> None:
    blocks = split_blocks(
        "## Harbour reopens ##\n\nSee [the plan](http://a.example/p_(1)) and ![x](i.png) "
        "**bold *and* more** with *it* and __u__ in [ref][1].\n\n# C#\n",
        markdown=True,
    )
    assert [(b.text, b.heading) for b in blocks] == [
        ("Harbour reopens", True),
        ("See the plan and  bold *and* more with it and u in ref.", False),
        ("C#", True),
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    unit=st.lists(
        st.sampled_from(list("[]()!*_#`>-~:\"' a\n\t<>=&;/")), min_size=1, max_size=6
    ).map("".join)
)
def test_fuzz_markdown_runs_of_marks(unit: str) -> None:
    """Any short unit repeated to 60 KB splits in well under a second."""
    text = unit * (60_000 // len(unit))
    _, seconds = timed(split_blocks, text, markdown=True)
    assert seconds < 1.0, (unit, seconds)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(
    unit=st.lists(st.sampled_from(list("[]()!*_#\"“”' a.,\n<>-:")), min_size=1, max_size=5).map(
        "".join
    ),
    fmt=st.sampled_from(["md", "txt"]),
)
def test_fuzz_whole_derivation_on_runs_of_marks(unit: str, fmt: str) -> None:
    """The whole derivation of 20 KB of one repeated unit stays within seconds."""
    text = "A title for the fuzz\n\n" + unit * (20_000 // len(unit))
    _, seconds = timed(derive, Article(origin="test:fuzz", format=fmt, text=text))  # type: ignore[arg-type]
    assert seconds < 5.0, (unit, fmt, seconds)


# -- front matter --------------------------------------------------------------------------

ALIAS_BOMB = (
    "a: &a ['x','x','x','x','x','x','x','x','x']\n"
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
)
BODY = "The council met on Monday.\n\nIt approved the harbour budget after a long debate.\n"


@pytest.mark.parametrize(
    "front",
    [
        ALIAS_BOMB + "title: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
        ALIAS_BOMB + "date: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ntitle: Harbour budget passes\n",
        "title: Harbour budget passes\nn: 0x" + "f" * 20_000 + "\n",
        "title: Harbour budget passes\nn: 0b" + "1" * 20_000 + "\n",
        "title: Harbour budget passes\nn: " + ":".join(["59"] * 5_000) + "\n",
        "title: Harbour budget passes\nn: " + "9" * 20_000 + "\n",
        "title: Harbour budget passes\ndate: 99999-12-31\n",
        "title: Harbour budget passes\ndeep: " + "[" * 5_000 + "]" * 5_000 + "\n",
        "title: Harbour budget passes\ndeep: " + "{a: " * 2_000 + "x" + "}" * 2_000 + "\n",
        "title: Harbour budget passes\nlist: [" + "x, " * 3_000_000 + "]\n",
    ],
    ids=[
        "alias-bomb-title",
        "alias-bomb-date",
        "huge-hex",
        "huge-binary",
        "sexagesimal",
        "huge-decimal",
        "year-99999",
        "deep-lists",
        "deep-maps",
        "9mb-list",
    ],
)
def test_hostile_front_matter_keeps_the_body(front: str) -> None:
    text = f"---\n{front}---\n{BODY}"
    briefing, seconds = timed(derive, Article(origin="test:fm.md", format="md", text=text))
    assert seconds < 5.0
    body = "\n".join(briefing.body)
    assert "approved the harbour budget" in body
    assert "&a" not in body and "0x" not in body


def test_front_matter_fields_read_as_text() -> None:
    data, rest = strip_front_matter(
        "---\ntitle: Harbour\ndate: 2024-01-05\nyear: 2024\ntags: [a, b]\n---\nBody\n"
    )
    assert data == {"title": "Harbour", "date": "2024-01-05", "year": "2024", "tags": ["a", "b"]}
    assert rest == "Body\n"
    b = derive(
        Article(
            origin="test:fm2.md",
            format="md",
            text="---\ntitle: Harbour budget passes\ndate: 2024-01-05\n---\n" + BODY,
        )
    )
    assert b.title == "Harbour budget passes" and str(b.published) == "2024-01-05"


# -- HTML ------------------------------------------------------------------------------------


def test_html_tag_with_many_attributes() -> None:
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(60_000))
    html = (
        f"<html><head><title>Harbour</title></head><body><article><p {attrs}>"
        + "The harbour authority said on Tuesday that the berth would reopen soon. " * 5
        + "</p></article></body></html>"
    )
    briefing, seconds = timed(derive, Article(origin="test:attrs.html", format="html", text=html))
    assert seconds < 10.0
    assert "berth would reopen" in "\n".join(briefing.body)


# -- the time budget -------------------------------------------------------------------------


def test_an_article_over_its_time_budget_fails_alone(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefings.pipeline as pipeline

    src = tmp_path / "src"
    write_articles(src, 3)
    (src / "article-0001.txt").write_text("Slow one\n\nThis article never ends being read.\n")
    real = pipeline.derive

    def slow_derive(article):  # type: ignore[no-untyped-def]
        if "never ends" in article.text:
            while True:  # a Python-level stall (as in an HTML library)
                time.sleep(0.001)
        return real(article)

    monkeypatch.setattr(pipeline, "derive", slow_derive)
    run, seconds = timed(brief, "ingest", "--time-limit", "0.5", str(src))
    run.assert_no_crash()
    assert seconds < 20
    assert run.code == 1
    assert run.err_lines[-2:] == [
        f"error: {src / 'article-0001.txt'}: took too long to read (over 0.5 s; raise the "
        "limit with --time-limit SECONDS or BRIEF_ARTICLE_SECONDS)",
        "ingested 2, updated 0, unchanged 0, failed 1",
    ]
    monkeypatch.setenv("BRIEF_ARTICLE_SECONDS", "0.3")
    (src / "article-0001.txt").write_text("Slow one\n\nStill never ends being read, again.\n")
    run = brief("ingest", str(src))
    assert "took too long to read (over 0.3 s" in run.err


@pytest.mark.parametrize("value", ["abc", "0", "-1", "inf", "nan", "1e400"])
def test_bad_time_limits_are_usage_errors(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    write_articles(tmp_path / "src", 1)
    run = brief("ingest", "--time-limit", value, str(tmp_path / "src"))
    assert run.code == 2 and len(run.err_lines) == 1 and "--time-limit" in run.err
    monkeypatch.setenv("BRIEF_ARTICLE_SECONDS", value)
    run = brief("list")
    assert run.code == 2 and run.err_lines == [run.err_lines[0]]
    assert "BRIEF_ARTICLE_SECONDS" in run.err


def test_an_article_over_its_memory_budget_fails_alone(tmp_path: Path, library_dir: Path) -> None:
    """Reading and deriving one article run under a memory budget (the process may grow
    by at most that much while it reads the article): over it, one line naming the
    file, and the run goes on. The bench.badinputs case of the same (``budget/``), in a
    fresh ``brief`` (memory this test process freed earlier would be used first)."""
    from bench.badinputs import generate, restore_permissions

    src = tmp_path / "src"
    write_articles(src, 2)
    cases = generate(tmp_path / "cases", budget=True)
    restore_permissions(tmp_path / "cases")  # pytest's recursive clean-up could not
    (case,) = [c for c in cases if c.memory_mb]
    big = tmp_path / "cases" / case.path
    limit = f"{case.memory_mb:g}"
    start = time.perf_counter()
    run = brief_subprocess(
        "ingest", "--memory-limit", limit, str(src), str(big), library=library_dir, timeout=300
    )
    seconds = time.perf_counter() - start
    run.assert_no_crash()
    assert seconds < 120
    assert run.code == 1
    assert run.err_lines[-2:] == [
        f"error: {big}: too large to read (over {limit} MB of memory; raise the limit with "
        "--memory-limit MB or BRIEF_ARTICLE_MEMORY_MB)",
        "ingested 2, updated 0, unchanged 0, failed 1",
    ]


def test_the_memory_budget_covers_derivation(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefings.pipeline as pipeline

    src = tmp_path / "src"
    write_articles(src, 3)
    (src / "article-0001.txt").write_text("Greedy one\n\nThis article wants all memory.\n")
    real = pipeline.derive

    def greedy_derive(article):  # type: ignore[no-untyped-def]
        if "wants all memory" in article.text:
            hoard = [bytearray(8 * 1024 * 1024) for _ in range(100)]  # 800 MB
            return hoard  # never reached under the budget
        return real(article)

    monkeypatch.setattr(pipeline, "derive", greedy_derive)
    monkeypatch.setenv("BRIEF_ARTICLE_MEMORY_MB", "64")
    run = brief("ingest", str(src))
    run.assert_no_crash()
    assert run.code == 1
    assert "article-0001.txt: too large to read (over 64 MB of memory" in run.err
    assert run.err_lines[-1] == "ingested 2, updated 0, unchanged 0, failed 1"
    import resource

    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # put back


def test_a_step_out_of_memory_fails_the_article_not_just_the_step(tmp_path: Path) -> None:
    # Outside the tests a failing step is left empty (BRIEF_STRICT); running out of the
    # memory budget must fail the article, not store it with its entities missing.
    # A fresh interpreter on the pure derivation: a compiled ``derive`` calls its steps
    # directly, so replacing one from outside would not take effect there.
    src = tmp_path / "src"
    write_articles(src, 2)
    (src / "article-0001.txt").write_text("Greedy step\n\nThis article wants all memory.\n")
    code = (
        "import sys\n"
        "import briefings.derive as d\n"
        "real = d.extract_entities\n"
        "def greedy(doc, quotes, *shared):\n"
        "    if 'wants all memory' in doc.text:\n"
        "        return [bytearray(8 * 1024 * 1024) for _ in range(100)]  # 800 MB\n"
        "    return real(doc, quotes, *shared)\n"
        "d.STRICT = False\n"
        "d.extract_entities = greedy\n"
        "from tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = subprocess_env(tmp_path / "library", {"BRIEF_PURE": "1"})
    proc = subprocess.run(
        [sys.executable, "-c", code, "ingest", "--memory-limit", "64", str(src)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "article-0001.txt: too large to read (over 64 MB of memory" in proc.stderr
    assert proc.stderr.splitlines()[-1] == "ingested 1, updated 0, unchanged 0, failed 1"


@pytest.mark.parametrize("value", ["abc", "0", "-1", "inf", "nan", "1e400"])
def test_bad_memory_limits_are_usage_errors(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    write_articles(tmp_path / "src", 1)
    run = brief("ingest", "--memory-limit", value, str(tmp_path / "src"))
    assert run.code == 2 and len(run.err_lines) == 1 and "--memory-limit" in run.err
    run = brief("rebuild", "--memory-limit", value)
    assert run.code == 2 and "--memory-limit" in run.err
    monkeypatch.setenv("BRIEF_ARTICLE_MEMORY_MB", value)
    run = brief("list")
    assert run.code == 2 and run.err_lines == [run.err_lines[0]]
    assert "BRIEF_ARTICLE_MEMORY_MB" in run.err


# -- folders ---------------------------------------------------------------------------------


def test_folder_tree_1100_levels_deep(brief, tmp_path: Path) -> None:
    root = tmp_path / "deep"
    os.makedirs(root)
    fd = os.open(root, os.O_RDONLY)
    try:  # built with relative paths: the whole path is longer than some tools allow
        current = fd
        for _ in range(1100):
            os.mkdir("d", dir_fd=current)
            nxt = os.open("d", os.O_RDONLY, dir_fd=current)
            if current != fd:
                os.close(current)
            current = nxt
        with open(os.open("note.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=current), "w") as fh:
            fh.write("Deep note\n\nThe deepest folder holds a short note about tides.\n")
        os.close(current)
    finally:
        os.close(fd)
    run = brief("ingest", "-q", str(root))
    from bench.badinputs import _remove_deep_tree

    _remove_deep_tree(root / "d")  # shutil.rmtree (pytest's clean-up) would recurse
    run.assert_no_crash()
    assert "RecursionError" not in run.err
    assert run.err_lines[-1] in (
        "ingested 1, updated 0, unchanged 0, failed 0",
        # a path longer than the system allows is one line, not a crash
        "ingested 0, updated 0, unchanged 0, failed 1",
    )


def test_unknown_extensions_are_counted(brief, tmp_path: Path) -> None:
    src = tmp_path / "mixed"
    write_articles(src, 2)
    for name in ("scan.pdf", "photo.jpg", "photo2.jpg", "README"):
        (src / name).write_bytes(b"not an article")
    run = brief("ingest", str(src))
    assert run.code == 0
    assert run.err_lines[-2:] == [
        "skipped 4 files that are not articles (.jpg 2, (no extension) 1, .pdf 1): "
        "brief reads .txt, .md and .html files",
        "ingested 2, updated 0, unchanged 0, failed 0",
    ]
