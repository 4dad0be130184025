"""Markdown export: one file per briefing, or a dossier of many.

Used by ``brief export`` and the reader. Takes briefings (never searches):
the caller resolves ids or queries. Every file has YAML front matter
(Omnivore-style keys) and a CommonMark body in which article text is inert.

Where files go by default: ``$BRIEF_EXPORT_DIR``, else ``~/Documents/brief``
(the platform's documents folder): the same place whether the export comes
from the command line or the reader, whatever the current directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefings.export.briefing import briefing_markdown
from briefings.export.dossier import dossier_markdown
from briefings.export.markdown import file_destination
from briefings.export.paths import (
    TEMP_PREFIX,
    ExportExists,
    UnsafeTarget,
    check_replaceable,
    is_portable_name,
    move_into_place,
    remove_stale_temporaries,
    safe_file_name,
    slugify,
    target_in,
    write_text,
)
from briefings.models import Briefing

__all__ = [
    "ENV_EXPORT_DIR",
    "ExportExists",
    "Planned",
    "UnsafeTarget",
    "Written",
    "brief_version",
    "briefing_file_name",
    "briefing_markdown",
    "default_export_dir",
    "dossier_file_name",
    "dossier_markdown",
    "is_portable_name",
    "plan_briefings",
    "plan_dossier",
    "safe_file_name",
    "write_all",
    "write_planned",
]

ENV_EXPORT_DIR = "BRIEF_EXPORT_DIR"


def default_export_dir() -> Path:
    """``$BRIEF_EXPORT_DIR`` or ``<documents folder>/brief``."""
    env = os.environ.get(ENV_EXPORT_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path() / "brief"


def brief_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("brief")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


def briefing_file_name(b: Briefing) -> str:
    """``china-lags-on-key-asset-3fa2b1c0.md``."""
    return safe_file_name(b.title, b.short_id)


def dossier_file_name(query: str | None, saved: str | None, day: datetime) -> str:
    """``dossier-alibaba-2024-04-07.md``."""
    topic = slugify(saved or query or "", max_bytes=60)
    stem = "-".join(p for p in ("dossier", topic, day.date().isoformat()) if p)
    return safe_file_name(stem, "")


@dataclass(frozen=True, slots=True)
class Planned:
    """One file an export will write: where, and what."""

    path: Path
    text: str


def _now(exported_at: datetime | None) -> datetime:
    return (exported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def plan_briefings(
    briefings: Iterable[Briefing],
    folder: Path,
    *,
    with_source: bool = False,
    exported_at: datetime | None = None,
    tags: Mapping[str, Sequence[str]] | None = None,
) -> list[Planned]:
    """One file per briefing in ``folder``; related briefings in the set link to each other.
    ``tags`` maps a briefing id to the user's tags for it (its front matter's ``tags``)."""
    items = list({b.id: b for b in briefings}.values())
    names = _unique_names(items)
    targets = {b.id: file_destination(names[b.id]) for b in items}
    moment, version = _now(exported_at), brief_version()
    return [
        Planned(
            target_in(folder, names[b.id]),
            briefing_markdown(
                b,
                exported_at=moment,
                version=version,
                targets=targets,
                with_source=with_source,
                tags=(tags or {}).get(b.id, ()),
            ),
        )
        for b in items
    ]


def _unique_names(items: list[Briefing]) -> dict[str, str]:
    names: dict[str, str] = {}
    taken: set[str] = set()
    for b in items:
        name = briefing_file_name(b)
        if name.casefold() in taken:  # same title and short id: use the whole id
            name = safe_file_name(b.title, b.id)
        taken.add(name.casefold())
        names[b.id] = name
    return names


def plan_dossier(
    briefings: Iterable[Briefing],
    target: Path,
    *,
    query: str | None = None,
    saved: str | None = None,
    with_source: bool = False,
    exported_at: datetime | None = None,
    folder: bool | None = None,
    stories: dict[str, int] | None = None,
) -> Planned:
    """The dossier file; ``target`` is a folder (the default name is used) or a file path.

    ``folder=True`` says ``target`` is a folder even if it does not exist yet
    (``--dir``); by default an existing folder is one and anything else a file.
    """
    moment = _now(exported_at)
    if folder or (folder is None and target.is_dir()):
        target = target_in(target, dossier_file_name(query, saved, moment))
    items = list({b.id: b for b in briefings}.values())
    text = dossier_markdown(
        items,
        exported_at=moment,
        version=brief_version(),
        query=query,
        saved=saved,
        with_source=with_source,
        stories=stories,
    )
    return Planned(target, text)


def write_planned(planned: list[Planned], *, force: bool = False) -> list[Path]:
    """Write every planned file. Without ``force`` nothing is written if any exists."""
    for p in planned:
        if check_replaceable(p.path) and not force:
            raise ExportExists(p.path)
    return write_all(planned, force=force).written


@dataclass
class Written:
    written: list[Path]
    #: planned files left alone because a file of that name exists (no ``force``)
    skipped: list[Path]


def write_all(planned: list[Planned], *, force: bool = False) -> Written:
    """Write the planned files; one is skipped (and listed) when its name is taken
    and ``force`` is not given. Several files are written into a temporary folder
    first and moved into place at the end, so an export killed while writing leaves
    no half-written files (and its leftovers are removed by the next export)."""
    result = Written([], [])
    if len(planned) == 1:
        p = planned[0]
        remove_stale_temporaries(p.path.parent)
        try:
            result.written.append(write_text(p.path, p.text, force=force))
        except ExportExists:
            result.skipped.append(p.path)
        return result
    folders = {p.path.parent for p in planned}
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(folder)
    todo: list[Planned] = []
    for p in planned:
        if check_replaceable(p.path) and not force:
            result.skipped.append(p.path)
        else:
            todo.append(p)
    staging = {
        folder: Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=folder))
        for folder in {p.path.parent for p in todo}
    }
    try:
        staged = [(write_text(staging[p.path.parent] / p.path.name, p.text), p.path) for p in todo]
        for tmp, path in staged:
            try:
                move_into_place(tmp, path, force=force)
            except ExportExists:  # appeared meanwhile
                result.skipped.append(path)
                continue
            result.written.append(path)
    finally:
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)
    return result
