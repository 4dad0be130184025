"""SIGKILL ``brief ingest`` at random points: the store is never half-written.

Twenty rounds over a folder of 300 generated articles. Each round kills an
ingest after a seeded random delay, then checks the store (SQLite integrity,
every row a valid ``Briefing`` of its own id and origin, no duplicates, the
outbox consistent), that the library still opens and lists, and that a re-run
ingests what was missing: the final count equals the number of files and every
stored briefing is of the file's current content. The search index (kept in
line through the store's ``index_outbox``) is repaired on the next start:
``brief search`` finds every briefing and ``brief check`` finds nothing to fix. Rounds alternate between a
fresh library (kills during creation and first inserts) and updates of a
random share of the files (kills while rows are replaced).

The delays are scaled to how long an uninterrupted run takes on this machine,
so the kills land inside the work on slow and fast machines alike; nothing
asserts on speed.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefings.library import Library
from briefings.models import content_hash
from search import SearchIndex

from .conftest import REPO, brief_subprocess, store_problems, subprocess_env, write_articles

ROUNDS = 20
FILES = 300
SEED = 20_240_808


def _popen_ingest(src: Path, library: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "-q", str(src)],
        cwd=REPO,
        env=subprocess_env(library, {"BRIEF_NO_SAMPLES": "1"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _duration(src: Path, library: Path) -> float:
    start = time.monotonic()
    run = brief_subprocess("ingest", "-q", str(src), library=library)
    assert run.code == 0, run.err
    return time.monotonic() - start


def _check_complete(src: Path, library: Path) -> None:
    """A re-run ingests what was missing; then every file has its current briefing."""
    run = brief_subprocess("ingest", "-q", str(src), library=library, env={"BRIEF_NO_SAMPLES": "1"})
    run.assert_no_crash()
    assert run.code == 0, run.err
    assert run.err_lines[-1].endswith("failed 0"), run.err
    files = {str(p.resolve()): content_hash(p.read_text()) for p in src.iterdir()}
    with Library(library) as lib:
        stored = {
            row[0]: row[1]
            for row in lib.connection.execute("SELECT origin, content_hash FROM briefings")
        }
    assert stored == files


def _current(src: Path, library: Path) -> int:
    """How many stored briefings are of their file's current content."""
    files = {str(p.resolve()): content_hash(p.read_text()) for p in src.iterdir()}
    with Library(library) as lib:
        rows = lib.connection.execute("SELECT origin, content_hash FROM briefings").fetchall()
    return sum(1 for origin, chash in rows if files.get(origin) == chash)


def test_sigkill_during_ingest_never_leaves_a_half_briefing(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEF_NO_SAMPLES", "1")
    rng = random.Random(SEED)
    src = tmp_path / "articles"
    write_articles(src, FILES)
    # calibrate the kill window: start-up alone, and a whole run of FILES inserts
    empty = tmp_path / "empty"
    empty.mkdir()
    startup = _duration(empty, tmp_path / "calibrate-startup")
    full = _duration(src, tmp_path / "calibrate-full")

    library = tmp_path / "library"
    interrupted = 0
    outcomes: list[str] = []
    for round_no in range(ROUNDS):
        if round_no % 4 == 0:  # a fresh library: kills during creation and inserts
            shutil.rmtree(library, ignore_errors=True)
            window = full
        else:  # rewrite a random share of the files: kills while rows are replaced
            share = rng.uniform(0.2, 0.8)
            changed = rng.sample(range(FILES), int(FILES * share))
            for i in changed:
                write_articles(src, 1, version=round_no, start=i)
            window = startup + share * (full - startup)
        proc = _popen_ingest(src, library)
        time.sleep(rng.uniform(0.05, 0.95) * window)
        still_running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        interrupted += still_running
        db = library / "library.sqlite3"
        state = "no store yet"
        if db.exists() and db.stat().st_size:
            assert store_problems(library) == [], f"round {round_no}"
            listing = brief("--library", str(library), "list", "--json")
            listing.assert_no_crash()
            assert listing.code == 0, (round_no, listing.err)
            rows = len(json.loads(listing.out or "[]"))
            state = f"{rows} rows, {_current(src, library)} current"
            # the search index is repaired from the outbox on the next start ...
            found = brief("--library", str(library), "search", "harbour", "--json")
            found.assert_no_crash()
            assert found.code == 0, (round_no, found.err)
            assert json.loads(found.out)["total"] == rows, round_no
            # ... and then agrees with the store exactly
            check = brief("--library", str(library), "check")
            check.assert_no_crash()
            assert check.code == 0, (round_no, check.err)
            assert f"search index ok: {rows} briefings" in check.err, check.err
            assert "repaired" not in check.err, check.err
            with Library(library) as lib:
                assert SearchIndex(lib).indexed_ids() == set(lib.ids())
        when = "mid-run" if still_running else "after exit"
        outcomes.append(f"round {round_no}: killed {when}: {state}")
        _check_complete(src, library)
        assert store_problems(library) == [], f"round {round_no} after the re-run"
    print("\n".join(outcomes))
    # the test is only worth something if the kills land inside the work
    assert interrupted >= ROUNDS // 2, outcomes


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_sigkill_while_the_background_indexer_works(brief, tmp_path: Path) -> None:
    """A long ingest indexes in a child process. Killing the ingest mid-way: the child
    notices, finishes at most its batch and exits; the next command repairs the rest."""
    src = tmp_path / "articles"
    write_articles(src, 450)
    library = tmp_path / "library"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "-q", str(src)],
        cwd=REPO,
        env=subprocess_env(library, {"BRIEF_NO_SAMPLES": "1", "BRIEF_INDEX_BATCH": "40"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    db = library / "library.sqlite3"
    deadline = time.monotonic() + 120
    indexer: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        indexer = [c for c in _children(proc.pid) if _alive(c)]
        if indexer and db.exists():
            with Library(library) as lib:
                stored = lib.count()
                waiting = len(lib.pending_index_ops())
            if 0 < waiting < stored:  # the child has indexed some, not all
                break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before the indexer was seen at work"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert indexer
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and any(_alive(c) for c in indexer):
        time.sleep(0.1)
    assert not any(_alive(c) for c in indexer), "the indexer outlived its ingest"
    assert store_problems(library) == []
    with Library(library) as lib:
        rows = lib.count()
    found = brief("--library", str(library), "search", "harbour", "--json")
    found.assert_no_crash()
    assert found.code == 0, found.err
    assert json.loads(found.out)["total"] == rows
    check = brief("--library", str(library), "check")
    assert check.code == 0 and "repaired" not in check.err, check.err
    _check_complete(src, library)
