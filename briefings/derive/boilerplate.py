"""Recognise page furniture one block at a time.

Each predicate describes a kind of furniture (a share widget, a photo credit,
a newsletter pitch), never a particular site's wording. ``furniture`` returns
the reason a block is furniture, or ``None`` for article text. Rules that need
the neighbouring blocks (a caption above a credit, a "Related Posts" list, a
pull quote) live in ``clean``.

The rules lean towards keeping text: a real paragraph wrongly dropped is worse
than a stray widget left in. ``bench.quality.zyte`` counts the paragraphs they
drop on corpora that hold no furniture (BBC, PolNeAR).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# Whole-block widget labels (compared lower-cased, bullets and colons trimmed).
_WIDGET: Final = re.compile(
    r"(?:advertisement|advertising|advert|sponsored(?: content)?|ad|ads by \w+|"
    r"story continues below(?: advertisement)?|article continues (?:below|after (?:this )?advertisement)|"
    r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?|ad feedback|"
    r"like\s*\d*|likes?\s*\(\d+\)|\d+\s+likes?|share(?: this| on \w+)?(?: article| story| post| page)?|"
    r"share via|copy link|link copied|tweet|email|e-mail|print|print this(?: article| page)?|"
    r"email this(?: article| story)?|facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|"
    r"comments?(?:\s*\(\d+\))?|\d+\s+comments?|view comments|show comments|load comments|"
    r"leave a (?:reply|comment)|join the conversation|posted by|posted in|filed under|tags?|topics?|"
    r"favou?rites?|add to favou?rites|save(?: article| for later)?|saved|bookmark|follow|following|"
    r"sign up|sign in|log ?in|log ?out|register|subscribe(?: now| today| here)?|"
    r"follow us|read more|read next|see also|see more|view more|load more|more|next|previous|"
    r"skip to (?:main )?content|back to top|menu|search|close|open|image|photo|video|audio|"
    r"listen(?: to this article)?|play|pause|loading\.*|getty images|"
    r"\d+\s*(?:-|–)?\s*(?:min(?:ute)?s?)(?:\s+read)?|reading time:?.*|"
    r"your email address will not be published\.?(?: required fields are marked\s*\*?)?|"
    r"required fields are marked\s*\*?|"
    # a contact box's label, in the languages of the dev pages
    r"(?:press |media )?contacts?|(?:presse)?kontakt|contacto|contatti|"
    # a newsletter box's title: "The Daily Newsletter"
    r"(?:[\w-]+\s+){0,3}newsletter)",
    re.I,
)
#: A file download's label: "PDF | 38 KB | ...", "PDF (1,2 MB)".
_FILE_LABEL: Final = re.compile(
    r"\(?(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub)\s*[|,(/]\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\b", re.I
)
#: A contact box: a phone or fax label and an e-mail address or label.
_PHONE: Final = re.compile(r"\b(?:tel|telefon|phone|fax|tél|teléfono)\b\.?\s*:?\s*[+(\d]", re.I)
_MAIL: Final = re.compile(r"\b(?:e-?mail|mail)\s*:", re.I)
_MAIL_ADDRESS: Final = re.compile(r"[\w.+-]{1,64}@[\w-]{1,64}\.\w")
CONTACT_MAX_WORDS: Final = 60
_HASHTAGS: Final = re.compile(r"(?:#\w[\w-]*[\s,]*){2,}")
_NO_WORDS: Final = re.compile(r"[\W_]+")

_COPYRIGHT: Final = re.compile(
    r"(?:^|\s)(?:copyright|\(c\)|©)\s*(?:\(c\)|©)?\s*\d{4}|(?:^|\s)©\s*(?-i:[A-Z])|"
    r"\ball rights reserved\b",
    re.I,
)
# "This article originally appeared on X", "This piece first appeared in X".
_ORIGINALLY: Final = re.compile(
    r"(?:^|[.!?]\s+)(?:(?:this|the) (?:article|story|post|piece|report|column|interview|essay) "
    r"(?:was )?)?(?:originally|first) (?:appeared|published|ran|posted) (?:on|in|at|by)\s+",
    re.I,
)
_CREDIT: Final = re.compile(
    r"\(?(?:additional reporting(?: by| from)?|reporting by|reported by|editing by|edited by|"
    r"written by|compiled by|with reporting (?:by|from)|contributed by|translated by|"
    r"research by|produced by|graphics by|illustrations? by)\b",
    re.I,
)
_SOURCE_LINE: Final = re.compile(
    r"(?:source|sources|via|courtesy(?: of)?|credit|distributed by|syndicated by|"
    # the same label in German, Spanish, French, Italian/Portuguese, Dutch, Nordic languages
    r"quelle|quellen|fuente|fuentes|fonte|fontes|bron|kilde|källa)\s*:\s*(?P<source>.+?)\.?",
    re.I,
)
_PHOTO_AGENCY: Final = re.compile(
    r"\b(?:getty(?: images)?|afp|reuters|ap(?: photo)?|associated press|shutterstock|xinhua|"
    r"bloomberg|epa(?:-efe)?|efe|istock(?:photo)?|alamy|pa(?: images| wire| media)?|anadolu|"
    r"sipa|zuma(?: press)?|imaginechina|cfp|corbis|flickr|wikimedia(?: commons)?|unsplash|"
    r"handout|file photo|pool|supplied|courtesy)\b",
    re.I,
)
_PHOTO_LABEL: Final = re.compile(
    r"(?:^|[\s.,(\[|])(?:photo(?:graph)?s?|picture|pic|image|credit|illustration|video|source)"
    r"\s*(?::|by\b|credit\b)\s*(?P<credit>[^.:]{1,60}?)[)\]>]*\s*$",
    re.I,
)
_ALT: Final = re.compile(r"\balt\s*=", re.I)

# Calls to action: imperative openings addressed to the reader.
_CTA: Final = re.compile(
    r"(?:sign up|sign-up|subscribe|follow (?:us|me|him|her|them|@)|like us|join (?:us|our|the)|"
    r"register (?:now|today|for|here)|download (?:the|our)|get (?:the|our|more|unlimited|access|"
    r"the latest|breaking)|click|tap|submit|nominate|enter your|read (?:the rest|more|the full|our)|"
    r"watch (?:the|our|more|live|it)|listen (?:to|now)|don'?t miss|for more(?: of| on|\b)|"
    r"want (?:more|to receive|to get|the latest)|to (?:subscribe|receive|get|sign up)|"
    r"support (?:our|us)|please (?:share|support|subscribe|consider|like)|share (?:this|your)|"
    r"have a (?:news )?tip|contact (?:us|the author)|send (?:us|tips)|check out|visit (?:our|us)|"
    r"become a (?:member|subscriber)|see (?:more|the full)|more (?:from|on|about)\b)",
    re.I,
)
_PROMO_WORD: Final = re.compile(
    r"\b(?:subscribe|newsletters?|sign(?:-| )?up|inbox|email address|email protected|"
    r"click here|tap here|our (?:app|platform|website|site|podcast|newsletter|database|team)|"
    r"follow (?:us|him|her|me)|award-winning team|free trial|unlimited access|@\w{3,}|"
    r"(?:facebook|twitter|linkedin|instagram|youtube)(?= (?:page|account|feed|channel)s?\b))",
    re.I,
)
_READER: Final = re.compile(r"\b(?:you|your|yours|our|us|we|here|below)\b", re.I)
_READER_STRICT: Final = re.compile(r"\b(?:you|your|our)\b", re.I)
_READER_QUESTION: Final = re.compile(
    r"(?:do|are|have|did|would|want|looking|interested|know|got) (?:you|to)\b[^?]{0,120}\?", re.I
)
_QUOTE_MARKS: Final = '"“”«»'
CAPTION_TAIL_CHARS: Final = 90
# What a photo caption says: people pictured doing something, somewhere, on a date.
_CAPTION_CUE: Final = re.compile(
    r"\b(?:speaks?|speaking|attends?|arrives?|arriving|poses?|posing|looks on|gestures?|waves?|"
    r"pictured|(?:is|are) seen|holds?|holding|walks?|listens?|delivers?|during|file photo|"
    r"\((?:L|R|C|left|right|centre|center)\)|left|right|(?:19|20)\d\d\b)",
    re.I,
)
_PRONOUN_START: Final = re.compile(r"(?:he|she|it|they|we|i|this|that|but|and|so)\b", re.I)


#: "Follow Jane Doe on Twitter.", "You can follow the paper on Instagram @x"
_FOLLOW_ON: Final = re.compile(
    r"(?:you can |please )?follow\s+(?:[\w@.'’-]+\s+){1,6}on\s+(?:twitter|x|facebook|instagram|"
    r"threads|bluesky|linkedin|tiktok|youtube|mastodon|google news|whatsapp|telegram)\b",
    re.I,
)
FOLLOW_MAX_WORDS: Final = 25
#: An affiliate or sponsorship disclaimer addressed to the reader.
_DISCLAIMER: Final = re.compile(
    r"\baffiliate (?:links?|commissions?|partners?|programs?)\b|"
    r"\b(?:we|i|this site|the site|our site)\s+(?:may\s+)?(?:earn|receive|get|make)\s+(?:a\s+)?"
    r"(?:small\s+)?(?:share of\s+|portion of\s+)?(?:the\s+)?(?:commissions?|compensation|revenue)\b|"
    r"\bcontains? references to products\b|"
    # "Dieser Artikel kann Links zu Anbietern enthalten, von denen X eine Provision erhält"
    r"\b(?:links? zu anbietern|affiliate-links?)\b|\beine provision\b|"
    r"\b(?:recibimos|recibe|obtenemos) una comisión\b|\b(?:touchons|percevons) une commission\b",
    re.I,
)
DISCLAIMER_MAX_WORDS: Final = 70


#: "Jane Doe is a senior reporter covering ...", "John Roe writes about ..."
_BIO: Final = re.compile(
    r"(?!(?:The|This|That|It|He|She|They|We|Our|His|Her)\b)(?:[A-Z][\w'’.-]+\s){1,3}"
    r"(?:is (?:a|an|the)\b[^.!?]{0,80}?\b(?:reporter|correspondent|editor|writer|journalist|"
    r"columnist|contributor|freelancer|author of)|covers|writes (?:about|for)|reports on)\b"
)
BIO_MAX_WORDS: Final = 60


def is_author_bio(text: str) -> bool:
    """A short third-person note on the writer: 'Jane Doe is a reporter at ...'."""
    return words(text) <= BIO_MAX_WORDS and bool(_BIO.match(text)) and text[:1] not in _QUOTE_MARKS


#: "Let us know in the comments", "Verraten Sie gerne in den Kommentaren: ...?"
_COMMENT_PROMPT: Final = re.compile(
    r"\b(?:in the comments|in den kommentaren|en (?:los )?comentarios|dans les commentaires|"
    r"nei commenti)\b",
    re.I,
)
COMMENT_PROMPT_MAX_WORDS: Final = 30
#: Social networks a pitch sends the reader to.
_NETWORK: Final = re.compile(
    r"\b(?:facebook|twitter|instagram|linkedin|youtube|tiktok|mastodon|bluesky|telegram)\b", re.I
)
#: Following or subscribing, in the languages of the dev pages.
_FOLLOW_VERB: Final = re.compile(
    r"\b(?:follow|folg(?:e|t|en)|suiv(?:ez|re)|s[ií]gue(?:nos)?|seguir(?:nos)?|segui(?:teci)?|"
    r"abonn\w*|suscr[ií]b\w*|newsletter)\b",
    re.I,
)
SOCIAL_MAX_WORDS: Final = 40
#: The pitch speaks to the reader or gives an address: "follow us", "folgt mir",
#: "síguenos", "suivez-nous", an @handle or an e-mail address.
_ADDRESSED: Final = re.compile(
    r"\b(?:you|your|us|me|uns|mir|dir|euch|nous|vous|ci)\b|"
    r"\b(?:seguir|escribir|s[ií]gue|suscr[ií]be)nos\b|@\w|[\w.+-]{1,64}@[\w-]{1,64}\.\w",
    re.I,
)


def is_social_pitch(text: str) -> bool:
    """'Puede escribirnos ... o seguir a X en Facebook, Twitter ...', 'Folgt mir gerne auf
    Instagram.': a short line that sends the reader to social accounts."""
    if words(text) > SOCIAL_MAX_WORDS or text[:1] in _QUOTE_MARKS:
        return False
    networks = {m.lower() for m in _NETWORK.findall(text)}
    if not networks or not _FOLLOW_VERB.search(text) or not _ADDRESSED.search(text):
        return False
    return len(networks) >= 2 or words(text) <= 12


#: The prompts of a comment system under an article: signing in to comment, the
#: name shown with a comment, the comment form and its state.
_COMMENT_SYSTEM: Final = re.compile(
    r"\bdisplay name\b|\bscreen name\b|\bbefore (?:commenting|you comment|posting)\b|"
    r"\b(?:log|sign) ?out\b.{0,60}\b(?:log|sign) ?(?:in|on)\b|"
    r"\b(?:must|need to|have to) be (?:logged|signed) in\b|"
    r"\b(?:log|sign) ?in (?:to|and) (?:comment|post|reply|join|leave|add)|"
    r"\b(?:to|and) (?:post|leave|add|write) a (?:comment|reply)\b|"
    r"^(?:leave|post|add|write) a (?:comment|reply)\b|"
    r"\bcomments? (?:are|is|have been|has been) (?:now )?(?:closed|disabled|turned off|moderated)\b|"
    r"\bbe the first to comment\b|\bcomment(?:ing|s)? (?:guidelines|policy|rules)\b|"
    r"\bcommunity (?:guidelines|standards)\b|^(?:show|view|hide|load|see) (?:all )?\d* ?comments?\b|"
    r"\bjoin the (?:conversation|discussion)\b|"
    r"\bum (?:zu )?kommentieren\b|\bkommentare (?:sind )?geschlossen\b|"
    r"\bpour commenter\b|\bpara comentar\b|\bper commentare\b",
    re.I,
)
COMMENT_SYSTEM_MAX_WORDS: Final = 40


def is_comment_system(text: str) -> bool:
    """'You must be logged in to comment', 'Please log out and log in again ...':
    a short prompt of the comment form under an article."""
    return words(text) <= COMMENT_SYSTEM_MAX_WORDS and bool(_COMMENT_SYSTEM.search(text.strip()))


def is_comment_prompt(text: str) -> bool:
    """'Tell us in the comments: ...?': an invitation to comment."""
    return words(text) <= COMMENT_PROMPT_MAX_WORDS and bool(_COMMENT_PROMPT.search(text))


def is_file_label(text: str) -> bool:
    """'PDF | 38 KB | not accessible': a download link's label."""
    return words(text) <= 20 and bool(_FILE_LABEL.match(text.strip()))


def is_phone_line(text: str) -> bool:
    return bool(_PHONE.search(text))


def is_mail_line(text: str) -> bool:
    return bool(_MAIL.search(text)) or ("@" in text and bool(_MAIL_ADDRESS.search(text)))


def is_contact_box(text: str) -> bool:
    """'Press office, Street 7, Berlin, Tel.: (030) 123, E-Mail: x@y.de': contact details."""
    return (
        words(text) <= CONTACT_MAX_WORDS
        and bool(_PHONE.search(text))
        and is_mail_line(text)
        and text[:1] not in _QUOTE_MARKS
    )


def is_follow_line(text: str) -> bool:
    """'Follow Jane Doe on Twitter.': a pointer to a social account."""
    return words(text) <= FOLLOW_MAX_WORDS and bool(_FOLLOW_ON.match(text.strip(" (*_")))


def is_disclaimer(text: str) -> bool:
    """'This article contains affiliate links; we may earn a commission ...'."""
    low = text.lower()
    if (
        "affiliate" not in low
        and "commission" not in low
        and "compensation" not in low
        and ("revenue" not in low and "references to products" not in low)
        and ("provision" not in low and "links zu anbietern" not in low and "comisi" not in low)
    ):
        return False
    return words(text) <= DISCLAIMER_MAX_WORDS and bool(_DISCLAIMER.search(text))


_ENDS_COLON_OR_QUESTION: Final = re.compile(r"[:?]$")
_SECOND_SENTENCE: Final = re.compile(r"[.!?][\"”’]?\s+[A-Z]")


def reads_like_caption(text: str) -> bool:
    """One sentence that describes a picture (a cue word, no narrative pronoun opening)."""
    if words(text) > 60 or text[:1] in "\"“‘'" or _ENDS_COLON_OR_QUESTION.search(text):
        return False
    if _SECOND_SENTENCE.search(text.rstrip(".")):
        return False  # more than one sentence
    return not _PRONOUN_START.match(text) and bool(_CAPTION_CUE.search(text))


@lru_cache(maxsize=4096)
def words(text: str) -> int:
    return len(text.split())


def is_widget(text: str) -> bool:
    """A widget label: 'Share', 'LIKE 0', 'Advertisement', '3 min read', 'Leave a Reply'."""
    low = text.strip(" \t:•*·|>-–—").lower()
    return bool(_WIDGET.fullmatch(low))


def is_separator(text: str) -> bool:
    """A line with no words: '***', '___.', '—'."""
    return bool(_NO_WORDS.fullmatch(text))


def is_hashtag_line(text: str) -> bool:
    return bool(_HASHTAGS.fullmatch(text.strip()))


def is_copyright(text: str) -> bool:
    """'Copyright © 2023 X Ltd. All rights reserved.' (short lines only)."""
    low = text.lower()
    if "©" not in text and "copyright" not in low and "(c)" not in low and "reserved" not in low:
        return False
    return words(text) <= 60 and (text.lstrip().startswith("©") or bool(_COPYRIGHT.search(text)))


#: A block that is only a writer's initials in brackets: "(dmk)", "(ab/cd)".
_INITIALS: Final = re.compile(
    r"\((?:[a-z]{2,4}|[A-Z]{2,4})(?:\s*[/,]\s*(?:[a-z]{2,4}|[A-Z]{2,4}))*\)"
)


#: A line that is only a web site's name: "EXAMPLE.COM", "www.example.org".
_DOMAIN_LINE: Final = re.compile(
    r"(?:www\.)?[a-z0-9-]{2,40}\.(?:com|net|org|info|co\.uk|de|fr|es|it)", re.I
)


def is_domain_line(text: str) -> bool:
    """'BVINEWS.COM' on a line of its own: the source a story was copied from."""
    return bool(_DOMAIN_LINE.fullmatch(text.strip(" .()[]|")))


#: A video or audio teaser's running time after a bar: "... 21.04.2024 | 3:18 min".
_RUNNING_TIME: Final = re.compile(
    r"\|\s*\d{1,3}:\d{2}\s*(?:min|mins|minutes|minuten|minutos)\.?\s*$", re.I
)
TEASER_TAIL_CHARS: Final = 30


def is_media_teaser(text: str) -> bool:
    """A teaser for a video or audio item, ending in its date and running time."""
    return words(text) <= 80 and bool(
        _RUNNING_TIME.search(text, max(0, len(text) - TEASER_TAIL_CHARS))
    )


def is_initials(text: str) -> bool:
    return bool(_INITIALS.fullmatch(text.strip(" .")))


def originally_appeared(text: str) -> str | None:
    """The outlet in 'This article originally appeared on X ...', if the line is one."""
    low = text.lower()
    if "originally" not in low and "first" not in low:
        return None
    m = _ORIGINALLY.search(text)
    if not m or words(text) > 80:
        return None
    # Only at the start of the block, or in a short block.
    if m.start() > 0 and words(text[: m.start()]) > 25:
        return None
    return outlet_name(text[m.end() :])


_OUTLET_NAME: Final = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z0-9][\w&'’.-]*)(?:\s+(?:of|and|&|for|on|the|de|[A-Z0-9][\w&'’.-]*))*)"
)
_OUTLET_TRAILING_WORD: Final = re.compile(r"\s+(?:of|and|&|for|on|the|de)$")


def outlet_name(text: str) -> str | None:
    """The capitalised outlet name that opens ``text``: 'the South China Morning Post (SCMP), ...'."""
    m = _OUTLET_NAME.match(text.strip())
    if not m:
        return None
    name = m.group("name").rstrip(".,;:")
    name = _OUTLET_TRAILING_WORD.sub("", name)
    return name or None


def credit_line(text: str) -> bool:
    """'Additional reporting by X', '(Reporting by X; Editing by Y)', 'Translated by X.'"""
    return words(text) <= 25 and bool(_CREDIT.match(text.strip()))


def source_line(text: str) -> str | None:
    """The source named by a short 'Source: X' line."""
    if words(text) > 10:
        return None
    m = _SOURCE_LINE.fullmatch(text.strip())
    return m.group("source").strip() if m else None


#: What a scraped page prints for a screen reader before a picture's source or caption.
_LABELLED_PICTURE: Final = re.compile(
    r"(?:image|photo|picture|media|video)\s+(?:source|caption|credit)s?\s*[,:]\s*\S", re.I
)


_NOT_IN_CREDIT: Final = re.compile(r"[!?\"“”]|://")
_PHOTO_CREDIT_LABEL: Final = re.compile(
    r"(?:photo(?:graph)?s?|picture|image|credit|pic)\s*(?::|by\b)", re.I
)
_CREDIT_SEPARATOR: Final = re.compile(r"\s*[|/]\s*")


def is_photo_credit(text: str) -> bool:
    """A stand-alone photo or agency credit: 'China News Service | Getty Images',
    'John Smith / Reuters.', 'Photo: AFP'."""
    stripped = text.strip(" .()[]")
    if words(stripped) <= 60 and _LABELLED_PICTURE.match(stripped):
        return True  # "Image source, PA Media" / "Image caption, Crowds at ..."
    if words(stripped) > 12 or _NOT_IN_CREDIT.search(stripped):
        return False
    if _PHOTO_CREDIT_LABEL.match(stripped):
        return True
    parts = [p for p in _CREDIT_SEPARATOR.split(stripped) if p.strip()]
    return (
        len(parts) >= 2
        and all(words(p) <= 6 for p in parts)
        and bool(_PHOTO_AGENCY.search(stripped))
    )


def is_caption(text: str) -> bool:
    """A photo caption with its credit on the same line, or an image's alt text."""
    if "alt" in text.lower() and _ALT.search(text):
        return True
    if words(text) > 80:
        return False
    # The credit label ends the block: look at its tail only.
    offset = max(0, len(text) - CAPTION_TAIL_CHARS)
    m = _PHOTO_LABEL.search(text, offset)
    return bool(m and m.start() > 0 and words(m.group("credit")) <= 6)


#: A picture's credit in capitals at the end of its caption: "... at the quay. By
#: HARBOUR AUTHORITY", "... By JANE DOE/AGENCY".
_CAPS_CREDIT: Final = re.compile(
    r"[.!?]\s+(?:By|BY|Photo by|Photo:)\s+(?P<credit>[A-Z][^a-z]{1,80})$"
)
CREDITED_CAPTION_MAX_WORDS: Final = 45
CAPS_CREDIT_MAX_WORDS: Final = 8


def is_credited_caption(text: str) -> bool:
    """One sentence, then a credit in capitals ("By HARBOUR AUTHORITY"): a photo's
    caption and its credit, not the article's words."""
    m = _CAPS_CREDIT.search(text)
    if m is None or words(text) > CREDITED_CAPTION_MAX_WORDS:
        return False
    credit = m.group("credit").strip()
    if words(credit) > CAPS_CREDIT_MAX_WORDS or not any(c.isalpha() for c in credit):
        return False
    before = text[: m.start() + 1]
    return not _SECOND_SENTENCE.search(before.rstrip(".!?"))


#: The words of a staff or wire credit ("Staff and news service reports",
#: "From staff and wire reports", "Staff report", "Staff writer", "Wire services").
_CREDIT_WORDS: Final = frozenset(
    {
        "from",
        "by",
        "the",
        "and",
        "&",
        "staff",
        "news",
        "service",
        "services",
        "wire",
        "wires",
        "report",
        "reports",
        "writer",
        "writers",
        "agency",
        "agencies",
        "combined",
        "compiled",
        "dispatches",
        "bureau",
        "bureaus",
        "reporter",
        "reporters",
    }
)
#: A credit word that no person's name is made of.
_CREDIT_CORE: Final = frozenset(
    {"staff", "wire", "wires", "service", "services", "report", "reports", "agencies"}
)


def is_staff_credit(text: str) -> bool:
    """A staff or wire credit that names no person: every word a credit word
    ("Staff and news service reports", "Staff writer"), one of them a desk's."""
    words = [w.strip(",.:;") for w in text.lower().split()]
    words = [w for w in words if w]
    return (
        0 < len(words) <= 8
        and all(w in _CREDIT_WORDS for w in words)
        and any(w in _CREDIT_CORE for w in words)
    )


_TRANSCRIPT_TURN: Final = re.compile(r"[A-Z][A-Z .'-]{1,30}:")
_OUR_WE: Final = re.compile(r"\b(?:our|we)\b", re.I)


def is_promo(text: str) -> bool:
    """A call to action or a pitch addressed to the reader (newsletter, app, awards)."""
    if text[:1] in _QUOTE_MARKS or text[:1] == "<" or words(text) > 70:
        return False
    if _TRANSCRIPT_TURN.match(text):  # a transcript turn: "TAPPER: Do you ..."
        return False
    if _CTA.match(text):
        if words(text) <= 8 or _promo_words(text) >= 1:
            return True
        return bool(_READER.search(text)) and words(text) <= 30
    # "Do you rank in our database?", "Do you have questions ...? Get the answers with ..."
    question = _READER_QUESTION.match(text)
    if question and _OUR_WE.search(text):
        return True
    if question and question.end() < len(text) and _promo_words(text) >= 1:
        return True
    if not _READER_STRICT.search(text):
        return False  # most paragraphs: no promotion words are counted
    promo = _promo_words(text)
    quoted = any(mark in text for mark in _QUOTE_MARKS) or "''" in text
    return promo >= 3 or (promo >= 2 and not quoted)


def _promo_words(text: str) -> int:
    return len(_PROMO_WORD.findall(text))


#: A pointer to more information elsewhere, in the languages of the dev pages:
#: "Weitere Infos unter …", "Weitere Informationen:", "Más información en …",
#: "Plus d'informations sur …", "More information: …", "For the latest news … download".
_POINTER: Final = re.compile(
    r"(?:weitere|mehr) (?:infos?|informationen)\b|más información\b|plus d'informations\b|"
    r"(?:more|further) information:|(?:for|get) the latest (?:news|stories|updates|headlines)\b|"
    # "Lesen Sie hier: <another story>", "Read also: ...", "Lee también: ..."
    r"(?:lesen sie|lies|read|lee|lire|leggi)(?: auch| hier| mehr| also| also| también| aussi| anche)?"
    r"\s*:|"
    # "Alles über X findest du hier.", "Mehr dazu finden Sie hier."
    r"[^.!?]{0,80}\b(?:findest du|finden sie|find out more|learn more)\s+(?:\w+\s+){0,3}(?:hier|here)"
    r"\s*[.!]?$",
    re.I,
)
POINTER_MAX_WORDS: Final = 20


def is_pointer(text: str) -> bool:
    """A short line that sends the reader elsewhere for more information."""
    return words(text) <= POINTER_MAX_WORDS and bool(_POINTER.match(text))


def is_call_to_action(text: str) -> bool:
    """Opens with an imperative addressed to the reader ('Nominate a ...', 'Sign up for ...')."""
    return words(text) <= 40 and text[:1] not in _QUOTE_MARKS and bool(_CTA.match(text))


def furniture(text: str) -> str | None:
    """Why ``text`` is page furniture, or None when it reads as article text."""
    if is_separator(text):
        return "separator"
    if is_widget(text):
        return "widget"
    if is_hashtag_line(text):
        return "hashtags"
    if is_caption(text):
        return "caption"
    if is_promo(text) or is_follow_line(text) or is_pointer(text):
        return "promo"
    if is_social_pitch(text) or is_comment_prompt(text):
        return "promo"
    if is_disclaimer(text):
        return "disclaimer"
    if is_file_label(text):
        return "file label"
    if is_contact_box(text):
        return "contact"
    if is_initials(text):
        return "initials"
    if is_domain_line(text):
        return "source domain"
    if is_media_teaser(text):
        return "media teaser"
    return None
