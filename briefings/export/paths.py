"""Safe, portable export file names and no-clobber atomic writes.

A file name made from an article title must stay inside the export folder and
be valid on Linux, macOS and Windows: no path separators or ``..``, none of
``<>:"/\\|?*`` or control characters, no trailing dot or space, no reserved
Windows device name (``CON``, ``NUL.txt``, ``COM1`` ...), and well under the
255-byte limit of common file systems.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from briefings.derive.text import sanitize

EXTENSION = ".md"
#: The slug part of a name is cut to this many UTF-8 bytes (the whole name
#: stays under ~110 bytes, far below 255, leaving room for deep folders).
MAX_SLUG_BYTES = 80
FALLBACK_STEM = "briefing"

_FORBIDDEN = set('<>:"/\\|?*')
_RESERVED = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE
)
_HEX = re.compile(r"[0-9a-f]+")


def _process_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Read once at import (setting it is the only way to read it, and threads may write).
_UMASK = _process_umask()


class ExportExists(Exception):
    """The target file exists and ``force`` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} exists; use --force to overwrite it")
        self.path = path


def slugify(text: str, max_bytes: int = MAX_SLUG_BYTES) -> str:
    """Lower-case letters and digits joined by single hyphens, cut to ``max_bytes``.

    Letters of every script are kept (NFKC-normalised, so full-width forms
    become their ASCII twins); everything else becomes a hyphen. May be empty.
    """
    text = unicodedata.normalize("NFKC", sanitize(text)).lower()
    out: list[str] = []
    for ch in text:
        keep = ch.isalnum() or (unicodedata.category(ch).startswith("M") and out)
        out.append(ch if keep else "-")
    slug = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    return _cut(slug, max_bytes)


def _cut(slug: str, max_bytes: int) -> str:
    if len(slug.encode("utf-8")) <= max_bytes:
        return slug
    cut = slug.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
    word_end = cut.rfind("-")
    if word_end >= len(cut) // 2:  # end on a whole word when that keeps most of it
        cut = cut[:word_end]
    return cut.strip("-")


def safe_file_name(title: str, short_id: str = "", *, fallback: str = FALLBACK_STEM) -> str:
    """``<slug of title>-<short id>.md``, always a portable single file name."""
    stem = slugify(title) or fallback
    tag = short_id.lower() if _HEX.fullmatch(short_id.lower()) else slugify(short_id, 16)
    if tag:
        stem = f"{stem}-{tag}"
    if _RESERVED.match(stem):
        stem = f"{fallback}-{stem}"
    name = stem + EXTENSION
    assert is_portable_name(name), name
    return name


def is_portable_name(name: str) -> bool:
    """True when ``name`` is one valid file name on Linux, macOS and Windows."""
    if not name or name in {".", ".."} or name[-1] in ". ":
        return False
    if any(ch in _FORBIDDEN or ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return False
    if _RESERVED.match(name.split(".", 1)[0].rstrip(" ")):
        return False
    return len(name.encode("utf-8")) <= 200


def target_in(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that is not one plain portable file name."""
    if not is_portable_name(name):
        raise ValueError(f"not a safe file name: {name!r}")
    target = folder / name
    if target.parent != folder:  # pragma: no cover - guaranteed by is_portable_name
        raise ValueError(f"{name!r} leaves the export folder")
    return target


def write_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically.

    Without ``force`` an existing file is never replaced (raises ``ExportExists``),
    even if it appears while we write: the temp file is hard-linked into place,
    which fails if the name is taken. Folders are created as needed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if not force and (path.exists() or path.is_symlink()):
        raise ExportExists(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".brief-", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600; an export is an ordinary file
            os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _link_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportExists(path) from None
    except OSError as exc:  # file systems without hard links (FAT, some network shares)
        if exc.errno not in {
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
        }:
            raise
        if path.exists():
            raise ExportExists(path) from None
        os.replace(tmp, path)
