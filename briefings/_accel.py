"""Which derivation code runs: the mypyc-compiled modules or the Python sources.

The build (``setup.py``) may compile ``briefings/derive`` into extension modules
that sit next to the ``.py`` files, with a manifest of the sources' hashes. Python
prefers an extension module to a source file of the same name, so a compiled
module that no longer matches its source (the source was edited, another branch
checked out) would silently run old code. ``select`` prevents that: it runs once,
when ``briefings`` is imported, and unless the compiled modules match the sources
exactly, it routes the imports of ``briefings.derive`` to the sources. Compiled
and source modules never mix: compiled modules call each other directly.

``BRIEF_PURE=1`` in the environment always runs the sources.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path

PACKAGE = "briefings.derive"
FOLDER = Path(__file__).resolve().parent / "derive"
MANIFEST = "_mypyc.json"
SHARED_LIBRARY = "briefings_derive__mypyc"

#: "compiled" or "pure Python (why)"; set by ``select``.
status = "pure Python (not yet checked)"


def why_pure(folder: Path = FOLDER, shared_library: str = SHARED_LIBRARY) -> str | None:
    """Why the sources must run, or ``None`` when the compiled modules are current."""
    if os.environ.get("BRIEF_PURE") == "1":
        return "BRIEF_PURE=1"
    try:
        names = os.listdir(folder)
    except OSError:
        return "derivation folder unreadable"
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    if not any(name.endswith(suffixes) for name in names):
        return "not compiled"
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        built: dict[str, str] = manifest["sources"]
        tag = manifest["cache_tag"]
    except (OSError, ValueError, KeyError, TypeError):
        return "compiled modules without a readable manifest"
    if tag != sys.implementation.cache_tag:
        return f"compiled for {tag}"
    sources = sorted(name for name in names if name.endswith(".py"))
    if sources != sorted(built):
        return "compiled modules are stale (modules added or removed since the build)"
    for name in sources:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        if digest != built[name]:
            return f"compiled modules are stale ({name} changed since the build)"
    if importlib.util.find_spec(shared_library) is None:
        return f"{shared_library} is missing"
    return None


class SourceFinder:
    """An import finder that loads ``briefings.derive`` and its modules from the
    ``.py`` files, ahead of any compiled module of the same name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        if fullname == PACKAGE:
            return importlib.util.spec_from_file_location(
                fullname, self.folder / "__init__.py", submodule_search_locations=[str(self.folder)]
            )
        package, _, name = fullname.rpartition(".")
        if package == PACKAGE and (self.folder / f"{name}.py").is_file():
            return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")
        return None


def select(folder: Path = FOLDER) -> str:
    """Decide, once per process, which derivation code runs; returns ``status``."""
    global status
    if any(isinstance(finder, SourceFinder) for finder in sys.meta_path):
        return status
    why = why_pure(folder)
    if why is None:
        status = "compiled"
    else:
        status = f"pure Python ({why})"
        if why != "not compiled":
            sys.meta_path.insert(0, SourceFinder(folder))
    return status
