"""Split sanitised text into candidate paragraphs ("blocks").

Scraped text comes in two shapes: one paragraph per line, or hard-wrapped
paragraphs separated by blank lines. Lines inside a blank-line-separated block
are joined when they look wrapped (the line does not end a sentence and the
next one continues it); otherwise each line is its own block. Markdown
headings, list bullets and emphasis are reduced to plain text, with headings
marked.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Final

from briefings.derive.text import squash_spaces

log = logging.getLogger(__name__)

# Every pattern here runs on untrusted text, so none may backtrack without bound:
# a scan that starts at one opening mark stops at the next opening mark (``[^\[\]]``,
# ``[^()]``, ``(?!\1).``), which keeps the work linear in the length of the line
# (tests/reliability/test_budget.py times long runs of each mark).
_MD_HEADING: Final = re.compile(r"(#{1,6})[ \t]+(.*)")
_MD_IMAGE: Final = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_MD_LINK: Final = re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*+\)")
_MD_REF_LINK: Final = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_MD_EMPHASIS: Final = re.compile(
    r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)"
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


def _heading_text(text: str) -> str:
    """A heading's text without its optional closing hashes (``## Title ##``)."""
    text = text.rstrip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        return bare.rstrip()
    return text


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
            heading = _MD_HEADING.fullmatch(raw)
            if heading:
                flush()
                title = squash_spaces(_markdown_inline(_heading_text(heading.group(2))))
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


#: Front matter larger than this is dropped (the body is kept): reading YAML costs
#: far more time and memory per byte than the rest of an article.
MAX_FRONT_MATTER: Final = 64 * 1024
#: Deepest nesting of lists and mappings read in front matter, and most values.
MAX_FRONT_MATTER_DEPTH: Final = 16
MAX_FRONT_MATTER_NODES: Final = 5_000


class FrontMatterError(ValueError):
    """Front matter that is refused (too large, too deep, not YAML); the body is kept."""


class _Frame:
    """A list or mapping being read from YAML events."""

    def __init__(self, mapping: bool) -> None:
        self.mapping = mapping
        self.items: list[object] = []

    def value(self) -> object:
        if not self.mapping:
            return self.items
        out: dict[str, object] = {}
        for k in range(0, len(self.items) - 1, 2):
            key = self.items[k]
            if isinstance(key, str):  # a list or mapping as a key: ignored
                out[key] = self.items[k + 1]
        return out


def load_front_matter(text: str) -> object:
    """Read YAML front matter safely: every scalar is a string (no huge integers,
    no timestamps to overflow), aliases are read as nothing (no alias bombs), nesting
    and size are limited, and no Python recursion depends on the input. Only the
    first document counts. Raises ``FrontMatterError``."""
    import yaml  # only Markdown with front matter pays for the import

    if len(text) > MAX_FRONT_MATTER:
        raise FrontMatterError(f"front matter larger than {MAX_FRONT_MATTER // 1024} KB")
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    frames: list[_Frame] = []
    root: object = None
    nodes = 0
    skipped = 0  # depth inside a value nested too deeply (read as nothing)
    try:
        for event in yaml.parse(text, Loader=loader):
            value: object
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if skipped or len(frames) >= MAX_FRONT_MATTER_DEPTH:
                    if not skipped:
                        log.warning("front matter: a value nested too deeply was ignored")
                    skipped += 1
                else:
                    frames.append(_Frame(isinstance(event, yaml.MappingStartEvent)))
                continue
            if skipped:
                if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                    skipped -= 1
                if skipped:
                    continue
                value = None
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                value = frames.pop().value()
            elif isinstance(event, yaml.ScalarEvent):
                value = event.value
            elif isinstance(event, yaml.AliasEvent):
                value = None  # an alias is read as nothing: no expansion at all
            elif isinstance(event, yaml.DocumentEndEvent):
                break
            else:
                continue
            nodes += 1
            if nodes > MAX_FRONT_MATTER_NODES:
                raise FrontMatterError("front matter has too many values")
            if frames:
                frames[-1].items.append(value)
            else:
                root = value
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not YAML: {str(exc).splitlines()[0]}") from None
    return root


def strip_front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split a leading YAML front matter block off Markdown text.

    Front matter that cannot be read safely is ignored (logged), and the body kept.
    """
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        return {}, text
    rest = text[end + 4 :]
    rest = rest[rest.find("\n") + 1 :] if "\n" in rest else ""
    try:
        data = load_front_matter(text[4:end])
    except FrontMatterError as exc:
        log.warning("front matter ignored: %s", exc)
        if len(text) - len(rest) > MAX_FRONT_MATTER:
            return {}, rest  # too large to show as text either
        return {}, text
    return (data if isinstance(data, dict) else {}), rest
