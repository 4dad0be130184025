"""Several ``brief`` processes on one library at once: no lock errors, nothing lost.

SQLite in WAL mode lets readers work during a write; writers queue on a busy
timeout (BEGIN IMMEDIATE), and derivation happens outside any transaction, so
writes are short. These tests check that the counts add up exactly.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from briefings.library import Library

from .conftest import REPO, Run, snapshot, store_problems, subprocess_env, write_articles

SUMMARY = re.compile(r"ingested (\d+), updated (\d+), unchanged (\d+), failed (\d+)")


def run_together(library: Path, *commands: list[str]) -> list[Run]:
    """Start every command at once (same moment, fresh library allowed), wait for all."""
    env = subprocess_env(library, {"BRIEF_NO_SAMPLES": "1"})
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tui.cli", *cmd],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for cmd in commands
    ]
    runs = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        runs.append(Run(proc.returncode, out.decode(), err.decode()))
    for run in runs:
        run.assert_no_crash()
        assert "locked" not in run.err.lower() and "busy" not in run.err.lower(), run.err
    return runs


def counts(run: Run) -> tuple[int, int, int, int]:
    match = SUMMARY.search(run.err_lines[-1])
    assert match, run.err
    a, b, c, d = (int(x) for x in match.groups())
    return a, b, c, d


def test_two_ingests_disjoint_inputs_on_a_new_library(tmp_path: Path) -> None:
    library = tmp_path / "shared-library"
    write_articles(tmp_path / "a", 120)
    write_articles(tmp_path / "b", 120, start=500)
    runs = run_together(
        library, ["ingest", "-q", str(tmp_path / "a")], ["ingest", "-q", str(tmp_path / "b")]
    )
    assert [r.code for r in runs] == [0, 0]
    assert [counts(r) for r in runs] == [(120, 0, 0, 0), (120, 0, 0, 0)]
    assert len(snapshot(library)) == 240
    assert store_problems(library) == []


def test_two_ingests_of_the_same_files(tmp_path: Path) -> None:
    """Overlapping inputs: each file is stored once; between them the two runs
    report every file exactly once as ingested (the other sees it unchanged)."""
    library = tmp_path / "shared-library"
    write_articles(tmp_path / "same", 150)
    runs = run_together(
        library,
        ["ingest", "-q", str(tmp_path / "same")],
        ["ingest", "-q", str(tmp_path / "same")],
    )
    assert [r.code for r in runs] == [0, 0]
    (i1, u1, k1, f1), (i2, u2, k2, f2) = counts(runs[0]), counts(runs[1])
    assert i1 + k1 == 150 and i2 + k2 == 150 and u1 == u2 == f1 == f2 == 0
    assert i1 + i2 == 150
    assert len(snapshot(library)) == 150
    assert store_problems(library) == []


def test_four_processes_open_a_new_library_at_once(tmp_path: Path) -> None:
    """Creating the store (schema, WAL switch) and seeding the samples race safely."""
    library = tmp_path / "fresh"
    env = subprocess_env(library)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tui.cli", "--demo", "list", "--json"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        assert b"Traceback" not in err and b"locked" not in err
    assert len(snapshot(library)) == 5  # the samples, once
    assert store_problems(library) == []


def test_reads_while_another_process_writes(tmp_path: Path) -> None:
    """Store-level reads (what the reader does) during an ingest: never an error,
    never a half briefing, and the count only grows."""
    library = tmp_path / "busy"
    write_articles(tmp_path / "in", 200)
    with Library(library):
        pass  # create it first, so the reader below can open it at once
    env = subprocess_env(library, {"BRIEF_NO_SAMPLES": "1"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "-q", str(tmp_path / "in")],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seen: list[int] = []
    errors: list[BaseException] = []

    def read_until_done() -> None:
        try:
            with Library(library) as lib:
                while True:
                    done = proc.poll() is not None
                    rows = lib.summaries()
                    if rows:
                        lib.get_many([r.id for r in rows[:50]])  # whole briefings validate
                    seen.append(len(rows))
                    if done:
                        return
        except BaseException as exc:
            errors.append(exc)

    reader = threading.Thread(target=read_until_done)
    reader.start()
    reader.join(timeout=600)
    _out, err = proc.communicate(timeout=600)
    assert errors == []
    assert proc.returncode == 0, err
    assert seen == sorted(seen) and seen[-1] == 200
    assert len(seen) > 1


@pytest.mark.parametrize("command", [["list"], ["show", "FIRST"], ["check"]])
def test_readers_never_wait_on_a_writer(tmp_path: Path, command: list[str]) -> None:
    """A command that only reads runs while another process holds the write lock."""
    library = tmp_path / "locked"
    write_articles(tmp_path / "in", 3)
    run_together(library, ["ingest", "-q", str(tmp_path / "in")])
    first = sorted(snapshot(library))[0][:8]
    args = [first if c == "FIRST" else c for c in command]
    with Library(library) as writer, writer.transaction() as conn:
        conn.execute("UPDATE meta SET value=value WHERE key='schema_version'")
        proc = subprocess.run(
            [sys.executable, "-m", "tui.cli", *args],
            cwd=REPO,
            env=subprocess_env(library, {"BRIEF_NO_SAMPLES": "1"}),
            capture_output=True,
            timeout=120,
        )
    assert proc.returncode == 0, proc.stderr
