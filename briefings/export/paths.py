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
import stat
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


class UnsafeTarget(Exception):
    """The target is not a regular file (a device, a FIFO, a folder, a symbolic link):
    an export never replaces it, even with ``force``."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path} is {what}, not a regular file: brief will not replace it")
        self.path = path


#: Temporary files and folders of an export start with this and the writer's pid.
TEMP_PREFIX = ".brief-"


def check_replaceable(path: Path) -> bool:
    """True if ``path`` exists (as a regular file, the only thing ``force`` may
    replace); False if nothing is there; ``UnsafeTarget`` for anything else."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        return False  # the folder does not exist yet: creating it reports the problem
    if stat.S_ISREG(st.st_mode):
        return True
    what = (
        "a symbolic link"
        if stat.S_ISLNK(st.st_mode)
        else "a folder"
        if stat.S_ISDIR(st.st_mode)
        else "a FIFO"
        if stat.S_ISFIFO(st.st_mode)
        else "a device"
        if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
        else "a socket"
        if stat.S_ISSOCK(st.st_mode)
        else "not a file"
    )
    raise UnsafeTarget(path, what)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files and folders left in ``folder`` by an export that was killed
    (their writer's process is gone) are removed."""
    import shutil

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        pid_text = entry.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or _pid_alive(int(pid_text)):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


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
    exists = check_replaceable(path)  # a device, FIFO, folder or link: never replaced
    if exists and not force:
        raise ExportExists(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=path.parent
    )
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600; an export is an ordinary file
            os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        move_into_place(tmp, path, force=force)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def move_into_place(tmp: Path, path: Path, *, force: bool) -> None:
    """Put the finished file ``tmp`` at ``path``: without ``force`` only if nothing is
    there (a hard link fails if the name is taken); with ``force`` replacing only a
    regular file."""
    if force and check_replaceable(path):
        os.replace(tmp, path)
    else:
        _link_new(tmp, path)


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
