"""The ``brief`` command: parse arguments, run a command, turn errors into one line.

``brief`` with no command opens the reader. Every failure reaches the user as
one line naming what went wrong; an unexpected error also writes its
traceback to a log file, never to the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

try:
    from briefings.settings import Settings
    from tui import output
    from tui.commands import COMMAND_MODULES, load_commands
    from tui.context import (
        ENV_LIBRARY,
        EXIT_AMBIGUOUS,
        AmbiguousId,
        CommandFailed,
        Context,
        UsageError,
    )
except KeyboardInterrupt:  # Ctrl-C while Python is still loading brief: one line
    sys.stderr.write("brief: interrupted\n")
    raise SystemExit(130) from None

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="brief",
        description="Turn news articles into briefings; read, search and export them.",
        epilog=(
            "Run 'brief' with no command to open the reader (or, when the output is not a "
            "terminal, to print the list). Exit status: 0 found (or done), 1 nothing found "
            "or some inputs failed, 2 usage error, 3 an id prefix matches several briefings "
            "(the error names them: give more characters)."
        ),
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help=f"library folder (default: ${ENV_LIBRARY} or the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="add the bundled sample articles to an empty library (even one named with "
        "--library) before opening it",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and which derivation code runs"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in load_commands(COMMAND_MODULES):
        module.register(sub)
    return parser


def _reader_only(args_list: list[str]) -> argparse.Namespace | None:
    """The arguments of ``brief`` with no command (the reader), parsed without loading the
    command modules (their imports, Whoosh among them, cost about 250 ms of CPU before the
    reader's first frame); None for anything else, which the full parser handles."""
    parser = _Parser(prog="brief", add_help=False)
    parser.add_argument("--library", metavar="DIR")
    parser.add_argument("--demo", action="store_true")
    try:
        args, rest = parser.parse_known_args(args_list)
    except UsageError:
        return None
    return None if rest else args


class _VersionAction(argparse.Action):
    """``--version``, worked out only when asked: it reads the package metadata and
    checks the compiled derivation (about 4 ms that other commands need not pay)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(_version())
        parser.exit()


def _version() -> str:
    """``brief 0.1.0 (derivation: compiled)``: the release, and which derivation
    code runs (``briefings._accel``)."""
    from importlib.metadata import PackageNotFoundError, version

    from briefings import _accel

    try:
        release = version("brief")
    except PackageNotFoundError:
        release = "0+unknown"
    return f"brief {release} (derivation: {_accel.status})"


def _log_crash() -> str:
    """Write the current exception's traceback to the crash log; return its path."""
    import traceback
    from datetime import datetime

    from platformdirs import user_log_path

    path = user_log_path("brief", appauthor=False) / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()} brief {' '.join(sys.argv[1:])}\n")
            fh.write(traceback.format_exc())
    except OSError:
        return "(could not write the crash log)"
    return str(path)


class _QuietFileHandler(logging.FileHandler):
    """The log file: created on the first record; a failure to write it is ignored
    (logging's own fallback would print a traceback to the terminal)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def _configure_logging() -> None:
    """Warnings and errors from any library go to ``brief.log``, never the terminal.

    Without a handler, Python prints warnings (with tracebacks) to stderr,
    which would break the one-line error rule and scribble over the progress bar.
    """
    root = logging.getLogger()
    if any(isinstance(h, _QuietFileHandler) for h in root.handlers):
        return
    from platformdirs import user_log_path

    handler = _QuietFileHandler(
        user_log_path("brief", appauthor=False) / "brief.log", delay=True, encoding="utf-8"
    )
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.captureWarnings(True)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    ctx: Context | None = None
    original_stdout: Any = None
    try:
        _configure_logging()
        args = _reader_only(args_list) or build_parser().parse_args(args_list)
        settings = _check_settings()
        ctx = Context.create(args.library)
        ctx.settings = settings
        ctx.demo = bool(getattr(args, "demo", False))
        handler = getattr(args, "handler", None)
        if handler is None:
            from tui.commands import reader

            if reader.terminal():
                return reader.run_reader(ctx, args)
            handler = reader.list_instead
        original_stdout = output.guard_stdout()
        with _quiet_termination():
            code = int(handler(ctx, args) or 0)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except AmbiguousId as exc:
        _error(f"brief: {exc}")
        return EXIT_AMBIGUOUS
    except (CommandFailed, _library_error()) as exc:
        _error(f"brief: {exc}")
        from briefings.library import LibraryDamaged

        if isinstance(exc, LibraryDamaged) and ctx is not None:
            from tui import storecheck

            storecheck.forget(ctx.library_dir)  # the next command checks the store again
        return EXIT_FAILED
    except output.OutputError as exc:
        _error(f"brief: {exc}")
        _silence_stdout()
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("brief: interrupted")
        return 130
    except _Terminated as exc:
        _error(f"brief: stopped by {exc}")
        return 128 + exc.signum
    except BrokenPipeError:
        # The reader of our output went away (e.g. `brief list | head`): end quietly.
        _silence_stdout()
        return EXIT_FAILED
    except Exception as exc:
        where = _log_crash()
        _error(f"brief: internal error: {type(exc).__name__}: {exc} (details in {where})")
        return EXIT_FAILED
    finally:
        if ctx is not None:
            with contextlib.suppress(Exception):  # closing must not hide the outcome
                ctx.close()
        if original_stdout is not None:
            output.unguard_stdout(original_stdout)


def _library_error() -> type[Exception]:
    """``briefings.library.LibraryError``, imported only when an error is being handled
    (the reader's start does not load the store's module: see ``tui.context``)."""
    from briefings.library import LibraryError

    return LibraryError


def _check_settings() -> Settings:
    """Every setting read once up front: a bad value is a usage error naming it."""
    from briefings.settings import SettingError, load

    try:
        return load()
    except SettingError as exc:
        raise UsageError(f"brief: {exc}") from None


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so the interpreter's last flush of
    whatever is still buffered cannot fail again ("Exception ignored ...")."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


class _Terminated(Exception):
    """SIGTERM, SIGHUP or SIGQUIT: unwinds like Ctrl-C, so every ``with`` block
    (the library, the background indexer and its semaphores) closes cleanly."""

    def __init__(self, signum: int) -> None:
        import signal

        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def _quiet_termination() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP", "SIGQUIT"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, terminated)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _error(message: str) -> None:
    """One line on stderr; control and bidi characters shown as escapes, never acted on."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(output.inert(message.replace("\n", " "), lines=False) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
