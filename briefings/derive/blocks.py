"""Split sanitised text into candidate paragraphs ("blocks").

Scraped text comes in two shapes: one paragraph per line, or hard-wrapped
paragraphs separated by blank lines. Lines inside a blank-line-separated block
are joined when they look wrapped (the line does not end a sentence and the
next one continues it); otherwise each line is its own block. Markdown
headings, list bullets and emphasis are reduced to plain text, with headings
marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefings.derive.text import squash_spaces

_MD_HEADING: Final = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE: Final = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK: Final = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REF_LINK: Final = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_EMPHASIS: Final = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)"
)
_MD_BULLET: Final = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE: Final = re.compile(r"^\s*>\s?")
_MD_RULE: Final = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_REF_DEF: Final = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_MD_FENCE: Final = re.compile(r"^\s*(```|~~~)")
_END_OF_SENTENCE: Final = re.compile(r"[.!?:;\"”’)\]]$")


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    heading: bool = False


def _markdown_inline(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", line)
    return line.replace("`", "")


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join the lines of one blank-line-separated block when it is hard-wrapped.

    Hard-wrapped text has lines of a bounded, similar width; scraped text with
    one paragraph per line does not. A two-line block is joined only when the
    second line continues the first (starts in lower case).
    """
    if len(lines) < 2:
        return lines
    if len(lines) == 2:
        if lines[1][:1].islower() and not _END_OF_SENTENCE.search(lines[0]):
            return [lines[0] + " " + lines[1]]
        return lines
    widths = [len(line) for line in lines[:-1]]
    continued = sum(1 for line in lines[1:] if line[:1].islower())
    if max(widths) > 100 or min(widths) < 0.5 * max(widths) or continued < 0.4 * (len(lines) - 1):
        return lines
    return [" ".join(lines)]


def split_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Candidate paragraphs of ``text`` in order, white space squashed."""
    blocks: list[Block] = []
    group: list[str] = []
    in_fence = False

    def flush() -> None:
        for line in _join_wrapped(group):
            if line:
                blocks.append(Block(line))
        group.clear()

    for raw in text.split("\n"):
        if markdown:
            if _MD_FENCE.match(raw):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            heading = _MD_HEADING.match(raw)
            if heading:
                flush()
                title = squash_spaces(_markdown_inline(heading.group(2)))
                if title:
                    blocks.append(Block(title, heading=True))
                continue
            if _MD_RULE.match(raw) or _MD_REF_DEF.match(raw):
                flush()
                continue
            raw = _MD_QUOTE.sub("", raw)
            raw = _MD_BULLET.sub("", raw)
            raw = _markdown_inline(raw)
        line = squash_spaces(raw)
        if not line:
            flush()
            continue
        group.append(line)
    flush()
    return blocks


def strip_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split a leading YAML front matter block off Markdown text."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        return {}, text
    import yaml  # only Markdown with front matter pays for the import

    try:
        data = yaml.safe_load(text[4:end])
    except (yaml.YAMLError, ValueError):  # ValueError: impossible dates ("2024-13-45")
        return {}, text
    rest = text[end + 4 :]
    rest = rest[rest.find("\n") + 1 :] if "\n" in rest else ""
    return (data if isinstance(data, dict) else {}), rest
