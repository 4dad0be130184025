"""HTML articles: body text through trafilatura, metadata from the page's own markup.

trafilatura (best published body F1 on the Zyte benchmark) is imported only
when an HTML article is derived, so text-only use stays fast to start.

Metadata comes first from what the page says about its article in structured
form (the JSON-LD item of an article type: headline, datePublished,
dateModified, author, publisher), then from meta tags (``og:title``,
``article:published_time``, ``og:site_name``, ``author``), then from the
visible ``<h1>``, and last from trafilatura's own guesses. Authors are a list
of people; an organisation is listed only when the page names no person.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from typing import Any, Final

from briefings.derive.boilerplate import is_staff_credit
from briefings.derive.dates import find_date, parse_date


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    source: str | None = None
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    updated: date | None = None
    #: The page's canonical address (``<link rel=canonical>``, ``og:url``).
    url: str | None = None


#: A start tag longer than this keeps its name and loses its attributes before parsing:
#: a tag with tens of thousands of attributes takes lxml, trafilatura and htmldate
#: minutes. The scan from one ``<`` stops at the next ``<`` or ``>``: linear.
_HUGE_TAG: Final = re.compile(r"<([A-Za-z][A-Za-z0-9:-]{0,40})\s[^<>]{8000,}>")


def _trim_huge_tags(html: str) -> str:
    return _HUGE_TAG.sub(r"<\1>", html)


#: Fewer words than this in the extracted main text: not an article.
MIN_ARTICLE_WORDS: Final = 5


def extract_html(html: str) -> HtmlExtract:
    """Main text of an HTML page, one paragraph per line, with its metadata.

    Raises ``ValueError`` when the page holds no article text.
    """
    from trafilatura.utils import load_html

    html = _trim_huge_tags(html)  # once, for both passes below
    tree = load_html(html)
    if tree is None:
        raise ValueError("no article text found in the HTML")
    page = read_page_meta(tree)
    bold_lines = bold_paragraphs(tree)
    shown_deks = dek_candidates(tree)
    tidy_tree(tree)
    doc = _bare(tree, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    lead: str | None = None
    if text and MERGE_RECALL:
        text, lead = _with_recall_interior(html, text)
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        # Nothing found where the extractor looks: the article box hidden in a
        # sidebar by unclosed tags, or a page whose text is only in its scripts.
        fallback = _article_box_text(html) or _embedded_text(html)
        text = _without_placeholders(fallback) if fallback else text
    # A page whose only text is a menu link or two ("Home") has no article in it.
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise ValueError("no article text found in the HTML")
    source = page.source or _clean(getattr(doc, "sitename", None))
    title = page.title or _clean(getattr(doc, "title", None))
    # Structured data first (people), then the visible byline, then the
    # organisation the structured data names, then trafilatura's reading.
    authors = page.authors or page.byline
    if not authors:
        # A name in bold on a line of its own, at the top or the end of the body, is the byline.
        text, authors = _bold_byline(text, bold_lines, source)
    authors = authors or page.site_authors
    if not authors:
        found = split_authors(_clean(getattr(doc, "author", None)) or "")
        authors = [a for a in found if not is_placeholder_author(a) and _full_name(a)]
    published = page.published or parse_date(getattr(doc, "date", None) or "")
    return HtmlExtract(
        text=text,
        title=strip_site_name(title, source, page.url),
        author=", ".join(authors) or None,
        published=published,
        source=source,
        # The standfirst the page shows over the body, else its share description.
        dek=lead
        or _choose_dek(
            shown_deks,
            text,
            title,
            _unless_in(text, _full_description(tree, _clean(getattr(doc, "description", None)))),
        ),
        authors=authors,
        updated=page.updated,
        url=page.url,
    )


#: The class or id of a standfirst shown under the headline: "dek", "standfirst",
#: "article-lead", "c-page-intro__copy", "subtitle", "chapo", "Vorspann", "bajada".
_DEK_CLASS: Final = re.compile(
    r"(?:^|[^a-z])(?:dek|deck|standfirst|subtitle|sub-title|summary|description|lead|lede|"
    r"intro|introduction|teaser|excerpt|abstract|chapo|chapeau|vorspann|bajada|entradilla|"
    r"sumario|sottotitolo)(?:$|[^a-z])"
)
#: The same words closing a camel-case class: "articleLead", "storyDescription".
_DEK_CAMEL: Final = re.compile(
    r"[a-z](?:Dek|Standfirst|Subtitle|Summary|Description|Lead|Lede|Intro|Teaser|Excerpt|Abstract)"
    r"(?:$|[^a-z])"
)
_DEK_ITEMPROP: Final = frozenset({"description", "abstract", "alternativeheadline"})
_DEK_TAGS: Final = ("p", "div", "h2", "h3", "span", "section", "header")
#: Block children that make an element a box around a standfirst, not the standfirst.
_BLOCK_TAGS: Final = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "table", "h1", "h2", "h3", "h4", "header", "nav"}
)
#: A shown standfirst has this many words at most; it is looked for among the
#: elements before this many paragraphs after the headline.
DEK_MAX_WORDS: Final = 90
DEK_SCAN_PARAGRAPHS: Final = 40
#: At most this share of a standfirst's words are link text.
DEK_LINK_SHARE: Final = 0.5
#: A paragraph this long is one the body is searched for (not "Share").
DEK_PARAGRAPH_MIN_CHARS: Final = 20


@dataclass(slots=True)
class DekCandidates:
    """Standfirst-classed elements between the page's first ``<h1>`` and its first
    paragraphs, each with the number of paragraphs seen before it."""

    found: list[tuple[str, int]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _dek_classed(element: Any) -> bool:
    if (element.get("itemprop") or "").lower() in _DEK_ITEMPROP:
        return True
    for name in (element.get("class") or "", element.get("id") or ""):
        if name and (_DEK_CLASS.search(name.lower()) or _DEK_CAMEL.search(name)):
            return True
    return False


#: A box of a picture: its "description" is a caption or a photo credit, not a standfirst.
_MEDIA_CLASS: Final = re.compile(r"caption|media|photo|image|picture|gallery|avatar|credit", re.I)
_MEDIA_TAGS: Final = frozenset({"figure", "figcaption", "picture"})
#: How many boxes up a picture's box is looked for.
MEDIA_DEPTH: Final = 4


def _in_media(element: Any) -> bool:
    box: Any = element
    for _ in range(MEDIA_DEPTH):
        if box is None:
            return False
        if box.tag in _MEDIA_TAGS or _MEDIA_CLASS.search(box.get("class") or ""):
            return True
        box = box.getparent()
    return False


def dek_candidates(tree: Any) -> DekCandidates:
    """The page's shown standfirsts, read before the extractor prunes the tree: an
    element whose class says standfirst ("dek", "lead", "intro", "description"),
    holding text and no paragraphs of its own, after the headline."""
    out = DekCandidates()
    started = False
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if not started:
            started = tag == "h1"
            continue
        if tag == "p":
            out.paragraphs.append(_clean(element.text_content()) or "")
            if len(out.paragraphs) >= DEK_SCAN_PARAGRAPHS:
                break
        if tag not in _DEK_TAGS or not _dek_classed(element) or _in_media(element):
            continue
        blocks = [
            c.tag
            for c in element.iterdescendants()
            if isinstance(c.tag, str) and c.tag in _BLOCK_TAGS
        ]
        # A box around paragraphs is not a standfirst; a wrapper of a single one is.
        if blocks and blocks != ["p"]:
            continue
        text = _clean(element.text_content())
        if not text or not LEAD_MIN_WORDS <= len(text.split()) <= DEK_MAX_WORDS:
            continue
        linked = sum(len(a.text_content().split()) for a in element.iter("a"))
        if linked > DEK_LINK_SHARE * len(text.split()):
            continue
        out.found.append((text, len(out.paragraphs)))
    return out


def _choose_dek(
    candidates: DekCandidates, text: str, title: str | None, description: str | None
) -> str | None:
    """The share description when the page shows it over the body, else the shown
    standfirst, else the share description."""
    if description:
        stem = description[:TEASER_PREFIX_CHARS]
        if any(p.startswith(stem) for p in candidates.paragraphs) or any(
            d.startswith(stem) for d, _ in candidates.found
        ):
            return description
    return shown_dek(candidates, text, title) or description


def shown_dek(candidates: DekCandidates, text: str, title: str | None) -> str | None:
    """The standfirst shown above the body's first paragraph, unless the body (or the
    headline) already says it: a lead the extractor left out, as the dek. Of several,
    the one nearest the body."""
    if not candidates.found:
        return None
    flat = " ".join(_INVISIBLE.sub("", text).split())
    # The first paragraph after the headline that the body holds: a standfirst stands before it.
    before = next(
        (
            i
            for i, p in enumerate(candidates.paragraphs)
            if len(p) >= DEK_PARAGRAPH_MIN_CHARS and p[:TEASER_PREFIX_CHARS] in flat
        ),
        -1,
    )
    if before < 0:
        return None
    lines = text.split("\n")[:3]
    best: str | None = None
    for dek, seen in candidates.found:
        if seen > before:
            break
        if dek[:TEASER_PREFIX_CHARS] in flat or (title and (dek in title or title in dek)):
            continue
        if not any(repeats(dek, line) for line in lines):
            best = dek
    return best


#: A share description cut to a length limit ends with an ellipsis.
_CUT_OFF: Final = re.compile(r"\s*(?:\.\.\.|…)\s*$")
#: The visible teaser is searched for by this many characters of the cut description.
TEASER_PREFIX_CHARS: Final = 60
#: ... and is at most this much longer than it.
TEASER_MAX_CHARS: Final = 1200


def _full_description(tree: Any, description: str | None) -> str | None:
    """A share description cut short ("... in der Gruppe der Sieben ...") made whole
    from the page's visible teaser that starts with the same words."""
    if not description:
        return description
    cut = _CUT_OFF.search(description)
    if cut is None:
        return description
    stem = description[: cut.start()]
    prefix = stem[:TEASER_PREFIX_CHARS]
    if len(prefix) < TEASER_PREFIX_CHARS // 2:
        return description
    best: str | None = None  # the shortest: the teaser, not a box around it
    for element in tree.iter("p", "div", "h2", "span"):
        text = _clean(element.text_content())
        if (
            text
            and len(stem) < len(text) <= min(TEASER_MAX_CHARS, len(best or text))
            and text.startswith(stem)
            and not _CUT_OFF.search(text)
        ):
            best = text
    return best or description


def _unless_in(text: str, description: str | None) -> str | None:
    """The share description, unless the body already says it (it is the lead)."""
    if not description:
        return description
    stem = _CUT_OFF.sub("", description)[:TEASER_PREFIX_CHARS]
    return None if stem in " ".join(text.split()) else description


def _bare(tree: Any, *, with_metadata: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        include_comments=False,
        # Measured on the Zyte benchmark (bench.quality.zyte): tables on and
        # favor_precision raise body F1 from 0.957 to 0.964.
        include_tables=True,
        include_images=False,
        include_formatting=False,
        favor_precision=True,
        with_metadata=with_metadata,
        deduplicate=False,
        date_extraction_params=DATE_PARAMS,
    )


#: A fallback body has at least this many words (characters in scripts without spaces).
FALLBACK_MIN_WORDS: Final = 40
FALLBACK_MIN_CHARS: Final = 200


def _enough(text: str | None) -> bool:
    if not text:
        return False
    if len(text.split()) >= FALLBACK_MIN_WORDS:
        return True
    return len(text) >= FALLBACK_MIN_CHARS and any(ord(c) >= CJK_START for c in text)


def _body_of(fragment: str) -> str | None:
    """The extractor's text of an HTML fragment set alone in a page, or None."""
    from trafilatura.utils import load_html

    tree = load_html(f"<html><body><article>{fragment}</article></body></html>")
    if tree is None:
        return None
    tidy_tree(tree)
    doc = _bare(tree, with_metadata=False)
    text = getattr(doc, "text", None) if doc is not None else None
    return text if _enough(text) else None


def _article_box_text(html: str) -> str | None:
    """The body of the page's ``<article>`` (or ``itemprop=articleBody``) element
    with the most paragraph text, read on its own: unclosed tags can put the
    article inside a sidebar or menu, where the extractor does not look."""
    import lxml.html
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    best: Any = None
    best_words = 0
    boxes = list(tree.iter("article")) + tree.xpath("//*[@itemprop='articleBody']")
    for box in boxes:
        words = sum(len(p.text_content().split()) for p in box.iter("p"))
        if words > best_words:
            best, best_words = box, words
    if best is None or best_words < FALLBACK_MIN_WORDS:
        return None
    best.tail = None
    return _body_of(lxml.html.tostring(best, encoding="unicode"))


#: A JSON string literal in a script (escapes kept); one pass, no backtracking
#: across quotes.
_JSON_STRING: Final = re.compile(r'"((?:[^"\\\n]|\\.){200,})"')
_TAG_IN_TEXT: Final = re.compile(r"<(?:p|br|div|h[1-6]|li)\b", re.I)
#: Share of letters, digits, white space and sentence punctuation in prose.
PROSE_CHAR_SHARE: Final = 0.9
_PROSE_PUNCT: Final = frozenset(".,;:!?'\"()-–—«»“”‘’„%/…·、。，「」")


#: Characters of code and data ("{", "$", "="): prose has almost none.
_CODE_CHARS: Final = frozenset("{}[]$=<>\\|")
CODE_CHAR_SHARE: Final = 0.005


def _is_prose(text: str) -> bool:
    if not _enough(text):
        return False
    if sum(1 for c in text if c in _CODE_CHARS) > CODE_CHAR_SHARE * len(text) + 2:
        return False
    plain = sum(1 for c in text if c.isalnum() or c.isspace() or c in _PROSE_PUNCT)
    return plain >= PROSE_CHAR_SHARE * len(text)


def _embedded_text(html: str) -> str | None:
    """Article text a page carries only in its scripts (a JavaScript app's data:
    JSON-LD ``articleBody``, Next.js ``__NEXT_DATA__`` or its streamed chunks):
    the longest string of prose or of paragraph markup found there."""
    import lxml.etree
    import lxml.html
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    best = ""  # the markup or text of the longest prose found
    best_markup = False
    best_len = 0
    candidates: list[str] = []
    for item in _json_ld_items(tree):
        body = item.get("articleBody") if _is_article(item) else None
        if isinstance(body, str):
            candidates.append(body)
    for script in tree.iter("script"):
        if script.get("src") or "ld+json" in (script.get("type") or "").lower():
            continue
        for m in _JSON_STRING.finditer(script.text or ""):
            try:
                value = json.loads(f'"{m.group(1)}"', strict=False)
            except ValueError:
                continue
            if isinstance(value, str):
                candidates.append(value)
    for value in candidates:
        markup = bool(_TAG_IN_TEXT.search(value))
        shown = value
        if markup:
            try:
                shown = lxml.html.fragment_fromstring(value, create_parent="div").text_content()
            except (ValueError, lxml.etree.ParserError):
                continue
        shown = " ".join(shown.split())
        if len(shown) > best_len and _is_prose(shown):
            best, best_markup, best_len = value, markup, len(shown)
    if not best:
        return None
    if best_markup:
        return _body_of(best) or _paragraphs(
            lxml.html.fragment_fromstring(best, create_parent="div")
        )
    return "\n".join(" ".join(line.split()) for line in best.split("\n") if line.strip())


#: A template placeholder left in a script's markup: "$$ARTICLEAD$$", "{{AD_SLOT}}".
_PLACEHOLDER_LINE: Final = re.compile(r"^(?:\$+|\{\{)[A-Z0-9_]{1,40}(?:\$+|\}\})$")


def _without_placeholders(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _PLACEHOLDER_LINE.match(line.strip()))


def _paragraphs(box: Any) -> str:
    lines = [" ".join(p.text_content().split()) for p in box.iter("p")]
    return "\n".join(line for line in lines if line)


#: Bold inline tags.
_BOLD: Final = frozenset({"strong", "b"})
BOLD_BYLINE_MAX_WORDS: Final = 4
#: A bold byline stands among the body's first this many lines (or is its last).
BOLD_BYLINE_FIRST_LINES: Final = 3


def bold_paragraphs(tree: Any) -> set[str]:
    """The texts of short paragraphs that are nothing but one bold element."""
    out: set[str] = set()
    for para in tree.iter("p"):
        if len(para) != 1 or (para.text or "").strip():
            continue
        child = para[0]
        if child.tag not in _BOLD or (child.tail or "").strip() or len(child) != 0:
            continue
        text = _clean(child.text)
        if text and len(text.split()) <= BOLD_BYLINE_MAX_WORDS:
            out.add(text)
    return out


def _bold_byline(text: str, bold: set[str], site: str | None) -> tuple[str, list[str]]:
    """``text`` without a first or last line that is a name set in bold, and that name."""
    lines = text.split("\n")
    # First, or under a line or two of standfirst, or last.
    for index in dict.fromkeys(
        (*range(min(BOLD_BYLINE_FIRST_LINES, len(lines) - 1)), len(lines) - 1)
    ):
        line = _clean(lines[index]) or ""
        if line not in bold or len(lines) < 2:
            continue
        names = _byline_names(line, site)
        if names and all(w[:1].isupper() for w in line.split()):
            del lines[index]
            return "\n".join(lines).strip("\n"), names
    return text, []


#: Inline tags that carry no text of their own when empty.
_INLINE: Final = frozenset({"strong", "b", "em", "i", "u"})


def tidy_tree(tree: Any) -> None:
    """Make a parsed page safe for body extraction.

    An empty inline element (``<strong></strong>``) is taken out, keeping the
    text after it: the extractor would otherwise cut the paragraph there.
    Embedded social posts stay: on trafilatura's evaluation pages a quoted
    tweet is article text (taking them out lost 3 must-keep snippets).
    """
    join_drop_caps(tree)
    drop_credited_captions(tree)
    empty = [
        element
        for element in tree.iter(*_INLINE)
        if len(element) == 0 and not (element.text or "").strip()
    ]
    for element in empty:
        parent = element.getparent()
        if parent is not None:
            _remove_keeping_tail(element, parent)
    if REMOVE_BIOS:
        for box in [e for e in tree.iter(*_BOX_TAGS) if _is_bio_box(e)]:
            parent = box.getparent()
            if parent is not None:
                _remove_keeping_tail(box, parent)
    # A classed span inside a paragraph ('<span class="link"><a>Name</a></span>',
    # '<span class="related-term">', '<span class="author">'): the extractor prunes
    # spans by class as if they were boxes ("link", "related", "meta", "author"),
    # but inside a sentence its words are part of the sentence, so it is unwrapped.
    # A hidden one ("sr-only", display: none) stays for the extractor to drop.
    for para in tree.iter("p"):
        marked = [e for e in para.iter("span") if _classed_inline(e)]
        for element in marked:
            # A paragraph that is mostly that element ("Read more: <link>") stays as it was.
            own = len(para.text_content().split()) - len(element.text_content().split())
            if own >= SENTENCE_AROUND_MIN_WORDS:
                element.drop_tag()
    if UNWRAP_LINKS:
        for para in tree.iter("p"):
            links = list(para.iter("a"))
            if links and _link_paragraph_is_text(para.text_content()) and _among_prose(para):
                for link in links:
                    link.drop_tag()


#: The class of an element that holds a paragraph's large first letter.
_DROP_CAP_CLASS: Final = re.compile(
    r"drop[-_]?cap|first[-_]?letter|(?:^|[-_\s])initial(?:$|[-_\s])", re.I
)
_DROP_CAP_TAGS: Final = ("span", "div", "b", "strong", "em", "i", "p")


def _drop_cap_letter(element: Any) -> str | None:
    """The letter an element sets apart as a drop cap: one letter (or a letter and
    an opening quote) in a childless element with a drop-cap class, or a lone
    capital letter in an element of its own."""
    if len(element) != 0:
        return None
    text = (element.text or "").strip()
    if not 1 <= len(text) <= 2 or not text[-1].isalpha():
        return None
    if _DROP_CAP_CLASS.search(element.get("class") or ""):
        return text
    return text if len(text) == 1 and text.isupper() else None


def _prepend_text(element: Any, letter: str) -> bool:
    """Put ``letter`` before the first text inside ``element``, if that text starts a
    word in lower case ("urkey"); False when it does not."""
    text = element.text or ""
    if text.strip():
        stripped = text.lstrip()
        if not stripped[:1].islower():
            return False
        element.text = letter + stripped
        return True
    return len(element) > 0 and _prepend_text(element[0], letter)


def join_drop_caps(tree: Any) -> None:
    """A paragraph's first letter set in an element of its own (a drop cap) goes
    back onto its word: ``<span class="dropcap">T</span><p>urkey ...`` or
    ``<p><span>T</span>urkey ...</p>`` -> "Turkey ..."."""
    found = [
        (e, letter)
        for e in tree.iter(*_DROP_CAP_TAGS)
        if (letter := _drop_cap_letter(e)) is not None
    ]
    for element, letter in found:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail or ""
        if tail.strip():
            # Inside the paragraph: the word goes on in the text after it.
            if not tail[:1].islower():
                continue
            element.tail = letter + tail
            _remove_keeping_tail(element, parent)
            continue
        following = element.getnext()
        if following is None or following.tag != "p":
            continue
        if _prepend_text(following, letter):
            _remove_keeping_tail(element, parent)


#: The class of a photo's credit inside its caption: "credit", "photo-credit", "image_credits".
_CREDIT_CLASS: Final = re.compile(
    r"(?:^|[-_\s])(?:photo|image|img|video)?[-_]?credits?(?:$|[-_\s])", re.I
)
_CAPTION_BOX_TAGS: Final = ("p", "div")
#: A caption is short: at most this many words besides its credit.
CREDITED_CAPTION_MAX_WORDS: Final = 40
CREDIT_MAX_WORDS: Final = 10


def _credited_caption(element: Any) -> bool:
    """A short paragraph that ends in an element marked as a photo's credit
    (``<p>Boats at the quay. <span class="credit">By Jane Roe</span></p>``)."""
    if len(element) == 0:
        return False
    last = element[-1]
    if not isinstance(last.tag, str) or not _CREDIT_CLASS.search(last.get("class") or ""):
        return False
    if (last.tail or "").strip():
        return False
    credit = last.text_content().split()
    if not 0 < len(credit) <= CREDIT_MAX_WORDS:
        return False
    caption = len(element.text_content().split()) - len(credit)
    return 0 < caption <= CREDITED_CAPTION_MAX_WORDS


def drop_credited_captions(tree: Any) -> None:
    """Take out a photo's caption that carries its credit in a marked element:
    the caption is not the article's words, even where the page does not mark it."""
    found = [e for e in tree.iter(*_CAPTION_BOX_TAGS) if _credited_caption(e)]
    for element in found:
        parent = element.getparent()
        if parent is not None:
            _remove_keeping_tail(element, parent)


UNWRAP_LINKS: bool = True
#: A classed span is unwrapped when its paragraph has this many words besides.
SENTENCE_AROUND_MIN_WORDS: Final = 4
#: A span the page hides (for screen readers, or until clicked) is not text of the
#: sentence; "teaser" and "bottom" spans inside a paragraph mark the icons and dates
#: of a teaser, and "date"/"time" ones a time stamp: all are left to the extractor.
_LEFT_ALONE: Final = re.compile(
    r"hidden|hide|sr-only|screen-reader|visually|offscreen|display:\s*none|tooltip|popup|"
    r"teaser|bottom|date|time",
    re.I,
)


def _classed_inline(element: Any) -> bool:
    """A span with a class or id, or a border (a dotted underline under a term), that is
    shown, and not a teaser's date or icon: the precise pass prunes all three."""
    names = (element.get("class") or "") + " " + (element.get("id") or "")
    style = element.get("style") or ""
    if not names.strip() and "border" not in style:
        return False
    left = _LEFT_ALONE.search(names + " " + style)
    return element.get("aria-hidden") != "true" and left is None


REMOVE_BIOS: bool = True
_BOX_TAGS: Final = ("div", "section", "aside")
#: The class of a box about the writer: "author-box", "saboxplugin-wrap", "author_bio",
#: "about-author", "autorenbox".
_BIO_CLASS: Final = re.compile(
    r"(?:author|autor|auteur)(?:en)?[-_]?(?:box|bio|info|profile|desc|description|card)\b"
    r"|about[-_]?(?:the[-_]?)?author|sabox|\bbio(?:graphy)?[-_]?box\b",
    re.I,
)
#: A label opening a box about the writer: "Author", "About the author", "Über den Autor".
_BIO_LABEL: Final = re.compile(
    r"(?:about the author|the author|author|über (?:den|die) autor(?:in)?|zum autor|zur autorin|"
    r"autor(?:in)?|l'auteur|auteur|sobre el autor|el autor|l'autore|autore)\s*:?",
    re.I,
)
#: A box about the writer has at most this many words.
BIO_MAX_WORDS: Final = 150


def _is_bio_box(box: Any) -> bool:
    """A box about the writer: its class says so, or it opens with an "Author" label;
    and it is short (a bio, not the article)."""
    marked = bool(
        _BIO_CLASS.search(box.get("class") or "") or _BIO_CLASS.search(box.get("id") or "")
    )
    if not marked:
        first = next((c for c in box if isinstance(c.tag, str)), None)
        label = (box.text or "").strip() or (
            first.text_content().strip() if first is not None else ""
        )
        marked = bool(label) and bool(_BIO_LABEL.fullmatch(label))
    if not marked:
        return False
    words = len(box.text_content().split())
    return 0 < words <= BIO_MAX_WORDS


MERGE_RECALL: Final = True
RECALL_GAP_MAX: Final = 1
#: A line just above the precise body is taken as its standfirst from this many words.
LEAD_MIN_WORDS: Final = 8


def _with_recall_interior(html: str, text: str) -> tuple[str, str | None]:
    """The precise body, with the single lines a recall-minded extraction finds
    between two of its paragraphs (a question heading, a short line the precise
    pass dropped as too thin), and the standfirst above it when there is one. Measured on the trafilatura pages (tune part):
    must-keep 0.945 -> 0.951, must-remove unchanged at 0.932; gaps of two or
    more lines let related-stories lists in (removal 0.926)."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return text, None
    tidy_tree(tree)
    wide = trafilatura.extract(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not wide:
        return text, None
    if cut_short(text, wide):
        return wide, None
    return merge_interior(text, wide), standfirst(text, wide)


#: The precise body holds less than this share of the recall-minded one's words ...
CUT_SHORT_RATIO: float = 0.4
#: ... and this share of its lines are in the recall-minded one, in order.
CUT_SHORT_SHARED: Final = 0.9


def cut_short(text: str, wide: str) -> bool:
    """The precise extraction stopped early (at an ad or a promo box mid-article):
    it has a small part of the recall-minded text's words, and its lines are the
    first lines of that text's, so the rest is the article going on."""
    if len(text.split()) >= CUT_SHORT_RATIO * len(wide.split()):
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    wide_lines = [line for line in wide.split("\n") if line.strip()]
    if not lines or not wide_lines:
        return False
    start = wide_lines.index(lines[0]) if lines[0] in wide_lines else -1
    if start < 0:
        return False
    window = set(wide_lines[start : start + len(lines) + 2])
    shared = sum(1 for line in lines if line in window)
    return shared >= CUT_SHORT_SHARED * len(lines)


#: The precise body holds less than this share of the words of the recall-minded text
#: between its first and last paragraphs: it skipped a section, all taken back.
SKIPPED_RATIO: float = 0.5
#: ... and the skipped section has at least this many words (not a two-link list).
SKIPPED_MIN_WORDS: Final = 40


def merge_interior(text: str, wide: str) -> str:
    """``text`` (one paragraph a line) with the lines of ``wide`` that stand
    alone between two of its consecutive paragraphs; a block of several lines
    there (a related-stories list, a promo box) stays out, and nothing before
    the first or after the last shared paragraph is taken (see ``standfirst``)."""
    lines = text.split("\n")
    index: dict[str, int] = {}
    for i, line in enumerate(lines):
        index.setdefault(line, i)
    wide_lines = wide.split("\n")
    at = [i for i, line in enumerate(wide_lines) if line in index]
    if len(at) < 2:
        return text
    interior = wide_lines[at[0] : at[-1] + 1]
    # The precise pass skipped most of the text between its own first and last
    # paragraphs (a section it judged a box): every line there is taken.
    gap_max = RECALL_GAP_MAX
    have = len(text.split())
    inside = sum(len(line.split()) for line in interior)
    if have < SKIPPED_RATIO * inside and inside - have >= SKIPPED_MIN_WORDS:
        gap_max = len(interior)
    out: list[str] = []
    done = 0  # precise lines emitted so far
    gap: list[str] = []
    for line in interior:
        j = index.get(line, -1)
        if j >= done:
            # A precise paragraph the wide text has only with more words (the
            # text of a link the precise pass lost): the fuller one is kept.
            for k in range(done, j):
                fuller = next((g for g in gap if repeats(lines[k], g)), None)
                if fuller is not None:
                    lines[k] = fuller
                    gap.remove(fuller)
            # A gap line that repeats the paragraph before or after it is not a new line.
            if len(gap) <= gap_max and not any(
                repeats(g, near) for g in gap for near in (lines[j], out[-1] if out else "")
            ):
                out.extend(gap)
            gap = []
            out.extend(lines[done : j + 1])
            done = j + 1
        elif j < 0:
            gap.append(line)
    out.extend(lines[done:])
    return "\n".join(out)


#: A line repeats another when this share of its words (and at least this many) are in it.
REPEAT_SHARE: Final = 0.85
REPEAT_MIN_WORDS: Final = 6


def repeats(line: str, other: str) -> bool:
    """``line`` is ``other`` again with a few words lost (its links' text):
    nearly all of its words are ``other``'s, and it is no longer."""
    words = _WORDS.findall(line.lower())
    if len(words) < REPEAT_MIN_WORDS or len(line) > len(other):
        return False
    have = set(_WORDS.findall(other.lower()))
    return sum(1 for w in words if w in have) >= REPEAT_SHARE * len(words)


def standfirst(text: str, wide: str) -> str | None:
    """The line a recall-minded extraction finds just above the precise body's
    first paragraph, when it is a sentence (a title, a date line or "Category:
    News" is not): the page's visible standfirst, which the precise pass drops.

    It is the dek, not body text: on the Zyte pages the gold body leaves it out
    (merged into the body it cost 0.002 F1), while the trafilatura pages count
    it as article text (the reader shows the dek above the body).
    """
    lines = set(text.split("\n"))
    wide_lines = wide.split("\n")
    first = next((i for i, line in enumerate(wide_lines) if line in lines), -1)
    if first <= 0:
        return None
    lead = " ".join(wide_lines[first - 1].split())
    if len(lead.split()) >= LEAD_MIN_WORDS and _SENTENCE_END.search(lead) and lead not in lines:
        return lead
    return None


#: htmldate without its guesses from the page's text (a date in an author bio).
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
#: A paragraph that is mostly a link is article text when it has this many words.
LINK_PARAGRAPH_MIN_WORDS: Final = 4
#: A paragraph sits in an article's text when this many sibling paragraphs are prose.
PROSE_SIBLINGS: Final = 3
PROSE_MIN_WORDS: Final = 12


_SENTENCE_END: Final = re.compile(r"[.!?;:\"”’)»]\s*$")


def _link_paragraph_is_text(text: str) -> bool:
    """A linked paragraph that reads as text: a sentence, or a line with a figure
    (a price line of a shopping piece); not a headline teaser of another story."""
    if len(text.split()) < LINK_PARAGRAPH_MIN_WORDS:
        return False
    return bool(_SENTENCE_END.search(text)) or any(c.isdigit() for c in text)


def _among_prose(para: Any) -> bool:
    """``para`` has sibling paragraphs of plain text (not links): it is inside the article."""
    parent = para.getparent()
    if parent is None:
        return False
    prose = 0
    for sibling in parent.iterchildren("p"):
        if sibling is para or sibling.find(".//a") is not None:
            continue
        if len(sibling.text_content().split()) >= PROSE_MIN_WORDS:
            prose += 1
            if prose >= PROSE_SIBLINGS:
                return True
    return False


def _remove_keeping_tail(element: Any, parent: Any) -> None:
    """Remove ``element`` but keep the text that follows it (lxml's ``tail``)."""
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


_NOT_IN_NAME: Final = re.compile(
    r"\b(?:is|was|has|have|are|the|a|an|who|covers|writes|reporter|about|for)\b", re.I
)
NAME_MAX_WORDS: Final = 5


def _full_name(text: str) -> bool:
    """A guessed byline that names a person in full: two words or more (one word,
    "Eddie", "Redaktion", is a first name or a desk), or a name in a script
    written without spaces."""
    if not looks_like_name(text):
        return False
    return len(text.split()) >= 2 or any(ord(c) >= CJK_START for c in text)


ACRONYM_MAX_CHARS: Final = 6


#: A word that makes an author field a job or a desk rather than a person.
_DESK_WORD: Final = re.compile(
    r"(?:^|[\s-])(?:staff|writers?|reporters?|correspondents?|editors?|editorial|contributors?|"
    r"columnists?|desk|team|newsroom|agencies|redaktion|redaktionen|agenturen|rédaction|"
    r"redacción|redazione)(?:$|\s)",
    re.I,
)


def _acronym(text: str) -> bool:
    """One short word in capitals ("AFP", "DPA"): an agency or desk, not a person."""
    word = text.strip()
    return (
        " " not in word
        and len(word) <= ACRONYM_MAX_CHARS
        and word == word.upper()
        and any(c.isupper() for c in word)
    )


def _person_like(text: str) -> bool:
    """Not an acronym ("LTO") nor a single word in a script with spaces."""
    acronym = bool(_UPPER_WORDS.match(text)) and any(c.isupper() for c in text)
    return not acronym and _full_name(text)


def looks_like_name(text: str) -> bool:
    """A byline value that can be a name: short, no sentence words ("Jane is a reporter ...")."""
    return len(text.split()) <= NAME_MAX_WORDS and not _NOT_IN_NAME.search(text)


@dataclass(slots=True)
class PageMeta:
    """What a page's markup says about its article."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    updated: date | None = None
    source: str | None = None
    #: Organisations named as the author (often the site itself): used when no person is found.
    site_authors: list[str] = field(default_factory=list)
    #: People named by the page's visible byline (an element marked as the author).
    byline: list[str] = field(default_factory=list)
    #: The page's canonical address (``<link rel=canonical>``, then ``og:url``), absolute http(s).
    url: str | None = None


#: JSON-LD types that describe an article (schema.org Article and its kinds).
_ARTICLE_TYPE: Final = re.compile(r"(?:Article|BlogPosting|LiveBlogPosting|Report|ReportageNews)$")
_PERSON: Final = "Person"
_ORGANISATION: Final = re.compile(r"Organi[sz]ation|NewsMediaOrganization|Corporation|WebSite$")
#: A scraped byline that names nobody: "No Author", "admin", "Unknown".
_PLACEHOLDER: Final = re.compile(
    r"(?:no|unknown|anonymous|default|guest)?\s*(?:author|authors|admin|administrator|"
    r"user|editor|none|n/?a|null|undefined)|unknown|anonymous|-+",
    re.I,
)
_LEGAL_FORM: Final = re.compile(
    r"[\s,](?:GmbH|AG|SE|KG|SL|S\.L\.|SA|S\.A\.|SpA|S\.p\.A\.|Srl|BV|B\.V\.|NV|AB|AS|ASA|Oy|"
    r"Ltd\.?|Limited|Inc\.?|LLC|PLC|plc|Corp\.?|Corporation|Co\.?|SAS|SARL|Sp\. z o\.o\.)"
    r"(?:\s*&\s*Co\.?(?:\s*KG)?)?\.?$"
)
#: "Elena Doe (edo)": the writer's initials after the name.
_INITIALS_TAIL: Final = re.compile(r"\s+\([a-z]{2,4}\)$")
#: "Kim Min-jun 기자": the writer's job after the name in Korean and Japanese bylines
#: (reporter, correspondent, senior reporter, editorial writer).
_JOB_TAIL: Final = re.compile(r"\s+(?:기자|특파원|선임기자|논설위원|記者|特派員|編集委員)$")
_URL: Final = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_BY_PREFIX: Final = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+", re.I)
#: A label of up to three words before "by": "Analysis by", "Posted by",
#: "Updated by", "Text and photos by"; a label before "von": "Ein Kommentar von".
#: Before "von" only a label word: "von" also sits inside names ("Justus von Daniels").
_LABEL_BY: Final = re.compile(
    r"^(?:(?:[^\W\d]+\s+){1,3}by|(?:[^\W\d]+\s+){0,2}(?:eingestellt|veröffentlicht|erstellt|"
    r"geschrieben|verfasst|aktualisiert|beitrag|artikel|kommentar|gastbeitrag|analyse|"
    r"pressemitteilung|wortlaut|profil|interview|text)\s+von)\s+(?=\S)",
    re.I,
)
#: A job written before the name: "Senior Editor Jane Doe", "Reporter: Jane Doe".
_LEADING_JOB: Final = re.compile(
    r"^(?:(?:senior|chief|deputy|managing|staff|political|foreign|sports?)\s+){0,2}"
    r"(?:editor|reporter|correspondent|writer|columnist)\s*:?\s+(?=[A-Z])",
    re.I,
)
#: A label word before the names: "Text:", "Texto", "Reporting:".
_NAME_LABEL: Final = re.compile(
    r"^(?:text|texto|tekst|testo|текст|reporting|words|author|autor|autorin)\s*:?\s+(?=\S)",
    re.I,
)
#: Between bylines, before the comma rules apply: "A; B", "A | March 5", "A • B".
_STRONG_SPLIT: Final = re.compile(r"\s*(?:;|\||•|·)\s*")
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:;|\||,\s*and\s+|\s+and\s+|\s+&\s+|,)\s*")
#: An e-mail address, a social handle or a web address written beside a name.
_CONTACT: Final = re.compile(r"\S+@\S+\.\w+|(?<!\S)@\w+|https?://\S+")
#: A remark in lower case in brackets after a name: "(required)".
_BRACKETED: Final = re.compile(r"\s*\([^()A-Z.]*\)")
#: A word glued after a name by a page's layout: the date's month or weekday, "Published".
_NAME_TAIL_WORDS: Final = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "published",
        "updated",
        "posted",
        "-",
        "|",
    }
)
#: A date written in a byline ("March 5, 2024", "05.03.2024", "10:30"): with a digit.
_DATE_WORDS: Final = re.compile(
    r"\d[./:-]\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b",
    re.I,
)
#: "Jane Doe in Washington": where the writer filed from, after a name of two words.
_IN_PLACE: Final = re.compile(r"^(\S+\s\S+(?:\s\S+)?)\sin\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?$")
#: A user name a CMS shows instead of the writer's name: "kevin-r", "jane_doe2".
_LOGIN: Final = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
_LAST_FIRST: Final = re.compile(r"^([^\s,]+),\s*([^\s,]+)$")
_INVISIBLE: Final = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
META_AUTHOR_NAMES: Final = (
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "citation_author",
    "cxenseparse:author",
)
META_PUBLISHED: Final = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
META_UPDATED: Final = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
)
META_SITE: Final = ("og:site_name", "application-name", "apple-mobile-web-app-title")


def is_placeholder_author(name: str) -> bool:
    """'No Author', 'admin', 'Unknown', '10592': a byline field filled by the CMS, not a person."""
    return bool(_PLACEHOLDER.fullmatch(name.strip(" .:"))) or not any(c.isalpha() for c in name)


_DOMAIN_LIKE: Final = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)


def _key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _names_site(name: str, site: str | None) -> bool:
    """The author named is the site or a web address ('mdr.de', 'n-tv NACHRICHTEN')."""
    if _DOMAIN_LIKE.match(name) or _URL.match(name):
        return True
    key, site_key = _key(name), _key(site or "")
    return bool(key and site_key) and (key in site_key or site_key in key)


#: A byline longer than this is not tidied (and keeps the regexes' work bounded).
TIDY_NAME_MAX_CHARS: Final = 300


def tidy_name(name: str) -> str:
    """A byline's name without what the page writes around it: a label ("Analysis
    by", "Text:"), an e-mail address or handle, a remark in brackets, and a month,
    weekday or "Published" glued after it. Unchanged when nothing would be left."""
    text = " ".join(name.split())
    if len(text) > TIDY_NAME_MAX_CHARS:
        return text  # no byline: a long text is left to the callers' checks
    text = _LEADING_JOB.sub("", _NAME_LABEL.sub("", _LABEL_BY.sub("", text)))
    text = _BRACKETED.sub("", _CONTACT.sub(" ", text))
    text = _IN_PLACE.sub(r"\1", text)
    words = text.split()
    while len(words) > 2 and words[-1].lower().strip(",.") in _NAME_TAIL_WORDS:
        words.pop()
    out = " ".join(words).strip(" ,.-|")
    return out if any(c.isalpha() for c in out) else " ".join(name.split())


def is_login(name: str) -> bool:
    """A CMS user name ("kevin-r", "jane_doe2") rather than a person's name."""
    return bool(_LOGIN.fullmatch(name))


def split_authors(text: str) -> list[str]:
    """'A, B and C' / 'A; B' -> names; 'Doe, Jane' (family name first) -> 'Jane Doe'.

    Semicolons, pipes and bullets part bylines first ("A | March 5, 2024"); a
    part that is a web address or a date is dropped; a comma splits only
    between names of two words or more, so "Doe, Jane" stays one name.
    """
    text = _BY_PREFIX.sub("", " ".join(text.split()))
    if not text or is_byline_label(text) or is_staff_credit(text):
        return []
    chunks = [c for c in _STRONG_SPLIT.split(text) if c]
    if len(chunks) > 1:
        return [n for c in chunks for n in split_authors(c)]
    text = _BY_PREFIX.sub("", tidy_name(text))
    if not text or (any(c.isdigit() for c in text) and _DATE_WORDS.search(text)):
        return []
    last_first = _LAST_FIRST.match(text)
    if last_first and last_first.group(1)[:1].isupper() and last_first.group(2)[:1].isupper():
        return [f"{last_first.group(2)} {last_first.group(1)}"]
    parts = [p.strip(" ,.") for p in _AUTHOR_SPLIT.split(text)]
    parts = [tidy_name(_BY_PREFIX.sub("", p)) for p in parts if p and not _URL.match(p)]
    if not parts:
        return []
    parts = _without_job_parts(parts)
    if "," in text and ";" not in text and any(len(p.split()) < 2 for p in parts):
        # "Doe, Jane, Roe, Richard": family and given names alternate.
        if len(parts) % 2 == 0 and all(len(p.split()) == 1 and p[:1].isupper() for p in parts):
            return [f"{parts[i + 1]} {parts[i]}" for i in range(0, len(parts), 2)]
        return [text]
    return parts


#: A byline label with no name after it ("Article by", "Written by", "Author:", "By"):
#: the page prints the name in the next element.
_LABEL_ONLY: Final = re.compile(
    r"(?:(?:[^\W\d]+\s+){0,2}by|by|authors?|written|posted|words|text|reporting)\s*:?",
    re.I,
)


def is_byline_label(text: str) -> bool:
    """'Article by', 'Written by', 'Author:': a label standing alone, naming nobody."""
    stripped = " ".join(text.split()).strip(" .,|-")
    return len(stripped) <= 40 and bool(_LABEL_ONLY.fullmatch(stripped))


#: A person's name in a list of authors: two to four capitalised words
#: ("Jane Roe", "Dan O'Hara", "Mary Anne van Doe" has a lower-case particle).
_PERSON_WORD: Final = re.compile(r"[A-Z][\w'’.-]*")
_NAME_PARTICLES: Final = frozenset(
    {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "dos", "das", "la", "le"}
)


def _reads_as_person(name: str) -> bool:
    """Two to four capitalised words (particles aside), none a job or desk word."""
    words = name.split()
    capitalised = [w for w in words if w not in _NAME_PARTICLES]
    return (
        2 <= len(capitalised) <= 4
        and all(_PERSON_WORD.fullmatch(w) for w in capitalised)
        and not _DESK_WORD.search(name)
        and not any(w.lower().strip(",.") in _JOBS for w in words)
    )


def _meta_person_list(meta: dict[str, list[str]]) -> list[str]:
    """The people a meta author field lists when it names two or more ("Jane Roe,
    Dan O'Hara"), each reading as a person's name; [] otherwise."""
    for key in META_AUTHOR_NAMES:
        for value in meta.get(key, []):
            if _URL.match(value):
                continue
            found = split_authors(value)
            if len(found) >= 2 and all(_reads_as_person(n) for n in found):
                return found
    return []


def _with_listed_coauthors(authors: list[str], meta: dict[str, list[str]]) -> list[str]:
    """The structured data names one writer; a meta author field names that writer
    and more people: it lists them all."""
    if not authors:
        return authors
    listed = _meta_person_list(meta)
    if len(listed) <= len(authors):
        return authors
    keys = {_key(n) for n in listed}
    return listed if all(_key(n) in keys for n in authors) else authors


def _is_job_title(text: str) -> bool:
    """'Political Editor', 'Senior Reporter': a job's words only, no name."""
    words = [w.lower().strip(",.:") for w in text.split()]
    return (
        bool(words) and words[-1] in _JOBS and all(w in _JOBS or w in _JOB_MODIFIERS for w in words)
    )


def _without_job_parts(parts: list[str]) -> list[str]:
    """A job after a name ("Jane Roe, Political Editor") is no second author."""
    kept = [p for p in parts if not _is_job_title(p)]
    return kept if kept and len(kept) < len(parts) else parts


def _json_ld_items(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = script.text or ""
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack and len(items) < 200:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                items.append(node)
                graph = node.get("@graph")
                if graph is not None:
                    stack.append(graph)
                main = node.get("mainEntity")
                if isinstance(main, dict | list):
                    stack.append(main)
    return items


#: A schema.org object written into a page's script state (a JavaScript app's data)
#: rather than into a JSON-LD script: its opening brace and "@context" key.
_EMBEDDED_LD: Final = re.compile(r'\{\s*"@context"\s*:\s*"https?://schema\.org/?"')
#: At most this many embedded schema.org objects are read from a page's scripts.
EMBEDDED_LD_MAX: Final = 20


def _embedded_ld_items(tree: Any) -> list[dict[str, Any]]:
    """The schema.org objects a page carries inside its other scripts' JSON
    (``window.__STATE__ = {..., "article": {"@context": "http://schema.org", ...}}``):
    pages built by a JavaScript app put their article's structured data there."""
    decoder = json.JSONDecoder(strict=False)
    items: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script"):
        if script.get("src") or "ld+json" in (script.get("type") or "").lower():
            continue
        code = script.text or ""
        if "schema.org" not in code:
            continue
        for m in _EMBEDDED_LD.finditer(code):
            try:
                node, _ = decoder.raw_decode(code, m.start())
            except ValueError:
                continue
            if isinstance(node, dict):
                items.append(node)
            if len(items) >= EMBEDDED_LD_MAX:
                return items
    return items


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _is_article(item: dict[str, Any]) -> bool:
    return any(_ARTICLE_TYPE.search(t) for t in _types(item))


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value)


def _ld_people(value: Any) -> tuple[list[str], list[str], list[str]]:
    """(people, organisations, untyped names) in a JSON-LD ``author`` value."""
    people: list[str] = []
    orgs: list[str] = []
    untyped: list[str] = []
    values = value if isinstance(value, list) else [value]
    for entry in values[:30]:
        if isinstance(entry, str):
            untyped.extend(split_authors(entry))
        elif isinstance(entry, dict):
            name = entry.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            if not isinstance(name, str):
                given, family = entry.get("givenName"), entry.get("familyName")
                name = " ".join(n for n in (given, family) if isinstance(n, str))
            name = _clean(name)
            if not name or _URL.match(name):
                continue
            kinds = _types(entry)
            if _PERSON in kinds:
                people.extend(split_authors(name))
            elif any(_ORGANISATION.search(k) for k in kinds):
                orgs.append(name)
            else:
                untyped.extend(split_authors(name))
    return people, orgs, untyped


def _meta_content(tree: Any) -> dict[str, list[str]]:
    """Every ``<meta>`` value by its lower-cased name/property/itemprop."""
    out: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), []).append(value.strip())
    return out


def _first_h1(tree: Any) -> str | None:
    for h1 in tree.iterfind(".//h1"):
        text = _clean(h1.text_content())
        if text and len(text.split()) >= 2:
            return text
    return None


#: An absolute web address with no spaces or markup in it.
_ABSOLUTE_URL: Final = re.compile(r"^https?://[^\s<>\"']+$", re.I)
#: A canonical address longer than this is not one.
URL_MAX_CHARS: Final = 2000


def canonical_url(tree: Any, meta: dict[str, list[str]]) -> str | None:
    """The page's own address: ``<link rel=canonical href>``, else ``og:url``; only an
    absolute http(s) address counts (a relative one says nothing without the page's)."""
    candidates: list[str] = []
    for link in tree.iterfind(".//link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            candidates.append(link.get("href") or "")
    candidates += meta.get("og:url", [])
    for value in candidates:
        value = value.strip()
        if len(value) <= URL_MAX_CHARS and _ABSOLUTE_URL.match(value):
            return value
    return None


def read_page_meta(tree: Any) -> PageMeta:
    """Title, authors, dates and site name from a parsed page's markup."""
    out = PageMeta()
    items = _json_ld_items(tree)
    articles = [i for i in items if _is_article(i)]
    if not articles:
        embedded = _embedded_ld_items(tree)
        items += embedded
        articles = [i for i in embedded if _is_article(i)]
    meta = _meta_content(tree)

    def first_meta(names: tuple[str, ...]) -> str | None:
        for name in names:
            for value in meta.get(name, []):
                if not _URL.match(value):
                    return value
        return None

    # Title: the article's structured headline, the page's share title, its h1.
    headline = next((h for h in (_text(a.get("headline")) for a in articles) if h), None)
    og_title = _clean(first_meta(("og:title", "twitter:title")))
    if headline and headline.endswith(("…", "...")) and og_title:
        headline = None  # a headline cut to a length limit
    title_element = tree.find(".//title")
    page_title = _clean(title_element.text_content()) if title_element is not None else None
    out.title = choose_title(headline, og_title, _first_h1(tree), page_title)
    out.url = canonical_url(tree, meta)

    # Dates: the article's own, then meta tags; "updated" kept apart.
    for article in articles:
        out.published = out.published or parse_date(str(article.get("datePublished") or ""))
        out.updated = out.updated or parse_date(str(article.get("dateModified") or ""))
    for itemprop in tree.iterfind(".//*[@itemprop='datePublished']"):
        if out.published is None:
            out.published = parse_date(itemprop.get("content") or itemprop.get("datetime") or "")
    out.published = out.published or parse_date(first_meta(META_PUBLISHED) or "")
    out.published = out.published or _title_date(tree, meta)
    out.updated = out.updated or parse_date(first_meta(META_UPDATED) or "")

    # Source: the publisher the article names, then the site's own name.
    publisher = next((_text(a.get("publisher")) for a in articles if a.get("publisher")), None)
    site_name = _clean(first_meta(META_SITE))
    # A company's legal name ("Example Media GmbH", "Display Co, SL") is not what
    # readers call the site: its own name wins then.
    if publisher and site_name and _LEGAL_FORM.search(publisher):
        publisher = None
    site = publisher or site_name
    if site is None:
        site = next(
            (_text(i.get("name")) for i in items if "WebSite" in _types(i) and i.get("name")), None
        )
    out.source = site
    # Authors: people named by the article's structured data, else the meta tags.
    # An organisation (often the site itself) is kept only when no person is named.
    people: list[str] = []
    orgs: list[str] = []
    untyped: list[str] = []
    for article in articles:
        for key in ("author", "creator"):
            p, o, u = _ld_people(article.get(key))
            people += p
            orgs += o
            untyped += u
        if people or untyped or orgs:
            break
    # A name that is the site, or one word or an acronym ("City-Redaktion", "dpa") in a
    # list that also names an organisation, is a desk or an agency, not a person.
    desk = bool(orgs)
    # An acronym ("AFP", "AP") listed beside a person named in full is the agency.
    beside_person = any(" " in n and _person_like(n) for n in people + untyped)
    outlets = [
        n
        for n in untyped
        if _names_site(n, out.source)
        or (desk and not _person_like(n))
        or (beside_person and _acronym(n))
    ]
    desks = [n for n in people if (desk and not _person_like(n)) or (beside_person and _acronym(n))]
    orgs += outlets + desks
    names = [n for n in people if n not in desks] + [n for n in untyped if n not in outlets]
    if not names:
        for key in META_AUTHOR_NAMES:
            values = [v for v in meta.get(key, []) if not _URL.match(v)]
            found = [n for v in values for n in split_authors(v)]
            # One word or an acronym ("LTO", "Redaktion") names the outlet or a desk.
            known = {_key(o) for o in orgs}
            people_found = [
                n
                for n in found
                if not _names_site(n, out.source) and _person_like(n) and _key(n) not in known
            ]
            if people_found:
                names = people_found
                break
            orgs += found
    names = [_JOB_TAIL.sub("", _INITIALS_TAIL.sub("", n)) for n in names]
    # "Staff Writer", "Online-Redaktion", "Editorial Team": a job or a desk, not a person.
    roles = [n for n in names if _DESK_WORD.search(n)]
    orgs += roles
    names = [n for n in names if n not in roles]
    out.authors = _distinct(
        [n for n in names if n and not is_placeholder_author(n) and not is_login(n)]
    )
    out.authors = _with_listed_coauthors(out.authors, meta)
    orgs = [n for n in dict.fromkeys(orgs) if not is_placeholder_author(n)]
    # An agency named beside the site ("dpa", "Stuttgarter Zeitung"): the agency wrote it.
    others = [n for n in orgs if not _names_site(n, out.source)]
    out.site_authors = others or orgs
    out.byline = visible_byline(tree, out.source)
    # The structured "author" the page shows as its editor ("Editor: Name"),
    # beside a byline naming someone else: the byline names the writer.
    if (
        out.authors
        and out.byline
        and not {_key(n) for n in out.byline} & {_key(n) for n in out.authors}
        and all(_shown_as_editor(tree, n) for n in out.authors)
    ):
        out.authors = out.byline
    # A structured name in capitals ("JANE DOE") the byline writes in mixed case.
    shown = {_key(n): n for n in out.byline}
    out.authors = [shown.get(_key(n), n) if n.isupper() else n for n in out.authors]
    # The visible byline names the structured author and more people: it lists them all.
    if out.authors and len(out.byline) > len(out.authors):
        seen = {_key(n) for n in out.byline}
        if all(_key(n) in seen for n in out.authors):
            out.authors = out.byline
    return out


#: A label naming the editor, just before a name: "Editor:", "Edited by", "Redaktur".
_EDITOR_LABEL: Final = re.compile(
    r"(?:\beditor|\bedited by|\beditado por|\bedici[oó]n|\bpenyunting|\bredaktur|"
    r"\bredigert av|\bredigerad av|\bbearbeitet von|\ba cura di|责编|责任编辑|编辑)\s*[:：]?\s*$",
    re.I,
)
#: Tags that hold a name in a byline or an editor's line.
_NAME_TAGS: Final = ("a", "span", "strong", "b", "em", "div", "p")


def _shown_as_editor(tree: Any, name: str) -> bool:
    """The page prints ``name`` right after an editor's label ("Editor : <a>Name</a>")."""
    for element in tree.iter(*_NAME_TAGS):
        if _clean(element.text_content()) != name:
            continue
        parent = element.getparent()
        previous = element.getprevious()
        before = (
            previous.tail if previous is not None else parent.text if parent is not None else ""
        ) or ""
        if not before.strip() and previous is not None:
            before = previous.text_content()
        if _EDITOR_LABEL.search(before):
            return True
    return False


#: A title segment that is a day written the European way: "28.04.2023".
_DOTTED_DAY: Final = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)")


def _title_date(tree: Any, meta: dict[str, list[str]]) -> date | None:
    """The date a page writes as a segment of its title ("Headline | Site | 28.04.2023"),
    in ``<title>`` or the share title: the page's own word, before any guess."""
    element = tree.find(".//title")
    titles = [element.text_content() if element is not None else ""]
    titles += meta.get("og:title", [])[:1]
    for title in titles:
        parts = _TITLE_SEPARATOR.split(title or "")
        for part in parts[1:]:
            part = part.strip()
            dotted = _DOTTED_DAY.fullmatch(part)
            if dotted:
                try:
                    return date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
                except ValueError:
                    continue
            found = find_date(part)
            if found and found[1].group().strip() == part:
                return found[0]
    return None


#: An element marked as the byline: class "author", "article__author", "byline", "author-2".
_BYLINE_CLASS: Final = re.compile(
    r"(?:^|[-_\s])(?:author|byline|autor|auteur|autore)(?:$|[-_\s\d])", re.I
)
#: A byline longer than this is a bio or a list, not a byline.
BYLINE_MAX_CHARS: Final = 80
_UPPER_WORDS: Final = re.compile(r"^[^a-zß-ÿ]+$")
#: Between names in a visible byline: a slash, or "and" in other languages ("und",
#: "et", "en", "og", "och"); not "y"/"e", which join a Spanish or Portuguese double
#: family name.
_BYLINE_SPLIT: Final = re.compile(r"\s*/\s*|\s+(?:und|et|en|og|och)\s+")
CJK_START: Final = 0x2E80
_SOCIAL: Final = frozenset(
    {
        "twitter",
        "facebook",
        "instagram",
        "linkedin",
        "whatsapp",
        "email",
        "e-mail",
        "share",
        "follow",
    }
)


#: A link to an author's page: "/author/jane-doe", "/autoren/name/max-muster".
_AUTHOR_HREF: Final = re.compile(
    r"/(?:authors?|autor|autoren|autorin|auteurs?|autore|autori|autores|journalist(?:en|s)?|"
    r"reporters?|redakteur|forfatter|skribent)/",
    re.I,
)
#: A label before the names: "Autorin/Autor", "Author:", "Auteur :".
_AUTHOR_LABEL: Final = re.compile(
    r"(?:authors?|autor(?:in|en)?|auteur(?:e|s)?|autore|autrice|forfatter|författare)"
    r"(?:\s*/\s*\w{1,12})?\s*:?",
    re.I,
)
#: At most this many names are gathered from bylines repeated beside the first.
BYLINE_MAX_NAMES: Final = 6


#: An unmarked byline: "By" and a capitalised name at the start of a short element.
_BY_LINE: Final = re.compile(r"\s*(?:By|BY)\s+[A-Z]")
_BY_LINE_TAGS: Final = frozenset({"p", "span", "div", "em", "strong", "b", "address"})
BY_LINE_MAX_CHARS: Final = 60
#: A "By ..." line in a menu or list ("By Main Ingredient") is navigation.
_MENU_TAGS: Final = frozenset({"nav", "ul", "ol", "li", "menu", "select"})


def _byline_text(element: Any) -> tuple[str | None, bool]:
    """The byline text an element marks (None when it marks none), and whether the
    mark is the page's own (a class, ``itemprop`` or ``rel``) rather than a guess.

    The element is a link marked ``rel="author"`` or pointing at an author's
    page, an element with ``itemprop="author"`` or one whose class marks it as
    the author or byline; or a label ("Autor", "Author:") followed by the names.
    """
    tag = element.tag
    if not isinstance(tag, str) or tag in ("script", "style", "meta", "link", "img"):
        return None, False
    rel = (element.get("rel") or "").lower()
    marked = (
        (tag == "a" and "author" in rel.split())
        or (element.get("itemprop") or "").lower() == "author"
        or bool(_BYLINE_CLASS.search(element.get("class") or ""))
    )
    if marked:
        return _clean(_spaced_text(element)), True
    if tag == "a" and _AUTHOR_HREF.search(element.get("href") or ""):
        return _clean(_spaced_text(element)), False
    if len(element) == 0 and element.tail and _AUTHOR_LABEL.fullmatch((element.text or "").strip()):
        return _clean(element.tail), False
    # An unmarked line of its own that starts "By Jane Doe" (a short paragraph or span).
    if tag in _BY_LINE_TAGS and _BY_LINE.match(element.text or ""):
        text = _clean(_spaced_text(element))
        if (
            text
            and len(text) <= BY_LINE_MAX_CHARS
            and not text.endswith(":")
            and not any(a.tag in _MENU_TAGS for a in element.iterancestors())
        ):
            return text, False
    return None, False


def _spaced_text(element: Any) -> str:
    """An element's text with a space where its child elements meet: a name and
    the job beside it ("<a>Jane Doe</a><span>Reporter</span>") stay apart."""
    return " ".join(element.itertext())


def visible_byline(tree: Any, site: str | None) -> list[str]:
    """People named by the first visible byline element of the page.

    "By"/"Von"/"Par" before the names goes; a part in capitals only
    ("MDR THÜRINGEN") or naming the site is the outlet, not a person. Bylines
    repeated beside the first (one element per author, same tag and class,
    in the same box) add their names.
    """
    first: Any = None
    names: list[str] = []
    for element in tree.iter():
        text, marked = _byline_text(element)
        if not text or len(text) > BYLINE_MAX_CHARS or _in_comments(element):
            continue
        if first is None:
            # The first byline the page marks decides: one naming the outlet or a
            # date names no person. A guessed one (a link to "/reporters/") that
            # names nobody is passed over.
            names = _byline_names(text, site)
            if not names and is_byline_label(text):
                continue  # "Article by": the name is in the next element
            if not names:
                if marked:
                    return _initials(text) if element.get("itemprop") == "author" else []
                continue
            first = element
        elif _same_byline_box(first, element):
            names += _byline_names(text, site)
            if len(names) >= BYLINE_MAX_NAMES:
                break
    return _distinct(names)


#: The class or id of a comment section or its form: its "author" is a reader.
_COMMENTS: Final = re.compile(
    r"(?:^|[-_\s])(?:comments?|respond|reply|replies|disqus)(?:$|[-_\s\d])", re.I
)
#: The search for a comment box stops at the article (unless it is a comment) or the page's main part.
_COMMENTS_STOP: Final = frozenset({"article", "main", "body", "html"})


def _in_comments(element: Any) -> bool:
    """The element sits in the readers' comments or the form to write one."""
    node = element
    while node is not None:
        if _COMMENTS.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
        if node.tag in _COMMENTS_STOP:
            return False
        node = node.getparent()
    return False


def _distinct(names: list[str]) -> list[str]:
    """Each name once, however it is written ("Jane Doe", "JANE DOE"): the first spelling."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = _key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


#: Writers' sign-off codes in an element marked as the author: "desk/abc; xyz".
_INITIALS: Final = re.compile(r"[a-z]{2,6}(?:/[a-z]{2,6})?")
_INITIALS_SPLIT: Final = re.compile(r"\s*[;,]\s*")


def _initials(text: str) -> list[str]:
    """The writers' codes an ``itemprop=author`` element gives instead of names
    ("desk/abc;xyz"), as the page writes them; [] when it is anything else."""
    parts = [p for p in _INITIALS_SPLIT.split(text.strip(" ;,.")) if p]
    if not parts or len(parts) > BYLINE_MAX_NAMES:
        return []
    return parts if all(_INITIALS.fullmatch(p) for p in parts) else []


def _same_byline_box(first: Any, other: Any) -> bool:
    """``other`` is another author's entry in ``first``'s byline: same tag and class,
    and the same parent or grandparent."""
    if other.tag != first.tag or (other.get("class") or "") != (first.get("class") or ""):
        return False
    if not first.get("class"):
        # Unclassed links to author pages: only siblings.
        return other.getparent() is first.getparent()
    up, other_up = first.getparent(), other.getparent()
    if up is None or other_up is None:
        return False
    if up is other_up:
        return True
    grand, other_grand = up.getparent(), other_up.getparent()
    return grand is not None and grand is other_grand


#: A job named after the writer's name in a byline box ("Jane Doe Korrespondentin
#: für Politik"): the byline ends before it.
_JOBS: Final = frozenset(
    {
        "reporter",
        "reporterin",
        "correspondent",
        "editor",
        "journalist",
        "journalistin",
        "korrespondent",
        "korrespondentin",
        "redakteur",
        "redakteurin",
        "chefredakteur",
        "chefredakteurin",
        "autor",
        "autorin",
        "volontär",
        "volontärin",
        "ressortleiter",
        "ressortleiterin",
        "writer",
        "columnist",
        "contributor",
        "producer",
        "analyst",
        "critic",
        "photographer",
    }
)


#: Words of a job title before the job itself ("Senior", "News", "AP Auto").
_JOB_MODIFIERS: Final = frozenset(
    {
        "senior",
        "chief",
        "staff",
        "news",
        "political",
        "politics",
        "sports",
        "sport",
        "special",
        "national",
        "foreign",
        "deputy",
        "associate",
        "assistant",
        "managing",
        "contributing",
        "freelance",
        "business",
        "economics",
        "science",
        "health",
        "technology",
        "tech",
        "security",
        "auto",
        "travel",
        "food",
        "fashion",
        "culture",
        "entertainment",
        "showbiz",
        "royal",
        "crime",
        "weather",
        "money",
        "property",
        "consumer",
        "motoring",
        "music",
        "film",
        "investigative",
        "data",
        "digital",
        "ap",
        "leitender",
        "leitende",
        "freier",
        "freie",
    }
)


def _before_job(part: str) -> str:
    """The byline before the writer's job ("Jane Doe, Senior Reporter", "Jane Doe
    News reporter"): the job and the words of its title go, a name of two words stays."""
    words = part.split()
    for i in range(2, len(words)):
        if words[i].lower().strip(",.:") in _JOBS:
            cut = i
            while cut > 2 and words[cut - 1].lower().strip(",.:") in _JOB_MODIFIERS:
                cut -= 1
            return " ".join(words[:cut]).rstrip(" ,")
    return part


def _byline_names(text: str, site: str | None) -> list[str]:
    # What follows the job ("Korrespondent für Politik und Wirtschaft") names nobody.
    text = _before_job(text)
    parts = [p for chunk in _BYLINE_SPLIT.split(text) for p in split_authors(chunk)]
    names: list[str] = []
    for part in parts:
        part = _JOB_TAIL.sub("", _INITIALS_TAIL.sub("", part.strip(" .:")))
        # A name starts and ends with a capital ("Published by" is a label).
        if not part or part[0].islower() or part.split()[-1][:1].islower():
            continue
        capitals = bool(_UPPER_WORDS.match(part)) and any(c.isupper() for c in part)
        if names and _names_site(part, site):
            break  # "Jane Doe, Example News, New York": the outlet, then where it is
        if capitals or _names_site(part, site) or is_placeholder_author(part):
            continue
        if not looks_like_name(part) or any(c.isdigit() or c in "@:" for c in part):
            continue
        # One word ("Agenturen", "Redaktion") is a desk, not a person, except
        # in scripts written without spaces between the names.
        if len(part.split()) < 2 and not any(ord(c) >= CJK_START for c in part):
            continue
        if any(w.lower() in _SOCIAL for w in part.split()):
            continue
        # A job or a desk ("AP Auto Writer", "Staff Reports"), or a user name.
        if _DESK_WORD.search(part) or is_login(part):
            continue
        names.append(part)
    return names


_TITLE_SEPARATOR: Final = re.compile(r"\s+(?:\||::|[-–—:·•»›«/])\s+")
#: A headline keeps at least this many words when a section or site name is cut from it.
SECTION_BEFORE_SITE_MIN_WORDS: Final = 4
#: A separator written without spaces (CJK pages: "Headline：Site", "Headline-Sectionㅣ Site").
_TIGHT_SEPARATOR: Final = "|｜ㅣ:：-–—·•»"


def _title_key(text: str | None) -> str:
    return "".join(c for c in (text or "").lower() if c.isalnum())


def choose_title(
    headline: str | None, og_title: str | None, h1: str | None, page_title: str | None = None
) -> str | None:
    """The article's title among its structured headline, share title and ``<h1>``.

    The structured headline wins, unless the share title says the same words
    (it keeps the page's punctuation) or is the headline without its kicker
    ("Topic: Headline" -> "Headline"). Letting the share title win when it
    agrees with the ``<h1>`` did worse on the fundus pages. With no headline,
    and a share title and ``<h1>`` that differ only in their kickers
    ("Topic: Headline" / "Other topic - Headline"), the headline they share.
    A structured headline that is a placeholder is no title: one lower-case
    word (a CMS's name for its template), or words none of which are in the
    title two of the others (share title, ``<h1>``, ``<title>``) agree on.
    """
    if headline and _placeholder_headline(headline, [t for t in (og_title, h1, page_title) if t]):
        headline = None
    if headline and og_title:
        og_key = _title_key(og_title)
        if og_key == _title_key(headline):
            return og_title
        if len(og_title.split()) >= SHARED_TAIL_MIN_WORDS and _title_key(headline).endswith(og_key):
            return og_title
        return headline
    if headline:
        return headline
    if og_title and h1 and _title_key(og_title) != _title_key(h1):
        shared = _shared_tail(og_title, h1)
        if shared:
            return shared
    return og_title or h1


_WORDS: Final = re.compile(r"\w+")


def _agree(first: str, second: str) -> bool:
    """Two titles say the same headline: the same words, or one inside the other
    ("Headline" / "Headline | Site")."""
    a, b = _title_key(first), _title_key(second)
    return bool(a) and bool(b) and (a in b or b in a)


def _placeholder_headline(headline: str, others: list[str]) -> bool:
    """A structured headline that names no article: one lower-case word, or no word
    in common with a title two other candidates agree on."""
    words = headline.split()
    if len(words) == 1 and headline.islower():
        return True
    mine = set(_WORDS.findall(headline.lower()))
    for i, first in enumerate(others):
        for second in others[i + 1 :]:
            if _agree(first, second):
                agreed = set(_WORDS.findall(first.lower())) | set(_WORDS.findall(second.lower()))
                if not mine & agreed:
                    return True
    return False


#: A title separator, or the colon after a kicker ("Topic: Headline").
_KICKER_SEPARATOR: Final = re.compile(r"(?:\s+(?:\||[-–—:·•»])|:)\s+")
#: A shared headline after two different kickers has at least this many words.
SHARED_TAIL_MIN_WORDS: Final = 4


def _shared_tail(first: str, second: str) -> str | None:
    """The last segment two titles share after different kickers, or None."""
    a_parts = _KICKER_SEPARATOR.split(first)
    b_parts = _KICKER_SEPARATOR.split(second)
    if len(a_parts) < 2 or len(b_parts) < 2:
        return None
    tail = a_parts[-1]
    if _title_key(tail) != _title_key(b_parts[-1]) or len(tail.split()) < SHARED_TAIL_MIN_WORDS:
        return None
    # The kickers are different words, not two wordings of one headline.
    a_words = set(_WORDS.findall(" ".join(a_parts[:-1]).lower()))
    b_words = set(_WORDS.findall(" ".join(b_parts[:-1]).lower()))
    if a_words & b_words:
        return None
    return tail


SECTION_MAX_CHARS: Final = 12


def _strip_tight_site(title: str, site: str | None) -> str:
    """'Headline：Site' / 'Headline-Sectionㅣ Site': the site name after an unspaced separator."""
    name = (site or "").strip()
    if not name or not title.endswith(name) or len(title) <= len(name) + 1:
        return title
    head = title[: -len(name)].rstrip()
    if not head or head[-1] not in _TIGHT_SEPARATOR:
        return title
    head = head.rstrip(_TIGHT_SEPARATOR)
    if head[-1:].isspace():
        return title  # a spaced separator (" - Site", " :: Site"): strip_site_name's split
    head = head.rstrip()
    # A one-word section just before it ("-Politicsㅣ").
    cut = max(head.rfind(c) for c in _TIGHT_SEPARATOR)
    section = head[cut + 1 :]
    if (
        cut > 0
        and len(section.split()) == 1
        and len(section) <= SECTION_MAX_CHARS
        and not head[cut - 1].isspace()
        and head[cut] != ":"
    ):
        head = head[:cut].rstrip()
    return head or title


#: The host's name without "www." and its top-level domains: "news.example.co.uk" -> "example".
_HOST: Final = re.compile(r"^https?://([^/:?#]+)", re.I)
_HOST_SKIP: Final = frozenset(
    {"www", "m", "amp", "com", "co", "org", "net", "gov", "gv", "or", "go", "ne", "ac", "edu"}
)
#: A site name and the domain match when the shorter has at least this many characters.
DOMAIN_MATCH_MIN_CHARS: Final = 4


def domain_key(url: str | None) -> str:
    """The letters and digits of the page's domain name ("https://www.rosa-news.de/x" ->
    "rosanews"): the second-level label, not a subdomain or a top-level domain."""
    m = _HOST.match(url or "")
    if m is None:
        return ""
    labels = [p for p in m.group(1).lower().split(".") if p]
    if len(labels) < 2:
        return ""
    labels = labels[:-1]  # the top-level domain
    while len(labels) > 1 and labels[-1] in _HOST_SKIP:
        labels.pop()  # "co" of "co.uk"
    return re.sub(r"\W+", "", labels[-1]) if labels else ""


def _names_domain(key: str, domain: str) -> bool:
    """A title segment's key names the site's domain ("Rosa-News Online" / "rosanews")."""
    if not key or not domain:
        return False
    short, long = sorted((key, domain), key=len)
    return len(short) >= DOMAIN_MATCH_MIN_CHARS and long.startswith(short)


def strip_site_name(title: str | None, site: str | None, url: str | None = None) -> str | None:
    """'Headline | The Site' -> 'Headline': drop a site name the page appends to its title.

    A segment after a separator goes when it names the site (its name, or the
    domain of its address ``url``), or when the separator is a pipe and the
    segment is short (pipes rarely sit in headlines).
    """
    if not title:
        return title
    title = _strip_tight_site(title, site)
    # "HARBOUR NEWS: Headline": the site's name and a colon before the headline.
    name = (site or "").strip()
    if name and title[: len(name) + 1].lower() == name.lower() + ":":
        rest_after = title[len(name) + 1 :].strip()
        if len(rest_after.split()) >= SECTION_BEFORE_SITE_MIN_WORDS:
            title = rest_after
    parts = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    site_key = re.sub(r"\W+", "", (site or "").lower())
    domain = domain_key(url)
    first = re.sub(r"\W+", "", parts[0].lower())
    rest = title[len(parts[0]) + len(seps[0]) :].strip() if len(parts) > 1 else ""
    if rest and site_key and first == site_key:
        return rest
    # "Example News - Headline": the site, named by its domain, before the headline.
    if (
        rest
        and len(parts[0].split()) <= 4
        and len(rest.split()) >= 4
        and _names_domain(first, domain)
    ):
        return strip_site_name(rest, site, url)
    # "Opinion | Headline": a one- or two-word section label before a pipe.
    if rest and seps[0].strip() == "|" and len(parts[0].split()) <= 2 and len(rest.split()) >= 4:
        return strip_site_name(rest, site, url)
    site_sep = ""
    while len(parts) > 1:
        last, sep = parts[-1], seps[-1].strip()
        key = re.sub(r"\W+", "", last.lower())
        named = bool(site_key) and (key in site_key or site_key in key)
        named = named or (len(last.split()) <= 4 and _names_domain(key, domain))
        named = named or bool(_DOMAIN_LIKE.match(last.strip()))  # "Headline - example.com"
        # "Headline - Politics - Site": a section of a word or two just before the site.
        section = (
            sep == site_sep
            and len(last.split()) <= 2
            and len(" ".join(parts[:-1]).split()) >= SECTION_BEFORE_SITE_MIN_WORDS
        )
        if named or section or (sep == "|" and len(last.split()) <= 5):
            site_sep = sep if named else site_sep
            parts.pop()
            seps.pop()
            continue
        break
    out = "".join(p + s for p, s in zip(parts, [*seps[: len(parts) - 1], ""], strict=True))
    return out.strip() or title


#: Markup left in a metadata value ("<em>Headline</em>"), and an entity escaped twice.
_TAG_IN_VALUE: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>")
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    if "&" in value:
        value = unescape(value)
        if "&" in value and _ENTITY.search(value):
            value = unescape(value)  # "&amp;quot;"
    if "<" in value:
        value = _TAG_IN_VALUE.sub("", value)
    value = " ".join(_INVISIBLE.sub("", value).split())
    return value or None
