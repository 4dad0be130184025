"""Article -> Briefing: a sequence of small pure steps.

1. ``text.sanitize``: make untrusted text inert (control and bidi characters).
2. ``html.extract_html`` (HTML only): main text and page metadata.
3. ``blocks.split_blocks``: candidate paragraphs; Markdown reduced to text.
4. ``metadata.read_header``: title, byline, date, reading time off the top.
5. ``clean.clean_blocks``: boilerplate out, credits and publisher into metadata.
6. ``Document.build``: paragraphs and sentences with offsets into the body.
7. analysis steps over the ``Document``: quotes, figures, entities, keywords, summary.

``EXTRACTOR_VERSION`` changes whenever a step's output changes, so that
``brief rebuild`` knows which stored briefings are stale.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Final, TypeVar

from briefings.derive.blocks import split_blocks, strip_front_matter
from briefings.derive.clean import clean_blocks
from briefings.derive.dates import parse_date
from briefings.derive.document import Document, Metadata
from briefings.derive.entities import (
    SharedMentions,
    extract_entities,
    speakers_from_entities,
)
from briefings.derive.figures import extract_figures
from briefings.derive.keywords import extract_keywords
from briefings.derive.metadata import clean_person_name, read_header, title_from_body
from briefings.derive.quotes import extract_quotes
from briefings.derive.sentences import split_sentences
from briefings.derive.summary import summarise
from briefings.derive.text import sanitize
from briefings.models import Article, Briefing, SummarySentence

EXTRACTOR_VERSION = 9

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Analysis steps never take a briefing down: in normal runs a failing step
#: yields an empty result and a logged warning. Tests set BRIEF_STRICT=1 so
#: that a failing step fails the test instead.
STRICT: Final = os.environ.get("BRIEF_STRICT") == "1"


def _step(name: str, fn: Callable[[], list[T]], origin: str) -> list[T]:
    if STRICT:
        return fn()
    try:
        return fn()
    except MemoryError:  # over the article's memory budget: the article fails, not a step
        raise
    except Exception:  # pragma: no cover - defensive; property tests run strict
        log.warning("%s: step %s failed; left empty", origin, name, exc_info=True)
        return []


def _front_matter_meta(data: dict[str, object], meta: Metadata) -> None:
    def text(*keys: str) -> str | None:
        for key in keys:
            value = data.get(key)
            if isinstance(value, str | int | float) and str(value).strip():
                return sanitize(str(value)).strip()
            if isinstance(value, list) and value and isinstance(value[0], str):
                return sanitize(", ".join(str(v) for v in value))
        return None

    meta.title = text("title", "headline")
    meta.dek = text("description", "subtitle", "dek", "summary")
    meta.author = text("author", "authors", "byline")
    meta.source = text("source", "site_name", "site", "publisher", "outlet")
    when = data.get("date_published") or data.get("date") or data.get("published")
    if when is not None:
        meta.published = parse_date(str(when))


def build_document(article: Article) -> Document:
    """Steps 1-6: the cleaned, segmented article with its metadata."""
    meta = Metadata()
    text = sanitize(article.text)
    markdown = article.format == "md"
    if article.format == "html":
        from briefings.derive.html import extract_html

        page = extract_html(article.text)
        text = sanitize(page.text)
        meta.title = sanitize(page.title) if page.title else None
        meta.authors = [sanitize(a) for a in page.authors]
        meta.author = sanitize(page.author) if page.author else None
        meta.updated = page.updated
        meta.published = page.published
        meta.source = sanitize(page.source) if page.source else None
        meta.dek = sanitize(page.dek) if page.dek else None
        meta.url = page.url
    elif markdown:
        front, text = strip_front_matter(text)
        _front_matter_meta(front, meta)

    blocks = split_blocks(text, markdown=markdown)
    if markdown and meta.title is None and blocks and blocks[0].heading:
        meta.title = blocks[0].text
        blocks = blocks[1:]
    blocks = read_header(blocks, meta)
    blocks = clean_blocks(blocks, meta)
    if meta.authors:
        meta.authors = [n for n in dict.fromkeys(clean_person_name(a) for a in meta.authors) if n]
        meta.author = ", ".join(meta.authors) or None
    elif meta.author:
        meta.author = clean_person_name(meta.author) or None
    if not meta.title:
        meta.title = title_from_body([b.text for b in blocks if not b.heading]) or "Untitled"
    headings = {i for i, b in enumerate(blocks) if b.heading}
    return Document.build([b.text for b in blocks], headings, meta, split_sentences)


def derive(article: Article) -> Briefing:
    """Derive the briefing for one article. Raises ``ValueError`` only for HTML
    pages with no article text; any other input yields a valid briefing."""
    doc = build_document(article)
    origin = article.origin
    # the quote rules and the entity step share one read of the article's mentions
    shared = SharedMentions()
    quotes = _step("quotes", lambda: extract_quotes(doc, shared), origin)
    figures = _step("figures", lambda: extract_figures(doc), origin)
    entities = _step("entities", lambda: extract_entities(doc, quotes, shared), origin)
    quotes = speakers_from_entities(quotes, entities)
    keywords = _step("keywords", lambda: extract_keywords(doc), origin)
    summary = _step("summary", lambda: summarise(doc, entities=entities), origin)
    meta = doc.meta
    return Briefing(
        id=article.id,
        title=meta.title or "Untitled",
        dek=meta.dek,
        author=meta.author,
        authors=meta.authors or ([a for a in meta.author.split(", ") if a] if meta.author else []),
        published=meta.published,
        source=meta.source,
        origin=origin,
        url=meta.url,
        format=article.format,
        summary=[s.text for s in summary],
        summary_spans=[SummarySentence(start=s.start, end=s.end) for s in summary],
        quotes=quotes,
        figures=figures,
        entities=entities,
        keywords=keywords,
        body=[p.text for p in doc.paragraphs],
        headings=[i for i, p in enumerate(doc.paragraphs) if p.heading],
        credits=meta.credits,
        content_hash=article.content_hash,
        extractor_version=EXTRACTOR_VERSION,
    )
