"""The output boundary: every character the CLI writes passes through ``inert``.

Text that reaches a terminal may come from anywhere: article text, file names,
saved-search names, a store edited by another program. ``inert`` shows control
characters (C0 other than newline and tab, DEL, C1 such as CSI ``\\x9b``), bidi
controls, line separators and undecodable bytes as visible escapes, so nothing
written can move the cursor, set the window title, write the clipboard or
reorder a line. The consoles here never read markup or emoji codes, and
``SafeConsole`` runs ``inert`` over every segment of text Rich renders (its own
styling and cursor controls are left alone). ``write``/``write_json`` are the
same for plain output on stdout.

``guard_stdout`` makes a closed or failing standard output an ``OutputError``
(one line, exit 1) and a non-UTF-8 output encoding a readable fallback
(``\\xe9`` instead of a crash).
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.segment import Segment

#: Characters a terminal would act on or that would disguise a line: C0 controls
#: (newline and tab kept where lines are allowed), DEL, C1 controls, bidi controls,
#: line and paragraph separators, and lone surrogates (undecodable file-name bytes).
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff]"
)
_UNSAFE_LINE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, *, lines: bool = True) -> str:
    """``text`` safe to write to a terminal. ``lines=False`` also escapes newlines and
    tabs (for one-line messages and table cells)."""
    return (_UNSAFE if lines else _UNSAFE_LINE).sub(_escape, text)


class SafeConsole(Console):
    """A Rich console that never reads markup or emoji codes in strings and passes
    every rendered segment of text through ``inert``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        kwargs.setdefault("highlight", False)
        super().__init__(**kwargs)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(inert(segment.text), segment.style)
            for segment in buffer
        )


#: Characters JSON leaves raw that a terminal would act on (json.dumps already
#: escapes C0 controls): DEL, C1 controls, bidi controls, line separators.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(data: Any) -> str:
    """JSON, readable (no ASCII escaping) but inert: the characters above appear as
    ``\\uXXXX`` escapes, which decode to the same data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write(text: str) -> None:
    """Plain text on stdout (newlines kept), inert."""
    sys.stdout.write(inert(text))


def write_json(data: Any) -> None:
    sys.stdout.write(json_text(data) + "\n")
    sys.stdout.flush()


class OutputError(Exception):
    """Standard output cannot be written (closed, disk full, an I/O error)."""


class _GuardedStream:
    """A text stream that turns write failures into ``OutputError`` (a broken pipe
    stays ``BrokenPipeError``: the reader went away, which the CLI ends quietly)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write the output: {exc.strerror or exc}")

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputError("cannot write the output: standard output is closed")
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from None
        except ValueError:  # flushing a closed file
            raise OutputError("cannot write the output: standard output is closed") from None

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError(errno.EBADF, "standard output is closed")
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _readable_fallback(stream: TextIO | None) -> None:
    """A stream whose encoding cannot show every character writes escapes instead
    of failing (``PYTHONIOENCODING=ascii``, ``LANG=C``)."""
    if stream is None:
        return
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding.startswith("utf") or getattr(stream, "errors", "") == "backslashreplace":
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def guard_stdout() -> Any:
    """Install the guard on ``sys.stdout`` (and the encoding fallback on both
    streams); returns what to restore afterwards."""
    original = sys.stdout
    _readable_fallback(sys.stdout)
    _readable_fallback(sys.stderr)
    if not isinstance(original, _GuardedStream):
        sys.stdout = _GuardedStream(original)
    return original


def unguard_stdout(original: Any) -> None:
    sys.stdout = original
