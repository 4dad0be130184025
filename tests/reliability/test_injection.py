"""Article text and file names that try to take over the terminal.

Rich markup, OSC 8 hyperlinks, CSI/OSC escapes, C1 controls and bidi overrides
in article text, Markdown front matter, HTML titles and file names. ``brief
show`` and ``brief list`` are captured with a terminal-like Rich console
(colours on, as on a real terminal): apart from Rich's own colour codes no
escape reaches it, and markup is shown literally, never interpreted.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from rich.console import Console

import tui.context
from bench.badinputs import INJECTION
from tui.output import SafeConsole

from .conftest import RAW_CONTROLS, strip_rich_styles

EVIL_NAME = "\x1b[2J\x1b]0;owned\x07[red]x\u202etxt.exe.txt"  # no "/": a name


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> dict[str, io.StringIO]:
    """Route the CLI's consoles to buffers that behave like a colour terminal."""
    buffers = {"out": io.StringIO(), "err": io.StringIO()}

    def console(*, stderr: bool = False, **kwargs: object) -> Console:
        kwargs.pop("file", None)
        return SafeConsole(
            file=buffers["err" if stderr else "out"],
            force_terminal=True,
            color_system="truecolor",
            width=120,
            **kwargs,  # type: ignore[arg-type]
        )

    monkeypatch.setattr(tui.context, "SafeConsole", console)
    monkeypatch.setattr(tui.context.Context, "interactive", property(lambda self: True))
    return buffers


@pytest.fixture
def injected(brief, tmp_path: Path) -> dict[str, str]:
    """Ingest the injection articles; return {name: briefing id}."""
    src = tmp_path / "evil"
    src.mkdir()
    (src / "injection.txt").write_text(INJECTION)
    (src / "front.md").write_text(
        "---\ntitle: '[red]Front[/red] \x1b[2J matter \u202eevil'\n"
        'author: "[link=file:///etc/passwd]Ana[/link]"\n---\n' + INJECTION
    )
    (src / "page.html").write_text(
        "<html><head><title>[bold]Page[/bold] \x1b]8;;http://x\x1b\\title</title></head>"
        "<body><article><p>"
        + "Officials said \x1b[31mred text\x1b[0m and [blink]markup[/blink] appeared. " * 6
        + "</p><p>"
        + "A second paragraph with \u202ereversed\u202c words was also seen today. " * 6
        + "</p></article></body></html>"
    )
    (src / EVIL_NAME).write_text("A plain title\n\nA plain body that says nothing much.\n")
    run = brief("ingest", str(src))
    assert run.code == 0, run.err
    run = brief("list", "--json")
    rows = json.loads(run.out)
    return {os.path.basename(r["origin"]): r["id"] for r in rows}


def assert_inert(raw: str) -> None:
    assert "\x1b]" not in raw  # no OSC (hyperlinks, window titles) at all
    assert "\x07" not in raw
    visible = strip_rich_styles(raw)
    bad = RAW_CONTROLS.findall(visible)
    assert not bad, sorted(set(bad))


def test_show_renders_injection_literally(brief, injected, terminal) -> None:
    run = brief("show", injected["injection.txt"])
    assert run.code == 0
    raw = terminal["out"].getvalue()
    assert_inert(raw)
    text = strip_rich_styles(raw)
    assert "[red]Red alert[/red]" in text  # markup shown, not applied
    assert "[link=file:///etc/passwd]click here[/link]" in text
    assert "␛[2J" in text  # the escape is visible as a stand-in
    assert "<U+202E>" in text


@pytest.mark.parametrize("name", ["front.md", "page.html", EVIL_NAME])
def test_show_of_every_injected_briefing_is_inert(brief, injected, terminal, name: str) -> None:
    run = brief("show", injected[name])
    assert run.code == 0
    assert_inert(terminal["out"].getvalue())


def test_front_matter_markup_is_literal(brief, injected, terminal) -> None:
    brief("show", injected["front.md"])
    text = strip_rich_styles(terminal["out"].getvalue())
    assert "[red]Front[/red]" in text
    assert "[link=file:///etc/passwd]Ana[/link]" in text or "Ana" in text


def test_list_table_is_inert(brief, injected, terminal) -> None:
    run = brief("list")
    assert run.code == 0
    raw = terminal["out"].getvalue()
    assert_inert(raw)
    assert "[red]Front[/red]" in strip_rich_styles(raw)


def test_piped_list_is_inert(brief, injected) -> None:
    run = brief("list")  # capsys: not a terminal, tab-separated lines
    assert run.code == 0
    assert_inert(run.out)
    for line in run.out.splitlines():
        assert line.count("\t") == 3


def test_json_is_inert_and_lossless(brief, injected) -> None:
    run = brief("show", injected[EVIL_NAME], "--json")
    assert_inert(run.out)
    assert "\u202e" not in run.out
    data = json.loads(run.out)
    assert os.path.basename(data["origin"]) == EVIL_NAME  # the escapes decode back
    listing = brief("list", "--json")
    assert_inert(listing.out)
    assert "\u202e" not in listing.out


def test_error_lines_naming_evil_files_are_inert(brief, tmp_path: Path) -> None:
    brief("--demo", "list")  # seed the samples first
    src = tmp_path / "names"
    src.mkdir()
    (src / ("empty" + EVIL_NAME)).write_bytes(b"")
    run = brief("ingest", str(src), str(tmp_path / EVIL_NAME))
    assert run.code == 1
    assert_inert(run.err)
    assert "\\x1b[2J" in run.err and "\\u202e" in run.err
    assert len(run.err_lines) == 3  # two errors and the summary


def test_progress_output_is_inert(brief, tmp_path: Path, terminal) -> None:
    """On a terminal ingest draws a progress bar naming each file: inert too."""
    src = tmp_path / "many"
    src.mkdir()
    for i in range(3):
        (src / f"{i}{EVIL_NAME}").write_text(f"Title {i}\n\nBody {i} of the note.\n")
    (src / f"bad{EVIL_NAME}").write_bytes(b"\x00" * 100)
    run = brief("ingest", str(src))
    assert run.code == 1
    raw = terminal["err"].getvalue()
    # Rich's own progress-bar controls: SGR, erase line, cursor up, cursor show/hide, CR
    raw = re.sub(r"\x1b\[(?:[0-9;]*[mKA]|\?25[lh])|\r", "", raw)
    assert_inert(raw)
    assert "\\x1b[2J" in raw  # the file names were shown, escaped


def test_exports_are_inert_and_stay_in_their_folder(brief, injected, tmp_path: Path) -> None:
    """Markdown exports (the export engineer's) strip or escape the same payloads,
    including the stored article text, and names made from titles stay inside
    the export folder."""
    out = tmp_path / "exports"
    ids = list(injected.values())
    run = brief("export", *ids, "--with-source", "--dir", str(out))
    assert run.code == 0, run.err
    dossier = brief("export", *ids, "--dossier", "--with-source", "-o", "-")
    assert dossier.code == 0, dossier.err
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) == len(ids)
    for path in files:
        assert path.resolve().parent == out.resolve()
        assert not RAW_CONTROLS.search(path.name)
        assert not RAW_CONTROLS.search(path.read_text())
    assert not RAW_CONTROLS.search(dossier.out)


@pytest.mark.parametrize("query", ["alert", "markup", "officials", "plain"])
def test_search_results_are_inert(brief, injected, terminal, query: str) -> None:
    """``brief search`` (the search engineer's) on a terminal, piped and as JSON."""
    run = brief("search", query)
    assert run.code == 0, run.err
    assert_inert(terminal["out"].getvalue())
    assert_inert(terminal["err"].getvalue())
    as_json = brief("search", query, "--json")
    assert_inert(as_json.out)
    assert "\u202e" not in as_json.out


def test_piped_search_is_inert(brief, injected) -> None:
    run = brief("search", "alert OR markup OR officials OR plain")
    assert run.code == 0
    assert_inert(run.out)
    for line in run.out.splitlines():
        assert line.count("\t") == 4
