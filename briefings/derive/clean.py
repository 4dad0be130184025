"""Remove boilerplate from an article's blocks, keeping credits as metadata.

One pass over the blocks drops page furniture (``boilerplate.furniture``),
credit and copyright lines, photo credits with the caption above them,
"Related Posts" lists and repeated lines; a second pass drops pull quotes
(a block repeated inside a longer one). What the furniture says about the
publisher ("originally appeared on X", "Source: X", an "(AGENCY)" dateline,
a copyright holder, the outlet a newsletter pitch names) goes to
``publisher.resolve_source``. Subheadings are kept as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from briefings.derive import boilerplate as bp
from briefings.derive.blocks import Block
from briefings.derive.document import Metadata
from briefings.derive.publisher import SourceClues, resolve_source
from briefings.derive.text import fold

_LIST_HEADER: Final = re.compile(
    r"(?:related(?: posts| articles| stories| content| coverage| news| reading| links| topics)?|"
    r"recommended(?: for you| stories| reading)?|read (?:more|next|also)|more (?:stories|news|on this(?: story)?|"
    r"from [\w ]{1,30})|you (?:may|might) also (?:like|be interested in)|also read|trending(?: now)?|"
    r"most (?:read|popular|viewed)|popular (?:posts|stories|now)|latest (?:news|stories|posts)|"
    r"what to read next|top stories|editor'?s picks|further reading|"
    # the same headers in German, Spanish, French and Italian
    r"auch interessant|(?:das (?:thema )?)?(?:könnte|dürfte) (?:dich|sie) auch interessieren|"
    r"zum weiterlesen|mehr zum thema|lesen sie (?:auch|mehr)|lies auch|weitere artikel|"
    r"más sobre [\w ]{1,30}|te puede interesar|lee también|(?:à )?lire aussi|leggi anche|"
    r"ti potrebbe interessare|mehr themen auf [\w .-]{1,30}|"
    # "Also on example.com", "Auch auf X", "Top-Themen bei X", "Mehr von X"
    r"(?:also on|auch auf|mehr von|más de|aussi sur|top[- ]themen(?: bei| auf)?) [\w .-]{1,30}|"
    r"top[- ]themen)",
    re.I,
)
# "(TMTPOST)China is ...", "DALLAS (AP) — ...", "WASHINGTON (Reuters) - ..."
_DATELINE_SOURCE: Final = re.compile(r"^\((?P<source>[A-Z][A-Za-z&.\- ]{1,30})\)\s*(?:[—–-]+\s*)?")
_AGENCY_DATELINE: Final = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*[A-Z][\w.]+(?: [A-Z0-9][\w.]*)?)?\s*"
    r"\((?P<source>[A-Z][A-Za-z& .]{1,25})\)\s*[—–-]+\s*"
)
DATELINE_SCAN: Final = 3
LABEL_MAX_WORDS: Final = 6
#: "About this series", "About us", "Über diese Reihe", "À propos de nous".
_ABOUT_HEADER: Final = re.compile(
    r"(?:about (?:this (?:series|site|blog|newsletter|podcast)|us|the (?:series|publisher))|"
    r"über (?:diese (?:reihe|serie|seite)|uns)|sobre (?:esta serie|nosotros)|"
    r"à propos(?: de (?:nous|cette série))?)",
    re.I,
)
#: An "About this series" header is looked for among this many last blocks.
ABOUT_SCAN: Final = 3
#: A teaser in a list of other stories has at most this many words.
TEASER_MAX_WORDS: Final = 15
#: An address box at the end: at most this many lines of at most this many words.
CONTACT_MAX_LINES: Final = 12
CONTACT_LINE_MAX_WORDS: Final = 8
#: An author's bio is looked for among this many last blocks.
BIO_SCAN: Final = 2
_PLACE_WORD: Final = r"[A-Z][\w.'’-]*"
#: "Islamabad, Pakistan (CNN)Pakistani ..." / "... . Moscow (CNN) -- Four days ...": a place
#: and an outlet in brackets glued to the first sentence or followed by a dash, at the
#: start of the paragraph or of one of its sentences.
_GLUED_DATELINE: Final = re.compile(
    r"(?:^|(?<=[.!?\"”’]\s))"
    rf"(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?)?"
    r"\s{0,3}\((?P<source>[A-Z][A-Za-z&.]*(?:\s[A-Z][A-Za-z&.]*){0,2})\)"
    r"(?:(?=[A-Z\"“‘])|\s*(?:--|[—–-])\s*)"
)
#: How far into the first paragraphs a dateline is looked for.
DATELINE_CHARS: Final = 300
#: Shorter lines may repeat in real text (list items, table rows).
REPEAT_MIN_WORDS: Final = 8
#: A block repeated word for word is a pull quote only among the first blocks.
PULL_QUOTE_TOP: Final = 3


@dataclass(frozen=True, slots=True)
class Removal:
    """A block the cleaner dropped, and why (for tests and the quality bench)."""

    text: str
    reason: str


_ENDS_SENTENCE: Final = re.compile(r"[.!?\"”:]$")


def _is_list_item(text: str) -> bool:
    return bp.words(text) <= 20 and not _ENDS_SENTENCE.search(text)


def _is_teaser(text: str) -> bool:
    """A line of a list of other stories: short, and no full stop (a teaser may end
    in "?" or "!")."""
    return _is_list_item(text) or (bp.words(text) <= TEASER_MAX_WORDS and text[-1:] in "?!")


def _is_caption_before_credit(block: Block) -> bool:
    return not block.heading and bp.reads_like_caption(block.text)


class _Cleaner:
    def __init__(self, meta: Metadata, removed: list[Removal] | None) -> None:
        self.meta = meta
        self.removed = removed
        self.clues = SourceClues()
        self.kept: list[Block] = []
        self.kept_index: list[int] = []  # input index of each kept block
        self.last_reason: str | None = None

    def drop(self, text: str, reason: str) -> None:
        if self.removed is not None:
            self.removed.append(Removal(text, reason))

    def run(self, blocks: list[Block]) -> list[Block]:
        n = len(blocks)
        i = 0
        while i < n:
            block = blocks[i]
            text = block.text
            if _LIST_HEADER.fullmatch(text.strip(" :•*·|>-–—")):
                # A "Related Posts" list: the header and the short title lines under it.
                self.drop(text, "related list")
                i += 1
                while i < n and not blocks[i].heading and _is_teaser(blocks[i].text):
                    self.drop(blocks[i].text, "related list")
                    i += 1
                continue
            reason = self.last_reason = self.classify(block, i)
            if reason:
                self.drop(text, reason)
                if reason == "photo credit" and self._caption_above(i):
                    self.drop(self.kept.pop().text, "caption")
                    self.kept_index.pop()
                i += 1
                continue
            for part in self.strip_dateline(block):
                self.kept.append(part)
                self.kept_index.append(i)
            i += 1
        self._drop_trailing_comment_system()
        self._drop_trailing_link(n)
        self._drop_trailing_contact()
        self._drop_trailing_about()
        self._drop_trailing_bio()
        self._drop_trailing_label()
        return self.kept

    def _drop_trailing_comment_system(self) -> None:
        """The comment form's prompts after the article ("You must be logged in to
        comment", "Please log out and log in again ..."): dropped from the end up."""
        while len(self.kept) > 1 and bp.is_comment_system(self.kept[-1].text):
            self.drop(self.kept[-1].text, "comment system")
            self.kept.pop()
            self.kept_index.pop()

    def _drop_trailing_label(self) -> None:
        """A short label ending in a colon with nothing after it ("Sources:") ends no article."""
        if len(self.kept) < 2:
            return
        last = self.kept[-1]
        if last.text.endswith(":") and bp.words(last.text) <= LABEL_MAX_WORDS:
            self.drop(last.text, "dangling label")
            self.kept.pop()
            self.kept_index.pop()

    def _drop_trailing_about(self) -> None:
        """'About this series' / 'Über uns' and a paragraph or two under it at the end:
        a note on the publisher, not the article."""
        last = len(self.kept)
        for k in range(last - 1, max(last - 1 - ABOUT_SCAN, 0), -1):
            if _ABOUT_HEADER.fullmatch(self.kept[k].text.strip(" :•*·|>-–—")):
                for block in self.kept[k:]:
                    self.drop(block.text, "about the publisher")
                del self.kept[k:]
                del self.kept_index[k:]
                return

    def _drop_trailing_contact(self) -> None:
        """An address box at the end (short lines: a name, a street, "Tel.: ...",
        "E-Mail: ..."): contact details, not article text."""
        start = len(self.kept)
        while (
            start > 0
            and len(self.kept) - start < CONTACT_MAX_LINES
            and bp.words(self.kept[start - 1].text) <= CONTACT_LINE_MAX_WORDS
            and not _ENDS_SENTENCE.search(self.kept[start - 1].text)
        ):
            start -= 1
        run = [b.text for b in self.kept[start:]]
        if (
            len(run) < 2
            or not any(map(bp.is_phone_line, run))
            or not any(map(bp.is_mail_line, run))
        ):
            return
        for text in run:
            self.drop(text, "contact")
        del self.kept[start:]
        del self.kept_index[start:]

    def _drop_trailing_bio(self) -> None:
        """'Jane Doe is a reporter covering ...' among the last blocks: the author's bio."""
        for k in range(len(self.kept) - 1, max(len(self.kept) - 1 - BIO_SCAN, 0), -1):
            block = self.kept[k]
            if not block.heading and bp.is_author_bio(block.text):
                self.drop(block.text, "author bio")
                del self.kept[k]
                del self.kept_index[k]
                return

    def _drop_trailing_link(self, n: int) -> None:
        """A headline-like last line followed only by furniture is a link to another story."""
        if not self.kept or self.kept_index[-1] == n - 1 or len(self.kept) < 3:
            return
        last = self.kept[-1]
        if last.heading or not _is_list_item(last.text) or bp.words(last.text) < 5:
            return
        self.drop(last.text, "related link")
        self.kept.pop()
        self.kept_index.pop()

    def classify(self, block: Block, i: int) -> str | None:
        text = block.text
        if block.heading:
            return "widget" if bp.is_widget(text) or bp.is_separator(text) else None
        outlet = bp.originally_appeared(text)
        if outlet:
            self.clues.originally.append(outlet)
            self.clues.boilerplate.append(text)
            return "originally appeared"
        if bp.is_copyright(text):
            self.clues.copyright.append(text)
            return "copyright"
        source = bp.source_line(text)
        if source:
            self.meta.credits.append(text)
            self.clues.source_lines.append(source)
            return "source line"
        if bp.credit_line(text):
            self.meta.credits.append(text)
            return "credit"
        if bp.is_photo_credit(text):
            return "photo credit"
        if not self.kept and bp.is_credited_caption(text):
            return "caption"  # the lead photo's caption and credit over the article
        reason = bp.furniture(text)
        if reason is None and self.last_reason == "promo" and bp.is_call_to_action(text):
            reason = "promo"  # a run of promotions: "Submit a nomination" / "Nominate a ..."
        if reason == "promo":
            self.clues.boilerplate.append(text)
        return reason

    def _caption_above(self, i: int) -> bool:
        """The block right above a photo credit is that photo's caption."""
        return bool(
            self.kept and self.kept_index[-1] == i - 1 and _is_caption_before_credit(self.kept[-1])
        )

    def strip_dateline(self, block: Block) -> list[Block]:
        """Take an agency dateline off one of the first paragraphs.

        A dateline inside the paragraph ("By X. London (CNN)The ...") splits it:
        the text before stays a paragraph of its own.
        """
        if block.heading or len(self.kept) >= DATELINE_SCAN or self.clues.datelines:
            return [block]
        text = block.text
        m = _DATELINE_SOURCE.match(text) or _AGENCY_DATELINE.match(text)
        if m is None:
            m = _GLUED_DATELINE.search(text, 0, DATELINE_CHARS)
        if not m or len(text) - m.end() < 20:
            return [block]
        self.clues.datelines.append(m.group("source").strip())
        before = text[: m.start()].strip()
        after = Block(text[m.end() :].lstrip(), block.heading)
        return [Block(before), after] if before else [after]


def _is_pull_quote(i: int, folded: list[str]) -> bool:
    """Block ``i`` repeats inside a longer block, or opens the article and recurs later.

    Other exact repeats are kept: lists and recipes repeat lines on purpose.
    """
    key = folded[i]
    if len(key.split()) < REPEAT_MIN_WORDS:
        return False
    for j, other in enumerate(folded):
        if j == i:
            continue
        if other == key:
            if i < PULL_QUOTE_TOP and j > i:
                return True
        elif key in other:
            return True
    return False


def _drop_pull_quotes(blocks: list[Block], removed: list[Removal] | None) -> list[Block]:
    """Drop pull quotes: text repeated inside a longer block, or a teaser repeated later."""
    folded = [fold(b.text) for b in blocks]
    # Pull quotes sit near the top; bound the quadratic scan for very long articles.
    check = len(blocks) if len(blocks) <= 200 else 12
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i < check and not block.heading and _is_pull_quote(i, folded):
            if removed is not None:
                removed.append(Removal(block.text, "pull quote"))
            continue
        out.append(block)
    return out


def clean_blocks(
    blocks: list[Block], meta: Metadata, removed: list[Removal] | None = None
) -> list[Block]:
    """Drop boilerplate blocks; record credits and the publisher in ``meta``.

    Pass a list as ``removed`` to learn what was dropped and why.
    """
    cleaner = _Cleaner(meta, removed)
    kept = _drop_pull_quotes(cleaner.run(blocks), removed)
    meta.source = resolve_source(meta.source, cleaner.clues, [b.text for b in kept])
    return kept
