"""Settings that last: a TOML file in the platform's config folder.

```toml
theme = "nord"                 # the reader's theme (t changes it, and it is remembered)
sort = "date"                  # the reader's order: relevance, date or source (O)
export_dir = "~/notes/brief"   # where e and E write (default: $BRIEF_EXPORT_DIR or ~/Documents/brief)

[keys]                         # key bindings by id (? lists them): "id" = "keys"
"reader.export" = "ctrl+e"
```

Read once, when the reader starts (``Settings.load``). A file that does not parse is
reported in one line and ignored, never a crash. The reader writes back only the keys it
remembers (theme, sort), line by line, so comments and everything else stay as written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

ENV_CONFIG = "BRIEF_CONFIG"
CONFIG_NAME = "config.toml"
SORTS = ("relevance", "date", "source")

TEMPLATE = """\
# brief settings (https://toml.io). Every key is optional.

# theme = "textual-dark"     # t in the reader cycles through the themes and remembers one
# sort = "relevance"         # relevance (library: newest first), date or source (O)
# export_dir = "~/Documents/brief"

# Key bindings, by the ids that ? lists in the reader:
# [keys]
# "reader.export" = "ctrl+e"
# "reader.star" = "f"
"""


def config_path() -> Path:
    """``$BRIEF_CONFIG``, else ``config.toml`` in the platform's config folder for brief."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("brief", appauthor=False) / CONFIG_NAME


@dataclass
class Settings:
    path: Path
    theme: str | None = None
    sort: str = "relevance"
    export_dir: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    #: why the file was not used, as one line (None: it was, or there is none)
    problem: str | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        import tomllib  # here: the reader's first frame does not wait for it

        path = path or config_path()
        settings = cls(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return settings
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            settings.problem = f"{path}: ignored, it cannot be read ({exc})"
            return settings
        problems: list[str] = []
        theme = data.get("theme")
        if isinstance(theme, str) and theme:
            settings.theme = theme
        elif theme is not None:
            problems.append("theme must be a name in quotes")
        sort = data.get("sort")
        if sort in SORTS:
            settings.sort = sort
        elif sort is not None:
            problems.append(f"sort must be one of {', '.join(SORTS)}")
        export_dir = data.get("export_dir")
        if isinstance(export_dir, str) and export_dir:
            settings.export_dir = Path(export_dir).expanduser()
        elif export_dir is not None:
            problems.append("export_dir must be a folder in quotes")
        keys = data.get("keys", {})
        if isinstance(keys, dict):
            settings.keys = {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}
        else:
            problems.append("[keys] must be a table")
        if problems:
            settings.problem = f"{path}: " + "; ".join(problems)
        return settings

    def remember(self, key: str, value: str) -> None:
        """Write ``key = "value"`` into the file (atomically), keeping everything else;
        a failure to write is ignored (the setting then lasts for this session only)."""
        setattr(self, key, value)
        with contextlib.suppress(OSError):
            set_value(self.path, key, value)


_TABLE = re.compile(r"^\s*\[")


def set_value(path: Path, key: str, value: str) -> None:
    """Set a top-level string ``key`` in the TOML file at ``path`` (created if missing)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = TEMPLATE.splitlines()
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    own = re.compile(rf"^\s*{re.escape(key)}\s*=")
    first_table = next((i for i, x in enumerate(lines) if _TABLE.match(x)), len(lines))
    found = next((i for i, x in enumerate(lines[:first_table]) if own.match(x)), None)
    if found is not None:
        lines[found] = line
    else:
        at = first_table
        while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
            at -= 1  # after the last setting, before the comments about tables
        lines.insert(at if at else first_table, line)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, path)
