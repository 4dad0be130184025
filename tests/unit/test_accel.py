"""The compiled derivation (mypyc) runs only while it matches its sources, and it
derives exactly what the sources derive."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefings import _accel
from briefings.derive import derive
from briefings.ingest import article_from_bytes
from briefings.samples import sample_files

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]

#: Odd inputs on top of the sample articles: where compiled code could differ
#: (next to no text, only punctuation, unbalanced quotes, control characters, HTML).
ODD = [
    ("blank.txt", b" \n\n .\n"),
    ("dots.txt", b"... !!! ???"),
    (
        "quote.txt",
        b'"It will never close, said Ann Lee, a director of Acme Corp.\n\nShe said: "Yes.',
    ),
    ("controls.txt", "A\x07B\x1b[31m red \u202e text. Mr. Li said \u201cfine\u201d.".encode()),
    ("page.html", b"<html><body><article><h1>T</h1><p>Body text here.</p></article></body></html>"),
    ("numbers.md", b"# Costs\n\nIt cost $5.2bn (4.1bn euros), up 12% on 2023; 1,151 deals closed."),
]


def _inputs() -> list[tuple[str, bytes]]:
    return sample_files() + ODD


def _dump(name: str, data: bytes) -> str:
    try:
        return derive(article_from_bytes(data, name, name, name)).model_dump_json()
    except ValueError as exc:  # an HTML page with no article text
        return f"ValueError: {exc}"


def _folder(tmp_path: Path, sources: dict[str, bytes], compiled: bool = True) -> Path:
    folder = tmp_path / "derive"
    folder.mkdir()
    for name, data in sources.items():
        (folder / name).write_bytes(data)
    if compiled:
        (folder / f"words{SUFFIX}").write_bytes(b"")
    manifest = {
        "cache_tag": sys.implementation.cache_tag,
        "sources": {name: hashlib.sha256(data).hexdigest() for name, data in sources.items()},
    }
    (folder / _accel.MANIFEST).write_text(json.dumps(manifest))
    return folder


SOURCES = {"__init__.py": b"", "words.py": b"X = 1\n"}


def test_compiled_modules_matching_their_sources_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEF_PURE", raising=False)
    folder = _folder(tmp_path, SOURCES)
    assert _accel.why_pure(folder, shared_library="json") is None


def test_no_compiled_modules_means_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEF_PURE", raising=False)
    assert _accel.why_pure(_folder(tmp_path, SOURCES, compiled=False)) == "not compiled"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda f: (f / "words.py").write_text("X = 2\n"), "words.py changed since the build"),
        (lambda f: (f / "new.py").write_text(""), "modules added or removed"),
        (lambda f: (f / "words.py").unlink(), "modules added or removed"),
        (lambda f: (f / _accel.MANIFEST).write_text("{"), "without a readable manifest"),
        (lambda f: (f / _accel.MANIFEST).unlink(), "without a readable manifest"),
    ],
)
def test_stale_compiled_modules_are_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change, reason: str
) -> None:
    monkeypatch.delenv("BRIEF_PURE", raising=False)
    folder = _folder(tmp_path, SOURCES)
    change(folder)
    why = _accel.why_pure(folder, shared_library="json")
    assert why is not None and reason in why


def test_a_missing_shared_library_means_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEF_PURE", raising=False)
    why = _accel.why_pure(_folder(tmp_path, SOURCES), shared_library="no_such_module__mypyc")
    assert why == "no_such_module__mypyc is missing"


def test_brief_pure_forces_the_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_PURE", "1")
    assert _accel.why_pure(_folder(tmp_path, SOURCES), shared_library="json") == "BRIEF_PURE=1"


def test_the_source_finder_loads_the_sources() -> None:
    code = (
        "import briefings._accel as a, briefings.derive as d, briefings.derive.entities as e;"
        "print(a.status); print(d.__file__); print(e.__file__)"
    )
    env = {**os.environ, "BRIEF_PURE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "pure Python (BRIEF_PURE=1)"
    assert out[1].endswith("__init__.py") and out[2].endswith("entities.py")


def test_the_running_derivation_derives_what_the_sources_derive() -> None:
    """In a compiled build this compares the compiled modules with the sources;
    in a pure build both sides are the sources."""
    inputs = _inputs()
    assert len(inputs) >= 10
    mine = [_dump(name, data) for name, data in inputs]
    code = (
        "import json, sys\n"
        "from tests.unit.test_accel import _dump, _inputs\n"
        "print(json.dumps([_dump(n, d) for n, d in _inputs()]))\n"
    )
    env = {**os.environ, "BRIEF_PURE": "1"}
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    pure = json.loads(proc.stdout)
    assert [json.loads(x) if x[0] == "{" else x for x in mine] == [
        json.loads(x) if x[0] == "{" else x for x in pure
    ]


@pytest.mark.skipif(
    os.environ.get("BRIEF_EXPECT_COMPILED") != "1",
    reason="BRIEF_EXPECT_COMPILED=1 (set by .ci/run) asserts that the build compiled",
)
def test_the_build_compiled_the_derivation() -> None:
    assert _accel.status == "compiled"
    import briefings.derive.entities as entities

    assert not entities.__file__.endswith(".py")
