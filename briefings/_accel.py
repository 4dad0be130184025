"""Which derivation code runs: the mypyc-compiled modules or the Python sources.

The build (``setup.py``) may compile ``briefings/derive`` into extension modules
that sit next to the ``.py`` files, with a manifest of the sources' hashes. Python
prefers an extension module to a source file of the same name, so a compiled
module that no longer matches its source (the source was edited, another branch
checked out) would silently run old code. ``DerivationFinder`` prevents that:
``briefings`` installs it on import, and the first time ``briefings.derive`` is
imported (or ``status`` is read) it checks the compiled modules against the
sources, once per process. Unless they match exactly, it loads the sources.
Compiled and source modules never mix: compiled modules call each other
directly. Processes that never derive (the reader showing stored briefings)
never pay for the check.

``BRIEF_PURE=1`` in the environment always runs the sources.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path

PACKAGE = "briefings.derive"
FOLDER = Path(__file__).resolve().parent / "derive"
MANIFEST = "_mypyc.json"
SHARED_LIBRARY = "briefings_derive__mypyc"


def why_pure(folder: Path = FOLDER, shared_library: str = SHARED_LIBRARY) -> str | None:
    """Why the sources must run, or ``None`` when the compiled modules are current."""
    import hashlib
    import json

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


class DerivationFinder:
    """An import finder for ``briefings.derive`` and its modules: nothing when the
    compiled modules are current (the normal import finds them), otherwise their
    ``.py`` files, ahead of any compiled module of the same name."""

    def __init__(self, folder: Path = FOLDER) -> None:
        self.folder = folder
        self.status: str | None = None  # decided on first use

    def decide(self) -> str:
        """ "compiled" or "pure Python (why)", checked once."""
        if self.status is None:
            why = why_pure(self.folder)
            self.status = "compiled" if why is None else f"pure Python ({why})"
        return self.status

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> ModuleSpec | None:
        ours = fullname == PACKAGE or fullname.startswith(PACKAGE + ".")
        if not ours or self.decide() == "compiled":
            return None
        if fullname == PACKAGE:
            return importlib.util.spec_from_file_location(
                fullname, self.folder / "__init__.py", submodule_search_locations=[str(self.folder)]
            )
        package, _, name = fullname.rpartition(".")
        if package == PACKAGE and (self.folder / f"{name}.py").is_file():
            return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")
        return None


_FINDER = DerivationFinder()


def install() -> None:
    """Put the finder ahead of Python's own (``briefings`` does, on import)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def __getattr__(name: str) -> str:
    # ``status``: "compiled" or "pure Python (why)", decided on first read.
    if name == "status":
        return _FINDER.decide()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
