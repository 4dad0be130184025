"""What every benchmark shares: the machine line, percentiles, Markdown tables,
child processes measured on their own (wall, CPU and peak RSS), and the cache
folder where corpora and libraries live (never the repository).

Peak memory of a child is its own ``VmHWM`` (``bench.hwm`` runs the child and
writes it at exit), not ``ru_maxrss``: neither ``RUSAGE_CHILDREN`` (the
maximum over every child waited for so far) nor the child's own
``ru_maxrss`` from ``wait4`` (Linux carries the parent's high-water mark
across the vfork + exec that ``subprocess`` uses).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The repository root (so children import this checkout's packages).
ROOT = Path(__file__).resolve().parents[1]


def cache_root() -> Path:
    """``$BRIEF_BENCH_CACHE`` or the user cache folder: corpora, libraries, results."""
    env = os.environ.get("BRIEF_BENCH_CACHE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("brief-bench", appauthor=False)


def machine() -> str:
    """One line: cores (and how many this process may use), CPU, Python, OS."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1048576:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{os.cpu_count()} cores ({usable} usable), {cpu}{mem}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}); "
        f"{platform.system()} {platform.release()}"
    )


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# -- statistics ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (``q`` in 0..1); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def p50(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def p95(values: Sequence[float]) -> float:
    return percentile(values, 0.95)


def samples_ms(
    fn: Callable[[], object],
    repeat: int,
    warmup: int = 1,
    before: Callable[[], object] | None = None,
) -> tuple[list[float], list[float]]:
    """``repeat`` timings of ``fn`` after ``warmup`` untimed calls, in milliseconds:
    (wall clock, CPU time of this thread). On a busy machine the wall clock counts
    time spent waiting for a core; the CPU time does not. ``before`` (if given) runs
    ahead of every call, outside the timed part."""
    for _ in range(warmup):
        if before is not None:
            before()
        fn()
    wall, cpu = [], []
    for _ in range(repeat):
        if before is not None:
            before()
        c0 = time.thread_time()
        start = time.perf_counter()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return wall, cpu


def load_average() -> str:
    if not hasattr(os, "getloadavg"):
        return "unknown"
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def fmt(value: float, digits: int = 1) -> str:
    if value != value:  # NaN
        return "–"
    return f"{value:,.{digits}f}"


def verdict(value: float, target: float, *, higher_is_better: bool = False) -> str:
    """'yes' or '**NO** (2.3x over)' against a target."""
    if value != value:
        return "not measured"
    ok = value >= target if higher_is_better else value <= target
    if ok:
        return "yes"
    factor = target / value if higher_is_better else value / target
    return f"**NO** ({factor:.1f}x {'short' if higher_is_better else 'over'})"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def dir_size_mb(path: Path) -> float:
    if not path.exists():
        return float("nan")
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1048576


# -- child processes ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChildRun:
    """One measured child process."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str
    #: peak RSS of the child's own child processes (e.g. ingest's background indexer),
    #: summed over them: they run at the same time as the child
    helpers_peak_mb: float = 0.0

    @property
    def cores_used(self) -> float:
        return self.cpu_seconds / self.seconds if self.seconds else float("nan")

    def json(self) -> dict:
        """The last stdout line, parsed (children report results as one JSON line)."""
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        if self.returncode != 0 or not lines:
            raise RuntimeError(
                f"benchmark child failed (exit {self.returncode}): "
                f"{(self.stderr or self.stdout).strip()[-2000:]}"
            )
        return dict(json.loads(lines[-1]))


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def run_child(args: Sequence[str], *, env: dict[str, str] | None = None) -> ChildRun:
    """Run ``python args...`` (``args`` starting with ``-m`` or ``-c``) and measure that
    one process: wall and CPU time from ``wait4``, peak RSS from its own ``VmHWM``
    (``bench.hwm``; ``ru_maxrss`` would include this process's memory)."""
    import tempfile

    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile(suffix=".hwm") as hwm,
    ):
        env = dict(env or child_env(), BRIEF_BENCH_HWM=hwm.name)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.hwm", *args],
            env=env,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
        )
        sampler = _HelperPeaks(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        try:
            peak = float(Path(hwm.name).read_text())
        except (OSError, ValueError):  # no /proc: the kernel's figure, an upper bound
            peak = usage.ru_maxrss / 1024  # kilobytes on Linux
        return ChildRun(
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            peak_mb=peak,
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            helpers_peak_mb=sampler.total_mb(),
        )


class _HelperPeaks:
    """Samples the ``VmHWM`` of a process's children while it runs (Linux ``/proc``).

    Processes a child starts (``multiprocessing`` workers) are not run through
    ``bench.hwm``, so their peaks are read from outside, four times a second; a
    high-water mark only grows, so the last sample before each exits is close.
    """

    def __init__(self, pid: int, every: float = 0.25) -> None:
        import threading

        self.pid = pid
        self.every = every
        self.peaks: dict[int, float] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        if Path("/proc").is_dir():
            self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join(2)

    def total_mb(self) -> float:
        return sum(self.peaks.values())

    def _loop(self) -> None:
        while not self._done.wait(self.every):
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                if fields.get("PPid", "").strip() != str(self.pid) or "VmHWM" not in fields:
                    continue
                try:
                    peak = int(fields["VmHWM"].split()[0]) / 1024
                except (ValueError, IndexError):
                    continue
                pid = int(entry.name)
                self.peaks[pid] = max(peak, self.peaks.get(pid, 0.0))
