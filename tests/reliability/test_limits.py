"""The cap on the size of one article: ``--max-size MB`` or ``BRIEF_MAX_ARTICLE_MB``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, subprocess_env


@pytest.fixture
def sized(tmp_path: Path) -> Path:
    src = tmp_path / "sized"
    src.mkdir()
    (src / "small.txt").write_text("Small\n\n" + "A short body. " * 100)
    paragraph = "A long body sentence here. " * 20 + "\n\n"
    (src / "large.txt").write_text("Large\n\n" + paragraph * 300)  # 163 KB
    return src


def test_option_caps_and_says_how_to_raise(brief, sized: Path) -> None:
    brief("list")
    run = brief("ingest", "--max-size", "0.1", str(sized))
    run.assert_no_crash()
    assert run.code == 1
    assert run.err_lines == [
        f"error: {sized / 'large.txt'}: too large (0.2 MB; the limit is 0.1 MB: raise it with "
        "--max-size MB or BRIEF_MAX_ARTICLE_MB)",
        "ingested 1, updated 0, unchanged 0, failed 1",
    ]
    assert brief("ingest", "--max-size", "0.5", str(sized)).code == 0


def test_environment_caps(brief, sized: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_MAX_ARTICLE_MB", "0.05")
    run = brief("ingest", str(sized))
    assert run.code == 1 and "the limit is 0.05 MB" in run.err
    # the option wins over the environment
    assert brief("ingest", "--max-size", "1", str(sized)).code == 0


@pytest.mark.parametrize("value", ["lots", "0", "-3", "inf", "nan"])
def test_bad_values_are_usage_errors(
    brief, sized: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    run = brief("ingest", "--max-size", value, str(sized))
    assert run.code == 2 and len(run.err_lines) == 1 and "--max-size" in run.err
    monkeypatch.setenv("BRIEF_MAX_ARTICLE_MB", value)
    run = brief("ingest", str(sized))
    assert run.code == 2 and "BRIEF_MAX_ARTICLE_MB" in run.err


def test_stdin_is_capped_too(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", "ingest", "--max-size", "0.1", "-"],
        input=b"Title\n\n" + b"Words in a body. " * 20_000,
        cwd=REPO,
        env=subprocess_env(tmp_path / "lib", {"BRIEF_NO_SAMPLES": "1"}),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert b"<stdin>: too large" in proc.stderr
