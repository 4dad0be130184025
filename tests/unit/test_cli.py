"""The ``brief`` command end to end, in process."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

from tui.cli import main

REQUIRED_KEYS = {
    "id", "title", "dek", "author", "published", "source", "origin", "summary", "quotes",
    "figures", "entities", "keywords", "related", "body", "extractor_version",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_seeds_samples_and_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--demo", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 5
    assert "added the 5 bundled sample articles" in err
    # second run: no second seeding message
    code, out, err = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 5 and err == ""


@pytest.mark.parametrize(
    "args",
    [["list", "--json"], ["search", "chips"], ["show", "ab"], ["stories"], ["who", "Tsai"]],
)
def test_reading_commands_never_seed_a_named_library(
    library_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    # $BRIEF_LIBRARY (set for every test) names the library: an empty one stays empty.
    from briefings.library import Library

    Library(library_dir).close()  # an empty library the user made
    _, _, err = run(capsys, *args)
    assert "sample" not in err
    with Library(library_dir) as lib:
        assert lib.count() == 0
    _, _, err = run(capsys, "--library", str(library_dir), *args)
    assert "sample" not in err
    with Library(library_dir) as lib:
        assert lib.count() == 0


def test_reading_commands_never_seed_the_default_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the reader seeds (an empty default library), never `list`, `search`, `show`.
    monkeypatch.delenv("BRIEF_LIBRARY")
    code, out, err = run(capsys, "list", "--json")
    assert code == 0 and json.loads(out) == [] and "sample" not in err


def test_a_missing_named_library_is_an_error_for_reading_commands(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "list")
    assert code == 1 and "no library at" in err and not library_dir.exists()


@pytest.mark.usefixtures("samples")
def test_show_by_prefix_has_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "--json")
    first = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "show", first[:6], "--json")
    assert code == 0
    data = json.loads(out)
    assert data.keys() >= REQUIRED_KEYS
    assert data["id"] == first


def test_ingest_reports_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(f"Headline number {i}\n\nBody paragraph {i} with words.\n")
    code, _, err = run(capsys, "ingest", str(src))
    assert code == 0 and "ingested 3, updated 0, unchanged 0, failed 0" in err
    (src / "1.txt").write_text("Headline number 1\n\nA changed body.\n")
    code, _, err = run(capsys, "ingest", str(src))
    assert "ingested 0, updated 1, unchanged 2, failed 0" in err


def test_bad_files_get_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("A headline\n\nA body.\n")
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    locked = src / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    real_open = builtins.open

    def guarded_open(file, *a, **k):  # root ignores chmod; simulate the denial
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded_open)
    code, _, err = run(capsys, "ingest", str(src))
    lines = err.strip().splitlines()
    assert code == 1
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("binary.txt: binary file" in line for line in lines)
    assert any("locked.txt: permission denied" in line for line in lines)
    assert lines[-1] == "ingested 1, updated 0, unchanged 0, failed 3"
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show")
    assert code == 2 and "required" in err
    code, _, err = run(capsys, "nonsense")
    assert code == 2


@pytest.mark.usefixtures("samples")
def test_unknown_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "list")
    code, _, err = run(capsys, "show", "ffffffffff")
    assert code == 1 and err.count("\n") == 1 and "no briefing" in err


def test_corrupt_library_is_one_line(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library_dir.mkdir(parents=True)
    (library_dir / "library.sqlite3").write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "list")
    assert code == 1 and "not a readable brief library" in err and err.count("\n") == 1


@pytest.mark.usefixtures("samples")
def test_rebuild_rederives_everything(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "list")
    code, _, err = run(capsys, "rebuild", "--all")
    assert code == 0 and "rebuilt 5, failed 0" in err


def test_the_reader_starts_without_loading_the_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading every command module costs a quarter of a second before the first frame.
    import tui.cli
    import tui.commands.reader

    def no_parser() -> None:
        raise AssertionError("the reader does not need the full parser")

    started: list[str] = []
    monkeypatch.setattr(tui.cli, "build_parser", no_parser)
    monkeypatch.setattr(tui.commands.reader, "terminal", lambda: True)
    monkeypatch.setattr(
        tui.commands.reader, "run_reader", lambda ctx, args: started.append(args.library) or 0
    )
    assert main([]) == 0 and main(["--library", "elsewhere"]) == 0
    assert started == [None, "elsewhere"]


def test_a_new_library_opened_in_the_reader_gets_its_index_and_related_lists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The reader skips loading the command modules, but a new library's samples still
    # need the index sync that the search commands register.
    import sys

    import tui.app
    import tui.context
    from briefings.library import Library

    monkeypatch.setattr(tui.context, "AFTER_CHANGE", [])
    monkeypatch.setattr(tui.context, "WHILE_CHANGING", [])
    monkeypatch.delitem(sys.modules, "tui.commands.search", raising=False)

    class NoApp:
        return_code = 0

        def run(self) -> None:
            pass

    import tui.commands.reader

    monkeypatch.setattr(tui.app, "make_app", lambda folder, **kw: NoApp())
    monkeypatch.setattr(tui.commands.reader, "terminal", lambda: True)
    # the samples go into the default library only (not one named with --library)
    monkeypatch.delenv("BRIEF_LIBRARY")
    assert main([]) == 0
    with Library(tmp_path / "xdg-data" / "brief") as lib:
        assert lib.count() == 5
        assert not lib.pending_index_ops()
        assert all(b.related for b in lib.get_many(lib.ids()))


def test_the_reader_start_does_not_import_the_store_module() -> None:
    # briefings.library brings pydantic and the models: about 180 ms of CPU that the
    # first frame of `brief` no longer waits for (the reader's worker loads them).
    import subprocess
    import sys

    code = (
        "import sys, tui.cli, tui.commands.reader, tui.app\n"
        "from tui.context import Context\n"
        "Context.create(None)\n"
        "print(sorted(m for m in ('pydantic', 'briefings.library', 'whoosh') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_reader_constants_agree_with_the_store(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefings.library
    import tui.context

    assert tui.context.DB_NAME == briefings.library.DB_NAME
    assert tui.context.ENV_LIBRARY == briefings.library.ENV_LIBRARY
    assert tui.context.default_library_dir() == briefings.library.default_library_dir()
    monkeypatch.delenv("BRIEF_LIBRARY")
    assert tui.context.default_library_dir() == briefings.library.default_library_dir()


def test_an_existing_empty_default_library_gets_the_samples_in_the_reader(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # `brief list` made the default library (empty, no samples); `brief` then seeds it,
    # in the reader's loading worker rather than before the first frame.
    import tui.app
    import tui.commands.reader
    from briefings.library import Library

    monkeypatch.delenv("BRIEF_LIBRARY")
    assert main(["list"]) == 0
    made: list[dict[str, object]] = []

    class NoApp:
        return_code = 0

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui.app, "make_app", lambda folder, **kw: made.append(kw) or NoApp())
    monkeypatch.setattr(tui.commands.reader, "terminal", lambda: True)
    assert main([]) == 0
    assert made == [{"seed_samples": True}]
    with Library(tmp_path / "xdg-data" / "brief") as lib:
        assert lib.count() == 0  # not before the first frame
    named = tmp_path / "named"
    Library(named).close()
    assert main(["--library", str(named)]) == 0
    assert made[-1] == {"seed_samples": False}
