"""Run a module or code as ``python -m bench.hwm (-m MODULE | -c CODE) ARGS...`` and, at
exit, write the process's peak resident memory (``VmHWM`` of ``/proc/self/status``)
to the file named by ``$BRIEF_BENCH_HWM``.

Why not ``ru_maxrss``: on Linux a child started with vfork/posix_spawn (what
``subprocess`` does) inherits the *parent's* high-water mark at ``exec``, so
a benchmark child reports at least the benchmark's own memory. ``VmHWM``
belongs to the new program's address space only.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys
from pathlib import Path


def peak_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _write() -> None:
    target = os.environ.get("BRIEF_BENCH_HWM")
    value = peak_mb()
    if target and value is not None:
        Path(target).write_text(f"{value:.1f}\n", encoding="utf-8")


def main() -> None:
    atexit.register(_write)
    mode, what, *rest = sys.argv[1:]
    if mode == "-m":
        sys.argv = [what, *rest]
        runpy.run_module(what, run_name="__main__", alter_sys=True)
    elif mode == "-c":
        sys.argv = ["-c", *rest]
        exec(compile(what, "<bench child>", "exec"), {"__name__": "__main__"})
    else:
        raise SystemExit("usage: python -m bench.hwm (-m MODULE | -c CODE) ARGS...")


if __name__ == "__main__":
    main()
