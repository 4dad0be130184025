"""Read articles from files, directories and stdin.

``discover`` expands the user's paths into sources; ``read_source`` turns one
source into an ``Article`` or raises ``IngestError`` with a one-line reason.
Nothing here writes anything: the library does that.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from briefings import settings
from briefings.models import Article, Format, content_hash

EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: Default cap on the size of one article file; ``BRIEF_MAX_ARTICLE_MB`` overrides it.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
ENV_MAX_MB = settings.ENV_MAX_MB
STDIN = "-"


class IngestError(Exception):
    """A source that cannot become an article; ``str()`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file path, or stdin."""

    path: Path | None
    label: str  # what messages call it

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def parse_megabytes(raw: str, what: str) -> int:
    """A size in megabytes ("20", "0.5") as bytes; ``ValueError`` with a one-line reason."""
    mb = settings.parse_number(raw, what, unit="megabytes", upper=settings.MAX_MB)
    return max(1, int(mb * 1024 * 1024))


def max_article_bytes() -> int:
    """The cap on one article: ``BRIEF_MAX_ARTICLE_MB`` or 20 MB.

    An unusable value falls back to the default here; the CLI rejects it as a
    usage error before reading anything.
    """
    return max(1, int(settings.current().max_article_mb * 1024 * 1024))


#: Characters a terminal would act on: C0/C1 controls, DEL,
#: and bidirectional controls (which would reorder the rest of the message).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {10: "\\n", 13: "\\r", 9: "\\t"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def escape_controls(text: str) -> str:
    """``text`` made inert for a terminal: control characters (newline, ESC, C1),
    bidi controls and undecodable bytes shown as escapes (``\\n``, ``\\x1b``,
    ``\\u202e``, ``\\udcff``)."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNSAFE.sub(_escape_char, text)


def display_path(path: Path | str | bytes) -> str:
    """A path as messages show it: one line, inert in a terminal."""
    return escape_controls(os.fsdecode(path) if isinstance(path, bytes) else str(path))


def discover(
    paths: list[str], *, skipped: list[str] | None = None
) -> Iterator[Source | IngestError]:
    """Expand paths: files as given, directories recursively by extension, ``-`` for stdin.

    Yields an ``IngestError`` (instead of raising) for a path that does not
    exist or a directory that cannot be read, so the run carries on. Files in
    folders whose extension is not an article's are left out and, when
    ``skipped`` is given, added to it (so the command can say so).
    """
    for raw in paths:
        if raw == STDIN:
            yield Source(None, "<stdin>")
            continue
        path = Path(raw)
        try:
            st = path.stat()
        except FileNotFoundError:
            reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            yield IngestError(f"{display_path(path)}: {reason}")
            continue
        except OSError as exc:
            reason = "symbolic link loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
            yield IngestError(f"{display_path(path)}: {reason}")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, skipped)
        else:
            yield Source(path, display_path(path))


def _walk(root: Path, skipped: list[str] | None = None) -> Iterator[Source | IngestError]:
    """Every article file under ``root``, folders and files in name order, hidden ones
    left out, each folder once (symbolic links are followed, loops are not).

    Iterative: a tree thousands of levels deep costs a longer list, not recursion.
    """
    seen_dirs: set[tuple[int, int]] = set()
    stack: list[str] = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            yield IngestError(f"{display_path(folder)}: {exc.strerror or exc}")
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symlink loop, or a folder linked twice: walked once
            continue
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as entries:
                listed = [(e.name, _is_dir(e)) for e in entries]
        except OSError as exc:
            yield IngestError(f"{display_path(exc.filename or folder)}: {exc.strerror or exc}")
            continue
        subfolders: list[str] = []
        for name, is_dir in sorted(listed):
            if name.startswith("."):
                continue
            if is_dir:
                subfolders.append(name)
            elif os.path.splitext(name)[1].lower() in EXTENSIONS:
                path = Path(folder) / name
                yield Source(path, display_path(path))
            elif skipped is not None:
                skipped.append(os.path.join(folder, name))
        stack.extend(os.path.join(folder, d) for d in reversed(subfolders))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError:
        return False


def skipped_line(skipped: list[str]) -> str | None:
    """One line about files left out for their extension: how many, of which kinds."""
    if not skipped:
        return None
    kinds: dict[str, int] = {}
    for path in skipped:
        ext = os.path.splitext(path)[1].lower() or "(no extension)"
        kinds[ext] = kinds.get(ext, 0) + 1
    top = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = ", ".join(f"{escape_controls(ext)} {n}" for ext, n in top[:6])
    more = ", ..." if len(top) > 6 else ""
    noun = "file" if len(skipped) == 1 else "files"
    return (
        f"skipped {len(skipped)} {noun} that are not articles ({shown}{more}): "
        "brief reads .txt, .md and .html files"
    )


def detect_format(name: str, data: bytes) -> Format:
    ext = os.path.splitext(name)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "txt"


def _looks_binary(data: bytes) -> bool:
    """Bytes that are not text: many NULs or many control bytes near the start.

    A few stray NUL bytes in prose (a scraping accident) do not make it binary;
    they become visible stand-ins when the text is sanitised.
    """
    sample = data[:8192]
    nuls = sample.count(0)
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return nuls > len(sample) // 100 or controls > max(8, len(sample) // 20)


def _text_looks_binary(text: str) -> bool:
    """The same test on decoded text (UTF-16 bytes are full of NULs by design)."""
    sample = text[:8192]
    controls = sum(1 for c in sample if c < "\x20" and c not in "\t\n\x0c\r\x1b")
    return controls > max(8, len(sample) // 20) or sample.count("\x00") > len(sample) // 100


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding). Survives any byte string.

    Order: a BOM (UTF-8/16/32), strict UTF-8, UTF-16 without BOM (by the
    pattern of NUL bytes), cp1252, and latin-1 as the fallback that always works.
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    sample = data[:4096]
    wide = _utf32_without_bom(data)
    if wide is not None:
        return wide
    if len(sample) >= 8 and sample[1::2].count(0) > len(sample) * 0.4:
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if len(sample) >= 8 and sample[0::2].count(0) > len(sample) * 0.4:
        try:
            return data.decode("utf-16-be"), "utf-16-be"
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Cyrillic or Greek in UTF-16 is valid UTF-8 too (control bytes and letters)
        if not _text_looks_binary(text):
            return text, "utf-8"
        return _utf16_without_bom(data) or (text, "utf-8")
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


#: A multi-byte UTF-8 sequence, and a byte the strict decoder refuses (kept by surrogateescape).
_UTF8_SEQUENCE: Final = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")
_ESCAPED_BYTE: Final = re.compile("[\udc80-\udcff]")
#: A page is UTF-8 with a few stray single-byte characters (a pasted cp1252 quote)
#: when it has this many multi-byte sequences, and at most this share as bad bytes.
MIXED_MIN_SEQUENCES: Final = 8
MIXED_BAD_SHARE: Final = 0.1


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bytes of another encoding in it: decoded as UTF-8, the
    stray bytes as cp1252, instead of the whole page as cp1252 (mojibake: "Ã¤")."""
    good = len(_UTF8_SEQUENCE.findall(data))
    if good < MIXED_MIN_SEQUENCES:
        return None
    text = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(text))
    if bad > MIXED_BAD_SHARE * good:
        return None
    return _ESCAPED_BYTE.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text
    )


def _utf32_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32 text without a byte-order mark: every fourth byte pair is zero."""
    sample = data[: 4096 - 4096 % 4]
    if len(sample) < 8 or len(data) % 4:
        return None
    for name, zeros in (
        ("utf-32-le", sample[2::4] + sample[3::4]),
        ("utf-32-be", sample[0::4] + sample[1::4]),
    ):
        if zeros.count(0) == len(zeros):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark in a script whose code units have no zero
    byte (Cyrillic, Greek, Chinese...): it decodes cleanly, its characters are
    printable, and it has line breaks or spaces where UTF-16 puts them (a NUL byte
    beside each). Text in any 8-bit encoding has no NUL bytes, so it never passes."""
    if len(data) % 2 or len(data) < 8 or data.count(0) == 0:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        breaks = sum(1 for c in sample if c in " \n\r\t\u3000")
        if not breaks:
            continue
        odd = sum(1 for c in sample if not (c.isprintable() or c in "\n\r\t"))
        if odd <= len(sample) // 100:
            return text, name
    return None


def _is_utf16(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = data[:4096]
    return len(sample) >= 8 and (
        sample[1::2].count(0) > len(sample) * 0.4 or sample[0::2].count(0) > len(sample) * 0.4
    )


def article_from_bytes(
    data: bytes,
    origin: str,
    name: str,
    label: str,
    size: int | None = None,
    *,
    max_bytes: int | None = None,
) -> Article:
    """Validate and decode one article's bytes; raises ``IngestError``.

    ``size`` is the source's full size when ``data`` was read only up to the cap;
    ``max_bytes`` overrides the cap (``max_article_bytes()``).
    """
    limit = max_bytes or max_article_bytes()
    if len(data) > limit:
        raise IngestError(
            f"{label}: too large ({max(size or 0, len(data)) / 1048576:.1f} MB; the limit is "
            f"{round(limit / 1048576, 2):g} MB: raise it with --max-size MB or {ENV_MAX_MB})"
        )
    if not data.strip():
        raise IngestError(f"{label}: empty file")
    text, encoding = decode(data)
    if not encoding.startswith(("utf-16", "utf-32")) and _looks_binary(data):
        raise IngestError(f"{label}: binary file, not an article")
    if not text.strip():
        raise IngestError(f"{label}: empty file")
    if _text_looks_binary(text):
        raise IngestError(f"{label}: binary file, not an article")
    fmt = detect_format(name, data)
    return Article(origin=origin, format=fmt, text=text, encoding=encoding)


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_source(source: Source, *, max_bytes: int | None = None) -> Article:
    """Read one source into an Article; raises ``IngestError`` with the reason.

    At most ``max_bytes`` (default ``max_article_bytes()``) plus one are read,
    so an oversized file costs no more memory than the cap.
    """
    limit = max_bytes or max_article_bytes()
    if source.path is None:
        if sys.stdin is None or not hasattr(sys.stdin, "buffer"):
            raise IngestError(f"{source.label}: no standard input to read")
        try:
            data = sys.stdin.buffer.read(limit + 1)
        except OSError as exc:
            raise IngestError(f"{source.label}: cannot read ({exc.strerror or exc})") from None
        text_hash = content_hash(decode(data)[0])[:16] if data.strip() else "empty"
        return article_from_bytes(
            data, f"stdin:{text_hash}", "stdin.txt", source.label, max_bytes=limit
        )
    path = source.path
    try:
        # O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer;
        # it is refused below as not a regular file.
        with open(path, "rb", opener=_open_nonblocking) as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise IngestError(f"{source.label}: not a regular file")
            data = fh.read(limit + 1)
    except IngestError:
        raise
    except PermissionError:
        raise IngestError(f"{source.label}: permission denied") from None
    except FileNotFoundError:
        if os.path.islink(path):
            raise IngestError(f"{source.label}: broken symbolic link") from None
        raise IngestError(f"{source.label}: file disappeared before it could be read") from None
    except IsADirectoryError:
        raise IngestError(f"{source.label}: is a directory") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(f"{source.label}: symbolic link loop") from None
        raise IngestError(f"{source.label}: cannot read ({exc.strerror or exc})") from None
    origin = (
        os.fsdecode(os.path.abspath(path))
        .encode("utf-8", "surrogateescape")
        .decode("utf-8", "backslashreplace")
    )
    return article_from_bytes(
        data, origin, path.name, source.label, size=st.st_size, max_bytes=limit
    )
