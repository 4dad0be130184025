"""Helpers for the reliability tests: run ``brief`` in process or as a subprocess,
snapshot the store, and check a store's consistency."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefings.models import Briefing, briefing_id_for
from tui.cli import main

REPO = Path(__file__).resolve().parents[2]
DB_NAME = "library.sqlite3"

#: What an uncaught exception or an interpreter complaint looks like in output.
CRASH_MARKERS = ("Traceback (most recent call last)", "Exception ignored", "Fatal Python error")


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def assert_no_crash(self) -> None:
        for marker in CRASH_MARKERS:
            assert marker not in self.out and marker not in self.err, (marker, self.err[-2000:])
        assert "internal error" not in self.err, self.err


@pytest.fixture
def brief(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``brief ARGS`` in process (through ``tui.cli.main``)."""

    def run(*args: str) -> Run:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def brief_subprocess(
    *args: str, library: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> Run:
    """Run ``brief ARGS`` in a fresh interpreter (catches anything the interpreter prints)."""
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=REPO,
        env=subprocess_env(library, env),
        capture_output=True,
        timeout=timeout,
    )
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "backslashreplace"),
        proc.stderr.decode("utf-8", "backslashreplace"),
    )


def subprocess_env(library: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "BRIEF_LIBRARY": str(library), "PYTHONFAULTHANDLER": "1"}
    env.update(extra or {})
    return env


def _connect(library: Path) -> sqlite3.Connection:
    """A plain connection, as the next ``brief`` would open it. Not read-only: after
    a kill, SQLite may have to recover the write-ahead log first, which a read-only
    connection cannot do ("attempt to write a readonly database")."""
    return sqlite3.connect(library / DB_NAME)


def snapshot(library: Path) -> dict[str, tuple[object, ...]]:
    """Every stored row by id, every column (read with plain sqlite3).

    The one part left out is each briefing's ``related`` list: the search layer
    rightly recomputes it when related articles arrive.
    """
    conn = _connect(library)
    conn.row_factory = sqlite3.Row
    try:
        rows = {}
        for row in conn.execute("SELECT * FROM briefings"):
            values = dict(row)
            data = json.loads(values["data"])
            data.pop("related", None)
            values["data"] = data
            rows[row["id"]] = tuple(sorted(values.items(), key=lambda kv: kv[0]))
        return rows
    finally:
        conn.close()


def store_problems(library: Path) -> list[str]:
    """Everything wrong with a store: SQLite's integrity check, rows whose JSON is
    not a valid ``Briefing`` of that id and origin, duplicate origins, hashes that
    disagree, outbox entries that point nowhere. Empty when consistent."""
    problems: list[str] = []
    conn = _connect(library)
    try:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            return [f"integrity_check: {check[:3]}"]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:  # killed while the store was being created: it is simply new
            return []
        if not {"meta", "briefings", "index_outbox"} <= tables:
            return [f"half-created schema: {sorted(tables)}"]
        rows = conn.execute(
            "SELECT id, origin, content_hash, extractor_version, title, data FROM briefings"
        ).fetchall()
        origins = [r[1] for r in rows]
        if len(origins) != len(set(origins)):
            problems.append("duplicate origins")
        for bid, origin, chash, version, title, data in rows:
            try:
                b = Briefing.model_validate_json(data)
            except ValueError as exc:
                problems.append(f"{bid}: JSON does not validate: {exc}")
                continue
            if not (b.id == bid == briefing_id_for(origin) and b.origin == origin):
                problems.append(f"{bid}: id/origin mismatch")
            if b.content_hash != chash or b.extractor_version != version or b.title != title:
                problems.append(f"{bid}: columns disagree with the JSON")
        ids = {r[0] for r in rows}
        for bid, op in conn.execute("SELECT id, op FROM index_outbox"):
            if op == "upsert" and bid not in ids:
                problems.append(f"outbox upsert for missing {bid}")
    finally:
        conn.close()
    return problems


def strip_rich_styles(text: str) -> str:
    """Remove the SGR colour/style sequences Rich itself writes (ESC [ ... m)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


#: Characters that must never reach a terminal from article text or file names.
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def write_articles(folder: Path, count: int, *, version: int = 0, start: int = 0) -> list[Path]:
    """``count`` small distinct articles (text written for these tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        p = folder / f"article-{i:04d}.txt"
        p.write_text(
            f"Harbour report number {i} revision {version}\n\n"
            f"The harbour authority said on Tuesday that berth {i} would reopen after "
            f"repairs costing {i * 3 + version} thousand pounds.\n\n"
            f'"We expect ships back within {i % 9 + 1} weeks," said the harbour master.\n'
        )
        paths.append(p)
    return paths


def iter_lines_naming(err: str, needle: str) -> Iterator[str]:
    return (line for line in err.splitlines() if needle in line)
