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
# What GitHub (extended autolinks) and Obsidian turn into links by themselves: a
# scheme's colon, the dot after "www" and the "@" of an e-mail address are escaped
# (the text reads the same; nothing becomes a link).
_AUTOLINK = re.compile(
    r"(?i)(?<![\w])((?:https?|ftp|ftps|mailto|file|xmpp|obsidian)):|(?<![\w.])(www)\.|@"
)


def plain(value: object) -> str:
    """Untrusted text on one line: stand-ins for control characters, spaces squashed."""
    return " ".join(sanitize(str(value)).split())


def text(value: object, *, block_start: bool = True) -> str:
    """Untrusted text as inert inline Markdown, safe at the start of a block too
    (``block_start=False`` where no block can start, e.g. in a heading)."""
    out = _DOUBLED.sub(r"\\\1", _INLINE.sub(r"\\\1", plain(value)))
    out = _AUTOLINK.sub(_inert_link, out)
    if not block_start:
        return out
    if out.startswith(_BLOCK_START):
        return "\\" + out
    return _ORDERED.sub(r"\1\\\2", out)


def _inert_link(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1) + "\\:"
    if m.group(2):
        return m.group(2) + "\\."
    return "\\@"


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


# Links inside one file, and why the headings they reach look like slugs.
#
# GitHub, GitLab, VS Code and markdown-it-anchor resolve ``[x](#frag)`` to the
# heading whose *slug* is ``frag`` (lower case, punctuation dropped, spaces
# turned into hyphens). Obsidian resolves it to the heading whose *text* is
# ``frag`` (percent-decoded). Wikilinks (``[[#Heading]]``) work only in
# Obsidian, HTML anchors (``<a id>``) not in Obsidian, block ids (``^id``) not
# in CommonMark renderers. One link works in all of them only when the
# heading's text already is its own slug, so every heading that a link points
# at is written as one (``## 2-chinese-firms-lag-behind-us-peers``: lower-case
# letters and digits joined by hyphens; no marks, punctuation or spaces), and
# the readable title follows it as a bold line. The caller makes each label
# unique (a section number), so no renderer adds a ``-1`` suffix to it.

_WORD_CHAR = re.compile(r"\w")
# An apostrophe or a dot inside a word ("China's", "U.S."): dropped, not a hyphen.
_IN_WORD = re.compile(r"(?<=[^\W\d_])[.'’](?=[^\W\d_])")


def anchor_label(text: str, *, max_bytes: int = 60, fallback: str = "untitled") -> str:
    """``text`` as a heading label that is its own slug everywhere (see above)."""
    from briefings.export.paths import slugify

    kept = "".join(
        c
        for c in slugify(_IN_WORD.sub("", text), max_bytes=max_bytes)
        if c == "-" or _WORD_CHAR.match(c)
    )
    label = re.sub(r"-{2,}", "-", kept.replace("_", "-")).strip("-") or fallback
    if not is_anchor_label(label):  # pragma: no cover - a case-mapping oddity
        label = re.sub(r"[^a-z0-9-]", "", label).strip("-") or fallback
    return label


def is_anchor_label(label: str) -> bool:
    """True when a heading reading ``label`` is reached by ``#label`` by slug and by text."""
    return (
        bool(label)
        and heading_slug(label) == label
        and text(label, block_start=False) == label
        and "_" not in label
    )


def target_heading(level: int, label: str) -> tuple[str, str]:
    """A heading line for an anchor ``label`` and the link destination that reaches it."""
    if not is_anchor_label(label):
        raise ValueError(f"not an anchor label: {label!r}")
    return f"{'#' * level} {label}", "#" + quote(label, safe="-")


def heading(level: int, title: str) -> tuple[str, str]:
    """An ATX heading line for untrusted ``title`` and its GitHub-style anchor."""
    shown = plain(title) or "Untitled"
    return f"{'#' * level} {text(shown, block_start=False)}", heading_slug(shown)


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
