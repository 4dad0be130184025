"""Hostile queries end in one line quickly; exports never link, never replace what
is not a file, and a killed export leaves nothing behind; one exit-code rule."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO, subprocess_env, write_articles


@pytest.fixture
def lib(brief, tmp_path: Path, library_dir: Path) -> Path:
    write_articles(tmp_path / "src", 4)
    assert brief("ingest", str(tmp_path / "src")).code == 0
    return library_dir


HOSTILE_QUERIES = {
    "250 nested parentheses": "(" * 250 + "harbour" + ")" * 250,
    "3,000 nested parentheses": "(" * 3000 + "harbour" + ")" * 3000,
    "10,000 NOTs": "NOT " * 10_000 + "harbour",
    "5,000-word phrase": '"' + " ".join(["harbour"] * 5000) + '"',
    "economy AND x 10,000": "economy AND " * 10_000 + "economy",
    "17,000 characters": "harbour " * 2125,
    "300 terms": " ".join(f"w{i}" for i in range(300)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_QUERIES))
def test_hostile_queries_are_one_line_usage_errors(brief, lib: Path, name: str) -> None:
    query = HOSTILE_QUERIES[name]
    for args in (("search", query), ("saved", "add", "x", query), ("export", "--query", query)):
        start = time.perf_counter()
        run = brief(*args)
        run.assert_no_crash()
        assert time.perf_counter() - start < 5
        assert run.code == 2, (name, args[0], run.err[:300])
        assert len(run.err_lines) == 1
        assert "recursion" not in run.err.lower()


@pytest.mark.parametrize(
    "query",
    ["date:9999-12-31", "after:9999-12-31", "before:0001-01-01", "date:9999", "date:9999-12"],
)
def test_dates_at_the_ends_of_the_calendar(brief, lib: Path, query: str) -> None:
    run = brief("search", query)
    run.assert_no_crash()
    assert run.code == 1  # nothing found
    run = brief("saved", "add", "edge", query)
    run.assert_no_crash()
    assert run.code == 0
    run = brief("saved", "list")
    run.assert_no_crash()
    assert run.code == 0 and "edge" in run.out
    run = brief("export", "--query", query, "-o", "-")
    run.assert_no_crash()
    assert run.code == 1 and "nothing to export" in run.err


def test_wildcards_expand_to_a_bounded_number_of_words(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import search.query

    src = tmp_path / "items"
    src.mkdir()
    for i in range(4):
        (src / f"i{i}.txt").write_text(
            f"Inventory note {i}\n\nThe store counted zqitem{i} on the shelf this morning.\n"
        )
    assert brief("ingest", str(src)).code == 0
    assert json.loads(brief("search", "zqitem*", "--json").out)["total"] == 4
    monkeypatch.setattr(search.query, "MAX_PREFIX_TERMS", 2)
    # only the first two words in index order (zqitem0, zqitem1) are looked for
    assert json.loads(brief("search", "zqitem*", "--json").out)["total"] == 2


# -- exit codes (one rule: 0 found, 1 nothing found or some inputs failed, 2 usage) ----------


def test_exit_code_rule(brief, lib: Path, tmp_path: Path) -> None:
    assert brief("search", "harbour").code == 0
    assert brief("search", "zebra").code == 1
    assert brief("search", "zebra", "--json").code == 1
    assert brief("export", "--query", "zebra", "-o", "-").code == 1
    assert brief("search", "(").code == 2
    for args in (
        ("saved", "run", "nope"),
        ("saved", "rm", "nope"),
        ("saved", "rename", "nope", "other"),
        ("export", "--saved", "nope"),
    ):
        run = brief(*args)
        assert run.code == 2, (args, run.err)
        assert len(run.err_lines) == 1
    assert brief("saved", "add", "z", "zebra").code == 0
    assert brief("saved", "run", "z").code == 1
    from tui.cli import build_parser

    assert "0 found" in " ".join(build_parser().format_help().split())


def test_export_of_several_ids_skips_existing_files_and_says_so(
    brief, lib: Path, tmp_path: Path
) -> None:
    ids = [r["id"] for r in json.loads(brief("list", "--json").out)]
    out = tmp_path / "out"
    first = brief("export", ids[0], "--dir", str(out))
    assert first.code == 0
    (existing,) = [Path(line) for line in first.out.splitlines()]
    before = existing.read_bytes()
    run = brief("export", ids[0], ids[1], "--dir", str(out))
    assert run.code == 1
    assert run.err_lines[0] == f"skipped {existing}: it exists (use --force to overwrite it)"
    assert len(run.out.splitlines()) == 1  # the second file was written
    assert len(list(out.glob("*.md"))) == 2
    assert existing.read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".brief-")]


# -- exports ------------------------------------------------------------------------------


def test_bare_urls_in_article_text_are_not_links(brief, tmp_path: Path) -> None:
    src = tmp_path / "links"
    src.mkdir()
    (src / "links.txt").write_text(
        "Harbour links everywhere\n\n"
        "The harbour site http://evil.example/x and https://evil.example/y were named, "
        "with www.evil.example and ftp://files.example too.\n\n"
        "Write to press@evil.example for more, said the harbour master on Tuesday.\n"
    )
    assert brief("ingest", str(src)).code == 0
    bid = json.loads(brief("search", "harbour", "--json").out)["hits"][0]["id"]
    md = brief("export", bid, "--with-source", "-o", "-").out
    body = md.split("\n---\n", 1)[1]
    import re

    assert not re.search(r"(?<!\\)\b(?:https?|ftp):", body), body
    assert not re.search(r"(?<![\\\w.])www\.", body)
    assert not re.search(r"\w(?<!\\)@\w", body)
    assert "http\\://evil.example/x" in body and "www\\.evil.example" in body


def test_output_never_replaces_a_device_fifo_folder_or_link(
    brief, lib: Path, tmp_path: Path
) -> None:
    bid = json.loads(brief("list", "--json").out)[0]["id"]
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    target = tmp_path / "target.md"
    target.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    for path, what in (
        (Path("/dev/null"), "a device"),
        (fifo, "a FIFO"),
        (link, "a symbolic link"),
        (dangling, "a symbolic link"),
    ):
        run = brief("export", bid, "-o", str(path), "--force")
        run.assert_no_crash()
        assert run.code == 1, (path, run.err)
        assert run.err_lines == [
            f"brief: {path} is {what}, not a regular file: brief will not replace it"
        ]
    assert Path("/dev/null").is_char_device()
    assert target.read_text() == "keep me" and link.is_symlink()
    assert not list(Path("/dev").glob(".brief-*"))
    regular = tmp_path / "regular.md"
    regular.write_text("old")
    assert brief("export", bid, "-o", str(regular), "--force").code == 0
    assert regular.read_text() != "old"


def test_sigkill_during_export_leaves_nothing_and_a_rerun_works(lib: Path, tmp_path: Path) -> None:
    """An export of many files killed at random moments: never a partial file in the
    export folder, leftovers gone after the next export, which completes."""
    write_articles(tmp_path / "many", 150, start=200)
    env = subprocess_env(lib)
    subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "-q", str(tmp_path / "many")],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    ids = [
        r["id"]
        for r in json.loads(
            subprocess.run(
                [sys.executable, "-m", "tui.cli", "list", "--json"],
                cwd=REPO,
                env=env,
                capture_output=True,
                check=True,
            ).stdout
        )
    ]
    out = tmp_path / "exported"
    cmd = [sys.executable, "-m", "tui.cli", "export", *ids, "--dir", str(out)]
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for md in out.glob("*.md") if out.exists() else []:
            text = md.read_text()
            assert text.startswith("---\n") and text.endswith("\n"), md
    final = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=300)
    assert final.returncode in (0, 1), final.stderr
    assert b"Traceback" not in final.stderr
    assert len(list(out.glob("*.md"))) == len(ids)
    assert not [p for p in out.iterdir() if p.name.startswith(".brief-")]
    again = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=300)
    assert again.returncode == 1  # everything exists: skipped and said so


# -- the reader's boundary with the CLI -----------------------------------------------------


def test_brief_with_stdout_not_a_terminal_prints_the_list(lib: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli"],
        cwd=REPO,
        env=subprocess_env(lib),
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0
    assert b"\x1b" not in proc.stdout
    assert len(proc.stdout.decode().splitlines()) == 4


def test_mistyped_library_folder_is_an_error(brief, tmp_path: Path) -> None:
    missing = tmp_path / "mistyped"
    for args in (("list",), ("search", "x"), ("show", "abc"), ("saved", "list")):
        run = brief("--library", str(missing), *args)
        assert run.code == 1, args
        assert len(run.err_lines) == 1 and "no library at" in run.err
    assert not missing.exists()


def test_ingest_and_named_libraries_get_no_samples(brief, tmp_path: Path) -> None:
    write_articles(tmp_path / "src", 2)
    named = tmp_path / "named"
    run = brief("--library", str(named), "ingest", str(tmp_path / "src"))
    assert run.code == 0 and "sample" not in run.err
    assert len(json.loads(brief("--library", str(named), "list", "--json").out)) == 2
    run = brief("ingest", str(tmp_path / "src"))  # the default (test) library
    assert "sample" not in run.err


def test_demo_adds_the_samples_to_a_named_library(brief, tmp_path: Path) -> None:
    named = tmp_path / "demo"
    run = brief("--library", str(named), "--demo", "list", "--json")
    assert run.code == 0, run.err
    assert len(json.loads(run.out)) == 5
    assert "bundled sample articles" in run.err
