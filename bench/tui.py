"""The reader: time to first frame, search-as-you-type latency, and memory.

Each run is a fresh child process (``python -m bench.tui --child LIBRARY``)
that starts the reader as ``brief --library LIBRARY`` does (``tui.cli.main``,
``run_reader``) and drives the app it makes with the Textual pilot
(``app.run_test``, headless, 120x40), so that imports, the command line,
opening the library and the index are paid as a user pays them, and the
child's peak RSS is the reader's. (Until 2026-12-05 the child called
``tui.app.make_app`` directly, which left out the command line's imports.)

"Painted" means: the screen's compositor produced a frame (Textual's
``App._display`` was called with a compositor update, which is what a
terminal would be sent) in which the condition holds. Headless, the frame is
not encoded to escape sequences, which costs a little less than a real
terminal.

- **first frame**: from process start (the parent's launch time) and from
  ``make_app()`` to the first frame painted;
- **list filled**: to the first frame whose status line shows "N briefings"
  (the library's rows are in the list);
- **keystroke to results**: each query of ``TYPED`` is typed one key at a time;
  after each key the clock runs from just before the key is sent until the
  first frame whose status line shows "N hit(s)" or "N+ hits" of a search outcome whose
  query is the text now in the search bar (stale results are dropped by the
  reader). A space does not change the query and is not a sample. The next key is sent once that frame is painted, so
  the samples do not overlap. Then ``escape`` clears the search.

The process CPU time (all threads; from launch for the first frame) is taken
at the same moments: on a busy machine it says what the reader itself spent.

The children run with Python's bytecode cache on, in a directory of the run's own
(``PYTHONPYCACHEPREFIX``; filled by one child first), as an installed ``brief`` runs.
``--frame-only`` stops a child once the list is filled (no typing): the quick way to
compare the first frame of two versions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import ChildRun, child_env, run_child

#: What the benchmark types, key by key (words users search for in news).
TYPED = ["election", "oil prices", "prime minister", "chelsea striker"]
SIZE = (120, 40)
#: ``--frame-only``: stop once the list is filled (no typing), for first-frame runs
FRAME_ONLY = False
TIMEOUT = 30.0

#: The status of a search outcome: "12 hits", "1 hit", or "1,000+ hits" when the count
#: stopped at ``search.topk.COUNT_LIMIT`` (before 2026-12-05 the "+" form never matched,
#: so every keystroke whose query had more than 1,000 hits timed out: 7 of 44)
_HITS = re.compile(r"^\d[\d,]*\+? hits?\b")
_ROWS = re.compile(r"^\d[\d,]* briefings?\b")


@dataclass
class TuiRun:
    run: ChildRun
    launch_to_frame_ms: float
    app_to_frame_ms: float
    list_filled_ms: float
    keystroke_ms: list[float] = field(default_factory=list)
    timeouts: int = 0
    first_frame_cpu_ms: float = float("nan")
    list_filled_cpu_ms: float = float("nan")
    keystroke_cpu_ms: list[float] = field(default_factory=list)


#: where the children's bytecode is cached (see ``_env``)
_PYCACHE: str | None = None


def _env(library_dir: Path) -> dict[str, str]:
    """The child's environment, with Python's bytecode cache on (in a directory of its
    own), as an installed ``brief`` runs: with ``PYTHONDONTWRITEBYTECODE`` set (as it is
    in the team's sessions) every run compiled brief's modules again, about 30-40 ms of
    CPU before the first frame that no user pays. The first call runs one child to fill
    the cache (a ``--frame-only`` run: what the reader imports lazily is compiled too)."""
    global _PYCACHE
    warm = _PYCACHE is None
    if _PYCACHE is None:
        import tempfile

        _PYCACHE = tempfile.mkdtemp(prefix="bench-tui-pyc-")
    env = child_env(BRIEF_NO_SAMPLES="1", PYTHONPYCACHEPREFIX=_PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if warm:
        run_child(["-m", "bench.tui", "--child", str(library_dir), "--frame-only"], env=env)
    return env


def measure_tui(library_dir: Path) -> TuiRun:
    env = _env(library_dir)
    launched = time.time()
    run = run_child(
        ["-m", "bench.tui", "--child", str(library_dir), "--launched", repr(launched)],
        env=env,
    )
    data = run.json()
    return TuiRun(
        run=run,
        launch_to_frame_ms=data["launch_to_frame_ms"],
        app_to_frame_ms=data["app_to_frame_ms"],
        list_filled_ms=data["list_filled_ms"],
        keystroke_ms=data["keystroke_ms"],
        timeouts=data["timeouts"],
        first_frame_cpu_ms=data["first_frame_cpu_ms"],
        list_filled_cpu_ms=data["list_filled_cpu_ms"],
        keystroke_cpu_ms=data["keystroke_cpu_ms"],
    )


# -- the child ------------------------------------------------------------------------------


class FrameClock:
    """Timestamps of painted frames and of the first frame meeting each condition."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.first_frame: float | None = None
        self.list_filled: float | None = None
        self.results: dict[str, float] = {}  # search text -> first frame showing its hits
        # Process CPU seconds (all threads, since launch) at the same moments.
        self.cpu: dict[str, float] = {}
        original = app._display

        def display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
            original(screen, renderable)
            if renderable is not None and not app._batch_count:
                self._frame(time.perf_counter())

        app._display = display

    def _status(self) -> str:
        try:
            return str(self.app.screen.query_one("#search-status").content)
        except Exception:  # not mounted yet, or another screen
            return ""

    def _search_text(self) -> str:
        try:
            return str(self.app.screen.query_one("#search").value).strip()
        except Exception:
            return ""

    def _frame(self, now: float) -> None:
        if self.first_frame is None:
            self.first_frame = now
            self.cpu["first_frame"] = time.process_time()
        status = self._status()
        if self.list_filled is None and _ROWS.match(status):
            self.list_filled = now
            self.cpu["list_filled"] = time.process_time()
        text = self._search_text()
        outcome = getattr(self.app.screen, "outcome", None)
        current = outcome is not None and outcome.query == text
        if current and _HITS.match(status) and text not in self.results:
            self.results[text] = now
            self.cpu[text] = time.process_time()


async def _wait(predicate, timeout: float = TIMEOUT) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.001)
    return True


def _through_the_cli(library_dir: Path, launched: float) -> dict:
    """Start the reader as ``brief --library DIR`` does (``tui.cli.main``: its imports,
    the settings check, the library context, ``run_reader``), with the app that
    ``run_reader`` makes driven headless instead of on the terminal."""
    import tui.app
    import tui.commands.reader
    from tui.cli import main

    real = tui.app.make_app
    report: dict = {}

    class Driven:
        return_code = 0

        def __init__(self, app, wall_at_app: float, t_app: float) -> None:  # type: ignore[no-untyped-def]
            self.app, self.wall_at_app, self.t_app = app, wall_at_app, t_app

        def run(self) -> None:
            report.update(
                asyncio.run(_drive(library_dir, launched, (self.app, self.wall_at_app, self.t_app)))
            )

    def make_app(*args, **kwargs):  # type: ignore[no-untyped-def]
        wall_at_app, t_app = time.time(), time.perf_counter()
        return Driven(real(*args, **kwargs), wall_at_app, t_app)

    tui.app.make_app = make_app  # type: ignore[assignment]
    tui.commands.reader.terminal = lambda: True  # type: ignore[assignment]
    code = main(["--library", str(library_dir)])
    if code or not report:
        raise RuntimeError(f"brief exited {code} before the reader ran")
    return report


async def _drive(library_dir: Path, launched: float, made=None) -> dict:  # type: ignore[no-untyped-def]
    if made is None:
        from tui.app import make_app

        wall_at_app = time.time()
        t_app = time.perf_counter()
        app = make_app(library_dir)
    else:
        app, wall_at_app, t_app = made
    clock = FrameClock(app)
    keystrokes: list[float] = []
    keystrokes_cpu: list[float] = []
    timeouts = 0
    async with app.run_test(size=SIZE) as pilot:
        await _wait(lambda: clock.first_frame is not None)
        await _wait(lambda: clock.list_filled is not None)
        first = clock.first_frame or float("nan")
        filled = clock.list_filled or float("nan")
        await pilot.press("slash")
        await pilot.pause()
        for text in [] if FRAME_ONLY else TYPED:
            typed = ""
            for char in text:
                typed += char
                if char == " ":  # the query does not change: no new search to wait for
                    await pilot.press("space")
                    await pilot.pause()
                    continue
                query = typed.strip()
                sent, sent_cpu = time.perf_counter(), time.process_time()
                await pilot.press(char)
                if await _wait(lambda q=query: q in clock.results):
                    keystrokes.append((clock.results[query] - sent) * 1000)
                    keystrokes_cpu.append((clock.cpu[query] - sent_cpu) * 1000)
                else:
                    timeouts += 1
            await pilot.press("escape")
            await pilot.pause()
            clock.results.clear()
            await pilot.press("slash")
            await pilot.pause()
    launch_offset = (wall_at_app - launched) * 1000
    return {
        "launch_to_frame_ms": launch_offset + (first - t_app) * 1000,
        "app_to_frame_ms": (first - t_app) * 1000,
        "list_filled_ms": launch_offset + (filled - t_app) * 1000,
        "keystroke_ms": keystrokes,
        "timeouts": timeouts,
        "first_frame_cpu_ms": clock.cpu.get("first_frame", float("nan")) * 1000,
        "list_filled_cpu_ms": clock.cpu.get("list_filled", float("nan")) * 1000,
        "keystroke_cpu_ms": keystrokes_cpu,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tui", description=__doc__)
    parser.add_argument("--child", type=Path, required=True, metavar="LIBRARY")
    parser.add_argument("--launched", type=float, default=None, help="parent's time.time()")
    parser.add_argument(
        "--frame-only", action="store_true", help="stop once the list is filled: no typing"
    )
    args = parser.parse_args(argv)
    global FRAME_ONLY
    FRAME_ONLY = args.frame_only
    launched = args.launched if args.launched is not None else time.time()
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    report = _through_the_cli(args.child, launched)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
