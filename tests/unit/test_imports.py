"""The domain packages never pull in the TUI toolkit (dependencies point one way)."""

from __future__ import annotations

import subprocess
import sys


def test_briefings_and_search_do_not_import_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, briefings, search\n"
        "for pkg in (briefings, search):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
