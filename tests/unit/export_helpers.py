"""Parsing helpers for the export tests: front matter, CommonMark tokens, anchors."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin

from briefings.models import Briefing, Entity, Figure, Quote, Related


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n"), text[:40]
    end = text.index("\n---\n", 4)
    data = yaml.safe_load(text[4 : end + 1])
    assert isinstance(data, dict)
    return data, text[end + 5 :]


def parser() -> MarkdownIt:
    """CommonMark plus GFM tables, with GitHub-style heading ids (markdown-it-anchor)."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(anchors_plugin, max_level=6)


def tokens(body: str) -> list[Token]:
    return parser().parse(body)


def walk(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        out.append(t)
        if t.children:
            out.extend(walk(t.children))
    return out


def headings(toks: list[Token]) -> list[tuple[int, str, str]]:
    """(level, displayed text, id) of every heading."""
    out = []
    for i, t in enumerate(toks):
        if t.type == "heading_open":
            inline = toks[i + 1]
            shown = "".join(c.content for c in inline.children or [] if c.type == "text")
            out.append((int(t.tag[1]), shown, str(t.attrGet("id"))))
    return out


def links(toks: list[Token]) -> list[str]:
    return [str(t.attrGet("href")) for t in walk(toks) if t.type == "link_open"]


def assert_links_resolve(body: str) -> list[str]:
    """Every internal link jumps, the GitHub way (to the heading whose slug it names)
    and the Obsidian way (to the heading whose text it names, percent-decoded).
    Returns the links (decoded)."""
    toks = tokens(body)
    found = headings(toks)
    ids = [hid for _, _, hid in found]
    assert len(ids) == len(set(ids)), "headings must be unique"
    texts = {shown for _, shown, _ in found}
    internal = [unquote(h) for h in links(toks) if h.startswith("#")]
    for href in internal:
        assert href[1:] in ids, f"{href} resolves to no heading slug"
        assert href[1:] in texts, f"{href} names no heading text (Obsidian)"
    return internal


def briefing(title: str = "A plain title", **kw: Any) -> Briefing:
    """A hand-made briefing with every part filled in (texts written for the tests)."""
    data: dict[str, Any] = {
        "id": "0123456789abcdef",
        "title": title,
        "dek": "A short standfirst.",
        "author": "Ann Writer",
        "source": "The Daily Example",
        "origin": "/home/user/clips/example.txt",
        "published": "2024-03-01",
        "summary": ["First summary line.", "Second summary line."],
        "quotes": [
            Quote(text="We will build the bridge before winter comes", speaker="Bo Mayor",
                  speaker_role="mayor of Exampletown"),
            Quote(text="Nobody asked the people who live here first", speaker=None),
        ],
        "figures": [Figure(text="$3 million", value=3e6, unit="USD", measures="cost of the bridge"),
                    Figure(text="40%", value=40, unit="%", sentence="Traffic rose 40% in a year.")],
        "entities": [Entity(name="Bo Mayor", kind="person"), Entity(name="Exampletown", kind="place"),
                     Entity(name="Bridge Works Ltd", kind="organisation")],
        "keywords": ["bridge", "city council budget", "2024"],
        "related": [Related(id="fedcba9876543210", title="Council votes on the bridge", score=0.8,
                            reasons=["shares 3 entities"])],
        "body": ["First paragraph of the body.", "A subheading", "Second paragraph."],
        "headings": [1],
    }  # fmt: skip
    data.update(kw)
    return Briefing.model_validate(data)
