"""Markdown building blocks: escaping untrusted text, heading slugs, front matter.

Article text is untrusted. Everything that comes from an article goes through
``text``/``cell``, which make it inert Markdown: no emphasis, links, images,
code, raw HTML, entities, headings, lists or tables can come out of it, in
CommonMark, GitHub Flavoured Markdown or Obsidian (``$`` maths, ``#tags``,
``==highlights==``, ``%%comments%%``, ``^block-ids``). Control characters are
replaced by visible stand-ins (the derivation already did; this repeats it for
briefings stored by older versions).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import yaml

from briefings.derive.text import sanitize

# Characters that can start or end Markdown syntax anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|#$&~^])")
# Obsidian's doubled markers (highlight, comment): escape the first of the pair.
_DOUBLED = re.compile(r"([=%])(?=\1)")
# At the start of a block: list items, ordered lists, setext underlines.
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_BLOCK_START = ("-", "+", "=")


def plain(value: object) -> str:
    """Untrusted text on one line: stand-ins for control characters, spaces squashed."""
    return " ".join(sanitize(str(value)).split())


def text(value: object, *, block_start: bool = True) -> str:
    """Untrusted text as inert inline Markdown, safe at the start of a block too
    (``block_start=False`` where no block can start, e.g. in a heading)."""
    out = _DOUBLED.sub(r"\\\1", _INLINE.sub(r"\\\1", plain(value)))
    if not block_start:
        return out
    if out.startswith(_BLOCK_START):
        return "\\" + out
    return _ORDERED.sub(r"\1\\\2", out)


def cell(value: object) -> str:
    """Untrusted text for a table cell (``|`` is escaped by ``text``)."""
    return text(value) or " "


def link(label: str, destination: str) -> str:
    """A link whose label is already Markdown and whose destination is ours."""
    return f"[{label}]({destination})"


def file_destination(name: str) -> str:
    """A relative link to a file next to this one (percent-encoded, as Obsidian wants)."""
    return quote(name, safe="")


def heading_slug(heading: str) -> str:
    """The anchor GitHub (and markdown-it-anchor, VS Code, GitLab) give a heading.

    ``heading`` is the heading as displayed (plain text, not Markdown).
    """
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


class Headings:
    """Hands out heading anchors for one document, unique the way renderers make them."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def add(self, heading: str) -> str:
        """Register a heading (plain text, in document order); return its anchor."""
        base = heading_slug(heading)
        slug, n = base, 1
        while slug in self._seen:
            slug, n = f"{base}-{n}", n + 1
        self._seen.add(slug)
        return slug


def heading(level: int, title: str, headings: Headings | None = None) -> tuple[str, str]:
    """An ATX heading line for untrusted ``title`` and its anchor."""
    shown = plain(title) or "Untitled"
    anchor = headings.add(shown) if headings is not None else heading_slug(shown)
    return f"{'#' * level} {text(shown, block_start=False)}", anchor


def blockquote(lines: list[str]) -> str:
    """Markdown lines (already escaped) as one block quote."""
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GFM table from cells that are already escaped Markdown."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def front_matter(data: Mapping[str, Any]) -> str:
    """YAML front matter between ``---`` lines; every value escaped by ``yaml.safe_dump``."""
    dumped = yaml.safe_dump(
        dict(data), sort_keys=False, allow_unicode=True, default_flow_style=False, width=2**16
    )
    return f"---\n{dumped}---\n"


def tag(keyword: str) -> str:
    """An Obsidian-valid tag for a keyword: ``large language models`` -> ``large-language-models``."""
    from briefings.export.paths import slugify

    slug = slugify(keyword, max_bytes=60)
    return "" if slug.isdigit() else slug
