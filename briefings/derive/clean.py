"""Remove boilerplate from an article's blocks, keeping credits as metadata.

Every rule here is generic: it describes a kind of page furniture (share and
subscribe widgets, photo captions and credits, "Related Posts" lists, hashtag
lines, copyright lines, calls to action), never a particular site's wording.
"""

from __future__ import annotations

import re

from briefings.derive.blocks import Block
from briefings.derive.document import Metadata

# Whole-line page furniture (compared case-insensitively, after trimming).
_WIDGET = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|like\s*\d*|share(?: this(?: article| story)?)?|"
    r"tweet|email|print|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave a (?:reply|comment)|"
    r"posted by|favou?rite|save|bookmark|sign up|log ?in|subscribe|subscribe (?:now|to our [\w ]+)|"
    r"follow us|read more|continue reading|see also|more from [\w ]+|skip to (?:main )?content|"
    r"image|photo|video|listen(?: to this article)?|close|menu|search|back to top|"
    r"your email address will not be published\.?(?: required fields are marked\s*\*?)?)$",
    re.I,
)
_LIST_HEADERS = re.compile(
    r"^(?:related(?: posts| articles| stories| content| coverage| news)?|recommended(?: for you)?|"
    r"read (?:more|next|also)|more (?:stories|news|on this)|you (?:may|might) also like|"
    r"trending(?: now)?|most (?:read|popular)|popular (?:posts|stories)|latest (?:news|stories))\s*:?$",
    re.I,
)
_HASHTAGS = re.compile(r"^(?:#\w[\w-]*[\s,]*){2,}$")
_COPYRIGHT = re.compile(
    r"(?:^|\s)(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?\s*\d{4}|all rights reserved", re.I
)
_ORIGINALLY = re.compile(
    r"(?:this (?:article|story|post) )?(?:originally|first) (?:appeared|published|ran) (?:on|in|at)\s+"
    r"(?:the\s+)?(?P<source>[A-Z][\w&.'’ -]*?[\w)])(?:\s*\((?P<abbr>[A-Z]{2,})\))?(?=[,.;]|\s+(?:on|and|,)|$)",
    re.I,
)
_SOURCE_LINE = re.compile(
    r"^(?:source|sources|via|courtesy(?: of)?)\s*:\s*(?P<source>.+?)\.?$", re.I
)
_CREDIT = re.compile(
    r"^(?:additional reporting by|reporting by|editing by|written by|compiled by|edited by|"
    r"with reporting from|contributed by|translated by)\b.*$",
    re.I,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\bphoto(?:graph)?s?\s*(?:by|:|credit)|\bimage\s*(?:by|:|credit)|getty images|\bafp\b|"
    r"\breuters\b|\bshutterstock\b|\bap photo\b|\bxinhua\b|\bbloomberg\b|\bepa\b)",
    re.I,
)
_ALT = re.compile(r"\balt\s*=", re.I)
_CTA = re.compile(
    r"^(?:sign up|subscribe|follow (?:us|him|her|them)|contact|download|click|join|register|"
    r"submit|nominate|get (?:the|our)|share|leave|read (?:the|our|more)|don'?t miss)\b",
    re.I,
)
_PROMO_WORDS = re.compile(
    r"\b(?:subscri(?:be|ption)|newsletter|sign up|follow (?:us|him|her)|email protected|"
    r"@\w{3,}|our (?:app|platform|newsletter|website)|click here|download (?:the|our) app|"
    r"for more [\w ]+ stories|award-winning team)\b",
    re.I,
)
_DATELINE_SOURCE = re.compile(r"^\((?P<source>[A-Z][A-Za-z&.\- ]{1,30})\)\s*")
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*[A-Z][\w.]+)?\s*\((?P<source>[A-Z][A-Za-z& .]{1,25})\)\s*[—–-]+\s*"
)


def _word_count(text: str) -> int:
    return len(text.split())


def _is_credit_line(text: str) -> bool:
    """A photo/agency credit such as 'China News Service | Getty Images'."""
    if len(text) > 120 or (text.endswith((".", "?", "!")) and _word_count(text) > 8):
        return False
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*", text) if p.strip()]
    return len(parts) >= 2 and bool(_PHOTO_CREDIT.search(text))


def _is_caption(text: str) -> bool:
    if _ALT.search(text):
        return True
    return bool(
        re.search(r"(?:\.|,)\s*(?:photo|picture|image|credit)\s*:\s*[\w .&'’-]+>?\s*$", text, re.I)
    )


def _is_promo(text: str) -> bool:
    """A call to action, newsletter or app promotion."""
    hits = len(_PROMO_WORDS.findall(text))
    if hits >= 2:
        return True
    if _CTA.match(text) and (hits >= 1 or _word_count(text) <= 25):
        return True
    # "Do you have questions ...? Get the answers with ..." (a question to the reader, then a pitch)
    return bool(
        re.match(r"^(?:do|are|want|looking|have) you\b[^?]*\?\s+[A-Z]", text, re.I) and hits >= 1
    )


def _is_short_stub(text: str) -> bool:
    """A short line without sentence punctuation: a widget label or a heading in a list."""
    return _word_count(text) <= 6 and not re.search(r"[.!?\"”]$", text)


def clean_blocks(blocks: list[Block], meta: Metadata) -> list[Block]:
    """Drop boilerplate blocks; record credits and the publisher in ``meta``."""
    kept: list[Block] = []
    seen: set[str] = set()
    n = len(blocks)
    i = 0
    while i < n:
        block = blocks[i]
        text = block.text
        low = text.lower().strip(" :•*")
        if _LIST_HEADERS.match(low):
            # A "Related Posts" list: the header and the short title lines under it.
            i += 1
            while i < n and not blocks[i].heading and _looks_like_list_item(blocks[i].text):
                i += 1
            continue
        if _WIDGET.match(low) or _HASHTAGS.match(text) or re.fullmatch(r"[\W_]+", text):
            i += 1
            continue
        originally = _ORIGINALLY.search(text)
        if originally or _COPYRIGHT.search(text):
            if originally and not meta.source:
                meta.source = originally.group("source").strip()
            i += 1
            continue
        source_line = _SOURCE_LINE.match(text)
        if source_line and _word_count(text) <= 8:
            meta.credits.append(text)
            if not meta.source:
                meta.source = source_line.group("source").strip()
            i += 1
            continue
        if _CREDIT.match(text) and _word_count(text) <= 20:
            meta.credits.append(text)
            i += 1
            continue
        if _is_credit_line(text):
            # The block before a photo credit is the photo's caption.
            if (
                kept
                and not kept[-1].heading
                and _word_count(kept[-1].text) <= 60
                and kept[-1] is blocks[i - 1]
            ):
                kept.pop()
            i += 1
            continue
        if _is_caption(text) or _is_promo(text):
            i += 1
            continue
        dateline = _DATELINE_SOURCE.match(text) or _AGENCY_DATELINE.match(text)
        if dateline:
            if not meta.source:
                meta.source = dateline.group("source").strip()
            text = text[dateline.end() :].lstrip()
            block = Block(text, block.heading)
        key = _fold(text)
        if key in seen:  # duplicated pull quote or repeated line
            i += 1
            continue
        seen.add(key)
        kept.append(block)
        i += 1
    return _trim_tail(_drop_pull_quotes(kept))


def _looks_like_list_item(text: str) -> bool:
    return _word_count(text) <= 20 and not re.search(r"[.!?\"”]$", text)


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _drop_pull_quotes(blocks: list[Block]) -> list[Block]:
    """Drop a block whose text is repeated inside a later, longer block (a pull quote)."""
    folded = [_fold(b.text) for b in blocks]
    out: list[Block] = []
    # Pull quotes sit near the top; bound the quadratic scan for very long articles.
    check = len(blocks) if len(blocks) <= 200 else 12
    for i, block in enumerate(blocks):
        key = folded[i]
        if (
            i < check
            and len(key) >= 40
            and any(key in folded[j] and folded[j] != key for j in range(len(blocks)) if j != i)
        ):
            continue
        out.append(block)
    return out


def _trim_tail(blocks: list[Block]) -> list[Block]:
    """Drop a trailing run of short stubs (widget labels, link titles)."""
    end = len(blocks)
    while end > 0 and _is_short_stub(blocks[end - 1].text):
        end -= 1
    return blocks[:end]
