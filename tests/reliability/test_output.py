"""One output boundary: whatever the CLI writes, to a terminal or a pipe, is inert,
and an output that cannot be written ends the command with one line.

Hostile text comes from saved-search names and queries, library paths, and a
store edited by another program (text that never passed through ingest).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.output import inert, json_text

from .conftest import CRASH_MARKERS, RAW_CONTROLS, REPO, subprocess_env, write_articles

EVIL = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\u2066 :skull: [red]x[/red]"


def cli(
    *args: str,
    library: Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    shell: str | None = None,
) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "tui.cli", *args]
    if shell is not None:
        cmd = ["sh", "-c", shell.replace("BRIEF", " ".join(f"'{c}'" for c in cmd))]
    return subprocess.run(
        cmd,
        cwd=REPO,
        env=subprocess_env(library, env),
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert not RAW_CONTROLS.findall(text), text
        assert "\x1b" not in text and "\x9b" not in text
        assert "💀" not in text  # no emoji rendered from input
        for marker in CRASH_MARKERS:
            assert marker not in text
        assert "internal error" not in text


def test_inert_escapes_controls_c1_bidi_and_surrogates() -> None:
    assert inert("a\x1b[2Jb\x9bc\u202ed\udcffe\n\tf") == "a\\x1b[2Jb\\x9bc\\u202ed\\udcffe\n\tf"
    assert inert("x\ny\tz", lines=False) == "x\\ny\\tz"
    assert json.loads(json_text({"k": "\x9b\u202e"})) == {"k": "\x9b\u202e"}
    assert "\x9b" not in json_text({"k": "\x9b"})


@pytest.fixture
def lib(brief, tmp_path: Path, library_dir: Path) -> Path:
    write_articles(tmp_path / "src", 3)
    assert brief("ingest", str(tmp_path / "src")).code == 0
    return library_dir


def test_saved_search_names_and_queries_are_inert(brief, lib: Path) -> None:
    run = brief("saved", "add", EVIL, "harbour")
    assert run.code == 2  # a name with control characters is refused, inertly
    assert_clean(run.out, run.err)
    run = brief("saved", "add", "plain", "harbour")
    assert run.code == 0
    # another program writes hostile names and queries into the store
    conn = sqlite3.connect(lib / "library.sqlite3")
    conn.execute("UPDATE saved_searches SET name=?", (EVIL,))
    conn.execute(
        "INSERT INTO saved_searches (name, query, created_at) VALUES (?, ?, '2024-01-01')",
        ("second", "harbour " + EVIL),
    )
    conn.commit()
    conn.close()
    for args in (("saved", "list"), ("saved", "list", "--json"), ("saved", "run", EVIL)):
        run = brief(*args)
        assert run.code == 0, (args, run.err)
        assert_clean(run.out, run.err)
    assert ":skull:" in brief("saved", "list").out  # shown as typed
    run = brief("saved", "rename", EVIL, "renamed")
    assert run.code == 0, run.err
    assert_clean(run.out, run.err)
    run = brief("saved", "run", "no such \x1b]0;t\x07 name")
    assert run.code == 2
    assert_clean(run.out, run.err)


def test_tampered_store_text_is_inert(brief, lib: Path) -> None:
    """Text written into the store by another program reaches no terminal raw."""
    conn = sqlite3.connect(lib / "library.sqlite3")
    for bid, data in conn.execute("SELECT id, data FROM briefings").fetchall():
        b = json.loads(data)
        b["title"] = EVIL
        b["summary"] = [EVIL]
        conn.execute("UPDATE briefings SET data=?, title=? WHERE id=?", (json.dumps(b), EVIL, bid))
    conn.commit()
    conn.close()
    assert brief("reindex").code == 0
    some_id = brief("list", "--json").out
    first = json.loads(some_id)[0]["id"]
    for args in (
        ("list",),
        ("list", "--json"),
        ("show", first),
        ("show", first, "--json"),
        ("search", "harbour"),
        ("search", "harbour", "--json"),
        ("related", first),
        ("export", first, "-o", "-"),
    ):
        run = brief(*args)
        assert run.code in (0, 1), (args, run.err)
        assert_clean(run.out, run.err)


def test_library_path_in_messages_is_inert(brief, tmp_path: Path) -> None:
    odd = tmp_path / "lib\x1b]0;t\x07\u202e:skull:"
    odd.write_text("not a folder")
    run = brief("--library", str(odd), "list")
    assert run.code in (1, 2)
    assert_clean(run.out, run.err)
    assert len(run.err_lines) == 1


def test_closed_stdout_is_one_line(lib: Path) -> None:
    proc = cli(library=lib, shell="BRIEF list >&-")
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "brief: cannot write the output: standard output is closed"
    ]


def test_full_stdout_is_one_line(lib: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    proc = cli(library=lib, shell="BRIEF list > /dev/full")
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == [
        "brief: cannot write the output: No space left on device"
    ]


@pytest.mark.parametrize(
    "args", [("list",), ("list", "--json"), ("search", "harbour"), ("show", "--json", "0")]
)
def test_broken_pipe_is_quiet(lib: Path, args: tuple[str, ...]) -> None:
    """The reader of the output is gone before anything is written (``| head -c1``
    on a long listing): no message, no "Exception ignored", exit 1."""
    if args[0] == "show":
        ids = json.loads(cli("list", "--json", library=lib).stdout)
        args = ("show", "--json", ids[0]["id"])
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=REPO,
        env=subprocess_env(lib),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert err == "", err


def test_ascii_output_encoding_falls_back_to_escapes(lib: Path, tmp_path: Path) -> None:
    src = tmp_path / "accents"
    src.mkdir()
    (src / "cafe.txt").write_text("Café owners in Zürich raise prices\n\nThe café said so.\n")
    proc = cli("ingest", str(src), library=lib)
    assert proc.returncode == 0, proc.stderr
    for args in (("list",), ("list", "--json"), ("search", "café"), ("saved", "list")):
        proc = cli(*args, library=lib, env={"PYTHONIOENCODING": "ascii", "LANG": "C"})
        out, err = proc.stdout.decode("ascii"), proc.stderr.decode("ascii")
        assert proc.returncode == 0, (args, err)
        assert_clean(out, err)
    proc = cli("list", library=lib, env={"PYTHONIOENCODING": "ascii"})
    assert "Caf\\xe9 owners in Z\\xfcrich" in proc.stdout.decode("ascii")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BRIEF_INDEX_LOCK_TIMEOUT", "abc"),
        ("BRIEF_INDEX_LOCK_TIMEOUT", "-5"),
        ("BRIEF_INDEX_BATCH", "abc"),
        ("BRIEF_INDEX_BATCH", "0"),
        ("BRIEF_INDEX_BATCH", "1.5"),
        ("BRIEF_MAX_ARTICLE_MB", "1e308"),
        ("BRIEF_MAX_ARTICLE_MB", "nan"),
        ("BRIEF_ARTICLE_SECONDS", "soon"),
    ],
)
def test_bad_settings_are_usage_errors_naming_the_variable(
    tmp_path: Path, name: str, value: str
) -> None:
    """In a fresh interpreter, since search.index reads two of them when imported."""
    proc = cli("list", library=tmp_path / "lib", env={name: value})
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.splitlines()) == 1 and name in err
    assert_clean(err)


def test_huge_max_size_option_is_a_usage_error(brief, tmp_path: Path) -> None:
    run = brief("ingest", "--max-size", "1e400", str(tmp_path))
    assert run.code == 2 and "--max-size" in run.err and len(run.err_lines) == 1


def test_read_only_log_folder_does_not_turn_a_crash_into_two(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.commands.library as commands

    state = tmp_path / "xdg-state"
    state.mkdir(exist_ok=True)
    (state / "brief").write_text("a file where the log folder should be")

    def boom(ctx, args):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(commands, "cmd_list", boom)
    import tui.cli

    parser = tui.cli.build_parser()
    assert parser  # the handler is bound when the parser is built
    monkeypatch.setattr(
        tui.cli,
        "build_parser",
        lambda: _with_handler(parser, "list", boom),
    )
    run = brief("list")
    assert run.code == 1
    assert len(run.err_lines) == 1
    assert "internal error: RuntimeError: simulated bug" in run.err
    assert "could not write the crash log" in run.err


def _with_handler(parser, command: str, handler):  # type: ignore[no-untyped-def]
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        sub = action.choices.get(command)
        if sub is not None:
            sub.set_defaults(handler=handler)
    return parser
