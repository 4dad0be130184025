"""The bad-input campaign (``bench/badinputs.py``) through ``brief ingest``.

For every case: one clear line naming the file and the reason, or a sensible
briefing; the run goes on; the exit code says what happened; no traceback;
and nothing that was already stored changes.
"""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

from bench.badinputs import Case, generate, restore_permissions
from briefings.ingest import display_path
from briefings.library import Library
from briefings.models import briefing_id_for

from .conftest import brief_subprocess, snapshot, store_problems, write_articles

SPECIAL_OK = {"text", "html", "skip", "10000"}


def origin_of(path: Path) -> str:
    """The origin ingest records for a file (its absolute path, undecodable bytes escaped)."""
    return (
        os.fsdecode(os.path.abspath(path))
        .encode("utf-8", "surrogateescape")
        .decode("utf-8", "backslashreplace")
    )


@pytest.fixture
def campaign(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = tmp_path / "bad"
    cases = generate(root)
    yield root, cases
    restore_permissions(root)


@pytest.fixture
def stocked(brief, tmp_path: Path, library_dir: Path):  # type: ignore[no-untyped-def]
    """A library with the samples and three articles of our own, and its snapshot."""
    write_articles(tmp_path / "good", 3)
    run = brief("ingest", str(tmp_path / "good"))
    assert run.code == 0, run.err
    before = snapshot(library_dir)
    assert len(before) == 3  # ingest adds no samples
    return before


def check_campaign(root: Path, cases: list[Case], code: int, err: str, library_dir: Path) -> None:
    # the one progress note of a large sync is not about any file
    # and the notes that a file's text is already in the library under another path
    lines = [
        line
        for line in err.splitlines()
        if not line.startswith("updating the search index") and ": same text as " not in line
    ]
    failures = [c for c in cases if c.expect == "fail"]
    oks = [c for c in cases if c.expect == "ok" and c.reason != "skip"]
    assert code == 1, err
    # exactly one line per failing file, naming it and the reason
    for case in failures:
        label = display_path(root / case.path)
        named = [line for line in lines if line.startswith(f"error: {label}: ")]
        assert len(named) == 1, (case.path, lines)
        assert case.reason in named[0], (case.path, named[0])
    assert len(lines) == len(failures) + 1, lines  # plus the summary line
    with Library(library_dir) as lib:
        for case in oks:
            if case.path.endswith("/"):
                continue
            b = lib.get(briefing_id_for(origin_of(root / case.path)))
            assert b.body, case.path
            if case.reason not in SPECIAL_OK:
                assert b.title == case.reason, case.path
    assert store_problems(library_dir) == []


def test_campaign_in_process(brief, campaign, stocked, library_dir: Path) -> None:
    root, cases = campaign
    run = brief("ingest", str(root))
    run.assert_no_crash()
    check_campaign(root, cases, run.code, run.err, library_dir)
    n_ok = sum(1 for c in cases if c.expect == "ok" and c.reason != "skip")
    n_fail = sum(1 for c in cases if c.expect == "fail")
    assert run.err_lines[-1] == f"ingested {n_ok}, updated 0, unchanged 0, failed {n_fail}"
    after = snapshot(library_dir)
    assert {k: after[k] for k in stocked} == stocked  # nothing stored before changed
    # a second run changes nothing at all
    again = brief("ingest", str(root))
    again.assert_no_crash()
    assert again.code == 1
    assert again.err_lines[-1] == f"ingested 0, updated 0, unchanged {n_ok}, failed {n_fail}"
    assert snapshot(library_dir) == after


@pytest.mark.slow  # about 45 s: the in-process run above covers every case in make test
def test_campaign_in_a_subprocess(campaign, stocked, library_dir: Path) -> None:
    """The same through a fresh interpreter: nothing else is printed, no warnings."""
    root, cases = campaign
    run = brief_subprocess("ingest", str(root), library=library_dir)
    run.assert_no_crash()
    check_campaign(root, cases, run.code, run.err, library_dir)
    assert run.out == ""
    after = snapshot(library_dir)
    assert {k: after[k] for k in stocked} == stocked


def test_each_case_alone_has_the_right_exit_code(brief, campaign, library_dir: Path) -> None:
    root, cases = campaign
    families: set[str] = set()
    for case in cases:
        path = root / case.path
        if case.reason == "skip" or (path.is_file() and path.stat().st_size > 100_000):
            continue  # the large ones are covered by the campaign runs above
        family = case.path.split("/")[0] + case.path.split("/")[-1][:4]
        if "/" in case.path and family in families:
            continue  # one of each family of the second campaign: the rest run above
        families.add(family)
        run = brief("ingest", "-q", str(path))
        run.assert_no_crash()
        assert run.code == (0 if case.expect == "ok" else 1), (case.path, run.err)
        lines = [line for line in run.err_lines if ": same text as " not in line]
        assert len(lines) == (1 if case.expect == "ok" else 2), (case.path, run.err)
    assert store_problems(library_dir) == []


def test_file_vanishes_or_loses_permission_after_discovery(
    brief, tmp_path: Path, stocked, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files change between discovery and reading: deleted, made unreadable,
    replaced by a folder, or by a FIFO. Simulated deterministically by doing it
    right after the real discovery returns."""
    import tui.commands.library as commands

    src = tmp_path / "race"
    paths = write_articles(src, 6, start=100)
    gone, locked, to_dir, to_fifo = paths[:4]
    real_discover = commands.discover

    def discover_then_mutate(args: list[str], **kwargs):  # type: ignore[no-untyped-def]
        found = list(real_discover(args, **kwargs))
        gone.unlink()
        locked.chmod(0)
        to_dir.unlink()
        to_dir.mkdir()
        to_fifo.unlink()
        os.mkfifo(to_fifo)
        return iter(found)

    real_open = builtins.open

    def denying_open(file, *a, **k):  # type: ignore[no-untyped-def]  # root ignores mode 000
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(commands, "discover", discover_then_mutate)
    monkeypatch.setattr(builtins, "open", denying_open)
    run = brief("ingest", str(src))
    locked.chmod(0o644)
    run.assert_no_crash()
    assert run.code == 1
    lines = run.err_lines
    assert f"error: {gone}: file disappeared before it could be read" in lines
    assert f"error: {locked}: permission denied" in lines
    assert f"error: {to_dir}: is a directory" in lines
    assert f"error: {to_fifo}: not a regular file" in lines
    assert lines[-1] == "ingested 2, updated 0, unchanged 0, failed 4"
    after = snapshot(library_dir)
    assert {k: after[k] for k in stocked} == stocked


def test_unreadable_folder_during_walk(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "tree"
    write_articles(src / "open", 2)
    write_articles(src / "shut", 2, start=10)
    real_scandir = os.scandir

    def scandir(path=".", *a, **k):  # type: ignore[no-untyped-def]
        if str(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *a, **k)

    monkeypatch.setattr(os, "scandir", scandir)
    run = brief("ingest", str(src))
    run.assert_no_crash()
    assert run.code == 1
    assert f"error: {src / 'shut'}: Permission denied" in run.err_lines
    assert run.err_lines[-1] == "ingested 2, updated 0, unchanged 0, failed 1"


def test_exit_codes(brief, tmp_path: Path) -> None:
    write_articles(tmp_path / "ok", 2)
    assert brief("ingest", str(tmp_path / "ok")).code == 0
    assert brief("ingest", str(tmp_path / "missing")).code == 1
    assert brief("ingest").code == 2
    assert brief("ingest", "-", "-").code == 2
    assert brief("ingest", "--max-size", "lots", str(tmp_path / "ok")).code == 2


def test_binary_on_stdin(tmp_path: Path, library_dir: Path) -> None:
    import subprocess
    import sys

    from .conftest import REPO, subprocess_env

    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "-"],
        input=b"\x00\x01\x02\xff" * 500,
        cwd=REPO,
        env=subprocess_env(library_dir, {"BRIEF_NO_SAMPLES": "1"}),
        capture_output=True,
        timeout=120,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.splitlines() == [
        "error: <stdin>: binary file, not an article",
        "ingested 0, updated 0, unchanged 0, failed 1",
    ]


@pytest.mark.slow
def test_slow_cases_50mb_and_10000_files(tmp_path: Path, library_dir: Path) -> None:
    root = tmp_path / "slow"
    cases = [c for c in generate(root, slow=True) if c.slow]
    restore_permissions(root)  # also takes the 1,100-level tree apart (rmtree recurses)
    assert {c.path for c in cases} == {"big-50mb.txt", "many/"}
    big = brief_subprocess("ingest", str(root / "big-50mb.txt"), library=library_dir)
    big.assert_no_crash()
    assert big.code == 1
    assert big.err_lines[-2].startswith(f"error: {root / 'big-50mb.txt'}: too large (50.0 MB")
    before = snapshot(library_dir)
    many = brief_subprocess("ingest", "-q", str(root / "many"), library=library_dir)
    many.assert_no_crash()
    assert many.code == 0, many.err[-500:]
    assert many.err_lines[-1] == "ingested 10000, updated 0, unchanged 0, failed 0"
    after = snapshot(library_dir)
    assert len(after) == len(before) + 10_000
    assert {k: after[k] for k in before} == before
    assert store_problems(library_dir) == []
