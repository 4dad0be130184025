"""Build hook: compile the derivation (``briefings/derive``) with mypyc.

Everything about the package is in ``pyproject.toml``; this file only adds the
compiled modules. mypyc turns the type-annotated derivation modules into C
extension modules (one shared library, ``briefings_derive__mypyc``): the same
code, output byte-identical to pure Python, about 30% faster. mypy (which
ships mypyc) is a build requirement only; nothing extra is needed at run time.

Compiling is optional. ``BRIEF_PURE=1`` at build time skips it, and a build that
cannot compile (no C compiler, no Python headers) warns and installs pure Python.
Either way ``briefings/_accel.py`` decides at import time which code runs: the
compiled modules only while they match the sources they were built from (a
manifest of source hashes, ``_mypyc.json``, is written next to them).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = "briefings.derive"
GROUP = "briefings_derive"  # the shared library: briefings_derive__mypyc
MANIFEST = "_mypyc.json"
#: The commands that build extension modules. pip first runs metadata commands
#: (egg_info, dist_info), which need not pay for mypyc's analysis (about 10 s each).
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


def _say(message: str) -> None:
    print(f"brief build: {message}", file=sys.stderr)


def _first_line(exc: BaseException) -> str:
    if isinstance(exc, SystemExit):
        return "mypy reported the errors above"
    return (str(exc).splitlines() or [type(exc).__name__])[0][:120]


def _sources() -> list[str]:
    return sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "briefings" / "derive").glob("*.py")
    )


def _extensions() -> list:
    if not BUILDS.intersection(sys.argv[1:]):
        return []
    if os.environ.get("BRIEF_PURE") == "1":
        _say("BRIEF_PURE=1: the derivation stays pure Python")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed: the derivation stays pure Python")
        return []
    # The project's own mypy settings load the pydantic plugin, which the build
    # environment lacks; compiling needs only the derivation's own annotations.
    options = ["--config-file", os.devnull, "--ignore-missing-imports"]
    cwd = os.getcwd()
    os.chdir(ROOT)  # mypycify takes paths relative to the project
    try:
        return mypycify([*options, *_sources()], group_name=GROUP, opt_level="3")
    except (Exception, SystemExit) as exc:  # mypyc reports type errors by exiting
        _say(f"mypyc could not compile the derivation ({_first_line(exc)}); it stays pure Python")
        return []
    finally:
        os.chdir(cwd)


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or none of them: they call each other directly,
    so a partial build would not import. On success, write the manifest."""

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:
            for path in [*self.get_outputs(), self._folder() / MANIFEST]:
                Path(path).unlink(missing_ok=True)
            _say(f"compiling failed ({_first_line(exc)}); this build adds no compiled modules")
            return
        self._write_manifest()

    def _folder(self) -> Path:
        """Where the compiled modules of briefings.derive go: in place for an
        editable install, the build folder for a wheel."""
        return Path(self.get_ext_fullpath(f"{PACKAGE}.words")).parent

    def _write_manifest(self) -> None:
        folder = self._folder()
        sources = {
            Path(s).name: hashlib.sha256((ROOT / s).read_bytes()).hexdigest() for s in _sources()
        }
        manifest = {"cache_tag": sys.implementation.cache_tag, "sources": sources}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
