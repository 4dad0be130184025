"""Interrupts are quiet: Ctrl-C or a termination signal during an ingest that runs
background children ends with one line, no traceback, no leaked-semaphore warning."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO, subprocess_env, write_articles


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("many")
    write_articles(src, 420)  # above the 400 that start background indexing
    return src


def _ingest(many: Path, library: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "ingest", "-q", str(many)],
        cwd=REPO,
        env=subprocess_env(library, {"BRIEF_NO_SAMPLES": "1"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell job would be
    )


@pytest.mark.parametrize("delay", [0.4, 1.0, 2.0])
def test_ctrl_c_of_the_process_group_is_one_line(many: Path, tmp_path: Path, delay: float) -> None:
    proc = _ingest(many, tmp_path / f"lib-{delay}")
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, err = proc.communicate(timeout=120)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text, text[-3000:]
    assert "KeyboardInterrupt" not in text, text[-3000:]
    assert "leaked" not in text, text
    if proc.returncode == 130:
        assert text.splitlines() == ["brief: interrupted"], text


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_termination_signals_are_one_line(many: Path, tmp_path: Path, name: str) -> None:
    proc = _ingest(many, tmp_path / "lib")
    time.sleep(1.5)
    signum = getattr(signal, name)
    if proc.poll() is None:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text, text[-3000:]
    assert "leaked" not in text and "resource_tracker" not in text, text
    if proc.returncode == 128 + signum:
        assert text.splitlines() == [f"brief: stopped by {name}"], text
